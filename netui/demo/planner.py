"""Planning a demo network, second half: on top of the events and people
(netui.demo.people), the interactions over two years, channels, facts, important dates and
follow-ups -- the whole plan, made before a row is written."""

from __future__ import annotations

import bisect
import re
import datetime as dt
import itertools
from collections.abc import Callable
from operator import itemgetter

from netui.demo.material import COUNTRIES, KINDS
from netui.demo.people import PeoplePlanner
from netui.demo.records import HISTORY_DAYS, Event, Interaction, Person, Plan
from netui.demo.words import (
    FOLLOWUP_CHANNELS,
    KIND_HOURS,
    OFFICE_KINDS,
    PERSONAL_CIRCLES,
)
from netui.store.models import INITIATORS

OCCURRED = itemgetter(0)


class Planner(PeoplePlanner):
    """Plans a whole network: `Planner(rng, people, interactions, events, now).build()`."""

    def build(self, planned: Callable[[float], None] | None = None) -> Plan:
        """The whole plan; `planned(fraction)` is told how far planning has gone."""
        self.report = planned or (lambda fraction: None)
        events = self.plan_events()
        people = self.plan_people(events)
        self.report(0.15)
        attendees = self.plan_attendees(events, people)
        interactions = self.plan_interactions(events, people, attendees)  # reports up to 0.75
        channels = self.plan_channels(people)
        self.report(0.8)
        facts = self.plan_facts(people)
        dates = self.plan_dates(people)
        self.report(0.85)
        followups = self.plan_followups(events, people, interactions)
        self.report(1.0)
        return Plan(people, events, interactions, attendees, channels, facts, dates, followups,
                    self.words.country_names)

    # interactions -------------------------------------------------------------------------
    def plan_interactions(self, events: list[Event], people: list[Person],
                          attendees: list[tuple[int, int, str, str]]) -> list[Interaction]:
        """Exactly `interactions_wanted` interactions, oldest first: at and after the events
        attended, then keeping in touch with people who have a cadence, then everyday life."""
        rng = self.rng
        budget = self.interactions_wanted
        self.people = people
        self.created = [p.created for p in people]  # ascending: people are sorted by it
        self.cumulative = list(itertools.accumulate(p.weight for p in people))
        self.colleagues: dict[str, list[int]] = {}
        self.person_facts = [
            (p.circle in PERSONAL_CIRCLES, p.created,
             {"first": p.first, "company": p.company or self.words.phrases["their company"], "city": p.city})
            for p in people
        ]
        for i, person in enumerate(people):
            if person.company:
                self.colleagues.setdefault(person.company, []).append(i)
        result: list[Interaction] = []

        # 1. at the events attended (a quarter of the budget at most), and e-mails after them
        event_budget = budget // 4
        met_by_event: dict[int, list[int]] = {}
        for e_index, p_index, status, _ in attendees:
            if status == "met":
                met_by_event.setdefault(e_index, []).append(p_index)
        for e_index, event in enumerate(events):
            there = met_by_event.get(e_index, [])
            if event.status != "attended" or not there:
                continue
            for _ in range(rng.randint(1, 3)):
                if len(result) >= event_budget:
                    break
                moment = min(event.starts + rng.randint(150, 360) * 60, event.ends, self.now_ts)
                present = [p for p in there if self.created[p] <= moment]
                if not present:
                    continue
                group = tuple(rng.sample(present, min(len(present), 1 + self.extra_people())))
                summary = self.fill(rng.choice(self.words.event_summaries), title=event.title)
                kind = "event" if self.chance(0.75) else "meeting"
                result.append(Interaction(moment, kind, summary, "", None, e_index, self.logged(moment), group))
            for p_index in there:
                if len(result) >= event_budget or not self.chance(0.5):
                    continue
                moment = min(event.ends + rng.randint(1, 4) * 86400 + rng.randint(0, 600) * 60, self.now_ts)
                result.append(Interaction(
                    moment, "email", self.words.phrases["nice meeting you"].format(title=event.title), "",
                    rng.choice(INITIATORS), None, self.logged(moment), (p_index,),
                ))
        # 2. keeping in touch: many people with a cadence were contacted within it
        keep_budget = len(result) + budget // 4
        for p_index, person in enumerate(people):
            if not person.cadence or len(result) >= keep_budget or not self.chance(0.55):
                continue
            back = rng.randrange(min(person.cadence, HISTORY_DAYS))
            result.append(self.everyday(back, p_index))
        # 3. everything else, denser in recent months
        random_ = rng.random
        # how many people had been added by the end of each day back
        known_by = [bisect.bisect_right(self.created, start + 86400) or 1 for start in self.day_start]
        last_day = HISTORY_DAYS - 1
        everyday, someone = self.everyday, self.someone
        remaining = budget - len(result)
        for step in range(remaining):
            back = min(int(HISTORY_DAYS * random_() ** 1.25), last_day)
            result.append(everyday(back, someone(known_by[back])))
            if step % 50_000 == 49_999:
                self.report(0.15 + 0.6 * step / remaining)
        result = result[:budget]
        result.sort(key=OCCURRED)  # stable: ties keep the order they were planned in
        return result

    def someone(self, known: int) -> int:
        """One of the first `known` people, the closer ones more often."""
        index = bisect.bisect_right(self.cumulative, self.rng.random() * self.cumulative[known - 1])
        return index if index < known else known - 1

    def extra_people(self) -> int:
        roll = self.rng.random()
        return 0 if roll < 0.78 else 1 if roll < 0.94 else 2

    def logged(self, moment: int) -> int:
        """When it was written down: at the time, or within a few hours."""
        return min(moment + self.rng.randint(0, 180) * 60, self.now_ts)

    def group(self, primary: int, moment: int, extra: int) -> tuple[int, ...]:
        """The primary person and `extra` more (colleagues, often) added by then."""
        if not extra:
            return (primary,)
        rng = self.rng
        chosen = [primary]
        known = bisect.bisect_right(self.created, moment)
        colleagues = self.colleagues.get(self.people[primary].company, [])
        for _ in range(extra * 4):
            if len(chosen) > extra or known <= len(chosen):
                break
            reach = bisect.bisect_right(colleagues, known - 1)
            if reach and self.chance(0.6):
                candidate = colleagues[rng.randrange(reach)]
            else:
                candidate = self.someone(known)
            if candidate not in chosen:
                chosen.append(candidate)
        return tuple(chosen)

    def everyday(self, back: int, primary: int) -> Interaction:
        """An interaction `back` days ago, with `primary` and maybe others. (The hot loop of a
        big network, called once per interaction: no objects made but the row, the person's
        facts looked up once, template fields parsed once.)"""
        rng = self.rng
        random_ = rng.random
        personal, created, words = self.person_facts[primary]
        kinds = KINDS[personal]
        kind = kinds.names[bisect.bisect_right(kinds.cumulative, random_() * kinds.cumulative[-1])]
        start, end, step = KIND_HOURS[kind]
        if not personal and kind in OFFICE_KINDS and self.weekday[back] >= 5 and random_() < 0.85:
            back += self.weekday[back] - 4  # work happens on the Friday before
        moment = self.day_start[back] + rng.randrange(start, end) // step * step * 60
        now_ts = self.now_ts
        if moment > now_ts:
            moment -= 86400
        if moment < created:
            moment = min(created + rng.randint(10, 180) * 60, now_ts)
        roll = random_()
        group = (primary,) if roll < 0.78 else self.group(primary, moment, 1 if roll < 0.94 else 2)
        summary = self.fill(rng.choice(self.words.summaries[(kind, personal)]), personal, **words)
        notes = self.fill(rng.choice(self.words.interaction_notes), personal, **words) if random_() < 0.25 else ""
        initiated_by = None if kind == "note" or random_() < 0.45 else rng.choice(INITIATORS)
        logged = moment + rng.randint(0, 180) * 60
        return Interaction(moment, kind, summary, notes, initiated_by, None,
                            logged if logged < now_ts else now_ts, group)

    # channels, facts, dates ---------------------------------------------------------------
    def plan_channels(self, people: list[Person]) -> list[tuple[int, str, str, str]]:
        rng = self.rng
        rows = []
        taken: set[str] = set()

        def unique(address: str) -> str:
            """Two people never share an address (an import would rightly take them for one)."""
            local, _, domain = address.partition("@")
            candidate, n = address, 1
            while candidate.casefold() in taken:
                n += 1
                candidate = f"{local}{n}@{domain}"
            taken.add(candidate.casefold())
            return candidate

        def unique_phone(number: str) -> str:
            """Nor a phone number: the next free one, no new draw."""
            number = next_free_phone(number, taken)
            taken.add(number)
            return number

        for i, person in enumerate(people):
            country = COUNTRIES[person.country]
            professional = person.circle not in PERSONAL_CIRCLES
            local = person.mail_name.replace("'", "")
            first, _, last = local.partition(".")
            if person.domain and self.chance(0.85):
                shape = rng.choice((local, f"{first[:1]}.{last}" if last else local, first))
                rows.append((i, "email", unique(f"{shape}@{person.domain}"), "work"))
            if self.chance(0.55 if professional else 0.7):
                shape = rng.choice((local, f"{first}{last}", f"{first}.{last}{rng.randint(70, 99)}" if last
                                    else f"{first}{rng.randint(70, 99)}"))
                rows.append((i, "email", unique(f"{shape}@{rng.choice(country.mail)}"), "personal"))
            if self.chance(0.65 if professional else 0.85):
                rows.append((i, "phone", unique_phone(self.digits(country.phone)), "mobile"))
            if person.country == "it" and person.company and self.chance(0.1):
                rows.append((i, "phone", unique_phone(self.digits("+39 02 #### ####")), "office"))
            if professional and self.chance(0.45):
                slug = f"{first}-{last}".strip("-").replace(".", "-")
                rows.append((i, "linkedin", f"https://www.linkedin.com/in/{slug}-{rng.randrange(16**6):06x}", ""))
            if person.circle in ("online", "friends") and self.chance(0.2):
                rows.append((i, "instagram", f"@{first}{last[:3]}{rng.randint(1, 99)}", ""))
        return rows

    def plan_facts(self, people: list[Person]) -> list[tuple[int, str, str]]:
        rng = self.rng
        rows = []
        for i in range(len(people)):
            if not self.chance(0.5):
                continue
            for label in rng.sample(self.words.fact_labels, rng.randint(1, 3)):
                rows.append((i, label, rng.choice(self.words.facts[label])))
        return rows

    def plan_dates(self, people: list[Person]) -> list[tuple[int, str, int, int, int | None, int]]:
        """Birthdays (some without the year, a few in the next two weeks), anniversaries, name days."""
        rng = self.rng
        rows = []
        soon = max(1, min(10, len(people) // 25))
        soon_people = rng.sample(range(len(people)), soon)
        soon_offsets = [0] + [rng.randint(1, 13) for _ in range(soon - 1)]
        upcoming = dict(zip(soon_people, soon_offsets))
        for i, person in enumerate(people):
            if i in upcoming:
                day = self.today + dt.timedelta(days=upcoming[i])
                year = self.birth_year(person.circle) if self.chance(0.6) else None
                if year is not None and (day.month, day.day) == (2, 29):
                    year = 1988
                rows.append((i, "birthday", day.month, day.day, year, rng.choice((7, 7, 3, 1))))
            elif self.chance(0.45):
                month, day = self.any_day()
                year = self.birth_year(person.circle) if self.chance(0.6) else None
                rows.append((i, "birthday", month, day, year, rng.choice((7, 7, 7, 3, 1, 14))))
            if person.circle == "work" and self.chance(0.05):
                month, day = self.any_day()
                rows.append((i, "work anniversary", month, day, rng.randint(2008, 2024), 3))
            if person.circle in ("family", "friends") and self.chance(0.06):
                month, day = self.any_day()
                rows.append((i, self.words.phrases["wedding anniversary"], month, day, rng.randint(1985, 2023), 7))
            if person.country == "it" and self.chance(0.04):
                month, day = self.any_day()
                rows.append((i, "name day", month, day, None, 0))
        return rows

    def any_day(self) -> tuple[int, int]:
        day = dt.date(2001, 1, 1) + dt.timedelta(days=self.rng.randrange(365))
        return day.month, day.day

    def birth_year(self, circle: str) -> int:
        if circle == "school":
            return self.rng.randint(1985, 1987)
        if circle == "university":
            return self.rng.randint(1983, 1990)
        if circle == "family":
            return self.rng.randint(1942, 2016)
        return self.rng.randint(1958, 2001)

    # follow-ups ---------------------------------------------------------------------------
    def plan_followups(self, events, people, interactions) -> list[tuple]:
        rng = self.rng
        n = len(people)
        categories = (
            ["today"] * max(1, round(n * 0.025))
            + ["overdue"] * max(1, round(n * 0.04))
            + ["upcoming"] * max(1, round(n * 0.05))
            + ["done"] * max(1, round(n * 0.10))
            + ["snoozed"] * (n // 100)
        )
        candidates = list(range(n))
        rng.shuffle(candidates)
        chosen = {candidates[position % n] for position in range(len(categories))}
        timeline: dict[int, list[tuple[int, int]]] = {p: [] for p in chosen}  # theirs only
        for index, interaction in enumerate(interactions):
            for p in interaction.participants:
                if p in timeline:
                    timeline[p].append((interaction.occurred, index))
        rows = []
        for position, category in enumerate(categories):
            p_index = candidates[position % n]
            person = people[p_index]
            today = self.today
            if category == "today":
                due = today
            elif category == "overdue":
                due = today - dt.timedelta(days=rng.randint(1, 20))
            elif category == "upcoming":
                due = today + dt.timedelta(days=rng.randint(1, 30))
            elif category == "done":
                due = today - dt.timedelta(days=rng.randint(1, 300))
            else:  # snoozed: was due, pushed to a later day
                due = today - dt.timedelta(days=rng.randint(1, 10))
            snoozed = today + dt.timedelta(days=rng.randint(1, 10)) if category == "snoozed" else None
            back = max((today - due).days, 0) + rng.randint(1, 14)  # planned before it was due
            planned_at = min(self.local_moment(min(back, HISTORY_DAYS - 1), rng.randint(9 * 60, 19 * 60)),
                             self.now_ts - 3600)
            planned_at = max(planned_at, person.created)
            source = None
            history = timeline.get(p_index, [])
            position_in = bisect.bisect_right(history, (planned_at, len(interactions)))
            if position_in and history[position_in - 1][0] > planned_at - 60 * 86400:
                source = history[position_in - 1][1]
                planned_at = min(interactions[source].occurred + rng.randint(5, 120) * 60, self.now_ts)
            source_event = None
            action = self.fill(rng.choice(self.words.followup_actions), city=person.city)
            if person.met_at is not None and source is None:
                source_event = person.met_at
                action = self.words.phrases["note after the event"].format(title=events[person.met_at].title)
            done = None
            if category == "done":
                due_moment = self.local_moment(min((today - due).days, HISTORY_DAYS - 1), 10 * 60)
                done = min(max(due_moment + rng.randint(-2 * 86400, 86400), planned_at), self.now_ts)
            rows.append((p_index, due, rng.choice(FOLLOWUP_CHANNELS), action, source, source_event,
                         done, snoozed, planned_at))
        return rows


def next_free_phone(number: str, taken: set[str], probes: int = 100) -> str:
    """`number`, or one of the next `probes` numbers up in its last group of digits that is
    not `taken`; past those (the US pattern draws from 555-01##, a hundred numbers), the first
    free extension (" x2", " x3"...) of `number`. Probing on through a full group made a
    million-person demo run for hours: a few thousand Americans, each walking the taken run."""
    head, digits = re.match(r"(.*?)(\d+)$", number).groups()
    size = 10 ** len(digits)
    for step in range(min(probes, size)):
        candidate = head + str((int(digits) + step) % size).zfill(len(digits))
        if candidate not in taken:
            return candidate
    extension = 2
    while f"{number} x{extension}" in taken:
        extension += 1
    return f"{number} x{extension}"
