"""Feed health as pure functions: weights, status, the backoff schedule, server hints, cadence, staleness."""

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from wirewatch.config import ConfigError, PollingPolicy, load_feeds
from wirewatch.monitoring import health
from wirewatch.monitoring.health import PollFacts

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
NO_JITTER = PollingPolicy(jitter=0)


def fail(error_class: str, at: datetime, **headers: str) -> PollFacts:
    return PollFacts("error", at, error_class, {k.replace("_", "-"): v for k, v in headers.items()})


def poll_sequence(facts_at, policy: PollingPolicy, rounds: int, feed_id: str = "f") -> list[dict]:
    """Poll whenever the feed is due, `rounds` times; the states after each poll."""
    state: dict | None = None
    as_of = T0
    states = []
    for _ in range(rounds):
        state = {**(state or {}), **health.after_poll(state, feed_id, facts_at(as_of), policy, as_of)}
        states.append(state)
        as_of = state["next_poll_at"]
    return states


@pytest.mark.parametrize(
    ("error_class", "soft"),
    [
        ("http_429", True),
        ("http_500", True),
        ("http_503", True),
        ("timeout", True),
        ("connect_error", True),
        ("connection_reset", True),
        ("http_404", False),
        ("http_410", False),
        ("http_403", False),
        ("parse_error", False),
        ("body_too_large", False),
        ("too_many_redirects", False),
    ],
)
def test_errors_are_weighed_soft_or_hard(error_class, soft):
    assert health.is_soft(error_class) is soft
    policy = PollingPolicy()
    assert health.error_weight(error_class, policy) == (policy.soft_weight if soft else policy.hard_weight)


def test_hard_errors_kill_a_feed_in_three_polls_soft_ones_in_nine():
    hard = poll_sequence(lambda at: fail("http_404", at), NO_JITTER, 4)
    assert [s["status"] for s in hard] == ["failing", "failing", "dead", "dead"]
    assert [s["failure_weight"] for s in hard] == [3, 6, 9, 12]
    soft = poll_sequence(lambda at: fail("timeout", at), NO_JITTER, 9)
    assert [s["status"] for s in soft] == ["failing"] * 8 + ["dead"]
    assert soft[-1]["consecutive_failures"] == 9


def test_backoff_is_linear_in_the_weighted_failures_and_capped():
    policy = NO_JITTER
    hard = poll_sequence(lambda at: fail("http_410", at), policy, 14)
    starts = [T0] + [h["next_poll_at"] for h in hard[:-1]]
    delays = [s["next_poll_at"] - start for s, start in zip(hard, starts, strict=True)]
    # 5 min healthy interval + 10 min per weight unit; 410 weighs 3
    expected = [min(5 * MIN + 10 * MIN * 3 * k, timedelta(hours=6)) for k in range(1, 15)]
    assert delays == expected
    assert delays[-1] == timedelta(hours=6)  # capped, still polled: never silently disabled
    assert {s["next_poll_reason"] for s in hard} == {"backoff"}
    soft = poll_sequence(lambda at: fail("http_500", at), policy, 3)
    assert [s["next_poll_at"] - T0 for s in soft][0] == 15 * MIN


def test_a_success_resets_failures_and_the_interval():
    policy = NO_JITTER
    states = poll_sequence(lambda at: fail("http_404", at), policy, 3)
    ok = health.after_poll(states[-1], "f", PollFacts("not_modified", T0), policy, T0)
    assert ok["status"] == "ok" and ok["failure_weight"] == 0 and ok["consecutive_failures"] == 0
    assert ok["next_poll_at"] == T0 + policy.min_interval
    assert ok["last_success_at"] == T0


def test_jitter_spreads_failed_feeds_and_only_ever_delays():
    policy = PollingPolicy(jitter=0.1)
    due = {
        f"feed-{n}": health.after_poll(None, f"feed-{n}", fail("http_503", T0), policy, T0)["next_poll_at"]
        for n in range(20)
    }
    plain = T0 + policy.min_interval + policy.backoff_step
    assert all(plain <= at <= plain + (plain - T0) * 0.1 for at in due.values())
    assert len(set(due.values())) == 20
    healthy = health.after_poll(None, "feed-0", PollFacts("ok", T0), policy, T0)
    assert healthy["next_poll_at"] == T0 + policy.min_interval  # healthy feeds keep their slot


def test_retry_after_is_honoured_in_seconds_or_as_a_date_and_capped_at_a_day():
    policy = NO_JITTER
    seconds = health.after_poll(None, "f", fail("http_429", T0, retry_after="7200"), policy, T0)
    assert seconds["next_poll_at"] == T0 + timedelta(hours=2)
    assert seconds["next_poll_reason"] == "retry-after"
    date = format_datetime(T0 + timedelta(hours=3), usegmt=True)
    dated = health.after_poll(None, "f", fail("http_503", T0, retry_after=date), policy, T0)
    assert dated["next_poll_at"] == T0 + timedelta(hours=3)
    huge = health.after_poll(None, "f", fail("http_429", T0, retry_after=str(9 * 86400)), policy, T0)
    assert huge["next_poll_at"] == T0 + timedelta(hours=24)
    short = health.after_poll(None, "f", fail("http_429", T0, retry_after="60"), policy, T0)
    assert short["next_poll_at"] == T0 + 15 * MIN and short["next_poll_reason"] == "backoff"
    # counted from the response, not from the run's scheduled time
    late = T0 + 3 * MIN
    later = health.after_poll(None, "f", fail("http_429", late, retry_after="3600"), policy, T0)
    assert later["next_poll_at"] == late + timedelta(hours=1)


def test_rss_ttl_and_cache_control_set_a_floor():
    policy = NO_JITTER
    ttl = health.after_poll(None, "f", PollFacts("ok", T0, ttl_seconds=3600), policy, T0)
    assert (ttl["next_poll_at"] - T0, ttl["next_poll_reason"]) == (timedelta(hours=1), "ttl")
    cached = PollFacts("not_modified", T0, headers={"cache-control": "public, max-age=1800"})
    assert health.after_poll(None, "f", cached, policy, T0)["next_poll_reason"] == "cache-control"
    assert health.after_poll(None, "f", cached, policy, T0)["next_poll_at"] == T0 + 30 * MIN
    no_store = PollFacts("ok", T0, headers={"cache-control": "no-store, max-age=1800"})
    assert health.after_poll(None, "f", no_store, policy, T0)["next_poll_at"] == T0 + policy.min_interval
    week = PollFacts("ok", T0, ttl_seconds=7 * 86400)
    assert health.after_poll(None, "f", week, policy, T0)["next_poll_at"] == T0 + timedelta(hours=24)


def test_interval_follows_the_cadence_within_bounds():
    policy = NO_JITTER

    def entries_every(gap: timedelta) -> tuple[datetime, ...]:
        return tuple(T0 - gap * k for k in range(10))

    hourly = health.after_poll(
        None, "f", PollFacts("ok", T0, entry_times=entries_every(timedelta(hours=1))), policy, T0
    )
    assert hourly["cadence_seconds"] == 3600
    # polled twice per usual gap by default
    assert (hourly["next_poll_at"] - T0, hourly["next_poll_reason"]) == (timedelta(minutes=30), "cadence")
    once = PollingPolicy(jitter=0, cadence_share=1)
    assert health.after_poll(
        None, "f", PollFacts("ok", T0, entry_times=entries_every(timedelta(hours=1))), once, T0
    )["next_poll_at"] == T0 + timedelta(hours=1)
    busy = PollFacts("ok", T0, entry_times=entries_every(timedelta(seconds=30)))
    assert health.after_poll(None, "f", busy, policy, T0)["next_poll_at"] == T0 + policy.min_interval
    weekly = PollFacts("ok", T0, entry_times=entries_every(timedelta(days=7)))
    assert health.after_poll(None, "f", weekly, policy, T0)["next_poll_at"] == T0 + policy.max_interval
    # a 304 has no entries: the cadence learnt before stays
    kept = health.after_poll(hourly, "f", PollFacts("not_modified", T0), policy, T0)
    assert kept["cadence_seconds"] == 3600
    assert health.usual_cadence([T0, T0 - MIN], T0) is None  # too few to tell


def test_stale_when_silent_for_several_cadences_and_at_least_the_minimum():
    policy = PollingPolicy(stale_after_cadences=4, stale_min=timedelta(hours=3))
    hourly = {"last_new_item_at": T0, "cadence_seconds": 3600, "status": "ok"}
    assert not health.is_stale(hourly, policy, T0 + timedelta(hours=3, minutes=59))
    assert health.is_stale(hourly, policy, T0 + timedelta(hours=4, minutes=1))
    busy = {"last_new_item_at": T0, "cadence_seconds": 300, "status": "ok"}
    assert not health.is_stale(busy, policy, T0 + timedelta(hours=2))  # 4 x 5 min, but stale_min is 3 h
    assert health.is_stale(busy, policy, T0 + timedelta(hours=3, minutes=1))
    assert health.alert_state(busy, policy, T0 + timedelta(hours=4)) == "stale"
    assert health.alert_state({**busy, "status": "dead"}, policy, T0 + timedelta(hours=4)) == "dead"
    assert health.alert_state({"status": "failing"}, policy, T0) == "ok"
    # naive datetimes (SQLite) count as UTC
    naive = {"last_new_item_at": T0.replace(tzinfo=None), "cadence_seconds": 3600}
    assert health.is_stale(naive, policy, T0 + timedelta(hours=5))


def test_last_new_item_only_moves_forward():
    policy = NO_JITTER
    first = health.after_poll(None, "f", PollFacts("ok", T0, newest_new_item=T0 - MIN), policy, T0)
    second = health.after_poll(first, "f", PollFacts("ok", T0 + MIN, newest_new_item=None), policy, T0)
    assert second["last_new_item_at"] == T0 - MIN


def test_due_and_skipped_feeds_are_split_at_the_runs_time():
    states = {
        "due": {"next_poll_at": T0 - MIN},
        "exactly": {"next_poll_at": T0},
        "later": {"next_poll_at": T0 + MIN, "next_poll_reason": "backoff", "status": "failing"},
    }
    due, skipped = health.split_due(["new", "due", "exactly", "later"], states, T0)
    assert due == ["new", "due", "exactly"]
    assert skipped == [
        {
            "feed_id": "later",
            "next_poll_at": (T0 + MIN).isoformat(),
            "reason": "backoff",
            "status": "failing",
        }
    ]


def test_polling_config_reads_durations_and_rejects_nonsense(tmp_path):
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "polling: {min_interval: 2m, max_interval: 12h, backoff_step: 90, hint_cap: 1d}\n"
        'lists: {x: [{id: a, outlet: A, url: "http://127.0.0.1/a", language: de}]}\nactive: x\n'
    )
    polling = load_feeds(path).polling
    assert polling.min_interval == timedelta(minutes=2)
    assert polling.max_interval == timedelta(hours=12)
    assert polling.backoff_step == timedelta(seconds=90)
    assert polling.hint_cap == timedelta(days=1)
    path.write_text(
        "polling: {min_interval: soon}\n"
        'lists: {x: [{id: a, outlet: A, url: "http://127.0.0.1/a", language: de}]}\nactive: x\n'
    )
    with pytest.raises(ConfigError, match=r"polling.min_interval.*'soon' is not a duration"):
        load_feeds(path)
