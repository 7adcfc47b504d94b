"""A big import writes a new person's last-contacted moment with them (their LinkedIn connection)
instead of letting the database's trigger work it out row by row: what a person sees must be
the same as if every row had gone through the trigger, and the trigger must be back afterwards."""

from __future__ import annotations

import datetime as dt

import pendulum

from netui import contacts, timeline
from netui.exchange import importing
from netui.exchange.records import IncomingPerson, ReadResult


def _connected(first: str, day: dt.date | None) -> IncomingPerson:
    return IncomingPerson("line 2", first_name=first, last_name="Rossi", connected_on=day)


def test_a_new_person_was_last_contacted_when_they_connected(database, frozen):
    plan = importing.plan_import(ReadResult("LinkedIn connections", [
        _connected("Giulia", dt.date(2023, 11, 7)), _connected("Marco", None), _connected("Anna", dt.date(2023, 11, 7))]))
    importing.apply_import(plan)
    for name in ("Giulia Rossi", "Anna Rossi"):
        person = contacts.resolve_contact(name)
        [connected] = timeline.contact_timeline(person)
        assert contacts.last_contacted(person) == connected.occurred_at
        assert connected.occurred_at.in_timezone("Europe/Rome").date() == dt.date(2023, 11, 7)
    assert contacts.last_contacted(contacts.resolve_contact("Marco Rossi")) is None


def test_the_last_contacted_trigger_is_back_after_the_import(database, frozen):
    importing.apply_import(importing.plan_import(ReadResult("LinkedIn connections", [
        _connected("Giulia", dt.date(2023, 11, 7))])))
    giulia = contacts.resolve_contact("Giulia Rossi")
    later = pendulum.now().subtract(days=1)
    timeline.log_interaction([giulia], "call", later, summary="Called about the launch")
    assert contacts.last_contacted(giulia) == later.in_timezone("UTC").replace(microsecond=0)
    triggers = {name for (name,) in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    assert "last_contacted_participant_insert" in triggers


def test_an_imported_person_with_newer_interactions_keeps_the_newest(database, frozen):
    """Imported again (an update, not a new person): the connection day is older than the call
    logged since, and last contacted stays the call."""
    importing.apply_import(importing.plan_import(ReadResult("LinkedIn connections", [_connected("Giulia", None)])))
    giulia = contacts.resolve_contact("Giulia Rossi")
    call = pendulum.now().subtract(days=2)
    timeline.log_interaction([giulia], "call", call, summary="Call")
    importing.apply_import(importing.plan_import(ReadResult("LinkedIn connections", [
        _connected("Giulia", dt.date(2023, 11, 7))])))
    assert contacts.last_contacted(giulia) == call.in_timezone("UTC").replace(microsecond=0)
