"""`netui favour`, `favours`, `intro`, `intro-status`, `chain`, `connectors`: give & take."""

from __future__ import annotations

from netui.errors import ValidationError
from netui.i18n import _, ngettext
from netui.labels import label
from netui.cli.output import jsonable, print_json


def cmd_favour(args) -> int:
    from netui import contacts, followups, giving

    contact_id = contacts.resolve_contact(args.name)
    favour_id = giving.record_favour(
        contact_id, args.direction, args.kind, args.note, args.when,
        followup_due=_followup_when(args.followup) if args.followup else None,
    )
    info = giving.get_favour(favour_id)
    ledger = giving.balance(contact_id)
    values = dict(kind=label(info.kind), name=info.contact_name, date=info.occurred_on.isoformat(), id=info.id,
                  balance=_signed(ledger.balance), given=ledger.given, received=ledger.received)
    if info.direction == "gave":
        print(_("Recorded {kind} given to {name} on {date} (favour #{id}); "
                "balance {balance} (given {given}, received {received}).", **values))
    else:
        print(_("Recorded {kind} received from {name} on {date} (favour #{id}); "
                "balance {balance} (given {given}, received {received}).", **values))
    if info.followup_id:
        item = followups.get_followup(info.followup_id)
        print(_("Follow-up due {due}: {action}.", due=item.due_on.isoformat(), action=item.action))
    return 0


def _followup_when(text: str):
    """--followup: a number of days, or a day as people type it."""
    return int(text) if text.strip().isdigit() else text


def _signed(number: int) -> str:
    return f"+{number}" if number > 0 else str(number)


def cmd_favours(args) -> int:
    from netui import contacts, giving

    if args.name:
        if args.owe or args.helped:
            raise ValidationError("name", _("Give a NAME for one person's ledger, or --owe / --helped for the lists."))
        return _ledger(contacts.resolve_contact(args.name), args.json)
    both = not (args.owe or args.helped)
    owe = giving.people_i_owe(args.limit) if args.owe or both else None
    helped = giving.helped_recently(args.days, args.limit) if args.helped or both else None
    if args.json:
        data = {}
        if owe is not None:
            data["owe"] = jsonable(owe)
        if helped is not None:
            data["helped"] = jsonable(helped)
        print_json(data)
        return 0
    if owe is not None:
        print(_("People you owe"))
        for person in owe:
            last = (_("last: {date} {direction} {kind}", date=person.last_on.isoformat(),
                      direction=label(person.last_direction), kind=label(person.last_kind))
                    if person.last_on else "")
            print(f"  #{person.contact_id}  {person.name}  ·  "
                  + _("balance {balance} (given {given}, received {received})", balance=person.balance,
                      given=person.given, received=person.received) + f"  ·  {last}")
        if not owe:
            print("  " + _("Nobody: you have given at least as much as you received."))
    if helped is not None:
        if owe is not None:
            print()
        print(_("People you helped in the last {days} days", days=args.days))
        for item in helped:
            print(f"  {_favour_line(item)}  ·  {item.contact_name} (#{item.contact_id})")
        if not helped:
            print("  " + _("No favours given in that time."))
    return 0


def _favour_line(item) -> str:
    note = f"  ·  {item.note}" if item.note else ""
    return f"{item.occurred_on.isoformat()}  {label(item.direction):<8}  {label(item.kind)}{note}"


def _ledger(contact_id: int, as_json: bool) -> int:
    from netui import contacts, giving

    ledger = giving.balance(contact_id)
    favours = giving.favours_of(contact_id)
    introductions = giving.introductions_of(contact_id)
    name = contacts.get_contact(contact_id).name
    if as_json:
        print_json({"contact_id": contact_id, "name": name, "given": ledger.given, "received": ledger.received,
                     "balance": ledger.balance, "favours": jsonable(favours),
                     "introductions": jsonable(introductions)})
        return 0
    print(f"{name} (#{contact_id}): " + _("balance {balance} (given {given}, received {received})",
                                          balance=_signed(ledger.balance), given=ledger.given,
                                          received=ledger.received))
    for item in favours:
        print(f"  #{item.id}  {_favour_line(item)}")
    if introductions:
        print(_("Introductions:"))
        for intro in introductions:
            print(f"  {_intro_line(intro)}")
    return 0


def _intro_line(intro) -> str:
    reason = f"  ·  {intro.reason}" if intro.reason else ""
    outcome = "  ·  " + _("outcome: {outcome}", outcome=intro.outcome) if intro.outcome else ""
    return (f"#{intro.id}  {intro.introduced_on.isoformat()}  {label(intro.status):<8}  "
            f"{intro.person_a_name} → {intro.person_b_name}{reason}{outcome}")


def cmd_intro(args) -> int:
    from netui import contacts, giving

    if args.followup and args.status != "made":
        raise ValidationError("followup", _("--followup goes with --status made (ask how it went once it is made)."))
    a, b = contacts.resolve_contact(args.person_a), contacts.resolve_contact(args.person_b)
    intro_id = giving.introduce(a, b, args.reason, args.when, args.status)
    info = giving.get_introduction(intro_id)
    values = dict(a=info.person_a_name, b=info.person_b_name, id=info.id, status=label(info.status))
    if info.status == "made":
        print(_("Introduced {a} to {b} (introduction #{id}, {status}).", **values))
        _offer(giving.introduction_offer(intro_id), args.followup)
    else:
        print(_("Proposed introducing {a} to {b} (introduction #{id}, {status}).", **values))
    return 0


def _offer(offer, followup: str | None) -> None:
    from netui import followups, giving

    if followup:
        created = giving.accept_introduction_offer(offer, _followup_when(followup))
        for item in (followups.get_followup(i) for i in created):
            print(_("Follow-up due {due}: {action} ({name}).", due=item.due_on.isoformat(), action=item.action,
                    name=item.contact_name))
    else:
        print(_("Add --followup WHEN to ask both how it went (e.g. --followup {days}).",
                days=giving.ASK_HOW_IT_WENT_DAYS))


def cmd_intro_status(args) -> int:
    from netui import giving

    offer = giving.set_introduction_status(args.id, args.status, args.outcome)
    if args.followup and offer is None:
        raise ValidationError("followup", _("--followup goes with making the introduction (status made or later, "
                                            "from proposed)."))
    info = giving.get_introduction(args.id)
    outcome = f": {info.outcome}" if info.outcome and info.status == "outcome" else ""
    print(_("Introduction #{id} of {a} to {b}: {status}", id=info.id, a=info.person_a_name, b=info.person_b_name,
            status=label(info.status)) + f"{outcome}.")
    if offer is not None:
        print(_("Recorded a favour given to each and logged the introduction with both."))
        _offer(offer, args.followup)
    return 0


def cmd_chain(args) -> int:
    from netui import chains, contacts

    contact_id = contacts.resolve_contact(args.name)
    up = chains.chain_up(contact_id)
    tree = chains.brought_in(contact_id)
    if args.json:
        print_json({"chain": jsonable(up), "brought_in": _tree_json(tree)})
        return 0
    if len(up) > 1:
        print(_("Chain (each introduced by the next): {chain}", chain=" ← ".join(p.name for p in up)))
    else:
        print(_("{name} was not introduced by anyone you know.", name=up[0].name))
    if not tree.downstream:
        print(_("{name} has not brought anyone in yet.", name=tree.person.name))
        return 0
    print(ngettext("Brought in {n} person:", "Brought in {n} people:", tree.downstream))
    print(tree.person.name)
    trashed = " " + _("(in the trash)")
    # Depth first without recursion: a chain may be thousands deep.
    stack = [(child, "", index == len(tree.children) - 1) for index, child in reversed(list(enumerate(tree.children)))]
    while stack:
        node, prefix, last = stack.pop()
        print(f"{prefix}{'└── ' if last else '├── '}{node.person.name} (#{node.person.id})"
              f"{trashed if node.person.trashed else ''}")
        inner = prefix + ("    " if last else "│   ")
        stack += [(child, inner, index == len(node.children) - 1)
                  for index, child in reversed(list(enumerate(node.children)))]
    return 0


def _tree_json(tree) -> dict:
    """{person, downstream, children: [...]}, built bottom-up without recursion."""
    order, stack = [], [tree]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(node.children)
    built: dict[int, dict] = {}
    for node in reversed(order):
        built[id(node)] = {"person": jsonable(node.person), "downstream": node.downstream,
                           "children": [built.pop(id(child)) for child in node.children]}
    return built[id(tree)]


def cmd_connectors(args) -> int:
    from netui import chains

    found = chains.top_connectors(args.limit)
    if args.json:
        print_json(jsonable(found))
        return 0
    if not found:
        print(_("Nobody has introduced anyone yet. Say who introduced whom with netui add/edit --introduced-by NAME, "
                "'via NAME' on a capture line, or the Introduced by field of the contact form (e on a contact)."))
    for rank, connector in enumerate(found, 1):
        print(f"{rank:>2}. #{connector.id}  {connector.name}  ·  "
              + _("brought in {direct} directly, {all} in all", direct=connector.direct, all=connector.downstream))
    return 0
