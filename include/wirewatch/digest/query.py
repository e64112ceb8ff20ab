"""What the digest reads from the warehouse: stories by the day they were first seen, their copies,
and the feeds that failed.

A story is the set of matches that share `story_key()`. That expression is the one place that
says what a story is: today the exact-copy cluster key, later the near-duplicate cluster id.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, func, select

from wirewatch.warehouse.schema import feed_polls, feeds, matches

_CHUNK = 500


def story_key():
    """Copies of one story share this value; an article without a cluster is a story of its own."""
    return func.coalesce(matches.c.cluster_key, matches.c.article_id)


def entry_key():
    """The stories of one event share this value: a digest entry; a story without an event is one."""
    return func.coalesce(matches.c.event_key, matches.c.cluster_key, matches.c.article_id)


def event_time():
    """When a copy appeared: its publication time, else when we fetched it."""
    return func.coalesce(matches.c.published_at, matches.c.fetched_at)


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every time in the warehouse is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _utc(value: datetime) -> datetime:
    # SQLite stores the wall clock without offset (all UTC here); PostgreSQL compares instants
    return value.astimezone(UTC)


def first_seen_stories(
    conn: Connection, topic_ids: Sequence[str], start: datetime, end: datetime
) -> list[dict[str, Any]]:
    """(topic_id, story, first_seen) for every entry (an event, else a story) whose earliest copy
    falls in [start, end)."""
    if not topic_ids:
        return []
    key = entry_key().label("story")
    first_seen = func.min(event_time())
    query = (
        select(matches.c.topic_id, key, first_seen.label("first_seen"))
        .where(matches.c.topic_id.in_(list(topic_ids)))
        .group_by(matches.c.topic_id, entry_key())
        .having(and_(first_seen >= _utc(start), first_seen < _utc(end)))
    )
    rows = [dict(row) for row in conn.execute(query).mappings()]
    for row in rows:
        row["first_seen"] = as_utc(row["first_seen"])
    return rows


def story_copies(
    conn: Connection, topic_ids: Sequence[str], stories: Sequence[str], since: datetime, until: datetime
) -> list[dict[str, Any]]:
    """Every copy of the given entries that appeared in [since, until), with its story and event."""
    columns = [
        matches.c.topic_id,
        matches.c.topic_name,
        matches.c.article_id,
        matches.c.outlet,
        matches.c.feed_id,
        matches.c.url,
        matches.c.headline,
        matches.c.language,
        matches.c.published_at,
        matches.c.fetched_at,
        matches.c.agency,
        matches.c.matched_terms,
        matches.c.snippet,
        matches.c.found_by,
        matches.c.model_probability,
        story_key().label("story"),
        entry_key().label("event"),
    ]
    rows: list[dict[str, Any]] = []
    keys = sorted(set(stories))
    for start in range(0, len(keys), _CHUNK):
        query = select(*columns).where(
            matches.c.topic_id.in_(list(topic_ids)),
            entry_key().in_(keys[start : start + _CHUNK]),
            event_time() >= _utc(since),
            event_time() < _utc(until),
        )
        rows += [dict(row) for row in conn.execute(query).mappings()]
    for row in rows:
        row["published_at"] = as_utc(row["published_at"])
        row["fetched_at"] = as_utc(row["fetched_at"])
        row["matched_terms"] = json.loads(row["matched_terms"] or "[]")
    return rows


def topic_names(conn: Connection, topic_ids: Sequence[str]) -> dict[str, str]:
    """The names stored with the matches, for topics whose config entry is gone."""
    query = (
        select(matches.c.topic_id, func.max(matches.c.topic_name))
        .where(matches.c.topic_id.in_(list(topic_ids)))
        .group_by(matches.c.topic_id)
    )
    return dict(conn.execute(query).tuples().all())


def poll_count(conn: Connection, start: datetime, end: datetime) -> int:
    query = select(func.count()).where(
        feed_polls.c.polled_at >= _utc(start), feed_polls.c.polled_at < _utc(end)
    )
    return conn.execute(query.select_from(feed_polls)).scalar_one()


def failed_feeds(conn: Connection, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Feeds with at least one failed poll in [start, end): failures, polls and the latest error."""
    in_window = and_(feed_polls.c.polled_at >= _utc(start), feed_polls.c.polled_at < _utc(end))
    errors = conn.execute(
        select(
            feed_polls.c.feed_id,
            feed_polls.c.url,
            feed_polls.c.polled_at,
            feed_polls.c.error_class,
            feed_polls.c.error_message,
            feeds.c.outlet,
        )
        .select_from(feed_polls.outerjoin(feeds, feeds.c.feed_id == feed_polls.c.feed_id))
        .where(in_window, feed_polls.c.outcome == "error")
        .order_by(feed_polls.c.feed_id, feed_polls.c.polled_at.desc())
    ).mappings()
    failed: dict[str, dict[str, Any]] = {}
    for row in errors:
        entry = failed.setdefault(
            row["feed_id"],
            {
                "feed_id": row["feed_id"],
                "outlet": row["outlet"] or row["feed_id"],
                "url": row["url"],
                "failures": 0,
                "last_failed_at": as_utc(row["polled_at"]),
                "last_error": f"{row['error_class']}: {row['error_message']}",
            },
        )
        entry["failures"] += 1
    if failed:
        polls = conn.execute(
            select(feed_polls.c.feed_id, func.count())
            .where(in_window, feed_polls.c.feed_id.in_(list(failed)))
            .group_by(feed_polls.c.feed_id)
        ).tuples()
        for feed_id, count in polls:
            failed[feed_id]["polls"] = count
    return sorted(failed.values(), key=lambda f: (-f["failures"], f["outlet"].casefold()))
