"""Version 6: pairs of contacts the user said are not the same person.

- not_duplicate: two contacts (the lower id first, so a pair is stored once) that `netui
  duplicates` and the duplicates screen stop offering once the user said "not the same
  person". Both columns cascade: when either person is purged or merged away, the pair goes.

It adds one table and touches no other, so it does not depend on what version 5 adds.
"""

STATEMENTS = (
    """CREATE TABLE "not_duplicate" ("id" INTEGER NOT NULL PRIMARY KEY, "first_id" INTEGER NOT NULL, "second_id" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("first_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("second_id") REFERENCES "contact" ("id") ON DELETE CASCADE)""",
    """CREATE INDEX "notduplicate_first_id" ON "not_duplicate" ("first_id")""",
    """CREATE INDEX "notduplicate_second_id" ON "not_duplicate" ("second_id")""",
    """CREATE UNIQUE INDEX "notduplicate_first_id_second_id" ON "not_duplicate" ("first_id", "second_id")""",
)


def up(database):
    for statement in STATEMENTS:
        database.execute_sql(statement)
