"""Scale-out tier: news_monitor and news_digest under CeleryExecutor on PostgreSQL and Redis.

Starts a real cluster on loopback: api-server, dag-processor, scheduler and two Celery workers,
PostgreSQL (metadata and warehouse, fresh databases), Redis as broker, the simulated wire and an
SMTP sink. Checks that both workers ran tasks, the wire never saw more than the per-host limit
from the whole cluster, every Kursk copy landed once, and the digest went out once.
"""

from __future__ import annotations

import json
import secrets
import subprocess
import time
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import redis
import sqlalchemy
import yaml

from tests import isolation
from tests.conftest import postgres_unavailable_reason, skip_or_fail
from tests.mailsink import start_on_a_free_port
from tests.scaleout.runs import assert_succeeded
from tests.wiring import write_feeds_file
from wirewatch.devstack.mailsink import MailSink, SinkHandler
from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.devstack.supervisor import (
    VENV_BIN,
    ProcessGroups,
    airflow_env,
    describe_run,
    free_port,
    log_tails,
    rest,
    task_instances,
    wait_for_run,
    wait_http,
)
from wirewatch.digest import query as digest_query

pytestmark = [pytest.mark.integration, pytest.mark.dag, pytest.mark.postgres, pytest.mark.slow(seconds=150)]
REPO = Path(__file__).resolve().parents[2]
PER_HOST = 2
# the cluster needs minutes on a busy machine; the budget is for a hang, not for slowness
STARTUP_BUDGET = 600.0


def require_services() -> None:
    reasons = [r for r in (postgres_unavailable_reason(), isolation.redis_unavailable_reason()) if r]
    if reasons:
        skip_or_fail("; ".join(reasons))


def celery_settings() -> dict[str, str]:
    """Broker keys and queue named for this run: another run's workers on the same Redis never
    see our tasks, nor we theirs, and nothing of theirs is flushed."""
    return {
        "AIRFLOW__CELERY__BROKER_URL": isolation.REDIS_URL,
        "AIRFLOW__CELERY_BROKER_TRANSPORT_OPTIONS__GLOBAL_KEYPREFIX": isolation.REDIS_PREFIX + "celery:",
        "AIRFLOW__OPERATORS__DEFAULT_QUEUE": isolation.REDIS_PREFIX + "queue",
    }


def delete_redis_keys() -> None:
    client = redis.Redis.from_url(isolation.REDIS_URL)
    try:
        for key in client.scan_iter(match=f"{isolation.REDIS_PREFIX}*", count=1000):
            client.delete(key)
    finally:
        client.close()


@pytest.fixture(scope="module")
def databases():
    """The metadata and warehouse databases of this run; dropped afterwards, also on failure."""
    require_services()
    names = [isolation.database_name("scaleout_af"), isolation.database_name("scaleout_wh")]
    urls = []
    try:
        for name in names:
            urls.append(isolation.create_database(isolation.POSTGRES_ADMIN_URL, name))
        yield urls
    finally:
        for name in names:
            isolation.drop_database(isolation.POSTGRES_ADMIN_URL, name)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, databases):
    metadata_url, warehouse_url = databases
    home = tmp_path_factory.mktemp("celery")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    frozen = time.time()
    groups = ProcessGroups()
    logs = home / "logs"
    logs.mkdir()
    wire = SimWire(WireSettings(port=0, outlets=12, hang_seconds=5), clock=lambda: frozen).start()
    sink = start_on_a_free_port(lambda port: MailSink(SinkHandler(home / "mail"), port=port))
    try:
        feeds = write_feeds_file(home / "feeds.yaml", wire, with_faults=False)
        subscriptions = home / "subscriptions.yaml"
        # empty_day skip: the digest's own scheduled run (for yesterday, when nothing was fetched) sends nothing
        subscriptions.write_text(
            "subscriptions:\n  - {id: desk, recipients: [desk@example.org], topics: [dprk-troops-kursk], empty_day: skip}\n"
        )
        config = yaml.safe_load(feeds.read_text())
        config["fetch"]["per_host_concurrency"] = PER_HOST
        feeds.write_text(yaml.safe_dump(config, allow_unicode=True))
        warehouse = sqlalchemy.make_url(warehouse_url)
        env = (
            airflow_env(home / "airflow")
            | celery_settings()
            | {
                "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
                "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": metadata_url.replace("+psycopg", "+psycopg2"),
                "AIRFLOW__CELERY__RESULT_BACKEND": "db+" + metadata_url.replace("+psycopg", "+psycopg2"),
                "AIRFLOW__CELERY__WORKER_CONCURRENCY": "2",
                "AIRFLOW__API__PORT": str(port),
                "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{base}/execution/",
                "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
                "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(32),
                "AIRFLOW__CORE__HOSTNAME_CALLABLE": "tests.scaleout.worker_name.hostname",
                "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
                # the DAG files do not change during the test: parse them once, in one process
                "AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL": "3600",
                "AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES": "1",
                "PYTHONPATH": str(REPO),
                "WIREWATCH_FEEDS_FILE": str(feeds),
                "WIREWATCH_SUBSCRIPTIONS_FILE": str(subscriptions),
                "WIREWATCH_DATA_DIR": str(home / "data"),
                "AIRFLOW_CONN_WIREWATCH_WAREHOUSE": json.dumps(
                    {
                        "conn_type": "postgres",
                        "host": warehouse.host,
                        "port": warehouse.port,
                        "login": warehouse.username,
                        "schema": warehouse.database,
                    }
                ),
                "AIRFLOW_CONN_SMTP_DEFAULT": sink.connection_json(),
            }
        )
        airflow = str(VENV_BIN / "airflow")
        subprocess.run([airflow, "db", "migrate"], env=env, check=True, capture_output=True)
        for component in ("api-server", "dag-processor", "scheduler"):
            groups.start([airflow, component], env, logs / f"{component}.log")
        for n in (1, 2):
            groups.start(
                [airflow, "celery", "worker", "--celery-hostname", f"worker-{n}@%h", "--skip-serve-logs"],
                env | {"WIREWATCH_WORKER_NAME": f"worker-{n}"},
                logs / f"worker-{n}.log",
            )
        assert wait_http(f"{base}/api/v2/monitor/health", STARTUP_BUDGET), log_tails(logs)
        deadline = time.monotonic() + STARTUP_BUDGET
        while {"news_monitor", "news_digest"} - {d["dag_id"] for d in rest(base, "/api/v2/dags")["dags"]}:
            assert time.monotonic() < deadline, "DAGs not parsed: " + log_tails(logs)
            time.sleep(2)
        yield {"base": base, "wire": wire, "sink": sink, "warehouse": warehouse_url, "logs": logs}
    finally:
        # a test cluster needs no graceful shutdown: what is still running after 5 s is killed
        groups.stop(grace=5)
        sink.stop()
        wire.stop()
        delete_redis_keys()


def unpause(base: str, dag_id: str) -> None:
    rest(base, f"/api/v2/dags/{dag_id}", {"is_paused": False}, method="PATCH")


def trigger(cluster: dict, dag_id: str, conf: dict | None = None) -> dict:
    base = cluster["base"]
    run = rest(base, f"/api/v2/dags/{dag_id}/dagRuns", {"logical_date": None, "conf": conf or {}})
    return wait_for_run(base, dag_id, run["dag_run_id"], logs=cluster["logs"])


@pytest.mark.timeout(3 * STARTUP_BUDGET)
def test_news_monitor_and_digest_on_two_celery_workers(cluster):
    base, logs = cluster["base"], cluster["logs"]
    unpause(base, "news_monitor")
    run = wait_for_run(base, "news_monitor", None, logs=logs)  # run_immediately: the first scheduled run
    assert_succeeded(base, run, logs)
    tis = task_instances(base, "news_monitor", run["dag_run_id"])
    hosts = {ti["hostname"] for ti in tis if ti["task_id"] == "poll_host"}
    assert hosts == {"worker-1", "worker-2"}, describe_run(base, "news_monitor", run, logs)
    # politeness across workers: no outlet address ever saw more than the per-host limit at once
    seen = cluster["wire"].max_concurrent_requests()
    assert seen and max(seen.values()) <= PER_HOST

    engine = sqlalchemy.create_engine(cluster["warehouse"])
    with engine.connect() as conn:
        urls = [row[0] for row in conn.execute(sqlalchemy.text("SELECT url FROM matches"))]
    copies = {t.url for t in cluster["wire"].truth() if t.kind == "kursk-copy"}
    assert sorted(urls) == sorted(copies)

    # the digest's day is local, and an entry belongs to the day of its first copy: take the day of
    # the newest entry, not the clock's (maybe past local midnight) nor the newest copy's (its
    # story may have begun the day before)
    with engine.connect() as conn:
        newest = conn.execute(
            sqlalchemy.text("SELECT max(coalesce(published_at, fetched_at)) FROM matches")
        ).scalar_one()
        entries = digest_query.first_seen_stories(
            conn, ["dprk-troops-kursk"], newest - timedelta(days=30), newest + timedelta(seconds=1)
        )
    today = max(e["first_seen"] for e in entries).astimezone(ZoneInfo("Europe/Zurich")).date().isoformat()
    unpause(base, "news_digest")
    digest = trigger(cluster, "news_digest", {"date": today, "recipients": ["desk@example.org"]})
    assert_succeeded(base, digest, logs)
    again = trigger(cluster, "news_digest", {"date": today, "recipients": ["desk@example.org"]})
    assert_succeeded(base, again, logs)
    received = cluster["sink"].received
    assert [message.rcpt_tos for message in received] == [["desk@example.org"]]
    engine.dispose()
