"""Polite polling: requests and freshness of the adaptive schedule vs polling every feed on every run.

A simulated week of `news_monitor` runs every 10 minutes over a mixed population of feeds (busy,
hourly, slow, daily, dead with 404s, flaky with 5xx, rate-limited with Retry-After). Both sides
see the same publications; the adaptive side polls only when `wirewatch.monitoring.health` says a feed is
due. Printed: requests per class and the lag from publication to fetch, for both, in one run.

    python -m benchmarks.polling [--feeds 1000] [--days 7]
"""

from __future__ import annotations

import argparse
import bisect
import random
import statistics
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from wirewatch.config import PollingPolicy
from wirewatch.monitoring import health
from wirewatch.monitoring.health import PollFacts

RUN_EVERY = timedelta(minutes=10)
START = datetime(2026, 11, 2, tzinfo=UTC)
# class -> (share of feeds, publication cadence, failure)
CLASSES = {
    "busy (5 min)": (0.30, timedelta(minutes=5), None),
    "hourly": (0.30, timedelta(hours=1), None),
    "slow (6 h)": (0.20, timedelta(hours=6), None),
    "daily": (0.08, timedelta(days=1), None),
    "dead (404)": (0.05, None, "http_404"),
    "flaky (30% 5xx)": (0.05, timedelta(hours=1), "http_503"),
    "rate-limited (429, 1 h)": (0.02, timedelta(minutes=30), "http_429"),
}


@dataclass
class SimFeed:
    feed_id: str
    kind: str
    published: list[datetime]
    failure: str | None
    state: dict = field(default_factory=dict)
    seen: int = 0  # publications fetched so far
    requests: int = 0
    lags: list[float] = field(default_factory=list)


def make_feeds(count: int, days: int, rng: random.Random) -> list[SimFeed]:
    feeds = []
    end = START + timedelta(days=days)
    for kind, (share, cadence, failure) in CLASSES.items():
        for n in range(max(1, round(count * share))):
            times = []
            if cadence:
                at = START - cadence * 20 + cadence * rng.random()
                while at < end:
                    times.append(at)
                    at += cadence * rng.uniform(0.5, 1.5)
            feeds.append(SimFeed(f"{kind}-{n}", kind, times, failure))
    return feeds


def poll(feed: SimFeed, at: datetime, rng: random.Random) -> PollFacts:
    feed.requests += 1
    if feed.failure == "http_404" or (feed.failure == "http_503" and rng.random() < 0.3):
        return PollFacts("error", at, feed.failure)
    if feed.failure == "http_429" and feed.requests % 2:
        return PollFacts("error", at, "http_429", {"retry-after": "3600"})
    visible = bisect.bisect_right(feed.published, at)
    fresh = feed.published[feed.seen : visible]
    feed.lags += [(at - t).total_seconds() / 60 for t in fresh if t >= START]
    feed.seen = visible
    entries = tuple(feed.published[max(0, visible - 20) : visible])
    if not fresh:
        return PollFacts("not_modified", at)
    return PollFacts("ok", at, entry_times=entries, newest_new_item=fresh[-1])


def simulate(feeds: list[SimFeed], days: int, adaptive: bool, policy: PollingPolicy, seed: int) -> float:
    rng = random.Random(seed)
    runs = int(timedelta(days=days) / RUN_EVERY)
    started = time.perf_counter()
    for k in range(runs):
        as_of = START + RUN_EVERY * k
        for feed in feeds:
            if adaptive and not health.is_due(feed.state, as_of):
                continue
            facts = poll(feed, as_of + timedelta(seconds=2), rng)
            if adaptive:
                feed.state |= health.after_poll(feed.state, feed.feed_id, facts, policy, as_of)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--days", type=int, default=7)
    args = parser.parse_args()
    policy = PollingPolicy()
    every_run = make_feeds(args.feeds, args.days, random.Random(1))
    polite = make_feeds(args.feeds, args.days, random.Random(1))
    simulate(every_run, args.days, adaptive=False, policy=policy, seed=2)
    seconds = simulate(polite, args.days, adaptive=True, policy=policy, seed=2)
    total_runs = int(timedelta(days=args.days) / RUN_EVERY)
    print(
        f"{len(polite)} feeds, {args.days} days of runs every {RUN_EVERY.seconds // 60} min ({total_runs} runs)"
    )
    print(
        f"{'class':26} {'requests every-run':>19} {'adaptive':>9} {'ratio':>6}   {'median lag min, every-run / adaptive':>36}"
    )
    for kind in CLASSES:
        a = [f for f in every_run if f.kind == kind]
        b = [f for f in polite if f.kind == kind]
        ra, rb = sum(f.requests for f in a), sum(f.requests for f in b)
        la = [x for f in a for x in f.lags]
        lb = [x for f in b for x in f.lags]
        lag = f"{statistics.median(la):6.1f} / {statistics.median(lb):6.1f}" if la and lb else "–"
        print(f"{kind:26} {ra:19d} {rb:9d} {rb / ra:6.3f}   {lag:>36}")
    ra, rb = sum(f.requests for f in every_run), sum(f.requests for f in polite)
    print(f"{'all':26} {ra:19d} {rb:9d} {rb / ra:6.3f}")
    print(f"adaptive requests per baseline request: {rb / ra:.3f} ({ra / rb:.1f}x fewer)")
    dead = [f for f in polite if f.kind == "dead (404)"]
    print(
        f"dead feeds still polled: {all(f.requests > 1 for f in dead)} (every one, {min(f.requests for f in dead)} times or more)"
    )
    print(f"scheduling cost: {seconds / max(rb, 1) * 1e6:.1f} us per adaptive poll decision+update")


if __name__ == "__main__":
    main()
