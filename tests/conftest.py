"""Test settings: a throwaway Airflow home and Wirewatch data dir, set before anything imports Airflow;
how xdist spreads the suite; and the leak check that ends every run."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests import isolation, scheduling
from tests.isolation import POSTGRES_ADMIN_URL, RUN_TMP, WORKER
from tests.mailsink import MailSink

REPO = Path(__file__).resolve().parents[1]
_SESSION_DIR = Path(tempfile.mkdtemp(prefix=f"session-{WORKER}-", dir=RUN_TMP))

os.environ.update(
    AIRFLOW_HOME=str(_SESSION_DIR / "airflow"),
    AIRFLOW__CORE__DAGS_FOLDER=str(REPO / "dags"),
    AIRFLOW__CORE__PLUGINS_FOLDER=str(REPO / "plugins"),
    AIRFLOW__CORE__LOAD_EXAMPLES="False",
    AIRFLOW__CORE__UNIT_TEST_MODE="False",
    AIRFLOW__CORE__PARALLELISM="4",
    WIREWATCH_DATA_DIR=str(_SESSION_DIR / "wirewatch"),
)
for name in (
    "WIREWATCH_FEEDS_FILE",
    "WIREWATCH_TOPICS_FILE",
    "WIREWATCH_SUBSCRIPTIONS_FILE",
    "WIREWATCH_FEED_LIST",
    "WIREWATCH_WAREHOUSE_URL",
):
    os.environ.pop(name, None)


@pytest.fixture(scope="session")
def session_dir() -> Path:
    return _SESSION_DIR


def postgres_unavailable_reason() -> str | None:
    try:
        with isolation.postgres_admin().connect():
            pass
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable" for the skip message
        return f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {type(exc).__name__}: {exc}"
    return None


def skip_or_fail(reason: str) -> None:
    """A missing service skips the test, except under CI=true, where every tier must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true requires it: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_url():
    """A database of this run and worker on the machine's PostgreSQL server; dropped at the end."""
    if reason := postgres_unavailable_reason():
        skip_or_fail(reason)
    name = isolation.database_name("warehouse")
    url = isolation.create_database(POSTGRES_ADMIN_URL, name)
    yield url
    isolation.drop_database(POSTGRES_ADMIN_URL, name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def warehouse_url(request, tmp_path):
    """Each warehouse test runs on SQLite and on the real PostgreSQL, in a clean schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'warehouse.db'}"
        return
    import sqlalchemy

    url = request.getfixturevalue("postgres_url")
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    yield url


def _fill_wire_warehouse(work: Path):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tests.digest.wire import TZ, fill

    return fill(work, f"sqlite:///{work / 'data' / 'warehouse.db'}", datetime.now(ZoneInfo(TZ)).date())


@pytest.fixture(scope="session")
def wire_warehouse(tmp_path_factory):
    """A SQLite warehouse the pipeline filled from the simulated wire at local noon today, plus
    reprints of one story and a hostile headline (tests/digest/wire.py); shared by the digest tests.
    Filled once per run; each worker gets a copy of its own to write digests into."""
    import dataclasses
    import sqlite3

    import sqlalchemy

    filled = isolation.once_per_run("wire-warehouse", _fill_wire_warehouse)
    copy = tmp_path_factory.mktemp("wire-warehouse") / "warehouse.db"
    # SQLite's backup, not a file copy: the database is in WAL mode
    source, target = sqlite3.connect(sqlalchemy.make_url(filled.url).database), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    url = f"sqlite:///{copy}"
    return dataclasses.replace(
        filled, url=url, settings=dataclasses.replace(filled.settings, warehouse_url=url)
    )


# -- the order of a run: longest modules first, a module per worker at a time (tests/scheduling.py)
def pytest_configure(config):
    scheduling.register(config)


# -- the leak check: after the last worker is gone, nothing named for this run may remain
LEAKS = pytest.StashKey[list]()


def _leaks() -> list[str]:
    found = [f"process {p}" for p in isolation.leaked_processes()]
    if postgres_unavailable_reason() is None:
        found += [f"PostgreSQL database {name}" for name in isolation.leaked_databases()]
    if isolation.redis_unavailable_reason() is None:
        found += [f"Redis key {key}" for key in isolation.leaked_redis_keys()]
    return found


# trylast: after xdist has shut its workers down
@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    if not isolation.OWNER:
        return
    session.config.stash[LEAKS] = leaks = _leaks()
    if leaks:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, config):
    leaks = config.stash.get(LEAKS, None)
    if leaks is None:
        return
    if leaks:
        terminalreporter.section("leak check: FAILED", sep="=", red=True, bold=True)
        for leak in leaks:
            terminalreporter.write_line(f"left behind: {leak}")
    else:
        terminalreporter.write_line(
            f"leak check: no process, database or Redis key of run {isolation.RUN} left", green=True
        )


def pytest_unconfigure(config):
    if isolation.OWNER:
        shutil.rmtree(RUN_TMP, ignore_errors=True)


@pytest.fixture
def mail(monkeypatch):
    """A real SMTP server on loopback, reached through Airflow's smtp_default connection."""
    sink = MailSink()
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.connection_json())
    yield sink
    sink.close()
