"""What the Wirewatch page shows, read from the warehouse: plain dicts, JSON-ready, no secrets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, case, func, select

from wirewatch.config import Feed, PollingPolicy
from wirewatch.digest.labels import certainty_percent
from wirewatch.monitoring import health
from wirewatch.redact import redact
from wirewatch.warehouse.schema import alert_states, articles, feed_polls, feeds, matches
from wirewatch.warehouse.stories import linked_stories

# worst first: the default order of the health table
SEVERITY = {"dead": 0, "failing": 1, "stale": 2, "new": 3, "ok": 4}
SORT_KEYS = ("severity", "outlet", "last_success", "failures", "silent", "items_per_day", "next_poll")
ITEMS_WINDOW = timedelta(days=7)
# a rate over less than this would turn one fresh item into dozens a day
MIN_RATE_SPAN = timedelta(hours=1)


def _iso(value: datetime | None) -> str | None:
    value = health.utc(value)
    return value.isoformat() if value else None


def _seconds(delta: timedelta | None) -> int | None:
    return int(delta.total_seconds()) if delta is not None else None


def _items_per_day(engine: Engine, now: datetime) -> dict[str, tuple[float, int]]:
    """(items per day, seconds covered) per feed: over the last 7 days, or over what the warehouse
    has seen of them (since its oldest item or first poll), so hours of history are not spread
    over a week."""
    since = now - ITEMS_WINDOW
    published = func.coalesce(articles.c.published_at, articles.c.fetched_at)
    query = (
        select(articles.c.feed_id, func.count(), func.min(published))
        # fetched_at is indexed and never earlier than a publication we count
        .where(articles.c.fetched_at >= since, published >= since)
        .group_by(articles.c.feed_id)
    )
    first_polls = select(feed_polls.c.feed_id, func.min(feed_polls.c.polled_at)).group_by(
        feed_polls.c.feed_id
    )
    with engine.connect() as conn:
        counted = {feed_id: (n, health.utc(oldest)) for feed_id, n, oldest in conn.execute(query)}
        starts = {feed_id: health.utc(first) for feed_id, first in conn.execute(first_polls)}
    rates = {}
    for feed_id in starts.keys() | counted.keys():
        n, oldest = counted.get(feed_id, (0, None))
        start = min(t for t in (oldest, starts.get(feed_id)) if t is not None)
        span = max(now - max(start, since), MIN_RATE_SPAN)
        rates[feed_id] = (n / (span / timedelta(days=1)), int(span.total_seconds()))
    return rates


def _latest_warnings(engine: Engine, feed_ids: Sequence[str]) -> dict[str, str]:
    """The parse warning of each feed's latest poll, if it had one."""
    latest = (
        select(feed_polls.c.feed_id, func.max(feed_polls.c.polled_at).label("at"))
        .where(feed_polls.c.feed_id.in_(list(feed_ids)))
        .group_by(feed_polls.c.feed_id)
        .subquery()
    )
    query = select(feed_polls.c.feed_id, feed_polls.c.parse_warning).join(
        latest, (feed_polls.c.feed_id == latest.c.feed_id) & (feed_polls.c.polled_at == latest.c.at)
    )
    with engine.connect() as conn:
        return {feed_id: warning for feed_id, warning in conn.execute(query) if warning}


def feed_health(
    engine: Engine,
    configured: Sequence[Feed] | None,
    policy: PollingPolicy,
    now: datetime,
    sort: str = "severity",
    descending: bool = False,
) -> list[dict[str, Any]]:
    """One row per configured feed (or per known feed when the config cannot be read)."""
    with engine.connect() as conn:
        states = {row["feed_id"]: dict(row) for row in conn.execute(select(feeds)).mappings()}
    if configured is None:
        listed = [(feed_id, s["outlet"], s["url"], s["language"]) for feed_id, s in states.items()]
    else:
        listed = [(f.id, f.outlet, f.url, f.language) for f in configured]
    per_day = _items_per_day(engine, now)
    warnings = _latest_warnings(engine, [feed_id for feed_id, *_ in listed])
    rows = []
    for feed_id, outlet, url, language in listed:
        state = states.get(feed_id) or {}
        status = state.get("status") or "new"
        stale = health.is_stale(state, policy, now)
        last_new = health.utc(state.get("last_new_item_at"))
        rows.append(
            {
                "feed_id": feed_id,
                "outlet": outlet,
                "url": redact(url),
                "language": language,
                "status": status,
                "stale": stale,
                "severity": SEVERITY["stale" if stale and status == "ok" else status],
                "last_polled_at": _iso(state.get("last_polled_at")),
                "last_success_at": _iso(state.get("last_success_at")),
                "last_outcome": state.get("last_outcome"),
                "failures": state.get("consecutive_failures") or 0,
                "failure_weight": state.get("failure_weight") or 0,
                "dead_after": policy.dead_after,
                "last_error": redact(state.get("last_error")),
                "warning": redact(warnings.get(feed_id)),
                "last_new_item_at": _iso(last_new),
                "silent_seconds": _seconds(now - last_new if last_new else None),
                "cadence_seconds": state.get("cadence_seconds"),
                "stale_after_seconds": _seconds(health.stale_after(state.get("cadence_seconds"), policy)),
                "items_per_day": round(per_day[feed_id][0], 1) if feed_id in per_day else 0.0,
                "items_span_seconds": per_day[feed_id][1] if feed_id in per_day else None,
                "next_poll_at": _iso(state.get("next_poll_at")),
                "next_poll_reason": state.get("next_poll_reason"),
            }
        )
    return sort_feeds(rows, sort, descending)


def sort_feeds(rows: list[dict[str, Any]], sort: str, descending: bool) -> list[dict[str, Any]]:
    if sort not in SORT_KEYS:
        raise ValueError(f"cannot sort by {sort!r}; choose one of {', '.join(SORT_KEYS)}")
    field = {
        "severity": "severity",
        "outlet": "outlet",
        "last_success": "last_success_at",
        "failures": "failure_weight",
        "silent": "silent_seconds",
        "items_per_day": "items_per_day",
        "next_poll": "next_poll_at",
    }[sort]
    known = [row for row in rows if row[field] is not None]
    unknown = [row for row in rows if row[field] is None]  # never polled etc.: always last

    def key(row: dict[str, Any]) -> Any:
        value = row[field]
        return value.casefold() if isinstance(value, str) and field == "outlet" else value

    known.sort(key=lambda row: row["outlet"].casefold())
    known.sort(key=key, reverse=descending)
    return known + sorted(unknown, key=lambda row: row["outlet"].casefold())


def matches_per_day(engine: Engine, days: int, now: datetime) -> dict[str, Any]:
    """Matches (articles) and stories (clusters) per topic per UTC day, the last `days` days."""
    first = now.date() - timedelta(days=days - 1)
    start = datetime(first.year, first.month, first.day, tzinfo=now.tzinfo)
    when = func.coalesce(matches.c.published_at, matches.c.fetched_at)
    story = func.coalesce(matches.c.cluster_key, matches.c.article_id)
    query = select(matches.c.topic_id, matches.c.topic_name, when.label("at"), story.label("story")).where(
        when >= start, when <= now
    )
    day_list = [first + timedelta(days=n) for n in range(days)]
    counts: dict[str, dict[date, int]] = defaultdict(lambda: dict.fromkeys(day_list, 0))
    stories: dict[str, dict[date, set[str]]] = defaultdict(lambda: defaultdict(set))
    names: dict[str, str] = {}
    with engine.connect() as conn:
        for topic_id, topic_name, at, story_key in conn.execute(query):
            day = health.utc(at).date()
            if day in counts[topic_id]:
                counts[topic_id][day] += 1
                stories[topic_id][day].add(story_key)
            names[topic_id] = topic_name
    return {
        "days": [d.isoformat() for d in day_list],
        "topics": [
            {
                "topic_id": topic_id,
                "topic_name": names[topic_id],
                "matches": [counts[topic_id][d] for d in day_list],
                "stories": [len(stories[topic_id][d]) for d in day_list],
            }
            for topic_id in sorted(names, key=lambda t: names[t].casefold())
        ],
    }


def latest_stories(engine: Engine, limit: int = 25) -> list[dict[str, Any]]:
    """The newest matched stories by first appearance, each with its copies collapsed under it
    (one per article), the stories of one event together: the first of them carries
    `event_stories`, the others `in_event`. A later copy does not move a story up."""
    story = func.coalesce(matches.c.cluster_key, matches.c.article_id)
    when = func.coalesce(matches.c.published_at, matches.c.fetched_at)
    newest = (
        select(story.label("story"), func.min(when).label("first"))
        .group_by(story)
        .order_by(func.min(when).desc(), story)
        .limit(limit)
    )
    with engine.connect() as conn:
        order = [row.story for row in conn.execute(newest)]
        if not order:
            return []
        rows = conn.execute(
            select(matches, story.label("story")).where(story.in_(order)).order_by(when, matches.c.article_id)
        ).mappings()
        grouped: dict[str, dict[str, Any]] = {}
        for row in rows:
            item = grouped.setdefault(
                row["story"],
                {
                    "story": row["story"],
                    "event": row["event_key"],
                    "topics": [],
                    "model_finds": [],
                    "copies": {},
                },
            )
            if row["topic_name"] not in item["topics"]:
                item["topics"].append(row["topic_name"])
                # the story's first copy of the topic: what the digest says for its leading copy
                if row["found_by"] == "model":
                    percent = certainty_percent(row["model_probability"])
                    item["model_finds"].append({"topic": row["topic_name"], "percent": percent})
            item["copies"].setdefault(
                row["article_id"],
                {
                    "article_id": row["article_id"],
                    "outlet": row["outlet"],
                    "headline": row["headline"],
                    "url": redact(row["url"]),
                    "language": row["language"],
                    "agency": row["agency"],
                    "published_at": _iso(row["published_at"] or row["fetched_at"]),
                    "run_id": row["run_id"],
                },
            )
    links = linked_stories(engine, order)
    events: dict[str, list[str]] = {}
    for key in order:  # an event takes the place of its newest story
        events.setdefault(grouped[key]["event"] or key, []).append(key)
    stories = []
    for keys in events.values():
        for n, key in enumerate(keys):
            stories.append(
                _story(key, grouped[key])
                | {"event_stories": len(keys), "in_event": n > 0, "also_uses": links.get(key, [])}
            )
    return stories


def _story(key: str, item: dict[str, Any]) -> dict[str, Any]:
    copies = list(item["copies"].values())
    first = copies[0]
    for copy in copies:  # a copy in another language is a translation of the story
        copy["translation"] = bool(
            copy["language"] and first["language"] and copy["language"] != first["language"]
        )
    return {
        "story": key,
        "event": item["event"],
        "headline": first["headline"],
        "outlet": first["outlet"],
        "agency": next((c["agency"] for c in copies if c["agency"]), None),
        "topics": item["topics"],
        "model_finds": item["model_finds"],
        "first_published_at": first["published_at"],
        "latest_published_at": max(c["published_at"] for c in copies if c["published_at"]),
        "run_id": first["run_id"],
        "copies": copies,
    }


def recent_runs(
    engine: Engine, limit: int = 10, dag_runs: Sequence[dict[str, Any]] = ()
) -> list[dict[str, Any]]:
    """The latest runs with what they brought in (fetch events and matches).

    `dag_runs` ({run_id, state, started}) are Airflow's own runs: with them every run is listed,
    also one that polled nothing because no feed was due; without them, the runs that polled.
    """
    failed = func.sum(case((feed_polls.c.outcome == "error", 1), else_=0))
    stats = select(
        feed_polls.c.run_id,
        func.min(feed_polls.c.polled_at).label("started"),
        func.count().label("polled"),
        failed.label("failed"),
        func.sum(feed_polls.c.new_entries).label("new_articles"),
    ).group_by(feed_polls.c.run_id)
    latest = stats.order_by(func.min(feed_polls.c.polled_at).desc()).limit(limit)
    known = [run["run_id"] for run in dag_runs]
    with engine.connect() as conn:
        polled = {row["run_id"]: dict(row) for row in conn.execute(latest).mappings()}
        if known:
            polled |= {
                row["run_id"]: dict(row)
                for row in conn.execute(stats.where(feed_polls.c.run_id.in_(known))).mappings()
            }
        matched = dict(
            conn.execute(
                select(matches.c.run_id, func.count())
                .where(matches.c.run_id.in_(list(polled) + known))
                .group_by(matches.c.run_id)
            ).all()
        )
    runs = {run_id: row | {"state": None} for run_id, row in polled.items()}
    for run in dag_runs:
        runs[run["run_id"]] = polled.get(run["run_id"], {"polled": 0}) | run
    listed = []
    for run in sorted(runs.values(), key=lambda run: health.utc(run["started"]), reverse=True)[:limit]:
        listed.append(
            {
                "run_id": run["run_id"],
                "state": run["state"],
                "started": _iso(run["started"]),
                "polled": int(run["polled"]),
                "failed": int(run.get("failed") or 0),
                "new_articles": int(run.get("new_articles") or 0),
                "matches": matched.get(run["run_id"], 0),
                "nothing_due": run["state"] == "success" and not run["polled"],
            }
        )
    return listed


def open_alerts(engine: Engine) -> list[dict[str, Any]]:
    """Subjects whose last reported state is a problem: what operators were told and when."""
    query = (
        select(alert_states).where(alert_states.c.state != "ok").order_by(alert_states.c.changed_at.desc())
    )
    with engine.connect() as conn:
        outlets = dict(conn.execute(select(feeds.c.feed_id, feeds.c.outlet)).all())
        return [
            {
                "subject": row["subject"],
                "name": _subject_name(row["subject"], outlets),
                "state": row["state"],
                "detail": redact(row["detail"]),
                "changed_at": _iso(row["changed_at"]),
                "emailed": row["notified_at"] is not None,
            }
            for row in conn.execute(query).mappings()
        ]


def _subject_name(subject: str, outlets: dict[str, str]) -> str:
    kind, _, name = subject.partition(":")
    if kind == "feed":
        return f"{outlets.get(name, name)} ({name})"
    return f"DAG {name}" if kind == "dag" else subject
