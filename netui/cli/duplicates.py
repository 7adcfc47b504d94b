"""`netui duplicates`, `netui merge` and the look-alike check `netui add` makes before saving."""

from __future__ import annotations

import sys

from netui.errors import ValidationError
from netui.i18n import _
from netui.cli.output import confirm, jsonable, print_json


def _who(person) -> str:
    """'#12 Giulia Rossi · Lumen'."""
    return f"#{person.id} {person.name}" + (f" · {person.company}" if person.company else "")


def cmd_duplicates(args) -> int:
    """`netui duplicates [--json] [--limit N]`: the likely pairs, strongest reason first."""
    from netui import duplicates

    if args.limit is not None and args.limit < 1:
        raise ValidationError("limit", _("--limit must be at least 1."))
    pairs = duplicates.find_duplicates(limit=args.limit)
    if args.json:
        print_json([{**jsonable(pair), "reason": pair.reason, "strong": pair.strong} for pair in pairs])
        return 0
    if not pairs:
        print(_("No likely duplicates."))
        return 0
    width = max(len(_who(pair.first)) for pair in pairs)
    for pair in pairs:
        print(f"{_who(pair.first):<{width}}  ~  {_who(pair.second)}  ({_(pair.reason)})")
    first = pairs[0]
    print()
    print(_("Merge a pair with: netui merge '#{keep}' '#{other}' (the first is kept); "
            "see them with: netui show '#{keep}'.", keep=first.first.id, other=first.second.id))
    return 0


def cmd_merge(args) -> int:
    """`netui merge A B [--yes]`: B is folded into A (A's fields win); asks first on a terminal."""
    from netui import contacts, lifecycle

    keep_id, other_id = contacts.resolve_contact(args.keep), contacts.resolve_contact(args.other)
    differences = lifecycle.merge_differences(keep_id, other_id)  # refuses a person with themselves
    keep, other = contacts.get_contact(keep_id), contacts.get_contact(other_id)
    print(_("Kept:      {who}", who=_record_line(keep)))
    print(_("Merged in: {who}", who=_record_line(other)))
    for line in _difference_lines(differences):
        print(line)
    question = _("Merge {other} (#{other_id}) into {keep} (#{keep_id})? Everything of {other} moves to "
                 "{keep}, then {other} is removed.", other=other.name, other_id=other.id,
                 keep=keep.name, keep_id=keep.id)
    if not confirm(question, args.yes, _("netui merge changes both records: add --yes to confirm "
                                          "(there is no terminal to ask on); nothing was changed.")):
        print(_("Nothing was changed."))
        return 1
    lifecycle.merge_contacts(keep_id, other_id)
    print(_("Merged {other} (#{other_id}) into {keep} (#{keep_id}).", other=other.name, other_id=other.id,
            keep=keep.name, keep_id=keep.id))
    return 0


def _record_line(detail) -> str:
    """'#12 Giulia Rossi · Lumen · Milano · giulia@lumen.it, +39 333 ...'."""
    parts = [f"#{detail.id} {detail.name}", detail.company, detail.role, detail.city,
             ", ".join(c.value for c in detail.channels)]
    return " · ".join(part for part in parts if part)


def _difference_lines(differences) -> list[str]:
    if not differences:
        return [_("The two records do not disagree on any field.")]
    width = max(len(d.label) for d in differences) + 1
    lines = [_("Where they differ (the first value is kept):")]
    for difference in differences:
        lines.append(f"  {difference.label + ':':<{width}} {difference.kept}  |  {difference.dropped}"
                     f"  ({_(difference.fate)})")
    return lines


def refuse_likely_twin(args) -> None:
    """Before `netui add` saves: a strong look-alike (same e-mail, phone, LinkedIn or folded
    name) refuses the add unless --anyway; a close spelling is only warned about, on stderr."""
    from netui import duplicates, rules

    name = " ".join(rules.split_name(args.name)).strip()
    channels = ([("email", v) for v in args.email] + [("phone", v) for v in args.phone]
                + [("linkedin", v) for v in args.linkedin])
    found = duplicates.looks_like(name, args.company, channels)
    strong = [f for f in found if f.strong]
    if strong and not args.anyway:
        raise ValidationError("name", _(
            "{name} looks like {who} already: add --anyway to add them all the same, or change that "
            "contact with netui edit; nothing was added.", name=name, who=strong[0].text()))
    for likeness in found:
        print(_("Note: {name} looks like {who}.", name=name, who=likeness.text()), file=sys.stderr)
