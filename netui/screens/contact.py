"""The contact screen: everything about one person, and what you can do with them."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from netui import contacts, timeline
from netui.i18n import _
from netui.when import humanize
from netui.widgets.timeline_pane import TimelinePane


def detail_text(detail: contacts.ContactDetail) -> Text:
    """The contact's fields as styled text (user text never parsed as markup)."""
    rows = [
        (_("Company"), detail.company), (_("Role"), detail.role), (_("City"), detail.city),
        (_("Country"), detail.country), (_("Circle"), detail.circle),
        (_("How we met"), detail.how_met), (_("Met at"), detail.met_at_title),
        (_("Introduced by"), detail.introduced_by_name),
        (_("Keep in touch"), _("every {days} days", days=detail.cadence_days) if detail.cadence_days else None),
        (_("Last contacted"), humanize(detail.last_contacted)),
        (_("Tags"), " ".join(f"#{t}" for t in detail.tags)),
    ]
    rows += [(c.kind, c.value + (f" ({c.label})" if c.label else "")) for c in detail.channels]
    rows += [(f.label, f.value) for f in detail.facts]
    rows += [(d.label, d.text) for d in detail.important_dates]
    text = Text()
    width = max((len(label) for label, value in rows if value), default=0) + 2
    for label, value in rows:
        if value:
            text.append(f"{label}:".ljust(width), style="bold")
            text.append(f"{value}\n")
    if detail.open_followups:
        text.append("\n" + _("Follow-ups") + "\n", style="bold")
        for item in detail.open_followups:
            via = f" {item.channel}" if item.channel else ""
            text.append(f"  {item.effective_due.isoformat()}{via}  {item.action}\n")
    if detail.notes:
        text.append("\n" + _("Notes") + "\n", style="bold")
        text.append(detail.notes)
    text.rstrip()
    return text


class ContactScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", _("Back")),
        Binding("e", "edit", _("Edit"), tooltip=_("Edit this contact")),
        Binding("l", "log", _("Log"), tooltip=_("Log an interaction with this person")),
        Binding("f", "followup", _("Follow-up"), tooltip=_("Add a follow-up")),
        Binding("d", "trash", _("Trash"), tooltip=_("Move to the trash (ctrl+z undoes)")),
        Binding("ctrl+e", "edit_notes", _("Notes in $EDITOR"), tooltip=_("Write the notes in your own editor")),
    ]

    def __init__(self, contact_id: int) -> None:
        super().__init__()
        self.contact_id = contact_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="contact-detail"):
            yield Label("", id="contact-name", classes="pane-title")
            yield Static("", id="contact-fields")
            yield Label(_("Timeline"), classes="pane-title")
            yield TimelinePane(id="contact-timeline")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        detail = contacts.get_contact(self.contact_id)
        star = "★ " if detail.starred else ""
        self.query_one("#contact-name", Label).update(Text(f"{star}{detail.name}"))
        self.query_one("#contact-fields", Static).update(detail_text(detail))
        self.query_one(TimelinePane).show(timeline.contact_timeline(self.contact_id, limit=200), hide_contact=self.contact_id)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_edit(self) -> None:
        self.app.edit_contact(self.contact_id)

    def action_log(self) -> None:
        self.app.log_interaction((self.contact_id,))

    def action_followup(self) -> None:
        self.app.add_followup(self.contact_id)

    def action_edit_notes(self) -> None:
        self.app.edit_notes_in_editor(self.contact_id)

    def action_trash(self) -> None:
        self.app.trash_contact(self.contact_id)
