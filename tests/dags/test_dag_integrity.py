"""DAG validation tier: every DAG imports, follows the house rules, and a broken config is an import error."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(REPO / "dags"))


@pytest.fixture(scope="module")
def bag():
    return dagbag()


def test_no_import_errors(bag):
    assert bag.import_errors == {}
    assert "news_monitor" in bag.dags


def test_every_dag_has_docs_tags_and_retries(bag):
    for dag_id, dag in bag.dags.items():
        assert dag.tags, dag_id
        assert dag.doc_md and len(dag.doc_md) > 100, dag_id
        for task in dag.tasks:
            assert task.retries >= 1, f"{dag_id}.{task.task_id}"
            assert task.retry_delay.total_seconds() > 0, f"{dag_id}.{task.task_id}"


def test_news_monitor_shape(bag):
    dag = bag.dags["news_monitor"]
    assert dag.max_active_runs == 1
    assert dag.catchup is False
    assert dag.timetable.expression == "*/10 * * * *"
    assert set(dag.task_ids) == {
        "prepare_warehouse",
        "plan_hosts",
        "poll_host",
        "collapse_copies",
        "match_topics",
        "alert_operators",
    }
    poll = dag.get_task("poll_host")
    assert poll.map_index_template == "{{ shard_label }}"
    assert [asset.name for asset in dag.get_task("match_topics").outlets] == ["wirewatch_matches"]
    assert dag.get_task("match_topics").upstream_task_ids == {"collapse_copies"}
    # feed alerts go out whatever happened downstream of the polls
    assert dag.get_task("alert_operators").upstream_task_ids == {"poll_host"}
    assert dag.get_task("alert_operators").trigger_rule == "all_done"
    assert dag.get_task("plan_hosts").upstream_task_ids == {"prepare_warehouse"}
    assert dag.has_on_failure_callback and dag.has_on_success_callback


def test_broken_feeds_file_is_a_readable_import_error(tmp_path, monkeypatch):
    broken = tmp_path / "feeds.yaml"
    broken.write_text('lists:\n  simwire:\n    - {id: bad, outlet: B, url: "not a url", language: de}\n')
    monkeypatch.setenv("WIREWATCH_FEEDS_FILE", str(broken))
    errors = dagbag().import_errors
    (message,) = errors.values()
    assert str(broken) in message
    assert "lists.simwire[0] (id=bad).url" in message


def test_broken_topics_file_is_a_readable_import_error(tmp_path, monkeypatch):
    broken = tmp_path / "topics.yaml"
    broken.write_text("topics:\n  - id: Bad Id\n    name: X\n    require: {g: [a]}\n")
    monkeypatch.setenv("WIREWATCH_TOPICS_FILE", str(broken))
    (message,) = dagbag().import_errors.values()
    assert "topics[0] (id=Bad Id).id" in message
