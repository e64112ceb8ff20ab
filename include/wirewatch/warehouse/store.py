"""Idempotent reads and writes: every load is an upsert keyed on natural keys, so re-runs change nothing."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, and_, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from wirewatch.warehouse.schema import alert_states, articles, feed_polls, feeds, matches

# A SQL statement carries at most this many bound values per IN list; keeps SQLite and PG happy.
_CHUNK = 500


def upsert(
    conn: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    keys: Sequence[str],
    update_columns: Iterable[str] | None = None,
) -> None:
    """INSERT ... ON CONFLICT (keys) DO UPDATE (or DO NOTHING when no columns are given)."""
    if not rows:
        return
    dialect = {"postgresql": postgresql, "sqlite": sqlite}[conn.dialect.name]
    stmt = dialect.insert(table)
    columns = list(update_columns or [])
    if columns:
        stmt = stmt.on_conflict_do_update(
            index_elements=list(keys), set_={c: stmt.excluded[c] for c in columns}
        )
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(keys))
    conn.execute(stmt, list(rows))


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def feed_states(engine: Engine, feed_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(feeds).where(feeds.c.feed_id.in_(list(feed_ids)))).mappings()
        return {row["feed_id"]: dict(row) for row in rows}


def known_urls(engine: Engine, canonical_urls: Sequence[str]) -> set[str]:
    found: set[str] = set()
    with engine.connect() as conn:
        for chunk in _chunks(list(canonical_urls)):
            query = select(articles.c.canonical_url).where(articles.c.canonical_url.in_(chunk))
            found.update(conn.execute(query).scalars())
    return found


FEED_STATE_COLUMNS = (
    "outlet",
    "url",
    "language",
    "etag",
    "last_modified",
    "last_polled_at",
    "last_success_at",
    "last_outcome",
    "last_error",
    "consecutive_failures",
    "failure_weight",
    "last_error_class",
    "status",
    "cadence_seconds",
    "last_new_item_at",
    "stale",
    "next_poll_at",
    "next_poll_reason",
)
POLL_COLUMNS = tuple(c.name for c in feed_polls.columns if c.name not in ("run_id", "feed_id"))


def save_poll(
    engine: Engine, poll: dict[str, Any], feed_state: dict[str, Any], new_articles: list[dict[str, Any]]
) -> None:
    """Articles, the poll record and the feed's conditional-GET state in one transaction.

    The new ETag is stored only together with the articles it covers: if the load fails,
    the retry fetches the feed again instead of getting a 304 and losing the entries.
    """
    with engine.begin() as conn:
        upsert(conn, articles, new_articles, ["canonical_url"])
        upsert(conn, feed_polls, [poll], ["run_id", "feed_id"], POLL_COLUMNS)
        upsert(conn, feeds, [feed_state], ["feed_id"], FEED_STATE_COLUMNS)


def assign_exact_clusters(engine: Engine) -> int:
    """Give unclustered articles a cluster key; copies with an identical body point at the earliest."""
    with engine.begin() as conn:
        pending = conn.execute(
            select(articles.c.article_id, articles.c.body_hash).where(
                articles.c.cluster_key.is_(None), articles.c.body_hash.is_not(None)
            )
        ).all()
        if not pending:
            return 0
        hashes = sorted({row.body_hash for row in pending})
        earliest: dict[str, str] = {}
        for chunk in _chunks(hashes):
            rows = conn.execute(
                select(articles.c.body_hash, articles.c.article_id)
                .where(articles.c.body_hash.in_(chunk))
                .order_by(articles.c.fetched_at, articles.c.published_at, articles.c.article_id)
            )
            for digest, article_id in rows:
                earliest.setdefault(digest, article_id)
        for row in pending:
            first = earliest[row.body_hash]
            conn.execute(
                update(articles)
                .where(articles.c.article_id == row.article_id)
                .values(
                    cluster_key=f"exact:{row.body_hash[:20]}",
                    duplicate_of=None if first == row.article_id else first,
                )
            )
        return len(pending)


def articles_to_match(engine: Engine, digest: str, limit: int = 5000) -> list[dict[str, Any]]:
    """Readable articles not yet matched against this exact set of topics."""
    query = (
        select(articles)
        .where(
            articles.c.status.in_(("ok", "fallback")),
            or_(articles.c.topics_digest.is_(None), articles.c.topics_digest != digest),
        )
        .order_by(articles.c.fetched_at, articles.c.article_id)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def save_matches(
    engine: Engine,
    matched: dict[str, list[dict[str, Any]]],
    digest: str,
) -> None:
    """Replace each article's matches with the new set and mark it matched for this topics digest."""
    with engine.begin() as conn:
        for article_id, rows in matched.items():
            keep = [row["topic_id"] for row in rows]
            conn.execute(
                delete(matches).where(
                    and_(matches.c.article_id == article_id, matches.c.topic_id.not_in(keep))
                )
            )
            upsert(
                conn,
                matches,
                rows,
                ["article_id", "topic_id"],
                [c.name for c in matches.columns if c.name not in ("article_id", "topic_id", "run_id")],
            )
        ids = list(matched)
        for chunk in _chunks(ids):
            conn.execute(
                update(articles).where(articles.c.article_id.in_(chunk)).values(topics_digest=digest)
            )


def matches_since(engine: Engine, since: datetime | None = None, limit: int = 100) -> list[dict[str, Any]]:
    query = select(matches).order_by(matches.c.published_at.desc(), matches.c.article_id).limit(limit)
    if since is not None:
        query = query.where(matches.c.fetched_at >= since)
    with engine.connect() as conn:
        rows = [dict(row) for row in conn.execute(query).mappings()]
    for row in rows:
        row["matched_terms"] = json.loads(row["matched_terms"])
        row["hits"] = json.loads(row["hits"]) if row["hits"] else []
    return rows


def run_clusters(engine: Engine, run_id: str) -> int:
    """Stories among the articles this run loaded: copies of one story count once."""
    query = select(func.count(func.distinct(articles.c.cluster_key))).where(
        articles.c.loaded_by_run == run_id, articles.c.cluster_key.is_not(None)
    )
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


def update_stale_flags(engine: Engine, flags: dict[str, bool]) -> None:
    with engine.begin() as conn:
        for stale in (True, False):
            ids = [feed_id for feed_id, flag in flags.items() if flag is stale]
            for chunk in _chunks(ids):
                conn.execute(update(feeds).where(feeds.c.feed_id.in_(chunk)).values(stale=stale))


def get_alert_states(engine: Engine) -> dict[str, dict[str, Any]]:
    with engine.connect() as conn:
        return {row["subject"]: dict(row) for row in conn.execute(select(alert_states)).mappings()}


def save_alert_states(engine: Engine, rows: Sequence[dict[str, Any]]) -> None:
    with engine.begin() as conn:
        upsert(conn, alert_states, rows, ["subject"], ["state", "detail", "changed_at", "notified_at"])
