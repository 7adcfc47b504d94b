"""Speed guards for Today and quick capture (issue 18), by counts, never by the clock.

Today's first rows (netui.agenda.first_rows) are what the screen shows at once: they must run
the same few statements and bring back at most `limit` rows per section however big the
network is, and be the first rows of the whole agenda, in its order. Capture's Enter runs the
same statements for a network of 5 people and one of 60, and none of them reads a table from
end to end (EXPLAIN QUERY PLAN: no SCAN of a table; the look-alike check, which reads every
name, is the preview's, not Enter's).
"""

from __future__ import annotations

import pytest

from conftest import FROZEN_NOW, travel
from netui import agenda, capture, contacts, duplicates, followups, upkeep
from netui.store.models import database
from support import statements

TODAY = FROZEN_NOW.date()
LIMIT = 5


def a_network(people: int) -> None:
    """`people` people, each with a follow-up 3 days late, one due today, a monthly cadence
    last kept two years ago, and a birthday today."""
    with travel(FROZEN_NOW.subtract(years=2)):
        ids = [contacts.create_contact(f"Person {n:03d}", company=f"Firm {n % 7}") for n in range(people)]
    for contact_id in ids:
        followups.create_followup(contact_id, TODAY.subtract(days=3), "Send the deck")
        followups.create_followup(contact_id, TODAY, "Call back")
        upkeep.set_cadence(contact_id, "1m")
        contacts.add_important_date(contact_id, "birthday", TODAY.month, TODAY.day, 1988)  # a leap year: today may be 29 February


def first_rows_cost(people: int) -> tuple[int, int, agenda.Agenda]:
    a_network(people)
    with statements() as seen:
        head = agenda.first_rows(7, limit=LIMIT)
    return len(seen), sum(len(s.rows) for s in head.sections), head


@pytest.mark.parametrize("people", [3, 40])
@pytest.mark.sqlite_only  # counts SQLite's statements
def test_first_rows_are_a_few_statements_and_rows_whatever_the_network(database, frozen, people):
    count, rows, head = first_rows_cost(people)
    assert count <= 8  # two follow-up heads, the appointments (three), the events
    assert rows <= 2 * LIMIT
    pending = [s.key for s in head.sections if not s.complete]
    assert "overdue_cadences" in pending and "dates" in pending
    assert all(not s.rows for s in head.sections if s.key in ("dates", "overdue_cadences"))


def test_first_rows_cost_the_same_on_a_small_and_a_big_network(tmp_path, frozen):
    from netui.store import db

    costs = []
    for people in (3, 40):
        handle = db.open_database(tmp_path / f"n{people}.db")
        count, _rows, _head = first_rows_cost(people)
        costs.append(count)
        handle.close()
    assert costs[0] == costs[1]


def test_first_rows_are_the_start_of_the_whole_agenda_in_its_order(database, frozen):
    a_network(12)
    head = agenda.first_rows(7, limit=LIMIT)
    whole = agenda.today_agenda(7)
    assert [s.key for s in head.sections] == [s.key for s in whole.sections] == list(agenda.SECTION_KEYS)
    for shown, full in zip(head.sections, whole.sections):
        assert shown.rows == full.rows[: len(shown.rows)]
        assert shown.complete == (shown.rows == full.rows and shown.key not in ("dates", "overdue_cadences"))
    assert len(whole.section("overdue_followups").rows) == 12
    assert len(whole.section("overdue_cadences").rows) == 12 and len(whole.section("dates").rows) == 12
    assert all(s.complete for s in whole.sections)
    assert agenda.complete_agenda(agenda.first_rows(7)) == whole


def test_a_small_agenda_is_whole_in_its_first_rows_but_for_dates_and_cadences(database, frozen):
    a_network(2)
    head = agenda.first_rows(7, limit=LIMIT)
    assert [s.key for s in head.sections if not s.complete] == ["dates", "overdue_cadences"]
    assert agenda.complete_agenda(head) == agenda.today_agenda(7)


# --- quick capture ------------------------------------------------------------------------------


def capture_statements(people: int) -> list[list[str]]:
    """The statements of three captures (someone new, someone known by e-mail, someone known by
    name and company) on a network of `people`."""
    for n in range(people):
        contacts.create_contact(f"Known Person{n}", company=f"Firm {n}", emails=[f"known{n}@example.com"])
    event_id = capture.event_for_today("Fintech Forum")
    lines = ['Giulia Rossi @Lumen "Head of PR" #fintech giulia@lumen.it +39 333 123 4567 !2d kids Luca',
             "Someone known0@example.com #met !1w said hello",
             'Known Person1 @Firm 1 "Speaker" talked about the keynote']
    found = []
    for line in lines:
        with statements() as seen:
            capture.capture_line(line, event_id)
        found.append(seen)
    return found


def full_scans(sql_statements: list[str]) -> list[str]:
    """The SELECTs whose plan reads some table from end to end."""
    found = []
    for sql in sql_statements:
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        plan = [row[3] for row in database.connection().execute(f"EXPLAIN QUERY PLAN {sql}")]
        found += [f"{step}: {sql[:120]}" for step in plan if step.startswith("SCAN") and "CONSTANT ROW" not in step]
    return found


def test_capture_enter_runs_the_same_statements_on_a_small_and_a_big_network(tmp_path, frozen):
    from netui.store import db

    counts = []
    for people in (5, 60):
        handle = db.open_database(tmp_path / f"n{people}.db")
        found = capture_statements(people)
        assert full_scans([sql for seen in found for sql in seen]) == []
        counts.append([len(seen) for seen in found])
        handle.close()
    assert counts[0] == counts[1]
    assert max(counts[0]) <= 60  # one transaction; the search index written once


def test_capture_enter_does_not_check_for_look_alikes(database, frozen, monkeypatch):
    def every_name(*args, **kwargs):
        raise AssertionError("Enter read the whole network for look-alikes")

    contacts.create_contact("Giulia Rosi", company="Lumen")
    monkeypatch.setattr(duplicates, "_Network", every_name)
    result = capture.capture_line("Giulia Rossi @Lumen !2d", None)
    assert result.created
    with pytest.raises(AssertionError):
        capture.preview("Giulia Rossa @Lumen")  # the preview still says who someone new looks like
