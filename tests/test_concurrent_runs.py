"""Three `wirewatch run-once` at the same time against one warehouse: each summary counts what that
run inserted, so the summaries add up to what the warehouse holds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.wiring import write_feeds_file
from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.warehouse.db import make_engine, migrate
from wirewatch.warehouse.schema import articles, feed_polls, matches

pytestmark = [pytest.mark.integration, pytest.mark.slow(seconds=60)]
WIREWATCH = Path(sys.executable).parent / "wirewatch"
NOW = time.time()


def per_run(conn, column, counted) -> dict[str, int]:
    return dict(conn.execute(select(column, counted).group_by(column)).tuples().all())


def test_concurrent_runs_count_only_what_they_inserted(tmp_path, warehouse_url):
    # latency keeps the three runs' polls overlapping: each sees every article as new
    with SimWire(WireSettings(port=0, latency=0.05), clock=lambda: NOW) as wire:
        truth = wire.truth()
        env = os.environ | {
            "WIREWATCH_FEEDS_FILE": str(write_feeds_file(tmp_path / "feeds.yaml", wire, with_faults=False)),
            "WIREWATCH_DATA_DIR": str(tmp_path / "data"),
            "WIREWATCH_WAREHOUSE_URL": warehouse_url,
        }
        engine = make_engine(warehouse_url)
        migrate(engine)
        runs = [
            subprocess.Popen(
                [str(WIREWATCH), "run-once", "--all-feeds", "--run-id", f"run-{n}"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(3)
        ]
        outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err[-2000:] for _, err in outputs]
    summaries = {s["run_id"]: s for s in (json.loads(out) for out, _ in outputs)}

    with engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        loaded = per_run(conn, articles.c.loaded_by_run, func.count())
        polled = per_run(conn, feed_polls.c.run_id, func.sum(feed_polls.c.new_entries))
        matched = per_run(conn, matches.c.run_id, func.count())
        matched_articles = per_run(conn, matches.c.run_id, func.count(func.distinct(matches.c.article_id)))
    engine.dispose()
    kursk = sum(t.kind == "kursk-copy" for t in truth)
    assert stored == len(truth) and sum(matched.values()) == kursk
    assert sum(s["new_articles"] for s in summaries.values()) == stored
    assert sum(sum(s["matches"].values()) for s in summaries.values()) == kursk
    for run_id, summary in summaries.items():
        assert summary["new_articles"] == loaded.get(run_id, 0) == polled[run_id], run_id
        assert sum(summary["matches"].values()) == matched.get(run_id, 0), run_id
        assert summary["matched_articles"] == matched_articles.get(run_id, 0), run_id
