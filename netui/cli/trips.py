"""`netui trip`: everyone in a city, and the trip saved as an event."""

from __future__ import annotations

from netui.errors import ValidationError
from netui.i18n import _, ngettext
from netui.labels import label
from netui.cli.output import jsonable, print_json
from netui.present import work_text


def cmd_trip(args) -> int:
    from netui import events, trips

    if (args.end or args.followups) and not args.start:
        raise ValidationError("from", _("--to and --followups need --from (the first day of the trip)."))
    people = trips.people_in_city(args.city)
    trip_id = trips.plan_trip(args.city, args.start, args.end) if args.start else None
    created = trips.create_trip_followups([p.contact_id for p in people], trip_id) if args.followups else []
    if args.json:
        print_json({"trip_event_id": trip_id, "followups_created": created, "people": jsonable(people)})
        return 0
    if not people:
        print(_("Nobody in {city} yet.", city=args.city))
    for person in people:
        print(_trip_line(person))
    if trip_id:
        print(_("Saved the trip as event #{id} ({title}).", id=trip_id, title=events.event_title(trip_id)))
    if created:
        print(ngettext('Added {n} "tell them about my trip" follow-up.',
                       'Added {n} "tell them about my trip" follow-ups.', len(created)))
    return 0


def _trip_line(person) -> str:
    from netui import when

    parts = [f"#{person.contact_id}", person.name]
    work = work_text(person.role, person.company)
    if work:
        parts.append(work)
    parts.append(_("{warmth}, last contacted {when}", warmth=label(person.warmth),
                   when=when.humanize(person.last_contacted)))
    if person.days_overdue:
        parts.append(ngettext("OVERDUE {n} day", "OVERDUE {n} days", person.days_overdue))
    if person.open_followups:
        parts.append(ngettext("{n} open follow-up", "{n} open follow-ups", len(person.open_followups)))
    return "  ·  ".join(parts)
