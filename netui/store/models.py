"""The schema: Peewee models and nothing else.

The database is bound later (`netui.store.db.open_database`), so importing this module opens
nothing. Instants are stored as UTC text ("YYYY-MM-DD HH:MM:SS"); dates without a time
(birthdays, due dates) are stored as dates.
"""

from __future__ import annotations

import datetime as dt
import threading

import pendulum
from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DatabaseProxy,
    Field,
    ForeignKeyField,
    IntegerField,
    Model,
    SQL,
    TextField,
    fn,
)

from netui.rules import CHANNEL_KINDS, CIRCLES  # noqa: F401 (the stored codes of Contact.circle and Channel.kind)

database = DatabaseProxy()

INTERACTION_KINDS = ("meeting", "call", "video", "email", "message", "social", "event", "note")
# Their news to congratulate (a new job...): an interaction of kind MILESTONE_KIND, logged with
# netui.timeline.log_milestone, its Interaction.milestone one of MILESTONES.
MILESTONE_KIND = "milestone"
MILESTONES = ("new job", "promotion", "award", "book", "child")
CADENCE_SCOPES = ("circle", "tag")
OCCURRENCE_STATUSES = ("done", "skipped")
INITIATORS = ("me", "them")
EVENT_KINDS = (
    "convention",
    "congress",
    "work party",
    "alumni",
    "round table",
    "book presentation",
    "webinar",
    "trade fair",
    "meetup",
    "trip",
    "other",
)
EVENT_STATUSES = ("idea", "planned", "registered", "attended", "skipped")
ATTENDEE_STATUSES = ("to meet", "met")
# Give & take (schema version 3): favours given or received, introductions between two contacts.
FAVOUR_DIRECTIONS = ("gave", "received")
FAVOUR_KINDS = (
    "reference letter",
    "content shared",
    "useful tool",
    "introduction",
    "job lead",
    "advice",
    "other",
)
# In this order; an introduction only moves forward (netui.giving).
INTRODUCTION_STATUSES = ("proposed", "made", "met", "outcome")

# How instants are stored: UTC, to the second (text sorts in time order).
UTC_TEXT_FORMAT = "%Y-%m-%d %H:%M:%S"


class UTCDateTimeField(Field):
    """An instant, written as UTC text and read back as a UTC pendulum DateTime."""

    field_type = "DATETIME"

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if value.tzinfo is None:  # naive values are taken to be UTC already
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc).strftime(UTC_TEXT_FORMAT)

    def python_value(self, value):
        if value is None:
            return None
        if not isinstance(value, dt.datetime):  # aggregates may hand back converted values
            # fromisoformat and the plain constructor: about 4x faster than strptime and
            # pendulum.instance, which matters when a list or an export reads thousands of rows.
            parsed = dt.datetime.fromisoformat(value[:19])
            return pendulum.DateTime(
                parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute, parsed.second,
                tzinfo=pendulum.UTC,
            )
        return pendulum.instance(value, tz="UTC")


def on_postgres() -> bool:
    """Is the bound database a team's on PostgreSQL (not a file)?"""
    from peewee import PostgresqlDatabase

    return isinstance(database.obj, PostgresqlDatabase)


def locked(query):
    """`query` locking the rows it reads until the transaction ends: other members' writes to
    them wait (SELECT ... FOR UPDATE on PostgreSQL; a file's write transaction already holds
    the whole file, and SQLite has no FOR UPDATE)."""
    return query.for_update() if on_postgres() else query


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def equal_ignoring_case(field, value: str):
    """`field = value` with the case of ASCII letters ignored (SQLite's NOCASE: "ANNA@X.IT" is
    "anna@x.it", "É" is not "é"), through the index built for it on each backend."""
    if on_postgres():
        return fn.lower(field) == value.translate(_ASCII_LOWER)
    return field.collate("NOCASE") == value


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Event(BaseModel):
    id = AutoField()
    title = CharField()
    kind = CharField(default="other")
    starts_at = UTCDateTimeField(null=True, index=True)
    ends_at = UTCDateTimeField(null=True)
    timezone = CharField(default="UTC")
    venue = CharField(default="")
    city = CharField(default="")
    link = CharField(default="")
    status = CharField(default="idea")
    goal = TextField(default="")
    notes = TextField(default="")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    country = CharField(default="")  # added in schema version 5


class Contact(BaseModel):
    id = AutoField()
    first_name = CharField(default="")
    last_name = CharField(default="")
    # folded "first last", lower-case: the list sorts on it with an index ("Élodie" near "Elena")
    sort_name = CharField(default="", index=True)
    company = CharField(default="", index=True)
    role = CharField(default="")
    city = CharField(default="", index=True)
    country = CharField(default="")
    circle = CharField(default="other", index=True)
    how_met = TextField(default="")
    met_at = ForeignKeyField(Event, null=True, on_delete="SET NULL", backref="contacts_met")
    introduced_by = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="introduced")
    # Keep in touch every N days; None: the circle's or a tag's default (netui.upkeep), unless
    # cadence_off (below) says "never" for this person.
    cadence_days = IntegerField(null=True)
    starred = BooleanField(default=False)
    notes = TextField(default="")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    trashed_at = UTCDateTimeField(null=True, index=True)
    # Added in schema version 2 (so at the end, like the columns ALTER TABLE added):
    cadence_off = BooleanField(default=False)  # "none": no keep-in-touch, whatever the defaults
    cadence_snoozed_until = DateField(null=True)  # not overdue before this day
    # The newest interaction with them: kept by SQLite triggers (migration v0002), never written
    # from Python, so sorting and the overdue list read one indexed column.
    last_contacted_at = UTCDateTimeField(null=True, index=True)
    # Added in schema version 3: favours given minus favours received, kept by SQLite triggers
    # on the favour table (migration v0003), never written from Python; the list sorts on it.
    favour_balance = IntegerField(default=0, index=True)
    # Added in schema version 8: the team member who last changed them ('' not recorded).
    updated_by = CharField(default="")

    class Meta:
        # save() writes only the fields changed, so a row read earlier never writes back a stale
        # last_contacted_at or favour_balance over what the triggers keep.
        only_save_dirty = True


# Schema version 7: an index per order of the contact list, each ending in sort_name, so that
# a page of any order reads a page of rows (netui/store/migrations/v0007_list_order_indexes.py).
Contact.add_index(Contact.index(Contact.favour_balance.desc(), Contact.sort_name, name="contact_balance_sort_name"))
Contact.add_index(Contact.index(Contact.company == SQL("''"), fn.lower(Contact.company), Contact.sort_name,
                                name="contact_company_sort_name"))
Contact.add_index(Contact.index(Contact.last_contacted_at.desc(), Contact.sort_name,
                                name="contact_last_contacted_sort_name"))


class Channel(BaseModel):
    id = AutoField()
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="channels")
    kind = CharField()
    value = CharField()
    label = CharField(default="")


# Finding who owns an e-mail or a LinkedIn URL, whatever its case (quick capture does it on
# every line): compare with `equal_ignoring_case(Channel.value, ...)` so this index is used.
Channel.add_index(Channel.index(Channel.kind, Channel.value.collate("NOCASE"), name="channel_kind_value_nocase"))


class Tag(BaseModel):
    id = AutoField()
    name = CharField(unique=True)  # stored lower-case: #Fintech and #fintech are one tag


class ContactTag(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="tag_links")
    tag = ForeignKeyField(Tag, on_delete="CASCADE", backref="contact_links")

    class Meta:
        primary_key = False
        indexes = ((("contact", "tag"), True),)


class Fact(BaseModel):
    id = AutoField()
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="facts")
    label = CharField()
    value = TextField()


class ImportantDate(BaseModel):
    id = AutoField()
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="important_dates")
    label = CharField()
    month = IntegerField()
    day = IntegerField()
    year = IntegerField(null=True)
    remind_days_before = IntegerField(default=7)


class Interaction(BaseModel):
    id = AutoField()
    kind = CharField()
    occurred_at = UTCDateTimeField(index=True)
    summary = TextField(default="")
    notes = TextField(default="")
    initiated_by = CharField(null=True)
    event = ForeignKeyField(Event, null=True, on_delete="SET NULL", backref="interactions")
    created_at = UTCDateTimeField()
    milestone = CharField(default="")  # for kind "milestone": one of MILESTONES
    # Added in schema version 4: False for news netui logged on its own ("New job: ..." from a
    # LinkedIn export): not being in touch, so it does not move Contact.last_contacted_at.
    counts_as_contact = BooleanField(default=True)
    # Added in schema version 8: the team member who logged it ('' before: not recorded).
    logged_by = CharField(default="", index=True)


class InteractionParticipant(BaseModel):
    interaction = ForeignKeyField(Interaction, on_delete="CASCADE", backref="participant_links")
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="interaction_links")

    class Meta:
        primary_key = False
        indexes = ((("interaction", "contact"), True),)


class EventAttendee(BaseModel):
    event = ForeignKeyField(Event, on_delete="CASCADE", backref="attendee_links")
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="event_links")
    status = CharField(default="to meet")
    role = CharField(default="")

    class Meta:
        primary_key = False
        indexes = ((("event", "contact"), True),)


class EventTotals(BaseModel):
    """An event's attendees to meet and met, kept by triggers (schema 11; netui.store.totals).
    Not in ALL_MODELS: never written but by the triggers, never copied (counted again)."""

    event = ForeignKeyField(Event, primary_key=True, on_delete="CASCADE")
    to_meet = IntegerField(default=0)
    met = IntegerField(default=0)

    class Meta:
        table_name = "event_totals"


class FollowUp(BaseModel):
    id = AutoField()
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="followups")
    due_on = DateField(index=True)
    channel = CharField(default="")
    action = TextField(default="")
    source_interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    source_event = ForeignKeyField(Event, null=True, on_delete="SET NULL")
    done_at = UTCDateTimeField(null=True)
    snoozed_until = DateField(null=True)
    created_at = UTCDateTimeField()
    # Added in schema version 4: True when nobody chose the day (quick capture's default, the
    # line had no !date); a later capture without !date may move it, never a chosen one.
    due_by_default = BooleanField(default=False)
    # Added in schema version 8: who added it, and whose Today shows it ('' : not recorded,
    # everyone's).
    logged_by = CharField(default="")
    owner = CharField(default="", index=True)


class CadenceDefault(BaseModel):
    """Keep in touch every `days` days with everyone in a circle or with a tag (no own cadence)."""

    id = AutoField()
    scope = CharField()  # one of CADENCE_SCOPES
    name = CharField()  # the circle, or the tag's (lower-case) name
    days = IntegerField()

    class Meta:
        indexes = ((("scope", "name"), True),)


class Appointment(BaseModel):
    """A recurring appointment: `rule` is a dateutil/RFC 5545 text, "DTSTART:...\nRRULE:...",
    in floating local time of `timezone` (9:00 stays 9:00 across daylight-saving changes)."""

    id = AutoField()
    title = CharField()
    rule = TextField()
    timezone = CharField(default="UTC")
    duration_minutes = IntegerField(default=60)
    notes = TextField(default="")
    created_at = UTCDateTimeField()


class AppointmentParticipant(BaseModel):
    appointment = ForeignKeyField(Appointment, on_delete="CASCADE", backref="participant_links")
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="appointment_links")

    class Meta:
        primary_key = False
        indexes = ((("appointment", "contact"), True),)


class AppointmentOccurrence(BaseModel):
    """One occurrence of an appointment marked done (with the interaction logged) or skipped."""

    id = AutoField()
    appointment = ForeignKeyField(Appointment, on_delete="CASCADE", backref="occurrences")
    occurs_on = DateField()
    status = CharField(default="done")  # one of OCCURRENCE_STATUSES
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("appointment", "occurs_on"), True),)


class Introduction(BaseModel):
    """You introduced person A to person B (or mean to): status one of INTRODUCTION_STATUSES."""

    id = AutoField()
    person_a = ForeignKeyField(Contact, on_delete="CASCADE", backref="introductions_as_a")
    person_b = ForeignKeyField(Contact, on_delete="CASCADE", backref="introductions_as_b")
    reason = TextField(default="")
    introduced_on = DateField(index=True)
    status = CharField(default="proposed")
    outcome = TextField(default="")
    # The timeline entry logged with both people when it was made.
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    logged_by = CharField(default="")  # schema version 8: the team member who recorded it


class Favour(BaseModel):
    """A favour given to or received from a contact (direction one of FAVOUR_DIRECTIONS)."""

    id = AutoField()
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="favours")
    direction = CharField()
    kind = CharField(default="other")  # one of FAVOUR_KINDS
    occurred_on = DateField(index=True)
    note = TextField(default="")
    introduction = ForeignKeyField(Introduction, null=True, on_delete="SET NULL", backref="favours")
    followup = ForeignKeyField(FollowUp, null=True, on_delete="SET NULL")
    created_at = UTCDateTimeField()
    logged_by = CharField(default="")  # schema version 8: the team member who recorded it


class NotDuplicate(BaseModel):
    """Two contacts the user said are not the same person (first < second): netui.duplicates
    stops offering the pair. Added in schema version 6."""

    id = AutoField()
    first = ForeignKeyField(Contact, on_delete="CASCADE", backref="not_duplicates_as_first")
    second = ForeignKeyField(Contact, on_delete="CASCADE", backref="not_duplicates_as_second")
    created_at = UTCDateTimeField()

    class Meta:
        indexes = ((("first", "second"), True),)

class EventWish(BaseModel):
    """Someone to meet at an event who is not a contact yet (schema version 5): a name, a
    company, why. `contact` is the person they became (captured or met there, or added
    afterwards to write to them); deleting that contact deletes the wish, which names them."""

    id = AutoField()
    event = ForeignKeyField(Event, on_delete="CASCADE", backref="wishes")
    name = CharField()
    company = CharField(default="")
    why = TextField(default="")
    contact = ForeignKeyField(Contact, null=True, on_delete="CASCADE", backref="wishes")
    created_at = UTCDateTimeField()


class CapturePending(BaseModel):
    """A quick-capture line written down when Enter was pressed, not applied yet (schema
    version 9; netui.store.journal writes it, netui.capture applies it and deletes it in one
    transaction). `choice`: who it is when the user said so -- a contact id, "new", or ''."""

    id = AutoField()
    line = TextField()
    event_id = IntegerField(null=True)
    choice = CharField(default="")
    typed_at = UTCDateTimeField()
    typed_by = CharField(default="")

    class Meta:
        table_name = "capture_pending"


TABLE_MODELS = (
    Event,
    Contact,
    Channel,
    Tag,
    ContactTag,
    Fact,
    ImportantDate,
    Interaction,
    InteractionParticipant,
    EventAttendee,
    FollowUp,
    CadenceDefault,
    Appointment,
    AppointmentParticipant,
    AppointmentOccurrence,
    Introduction,
    Favour,
    EventWish,
    NotDuplicate,
    CapturePending,  # lines typed and not saved yet: the user's words, copied like the rest
)
_making = threading.Lock()


def _contact_search() -> type[Model]:
    from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

    class ContactSearch(FTS5Model):
        """Full-text index of a contact: rowid is the contact id, text is folded (see netui.text).
        On PostgreSQL a plain table of the same columns, where a trigger turns the text written
        into a tsvector of each column's words and keeps no text (netui.store.migrations.postgres;
        netui.store.search queries them)."""

        rowid = RowIDField()
        name = SearchField()
        company = SearchField()
        role = SearchField()
        city = SearchField()
        tags = SearchField()
        notes = SearchField()
        facts = SearchField()
        interactions = SearchField()

        class Meta:
            database = database
            table_name = "contact_search"
            options = {"tokenize": "unicode61 remove_diacritics 2"}

    ContactSearch.__qualname__ = "ContactSearch"  # as if defined at the top: models.ContactSearch
    return ContactSearch


def __getattr__(name: str):
    """`ContactSearch`, and `ALL_MODELS` (every table's model and it), made at their first use:
    FTS5Model comes with playhouse.sqlite_ext (~7 M instructions), which only the search and
    the writers that index need, never the first screen (issue 18)."""
    if name not in ("ContactSearch", "ALL_MODELS"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with _making:
        if "ContactSearch" not in globals():
            contact_search = _contact_search()
            globals().update(ContactSearch=contact_search, ALL_MODELS=(*TABLE_MODELS, contact_search))
    return globals()[name]

