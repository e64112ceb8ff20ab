"""Feed health: weighing failures, deriving each feed's status, and deciding when it is due again.

Plain functions over a feed's stored state (a mapping of `feeds` columns) and the facts of one poll.
Errors are weighed: a 429, a 5xx, a timeout or a dropped connection is soft (the feed is probably
fine), a 404, a 410 or an unreadable document is hard. Backoff grows linearly with the weighted
failures up to a cap; dead feeds are still polled at the cap, so a feed that comes back recovers.
"""

from __future__ import annotations

import hashlib
import re
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from wirewatch.config import PollingPolicy

SOFT_ERRORS = frozenset({"http_429", "timeout", "connect_error", "connection_reset", "http_error"})
STATUSES = ("new", "ok", "failing", "dead")
# a publisher's clock may run ahead; entries dated further in the future are not used for cadence
_FUTURE_TOLERANCE = timedelta(hours=1)
_MAX_AGE_RE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.IGNORECASE)
_CADENCE_SAMPLE = 20


def utc(value: datetime | None) -> datetime | None:
    """Aware UTC; SQLite hands back naive datetimes for the UTC values we stored."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def is_soft(error_class: str) -> bool:
    return error_class in SOFT_ERRORS or bool(re.fullmatch(r"http_5\d\d", error_class))


def error_weight(error_class: str, policy: PollingPolicy) -> int:
    return policy.soft_weight if is_soft(error_class) else policy.hard_weight


@dataclass(frozen=True)
class PollFacts:
    """What one poll of a feed found out."""

    outcome: str  # ok | not_modified | error
    polled_at: datetime
    error_class: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    ttl_seconds: int | None = None
    entry_times: tuple[datetime, ...] = ()  # publication times of every entry the document lists
    newest_new_item: datetime | None = None  # publication time of the newest entry not seen before


def usual_cadence(times: Iterable[datetime], now: datetime) -> int | None:
    """Median gap in seconds between the latest publications, or None with fewer than three."""
    distinct = sorted({t for t in (utc(x) for x in times) if t is not None and t <= now + _FUTURE_TOLERANCE})
    latest = distinct[-(_CADENCE_SAMPLE + 1) :]
    gaps = [(b - a).total_seconds() for a, b in zip(latest, latest[1:], strict=False)]
    if len(gaps) < 2:
        return None
    return max(1, round(statistics.median(gaps)))


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Retry-After as delta-seconds or an HTTP date; None when absent or unreadable."""
    text = (value or "").strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, (utc(when) - now).total_seconds())


def max_age_seconds(cache_control: str | None) -> int | None:
    text = cache_control or ""
    if re.search(r"no-store|no-cache", text, re.IGNORECASE):
        return None
    m = _MAX_AGE_RE.search(text)
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


def jitter_share(feed_id: str, polled_at: datetime) -> float:
    """A stable share in [0, 1) that differs between feeds, so failed feeds do not retry in lockstep."""
    digest = hashlib.sha256(f"{feed_id}|{polled_at.isoformat()}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


def base_interval(cadence_seconds: int | None, policy: PollingPolicy) -> tuple[timedelta, str]:
    """The healthy interval: a share of the usual cadence, within the configured bounds."""
    if cadence_seconds is None:
        return policy.min_interval, "min_interval"
    cadence = timedelta(seconds=cadence_seconds) * policy.cadence_share
    if cadence <= policy.min_interval:
        return policy.min_interval, "min_interval"
    if cadence >= policy.max_interval:
        return policy.max_interval, "max_interval"
    return cadence, "cadence"


def backoff_delay(base: timedelta, failure_weight: int, policy: PollingPolicy) -> timedelta:
    """Linear in the weighted failures, capped; never shorter than the healthy interval."""
    return max(base, min(base + policy.backoff_step * failure_weight, policy.backoff_cap))


def next_poll(
    feed_id: str,
    facts: PollFacts,
    cadence_seconds: int | None,
    failure_weight: int,
    policy: PollingPolicy,
    as_of: datetime,
) -> tuple[datetime, str]:
    """When the feed is due again and why.

    Intervals count from `as_of`, the scheduled time of the run that polled, so a feed due every
    run stays due every run however long the poll itself took. Retry-After counts from the response.
    """
    base, reason = base_interval(cadence_seconds, policy)
    hints: dict[str, float | None]
    if facts.outcome == "error":
        delay = backoff_delay(base, failure_weight, policy)
        if delay > base:
            reason = "backoff"
        delay *= 1 + policy.jitter * jitter_share(feed_id, facts.polled_at)
        hints = {"retry-after": retry_after_seconds(facts.headers.get("retry-after"), facts.polled_at)}
    else:
        delay = base
        hints = {
            "ttl": facts.ttl_seconds,
            "cache-control": max_age_seconds(facts.headers.get("cache-control")),
        }
    due = as_of + delay
    for name, seconds in hints.items():
        if seconds:
            hinted = (facts.polled_at if name == "retry-after" else as_of) + min(
                timedelta(seconds=seconds), policy.hint_cap
            )
            if hinted > due:
                due, reason = hinted, name
    return due, reason


def derive_status(last_polled_at: datetime | None, failures: int, weight: int, policy: PollingPolicy) -> str:
    if last_polled_at is None:
        return "new"
    if failures and weight >= policy.dead_after:
        return "dead"
    return "failing" if failures else "ok"


def stale_after(cadence_seconds: int | None, policy: PollingPolicy) -> timedelta:
    usual = timedelta(seconds=cadence_seconds) if cadence_seconds else policy.max_interval
    return max(policy.stale_min, usual * policy.stale_after_cadences)


def is_stale(state: Mapping[str, Any], policy: PollingPolicy, now: datetime) -> bool:
    """Silent for several times its usual cadence; a feed that never had an item is not stale."""
    last = utc(state.get("last_new_item_at"))
    return last is not None and now - last > stale_after(state.get("cadence_seconds"), policy)


def alert_state(state: Mapping[str, Any] | None, policy: PollingPolicy, now: datetime) -> str:
    """What operators hear about: dead, stale, or ok."""
    if not state:
        return "ok"
    if state.get("status") == "dead":
        return "dead"
    return "stale" if is_stale(state, policy, now) else "ok"


def is_due(state: Mapping[str, Any] | None, as_of: datetime) -> bool:
    due = utc((state or {}).get("next_poll_at"))
    return due is None or due <= as_of


def after_poll(
    previous: Mapping[str, Any] | None,
    feed_id: str,
    facts: PollFacts,
    policy: PollingPolicy,
    as_of: datetime,
) -> dict[str, Any]:
    """The feed's health columns after this poll."""
    prev = previous or {}
    if facts.outcome == "error":
        failures = (prev.get("consecutive_failures") or 0) + 1
        weight = (prev.get("failure_weight") or 0) + error_weight(facts.error_class or "", policy)
        last_success = utc(prev.get("last_success_at"))
    else:
        failures = weight = 0
        last_success = facts.polled_at
    cadence = usual_cadence(facts.entry_times, facts.polled_at) or prev.get("cadence_seconds")
    last_new = max(
        (t for t in (utc(prev.get("last_new_item_at")), utc(facts.newest_new_item)) if t is not None),
        default=None,
    )
    due, reason = next_poll(feed_id, facts, cadence, weight, policy, as_of)
    state = {
        "last_polled_at": facts.polled_at,
        "last_success_at": last_success,
        "consecutive_failures": failures,
        "failure_weight": weight,
        "last_error_class": facts.error_class if facts.outcome == "error" else None,
        "status": derive_status(facts.polled_at, failures, weight, policy),
        "cadence_seconds": cadence,
        "last_new_item_at": last_new,
        "next_poll_at": due,
        "next_poll_reason": reason,
    }
    state["stale"] = is_stale(state, policy, facts.polled_at)
    return state


def split_due(
    feed_ids: Iterable[str], states: Mapping[str, Mapping[str, Any]], as_of: datetime
) -> tuple[list[str], list[dict[str, Any]]]:
    """Feed ids due at `as_of`, and the skipped ones with when they are due and why."""
    due: list[str] = []
    skipped: list[dict[str, Any]] = []
    for feed_id in feed_ids:
        state = states.get(feed_id) or {}
        next_at = utc(state.get("next_poll_at"))
        if next_at is None or next_at <= as_of:
            due.append(feed_id)
        else:
            skipped.append(
                {
                    "feed_id": feed_id,
                    "next_poll_at": next_at.isoformat(),
                    "reason": state.get("next_poll_reason"),
                    "status": state.get("status"),
                }
            )
    return due, skipped
