"""netui.lifecycle and the one list of the tables that hold a person (privacy.PERSON_TABLES)."""

from __future__ import annotations

import pytest
from peewee import ForeignKeyField

from netui import appointments, contacts, giving, lifecycle, privacy, timeline
from netui.store import models


def test_every_column_naming_a_contact_is_in_the_list():
    """A table added later with a column pointing at a contact must join PERSON_TABLES, or
    the access record and the purge would not know about it."""
    pointing = {
        (model._meta.table_name, field.name)
        for model in models.BaseModel.__subclasses__()
        for field in model._meta.sorted_fields
        if isinstance(field, ForeignKeyField) and field.rel_model is models.Contact
    }
    listed = {(model._meta.table_name, column) for model, columns in privacy.PERSON_TABLES
              for column in columns if column != "id"}
    assert pointing == listed


def test_a_purge_leaves_no_table_naming_the_person(database):
    person = contacts.create_contact("Zeno Quill", emails=["zeno@example.com"], tags=["rowing"])
    other = contacts.create_contact("Anna Bell", introduced_by_id=person)
    timeline.log_interaction([person, other], "meeting", summary="lunch")
    giving.introduce(person, other, reason="both row", status="made")
    assert set(privacy.tables_naming([person])) >= {"contact", "channel", "contact_tag", "introduction"}
    lifecycle.purge_contact(person)
    assert privacy.tables_naming([person]) == []
    assert contacts.get_contact(other).introduced_by_id is None


def test_a_purge_that_would_leave_a_trace_is_undone(database, monkeypatch):
    person = contacts.create_contact("Zeno Quill")
    monkeypatch.setattr(privacy, "tables_naming", lambda ids: ["some_new_table"])
    with pytest.raises(AssertionError, match="some_new_table"):
        lifecycle.purge_contact(person)
    assert contacts.get_contact(person).name == "Zeno Quill"


def test_contacts_keeps_crud_and_the_lifecycle_moved_out():
    for name in ("trash_contact", "restore_contact", "purge_contact", "purge_trash", "merge_contacts"):
        assert not hasattr(contacts, name)
        assert callable(getattr(lifecycle, name))


def test_a_merge_keeps_the_appointments_of_both(database):
    """Regression: the merged-away contact's appointments used to lose their only participant."""
    keep, other = contacts.create_contact("Anna Bell"), contacts.create_contact("Anna Bell")
    tennis = appointments.create_appointment("Tennis", [other], "2026-12-01 18:00")
    lunch = appointments.create_appointment("Lunch", [keep, other], "2026-12-02 12:00")
    lifecycle.merge_contacts(keep, other)
    assert [a.title for a in appointments.list_appointments(keep)] == ["Lunch", "Tennis"]
    assert [p.id for p in appointments.get_appointment(tennis).participants] == [keep]
    assert [p.id for p in appointments.get_appointment(lunch).participants] == [keep]
