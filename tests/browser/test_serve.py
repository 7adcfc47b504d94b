"""`netui serve` in a real headless browser: Debian's chromium driven by Playwright.

The terminal in the page is drawn on a canvas, so what the app shows is read where the browser
gets it: the websocket's frames (the terminal's output), with the escape sequences taken out.
What the user did is checked in the database afterwards, through the domain functions.

Without chromium or Playwright the browser test is skipped -- unless $NETUI_REQUIRE_BROWSER is
set (.ci/run sets it): then it fails, so that CI cannot pass without running it.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from netui import capture, contacts, events, followups, when
from netui.store import db

CHROMIUM = Path("/usr/bin/chromium")
REQUIRE_VARIABLE = "NETUI_REQUIRE_BROWSER"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ESCAPES = re.compile(r"\x1b(\[[0-9;?$<>=]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-Za-z]|[=>])")


def unavailable(reason: str):
    if os.environ.get(REQUIRE_VARIABLE):
        pytest.fail(f"a browser is required (${REQUIRE_VARIABLE}) but {reason}", pytrace=False)
    pytest.skip(f"no browser: {reason}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def network(tmp_path):
    """A database with two people, and an event today where someone new is met."""
    path = tmp_path / "netui.db"
    db.open_database(path)
    giulia = contacts.create_contact("Giulia Rossi", company="Lumen Digital", notes="Met at SMAU.")
    contacts.create_contact("Marco Bianchi", company="Acme")
    followups.create_followup(giulia, when.today(), "Send the fintech deck")
    festival = capture.event_for_today("Web Marketing Festival")
    yield path, festival
    db.close_database()


@pytest.fixture
def served(network):
    """`netui serve` on a free port, and the URL it printed."""
    path, _festival = network
    # In the tests' own zone (conftest's Europe/Rome), where `network` made today's follow-up and
    # event: the machine's date is not Rome's in the hour around midnight.
    server = subprocess.Popen([sys.executable, "-m", "netui", "serve", "--db", str(path), "--port", str(free_port())],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
                              env={**os.environ, "TZ": "Europe/Rome"})
    try:
        url = None
        for line in server.stdout:
            found = re.search(r"https?://\S+", line)
            if found:
                url = found.group()
                break
        assert url, "netui serve printed no URL"
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        finally:  # the server and the tabs' netui processes it started
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait()


class Terminal:
    """The page's terminal, as the app writes it through the websocket."""

    def __init__(self, page, failure_screenshot: Path):
        self.page = page
        self.failure_screenshot = failure_screenshot
        self.output: list[str] = []
        self.size: tuple[int, int] | None = None
        page.on("websocket", self._watch)

    def _watch(self, websocket) -> None:
        websocket.on("framereceived", self._received)
        websocket.on("framesent", self._sent)

    def _received(self, frame) -> None:
        self.output.append(frame.decode("utf-8", "replace") if isinstance(frame, bytes) else frame)

    def _sent(self, frame) -> None:
        found = re.search(r'"resize",\s*\{"width":\s*(\d+),\s*"height":\s*(\d+)', str(frame))
        if found:
            self.size = int(found[1]), int(found[2])

    def text(self) -> str:
        return ESCAPES.sub("", "".join(self.output))

    def act(self, *keys: str, typed: str = "") -> None:
        """Forget what was shown so far, then press `keys` and type `typed`."""
        self.output.clear()
        for key in keys:
            self.page.keyboard.press(key)
            # A lone Esc is known only once no key follows it soon (it starts alt+key and the
            # escape sequences): a terminal's user pauses there too.
            self.page.wait_for_timeout(400 if key == "Escape" else 100)
        if typed:
            if keys:  # the keys may move the focus: letters sent before it moves go elsewhere
                self.page.wait_for_timeout(500)
            self.page.keyboard.type(typed, delay=20)

    def shows(self, *texts: str, timeout: float = 20) -> None:
        """Wait until the app has written each of `texts` since the last action."""
        deadline = time.monotonic() + timeout
        while not all(text in self.text() for text in texts):
            if time.monotonic() >= deadline:
                self.page.screenshot(path=str(self.failure_screenshot))
            assert time.monotonic() < deadline, f"not shown: {texts!r}; shown: {self.text()[-2000:]!r}"
            self.page.wait_for_timeout(100)

    def click_cell(self, column: int, row: int) -> None:
        """Click the character cell at `column`, `row` (from 0) of the terminal."""
        self.output.clear()
        box = self.page.locator(".xterm-screen").bounding_box()
        columns, rows = self.size
        self.page.mouse.click(box["x"] + (column + 0.5) * box["width"] / columns,
                              box["y"] + (row + 0.5) * box["height"] / rows)


@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed (the test extra)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_a_user_searches_opens_and_captures_in_the_browser(browser, served, network, tmp_path):
    path, festival = network
    page = browser.new_page(viewport={"width": 1400, "height": 800})
    # The page asks for a web font: nothing outside this machine is fetched.
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    terminal = Terminal(page, tmp_path / "failed.png")  # what the page showed when a wait ran out
    page.goto(served)
    terminal.shows("Giulia Rossi", "Marco Bianchi", "Web Marketing Festival")
    page.locator(".xterm-helper-textarea").focus()

    # The search narrows the list as in a terminal; Enter opens the contact.
    terminal.act("/", typed="Lumen")
    terminal.shows("1 found", "Giulia Rossi")
    terminal.act("Enter")  # from the search box to the list
    terminal.shows("Open")
    terminal.act("Enter")
    terminal.shows("Met at SMAU.")
    # No terminal for $EDITOR here: the app says so instead of waiting.
    terminal.act("Control+e")
    terminal.shows("not available in the browser")
    terminal.act("F1")
    terminal.shows("Esc closes this help")
    terminal.act("Escape", "Escape", "Escape")
    terminal.shows("2 people")

    # The command palette (ctrl+p) and the Today screen.
    terminal.act("Control+p", typed="today")
    terminal.shows("today: open")
    terminal.act("Escape")
    terminal.act("t")
    terminal.shows("Send the fintech deck")
    terminal.act("Escape")
    terminal.shows("2 people")

    # Capture someone at today's event, the one the capture screen offers.
    terminal.act("c")
    terminal.shows("Web Marketing Festival")
    terminal.act(typed='Ingrid Odegaard @Fjord Capital "Partner" #investor ingrid@fjord.no')
    terminal.shows("Ingrid Odegaard")
    terminal.act("Enter")
    terminal.shows("Added Ingrid Odegaard")
    terminal.act("Escape")
    terminal.shows("3 people")

    # The mouse: a click on the second contact of the list (by name; the first is highlighted).
    terminal.click_cell(6, 6)
    terminal.act("Enter")
    terminal.shows("Fjord Capital")
    terminal.act("Escape")
    # A narrower window: the app lays itself out again for the new size.
    before = terminal.size
    terminal.output.clear()
    page.set_viewport_size({"width": 900, "height": 700})
    terminal.shows("3 people")
    assert terminal.size[0] < before[0]
    page.set_viewport_size({"width": 1400, "height": 800})
    terminal.shows("3 people")
    page.close()

    # What the browser did is in the database, as the terminal would have left it.
    ingrid = contacts.get_contact(contacts.resolve_contact("Ingrid Odegaard"))
    assert (ingrid.company, ingrid.role, ingrid.tags) == ("Fjord Capital", "Partner", ["investor"])
    assert "Ingrid Odegaard" in [a.name for a in events.get_event(festival).attendees]
    assert sorted(c.name for c in contacts.list_contacts()) == ["Giulia Rossi", "Ingrid Odegaard", "Marco Bianchi"]
    assert contacts.get_contact(contacts.resolve_contact("Giulia Rossi")).notes == "Met at SMAU."


def test_two_tabs_see_each_others_changes(browser, served, tmp_path):
    """Each tab is a netui process of its own on the same file, as two terminals are."""
    tabs = []
    for name in ("first", "second"):
        page = browser.new_page(viewport={"width": 1400, "height": 800})
        page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
        terminal = Terminal(page, tmp_path / f"{name}-failed.png")
        page.goto(served)
        terminal.shows("2 people")
        tabs.append(terminal)
    first, second = tabs
    first.page.locator(".xterm-helper-textarea").focus()
    first.act("c", typed="Ingrid Odegaard @Fjord Capital")
    first.shows("Ingrid Odegaard")
    second.output.clear()
    first.act("Enter")
    first.shows("Added Ingrid Odegaard")
    second.shows("3 people", "Ingrid Odegaard")  # without a key pressed there


def test_without_the_token_the_server_answers_403_and_no_app(served):
    page_without = served.split("?")[0]
    for address in (page_without, page_without + "?token=wrong", page_without + "static/js/textual.js",
                    page_without + "ws"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(address, timeout=10)
        assert refused.value.code == 403
        assert b"textual" not in refused.value.read()
    with urllib.request.urlopen(served, timeout=10) as answer:
        assert answer.status == 200 and b"textual.js" in answer.read()
