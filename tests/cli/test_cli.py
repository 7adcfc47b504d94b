"""The `netui` command line (netui.cli.main), in-process and as a real program.

User errors must print one sentence on stderr and make main return 2; nothing may be
written by a refused command.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

from conftest import travel
from netui import __version__, cli, contacts, events, followups, giving, timeline
from netui.store import db


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "x.db"


def run(capsys, *argv) -> tuple[int, str, str]:
    """Run main(argv); return (exit code, stdout, stderr). argparse's own exits
    (--version, --help) raise SystemExit, which is turned into its code here."""
    try:
        code = cli.main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def run_db(capsys, db_path, *argv):
    return run(capsys, "--db", str(db_path), *argv)


def stored(db_path, read):
    """Open the database file directly and call `read()` against it."""
    handle = db.open_database(db_path)
    try:
        return read()
    finally:
        handle.close()


ADD_GIULIA = (
    "add", "Giulia Rossi", "--company", "Acme", "--role", "CTO", "--city", "Milano",
    "--country", "Italy", "--circle", "work", "--email", "giulia@example.com",
    "--email", "g.rossi@acme.example", "--phone", "+39 333 1234567",
    "--linkedin", "https://linkedin.com/in/giulia", "--tag", "Fintech", "--tag", "#ai",
    "--how-met", "PyCon panel", "--cadence", "30", "--note", "Likes sailing", "--star",
)


# --- basics --------------------------------------------------------------------------------


def test_version(capsys):
    """--version prints 'netui <version>' and exits successfully."""
    code, out, err = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"netui {__version__}"
    assert err == ""


def test_help_lists_every_subcommand(capsys):
    """`netui --help` prints the usage with every subcommand."""
    try:
        code = cli.main(["--help"])
    except SystemExit as exit_:
        code = exit_.code
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("usage: netui")
    for command in ("add", "log", "search", "show", "locate"):
        assert command in out


def test_no_subcommand_opens_the_tui_on_the_chosen_database(capsys, db_path, monkeypatch):
    """Plain `netui` creates/opens the database, then runs the full-screen app on it."""
    from netui.app import NetuiApp

    opened = []
    monkeypatch.setattr(NetuiApp, "run", lambda self: opened.append(self.db_path))
    code, out, err = run_db(capsys, db_path)
    assert code == 0
    assert opened == [db_path]
    assert db_path.exists()


def test_no_subcommand_on_an_unusable_file_says_so_before_any_screen(capsys, tmp_path):
    """The TUI never starts on a file that is not a netui database: one line, exit 2."""
    bogus = tmp_path / "contacts.csv"
    bogus.write_text("name,email\nGiulia,g@example.com\n")
    code, out, err = run_db(capsys, bogus)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert bogus.read_text() == "name,email\nGiulia,g@example.com\n"


def test_unknown_subcommand_returns_2_with_one_line(capsys, db_path):
    """An unknown subcommand makes main *return* 2 with a single line on stderr."""
    code = cli.main(["--db", str(db_path), "frobnicate"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("netui")
    assert "frobnicate" in lines[0]


def test_missing_argument_returns_2(capsys, db_path):
    """`netui add` without a name is a usage error: return 2, one line naming NAME."""
    code = cli.main(["--db", str(db_path), "add"])
    _, err = capsys.readouterr()
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "NAME" in err


# --- add and show --------------------------------------------------------------------------


def test_add_with_all_options_then_show_text(capsys, db_path, frozen):
    """Every option given to `add` shows up in `show`."""
    code, out, err = run_db(capsys, db_path, *ADD_GIULIA)
    assert code == 0, err
    assert out.strip() == "Added Giulia Rossi (#1)."

    code, out, err = run_db(capsys, db_path, "show", "Giulia Rossi")
    assert code == 0, err
    assert out.startswith("★ Giulia Rossi  (#1)")
    for expected in (
        "Acme", "CTO", "Milano", "Italy", "work", "PyCon panel", "every 30 days",
        "giulia@example.com", "g.rossi@acme.example", "+39 333 1234567",
        "https://linkedin.com/in/giulia", "#ai #fintech", "Likes sailing", "last contacted never",
    ):
        assert expected in out


def test_show_json(capsys, db_path, frozen):
    """`show --json` is valid JSON holding name, company, channels, tags and timeline."""
    run_db(capsys, db_path, *ADD_GIULIA)
    code, out, err = run_db(capsys, db_path, "show", "giulia", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["name"] == "Giulia Rossi"
    assert data["company"] == "Acme"
    assert data["starred"] is True
    assert data["cadence_days"] == 30
    assert sorted((c["kind"], c["value"]) for c in data["channels"]) == [
        ("email", "g.rossi@acme.example"), ("email", "giulia@example.com"),
        ("linkedin", "https://linkedin.com/in/giulia"), ("phone", "+39 333 1234567"),
    ]
    assert data["tags"] == ["ai", "fintech"]
    assert data["timeline"] == []
    assert data["last_contacted"] is None


def test_add_with_bad_email_creates_nothing(capsys, db_path):
    """A bad e-mail: exit 2, one line on stderr naming the e-mail, and no contact created."""
    code, out, err = run_db(capsys, db_path, "add", "Bad Mail", "--email", "not-an-email", "--company", "Acme")
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "not-an-email" in lines[0] and "e-mail" in lines[0]
    assert stored(db_path, contacts.count_contacts) == 0


@pytest.mark.parametrize(
    ("option", "value"), [("--circle", "cousins"), ("--cadence", "often"), ("--phone", "call me")]
)
def test_add_with_other_bad_values_creates_nothing(capsys, db_path, option, value):
    """Bad circle, cadence or phone: exit 2 with one line quoting the value; nothing created."""
    code, _, err = run_db(capsys, db_path, "add", "Some One", option, value)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert value in err
    assert stored(db_path, contacts.count_contacts) == 0


def test_show_unknown_contact(capsys, db_path):
    """Showing someone who does not exist: exit 2, one line."""
    code, out, err = run_db(capsys, db_path, "show", "Nobody Atall")
    assert code == 2
    assert out == ""
    assert "Nobody Atall" in err


# --- log -----------------------------------------------------------------------------------


def test_log_with_several_people(capsys, db_path, frozen):
    """`log` with several names, kind, time and note: every participant's timeline has it,
    at the right UTC instant, with the note's first line as summary."""
    yesterday_evening = frozen.subtract(days=1).at(18, 0)
    for name in ("Giulia Rossi", "Marco Bianchi", "Anna Verdi"):
        run_db(capsys, db_path, "add", name)
    code, out, err = run_db(
        capsys, db_path, "log", "Giulia Rossi", "Marco Bianchi", "--kind", "call",
        "--when", "yesterday 18:00", "--note", "Budget talk\nthey need a demo",
    )
    assert code == 0, err
    assert out.strip() == (
        f"Logged call with Giulia Rossi, Marco Bianchi on {yesterday_evening.format('YYYY-MM-DD HH:mm')}.")

    for name in ("Giulia Rossi", "Marco Bianchi"):
        code, out, err = run_db(capsys, db_path, "show", name, "--json")
        data = json.loads(out)
        [entry] = data["timeline"]
        assert entry["kind"] == "call"
        assert entry["occurred_at"] == yesterday_evening.in_tz("UTC").isoformat()
        assert entry["summary"] == "Budget talk"
        assert entry["notes"] == "Budget talk\nthey need a demo"
        assert sorted(p["name"] for p in entry["participants"]) == ["Giulia Rossi", "Marco Bianchi"]
        assert data["last_contacted"] == yesterday_evening.in_tz("UTC").isoformat()

    with travel(yesterday_evening.add(hours=16)):  # the next morning
        code, out, _ = run_db(capsys, db_path, "show", "Giulia Rossi")
    assert f"{yesterday_evening.format('YYYY-MM-DD HH:mm')}  call     Budget talk (with Marco Bianchi)" in out
    assert "last contacted 16 hours ago" in out
    code, out, _ = run_db(capsys, db_path, "show", "Anna Verdi", "--json")
    assert json.loads(out)["timeline"] == []


def test_log_by_id_and_at_an_event(capsys, db_path, frozen):
    """'#id' picks a contact; --event links the interaction to an event by title."""
    run_db(capsys, db_path, "add", "Giulia Rossi")
    summit_start = frozen.subtract(days=19).at(9, 0).format("YYYY-MM-DD HH:mm")
    stored(db_path, lambda: events.create_event("Web Summit Lisbon", starts_at=summit_start))
    code, _, err = run_db(capsys, db_path, "log", "#1", "--kind", "event", "--event", "web summit")
    assert code == 0, err
    [entry] = json.loads(run_db(capsys, db_path, "show", "#1", "--json")[1])["timeline"]
    assert entry["event_title"] == "Web Summit Lisbon"
    assert entry["occurred_at"] == frozen.in_tz("UTC").isoformat()  # default: now


def test_log_with_ambiguous_event_lists_candidates(capsys, db_path, frozen):
    """An --event matching several events: exit 2, each event listed with its local start."""
    run_db(capsys, db_path, "add", "Giulia Rossi")

    def make_events():
        events.create_event("Python Meetup Milano", starts_at="2026-12-01 19:00", city="Milano")
        events.create_event("Python Meetup Torino", starts_at="2026-12-08 19:00", city="Torino")

    stored(db_path, make_events)
    code, _, err = run_db(capsys, db_path, "log", "Giulia Rossi", "--event", "python meetup")
    assert code == 2
    lines = err.strip().splitlines()
    assert "2 events match 'python meetup'" in lines[0]
    assert any("Python Meetup Milano" in line and "2026-12-01 19:00" in line for line in lines[1:])
    assert any("Python Meetup Torino" in line and "2026-12-08 19:00" in line for line in lines[1:])
    assert stored(db_path, timeline.count_interactions) == 0


def test_log_with_unknown_kind_logs_nothing(capsys, db_path, frozen):
    """An unknown --kind: exit 2, one line listing the valid kinds, nothing logged."""
    run_db(capsys, db_path, "add", "Giulia Rossi")
    code, out, err = run_db(capsys, db_path, "log", "Giulia Rossi", "--kind", "lunch")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "'lunch'" in err and "meeting" in err
    assert stored(db_path, timeline.count_interactions) == 0


def test_log_with_bad_time_logs_nothing(capsys, db_path, frozen):
    """An impossible --when: exit 2 with the reason; nothing logged."""
    run_db(capsys, db_path, "add", "Giulia Rossi")
    code, _, err = run_db(capsys, db_path, "log", "Giulia Rossi", "--when", "2026-02-31")
    assert code == 2
    assert "February 2026 has 28 days" in err
    assert stored(db_path, timeline.count_interactions) == 0


def test_log_with_ambiguous_name_lists_candidates(capsys, db_path, frozen):
    """A name matching several people: exit 2, stderr lists each candidate on its own line."""
    run_db(capsys, db_path, "add", "Marco Bianchi", "--company", "Acme")
    run_db(capsys, db_path, "add", "Marco Verdi", "--city", "Torino")
    run_db(capsys, db_path, "add", "Giulia Rossi")
    code, out, err = run_db(capsys, db_path, "log", "Marco", "--kind", "call")
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert "2 contacts match 'Marco'" in lines[0]
    candidates = lines[1:]
    assert len(candidates) == 2
    assert any("#1" in line and "Marco Bianchi" in line and "Acme" in line for line in candidates)
    assert any("#2" in line and "Marco Verdi" in line and "Torino" in line for line in candidates)
    assert "Giulia" not in err
    assert stored(db_path, timeline.count_interactions) == 0


def test_log_with_unknown_name(capsys, db_path, frozen):
    """A name matching nobody: exit 2, one line quoting it, nothing logged even for the others."""
    run_db(capsys, db_path, "add", "Giulia Rossi")
    code, _, err = run_db(capsys, db_path, "log", "Giulia Rossi", "Nessuno Mai")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "Nessuno Mai" in err
    assert stored(db_path, timeline.count_interactions) == 0


# --- search --------------------------------------------------------------------------------


def test_search_text(capsys, db_path, frozen):
    """Text search prints one line per match with name, company and last contacted."""
    run_db(capsys, db_path, "add", "Giulia Rossi", "--company", "Acme", "--city", "Milano")
    run_db(capsys, db_path, "add", "Marco Bianchi", "--company", "Globex")
    code, out, err = run_db(capsys, db_path, "search", "acme")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 1
    assert "Giulia Rossi" in lines[0] and "Acme" in lines[0] and "Milano" in lines[0]
    assert "last contacted never" in lines[0]


def test_search_json(capsys, db_path, frozen):
    """`search --json` is a list of objects with id, name, company and last_contacted."""
    run_db(capsys, db_path, "add", "Giulia Rossi", "--company", "Acme", "--tag", "fintech")
    run_db(capsys, db_path, "add", "Marco Bianchi", "--company", "Globex", "--tag", "fintech")
    run_db(capsys, db_path, "add", "Anna Verdi")
    talked = frozen.subtract(days=9).at(10, 0)
    run_db(capsys, db_path, "log", "Marco Bianchi", "--when", talked.format("YYYY-MM-DD HH:mm"))
    code, out, err = run_db(capsys, db_path, "search", "fintech", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, list)
    by_name = {item["name"]: item for item in data}
    assert set(by_name) == {"Giulia Rossi", "Marco Bianchi"}
    assert by_name["Giulia Rossi"]["id"] == 1
    assert by_name["Giulia Rossi"]["company"] == "Acme"
    assert by_name["Giulia Rossi"]["last_contacted"] is None
    assert by_name["Marco Bianchi"]["last_contacted"] == talked.in_tz("UTC").isoformat()


def test_search_without_hits_says_so(capsys, db_path):
    """A search finding nobody says so (and --json gives an empty list)."""
    run_db(capsys, db_path, "add", "Giulia Rossi")
    code, out, _ = run_db(capsys, db_path, "search", "zebra")
    assert code == 0
    assert out.strip() == "No contact matches 'zebra'."
    code, out, _ = run_db(capsys, db_path, "search", "zebra", "--json")
    assert json.loads(out) == []


# --- where the database is -----------------------------------------------------------------


def test_locate_prints_the_db_from_flag(capsys, db_path):
    """`locate` prints the --db path and data/config dirs, without creating the database."""
    code, out, _ = run_db(capsys, db_path, "locate")
    assert code == 0
    assert f"database: {db_path}" in out.splitlines()
    assert "data dir:" in out and "config:" in out
    assert not db_path.exists()


def test_locate_prints_the_db_from_env(capsys, tmp_path, monkeypatch):
    """Without --db, `locate` shows $NETUI_DB; --db still wins over it."""
    env_path = tmp_path / "from-env.db"
    monkeypatch.setenv(db.DB_ENV_VAR, str(env_path))
    _, out, _ = run(capsys, "locate")
    assert f"database: {env_path}" in out.splitlines()
    flag_path = tmp_path / "from-flag.db"
    _, out, _ = run(capsys, "--db", str(flag_path), "locate")
    assert f"database: {flag_path}" in out.splitlines()


def test_locate_default_is_in_the_data_dir(capsys, tmp_path):
    """With neither --db nor $NETUI_DB, the database lives in the (isolated) data dir."""
    _, out, _ = run(capsys, "locate")
    assert f"database: {tmp_path / 'xdg-data' / 'netui' / 'netui.db'}" in out.splitlines()


def test_env_var_chooses_the_database(capsys, tmp_path, monkeypatch):
    """$NETUI_DB is used when --db is absent; --db points elsewhere when given."""
    env_path = tmp_path / "env.db"
    monkeypatch.setenv(db.DB_ENV_VAR, str(env_path))
    code, _, err = run(capsys, "add", "Giulia Rossi")
    assert code == 0, err
    assert env_path.exists()
    assert stored(env_path, lambda: [s.name for s in contacts.list_contacts()]) == ["Giulia Rossi"]

    _, out, _ = run(capsys, "show", "Giulia Rossi", "--json")
    assert json.loads(out)["name"] == "Giulia Rossi"
    other = tmp_path / "other.db"
    code, _, _ = run(capsys, "--db", str(other), "show", "Giulia Rossi")
    assert code == 2  # the other database does not know her
    assert not (tmp_path / "xdg-data" / "netui" / "netui.db").exists()


def test_not_a_database_file(capsys, tmp_path):
    """Pointing --db at something that is not a netui database: exit 2, file untouched."""
    bogus = tmp_path / "notes.txt"
    bogus.write_text("shopping list\n")
    code, _, err = run(capsys, "--db", str(bogus), "search", "x")
    assert code == 2
    assert "not a netui database" in err
    assert bogus.read_text() == "shopping list\n"


# --- as a real program ---------------------------------------------------------------------


def _env(**extra) -> dict:
    env = dict(os.environ)  # already carries the isolated XDG dirs from conftest
    env.pop(db.DB_ENV_VAR, None)
    env["TZ"] = "Europe/Rome"
    env.update(extra)
    return env


def test_python_dash_m_version():
    """`python -m netui --version` prints the version and exits 0."""
    result = subprocess.run(
        [sys.executable, "-m", "netui", "--version"], capture_output=True, text=True,
        env=_env(), timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"netui {__version__}"


def test_console_script_uses_netui_db(tmp_path):
    """The installed `netui` command works and keeps its data in $NETUI_DB."""
    script = Path(sys.executable).parent / "netui"
    assert script.exists(), f"console script not installed at {script}"
    database = tmp_path / "script.db"
    env = _env(NETUI_DB=str(database))

    added = subprocess.run(
        [str(script), "add", "Ada Lovelace", "--company", "Analytical Engines"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Added Ada Lovelace (#1)."
    assert database.exists()

    found = subprocess.run(
        [str(script), "search", "analytical", "--json"], capture_output=True, text=True,
        env=env, timeout=60,
    )
    assert found.returncode == 0, found.stderr
    assert [(item["name"], item["company"]) for item in json.loads(found.stdout)] == [
        ("Ada Lovelace", "Analytical Engines")
    ]

    failed = subprocess.run(
        [str(script), "show", "Charles Babbage"], capture_output=True, text=True, env=env, timeout=60,
    )
    assert failed.returncode == 2
    assert failed.stdout == ""
    assert len(failed.stderr.strip().splitlines()) == 1


def test_search_takes_the_same_filters_as_the_search_box(capsys, db_path):
    """`netui search '#fintech'` and `circle:work` mean what they mean in the app."""
    run_db(capsys, db_path, "add", "Giulia Rossi", "--circle", "work", "--tag", "fintech")
    run_db(capsys, db_path, "add", "Marco Fintech Bianchi", "--circle", "friends")
    code, out, err = run_db(capsys, db_path, "search", "#fintech")
    assert code == 0 and "Giulia Rossi" in out and "Marco" not in out
    code, out, err = run_db(capsys, db_path, "search", "circle:friends")
    assert code == 0 and "Marco Fintech Bianchi" in out and "Giulia" not in out
    code, out, err = run_db(capsys, db_path, "search", "circle:nope")
    assert code == 2 and "nope" in err


def test_output_cut_short_by_a_pipe_is_not_an_error(tmp_path):
    """`netui search x | head -1` prints no traceback when head stops reading."""
    env = {**os.environ, "NETUI_DB": str(tmp_path / "x.db")}
    script = Path(sys.executable).parent / "netui"
    for n in range(30):
        subprocess.run([script, "add", f"Giulia Number{n}"], env=env, check=True, capture_output=True)
    result = subprocess.run(f"'{script}' search giulia | head -1", shell=True, env=env,
                            capture_output=True, text=True)
    assert "Traceback" not in result.stderr
    assert result.stdout.count("\n") == 1


# --- keeping in touch: today, trip, brief, cadence, date, appointment, followup ------------------


def test_today_json_sections_and_text(capsys, db_path, frozen):
    today = frozen.date()
    in_two_days = today.add(days=2)
    run_db(capsys, db_path, "add", "Giulia Rossi", "--city", "Milano")
    run_db(capsys, db_path, "add", "Marco Bianchi")
    assert run_db(capsys, db_path, "date", "Giulia Rossi", "birthday", f"--{in_two_days:%m-%d}")[0] == 0
    assert run_db(capsys, db_path, "cadence", "Marco Bianchi", "1w")[0] == 0
    stored(db_path, lambda: contacts.update_contact(contacts.resolve_contact("Marco Bianchi")))

    code, out, err = run_db(capsys, db_path, "today", "--days", "3", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["today"], data["days"]) == (str(today), 3)
    assert [s["key"] for s in data["sections"]] == [
        "overdue_followups", "due_followups", "appointments", "dates", "overdue_cadences", "events"]
    [birthday] = data["sections"][3]["rows"]
    assert (birthday["kind"], birthday["names"], birthday["on"], birthday["days"]) == (
        "date", ["Giulia Rossi"], str(in_two_days), 2)
    assert data["sections"][4]["rows"] == []  # Marco was added today: due in a week

    code, out, err = run_db(capsys, db_path, "today")
    assert code == 0, err
    assert out.startswith(f"Today, {today.format('dddd D MMMM YYYY')}")
    assert f"{in_two_days.format('ddd DD MMM')}  Giulia Rossi · birthday · in 2 days" in out


def test_today_refuses_bad_days(capsys, db_path):
    code, out, err = run_db(capsys, db_path, "today", "--days", "-2")
    assert code == 2 and out == "" and err.count("\n") == 1


def test_cadence_presets_defaults_and_snooze(capsys, db_path, frozen):
    today = frozen.date()
    run_db(capsys, db_path, "add", "Giulia Rossi", "--circle", "work")
    code, out, err = run_db(capsys, db_path, "cadence", "Giulia Rossi", "6w")
    assert (code, out.strip()) == (0, f"Giulia Rossi: every 42 days; next due {today.add(days=42)}."), err
    code, out, err = run_db(capsys, db_path, "cadence", "circle:work", "3m")
    assert (code, out.strip()) == (0, "Default for circle work: every 90 days.")
    code, out, err = run_db(capsys, db_path, "cadence", "Giulia Rossi", "default")
    assert out.strip() == f"Giulia Rossi: every 90 days (default of circle:work); next due {today.add(days=90)}."
    code, out, err = run_db(capsys, db_path, "cadence", "Giulia Rossi", "none")
    assert out.strip() == "Giulia Rossi: no keep-in-touch."
    code, out, err = run_db(capsys, db_path, "cadence", "Giulia Rossi", "--snooze", "5")
    assert out.strip() == f"Snoozed Giulia Rossi until {today.add(days=5)}."
    code, out, err = run_db(capsys, db_path, "cadence", "Giulia Rossi", "often")
    assert code == 2 and "'often' is not a cadence" in err


def test_date_command_and_bad_date(capsys, db_path, frozen):
    next_on = frozen.date().add(days=30)
    born = next_on.subtract(years=37)
    run_db(capsys, db_path, "add", "Giulia Rossi")
    code, out, err = run_db(capsys, db_path, "date", "Giulia Rossi", "birthday", str(born), "--remind", "3")
    assert (code, out.strip()) == (0, f"Added birthday {born} to Giulia Rossi; next on {next_on}, turns 37."), err
    code, out, err = run_db(capsys, db_path, "date", "Giulia Rossi", "name day", f"{next_on:%d/%m}")
    assert out.strip() == f"Added name day --{next_on:%m-%d} to Giulia Rossi; next on {next_on}."
    code, out, err = run_db(capsys, db_path, "date", "Giulia Rossi", "x", "31/02")
    assert code == 2 and "31/02 is not a date: February has at most 29 days" in err and err.count("\n") == 1


def test_log_milestone_with_congratulation(capsys, db_path, frozen):
    run_db(capsys, db_path, "add", "Giulia Rossi")
    code, out, err = run_db(capsys, db_path, "log", "Giulia Rossi", "--milestone", "new-job",
                            "--note", "Head of PR at Lumen", "--congratulate")
    assert code == 0, err
    assert out.splitlines() == [
        f"Logged new job of Giulia Rossi on {frozen.format('YYYY-MM-DD HH:mm')}.",
        f"Follow-up due {frozen.date().add(days=2)}: Congratulate on the new job."]
    code, out, err = run_db(capsys, db_path, "log", "Giulia Rossi", "--milestone", "wedding")
    assert code == 2 and "not a milestone" in err


def test_followup_list_done_snooze_reschedule(capsys, db_path, frozen):
    today = frozen.date()
    run_db(capsys, db_path, "add", "Giulia Rossi")
    stored(db_path, lambda: followups.create_followup(
        contacts.resolve_contact("Giulia Rossi"), today.subtract(days=2), "Send the deck", channel="email"))
    stored(db_path, lambda: followups.create_followup(contacts.resolve_contact("Giulia Rossi"), today, "Call"))
    code, out, err = run_db(capsys, db_path, "followup", "list")
    assert out.splitlines() == [
        "#1  Giulia Rossi · Send the deck (email) · 2 days late", "#2  Giulia Rossi · Call · today"]
    code, out, err = run_db(capsys, db_path, "followup", "done", "1", "--log", "email")
    assert (code, out.strip()) == (0, "Done: Send the deck (Giulia Rossi); logged email."), err
    code, out, err = run_db(capsys, db_path, "followup", "snooze", "2", "3")
    assert out.strip() == f"Snoozed #2 (Giulia Rossi) until {today.add(days=3)}."
    code, out, err = run_db(capsys, db_path, "followup", "reschedule", "2", str(today.add(days=25)))
    assert out.strip() == f"Moved #2 (Giulia Rossi) to {today.add(days=25)}."
    code, out, err = run_db(capsys, db_path, "followup", "list")
    assert out.strip() == "No follow-ups due."
    assert stored(db_path, lambda: timeline.global_timeline()[0].summary) == "Send the deck"
    code, out, err = run_db(capsys, db_path, "followup", "done", "99")
    assert code == 2 and "no follow-up #99" in err


def test_trip_lists_saves_and_adds_followups(capsys, db_path, frozen):
    for name in ("Giulia Rossi", "Marco Bianchi"):
        run_db(capsys, db_path, "add", name, "--city", "Milano")
    run_db(capsys, db_path, "log", "Marco Bianchi", "--when", "3 days ago")
    code, out, err = run_db(capsys, db_path, "trip", "milano")
    assert code == 0, err
    assert [line.split("  ·  ")[1] for line in out.splitlines()] == ["Marco Bianchi", "Giulia Rossi"]
    assert stored(db_path, lambda: events.upcoming_events()) == []

    arrive = frozen.date().add(days=11)
    code, out, err = run_db(capsys, db_path, "trip", "Milano", "--from", str(arrive), "--to", str(arrive.add(days=2)),
                            "--followups", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [p["name"] for p in data["people"]] == ["Marco Bianchi", "Giulia Rossi"]
    assert len(data["followups_created"]) == 2
    trip = stored(db_path, lambda: events.get_event(data["trip_event_id"]))
    assert (trip.kind, trip.title) == ("trip", "Trip to Milano")
    code, out, err = run_db(capsys, db_path, "trip", "Milano", "--followups")
    assert code == 2 and "--from" in err


def test_brief_text_and_json(capsys, db_path, frozen):
    yesterday_evening = frozen.subtract(days=1).at(18, 0)
    run_db(capsys, db_path, "add", "Marco Bianchi")
    run_db(capsys, db_path, *ADD_GIULIA)
    run_db(capsys, db_path, "log", "Giulia Rossi", "--kind", "call", "--when", "yesterday 18:00", "--note", "Budget")
    with travel(yesterday_evening.add(hours=16)):  # the next morning
        code, out, err = run_db(capsys, db_path, "brief", "Giulia Rossi")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:4] == [
        "Giulia Rossi  (#2)", "  CTO at Acme · Milano",
        "  warm: last contacted 16 hours ago, every 30 days", "  PyCon panel"]
    assert f"  {yesterday_evening.format('YYYY-MM-DD HH:mm')}  call      Budget" in lines
    code, out, err = run_db(capsys, db_path, "brief", "Giulia Rossi", "--json")
    data = json.loads(out)
    assert (data["name"], data["headline"], data["keep_in_touch"]["warmth"]) == (
        "Giulia Rossi", "CTO at Acme · Milano", "warm")
    assert [i["summary"] for i in data["last_interactions"]] == ["Budget"]


def test_appointment_add_list_done(capsys, db_path, frozen):
    tuesday = frozen.date().next(pendulum.TUESDAY)
    thursday, until = tuesday.add(days=2), tuesday.add(days=16)
    run_db(capsys, db_path, "add", "Giulia Rossi")
    code, out, err = run_db(capsys, db_path, "appointment", "add", "Tennis", "--with", "Giulia Rossi",
                            "--start", f"{tuesday} 18:30", "--on", "tue,thu", "--until", str(until))
    assert (code, out.strip()) == (
        0, f"Added appointment #1: Tennis, every week on Tue, Thu at 18:30 until {until}."), err
    code, out, err = run_db(capsys, db_path, "appointment", "list", "Giulia Rossi")
    assert f"next: {tuesday} 18:30, {thursday} 18:30, {tuesday.add(weeks=1)} 18:30" in out
    code, out, err = run_db(capsys, db_path, "appointment", "done", "1", str(tuesday))
    assert code == 2 and "has not happened yet" in err
    code, out, err = run_db(capsys, db_path, "appointment", "skip", "1", str(tuesday))
    assert out.strip() == f"Skipped appointment #1 on {tuesday}."
    code, out, err = run_db(capsys, db_path, "appointment", "add", "X", "--with", "Giulia Rossi",
                            "--start", f"{tuesday} 10:00", "--every", "daily")
    assert code == 2 and "not a repetition" in err


# --- give & take ---------------------------------------------------------------------------


def test_favour_records_and_prints_the_balance(capsys, db_path, frozen):
    today = frozen.date()
    run_db(capsys, db_path, "add", "Giulia Rossi")
    code, out, err = run_db(capsys, db_path, "favour", "Giulia Rossi", "--received", "--kind", "job-lead",
                            "--note", "Orbit", "--when", "yesterday", "--followup", "2")
    assert code == 0, err
    assert out.splitlines() == [
        f"Recorded job lead received from Giulia Rossi on {today.subtract(days=1)} (favour #1);"
        " balance -1 (given 0, received 1).",
        f"Follow-up due {today.add(days=2)}: Thank them for the job lead.",
    ]
    code, out, err = run_db(capsys, db_path, "favour", "Giulia Rossi", "--gave", "--kind", "advice")
    assert out.strip().endswith("balance 0 (given 1, received 1).")
    code, out, err = run_db(capsys, db_path, "favours", "Giulia Rossi")
    assert out.splitlines() == [
        "Giulia Rossi (#1): balance 0 (given 1, received 1)",
        f"  #2  {today}  gave      advice",
        f"  #1  {today.subtract(days=1)}  received  job lead  ·  Orbit",
    ]
    data = json.loads(run_db(capsys, db_path, "favours", "Giulia Rossi", "--json")[1])
    assert (data["balance"], data["given"], data["received"]) == (0, 1, 1)
    assert [f["kind"] for f in data["favours"]] == ["advice", "job lead"] and data["introductions"] == []


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("--gave", "--kind", "bribe"), "is not a kind of favour"),
        (("--gave", "--kind", "advice", "--when", "tomorrow"), "is in the future"),
        (("--gave", "--kind", "advice", "--followup", "someday"), "is not a date"),
        (("--kind", "advice"), "--gave --received is required"),
        (("--gave", "--received", "--kind", "advice"), "not allowed with"),
    ],
)
def test_bad_favours_exit_2_and_write_nothing(capsys, db_path, frozen, argv, says):
    run_db(capsys, db_path, "add", "Giulia Rossi")
    code, out, err = run_db(capsys, db_path, "favour", "Giulia Rossi", *argv)
    assert code == 2 and says in err and len(err.strip().splitlines()) == 1
    assert stored(db_path, lambda: giving.favours_of(1)) == []


def test_favours_views_owe_and_helped(capsys, db_path, frozen):
    for name in ("Giulia Rossi", "Marco Bianchi"):
        run_db(capsys, db_path, "add", name)
    received_on, gave_on = frozen.date().subtract(days=28), frozen.date().subtract(days=9)
    run_db(capsys, db_path, "favour", "Giulia Rossi", "--received", "--kind", "advice", "--when", str(received_on))
    run_db(capsys, db_path, "favour", "Marco Bianchi", "--gave", "--kind", "useful-tool", "--when", str(gave_on))
    code, out, err = run_db(capsys, db_path, "favours", "--owe")
    assert code == 0, err
    assert out.splitlines()[0] == "People you owe"
    assert "Giulia Rossi" in out and "balance -1" in out and f"last: {received_on} received advice" in out
    code, out, err = run_db(capsys, db_path, "favours", "--helped", "--days", "30")
    assert out.splitlines() == ["People you helped in the last 30 days",
                                f"  {gave_on}  gave      useful tool  ·  Marco Bianchi (#2)"]
    data = json.loads(run_db(capsys, db_path, "favours", "--json")[1])
    assert [p["name"] for p in data["owe"]] == ["Giulia Rossi"]
    assert [f["contact_name"] for f in data["helped"]] == ["Marco Bianchi"]
    code, out, err = run_db(capsys, db_path, "favours", "Giulia Rossi", "--owe")
    assert code == 2


def test_intro_proposed_then_made_with_followups(capsys, db_path, frozen):
    for name in ("Giulia Rossi", "Marco Bianchi"):
        run_db(capsys, db_path, "add", name)
    code, out, err = run_db(capsys, db_path, "intro", "Giulia Rossi", "Marco Bianchi", "--reason", "both in fintech")
    assert (code, out.strip()) == (
        0, "Proposed introducing Giulia Rossi to Marco Bianchi (introduction #1, proposed)."), err
    code, out, err = run_db(capsys, db_path, "intro", "#2", "#1", "--reason", "again")
    assert code == 2 and "already have an open introduction (#1, proposed)" in err
    code, out, err = run_db(capsys, db_path, "intro-status", "1", "made", "--followup", "in 2 weeks")
    in_two_weeks = frozen.date().add(weeks=2)
    assert code == 0, err
    assert out.splitlines() == [
        "Introduction #1 of Giulia Rossi to Marco Bianchi: made.",
        "Recorded a favour given to each and logged the introduction with both.",
        f"Follow-up due {in_two_weeks}: Ask how the introduction with Marco Bianchi went (Giulia Rossi).",
        f"Follow-up due {in_two_weeks}: Ask how the introduction with Giulia Rossi went (Marco Bianchi).",
    ]
    assert stored(db_path, lambda: [i.summary for i in timeline.contact_timeline(2)]) == [
        "Introduced Giulia Rossi to Marco Bianchi: both in fintech"]
    code, out, err = run_db(capsys, db_path, "intro-status", "1", "proposed")
    assert code == 2 and "cannot go back to 'proposed'" in err
    code, out, err = run_db(capsys, db_path, "intro-status", "1", "outcome", "--outcome", "Marco hired her")
    assert out.strip() == "Introduction #1 of Giulia Rossi to Marco Bianchi: outcome: Marco hired her."
    code, out, err = run_db(capsys, db_path, "favours", "#1")
    assert f"  #1  {frozen.date()}  outcome   Giulia Rossi → Marco Bianchi  ·  both in fintech  ·  outcome: Marco hired her" in out


def test_intro_made_at_once_and_bad_intros(capsys, db_path, frozen):
    for name in ("Giulia Rossi", "Marco Bianchi"):
        run_db(capsys, db_path, "add", name)
    code, out, err = run_db(capsys, db_path, "intro", "#1", "#1", "--reason", "x")
    assert code == 2 and "two different people" in err
    code, out, err = run_db(capsys, db_path, "intro", "#1", "#2", "--reason", "x", "--followup", "3")
    assert code == 2 and "--followup goes with --status made" in err
    code, out, err = run_db(capsys, db_path, "intro", "#1", "#2", "--reason", "x", "--status", "made")
    assert code == 0, err
    assert out.splitlines() == ["Introduced Giulia Rossi to Marco Bianchi (introduction #1, made).",
                                "Add --followup WHEN to ask both how it went (e.g. --followup 14)."]
    assert stored(db_path, lambda: (giving.balance(1).balance, giving.balance(2).balance)) == (1, 1)
    assert stored(db_path, lambda: followups.open_for_contacts([1, 2])) == {}


def test_chain_and_connectors(capsys, db_path, frozen):
    def setup():
        anna = contacts.create_contact("Anna Rossi")
        bruno = contacts.create_contact("Bruno Bianchi", introduced_by_id=anna)
        contacts.create_contact("Carla Neri", introduced_by_id=bruno)
        contacts.create_contact("Dario Blu", introduced_by_id=anna)

    stored(db_path, setup)
    code, out, err = run_db(capsys, db_path, "chain", "Anna Rossi")
    assert code == 0, err
    assert out.splitlines() == [
        "Anna Rossi was not introduced by anyone you know.",
        "Brought in 3 people:",
        "Anna Rossi",
        "├── Bruno Bianchi (#2)",
        "│   └── Carla Neri (#3)",
        "└── Dario Blu (#4)",
    ]
    code, out, err = run_db(capsys, db_path, "chain", "Carla Neri")
    assert out.splitlines() == ["Chain (each introduced by the next): Carla Neri ← Bruno Bianchi ← Anna Rossi",
                                "Carla Neri has not brought anyone in yet."]
    data = json.loads(run_db(capsys, db_path, "chain", "Anna Rossi", "--json")[1])
    assert [p["name"] for p in data["chain"]] == ["Anna Rossi"]
    assert data["brought_in"]["downstream"] == 3
    assert [c["person"]["name"] for c in data["brought_in"]["children"]] == ["Bruno Bianchi", "Dario Blu"]
    assert data["brought_in"]["children"][0]["children"][0]["person"]["id"] == 3
    code, out, err = run_db(capsys, db_path, "connectors")
    assert out.splitlines() == [" 1. #1  Anna Rossi  ·  brought in 2 directly, 3 in all",
                                " 2. #2  Bruno Bianchi  ·  brought in 1 directly, 1 in all"]
    data = json.loads(run_db(capsys, db_path, "connectors", "--limit", "1", "--json")[1])
    assert data == [{"id": 1, "name": "Anna Rossi", "company": "", "direct": 2, "downstream": 3}]


# --- Italian -------------------------------------------------------------------------------


def test_help_in_italian_with_lang(capsys):
    """`netui --lang it --help`: argparse's own words and netui's help texts are Italian."""
    code, out, err = run(capsys, "--lang", "it", "--help")
    assert code == 0
    assert out.startswith("uso: netui")
    assert "Costruisci e cura la tua rete professionale, dal terminale." in out
    assert "opzioni:" in out and "mostra questo aiuto ed esci" in out
    assert "aggiungi un contatto" in out  # the help of `add`
    assert "usage:" not in out and "show this help" not in out


def test_subcommand_help_in_italian_from_lang_variable(capsys, monkeypatch):
    """LANG=it_IT.UTF-8 is enough: `netui add --help` explains the options in Italian,
    and a circle can be given by its Italian name, which the help lists."""
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    code, out, err = run(capsys, "add", "--help")
    assert code == 0
    assert out.startswith("uso: netui add")
    assert 'nome e cognome, ad es. "Giulia Rossi"' in out
    assert "uno tra: famiglia, amici" in out
    assert "NOME" in out


def test_a_circle_and_a_kind_typed_in_italian(capsys, db_path):
    code, out, err = run_db(capsys, db_path, "--lang", "it", "add", "Anna Verdi", "--circle", "lavoro")
    assert code == 0, err
    code, out, err = run_db(capsys, db_path, "--lang", "it", "log", "Anna Verdi", "--kind", "chiamata")
    assert code == 0, err
    code, out, err = run_db(capsys, db_path, "show", "Anna Verdi", "--json")
    shown = json.loads(out)
    assert shown["circle"] == "work" and shown["timeline"][0]["kind"] == "call"


def test_usage_error_in_italian_exits_2(capsys, db_path):
    """A missing argument is one Italian sentence on stderr, status 2."""
    code, out, err = run_db(capsys, db_path, "--lang", "it", "add")
    assert code == 2
    assert out == ""
    assert err.strip() == "netui add: questi argomenti sono obbligatori: NOME"


def test_netui_error_in_italian_exits_2(capsys, db_path, monkeypatch):
    """A sentence netui's CLI builds itself is Italian too, with status 2."""
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    code, out, err = run_db(capsys, db_path, "export", "csv")
    assert code == 2
    assert err.strip() == "netui: Indica dove scrivere il file csv con --out PERCORSO."
    code, out, err = run_db(capsys, db_path, "search", "--limit", "tanti", "x")
    assert code == 2
    assert err.strip() == "netui search: argomento --limit: valore int non valido: 'tanti'"


def test_add_and_search_in_italian(capsys, db_path, frozen):
    """add, search and show speak Italian; stored codes are shown with their Italian labels;
    --json stays as it is."""
    code, out, err = run_db(capsys, db_path, "--lang", "it", *ADD_GIULIA)
    assert (code, err) == (0, "")
    assert out == "Contatto aggiunto: Giulia Rossi (#1).\n"
    code, out, err = run_db(capsys, db_path, "--lang", "it", "search", "nessuno-così")
    assert out == "Nessun contatto corrisponde a 'nessuno-così'.\n"
    code, out, err = run_db(capsys, db_path, "--lang", "it", "search", "Milano")
    assert out == "#1  ·  ★ Giulia Rossi  ·  CTO presso Acme  ·  Milano  ·  ultimo contatto mai\n"
    code, out, err = run_db(capsys, db_path, "--lang", "it", "show", "Giulia")
    assert "  cerchia            lavoro\n" in out
    assert "  cadenza            ogni 30 giorni\n" in out
    code, out, err = run_db(capsys, db_path, "--lang", "it", "search", "Milano", "--json")
    assert json.loads(out)[0]["circle"] == "work"


def test_counted_output_in_italian(capsys, db_path, frozen):
    """Plural forms: one day / several days late, in Italian."""
    run_db(capsys, db_path, *ADD_GIULIA)
    contact_id = stored(db_path, lambda: contacts.resolve_contact("Giulia"))
    stored(db_path, lambda: followups.create_followup(contact_id, frozen.date().subtract(days=1), "Manda il deck"))
    stored(db_path, lambda: followups.create_followup(contact_id, frozen.date().subtract(days=2), "Chiama"))
    code, out, err = run_db(capsys, db_path, "--lang", "it", "followup", "list")
    assert code == 0
    assert "#2  Giulia Rossi · Chiama · 2 giorni di ritardo" in out
    assert "#1  Giulia Rossi · Manda il deck · 1 giorno di ritardo" in out
