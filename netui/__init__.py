"""netui: a keyboard-driven terminal app for building and keeping a professional network."""

import sys

__version__ = "0.1.0"

# Peewee imports the PostgreSQL driver whenever it is installed (about 150 ms at every start),
# and a network in a file never uses it: `import psycopg` fails at once (peewee then does
# without) until netui.store.postgres.driver() takes this away to open a team's database.
sys.modules.setdefault("psycopg", None)  # type: ignore[arg-type]
