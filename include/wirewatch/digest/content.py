"""What a digest says, as plain data: per topic the day's stories ordered by coverage, the count
against the previous day, seven days of history, and the feeds that failed.

An entry is a news event: the story most outlets carried leads, with its copies, its translations
into other languages, and the other agencies' stories of the same event beneath it. An entry
belongs to the day its first copy appeared (in the digest's time zone), so it is in one digest
only; it lists every copy known by the end of that day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from wirewatch.digest import query
from wirewatch.redact import redact
from wirewatch.warehouse.stories import linked_stories

HISTORY_DAYS = 7


@dataclass(frozen=True)
class Copy:
    article_id: str
    outlet: str
    url: str
    headline: str
    published: datetime  # UTC: publication time, else fetch time
    agency: str | None
    language: str | None
    snippet: str
    matched_terms: tuple[str, ...]
    # the topic's model found it where its query did not: its snippet marks only the scope's terms
    model_probability: float | None = None  # set only then


@dataclass(frozen=True)
class Story:
    key: str
    lead: Copy
    # one copy per other outlet in the lead's language, earliest first
    also: tuple[Copy, ...]
    articles: int
    agencies: tuple[str, ...]
    # one copy per outlet that carried it in another language: translations, earliest first
    translations: tuple[Copy, ...] = ()
    # the other stories of the same event (other agencies, other languages), earliest first
    others: tuple[Story, ...] = ()
    # stories it took a paragraph from (a compilation of two agencies): (headline, agency)
    also_uses: tuple[tuple[str, str | None], ...] = ()

    @property
    def outlets(self) -> int:
        return 1 + len(self.also) + len(self.translations) + sum(other.outlets for other in self.others)


@dataclass(frozen=True)
class DayCount:
    day: date
    stories: int


@dataclass(frozen=True)
class TopicSection:
    topic_id: str
    name: str
    stories: tuple[Story, ...]  # at most the configured number, most covered first
    total_stories: int
    previous_day: int
    history: tuple[DayCount, ...]  # oldest first, ending with the digest day

    @property
    def hidden_stories(self) -> int:
        return self.total_stories - len(self.stories)

    @property
    def change(self) -> int:
        return self.total_stories - self.previous_day


@dataclass(frozen=True)
class FailedFeed:
    feed_id: str
    outlet: str
    url: str
    failures: int
    polls: int
    last_error: str
    last_failed_at: datetime


@dataclass(frozen=True)
class Digest:
    day: date
    timezone: str
    sections: tuple[TopicSection, ...]
    failed_feeds: tuple[FailedFeed, ...]
    stories: int  # distinct stories over all topics
    articles: int
    outlets: int
    polls: int  # feed polls recorded that day, failed or not

    @property
    def empty(self) -> bool:
        return self.stories == 0


def day_bounds(day: date, tz: str) -> tuple[datetime, datetime]:
    """Start and end of a local calendar day, as UTC instants (23 or 25 hours at DST changes)."""
    zone = ZoneInfo(tz)
    start = datetime.combine(day, time(0), zone)
    end = datetime.combine(day + timedelta(days=1), time(0), zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def local_day(moment: datetime, tz: str) -> date:
    return moment.astimezone(ZoneInfo(tz)).date()


def _copy(row: dict[str, Any]) -> Copy:
    url = redact(row["url"])  # rows stored before URLs were redacted may still carry a login
    return Copy(
        article_id=row["article_id"],
        outlet=row["outlet"],
        url=url,
        headline=(row["headline"] or "").strip() or url,
        published=row["published_at"] or row["fetched_at"],
        agency=row["agency"],
        language=row["language"],
        snippet=row["snippet"] or "",
        matched_terms=tuple(row["matched_terms"]),
        model_probability=row["model_probability"] if row["found_by"] == "model" else None,
    )


def build_story(
    key: str, rows: Sequence[dict[str, Any]], links: dict[str, list[dict[str, Any]]] | None = None
) -> Story:
    """The agency copy that appeared first leads; every other outlet is listed once, earliest first."""
    copies = sorted((_copy(row) for row in rows), key=lambda c: (c.published, c.outlet, c.article_id))
    lead = min(copies, key=lambda c: (c.agency is None, c.published, c.outlet, c.article_id))
    also: dict[str, Copy] = {}
    translations: dict[str, Copy] = {}
    for copy in copies:
        if copy.outlet != lead.outlet:
            same = not (copy.language and lead.language) or copy.language == lead.language
            (also if same else translations).setdefault(copy.outlet, copy)
    agency_counts: dict[str, int] = defaultdict(int)
    for copy in copies:
        if copy.agency:
            agency_counts[copy.agency] += 1
    agencies = sorted(agency_counts, key=lambda a: (-agency_counts[a], a))
    used = tuple((link["headline"] or "", link["agency"]) for link in (links or {}).get(key, ()))
    return Story(
        key,
        lead,
        tuple(also.values()),
        len(copies),
        tuple(agencies),
        tuple(translations.values()),
        also_uses=used,
    )


def build_entry(
    key: str, rows: Sequence[dict[str, Any]], links: dict[str, list[dict[str, Any]]] | None = None
) -> Story:
    """One event: its most covered story leads, the others follow it, earliest first."""
    by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_story[row["story"]].append(row)
    stories = sorted((build_story(k, r, links) for k, r in by_story.items()), key=_coverage_order)
    lead, others = stories[0], sorted(stories[1:], key=lambda s: (s.lead.published, s.key))
    return replace(lead, key=key if others else lead.key, others=tuple(others))


def _coverage_order(story: Story) -> tuple:
    return (-story.outlets, -story.articles, story.lead.published, story.key)


def build_digest(
    engine: Engine,
    day: date,
    topics: Sequence[tuple[str, str]],
    tz: str,
    max_stories: int = 25,
) -> Digest:
    """The digest of one local day for (topic id, topic name) pairs, in their given order."""
    topic_ids = [topic_id for topic_id, _ in topics]
    start, end = day_bounds(day, tz)
    history_start, _ = day_bounds(day - timedelta(days=HISTORY_DAYS - 1), tz)
    with engine.connect() as conn:
        seen = query.first_seen_stories(conn, topic_ids, history_start, end)
        todays = [row for row in seen if row["first_seen"] >= start]
        # a story first seen today has no copy before today
        copies = query.story_copies(conn, topic_ids, [row["story"] for row in todays], start, end)
        stored_names = query.topic_names(conn, topic_ids)
        failed = query.failed_feeds(conn, start, end)
        polls = query.poll_count(conn, start, end)

    per_day: dict[tuple[str, date], int] = defaultdict(int)
    for row in seen:
        per_day[(row["topic_id"], local_day(row["first_seen"], tz))] += 1
    wanted = {(row["topic_id"], row["story"]) for row in todays}
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in copies:  # `story` of `first_seen_stories` is the entry: the event, else the story
        if (row["topic_id"], row["event"]) in wanted:
            grouped[(row["topic_id"], row["event"])].append(row)

    links = linked_stories(engine, {row["story"] for rows in grouped.values() for row in rows})
    sections = []
    for topic_id, name in topics:
        stories = sorted(
            (build_entry(key, rows, links) for (tid, key), rows in grouped.items() if tid == topic_id),
            key=_coverage_order,
        )
        history = tuple(
            DayCount(d, per_day[(topic_id, d)])
            for d in (day - timedelta(days=n) for n in range(HISTORY_DAYS - 1, -1, -1))
        )
        sections.append(
            TopicSection(
                topic_id=topic_id,
                name=name or stored_names.get(topic_id, topic_id),
                stories=tuple(stories[:max_stories]),
                total_stories=len(stories),
                previous_day=per_day[(topic_id, day - timedelta(days=1))],
                history=history,
            )
        )
    return Digest(
        day=day,
        timezone=tz,
        sections=tuple(sections),
        failed_feeds=tuple(
            FailedFeed(
                feed_id=f["feed_id"],
                outlet=f["outlet"],
                url=redact(f["url"]),
                failures=f["failures"],
                polls=f.get("polls", f["failures"]),
                last_error=redact(f["last_error"]),
                last_failed_at=f["last_failed_at"],
            )
            for f in failed
        ),
        stories=len({key for _, key in wanted}),
        articles=len({row["article_id"] for rows in grouped.values() for row in rows}),
        outlets=len({row["outlet"] for rows in grouped.values() for row in rows}),
        polls=polls,
    )
