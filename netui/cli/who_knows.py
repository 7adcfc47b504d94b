"""`netui who-knows`: who in the team has history with the people a query names (netui.who_knows)."""

from __future__ import annotations

from netui import present
from netui.i18n import _, ngettext
from netui.cli.output import jsonable, print_json


def cmd_who_knows(args) -> int:
    from netui.who_knows import who_knows

    found = who_knows(args.query)
    if args.json:
        data = jsonable(found)
        for member, history in zip(data["members"], found.members):
            member["label"] = history.label
        print_json(data)
        return 0
    print(ngettext("{n} person matches '{query}'.", "{n} people match '{query}'.", found.matched, query=found.query))
    if found.matched and not found.members:
        print(_("Nobody in the team has been in touch with them yet."))
    for history in found.members:
        print(f"  {present.member_history_line(history)}")
    return 0
