"""Two people editing one contact (two members on a team's database, two windows): the
second save does not undo the first -- what the form left alone takes theirs, and where both
changed the same thing the save stops and says so (netui.editing.save_form)."""

import pytest

from netui import contacts, editing
from netui.errors import EditConflictError
from netui.store.models import Channel


def form_values(detail, **changes) -> dict:
    """The form's values as the contact form fills them (the user then types `changes`)."""
    return {**editing.form_values(detail), **changes}


def test_the_other_members_changes_to_what_the_form_left_alone_are_kept(database):
    anna = contacts.create_contact("Anna Verdi", company="Acme", tags=["fintech"],
                                   channels=[("email", "anna@acme.it", "work")])
    opened = contacts.get_contact(anna)  # the form reads her
    contacts.update_contact(anna, role="Head of PR")  # meanwhile, another member
    contacts.add_channel(anna, "phone", "+39 333 1234567")
    contacts.add_tags(anna, ["milano"])
    kept = editing.save_form(anna, form_values(opened, city="Milano", notes="met at the fair", tags="fintech press"),
                             opened)
    now = contacts.get_contact(anna)
    assert (now.role, now.city, now.notes, now.company) == ("Head of PR", "Milano", "met at the fair", "Acme")
    assert [c.value for c in now.channels] == ["anna@acme.it", "+39 333 1234567"]
    assert sorted(now.tags) == ["fintech", "milano", "press"]
    said = "; ".join(editing.change_text(c) for c in kept)
    assert "role: (none) → Head of PR" in said and "+39 333 1234567" in said and "#milano" in said


def test_what_the_form_removed_goes_even_after_their_change(database):
    anna = contacts.create_contact("Anna Verdi", tags=["fintech", "milano"],
                                   channels=[("email", "anna@acme.it", ""), ("phone", "+39 333 1234567", "")])
    opened = contacts.get_contact(anna)
    contacts.update_contact(anna, company="Lumen Digital")
    rows = [row for row in editing.form_values(opened)["channels"] if row[1] != "phone"]
    editing.save_form(anna, form_values(opened, channels=rows, tags="fintech"), opened)
    now = contacts.get_contact(anna)
    assert now.company == "Lumen Digital" and [c.value for c in now.channels] == ["anna@acme.it"]
    assert now.tags == ["fintech"]


def test_both_changing_the_same_field_stops_the_save_and_says_what_they_changed(database):
    anna = contacts.create_contact("Anna Verdi", company="Acme", channels=[("email", "anna@acme.it", "")])
    opened = contacts.get_contact(anna)
    contacts.update_contact(anna, company="Lumen Digital", role="CEO")  # meanwhile, another member
    with pytest.raises(EditConflictError) as conflict:
        editing.save_form(anna, form_values(opened, company="Caffè Nero", notes="met at the fair"), opened)
    message = str(conflict.value)
    assert "Anna Verdi was changed" in message and "company: Acme → Lumen Digital" in message
    now = contacts.get_contact(anna)
    assert (now.notes, now.company, now.role) == ("", "Lumen Digital", "CEO")  # nothing of mine written
    assert conflict.value.current == now


def test_a_channel_both_changed_is_a_conflict_too(database):
    anna = contacts.create_contact("Anna Verdi", channels=[("email", "anna@acme.it", "")])
    opened = contacts.get_contact(anna)
    [email] = opened.channels
    Channel.update(value="anna@lumen.it").where(Channel.id == email.id).execute()
    with pytest.raises(EditConflictError):
        editing.save_form(anna, form_values(opened, channels=[(email.id, "email", "a.verdi@acme.it", "")]), opened)


def test_saving_again_having_seen_it_writes_over_what_clashed_only(database):
    anna = contacts.create_contact("Anna Verdi", company="Acme")
    opened = contacts.get_contact(anna)
    contacts.update_contact(anna, company="Lumen Digital", role="CEO")
    typed = form_values(opened, company="Caffè Nero", notes="met at the fair")
    with pytest.raises(EditConflictError) as conflict:
        editing.save_form(anna, typed, opened)
    editing.save_form(anna, typed, opened, seen=conflict.value.current)
    now = contacts.get_contact(anna)
    assert (now.company, now.notes, now.role) == ("Caffè Nero", "met at the fair", "CEO")


def test_a_change_after_the_conflict_was_shown_stops_the_save_again(database):
    anna = contacts.create_contact("Anna Verdi", company="Acme")
    opened = contacts.get_contact(anna)
    contacts.update_contact(anna, company="Lumen Digital")
    typed = form_values(opened, company="Caffè Nero")
    with pytest.raises(EditConflictError) as conflict:
        editing.save_form(anna, typed, opened)
    contacts.update_contact(anna, company="Bar Roma")  # again, while the user read the message
    with pytest.raises(EditConflictError, match="Bar Roma"):
        editing.save_form(anna, typed, opened, seen=conflict.value.current)
    assert contacts.get_contact(anna).company == "Bar Roma"


def test_a_save_with_nothing_changed_meanwhile_just_saves(database):
    anna = contacts.create_contact("Anna Verdi", company="Acme")
    opened = contacts.get_contact(anna)
    editing.save_form(anna, form_values(opened, role="CTO"), opened)
    assert contacts.get_contact(anna).role == "CTO"
