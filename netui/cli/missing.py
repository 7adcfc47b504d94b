"""`netui missing [--what DETAILS]`: the people missing an e-mail, a phone, a company, how you
met or a city (netui.missing): counts per detail, then everyone, in name order."""

from __future__ import annotations

from netui import present
from netui.i18n import _, ngettext
from netui.cli.output import print_json


def cmd_missing(args) -> int:
    from netui import missing

    details = missing.parse_details(args.what)
    counts = missing.count_missing(details)
    people = _everyone(missing, details)
    if args.json:
        print_json({"details": list(details), "counts": counts.per_detail, "people": [
            {"id": p.contact_id, "name": p.name, "company": p.company, "city": p.city, "missing": list(p.missing)}
            for p in people]})
        return 0
    if not counts.people:
        print(_("Nobody is missing these details: {details}.",
                details=", ".join(missing.detail_name(d) for d in details)))
        return 0
    width = max(len(missing.detail_name(d)) for d in details) + 2
    print(_("Missing:"))
    for detail in details:
        print(f"  {missing.detail_name(detail):<{width}}{counts.per_detail[detail]}")
    print("\n" + ngettext("{n} person misses at least one:", "{n} people miss at least one:", counts.people))
    for person in people:
        parts = (f"#{person.contact_id}", person.name, person.company, person.city,
                 present.missing_words(person.missing))
        print("  " + "  ·  ".join(part for part in parts if part))
    return 0


def _everyone(missing, details) -> list:
    """Everyone missing a detail, read a page at a time."""
    found, after = [], None
    while page := missing.missing_people(details, after, limit=500):
        found += page
        after = page[-1].key
    return found
