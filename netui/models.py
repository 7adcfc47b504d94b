"""The schema: Peewee models and nothing else.

The database is bound later (`netui.db.open_database`), so importing this module opens
nothing. Instants are stored as UTC text ("YYYY-MM-DD HH:MM:SS"); dates without a time
(birthdays, due dates) are stored as dates.
"""

from __future__ import annotations

import datetime as dt

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
    TextField,
)
from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

database = DatabaseProxy()

CIRCLES = (
    "family",
    "friends",
    "school",
    "university",
    "work",
    "neighbours",
    "online",
    "events",
    "associations",
    "other",
)
CHANNEL_KINDS = ("email", "phone", "linkedin", "x", "instagram", "facebook", "website", "other")
INTERACTION_KINDS = ("meeting", "call", "video", "email", "message", "social", "event", "note")
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
            value = dt.datetime.strptime(value[:19], UTC_TEXT_FORMAT)
        return pendulum.instance(value, tz="UTC")


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
    cadence_days = IntegerField(null=True)
    starred = BooleanField(default=False)
    notes = TextField(default="")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    trashed_at = UTCDateTimeField(null=True, index=True)


class Channel(BaseModel):
    id = AutoField()
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="channels")
    kind = CharField()
    value = CharField()
    label = CharField(default="")


# Finding who owns an e-mail or a LinkedIn URL, whatever its case (quick capture does it on
# every line): compare with `Channel.value.collate("NOCASE")` so this index is used.
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


class ContactSearch(FTS5Model):
    """Full-text index of a contact: rowid is the contact id, text is folded (see netui.text)."""

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


ALL_MODELS = (
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
    ContactSearch,
)
