"""Who gets which digest for which day (the DAG's plan task), from a real subscriptions file."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from wirewatch.config import Settings, load_digest_config
from wirewatch.digest.deliver import digest_day, plan_jobs, recipient_key

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
