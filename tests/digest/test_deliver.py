"""Who gets which digest for which day (the DAG's plan task), from a real subscriptions file."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from wirewatch.config import DigestOptions, Settings, load_digest_config
from wirewatch.digest.deliver import (
    digest_day,
    first_covered_day,
    next_scheduled_digest,
    plan_jobs,
    recipient_key,
    watched,
)
from wirewatch.warehouse.db import make_engine, migrate
from wirewatch.warehouse.schema import feed_polls

TOPICS = "topics:\n  - {id: kursk, name: Kursk, query: kursk}\n  - {id: mars, name: Mars, query: mars}\n"
SUBSCRIPTIONS = """
digest: {timezone: Europe/Zurich}
lists:
  desk: ["Desk <Desk@Example.org>", b@example.org]
subscriptions:
  - {id: desk, recipients: [desk], topics: [kursk], language: de}
  - {id: mars, recipients: [desk@example.org], topics: [mars], empty_day: skip}
"""


@pytest.fixture
def config(tmp_path):
    (tmp_path / "topics.yaml").write_text(TOPICS)
    (tmp_path / "subscriptions.yaml").write_text(SUBSCRIPTIONS)
    return load_digest_config(
        Settings.from_env({"WIREWATCH_CONFIG_DIR": str(tmp_path), "WIREWATCH_DATA_DIR": str(tmp_path)})
    )


def test_a_scheduled_run_covers_the_previous_local_day():
    # 07:00 in Zurich on 25 November is 06:00 UTC; 00:30 in Zurich is still the 24th in UTC
    assert digest_day(datetime(2026, 11, 25, 6, 0, tzinfo=UTC), "Europe/Zurich") == date(2026, 11, 24)
    assert digest_day(datetime(2026, 11, 24, 23, 30, tzinfo=UTC), "Europe/Zurich") == date(2026, 11, 24)
    assert digest_day(datetime(2026, 11, 24, 23, 30, tzinfo=UTC), "UTC") == date(2026, 11, 23)
    assert digest_day(datetime(2026, 11, 25, 6, 0, tzinfo=UTC), "UTC", "2026-01-31") == date(2026, 1, 31)
    with pytest.raises(ValueError, match="date '31.01.2026' is not YYYY-MM-DD"):
        digest_day(datetime.now(UTC), "UTC", "31.01.2026")


def test_every_subscriber_once_with_all_their_topics(config):
    jobs = plan_jobs(config, date(2026, 11, 24))
    assert [(job.recipient, job.topics, job.language, job.empty_day) for job in jobs] == [
        ("Desk <Desk@Example.org>", ["kursk", "mars"], "de", "note"),
        ("b@example.org", ["kursk"], "de", "note"),
    ]
    assert jobs[0].subscriptions == ["desk", "mars"] and jobs[0].day == "2026-11-24"
    assert recipient_key(jobs[0].recipient) == "desk@example.org"


def test_manual_runs_pick_recipients_topics_and_force(config):
    jobs = plan_jobs(config, date(2026, 11, 24), ["DESK@example.org", "guest@example.org"], ["mars"], True)
    assert [(job.recipient, job.topics, job.language, job.force) for job in jobs] == [
        ("Desk <Desk@Example.org>", ["mars"], "de", True),
        ("guest@example.org", ["mars"], "en", True),
    ]
    # someone not subscribed gets every topic
    (guest,) = plan_jobs(config, date(2026, 11, 24), ["guest@example.org"])
    assert guest.topics == ["kursk", "mars"] and guest.subscriptions == []
    with pytest.raises(ValueError, match=r"unknown topics \['venus'\]"):
        plan_jobs(config, date(2026, 11, 24), topics=["venus"])
    with pytest.raises(ValueError, match="'not an address' is not an e-mail address"):
        plan_jobs(config, date(2026, 11, 24), ["not an address"])


def test_days_before_the_first_poll_get_no_scheduled_digest(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'warehouse.db'}")
    migrate(engine)
    assert first_covered_day(engine, "Europe/Zurich") is None
    assert not watched(engine, date(2026, 11, 24), "Europe/Zurich")
    with engine.begin() as conn:
        # 23:30 UTC on the 24th is already the 25th in Zurich
        conn.execute(
            feed_polls.insert(),
            [
                {
                    "run_id": "r1",
                    "feed_id": "f",
                    "url": "u",
                    "outcome": "ok",
                    "polled_at": datetime(2026, 11, 24, 23, 30, tzinfo=UTC),
                },
                {
                    "run_id": "r2",
                    "feed_id": "f",
                    "url": "u",
                    "outcome": "ok",
                    "polled_at": datetime(2026, 11, 26, 9, tzinfo=UTC),
                },
            ],
        )
    assert first_covered_day(engine, "Europe/Zurich") == date(2026, 11, 25)
    assert not watched(engine, date(2026, 11, 24), "Europe/Zurich")
    assert watched(engine, date(2026, 11, 25), "Europe/Zurich")


@pytest.mark.parametrize(
    ("now", "first_day", "expected"),
    [
        # started at 15:00 on the 25th: the 07:00 digest of the 26th covers the 25th
        (datetime(2026, 11, 25, 14, tzinfo=UTC), None, datetime(2026, 11, 26, 6, tzinfo=UTC)),
        # started at 05:00: today's 07:00 run would cover the 24th, which was not watched
        (datetime(2026, 11, 25, 4, tzinfo=UTC), date(2026, 11, 25), datetime(2026, 11, 26, 6, tzinfo=UTC)),
        # an installation watching since earlier days: the next 07:00
        (datetime(2026, 11, 25, 4, tzinfo=UTC), date(2026, 11, 20), datetime(2026, 11, 25, 6, tzinfo=UTC)),
        (datetime(2026, 11, 25, 6, tzinfo=UTC), date(2026, 11, 20), datetime(2026, 11, 26, 6, tzinfo=UTC)),
    ],
)
def test_next_scheduled_digest(now, first_day, expected):
    options = DigestOptions(send_at=time(7), timezone="Europe/Zurich")
    assert next_scheduled_digest(options, first_day, now) == expected
