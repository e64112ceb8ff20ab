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
    }
    poll = dag.get_task("poll_host")
    assert poll.map_index_template == "{{ shard_label }}"
    assert [asset.name for asset in dag.get_task("match_topics").outlets] == ["wirewatch_matches"]
    assert dag.get_task("match_topics").upstream_task_ids == {"collapse_copies"}


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
    broken.write_text("topics:\n  - id: Bad Id\n    name: X\n    query: a\n")
    monkeypatch.setenv("WIREWATCH_TOPICS_FILE", str(broken))
    (message,) = dagbag().import_errors.values()
    assert "topics[0] (id=Bad Id).id" in message


def test_a_bad_query_is_an_import_error_naming_the_topic_and_news_monitor_still_loads(tmp_path, monkeypatch):
    topics = tmp_path / "topics.yaml"
    topics.write_text(
        "topics:\n"
        "  - id: good\n    name: Good\n    query: kursk*\n"
        "  - id: broken\n    name: Broken\n    query: (nordkorea AND truppen\n"
    )
    monkeypatch.setenv("WIREWATCH_TOPICS_FILE", str(topics))
    bag = dagbag()
    (path, message) = next(iter(bag.import_errors.items()))
    assert len(bag.import_errors) == 1 and path.endswith("topic_queries.py")
    assert f"{topics}:7:34:" in message and "topic 'broken' query" in message
    assert "'good'" not in message
    assert "news_monitor" in bag.dags
