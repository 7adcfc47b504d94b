"""`netui edit NAME ...`: change any field of a contact, their channels, tags and introducer."""

from __future__ import annotations

from netui.errors import ValidationError
from netui.i18n import _
from netui.rules import CHANNEL_KINDS
from netui.cli.output import jsonable, print_json

# The options that set a field as typed: (the option's dest, the contact field).
_TEXT_OPTIONS = (("company", "company"), ("role", "role"), ("city", "city"), ("country", "country"),
                 ("circle", "circle"), ("how_met", "how_met"), ("note", "notes"), ("new_name", "name"))


def cmd_edit(args) -> int:
    from netui import contacts, editing

    contact_id = contacts.resolve_contact(args.name)
    edit = editing.ContactEdit(add_tags=args.tag, remove_tags=args.remove_tag)
    for option, field in _TEXT_OPTIONS:
        if getattr(args, option) is not None:
            edit.fields[field] = getattr(args, option)
    if args.cadence is not None or args.no_cadence:
        edit.fields["cadence_days"] = None if args.no_cadence else args.cadence
    if args.starred is not None:
        edit.fields["starred"] = args.starred
    if args.introduced_by is not None:
        typed = args.introduced_by.strip()
        edit.fields["introduced_by_id"] = contacts.resolve_contact(typed) if typed else None
    for kind in CHANNEL_KINDS:
        for words in getattr(args, f"add_{kind}"):
            if len(words) > 2:
                raise ValidationError(f"add_{kind}", _(
                    "--add-{kind} takes a value and at most one label; quote a value with spaces: "
                    "--add-{kind} \"{value}\" {label}.", kind=kind, value=" ".join(words[:-1]), label=words[-1]))
            edit.add_channels.append((kind, words[0], words[1] if len(words) == 2 else None))
        edit.remove_channels += [(kind, value) for value in getattr(args, f"remove_{kind}")]
    changes = editing.edit_contact(contact_id, edit)
    detail = contacts.get_contact(contact_id)
    if args.json:
        data = jsonable(detail)
        data["name"] = detail.name
        data["changes"] = jsonable(changes)
        print_json(data)
        return 0
    if not changes:
        print(_("{name} (#{id}) already had all that: nothing changed.", name=detail.name, id=detail.id))
        return 0
    print(_("Changed {name} (#{id}):", name=detail.name, id=detail.id))
    for change in changes:
        print(f"  {editing.change_text(change)}")
    return 0
