"""Introduced-by chains (netui.chains): up to the first person, the tree down, top connectors,
and circles refused — or, when old data already holds one, walked without hanging."""

from __future__ import annotations

import pytest

from netui import chains, contacts, lifecycle
from netui.errors import NotFoundError, ValidationError
from netui.store.models import Contact


@pytest.fixture(autouse=True)
def _setup(database, frozen):
    """Every test here has a database and a frozen clock."""


@pytest.fixture
def network():
    """Anna brought in Bruno and Dario; Bruno brought in Carla and Elena; Carla brought in Fabio.
    Gino came on his own and brought in Ugo."""
    ids = {}
    ids["anna"] = contacts.create_contact("Anna Rossi")
    ids["bruno"] = contacts.create_contact("Bruno Bianchi", introduced_by_id=ids["anna"])
    ids["dario"] = contacts.create_contact("Dario Verdi", introduced_by_id=ids["anna"])
    ids["elena"] = contacts.create_contact("Elena Neri", introduced_by_id=ids["bruno"])
    ids["carla"] = contacts.create_contact("Carla Gialli", introduced_by_id=ids["bruno"])
    ids["fabio"] = contacts.create_contact("Fabio Blu", introduced_by_id=ids["carla"])
    ids["gino"] = contacts.create_contact("Gino Viola")
    ids["ugo"] = contacts.create_contact("Ugo Rosa", introduced_by_id=ids["gino"])
    return ids


def names(people):
    return [p.name for p in people]


def shape(tree):
    """(name, [children...]) all the way down."""
    return (tree.person.name, [shape(child) for child in tree.children])


def force_introducer(contact_id, introducer_id):
    """Write an introducer past the rule, as an old database or a hand-edited file may hold."""
    Contact.update(introduced_by=introducer_id).where(Contact.id == contact_id).execute()


# --- walking -------------------------------------------------------------------------------


def test_chain_up_to_the_first_person(network):
    assert names(chains.chain_up(network["fabio"])) == ["Fabio Blu", "Carla Gialli", "Bruno Bianchi", "Anna Rossi"]
    assert names(chains.chain_up(network["anna"])) == ["Anna Rossi"]
    with pytest.raises(NotFoundError):
        chains.chain_up(999)


def test_brought_in_is_the_tree_sorted_by_name(network):
    tree = chains.brought_in(network["anna"])
    assert shape(tree) == ("Anna Rossi", [
        ("Bruno Bianchi", [("Carla Gialli", [("Fabio Blu", [])]), ("Elena Neri", [])]),
        ("Dario Verdi", []),
    ])
    assert tree.downstream == 5 and tree.children[0].downstream == 3
    assert shape(chains.brought_in(network["fabio"])) == ("Fabio Blu", [])


def test_top_connectors_by_direct_then_name_with_downstream(network):
    found = chains.top_connectors()
    assert [(c.name, c.direct, c.downstream) for c in found] == [
        ("Anna Rossi", 2, 5), ("Bruno Bianchi", 2, 3), ("Carla Gialli", 1, 1), ("Gino Viola", 1, 1),
    ]
    assert [c.name for c in chains.top_connectors(limit=1)] == ["Anna Rossi"]
    with pytest.raises(ValidationError):
        chains.top_connectors(limit=0)


def test_top_connectors_leave_out_the_trash(network):
    lifecycle.trash_contact(network["dario"])  # Anna now brought in one living person directly
    lifecycle.trash_contact(network["gino"])  # trashed connectors are not listed
    assert [(c.name, c.direct, c.downstream) for c in chains.top_connectors()] == [
        ("Bruno Bianchi", 2, 3), ("Anna Rossi", 1, 4), ("Carla Gialli", 1, 1),
    ]
    # the structure keeps them, flagged
    assert [p.trashed for p in chains.chain_up(network["ugo"])] == [False, True]


# --- the rule: no circles ------------------------------------------------------------------


def test_two_person_circle_refused(network):
    with pytest.raises(ValidationError) as caught:
        chains.set_introduced_by(network["anna"], network["bruno"])
    assert caught.value.field == "introduced_by"
    assert str(caught.value) == ("Anna Rossi cannot have been introduced by Bruno Bianchi: that would make a "
                                 "circle (Bruno Bianchi was introduced by Anna Rossi).")
    assert contacts.get_contact(network["anna"]).introduced_by_id is None


def test_longer_circle_refused_naming_everyone(network):
    with pytest.raises(ValidationError) as caught:
        chains.set_introduced_by(network["anna"], network["fabio"])
    assert caught.value.field == "introduced_by"
    assert str(caught.value) == (
        "Anna Rossi cannot have been introduced by Fabio Blu: that would make a circle (Fabio Blu was introduced "
        "by Carla Gialli, who was introduced by Bruno Bianchi, who was introduced by Anna Rossi).")


def test_three_person_circle_refused(network):
    with pytest.raises(ValidationError) as caught:
        chains.set_introduced_by(network["bruno"], network["fabio"])  # fabio <- carla <- bruno
    assert caught.value.field == "introduced_by"


def test_self_refused(network):
    with pytest.raises(ValidationError) as caught:
        chains.set_introduced_by(network["gino"], network["gino"])
    assert caught.value.field == "introduced_by"
    assert str(caught.value) == "Gino Viola cannot have introduced themselves."


def test_the_same_rule_applies_to_contact_edits(network):
    """update_contact and save_contact (the edit form) refuse circles through chains' one rule."""
    with pytest.raises(ValidationError) as caught:
        contacts.update_contact(network["anna"], introduced_by_id=network["carla"])
    assert caught.value.field == "introduced_by"
    with pytest.raises(ValidationError) as caught:
        contacts.save_contact(network["bruno"], {"introduced_by_id": network["fabio"]})
    assert caught.value.field == "introduced_by"
    with pytest.raises(ValidationError):
        contacts.update_contact(network["anna"], introduced_by_id=network["anna"])
    assert contacts.get_contact(network["anna"]).introduced_by_id is None
    contacts.update_contact(network["gino"], introduced_by_id=network["fabio"])  # no circle: fine
    assert names(chains.chain_up(network["ugo"]))[-1] == "Anna Rossi"


def test_set_and_clear_an_introducer(network):
    chains.set_introduced_by(network["gino"], network["dario"])
    assert contacts.get_contact(network["gino"]).introduced_by_name == "Dario Verdi"
    assert chains.brought_in(network["anna"]).downstream == 7
    chains.set_introduced_by(network["gino"], None)
    assert contacts.get_contact(network["gino"]).introduced_by_id is None
    with pytest.raises(NotFoundError):
        chains.set_introduced_by(network["gino"], 999)


def test_merge_drops_an_introducer_that_would_make_a_circle(network):
    """Anna's twin introduced Gino, who (says the first record) introduced Anna."""
    twin = contacts.create_contact("Anna R.")
    chains.set_introduced_by(network["gino"], twin)
    chains.set_introduced_by(network["anna"], network["ugo"])  # anna <- ugo <- gino <- twin
    lifecycle.merge_contacts(network["anna"], twin)
    assert contacts.get_contact(network["anna"]).introduced_by_id is None
    assert names(chains.chain_up(network["ugo"])) == ["Ugo Rosa", "Gino Viola", "Anna Rossi"]


# --- circles already in the data never hang --------------------------------------------------


def test_circles_in_old_data_are_walked_once(network):
    force_introducer(network["anna"], network["fabio"])  # anna <- fabio <- carla <- bruno <- anna
    assert names(chains.chain_up(network["fabio"])) == ["Fabio Blu", "Carla Gialli", "Bruno Bianchi", "Anna Rossi"]
    tree = chains.brought_in(network["anna"])
    assert tree.downstream == 5  # everyone once, Anna not again below herself
    assert chains.brought_in(network["carla"]).downstream == 5  # fabio, anna, bruno, dario, elena
    assert {c.name: c.downstream for c in chains.top_connectors()}["Anna Rossi"] == 5
    force_introducer(network["gino"], network["gino"])  # someone introducing themselves
    assert names(chains.chain_up(network["gino"])) == ["Gino Viola"]
    assert shape(chains.brought_in(network["gino"])) == ("Gino Viola", [("Ugo Rosa", [])])
    assert "Gino Viola" not in [c.name for c in chains.top_connectors() if c.direct > 1]


def test_a_long_chain_is_neither_slow_nor_recursive(database, frozen):
    """5,000 people in one line: no Python recursion limit, one query each way."""
    first = contacts.create_contact("Person 0")
    rows = [
        {"id": first + n, "first_name": "Person", "last_name": str(n), "sort_name": f"person {n:05d}",
         "introduced_by": first + n - 1, "created_at": frozen, "updated_at": frozen}
        for n in range(1, 5000)
    ]
    with database.atomic():
        for start in range(0, len(rows), 500):
            Contact.insert_many(rows[start : start + 500]).execute()
    last = first + 4999
    assert len(chains.chain_up(last)) == 5000
    tree = chains.brought_in(first)
    assert tree.downstream == 4999 and tree.children[0].downstream == 4998
    with pytest.raises(ValidationError):
        chains.set_introduced_by(first, last)
