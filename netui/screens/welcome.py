"""The first-run welcome: the network is empty; offer a demo network or a first contact."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown

from netui.i18n import N_, _
from netui.screens.translated import TranslatedBindings
from netui.widgets.footer import KeysFooter

# The welcome's Markdown, one message per paragraph (translated when shown).
WELCOME = (
    N_("# Welcome to netui"),
    N_("""Your network is empty. netui keeps the people you know, what happened between you,
the events where you meet new people and the follow-ups that keep relationships alive,
in one file on this computer."""),
    N_("""- **d** opens a throwaway *demo network* (about 200 made-up people, gone when you quit) to look around;
- **n** adds your first contact;
- **Esc** starts with an empty network."""),
    N_("Press **?** on any screen for its keys, **ctrl+p** for every command."),
)


# On a team's server the network is not in a file on this computer (netui.store.db.is_server).
EMPTY_TEAM_NETWORK = N_("""The team's network is empty. netui keeps the people you all know, what happened
between you, the events where you meet new people and the follow-ups that keep relationships
alive, in the team's database on `{server}`, which every member sees as it changes.""")


def welcome_text(server: str | None = None) -> str:
    """The welcome; `server`: the team database's address (without its password), when the
    network is on a server rather than in a file."""
    paragraphs = [_(paragraph) for paragraph in WELCOME]
    if server is not None:
        paragraphs[1] = _(EMPTY_TEAM_NETWORK, server=server)
    return "\n\n".join(paragraphs)


class WelcomeScreen(TranslatedBindings, ModalScreen[str]):
    """Dismisses with "demo", "new" or "empty". `server`: see welcome_text."""

    BINDINGS = [
        Binding("d", "choose('demo')", N_("Demo network")),
        Binding("n", "choose('new')", N_("First contact")),
        Binding("escape", "choose('empty')", N_("Start empty")),
        Binding("question_mark,f1", "app.help", N_("Help")),
        Binding("q", "app.quit", N_("Quit")),
    ]
    DEFAULT_CSS = """
    WelcomeScreen { align: center middle; }
    WelcomeScreen > Vertical { width: 76; max-width: 100%; height: auto; border: thick $primary;
        background: $surface; padding: 0 1; }
    WelcomeScreen Horizontal { height: auto; align-horizontal: right; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Markdown(welcome_text(self._server))
            with Horizontal():
                yield Button(_("Start empty (Esc)"), id="empty")
                yield Button(_("Add a contact (n)"), id="new")
                yield Button(_("Load demo (d)"), variant="primary", id="demo")
        yield KeysFooter()  # this screen's keys, over the main screen's (its d is not the trash)

    def __init__(self, server: str | None = None) -> None:
        super().__init__()
        self._server = server

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)
