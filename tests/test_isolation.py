"""The suite's own isolation: the leak check sees what a run leaves behind, and work shared by the
workers of a run is done once."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile

import pytest
import sqlalchemy

from tests import isolation
from tests.conftest import skip_or_fail


def test_the_run_has_its_own_temp_dir():
    assert tempfile.gettempdir() == str(isolation.RUN_TMP)
    assert isolation.RUN in isolation.RUN_TMP.name
    assert os.environ["TMPDIR"] == str(isolation.RUN_TMP)


def test_a_process_that_inherited_the_run_name_is_a_leak_until_it_ends():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert any(line.startswith(f"{child.pid}:") for line in isolation.leaked_processes(grace=0))
    finally:
        child.kill()
        child.wait()
    assert not any(line.startswith(f"{child.pid}:") for line in isolation.leaked_processes(grace=0))


@pytest.mark.postgres
def test_a_database_named_for_the_run_is_a_leak_until_dropped(postgres_url):
    name = isolation.database_name("leakcheck")
    isolation.create_database(isolation.POSTGRES_ADMIN_URL, name)
    try:
        assert name in isolation.leaked_databases()
    finally:
        isolation.drop_database(isolation.POSTGRES_ADMIN_URL, name)
    assert name not in isolation.leaked_databases()
    # the session's own warehouse database is named for the run too
    assert sqlalchemy.make_url(postgres_url).database.startswith(isolation.DATABASE_PREFIX)


@pytest.mark.integration
def test_a_redis_key_with_the_run_prefix_is_a_leak_until_deleted():
    if reason := isolation.redis_unavailable_reason():
        skip_or_fail(reason)
    import redis

    client = redis.Redis.from_url(isolation.REDIS_URL)
    key = f"{isolation.REDIS_PREFIX}{isolation.WORKER}:leakcheck"
    try:
        client.set(key, "x")
        assert key in isolation.leaked_redis_keys()
    finally:
        client.delete(key)
        client.close()
    assert key not in isolation.leaked_redis_keys()


def test_once_per_run_builds_once_and_shares_the_result(tmp_path):
    calls = []

    def build(work):
        calls.append(work)
        (work / "made").write_text("here")
        return work / "made"

    name = f"test-{isolation.WORKER}-{tmp_path.name}"
    first = isolation.once_per_run(name, build)
    second = isolation.once_per_run(name, build)
    assert first == second and first.read_text() == "here"
    assert len(calls) == 1


def test_an_smtp_server_that_lost_its_port_starts_on_another():
    from aiosmtpd.controller import Controller

    from tests.mailsink import start_on_a_free_port
    from wirewatch.devstack.mailsink import SinkHandler

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        tried = []

        def make(port):
            # the first port offered goes to another process before the server binds it
            tried.append(taken.getsockname()[1] if not tried else port)
            return Controller(SinkHandler(), hostname="127.0.0.1", port=tried[-1], ready_timeout=5)

        server = start_on_a_free_port(make)
        try:
            assert len(tried) == 2 and server.port == tried[1] != tried[0]
        finally:
            server.stop()
