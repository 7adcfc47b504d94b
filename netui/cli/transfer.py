"""`netui import`, `export`, `backup`, `restore`, `copy`: data in and out of the database."""

from __future__ import annotations

from pathlib import Path

from netui.errors import ValidationError
from netui.i18n import _, ngettext
from netui.store import db
from netui.cli.output import confirm


def cmd_import(args) -> int:
    from netui.exchange import table_import

    report = table_import.import_file(Path(args.file), dry_run=args.dry_run)
    plan = report.plan
    print(plan.summary() + ("  " + _("(dry run: nothing written)") if args.dry_run else ""))
    for line in table_import.describe(report.tables):
        print(f"  {line}")
    for update in plan.updated:
        print(f"  {update.person.where}: " + _("updated {name} ({reason})", name=update.name, reason=update.reason))
        if update.job_change:
            print("    " + _("new job: {new} (was {old}); a congratulation follow-up is added",
                             new=update.job_change[1], old=update.job_change[0]))
        for conflict in update.conflicts:
            print("    " + _("{field}: kept '{kept}', the file says '{incoming}'",
                             field=conflict.field, kept=conflict.kept, incoming=conflict.incoming))
    for note in plan.notes:  # a value of a row that is imported: kept in the notes, or ignored
        print(f"  {note.where}: {note.reason}")  # i18n: not text
    for skipped in plan.skipped:
        print(f"  {skipped.where}: " + _("skipped: {reason}", reason=skipped.reason))
    return 0


def cmd_export(args) -> int:
    from netui.exchange import exporting

    if args.format == "person":
        chosen = [flag for flag, value in (("--query", args.query), ("--tag", args.tag), ("--city", args.city),
                                           ("--what", args.what)) if value]
        if chosen:
            raise ValidationError("format", _("export person writes one person's whole record: {flag} does not "
                                              "apply to it.", flag=chosen[0]))
        return _export_person(args)
    if args.person:
        raise ValidationError("format", _("'{name}': only export person takes a name.", name=args.person))
    if args.what and args.format != "csv":
        raise ValidationError("what", _("--what chooses a CSV table; a {format} export has none.", format=args.format))
    if not args.out:
        raise ValidationError("out", _("Say where to write the {format} file with --out PATH.", format=args.format))
    query = " ".join(part for part in (
        args.query, f'tag:"{args.tag}"' if args.tag else "", f'city:"{args.city}"' if args.city else "") if part)
    written = exporting.export(args.format, Path(args.out), args.what or "contacts", query, excel=args.excel,
                               version=args.vcard_version)
    for path in written:
        print(_("Wrote {path}", path=path))
    return 0


def _export_person(args) -> int:
    import json

    from netui.exchange import exporting
    from netui import privacy

    if not args.person:
        raise ValidationError("person", _("Say whose data to export: netui export person NAME --json."))
    record = privacy.person_record(privacy.resolve_anyone(args.person))
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        written = exporting.write_private(Path(args.out), text.encode("utf-8"))
        print(_("Wrote everything stored about {name} to {path}", name=record["contact"]["name"], path=written))
    else:
        print(text, end="")
    return 0


def _contacts_count(n: int) -> str:
    return ngettext("{n} contact", "{n} contacts", n)


def cmd_backup(args) -> int:
    from netui.store import backup

    written = backup.backup_now(Path(args.to) if args.to else None)
    facts = backup.facts_about(written)
    print(_("Backed up {database} to {path} ({contacts}, {interactions}).",
            database=db.resolve_db_path(args.db), path=written, contacts=_contacts_count(facts.contacts),
            interactions=ngettext("{n} interaction", "{n} interactions", facts.interactions)))
    return 0


def cmd_restore(args) -> int:
    from netui.store import backup

    live = db.resolve_db_path(args.db)
    backup.check_file(live, "restore")
    incoming = backup.check_backup(Path(args.file))
    question = _("Replace {current} with {backup}? The current file is copied to {folder} first.",
                 current=backup.describe_file(live), backup=incoming.describe(), folder=backup.backups_folder(live))
    if not confirm(question, args.yes, _("netui restore replaces your whole database: add --yes to confirm "
                                          "(there is no terminal to ask on).")):
        print(_("Nothing was changed."))
        return 1
    saved = backup.restore(Path(args.file), live)
    restored = _("Restored {database} from {file} ({contacts}).", database=live, file=args.file,
                 contacts=_contacts_count(incoming.contacts))
    kept = " " + _("The database it replaced is kept as {path}.", path=saved) if saved else ""
    print(restored + kept)
    return 0


def cmd_copy(args) -> int:
    from netui.store import transfer
    from netui.store.models import Contact, Event, FollowUp, Interaction

    report = transfer.copy_network(args.source, args.target)
    print(_("Copied {source} to {destination}: {contacts}, {interactions}, {events}, {followups} "
            "({rows} in all, every table).", source=report.source, destination=report.destination,
            contacts=_contacts_count(report.count(Contact)),
            interactions=ngettext("{n} interaction", "{n} interactions", report.count(Interaction)),
            events=ngettext("{n} event", "{n} events", report.count(Event)),
            followups=ngettext("{n} follow-up", "{n} follow-ups", report.count(FollowUp)),
            rows=ngettext("{n} row", "{n} rows", sum(report.rows.values()))))
    return 0
