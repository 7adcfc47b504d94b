"""Version 10: on a team's PostgreSQL database, the search index keeps each contact's words,
not their text (netui.store.migrations.postgres, EXTRA[10]).

contact_search held each column's folded text and, generated from it, the column's words as a
tsvector. Ranking a search reads the row of every match; at 100,000 people a common prefix
("mil", 35,000-42,000 matches) read most of the table, and the text (nowhere read once its
words are made) was half of each row and put the table past the server's default cache. From
version 10 a trigger makes the words at INSERT and the text is not kept: the rows are the
contact id, the number of words, then the tsvectors.

On SQLite nothing changes (FTS5 keeps its own index): the version number is shared by both.
"""

STATEMENTS: tuple[str, ...] = ()


def up(database):
    for statement in STATEMENTS:
        database.execute_sql(statement)
