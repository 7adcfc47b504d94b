"""The capture preview asks looks_like on every keystroke: the network it compares with is read
once and again only after a change (at 100,000 people a read takes seconds), and a change is
never missed: a person added, renamed, trashed or given an e-mail is seen at the next ask."""

from __future__ import annotations

import pendulum
import pytest
from conftest import travel

from netui import contacts, duplicates, lifecycle


@pytest.fixture
def reads(monkeypatch):
    counted = []
    real = duplicates._Network

    def counting():
        counted.append(1)
        return real()

    monkeypatch.setattr(duplicates, "_Network", counting)
    monkeypatch.setattr(duplicates, "_network_read", None)
    return counted


def names(found) -> list[str]:
    return [likeness.person.name for likeness in found]


def test_keystrokes_without_a_change_read_the_network_once(database, frozen, reads):
    contacts.create_contact(first_name="Giulia", last_name="Rossi")
    with travel(pendulum.now().add(minutes=1)):  # a read in the second of a change is not kept
        for typed in ("Giulia Ros", "Giulia Rosi", "Giulia Rossi"):
            duplicates.looks_like(typed)
        assert len(reads) == 1
        assert names(duplicates.looks_like("Giulia Rossi")) == ["Giulia Rossi"]


def test_every_change_is_seen_at_the_next_ask(database, reads):
    giulia = contacts.create_contact(first_name="Giulia", last_name="Rossi")
    assert names(duplicates.looks_like("Marco Bianchi")) == []

    marco = contacts.create_contact(first_name="Marco", last_name="Bianchi")
    assert names(duplicates.looks_like("Marco Bianchi")) == ["Marco Bianchi"]

    contacts.update_contact(marco, first_name="Mario")
    assert names(duplicates.looks_like("Marco Bianchi")) == []
    assert names(duplicates.looks_like("Mario Bianchi")) == ["Mario Bianchi"]

    contacts.add_channel(giulia, "email", "giulia@lumen.it")
    assert names(duplicates.looks_like("G. R.", channels=[("email", "Giulia@Lumen.it")])) == ["Giulia Rossi"]

    lifecycle.trash_contact(giulia)
    assert names(duplicates.looks_like("Giulia Rossi")) == []



def test_an_edit_in_the_second_of_the_read_is_not_missed(database, frozen, reads):
    """The clock stopped: every change and every read fall in one second."""
    marco = contacts.create_contact(first_name="Marco", last_name="Bianchi")
    assert names(duplicates.looks_like("Marco Bianchi")) == ["Marco Bianchi"]
    contacts.update_contact(marco, first_name="Mario")  # the same count, ids and updated_at
    assert names(duplicates.looks_like("Marco Bianchi")) == []
