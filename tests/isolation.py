"""What makes one run of the suite invisible to another on the same machine.

A run is named once, by the pytest process that starts it (the xdist controller), and its workers
inherit the name through the environment. Every shared resource a test creates carries the name:
PostgreSQL databases `wirewatch_<run>_...`, Redis keys `wirewatch-<run>-...:` and Celery queues,
temp files under the run's own TMPDIR. At the end the controller looks for anything with the name
still there (`leaks`).
"""

from __future__ import annotations

import fcntl
import os
import pickle
import secrets
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import sqlalchemy
from sqlalchemy.pool import NullPool

RUN_VAR = "WIREWATCH_TEST_RUN"
# the first process to import this module starts a run; xdist workers and subprocesses join it
OWNER = RUN_VAR not in os.environ
if OWNER:
    os.environ[RUN_VAR] = secrets.token_hex(4)
    # traversable (0711): the scratch PostgreSQL cluster runs as user postgres inside it
    os.environ["WIREWATCH_TEST_TMP"] = tempfile.mkdtemp(prefix=f"wirewatch-tests-{os.environ[RUN_VAR]}-")
    os.chmod(os.environ["WIREWATCH_TEST_TMP"], 0o711)
RUN = os.environ[RUN_VAR]
RUN_TMP = Path(os.environ["WIREWATCH_TEST_TMP"])
# every temp file of the run, ours and our subprocesses', lands in RUN_TMP and goes with it
os.environ["TMPDIR"] = str(RUN_TMP)
tempfile.tempdir = str(RUN_TMP)
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")

POSTGRES_ADMIN_URL = os.environ.get(
    "WIREWATCH_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("WIREWATCH_TEST_REDIS", "redis://127.0.0.1:6379/7")
DATABASE_PREFIX = f"wirewatch_{RUN}_"
REDIS_PREFIX = f"wirewatch-{RUN}-"


T = TypeVar("T")


def once_per_run(name: str, build: Callable[[Path], T]) -> T:
    """What `build(dir)` returns, built by the first worker of the run that asks and shared with the
    others (pickled; the files it wrote in `dir` stay until the run ends)."""
    root = RUN_TMP / "once" / name
    root.mkdir(parents=True, exist_ok=True)
    result = root / "result.pickle"
    with open(root / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not result.exists():
            # a fresh dir per attempt: a build that failed leaves nothing for the next to trip on
            value = build(Path(tempfile.mkdtemp(dir=root)))
            result.write_bytes(pickle.dumps(value))
    return pickle.loads(result.read_bytes())


def database_name(kind: str) -> str:
    """A database name no other run or worker uses (PostgreSQL cuts names at 63 bytes)."""
    name = f"{DATABASE_PREFIX}{WORKER}_{kind}"
    assert len(name) <= 63, name
    return name


def postgres_admin() -> sqlalchemy.Engine:
    # no pooling: the caller's connection never outlives its block
    return sqlalchemy.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def create_database(admin_url: str, name: str) -> str:
    """A new empty database on the server of `admin_url`; its URL."""
    admin = sqlalchemy.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    return sqlalchemy.make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_database(admin_url: str, name: str) -> None:
    admin = sqlalchemy.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def leaked_databases() -> list[str]:
    with postgres_admin().connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT datname FROM pg_database WHERE starts_with(datname, %s) ORDER BY 1", (DATABASE_PREFIX,)
        )
        return [row[0] for row in rows]


def redis_unavailable_reason() -> str | None:
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.RedisError as exc:
        return f"Redis not reachable at {REDIS_URL}: {exc}"
    finally:
        client.close()
    return None


def leaked_redis_keys() -> list[str]:
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
    try:
        return sorted(key.decode() for key in client.scan_iter(match=f"{REDIS_PREFIX}*", count=1000))
    finally:
        client.close()


def _run_of(pid: int) -> str | None:
    try:
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return None
    for entry in environ:
        if entry.startswith(f"{RUN_VAR}=".encode()):
            return entry.split(b"=", 1)[1].decode()
    return None


def leaked_processes(grace: float = 30.0) -> list[str]:
    """Processes that inherited this run's name and are still alive after `grace` seconds
    (xdist workers and the servers they stopped may take a moment to exit)."""
    deadline = time.monotonic() + grace
    while True:
        found = []
        for entry in os.listdir("/proc"):
            if entry.isdigit() and int(entry) != os.getpid() and _run_of(int(entry)) == RUN:
                try:
                    cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
                    state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
                except OSError:
                    continue
                if state != "Z":
                    found.append(f"{entry}: {cmdline.strip()[:200]}")
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.5)
