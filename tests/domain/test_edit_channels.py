"""The domain behind `netui edit` and the contact form: editing.edit_contact (all or nothing,
what changed), contacts.find_channel / remove_channel (a value found as people write it),
contacts.save_contact with every channel row, and the rules they share."""

from __future__ import annotations

import pytest

from netui import chains, contacts, editing, rules
from netui.editing import Change, ContactEdit
from netui.errors import NotFoundError, ValidationError


@pytest.fixture
def giulia(database) -> int:
    return contacts.create_contact("Giulia Rossi", company="Lumen", tags=["milano"], channels=[
        ("email", "giulia@lumen.it", "work"), ("phone", "+39 333 1234567", "mobile"),
        ("linkedin", "https://www.linkedin.com/in/giuliarossi", ""), ("website", "https://lumen.it", ""),
        ("other", "Signal: giulia", "chat"),
    ])


def stored(contact_id: int) -> list[tuple[str, str, str]]:
    return [(c.kind, c.value, c.label) for c in contacts.get_contact(contact_id).channels]


@pytest.mark.parametrize("kind, typed", [
    ("email", "GIULIA@Lumen.IT"), ("phone", "+393331234567"), ("phone", " +39 (333) 123-4567 "),
    ("linkedin", "linkedin.com/in/GiuliaRossi/"), ("website", "HTTPS://LUMEN.IT"), ("other", "signal: giulia"),
])
def test_a_channel_is_found_as_people_write_it(giulia, kind, typed):
    found = contacts.find_channel(giulia, kind, typed)
    assert found.kind == kind
    removed = contacts.remove_channel(giulia, kind, typed)
    assert removed == found
    assert kind not in [k for k, _v, _l in stored(giulia)]


def test_removing_a_channel_they_do_not_have_names_it_and_removes_nothing(giulia):
    before = stored(giulia)
    with pytest.raises(ValidationError) as caught:
        contacts.remove_channel(giulia, "email", "other@lumen.it")
    assert caught.value.field == "remove_email"
    assert str(caught.value) == "Giulia Rossi has no email 'other@lumen.it'."
    with pytest.raises(ValidationError):
        contacts.remove_channel(giulia, "phone", "+39 333 1234568")  # one digit differs
    assert stored(giulia) == before


def test_an_edit_changes_fields_channels_and_tags_and_says_what_changed(giulia):
    marco = contacts.create_contact("Marco Bianchi")
    changes = editing.edit_contact(giulia, ContactEdit(
        fields={"name": "Giulia De Rossi", "company": "Acme", "starred": True, "introduced_by_id": marco},
        add_channels=[("email", "g@home.it", "home"), ("x", "@giulia", None)],
        remove_channels=[("phone", "+393331234567")],
        add_tags=["Fintech"], remove_tags=["#milano"],
    ))
    assert changes == [
        Change("name", "Giulia Rossi", "Giulia De Rossi"), Change("company", "Lumen", "Acme"),
        Change("starred", "", "yes"), Change("introduced_by", "", "Marco Bianchi"),
        Change("channel", "+39 333 1234567", "", "phone", "mobile"),
        Change("channel", "", "g@home.it", "email", "home"), Change("channel", "", "@giulia", "x", ""),
        Change("tag", "milano", ""), Change("tag", "", "fintech"),
    ]
    detail = contacts.get_contact(giulia)
    assert (detail.first_name, detail.last_name, detail.tags) == ("Giulia", "De Rossi", ["fintech"])


def test_the_same_channel_to_remove_twice_is_removed_once(giulia):
    editing.edit_contact(giulia, ContactEdit(remove_channels=[("email", "giulia@lumen.it"),
                                                              ("email", "GIULIA@lumen.it")]))
    assert "email" not in [k for k, _v, _l in stored(giulia)]


@pytest.mark.parametrize("edit, field", [
    (ContactEdit(), "edit"),
    (ContactEdit(fields={"company": "X"}, remove_channels=[("email", "nobody@lumen.it")]), "remove_email"),
    (ContactEdit(fields={"company": "X"}, add_channels=[("email", "giulia-at-home", None)]), "email"),
    (ContactEdit(fields={"company": "X"}, add_channels=[("email", "g@home.it", "  ")]), "label"),
    (ContactEdit(fields={"company": "X"}, add_channels=[("phone", "", None)]), "phone"),
    (ContactEdit(fields={"company": "X"}, add_channels=[("website", "   ", None)]), "website"),
    (ContactEdit(fields={"company": "X"}, add_channels=[("fax", "123456", None)]), "channel"),
    (ContactEdit(fields={"company": "X"}, remove_tags=["rome"]), "remove_tag"),
    (ContactEdit(fields={"company": "X"}, add_tags=["two words"]), "tag"),
    (ContactEdit(fields={"name": " "}), "name"),
    (ContactEdit(fields={"company": "X", "cadence_days": "0"}), "cadence_days"),
])
def test_bad_input_names_the_field_and_changes_nothing(giulia, edit, field):
    before = contacts.get_contact(giulia)
    with pytest.raises(ValidationError) as caught:
        editing.edit_contact(giulia, edit)
    assert caught.value.field == field
    after = contacts.get_contact(giulia)
    assert (after.company, after.channels, after.tags) == (before.company, before.channels, before.tags)


def test_a_circle_is_refused_after_nothing_was_written(giulia):
    marco = contacts.create_contact("Marco Bianchi", introduced_by_id=giulia)
    with pytest.raises(ValidationError) as caught:
        editing.edit_contact(giulia, ContactEdit(fields={"company": "Acme", "introduced_by_id": marco},
                                                 add_channels=[("email", "g@acme.it", "work")]))
    assert caught.value.field == "introduced_by" and "circle" in str(caught.value)
    detail = contacts.get_contact(giulia)
    assert (detail.company, detail.introduced_by_id, len(detail.channels)) == ("Lumen", None, 5)
    assert chains.chain_up(marco)[-1].id == giulia


def test_an_unknown_contact_or_introducer(giulia):
    with pytest.raises(NotFoundError):
        editing.edit_contact(999, ContactEdit(fields={"company": "X"}))
    with pytest.raises(ValidationError) as caught:
        editing.edit_contact(giulia, ContactEdit(fields={"introduced_by_id": 999}))
    assert caught.value.field == "introduced_by"


# --- the form's save: every channel row ----------------------------------------------------------


def form_values(contact_id: int, **overrides) -> dict:
    detail = contacts.get_contact(contact_id)
    values = {"first_name": detail.first_name, "last_name": detail.last_name, "company": detail.company,
              "tags": " ".join(detail.tags), "channels": [(c.id, c.kind, c.value, c.label) for c in detail.channels]}
    return {**values, **overrides}


def test_saving_the_form_as_it_was_keeps_every_channel(giulia):
    before = stored(giulia)
    contacts.save_contact(giulia, form_values(giulia))
    assert stored(giulia) == before


def test_rows_changed_added_emptied_and_left_out(giulia):
    rows = form_values(giulia)["channels"]
    email, phone, linkedin, website, other = sorted(rows, key=lambda r: r[0])
    rows = [(email[0], "email", "giulia@lumen.example", "old work"),  # changed in place
            (phone[0], "phone", "", "mobile"),  # emptied: removed
            linkedin, other,  # the website row left out: removed
            (None, "phone", "+39 02 1234567", "office"), (None, "email", "", "")]  # a new row; an empty one
    contacts.save_contact(giulia, form_values(giulia, channels=rows))
    assert sorted(stored(giulia)) == sorted([
        ("email", "giulia@lumen.example", "old work"), ("linkedin", "https://www.linkedin.com/in/giuliarossi", ""),
        ("other", "Signal: giulia", "chat"), ("phone", "+39 02 1234567", "office")])


def test_a_bad_row_names_its_place_and_nothing_is_saved(giulia):
    before = stored(giulia)
    rows = form_values(giulia)["channels"] + [(None, "email", "giulia-at-home", "")]
    with pytest.raises(ValidationError) as caught:
        contacts.save_contact(giulia, form_values(giulia, company="Changed", channels=rows))
    assert caught.value.field == f"channel-{len(rows) - 1}"
    assert "giulia-at-home" in str(caught.value)
    assert stored(giulia) == before and contacts.get_contact(giulia).company == "Lumen"


def test_a_row_of_someone_else_is_not_touched(giulia):
    marco = contacts.create_contact("Marco Bianchi", emails=["marco@acme.it"])
    [marco_email] = contacts.get_contact(marco).channels
    rows = form_values(giulia)["channels"] + [(marco_email.id, "email", "stolen@acme.it", "")]
    contacts.save_contact(giulia, form_values(giulia, channels=rows))
    assert stored(marco) == [("email", "marco@acme.it", "")]


def test_rules_channel_label():
    assert rules.channel_label(None) == "" and rules.channel_label("  home   office ") == "home office"
    with pytest.raises(ValidationError):
        rules.channel_label(" ")
