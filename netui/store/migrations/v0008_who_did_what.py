"""Version 8: who did what, for a team sharing one network (issue 19).

- interaction, follow_up, favour, introduction: `logged_by`, the member who recorded it (the
  user name netui.team knows: --user, $NETUI_USER, config.toml's [team] user, else the login
  name);
- follow_up: `owner`, the member whose Today shows it (whoever created it).

Every existing row gets '' (not recorded): it is nobody's in particular, so every member's
Today shows such a follow-up, and on a file of one person it is that person's. No row changes
otherwise.

Indexes: the members who logged anything (`who-knows` asks whether a file has more than one)
and a follow-up's owner.
"""

STATEMENTS = (
    """ALTER TABLE "interaction" ADD COLUMN "logged_by" VARCHAR(255) NOT NULL DEFAULT ''""",
    """ALTER TABLE "follow_up" ADD COLUMN "logged_by" VARCHAR(255) NOT NULL DEFAULT ''""",
    """ALTER TABLE "follow_up" ADD COLUMN "owner" VARCHAR(255) NOT NULL DEFAULT ''""",
    """ALTER TABLE "favour" ADD COLUMN "logged_by" VARCHAR(255) NOT NULL DEFAULT ''""",
    """ALTER TABLE "introduction" ADD COLUMN "logged_by" VARCHAR(255) NOT NULL DEFAULT ''""",
    """ALTER TABLE "contact" ADD COLUMN "updated_by" VARCHAR(255) NOT NULL DEFAULT ''""",
    """CREATE INDEX "interaction_logged_by" ON "interaction" ("logged_by")""",
    """CREATE INDEX "follow_up_owner" ON "follow_up" ("owner")""",
)


def up(database):
    for statement in STATEMENTS:
        database.execute_sql(statement)
