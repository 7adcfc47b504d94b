"""Numbered schema versions. Each module's `up(database)` moves the file from the previous
version to its own; `netui.store.db` records the version reached in `PRAGMA user_version`.

Add a version by writing `vNNNN_what.py` and appending it here; never edit an old one.
"""

from __future__ import annotations

from collections.abc import Callable

from netui.records import Record

from netui.store.migrations import (
    v0001_initial,
    v0002_upkeep,
    v0003_give_and_take,
    v0004_news_and_chosen_days,
    v0005_event_wishes,
    v0006_not_duplicates,
    v0007_list_order_indexes,
    v0008_who_did_what,
    v0009_capture_journal,
    v0010_search_words_only,
    v0011_living_count,
)


class Migration(Record):
    version: int
    name: str
    up: Callable


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", v0001_initial.up),
    Migration(2, "keeping in touch, milestones, recurring appointments", v0002_upkeep.up),
    Migration(3, "give & take: favours, introductions, the favour balance", v0003_give_and_take.up),
    Migration(4, "news that is not contact, follow-up days not chosen", v0004_news_and_chosen_days.up),
    Migration(5, "people to meet at an event who are not contacts yet, an event's country", v0005_event_wishes.up),
    Migration(6, "pairs the user said are not the same person", v0006_not_duplicates.up),
    Migration(7, "indexes for the contact list's orders (balance, company, last contacted)", v0007_list_order_indexes.up),
    Migration(8, "who did what: who logged each entry, who owns a follow-up", v0008_who_did_what.up),
    Migration(9, "the quick-capture journal: a line is on disk the moment Enter is pressed", v0009_capture_journal.up),
    Migration(10, "a team's search index keeps words, not text (PostgreSQL; nothing on SQLite)", v0010_search_words_only.up),
    Migration(11, "the number of living contacts, kept by triggers (the list's title reads it)", v0011_living_count.up),
)
