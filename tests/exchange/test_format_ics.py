"""iCalendar export (netui.exchange.formats.ics), read back with the icalendar library; and a smoke
test that icalendar reads the real-world .ics files of the shared corpus (see its README)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pendulum
import icalendar
import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from netui.events import AttendeeInfo, EventDetail
from netui.followups import FollowUpInfo
from netui.exchange.formats import ics

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "ics"
CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.ics")) if CORPUS.is_dir() else []
NOW = pendulum.datetime(2026, 11, 29, 10, 0, tz="Europe/Rome")
ROME, TOKYO = ZoneInfo("Europe/Rome"), ZoneInfo("Asia/Tokyo")


def event(event_id, title, starts_at, ends_at, timezone, **fields) -> EventDetail:
    values = dict(kind="trade fair", status="planned", venue="", city="", to_meet=0, met=0)
    values.update(fields)
    return EventDetail(id=event_id, title=title, starts_at=starts_at, ends_at=ends_at, timezone=timezone, **values)


EVENTS = [
    event(
        1, "Pitti Uomo 2027",
        pendulum.datetime(2027, 1, 12, 8, 0, tz="UTC"), pendulum.datetime(2027, 1, 12, 17, 0, tz="UTC"),
        "Europe/Rome", venue="Fortezza da Basso", city="Firenze", goal="Meet 3 buyers",
        link="https://pittimmagine.example",
        attendees=[
            AttendeeInfo(1, "Giulia Rossi", "Lumen", "to meet", ""),
            AttendeeInfo(2, "Marco Bianchi", "", "met", ""),
        ],
    ),
    event(2, "Tokyo Game Show", pendulum.datetime(2027, 9, 23, 1, 0, tz="UTC"), None, "Asia/Tokyo", status="idea"),
    event(3, "Someday conference", None, None, "Europe/Rome", status="idea"),
]
FOLLOWUPS = [
    FollowUpInfo(7, 1, "Giulia Rossi", dt.date(2026, 12, 1), dt.date(2026, 12, 3), "email",
                 "send the deck", None, 1, None),
    FollowUpInfo(8, 2, "Marco Bianchi", dt.date(2026, 12, 10), None, "", "", None, None, None),
    FollowUpInfo(9, 1, "Giulia Rossi", dt.date(2026, 11, 1), None, "", "call", None, None,
                 pendulum.datetime(2026, 11, 2, tz="UTC")),  # done: not exported
]
DATES = [
    ("Giulia Rossi", "birthday", 1990, 4, 15),
    ("Marco Bianchi", "birthday", None, 6, 2),
    ("Sara Gallo", "birthday", 1992, 2, 29),
    ("Luca Neri", "birthday", None, 2, 29),
    ("Anna Verdi", "name day", None, 7, 26),
]


@pytest.fixture(scope="module")
def calendar() -> Calendar:
    return Calendar.from_ical(ics.write(EVENTS, FOLLOWUPS, DATES, NOW))


def by_summary(calendar: Calendar) -> dict:
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_the_right_events(calendar):
    assert sorted(by_summary(calendar)) == sorted([
        "Pitti Uomo 2027",
        "Tokyo Game Show",  # "Someday conference" has no date: left out
        "Follow up: Giulia Rossi — send the deck",
        "Follow up: Marco Bianchi",  # the done follow-up is left out
        "Birthday: Giulia Rossi",
        "Birthday: Marco Bianchi",
        "Birthday: Sara Gallo",
        "Birthday: Luca Neri",
        "Name day: Anna Verdi",
    ])
    assert len(calendar.walk("VEVENT")) == 9
    assert calendar.walk("VTODO") == []
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert len(set(uids)) == len(uids)


def test_events_keep_their_time_zone(calendar):
    events = by_summary(calendar)
    pitti, tokyo = events["Pitti Uomo 2027"], events["Tokyo Game Show"]
    assert pitti["DTSTART"].params["TZID"] == "Europe/Rome"
    assert pitti["DTSTART"].dt == dt.datetime(2027, 1, 12, 9, 0, tzinfo=ROME)
    assert pitti["DTEND"].dt == dt.datetime(2027, 1, 12, 18, 0, tzinfo=ROME)
    assert pitti["DTSTART"].dt.astimezone(dt.timezone.utc) == dt.datetime(2027, 1, 12, 8, 0, tzinfo=dt.timezone.utc)
    assert str(pitti["UID"]) == "event-1@netui"
    assert str(pitti["LOCATION"]) == "Fortezza da Basso, Firenze"
    description = str(pitti["DESCRIPTION"])
    assert "Goal: Meet 3 buyers" in description and "To meet: Giulia Rossi" in description
    assert "Met: Marco Bianchi" in description
    assert str(pitti["URL"]) == "https://pittimmagine.example"
    assert str(pitti["STATUS"]) == "CONFIRMED"
    assert tokyo["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert tokyo["DTSTART"].dt == dt.datetime(2027, 9, 23, 10, 0, tzinfo=TOKYO)
    assert "DTEND" not in tokyo
    assert str(tokyo["STATUS"]) == "TENTATIVE"


def test_vtimezones_are_included(calendar):
    assert {tz.tz_name for tz in calendar.timezones} == {"Europe/Rome", "Asia/Tokyo"}
    assert calendar.get_missing_tzids() == set()


def test_open_followups_are_all_day_events(calendar):
    events = by_summary(calendar)
    snoozed = events["Follow up: Giulia Rossi — send the deck"]
    assert snoozed["DTSTART"].dt == dt.date(2026, 12, 3)  # the snoozed day, not the first one
    assert not isinstance(snoozed["DTSTART"].dt, dt.datetime)
    assert snoozed["DTEND"].dt == dt.date(2026, 12, 4)
    assert str(snoozed["UID"]) == "followup-7@netui"
    assert "2026-12-01" in str(snoozed["DESCRIPTION"])
    assert events["Follow up: Marco Bianchi"]["DTSTART"].dt == dt.date(2026, 12, 10)


def occurrences(vevent, years: int = 4) -> list[dt.date]:
    start = vevent["DTSTART"].dt
    rule = rrulestr(vevent["RRULE"].to_ical().decode(), dtstart=dt.datetime(start.year, start.month, start.day))
    first = dt.datetime(2026, 1, 1)
    return [d.date() for d in rule.between(first, first.replace(year=2026 + years), inc=True)]


def test_birthdays_repeat_every_year(calendar):
    events = by_summary(calendar)
    giulia = events["Birthday: Giulia Rossi"]
    assert giulia["DTSTART"].dt == dt.date(1990, 4, 15)
    assert giulia["RRULE"]["FREQ"] == ["YEARLY"]
    assert "born in 1990" in str(giulia["DESCRIPTION"]) and "turns 37" in str(giulia["DESCRIPTION"])
    assert occurrences(giulia) == [dt.date(y, 4, 15) for y in range(2026, 2030)]
    marco = events["Birthday: Marco Bianchi"]  # no year: starts in the year of `now`
    assert marco["DTSTART"].dt == dt.date(2026, 6, 2)
    assert marco["RRULE"]["FREQ"] == ["YEARLY"]
    assert "year unknown" in str(marco["DESCRIPTION"])
    name_day = events["Name day: Anna Verdi"]
    assert name_day["RRULE"]["FREQ"] == ["YEARLY"] and name_day["DTSTART"].dt == dt.date(2026, 7, 26)


def test_29_february_falls_on_28_february_in_other_years(calendar):
    events = by_summary(calendar)
    sara, luca = events["Birthday: Sara Gallo"], events["Birthday: Luca Neri"]
    assert sara["DTSTART"].dt == dt.date(1992, 2, 29)
    assert luca["DTSTART"].dt == dt.date(2024, 2, 29)  # the last leap year up to now
    for vevent in (sara, luca):
        rule = vevent["RRULE"]
        assert (rule["FREQ"], rule["BYMONTH"], rule["BYMONTHDAY"]) == (["YEARLY"], [2], [-1])
        assert occurrences(vevent) == [
            dt.date(2026, 2, 28), dt.date(2027, 2, 28), dt.date(2028, 2, 29), dt.date(2029, 2, 28)
        ]
    assert "turns 35 on 2027-02-28" in str(sara["DESCRIPTION"])


def test_export_is_deterministic():
    assert ics.write(EVENTS, FOLLOWUPS, DATES, NOW) == ics.write(EVENTS, FOLLOWUPS, DATES, NOW)


def test_recurring_appointments_hook():
    appointments = [
        ("tennis-1@netui", "Tennis with Luca", pendulum.datetime(2026, 12, 7, 19, 0, tz="Europe/Rome"),
         {"FREQ": "WEEKLY", "BYDAY": ["MO"]}),
        ("standup-2@netui", "Monthly lunch", dt.date(2026, 12, 15), {"FREQ": "MONTHLY", "BYMONTHDAY": [15]}),
        ("once-3@netui", "One-off call", dt.datetime(2026, 12, 9, 8, 30, tzinfo=TOKYO), None),
    ]
    calendar = Calendar.from_ical(ics.write([], [], [], NOW, appointments=appointments))
    events = by_summary(calendar)
    tennis = events["Tennis with Luca"]
    assert str(tennis["UID"]) == "tennis-1@netui"
    assert tennis["DTSTART"].params["TZID"] == "Europe/Rome"
    assert tennis["DTSTART"].dt == dt.datetime(2026, 12, 7, 19, 0, tzinfo=ROME)
    assert tennis["RRULE"]["FREQ"] == ["WEEKLY"] and tennis["RRULE"]["BYDAY"] == ["MO"]
    lunch = events["Monthly lunch"]
    assert lunch["DTSTART"].dt == dt.date(2026, 12, 15) and lunch["RRULE"]["BYMONTHDAY"] == [15]
    assert "RRULE" not in events["One-off call"]
    assert {tz.tz_name for tz in calendar.timezones} == {"Europe/Rome", "Asia/Tokyo"}


def test_an_empty_export_is_still_a_calendar():
    calendar = Calendar.from_ical(ics.write([], [], [], NOW))
    assert calendar.name == "VCALENDAR"
    assert calendar.walk("VEVENT") == []
    assert str(calendar["VERSION"]) == "2.0"


# --- the corpus: icalendar reads what other programs write ---------------------------------


def test_the_corpus_is_there():
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not here ({CORPUS})")
    assert len(CORPUS_FILES) >= 10


def parse(name: str) -> Calendar:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"the shared corpus is not here ({path})")
    try:
        return Calendar.from_ical(path.read_bytes())
    except Exception as error:  # a file icalendar itself rejects: say so, do not fail
        pytest.skip(f"icalendar {icalendar.__version__} rejects {name}: {error}")


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_icalendar_reads_every_corpus_file(name):
    calendar = parse(name)
    for component in calendar.walk():
        for start in ("DTSTART", "DUE"):
            if start in component and component.name in ("VEVENT", "VTODO"):
                assert isinstance(component[start].dt, dt.date)


def test_corpus_outlook_windows_time_zone():
    calendar = parse("mangstadt_biweekly_outlook-2010.ics")
    (meeting,) = calendar.walk("VEVENT")
    assert str(meeting["SUMMARY"]) == "Team Meeting"
    start = meeting["DTSTART"].dt
    assert (start.year, start.month, start.day, start.hour) == (2013, 6, 10, 12)
    assert start.utcoffset() == dt.timedelta(hours=-4)  # "Eastern Standard Time", in June


def test_corpus_new_york_and_missing_time_zones():
    (event,) = parse("collective_icalendar_america_new_york.ics").walk("VEVENT")
    assert event["DTSTART"].dt.replace(tzinfo=None) == dt.datetime(2014, 8, 29, 8, 0)
    missing = parse("collective_icalendar_issue_722_missing_timezones.ics")
    first = missing.walk("VEVENT")[0]
    assert first["DTSTART"].dt == dt.datetime(2014, 8, 29, 8, 0, tzinfo=ZoneInfo("America/New_York"))


def test_corpus_recurrence_with_exdates():
    (event,) = parse("collective_icalendar_event_with_recurrence_exdates_on_different_lines.ics").walk("VEVENT")
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["BYDAY"] == ["TU"]
    excluded = [d.dt for exdate in event["EXDATE"] for d in exdate.dts]
    assert len(excluded) == 5
    assert dt.datetime(2012, 4, 3, 10, 0, tzinfo=ZoneInfo("Europe/Vienna")) in excluded


def test_corpus_todo_and_bom():
    (todo,) = parse("collective_icalendar_example.ics").walk("VTODO")
    assert todo["DUE"].dt == dt.date(2007, 5, 1)
    assert parse("collective_icalendar_bom_calendar.ics").walk("VEVENT") == []


def test_corpus_odd_tzids():
    (comma,) = parse("py-vobject_vobject_ms_tzid.ics").walk("VEVENT")
    assert comma["DTSTART"].dt.utcoffset() == dt.timedelta(hours=10)  # Sydney, 30 May 2008
    (brasilia,) = parse("collective_icalendar_issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics").walk("VEVENT")
    assert brasilia["DTSTART"].dt.utcoffset() == dt.timedelta(hours=-3)


def test_the_reminder_days_of_a_date_are_the_calendar_s_alarm():
    # netui reminds of a birthday some days before: a calendar that imports the file does too
    # (the reminder was lost there); the uid stays the date's, whatever the reminder.
    dates = [("Giulia Rossi", "birthday", 1990, 4, 15, 3), ("Marco Bianchi", "birthday", None, 6, 2, 0)]
    events = by_summary(Calendar.from_ical(ics.write([], [], dates, NOW)))
    [giulia_alarm] = events["Birthday: Giulia Rossi"].walk("VALARM")
    assert giulia_alarm["TRIGGER"].dt == -dt.timedelta(days=3) and str(giulia_alarm["ACTION"]) == "DISPLAY"
    [marco_alarm] = events["Birthday: Marco Bianchi"].walk("VALARM")
    assert marco_alarm["TRIGGER"].dt == dt.timedelta(0)  # on the day
    without = by_summary(Calendar.from_ical(ics.write([], [], [date[:5] for date in dates], NOW)))
    assert without["Birthday: Giulia Rossi"].walk("VALARM") == []
    assert str(without["Birthday: Giulia Rossi"]["UID"]) == str(events["Birthday: Giulia Rossi"]["UID"])
