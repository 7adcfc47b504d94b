"""A realistic sample network to try netui with: `generate_network()` fills an empty database.

The default shape is about 200 people across every circle, 1,500 interactions over the two
years before "now", 20 events past and upcoming, follow-ups due today, overdue and later,
birthdays (a few in the next two weeks), facts, tags and keep-in-touch cadences. Larger
networks scale from that shape.

Everything is deterministic: the same arguments, the same `now` and the same local time
zone give byte-for-byte the same rows (all randomness comes from one seeded `random.Random`; no
set or dict order and no wall clock is consulted). Dates are relative to `now`, so a demo
always has something due today and events coming up. Local calendar days ("due today",
birthdays) are those of the local time zone (`netui.when.local_zone()`), like the rest of
netui.

The whole network is planned in memory first, then written in one transaction, table by
table through one prepared INSERT per batch, search index included (its rows built from the
plan are exactly what `search.rebuild_index` would write). For speed at a million
interactions: draws are plain scaled random() calls, summaries come from templates expanded
in advance, the garbage collector is off while planning, and the write runs with a big page
cache, without foreign-key checks, with the tables' indexes built after their rows and
without the per-row last-contacted trigger (its value is computed with the contact rows);
the schema is as it was afterwards, and a failure rolls everything back. On the 2-core
development machine 10,000 people and 100,000 interactions take about 4 s of CPU, 100,000
people and 1,000,000 interactions about 50 s (`benchmarks/demo_write.py`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import gc
import itertools
import random
import re
import shutil
import string
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import pendulum

from netui.store import bulk, db
from netui import i18n, when
from netui.errors import ValidationError
from netui.store.models import (
    ATTENDEE_STATUSES,
    CIRCLES,
    EVENT_KINDS,
    EVENT_STATUSES,
    INITIATORS,
    INTERACTION_KINDS,
    Channel,
    Contact,
    ContactSearch,
    ContactTag,
    Event,
    EventAttendee,
    Fact,
    FollowUp,
    ImportantDate,
    Interaction,
    InteractionParticipant,
    Tag,
    UTC_TEXT_FORMAT,
    database,
)
from netui.text import fold, fold_key, full_name

# SQLite's page cache while the network is written (KiB): what a 1,000,000-interaction
# network's indexes need to be filled without spilling.
BULK_CACHE_KIB = 512 * 1024
HISTORY_DAYS = 730  # interactions are spread over the two years before "now"
INTERACTIONS_PER_PERSON = 7.5


@dataclass(frozen=True)
class DemoSummary:
    """How much was written."""

    people: int
    interactions: int
    events: int
    followups: int


def default_interactions(people: int) -> int:
    return round(people * INTERACTIONS_PER_PERSON)


def default_events(people: int) -> int:
    return max(5, min(60, people // 10))


def generate_network(
    people: int = 200,
    interactions: int | None = None,
    seed: int = 2026,
    now: pendulum.DateTime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Write a sample network into the bound database, which must hold no contacts or events.

    `interactions` defaults to 7.5 per person. `progress(done, total)` is called as the work
    goes on -- once at the start with done 0, after each stage of planning and each batch of
    rows written, and once at the end with done == total; `total` is the same in every call.
    Raises ValidationError for bad sizes and for a database that already holds data; then
    nothing is written.
    """
    people = _count_argument("people", people, minimum=1)
    interactions = _count_argument(
        "interactions", default_interactions(people) if interactions is None else interactions, minimum=0
    )
    moment = _utc_second(now if now is not None else when.now())
    _refuse_non_empty()
    report = _Progress(progress)
    collecting = gc.isenabled()
    gc.disable()  # millions of objects that all live until the end: collecting them is wasted time
    try:
        plan = _Planner(_Random(seed), people, interactions, default_events(people), moment).build(report)
        with _bulk_write():
            with database.atomic("IMMEDIATE"):
                _refuse_non_empty()  # again, now that we hold the write lock
                _write(plan, report)
    finally:
        if collecting:
            gc.enable()
    report.finish()
    return DemoSummary(
        people=len(plan.contacts),
        interactions=len(plan.interactions),
        events=len(plan.events),
        followups=len(plan.followups),
    )


class ThrowawayNetwork:
    """A database in a new temporary folder, deleted with the folder by `close()`: where
    `netui --demo` and the welcome screen's "load the demo" put their demo network, so that
    made-up people never go into the person's own file.

        throwaway = ThrowawayNetwork()
        throwaway.open()          # the models now use it, in place of the database open before
        generate_network()
        ...
        throwaway.close()         # closed and deleted
    """

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="netui-demo-"))
        self.path = self.folder / "demo.db"
        self.database = None

    def open(self):
        """Bind the models to the throwaway database (new and empty). The database open
        until now is closed on this thread (it is left as it was); if the throwaway cannot
        be opened, the models stay on that one and the folder goes."""
        previous = database.obj
        db.close_database()
        try:
            self.database = db.open_database(self.path)
        except BaseException:
            if previous is not None:
                database.initialize(previous)
            self.close()
            raise
        return self.database

    def close(self) -> None:
        if self.database is not None:
            self.database.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> ThrowawayNetwork:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


# --- arguments and the empty-database rule ------------------------------------------------


def _count_argument(name: str, value, minimum: int) -> int:
    noun = i18n._("people") if name == "people" else i18n._("interactions")  # name: the field
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(name, i18n._(
            "The number of {name} must be a whole number, not '{value}'.", name=noun, value=value,
        ))
    if value < minimum:
        raise ValidationError(name, i18n._("The number of {name} must be at least {minimum}.", name=noun, minimum=minimum))
    return value


def _utc_second(value: dt.datetime) -> pendulum.DateTime:
    if not isinstance(value, dt.datetime):
        raise ValidationError("now", i18n._("'{value}' is not a date and time.", value=value))
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return pendulum.instance(value).in_timezone("UTC").replace(microsecond=0)


def _refuse_non_empty() -> None:
    for model in (Contact, Event, Interaction):
        count = model.select().count()
        if count:
            raise ValidationError("db", _holds(model, count))


def _holds(model, count: int) -> str:
    if model is Contact:
        return i18n.ngettext("This database already holds {n} contact; demo networks go into an empty database.",
                             "This database already holds {n} contacts; demo networks go into an empty database.", count)
    if model is Event:
        return i18n.ngettext("This database already holds {n} event; demo networks go into an empty database.",
                             "This database already holds {n} events; demo networks go into an empty database.", count)
    return i18n.ngettext("This database already holds {n} interaction; demo networks go into an empty database.",
                         "This database already holds {n} interactions; demo networks go into an empty database.", count)


# --- the material: names, places, companies, words ----------------------------------------

_NAMES = {
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
_CJK_NAMES = (
    ("王伟", "wang.wei"), ("李娜", "li.na"), ("张敏", "zhang.min"), ("刘洋", "liu.yang"),
    ("陈静", "chen.jing"), ("杨帆", "yang.fan"), ("赵磊", "zhao.lei"), ("黄丽", "huang.li"),
)


@dataclass(frozen=True)
class _Weighted:
    """Names and their cumulative weights, for random.choices."""

    names: tuple[str, ...]
    cumulative: tuple[int, ...]

    @classmethod
    def of(cls, pairs: Sequence[tuple[str, int]]) -> _Weighted:
        return cls(tuple(n for n, _ in pairs), tuple(itertools.accumulate(w for _, w in pairs)))


_CJK_MAIL = dict(_CJK_NAMES)
# The first people of every network: one per circle, names that show off netui's folding
# ("nicolo", "odegaard", "lodz" find them), the same in every demo.
_SHOWCASE = (
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
_ORIGINS = _Weighted.of((
    ("it", 62), ("fr", 5), ("de", 5), ("es", 4), ("en", 8), ("pl", 3), ("no", 2), ("cn", 3),
    ("jp", 1), ("pt", 2), ("in", 2), ("ar", 2),
))
_HOME_COUNTRIES = {
    "it": ("it",), "fr": ("fr",), "de": ("de",), "es": ("es",), "en": ("uk", "us"), "pl": ("pl",),
    "no": ("no",), "cn": ("cn",), "jp": ("jp",), "pt": ("pt",), "in": ("in",), "ar": ("ma",),
}


@dataclass(frozen=True)
class _Country:
    name: str
    cities: tuple[tuple[str, int], ...]
    phone: str  # pattern: "#" is a random digit
    mail: tuple[str, ...]  # personal e-mail providers


_COUNTRIES = {
    "it": _Country(
        "Italy",
        (("Milano", 40), ("Roma", 14), ("Torino", 9), ("Bologna", 8), ("Firenze", 6), ("Napoli", 5),
         ("Genova", 3), ("Venezia", 3), ("Verona", 3), ("Bergamo", 3), ("Padova", 2), ("Bari", 2),
         ("Palermo", 2), ("Trento", 2), ("Como", 2), ("Monza", 2), ("Lecce", 1), ("Cagliari", 1),
         ("Forlì", 1), ("Cantù", 1)),
        "+39 3## ### ####",
        ("gmail.com", "libero.it", "outlook.it", "icloud.com", "hotmail.it", "tiscali.it"),
    ),
    "fr": _Country("France", (("Paris", 10), ("Lyon", 3), ("Marseille", 2), ("Nice", 1), ("Besançon", 1)),
                   "+33 6 ## ## ## ##", ("gmail.com", "orange.fr", "free.fr")),
    "de": _Country("Germany", (("Berlin", 10), ("München", 5), ("Hamburg", 3), ("Frankfurt", 2), ("Köln", 2)),
                   "+49 15# #######", ("gmx.de", "web.de", "gmail.com")),
    "es": _Country("Spain", (("Madrid", 8), ("Barcelona", 7), ("Valencia", 2), ("Sevilla", 1), ("Málaga", 1)),
                   "+34 6## ### ###", ("gmail.com", "hotmail.es")),
    "uk": _Country("United Kingdom", (("London", 12), ("Manchester", 2), ("Edinburgh", 2)),
                   "+44 7### ######", ("gmail.com", "outlook.com", "btinternet.com")),
    "us": _Country("United States", (("New York", 8), ("San Francisco", 4), ("Boston", 2), ("Chicago", 1)),
                   "+1 (212) 555-01##", ("gmail.com", "yahoo.com", "icloud.com")),
    "pl": _Country("Poland", (("Warszawa", 5), ("Kraków", 4), ("Łódź", 3), ("Wrocław", 2), ("Gdańsk", 2)),
                   "+48 5## ### ###", ("wp.pl", "onet.pl", "gmail.com")),
    "no": _Country("Norway", (("Oslo", 5), ("Bergen", 2), ("Tromsø", 1)),
                   "+47 4## ## ###", ("online.no", "gmail.com")),
    "cn": _Country("China", (("Shanghai", 4), ("Beijing", 3), ("Shenzhen", 2)),
                   "+86 13# #### ####", ("qq.com", "163.com", "gmail.com")),
    "jp": _Country("Japan", (("Tokyo", 4), ("Osaka", 1)), "+81 90-####-####", ("gmail.com", "yahoo.co.jp")),
    "pt": _Country("Portugal", (("Lisboa", 4), ("Porto", 2)), "+351 91# ### ###", ("sapo.pt", "gmail.com")),
    "in": _Country("India", (("Bengaluru", 3), ("Mumbai", 3), ("Delhi", 1)),
                   "+91 9#### #####", ("gmail.com", "rediffmail.com")),
    "ma": _Country("Morocco", (("Casablanca", 2), ("Rabat", 1), ("Marrakech", 1)),
                   "+212 6## ## ## ##", ("gmail.com", "menara.ma")),
}

_CITIES = {key: _Weighted.of(country.cities) for key, country in _COUNTRIES.items()}

# name, industry, country, e-mail domain
_COMPANIES = (
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
_LOCAL_COMPANIES: dict[str, tuple] = {}
for _company in _COMPANIES:
    _LOCAL_COMPANIES[_company[2]] = _LOCAL_COMPANIES.get(_company[2], ()) + (_company,)
_REMOTE_COMPANIES = tuple(c for c in _COMPANIES if c[1] not in ("food", "health", "education"))
_ROLES = {
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
_INDUSTRY_TAGS = {
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
_GENERAL_TAGS = ("mentor", "speaker", "client", "supplier", "recruiter", "hiring", "board", "volunteer")

# circle: (weight, chance of a company, chance of tags, chance of a cadence, cadences,
#          chance of being starred, interaction weight, known before the two years began)
_CIRCLE_TRAITS = {
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
_PERSONAL_CIRCLES = ("family", "friends", "school", "neighbours")

_HOW_MET = {
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
_CONTACT_NOTES = (
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
_FACTS = {
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
_FACT_LABELS = tuple(_FACTS)

_PERSONAL_TOPICS = (
    "the summer holidays in Puglia", "Sunday lunch", "the kids' school", "moving house", "the Inter match",
    "the new job", "the wedding", "the trip to Lisbon", "the book club", "the skiing weekend",
    "the birthday party", "the renovation", "the padel tournament",
)
_WORK_TOPICS = (
    "the Q3 campaign", "the new website", "pricing for next year", "the rebranding", "the Series A",
    "hiring a designer", "the partnership proposal", "the conference talk", "the API integration",
    "the annual report", "the podcast episode", "the tender", "the product launch", "the case study",
    "the budget review", "the fintech report", "the office move",
)
_CAFES = ("Caffè Nero", "Pavè", "Marchesi 1824", "Caffè Florian", "Bar Luce", "the office bar")
_RESTAURANTS = ("Trattoria Milanese", "Osteria del Treno", "Da Gino", "Ratanà",
                "Antica Trattoria della Pesa", "Pizzeria Spontini")
_BARS = ("Bar Basso", "Mag Cafè", "Terrazza Aperol", "Nottingham Forest")

_SUMMARIES = {
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
_INTERACTION_NOTES = (
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
_KIND_WEIGHTS = {
    True: (("meeting", 22), ("call", 22), ("video", 6), ("email", 3), ("message", 35), ("social", 7),
           ("event", 2), ("note", 3)),
    False: (("meeting", 20), ("call", 14), ("video", 14), ("email", 26), ("message", 12), ("social", 6),
            ("event", 3), ("note", 5)),
}
_KINDS = {personal: _Weighted.of(pairs) for personal, pairs in _KIND_WEIGHTS.items()}
_OFFICE_KINDS = frozenset(("meeting", "call", "video"))  # moved off weekends, for work
_OCCURRED = itemgetter(0)
# local time of day (minutes from midnight) each kind happens at: start, end, rounded to
_KIND_HOURS = {
    "meeting": (8 * 60 + 30, 20 * 60, 15), "call": (9 * 60, 19 * 60, 5), "video": (9 * 60, 18 * 60, 15),
    "email": (7 * 60 + 30, 22 * 60, 1), "message": (8 * 60, 23 * 60, 1), "social": (7 * 60, 23 * 60, 1),
    "event": (10 * 60, 22 * 60, 30), "note": (8 * 60, 23 * 60, 1),
}

_EVENT_CITIES = {
    "Rimini": "Europe/Rome", "Milano": "Europe/Rome", "Trento": "Europe/Rome", "Torino": "Europe/Rome",
    "Roma": "Europe/Rome", "Bologna": "Europe/Rome", "Firenze": "Europe/Rome", "Verona": "Europe/Rome",
    "Fasano": "Europe/Rome", "Lisboa": "Europe/Lisbon", "Paris": "Europe/Paris", "Berlin": "Europe/Berlin",
    "Barcelona": "Europe/Madrid", "London": "Europe/London", "New York": "America/New_York", "": "Europe/Rome",
}
# title, kind, venue, city, yearly (title carries the year), days (0: same day), start, hours
_EVENT_CATALOGUE = (
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
_EVENT_GOALS = (
    "Meet 3 fintech investors", "Reconnect with former colleagues", "Find two speakers for our meetup",
    "Collect contacts for the Q1 campaign", "Ask the organisers about a speaking slot next year",
    "Scout suppliers", "Meet the Nexa Pay team in person", "Learn what competitors are launching",
)
_EVENT_NOTES = (
    "Bring business cards.", "Badge pickup at the north entrance.", "Train from Milano Centrale at 7:10.",
    "Dress code: smart casual.", "Recording available afterwards.", "Hotel booked near the venue.",
    "Free ticket through the partner programme.",
)
_ATTENDEE_ROLES = ("speaker", "organiser", "exhibitor", "panellist", "host")
_EVENT_SUMMARIES = ("Met at {title}", "Chatted at the {title} stand about {topic}",
                    "Dinner after {title}", "Exchanged cards at {title}", "Coffee break at {title}")
_FOLLOWUP_ACTIONS = (
    "Send the proposal", "Send the deck from our meeting", "Ask how the new job is going",
    "Share the report on {topic}", "Book a lunch", "Thank them for the intro",
    "Wish good luck for the launch", "Call back about {topic}", "Send the contract draft",
    "Introduce them to someone in {city}", "Check in after the holidays",
)
_FOLLOWUP_CHANNELS = ("email", "email", "phone", "linkedin", "")


# --- the plan: every row, computed before anything is written -----------------------------


@dataclass
class _Person:
    first: str
    last: str
    mail_name: str  # ascii "first.last" for e-mail addresses
    country: str  # key of _COUNTRIES where they live
    city: str
    circle: str
    company: str = ""
    industry: str = ""
    domain: str = ""
    role: str = ""
    how_met: str = ""
    met_at: int | None = None  # index into the events
    introduced_by: int | None = None  # index into the (sorted) people
    cadence: int | None = None
    starred: bool = False
    notes: str = ""
    created: int = 0  # unix seconds
    updated: int = 0
    tags: list[str] = field(default_factory=list)
    weight: float = 1.0

    @property
    def name(self) -> str:
        return full_name(self.first, self.last)


@dataclass
class _Event:
    title: str
    kind: str
    venue: str
    city: str
    timezone: str
    link: str
    starts: int
    ends: int
    status: str
    goal: str
    notes: str
    created: int
    updated: int


class _Interaction(NamedTuple):  # a tuple: a million of them are made
    occurred: int
    kind: str
    summary: str
    notes: str
    initiated_by: str | None
    event: int | None
    created: int
    participants: tuple[int, ...]


@dataclass
class _Plan:
    contacts: list[_Person]
    events: list[_Event]
    interactions: list[_Interaction]  # chronological
    attendees: list[tuple[int, int, str, str]]  # event index, person index, status, role
    channels: list[tuple[int, str, str, str]]  # person index, kind, value, label
    facts: list[tuple[int, str, str]]
    dates: list[tuple[int, str, int, int, int | None, int]]
    followups: list[tuple]  # person, due, channel, action, interaction idx, event idx, done, snoozed, created


class _Random(random.Random):
    """random.Random with choice, randint and randrange(start, stop) written out: the very
    same algorithm and draws as the standard ones (getrandbits of n's bit length, drawn again
    while out of range), so the same seed gives the same network, without their layers of
    calls and checks -- a million-interaction network makes millions of these."""

    def choice(self, seq):
        n = len(seq)
        if not n:
            raise IndexError("Cannot choose from an empty sequence")
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return seq[r]

    def randrange(self, start, stop=None, step=1):
        if stop is None or step != 1 or type(start) is not int or type(stop) is not int or stop <= start:
            return super().randrange(start, stop, step)
        n = stop - start
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return start + r

    def randint(self, a, b):
        return self.randrange(a, b + 1)


class _Planner:
    def __init__(self, rng: random.Random, people: int, interactions: int, events: int,
                 now: pendulum.DateTime):
        self.rng = rng
        self.people_wanted = people
        self.interactions_wanted = interactions
        self.events_wanted = events
        self.now = now
        self.now_ts = int(now.timestamp())
        zone = when.local_zone()
        self.today = when.plain_date(now.in_timezone(zone))
        # Local midnight of each day back from today, as unix seconds. The offset is taken at
        # noon, so times of day after a 02:00-03:00 clock change come out right.
        self.day_start = []
        self.weekday = []
        for back in range(HISTORY_DAYS + 10):
            day = self.today - dt.timedelta(days=back)
            noon = pendulum.datetime(day.year, day.month, day.day, 12, tz=zone)
            self.day_start.append(int(noon.timestamp()) - 12 * 3600)
            self.weekday.append(day.weekday())

    # helpers
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def weighted(self, table: _Weighted) -> str:
        return table.names[bisect.bisect_right(table.cumulative, self.rng.random() * table.cumulative[-1])]

    def digits(self, pattern: str) -> str:
        return "".join(str(self.rng.randrange(10)) if ch == "#" else ch for ch in pattern)

    def fill(self, template: str, personal: bool = False, **known) -> str:
        """The template with its {placeholders} filled: given values first, else a random word."""
        for key in _placeholders(template):
            if key not in known:
                known[key] = self.word(key, personal)
        return template.format_map(known)

    def word(self, key: str, personal: bool) -> str:
        rng = self.rng
        if key == "topic":
            return rng.choice(_PERSONAL_TOPICS if personal else _WORK_TOPICS)
        if key == "cafe":
            return rng.choice(_CAFES)
        if key == "restaurant":
            return rng.choice(_RESTAURANTS)
        if key == "bar":
            return rng.choice(_BARS)
        if key == "city":
            return rng.choice(("Milano", "Roma", "Torino", "Bologna", "Berlin", "London"))
        raise KeyError(key)

    def local_moment(self, back: int, minute: int) -> int:
        return self.day_start[back] + minute * 60

    # ------------------------------------------------------------------------------------
    def build(self, report: _Progress | None = None) -> _Plan:
        self.report = report.planned if report else lambda fraction: None
        events = self.plan_events()
        people = self.plan_people(events)
        self.report(0.15)
        attendees = self.plan_attendees(events, people)
        interactions = self.plan_interactions(events, people, attendees)  # reports up to 0.75
        channels = self.plan_channels(people)
        self.report(0.8)
        facts = self.plan_facts(people)
        dates = self.plan_dates(people)
        self.report(0.85)
        followups = self.plan_followups(events, people, interactions)
        self.report(1.0)
        return _Plan(people, events, interactions, attendees, channels, facts, dates, followups)

    # events -------------------------------------------------------------------------------
    def plan_events(self) -> list[_Event]:
        rng = self.rng
        count = self.events_wanted
        past_count = count // 2
        catalogue = list(_EVENT_CATALOGUE)
        rng.shuffle(catalogue)
        used_titles: dict[str, int] = {}
        planned: list[tuple[int, tuple, bool]] = []  # (days from today, signed), entry, past
        for i in range(past_count):
            back = int(HISTORY_DAYS * (i + rng.random()) / past_count)
            planned.append((-max(back, 8), catalogue[i % len(catalogue)], True))
        upcoming = count - past_count
        for i in range(upcoming):
            ahead = 3 + int(190 * (i + rng.random()) / upcoming) if i else rng.randint(2, 10)
            planned.append((ahead, catalogue[(past_count + i) % len(catalogue)], False))
        events = []
        for offset, entry, past in planned:
            title, kind, venue, city, yearly, days, start, hours = entry
            day = self.today + dt.timedelta(days=offset)
            if past and days:  # a past fair must be over: move it back by its length
                day -= dt.timedelta(days=days)
            zone = _EVENT_CITIES[city]
            hour, minute = (int(part) for part in start.split(":"))
            starts = pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=zone)
            if days:
                last = starts.add(days=days - 1)
                ends = last.set(hour=min(hour + hours, 23))
            else:
                ends = starts.add(hours=hours)
            title = self.event_title(title, yearly, day, used_titles)
            link = ""
            if kind == "webinar":
                link = f"https://zoom.us/j/8{self.digits('#########')}"
            starts_ts, ends_ts = int(starts.timestamp()), int(ends.timestamp())
            created = max(starts_ts - rng.randint(7, 90) * 86400, self.now_ts - (HISTORY_DAYS + 60) * 86400)
            created = min(created, self.now_ts - rng.randint(1, 20) * 86400)
            if past:
                status = "skipped" if self.chance(0.2) else "attended"
                updated = min(ends_ts + rng.randint(1, 72) * 3600, self.now_ts)
            else:
                status = self.upcoming_status(offset)
                updated = created
            events.append(_Event(
                title=title, kind=kind, venue=venue, city=city, timezone=zone, link=link,
                starts=starts_ts, ends=ends_ts, status=status,
                goal=rng.choice(_EVENT_GOALS) if self.chance(0.5) else "",
                notes=rng.choice(_EVENT_NOTES) if self.chance(0.4) else "",
                created=created, updated=max(updated, created),
            ))
        self.balance_statuses(events)
        # ids follow the order they were added in: planned long ago first
        order = sorted(range(len(events)), key=lambda i: (events[i].created, i))
        return [events[i] for i in order]

    def event_title(self, title: str, yearly: bool, day: dt.date, used: dict[str, int]) -> str:
        if yearly:
            title = f"{title} {day.year}"
        elif title in used:
            title = f"{title}, {when.MONTH_NAMES[day.month - 1]} {day.year}"
        used[title] = used.get(title, 0) + 1
        if used[title] > 1:
            title = f"{title} ({used[title]})"
        return title

    def upcoming_status(self, days_ahead: int) -> str:
        if days_ahead <= 30:
            pairs = (("registered", 5), ("planned", 4), ("idea", 1))
        elif days_ahead <= 90:
            pairs = (("planned", 5), ("registered", 2), ("idea", 3))
        else:
            pairs = (("idea", 5), ("planned", 4), ("registered", 1))
        return self.weighted(_Weighted.of(pairs))

    def balance_statuses(self, events: list[_Event]) -> None:
        """Every status shows up in a demo with enough events (and at least one attended)."""
        past = [e for e in events if e.starts < self.now_ts]
        coming = sorted((e for e in events if e.starts >= self.now_ts), key=lambda e: e.starts)
        if past and not any(e.status == "attended" for e in past):
            past[0].status = "attended"
        if len(past) >= 4 and not any(e.status == "skipped" for e in past):
            past[-1].status = "skipped"
        if len(coming) >= 3:
            present = {e.status for e in coming}
            if "registered" not in present:
                coming[0].status = "registered"
            if "idea" not in present:
                coming[-1].status = "idea"
            if "planned" not in present:
                coming[len(coming) // 2].status = "planned"

    # people -------------------------------------------------------------------------------
    def plan_people(self, events: list[_Event]) -> list[_Person]:
        rng = self.rng
        attended = [i for i, e in enumerate(events) if e.status == "attended" and e.kind != "webinar"]
        circles = _Weighted.of([(c, _CIRCLE_TRAITS[c][0]) for c in CIRCLES])
        taken: set[tuple[str, str]] = set()  # names already used (membership tests only)
        people: list[_Person] = []
        for n in range(self.people_wanted):
            if n < len(_SHOWCASE):
                first, last, country, city, circle = _SHOWCASE[n]
                mail_name = _CJK_MAIL.get(first) or f"{_ascii(first)}.{_ascii(last)}"
                person = _Person(first, last, mail_name, country, city, circle)
                taken.add((first, last))
            else:
                person = self.new_person(self.weighted(circles), taken)
            circle = person.circle
            _, p_company, p_tags, p_cadence, cadences, p_star, weight, p_old = _CIRCLE_TRAITS[circle]
            if self.chance(p_company):
                self.give_job(person)
            person.how_met = self.fill(rng.choice(_HOW_MET[circle]), city=person.city,
                                       company=person.company or "Lumen Digital")
            if self.chance(p_cadence):
                person.cadence = rng.choice(cadences)
            person.starred = self.chance(p_star)
            if self.chance(0.3):
                person.notes = self.fill(rng.choice(_CONTACT_NOTES), city=person.city,
                                         company=person.company or "their company")
            if self.chance(p_tags):
                person.tags = self.pick_tags(person)
            # when they were added: before the history began, at an event, or some day since
            met_event = None
            if attended and (circle == "events" or (circle == "work" and self.chance(0.05))):
                met_event = rng.choice(attended)
            if met_event is not None:
                event = events[met_event]
                person.met_at = met_event
                person.how_met = f"Met at {event.title}"
                person.created = event.starts + rng.randint(15, 120) * 60
            elif self.chance(p_old):
                # imported on the first day of using netui, a little before the history starts
                person.created = self.now_ts - (HISTORY_DAYS + 5) * 86400 + rng.randint(0, 36 * 3600)
            else:
                back = rng.randint(1, HISTORY_DAYS - 1)
                person.created = self.local_moment(back, rng.randint(9 * 60, 21 * 60))
            person.created = min(person.created, self.now_ts)
            person.updated = person.created
            if self.chance(0.35):
                person.updated = person.created + int(rng.random() * (self.now_ts - person.created))
            person.weight = weight * (1.8 if person.starred else 1.0) * (
                1.5 if person.cadence and person.cadence <= 42 else 1.0)
            people.append(person)
        # ids follow the order people were added in
        order = sorted(range(len(people)), key=lambda i: (people[i].created, i))
        people = [people[i] for i in order]
        self.introductions(people)
        return people

    def new_person(self, circle: str, taken: set[tuple[str, str]]) -> _Person:
        rng = self.rng
        for attempt in range(8):
            # family is Italian, mostly; everyone else comes from anywhere, Italy first
            origin = "it" if circle == "family" and self.chance(0.9) else self.weighted(_ORIGINS)
            if origin == "cn" and self.chance(0.5):
                first, mail_name = rng.choice(_CJK_NAMES)
                last = ""
            else:
                firsts, lasts = _NAMES[origin]
                first, last, mail_name = rng.choice(firsts), rng.choice(lasts), ""
                if origin == "pl" and first.endswith("a") and last.endswith("ki"):
                    last = last[:-1] + "a"  # Kowalski, Kowalska
            if (first, last) not in taken or attempt == 7:  # big networks repeat names, as life does
                taken.add((first, last))
                break
        mail_name = mail_name or f"{_ascii(first)}.{_ascii(last)}"
        home = rng.choice(_HOME_COUNTRIES[origin])
        if origin == "it":
            country = "it" if self.chance(0.88) else rng.choice(("uk", "de", "fr", "es", "us", "pl"))
        else:
            country = home if self.chance(0.7) else "it"  # many foreigners live in Italy
        if circle in ("family", "neighbours", "school") and self.chance(0.8):
            country = "it"
        city = self.weighted(_CITIES[country])
        return _Person(first=first, last=last, mail_name=mail_name, country=country, city=city, circle=circle)

    def give_job(self, person: _Person) -> None:
        rng = self.rng
        local = _LOCAL_COMPANIES.get(person.country, ())
        # some work for a company abroad, but nobody runs a trattoria from a distance
        pool = local if local and self.chance(0.85) else _REMOTE_COMPANIES
        name, industry, _, domain = rng.choice(pool)
        person.company, person.industry, person.domain = name, industry, domain
        if self.chance(0.9):
            person.role = rng.choice(_ROLES[industry])

    def pick_tags(self, person: _Person) -> list[str]:
        rng = self.rng
        tags = []
        if person.industry:
            tags += rng.sample(_INDUSTRY_TAGS[person.industry], min(len(_INDUSTRY_TAGS[person.industry]),
                                                                    rng.randint(1, 2)))
        if not tags or self.chance(0.35):
            tags.append(rng.choice(_GENERAL_TAGS))
        return sorted(dict.fromkeys(tags))

    def introductions(self, people: list[_Person]) -> None:
        """Some people were introduced by someone added before them; chains happen."""
        rng = self.rng
        introduced: list[int] = []
        for i, person in enumerate(people):
            if i == 0 or person.met_at is not None or person.circle == "family" or not self.chance(0.15):
                continue
            if introduced and self.chance(0.3):
                introducer = rng.choice(introduced)  # a chain: the introducer was introduced too
            else:
                introducer = rng.randrange(i)
            if people[introducer].created >= person.created:
                continue
            person.introduced_by = introducer
            person.how_met = f"Introduced by {people[introducer].name}"
            introduced.append(i)

    # attendees ----------------------------------------------------------------------------
    def plan_attendees(self, events: list[_Event], people: list[_Person]) -> list[tuple[int, int, str, str]]:
        rng = self.rng
        created = [p.created for p in people]
        rows: dict[tuple[int, int], tuple[str, str]] = {}
        for p_index, person in enumerate(people):
            if person.met_at is not None:
                rows[(person.met_at, p_index)] = ("met", self.attendee_role(0.15))
        for e_index, event in enumerate(events):
            known = bisect.bisect_right(created, event.starts)  # people added before it began
            if event.status == "attended":
                wanted = rng.randint(1, 4)
                status = "met"
            elif event.status == "skipped":
                wanted = rng.randint(0, 2)
                status = "to meet"
            else:
                wanted = rng.randint(2, 8) if event.status != "idea" else rng.randint(0, 3)
                status = "to meet"
                known = len(people)
            for _ in range(min(wanted, known)):
                p_index = rng.randrange(known)
                rows.setdefault((e_index, p_index), (status, self.attendee_role(0.2)))
        return [(e, p, status, role) for (e, p), (status, role) in sorted(rows.items())]

    def attendee_role(self, p: float) -> str:
        return self.rng.choice(_ATTENDEE_ROLES) if self.chance(p) else ""

    # interactions -------------------------------------------------------------------------
    def plan_interactions(self, events: list[_Event], people: list[_Person],
                          attendees: list[tuple[int, int, str, str]]) -> list[_Interaction]:
        """Exactly `interactions_wanted` interactions, oldest first: at and after the events
        attended, then keeping in touch with people who have a cadence, then everyday life."""
        rng = self.rng
        budget = self.interactions_wanted
        self.people = people
        self.created = [p.created for p in people]  # ascending: people are sorted by it
        self.cumulative = list(itertools.accumulate(p.weight for p in people))
        self.colleagues: dict[str, list[int]] = {}
        self.person_facts = [
            (p.circle in _PERSONAL_CIRCLES, p.created,
             {"first": p.first, "company": p.company or "their company", "city": p.city})
            for p in people
        ]
        for i, person in enumerate(people):
            if person.company:
                self.colleagues.setdefault(person.company, []).append(i)
        result: list[_Interaction] = []

        # 1. at the events attended (a quarter of the budget at most), and e-mails after them
        event_budget = budget // 4
        met_by_event: dict[int, list[int]] = {}
        for e_index, p_index, status, _ in attendees:
            if status == "met":
                met_by_event.setdefault(e_index, []).append(p_index)
        for e_index, event in enumerate(events):
            there = met_by_event.get(e_index, [])
            if event.status != "attended" or not there:
                continue
            for _ in range(rng.randint(1, 3)):
                if len(result) >= event_budget:
                    break
                moment = min(event.starts + rng.randint(150, 360) * 60, event.ends, self.now_ts)
                present = [p for p in there if self.created[p] <= moment]
                if not present:
                    continue
                group = tuple(rng.sample(present, min(len(present), 1 + self.extra_people())))
                summary = self.fill(rng.choice(_EVENT_SUMMARIES), title=event.title)
                kind = "event" if self.chance(0.75) else "meeting"
                result.append(_Interaction(moment, kind, summary, "", None, e_index, self.logged(moment), group))
            for p_index in there:
                if len(result) >= event_budget or not self.chance(0.5):
                    continue
                moment = min(event.ends + rng.randint(1, 4) * 86400 + rng.randint(0, 600) * 60, self.now_ts)
                result.append(_Interaction(
                    moment, "email", f"Nice meeting you at {event.title}", "",
                    rng.choice(INITIATORS), None, self.logged(moment), (p_index,),
                ))
        # 2. keeping in touch: many people with a cadence were contacted within it
        keep_budget = len(result) + budget // 4
        for p_index, person in enumerate(people):
            if not person.cadence or len(result) >= keep_budget or not self.chance(0.55):
                continue
            back = rng.randrange(min(person.cadence, HISTORY_DAYS))
            result.append(self.everyday(back, p_index))
        # 3. everything else, denser in recent months
        random_ = rng.random
        # how many people had been added by the end of each day back
        known_by = [bisect.bisect_right(self.created, start + 86400) or 1 for start in self.day_start]
        last_day = HISTORY_DAYS - 1
        everyday, someone = self.everyday, self.someone
        remaining = budget - len(result)
        for step in range(remaining):
            back = min(int(HISTORY_DAYS * random_() ** 1.25), last_day)
            result.append(everyday(back, someone(known_by[back])))
            if step % 50_000 == 49_999:
                self.report(0.15 + 0.6 * step / remaining)
        result = result[:budget]
        result.sort(key=_OCCURRED)  # stable: ties keep the order they were planned in
        return result

    def someone(self, known: int) -> int:
        """One of the first `known` people, the closer ones more often."""
        index = bisect.bisect_right(self.cumulative, self.rng.random() * self.cumulative[known - 1])
        return index if index < known else known - 1

    def extra_people(self) -> int:
        roll = self.rng.random()
        return 0 if roll < 0.78 else 1 if roll < 0.94 else 2

    def logged(self, moment: int) -> int:
        """When it was written down: at the time, or within a few hours."""
        return min(moment + self.rng.randint(0, 180) * 60, self.now_ts)

    def group(self, primary: int, moment: int, extra: int) -> tuple[int, ...]:
        """The primary person and `extra` more (colleagues, often) added by then."""
        if not extra:
            return (primary,)
        rng = self.rng
        chosen = [primary]
        known = bisect.bisect_right(self.created, moment)
        colleagues = self.colleagues.get(self.people[primary].company, [])
        for _ in range(extra * 4):
            if len(chosen) > extra or known <= len(chosen):
                break
            reach = bisect.bisect_right(colleagues, known - 1)
            if reach and self.chance(0.6):
                candidate = colleagues[rng.randrange(reach)]
            else:
                candidate = self.someone(known)
            if candidate not in chosen:
                chosen.append(candidate)
        return tuple(chosen)

    def everyday(self, back: int, primary: int) -> _Interaction:
        """An interaction `back` days ago, with `primary` and maybe others. (The hot loop of a
        big network, called once per interaction: no objects made but the row, the person's
        facts looked up once, template fields parsed once.)"""
        rng = self.rng
        random_ = rng.random
        personal, created, words = self.person_facts[primary]
        kinds = _KINDS[personal]
        kind = kinds.names[bisect.bisect_right(kinds.cumulative, random_() * kinds.cumulative[-1])]
        start, end, step = _KIND_HOURS[kind]
        if not personal and kind in _OFFICE_KINDS and self.weekday[back] >= 5 and random_() < 0.85:
            back += self.weekday[back] - 4  # work happens on the Friday before
        moment = self.day_start[back] + rng.randrange(start, end) // step * step * 60
        now_ts = self.now_ts
        if moment > now_ts:
            moment -= 86400
        if moment < created:
            moment = min(created + rng.randint(10, 180) * 60, now_ts)
        roll = random_()
        group = (primary,) if roll < 0.78 else self.group(primary, moment, 1 if roll < 0.94 else 2)
        summary = self.fill(rng.choice(_SUMMARIES[(kind, personal)]), personal, **words)
        notes = self.fill(rng.choice(_INTERACTION_NOTES), personal, **words) if random_() < 0.25 else ""
        initiated_by = None if kind == "note" or random_() < 0.45 else rng.choice(INITIATORS)
        logged = moment + rng.randint(0, 180) * 60
        return _Interaction(moment, kind, summary, notes, initiated_by, None,
                            logged if logged < now_ts else now_ts, group)

    # channels, facts, dates ---------------------------------------------------------------
    def plan_channels(self, people: list[_Person]) -> list[tuple[int, str, str, str]]:
        rng = self.rng
        rows = []
        taken: set[str] = set()

        def unique(address: str) -> str:
            """Two people never share an address (an import would rightly take them for one)."""
            local, _, domain = address.partition("@")
            candidate, n = address, 1
            while candidate.casefold() in taken:
                n += 1
                candidate = f"{local}{n}@{domain}"
            taken.add(candidate.casefold())
            return candidate

        for i, person in enumerate(people):
            country = _COUNTRIES[person.country]
            professional = person.circle not in _PERSONAL_CIRCLES
            local = person.mail_name.replace("'", "")
            first, _, last = local.partition(".")
            if person.domain and self.chance(0.85):
                shape = rng.choice((local, f"{first[:1]}.{last}" if last else local, first))
                rows.append((i, "email", unique(f"{shape}@{person.domain}"), "work"))
            if self.chance(0.55 if professional else 0.7):
                shape = rng.choice((local, f"{first}{last}", f"{first}.{last}{rng.randint(70, 99)}" if last
                                    else f"{first}{rng.randint(70, 99)}"))
                rows.append((i, "email", unique(f"{shape}@{rng.choice(country.mail)}"), "personal"))
            if self.chance(0.65 if professional else 0.85):
                rows.append((i, "phone", self.digits(country.phone), "mobile"))
            if person.country == "it" and person.company and self.chance(0.1):
                rows.append((i, "phone", self.digits("+39 02 #### ####"), "office"))
            if professional and self.chance(0.45):
                slug = f"{first}-{last}".strip("-").replace(".", "-")
                rows.append((i, "linkedin", f"https://www.linkedin.com/in/{slug}-{rng.randrange(16**6):06x}", ""))
            if person.circle in ("online", "friends") and self.chance(0.2):
                rows.append((i, "instagram", f"@{first}{last[:3]}{rng.randint(1, 99)}", ""))
        return rows

    def plan_facts(self, people: list[_Person]) -> list[tuple[int, str, str]]:
        rng = self.rng
        rows = []
        for i in range(len(people)):
            if not self.chance(0.5):
                continue
            for label in rng.sample(_FACT_LABELS, rng.randint(1, 3)):
                rows.append((i, label, rng.choice(_FACTS[label])))
        return rows

    def plan_dates(self, people: list[_Person]) -> list[tuple[int, str, int, int, int | None, int]]:
        """Birthdays (some without the year, a few in the next two weeks), anniversaries, name days."""
        rng = self.rng
        rows = []
        soon = max(1, min(10, len(people) // 25))
        soon_people = rng.sample(range(len(people)), soon)
        soon_offsets = [0] + [rng.randint(1, 13) for _ in range(soon - 1)]
        upcoming = dict(zip(soon_people, soon_offsets))
        for i, person in enumerate(people):
            if i in upcoming:
                day = self.today + dt.timedelta(days=upcoming[i])
                year = self.birth_year(person.circle) if self.chance(0.6) else None
                if year is not None and (day.month, day.day) == (2, 29):
                    year = 1988
                rows.append((i, "birthday", day.month, day.day, year, rng.choice((7, 7, 3, 1))))
            elif self.chance(0.45):
                month, day = self.any_day()
                year = self.birth_year(person.circle) if self.chance(0.6) else None
                rows.append((i, "birthday", month, day, year, rng.choice((7, 7, 7, 3, 1, 14))))
            if person.circle == "work" and self.chance(0.05):
                month, day = self.any_day()
                rows.append((i, "work anniversary", month, day, rng.randint(2008, 2024), 3))
            if person.circle in ("family", "friends") and self.chance(0.06):
                month, day = self.any_day()
                rows.append((i, "wedding anniversary", month, day, rng.randint(1985, 2023), 7))
            if person.country == "it" and self.chance(0.04):
                month, day = self.any_day()
                rows.append((i, "name day", month, day, None, 0))
        return rows

    def any_day(self) -> tuple[int, int]:
        day = dt.date(2001, 1, 1) + dt.timedelta(days=self.rng.randrange(365))
        return day.month, day.day

    def birth_year(self, circle: str) -> int:
        if circle == "school":
            return self.rng.randint(1985, 1987)
        if circle == "university":
            return self.rng.randint(1983, 1990)
        if circle == "family":
            return self.rng.randint(1942, 2016)
        return self.rng.randint(1958, 2001)

    # follow-ups ---------------------------------------------------------------------------
    def plan_followups(self, events, people, interactions) -> list[tuple]:
        rng = self.rng
        n = len(people)
        categories = (
            ["today"] * max(1, round(n * 0.025))
            + ["overdue"] * max(1, round(n * 0.04))
            + ["upcoming"] * max(1, round(n * 0.05))
            + ["done"] * max(1, round(n * 0.10))
            + ["snoozed"] * (n // 100)
        )
        candidates = list(range(n))
        rng.shuffle(candidates)
        chosen = {candidates[position % n] for position in range(len(categories))}
        timeline: dict[int, list[tuple[int, int]]] = {p: [] for p in chosen}  # theirs only
        for index, interaction in enumerate(interactions):
            for p in interaction.participants:
                if p in timeline:
                    timeline[p].append((interaction.occurred, index))
        rows = []
        for position, category in enumerate(categories):
            p_index = candidates[position % n]
            person = people[p_index]
            today = self.today
            if category == "today":
                due = today
            elif category == "overdue":
                due = today - dt.timedelta(days=rng.randint(1, 20))
            elif category == "upcoming":
                due = today + dt.timedelta(days=rng.randint(1, 30))
            elif category == "done":
                due = today - dt.timedelta(days=rng.randint(1, 300))
            else:  # snoozed: was due, pushed to a later day
                due = today - dt.timedelta(days=rng.randint(1, 10))
            snoozed = today + dt.timedelta(days=rng.randint(1, 10)) if category == "snoozed" else None
            back = max((today - due).days, 0) + rng.randint(1, 14)  # planned before it was due
            planned_at = min(self.local_moment(min(back, HISTORY_DAYS - 1), rng.randint(9 * 60, 19 * 60)),
                             self.now_ts - 3600)
            planned_at = max(planned_at, person.created)
            source = None
            history = timeline.get(p_index, [])
            position_in = bisect.bisect_right(history, (planned_at, len(interactions)))
            if position_in and history[position_in - 1][0] > planned_at - 60 * 86400:
                source = history[position_in - 1][1]
                planned_at = min(interactions[source].occurred + rng.randint(5, 120) * 60, self.now_ts)
            source_event = None
            action = self.fill(rng.choice(_FOLLOWUP_ACTIONS), city=person.city)
            if person.met_at is not None and source is None:
                source_event = person.met_at
                action = f"Send a nice-to-meet-you note after {events[person.met_at].title}"
            done = None
            if category == "done":
                due_moment = self.local_moment(min((today - due).days, HISTORY_DAYS - 1), 10 * 60)
                done = min(max(due_moment + rng.randint(-2 * 86400, 86400), planned_at), self.now_ts)
            rows.append((p_index, due, rng.choice(_FOLLOWUP_CHANNELS), action, source, source_event,
                         done, snoozed, planned_at))
        return rows


@functools.cache
def _placeholders(template: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for _, name, _, _ in string.Formatter().parse(template) if name))


@functools.cache
def _ascii(name: str) -> str:
    """'Nicolò' -> 'nicolo', "D'Amico" -> 'damico', 'De Luca' -> 'deluca', 'Ødegaard' -> 'odegaard'."""
    return re.sub(r"[^a-z0-9]", "", fold(name).lower())


# --- writing -------------------------------------------------------------------------------


def _utc(seconds: int) -> str:
    """The instant `seconds` after the epoch exactly as UTCDateTimeField stores it (UTC text,
    which the field writes unchanged), from two tables: the day's text and the time of day's.
    A 1,000,000-interaction network has two million instants to write; strftime (or a
    pendulum DateTime) for each would take seconds."""
    day, second = divmod(seconds, 86400)
    text = _DAY_TEXT.get(day)
    if text is None:
        text = _DAY_TEXT[day] = time.strftime(UTC_TEXT_FORMAT.split(" ")[0] + " ", time.gmtime(day * 86400))
    return text + _time_of_day()[second]


_DAY_TEXT: dict[int, str] = {}


@functools.cache
def _time_of_day() -> tuple[str, ...]:
    return tuple(f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60))


def _write(plan: _Plan, report: _Progress) -> None:
    contact_base, event_base, interaction_base = bulk.next_id(Contact), bulk.next_id(Event), bulk.next_id(Interaction)
    contact_id = [contact_base + i for i in range(len(plan.contacts))]
    event_id = [event_base + i for i in range(len(plan.events))]
    interaction_id = range(interaction_base, interaction_base + len(plan.interactions))

    tag_names = sorted({tag for person in plan.contacts for tag in person.tags})
    existing_tags = dict(Tag.select(Tag.name, Tag.id).where(Tag.name.in_(tag_names)).tuples()) \
        if tag_names else {}
    next_tag = bulk.next_id(Tag)
    tag_ids, new_tags = {}, []
    for name in tag_names:
        if name in existing_tags:
            tag_ids[name] = existing_tags[name]
        else:
            tag_ids[name] = next_tag
            new_tags.append((next_tag, name))
            next_tag += 1

    # Each person's newest interaction, the value the last_contacted triggers would compute
    # row by row (see _without_last_contacted_trigger).
    newest = [0] * len(plan.contacts)
    for x in plan.interactions:
        for p in x.participants:
            if x.occurred > newest[p]:
                newest[p] = x.occurred
    utc = _utc
    tables = [
        (Event, [Event.id, Event.title, Event.kind, Event.starts_at, Event.ends_at, Event.timezone,
                 Event.venue, Event.city, Event.link, Event.status, Event.goal, Event.notes,
                 Event.created_at, Event.updated_at],
         [(event_id[i], e.title, e.kind, _utc(e.starts), _utc(e.ends), e.timezone, e.venue, e.city, e.link,
           e.status, e.goal, e.notes, _utc(e.created), _utc(e.updated)) for i, e in enumerate(plan.events)]),
        (Contact, [Contact.id, Contact.first_name, Contact.last_name, Contact.sort_name, Contact.company,
                   Contact.role, Contact.city, Contact.country, Contact.circle, Contact.how_met, Contact.met_at,
                   Contact.introduced_by, Contact.cadence_days, Contact.starred, Contact.notes,
                   Contact.created_at, Contact.updated_at, Contact.last_contacted_at],
         [(contact_id[i], p.first, p.last, _sort_name(p.first, p.last), p.company, p.role, p.city,
           _COUNTRIES[p.country].name, p.circle, p.how_met,
           None if p.met_at is None else event_id[p.met_at],
           None if p.introduced_by is None else contact_id[p.introduced_by],
           p.cadence, int(p.starred), p.notes, utc(p.created), utc(p.updated), utc(newest[i]) if newest[i] else None)
          for i, p in enumerate(plan.contacts)]),
        (Channel, [Channel.contact, Channel.kind, Channel.value, Channel.label],
         [(contact_id[p], kind, value, label) for p, kind, value, label in plan.channels]),
        (Tag, [Tag.id, Tag.name], new_tags),
        (ContactTag, [ContactTag.contact, ContactTag.tag],
         [(contact_id[i], tag_ids[t]) for i, p in enumerate(plan.contacts) for t in p.tags]),
        (Fact, [Fact.contact, Fact.label, Fact.value],
         [(contact_id[p], label, value) for p, label, value in plan.facts]),
        (ImportantDate, [ImportantDate.contact, ImportantDate.label, ImportantDate.month, ImportantDate.day,
                         ImportantDate.year, ImportantDate.remind_days_before],
         [(contact_id[p], label, month, day, year, remind) for p, label, month, day, year, remind in plan.dates]),
        # The two big tables: rows made batch by batch as they are written, instants given as
        # seconds and formatted by SQLite (datetime(s, 'unixepoch') is the stored text).
        (Interaction, None, _Stream(
            'INSERT INTO "interaction" ("id", "kind", "occurred_at", "summary", "notes", "initiated_by", '
            '"event_id", "created_at") VALUES (?, ?, datetime(?, \'unixepoch\'), ?, ?, ?, ?, '
            'datetime(?, \'unixepoch\'))',
            len(plan.interactions),
            ((interaction_base + i, x.kind, x.occurred, x.summary, x.notes, x.initiated_by,
              None if x.event is None else event_base + x.event, x.created)
             for i, x in enumerate(plan.interactions)))),
        (InteractionParticipant, None, _Stream(
            'INSERT INTO "interaction_participant" ("interaction_id", "contact_id") VALUES (?, ?)',
            sum(len(x.participants) for x in plan.interactions),
            ((interaction_base + i, contact_base + p)
             for i, x in enumerate(plan.interactions) for p in x.participants))),
        (EventAttendee, [EventAttendee.event, EventAttendee.contact, EventAttendee.status, EventAttendee.role],
         [(event_id[e], contact_id[p], status, role) for e, p, status, role in plan.attendees]),
        (FollowUp, [FollowUp.contact, FollowUp.due_on, FollowUp.channel, FollowUp.action,
                    FollowUp.source_interaction, FollowUp.source_event, FollowUp.done_at,
                    FollowUp.snoozed_until, FollowUp.created_at],
         [(contact_id[p], when.plain_date(due), channel, action,
           None if source is None else interaction_id[source],
           None if source_event is None else event_id[source_event],
           None if done is None else _utc(done), None if snoozed is None else when.plain_date(snoozed), _utc(created))
          for p, due, channel, action, source, source_event, done, snoozed, created in plan.followups]),
    ]
    _check_plan(plan)
    tables.append((ContactSearch, [ContactSearch.rowid, ContactSearch.name, ContactSearch.company,
                                   ContactSearch.role, ContactSearch.city, ContactSearch.tags, ContactSearch.notes,
                                   ContactSearch.facts, ContactSearch.interactions],
                   _index_rows(plan, contact_id)))
    total = sum(len(rows) for _, _, rows in tables)
    done = 0
    with _indexes_built_after([model for model, _, _ in tables]):
        for model, fields, rows in tables:
            def advance(count: int) -> None:
                nonlocal done
                done += count
                report.writing(done, total)

            if isinstance(rows, _Stream):
                with _without_last_contacted_trigger() if model is InteractionParticipant else nullcontext():
                    rows.write(advance)
            else:
                bulk.insert_rows(model, fields, rows, advance)
    # The query planner's statistics, as netui.store.db keeps them on close: a big network opens
    # with its first page read down the right index at once.
    database.execute_sql("ANALYZE")


@contextmanager
def _indexes_built_after(models: list):
    """Inside the write transaction, the indexes of these tables are dropped while their rows
    are written, and created again from their own stored SQL afterwards: one sort per index
    instead of a million inserts at random places (names, cities, people of each
    interaction). A failure rolls them back into place with everything else."""
    tables = [m._meta.table_name for m in models if m is not ContactSearch]
    marks = ", ".join("?" * len(tables))
    indexes = database.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY rowid", tables).fetchall()
    for name, _ in indexes:
        database.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        database.execute_sql(sql)


class _Stream:
    """Rows for one prepared INSERT, made as they are written: `count` rows from `rows`."""

    BATCH = 50_000

    def __init__(self, statement: str, count: int, rows):
        self.statement, self.count, self.rows = statement, count, iter(rows)

    def __len__(self) -> int:
        return self.count

    def write(self, progress: Callable[[int], None]) -> None:
        cursor = database.cursor()
        for start in range(0, self.count, self.BATCH):
            size = min(self.BATCH, self.count - start)
            cursor.executemany(self.statement, itertools.islice(self.rows, size))
            progress(size)


def _index_rows(plan: _Plan, contact_id: list[int]) -> list[tuple]:
    """The search index's rows, exactly what `search.rebuild_index` would write from the tables
    (the same columns, text joined in the same order, folded), built from the plan. Rebuilding
    it in SQL reads every person's interactions back and folds a million lines one long string
    at a time: most of the time a big network took. Here each distinct line is folded once
    (folding works character by character, so a joined text folds as its folded lines joined)."""
    folded: dict[str, str] = {}

    def fold_(text: str) -> str:
        value = folded.get(text)
        if value is None:
            value = folded[text] = fold(text)
        return value

    interactions: list[list[str]] = [[] for _ in plan.contacts]
    get = folded.get
    for x in plan.interactions:  # ids follow this order
        text = x.summary + " " + x.notes
        line = get(text)
        if line is None:
            line = folded[text] = fold(text)
        for p in x.participants:
            interactions[p].append(line)
    facts: list[list[str]] = [[] for _ in plan.contacts]
    for p, label, value in plan.facts:  # ids follow this order
        facts[p].append(fold_(f"{label} {value}"))
    return [
        (contact_id[i], fold_(f"{p.first} {p.last}"), fold_(p.company), fold_(p.role),
         fold_(f"{p.city} {_COUNTRIES[p.country].name}"), fold_(" ".join(sorted(p.tags))),
         fold_(f"{p.how_met}\n{p.notes}"), "\n".join(facts[i]), "\n".join(interactions[i]))
        for i, p in enumerate(plan.contacts)
    ]


class _Progress:
    """Reports progress(done, total) over the whole job, planning and writing: thousandths,
    always the same total, never going back."""

    TOTAL = 1000
    PLANNING = 0.35  # the share of the time planning takes, about

    def __init__(self, callback: Callable[[int, int], None] | None):
        self.callback = callback
        self.done = 0
        self.report(0)

    def report(self, done: int) -> None:
        if self.callback and (done > self.done or done == 0):
            self.done = done
            self.callback(done, self.TOTAL)

    def planned(self, fraction: float) -> None:
        self.report(int(self.TOTAL * self.PLANNING * fraction))

    def writing(self, rows: int, of: int) -> None:
        share = self.PLANNING + (1 - self.PLANNING) * rows / max(of, 1)
        self.report(min(int(self.TOTAL * share), self.TOTAL - 1))

    def finish(self) -> None:
        self.report(self.TOTAL)


@contextmanager
def _bulk_write():
    """For the one big write transaction: a page cache big enough to hold the indexes being
    filled (SQLite's default 2 MB spills pages to the log again and again), and the foreign
    key checks off -- the plan only refers to rows it writes (_check_plan) -- then the
    connection's own settings again. (foreign_keys can only change outside a transaction.)"""
    cache = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    keys = database.execute_sql("PRAGMA foreign_keys").fetchone()[0]
    database.execute_sql(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    database.execute_sql("PRAGMA foreign_keys = 0")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA foreign_keys = {int(keys)}")
        database.execute_sql(f"PRAGMA cache_size = {int(cache)}")


@functools.cache
def _sort_name(first: str, last: str) -> str:
    return fold_key(full_name(first, last))  # names repeat: a big network has few distinct ones


@contextmanager
def _without_last_contacted_trigger():
    """Inside the write transaction, the trigger that moves contact.last_contacted_at on each
    new participant row is dropped, and created again afterwards from its own stored SQL:
    fired for each of a million rows it costs more than the rest of the write, and the
    contact rows already hold the value it would compute. Being DDL in the same transaction,
    a failure rolls the trigger back into place with everything else."""
    name = "last_contacted_participant_insert"
    row = database.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                               (name,)).fetchone()
    if row is None:
        yield
        return
    database.execute_sql(f'DROP TRIGGER "{name}"')
    yield
    database.execute_sql(row[0])


def _check_plan(plan: _Plan) -> None:
    """What the domain functions would refuse is never generated (a bug here, not user input)."""
    assert all(p.circle in CIRCLES for p in plan.contacts)
    assert all(e.kind in EVENT_KINDS and e.status in EVENT_STATUSES for e in plan.events)
    assert all(x.kind in INTERACTION_KINDS and x.participants for x in plan.interactions)
    assert all(status in ATTENDEE_STATUSES for _, _, status, _ in plan.attendees)
