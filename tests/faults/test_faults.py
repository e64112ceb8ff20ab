"""Fault tier: the warehouse goes away mid-load, a run is killed mid-flight; after the retries every
article is there exactly once and no partial batch was ever visible.

The server that goes away is a PostgreSQL cluster of the test's own (tests/pgcluster.py), never the
machine's: other processes are using that one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy
from sqlalchemy import func, select

from tests.conftest import skip_or_fail
from tests.pgcluster import ScratchPostgres, bin_dir
from tests.wiring import FAST_FETCH, write_feeds_file
from wirewatch.config import Settings, load_pipeline_config
from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.pipeline import RunContext, run_once
from wirewatch.warehouse.db import migrate
from wirewatch.warehouse.schema import articles, feed_polls, matches

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.slow(seconds=80)]


@pytest.fixture
def wire():
    frozen = time.time()
    # slow pages stretch a run over seconds, so the fault lands in the middle of it
    with SimWire(WireSettings(port=0, latency=0.1), clock=lambda: frozen) as running:
        yield running


# Two requests at a time in all: the fetcher's semaphore serves them in order, so the feeds finish
# (and commit) one after another instead of all within a few milliseconds of each other, and a
# fault can land between two commits on any machine
ONE_FEED_AFTER_ANOTHER = FAST_FETCH | {"total_concurrency": 2}


def settings_for(tmp_path: Path, wire: SimWire, warehouse_url: str) -> Settings:
    return Settings.from_env(
        {
            "WIREWATCH_FEEDS_FILE": str(
                write_feeds_file(
                    tmp_path / "feeds.yaml", wire, with_faults=False, fetch=ONE_FEED_AFTER_ANOTHER
                )
            ),
            "WIREWATCH_DATA_DIR": str(tmp_path / "data"),
            "WIREWATCH_WAREHOUSE_URL": warehouse_url,
        }
    )


def assert_each_article_once(engine, wire: SimWire) -> None:
    expected = {t.url for t in wire.truth()}
    with engine.connect() as conn:
        urls = list(conn.execute(select(articles.c.canonical_url)).scalars())
        kursk = list(conn.execute(select(matches.c.url)).scalars())
    assert len(urls) == len(set(urls)) == len(expected)
    assert set(urls) == expected
    assert sorted(kursk) == sorted(t.url for t in wire.truth() if t.kind == "kursk-copy")


def wait_for_polls(warehouse_url: str, at_least: int, budget: float = 120.0) -> int:
    """How many feeds are committed, once at least `at_least` are: the fault lands mid-load by state, not by clock."""
    engine = sqlalchemy.create_engine(warehouse_url)
    deadline = time.monotonic() + budget
    try:
        while True:
            try:
                with engine.connect() as conn:
                    committed = conn.execute(select(func.count()).select_from(feed_polls)).scalar_one()
            # the run has not created its tables yet (PostgreSQL and SQLite say so differently)
            except (sqlalchemy.exc.ProgrammingError, sqlalchemy.exc.OperationalError):
                committed = 0
            if committed >= at_least:
                return committed
            assert time.monotonic() < deadline, f"no feed committed within {budget:.0f} s"
            time.sleep(0.05)
    finally:
        engine.dispose()


@pytest.fixture
def scratch_postgres():
    """A running cluster of this test's own; stopped and deleted afterwards, also on failure."""
    bindir = bin_dir()
    if bindir is None or not (bindir / "pg_ctl").exists():
        skip_or_fail("PostgreSQL server binaries (initdb, pg_ctl) not found; set WIREWATCH_PG_BIN")
    cluster = ScratchPostgres(bindir)
    try:
        cluster.init().start()
        yield cluster
    finally:
        cluster.destroy()


def test_postgres_restarted_in_the_middle_of_a_load(tmp_path, wire, scratch_postgres):
    warehouse_url = scratch_postgres.url()
    settings = settings_for(tmp_path, wire, warehouse_url)
    ctx = RunContext.open("attempt-1", config=load_pipeline_config(settings))
    migrate(ctx.engine)
    outcome: dict[str, object] = {}

    def first_attempt():
        try:
            outcome["summary"] = run_once(ctx, every_feed=True)
        except Exception as exc:  # noqa: BLE001 - what Airflow would see as a failed try
            outcome["error"] = exc

    worker = threading.Thread(target=first_attempt)
    worker.start()
    feeds = len(load_pipeline_config(settings).feeds)
    committed = wait_for_polls(warehouse_url, at_least=1)
    assert committed < feeds, f"all {feeds} feeds were committed before the server could stop"
    # mid-load: some feeds committed, others still to write; down until the attempt gives up
    scratch_postgres.stop()
    try:
        worker.join(300)
    finally:
        scratch_postgres.start()
    assert not worker.is_alive(), "the first attempt still runs 300 s after the server stopped"
    assert "error" in outcome, "the restart should have failed the first attempt"
    ctx.engine.dispose()

    # a partially loaded feed would show fewer articles than its poll row says it brought
    with ctx.engine.connect() as conn:
        polls = conn.execute(select(feed_polls.c.feed_id, feed_polls.c.new_entries)).all()
        for feed_id, new_entries in polls:
            stored = conn.execute(
                select(func.count()).select_from(articles).where(articles.c.feed_id == feed_id)
            ).scalar_one()
            assert stored == new_entries, feed_id

    retry = RunContext.open("attempt-2", config=load_pipeline_config(settings))
    run_once(retry, every_feed=True)
    run_once(RunContext.open("attempt-3", config=load_pipeline_config(settings)), every_feed=True)
    assert_each_article_once(retry.engine, wire)


def test_a_run_killed_mid_flight_is_completed_by_the_next_exactly_once(tmp_path, wire, warehouse_url):
    settings = settings_for(tmp_path, wire, warehouse_url)
    env = dict(os.environ) | {
        "WIREWATCH_FEEDS_FILE": str(settings.feeds_file),
        "WIREWATCH_DATA_DIR": str(settings.data_dir),
        "WIREWATCH_WAREHOUSE_URL": warehouse_url,
    }
    wirewatch = str(Path(sys.executable).parent / "wirewatch")
    killed = subprocess.Popen([wirewatch, "run-once", "--all-feeds", "--run-id", "killed"], env=env)
    wait_for_polls(warehouse_url, at_least=1)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    for attempt in ("retry-1", "retry-2"):
        subprocess.run([wirewatch, "run-once", "--all-feeds", "--run-id", attempt], env=env, check=True)
    engine = sqlalchemy.create_engine(warehouse_url)
    assert_each_article_once(engine, wire)
    engine.dispose()
