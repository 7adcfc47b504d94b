"""Version 2: keeping in touch, milestones and recurring appointments.

- contact: `cadence_off` ("none": no keep-in-touch whatever the defaults), `cadence_snoozed_until`,
  and `last_contacted_at`, the newest interaction with the person, indexed. SQLite triggers keep
  it right on every write that can change it (a participant added, removed or moved, an
  interaction moved in time or deleted: its participants go by cascade), whoever writes —
  the domain functions, the bulk inserts of the demo and of import (executemany fires them per
  row), or a merge. Existing rows are back-filled here.
- interaction: `milestone` (new job, promotion... for kind "milestone").
- cadence_default: a keep-in-touch cadence for a circle or a tag.
- appointment, appointment_participant, appointment_occurrence: recurring appointments
  (an RFC 5545 rule), their people, and the occurrences marked done or skipped.
"""

LAST_OF = (
    "(SELECT MAX(i.occurred_at) FROM interaction_participant AS p "
    "JOIN interaction AS i ON i.id = p.interaction_id WHERE p.contact_id = {contact})"
)

STATEMENTS = (
    """ALTER TABLE "contact" ADD COLUMN "cadence_off" INTEGER NOT NULL DEFAULT 0""",
    """ALTER TABLE "contact" ADD COLUMN "cadence_snoozed_until" DATE""",
    """ALTER TABLE "contact" ADD COLUMN "last_contacted_at" DATETIME""",
    """CREATE INDEX "contact_last_contacted_at" ON "contact" ("last_contacted_at")""",
    """ALTER TABLE "interaction" ADD COLUMN "milestone" VARCHAR(255) NOT NULL DEFAULT ''""",
    """CREATE TABLE "cadence_default" ("id" INTEGER NOT NULL PRIMARY KEY, "scope" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "days" INTEGER NOT NULL)""",
    """CREATE UNIQUE INDEX "cadence_default_scope_name" ON "cadence_default" ("scope", "name")""",
    """CREATE TABLE "appointment" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(255) NOT NULL, "rule" TEXT NOT NULL, "timezone" VARCHAR(255) NOT NULL, "duration_minutes" INTEGER NOT NULL, "notes" TEXT NOT NULL, "created_at" DATETIME NOT NULL)""",
    """CREATE TABLE "appointment_participant" ("appointment_id" INTEGER NOT NULL, "contact_id" INTEGER NOT NULL, FOREIGN KEY ("appointment_id") REFERENCES "appointment" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE)""",
    """CREATE INDEX "appointment_participant_appointment_id" ON "appointment_participant" ("appointment_id")""",
    """CREATE INDEX "appointment_participant_contact_id" ON "appointment_participant" ("contact_id")""",
    """CREATE UNIQUE INDEX "appointment_participant_appointment_id_contact_id" ON "appointment_participant" ("appointment_id", "contact_id")""",
    """CREATE TABLE "appointment_occurrence" ("id" INTEGER NOT NULL PRIMARY KEY, "appointment_id" INTEGER NOT NULL, "occurs_on" DATE NOT NULL, "status" VARCHAR(255) NOT NULL, "interaction_id" INTEGER, FOREIGN KEY ("appointment_id") REFERENCES "appointment" ("id") ON DELETE CASCADE, FOREIGN KEY ("interaction_id") REFERENCES "interaction" ("id") ON DELETE SET NULL)""",
    """CREATE INDEX "appointment_occurrence_appointment_id" ON "appointment_occurrence" ("appointment_id")""",
    """CREATE INDEX "appointment_occurrence_interaction_id" ON "appointment_occurrence" ("interaction_id")""",
    """CREATE UNIQUE INDEX "appointment_occurrence_appointment_id_occurs_on" ON "appointment_occurrence" ("appointment_id", "occurs_on")""",
    # A new participant: only a newer interaction moves the date (no scan of their history).
    """CREATE TRIGGER "last_contacted_participant_insert" AFTER INSERT ON "interaction_participant"
    BEGIN
        UPDATE "contact" SET "last_contacted_at" = (SELECT occurred_at FROM interaction WHERE id = NEW.interaction_id)
        WHERE id = NEW.contact_id AND ("last_contacted_at" IS NULL
            OR "last_contacted_at" < (SELECT occurred_at FROM interaction WHERE id = NEW.interaction_id));
    END""",
    # Removed (also by the cascade when an interaction or a contact is deleted): recompute.
    f"""CREATE TRIGGER "last_contacted_participant_delete" AFTER DELETE ON "interaction_participant"
    BEGIN
        UPDATE "contact" SET "last_contacted_at" = {LAST_OF.format(contact="OLD.contact_id")}
        WHERE id = OLD.contact_id;
    END""",
    # Moved to another contact or interaction (a merge): recompute both people.
    f"""CREATE TRIGGER "last_contacted_participant_update" AFTER UPDATE OF "contact_id", "interaction_id" ON "interaction_participant"
    BEGIN
        UPDATE "contact" SET "last_contacted_at" = {LAST_OF.format(contact='"contact".id')}
        WHERE id IN (OLD.contact_id, NEW.contact_id);
    END""",
    # An interaction moved in time: recompute its people.
    f"""CREATE TRIGGER "last_contacted_interaction_update" AFTER UPDATE OF "occurred_at" ON "interaction"
    BEGIN
        UPDATE "contact" SET "last_contacted_at" = {LAST_OF.format(contact='"contact".id')}
        WHERE id IN (SELECT contact_id FROM interaction_participant WHERE interaction_id = NEW.id);
    END""",
    f"""UPDATE "contact" SET "last_contacted_at" = {LAST_OF.format(contact='"contact".id')}""",
)


def up(database):
    for statement in STATEMENTS:
        database.execute_sql(statement)
