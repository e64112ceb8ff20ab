"""news_monitor under dag.test(): a feed's credentials come from its Airflow connection, and neither
they nor the keys in its URL reach XCom, the Asset event or the task logs."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.private_wire import CONNECTION, PrivateWire, leaks

pytestmark = [pytest.mark.dag, pytest.mark.integration]
REPO = Path(__file__).resolve().parents[2]


class Messages(logging.Handler):
    """What Wirewatch logs inside the tasks: a handler of its own, since under dag.test() the
    console copy goes wherever Airflow's logging was first set up (pytest's capture, at times)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_feed_secrets_stay_out_of_xcom_asset_events_and_task_logs(airflow_db, tmp_path, monkeypatch):
    from airflow.dag_processing.dagbag import DagBag
    from airflow.models.asset import AssetEvent
    from airflow.models.xcom import XComModel
    from airflow.utils.session import create_session

    with PrivateWire() as wire:
        monkeypatch.setenv("WIREWATCH_FEEDS_FILE", str(wire.feeds_file(tmp_path / "feeds.yaml")))
        monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path / "data"))
        monkeypatch.delenv("AIRFLOW_CONN_WIREWATCH_WAREHOUSE", raising=False)
        monkeypatch.setenv("AIRFLOW_CONN_PRIVATE_WIRE", CONNECTION)
        monkeypatch.delenv("AIRFLOW_CONN_NOWHERE", raising=False)
        bag = DagBag(dag_folder=str(REPO / "dags"))
        assert bag.import_errors == {}
        wirewatch_log, messages = logging.getLogger("wirewatch"), Messages()
        level = wirewatch_log.level
        wirewatch_log.addHandler(messages)
        wirewatch_log.setLevel(logging.INFO)
        try:
            run = bag.dags["news_monitor"].test()
        finally:
            wirewatch_log.removeHandler(messages)
            wirewatch_log.setLevel(level)
    assert run.state == "success"

    with create_session() as session:
        xcoms = session.scalars(
            select(XComModel).where(XComModel.dag_id == run.dag_id, XComModel.run_id == run.run_id)
        ).all()
        values = {(x.task_id, x.key): XComModel.deserialize_value(x) for x in xcoms}
        (extra,) = session.scalars(
            select(AssetEvent.extra).where(
                AssetEvent.source_dag_id == run.dag_id, AssetEvent.source_run_id == run.run_id
            )
        ).all()
    # the connection worked: the private feed brought its article in, the 404 and the missing one failed
    assert extra["new_articles"] == 1 and set(extra["failed_feeds"]) == {"private-gone", "no-connection"}
    assert "apikey=***" in extra["failed_feeds"]["private-gone"]
    assert values[("match_topics", "return_value")] == extra
    assert ("poll_host", "return_value") in values
    assert leaks(json.dumps(extra)) == []
    assert leaks(json.dumps(list(values.values()), default=str)) == []

    text = "\n".join(messages.lines)
    assert "run summary" in text and "feed private-gone" in text
    assert leaks(text) == []
