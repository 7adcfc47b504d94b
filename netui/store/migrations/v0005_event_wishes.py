"""Version 5: people to meet at an event who are not contacts yet.

- event_wish: a name, a company and why, on an event's "to meet" list (netui.wishes). Once
  the person is met there (captured at the event, or marked met) or added as a contact to
  write to afterwards, `contact_id` links the wish to that contact. Deleting the event deletes
  its wishes; deleting (purging) the contact deletes the wish too, as it names the same person.
  No row exists before this version: nothing to back-fill.
- event: `country`, beside its city (empty for every existing event).
"""

STATEMENTS = (
    """CREATE TABLE "event_wish" ("id" INTEGER NOT NULL PRIMARY KEY, "event_id" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "company" VARCHAR(255) NOT NULL, "why" TEXT NOT NULL, "contact_id" INTEGER, "created_at" DATETIME NOT NULL, FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE)""",
    """CREATE INDEX "event_wish_event_id" ON "event_wish" ("event_id")""",
    """CREATE INDEX "event_wish_contact_id" ON "event_wish" ("contact_id")""",
    """ALTER TABLE "event" ADD COLUMN "country" VARCHAR(255) NOT NULL DEFAULT ''""",
)


def up(database):
    for statement in STATEMENTS:
        database.execute_sql(statement)
