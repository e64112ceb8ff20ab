"""End-to-end tier: news_monitor under dag.test() against the simulated wire and the SQLite warehouse."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.wiring import write_feeds_file
from wirewatch.simwire import SimWire, WireSettings
from wirewatch.warehouse.db import make_engine
from wirewatch.warehouse.schema import articles, clusters, feed_polls, matches

pytestmark = [pytest.mark.dag, pytest.mark.integration]
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def airflow_db():
    airflow = Path(sys.executable).parent / "airflow"
    subprocess.run([str(airflow), "db", "migrate"], check=True, env=os.environ.copy(), capture_output=True)


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (articles, matches, clusters)
        }


def kursk_stories(engine, truth) -> dict[str, str]:
    """Outlet -> story key of its Kursk copy, from the matches table."""
    urls = {t.url: t.outlet for t in truth if t.kind == "kursk-copy"}
    with engine.connect() as conn:
        found = conn.execute(select(matches.c.url, matches.c.cluster_key)).all()
    return {urls[url]: key for url, key in found if url in urls}


def test_news_monitor_end_to_end(airflow_db, tmp_path, monkeypatch):
    from airflow.dag_processing.dagbag import DagBag

    # the wire starts 4 h from now: the first run sees the copies published until then; the
    # Zürcher Abendpost's German copy (3 h 35 min before start) arrives with the second run
    clock = [time.time()]
    settings = WireSettings(port=0, hang_seconds=5, start=clock[0] + 4 * 3600, new_item_every=3600)
    with SimWire(settings, clock=lambda: clock[0]) as wire:
        monkeypatch.setenv("WIREWATCH_FEEDS_FILE", str(write_feeds_file(tmp_path / "feeds.yaml", wire)))
        monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path / "data"))
        bag = DagBag(dag_folder=str(REPO / "dags"))
        assert bag.import_errors == {}
        dag = bag.dags["news_monitor"]

        first = dag.test()
        assert first.state == "success"
        engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'warehouse.db'}")
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
        assert {"Berner Tagesbote", "The Harbour Herald", "Unreachable"} <= labels

        first_stories = kursk_stories(engine, truth)
        assert "zuercher-abendpost" not in first_stories
        assert first_stories["courrier-lemanique"] == first_stories["gazette-du-jura"]
        assert len(set(first_stories.values())) == 4  # ATS French, ATS German, AFP, dpa

        clock[0] += 4 * 3600
        second = dag.test()
        assert second.state == "success"
        truth = wire.truth()
        stories = kursk_stories(engine, truth)
        assert set(stories) == {t.outlet for t in truth if t.kind == "kursk-copy"}
        # the copy fetched in the second run joined the story of the first run's copy
        assert (
            stories["zuercher-abendpost"] == stories["berner-tagesbote"] == first_stories["berner-tagesbote"]
        )
        assert {k: v for k, v in stories.items() if k != "zuercher-abendpost"} == first_stories
        with engine.connect() as conn:
            german = conn.execute(
                select(clusters).where(clusters.c.cluster_key == stories["berner-tagesbote"])
            )
            german = german.mappings().one()
        assert (german["agency"], german["copies"], german["outlets"]) == ("ATS", 2, 2)

        # re-running changes nothing
        before = counts(engine)
        third = dag.test()
        assert third.state == "success"
        assert counts(engine) == before
