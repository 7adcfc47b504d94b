"""Planning a demo network, first half: the draws every part of the plan uses, then the
events, the people (names, jobs, circles, how they were met, who introduced whom) and who
goes to which event. netui.demo.planner.Planner adds the rest."""

from __future__ import annotations

import bisect
import datetime as dt
import random

import pendulum

from netui import when
from netui.demo.material import (
    CITIES,
    CJK_MAIL,
    LOCAL_COMPANIES,
    ORIGINS,
    REMOTE_COMPANIES,
    Weighted,
    ascii_name,
    placeholders,
)
from netui.demo.records import HISTORY_DAYS, Event, Person
from netui.demo.vocabulary import vocabulary
from netui.demo.words import (
    ATTENDEE_ROLES,
    BARS,
    CIRCLE_TRAITS,
    CJK_NAMES,
    EVENT_CITIES,
    HOME_COUNTRIES,
    INDUSTRY_TAGS,
    NAMES,
    RESTAURANTS,
    ROLES,
    SHOWCASE,
)
from netui.store.models import CIRCLES


class PeoplePlanner:
    """The draws (all from one seeded random source), the local calendar, events and people."""

    def __init__(self, rng: random.Random, people: int, interactions: int, events: int,
                 now: pendulum.DateTime, language: str = "en"):
        self.rng = rng
        self.words = vocabulary(language)
        self.people_wanted = people
        self.interactions_wanted = interactions
        self.events_wanted = events
        self.now = now
        self.now_ts = int(now.timestamp())
        zone = when.local_zone()
        self.today = when.plain_date(now.in_timezone(zone))
        # Local midnight of each day back from today, as unix seconds. The offset is taken at
        # noon, so times of day after a 02:00-03:00 clock change come out right.
        self.day_start = []
        self.weekday = []
        for back in range(HISTORY_DAYS + 10):
            day = self.today - dt.timedelta(days=back)
            noon = pendulum.datetime(day.year, day.month, day.day, 12, tz=zone)
            self.day_start.append(int(noon.timestamp()) - 12 * 3600)
            self.weekday.append(day.weekday())

    # helpers
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def weighted(self, table: Weighted) -> str:
        return table.names[bisect.bisect_right(table.cumulative, self.rng.random() * table.cumulative[-1])]

    def digits(self, pattern: str) -> str:
        return "".join(str(self.rng.randrange(10)) if ch == "#" else ch for ch in pattern)

    def fill(self, template: str, personal: bool = False, **known) -> str:
        """The template with its {placeholders} filled: given values first, else a random word."""
        for key in placeholders(template):
            if key not in known:
                known[key] = self.word(key, personal)
        return template.format_map(known)

    def word(self, key: str, personal: bool) -> str:
        rng = self.rng
        if key == "topic":
            return rng.choice(self.words.personal_topics if personal else self.words.work_topics)
        if key == "cafe":
            return rng.choice(self.words.cafes)
        if key == "restaurant":
            return rng.choice(RESTAURANTS)
        if key == "bar":
            return rng.choice(BARS)
        if key == "city":
            return rng.choice(("Milano", "Roma", "Torino", "Bologna", "Berlin", "London"))
        raise KeyError(key)

    def local_moment(self, back: int, minute: int) -> int:
        return self.day_start[back] + minute * 60

    # events -------------------------------------------------------------------------------
    def plan_events(self) -> list[Event]:
        rng = self.rng
        count = self.events_wanted
        past_count = count // 2
        catalogue = list(self.words.event_catalogue)
        rng.shuffle(catalogue)
        used_titles: dict[str, int] = {}
        planned: list[tuple[int, tuple, bool]] = []  # (days from today, signed), entry, past
        for i in range(past_count):
            back = int(HISTORY_DAYS * (i + rng.random()) / past_count)
            planned.append((-max(back, 8), catalogue[i % len(catalogue)], True))
        upcoming = count - past_count
        for i in range(upcoming):
            ahead = 3 + int(190 * (i + rng.random()) / upcoming) if i else rng.randint(2, 10)
            planned.append((ahead, catalogue[(past_count + i) % len(catalogue)], False))
        events = []
        for offset, entry, past in planned:
            title, kind, venue, city, yearly, days, start, hours = entry
            day = self.today + dt.timedelta(days=offset)
            if past and days:  # a past fair must be over: move it back by its length
                day -= dt.timedelta(days=days)
            zone = EVENT_CITIES[city]
            hour, minute = (int(part) for part in start.split(":"))
            starts = pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=zone)
            if days:
                last = starts.add(days=days - 1)
                ends = last.set(hour=min(hour + hours, 23))
            else:
                ends = starts.add(hours=hours)
            title = self.event_title(title, yearly, day, used_titles)
            link = ""
            if kind == "webinar":
                link = f"https://zoom.us/j/8{self.digits('#########')}"
            starts_ts, ends_ts = int(starts.timestamp()), int(ends.timestamp())
            created = max(starts_ts - rng.randint(7, 90) * 86400, self.now_ts - (HISTORY_DAYS + 60) * 86400)
            created = min(created, self.now_ts - rng.randint(1, 20) * 86400)
            if past:
                status = "skipped" if self.chance(0.2) else "attended"
                updated = min(ends_ts + rng.randint(1, 72) * 3600, self.now_ts)
            else:
                status = self.upcoming_status(offset)
                updated = created
            events.append(Event(
                title=title, kind=kind, venue=venue, city=city, timezone=zone, link=link,
                starts=starts_ts, ends=ends_ts, status=status,
                goal=rng.choice(self.words.event_goals) if self.chance(0.5) else "",
                notes=rng.choice(self.words.event_notes) if self.chance(0.4) else "",
                created=created, updated=max(updated, created),
            ))
        self.balance_statuses(events)
        # ids follow the order they were added in: planned long ago first
        order = sorted(range(len(events)), key=lambda i: (events[i].created, i))
        return [events[i] for i in order]

    def event_title(self, title: str, yearly: bool, day: dt.date, used: dict[str, int]) -> str:
        if yearly:
            title = f"{title} {day.year}"
        elif title in used:
            title = f"{title}, {when.MONTH_NAMES[day.month - 1]} {day.year}"
        used[title] = used.get(title, 0) + 1
        if used[title] > 1:
            title = f"{title} ({used[title]})"
        return title

    def upcoming_status(self, days_ahead: int) -> str:
        if days_ahead <= 30:
            pairs = (("registered", 5), ("planned", 4), ("idea", 1))
        elif days_ahead <= 90:
            pairs = (("planned", 5), ("registered", 2), ("idea", 3))
        else:
            pairs = (("idea", 5), ("planned", 4), ("registered", 1))
        return self.weighted(Weighted.of(pairs))

    def balance_statuses(self, events: list[Event]) -> None:
        """Every status shows up in a demo with enough events (and at least one attended)."""
        past = [e for e in events if e.starts < self.now_ts]
        coming = sorted((e for e in events if e.starts >= self.now_ts), key=lambda e: e.starts)
        if past and not any(e.status == "attended" for e in past):
            past[0].status = "attended"
        if len(past) >= 4 and not any(e.status == "skipped" for e in past):
            past[-1].status = "skipped"
        if len(coming) >= 3:
            present = {e.status for e in coming}
            if "registered" not in present:
                coming[0].status = "registered"
            if "idea" not in present:
                coming[-1].status = "idea"
            if "planned" not in present:
                coming[len(coming) // 2].status = "planned"

    # people -------------------------------------------------------------------------------
    def plan_people(self, events: list[Event]) -> list[Person]:
        rng = self.rng
        attended = [i for i, e in enumerate(events) if e.status == "attended" and e.kind != "webinar"]
        circles = Weighted.of([(c, CIRCLE_TRAITS[c][0]) for c in CIRCLES])
        taken: set[tuple[str, str]] = set()  # names already used (membership tests only)
        people: list[Person] = []
        for n in range(self.people_wanted):
            if n < len(SHOWCASE):
                first, last, country, city, circle = SHOWCASE[n]
                mail_name = CJK_MAIL.get(first) or f"{ascii_name(first)}.{ascii_name(last)}"
                person = Person(first, last, mail_name, country, city, circle)
                taken.add((first, last))
            else:
                person = self.new_person(self.weighted(circles), taken)
            circle = person.circle
            _, p_company, p_tags, p_cadence, cadences, p_star, weight, p_old = CIRCLE_TRAITS[circle]
            if self.chance(p_company):
                self.give_job(person)
            person.how_met = self.fill(rng.choice(self.words.how_met[circle]), city=person.city,
                                       company=person.company or "Lumen Digital")
            if self.chance(p_cadence):
                person.cadence = rng.choice(cadences)
            person.starred = self.chance(p_star)
            if self.chance(0.3):
                person.notes = self.fill(rng.choice(self.words.contact_notes), city=person.city,
                                         company=person.company or self.words.phrases["their company"])
            if self.chance(p_tags):
                person.tags = self.pick_tags(person)
            # when they were added: before the history began, at an event, or some day since
            met_event = None
            if attended and (circle == "events" or (circle == "work" and self.chance(0.05))):
                met_event = rng.choice(attended)
            if met_event is not None:
                event = events[met_event]
                person.met_at = met_event
                person.how_met = self.words.phrases["met at"].format(title=event.title)
                person.created = event.starts + rng.randint(15, 120) * 60
            elif self.chance(p_old):
                # imported on the first day of using netui, a little before the history starts
                person.created = self.now_ts - (HISTORY_DAYS + 5) * 86400 + rng.randint(0, 36 * 3600)
            else:
                back = rng.randint(1, HISTORY_DAYS - 1)
                person.created = self.local_moment(back, rng.randint(9 * 60, 21 * 60))
            person.created = min(person.created, self.now_ts)
            person.updated = person.created
            if self.chance(0.35):
                person.updated = person.created + int(rng.random() * (self.now_ts - person.created))
            person.weight = weight * (1.8 if person.starred else 1.0) * (
                1.5 if person.cadence and person.cadence <= 42 else 1.0)
            people.append(person)
        # ids follow the order people were added in
        order = sorted(range(len(people)), key=lambda i: (people[i].created, i))
        people = [people[i] for i in order]
        self.introductions(people)
        return people

    def new_person(self, circle: str, taken: set[tuple[str, str]]) -> Person:
        rng = self.rng
        for attempt in range(8):
            # family is Italian, mostly; everyone else comes from anywhere, Italy first
            origin = "it" if circle == "family" and self.chance(0.9) else self.weighted(ORIGINS)
            if origin == "cn" and self.chance(0.5):
                first, mail_name = rng.choice(CJK_NAMES)
                last = ""
            else:
                firsts, lasts = NAMES[origin]
                first, last, mail_name = rng.choice(firsts), rng.choice(lasts), ""
                if origin == "pl" and first.endswith("a") and last.endswith("ki"):
                    last = last[:-1] + "a"  # Kowalski, Kowalska
            if (first, last) not in taken or attempt == 7:  # big networks repeat names, as life does
                taken.add((first, last))
                break
        mail_name = mail_name or f"{ascii_name(first)}.{ascii_name(last)}"
        home = rng.choice(HOME_COUNTRIES[origin])
        if origin == "it":
            country = "it" if self.chance(0.88) else rng.choice(("uk", "de", "fr", "es", "us", "pl"))
        else:
            country = home if self.chance(0.7) else "it"  # many foreigners live in Italy
        if circle in ("family", "neighbours", "school") and self.chance(0.8):
            country = "it"
        city = self.weighted(CITIES[country])
        return Person(first=first, last=last, mail_name=mail_name, country=country, city=city, circle=circle)

    def give_job(self, person: Person) -> None:
        rng = self.rng
        local = LOCAL_COMPANIES.get(person.country, ())
        # some work for a company abroad, but nobody runs a trattoria from a distance
        pool = local if local and self.chance(0.85) else REMOTE_COMPANIES
        name, industry, _, domain = rng.choice(pool)
        person.company, person.industry, person.domain = name, industry, domain
        if self.chance(0.9):
            person.role = rng.choice(ROLES[industry])

    def pick_tags(self, person: Person) -> list[str]:
        rng = self.rng
        tags = []
        if person.industry:
            tags += rng.sample(INDUSTRY_TAGS[person.industry], min(len(INDUSTRY_TAGS[person.industry]),
                                                                    rng.randint(1, 2)))
        if not tags or self.chance(0.35):
            tags.append(rng.choice(self.words.general_tags))
        return sorted(dict.fromkeys(tags))

    def introductions(self, people: list[Person]) -> None:
        """Some people were introduced by someone added before them; chains happen."""
        rng = self.rng
        introduced: list[int] = []
        for i, person in enumerate(people):
            if i == 0 or person.met_at is not None or person.circle == "family" or not self.chance(0.15):
                continue
            if introduced and self.chance(0.3):
                introducer = rng.choice(introduced)  # a chain: the introducer was introduced too
            else:
                introducer = rng.randrange(i)
            if people[introducer].created >= person.created:
                continue
            person.introduced_by = introducer
            person.how_met = self.words.phrases["introduced by"].format(name=people[introducer].name)
            introduced.append(i)

    # attendees ----------------------------------------------------------------------------
    def plan_attendees(self, events: list[Event], people: list[Person]) -> list[tuple[int, int, str, str]]:
        rng = self.rng
        created = [p.created for p in people]
        rows: dict[tuple[int, int], tuple[str, str]] = {}
        for p_index, person in enumerate(people):
            if person.met_at is not None:
                rows[(person.met_at, p_index)] = ("met", self.attendee_role(0.15))
        for e_index, event in enumerate(events):
            known = bisect.bisect_right(created, event.starts)  # people added before it began
            if event.status == "attended":
                wanted = rng.randint(1, 4)
                status = "met"
            elif event.status == "skipped":
                wanted = rng.randint(0, 2)
                status = "to meet"
            else:
                wanted = rng.randint(2, 8) if event.status != "idea" else rng.randint(0, 3)
                status = "to meet"
                known = len(people)
            for _ in range(min(wanted, known)):
                p_index = rng.randrange(known)
                rows.setdefault((e_index, p_index), (status, self.attendee_role(0.2)))
        return [(e, p, status, role) for (e, p), (status, role) in sorted(rows.items())]

    def attendee_role(self, p: float) -> str:
        return self.rng.choice(ATTENDEE_ROLES) if self.chance(p) else ""
