"""The stages wired together as plain functions: the DAG's tasks and `wirewatch run-once` both call these.

Large data never travels between stages: article bodies go to the warehouse and raw bytes to the
archive; stages exchange small summaries and ids.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from wirewatch.config import Feed, PipelineConfig, load_pipeline_config
from wirewatch.ingest.agency import detect_agency
from wirewatch.ingest.archive import RawArchive
from wirewatch.ingest.credentials import FeedCredentials, MissingCredentials, from_env
from wirewatch.ingest.feeds import FeedEntry, FeedParseError, parse_feed_document
from wirewatch.ingest.fetch import Fetcher, FetchResult
from wirewatch.ingest.urls import article_id, canonical_url
from wirewatch.match import TopicMatch, compile_topics, match_document
from wirewatch.monitoring import health
from wirewatch.redact import redact
from wirewatch.stories import body_hash, content_hash
from wirewatch.warehouse import store, stories
from wirewatch.warehouse.db import make_engine, migrate

log = logging.getLogger("wirewatch.pipeline")

# clocks and time zones drift; beyond this a "future" date is a feed bug, not a scoop
FUTURE_TOLERANCE = timedelta(days=1)


@dataclass
class RunContext:
    config: PipelineConfig
    engine: Engine
    archive: RawArchive
    run_id: str
    # a feed's `connection:` to its credentials: Airflow's connections in a DAG, AIRFLOW_CONN_* here
    credentials: Callable[[str], FeedCredentials] = from_env

    @classmethod
    def open(
        cls,
        run_id: str,
        warehouse_url: str | None = None,
        config: PipelineConfig | None = None,
        credentials: Callable[[str], FeedCredentials] = from_env,
    ):
        config = config or load_pipeline_config()
        settings = config.settings
        url = warehouse_url or settings.warehouse_url or settings.default_warehouse_url
        return cls(config, make_engine(url), RawArchive(settings.archive_url), run_id, credentials)


def now() -> datetime:
    return datetime.now(UTC)


def plan_shards(feeds: list[Feed], max_shards: int) -> list[dict[str, Any]]:
    """Group feeds by host, then pack whole hosts into at most `max_shards` shards.

    A host never spans two shards, so per-host politeness holds inside one task; the cap keeps
    Airflow's per-task overhead bounded when there are hundreds of hosts.
    """
    by_host: dict[str, list[Feed]] = defaultdict(list)
    for feed in feeds:
        by_host[feed.host].append(feed)
    bins: list[list[Feed]] = [[] for _ in range(min(max_shards, len(by_host)))]
    # biggest hosts first into the emptiest shard: a greedy, deterministic balance by feed count
    for _host, host_feeds in sorted(by_host.items(), key=lambda item: (-len(item[1]), item[0])):
        min(bins, key=len).extend(host_feeds)
    order = {feed.id: n for n, feed in enumerate(feeds)}
    shards = []
    for shard_feeds in bins:
        shard_feeds.sort(key=lambda feed: order[feed.id])  # config order, for the label
        outlets = list(dict.fromkeys(feed.outlet for feed in shard_feeds))
        label = outlets[0] if len(outlets) == 1 else f"{outlets[0]} +{len(outlets) - 1}"
        hosts = sorted({feed.host for feed in shard_feeds})
        shards.append({"hosts": hosts, "label": label, "feed_ids": [feed.id for feed in shard_feeds]})
    return sorted(shards, key=lambda shard: order[shard["feed_ids"][0]])


def plan_run(ctx: RunContext, as_of: datetime) -> dict[str, Any]:
    """Shards of the feeds due at `as_of` (the run's scheduled time), and the feeds skipped as not due."""
    feed_ids = [feed.id for feed in ctx.config.feeds]
    due_ids, skipped = health.split_due(feed_ids, store.feed_states(ctx.engine, feed_ids), as_of)
    due = set(due_ids)
    shards = plan_shards(
        [feed for feed in ctx.config.feeds if feed.id in due], ctx.config.feeds_file.max_shards
    )
    for shard in shards:
        shard["as_of"] = as_of.isoformat()
    reasons = Counter(item["reason"] for item in skipped)
    log.info(
        "%d feeds due in %d shards, %d skipped as not due %s",
        len(due),
        len(shards),
        len(skipped),
        dict(reasons),
    )
    for item in skipped:
        # the troubled ones are worth a line each; healthy feeds waiting for their turn are not
        level = logging.INFO if item["status"] in ("failing", "dead") else logging.DEBUG
        log.log(
            level,
            "skipped %s (%s): due %s (%s)",
            item["feed_id"],
            item["status"],
            item["next_poll_at"],
            item["reason"],
        )
    return {"shards": shards, "skipped": skipped}


def _conditional_headers(state: dict[str, Any] | None) -> dict[str, str]:
    headers = {}
    if state and state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state and state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    return headers


def _article_row(
    ctx: RunContext, feed: Feed, entry: FeedEntry, canonical: str, page: FetchResult | None
) -> dict[str, Any]:
    from wirewatch.ingest.extract import extract_article

    page_error = None
    if page is not None and not page.ok:
        page_error = redact(f"{page.error_class}: {page.error_message}")
    raw = page.body if page is not None and page.ok else None
    extracted = extract_article(
        raw,
        url=canonical,
        content_type=page.headers.get("content-type") if page else None,
        summary=entry.summary,
        title=entry.title,
        page_error=page_error,
    )
    attribution = detect_agency(extracted.body, extracted.author or entry.author) if extracted.body else None
    status = {"trafilatura": "ok", "feed_summary": "fallback"}.get(extracted.path, "failed")
    fetched_at = now()
    published = entry.published or extracted.published
    problems = [extracted.error] if extracted.error else []
    if published and published > fetched_at + FUTURE_TOLERANCE:
        problems.append(f"published date {published.isoformat()} lies in the future; ignored")
        published = None
    error = "; ".join(problems) or None
    if error:
        log.warning("article %s (%s, feed %s): %s", canonical, status, feed.id, error)
    return {
        "article_id": article_id(canonical),
        "canonical_url": canonical,
        "url": redact(entry.link),
        "feed_id": feed.id,
        "outlet": feed.outlet,
        # a guid is often the link, login and all: stored redacted, and compared so
        "guid": redact(entry.guid),
        # the feed's headline is the outlet's own choice; pages often append the site name
        "title": entry.title or extracted.title,
        "author": extracted.author or entry.author,
        "language": extracted.language or feed.language,
        "site_name": extracted.site_name,
        "published_at": published,
        "fetched_at": fetched_at,
        "body": extracted.body,
        "body_hash": body_hash(extracted.body) if extracted.body else None,
        "content_hash": content_hash(extracted.body) if extracted.body else None,
        "entry_updated_at": entry.updated,
        "status": status,
        "extraction_path": extracted.path,
        "error": error,
        "raw_sha256": ctx.archive.put(raw) if raw else None,
        "agency": attribution.agency if attribution else None,
        "agency_signature": attribution.signature if attribution else None,
        "loaded_by_run": ctx.run_id,
    }


def _revised_entry(entry: FeedEntry, stored: dict[str, Any]) -> bool:
    """The feed says a known article changed: a newer updated time, or a new explicit id."""
    before = store.as_utc(stored["entry_updated_at"])
    if entry.updated and before and entry.updated > before:
        return True
    explicit = entry.guid and entry.guid != entry.link  # without an id the guid is the link, tracking and all
    return bool(explicit and stored["guid"] and redact(entry.guid) != stored["guid"])


def _new_entries(
    ctx: RunContext, feed: Feed, entries: list[FeedEntry], base_url: str
) -> tuple[list[tuple[FeedEntry, str]], list[tuple[FeedEntry, str, dict[str, Any]]], list[str]]:
    """Entries whose canonical URL the warehouse has not seen, and known ones the feed says changed;
    each at most the per-feed cap."""
    problems: list[str] = []
    candidates: dict[str, FeedEntry] = {}
    for entry in entries:
        if not entry.link:
            problems.append(f"entry {entry.guid or entry.title!r} has no link")
            continue
        try:
            canonical = canonical_url(entry.link, base_url)
        except ValueError as exc:
            problems.append(redact(f"entry link {entry.link!r}: {exc}"))
            continue
        candidates.setdefault(canonical, entry)
    known = store.known_articles(ctx.engine, list(candidates))
    fresh = [(entry, url) for url, entry in candidates.items() if url not in known]
    revisits = [
        (entry, url, known[url])
        for url, entry in candidates.items()
        if url in known and _revised_entry(entry, known[url])
    ]
    cap = ctx.config.limits.max_new_articles_per_feed
    return fresh[:cap], revisits[:cap], problems


def _revision(row: dict[str, Any], stored: dict[str, Any]) -> str:
    """'revised' (the text changed), 'same' (only clock times or markup did) or 'worse' (the page
    could not be read this time: keep the stored version and look again at the next poll)."""
    if row["status"] == "failed" or (row["status"] == "fallback" and stored["status"] == "ok"):
        return "worse"
    before = stored["content_hash"] or content_hash(stored["body"])
    return "same" if row["content_hash"] == before else "revised"


@dataclass
class _FeedRead:
    """What one poll made of the feed's response: the outcome its health follows, and the articles to save."""

    outcome: str  # ok | not_modified | error
    error_class: str | None = None
    error_message: str | None = None
    warning: str | None = None
    ttl_seconds: int | None = None
    entries: int | None = None  # how many the document lists, when it parsed
    entry_times: tuple[datetime, ...] = ()
    newest_new: datetime | None = None
    new_rows: list[dict[str, Any]] = field(default_factory=list)
    revised: list[dict[str, Any]] = field(default_factory=list)
    touched: list[dict[str, Any]] = field(default_factory=list)


async def _poll_feed(
    ctx: RunContext, fetcher: Fetcher, feed: Feed, state: dict[str, Any] | None, as_of: datetime
) -> dict:
    """Fetch a feed, read its new and revised entries, record its health and save it all."""
    polled_at = now()
    response, secrets = await _fetch_feed(ctx, fetcher, feed, state)
    poll = _poll_record(ctx, feed, response, polled_at)
    read = await _read_feed(ctx, fetcher, feed, response, polled_at)
    # the response echoes the credentialed request: its URL, maybe a header or a key
    read.error_message, read.warning = redact(read.error_message, secrets), redact(read.warning, secrets)
    if read.outcome == "error":
        log.warning("feed %s (%s) %s: %s", feed.id, poll["url"], read.error_class, read.error_message)
    if read.entries is not None:
        poll["entries"] = read.entries
    poll.update(
        outcome=read.outcome,
        error_class=read.error_class,
        error_message=read.error_message,
        parse_warning=read.warning,
    )
    feed_state = _feed_state_after(ctx, feed, state, response, read, polled_at, as_of)
    return await _save_poll(ctx, poll, feed_state, read)


async def _fetch_feed(
    ctx: RunContext, fetcher: Fetcher, feed: Feed, state: dict[str, Any] | None
) -> tuple[FetchResult, tuple[str, ...]]:
    """The feed's document, conditional on the last poll's validators, and the secrets its request carried."""
    try:
        credentials = ctx.credentials(feed.connection) if feed.connection else None
    except MissingCredentials as exc:
        return FetchResult(feed.url, error_class="missing_credentials", error_message=str(exc)), ()
    secrets = credentials.secrets if credentials else ()
    return await fetcher.get(feed.url, _conditional_headers(state), credentials), secrets


def _poll_record(ctx: RunContext, feed: Feed, response: FetchResult, polled_at: datetime) -> dict[str, Any]:
    return {
        "run_id": ctx.run_id,
        "feed_id": feed.id,
        "url": redact(feed.url),
        "polled_at": polled_at,
        "http_status": response.http_status,
        "bytes": len(response.body),
        "duration_ms": response.duration_ms,
        "raw_sha256": ctx.archive.put(response.body) if response.body else None,
    }


async def _read_feed(
    ctx: RunContext, fetcher: Fetcher, feed: Feed, response: FetchResult, polled_at: datetime
) -> _FeedRead:
    """Parse the fetched document, select its new and revised entries and extract their pages."""
    if response.not_modified:
        return _FeedRead("not_modified")
    if not response.ok:
        return _FeedRead("error", response.error_class, response.error_message)
    base_url = response.final_url or feed.url
    try:
        parsed = parse_feed_document(response.body, response.headers, base_url)
    except FeedParseError as exc:
        return _FeedRead("error", "parse_error", str(exc))
    fresh, revisits, problems = _new_entries(ctx, feed, parsed.entries, base_url)
    read = _FeedRead(
        "ok",
        warning="; ".join(filter(None, [parsed.warning, *problems])) if problems else parsed.warning,
        ttl_seconds=parsed.ttl_seconds,
        entries=len(parsed.entries),
        entry_times=tuple(entry.published for entry in parsed.entries if entry.published),
        # an undated new entry counts as published when we saw it
        newest_new=max((min(e.published or polled_at, polled_at) for e, _ in fresh), default=None),
    )
    pages = await asyncio.gather(*(fetcher.get(url) for _, url in fresh))
    if fresh or revisits:
        # trafilatura and the language model load here, once, and only when there is work
        from wirewatch.ingest.extract import warm_up

        warm_up()
    for (entry, url), page in zip(fresh, pages, strict=True):
        read.new_rows.append(await asyncio.to_thread(_article_row, ctx, feed, entry, url, page))
    read.revised, read.touched = await _extract_revisits(ctx, fetcher, feed, revisits)
    return read


async def _extract_revisits(
    ctx: RunContext, fetcher: Fetcher, feed: Feed, revisits: list[tuple[FeedEntry, str, dict[str, Any]]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Read the pages of known articles again: rows whose text changed, and the entries where only
    the feed's times or id did."""
    revised: list[dict[str, Any]] = []
    touched: list[dict[str, Any]] = []
    pages = await asyncio.gather(*(fetcher.get(url) for _, url, _ in revisits))
    for (entry, url, stored), page in zip(revisits, pages, strict=True):
        row = await asyncio.to_thread(_article_row, ctx, feed, entry, url, page)
        change = _revision(row, stored)
        if change == "revised":
            revised.append(row)
        elif change == "same":
            touched.append(
                {
                    "article_id": stored["article_id"],
                    "entry_updated_at": entry.updated,
                    "guid": redact(entry.guid),
                }
            )
    return revised, touched


def _feed_state_after(
    ctx: RunContext,
    feed: Feed,
    state: dict[str, Any] | None,
    response: FetchResult,
    read: _FeedRead,
    polled_at: datetime,
    as_of: datetime,
) -> dict[str, Any]:
    """The feed's row after this poll: conditional-GET validators, last error, health and next poll."""
    ok = read.outcome == "ok"
    feed_state = {
        "feed_id": feed.id,
        "outlet": feed.outlet,
        "url": redact(feed.url),
        "language": feed.language,
        # new validators only once the document was read: store.save_poll saves them with its articles
        "etag": response.headers.get("etag") if ok else (state or {}).get("etag"),
        "last_modified": response.headers.get("last-modified") if ok else (state or {}).get("last_modified"),
        "last_error": f"{read.error_class}: {read.error_message}" if read.outcome == "error" else None,
    }
    facts = health.PollFacts(
        outcome=read.outcome,
        polled_at=polled_at,
        error_class=read.error_class,
        headers=response.headers,
        ttl_seconds=read.ttl_seconds,
        entry_times=read.entry_times,
        newest_new_item=read.newest_new,
    )
    feed_state.update(health.after_poll(state, feed.id, facts, ctx.config.polling, as_of))
    feed_state["last_outcome"] = read.outcome
    return feed_state


async def _save_poll(
    ctx: RunContext, poll: dict[str, Any], feed_state: dict[str, Any], read: _FeedRead
) -> dict[str, Any]:
    # the counts are what this run wrote: a concurrent run may have loaded some of the new rows first
    recorded, inserted = await asyncio.to_thread(
        store.save_poll, ctx.engine, poll, feed_state, read.new_rows, read.revised, read.touched
    )
    keys = ("feed_id", "outcome", "http_status", "entries", "new_entries", "revised_entries")
    return {k: recorded.get(k, 0) for k in keys} | {
        "error": feed_state["last_error"],
        "status": feed_state["status"],
        "next_poll_at": feed_state["next_poll_at"].isoformat(),
        "article_ids": inserted,
    }


async def poll_feeds_async(ctx: RunContext, feeds: list[Feed], as_of: datetime | None = None) -> list[dict]:
    as_of = as_of or now()
    states = store.feed_states(ctx.engine, [feed.id for feed in feeds])
    async with Fetcher(ctx.config.limits) as fetcher:
        results = await asyncio.gather(
            *(_poll_feed(ctx, fetcher, feed, states.get(feed.id), as_of) for feed in feeds),
            return_exceptions=True,
        )
    polls = []
    for feed, result in zip(feeds, results, strict=True):
        if isinstance(result, BaseException):
            # a bug or a database outage: surface it so Airflow retries the task
            raise RuntimeError(redact(f"polling feed {feed.id} ({feed.url}) failed: {result!r}")) from result
        polls.append(result)
    return polls


def summarize_polls(polls: list[dict]) -> dict[str, Any]:
    return {
        "feeds": len(polls),
        "ok": sum(p["outcome"] == "ok" for p in polls),
        "not_modified": sum(p["outcome"] == "not_modified" for p in polls),
        "failed": sum(p["outcome"] == "error" for p in polls),
        "new_articles": sum(p["new_entries"] for p in polls),
        "revised_articles": sum(p["revised_entries"] for p in polls),
        "errors": {p["feed_id"]: p["error"] for p in polls if p["outcome"] == "error"},
        "dead": sorted(p["feed_id"] for p in polls if p["status"] == "dead"),
    }


def summarize_runs(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """Add up the per-shard summaries of one run."""
    counts = ("feeds", "ok", "not_modified", "failed", "new_articles", "revised_articles")
    total: dict[str, Any] = dict.fromkeys(counts, 0) | {"errors": {}, "dead": []}
    for summary in summaries:
        for key in counts:
            total[key] += summary[key]
        total["errors"].update(summary["errors"])
        total["dead"] = sorted(total["dead"] + summary["dead"])
    return total


def poll_feed_ids(ctx: RunContext, feed_ids: list[str], as_of: datetime | None = None) -> dict[str, Any]:
    wanted = set(feed_ids)
    feeds = [feed for feed in ctx.config.feeds if feed.id in wanted]
    polls = asyncio.run(poll_feeds_async(ctx, feeds, as_of))
    summary = summarize_polls(polls)
    log.info("polled %s", json.dumps(summary, ensure_ascii=False))
    return summary


def cluster_copies(ctx: RunContext) -> dict[str, int]:
    """Cluster the new and revised articles into stories, against the window's earlier articles."""
    summary = stories.cluster_pending(ctx.engine, ctx.config.dedupe, now())
    log.info("clustered %s", json.dumps(summary))
    return summary


def match_pending(ctx: RunContext) -> dict[str, Any]:
    """Match articles not yet matched against the current topics: new ones, or all after a topic edit.

    A topic whose query does not compile is left out and named in the summary; the others match.
    """
    topics = ctx.config.topics
    digest = topics.digest()
    compiled = compile_topics(topics)
    for error in compiled.errors:
        log.error("topic left out of matching: %s", error)
    checked = matched_articles = 0
    per_topic: dict[str, int] = defaultdict(int)
    while batch := store.articles_to_match(ctx.engine, digest):
        results: dict[str, list[dict[str, Any]]] = {}
        for article in batch:
            failed = len(compiled.match_errors)
            found = match_document(
                compiled,
                title=article["title"] or "",
                body=article["body"],
                language=article["language"],
                outlet=article["outlet"],
                agency=article["agency"],
            )
            for error in compiled.match_errors[failed:]:
                log.warning(
                    "topic %s not matched on article %s: %s",
                    error.topic_id,
                    article["article_id"],
                    error.message,
                )
            results[article["article_id"]] = [_match_row(ctx, article, m) for m in found]
        # only what this run saved counts: a concurrent run may have matched some of the batch first
        for saved in store.save_matches(ctx.engine, results, digest):
            for row in results[saved]:
                per_topic[row["topic_id"]] += 1
            matched_articles += bool(results[saved])
            checked += 1
    summary: dict[str, Any] = {
        "checked": checked,
        "matched_articles": matched_articles,
        "matches": dict(per_topic),
    }
    if compiled.errors or compiled.match_errors:
        summary["topic_errors"] = {
            error.topic_id: str(error) for error in compiled.match_errors + compiled.errors
        }
    log.info("matched %s", json.dumps(summary, ensure_ascii=False))
    return summary


def _match_row(ctx: RunContext, article: dict[str, Any], found: TopicMatch) -> dict[str, Any]:
    return {
        "article_id": article["article_id"],
        "topic_id": found.topic_id,
        "topic_name": found.topic_name,
        "outlet": article["outlet"],
        "feed_id": article["feed_id"],
        "url": article["canonical_url"],
        "headline": article["title"],
        "language": article["language"],
        "published_at": article["published_at"],
        "fetched_at": article["fetched_at"],
        "agency": article["agency"],
        "matched_terms": json.dumps(found.matched_terms, ensure_ascii=False),
        "snippet": found.snippet,
        "score": found.score,
        "hits": json.dumps([asdict(hit) for hit in found.hits], ensure_ascii=False),
        "cluster_key": article["cluster_key"],
        "event_key": article["event_key"],
        "found_by": found.found_by,
        "model_probability": found.model_probability,
        "run_id": ctx.run_id,
        "matched_at": now(),
    }


def run_summary(
    ctx: RunContext, polls: dict[str, Any], skipped: int, matches: dict[str, Any]
) -> dict[str, Any]:
    """What one run brought in: the task log line and the extra of the matches Asset event."""
    summary = {
        "run_id": ctx.run_id,
        "feeds": {
            "polled": polls["feeds"],
            "ok": polls["ok"],
            "not_modified": polls["not_modified"],
            "failed": polls["failed"],
            "skipped": skipped,
            "dead": polls["dead"],
        },
        "new_articles": polls["new_articles"],
        "clusters": store.run_clusters(ctx.engine, ctx.run_id),
        "matched_articles": matches["matched_articles"],
        "matches": matches["matches"],
        "failed_feeds": polls["errors"],
    }
    log.info("run summary %s", json.dumps(summary, ensure_ascii=False))
    return summary


def run_once(ctx: RunContext, as_of: datetime | None = None, every_feed: bool = False) -> dict[str, Any]:
    """The whole pipeline in one process: migrate, poll the due feeds (or every feed), cluster, match."""
    migrate(ctx.engine)
    as_of = as_of or now()
    skipped_ids = set() if every_feed else {item["feed_id"] for item in plan_run(ctx, as_of)["skipped"]}
    due = [feed for feed in ctx.config.feeds if feed.id not in skipped_ids]
    skipped = len(skipped_ids)
    polls = summarize_polls(asyncio.run(poll_feeds_async(ctx, due, as_of))) | {"skipped": skipped}
    clusters = cluster_copies(ctx)
    matches = match_pending(ctx)
    return {
        "polls": polls,
        "clusters": clusters,
        "matches": matches,
        "summary": run_summary(ctx, polls, skipped, matches),
    }
