"""Idempotent reads and writes: every load is an upsert keyed on natural keys, so re-runs change nothing."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, and_, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from wirewatch.warehouse.schema import alert_states, article_versions, articles, feed_polls, feeds, matches

# A SQL statement carries at most this many bound values per IN list; keeps SQLite and PG happy.
_CHUNK = 500


def upsert(
    conn: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    keys: Sequence[str],
    update_columns: Iterable[str] | None = None,
) -> None:
    """INSERT ... ON CONFLICT (keys) DO UPDATE, or ON CONFLICT DO NOTHING when no columns are given.

    DO NOTHING names no target: an article's id and canonical URL are both unique, and when two
    feeds of one run link the same page, PostgreSQL reports the concurrent insert on whichever
    index it checks first; "already there" is the answer either way.
    """
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
        stmt = stmt.on_conflict_do_nothing()
    conn.execute(stmt, list(rows))


def insert_new(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], key: str) -> set[Any]:
    """INSERT ... ON CONFLICT DO NOTHING (as `upsert`), returning the keys of the rows it inserted:
    under concurrent runs another run may have loaded some of the same rows first."""
    if not rows:
        return set()
    dialect = {"postgresql": postgresql, "sqlite": sqlite}[conn.dialect.name]
    stmt = dialect.insert(table).on_conflict_do_nothing().returning(table.c[key])
    return set(conn.execute(stmt, list(rows)).scalars())


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def feed_states(engine: Engine, feed_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(feeds).where(feeds.c.feed_id.in_(list(feed_ids)))).mappings()
        return {row["feed_id"]: dict(row) for row in rows}


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything the warehouse stores is UTC."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def known_urls(engine: Engine, canonical_urls: Sequence[str]) -> set[str]:
    return set(known_articles(engine, canonical_urls))


def known_articles(engine: Engine, canonical_urls: Sequence[str]) -> dict[str, dict[str, Any]]:
    """What revision detection needs of the stored articles with these URLs, by URL."""
    columns = (
        articles.c.canonical_url,
        articles.c.article_id,
        articles.c.guid,
        articles.c.entry_updated_at,
        articles.c.content_hash,
        articles.c.body,
        articles.c.status,
    )
    found: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for chunk in _chunks(list(canonical_urls)):
            for row in conn.execute(select(*columns).where(articles.c.canonical_url.in_(chunk))).mappings():
                found[row["canonical_url"]] = dict(row)
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


# what a new version replaces; the URL, the feed and the run that first loaded it stay
REVISED_COLUMNS = (
    "url",
    "guid",
    "title",
    "author",
    "language",
    "site_name",
    "published_at",
    "fetched_at",
    "body",
    "body_hash",
    "content_hash",
    "status",
    "extraction_path",
    "error",
    "raw_sha256",
    "agency",
    "agency_signature",
    "entry_updated_at",
)


def save_poll(
    engine: Engine,
    poll: dict[str, Any],
    feed_state: dict[str, Any],
    new_articles: list[dict[str, Any]],
    revised: Sequence[dict[str, Any]] = (),
    touched: Sequence[dict[str, Any]] = (),
) -> tuple[dict[str, Any], list[str]]:
    """Articles, revisions, the poll record and the feed's conditional-GET state in one transaction.

    The new ETag is stored only together with the articles it covers: if the load fails,
    the retry fetches the feed again instead of getting a 304 and losing the entries.
    Returns the poll as recorded and the ids of the articles this call inserted: its counts are of
    what was written, not of the candidates, which a concurrent run may have loaded first.
    """
    with engine.begin() as conn:
        inserted = insert_new(conn, articles, new_articles, "article_id")
        revised_count = sum(_save_revision(conn, row) for row in revised)
        for row in touched:  # the feed moved its updated time, the text did not change
            conn.execute(
                update(articles)
                .where(articles.c.article_id == row["article_id"])
                .values(entry_updated_at=row["entry_updated_at"], guid=row["guid"])
            )
        loaded = [row for row in new_articles if row["article_id"] in inserted]
        poll = poll | {
            "new_entries": len(loaded),
            "revised_entries": revised_count,
            "page_errors": sum(row["status"] != "ok" for row in loaded),
        }
        upsert(conn, feed_polls, [poll], ["run_id", "feed_id"], POLL_COLUMNS)
        upsert(conn, feeds, [feed_state], ["feed_id"], FEED_STATE_COLUMNS)
    return poll, sorted(inserted)


def _save_revision(conn: Connection, row: dict[str, Any]) -> bool:
    """Keep the current version in article_versions, then make the new one current.

    The article keeps its id, story and first run; it is clustered and matched again. False when
    the stored text already is the new one: a concurrent run saw the same revision and saved it.
    """
    current = (
        conn.execute(select(articles).where(articles.c.article_id == row["article_id"])).mappings().one()
    )
    # PostgreSQL re-checks this condition once a concurrent revision commits; SQLite runs writers in turn
    changed = conn.execute(
        update(articles)
        .where(
            articles.c.article_id == row["article_id"],
            articles.c.content_hash.is_distinct_from(row["content_hash"]),
        )
        .values(
            **{c: row[c] for c in REVISED_COLUMNS if c in row},
            version=current["version"] + 1,
            topics_digest=None,
        )
    )
    if not changed.rowcount:
        return False
    kept = {
        c: current[c]
        for c in ("article_id", "version", "title", "body", "body_hash", "content_hash", "fetched_at")
    }
    upsert(
        conn,
        article_versions,
        [kept | {"replaced_at": row["fetched_at"], "replaced_by_run": row["loaded_by_run"]}],
        ["article_id", "version"],
    )
    return True


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
) -> list[str]:
    """Replace each article's matches with the new set and mark it matched for this topics digest.

    Returns the articles this call saved. An article is first claimed for the digest; one a
    concurrent run claimed first is left to it, so each run's summary counts its own matches.
    """
    with engine.begin() as conn:
        claimed: list[str] = []
        for chunk in _chunks(list(matched)):
            claim = (
                update(articles)
                .where(
                    articles.c.article_id.in_(chunk),
                    or_(articles.c.topics_digest.is_(None), articles.c.topics_digest != digest),
                )
                .values(topics_digest=digest)
                .returning(articles.c.article_id)
            )
            claimed += conn.execute(claim).scalars()
        for article_id in claimed:
            rows = matched[article_id]
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
    return claimed


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
