"""The UI tier: a real api-server with the Wirewatch plugin over a warehouse the pipeline filled."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from tests.apiserver import REPO, USER, ApiServer
from tests.ui.restricted_auth import OUTSIDER
from tests.wiring import HANG_SECONDS, fault_feeds
from wirewatch.config import Settings, load_pipeline_config
from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.monitoring import alerts
from wirewatch.pipeline import RunContext, run_once
from wirewatch.warehouse.schema import matches

NOW = time.time()
# a feed with credentials, in its connection and its URL: the page must not show them
PRIVATE_FEED = {
    "id": "private-wire",
    "outlet": "Private wire",
    "url": "http://127.0.0.1:9/feed.rss?apikey=TOPSECRET",
    "language": "en",
    "connection": "private_wire",
}
PRIVATE_CONNECTION = '{"conn_type": "http", "login": "reader", "password": "s3cret-pass"}'
SECRETS = ("s3cret-pass", "TOPSECRET")
SCREENSHOTS = Path(os.environ.get("WIREWATCH_SCREENSHOT_DIR") or REPO / "tests" / "artifacts")
_saved: list[Path] = []


def remember_screenshot(path: Path) -> None:
    _saved.append(path)


def pytest_terminal_summary(terminalreporter):
    for path in _saved:
        terminalreporter.write_line(f"screenshot saved: {path}")


@pytest.fixture(scope="module")
def wire():
    with SimWire(WireSettings(port=0, hang_seconds=HANG_SECONDS), clock=lambda: NOW) as running:
        yield running


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, wire):
    """Two runs of the pipeline against the wire; hard-failing feeds are dead after the second."""
    import yaml

    from tests.wiring import FAST_FETCH

    root = tmp_path_factory.mktemp("ui")
    feeds = [{k: f[k] for k in ("id", "outlet", "url", "language")} for f in wire.feeds()]
    feeds += fault_feeds(wire) + [PRIVATE_FEED]
    feeds_file = root / "feeds.yaml"
    feeds_file.write_text(
        yaml.safe_dump(
            {"active": "test", "fetch": FAST_FETCH, "polling": {"dead_after": 6}, "lists": {"test": feeds}},
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    env = {
        "WIREWATCH_FEEDS_FILE": str(feeds_file),
        "WIREWATCH_DATA_DIR": str(root / "data"),
        "WIREWATCH_WAREHOUSE_URL": f"sqlite:///{root / 'warehouse.db'}",
    }
    config = load_pipeline_config(Settings.from_env(env))
    start = datetime.now(UTC)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AIRFLOW_CONN_PRIVATE_WIRE", PRIVATE_CONNECTION)
        for n, as_of in enumerate((start, start + timedelta(hours=1)), 1):
            ctx = RunContext.open(f"scheduled__2026-11-25T0{n}:00:00+00:00", config=config)
            run_once(ctx, as_of=as_of)
    # stand-in for near-duplicate clustering: the six agency copies are one story
    with ctx.engine.begin() as conn:
        conn.execute(
            update(matches).where(matches.c.topic_id == "dprk-troops-kursk").values(cluster_key="story:kursk")
        )
    # operators were told (here: the log only, no address) about the dead feeds
    alerts.check_feeds(ctx.engine, config.feeds, config.polling, config.alerts, send=None)
    return {"env": env, "config": config, "engine": ctx.engine}


@pytest.fixture(scope="module")
def api_server(tmp_path_factory, warehouse):
    # an auth manager with a per-DAG rule: `outsider` may not read news_monitor
    env = {
        **warehouse["env"],
        "AIRFLOW__CORE__AUTH_MANAGER": "tests.ui.restricted_auth.RestrictedAuthManager",
        "PYTHONPATH": str(REPO),
    }
    users = {USER: "admin", OUTSIDER: "viewer"}
    server = ApiServer(tmp_path_factory.mktemp("airflow-home"), env, users).start()
    yield server
    server.stop()
