"""Feed credentials come from a connection, reach only the feed's server, and show up nowhere else:
not in run summaries, logs, the warehouse, the digest or the CLI's output."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import yaml
from sqlalchemy import select
from typer.testing import CliRunner

from tests.loopback import LoopbackServer, respond
from tests.private_wire import CONNECTION, HEADER_KEY, LOGIN, PASSWORD, TOKEN, PrivateWire, leaks
from wirewatch.cli import app
from wirewatch.config import ConfigError, FetchLimits, load_feeds
from wirewatch.ingest.credentials import FeedCredentials, MissingCredentials, from_env
from wirewatch.ingest.fetch import Fetcher
from wirewatch.warehouse.db import make_engine
from wirewatch.warehouse.schema import feed_polls, metadata

pytestmark = pytest.mark.integration


def test_a_feed_url_with_credentials_is_refused_and_says_where_they_go(tmp_path):
    url = f"HTTPS://{LOGIN}:{PASSWORD}@feeds.example.org/private.rss"
    feed = {"id": "private-wire", "outlet": "Private", "url": url, "language": "en"}
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump({"active": "test", "lists": {"test": [feed]}}), encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_feeds(path)
    message = str(raised.value)
    assert message.startswith(str(path)) and "lists.test[0] (id=private-wire).url" in message
    assert "connection:" in message and "AIRFLOW_CONN_" in message
    assert leaks(message) == []


def test_connections_from_the_environment_in_json_and_uri_form():
    expected = FeedCredentials(LOGIN, PASSWORD, {"u": TOKEN}, {"X-Api-Key": HEADER_KEY})
    assert from_env("private_wire", {"AIRFLOW_CONN_PRIVATE_WIRE": CONNECTION}) == expected
    extra = json.dumps({"query": {"u": TOKEN}, "headers": {"X-Api-Key": HEADER_KEY}})
    uri = f"http://reader:pa%20ss%28w0rd%27%3CTail%40x%3A%2F%23@?__extra__={extra}"
    assert from_env("private_wire", {"AIRFLOW_CONN_PRIVATE_WIRE": uri}) == expected
    assert expected.auth == (LOGIN, PASSWORD) and set(expected.secrets) == {PASSWORD, TOKEN, HEADER_KEY}

    with pytest.raises(MissingCredentials, match="AIRFLOW_CONN_NOWHERE"):
        from_env("nowhere", {})
    with pytest.raises(MissingCredentials) as raised:
        from_env("broken", {"AIRFLOW_CONN_BROKEN": '{"password": "' + PASSWORD})
    assert leaks(str(raised.value)) == []


def test_credentials_reach_the_feed_server_and_no_other():
    seen: list[tuple[str, dict[str, str]]] = []

    def record(handler):
        seen.append((handler.path, dict(handler.headers)))
        respond(b"<rss/>", headers={"Content-Type": "application/rss+xml"})(handler)

    elsewhere = LoopbackServer({"/moved.rss": record})
    home = LoopbackServer(
        {
            "/private.rss": record,
            "/moved.rss": respond(b"", 302, {"Location": f"{elsewhere.url}/moved.rss"}),
        }
    )
    credentials = FeedCredentials(LOGIN, PASSWORD, {"u": TOKEN}, {"X-Api-Key": HEADER_KEY})

    async def get(path: str):
        async with Fetcher(FetchLimits(allow_networks=["127.0.0.0/8"])) as fetcher:
            return await fetcher.get(f"{home.url}{path}?page=2", credentials=credentials)

    try:
        assert asyncio.run(get("/private.rss")).ok
        assert asyncio.run(get("/moved.rss")).ok
    finally:
        home.close()
        elsewhere.close()
    (path, headers), (moved_path, moved_headers) = seen
    basic = base64.b64encode(f"{LOGIN}:{PASSWORD}".encode()).decode()
    assert path == "/private.rss?page=2&u=T0KEN-under-an-innocent-name"
    assert headers["Authorization"] == f"Basic {basic}" and headers["X-Api-Key"] == HEADER_KEY
    # the other server gets the URL it was sent to, and none of the credentials
    assert moved_path == "/moved.rss"
    assert "Authorization" not in moved_headers and "X-Api-Key" not in moved_headers


@pytest.fixture
def private_wire():
    with PrivateWire() as server:
        yield server


def test_no_secret_in_summaries_logs_warehouse_or_digest(
    tmp_path, private_wire, warehouse_url, monkeypatch, caplog
):
    monkeypatch.setenv("WIREWATCH_FEEDS_FILE", str(private_wire.feeds_file(tmp_path / "feeds.yaml")))
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("WIREWATCH_WAREHOUSE_URL", warehouse_url)
    monkeypatch.setenv("AIRFLOW_CONN_PRIVATE_WIRE", CONNECTION)
    monkeypatch.delenv("AIRFLOW_CONN_NOWHERE", raising=False)
    runner = CliRunner()
    caplog.set_level(logging.INFO, logger="wirewatch")

    result = runner.invoke(app, ["run-once"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["new_articles"] == 1 and summary["matches"] == {"dprk-troops-kursk": 1}
    assert summary["failed_feeds"]["private-gone"].startswith("http_404: HTTP 404 from")
    assert "apikey=***" in summary["failed_feeds"]["private-gone"]
    assert "AIRFLOW_CONN_NOWHERE" in summary["failed_feeds"]["no-connection"]
    assert leaks(result.output) == []
    # the run summary (match_topics' log line and Asset extra) and the feed's warning line
    assert any(r.getMessage().startswith("run summary") for r in caplog.records)
    assert any(r.getMessage().startswith("feed private-gone") for r in caplog.records)
    assert leaks("\n".join(r.getMessage() for r in caplog.records)) == []

    engine = make_engine(warehouse_url)
    with engine.connect() as conn:
        stored = "\n".join(
            repr(tuple(row)) for table in metadata.sorted_tables for row in conn.execute(select(table))
        )
        errors = dict(conn.execute(select(feed_polls.c.feed_id, feed_polls.c.error_class)).all())
    engine.dispose()
    assert errors == {"private": None, "private-gone": "http_404", "no-connection": "missing_credentials"}
    assert f"{private_wire.url}/article" in stored and leaks(stored) == []

    day = datetime.now(ZoneInfo("Europe/Zurich")).date().isoformat()
    for out in (tmp_path / "digest.html", tmp_path / "digest.txt"):
        result = runner.invoke(app, ["digest", "preview", "--date", day, "--out", str(out)])
        assert result.exit_code == 0, result.output
        digest = out.read_text(encoding="utf-8")
        # the story links to the article, the footer names the failed feed with its redacted error
        assert f"{private_wire.url}/article" in digest and "apikey=***" in digest
        assert leaks(digest) == []
