"""The command palette (ctrl+p): every action as "noun: verb", offered where it works."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from netui.i18n import _


class NetuiCommands(Provider):
    def _commands(self) -> list[tuple[str, object, str]]:
        """(name, callback, help) for what can be done on the current screen."""
        from netui.screens import flows
        from netui.screens.contact import ContactScreen
        from netui.screens.event import EventScreen
        from netui.screens.main import MainScreen
        from netui.screens.who_knows import open_who_knows

        app, screen = self.app, self.screen
        found = [
            (_("contact: new"), partial(flows.new_contact, app), _("Add a new contact")),
            (_("event: new"), partial(flows.new_event, app), _("Plan a new event")),
            (_("capture: start"), app.action_capture, _("Quick capture: one line per person met")),
            (_("today: open"), app.open_today,
             _("Follow-ups due, dates coming, people to get in touch with, appointments, events")),
            (_("trip: plan"), app.open_trip, _("Whom do you know in a city? Tell them you are coming")),
            (_("appointment: new"), partial(flows.new_appointment, app), _("A recurring appointment with one or more people")),
            (_("favours: people I owe"), partial(app.open_give_and_take, "owe"),
             _("People who did more for you than you for them")),
            (_("favours: people I helped"), partial(app.open_give_and_take, "helped"),
             _("Favours you did in the last 90 days")),
            (_("introductions: list"), partial(app.open_give_and_take, "introductions"),
             _("Introductions you made or planned; move them on")),
            (_("network: top connectors"), partial(app.open_give_and_take, "connectors"),
             _("Who brought you the most people")),
            (_("contacts: import file"), app.open_import,
             _("Import netui CSV, LinkedIn Connections.csv, Google Contacts CSV, Outlook CSV or vCard")),
            (_("data: export"), app.export_view,
             _("Export contacts, interactions, events or follow-ups: CSV, vCard or iCalendar")),
            (_("contacts: duplicates"), app.open_duplicates,
             _("People who may be recorded twice: merge them, or say they are two people")),
            (_("contacts: trash"), app.open_trash, _("People moved to the trash: restore them or erase them for good")),
            (_("people: who reaches out"), app.action_open_reach,
             _("People who never reach out, and those you have not answered")),
            (_("people: who knows…"), partial(open_who_knows, app),
             _("Who in the team knows the people of a company, a person or a city")),
            (_("contacts: fill in missing details"), app.action_open_missing,
             _("Walk through the people missing an e-mail, phone, company, how you met or city")),
            (_("app: undo"), partial(flows.undo_last, app), _("Undo the last trash")),
            (_("app: help"), app.action_help, _("Keys of the focused pane")),
            (_("app: quit"), app.exit, _("Quit netui")),
        ]
        if isinstance(screen, MainScreen):
            found += [
                (_("contact: search"), screen.action_search, _("Search contacts as you type")),
                (_("contact: log interaction"), screen.action_log, _("Log an interaction with the highlighted contact")),
                (_("contact: trash"), screen.action_trash, _("Move the highlighted contact to the trash")),
                (_("contacts: export view"), screen.action_export, _("Export the contacts this list shows")),
            ]
        if isinstance(screen, ContactScreen):
            found += self._contact_commands(screen)
        if isinstance(screen, EventScreen):
            found += [
                (_("event: edit"), screen.action_edit, _("Edit this event")),
                (_("event: someone to meet (not a contact yet)"), screen.action_want,
                 _("Name @Company - why: they become a contact once met or captured here")),
                (_("event: write to someone missed"), screen.action_write_to_missed,
                 _("Once the event is over: a follow-up to write to the highlighted person you missed")),
            ]
        return found

    @staticmethod
    def _contact_commands(screen) -> list[tuple[str, object, str]]:
        """What can be done on a contact's screen."""
        return [
            (_("contact: edit"), screen.action_edit, _("Edit this contact")),
            (_("contact: log interaction"), screen.action_log, _("Log an interaction with this person")),
            (_("contact: add follow-up"), screen.action_followup, _("Add a follow-up")),
            (_("contact: trash"), screen.action_trash, _("Move to the trash (ctrl+z undoes)")),
            (_("contact: keep in touch"), screen.action_keep_in_touch, _("How often to get in touch; snooze")),
            (_("contact: add date"), screen.action_add_date, _("A birthday or another date to remember")),
            (_("contact: add fact"), screen.action_add_fact,
             _("Something to remember about them: kids, partner, hobby, pet, an anecdote")),
            (_("contact: change or remove a fact"), screen.action_change_fact,
             _("Change or remove one of their facts")),
            (_("contact: new appointment"), screen.action_appointment, _("A recurring appointment with them")),
            (_("contact: gave a favour"), screen.action_gave, _("A favour you did for them")),
            (_("contact: received a favour"), screen.action_received, _("A favour they did for you")),
            (_("contact: introduce"), screen.action_introduce, _("Introduce them to someone")),
            (_("contact: who they brought in"), screen.action_chain,
             _("The chain up to the first person, and everyone they brought into your network")),
            (_("contact: log news"), screen.action_news,
             _("Their news: new job, promotion, award, book, child (offers a congratulation)")),
            (_("follow-up: done"), screen.action_followup_done,
             _("Mark the chosen follow-up done, due or not yet")),
            (_("follow-up: snooze"), screen.action_followup_snooze, _("Put the chosen follow-up off some days")),
            (_("follow-up: reschedule"), screen.action_followup_reschedule,
             _("Move the chosen follow-up to another day, or change what to send")),
        ]

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
