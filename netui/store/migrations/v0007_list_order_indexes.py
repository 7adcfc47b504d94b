"""Version 7: indexes that give the contact list its orders without sorting the network.

The search box walks the contacts in the list's order and keeps the matches (netui.contacts
find_contacts, netui.store.search.OrderedIds); each order needs an index that yields it
whole, so that a page reads about a page of rows, not the whole table sorted again:

- by give & take balance: favour balance (most given first), then name;
- by company: people with a company first, the company ignoring case, then name (the
  expressions are those netui.contacts orders by, `"company" = ''` written as a literal);
- by last contacted: the newest first (people never contacted last), then name.

Indexes only: no row changes. At 100,000 people they take about half a second to build.
"""

STATEMENTS = (
    """CREATE INDEX IF NOT EXISTS "contact_balance_sort_name" ON "contact" ("favour_balance" DESC, "sort_name")""",
    """CREATE INDEX IF NOT EXISTS "contact_company_sort_name" ON "contact" ("company" = '', lower("company"), "sort_name")""",
    """CREATE INDEX IF NOT EXISTS "contact_last_contacted_sort_name" ON "contact" ("last_contacted_at" DESC, "sort_name")""",
)


def up(database):
    for statement in STATEMENTS:
        database.execute_sql(statement)
