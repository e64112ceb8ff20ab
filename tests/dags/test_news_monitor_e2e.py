"""End-to-end tier: news_monitor under dag.test() against the simulated wire and the SQLite warehouse."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from tests.mailsink import body_text
from tests.wiring import HANG_SECONDS, write_feeds_file
from wirewatch.airflow_adapter import recent_dag_runs
from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.monitoring.dashboard import queries
from wirewatch.warehouse import store
from wirewatch.warehouse.db import make_engine, migrate
from wirewatch.warehouse.schema import articles, clusters, feed_polls, matches

pytestmark = [pytest.mark.dag, pytest.mark.integration, pytest.mark.slow(seconds=100)]
REPO = Path(__file__).resolve().parents[2]


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


def asset_event_extras(dag_run) -> list[dict]:
    from airflow.models.asset import AssetEvent
    from airflow.utils.session import create_session

    with create_session() as session:
        events = session.scalars(
            select(AssetEvent).where(
                AssetEvent.source_dag_id == dag_run.dag_id, AssetEvent.source_run_id == dag_run.run_id
            )
        ).all()
        return [event.extra for event in events]


def test_news_monitor_end_to_end(airflow_db, warehouse_url, tmp_path, monkeypatch, mail, capfd):
    """SQLite: Wirewatch's embedded default. PostgreSQL: through the `wirewatch_warehouse` connection."""
    from airflow.dag_processing.dagbag import DagBag

    if warehouse_url.startswith("postgresql"):
        monkeypatch.setenv("AIRFLOW_CONN_WIREWATCH_WAREHOUSE", connection_json(warehouse_url))
    else:
        monkeypatch.delenv("AIRFLOW_CONN_WIREWATCH_WAREHOUSE", raising=False)
        warehouse_url = f"sqlite:///{tmp_path / 'data' / 'warehouse.db'}"

    now = time.time()
    with SimWire(WireSettings(port=0, hang_seconds=HANG_SECONDS), clock=lambda: now) as wire:
        # one hard failure (weight 3) kills a feed here, so the first run already has dead feeds
        feeds_file = write_feeds_file(
            tmp_path / "feeds.yaml",
            wire,
            polling={"dead_after": 3},
            alerts={"email_to": ["operators@example.org"]},
        )
        monkeypatch.setenv("WIREWATCH_FEEDS_FILE", str(feeds_file))
        monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path / "data"))
        engine = make_engine(warehouse_url)
        # operators were told that runs were failing: the DAG's success callback reports the recovery
        migrate(engine)
        store.save_alert_states(
            engine, [{"subject": "dag:news_monitor", "state": "failed", "changed_at": datetime.now(UTC)}]
        )
        bag = DagBag(dag_folder=str(REPO / "dags"))
        assert bag.import_errors == {}
        dag = bag.dags["news_monitor"]

        first = dag.test()
        assert first.state == "success"
        # a normal run logs no false errors (reading the mapped polls used to log "XCom not found")
        logged = "".join(capfd.readouterr())
        assert "DagRun Finished" in logged and "[error" not in logged
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
        assert "Berner Tagesbote" in labels and any(
            label.startswith("The Harbour Herald") for label in labels
        )
        outlets = {
            f["outlet"] for f in yaml.safe_load((tmp_path / "feeds.yaml").read_text())["lists"]["test"]
        }
        assert {label.split(" +")[0] for label in labels} <= outlets

        # the run summary is the Asset event's extra
        (extra,) = asset_event_extras(first)
        feeds_total = len(wire.feeds()) + 9
        assert extra["feeds"]["polled"] == feeds_total and extra["feeds"]["skipped"] == 0
        assert extra["feeds"]["failed"] >= 8 and "fault-404" in extra["failed_feeds"]
        assert extra["new_articles"] > 0 and extra["clusters"] > 0
        assert extra["matches"]["dprk-troops-kursk"] == len(found)
        assert {"fault-404", "fault-not-xml", "fault-empty"} <= set(extra["feeds"]["dead"])

        # the hard-failing feeds are dead now: one email names them; another says runs work again
        messages = {m["Subject"]: m for m in mail.wait_for(2)}
        assert set(messages) == {"[Wirewatch] 3 dead", "[Wirewatch] DAG news_monitor recovered (was failing)"}
        alert = messages["[Wirewatch] 3 dead"]
        assert alert["To"] == "operators@example.org"
        assert "fault-404" in body_text(alert) and "http_404" in body_text(alert)
        assert first.run_id in body_text(messages["[Wirewatch] DAG news_monitor recovered (was failing)"])

        # right after, no feed is due: nothing is fetched, the run still succeeds and says so
        before = counts(engine)
        second = dag.test()
        assert second.state == "success"
        assert counts(engine) == before
        states = {ti.task_id: ti.state for ti in second.get_task_instances()}
        assert states["poll_host"] == "skipped"
        assert {states[t] for t in ("collapse_copies", "match_topics", "alert_operators")} == {"success"}
        (extra,) = asset_event_extras(second)
        assert extra["feeds"]["polled"] == 0 and extra["feeds"]["skipped"] == feeds_total
        # the Wirewatch page lists both runs from Airflow's records, the second as "nothing due"
        runs = queries.recent_runs(engine, 10, recent_dag_runs("news_monitor", 10))
        assert [(r["run_id"], r["nothing_due"]) for r in runs[:2]] == [
            (second.run_id, True),
            (first.run_id, False),
        ]
        assert runs[1]["polled"] == feeds_total and runs[1]["state"] == "success"
        # the dead feeds are still dead, runs still succeed: no more email
        time.sleep(1)
        assert len(mail.messages) == 2


def test_copies_join_their_story_across_runs(airflow_db, tmp_path, monkeypatch, mail):
    """A copy fetched by a later run joins the story of an earlier run's copy (SQLite warehouse)."""
    from airflow.dag_processing.dagbag import DagBag

    # the wire starts 4 h from now: the first run sees the copies published until then; the
    # Zürcher Abendpost's German copy (3 h 35 min before start) arrives with the second run
    clock = [time.time()]
    settings = WireSettings(port=0, hang_seconds=HANG_SECONDS, start=clock[0] + 4 * 3600, new_item_every=3600)
    with SimWire(settings, clock=lambda: clock[0]) as wire:
        # every feed due on every run: this test is about stories, not about the polling schedule
        polling = {"min_interval": "1s", "max_interval": "1s", "jitter": 0}
        feeds_file = write_feeds_file(tmp_path / "feeds.yaml", wire, polling=polling)
        monkeypatch.setenv("WIREWATCH_FEEDS_FILE", str(feeds_file))
        monkeypatch.delenv("AIRFLOW_CONN_WIREWATCH_WAREHOUSE", raising=False)
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

        first_stories = kursk_stories(engine, truth)
        assert "zuercher-abendpost" not in first_stories
        ats = first_stories["courrier-lemanique"]
        assert (
            first_stories["gazette-du-jura"] == first_stories["berner-tagesbote"] == ats
        )  # with its translation
        assert len(set(first_stories.values())) == 3  # ATS, AFP, dpa

        clock[0] += 4 * 3600
        time.sleep(1.5)
        second = dag.test()
        assert second.state == "success"
        truth = wire.truth()
        stories = kursk_stories(engine, truth)
        assert set(stories) == {t.outlet for t in truth if t.kind == "kursk-copy"}
        # the copies and translations fetched in the second run joined the story of the first run's
        # copies: the German copy by its shingles, the machine translation and the English one by
        # their anchors, looked up in the warehouse
        later = {"zuercher-abendpost", "emmentaler-landbote", "alpine-dispatch"}
        assert {stories[o] for o in later} == {ats}
        assert {k: v for k, v in stories.items() if k not in later} == first_stories
        with engine.connect() as conn:
            story = conn.execute(select(clusters).where(clusters.c.cluster_key == ats)).mappings().one()
            event_keys = set(conn.execute(select(matches.c.event_key)).scalars())
        assert (story["agency"], story["copies"], story["outlets"]) == ("ATS", 6, 6)
        assert len(event_keys) == 1 and story["event_key"] in event_keys  # all Kursk coverage: one event

        # re-running changes nothing
        before = counts(engine)
        time.sleep(1.5)
        third = dag.test()
        assert third.state == "success"
        assert counts(engine) == before
