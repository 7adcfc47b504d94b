"""The words a demo network is written in, by the interface's language.

`vocabulary("it")` gives the Italian tables of netui.demo.words_it; any other language the
English ones of netui.demo.words. Only sentences change with the language (how people met,
notes, summaries, facts, event titles, follow-up actions, country names): names, places,
companies and every random draw stay the same, so the same seed plans the same network.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from types import ModuleType

from netui.demo import words, words_it


@dataclass(frozen=True)
class Vocabulary:
    how_met: dict[str, tuple[str, ...]]
    contact_notes: tuple[str, ...]
    facts: dict[str, tuple[str, ...]]
    fact_labels: tuple[str, ...]
    personal_topics: tuple[str, ...]
    work_topics: tuple[str, ...]
    cafes: tuple[str, ...]
    summaries: dict[tuple[str, bool], tuple[str, ...]]
    interaction_notes: tuple[str, ...]
    event_catalogue: tuple[tuple, ...]
    event_goals: tuple[str, ...]
    event_notes: tuple[str, ...]
    event_summaries: tuple[str, ...]
    followup_actions: tuple[str, ...]
    general_tags: tuple[str, ...]
    country_names: dict[str, str]
    phrases: dict[str, str]


def _of(tables: ModuleType) -> Vocabulary:
    return Vocabulary(
        how_met=tables.HOW_MET, contact_notes=tables.CONTACT_NOTES, facts=tables.FACTS,
        fact_labels=tuple(tables.FACTS), personal_topics=tables.PERSONAL_TOPICS, work_topics=tables.WORK_TOPICS,
        cafes=tables.CAFES, summaries=tables.SUMMARIES, interaction_notes=tables.INTERACTION_NOTES,
        event_catalogue=tables.EVENT_CATALOGUE, event_goals=tables.EVENT_GOALS, event_notes=tables.EVENT_NOTES,
        event_summaries=tables.EVENT_SUMMARIES, followup_actions=tables.FOLLOWUP_ACTIONS,
        general_tags=tables.GENERAL_TAGS, country_names=tables.COUNTRY_NAMES, phrases=tables.PHRASES,
    )


@functools.cache
def vocabulary(language: str) -> Vocabulary:
    return _of(words_it if language == "it" else words)
