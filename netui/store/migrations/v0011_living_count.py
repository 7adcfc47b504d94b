"""Version 11: the number of living contacts, kept (issue 18).

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
"""

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
)


def up(database):
    for statement in STATEMENTS:
        database.execute_sql(statement)
