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
    assert {"news_monitor", "news_digest"} <= set(bag.dags)


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
        "plan_run",
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
    assert dag.get_task("poll_host").upstream_task_ids == {"plan_run"}
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
    broken.write_text("topics:\n  - id: Bad Id\n    name: X\n    query: a\n")
    monkeypatch.setenv("WIREWATCH_TOPICS_FILE", str(broken))
    errors = dagbag().import_errors
    # both DAGs read topics.yaml: each one reports the broken field
    assert {Path(path).name for path in errors} == {"news_monitor.py", "news_digest.py"}
    assert all("topics[0] (id=Bad Id).id" in message for message in errors.values())


def test_news_digest_shape(bag):
    dag = bag.dags["news_digest"]
    assert dag.max_active_runs == 1 and dag.catchup is False
    assert dag.timetable.expression == "0 7 * * *"
    assert str(dag.timetable.timezone) == "Europe/Zurich"
    assert set(dag.params) == {"date", "recipients", "topics", "force"}
    assert dag.params["force"] is False
    send = dag.get_task("send_digest")
    assert send.retries == 3 and send.retry_exponential_backoff
    assert send.map_index_template == "{{ recipient_label }}"
    # the plan reads the warehouse, so it runs after the migration
    assert dag.get_task("plan_digests").upstream_task_ids == {"prepare_warehouse"}
    assert dag.get_task("send_digest").upstream_task_ids == {"plan_digests"}


def test_digest_schedule_and_retries_follow_the_subscriptions_file(tmp_path, monkeypatch):
    path = tmp_path / "subscriptions.yaml"
    path.write_text(
        "digest: {send_at: '06:30', timezone: America/New_York, retries: 5, retry_delay_seconds: 30}\n"
    )
    monkeypatch.setenv("WIREWATCH_SUBSCRIPTIONS_FILE", str(path))
    dag = dagbag().dags["news_digest"]
    assert dag.timetable.expression == "30 6 * * *"
    assert str(dag.timetable.timezone) == "America/New_York"
    assert dag.get_task("send_digest").retries == 5
    assert dag.get_task("send_digest").retry_delay.total_seconds() == 30


def test_broken_subscriptions_file_is_a_readable_import_error(tmp_path, monkeypatch):
    broken = tmp_path / "subscriptions.yaml"
    broken.write_text("subscriptions:\n  - {id: desk, recipients: [nobody-at-example], topics: [nope]}\n")
    monkeypatch.setenv("WIREWATCH_SUBSCRIPTIONS_FILE", str(broken))
    errors = dagbag().import_errors
    (path, message) = errors.popitem()
    assert Path(path).name == "news_digest.py" and not errors
    assert str(broken) in message
    assert (
        "subscriptions[0] (id=desk).recipients[0]: 'nobody-at-example' is neither an address nor a list"
        in message
    )
    assert "subscriptions[0] (id=desk).topics[0]: unknown topic 'nope'" in message


def test_a_bad_query_is_an_import_error_naming_the_topic_and_news_monitor_still_loads(tmp_path, monkeypatch):
    topics = tmp_path / "topics.yaml"
    topics.write_text(
        "topics:\n"
        "  - id: good\n    name: Good\n    query: kursk*\n"
        "  - id: broken\n    name: Broken\n    query: (nordkorea AND truppen\n"
    )
    monkeypatch.setenv("WIREWATCH_TOPICS_FILE", str(topics))
    subscriptions = tmp_path / "subscriptions.yaml"
    subscriptions.write_text(
        "subscriptions:\n  - {id: desk, recipients: [desk@example.org], topics: [good]}\n"
    )
    monkeypatch.setenv("WIREWATCH_SUBSCRIPTIONS_FILE", str(subscriptions))
    bag = dagbag()
    (path, message) = next(iter(bag.import_errors.items()))
    assert len(bag.import_errors) == 1 and path.endswith("topic_queries.py")
    assert f"{topics}:7:34:" in message and "topic 'broken' query" in message
    assert "'good'" not in message
    assert "news_monitor" in bag.dags
