"""Engines and migrations for the warehouse; the same code serves SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def normalize_url(url: str) -> str:
    """Accept the URL styles people paste (postgres://, postgresql://) and pick the psycopg 3 driver."""
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # mapped tasks write concurrently: WAL lets readers go on, busy_timeout makes writers queue
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


class WarehouseUnavailable(Exception):
    """The warehouse a reading command needs is missing, empty or unreachable; the message says which."""


def open_existing(url: str) -> Engine:
    """An engine on a warehouse that exists and has its tables; unlike make_engine, never creates one."""
    try:
        parsed = make_url(normalize_url(url))
    except ArgumentError:
        raise WarehouseUnavailable(f"{url!r} is not a database URL") from None
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        if not Path(parsed.database).is_file():
            raise WarehouseUnavailable(
                f"no warehouse at {parsed.database}: run `make run` or `make demo` in the checkout first, "
                "or point --warehouse or WIREWATCH_WAREHOUSE_URL at one"
            )
    engine = make_engine(url)
    try:
        tables = current_tables(engine)
    except OperationalError as exc:
        engine.dispose()
        raise WarehouseUnavailable(
            f"cannot open the warehouse at {shown}: {' '.join(str(exc.orig).split())}"
        ) from None
    if "matches" not in tables:
        engine.dispose()
        raise WarehouseUnavailable(
            f"the warehouse at {shown} has no tables: run `wirewatch warehouse migrate`, "
            "then `make run` or `wirewatch run-once` to fill it"
        )
    current, head = schema_revision(engine), head_revision()
    if current != head:
        engine.dispose()
        raise WarehouseUnavailable(
            f"the warehouse at {shown} has schema {current}, this version needs {head}: "
            "run `wirewatch warehouse migrate` (`make run` and `make demo` do it too)"
        )
    return engine


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def alembic_config(engine: Engine) -> Config:
    # alembic costs ~0.3 s to import: only tasks that migrate pay for it
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    url = engine.url.render_as_string(hide_password=False)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; safe to call on every run."""
    from alembic import command

    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def current_tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())
