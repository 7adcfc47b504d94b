"""The least-privilege roles the README tells a team to create (its "For a team" section):
an owner who creates and upgrades the schema, members who only read and write rows, and a
reader who may only look -- each gets what the README says, and a refusal is a sentence."""

from __future__ import annotations

import pytest

from netui import capture, contacts, editing
from netui.errors import ReadOnlyError
from netui.store import db

# The statements the README's "For a team" section gives, in the same order.
SETUP = """
CREATE ROLE netui_owner LOGIN;
CREATE ROLE netui_member NOLOGIN;
CREATE ROLE anna LOGIN IN ROLE netui_member;
CREATE ROLE bruno LOGIN IN ROLE netui_member;
CREATE ROLE carla_reads LOGIN;
CREATE DATABASE {database} OWNER netui_owner;
"""
GRANTS = """
ALTER DEFAULT PRIVILEGES FOR ROLE netui_owner GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO netui_member;
ALTER DEFAULT PRIVILEGES FOR ROLE netui_owner GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO netui_member;
ALTER DEFAULT PRIVILEGES FOR ROLE netui_owner GRANT SELECT ON TABLES TO carla_reads;
"""


@pytest.fixture
def team(postgres_cluster):
    name = postgres_cluster.new_database() + "_roles"
    for statement in filter(str.strip, SETUP.format(database=name).split(";")):
        postgres_cluster.admin(statement)
    from netui.store.postgres import driver

    with driver().connect(postgres_cluster.address(name).replace("user=postgres", "user=netui_owner"),
                          autocommit=True) as connection:
        for statement in filter(str.strip, GRANTS.split(";")):
            connection.execute(statement)

    def address(user: str) -> str:
        return postgres_cluster.address(name).replace("user=postgres", f"user={user}")

    yield address
    postgres_cluster.drop(name)
    for role in ("anna", "bruno", "carla_reads", "netui_member", "netui_owner"):
        postgres_cluster.admin(f"DROP ROLE IF EXISTS {role}")


def test_the_owner_makes_the_schema_and_members_write_and_read(team):
    db.open_database(team("netui_owner")).close()  # the first open creates the schema
    handle = db.open_database(team("anna"))
    try:
        anna_saw = capture.capture_line("Giulia Rossi @Lumen Digital giulia@lumen.it !2d met at the fair")
        contacts.update_contact(anna_saw.contact_id, role="Head of PR")
    finally:
        handle.close()
    handle = db.open_database(team("bruno"))
    try:
        [giulia] = contacts.list_contacts()
        assert (giulia.name, giulia.company) == ("Giulia Rossi", "Lumen Digital")
        editing.save_form(giulia.id, {"first_name": "Giulia", "last_name": "Rossi", "company": "Lumen Digital",
                                      "role": "CEO", "tags": ""}, contacts.get_contact(giulia.id))
    finally:
        handle.close()


def test_a_reader_reads_and_a_write_is_refused_with_a_sentence(team):
    db.open_database(team("netui_owner")).close()
    handle = db.open_database(team("anna"))
    contacts.create_contact("Giulia Rossi")
    handle.close()
    handle = db.open_database(team("carla_reads"))
    try:
        assert [c.name for c in contacts.list_contacts()] == ["Giulia Rossi"]
        with pytest.raises(ReadOnlyError) as error:
            contacts.create_contact("Bruno Neri")
        assert "may read the network but not change it" in str(error.value)
        assert [c.name for c in contacts.list_contacts()] == ["Giulia Rossi"]
    finally:
        handle.close()


def test_a_member_imports_a_big_linkedin_file(team, frozen):
    """A member's role may not drop indexes or suspend triggers, which a big import does for
    speed on the owner's: it writes the rows the slower way instead."""
    from netui.exchange import importing
    from netui.exchange.formats import linkedin

    db.open_database(team("netui_owner")).close()
    rows = [f"Person{n},Member{n},,,Company {n % 7},Role,07 Nov 2023" for n in range(importing.DEFERRED_INDEXES_FROM + 5)]
    text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + "\n".join(rows) + "\n"
    handle = db.open_database(team("anna"))
    try:
        report = importing.apply_import(importing.plan_import(linkedin.read(text)))
        assert report.written and len(report.new_ids) == len(rows)
        assert contacts.count_contacts() == len(rows)
        [found] = contacts.search_contacts(f"Person{len(rows) - 1} Member{len(rows) - 1}")
        assert found.last_contacted is not None  # the connection, as the trigger keeps it
    finally:
        handle.close()


def test_a_member_writes_the_demo_network_into_an_empty_team_database(team, frozen):
    from netui import demo

    db.open_database(team("netui_owner")).close()
    handle = db.open_database(team("bruno"))
    try:
        summary = demo.generate_network(people=40)
        assert contacts.count_contacts() == summary.people == 40
        assert contacts.search_contacts(contacts.list_contacts()[0].name)  # indexed for search
        assert contacts.list_contacts(sort="last_contacted")[0].last_contacted is not None
    finally:
        handle.close()


def test_a_member_may_not_copy_a_network_in_and_is_told_whose_role_it_needs(team, tmp_path):
    from netui.errors import OwnerRoleNeeded
    from netui.store import transfer

    source = tmp_path / "mine.db"
    handle = db.open_database(source)
    contacts.create_contact("Giulia Rossi")
    handle.close()
    db.open_database(team("netui_owner")).close()
    with pytest.raises(OwnerRoleNeeded) as error:
        transfer.copy_network(source, team("anna"))
    assert "needs the role that owns netui's tables" in str(error.value)
    handle = db.open_database(team("netui_owner"))
    try:
        assert contacts.count_contacts() == 0  # nothing half-copied
    finally:
        handle.close()
    transfer.copy_network(source, team("netui_owner"))
    handle = db.open_database(team("anna"))
    try:
        assert [c.name for c in contacts.list_contacts()] == ["Giulia Rossi"]
    finally:
        handle.close()


def test_on_the_server_a_member_is_the_role_they_log_in_as_unless_told(team, monkeypatch):
    """Two members on one machine (or a login name that is not theirs): what each logs is
    recorded under the role the server knows them by; --user still wins."""
    from support import netui_program

    from netui.store.models import Interaction

    monkeypatch.delenv("NETUI_USER", raising=False)
    db.open_database(team("netui_owner")).close()
    anna, bruno = netui_program(team("anna")), netui_program(team("bruno"))
    assert anna("add", "Giulia Rossi").returncode == 0
    assert anna("log", "Giulia Rossi", "--kind", "call").returncode == 0
    assert bruno("log", "Giulia Rossi", "--kind", "email").returncode == 0
    assert bruno("--user", "b.neri", "log", "Giulia Rossi", "--kind", "video").returncode == 0
    handle = db.open_database(team("anna"))
    try:
        logged = [(i.kind, i.logged_by) for i in Interaction.select().order_by(Interaction.id)]
        assert logged == [("call", "anna"), ("email", "bruno"), ("video", "b.neri")]
        assert contacts.list_contacts()[0].name == "Giulia Rossi"
        assert "anna" in bruno("who-knows", "Giulia").stdout
    finally:
        handle.close()
