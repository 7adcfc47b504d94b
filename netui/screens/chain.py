"""Contacts bring contacts (palette 'contact: who they brought in'): the chain up to the first
person, and the tree of everyone this person brought into your network."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, Static, Tree

from netui import chains
from netui.i18n import N_, _, ngettext
from netui.screens.translated import TranslatedBindings
from netui.widgets.footer import KeysFooter
from netui.widgets.title_bar import TitleBar


def person_label(person: chains.ChainPerson, downstream: int | None = None) -> Text:
    text = Text(person.name, style="strike dim" if person.trashed else "")
    if person.company:
        text.append(f"  {person.company}", style="dim")
    if downstream:
        text.append("  " + ngettext("+{n} through them", "+{n} through them", downstream), style="italic")
    return text


class ChainScreen(TranslatedBindings, Screen):
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
    ]

    def __init__(self, contact_id: int) -> None:
        super().__init__()
        self.contact_id = contact_id

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="chain"):
            yield Label("", id="chain-title", classes="pane-title")
            yield Static("", id="chain-up")
            yield Tree("", id="chain-tree")
        yield KeysFooter()

    def on_mount(self) -> None:
        up = chains.chain_up(self.contact_id)
        tree_data = chains.brought_in(self.contact_id)
        me = up[0]
        self.query_one("#chain-title", Label).update(_("Contacts {name} brought in", name=me.name))
        self.query_one("#chain-up", Static).update(
            Text(_("Came through: {chain}", chain=" ← ".join(p.name for p in up)), style="italic")
            if len(up) > 1 else Text(_("Nobody introduced {name}: they start a chain.", name=me.name), style="dim"))
        tree = self.query_one(Tree)
        tree.root.set_label(person_label(me, tree_data.downstream))
        tree.root.data = me.id

        def grow(node, branch: chains.BroughtIn) -> None:
            for child in branch.children:
                label = person_label(child.person, child.downstream)
                if child.children:
                    grow(node.add(label, data=child.person.id, expand=True), child)
                else:
                    node.add_leaf(label, data=child.person.id)

        grow(tree.root, tree_data)
        tree.root.expand()
        if not tree_data.children:
            nobody = Text("  " + _("has not brought anyone in yet"), style="dim")
            tree.root.set_label(Text.assemble(person_label(me), nobody))
        tree.focus()

    @on(Tree.NodeSelected)
    def _open(self, event: Tree.NodeSelected) -> None:
        if event.node.data is not None and event.node.data != self.contact_id:
            self.app.open_contact(event.node.data)

    def action_back(self) -> None:
        self.app.pop_screen()
