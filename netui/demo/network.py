"""Making a demo network: `generate_network()` (checks, plan, one bulk write), the throwaway
database `netui --demo` puts it in, and the progress it reports."""

from __future__ import annotations

import datetime as dt
import gc
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pendulum

from netui import i18n, when
from netui.demo import writing
from netui.demo.planner import Planner
from netui.demo.records import FastRandom
from netui.errors import ValidationError
from netui.store import bulk, db
from netui.store.models import Contact, Event, Interaction, database

INTERACTIONS_PER_PERSON = 7.5


@dataclass(frozen=True)
class DemoSummary:
    """How much was written."""

    people: int
    interactions: int
    events: int
    followups: int


def default_interactions(people: int) -> int:
    return round(people * INTERACTIONS_PER_PERSON)


def default_events(people: int) -> int:
    return max(5, min(60, people // 10))


def generate_network(
    people: int = 200,
    interactions: int | None = None,
    seed: int = 2026,
    now: pendulum.DateTime | None = None,
    progress: Callable[[int, int], None] | None = None,
    language: str | None = None,
) -> DemoSummary:
    """Write a sample network into the bound database, which must hold no contacts or events.

    `interactions` defaults to 7.5 per person. `progress(done, total)` is called as the work
    goes on -- once at the start with done 0, after each stage of planning and each batch of
    rows written, and once at the end with done == total; `total` is the same in every call.
    Raises ValidationError for bad sizes and for a database that already holds data; then
    nothing is written. `language` (default: the interface's) is the one its notes, summaries,
    facts and event titles are written in; the same seed gives the same network in any.
    """
    people = _count_argument("people", people, minimum=1)
    interactions = _count_argument(
        "interactions", default_interactions(people) if interactions is None else interactions, minimum=0
    )
    moment = _utc_second(now if now is not None else when.now())
    _refuse_non_empty()
    report = _Progress(progress)
    collecting = gc.isenabled()
    gc.disable()  # millions of objects that all live until the end: collecting them is wasted time
    try:
        planner = Planner(FastRandom(seed), people, interactions, default_events(people), moment,
                          language or i18n.language())
        plan = planner.build(report.planned)
        with bulk.loading():
            _refuse_non_empty()  # again, now that we hold the write lock
            writing.write(plan, report.writing)
    finally:
        if collecting:
            gc.enable()
    report.finish()
    return DemoSummary(
        people=len(plan.contacts),
        interactions=len(plan.interactions),
        events=len(plan.events),
        followups=len(plan.followups),
    )


class ThrowawayNetwork:
    """A database in a new temporary folder, deleted with the folder by `close()`: where
    `netui --demo` and the welcome screen's "load the demo" put their demo network, so that
    made-up people never go into the person's own file.

        throwaway = ThrowawayNetwork()
        throwaway.open()          # the models now use it, in place of the database open before
        generate_network()
        ...
        throwaway.close()         # closed and deleted
    """

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="netui-demo-"))
        self.path = self.folder / "demo.db"
        self.database = None

    def open(self):
        """Bind the models to the throwaway database (new and empty). The database open
        until now is closed on this thread (it is left as it was); if the throwaway cannot
        be opened, the models stay on that one and the folder goes."""
        previous = database.obj
        db.close_database()
        try:
            self.database = db.open_database(self.path)
        except BaseException:
            if previous is not None:
                database.initialize(previous)
            self.close()
            raise
        return self.database

    def close(self) -> None:
        if self.database is not None:
            self.database.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> ThrowawayNetwork:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()




def _count_argument(name: str, value, minimum: int) -> int:
    noun = i18n._("people") if name == "people" else i18n._("interactions")  # name: the field
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(name, i18n._(
            "The number of {name} must be a whole number, not '{value}'.", name=noun, value=value,
        ))
    if value < minimum:
        raise ValidationError(name, i18n._("The number of {name} must be at least {minimum}.", name=noun, minimum=minimum))
    return value


def _utc_second(value: dt.datetime) -> pendulum.DateTime:
    if not isinstance(value, dt.datetime):
        raise ValidationError("now", i18n._("'{value}' is not a date and time.", value=value))
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return pendulum.instance(value).in_timezone("UTC").replace(microsecond=0)


def _refuse_non_empty() -> None:
    for model in (Contact, Event, Interaction):
        count = model.select().count()
        if count:
            raise ValidationError("db", _holds(model, count))


def _holds(model, count: int) -> str:
    if model is Contact:
        return i18n.ngettext("This database already holds {n} contact; demo networks go into an empty database.",
                             "This database already holds {n} contacts; demo networks go into an empty database.", count)
    if model is Event:
        return i18n.ngettext("This database already holds {n} event; demo networks go into an empty database.",
                             "This database already holds {n} events; demo networks go into an empty database.", count)
    return i18n.ngettext("This database already holds {n} interaction; demo networks go into an empty database.",
                         "This database already holds {n} interactions; demo networks go into an empty database.", count)


class _Progress:
    """Reports progress(done, total) over the whole job, planning and writing: thousandths,
    always the same total, never going back."""

    TOTAL = 1000
    PLANNING = 0.35  # the share of the time planning takes, about

    def __init__(self, callback: Callable[[int, int], None] | None):
        self.callback = callback
        self.done = 0
        self.report(0)

    def report(self, done: int) -> None:
        if self.callback and (done > self.done or done == 0):
            self.done = done
            self.callback(done, self.TOTAL)

    def planned(self, fraction: float) -> None:
        self.report(int(self.TOTAL * self.PLANNING * fraction))

    def writing(self, rows: int, of: int) -> None:
        share = self.PLANNING + (1 - self.PLANNING) * rows / max(of, 1)
        self.report(min(int(self.TOTAL * share), self.TOTAL - 1))

    def finish(self) -> None:
        self.report(self.TOTAL)
