"""Version 3: give & take — favours given and received, introductions between two contacts.

- introduction: you introduce person A to person B, with the reason, the day, a status
  (proposed → made → met → outcome), the outcome in words, and the timeline entry logged with
  both when it was made.
- favour: given to or received from a contact, its kind (reference letter, content shared...),
  the day, a note, the introduction it came from and the follow-up it asked for (both optional).
- contact: `favour_balance`, favours given minus favours received, indexed (the contact list
  sorts on it, "people I owe" reads it). SQLite triggers keep it right on every write to
  favour — a favour added, deleted, moved to another person (a merge) or turned around —
  whoever writes, and when a contact is deleted its favours go by cascade. No favour exists
  before this version, so the column's default (0) is the right value for every existing row.

contact.introduced_by_id is already indexed (version 1): introduced-by chains and "top
connectors" walk it.
"""

# +1 for a favour given, -1 for one received (anything else: 0, never a wrong sign).
SIGN = "(CASE {row}.direction WHEN 'gave' THEN 1 WHEN 'received' THEN -1 ELSE 0 END)"

STATEMENTS = (
    """ALTER TABLE "contact" ADD COLUMN "favour_balance" INTEGER NOT NULL DEFAULT 0""",
    """CREATE INDEX "contact_favour_balance" ON "contact" ("favour_balance")""",
    """CREATE TABLE "introduction" ("id" INTEGER NOT NULL PRIMARY KEY, "person_a_id" INTEGER NOT NULL, "person_b_id" INTEGER NOT NULL, "reason" TEXT NOT NULL, "introduced_on" DATE NOT NULL, "status" VARCHAR(255) NOT NULL, "outcome" TEXT NOT NULL, "interaction_id" INTEGER, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("person_a_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_b_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("interaction_id") REFERENCES "interaction" ("id") ON DELETE SET NULL)""",
    """CREATE INDEX "introduction_person_a_id" ON "introduction" ("person_a_id")""",
    """CREATE INDEX "introduction_person_b_id" ON "introduction" ("person_b_id")""",
    """CREATE INDEX "introduction_introduced_on" ON "introduction" ("introduced_on")""",
    """CREATE INDEX "introduction_interaction_id" ON "introduction" ("interaction_id")""",
    """CREATE TABLE "favour" ("id" INTEGER NOT NULL PRIMARY KEY, "contact_id" INTEGER NOT NULL, "direction" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "occurred_on" DATE NOT NULL, "note" TEXT NOT NULL, "introduction_id" INTEGER, "followup_id" INTEGER, "created_at" DATETIME NOT NULL, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("introduction_id") REFERENCES "introduction" ("id") ON DELETE SET NULL, FOREIGN KEY ("followup_id") REFERENCES "follow_up" ("id") ON DELETE SET NULL)""",
    """CREATE INDEX "favour_contact_id" ON "favour" ("contact_id")""",
    """CREATE INDEX "favour_occurred_on" ON "favour" ("occurred_on")""",
    """CREATE INDEX "favour_introduction_id" ON "favour" ("introduction_id")""",
    """CREATE INDEX "favour_followup_id" ON "favour" ("followup_id")""",
    f"""CREATE TRIGGER "favour_balance_insert" AFTER INSERT ON "favour"
    BEGIN
        UPDATE "contact" SET "favour_balance" = "favour_balance" + {SIGN.format(row="NEW")}
        WHERE id = NEW.contact_id;
    END""",
    # Also fired by the cascade when a contact is deleted (their own row is going anyway).
    f"""CREATE TRIGGER "favour_balance_delete" AFTER DELETE ON "favour"
    BEGIN
        UPDATE "contact" SET "favour_balance" = "favour_balance" - {SIGN.format(row="OLD")}
        WHERE id = OLD.contact_id;
    END""",
    # Moved to another contact (a merge) or turned around: take the old sign off, put the new on.
    f"""CREATE TRIGGER "favour_balance_update" AFTER UPDATE OF "contact_id", "direction" ON "favour"
    BEGIN
        UPDATE "contact" SET "favour_balance" = "favour_balance" - {SIGN.format(row="OLD")}
        WHERE id = OLD.contact_id;
        UPDATE "contact" SET "favour_balance" = "favour_balance" + {SIGN.format(row="NEW")}
        WHERE id = NEW.contact_id;
    END""",
)


def up(database):
    for statement in STATEMENTS:
        database.execute_sql(statement)
