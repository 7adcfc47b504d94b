"""Version 11: numbers the first screen shows, kept instead of counted (issue 18).

- contact_totals: the number of living contacts (the contact list's title).
- event_totals: each event's attendees "to meet" and "met" (the event planner's lines), all of
  them; the few in the trash are taken off when read (netui.events: through the index on
  contact.trashed_at and the one on event_attendee.contact_id, whatever the network's size).
  Counting them per event joined every attendee to their contact: 10 ms and ~45 M
  instructions at 100,000 people (13,600 attendees), 0.1 s at a million (134,000).

The contact list's title ("100,000 people") counted the living contacts at every start and
every clear of the search box: `count(*)` over the contact table, 4-9 ms and ~40 M
instructions at 100,000 people, ten times that at a million. `contact_totals` holds the
number instead, kept by triggers on contact whoever writes (the domain functions, the bulk
inserts of the demo and of imports, fired per row; a merge, a purge): a contact added living,
deleted living, or moved to or back from the trash (`trashed_at` set or cleared). A bulk
write that suspends the triggers counts again when they come back
(netui.store.bulk.triggers_suspended). Read with `SELECT sum("living")` (netui.store.totals):
one row here; on a team's PostgreSQL database a row per change, folded now and then, so that
two members adding people never wait for each other (netui.store.migrations.postgres,
EXTRA[11]). Filled here for an existing file: one count, once.

An event's row of event_totals is made by its first attendee and goes with the event
(ON DELETE CASCADE); a bulk write that suspends event_attendee's triggers counts again.
"""

# One attendee row's part of an event's numbers: (to meet, met).
_PARTS = ("(CASE WHEN {row}.\"status\" = 'to meet' THEN 1 ELSE 0 END)",
          "(CASE WHEN {row}.\"status\" = 'met' THEN 1 ELSE 0 END)")


def attendee_added(row: str) -> str:
    to_meet, met = (part.format(row=row) for part in _PARTS)
    return (f"""INSERT INTO "event_totals" ("event_id", "to_meet", "met") VALUES ({row}."event_id", {to_meet}, {met})
        ON CONFLICT ("event_id") DO UPDATE SET "to_meet" = "event_totals"."to_meet" + excluded."to_meet",
        "met" = "event_totals"."met" + excluded."met\"""")


def attendee_taken(row: str) -> str:
    to_meet, met = (part.format(row=row) for part in _PARTS)
    return (f"""UPDATE "event_totals" SET "to_meet" = "to_meet" - {to_meet}, "met" = "met" - {met}
        WHERE "event_id" = {row}."event_id\"""")


EVENT_TOTALS_FILLED = """INSERT INTO "event_totals" ("event_id", "to_meet", "met")
    SELECT "event_id", sum(CASE WHEN "status" = 'to meet' THEN 1 ELSE 0 END), sum(CASE WHEN "status" = 'met' THEN 1 ELSE 0 END)
    FROM "event_attendee" GROUP BY "event_id\""""


STATEMENTS = (
    """CREATE TABLE "contact_totals" ("living" INTEGER NOT NULL)""",
    """INSERT INTO "contact_totals" ("living") SELECT count(*) FROM "contact" WHERE "trashed_at" IS NULL""",
    """CREATE TRIGGER "contact_living_insert" AFTER INSERT ON "contact" WHEN NEW."trashed_at" IS NULL
    BEGIN
        UPDATE "contact_totals" SET "living" = "living" + 1;
    END""",
    """CREATE TRIGGER "contact_living_delete" AFTER DELETE ON "contact" WHEN OLD."trashed_at" IS NULL
    BEGIN
        UPDATE "contact_totals" SET "living" = "living" - 1;
    END""",
    """CREATE TRIGGER "contact_living_trash" AFTER UPDATE OF "trashed_at" ON "contact"
    WHEN (OLD."trashed_at" IS NULL) <> (NEW."trashed_at" IS NULL)
    BEGIN
        UPDATE "contact_totals" SET "living" = "living" + (CASE WHEN NEW."trashed_at" IS NULL THEN 1 ELSE -1 END);
    END""",
    """CREATE TABLE "event_totals" ("event_id" INTEGER NOT NULL PRIMARY KEY, "to_meet" INTEGER NOT NULL DEFAULT 0, "met" INTEGER NOT NULL DEFAULT 0, FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE)""",
    EVENT_TOTALS_FILLED,
    f"""CREATE TRIGGER "event_totals_attendee_insert" AFTER INSERT ON "event_attendee"
    BEGIN
        {attendee_added("NEW")};
    END""",
    f"""CREATE TRIGGER "event_totals_attendee_delete" AFTER DELETE ON "event_attendee"
    BEGIN
        {attendee_taken("OLD")};
    END""",
    f"""CREATE TRIGGER "event_totals_attendee_update" AFTER UPDATE OF "status", "event_id" ON "event_attendee"
    BEGIN
        {attendee_taken("OLD")};
        {attendee_added("NEW")};
    END""",
)


def up(database):
    for statement in STATEMENTS:
        database.execute_sql(statement)
