"""Version 1: the first schema (a frozen copy; later models change only through new versions)."""

STATEMENTS = (
    """CREATE TABLE "event" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "starts_at" DATETIME, "ends_at" DATETIME, "timezone" VARCHAR(255) NOT NULL, "venue" VARCHAR(255) NOT NULL, "city" VARCHAR(255) NOT NULL, "link" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, "goal" TEXT NOT NULL, "notes" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)""",
    """CREATE INDEX "event_starts_at" ON "event" ("starts_at")""",
    """CREATE TABLE "contact" ("id" INTEGER NOT NULL PRIMARY KEY, "first_name" VARCHAR(255) NOT NULL, "last_name" VARCHAR(255) NOT NULL, "sort_name" VARCHAR(255) NOT NULL, "company" VARCHAR(255) NOT NULL, "role" VARCHAR(255) NOT NULL, "city" VARCHAR(255) NOT NULL, "country" VARCHAR(255) NOT NULL, "circle" VARCHAR(255) NOT NULL, "how_met" TEXT NOT NULL, "met_at_id" INTEGER, "introduced_by_id" INTEGER, "cadence_days" INTEGER, "starred" INTEGER NOT NULL, "notes" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "trashed_at" DATETIME, FOREIGN KEY ("met_at_id") REFERENCES "event" ("id") ON DELETE SET NULL, FOREIGN KEY ("introduced_by_id") REFERENCES "contact" ("id") ON DELETE SET NULL)""",
    """CREATE INDEX "contact_sort_name" ON "contact" ("sort_name")""",
    """CREATE INDEX "contact_company" ON "contact" ("company")""",
    """CREATE INDEX "contact_city" ON "contact" ("city")""",
    """CREATE INDEX "contact_circle" ON "contact" ("circle")""",
    """CREATE INDEX "contact_met_at_id" ON "contact" ("met_at_id")""",
    """CREATE INDEX "contact_introduced_by_id" ON "contact" ("introduced_by_id")""",
    """CREATE INDEX "contact_trashed_at" ON "contact" ("trashed_at")""",
    """CREATE TABLE "channel" ("id" INTEGER NOT NULL PRIMARY KEY, "contact_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "value" VARCHAR(255) NOT NULL, "label" VARCHAR(255) NOT NULL, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE)""",
    """CREATE INDEX "channel_contact_id" ON "channel" ("contact_id")""",
    """CREATE INDEX "channel_kind_value_nocase" ON "channel" ("kind", "value" COLLATE NOCASE)""",
    """CREATE TABLE "tag" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL)""",
    """CREATE UNIQUE INDEX "tag_name" ON "tag" ("name")""",
    """CREATE TABLE "contact_tag" ("contact_id" INTEGER NOT NULL, "tag_id" INTEGER NOT NULL, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE)""",
    """CREATE INDEX "contact_tag_contact_id" ON "contact_tag" ("contact_id")""",
    """CREATE INDEX "contact_tag_tag_id" ON "contact_tag" ("tag_id")""",
    """CREATE UNIQUE INDEX "contact_tag_contact_id_tag_id" ON "contact_tag" ("contact_id", "tag_id")""",
    """CREATE TABLE "fact" ("id" INTEGER NOT NULL PRIMARY KEY, "contact_id" INTEGER NOT NULL, "label" VARCHAR(255) NOT NULL, "value" TEXT NOT NULL, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE)""",
    """CREATE INDEX "fact_contact_id" ON "fact" ("contact_id")""",
    """CREATE TABLE "important_date" ("id" INTEGER NOT NULL PRIMARY KEY, "contact_id" INTEGER NOT NULL, "label" VARCHAR(255) NOT NULL, "month" INTEGER NOT NULL, "day" INTEGER NOT NULL, "year" INTEGER, "remind_days_before" INTEGER NOT NULL, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE)""",
    """CREATE INDEX "important_date_contact_id" ON "important_date" ("contact_id")""",
    """CREATE TABLE "interaction" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL, "occurred_at" DATETIME NOT NULL, "summary" TEXT NOT NULL, "notes" TEXT NOT NULL, "initiated_by" VARCHAR(255), "event_id" INTEGER, "created_at" DATETIME NOT NULL, FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE SET NULL)""",
    """CREATE INDEX "interaction_occurred_at" ON "interaction" ("occurred_at")""",
    """CREATE INDEX "interaction_event_id" ON "interaction" ("event_id")""",
    """CREATE TABLE "interaction_participant" ("interaction_id" INTEGER NOT NULL, "contact_id" INTEGER NOT NULL, FOREIGN KEY ("interaction_id") REFERENCES "interaction" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE)""",
    """CREATE INDEX "interaction_participant_interaction_id" ON "interaction_participant" ("interaction_id")""",
    """CREATE INDEX "interaction_participant_contact_id" ON "interaction_participant" ("contact_id")""",
    """CREATE UNIQUE INDEX "interaction_participant_interaction_id_contact_id" ON "interaction_participant" ("interaction_id", "contact_id")""",
    """CREATE TABLE "event_attendee" ("event_id" INTEGER NOT NULL, "contact_id" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, "role" VARCHAR(255) NOT NULL, FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE)""",
    """CREATE INDEX "event_attendee_event_id" ON "event_attendee" ("event_id")""",
    """CREATE INDEX "event_attendee_contact_id" ON "event_attendee" ("contact_id")""",
    """CREATE UNIQUE INDEX "event_attendee_event_id_contact_id" ON "event_attendee" ("event_id", "contact_id")""",
    """CREATE TABLE "follow_up" ("id" INTEGER NOT NULL PRIMARY KEY, "contact_id" INTEGER NOT NULL, "due_on" DATE NOT NULL, "channel" VARCHAR(255) NOT NULL, "action" TEXT NOT NULL, "source_interaction_id" INTEGER, "source_event_id" INTEGER, "done_at" DATETIME, "snoozed_until" DATE, "created_at" DATETIME NOT NULL, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("source_interaction_id") REFERENCES "interaction" ("id") ON DELETE SET NULL, FOREIGN KEY ("source_event_id") REFERENCES "event" ("id") ON DELETE SET NULL)""",
    """CREATE INDEX "follow_up_contact_id" ON "follow_up" ("contact_id")""",
    """CREATE INDEX "follow_up_due_on" ON "follow_up" ("due_on")""",
    """CREATE INDEX "follow_up_source_interaction_id" ON "follow_up" ("source_interaction_id")""",
    """CREATE INDEX "follow_up_source_event_id" ON "follow_up" ("source_event_id")""",
    """CREATE VIRTUAL TABLE "contact_search" USING fts5 ("name", "company", "role", "city", "tags", "notes", "facts", "interactions", tokenize="unicode61 remove_diacritics 2")""",
)


def up(database):
    for statement in STATEMENTS:
        database.execute_sql(statement)
