"""Alerts through the Airflow SMTP connection to a real SMTP server: once per change of state."""

from __future__ import annotations

import asyncio
import re
import time
from datetime import UTC, datetime, timedelta

import pytest

from tests.mailsink import body_text
from tests.wiring import write_feeds_file
from wirewatch.airflow_adapter import send_email
from wirewatch.config import AlertSettings, Settings, load_pipeline_config
from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.monitoring import alerts
from wirewatch.pipeline import RunContext, poll_feeds_async
from wirewatch.warehouse import store
from wirewatch.warehouse.db import make_engine, migrate

pytestmark = pytest.mark.integration
NOW = time.time()
OPERATORS = "operators@example.org"


@pytest.fixture
def wire():
    with SimWire(WireSettings(port=0), clock=lambda: NOW) as running:
        yield running


def open_context(tmp_path, wire, warehouse_url) -> RunContext:
    feeds = [{k: f[k] for k in ("id", "outlet", "url", "language")} for f in wire.feeds()[:3]]
    path = write_feeds_file(
        tmp_path / "feeds.yaml", wire, feeds=feeds, polling={"jitter": 0}, alerts={"email_to": [OPERATORS]}
    )
    settings = Settings.from_env(
        {
            "WIREWATCH_FEEDS_FILE": str(path),
            "WIREWATCH_DATA_DIR": str(tmp_path / "data"),
            "WIREWATCH_WAREHOUSE_URL": warehouse_url,
        }
    )
    ctx = RunContext.open("run", config=load_pipeline_config(settings))
    migrate(ctx.engine)
    return ctx


def poll(ctx: RunContext) -> None:
    asyncio.run(poll_feeds_async(ctx, ctx.config.feeds, datetime.now(UTC)))


def check(ctx: RunContext, now: datetime | None = None) -> dict:
    config = ctx.config
    return alerts.check_feeds(
        ctx.engine, config.feeds, config.polling, config.alerts, send_email, now=now, ui_base="http://ui"
    )


def test_a_feed_that_goes_dead_is_reported_once_and_its_recovery_once(tmp_path, wire, warehouse_url, mail):
    ctx = open_context(tmp_path, wire, warehouse_url)
    victim = ctx.config.feeds[0]
    poll(ctx)
    assert check(ctx) == {"changes": [], "emailed": False}

    wire.settings.faults[victim.id] = "410"
    reports = []
    for _ in range(5):  # dead after the third 410; still polled and still dead after that
        poll(ctx)
        reports.append(check(ctx))
    assert [r["emailed"] for r in reports] == [False, False, True, False, False]
    assert reports[2]["changes"] == [f"feed:{victim.id}: ok -> dead"]
    (message,) = mail.wait_for(1)
    time.sleep(0.5)
    assert len(mail.messages) == 1
    assert message["To"] == OPERATORS and message["From"] == "wirewatch@example.org"
    assert message["Subject"] == f"[Wirewatch] {victim.outlet} ({victim.id}) is dead"
    text = body_text(message)
    assert "http_410" in text and "still polled" in text and "http://ui/plugin/wirewatch" in text

    del wire.settings.faults[victim.id]
    poll(ctx)
    assert check(ctx)["changes"] == [f"feed:{victim.id}: dead -> ok"]
    poll(ctx)
    assert check(ctx)["emailed"] is False
    messages = mail.wait_for(2)
    assert len(messages) == 2
    assert messages[1]["Subject"] == f"[Wirewatch] {victim.outlet} ({victim.id}) recovered (was dead)"
    told = store.get_alert_states(ctx.engine)[f"feed:{victim.id}"]
    assert told["state"] == "ok" and told["notified_at"] is not None


def test_silent_feeds_turn_stale_in_one_email(tmp_path, wire, warehouse_url, mail):
    ctx = open_context(tmp_path, wire, warehouse_url)
    poll(ctx)
    wire_time = datetime.fromtimestamp(NOW, UTC)
    assert check(ctx, now=wire_time + timedelta(hours=2))["emailed"] is False
    # the wire publishes every 5 minutes: silent for over 3 hours (the minimum) is stale
    later = check(ctx, now=wire_time + timedelta(hours=4))
    assert later["emailed"] is True and len(later["changes"]) == 3
    (message,) = mail.wait_for(1)
    assert message["Subject"] == "[Wirewatch] 3 stale"
    assert re.search(r"no new item for 4\.\d hours \(usually one every 5 minutes\)", body_text(message))
    states = store.feed_states(ctx.engine, [f.id for f in ctx.config.feeds])
    assert all(state["stale"] for state in states.values())
    assert check(ctx, now=wire_time + timedelta(hours=5))["emailed"] is False


def test_failing_runs_are_reported_when_they_start_and_when_they_stop(tmp_path, wire, warehouse_url, mail):
    ctx = open_context(tmp_path, wire, warehouse_url)
    settings = ctx.config.alerts

    def run(run_id: str, failed: bool) -> bool:
        return alerts.check_run(
            ctx.engine, "news_monitor", run_id, failed, settings, send_email, ui_base="http://ui"
        )

    assert [run("r1", False), run("r2", True), run("r3", True), run("r4", True), run("r5", False)] == [
        False,
        True,
        False,
        False,
        True,
    ]
    first, second = mail.wait_for(2)
    assert first["Subject"] == "[Wirewatch] DAG news_monitor is failing"
    assert "http://ui/dags/news_monitor/runs/r2" in body_text(first)
    assert second["Subject"] == "[Wirewatch] DAG news_monitor recovered (was failing)"


def test_without_an_address_changes_are_recorded_but_not_mailed(tmp_path, wire, warehouse_url, mail):
    ctx = open_context(tmp_path, wire, warehouse_url)
    sent = alerts.check_run(
        ctx.engine,
        "news_monitor",
        "r1",
        True,
        ctx.config.alerts.model_copy(update={"email_to": []}),
        send_email,
    )
    assert sent is False
    told = store.get_alert_states(ctx.engine)["dag:news_monitor"]
    assert told["state"] == "failed" and told["notified_at"] is None
    time.sleep(0.5)
    assert mail.messages == []


def test_a_failing_run_is_reported_even_when_the_warehouse_is_down(tmp_path, wire, mail):
    from tests.mailsink import free_port

    down = make_engine(f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none?connect_timeout=2")
    settings = AlertSettings(email_to=[OPERATORS])
    assert alerts.check_run(down, "news_monitor", "r9", True, settings, send_email) is True
    (message,) = mail.wait_for(1)
    assert message["Subject"] == "[Wirewatch] DAG news_monitor is failing"
    assert "the warehouse cannot be read (OperationalError)" in body_text(message)
    assert alerts.check_run(down, "news_monitor", "r10", False, settings, send_email) is False
