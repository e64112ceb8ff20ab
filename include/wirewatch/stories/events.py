"""Events: stories of one news event, from other agencies and in other languages, grouped.

A story is one agency item with its copies and translations; the same event written separately
by another agency is another story with other sentences, but the same names, places and figures
on the same day. Stories are compared by their canonical article's anchors (see `crosslang`), as a
set: another agency tells the facts in its own order. Grouping is conservative, since two events
in one group mislead a reader more than one event in two groups:

- a story joins an event only by matching the event's first story (no chains through a third);
- both appeared within `EVENT_HOURS` of each other: a follow-up on another day is its own event;
- they tell the same kind of news (a quake, a drone attack, a vote: a small table in each
  language) on the same weekday, with a name or figure and a good share of their anchors in
  common; or, whatever the kind, most of the smaller story's anchors are shared, several of them
  figures or names; or nearly all of them, with a name or figure, on the same weekday;
- two stories of one agency in one language are one event only by the second test: an agency
  does not write one event twice in a language, so they are either a copy the story clustering
  missed (most facts shared) or two of its items on one subject (a minister's other business).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from wirewatch.config import DedupeSettings
from wirewatch.stories.clusters import Clusterer, Doc, Member, summarize
from wirewatch.stories.crosslang import FIGURE, KIND, NAME, PEOPLE, WEEKDAYS, Evidence, evidence, weight

EVENT_HOURS = 12.0
MIN_COVER = 0.5  # weight of the shared anchors over the smaller story's
MIN_SPECIFIC = 4  # distinct figures and names both stories give
KIND_COVER, KIND_SPECIFIC = 0.4, 1  # the same, for stories of the same kind of news
HIGH_COVER = 0.7  # with one figure or name and the weekday, whatever the kind


def event_key_for(cluster_key: str) -> str:
    return "event:" + hashlib.blake2b(cluster_key.encode(), digest_size=10).hexdigest()


@dataclass(frozen=True)
class StoryFacts:
    key: str  # cluster key
    time: datetime | None  # when its first copy appeared
    facts: Evidence  # of its canonical article
    event_key: str | None = None  # the event it already belongs to
    agency: str | None = None  # the story's agency


def _countable(a: Evidence, b: Evidence) -> set[str]:
    # two German texts share their capitalised nouns whenever they share a topic: between them, only
    # the names of the alias table count
    nouns = not a.reliable_names and not b.reliable_names
    return {
        x
        for x, keep in zip(a.anchors, a.countable(b), strict=True)
        if keep and not (nouns and x[0] == NAME and x not in PEOPLE)
    }


def same_event(a: StoryFacts, b: StoryFacts, hours: float = EVENT_HOURS) -> bool:
    if a.time is not None and b.time is not None and abs(a.time - b.time) > timedelta(hours=hours):
        return False
    facts_a, facts_b = a.facts.toward(b.facts), b.facts.toward(a.facts)
    mine, theirs = _countable(facts_a, facts_b), _countable(facts_b, facts_a)
    shared = mine & theirs
    specific = sum(1 for x in shared if x[0] in (FIGURE, NAME))
    smaller = min(sum(map(weight, mine)), sum(map(weight, theirs)))
    cover = sum(map(weight, shared)) / smaller if smaller else 0.0
    if specific >= MIN_SPECIFIC and cover >= MIN_COVER:
        return True
    if a.agency and a.agency == b.agency and a.facts.language == b.facts.language:
        return False
    # news of one event says on which day it happened: a feature on the same subject does not
    day = not shared.isdisjoint(WEEKDAYS)
    kind = any(x[0] == KIND for x in shared)
    if day and specific >= KIND_SPECIFIC and cover >= HIGH_COVER:
        return True
    return kind and day and specific >= KIND_SPECIFIC and cover >= KIND_COVER


def group_events(stories: Sequence[StoryFacts], founders: Sequence[StoryFacts] = ()) -> dict[str, str]:
    """Event key per story: an existing story keeps its event; a new one joins the event whose
    first story (in `founders` or found earlier in this call) it matches best, or founds one."""
    known = list(founders)
    out: dict[str, str] = {}
    for story in sorted(stories, key=lambda s: (s.time is None, s.time or datetime.min, s.key)):
        if story.event_key:
            out[story.key] = story.event_key
            continue
        matches = [f for f in known if f.key != story.key and same_event(story, f)]
        if matches:
            best = min(matches, key=lambda f: (f.time is None, f.time or datetime.min, f.key))
            out[story.key] = best.event_key or out[best.key]
        else:
            out[story.key] = event_key_for(story.key)
            known.append(replace(story, event_key=out[story.key]))
    return out


def translated_from(members: Sequence[Member]) -> dict[str, str]:
    """Per member in another language than the story's canonical article: that article's id."""
    canonical = summarize(members).canonical
    source = next(m for m in members if m.id == canonical)
    return {
        m.id: canonical
        for m in members
        if m.language and source.language and m.language != source.language and m.id != canonical
    }


@dataclass
class Grouping:
    stories: dict[str, str]  # article id -> cluster key
    translated_from: dict[str, str]  # article id -> the story's original it translates
    events: dict[str, str]  # article id -> event key


def stories_and_events(docs: Sequence[Doc], settings: DedupeSettings) -> Grouping:
    """One batch without a warehouse: stories with their translations, then events."""
    result = Clusterer(settings).cluster(docs)
    by_id = {doc.id: doc for doc in docs}
    members: dict[str, list[Member]] = defaultdict(list)
    for doc in docs:
        members[result.assignments[doc.id]].append(
            Member(doc.id, doc.outlet, doc.time, doc.agency, doc.language)
        )
    sources: dict[str, str] = {}
    facts = []
    for key, found in members.items():
        sources |= translated_from(found)
        summary = summarize(found)
        canonical = by_id[summary.canonical]
        text = f"{canonical.title or ''}\n{canonical.body}"
        facts.append(
            StoryFacts(key, summary.first_seen, evidence(text, canonical.language), agency=summary.agency)
        )
    events = group_events(facts)
    return Grouping(
        dict(result.assignments), sources, {i: events[key] for i, key in result.assignments.items()}
    )
