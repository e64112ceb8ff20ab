"""Concurrency: 200 outlets with a second of latency answer 200 simultaneous requests together, not in turn."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from wirewatch.devstack.simwire import SimWire, WireSettings

pytestmark = pytest.mark.integration

HOSTS_PER_CLIENT = 10  # httpx's pool gets slow (quadratic) with hundreds of connections in one client


async def _get_all(urls: list[str]) -> list[httpx.Response]:
    groups = [urls[i : i + HOSTS_PER_CLIENT] for i in range(0, len(urls), HOSTS_PER_CLIENT)]
    clients = [httpx.AsyncClient(timeout=10) for _ in groups]
    try:
        return await asyncio.gather(
            *(c.get(u) for c, group in zip(clients, groups, strict=True) for u in group)
        )
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))


def test_200_concurrent_requests_are_answered_together():
    # a latency well above the client's own CPU time for 200 requests (seconds on a busy machine)
    latency = 1.0
    with SimWire(WireSettings(outlets=200, latency=latency)) as wire:
        urls = [f["url"] for f in wire.feeds()]
        assert len(urls) == 200
        started = time.perf_counter()
        responses = asyncio.run(_get_all(urls))
        elapsed = time.perf_counter() - started
        print(f"200 concurrent feed requests at {latency:.0f} s latency: {elapsed:.3f} s")
        assert all(r.status_code == 200 for r in responses)
        assert len({r.url.host for r in responses}) == 200
        # in turn, the requests would take 200 latencies; together, one plus the client's own work
        assert elapsed < 200 * latency / 4
