"""Test settings: a throwaway Airflow home and Wirewatch data dir, set before anything imports Airflow."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from sqlalchemy.pool import NullPool

REPO = Path(__file__).resolve().parents[1]
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="wirewatch-tests-"))

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

POSTGRES_ADMIN_URL = os.environ.get(
    "WIREWATCH_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture(scope="session")
def session_dir() -> Path:
    return _SESSION_DIR


def _postgres_unavailable_reason() -> str | None:
    import sqlalchemy

    try:
        engine = sqlalchemy.create_engine(POSTGRES_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable" for the skip message
        return f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {type(exc).__name__}: {exc}"
    return None


@pytest.fixture(scope="session")
def postgres_url():
    """A fresh database on the real PostgreSQL server; dropped at the end of the session."""
    import sqlalchemy

    reason = _postgres_unavailable_reason()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true requires PostgreSQL: {reason}")
        pytest.skip(reason)
    name = f"wirewatch_test_{os.getpid()}"
    # no pooling: the fault tests restart the server, and a pooled connection would be a dead one
    admin = sqlalchemy.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sqlalchemy.make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


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


@pytest.fixture(scope="session")
def wire_warehouse(tmp_path_factory):
    """A SQLite warehouse the pipeline filled from the simulated wire at local noon today, plus
    reprints of one story and a hostile headline (tests/digest/wire.py); shared by the digest tests."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tests.digest.wire import TZ, fill

    tmp = tmp_path_factory.mktemp("wire-warehouse")
    return fill(tmp, f"sqlite:///{tmp / 'data' / 'warehouse.db'}", datetime.now(ZoneInfo(TZ)).date())
