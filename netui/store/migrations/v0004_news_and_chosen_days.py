"""Version 4: news that is not contact, and follow-up days that were not chosen.

- interaction: `counts_as_contact` (1 unless netui logged the entry on its own from news about
  the person, e.g. "New job: ..." seen in a LinkedIn export, or "To meet at <event>" from a
  capture before the event: the person was not in touch). Only entries that count move
  contact.last_contacted_at, so news never resets the keep-in-touch cadence. The triggers of
  version 2 are made again with that condition (same names: netui.demo finds the insert
  trigger by its name); every existing entry counts, so no stored date changes.
- follow_up: `due_by_default` (1 when the day is the default quick capture applied because the
  line gave no !date; a later capture without !date may move such a day, never one chosen).
  Existing follow-ups count as chosen: an upgrade never moves anyone's date.
"""

COUNTS = "i.counts_as_contact = 1"
LAST_OF = (
    "(SELECT MAX(i.occurred_at) FROM interaction_participant AS p "
    "JOIN interaction AS i ON i.id = p.interaction_id WHERE p.contact_id = {contact} AND " + COUNTS + ")"
)

STATEMENTS = (
    """ALTER TABLE "interaction" ADD COLUMN "counts_as_contact" INTEGER NOT NULL DEFAULT 1""",
    """ALTER TABLE "follow_up" ADD COLUMN "due_by_default" INTEGER NOT NULL DEFAULT 0""",
    """DROP TRIGGER "last_contacted_participant_insert\"""",
    """DROP TRIGGER "last_contacted_participant_delete\"""",
    """DROP TRIGGER "last_contacted_participant_update\"""",
    """DROP TRIGGER "last_contacted_interaction_update\"""",
    # A new participant: only a newer interaction that counts moves the date.
    f"""CREATE TRIGGER "last_contacted_participant_insert" AFTER INSERT ON "interaction_participant"
    BEGIN
        UPDATE "contact" SET "last_contacted_at" = (SELECT occurred_at FROM interaction AS i WHERE i.id = NEW.interaction_id AND {COUNTS})
        WHERE id = NEW.contact_id AND EXISTS (SELECT 1 FROM interaction AS i WHERE i.id = NEW.interaction_id AND {COUNTS})
            AND ("last_contacted_at" IS NULL
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
    # An interaction moved in time, or now counting (or no longer): recompute its people.
    f"""CREATE TRIGGER "last_contacted_interaction_update" AFTER UPDATE OF "occurred_at", "counts_as_contact" ON "interaction"
    BEGIN
        UPDATE "contact" SET "last_contacted_at" = {LAST_OF.format(contact='"contact".id')}
        WHERE id IN (SELECT contact_id FROM interaction_participant WHERE interaction_id = NEW.id);
    END""",
)


def up(database):
    for statement in STATEMENTS:
        database.execute_sql(statement)
