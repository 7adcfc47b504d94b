"""A team's network on PostgreSQL: opening, the schema's versions, what is refused, the
password never shown, the SQL folding functions equal to netui.text's, the triggers."""

from __future__ import annotations

import pytest

from netui import config, contacts, demo, giving, timeline, when
from netui.store import db, location
from netui.store.location import ServerAddress, is_server_address, redact
from netui.store.migrations import MIGRATIONS
from netui.store.models import Contact
from netui.text import fold, fold_key

NAMES = ["Nicolò Ødegaard", "Łukasz Żółw", "Straße", "ŁÓDŹ", "Ærø", "François  Lefèvre", "Œuvre",
         "İstanbul", "ΟΔΥΣΣΕΑΣ", "Ђорђе Đorđević", "Þórr", "Ħal Far", "Ålesund", " Ana   María ", "ǅemal",
         "Ｆｕｌｌｗｉｄｔｈ", "ﬁnance", "naïve café", "Dvořák", "Nguyễn Thị Minh Khai"]


# --- addresses: which --db values are servers, and what is shown of them ------------------------


@pytest.mark.parametrize("text", ["postgresql://bob@db.example.org/team", "postgres://h/db",
                                  "host=/run/postgresql dbname=team", "service=netui", "dbname=team user=x"])
def test_a_postgresql_address_is_a_server(text):
    assert is_server_address(text)


@pytest.mark.parametrize("text", ["netui.db", "/home/anna/team.db", "~/x.db", "postgresql.db", "host.db"])
def test_a_file_name_is_a_file(text):
    assert not is_server_address(text)


def test_a_file_name_is_told_from_a_server_without_compiling_a_pattern(monkeypatch):
    """Every start asks it of its file: compiling the pattern of a connection string's words
    cost ~1 M instructions before the first screen."""
    from netui.store import location
    from netui.text import LazyPattern

    keyword = LazyPattern(*location._KEYWORD._arguments)
    monkeypatch.setattr(location, "_KEYWORD", keyword)
    assert not is_server_address("/home/anna/team.db")
    assert "match" not in vars(keyword)  # not compiled
    assert is_server_address("dbname=team")


@pytest.mark.parametrize("address, shown", [
    ("postgresql://bob:s3cret@db.example.org:5432/team?sslmode=require",
     "postgresql://bob:***@db.example.org:5432/team?sslmode=require"),
    ("postgresql://bob@db/team?password=s3cret&sslmode=verify-full",
     "postgresql://bob@db/team?password=***&sslmode=verify-full"),
    ("host=db dbname=team password='s3 cret' user=bob", "host=db dbname=team password=*** user=bob"),
    ("postgresql://bob@db/team", "postgresql://bob@db/team"),
])
def test_the_password_is_never_shown(address, shown):
    assert redact(address) == shown
    assert str(ServerAddress(address)) == shown and "s3" not in repr(ServerAddress(address))


def test_the_database_comes_from_the_flag_the_variable_then_the_config(monkeypatch, tmp_path):
    config.config_path().parent.mkdir(parents=True, exist_ok=True)
    config.config_path().write_text('[storage]\ndatabase = "postgresql://me@db/team"\n', encoding="utf-8")
    assert db.resolve_db_path() == ServerAddress("postgresql://me@db/team")
    monkeypatch.setenv(db.DB_ENV_VAR, str(tmp_path / "mine.db"))
    assert db.resolve_db_path() == tmp_path / "mine.db"
    assert db.resolve_db_path("host=/tmp dbname=x") == ServerAddress("host=/tmp dbname=x")


def test_a_broken_storage_setting_names_the_file():
    config.config_path().parent.mkdir(parents=True, exist_ok=True)
    config.config_path().write_text("[storage]\ndatabase = 3\n", encoding="utf-8")
    with pytest.raises(Exception) as error:
        db.resolve_db_path()
    assert str(config.config_path()) in str(error.value) and "[storage] database" in str(error.value)


def test_a_server_that_is_not_there_is_one_sentence_without_the_password(tmp_path):
    address = f"postgresql://bob:s3cret@/team?host={tmp_path}&connect_timeout=2"
    with pytest.raises(db.DatabaseOpenError) as error:
        db.open_database(address)
    message = str(error.value)
    assert "cannot connect" in message and "s3cret" not in message and "bob:***@" in message


# --- the schema on a server -----------------------------------------------------------------


def test_an_empty_database_gets_the_schema_at_the_newest_version(postgres_cluster):
    name = postgres_cluster.new_database()  # a copy of the template: already migrated
    postgres_cluster.admin(f"CREATE DATABASE {name}_empty")
    handle = db.open_database(postgres_cluster.address(f"{name}_empty"))
    try:
        assert db.schema_version(handle) == max(m.version for m in MIGRATIONS)
        assert db.is_server() and not db.is_read_only()
        contacts.create_contact("Anna Verdi")
    finally:
        handle.close()
    again = db.open_database(postgres_cluster.address(f"{name}_empty"))  # opened again: nothing to do
    try:
        assert [c.name for c in contacts.list_contacts()] == ["Anna Verdi"]
    finally:
        again.close()


def test_a_newer_schema_is_refused(postgres_database, postgres_cluster):
    address = postgres_database.address
    postgres_database.execute_sql("UPDATE netui_schema SET version = version + 1")
    postgres_database.close()
    with pytest.raises(db.DatabaseOpenError) as error:
        db.open_database(address)
    assert "newer netui" in str(error.value)


def test_another_programs_database_is_refused_untouched(postgres_cluster):
    name = postgres_cluster.new_database() + "_foreign"
    postgres_cluster.admin(f"CREATE DATABASE {name}")
    from netui.store.postgres import driver

    with driver().connect(postgres_cluster.address(name), autocommit=True) as connection:
        connection.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(db.DatabaseOpenError) as error:
        db.open_database(postgres_cluster.address(name))
    assert error.value.foreign and "another program" in str(error.value)
    with driver().connect(postgres_cluster.address(name)) as connection:
        tables = [r[0] for r in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()]
    assert tables == ["invoices"]


def test_the_folding_functions_are_netuis_own(postgres_database):
    for name in NAMES:
        got = postgres_database.execute_sql("SELECT fold(%s), fold_key(%s)", (name, name)).fetchone()
        assert got == (fold(name), fold_key(name)), name


def test_a_city_typed_without_accents_finds_its_people(postgres_database):
    contacts.create_contact("Ada Nowak", city="Łódź")
    contacts.create_contact("Bea Rossi", city="Milano")
    assert [c.name for c in contacts.list_contacts(city="lodz")] == ["Ada Nowak"]


def test_the_triggers_keep_last_contact_and_the_balance(postgres_database, frozen):
    anna = contacts.create_contact("Anna Verdi")
    timeline.log_interaction([anna], "call", when.now().subtract(days=3), summary="call")
    assert Contact.get_by_id(anna).last_contacted_at == when.now().subtract(days=3).replace(microsecond=0)
    giving.record_favour(anna, "gave", "advice", "", "today")
    giving.record_favour(anna, "gave", "job lead", "", "today")
    giving.record_favour(anna, "received", "advice", "", "today")
    assert Contact.get_by_id(anna).favour_balance == 1


def test_a_demo_network_is_written_and_its_triggers_work_afterwards(postgres_database, frozen):
    demo.generate_network(people=30)
    assert contacts.count_contacts() == 30
    stored = postgres_database.execute_sql("SELECT id, last_contacted_at FROM contact ORDER BY id").fetchall()
    computed = postgres_database.execute_sql(
        "SELECT c.id, (SELECT max(i.occurred_at) FROM interaction_participant p JOIN interaction i "
        "ON i.id = p.interaction_id WHERE p.contact_id = c.id AND i.counts_as_contact) FROM contact c "
        "ORDER BY c.id").fetchall()
    assert stored == computed
    disabled = postgres_database.execute_sql(
        "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'").fetchone()[0]
    assert disabled == 0
    someone = contacts.create_contact("After Demo")  # ids written by hand did not leave the sequence behind
    assert someone > max(row[0] for row in stored)


def test_text_has_no_length_limit_and_sorts_byte_by_byte_as_in_a_file(postgres_database):
    long_company = "Società " * 60  # 480 characters: SQLite keeps it, so must the server
    anna = contacts.create_contact("Anna Verdi", company=long_company.strip())
    assert contacts.get_contact(anna).company == long_company.strip()
    collations = postgres_database.execute_sql(
        "SELECT DISTINCT collation_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND data_type = 'text' AND table_name NOT IN ('netui_schema', 'contact_search')").fetchall()
    assert collations == [("C",)]
