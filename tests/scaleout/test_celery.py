"""Scale-out tier: news_monitor and news_digest under CeleryExecutor on PostgreSQL and Redis.

Starts a real cluster on loopback: api-server, dag-processor, scheduler and two Celery workers,
PostgreSQL (metadata and warehouse, fresh databases), Redis as broker, the simulated wire and an
SMTP sink. Checks that both workers ran tasks, the wire never saw more than the per-host limit
from the whole cluster, every Kursk copy landed once, and the digest went out once.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import redis
import sqlalchemy
import yaml

from tests.conftest import POSTGRES_ADMIN_URL, _postgres_unavailable_reason
from tests.wiring import write_feeds_file
from wirewatch.devstack import VENV_BIN, ProcessGroups, airflow_env, free_port, rest, wait_for_run, wait_http
from wirewatch.mailsink import MailSink, SinkHandler
from wirewatch.simwire import SimWire, WireSettings

pytestmark = [pytest.mark.integration, pytest.mark.dag, pytest.mark.postgres]
REPO = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/7"
PER_HOST = 2


def require_services() -> None:
    reasons = []
    if reason := _postgres_unavailable_reason():
        reasons.append(reason)
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        reasons.append(f"Redis not reachable at {REDIS_URL}: {exc}")
    if reasons:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true requires PostgreSQL and Redis: " + "; ".join(reasons))
        pytest.skip("; ".join(reasons))


def fresh_database(name: str) -> str:
    admin = sqlalchemy.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return sqlalchemy.make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    require_services()
    home = tmp_path_factory.mktemp("celery")
    tag = f"{os.getpid()}"
    metadata_url = fresh_database(f"wirewatch_af_{tag}")
    warehouse_url = fresh_database(f"wirewatch_wh_{tag}")
    redis.Redis.from_url(REDIS_URL).flushdb()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    frozen = time.time()
    wire = SimWire(WireSettings(port=0, outlets=12, hang_seconds=5), clock=lambda: frozen).start()
    sink = MailSink(SinkHandler(home / "mail"), port=free_port()).start()
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
    env = airflow_env(home / "airflow") | {
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": metadata_url.replace("+psycopg", "+psycopg2"),
        "AIRFLOW__CELERY__BROKER_URL": REDIS_URL,
        "AIRFLOW__CELERY__RESULT_BACKEND": "db+" + metadata_url.replace("+psycopg", "+psycopg2"),
        "AIRFLOW__CELERY__WORKER_CONCURRENCY": "2",
        "AIRFLOW__API__PORT": str(port),
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{base}/execution/",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
        "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(32),
        "AIRFLOW__CORE__HOSTNAME_CALLABLE": "tests.scaleout.worker_name.hostname",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
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
    airflow = str(VENV_BIN / "airflow")
    subprocess.run([airflow, "db", "migrate"], env=env, check=True, capture_output=True)
    groups = ProcessGroups()
    logs = home / "logs"
    logs.mkdir()
    for component in ("api-server", "dag-processor", "scheduler"):
        groups.start([airflow, component], env, logs / f"{component}.log")
    for n in (1, 2):
        groups.start(
            [airflow, "celery", "worker", "--celery-hostname", f"worker-{n}@%h", "--skip-serve-logs"],
            env | {"WIREWATCH_WORKER_NAME": f"worker-{n}"},
            logs / f"worker-{n}.log",
        )
    try:
        assert wait_http(f"{base}/api/v2/monitor/health", 180), (logs / "api-server.log").read_text()[-3000:]
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            dags = {d["dag_id"] for d in rest(base, "/api/v2/dags")["dags"]}
            if {"news_monitor", "news_digest"} <= dags:
                break
            time.sleep(2)
        yield {"base": base, "wire": wire, "sink": sink, "warehouse": warehouse_url, "logs": logs}
    finally:
        groups.stop()
        sink.stop()
        wire.stop()


def unpause(base: str, dag_id: str) -> None:
    rest(base, f"/api/v2/dags/{dag_id}", {"is_paused": False}, method="PATCH")


def trigger(base: str, dag_id: str, conf: dict | None = None) -> dict:
    run = rest(base, f"/api/v2/dags/{dag_id}/dagRuns", {"logical_date": None, "conf": conf or {}})
    return wait_for_run(base, dag_id, run["dag_run_id"], 420)


def task_instances(base: str, dag_id: str, run_id: str) -> list[dict]:
    return rest(base, f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances?limit=100")["task_instances"]


def test_news_monitor_and_digest_on_two_celery_workers(cluster):
    base = cluster["base"]
    unpause(base, "news_monitor")
    run = wait_for_run(base, "news_monitor", None, 420)  # run_immediately: the first scheduled run
    assert run["state"] == "success", cluster["logs"]
    tis = task_instances(base, "news_monitor", run["dag_run_id"])
    assert {ti["hostname"] for ti in tis if ti["task_id"] == "poll_host"} == {"worker-1", "worker-2"}
    # politeness across workers: no outlet address ever saw more than the per-host limit at once
    seen = cluster["wire"].max_concurrent_requests()
    assert seen and max(seen.values()) <= PER_HOST

    engine = sqlalchemy.create_engine(cluster["warehouse"])
    with engine.connect() as conn:
        urls = [row[0] for row in conn.execute(sqlalchemy.text("SELECT url FROM matches"))]
    copies = {t.url for t in cluster["wire"].truth() if t.kind == "kursk-copy"}
    assert sorted(urls) == sorted(copies)

    # the digest's day is local, and a story belongs to the day of its publication: take the day of
    # the newest match, not the clock's, which may already be past local midnight
    with engine.connect() as conn:
        newest = conn.execute(
            sqlalchemy.text("SELECT max(coalesce(published_at, fetched_at)) FROM matches")
        ).scalar_one()
    today = newest.astimezone(ZoneInfo("Europe/Zurich")).date().isoformat()
    unpause(base, "news_digest")
    digest = trigger(base, "news_digest", {"date": today, "recipients": ["desk@example.org"]})
    assert digest["state"] == "success"
    again = trigger(base, "news_digest", {"date": today, "recipients": ["desk@example.org"]})
    assert again["state"] == "success"
    received = cluster["sink"].received
    assert [message.rcpt_tos for message in received] == [["desk@example.org"]]
    engine.dispose()
