"""Fetch events and feed health against real servers: every fault the simulated wire injects,
the status each one leads to, and the polling schedule it produces."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from sqlalchemy import select

from tests.loopback import LoopbackServer, respond
from tests.wiring import HANG_SECONDS, write_feeds_file
from wirewatch.config import Settings, load_pipeline_config
from wirewatch.devstack.simwire import FEED_FAULTS, SimWire, WireSettings
from wirewatch.monitoring.health import utc
from wirewatch.pipeline import RunContext, plan_run, poll_feeds_async
from wirewatch.warehouse import store
from wirewatch.warehouse.db import migrate
from wirewatch.warehouse.schema import feed_polls

pytestmark = pytest.mark.integration
NOW = time.time()
# short, exact numbers: 1 min healthy interval, 40 s per weight unit, no jitter
POLICY = {"min_interval": "1m", "max_interval": "1h", "backoff_step": "40s", "jitter": 0}
SOFT, HARD = 1, 3
# fault kind -> (outcome, error class, weight per poll)
FAULTS = {
    "timeout": ("error", "timeout", SOFT),
    "500": ("error", "http_500", SOFT),
    "429": ("error", "http_429", SOFT),
    "reset": ("error", "connection_reset", SOFT),
    "404": ("error", "http_404", HARD),
    "410": ("error", "http_410", HARD),
    "not-xml": ("error", "parse_error", HARD),
    "empty": ("error", "parse_error", HARD),
    # feedparser recovers these: the entries it could read load, the poll keeps a warning
    "malformed": ("ok", None, 0),
    "wrong-charset": ("ok", None, 0),
}


@pytest.fixture(scope="module")
def wire():
    with SimWire(WireSettings(port=0, hang_seconds=HANG_SECONDS), clock=lambda: NOW) as running:
        yield running


def open_context(tmp_path, warehouse_url, feeds, run_id="run-1", **sections) -> RunContext:
    path = write_feeds_file(tmp_path / "feeds.yaml", None, feeds=feeds, **sections)
    settings = Settings.from_env(
        {
            "WIREWATCH_FEEDS_FILE": str(path),
            "WIREWATCH_DATA_DIR": str(tmp_path / "data"),
            "WIREWATCH_WAREHOUSE_URL": warehouse_url,
        }
    )
    ctx = RunContext.open(run_id, config=load_pipeline_config(settings))
    migrate(ctx.engine)
    return ctx


def test_every_fault_kind_is_covered():
    assert set(FAULTS) == set(FEED_FAULTS)


def test_each_fault_records_fetch_events_status_transitions_and_backoff(tmp_path, wire, warehouse_url):
    faults = [
        {"id": f"fault-{kind}", "outlet": f"Broken {kind}", "url": wire.fault_url(kind), "language": "en"}
        for kind in FAULTS
    ]
    healthy = {k: wire.feeds()[1][k] for k in ("id", "outlet", "url", "language")}  # an Atom feed
    ctx = open_context(tmp_path, warehouse_url, [*faults, healthy], polling=POLICY)
    feeds = ctx.config.feeds
    ids = [f.id for f in feeds]
    history: dict[str, list[dict]] = {feed_id: [] for feed_id in ids}
    first_as_of = None
    for round_no in range(1, 4):
        ctx.run_id = f"run-{round_no}"
        as_of = datetime.now(UTC)
        first_as_of = first_as_of or as_of
        asyncio.run(poll_feeds_async(ctx, feeds, as_of))
        for feed_id, state in store.feed_states(ctx.engine, ids).items():
            history[feed_id].append(state | {"as_of": as_of})

    with ctx.engine.connect() as conn:
        events = [dict(r) for r in conn.execute(select(feed_polls)).mappings()]
    for kind, (outcome, error_class, weight) in FAULTS.items():
        feed_id = f"fault-{kind}"
        rows = sorted((e for e in events if e["feed_id"] == feed_id), key=lambda e: e["run_id"])
        # one fetch event per poll, with what happened
        assert [r["run_id"] for r in rows] == ["run-1", "run-2", "run-3"], kind
        assert {r["outcome"] for r in rows} == {outcome}, kind
        assert {r["error_class"] for r in rows} == {error_class}, kind
        states = history[feed_id]
        if outcome == "ok":
            assert all(r["parse_warning"] and r["entries"] > 0 for r in rows), kind
            assert [s["status"] for s in states] == ["ok"] * 3, kind
            continue
        assert all(r["error_message"] for r in rows), kind
        if error_class.startswith("http_"):
            assert {r["http_status"] for r in rows} == {int(kind)}, kind
        # weighted failures: hard faults die on the third poll, soft ones keep failing
        assert [s["failure_weight"] for s in states] == [weight, 2 * weight, 3 * weight], kind
        assert [s["consecutive_failures"] for s in states] == [1, 2, 3], kind
        expected_status = ["failing", "failing", "dead"] if weight == HARD else ["failing"] * 3
        assert [s["status"] for s in states] == expected_status, kind
        assert {s["last_error_class"] for s in states} == {error_class}, kind
        assert all(s["last_success_at"] is None for s in states), kind
        # linear backoff: 60 s + 40 s per weight unit, counted from the run's time
        delays = [(utc(s["next_poll_at"]) - s["as_of"]).total_seconds() for s in states]
        if kind == "429":
            # Retry-After: 120 beats the first backoff (100 s), then the backoff (140 s) beats it
            assert states[0]["next_poll_reason"] == "retry-after"
            assert 120 <= delays[0] < 125
            assert [s["next_poll_reason"] for s in states[1:]] == ["backoff", "backoff"]
            assert delays[1:] == [60 + 40 * 2, 60 + 40 * 3]
        else:
            assert delays == [60 + 40 * weight * k for k in (1, 2, 3)], kind
            assert {s["next_poll_reason"] for s in states} == {"backoff"}, kind
    timeouts = [e for e in events if e["feed_id"] == "fault-timeout"]
    assert all(e["duration_ms"] >= 900 for e in timeouts)

    good = history[healthy["id"]]
    assert [s["status"] for s in good] == ["ok"] * 3
    assert good[-1]["cadence_seconds"] == 300  # the wire publishes every five minutes
    assert good[-1]["next_poll_reason"] == "cadence"
    assert good[-1]["last_new_item_at"] is not None and not good[-1]["stale"]
    assert [
        e["outcome"]
        for e in sorted((e for e in events if e["feed_id"] == healthy["id"]), key=lambda e: e["run_id"])
    ] == ["ok", "not_modified", "not_modified"]

    # the schedule decides the next run: 181 s after the last round only the soft faults are due
    last = max(s["as_of"] for states in history.values() for s in states)
    plan = plan_run(ctx, last + timedelta(seconds=181))
    due = {i for shard in plan["shards"] for i in shard["feed_ids"]}
    soft = {f"fault-{k}" for k, (outcome, _, w) in FAULTS.items() if outcome == "error" and w == SOFT}
    hard = {f"fault-{k}" for k, (outcome, _, w) in FAULTS.items() if w == HARD}
    assert soft <= due and not hard & due
    skipped = {s["feed_id"]: s for s in plan["skipped"]}
    assert hard <= set(skipped) and {skipped[h]["status"] for h in hard} == {"dead"}
    assert all(shard["as_of"] == (last + timedelta(seconds=181)).isoformat() for shard in plan["shards"])


RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback</title><link>http://127.0.0.1/</link><ttl>20</ttl>
<item><title>One</title><link>http://127.0.0.1/1</link><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_cache_control_rss_ttl_and_dated_retry_after_come_from_the_response(tmp_path, warehouse_url):
    later = format_datetime(datetime.now(UTC) + timedelta(hours=5), usegmt=True)
    server = LoopbackServer(
        {
            "/cached.rss": respond(RSS, headers={"Cache-Control": "public, max-age=7200"}),
            "/ttl.rss": respond(RSS),
            "/busy.rss": respond(b"busy", status=503, headers={"Retry-After": later}),
        }
    )
    try:
        feeds = [
            {"id": name, "outlet": name, "url": f"{server.url}/{name}.rss", "language": "en"}
            for name in ("cached", "ttl", "busy")
        ]
        ctx = open_context(tmp_path, warehouse_url, feeds, polling={"min_interval": "5m", "jitter": 0})
        as_of = datetime.now(UTC)
        asyncio.run(poll_feeds_async(ctx, ctx.config.feeds, as_of))
    finally:
        server.close()
    states = store.feed_states(ctx.engine, ["cached", "ttl", "busy"])
    assert states["cached"]["next_poll_reason"] == "cache-control"
    assert utc(states["cached"]["next_poll_at"]) - as_of == timedelta(hours=2)
    assert states["ttl"]["next_poll_reason"] == "ttl"
    assert utc(states["ttl"]["next_poll_at"]) - as_of == timedelta(minutes=20)
    assert states["busy"]["next_poll_reason"] == "retry-after"
    assert timedelta(hours=4, minutes=59) < utc(states["busy"]["next_poll_at"]) - as_of <= timedelta(hours=5)
    assert states["busy"]["status"] == "failing" and states["busy"]["failure_weight"] == SOFT
