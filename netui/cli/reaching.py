"""`netui reach`: who never reaches out, and whom you have not answered (netui.reaching)."""

from __future__ import annotations

from netui import present
from netui.i18n import _
from netui.cli.output import jsonable, print_json


def cmd_reach(args) -> int:
    from netui import reaching

    lists = reaching.reach_lists()
    if args.json:
        print_json(jsonable(lists))
        return 0
    sections = (
        (_("They never reach out (you started each of the last {n} or more times):", n=reaching.NEVER_MIN_KNOWN),
         [(p.contact_id, p.name, p.company, present.quiet_words(p)) for p in lists.never_reach_out]),
        (_("You have not answered (they reached out, nothing from you since):"),
         [(p.contact_id, p.name, p.company, present.waiting_words(p)) for p in lists.not_answered]),
    )
    for index, (title, rows) in enumerate(sections):
        print(("\n" if index else "") + title)
        if not rows:
            print("  " + _("nobody"))
        for contact_id, name, company, words in rows:
            print("  " + "  ·  ".join(part for part in (f"#{contact_id}", name, company, words) if part))
    return 0
