"""Two people editing one contact (two members on a team's database, two windows): the
second save does not silently undo the first (netui.editing.save_form)."""

import pytest

from netui import contacts, editing
from netui.errors import EditConflictError


def form_values(detail, **changes) -> dict:
    values = {"first_name": detail.first_name, "last_name": detail.last_name, "company": detail.company,
              "role": detail.role, "city": detail.city, "notes": detail.notes, "tags": " ".join(detail.tags)}
    return {**values, **changes}


def test_a_save_after_someone_elses_change_says_what_changed_and_writes_nothing(database):
    anna = contacts.create_contact("Anna Verdi", company="Acme", channels=[("email", "anna@acme.it", "")])
    opened = contacts.get_contact(anna)  # the form reads her
    contacts.update_contact(anna, company="Lumen Digital")  # meanwhile, another member
    contacts.add_channel(anna, "phone", "+39 333 1234567")
    with pytest.raises(EditConflictError) as conflict:
        editing.save_form(anna, form_values(opened, notes="met at the fair"), opened)
    message = str(conflict.value)
    assert "Anna Verdi was changed" in message
    assert "company: Acme → Lumen Digital" in message and "+39 333 1234567" in message
    now = contacts.get_contact(anna)
    assert now.notes == "" and now.company == "Lumen Digital"  # theirs kept, mine not written
    assert conflict.value.current == now


def test_saving_again_having_seen_it_writes_over_it(database):
    anna = contacts.create_contact("Anna Verdi", company="Acme")
    opened = contacts.get_contact(anna)
    contacts.update_contact(anna, company="Lumen Digital")
    with pytest.raises(EditConflictError) as conflict:
        editing.save_form(anna, form_values(opened, notes="met at the fair"), opened)
    editing.save_form(anna, form_values(opened, notes="met at the fair"), conflict.value.current)
    now = contacts.get_contact(anna)
    assert now.notes == "met at the fair" and now.company == "Acme"  # the user chose theirs over it


def test_a_save_with_nothing_changed_meanwhile_just_saves(database):
    anna = contacts.create_contact("Anna Verdi", company="Acme")
    opened = contacts.get_contact(anna)
    editing.save_form(anna, form_values(opened, role="CTO"), opened)
    assert contacts.get_contact(anna).role == "CTO"
