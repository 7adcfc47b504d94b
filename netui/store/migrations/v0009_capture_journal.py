"""Version 9: the quick-capture journal (issue 18).

- capture_pending: a captured line written down the moment Enter is pressed, before anything
  is made of it -- the line as typed, the event it was typed at, who it is when the user said
  so (`choice`: a contact id, "new", or '' for nobody said), the instant it was typed and by
  whom. It is committed on its own (one INSERT, one durable commit: then the line can no
  longer be lost), and deleted in the same transaction that applies it (netui.capture), so a
  line is applied exactly once. A row left over is a line not applied yet: after a crash, or
  one that needs the user (a name several people have).

Ids are never reused (AUTOINCREMENT; an identity on PostgreSQL): a screen holding a waiting
line's id never applies another line that took its number. `event_id` is not a foreign key: a line typed at an event deleted since is still the user's
line (applying it says the event is gone, and it waits for them). No other table changes.
"""

STATEMENTS = (
    """CREATE TABLE "capture_pending" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "line" TEXT NOT NULL, "event_id" INTEGER, "choice" VARCHAR(255) NOT NULL DEFAULT '', "typed_at" DATETIME NOT NULL, "typed_by" VARCHAR(255) NOT NULL DEFAULT '')""",
)


def up(database):
    for statement in STATEMENTS:
        database.execute_sql(statement)
