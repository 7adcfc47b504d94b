"""The storage seam: everything netui asks of its database, and the one place for SQL that
another database engine might not share.

The domain modules (contacts, timeline, events, ...) build their queries with Peewee's query
builder on the models, and call the functions below for everything else. They never call
`execute_sql`, never name a PRAGMA, sqlite_master or the full-text index, and never import
sqlite3 (tests/domain/test_layers.py keeps it so). Today there is one backend, SQLite; a
second one (PostgreSQL, for a team sharing one network) is added by writing store code only.

The modules, by concern (what is SQLite's alone is said in each):

    models      the schema as Peewee models, bound late through `models.database` (a proxy)
    location    where the database lives: data/config folders, --db and $NETUI_DB, 0600 files
    db          the lifecycle: open_database (create, check, upgrade, bind), close_database,
                is_read_only, data_version, checkpoint, schema_version, backup_database
    sqlite      the SQLite backend: the connection class (BEGIN IMMEDIATE, errors turned into
                sentences), PRAGMAs, the file header, read-only opening, the WAL, online backup
    migrations  numbered schema versions, each `up(database)` in its own transaction
    session     worker_connection(): a connection for a thread other than the UI's
    search      the full-text index of contacts (FTS5): reindex, search_ids, rebuild, write_rows
    bulk        many rows fast: insert_rows, insert_stream, next_id, and for a whole-network
                load loading(), indexes_rebuilt_after(), triggers_suspended()
    statistics  the query planner's statistics: analyze(), refreshed when a connection closes
    totals      numbers kept by triggers instead of counted: living contacts, each event's
                attendees (schema 11); counted again after a bulk write suspends the triggers
    backup      backups, the daily copy, restore (for SQLite: copies of the one file; a team's
                network on PostgreSQL is told to use pg_dump and pg_restore)
    transfer    copy_network: a whole network from one database into an empty one (any two
                backends: a file onto a server and back), ids and stored values kept

What a backend must provide (the SQLite implementation of each is named in brackets):

* A connection per thread, bound through `models.database`, with every write transaction
  taking the write lock when it begins [sqlite.NetuiDatabase, lock_type IMMEDIATE], and
  `session.worker_connection()` opening and closing one for a worker thread.
* The SQL functions the queries call, registered on every connection, behaving exactly as
  their Python originals in netui.text: `fold_key(text)` (the comparison key of a name, city or
  company: "lodz" = "ŁÓDŹ" = "Łódź"; the domain uses it as `fn.fold_key(...)`) and
  `fold(text)` (the search index's text) [sqlite.register_functions; PostgreSQL: IMMUTABLE
  functions, or generated columns holding the folded text].
* The migrations: the schema of each version, the triggers that keep contact.last_contacted_at,
  contact.favour_balance, the number of living contacts and each event's attendees right, and a record of the version reached [PRAGMA user_version
  and application_id; PostgreSQL: a schema_version table]; a copy of the data before an upgrade.
* Search: `search.search_ids(text, limit, offset, columns)` with the grammar users type
  (prefix words, "quotes", OR, NOT, -word, column:word), ranked (a name match first),
  `reindex_contacts`, `drop_contacts`, `erase_deleted` (no trace of a purged person left in
  the index), `rebuild_index`, `index_size`, `write_rows` [an FTS5 table with
  unicode61 remove_diacritics 2 and bm25; PostgreSQL: a tsvector per column of the same
  folded text (the words kept, not the text), split into the same words, a GIN index, and
  FTS5's bm25 worked out in SQL].
* Bulk writes: `bulk.insert_rows` / `insert_stream` (values as the model fields store them;
  instants given as unix seconds to insert_stream), `next_id`, and for a load into an empty
  network `loading()` (one write transaction; relaxed checks and a big cache while it runs),
  `indexes_rebuilt_after(models)`, `triggers_suspended(models)` -- each leaving the schema and
  the connection's settings as they were, and rolled back with the rows on failure
  [PRAGMA cache_size and foreign_keys, DDL in the transaction; PostgreSQL: COPY,
  SET LOCAL, ALTER TABLE ... DISABLE TRIGGER USER].
* Change notification: `db.data_version()`, a number that moves when another connection
  commits (the app polls it to reload) [PRAGMA data_version; PostgreSQL: LISTEN/NOTIFY or a
  change counter bumped by triggers].
* Statistics: `statistics.analyze()` after a bulk load, and fresh statistics kept without being
  asked [ANALYZE, PRAGMA optimize when a connection closes; PostgreSQL: ANALYZE, autovacuum].
* Backup and restore: `backup.backup_now`, `rolling_backup`, `check_backup`, `restore`,
  `db.backup_database`, and `db.checkpoint()` (no older copy of a purged row left in a log)
  [SQLite's online backup API, wal_checkpoint(TRUNCATE), secure_delete; PostgreSQL: pg_dump
  and pg_restore, VACUUM].
* Read-only opening: a database this user may read but not write opens read-only,
  `db.is_read_only()` says so and every write raises ReadOnlyError [mode=ro or immutable URIs].
* Errors as sentences: what a user can act on becomes a netui.errors.NetuiError naming the
  database -- ReadOnlyError, DiskFullError, DatabaseBusyError (locked past the busy timeout),
  ValidationError for text that is not Unicode, and db.DatabaseOpenError for a database that
  is not netui's, is damaged or is newer than this netui [sqlite.NetuiDatabase.storage_error,
  raised from its cursor, so every write path is covered].
"""

from netui import _stand_in_until_used

# `search` (with `bulk`) is imported at the first search or write: the first screen lists the
# contacts without it, though netui.contacts and netui.timeline import it at their top (~6 M
# instructions at each start, issue 18).
_stand_in_until_used("netui.store.search")
