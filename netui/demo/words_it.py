"""The demo network's words in Italian: the tables of netui.demo.words that hold sentences.

Every table has the shape of its English one -- the same keys in the same order and the same
number of entries -- so the same seed draws the same network (people, dates, events) in either
language; only the words differ (tests/domain/test_demo_language.py checks the shapes). Names,
places, companies and roles are the English tables' own: they are already Italian or
international. The sentences are written so that they need not know a person's gender.
"""

from netui.demo import words

HOW_MET = {
    "family": ("Parente da parte di mamma", "Parente di {city}", "Famiglia acquisita",
               "Amicizia di famiglia dall'infanzia", "Battesimo in famiglia, stesso tavolo",
               "Ramo di famiglia dello zio", "Parente alla lontana, ritrovati a un matrimonio"),
    "friends": ("Calcetto del giovedì", "Anno di Erasmus a {city}", "Club del libro",
                "Palestra di arrampicata", "Vacanze in Puglia, 2015", "Dal giro del mio partner",
                "Coinquilini a {city}"),
    "school": ("Liceo Parini, maturità 2004", "Liceo Scientifico Volta, stessa classe",
               "Scuole medie a {city}", "ITIS Feltrinelli, stessa classe"),
    "university": ("Politecnico di Milano, Ingegneria Gestionale", "Bocconi, stesso gruppo di studio",
                   "Erasmus a {city}", "Master in Design allo IED", "Università di Bologna, DAMS"),
    "work": ("Colleghi presso {company}", "Cliente dal 2021", "Ex responsabile",
             "Fornitura per la campagna del terzo trimestre", "Abbiamo lavorato insieme al rebranding",
             "Stessa scrivania al coworking"),
    "neighbours": ("Abita al terzo piano", "Abita accanto, in via Padova", "Gestisce il panificio sotto casa",
                   "Ci siamo conosciuti alla riunione di condominio"),
    "online": ("Ci siamo conosciuti su LinkedIn", "Lunga discussione su X sui design system",
               "Forum di Indie Hackers", "Ha commentato il mio articolo su Medium",
               "Community Slack di product manager"),
    "events": ("Ci siamo conosciuti a un meetup a {city}", "Accanto a me a una cena di conferenza",
               "Sullo stesso panel"),
    "associations": ("Rotaract Milano Centro", "Volontariato al Banco Alimentare", "Alumni AIESEC",
                     "Associazione genitori della scuola", "Italian Fintech Association"),
    "other": ("Conoscenza di un amico", "Ci siamo conosciuti su un Frecciarossa per Roma", "Palestra",
              "I nostri figli sono in classe insieme", "Matrimonio di amici comuni"),
}
CONTACT_NOTES = (
    "Preferisce WhatsApp alle e-mail.",
    "Non mangia carne: ricordarlo quando prenoto la cena.",
    "Cerca un designer senior per il primo trimestre.",
    "Parla italiano, inglese e un po' di tedesco.",
    "Ottimo per fare presentazioni tra persone; chiedere prima dei grandi lanci.",
    "Vive a {city} dalla primavera scorsa.",
    "Sempre in ritardo alle riunioni, ma vale l'attesa.",
    "Vuole aprire un podcast; mandare idee.",
    "Si allena per la Milano Marathon.",
    "Fa da mentore a giovani founder il venerdì.",
    "Scrive una newsletter: {topic}.",
    "Non chiamare prima delle 10:00.",
    "Mi deve un caffè.",
    "Pensa di lasciare {company}.",
)
FACTS = {
    "figli": ("Luca e Marta", "Sofia (6 anni)", "Matteo e Pietro", "Giulia, nata nel 2023", "Emma e Leo",
              "gemelle, Anna ed Elisa"),
    "partner": ("Francesca", "Marco", "Elena, architetta", "Thomas", "Chiara", "Sam"),
    "caffè preferito": ("ristretto", "cappuccino con latte d'avena", "marocchino", "caffè d'orzo",
                        "flat white", "macchiato", "espresso doppio"),
    "cane": ("Bruno", "Luna", "Pepe", "Nala", "Rocky", "Birba"),
    "gatto": ("Micio", "Olivia", "Tigre", "Ciccio"),
    "squadra del cuore": ("Inter", "Milan", "Juventus", "Roma", "Napoli", "Atalanta", "Bologna", "Fiorentina"),
    "allergia": ("arachidi", "intolleranza al lattosio", "crostacei", "celiachia: senza glutine"),
    "hobby": ("bici da corsa", "vela sul Lago di Garda", "boulder", "dischi in vinile", "padel",
              "maratone", "fotografia analogica", "cucinare il risotto"),
    "lingue": ("italiano, inglese, francese", "inglese, tedesco", "italiano, spagnolo", "inglese, cinese"),
    "vino": ("Barolo", "Franciacorta", "Nebbiolo", "vini naturali", "Prosecco", "Amarone"),
    "ristorante preferito": ("Trattoria Milanese", "Osteria del Treno", "Ratanà", "Antica Trattoria della Pesa"),
    "dieta": ("vegetariana", "vegana", "niente maiale"),
    "idea regalo": ("una Moleskine", "un buon Barolo", "biglietti per la Scala", "un libro di Calvino"),
    "studi": ("Economia in Bocconi", "Architettura al Politecnico", "Giurisprudenza a Bologna",
              "Informatica all'ETH di Zurigo"),
}

# Topics go after "di", "su" or a colon, so they carry no article.
PERSONAL_TOPICS = (
    "vacanze in Puglia", "pranzo della domenica", "scuola dei bambini", "trasloco", "partita dell'Inter",
    "nuovo lavoro", "matrimonio", "viaggio a Lisbona", "club del libro", "weekend sulla neve",
    "festa di compleanno", "ristrutturazione", "torneo di padel",
)
WORK_TOPICS = (
    "campagna del terzo trimestre", "nuovo sito", "prezzi per l'anno prossimo", "rebranding", "round di Serie A",
    "assunzione di un designer", "proposta di partnership", "intervento alla conferenza", "integrazione delle API",
    "bilancio annuale", "puntata del podcast", "gara d'appalto", "lancio del prodotto", "caso studio",
    "revisione del budget", "report sul fintech", "trasloco dell'ufficio",
)
# After "al": "Caffè al Florian".
CAFES = ("Pavè", "Marchesi 1824", "Florian", "Bar Luce", "Cova", "Sant Ambroeus")

SUMMARIES = {
    ("meeting", True): ("Caffè al {cafe}", "Pranzo insieme, {restaurant}", "Aperitivo insieme, {bar}",
                        "Cena a casa di {first}", "Passeggiata al Parco Sempione", "Pizza insieme, {restaurant}"),
    ("meeting", False): ("Caffè al {cafe}", "Pranzo ({restaurant}) per parlare di {topic}", "Aperitivo insieme, {bar}",
                         "Riunione nel loro ufficio a {city}", "Colazione di lavoro: {topic}",
                         "Workshop: {topic}", "Riunione con {company}"),
    ("call", True): ("Telefonata per sentirsi", "Telefonata di auguri di compleanno", "Lunga telefonata: {topic}",
                     "Telefonata veloce: {topic}"),
    ("call", False): ("Telefonata: {topic}", "Chiamata veloce: {topic}", "Telefonata per aggiornarsi",
                      "Telefonata sulla campagna del terzo trimestre", "Chiamata con {company}: {topic}"),
    ("video", True): ("Videochiamata da {city}", "FaceTime: {topic}"),
    ("video", False): ("Zoom: {topic}", "Call su Teams con {company}", "Videochiamata: {topic}",
                       "Google Meet: introduzione, {topic}"),
    ("email", True): ("Mandate le foto del weekend", "E-mail: {topic}",
                      "Inoltrati i biglietti del concerto"),
    ("email", False): ("Mandate le slide: {topic}", "E-mail: {topic}", "E-mail di ringraziamento dopo la riunione",
                       "Condiviso un articolo: {topic}", "Mandata la proposta: {topic}"),
    ("message", True): ("WhatsApp: {topic}", "Messaggio di auguri di compleanno", "Messaggi vocali: {topic}",
                        "Scritto per organizzare un caffè"),
    ("message", False): ("WhatsApp: {topic}", "Congratulazioni per il nuovo ruolo",
                         "Messaggio su LinkedIn: {topic}", "Scritto per organizzare un caffè"),
    ("social", True): ("Like alle foto da {city}", "Commentate le foto delle vacanze"),
    ("social", False): ("Commento al post su LinkedIn: {topic}", "Condiviso il suo articolo su LinkedIn",
                        "Reazione alla promozione su LinkedIn"),
    ("event", True): ("Festa di compleanno a casa di {first}", "Matrimonio di amici comuni", "Concerto a {city}"),
    ("event", False): ("Incrociati a un meetup a {city}", "Incrociati a una conferenza a {city}",
                       "Festa di lancio: {company}"),
    ("note", True): ("Pare che si trasferisca a {city}", "Nota: buone notizie, {topic}",
                     "Ricordarsi di chiedere: {topic}"),
    ("note", False): ("Nota: stanno assumendo", "Saputo che {company} ha chiuso un round", "Da ricordare: {topic}",
                      "Nota: potrebbe cambiare lavoro presto"),
}
INTERACTION_NOTES = (
    "Mandano il contratto la settimana prossima.",
    "Ricontattare con il caso studio.",
    "Molto interesse per: {topic}.",
    "Ha chiesto un contatto a {city}.",
    "Ha detto che cerca un nuovo ruolo.",
    "I bambini stanno bene; Luca ha iniziato la scuola.",
    "Ha promesso di mandare le slide.",
    "Bella energia. Vale un secondo incontro.",
    "Ha offerto lui; la prossima volta tocca a me.",
    "Abbiamo parlato soprattutto di {topic}.",
    "Mi ha consigliato un libro: 'Le città invisibili'.",
)

# The events whose title or venue is English, in Italian; the others keep theirs.
_EVENT_TITLES = {
    "Alumni dinner Politecnico": "Cena alumni Politecnico",
    "Round table: women in fintech": "Tavola rotonda: donne nel fintech",
    "Round table: the future of remote work": "Tavola rotonda: il futuro del lavoro da remoto",
    "Book presentation: 'Il valore delle relazioni'": "Presentazione del libro 'Il valore delle relazioni'",
    "Book presentation: 'Design senza fretta'": "Presentazione del libro 'Design senza fretta'",
    "Webinar: GDPR for marketers": "Webinar: il GDPR per chi fa marketing",
    "Webinar: pricing for SaaS founders": "Webinar: il pricing per chi fonda una SaaS",
    "Fintech Talents webinar": "Webinar Fintech Talents",
    "Lumen Digital Christmas party": "Festa di Natale Lumen Digital",
    "Summer party Nexa Pay": "Festa d'estate Nexa Pay",
    "Investor trip to New York": "Viaggio dagli investitori a New York",
    "Study trip to Berlin startups": "Viaggio studio tra le startup di Berlino",
    "Team offsite in Puglia": "Offsite del team in Puglia",
    "Rotary dinner Milano Centro": "Cena del Rotary Milano Centro",
    "Alumni aperitivo Bocconi": "Aperitivo alumni Bocconi",
    "Wine tasting at Enoteca Barbera": "Degustazione all'Enoteca Barbera",
}
_VENUES = {"Bocconi campus": "Campus Bocconi"}
EVENT_CATALOGUE = tuple(
    (_EVENT_TITLES.get(title, title), kind, _VENUES.get(venue, venue), *rest)
    for title, kind, venue, *rest in words.EVENT_CATALOGUE
)
EVENT_GOALS = (
    "Conoscere 3 investitori fintech", "Ritrovare ex colleghi", "Trovare due speaker per il nostro meetup",
    "Raccogliere contatti per la campagna del primo trimestre",
    "Chiedere agli organizzatori uno spazio da speaker l'anno prossimo",
    "Cercare fornitori", "Conoscere di persona il team di Nexa Pay", "Capire cosa lanciano i concorrenti",
)
EVENT_NOTES = (
    "Portare i biglietti da visita.", "Ritiro badge all'ingresso nord.", "Treno da Milano Centrale alle 7:10.",
    "Dress code: smart casual.", "Registrazione disponibile dopo.", "Hotel prenotato vicino alla sede.",
    "Biglietto gratuito con il programma partner.",
)
EVENT_SUMMARIES = ("Ci siamo conosciuti a {title}", "Chiacchierata allo stand di {title}: {topic}",
                   "Cena dopo {title}", "Scambio di biglietti da visita a {title}", "Pausa caffè a {title}")
FOLLOWUP_ACTIONS = (
    "Mandare la proposta", "Mandare le slide della riunione", "Chiedere come va il nuovo lavoro",
    "Condividere il report: {topic}", "Prenotare un pranzo", "Ringraziare per la presentazione",
    "Fare gli auguri per il lancio", "Richiamare: {topic}", "Mandare la bozza del contratto",
    "Presentare qualcuno a {city}", "Sentirsi dopo le vacanze",
)
GENERAL_TAGS = ("mentor", "speaker", "cliente", "fornitore", "recruiter", "assume", "cda", "volontariato")

COUNTRY_NAMES = {
    "it": "Italia", "fr": "Francia", "de": "Germania", "es": "Spagna", "uk": "Regno Unito",
    "us": "Stati Uniti", "pl": "Polonia", "no": "Norvegia", "cn": "Cina", "jp": "Giappone",
    "pt": "Portogallo", "in": "India", "ma": "Marocco",
}
PHRASES = {
    "their company": "la sua azienda",
    "met at": "Ci siamo conosciuti a {title}",
    "introduced by": "Tramite {name}",
    "nice meeting you": "È stato un piacere conoscerti a {title}",
    "note after the event": "Scrivere due righe dopo {title}",
    "wedding anniversary": "anniversario di matrimonio",
}
