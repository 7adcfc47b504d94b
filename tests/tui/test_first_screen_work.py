"""Work the first screen no longer does (issue 18): its CSS is parsed once and read back at the
next starts (netui.screens.stylesheet: parsing it was a tenth of the instructions to the first
screen), and the side panes convert and measure only the options they show."""

from __future__ import annotations

import re
from pathlib import Path

import pendulum
import pytest
import textual.css.stylesheet

from netui import contacts, events
from netui.app import NetuiApp
from netui.screens import stylesheet
from netui.widgets.event_planner import EventPlanner
from support import settle

SIZE = (120, 40)


@pytest.fixture
def cache_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "pycache" / "first-screen-css.pickle"
    monkeypatch.setattr(stylesheet, "CACHE_FILE", path)
    return path


def counting_parses(monkeypatch) -> list[str]:
    parsed = []
    real = textual.css.stylesheet.parse

    def parse(scope, css, read_from, *args, **kwargs):
        parsed.append(read_from[1])
        return real(scope, css, read_from, *args, **kwargs)

    monkeypatch.setattr(textual.css.stylesheet, "parse", parse)
    return parsed


def rules_of(app) -> list[tuple]:
    return [(str(rule.selector_set), sorted(rule.styles.get_rules()), rule.is_default_rules)
            for rule in app.stylesheet.rules]


async def first_screen(database) -> tuple[NetuiApp, list[tuple], str]:
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        return app, rules_of(app), str(app.screen.query_one("#contacts-title").render())


async def test_a_later_start_reads_the_first_screens_rules_instead_of_parsing_them(database, cache_file, monkeypatch):
    contacts.create_contact("Giulia Rossi", company="Lumen")
    parsed = counting_parses(monkeypatch)
    _app, first_rules, first_title = await first_screen(database)
    assert parsed and cache_file.exists()  # the first start parsed, and kept what it parsed
    parsed.clear()
    _app, later_rules, later_title = await first_screen(database)
    assert parsed == []  # nothing of the first screen's CSS parsed again
    assert later_rules == first_rules and later_title == first_title == "1 person"


def test_other_theme_variables_or_a_damaged_file_are_parsed_again(cache_file):
    sheet = stylesheet.CachedStylesheet(variables={"primary": "#004578"})
    sheet.add_source("Label { color: $primary; }", read_from=("test", "CSS"))
    assert sheet.rules and not sheet._parsed_before
    sheet.save()
    assert stylesheet.CachedStylesheet(variables={"primary": "#004578"})._parsed_before  # read back
    assert not stylesheet.CachedStylesheet(variables={"primary": "#ffa62b"})._parsed_before  # another theme
    cache_file.write_bytes(b"not a pickle")
    damaged = stylesheet.CachedStylesheet(variables={"primary": "#004578"})
    damaged.add_source("Label { color: $primary; }", read_from=("test", "CSS"))
    assert damaged.rules and not damaged._parsed_before  # parsed, as Textual does


def test_the_app_works_out_the_themes_css_variables_once(monkeypatch):
    """Textual's App works them out for its own stylesheet; the cached one takes the same
    (working them out again cost ~3 M instructions at each start)."""
    calls = []
    work_out = NetuiApp.get_css_variables
    monkeypatch.setattr(NetuiApp, "get_css_variables", lambda app: calls.append(app) or work_out(app))
    app = NetuiApp(None)
    assert len(calls) == 1
    assert isinstance(app.stylesheet, stylesheet.CachedStylesheet)
    assert app.stylesheet._variables == work_out(app)


async def test_the_event_planner_converts_only_the_options_it_shows(database):
    """An OptionList converted every option from Rich text and measured it, to learn its height:
    the planner's and the timeline's hundred and sixty at the first paint, for the forty in view
    (netui.widgets.lists). Their heights are the same as Textual's measure."""
    start = pendulum.now().subtract(days=200)
    for day in range(60):
        events.create_event(f"Round table {day}", starts_at=start.add(days=day), city="Roma")
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        planner = app.screen.query_one(EventPlanner)
        shown = [option for option in planner.options if option._visual is not None]
        assert 0 < len(shown) < planner.option_count // 2
        width = planner.scrollable_content_region.width
        measured = [planner._get_visual(option).get_height(planner.styles, width) for option in planner.options]
        assert [planner._line_cache.heights[index] for index in range(planner.option_count)] == measured
        assert measured.count(2) == 50  # each event shown: its title, and its day, place and people


def test_the_first_screen_reads_as_much_at_any_size_of_network(database, frozen):
    """What the first paint reads (netui.screens.main.first_view) does not grow with the
    network: the title's number of people and each event's people to meet and met are kept
    (schema 11), not counted -- `count(*)` over the contacts and each event's attendees joined
    to their contacts were ~90 M instructions at 100,000 people, ten times that at a million."""
    from netui import demo
    from netui.screens.main import first_view
    from netui.store.models import Contact, Event, EventAttendee
    from support import sqlite_steps, statements

    demo.generate_network(people=60)
    small = sqlite_steps(first_view)
    now = "2026-11-01 09:00:00"
    past, coming = (Event.select(Event.id).where(Event.starts_at.is_null(False)).order_by(order).scalar()
                    for order in (Event.starts_at, Event.starts_at.desc()))
    with database.atomic():  # 3,000 more people, each met at a past event and to meet at the next one
        first = Contact.select(Contact.id).order_by(Contact.id.desc()).scalar() + 1
        for start in range(0, 3000, 500):
            Contact.insert_many([dict(id=first + n, first_name="Zeno", last_name=f"Zz{n:05}", sort_name=f"zz{n:05} zeno",
                                      created_at=now, updated_at=now) for n in range(start, start + 500)]).execute()
        for event, status in ((past, "met"), (coming, "to meet")):
            EventAttendee.insert_many([dict(event=event, contact=first + n, status=status)
                                       for n in range(3000)]).execute()
    with statements() as seen:
        large = sqlite_steps(first_view)
    assert first_view()[0][1] == "3060 people"
    assert large < small * 1.3, (small, large)
    counting_people = re.compile(r'count\([^)]*\) from (\(select 1 from )?"contact"', re.IGNORECASE)
    assert seen and not [s for s in seen if counting_people.search(s)]
