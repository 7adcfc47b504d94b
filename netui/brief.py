"""The meeting brief: what to remember before meeting someone (`netui brief NAME` and the top of
the contact screen) — who they are, the last three interactions with their notes, open
follow-ups, facts (children's names, hobbies...), dates in the next 60 days, how you met and who
introduced you, where keep-in-touch stands, the next appointments with them, the give & take
balance, their introductions (as A or as B, proposed ones too), the chain of people who
brought them in, who reaches out (netui.reaching; said only when one side nearly always
does) and who in the team knows them (netui.who_knows; said only when someone else does). The how-we-met line and the headline are part of the record (`--json` has them); the
other texts both faces print from it are netui.present's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from netui import appointments, chains, contacts, dates, followups, giving, reaching, timeline, upkeep, when, who_knows
from netui.i18n import _
from netui.text import fold_key

LAST_INTERACTIONS = 3
DATE_DAYS = 60


@dataclass(frozen=True)
class MeetingBrief:
    contact_id: int
    name: str
    company: str
    role: str
    city: str
    how_met: str
    met_at_id: int | None
    met_at_title: str | None
    introduced_by_id: int | None
    introduced_by_name: str | None
    keep_in_touch: upkeep.KeepInTouch
    last_interactions: list[timeline.InteractionInfo] = field(default_factory=list)
    open_followups: list[followups.FollowUpInfo] = field(default_factory=list)
    facts: list[contacts.FactInfo] = field(default_factory=list)
    upcoming_dates: list[dates.UpcomingDate] = field(default_factory=list)
    next_appointments: list[appointments.Occurrence] = field(default_factory=list)
    give_and_take: giving.Balance | None = None
    introductions: list[giving.IntroductionInfo] = field(default_factory=list)
    # who brought them in, and who brought that person in... (the person first)
    chain: list[chains.ChainPerson] = field(default_factory=list)
    # who started your recent exchanges (netui.reaching): said only when lopsided
    who_reaches_out: reaching.ReachBalance | None = None
    # who in the team has history with them (netui.who_knows), warmest first
    known_in_team: list[who_knows.MemberHistory] = field(default_factory=list)

    @property
    def headline(self) -> str:
        """'Head of PR at Lumen Digital · Milano'."""
        work = (_("{role} at {company}", role=self.role, company=self.company) if self.role and self.company
                else self.role or self.company)
        return " · ".join(part for part in (work, self.city) if part)

    @property
    def how_we_met(self) -> str:
        """'PyCon panel; met at Web Marketing Festival; introduced by Marco Bianchi', each thing
        said once: the event or the introducer is left out when the how-we-met text names them
        already ("Met at Webinar SEO" is not followed by "met at Webinar SEO")."""
        said = fold_key(self.how_met)
        parts = [self.how_met.strip()]
        if self.met_at_title and fold_key(self.met_at_title) not in said:
            parts.append(_("met at {title}", title=self.met_at_title))
        if self.introduced_by_name and fold_key(self.introduced_by_name) not in said:
            parts.append(_("introduced by {name}", name=self.introduced_by_name))
        return "; ".join(part for part in parts if part)


def meeting_brief(contact_id: int, today: dt.date | None = None) -> MeetingBrief:
    """Everything worth a glance before meeting them (raises NotFoundError for an unknown id)."""
    day = today or when.today()
    detail = contacts.get_contact(contact_id)
    return MeetingBrief(
        contact_id=detail.id, name=detail.name, company=detail.company, role=detail.role, city=detail.city,
        how_met=detail.how_met, met_at_id=detail.met_at_id, met_at_title=detail.met_at_title,
        introduced_by_id=detail.introduced_by_id, introduced_by_name=detail.introduced_by_name,
        keep_in_touch=upkeep.keep_in_touch(contact_id, day),
        last_interactions=timeline.contact_timeline(contact_id, limit=LAST_INTERACTIONS),
        open_followups=detail.open_followups,
        facts=detail.facts,
        upcoming_dates=dates.upcoming_for([contact_id], DATE_DAYS, day),
        next_appointments=appointments.next_occurrences(contact_id, n=3, today=day),
        give_and_take=giving.balance(contact_id),
        introductions=giving.introductions_of(contact_id),
        chain=chains.chain_up(contact_id),
        who_reaches_out=reaching.reach_balance(contact_id),
        known_in_team=who_knows.known_in_team(contact_id, day),
    )
