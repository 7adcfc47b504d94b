"""Editing a contact in one go: fields, channels, tags and who introduced them, all or nothing.

`edit_contact(contact_id, ContactEdit(...))` checks everything first (the field rules of
netui.contacts, the channel rules of netui.rules, a channel or tag to remove that they do not
have, an introducer that would make a circle: netui.chains' one rule), then writes it all in
one transaction, and returns what changed. `netui edit` calls it; the contact form saves
through contacts.save_contact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netui import contacts, team
from netui.errors import EditConflictError, ValidationError
from netui.i18n import _
from netui.labels import label
from netui.rules import channel_label, normalise_tag, split_name, validate_channel
from netui.store.models import Contact, database, locked


@dataclass
class ContactEdit:
    """What to change. `fields`: contacts.EDITABLE_FIELDS (introduced_by_id None clears it),
    plus "name" (split into first and last name). Channels to add are (kind, value, label or
    None); to remove, (kind, value), found as rules.same_channel says."""

    fields: dict = field(default_factory=dict)
    add_channels: list[tuple[str, str, str | None]] = field(default_factory=list)
    remove_channels: list[tuple[str, str]] = field(default_factory=list)
    add_tags: list[str] = field(default_factory=list)
    remove_tags: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.fields or self.add_channels or self.remove_channels or self.add_tags or self.remove_tags)


@dataclass(frozen=True)
class Change:
    """One thing an edit changed. `what`: a field name ("company", "introduced_by"...), or
    "channel" / "tag"; `before` and `after` as text ("" for none). A channel added has `after`
    (and `kind`, `label`); one removed has `before`."""

    what: str
    before: str
    after: str
    kind: str = ""
    label: str = ""


def edit_contact(contact_id: int, edit: ContactEdit) -> list[Change]:
    """Apply `edit` to the contact, all or nothing; what changed, in a stable order.
    ValidationError (naming the field) for anything wrong, and then nothing is written."""
    if edit.is_empty:
        raise ValidationError("edit", _("Nothing to change: give a field such as --company, or --add-email."))
    fields = _fields(edit.fields)
    adding = [(*validate_channel(kind, value), channel_label(label)) for kind, value, label in edit.add_channels]
    adding_tags = [normalise_tag(tag) for tag in edit.add_tags]
    removing_tags = [normalise_tag(tag) for tag in edit.remove_tags]
    with database.atomic():
        before = contacts.get_contact(contact_id)
        removing = list({found.id: found for found in (contacts.find_channel(contact_id, kind, value)
                                                    for kind, value in edit.remove_channels)}.values())
        for tag in removing_tags:
            if tag not in before.tags:
                raise ValidationError("remove_tag", _("{name} has no tag #{tag}.", name=before.name, tag=tag))
        if fields:
            contacts.update_contact(contact_id, **fields)  # the introducer rule (no circles) is checked there
        for channel in removing:
            contacts.remove_channel(contact_id, channel.kind, channel.value)
        for kind, value, label in adding:
            contacts.add_channel(contact_id, kind, value, label)
        if adding_tags:
            contacts.add_tags(contact_id, adding_tags)
        for tag in removing_tags:
            contacts.remove_tag(contact_id, tag)
        after = contacts.get_contact(contact_id)
    return changes_between(before, after)


def form_values(detail: contacts.ContactDetail) -> dict:
    """The contact form's values for a contact as it is (what contacts.save_contact takes back)."""
    return {
        "first_name": detail.first_name, "last_name": detail.last_name, "company": detail.company,
        "role": detail.role, "city": detail.city, "country": detail.country,
        "circle": detail.circle, "how_met": detail.how_met, "notes": detail.notes,
        "cadence_days": detail.cadence_days or "", "tags": " ".join(detail.tags),
        "channels": [(c.id, c.kind, c.value, c.label) for c in detail.channels],
        "introduced_by_id": detail.introduced_by_id,
        # for the form's picker: who it shows (saving takes introduced_by_id)
        "introduced_by": [(detail.introduced_by_id, detail.introduced_by_name)] if detail.introduced_by_id else [],
    }


def save_form(contact_id: int, values: dict, loaded: contacts.ContactDetail,
              seen: contacts.ContactDetail | None = None) -> list[Change]:
    """The contact form's save (contacts.save_contact) when the contact may have changed after
    the form read it (`loaded`) -- another member on the team's database, another window.
    Nobody's change is lost: what the form changed is written over the contact as it is now,
    and what the other changed in fields the form left alone stays; returns those changes of
    theirs (to say they were kept). Where both changed the same field (or channel) differently,
    EditConflictError says what they changed and nothing is written; the form keeps its text,
    and a second save passing the contact the error showed (`seen`: the user has seen theirs)
    writes the form's over those -- unless it changed again since."""
    with database.atomic():
        list(locked(Contact.select(Contact.id).where(Contact.id == contact_id)))  # theirs wait for ours
        current = contacts.get_contact(contact_id)
        theirs = changes_between(loaded, current)
        merged, clashes = _merged(values, form_values(loaded), form_values(current))
        if clashes and current != seen:
            raise EditConflictError(_conflict_message(contact_id, current, theirs), current)
        contacts.save_contact(contact_id, merged)
    return theirs


def _conflict_message(contact_id: int, current: contacts.ContactDetail, theirs: list[Change]) -> str:
    changes = "; ".join(change_text(c) for c in theirs)
    who = Contact.get_by_id(contact_id).updated_by
    if who and who != team.current_user():
        return _("{name} was changed by {who} since you opened this form: {changes}. Your text is "
                 "kept: save again to write it over that, or Esc to leave it.",
                 name=current.name, who=who, changes=changes)
    return _("{name} was changed since you opened this form: {changes}. Your text is kept: "
             "save again to write it over that, or Esc to leave it.", name=current.name, changes=changes)


def _merged(mine: dict, base: dict, theirs: dict) -> tuple[dict, list[str]]:
    """A three-way merge of the form's values (`mine`) with another's change (`base` -> `theirs`,
    all as form_values gives them): what the form left as it was takes theirs, what it changed
    stays the form's. Returns the values to save and what both changed differently (where the
    form's value stands)."""
    merged, clashes = dict(mine), []
    merged.pop("introduced_by", None)  # the picker's (id, name): what is saved is introduced_by_id
    for key, value in mine.items():
        if key in ("channels", "tags", "introduced_by") or key not in base:
            continue
        if _same(value, base[key]):
            merged[key] = theirs[key]
        elif not _same(theirs[key], base[key]) and not _same(theirs[key], value):
            clashes.append(key)
    if "tags" in mine:
        merged["tags"] = _merged_tags(mine["tags"], base["tags"], theirs["tags"])
    if "channels" in mine:
        merged["channels"], clashing = _merged_channels(mine["channels"], base["channels"], theirs["channels"])
        clashes += ["channels"] if clashing else []
    return merged, clashes


def _same(one, other) -> bool:
    """Equal as a form shows them: None and "" alike, numbers as their text, spaces around aside."""
    return str("" if one is None else one).strip() == str("" if other is None else other).strip()


def _merged_tags(mine: str, base: str, theirs: str) -> str:
    """Theirs, less the tags the form removed, plus those it added (tags never clash)."""
    mine_tags, base_tags, their_tags = ((text or "").replace(",", " ").split() for text in (mine, base, theirs))
    removed = set(base_tags) - set(mine_tags)  # split as save_contact splits them
    kept = [tag for tag in their_tags if tag not in removed]
    return " ".join(kept + [tag for tag in mine_tags if tag not in base_tags and tag not in kept])


def _merged_channels(mine: list, base: list, theirs: list) -> tuple[list, bool]:
    """The form's channel rows over theirs: a row the form left as it was takes theirs (or goes,
    if they removed it); one it changed or added stays; one it removed goes; theirs added stay.
    Clashing: a row both changed differently, or one they removed that the form changed."""
    base_rows = {row[0]: tuple(row) for row in base}
    their_rows = {row[0]: tuple(row) for row in theirs}
    merged, clashing = [], False
    for row in mine:
        channel_id = row[0]
        if channel_id is None or channel_id not in base_rows:
            merged.append(tuple(row))
        elif tuple(row) == base_rows[channel_id]:
            if channel_id in their_rows:
                merged.append(their_rows[channel_id])
        elif channel_id not in their_rows or their_rows[channel_id] not in (base_rows[channel_id], tuple(row)):
            clashing = True
            merged.append(tuple(row) if channel_id in their_rows else (None, *row[1:]))
        else:
            merged.append(tuple(row))
    merged += [row for channel_id, row in their_rows.items() if channel_id not in base_rows]
    return merged, clashing


def _fields(given: dict) -> dict:
    fields = dict(given)
    if "name" in fields:
        first, last = split_name(fields.pop("name") or "")
        if not first:
            raise ValidationError("name", _("A contact needs a name."))
        fields["first_name"], fields["last_name"] = first, last
    return fields


# The fields an edit reports, in this order (the name as one).
_REPORTED = ("name", "company", "role", "city", "country", "circle", "how_met", "cadence_days", "starred",
             "introduced_by", "notes")


def changes_between(before: contacts.ContactDetail, after: contacts.ContactDetail) -> list[Change]:
    """What differs between two readings of one contact: fields, then channels, then tags."""
    found = []
    for name in _REPORTED:
        old, new = _shown(before, name), _shown(after, name)
        if old != new:
            found.append(Change(name, old, new))
    old_channels = {c.id: c for c in before.channels}
    new_channels = {c.id: c for c in after.channels}
    found += [Change("channel", c.value, "", c.kind, c.label) for i, c in old_channels.items() if i not in new_channels]
    found += [Change("channel", "", c.value, c.kind, c.label) for i, c in new_channels.items() if i not in old_channels]
    found += [Change("tag", t, "") for t in before.tags if t not in after.tags]
    found += [Change("tag", "", t) for t in after.tags if t not in before.tags]
    return found


def _shown(detail: contacts.ContactDetail, name: str) -> str:
    if name == "introduced_by":
        return detail.introduced_by_name or ""
    if name == "cadence_days":
        return str(detail.cadence_days or "")
    if name == "starred":
        return "yes" if detail.starred else ""  # i18n: not text (the CLI words it)
    return str(getattr(detail, name) or "")


# The words of a changed field, as `show` names them.
def _field_names() -> dict[str, str]:
    return {"name": _("name"), "company": _("company"), "role": _("role"), "city": _("city"),
            "country": _("country"), "circle": _("circle"), "how_met": _("how we met"),
            "cadence_days": _("keep in touch"), "starred": _("starred"), "introduced_by": _("introduced by"),
            "notes": _("notes")}


def change_text(change) -> str:
    """'company: Acme → Lumen Digital', 'added e-mail giulia@acme.it (work)', 'removed tag #milano'."""
    if change.what == "channel":
        shown = label(change.kind) + " " + (change.after or change.before)
        shown += f" ({change.label})" if change.label else ""
        return _("added {what}", what=shown) if change.after else _("removed {what}", what=shown)
    if change.what == "tag":
        return _("added tag #{tag}", tag=change.after) if change.after else _("removed tag #{tag}", tag=change.before)
    before, after = _value_text(change.what, change.before), _value_text(change.what, change.after)
    return f"{_field_names()[change.what]}: {before} → {after}"


def _value_text(field: str, value: str) -> str:
    if not value:
        return _("(none)")
    if field == "circle":
        return label(value)
    if field == "starred":
        return _("yes")
    if field == "cadence_days":
        return _("every {n} days", n=value)
    if field == "notes" and len(value) > 60:
        return value[:57].replace("\n", " ") + "…"
    return value.replace("\n", " ")
