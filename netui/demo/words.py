"""The demo network's material: names, places, companies and the words its rows are made of.

Plain data only (tuples, dicts, strings, numbers): netui.demo.material turns the weighted
lists into the shapes the planner draws from. The order of every table is part of the demo:
the same seed picks the same entries, so a change here changes every demo network (and the
digest pinned in tests/domain/test_demo.py).
"""

NAMES = {
    "it": (
        ("Giulia", "Marco", "Nicolò", "Francesca", "Alessandro", "Chiara", "Luca", "Sofia", "Matteo",
         "Martina", "Lorenzo", "Giorgia", "Andrea", "Elena", "Davide", "Sara", "Federico", "Alessia",
         "Simone", "Valentina", "Riccardo", "Beatrice", "Tommaso", "Ilaria", "Gabriele", "Camilla",
         "Pietro", "Aurora", "Edoardo", "Noemi", "Niccolò", "Greta", "Filippo", "Arianna", "Emanuele",
         "Serena", "Giacomo", "Marta", "Stefano", "Paola", "Fabrizio", "Roberta", "Salvatore",
         "Carmela", "Gianluca", "Lucia", "Michele", "Anna", "Raffaele", "Rosa", "Vittorio", "Irene",
         "Mattia", "Ludovica", "Maurizio", "Cinzia", "Giuseppe", "Antonella", "Ludovico", "Benedetta"),
        ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
         "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
         "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso",
         "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale", "Serra",
         "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi", "Villa", "Conte", "Ferraro",
         "Fabbri", "Bianco", "Marini", "Grasso", "Valentini", "Messina", "Sala", "De Angelis", "Gatti",
         "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi", "Monti", "Cattaneo", "Morelli", "Amato",
         "Silvestri", "Mazza", "Testa", "Carbone", "Giuliani", "Benedetti", "Barone", "Caputo",
         "Guerra", "Palmieri", "Bernardi", "Fiore", "De Rosa", "Ferretti", "Bellini", "Basile", "Riva",
         "Donati", "Piras", "Sartori", "Neri", "Milani", "Pagano", "Sorrentino", "D'Amico", "Orlando",
         "Dell'Acqua", "Lo Russo", "Zanetti", "Brambilla", "Sciarra", "Nicolosi"),
    ),
    "fr": (
        ("Élodie", "Camille", "Léa", "Chloé", "Manon", "Inès", "Thomas", "Hugo", "Théo", "Louis",
         "Mathilde", "Étienne", "François", "Anaïs", "Jérôme", "Clémence", "Aurélien", "Noémie"),
        ("Martin", "Bernard", "Dubois", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
         "Lefèvre", "Fournier", "Girard", "Bonnet", "Mercier", "Faure", "Rousseau", "Blanc", "Guérin",
         "Chevalier", "Gauthier"),
    ),
    "de": (
        ("Jonas", "Lukas", "Leon", "Felix", "Lena", "Hannah", "Jürgen", "Sören", "Katharina",
         "Maximilian", "Sophie", "Matthias", "Anja", "Tobias", "Jörg", "Friederike"),
        ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
         "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
         "Krüger", "Weiß", "Groß"),
    ),
    "es": (
        ("Lucía", "María", "Sofía", "Paula", "Alejandro", "Pablo", "Javier", "Carmen", "Íñigo",
         "Begoña", "Sergio", "Álvaro", "Nuria", "Adrián"),
        ("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez",
         "Gómez", "Ruiz", "Hernández", "Jiménez", "Díaz", "Moreno", "Muñoz", "Álvarez", "Navarro",
         "Torres", "Domínguez", "Ibáñez"),
    ),
    "en": (
        ("Emma", "Olivia", "James", "Oliver", "Charlotte", "Harry", "Amelia", "George", "Jack",
         "Emily", "Michael", "Sarah", "David", "Jessica", "Daniel", "Megan", "Chloe", "Ryan"),
        ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Evans",
         "O'Brien", "Walker", "Wright", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall",
         "Wood", "Clarke", "McAllister", "O'Connor"),
    ),
    "pl": (
        ("Łukasz", "Michał", "Paweł", "Krzysztof", "Agnieszka", "Małgorzata", "Katarzyna", "Zofia",
         "Tomasz", "Joanna", "Wojciech", "Bożena"),
        ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
         "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Mazur"),
    ),
    "no": (
        ("Ingrid", "Astrid", "Sigrid", "Bjørn", "Håkon", "Magnus", "Solveig", "Øystein", "Kari",
         "Lars", "Ørjan", "Åse"),
        ("Ødegaard", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
         "Kristiansen", "Berg", "Haugen", "Dahl", "Bakken", "Lie", "Sæther", "Løvås"),
    ),
    "cn": (
        ("Wei", "Na", "Min", "Yang", "Jing", "Lei", "Fang", "Xin", "Hao", "Mei"),
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"),
    ),
    "jp": (
        ("Yuki", "Haruto", "Aiko", "Kenji", "Sakura", "Takumi", "Hana", "Ren"),
        ("Tanaka", "Sato", "Suzuki", "Watanabe", "Takahashi", "Ito", "Yamamoto", "Nakamura"),
    ),
    "pt": (
        ("João", "Inês", "Gonçalo", "Beatriz", "Tiago", "Mariana", "Rui", "Leonor"),
        ("Silva", "Santos", "Ferreira", "Gonçalves", "Conceição", "Pereira", "Oliveira", "Magalhães"),
    ),
    "in": (
        ("Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Aditi", "Rahul"),
        ("Sharma", "Patel", "Iyer", "Gupta", "Reddy", "Nair", "Menon", "Kapoor"),
    ),
    "ar": (
        ("Fatima", "Omar", "Youssef", "Leila", "Karim", "Amina", "Nour", "Rachid"),
        ("El Amrani", "Haddad", "Benali", "Khalil", "Mansour", "Bennani", "Tazi", "Alaoui"),
    ),
}
# Written in Chinese characters: (full name, romanised for e-mail addresses). Chinese puts
# the family name first, so the whole name is kept as one, as `netui add "王伟"` would.
CJK_NAMES = (
    ("王伟", "wang.wei"), ("李娜", "li.na"), ("张敏", "zhang.min"), ("刘洋", "liu.yang"),
    ("陈静", "chen.jing"), ("杨帆", "yang.fan"), ("赵磊", "zhao.lei"), ("黄丽", "huang.li"),
)

# The first people of every network: one per circle, names that show off netui's folding
# ("nicolo", "odegaard", "lodz" find them), the same in every demo.
SHOWCASE = (
    ("Giulia", "Rossi", "it", "Milano", "work"),
    ("Nicolò", "D'Amico", "it", "Milano", "friends"),
    ("Élodie", "Dubois", "fr", "Paris", "university"),
    ("Ingrid", "Ødegaard", "no", "Oslo", "events"),
    ("Łukasz", "Nowak", "pl", "Łódź", "online"),
    ("Jürgen", "Müller", "de", "Berlin", "associations"),
    ("王伟", "", "it", "Milano", "other"),
    ("Marta", "Bianchi", "it", "Milano", "family"),
    ("Luca", "Esposito", "it", "Napoli", "school"),
    ("Chiara", "Colombo", "it", "Milano", "neighbours"),
)
# Where people come from, and how many in a hundred.
ORIGIN_WEIGHTS = (
    ("it", 62), ("fr", 5), ("de", 5), ("es", 4), ("en", 8), ("pl", 3), ("no", 2), ("cn", 3),
    ("jp", 1), ("pt", 2), ("in", 2), ("ar", 2),
)
# Where people of each origin may live (keys of COUNTRIES).
HOME_COUNTRIES = {
    "it": ("it",), "fr": ("fr",), "de": ("de",), "es": ("es",), "en": ("uk", "us"), "pl": ("pl",),
    "no": ("no",), "cn": ("cn",), "jp": ("jp",), "pt": ("pt",), "in": ("in",), "ar": ("ma",),
}

# key: (name, cities and their weights, phone pattern ("#" is a random digit),
#       personal e-mail providers)
COUNTRIES = {
    "it": (
        "Italy",
        (("Milano", 40), ("Roma", 14), ("Torino", 9), ("Bologna", 8), ("Firenze", 6), ("Napoli", 5),
         ("Genova", 3), ("Venezia", 3), ("Verona", 3), ("Bergamo", 3), ("Padova", 2), ("Bari", 2),
         ("Palermo", 2), ("Trento", 2), ("Como", 2), ("Monza", 2), ("Lecce", 1), ("Cagliari", 1),
         ("Forlì", 1), ("Cantù", 1)),
        "+39 3## ### ####",
        ("gmail.com", "libero.it", "outlook.it", "icloud.com", "hotmail.it", "tiscali.it"),
    ),
    "fr": ("France", (("Paris", 10), ("Lyon", 3), ("Marseille", 2), ("Nice", 1), ("Besançon", 1)),
           "+33 6 ## ## ## ##", ("gmail.com", "orange.fr", "free.fr")),
    "de": ("Germany", (("Berlin", 10), ("München", 5), ("Hamburg", 3), ("Frankfurt", 2), ("Köln", 2)),
           "+49 15# #######", ("gmx.de", "web.de", "gmail.com")),
    "es": ("Spain", (("Madrid", 8), ("Barcelona", 7), ("Valencia", 2), ("Sevilla", 1), ("Málaga", 1)),
           "+34 6## ### ###", ("gmail.com", "hotmail.es")),
    "uk": ("United Kingdom", (("London", 12), ("Manchester", 2), ("Edinburgh", 2)),
           "+44 7### ######", ("gmail.com", "outlook.com", "btinternet.com")),
    "us": ("United States", (("New York", 8), ("San Francisco", 4), ("Boston", 2), ("Chicago", 1)),
           "+1 (212) 555-01##", ("gmail.com", "yahoo.com", "icloud.com")),
    "pl": ("Poland", (("Warszawa", 5), ("Kraków", 4), ("Łódź", 3), ("Wrocław", 2), ("Gdańsk", 2)),
           "+48 5## ### ###", ("wp.pl", "onet.pl", "gmail.com")),
    "no": ("Norway", (("Oslo", 5), ("Bergen", 2), ("Tromsø", 1)),
           "+47 4## ## ###", ("online.no", "gmail.com")),
    "cn": ("China", (("Shanghai", 4), ("Beijing", 3), ("Shenzhen", 2)),
           "+86 13# #### ####", ("qq.com", "163.com", "gmail.com")),
    "jp": ("Japan", (("Tokyo", 4), ("Osaka", 1)), "+81 90-####-####", ("gmail.com", "yahoo.co.jp")),
    "pt": ("Portugal", (("Lisboa", 4), ("Porto", 2)), "+351 91# ### ###", ("sapo.pt", "gmail.com")),
    "in": ("India", (("Bengaluru", 3), ("Mumbai", 3), ("Delhi", 1)),
           "+91 9#### #####", ("gmail.com", "rediffmail.com")),
    "ma": ("Morocco", (("Casablanca", 2), ("Rabat", 1), ("Marrakech", 1)),
           "+212 6## ## ## ##", ("gmail.com", "menara.ma")),
}

# name, industry, country, e-mail domain
COMPANIES = (
    ("Lumen Digital", "marketing", "it", "lumendigital.it"),
    ("Agenzia Meridiana", "marketing", "it", "meridiana.agency"),
    ("Brava Comunicazione", "marketing", "it", "bravacom.it"),
    ("Pixel & Marmo", "design", "it", "pixelmarmo.it"),
    ("Studio Bianchi Architetti", "design", "it", "studiobianchi.it"),
    ("Officina Design Torino", "design", "it", "officinadesign.to.it"),
    ("Atelier Navigli", "fashion", "it", "ateliernavigli.it"),
    ("Tessiture Comasche", "fashion", "it", "tessiturecomasche.it"),
    ("Nexa Pay", "fintech", "it", "nexapay.io"),
    ("Moneta Labs", "fintech", "it", "monetalabs.it"),
    ("Borsa Verde SGR", "finance", "it", "borsaverde.it"),
    ("Credito Alpino", "finance", "it", "creditoalpino.it"),
    ("Codice Vivo", "tech", "it", "codicevivo.it"),
    ("Nuvola Cloud", "tech", "it", "nuvolacloud.it"),
    ("Dataverse Italia", "tech", "it", "dataverse.it"),
    ("Quanta Robotics", "tech", "it", "quantarobotics.it"),
    ("Studio Legale Conti & Associati", "legal", "it", "studiolegaleconti.it"),
    ("Kairos Consulting", "consulting", "it", "kairosconsulting.it"),
    ("Edizioni Corallo", "media", "it", "edizionicorallo.it"),
    ("Radio Onda Blu", "media", "it", "radioondablu.it"),
    ("Politecnico di Milano", "education", "it", "polimi.it"),
    ("Università di Bologna", "education", "it", "unibo.it"),
    ("BioGenesi", "health", "it", "biogenesi.it"),
    ("Clinica Santa Chiara", "health", "it", "clinicasantachiara.it"),
    ("Trattoria Da Gino", "food", "it", "dagino.it"),
    ("Enoteca Barbera", "food", "it", "enotecabarbera.it"),
    ("Pasticceria Aurora", "food", "it", "pasticceriaaurora.it"),
    ("Fischer & Koch GmbH", "consulting", "de", "fischer-koch.de"),
    ("Spreewerk Studios", "design", "de", "spreewerk.de"),
    ("Kiezbank", "fintech", "de", "kiezbank.de"),
    ("Maison Lavande", "fashion", "fr", "maisonlavande.fr"),
    ("Banque Lumière", "finance", "fr", "banquelumiere.fr"),
    ("Atelier Étoile", "design", "fr", "atelier-etoile.fr"),
    ("Thames Ventures", "finance", "uk", "thamesventures.co.uk"),
    ("Brick Lane Media", "media", "uk", "bricklanemedia.co.uk"),
    ("Hudson Analytics", "tech", "us", "hudsonanalytics.com"),
    ("Bowery Health", "health", "us", "boweryhealth.com"),
    ("Sierra Labs", "tech", "es", "sierralabs.es"),
    ("Olivo Foods", "food", "es", "olivofoods.es"),
    ("Bałtyk Software", "tech", "pl", "baltyksoftware.pl"),
    ("Wisła Logistics", "consulting", "pl", "wisla-logistics.pl"),
    ("Nordlys AS", "tech", "no", "nordlys.no"),
    ("Fjord Capital", "finance", "no", "fjordcapital.no"),
    ("Silk Road Trading", "consulting", "cn", "silkroadtrading.cn"),
    ("Kumo Systems", "tech", "jp", "kumosystems.jp"),
    ("Costa Nova Design", "design", "pt", "costanova.pt"),
    ("Chai & Code", "tech", "in", "chaiandcode.in"),
    ("Atlas Textiles", "fashion", "ma", "atlastextiles.ma"),
)
ROLES = {
    "marketing": ("Head of PR", "Social Media Manager", "Copywriter", "Account Director", "SEO Specialist",
                  "Brand Strategist", "Marketing Manager"),
    "design": ("Architect", "UX Designer", "Art Director", "Product Designer", "Interior Designer",
               "Creative Director"),
    "fashion": ("Buyer", "Pattern Maker", "Brand Manager", "Store Manager", "Fashion Designer"),
    "fintech": ("Product Manager", "CTO", "Compliance Officer", "Growth Lead", "Backend Engineer",
                "CEO & Co-founder"),
    "finance": ("Portfolio Manager", "Financial Advisor", "Investment Analyst", "Partner",
                "Relationship Manager"),
    "tech": ("Software Engineer", "Data Scientist", "Engineering Manager", "DevOps Engineer", "CTO",
             "Frontend Developer", "Head of AI"),
    "legal": ("Avvocato", "Partner", "Legal Counsel", "Paralegal", "Trainee Lawyer"),
    "consulting": ("Senior Consultant", "Managing Director", "Business Analyst", "Project Manager"),
    "media": ("Journalist", "Editor", "Podcast Host", "Producer", "Photographer"),
    "education": ("Professor", "Researcher", "PhD Student", "Lecturer", "Career Services Manager"),
    "health": ("Doctor", "Nurse", "Research Scientist", "Clinical Director", "Pharmacist"),
    "food": ("Chef", "Owner", "Sommelier", "Restaurant Manager", "Pastry Chef"),
}
INDUSTRY_TAGS = {
    "marketing": ("marketing", "seo", "social-media", "pr"),
    "design": ("design", "ux", "architecture"),
    "fashion": ("fashion", "retail"),
    "fintech": ("fintech", "payments", "startup"),
    "finance": ("finance", "investor", "fintech"),
    "tech": ("ai", "saas", "developer", "open-source", "startup"),
    "legal": ("legal", "privacy"),
    "consulting": ("consulting", "strategy"),
    "media": ("press", "podcast"),
    "education": ("research", "alumni"),
    "health": ("health", "biotech"),
    "food": ("food", "wine"),
}
GENERAL_TAGS = ("mentor", "speaker", "client", "supplier", "recruiter", "hiring", "board", "volunteer")

# circle: (weight, chance of a company, chance of tags, chance of a cadence, cadences,
#          chance of being starred, interaction weight, known before the two years began)
CIRCLE_TRAITS = {
    "family": (6, 0.5, 0.10, 0.75, (7, 14, 30), 0.25, 3.0, 1.0),
    "friends": (14, 0.6, 0.15, 0.60, (14, 30, 42), 0.15, 3.0, 1.0),
    "school": (6, 0.6, 0.15, 0.25, (90, 180, 365), 0.03, 0.7, 1.0),
    "university": (9, 0.8, 0.50, 0.35, (42, 90, 180), 0.05, 1.2, 1.0),
    "work": (30, 1.0, 0.80, 0.45, (14, 30, 42, 90), 0.06, 2.5, 0.6),
    "neighbours": (4, 0.3, 0.10, 0.20, (30, 90), 0.03, 1.0, 0.8),
    "online": (8, 0.8, 0.70, 0.20, (90, 180), 0.03, 0.8, 0.3),
    "events": (12, 0.95, 0.80, 0.30, (30, 42, 90), 0.04, 1.0, 0.0),
    "associations": (6, 0.6, 0.50, 0.30, (30, 90, 180), 0.03, 1.0, 0.5),
    "other": (5, 0.5, 0.15, 0.15, (90, 180, 365), 0.02, 0.6, 0.5),
}
PERSONAL_CIRCLES = ("family", "friends", "school", "neighbours")

HOW_MET = {
    "family": ("Cousin on mum's side", "Cousin from {city}", "In-laws", "Family friend since childhood",
               "Godparent", "Uncle's side of the family", "Second cousin, met again at a wedding"),
    "friends": ("5-a-side football on Thursdays", "Erasmus year in {city}", "Book club",
                "Climbing gym", "Summer holidays in Puglia, 2015", "Friend of my partner",
                "Flatmates in {city}"),
    "school": ("Liceo Parini, class of 2004", "Liceo Scientifico Volta, same class",
               "Middle school in {city}", "ITIS Feltrinelli, same class"),
    "university": ("Politecnico di Milano, Ingegneria Gestionale", "Bocconi, same study group",
                   "Erasmus in {city}", "Master in Design at IED", "Università di Bologna, DAMS"),
    "work": ("Colleague at {company}", "Client since 2021", "Former manager",
             "Supplier for the Q3 campaign", "Worked together on the rebranding",
             "Shared a desk at the coworking"),
    "neighbours": ("Lives on the 3rd floor", "Neighbour in via Padova", "Runs the bakery downstairs",
                   "Met at the condominium meeting"),
    "online": ("Met on LinkedIn", "Long thread on X about design systems", "Indie Hackers forum",
               "Commented on my Medium article", "Slack community for product managers"),
    "events": ("Met at a meetup in {city}", "Sat next to me at a conference dinner",
               "Spoke on the same panel"),
    "associations": ("Rotaract Milano Centro", "Volunteer at the food bank", "AIESEC alumni",
                     "Parents' association at school", "Italian Fintech Association"),
    "other": ("Friend of a friend", "Met on a Frecciarossa to Roma", "Gym", "Our kids share a class",
              "Wedding of a common friend"),
}
CONTACT_NOTES = (
    "Prefers WhatsApp to e-mail.",
    "Vegetarian: remember when booking dinner.",
    "Looking for a senior designer for Q1.",
    "Speaks Italian, English and some German.",
    "Very good at making introductions; ask before big launches.",
    "Moved to {city} last spring.",
    "Always late to meetings, but worth the wait.",
    "Wants to start a podcast; send ideas.",
    "Training for the Milano Marathon.",
    "Mentors young founders on Fridays.",
    "Writes a newsletter on {topic}.",
    "Do not call before 10:00.",
    "Owes me a coffee.",
    "Thinking about leaving {company}.",
)
FACTS = {
    "children": ("Luca and Marta", "Sofia (6)", "Matteo and Pietro", "Giulia, born 2023", "Emma and Leo",
                 "twins, Anna and Elisa"),
    "partner": ("Francesca", "Marco", "Elena, architect", "Thomas", "Chiara", "Sam"),
    "favourite coffee": ("ristretto", "cappuccino with oat milk", "marocchino", "caffè d'orzo",
                         "flat white", "macchiato", "espresso doppio"),
    "dog": ("Bruno", "Luna", "Pepe", "Nala", "Rocky", "Birba"),
    "cat": ("Micio", "Olivia", "Tigre", "Ciccio"),
    "football team": ("Inter", "Milan", "Juventus", "Roma", "Napoli", "Atalanta", "Bologna", "Fiorentina"),
    "allergies": ("peanuts", "lactose intolerant", "shellfish", "coeliac: gluten-free"),
    "hobbies": ("road cycling", "sailing on Lago di Garda", "bouldering", "vinyl records", "padel",
                "marathons", "film photography", "cooking risotto"),
    "languages": ("Italian, English, French", "English, German", "Italian, Spanish", "English, Mandarin"),
    "wine": ("Barolo", "Franciacorta", "Nebbiolo", "natural wines", "Prosecco", "Amarone"),
    "favourite restaurant": ("Trattoria Milanese", "Osteria del Treno", "Ratanà", "Antica Trattoria della Pesa"),
    "diet": ("vegetarian", "vegan", "no pork"),
    "gift idea": ("a Moleskine", "a good Barolo", "tickets for La Scala", "a book by Calvino"),
    "studied": ("Economics at Bocconi", "Architecture at the Politecnico", "Law in Bologna",
                "Computer Science at ETH Zürich"),
}

PERSONAL_TOPICS = (
    "the summer holidays in Puglia", "Sunday lunch", "the kids' school", "moving house", "the Inter match",
    "the new job", "the wedding", "the trip to Lisbon", "the book club", "the skiing weekend",
    "the birthday party", "the renovation", "the padel tournament",
)
WORK_TOPICS = (
    "the Q3 campaign", "the new website", "pricing for next year", "the rebranding", "the Series A",
    "hiring a designer", "the partnership proposal", "the conference talk", "the API integration",
    "the annual report", "the podcast episode", "the tender", "the product launch", "the case study",
    "the budget review", "the fintech report", "the office move",
)
CAFES = ("Caffè Nero", "Pavè", "Marchesi 1824", "Caffè Florian", "Bar Luce", "the office bar")
RESTAURANTS = ("Trattoria Milanese", "Osteria del Treno", "Da Gino", "Ratanà",
                "Antica Trattoria della Pesa", "Pizzeria Spontini")
BARS = ("Bar Basso", "Mag Cafè", "Terrazza Aperol", "Nottingham Forest")

SUMMARIES = {
    ("meeting", True): ("Coffee at {cafe}", "Lunch at {restaurant}", "Aperitivo at {bar}",
                        "Dinner at {first}'s", "Walk in Parco Sempione", "Pizza at {restaurant}"),
    ("meeting", False): ("Coffee at {cafe}", "Lunch at {restaurant} about {topic}", "Aperitivo at {bar}",
                         "Meeting at their office in {city}", "Breakfast meeting about {topic}",
                         "Workshop on {topic}", "Meeting at {company}"),
    ("call", True): ("Catch-up call", "Called to wish happy birthday", "Long call about {topic}",
                     "Quick call about {topic}"),
    ("call", False): ("Call about {topic}", "Quick call: {topic}", "Catch-up call",
                      "Call about the Q3 campaign", "Call with {company} about {topic}"),
    ("video", True): ("Video call from {city}", "FaceTime about {topic}"),
    ("video", False): ("Zoom about {topic}", "Teams call with the {company} team", "Video call: {topic}",
                       "Google Meet: intro to {topic}"),
    ("email", True): ("Sent the photos from the weekend", "E-mail about {topic}",
                      "Forwarded the tickets for the concert"),
    ("email", False): ("Sent the deck on {topic}", "E-mail about {topic}", "Thank-you e-mail after the meeting",
                       "Shared an article on {topic}", "Sent the proposal for {topic}"),
    ("message", True): ("WhatsApp about {topic}", "Happy birthday message", "Voice messages about {topic}",
                        "Messaged to set up a coffee"),
    ("message", False): ("WhatsApp about {topic}", "Congratulated them on the new role",
                         "LinkedIn message about {topic}", "Messaged to set up a coffee"),
    ("social", True): ("Liked their photos from {city}", "Commented on their holiday photos"),
    ("social", False): ("Commented on their LinkedIn post about {topic}", "Shared their article on LinkedIn",
                        "Reacted to their promotion on LinkedIn"),
    ("event", True): ("Birthday party at {first}'s", "Wedding of a common friend", "Concert in {city}"),
    ("event", False): ("Saw them at a meetup in {city}", "Ran into them at a conference in {city}",
                       "Launch party at {company}"),
    ("note", True): ("Heard they are moving to {city}", "Note: {topic} went well",
                     "Remember to ask about {topic}"),
    ("note", False): ("Note: they are hiring", "Heard {company} raised a round", "Remember: {topic}",
                      "Note: they may change jobs soon"),
}
INTERACTION_NOTES = (
    "They will send the contract next week.",
    "Follow up with the case study.",
    "Very interested in {topic}.",
    "Asked for an intro to someone in {city}.",
    "Mentioned they are looking for a new role.",
    "Kids are doing well; Luca started school.",
    "Promised to share the slides.",
    "Good energy. Worth a second meeting.",
    "They paid; my turn next time.",
    "Talked mostly about {topic}.",
    "Recommended a book: 'Le città invisibili'.",
)
KIND_WEIGHTS = {
    True: (("meeting", 22), ("call", 22), ("video", 6), ("email", 3), ("message", 35), ("social", 7),
           ("event", 2), ("note", 3)),
    False: (("meeting", 20), ("call", 14), ("video", 14), ("email", 26), ("message", 12), ("social", 6),
            ("event", 3), ("note", 5)),
}
OFFICE_KINDS = frozenset(("meeting", "call", "video"))  # moved off weekends, for work
# local time of day (minutes from midnight) each kind happens at: start, end, rounded to
KIND_HOURS = {
    "meeting": (8 * 60 + 30, 20 * 60, 15), "call": (9 * 60, 19 * 60, 5), "video": (9 * 60, 18 * 60, 15),
    "email": (7 * 60 + 30, 22 * 60, 1), "message": (8 * 60, 23 * 60, 1), "social": (7 * 60, 23 * 60, 1),
    "event": (10 * 60, 22 * 60, 30), "note": (8 * 60, 23 * 60, 1),
}

EVENT_CITIES = {
    "Rimini": "Europe/Rome", "Milano": "Europe/Rome", "Trento": "Europe/Rome", "Torino": "Europe/Rome",
    "Roma": "Europe/Rome", "Bologna": "Europe/Rome", "Firenze": "Europe/Rome", "Verona": "Europe/Rome",
    "Fasano": "Europe/Rome", "Lisboa": "Europe/Lisbon", "Paris": "Europe/Paris", "Berlin": "Europe/Berlin",
    "Barcelona": "Europe/Madrid", "London": "Europe/London", "New York": "America/New_York", "": "Europe/Rome",
}
# title, kind, venue, city, yearly (title carries the year), days (0: same day), start, hours
EVENT_CATALOGUE = (
    ("Web Marketing Festival", "convention", "Palacongressi di Rimini", "Rimini", True, 3, "09:30", 9),
    ("Salone del Mobile", "trade fair", "Fiera Milano Rho", "Milano", True, 6, "09:30", 9),
    ("SMAU Milano", "trade fair", "MiCo", "Milano", True, 2, "09:00", 9),
    ("Alumni dinner Politecnico", "alumni", "Ristorante Giannino", "Milano", True, 0, "20:00", 3),
    ("Festival dell'Economia", "congress", "Palazzo della Provincia", "Trento", True, 4, "10:00", 9),
    ("Italian Tech Week", "convention", "OGR Torino", "Torino", True, 3, "09:00", 10),
    ("Codemotion Milano", "convention", "Superstudio Più", "Milano", True, 2, "09:00", 9),
    ("Milano Digital Week", "convention", "BASE Milano", "Milano", True, 4, "10:00", 9),
    ("Web Summit", "convention", "Altice Arena", "Lisboa", True, 4, "09:00", 9),
    ("VivaTech", "convention", "Paris Expo Porte de Versailles", "Paris", True, 4, "09:00", 9),
    ("re:publica", "congress", "Arena Berlin", "Berlin", True, 3, "10:00", 9),
    ("Mobile World Congress", "trade fair", "Fira Gran Via", "Barcelona", True, 4, "08:30", 10),
    ("London Tech Week", "convention", "Olympia London", "London", True, 5, "09:00", 9),
    ("Salone del Libro", "trade fair", "Lingotto Fiere", "Torino", True, 5, "10:00", 10),
    ("Pitti Uomo", "trade fair", "Fortezza da Basso", "Firenze", True, 4, "09:00", 9),
    ("Vinitaly", "trade fair", "Veronafiere", "Verona", True, 4, "09:30", 9),
    ("TEDxMilano", "convention", "Teatro Dal Verme", "Milano", True, 0, "14:00", 6),
    ("PyCon Italia", "convention", "Savoia Hotel Regency", "Bologna", True, 3, "09:00", 9),
    ("Startup Grind Milano", "meetup", "Talent Garden Calabiana", "Milano", False, 0, "18:30", 3),
    ("Product Management Meetup", "meetup", "Copernico Centrale", "Milano", False, 0, "19:00", 2),
    ("UX Book Club", "meetup", "Libreria Rizzoli Galleria", "Milano", False, 0, "18:30", 2),
    ("Round table: women in fintech", "round table", "Fondazione Feltrinelli", "Milano", False, 0, "17:30", 2),
    ("Round table: the future of remote work", "round table", "Impact Hub", "Roma", False, 0, "18:00", 2),
    ("Book presentation: 'Il valore delle relazioni'", "book presentation", "Feltrinelli Duomo", "Milano",
     False, 0, "18:30", 2),
    ("Book presentation: 'Design senza fretta'", "book presentation", "Libreria Coop Ambasciatori",
     "Bologna", False, 0, "18:00", 2),
    ("Webinar: GDPR for marketers", "webinar", "", "", False, 0, "13:00", 1),
    ("Webinar: pricing for SaaS founders", "webinar", "", "", False, 0, "17:00", 1),
    ("Fintech Talents webinar", "webinar", "", "", False, 0, "11:00", 1),
    ("Lumen Digital Christmas party", "work party", "Terrazza Martini", "Milano", True, 0, "19:30", 4),
    ("Summer party Nexa Pay", "work party", "Bagni Misteriosi", "Milano", True, 0, "19:00", 4),
    ("Investor trip to New York", "trip", "", "New York", False, 5, "09:00", 10),
    ("Study trip to Berlin startups", "trip", "", "Berlin", False, 3, "09:00", 10),
    ("Team offsite in Puglia", "trip", "Masseria Torre Coccaro", "Fasano", False, 2, "10:00", 8),
    ("Rotary dinner Milano Centro", "other", "Circolo della Stampa", "Milano", False, 0, "20:00", 3),
    ("Alumni aperitivo Bocconi", "alumni", "Bocconi campus", "Milano", False, 0, "18:30", 3),
    ("Wine tasting at Enoteca Barbera", "other", "Enoteca Barbera", "Milano", False, 0, "19:00", 3),
)
EVENT_GOALS = (
    "Meet 3 fintech investors", "Reconnect with former colleagues", "Find two speakers for our meetup",
    "Collect contacts for the Q1 campaign", "Ask the organisers about a speaking slot next year",
    "Scout suppliers", "Meet the Nexa Pay team in person", "Learn what competitors are launching",
)
EVENT_NOTES = (
    "Bring business cards.", "Badge pickup at the north entrance.", "Train from Milano Centrale at 7:10.",
    "Dress code: smart casual.", "Recording available afterwards.", "Hotel booked near the venue.",
    "Free ticket through the partner programme.",
)
ATTENDEE_ROLES = ("speaker", "organiser", "exhibitor", "panellist", "host")
EVENT_SUMMARIES = ("Met at {title}", "Chatted at the {title} stand about {topic}",
                    "Dinner after {title}", "Exchanged cards at {title}", "Coffee break at {title}")
FOLLOWUP_ACTIONS = (
    "Send the proposal", "Send the deck from our meeting", "Ask how the new job is going",
    "Share the report on {topic}", "Book a lunch", "Thank them for the intro",
    "Wish good luck for the launch", "Call back about {topic}", "Send the contract draft",
    "Introduce them to someone in {city}", "Check in after the holidays",
)
FOLLOWUP_CHANNELS = ("email", "email", "phone", "linkedin", "")
# Country names as the contact rows carry them (keys of COUNTRIES).
COUNTRY_NAMES = {key: entry[0] for key, entry in COUNTRIES.items()}
# The sentences the planner writes around a name or a title.
PHRASES = {
    "their company": "their company",
    "met at": "Met at {title}",
    "introduced by": "Introduced by {name}",
    "nice meeting you": "Nice meeting you at {title}",
    "note after the event": "Send a nice-to-meet-you note after {title}",
    "wedding anniversary": "wedding anniversary",
}
