"""The demo speaks the interface's language: with Italian chosen, `netui --demo` and `netui demo`
write Italian summaries, notes, how-met lines, events, facts and follow-ups -- the same network
(the same seed draws the same people, dates and events), in other words."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest

from netui import contacts, demo, i18n
from netui.demo import words
from netui.demo.material import placeholders
from netui.demo.vocabulary import vocabulary
from netui.store import db
from netui.store.models import Contact, Event, Fact, FollowUp, ImportantDate, Interaction

ENGLISH, ITALIAN = vocabulary("en"), vocabulary("it")


def _texts(table) -> list[str]:
    """Every sentence of a table, in order (dict values flattened)."""
    if isinstance(table, dict):
        return [text for value in table.values() for text in (value if isinstance(value, tuple) else (value,))]
    return [entry[0] if isinstance(entry, tuple) else entry for entry in table]


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(ENGLISH)])
def test_each_italian_table_has_the_english_shape(field):
    """Same keys, same number of entries, the same {placeholders} in the same order entry by entry: otherwise the
    seeded draws would part ways and an Italian demo would be another network."""
    english, italian = getattr(ENGLISH, field), getattr(ITALIAN, field)
    assert len(english) == len(italian)
    if isinstance(english, dict) and field != "facts":  # fact labels are words in the language
        assert list(english) == list(italian)
    if isinstance(english, dict):
        assert [len(v) if isinstance(v, tuple) else 1 for v in english.values()] == \
               [len(v) if isinstance(v, tuple) else 1 for v in italian.values()]
    for a, b in zip(_texts(english), _texts(italian), strict=True):
        assert placeholders(a) == placeholders(b), (a, b)  # in the same order: the same draws


def _network(path, language: str) -> dict[str, list]:
    handle = db.open_database(path)
    try:
        demo.generate_network(people=80, seed=11, language=language)
        return {
            "people": [(c.first_name, c.last_name, c.city, c.circle, c.how_met, c.notes, c.country)
                       for c in Contact.select().order_by(Contact.id)],
            "interactions": [(x.kind, x.occurred_at, x.summary, x.notes) for x in Interaction.select().order_by(Interaction.id)],
            "events": [(e.starts_at, e.kind, e.title, e.goal, e.notes) for e in Event.select().order_by(Event.id)],
            "facts": [(f.label, f.value) for f in Fact.select().order_by(Fact.id)],
            "followups": [(f.due_on, f.action) for f in FollowUp.select().order_by(FollowUp.id)],
            "dates": [(d.label, d.month, d.day) for d in ImportantDate.select().order_by(ImportantDate.id)],
        }
    finally:
        handle.close()


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-language")
    return _network(folder / "en.db", "en"), _network(folder / "it.db", "it")


def test_same_seed_same_people_and_moments_in_either_language(both):
    english, italian = both
    assert [p[:4] for p in english["people"]] == [p[:4] for p in italian["people"]]
    assert [x[:2] for x in english["interactions"]] == [x[:2] for x in italian["interactions"]]
    assert [e[:2] for e in english["events"]] == [e[:2] for e in italian["events"]]
    assert [f[0] for f in english["followups"]] == [f[0] for f in italian["followups"]]
    assert len(english["facts"]) == len(italian["facts"])


def test_the_italian_demo_is_written_in_italian(both):
    _, italian = both
    summaries = {x[2] for x in italian["interactions"]}
    english_summaries = {t.partition("{")[0] for t in _texts(ENGLISH.summaries) + _texts(ENGLISH.event_summaries)}
    assert not {s for s in summaries for start in english_summaries if start.strip() and s.startswith(start)}
    assert {label for label, _ in italian["facts"]} <= set(ITALIAN.fact_labels)
    assert {p[6] for p in italian["people"]} <= set(ITALIAN.country_names.values())
    assert "Italia" in {p[6] for p in italian["people"]}
    how_met = [p[4] for p in italian["people"]]
    assert not [h for h in how_met if h.startswith(("Met at", "Introduced by"))]
    assert any(h.startswith(("Ci siamo conosciuti a", "Tramite ")) for h in how_met)
    english_actions = set(words.FOLLOWUP_ACTIONS)
    assert not [a for _, a in italian["followups"] if a in english_actions or a.startswith("Send a nice")]
    translated = [e[0] for e, i in zip(words.EVENT_CATALOGUE, ITALIAN.event_catalogue) if e[0] != i[0]]
    assert not [e[2] for e in italian["events"] if e[2].startswith(tuple(translated))]
    assert not [d for d in italian["dates"] if d[0] == "wedding anniversary"]


def test_the_english_demo_stays_english(both):
    english, _ = both
    assert {p[6] for p in english["people"]} <= set(words.COUNTRY_NAMES.values())
    assert {label for label, _ in english["facts"]} <= set(words.FACTS)


def test_the_default_language_is_the_interfaces(database, frozen):
    i18n.set_language("it")
    try:
        demo.generate_network(people=30)
    finally:
        i18n.set_language("en")
    countries = {c.country for c in Contact.select()}
    assert "Italia" in countries and "Italy" not in countries
    # what the person searches for, in their language, is found
    label = Fact.select().first().label
    assert label in ITALIAN.fact_labels
    assert contacts.search_contacts(label)


def test_netui_demo_in_italian_from_the_command_line(tmp_path):
    path = tmp_path / "demo-it.db"
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    env.pop("NETUI_DB", None)
    made = subprocess.run([sys.executable, "-m", "netui", "--lang", "it", "demo", "--people", "40", "--db", str(path)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert made.returncode == 0, made.stderr
    shown = subprocess.run([sys.executable, "-m", "netui", "--lang", "it", "--db", str(path), "show", "Giulia Rossi"],
                           capture_output=True, text=True, env=env, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert "Italia" in shown.stdout
    assert "Italy" not in shown.stdout


def test_a_big_demo_has_no_two_people_sharing_a_phone_or_address(database, frozen):
    """The demo's made-up people are all different people: `netui duplicates` on it must not
    offer pairs by a shared phone (the US pattern has only 100 numbers) or e-mail."""
    from netui import duplicates

    demo.generate_network(people=2000, interactions=2000, now=frozen)
    strong = [p for p in duplicates.find_duplicates() if p.strong]
    assert strong == []
