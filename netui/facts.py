"""Facts about a person (children's names, a hobby, an anecdote): the labels offered when
adding one, and removing or changing them, for the `netui fact` command and the contact screen.

A fact is stored as typed (label and value); contacts.add_fact / remove_fact do the writing.
"""

from __future__ import annotations

from netui import contacts, rules
from netui.errors import NotFoundError
from netui.i18n import N_, _
from netui.store.models import Fact, database

# The labels offered as one starts typing a fact's label, in the interface's language.
SUGGESTED_LABELS = (N_("kids"), N_("partner"), N_("hobby"), N_("pet"), N_("school"), N_("allergy"),
                    N_("anecdote"))


def suggested_labels() -> list[str]:
    """SUGGESTED_LABELS in the interface's language."""
    return [_(label) for label in SUGGESTED_LABELS]


def facts_of(contact_id: int) -> list[contacts.FactInfo]:
    """The person's facts, oldest first."""
    return contacts.get_contact(contact_id).facts


def remove_facts(contact_id: int, label: str, value: str | None = None) -> list[contacts.FactInfo]:
    """Remove the person's facts with this label (case and spacing aside), only the one with
    this value when `value` is given; the ones removed. Nothing matches: NotFoundError, and
    nothing changes."""
    label = rules.fact_label(label)
    wanted = value.strip().casefold() if value is not None else None
    found = [f for f in facts_of(contact_id) if f.label.casefold() == label.casefold()
             and (wanted is None or f.value.casefold() == wanted)]
    if not found:
        name = contacts.get_contact(contact_id).name
        if wanted is None:
            raise NotFoundError(_("{name} has no fact labelled '{label}'.", name=name, label=label))
        raise NotFoundError(_("{name} has no fact '{label}: {value}'.", name=name, label=label, value=value.strip()))
    with database.atomic():
        for fact in found:
            contacts.remove_fact(fact.id)
    return found


def change_fact(fact_id: int, label: str, value: str) -> int:
    """Replace a fact by one with this label and value (both checked first); the new fact's id."""
    with database.atomic():
        contact_id = _contact_of(fact_id)
        new_id = contacts.add_fact(contact_id, label, value)
        contacts.remove_fact(fact_id)
    return new_id


def _contact_of(fact_id: int) -> int:
    fact = Fact.get_or_none(Fact.id == fact_id)
    if fact is None:
        raise NotFoundError(_("There is no fact #{id}.", id=fact_id))
    return fact.contact_id
