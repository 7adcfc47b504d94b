"""`netui locate`, `demo`, `purge`: where things live, a sample network, erasing a person."""

from __future__ import annotations

import sys

from netui.i18n import _, ngettext
from netui.store import db
from netui.cli.output import confirm


def cmd_locate(args) -> int:
    rows = [(_("database:"), db.resolve_db_path(args.db)), (_("data dir:"), db.data_dir()),
            (_("config:"), db.config_dir())]
    width = max(len(name) for name, _value in rows) + 1
    for name, value in rows:
        print(f"{name:<{width}}{value}")
    return 0


def cmd_demo(args) -> int:
    from netui import demo

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            percent = f"{100 * done // max(total, 1):3d}"
            print("\r" + _("writing the demo network… {percent}%", percent=percent), end="", file=sys.stderr)

    summary = demo.generate_network(args.people, args.interactions, seed=args.seed, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(_("Wrote a demo network: {people}, {interactions}, {events}, {followups}.",
            people=ngettext("{n} person", "{n} people", summary.people),
            interactions=ngettext("{n} interaction", "{n} interactions", summary.interactions),
            events=ngettext("{n} event", "{n} events", summary.events),
            followups=ngettext("{n} follow-up", "{n} follow-ups", summary.followups)))
    return 0


def cmd_purge(args) -> int:
    from netui.store import backup
    from netui import contacts, lifecycle, privacy

    contact_id = privacy.resolve_anyone(args.name)
    detail = contacts.get_contact(contact_id)
    question = _("Erase {name} (#{id}) for good: their details, interactions only with them, "
                 "follow-ups, and every trace in the database file? This cannot be undone.",
                 name=detail.name, id=contact_id)
    if not confirm(question, args.yes, _("netui purge erases {name} for good: add --yes to confirm "
                                          "(there is no terminal to ask on).", name=detail.name)):
        print(_("Nothing was changed."))
        return 1
    erased_lines = lifecycle.purge_contact(contact_id)
    if db.is_server():
        print(_("Erased {name} (#{id}) for good. The server's own backups (pg_dump) made before "
                "still hold them until they are deleted.", name=detail.name, id=contact_id))
    else:
        print(_("Erased {name} (#{id}) for good. Backups made before still hold them until they "
                "roll off (netui keeps {daily} daily ones) or you delete them.",
                name=detail.name, id=contact_id, daily=backup.KEEP_DAILY))
    if erased_lines:
        print(lifecycle.erased_lines_text(erased_lines))
    return 0
