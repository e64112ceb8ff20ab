"""Fetch limits against a real server on loopback."""

import asyncio
import gzip

import httpx
import pytest

from tests.loopback import LoopbackServer, respond
from wirewatch.config import FetchLimits
from wirewatch.ingest.fetch import Fetcher

LOOPBACK = ["127.0.0.0/8"]


@pytest.fixture
def server():
    srv = LoopbackServer({})
    yield srv
    srv.close()


def fetch(limits: FetchLimits, url: str, headers=None):
    async def go():
        async with Fetcher(limits) as fetcher:
            return await fetcher.get(url, headers)

    return asyncio.run(go())


def test_ok_response_sends_user_agent_and_conditional_headers(server):
    seen = {}

    def route(handler):
        seen.update(handler.headers)
        respond(b"<rss/>", headers={"ETag": '"x"'})(handler)

    server.routes["/feed"] = route
    result = fetch(
        FetchLimits(allow_networks=LOOPBACK, user_agent="WirewatchTest/1"),
        f"{server.url}/feed",
        {"If-None-Match": '"old"'},
    )
    assert result.ok and result.body == b"<rss/>" and result.headers["etag"] == '"x"'
    assert seen["User-Agent"] == "WirewatchTest/1" and seen["If-None-Match"] == '"old"'


def test_body_cap_by_content_length_and_by_streaming(server):
    server.routes["/big"] = respond(b"x" * 5000)
    result = fetch(FetchLimits(allow_networks=LOOPBACK, max_body_bytes=1000), f"{server.url}/big")
    assert result.error_class == "body_too_large" and result.body == b""


def test_gzip_bomb_is_capped_after_decompression(server):
    bomb = gzip.compress(b"\0" * 2_000_000)
    server.routes["/bomb"] = respond(bomb, headers={"Content-Encoding": "gzip"})
    result = fetch(FetchLimits(allow_networks=LOOPBACK, max_body_bytes=100_000), f"{server.url}/bomb")
    assert len(bomb) < 100_000
    assert result.error_class == "body_too_large"


def test_redirect_loop_is_bounded(server):
    server.routes["/loop"] = respond(b"", status=302, headers={"Location": "/loop"})
    result = fetch(FetchLimits(allow_networks=LOOPBACK, max_redirects=3), f"{server.url}/loop")
    assert result.error_class == "too_many_redirects"


def test_http_errors_are_classified_with_retry_after(server):
    server.routes["/busy"] = respond(b"slow down", status=429, headers={"Retry-After": "120"})
    result = fetch(FetchLimits(allow_networks=LOOPBACK), f"{server.url}/busy")
    assert result.error_class == "http_429" and "Retry-After: 120" in result.error_message


def test_read_timeout(server):
    server.routes["/slow"] = respond(b"late", delay=2.0)
    result = fetch(FetchLimits(allow_networks=LOOPBACK, read_timeout=0.3), f"{server.url}/slow")
    assert result.error_class == "timeout"


def test_connection_refused_is_a_result_not_an_exception():
    result = fetch(FetchLimits(allow_networks=LOOPBACK, connect_timeout=1), "http://127.0.0.1:9/feed")
    assert result.error_class == "connect_error" and result.http_status is None


def test_per_host_concurrency_limit(server):
    server.routes["/slow"] = respond(b"ok", delay=0.2)

    async def go():
        async with Fetcher(
            FetchLimits(allow_networks=LOOPBACK, per_host_concurrency=2, total_concurrency=50)
        ) as fetcher:
            return await asyncio.gather(*(fetcher.get(f"{server.url}/slow?n={n}") for n in range(8)))

    results = asyncio.run(go())
    assert all(r.ok for r in results)
    assert server.max_in_flight == 2


def test_per_host_limit_seen_by_the_wire():
    from wirewatch.devstack.simwire import SimWire, WireSettings

    with SimWire(WireSettings(port=0, latency=0.1)) as wire:
        urls = [t.url for t in wire.truth()]

        async def go():
            async with Fetcher(FetchLimits(allow_networks=LOOPBACK, per_host_concurrency=2)) as fetcher:
                return await asyncio.gather(*(fetcher.get(url) for url in urls))

        assert all(r.ok for r in asyncio.run(go()))
        seen = wire.max_concurrent_requests()
    hosts = {httpx.URL(url).host for url in urls}
    assert set(seen) == hosts and len(hosts) >= 8 and max(seen.values()) == 2
