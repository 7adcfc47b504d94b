"""One network, searched in a SQLite file and on PostgreSQL: the same query finds the same
people in the same order on both (netui.store.search: FTS5 and bm25 there, tsvectors and the
same bm25 worked out in SQL here), whatever grammar it uses; and what a purge leaves on
PostgreSQL."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from netui import contacts, lifecycle, timeline
from netui.store import db, models, search
from netui.store.models import Contact, ContactSearch

FIRST = ["Giulia", "Gianni", "Giorgio", "Anna", "Nicolò", "Martin", "Łukasz", "Zoë", "Hans", "Élodie", "王伟",
         "Marco", "Carla"]
LAST = ["Rossi", "Rossini", "Bianchi", "Ødegaard", "Müller", "Kowalski", "D'Amico", "Gialli", "Neri", "Verdi"]
COMPANIES = ["Caffè Nero", "Acme Robotics", "Straße Bau", "Banca Sella", "Gialla Srl", "", "", "Rossi & Figli"]
ROLES = ["Head of Procurement", "CTO", "giurista", "", "sales lead", "Acme liaison"]
CITIES = ["Milano", "Łódź", "Torino", "Roma", "Bergamo", "Giulianova", ""]
TAGS = ["fintech", "rowing", "sailing", "giulia", "milano"]
WORDS = ["giulia", "milano", "rossi", "kayak", "caffè", "nero", "acme", "cello", "gianni", "met", "at", "the",
         "fair", "lodz", "ødegaard", "giu", "robotics", "procurement", "anna@x.it", "caffè-nero", "3.5", "王"]


def build_network(seed: int = 19) -> None:
    """A few dozen people whose words overlap in every column, more or less often."""
    chance = random.Random(seed)
    people = []
    for number in range(40):
        fields = {
            "company": chance.choice(COMPANIES), "role": chance.choice(ROLES), "city": chance.choice(CITIES),
            "circle": chance.choice(["work", "friends", "other"]),
            "notes": " ".join(chance.choices(WORDS, k=chance.randrange(0, 12))),
            "tags": chance.sample(TAGS, chance.randrange(0, 3)),
        }
        people.append(contacts.create_contact(f"{chance.choice(FIRST)} {chance.choice(LAST)}", **fields))
        if number % 3 == 0:
            contacts.add_fact(people[-1], chance.choice(["children", "sport"]), " ".join(chance.choices(WORDS, k=3)))
    for _ in range(15):
        timeline.log_interaction(chance.sample(people, chance.randrange(1, 4)), "call",
                                 summary=" ".join(chance.choices(WORDS, k=2)),
                                 notes=" ".join(chance.choices(WORDS, k=chance.randrange(0, 8))))
    lifecycle.trash_contact(people[5])


@pytest.fixture
def backends(tmp_path, postgres_database):
    """The same network in a SQLite file and on PostgreSQL; `use(name)` binds one of them."""
    handles = {"postgresql": postgres_database}
    build_network()
    handles["sqlite"] = db.open_database(tmp_path / "netui.db")
    build_network()

    def use(name: str):
        models.database.initialize(handles[name])
        return handles[name]

    yield use
    handles["sqlite"].close()
    models.database.initialize(postgres_database)  # the fixture closes it


def everything_found(text: str) -> dict:
    """What each way of searching finds for `text`."""
    return {
        "ranked": search.search_ids(text, limit=100),
        "page": search.search_ids(text, limit=5, offset=3),
        "names": search.search_ids(text, limit=100, columns=("name",)),
        "who": search.search_ids(text, limit=100, columns=search.IDENTITY_COLUMNS),
        "work": search.search_ids(text, limit=100, where=Contact.circle == "work"),
        "unranked": search.match_ids(text),
        "count": search.count_matches(text),
        "box": list(contacts.find_contacts(text).ids or ()),
        "box-filtered": list(contacts.find_contacts(f"circle:friends {text}").ids or ()),
    }


def same_on_both(use, text: str) -> dict:
    use("sqlite")
    on_sqlite = everything_found(text)
    use("postgresql")
    assert everything_found(text) == on_sqlite, text
    return on_sqlite


GRAMMAR = [
    "giu", "giulia", "Giulia Rossi", "ros", "rossi -milano", "giulia NOT rossi", '"giulia rossi"', '"caffe nero"',
    "caffè", "CAFFE", "nicolo", "odegaard", "lukasz", "lodz", "strasse", "王伟", "王", "city:milano",
    "company:acme OR role:acme", "(acme OR sella) giu", "name:gi notes:kayak", "tags:fintech", "facts:spo",
    "interactions:kayak", "notes:giulia -name:giulia", "anna@x.it", "caffe-nero", "3.5", '"giulia', "(bianchi",
    "bianchi)", "a(" * 40, "a " + "NOT a " * 150, "gi\x00", "{name city}: milano", "-giulia", "OR NOT (maybe)",
]


@pytest.mark.parametrize("text", GRAMMAR)
def test_the_grammar_finds_the_same_people_in_the_same_order(backends, text):
    same_on_both(backends, text)


def test_the_grammar_finds_people_at_all(backends):
    """The comparison means something: the typical queries find people, in several columns."""
    assert len(same_on_both(backends, "giu")["ranked"]) > 10
    assert same_on_both(backends, '"caffe nero"')["ranked"]
    assert same_on_both(backends, "city:lodz")["ranked"]
    assert same_on_both(backends, "interactions:kayak")["ranked"]
    assert same_on_both(backends, "name:gi notes:kayak")["ranked"]


_PIECES = st.sampled_from(["giu", "giulia", "ros", "rossi", "milano", "mil", "caffè", "nero", "acme", "kayak",
                           "王", "lodz", "g", "a", '"giulia rossi"', '"caffe nero"', '"', "OR", "NOT", "AND", "-",
                           "(", ")", "name:", "city:", "notes:", "company:", "tags:", "facts:", "interactions:",
                           "role:", "*", ":", "{name city}:"])


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
# Any query finds the same people in the same order. The examples are the gaps random queries
# found before (issue 19): a phrase typed twice ("giu OR giu giulia": FTS5 counts a phrase's
# instances only where its branch of an OR matches) and phrases right of a NOT, never counted.
@given(text=st.one_of(st.lists(_PIECES, min_size=1, max_size=6).map(" ".join),
                      st.lists(_PIECES, min_size=1, max_size=4).map("".join)))
@example(text="giu OR -rossi")
@example(text="(giu OR ros) NOT (milano OR caffè)")
@example(text="NOT {name city}: giu OR giulia")
@example(text="giu OR giu giulia")
@example(text='"giulia rossi" "giulia rossi" OR giu')
@example(text="(giu NOT rossi) OR milano")
@example(text="(giu AND city:mil) OR giulia")
def test_any_query_finds_the_same_people_in_the_same_order(backends, text):
    same_on_both(backends, text)


def test_a_purge_leaves_no_row_of_the_person_in_the_postgresql_index(backends):
    backends("postgresql")
    gone = contacts.create_contact("Zebedeo Purgato", company="Acme", notes="kayak")
    stray = Contact.select(Contact.id).order_by(Contact.id.desc()).scalar() + 1
    ContactSearch.insert(rowid=stray, name="zebedeo stray").execute()  # a row nobody dropped
    lifecycle.trash_contact(gone)
    lifecycle.purge_contact(gone)
    assert not ContactSearch.select().where(ContactSearch.rowid.in_([gone, stray])).exists()
    assert search.search_ids("zebedeo") == []
    assert search.index_size() == Contact.select().where(Contact.trashed_at.is_null()).count()


SCRIPTS = ["नमस्ते दुनिया", "ประเทศ ไทย", "Nguyễn Đặng", "Ελληνικά Σοφός", "Привет Мир", "日本語 名前", "한국어 이름",
           "مرحبا عالم", "שָׁלוֹם עולם", "தமிழ் பெயர்", "Ⅻ ½", "ﬁne Æsir"]


@pytest.mark.parametrize("name", SCRIPTS)
def test_names_in_every_script_are_split_into_the_same_words(backends, name):
    """Whatever the script, a name is found by itself, its first word and the start of it,
    alike on both backends (σ and ς are one letter, as in FTS5)."""
    for backend in ("sqlite", "postgresql"):
        backends(backend)
        contacts.create_contact(name)
    first = name.split()[0]
    for text in (name, first, first[:2], f'"{name}"', name.replace("ς", "σ")):
        assert same_on_both(backends, text)["ranked"], text
