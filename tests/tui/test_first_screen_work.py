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


def plan_round_tables(count: int, first_day) -> None:
    for day in range(count):
        events.create_event(f"Round table {day}", starts_at=first_day.add(days=day), city="Roma")


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
    plan_round_tables(60, pendulum.now().subtract(days=200))
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


async def test_the_first_screen_is_drawn_by_few_widgets_and_says_where_it_is(database):
    """Each widget on the first screen is mounted, styled and drawn line by line: Textual's Header
    is four widgets, a Horizontal around the panes drew its forty blank lines under theirs and each
    side pane was a box, a title and a list (a tenth of the first paint in all). The top line is one
    widget; the side panes' titles are on their borders."""
    from netui.widgets.title_bar import TitleBar

    contacts.create_contact("Giulia Rossi", company="Lumen")
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        widgets = [type(widget).__name__ for widget in screen.walk_children()]
        assert len(widgets) <= 9, widgets
        top = screen.query_one(TitleBar).render().plain
        assert top.startswith(" ⭘") and f"netui — {database.database}" in top
        before, after = top.index("netui"), len(top) - len(top.rstrip())
        assert len(top) == SIZE[0] and abs(before - after) <= 1  # centred on the line
        assert screen.query_one("#timeline").border_title == "Timeline · Giulia Rossi"
        assert screen.query_one("#events").border_title == "Events"
        app.sub_title = "elsewhere.db"
        await pilot.pause()
        assert "netui — elsewhere.db" in screen.query_one(TitleBar).render().plain
        await pilot.click(TitleBar, offset=(1, 0))  # the mark opens the command palette, as Header's did
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"


async def test_the_first_screen_styles_its_lines_without_reading_a_style_from_a_string(database):
    """A text whose own style is a string ("bold") is read by Textual's stylesheet, and the first
    such read tokenises every theme variable (~2 ms of the first paint): the panes' headings and
    lines, and the top line, are styled with Style objects."""
    from netui.widgets.title_bar import TitleBar

    contacts.create_contact("Giulia Rossi", company="Lumen")
    events.create_event("Alumni dinner", starts_at=pendulum.now().add(days=30), city="Milano")
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        prompts = [option.prompt for pane in ("#events", "#timeline") for option in screen.query_one(pane).options]
        assert len(prompts) >= 3  # a heading and an event; the timeline's "nothing logged yet"
        assert [prompt.plain for prompt in prompts if prompt.style and isinstance(prompt.style, str) or any(
            isinstance(span.style, str) for span in prompt.spans)] == []
        assert all(not isinstance(span.style, str) for span in screen.query_one(TitleBar).render().spans)


async def test_a_side_pane_checks_its_lines_once_a_paint_not_once_a_line(database, monkeypatch):
    """OptionList checked its lines at each line it drew, and worked out its content region at
    each line and more (109 times for the planner's first paint; with the timeline's, 6% of it)."""
    from textual.widget import Widget

    plan_round_tables(30, pendulum.now().add(days=1))
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        planner = app.screen.query_one(EventPlanner)
        planner._option_render_cache.clear()
        planner._styles_cache.clear()  # draw every line again, as at the first paint
        asked = []
        region = Widget.scrollable_content_region.fget
        monkeypatch.setattr(Widget, "scrollable_content_region",
                            property(lambda widget: asked.append(widget) or region(widget)))
        lines = planner.render_lines(planner.size.region)
        drawn = [line.text for line in lines]
        assert "Round table 0" in "".join(drawn) and len(lines) > 30
        options_drawn = len({index for index, _line in planner._lines[:len(lines)]})
        assert options_drawn > 15 and asked.count(planner) <= 6, asked.count(planner)  # a few, not one a line


async def test_typing_a_search_draws_again_only_the_scroll_bars_that_changed(database):
    """Each key typed into the search box lays the screen out again (Textual's Input), and each
    layout updated and drew again every list's scroll bar, the planner's too, though a search
    changes nothing there (sixty lines through Rich, two or three times a key). A bar whose list
    changed length is still drawn again, with its new thumb. Nor is the timeline drawn again
    when the next key keeps the same person first."""
    from netui.widgets.contact_list import ContactList

    plan_round_tables(40, pendulum.now().add(days=1))
    for n in range(80):
        contacts.create_contact(f"Person{n:02} Rossi" if n % 4 else f"Giulia{n:02} Verdi")
    app = NetuiApp(Path(database.database), welcome=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        planner_bar = screen.query_one(EventPlanner).vertical_scrollbar
        list_bar = screen.query_one(ContactList).vertical_scrollbar
        assert planner_bar.display and list_bar.display and list_bar.window_virtual_size == 80
        drawn = {planner_bar: 0, list_bar: 0}
        for bar in drawn:
            real = bar.render_line

            def counting(y, bar=bar, real=real):  # a line drawn, not served from the bar's cache
                drawn[bar] += 1
                return real(y)

            bar.render_line = counting
        await pilot.press("slash", *"giuli")
        await settle(pilot)
        assert screen.query_one("#contacts-title").render().plain == "20 found"
        assert drawn[planner_bar] == 0
        assert drawn[list_bar] >= 1 and list_bar.window_virtual_size == 20
        # The next key keeps the same person first: their timeline is not drawn again.
        timeline = screen.query_one("#timeline")
        assert timeline.border_title == "Timeline · Giulia00 Verdi"
        timeline_lines = []
        real_line = timeline.render_line
        timeline.render_line = lambda y: timeline_lines.append(y) or real_line(y)
        await pilot.press("a")
        await settle(pilot)
        assert timeline.border_title == "Timeline · Giulia00 Verdi" and timeline_lines == []


def test_the_kept_rules_are_only_those_the_last_start_read(cache_file):
    """A start of another kind (the welcome, shown over every user's first, empty network) left
    its rules in the file, and every later start read them back too."""
    first = stylesheet.CachedStylesheet(variables={"primary": "#004578"})
    first.add_source("Label { color: $primary; }", read_from=("main", "CSS"))
    first.add_source("Button { color: $primary; }", read_from=("welcome", "CSS"))
    first.parse()
    first.save()
    later = stylesheet.CachedStylesheet(variables={"primary": "#004578"})
    later.add_source("Label { color: $primary; }", read_from=("main", "CSS"))
    later.parse()
    assert len(later._parsed_before) == 2  # the welcome's rules read back...
    later.save()
    again = stylesheet.CachedStylesheet(variables={"primary": "#004578"})
    assert [key[1] for key in again._parsed_before] == [("main", "CSS")]  # ...and not kept
