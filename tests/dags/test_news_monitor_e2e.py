"""End-to-end tier: news_monitor under dag.test() against the simulated wire and the SQLite warehouse."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from tests.wiring import write_feeds_file
from wirewatch.simwire import SimWire, WireSettings
from wirewatch.warehouse.db import make_engine
from wirewatch.warehouse.schema import articles, feed_polls, matches

pytestmark = [pytest.mark.dag, pytest.mark.integration]
REPO = Path(__file__).resolve().parents[2]


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (articles, matches)
        }


def connection_json(url: str) -> str:
    """The warehouse as an Airflow connection (JSON form), the way production configures it."""
    parsed = make_url(url)
    return json.dumps(
        {
            "conn_type": "postgres",
            "host": parsed.host,
            "port": parsed.port,
            "login": parsed.username,
            "password": parsed.password,
            "schema": parsed.database,
        }
    )


def test_news_monitor_end_to_end(airflow_db, warehouse_url, tmp_path, monkeypatch):
    """SQLite: Wirewatch's embedded default. PostgreSQL: through the `wirewatch_warehouse` connection."""
    from airflow.dag_processing.dagbag import DagBag

    if warehouse_url.startswith("postgresql"):
        monkeypatch.setenv("AIRFLOW_CONN_WIREWATCH_WAREHOUSE", connection_json(warehouse_url))
    else:
        monkeypatch.delenv("AIRFLOW_CONN_WIREWATCH_WAREHOUSE", raising=False)
        warehouse_url = f"sqlite:///{tmp_path / 'data' / 'warehouse.db'}"

    now = time.time()
    with SimWire(WireSettings(port=0, hang_seconds=5), clock=lambda: now) as wire:
        monkeypatch.setenv("WIREWATCH_FEEDS_FILE", str(write_feeds_file(tmp_path / "feeds.yaml", wire)))
        monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path / "data"))
        bag = DagBag(dag_folder=str(REPO / "dags"))
        assert bag.import_errors == {}
        dag = bag.dags["news_monitor"]

        first = dag.test()
        assert first.state == "success"
        engine = make_engine(warehouse_url)
        truth = wire.truth()
        with engine.connect() as conn:
            found = {row.url: row.agency for row in conn.execute(select(matches.c.url, matches.c.agency))}
            failed = set(
                conn.execute(select(feed_polls.c.feed_id).where(feed_polls.c.outcome == "error")).scalars()
            )
        assert found == {t.url: t.agency for t in truth if t.kind == "kursk-copy"}
        assert {"fault-404", "fault-timeout", "fault-not-xml", "unreachable"} <= failed

        # the grid shows each mapped poll task under its outlet's name
        labels = {ti.rendered_map_index for ti in first.get_task_instances() if ti.task_id == "poll_host"}
        assert {"Berner Tagesbote", "The Harbour Herald"} <= labels
        outlets = {
            f["outlet"] for f in yaml.safe_load((tmp_path / "feeds.yaml").read_text())["lists"]["test"]
        }
        assert {label.split(" +")[0] for label in labels} <= outlets

        before = counts(engine)
        second = dag.test()
        assert second.state == "success"
        assert counts(engine) == before
