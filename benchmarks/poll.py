"""Polling throughput: the pipeline's fetch stage against a sequential feedparser.parse(url) loop.

Both poll the same N outlets of the simulated wire (each on its own loopback address, 200 ms
latency by default) in the same run. The pipeline side is what `news_monitor` does per feed:
Fetcher.get (async, per-host and total limits) then parse_feed on the bytes.

    python -m benchmarks.poll [--feeds 200] [--latency 0.2]
"""

from __future__ import annotations

import argparse
import asyncio
import time

import feedparser

from wirewatch.config import Feed, FetchLimits
from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.ingest.feeds import parse_feed
from wirewatch.ingest.fetch import Fetcher


async def pipeline_poll(feeds: list[Feed], limits: FetchLimits) -> int:
    async def poll(fetcher: Fetcher, feed: Feed) -> int:
        response = await fetcher.get(feed.url)
        if not response.ok:
            raise RuntimeError(f"{feed.id}: {response.error_class} {response.error_message}")
        return len(parse_feed(response.body, response.headers, feed.url)[0])

    async with Fetcher(limits) as fetcher:
        return sum(await asyncio.gather(*(poll(fetcher, feed) for feed in feeds)))


def sequential_poll(feeds: list[Feed]) -> int:
    return sum(len(feedparser.parse(feed.url).entries) for feed in feeds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args()
    limits = FetchLimits(allow_networks=["127.0.0.0/8"])  # the wire is on loopback
    frozen = time.time()  # both sides must see the same items: no new ones mid-benchmark
    settings = WireSettings(port=0, outlets=args.feeds, latency=args.latency)
    with SimWire(settings, clock=lambda: frozen) as wire:
        feeds = [Feed(**{k: f[k] for k in ("id", "outlet", "url", "language")}) for f in wire.feeds()]
        started = time.perf_counter()
        ours = asyncio.run(pipeline_poll(feeds, limits))
        pipeline_s = time.perf_counter() - started
        started = time.perf_counter()
        theirs = sequential_poll(feeds)
        sequential_s = time.perf_counter() - started
    print(
        f"feeds: {len(feeds)} on {len({f.host for f in feeds})} hosts, latency {args.latency * 1000:.0f} ms"
    )
    print(f"pipeline fetch stage   {pipeline_s:7.2f} s   entries {ours}")
    print(f"sequential feedparser  {sequential_s:7.2f} s   entries {theirs}")
    print(f"speed-up: {sequential_s / pipeline_s:.1f}x (target at 200 feeds: >= 20x)")
    if ours != theirs:
        raise SystemExit(f"entry counts differ: pipeline {ours}, sequential {theirs}")


if __name__ == "__main__":
    main()
