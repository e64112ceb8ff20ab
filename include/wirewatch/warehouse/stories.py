"""Story clusters in the warehouse: the dedupe window, and clustering the pending articles.

Pending are the articles whose current version is not yet in the dedupe index (new articles,
revised ones, and all articles after the LSH layout changed). Each batch is clustered against
the articles seen in the rolling window, through the index tables `dedupe_keys` (LSH band and
sentence keys) and `outlet_paragraphs` (boilerplate learning); the results land in `articles`
(cluster_key, duplicate_of), `matches` (cluster_key) and `clusters` in one transaction. In that
transaction too, the stories the batch touched are checked for splits, and every merge and split
is recorded in `story_changes`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, or_, select, text, update

from wirewatch.config import DedupeSettings
from wirewatch.stories import BatchResult, Clusterer, Doc, Member, summarize
from wirewatch.stories.crosslang import evidence
from wirewatch.stories.events import EVENT_HOURS, StoryFacts, group_events, translated_from
from wirewatch.stories.split import MAX_MEMBERS, MIN_MEMBERS, split_key, story_groups
from wirewatch.stories.translations import ANCHOR_SCHEME
from wirewatch.warehouse.schema import (
    articles,
    clusters,
    dedupe_keys,
    events,
    matches,
    outlet_paragraphs,
    story_changes,
    story_links,
)
from wirewatch.warehouse.store import upsert

_CHUNK = 500


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_DOC_COLUMNS = (
    articles.c.article_id,
    articles.c.body,
    articles.c.outlet,
    articles.c.fetched_at,
    articles.c.published_at,
    articles.c.cluster_key,
    articles.c.language,
    articles.c.agency,
    articles.c.title,
)


def _doc(r: Any) -> Doc:
    # publication orders an original before its translation; fetches of one poll come in any order
    when = r.published_at or r.fetched_at
    return Doc(r.article_id, r.body, r.outlet, when, r.cluster_key, r.language, r.agency, r.title)


class WarehouseWindow:
    """The dedupe.Window over the index tables, read inside the batch's transaction."""

    def __init__(self, conn: Connection, scheme: str) -> None:
        self.conn = conn
        self.scheme = scheme

    def lookup(
        self, keys: Collection[int], since: datetime | None, anchors: bool = False
    ) -> dict[int, set[str]]:
        found: dict[int, set[str]] = defaultdict(set)
        scheme = ANCHOR_SCHEME if anchors else self.scheme
        for chunk in _chunks(sorted(keys)):
            query = select(dedupe_keys.c.band_key, dedupe_keys.c.article_id).where(
                dedupe_keys.c.scheme == scheme, dedupe_keys.c.band_key.in_(chunk)
            )
            if since is not None:
                query = query.where(dedupe_keys.c.seen_at >= since)
            for key, article_id in self.conn.execute(query):
                found[key].add(article_id)
        return found

    def load(self, ids: Collection[str]) -> list[Doc]:
        docs = []
        for chunk in _chunks(sorted(ids)):
            query = select(*_DOC_COLUMNS).where(
                articles.c.article_id.in_(chunk), articles.c.cluster_key.is_not(None)
            )
            docs += [_doc(r) for r in self.conn.execute(query)]
        return docs

    def paragraph_counts(self, keys: Collection[tuple[str, int]]) -> dict[tuple[str, int], int]:
        return _paragraph_counts(self.conn, keys)


def _paragraph_counts(
    conn: Connection, keys: Collection[tuple[str, int]], leave_out: Collection[str] = ()
) -> dict[tuple[str, int], int]:
    """How many stored articles (other than `leave_out`) of each outlet carry each paragraph."""
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for outlet, key in keys:
        by_outlet[outlet].append(key)
    counts: dict[tuple[str, int], int] = {}
    for outlet, outlet_keys in by_outlet.items():
        for chunk in _chunks(sorted(set(outlet_keys))):
            query = (
                select(outlet_paragraphs.c.paragraph_key, func.count())
                .where(outlet_paragraphs.c.outlet == outlet, outlet_paragraphs.c.paragraph_key.in_(chunk))
                .group_by(outlet_paragraphs.c.paragraph_key)
            )
            if leave_out:
                query = query.where(outlet_paragraphs.c.article_id.not_in(sorted(leave_out)))
            counts.update({(outlet, key): n for key, n in conn.execute(query)})
    return counts


class StoryWindow:
    """The window for clustering one story's members afresh: no other article is a candidate,
    but the outlets' boilerplate is learnt from the other stored articles too."""

    def __init__(self, conn: Connection, members: Collection[str]) -> None:
        self.conn = conn
        self.members = members

    def lookup(
        self, keys: Collection[int], since: datetime | None, anchors: bool = False
    ) -> dict[int, set[str]]:
        return {}

    def load(self, ids: Collection[str]) -> list[Doc]:
        return []

    def paragraph_counts(self, keys: Collection[tuple[str, int]]) -> dict[tuple[str, int], int]:
        return _paragraph_counts(self.conn, keys, self.members)


def _prune(conn: Connection, scheme: str, before: datetime) -> None:
    """Forget index rows older than the window; after a layout change, index the window again."""
    conn.execute(delete(dedupe_keys).where(dedupe_keys.c.seen_at < before))
    conn.execute(delete(outlet_paragraphs).where(outlet_paragraphs.c.seen_at < before))
    stale = conn.execute(
        delete(dedupe_keys).where(dedupe_keys.c.scheme.not_in([scheme, ANCHOR_SCHEME]))
    ).rowcount
    if stale:
        conn.execute(
            update(articles)
            .where(articles.c.fetched_at >= before, articles.c.cluster_key.is_not(None))
            .values(indexed_version=None)
        )


_CLUSTER_LOCK = 0x57697265  # "Wire": the advisory lock that serialises clustering batches


def _pending(conn: Connection, limit: int) -> list[Any]:
    query = (
        select(*_DOC_COLUMNS, articles.c.version)
        .where(or_(articles.c.indexed_version.is_(None), articles.c.indexed_version != articles.c.version))
        .order_by(articles.c.fetched_at, articles.c.article_id)
        .limit(limit)
    )
    return list(conn.execute(query))


def _store_index(conn: Connection, scheme: str, docs: list[Doc], result: BatchResult) -> None:
    ids = [doc.id for doc in docs]
    for chunk in _chunks(ids):
        conn.execute(delete(dedupe_keys).where(dedupe_keys.c.article_id.in_(chunk)))
        conn.execute(delete(outlet_paragraphs).where(outlet_paragraphs.c.article_id.in_(chunk)))
    keys = [
        {"scheme": which, "band_key": key, "article_id": doc.id, "seen_at": doc.time}
        for which, found in ((scheme, result.band_keys), (ANCHOR_SCHEME, result.anchor_keys))
        for doc in docs
        for key in sorted(set(found.get(doc.id, ())))
    ]
    paragraphs = [
        {"outlet": doc.outlet, "paragraph_key": key, "article_id": doc.id, "seen_at": doc.time}
        for doc in docs
        for key in result.paragraph_keys.get(doc.id, ())
    ]
    for chunk in _chunks(keys, 5000):
        conn.execute(insert(dedupe_keys), list(chunk))
    for chunk in _chunks(paragraphs, 5000):
        conn.execute(insert(outlet_paragraphs), list(chunk))


def _record(
    conn: Connection, now: datetime, kind: str, from_key: str, to_key: str, ids: Sequence[str]
) -> None:
    conn.execute(
        insert(story_changes).values(
            at=now,
            kind=kind,
            from_key=from_key,
            to_key=to_key,
            articles=len(ids),
            article_ids=json.dumps(sorted(ids)),
        )
    )


def _merge(conn: Connection, merges: dict[str, str], now: datetime) -> None:
    for absorbed, survivor in merges.items():
        moved = conn.execute(
            select(articles.c.article_id).where(articles.c.cluster_key == absorbed)
        ).scalars()
        _record(conn, now, "merge", absorbed, survivor, list(moved))
        for table in (articles, matches, story_links):
            conn.execute(update(table).where(table.c.cluster_key == absorbed).values(cluster_key=survivor))
        conn.execute(delete(clusters).where(clusters.c.cluster_key == absorbed))
        moved = conn.execute(select(story_links).where(story_links.c.linked_key == absorbed)).mappings().all()
        conn.execute(delete(story_links).where(story_links.c.linked_key == absorbed))
        upsert(
            conn,
            story_links,
            [dict(r) | {"linked_key": survivor} for r in moved],
            ["article_id", "kind", "linked_key"],
            ["cluster_key"],
        )
    # a story that took in the story it used is one story now
    conn.execute(delete(story_links).where(story_links.c.cluster_key == story_links.c.linked_key))


def split_stories(
    conn: Connection, settings: DedupeSettings, keys: Collection[str], now: datetime
) -> dict[str, str]:
    """Split each of these stories whose members make two or more stories now: the largest
    group keeps the key (SQL users and digest links hold it), each other group gets a new one.
    Returns each new key with the key it split from."""
    sizes: dict[str, int] = {}
    for chunk in _chunks(sorted(keys)):
        query = (
            select(articles.c.cluster_key, func.count())
            .where(articles.c.cluster_key.in_(chunk))
            .group_by(articles.c.cluster_key)
        )
        sizes.update({key: n for key, n in conn.execute(query)})
    judged = sorted(k for k, n in sizes.items() if MIN_MEMBERS <= n <= MAX_MEMBERS)
    members: dict[str, list[Doc]] = defaultdict(list)
    for chunk in _chunks(judged):  # all the stories' members in one query, not one per story
        for r in conn.execute(select(*_DOC_COLUMNS).where(articles.c.cluster_key.in_(chunk))):
            members[r.cluster_key].append(_doc(r))
    splits: dict[str, str] = {}
    for key in judged:
        story = members[key]
        groups = story_groups(settings, story, StoryWindow(conn, [doc.id for doc in story]))
        for group in groups[1:]:
            new_key = split_key(key, group[0])
            for chunk in _chunks(group):
                for table in (articles, matches, story_links):
                    conn.execute(
                        update(table).where(table.c.article_id.in_(chunk)).values(cluster_key=new_key)
                    )
            _record(conn, now, "split", key, new_key, group)
            splits[new_key] = key
    return splits


def _store_links(conn: Connection, docs: list[Doc], result: BatchResult, now: datetime) -> None:
    """Each compilation of the batch: the stories it also uses (its links from earlier versions go)."""
    ids = [doc.id for doc in docs]
    for chunk in _chunks(ids):
        conn.execute(delete(story_links).where(story_links.c.article_id.in_(chunk)))
    used = sorted(
        {other for others in result.also_uses.values() for other in others} - set(result.assignments)
    )
    stored: dict[str, str] = {}
    for chunk in _chunks(used):
        query = select(articles.c.article_id, articles.c.cluster_key).where(articles.c.article_id.in_(chunk))
        stored.update({r.article_id: r.cluster_key for r in conn.execute(query)})
    key_of = stored | result.assignments
    rows = {
        (article_id, key_of[other]): {
            "article_id": article_id,
            "kind": "also_uses",
            "linked_key": key_of[other],
            "cluster_key": result.assignments[article_id],
            "created_at": now,
        }
        for article_id, others in result.also_uses.items()
        for other in others
        if key_of.get(other) and key_of[other] != result.assignments[article_id]
    }
    if rows:
        conn.execute(insert(story_links), list(rows.values()))


def _assign(conn: Connection, rows: list[Any], assignments: dict[str, str]) -> None:
    params = [{"id": r.article_id, "key": assignments[r.article_id], "indexed": r.version} for r in rows]
    conn.execute(
        update(articles)
        .where(articles.c.article_id == bindparam("id"))
        .values(cluster_key=bindparam("key"), indexed_version=bindparam("indexed")),
        params,
    )
    conn.execute(
        update(matches).where(matches.c.article_id == bindparam("id")).values(cluster_key=bindparam("key")),
        params,
    )


def refresh_clusters(conn: Connection, keys: Collection[str], now: datetime) -> None:
    """Recompute the clusters rows and each member's duplicate_of and translated_from for these keys."""
    members: dict[str, list[Any]] = defaultdict(list)
    for chunk in _chunks(sorted(keys)):
        query = select(
            articles.c.article_id,
            articles.c.cluster_key,
            articles.c.outlet,
            articles.c.published_at,
            articles.c.fetched_at,
            articles.c.agency,
            articles.c.language,
            articles.c.title,
            articles.c.duplicate_of,
            articles.c.translated_from,
        ).where(articles.c.cluster_key.in_(chunk))
        for row in conn.execute(query):
            members[row.cluster_key].append(row)
    rows, pointers = [], []
    for key, found in members.items():
        story = [
            Member(r.article_id, r.outlet, r.published_at or r.fetched_at, r.agency, r.language, r.title)
            for r in found
        ]
        summary = summarize(story)
        sources = translated_from(story)
        rows.append(
            {
                "cluster_key": key,
                "canonical_article_id": summary.canonical,
                "headline": summary.headline,
                "agency": summary.agency,
                "first_seen_at": summary.first_seen,
                "last_seen_at": summary.last_seen,
                "copies": summary.copies,
                "outlets": len(summary.outlets),
                "outlet_names": json.dumps(summary.outlets, ensure_ascii=False),
                "languages": json.dumps(summary.languages),
                "updated_at": now,
            }
        )
        for r in found:
            canonical = None if r.article_id == summary.canonical else summary.canonical
            source = sources.get(r.article_id)
            if (r.duplicate_of, r.translated_from) != (canonical, source):
                pointers.append({"id": r.article_id, "canonical": canonical, "source": source})
    upsert(
        conn,
        clusters,
        rows,
        ["cluster_key"],
        [c.name for c in clusters.columns if c.name not in ("cluster_key", "event_key")],
    )
    if pointers:
        conn.execute(
            update(articles)
            .where(articles.c.article_id == bindparam("id"))
            .values(duplicate_of=bindparam("canonical"), translated_from=bindparam("source")),
            pointers,
        )


def _story_facts(conn: Connection, keys: Collection[str]) -> list[StoryFacts]:
    """Each story's first appearance, event and canonical article's anchors (headline and body)."""
    facts = []
    for chunk in _chunks(sorted(keys)):
        query = (
            select(
                clusters.c.cluster_key,
                clusters.c.first_seen_at,
                clusters.c.event_key,
                clusters.c.agency,
                articles.c.title,
                articles.c.body,
                articles.c.language,
            )
            .join(articles, articles.c.article_id == clusters.c.canonical_article_id)
            .where(clusters.c.cluster_key.in_(chunk))
        )
        for r in conn.execute(query):
            text = f"{r.title or ''}\n{r.body}"
            facts.append(
                StoryFacts(
                    r.cluster_key, _utc(r.first_seen_at), evidence(text, r.language), r.event_key, r.agency
                )
            )
    return facts


def _utc(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; every time in the warehouse is UTC
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def refresh_events(conn: Connection, keys: Collection[str], merges: dict[str, str], now: datetime) -> None:
    """Give the stories without an event one (joining an event whose first story they match),
    then recompute the events rows these stories belong to."""
    stories = _story_facts(conn, keys)
    if not stories:
        return
    times = [s.time for s in stories if s.time is not None]
    founders: list[StoryFacts] = []
    if times:
        span = timedelta(hours=EVENT_HOURS)
        query = select(events.c.founder_key).where(
            events.c.first_seen_at >= min(times) - span, events.c.first_seen_at <= max(times) + span
        )
        founder_keys = {r.founder_key for r in conn.execute(query)} - {s.key for s in stories}
        founders = _story_facts(conn, founder_keys)
    assigned = group_events(stories, founders)
    for table, column in ((clusters, clusters.c.cluster_key), (articles, articles.c.cluster_key)):
        conn.execute(
            update(table).where(column == bindparam("key")).values(event_key=bindparam("event")),
            [{"key": key, "event": event} for key, event in assigned.items()],
        )
    conn.execute(
        update(matches).where(matches.c.cluster_key == bindparam("key")).values(event_key=bindparam("event")),
        [{"key": key, "event": event} for key, event in assigned.items()],
    )
    touched = set(assigned.values())
    if merges:  # an absorbed story's event may have lost its only story
        touched |= {
            r.event_key
            for r in conn.execute(select(events.c.event_key).where(events.c.founder_key.in_(list(merges))))
        }
    _summarize_events(conn, touched, now)


def _summarize_events(conn: Connection, keys: set[str], now: datetime) -> None:
    rows, empty = [], []
    for event_key in sorted(keys):
        query = select(clusters).where(clusters.c.event_key == event_key)
        stories = sorted(
            conn.execute(query).mappings(),
            key=lambda r: (r["first_seen_at"] is None, _utc(r["first_seen_at"]) or now, r["cluster_key"]),
        )
        if not stories:
            empty.append(event_key)
            continue
        founder = conn.execute(select(events.c.founder_key).where(events.c.event_key == event_key)).scalar()
        if founder is None or founder not in {s["cluster_key"] for s in stories}:
            founder = stories[0]["cluster_key"]
        lead = next(s for s in stories if s["cluster_key"] == founder)
        times = [_utc(s[c]) for s in stories for c in ("first_seen_at", "last_seen_at") if s[c] is not None]
        rows.append(
            {
                "event_key": event_key,
                "founder_key": founder,
                "headline": lead["headline"],
                "first_seen_at": min(times, default=None),
                "last_seen_at": max(times, default=None),
                "stories": len(stories),
                "copies": sum(s["copies"] for s in stories),
                "agencies": json.dumps(sorted({s["agency"] for s in stories if s["agency"]})),
                "languages": json.dumps(sorted({x for s in stories for x in json.loads(s["languages"])})),
                "updated_at": now,
            }
        )
    if empty:
        conn.execute(delete(events).where(events.c.event_key.in_(empty)))
    upsert(conn, events, rows, ["event_key"], [c.name for c in events.columns if c.name != "event_key"])


def cluster_pending(
    engine: Engine, settings: DedupeSettings, now: datetime, batch_size: int = 2000
) -> dict[str, int]:
    """Cluster every pending article, batch by batch; a no-op when nothing is pending."""
    clusterer = Clusterer(settings)
    scheme = clusterer.scheme
    with engine.begin() as conn:
        _prune(conn, scheme, now - timedelta(days=settings.window_days))
    summary = {"clustered": 0, "stories": 0, "merged": 0, "split": 0, "candidates": 0, "templated": 0}
    while True:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # concurrent runs would update the same articles, clusters and events in other
                # orders and deadlock: one clusters at a time, the next sees what it stored
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CLUSTER_LOCK})
            rows = _pending(conn, batch_size)
            if not rows:
                break
            docs = [_doc(r) for r in rows]
            result = Clusterer(settings, WarehouseWindow(conn, scheme)).cluster(docs)
            _merge(conn, result.merges, now)
            _assign(conn, rows, result.assignments)
            _store_index(conn, scheme, docs, result)
            _store_links(conn, docs, result, now)
            # later evidence: a story this batch touched may hold two stories now
            stories = set(result.assignments.values())
            splits = split_stories(conn, settings, stories, now)
            touched = stories | set(splits)
            refresh_clusters(conn, touched, now)
            refresh_events(conn, touched, result.merges, now)
        summary["clustered"] += len(rows)
        summary["stories"] += len(stories)
        summary["merged"] += len(result.merges)
        summary["split"] += len(splits)
        summary["candidates"] += result.candidates
        summary["templated"] += result.templated
    return summary


def stories_of(engine: Engine, keys: Collection[str]) -> dict[str, dict[str, Any]]:
    """The clusters rows for these keys, outlet and language lists decoded."""
    found = {}
    with engine.connect() as conn:
        for chunk in _chunks(sorted(keys)):
            for row in conn.execute(select(clusters).where(clusters.c.cluster_key.in_(chunk))).mappings():
                story = dict(row)
                story["outlet_names"] = json.loads(story["outlet_names"])
                story["languages"] = json.loads(story["languages"])
                found[story["cluster_key"]] = story
    return found


def linked_stories(engine: Engine, keys: Collection[str]) -> dict[str, list[dict[str, Any]]]:
    """Per story key, the stories it also uses (kind, key, headline, agency), each once."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with engine.connect() as conn:
        for chunk in _chunks(sorted(keys)):
            query = (
                select(
                    story_links.c.cluster_key,
                    story_links.c.kind,
                    story_links.c.linked_key,
                    clusters.c.headline,
                    clusters.c.agency,
                )
                .distinct()
                .join(clusters, clusters.c.cluster_key == story_links.c.linked_key)
                .where(story_links.c.cluster_key.in_(chunk))
                .order_by(story_links.c.cluster_key, story_links.c.linked_key)
            )
            for r in conn.execute(query):
                found[r.cluster_key].append(
                    {"kind": r.kind, "cluster_key": r.linked_key, "headline": r.headline, "agency": r.agency}
                )
    return dict(found)


def latest_events(engine: Engine, limit: int = 10, matched: bool = True) -> list[dict[str, Any]]:
    """The newest events (with a topic match, unless `matched` is false) with their stories, each
    story with its translations."""
    found = []
    with engine.connect() as conn:
        query = select(events).order_by(events.c.last_seen_at.desc(), events.c.event_key).limit(limit)
        if matched:
            query = query.where(events.c.event_key.in_(select(matches.c.event_key).distinct()))
        for row in conn.execute(query).mappings():
            event = dict(row) | {
                "agencies": json.loads(row["agencies"]),
                "languages": json.loads(row["languages"]),
            }
            stories = conn.execute(
                select(clusters)
                .where(clusters.c.event_key == row["event_key"])
                .order_by(clusters.c.copies.desc(), clusters.c.first_seen_at)
            ).mappings()
            event["story_rows"] = []
            for story in stories:
                translated = conn.execute(
                    select(articles.c.language, articles.c.outlet)
                    .where(
                        articles.c.cluster_key == story["cluster_key"],
                        articles.c.translated_from.is_not(None),
                    )
                    .order_by(articles.c.language, articles.c.outlet)
                ).all()
                event["story_rows"].append(
                    dict(story)
                    | {
                        "outlet_names": json.loads(story["outlet_names"]),
                        "languages": json.loads(story["languages"]),
                        "translations": [f"translation ({lang}) by {outlet}" for lang, outlet in translated],
                    }
                )
            found.append(event)
    return found
