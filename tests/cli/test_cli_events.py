"""`netui event add | list | show | attend | status` and `netui followup add | list --all`, run
as a real program (and, where the point is a typed date, through cli.main with the clock
stopped): bad input says one sentence naming the flag or listing the choices, exits 2 and
changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from support import netui_program

from netui import cli, events
from netui.store import db


@pytest.fixture
def netui(tmp_path):
    run = netui_program(str(tmp_path / "events.db"), TZ="Europe/Rome")

    assert run("add", "Giulia Rossi", "--company", "Lumen").returncode == 0
    return run


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    return line


def test_add_list_show_attend_and_status(netui):
    added = ok(netui("event", "add", "Salone del Libro", "--when", "2030-05-14 10:00", "--until",
                     "2030-05-14 19:00", "--kind", "book-presentation", "--city", "Torino", "--venue", "Lingotto",
                     "--notes", "Bring cards"))
    assert added.strip() == "Added event #1: Salone del Libro, book presentation, 2030-05-14 10:00."
    assert ok(netui("event", "attend", "salone", "Giulia")).strip() == (
        "Giulia Rossi is on the list to meet at Salone del Libro.")
    listed = ok(netui("event", "list"))
    assert "#1  Salone del Libro" in listed and "1 to meet · 0 met" in listed
    shown = ok(netui("event", "show", "#1"))
    assert "Lingotto, Torino" in shown and "to meet  Giulia Rossi @Lumen" in shown and "Bring cards" in shown
    assert ok(netui("event", "status", "salone", "registered")).strip() == "Salone del Libro: registered."
    data = json.loads(ok(netui("event", "show", "salone", "--json")))
    assert data["status"] == "registered" and data["attendees"][0]["name"] == "Giulia Rossi"
    assert json.loads(ok(netui("event", "list", "--json")))[0]["title"] == "Salone del Libro"
    assert ok(netui("event", "list", "--past")).strip() == "No past events."


def test_met_and_past_events(netui):
    ok(netui("event", "add", "Alumni dinner", "--when", "2020-03-02 20:00", "--kind", "alumni",
             "--status", "attended"))
    assert ok(netui("event", "attend", "alumni", "Giulia", "--met")).strip() == "Met Giulia Rossi at Alumni dinner."
    assert "0 to meet · 1 met" in ok(netui("event", "list", "--past"))
    assert "met  Giulia Rossi @Lumen" in ok(netui("event", "show", "alumni"))


@pytest.mark.parametrize(("argv", "words"), [
    (("event", "add", "X", "--when", "31/02", "--kind", "meetup"), "--when: "),
    (("event", "add", "X", "--when", "tomorrow", "--until", "2026-02-31", "--kind", "meetup"), "--until: "),
    (("event", "add", "X", "--when", "tomorrow", "--kind", "party"), "use one of: convention, congress"),
    (("event", "add", "X", "--when", "tomorrow", "--kind", "meetup", "--status", "maybe"), "idea, planned"),
    (("event", "attend", "Nowhere", "Giulia"), "Events: #1 Kickoff"),
    (("event", "attend", "kickoff", "Nobody Known"), "No contact matches 'Nobody Known'"),
    (("event", "attend", "kickoff", "Giulia", "--met"), "Kickoff has not started yet: people are met there once"),
    (("event", "status", "kickoff", "done"), "use one of: idea, planned, registered, attended, skipped"),
    (("event", "status", "kickoff", "attended"), "cannot be marked attended"),
    (("event", "show", "Nowhere"), "No event matches 'Nowhere'"),
])
def test_bad_input_is_one_sentence_and_changes_nothing(netui, argv, words):
    ok(netui("event", "add", "Kickoff", "--when", "2030-01-10 09:00", "--kind", "meetup"))
    before = ok(netui("event", "show", "kickoff", "--json"))
    assert words in refused(netui(*argv))
    assert ok(netui("event", "show", "kickoff", "--json")) == before
    assert len(json.loads(ok(netui("event", "list", "--json")))) == 1


def test_log_says_which_flag_holds_a_day_that_does_not_exist(netui):
    assert refused(netui("--lang", "it", "log", "Giulia", "--when", "31/02", "--kind", "call")) == (
        "netui: --when: 31/02 non è una data: febbraio ha al massimo 29 giorni.")
    assert refused(netui("log", "Giulia", "--when", "someday", "--kind", "call")).startswith(
        "netui: --when: 'someday' is not a time netui understands")
    assert refused(netui("log", "Giulia", "--when", "someday", "--milestone", "new job")).startswith(
        "netui: --when: 'someday'")


def test_followup_add_and_list_all(netui):
    added = ok(netui("followup", "add", "Giulia", "--due", "2030-01-10", "--action", "send the deck",
                     "--channel", "email"))
    assert added.strip() == "Added follow-up #1 with Giulia Rossi, due 2030-01-10: send the deck."
    assert ok(netui("followup", "list")).strip() == "No follow-ups due."
    assert "#1  Giulia Rossi · send the deck (email) · 2030-01-10" in ok(netui("followup", "list", "--all"))
    assert refused(netui("followup", "add", "Giulia", "--due", "31/02", "--action", "x")).startswith(
        "netui: --due: '31/02' is not a date")
    italian = ok(netui("--lang", "it", "followup", "add", "Giulia", "--due", "2030-01-11", "--action", "chiamare",
                       "--channel", "telefono"))
    assert "2030-01-11" in italian and "(phone)" in ok(netui("followup", "list", "--all"))
    assert "use one of: email, phone" in refused(netui("followup", "add", "Giulia", "--due", "friday",
                                                       "--action", "x", "--channel", "fax"))
    assert "No contact matches" in refused(netui("followup", "add", "Nobody Known", "--due", "friday",
                                                 "--action", "x"))


# --- typed dates, with the clock stopped ---------------------------------------------------------


def run(capsys, path, *argv) -> tuple[int, str, str]:
    code = cli.main(["--db", str(path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def stored_start(path, title: str):
    handle = db.open_database(path)
    try:
        return events.get_event(events.resolve_event(title)).starts_at.in_timezone("Europe/Rome")
    finally:
        handle.close()


@pytest.mark.parametrize(("typed", "expected"), [
    ("in 5 days 09:00", lambda now: now.add(days=5).at(9, 0)),
    ("next week", lambda now: now.add(weeks=1)),
    ("tomorrow 18:00", lambda now: now.add(days=1).at(18, 0)),
])
def test_event_add_reads_typed_dates(capsys, tmp_path, frozen, typed, expected):
    code, out, err = run(capsys, tmp_path / "x.db", "event", "add", "Festival", "--when", typed, "--kind", "convention")
    assert code == 0, err
    assert stored_start(tmp_path / "x.db", "Festival") == expected(frozen.in_timezone("Europe/Rome"))


@pytest.mark.parametrize(("typed", "expected"), [
    ("domani alle 9", lambda now: now.add(days=1).at(9, 0)),
    ("tra 5 giorni alle 9", lambda now: now.add(days=5).at(9, 0)),
    ("la prossima settimana", lambda now: now.add(weeks=1)),
])
def test_event_add_reads_italian_dates(capsys, tmp_path, frozen, typed, expected):
    code, out, err = run(capsys, tmp_path / "x.db", "--lang", "it", "event", "add", "Convegno", "--when", typed,
                         "--kind", "congresso")
    assert code == 0, err
    assert stored_start(tmp_path / "x.db", "Convegno") == expected(frozen.in_timezone("Europe/Rome"))


def test_followup_due_next_week(capsys, tmp_path, frozen):
    path = tmp_path / "x.db"
    assert run(capsys, path, "add", "Giulia Rossi")[0] == 0
    code, out, err = run(capsys, path, "followup", "add", "Giulia", "--due", "next week", "--action", "call")
    assert code == 0, err
    assert frozen.in_timezone("Europe/Rome").add(weeks=1).date().isoformat() in out


def test_country_is_shown_exported_and_read_back(netui, tmp_path):
    ok(netui("event", "add", "Web Summit", "--when", "2030-11-04 09:00", "--kind", "convention", "--city", "Lisboa",
             "--country", "Portugal", "--venue", "Altice Arena"))
    assert "Altice Arena, Lisboa, Portugal" in ok(netui("event", "show", "web summit"))
    out = tmp_path / "events.csv"
    ok(netui("export", "csv", "--what", "events", "--out", str(out)))
    header, row = out.read_text(encoding="utf-8").splitlines()[:2]
    assert header.endswith(",met_first_here_ids,country") and row.endswith(",Portugal")
    # a file written before the country column still reads (its events without a country)
    older = tmp_path / "older" / "events.csv"
    older.parent.mkdir()
    older.write_text(header.removesuffix(",country") + "\r\n" + row.removesuffix(",Portugal") + "\r\n",
                     encoding="utf-8")
    other = tmp_path / "other.db"
    env = {**os.environ, "LANG": "C.UTF-8", "TZ": "Europe/Rome", "NETUI_DB": str(other)}
    imported = subprocess.run([sys.executable, "-m", "netui", "import", str(older)], capture_output=True, text=True,
                              env=env, timeout=120)
    assert imported.returncode == 0, imported.stderr
    shown = subprocess.run([sys.executable, "-m", "netui", "event", "show", "web summit", "--json"],
                           capture_output=True, text=True, env=env, timeout=120)
    data = json.loads(shown.stdout)
    assert (data["city"], data["country"]) == ("Lisboa", "")


def test_an_event_in_another_zone_shows_its_own_time_beside_the_local_one(netui):
    # Typed as 09:00 in Tokyo, shown in the user's zone (Rome) -- with the time there, as the
    # event screen says it: "01:00" alone read as a mistake.
    added = ok(netui("event", "add", "Tokyo Game Show", "--when", "2030-09-23 09:00", "--timezone", "Asia/Tokyo",
                     "--kind", "trade-fair"))
    assert added.strip() == "Added event #1: Tokyo Game Show, trade fair, 2030-09-23 02:00 (09:00 in Asia/Tokyo)."
    assert "2030-09-23 02:00 (09:00 in Asia/Tokyo)" in ok(netui("event", "show", "tokyo"))
    assert "2030-09-23 02:00 (09:00 in Asia/Tokyo)" in ok(netui("event", "list"))
    ok(netui("event", "add", "Salone", "--when", "2030-05-14 10:00", "--kind", "meetup"))
    assert "2030-05-14 10:00  ·" in ok(netui("event", "list"))  # in the local zone: nothing added
