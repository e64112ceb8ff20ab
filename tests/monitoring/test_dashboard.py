"""What the Wirewatch page reads, on SQLite and PostgreSQL: health rows, sorting, per-day counts,
stories with copies collapsed, runs; and nothing secret in what it shows."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from lxml import html as lxml_html
from sqlalchemy import insert, select, update

from wirewatch.config import Feed, PollingPolicy
from wirewatch.monitoring.dashboard import chart, queries
from wirewatch.monitoring.dashboard.app import Dashboard
from wirewatch.warehouse import store
from wirewatch.warehouse.db import alembic_config, make_engine, migrate
from wirewatch.warehouse.schema import articles, clusters, feed_polls, feeds, matches, story_links

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
POLICY = PollingPolicy()
FEEDS = [
    Feed(id="alpha", outlet="Alpha Post", url="https://alpha.example/rss", language="en"),
    Feed(id="beta", outlet="beta Daily", url="https://beta.example/feed?token=SECRET", language="de"),
    Feed(id="gamma", outlet="Gamma", url="https://gamma.example/atom", language="fr"),
    Feed(id="delta", outlet="Delta", url="https://delta.example/rss", language="en"),
]


def feed_row(feed: Feed, **health) -> dict:
    return {"feed_id": feed.id, "outlet": feed.outlet, "url": feed.url, "language": feed.language} | health


def article(n: int, feed: str, published: datetime, cluster: str | None, run_id: str) -> dict:
    return {
        "article_id": f"a{n:023d}",
        "canonical_url": f"https://{feed}.example/{n}",
        "url": f"https://{feed}.example/{n}",
        "feed_id": feed,
        "outlet": feed.title(),
        "title": f"Headline {n}",
        "published_at": published,
        "fetched_at": published + timedelta(minutes=3),
        "body": "text",
        "status": "ok",
        "extraction_path": "trafilatura",
        "cluster_key": cluster,
        "loaded_by_run": run_id,
    }


def match(a: dict, topic: str, agency: str | None = None) -> dict:
    return {
        "article_id": a["article_id"],
        "topic_id": topic,
        "topic_name": topic.replace("-", " ").title(),
        "outlet": a["outlet"],
        "feed_id": a["feed_id"],
        "url": a["canonical_url"],
        "headline": a["title"],
        "language": "en",
        "published_at": a["published_at"],
        "fetched_at": a["fetched_at"],
        "agency": agency,
        "matched_terms": json.dumps(["x"]),
        "cluster_key": a["cluster_key"],
        "run_id": a["loaded_by_run"],
        "matched_at": a["fetched_at"],
    }


@pytest.fixture
def engine(warehouse_url):
    engine = make_engine(warehouse_url)
    migrate(engine)
    with engine.begin() as conn:
        for row in [
            feed_row(
                FEEDS[0],
                status="ok",
                last_polled_at=NOW,
                last_success_at=NOW - timedelta(minutes=5),
                cadence_seconds=3600,
                last_new_item_at=NOW - timedelta(hours=1),
                next_poll_at=NOW + timedelta(minutes=30),
                next_poll_reason="cadence",
            ),
            feed_row(
                FEEDS[1],
                status="dead",
                consecutive_failures=3,
                failure_weight=9,
                last_polled_at=NOW,
                last_error="http_410: HTTP 410 from https://u:pw@beta.example/feed?token=SECRET",
                next_poll_at=NOW + timedelta(hours=6),
                next_poll_reason="backoff",
            ),
            feed_row(
                FEEDS[2],
                status="ok",
                last_polled_at=NOW,
                last_success_at=NOW - timedelta(hours=1),
                cadence_seconds=600,
                last_new_item_at=NOW - timedelta(hours=5),
            ),
        ]:
            conn.execute(insert(feeds).values(row))
    day = timedelta(days=1)
    rows = [
        article(1, "alpha", NOW - timedelta(hours=2), "story:one", "run-2"),
        article(2, "gamma", NOW - timedelta(hours=1), "story:one", "run-2"),
        article(3, "alpha", NOW - 3 * day, None, "run-1"),
        article(4, "alpha", NOW - 20 * day, "story:old", "run-0"),
        article(5, "alpha", NOW - 40 * day, "story:older", "run-0"),
    ]
    with engine.begin() as conn:
        conn.execute(
            insert(feed_polls).values(run_id="run-2", feed_id="alpha", url="u", polled_at=NOW, outcome="ok")
        )
        conn.execute(insert(articles), rows)
        conn.execute(
            insert(matches),
            [
                match(rows[0], "kursk", "ATS"),
                match(rows[0], "troops"),
                match(rows[1], "kursk", "ATS"),
                match(rows[2], "kursk"),
                match(rows[3], "troops"),
                match(rows[4], "troops"),
            ],
        )
    return engine


def test_health_rows_cover_every_configured_feed_worst_first(engine):
    rows = queries.feed_health(engine, FEEDS, POLICY, NOW)
    assert [r["feed_id"] for r in rows] == ["beta", "gamma", "delta", "alpha"]
    by_id = {r["feed_id"]: r for r in rows}
    assert by_id["gamma"]["stale"] and by_id["gamma"]["silent_seconds"] == 5 * 3600
    assert not by_id["alpha"]["stale"]
    assert by_id["delta"]["status"] == "new" and by_id["delta"]["last_success_at"] is None
    assert by_id["beta"]["url"] == "https://beta.example/feed?token=***"
    assert "SECRET" not in json.dumps(rows) and "pw@" not in json.dumps(rows)
    # first polled at NOW, but its oldest item in the window is 3 days old: 2 items over 3 days
    assert by_id["alpha"]["items_per_day"] == round(2 / 3, 1)
    assert by_id["alpha"]["items_span_seconds"] == 3 * 86400
    assert by_id["delta"]["items_span_seconds"] is None  # never polled


def test_item_rates_cover_the_history_there_is(engine):
    with engine.begin() as conn:
        # watched for weeks: the whole 7-day window
        conn.execute(
            insert(feed_polls).values(
                run_id="run-0", feed_id="alpha", url="u", polled_at=NOW - timedelta(days=20), outcome="ok"
            )
        )
        # first polled an hour ago, with a backlog of 12 items published every 10 minutes before that
        conn.execute(
            insert(feed_polls).values(
                run_id="run-2", feed_id="gamma", url="u", polled_at=NOW - timedelta(hours=1), outcome="ok"
            )
        )
        backlog = [
            article(100 + n, "gamma", NOW - timedelta(minutes=70 + 10 * n), None, "run-2") for n in range(12)
        ]
        conn.execute(insert(articles), backlog)
    by_id = {r["feed_id"]: r for r in queries.feed_health(engine, FEEDS, POLICY, NOW)}
    alpha = by_id["alpha"]
    assert (alpha["items_per_day"], alpha["items_span_seconds"]) == (round(2 / 7, 1), 7 * 86400)
    # 13 items (the backlog and one since) over the 3 h since the oldest, not over 7 days
    gamma = by_id["gamma"]
    assert (gamma["items_per_day"], gamma["items_span_seconds"]) == (round(13 * 24 / 3, 1), 3 * 3600)


@pytest.mark.parametrize(
    ("sort", "descending", "expected"),
    [
        ("outlet", False, ["alpha", "beta", "delta", "gamma"]),  # case-insensitive
        ("outlet", True, ["gamma", "delta", "beta", "alpha"]),
        ("failures", True, ["beta", "alpha", "delta", "gamma"]),
        ("silent", True, ["gamma", "alpha", "beta", "delta"]),  # never silent (no item yet) last
        ("next_poll", False, ["alpha", "beta", "delta", "gamma"]),
    ],
)
def test_health_rows_sort_by_any_column(engine, sort, descending, expected):
    assert [
        r["feed_id"] for r in queries.feed_health(engine, FEEDS, POLICY, NOW, sort, descending)
    ] == expected


def test_unknown_sort_is_refused():
    with pytest.raises(ValueError, match="cannot sort by 'color'"):
        queries.sort_feeds([], "color", False)


def test_matches_per_topic_per_day_for_7_and_30_days(engine):
    week = queries.matches_per_day(engine, 7, NOW)
    assert week["days"][0] == "2026-11-19" and week["days"][-1] == "2026-11-25"
    kursk = next(t for t in week["topics"] if t["topic_id"] == "kursk")
    assert kursk["matches"] == [0, 0, 0, 1, 0, 0, 2] and kursk["stories"] == [0, 0, 0, 1, 0, 0, 1]
    month = queries.matches_per_day(engine, 30, NOW)
    troops = next(t for t in month["topics"] if t["topic_id"] == "troops")
    assert sum(troops["matches"]) == 2  # the 40-day-old match is outside
    svg = chart.line_chart(month, "30 days")
    assert svg.count("<circle") == 60 and svg.count("<polyline") == 2 and 'data-days="30"' in svg


def test_latest_stories_collapse_copies_and_keep_their_runs(engine):
    stories = queries.latest_stories(engine, limit=3)
    assert [s["story"] for s in stories] == ["story:one", "a00000000000000000000003", "story:old"]
    one = stories[0]
    assert [c["article_id"] for c in one["copies"]] == [
        "a00000000000000000000001",
        "a00000000000000000000002",
    ]
    assert one["topics"] == ["Kursk", "Troops"] and one["agency"] == "ATS" and one["run_id"] == "run-2"


def test_a_story_the_topics_model_found_says_so_with_its_certainty_rounded_down(engine):
    found = article(7, "delta", NOW + timedelta(minutes=5), None, "run-2")
    with engine.begin() as conn:
        conn.execute(insert(articles).values(found))
        conn.execute(
            insert(matches).values(match(found, "kursk") | {"found_by": "model", "model_probability": 0.838})
        )
    stories = queries.latest_stories(engine, limit=4)
    assert stories[0]["model_finds"] == [{"topic": "Kursk", "percent": 83}]
    assert all(s["model_finds"] == [] for s in stories[1:])  # found by their queries
    board = Dashboard(lambda: str(engine.url), lambda: None, lambda: "", "news_monitor", lambda *_: [])
    page = lxml_html.fromstring(board.page(NOW, "severity", False))
    notes = page.xpath("//ul[@id='latest-stories']//span[@class='model-find']/text()")
    assert notes == ["Kursk found by its model, 83% sure"]


def test_stories_are_ordered_by_first_appearance(engine):
    late_copy = article(6, "gamma", NOW - timedelta(minutes=10), "story:old", "run-2")
    with engine.begin() as conn:
        conn.execute(insert(articles).values(late_copy))
        conn.execute(insert(matches).values(match(late_copy, "troops")))
    stories = queries.latest_stories(engine, limit=3)
    # a copy of a 20-day-old story today does not move it above the stories of this week
    assert [s["story"] for s in stories] == ["story:one", "a00000000000000000000003", "story:old"]
    assert stories[2]["first_published_at"] == (NOW - timedelta(days=20)).isoformat()
    assert stories[2]["latest_published_at"] == late_copy["published_at"].isoformat()


def test_airflow_runs_are_listed_also_when_they_polled_nothing(engine):
    dag_runs = [
        {"run_id": "run-3", "state": "success", "started": NOW + timedelta(minutes=10)},
        {"run_id": "run-4", "state": "running", "started": NOW + timedelta(minutes=20)},
        {"run_id": "run-2", "state": "success", "started": NOW - timedelta(seconds=5)},
    ]
    runs = queries.recent_runs(engine, 10, dag_runs)
    assert [(r["run_id"], r["state"], r["polled"], r["nothing_due"]) for r in runs] == [
        ("run-4", "running", 0, False),
        ("run-3", "success", 0, True),
        ("run-2", "success", 1, False),
    ]
    assert runs[2]["matches"] == 3 and runs[2]["started"] == (NOW - timedelta(seconds=5)).isoformat()
    assert [r["run_id"] for r in queries.recent_runs(engine, 2, dag_runs)] == ["run-4", "run-3"]


def test_recent_runs_and_open_alerts(engine):
    (run,) = queries.recent_runs(engine)
    assert run["run_id"] == "run-2" and run["polled"] == 1 and run["failed"] == 0 and run["matches"] == 3
    assert run["state"] is None and not run["nothing_due"]  # known from the warehouse only
    store.save_alert_states(
        engine,
        [
            {
                "subject": "feed:beta",
                "state": "dead",
                "detail": "see https://u:pw@beta.example/x",
                "changed_at": NOW,
            },
            {"subject": "feed:alpha", "state": "ok", "detail": None, "changed_at": NOW, "notified_at": None},
        ],
    )
    (alert,) = queries.open_alerts(engine)
    assert alert["name"] == "beta Daily (beta)" and alert["detail"] == "see https://***@beta.example/x"


def test_migration_derives_health_for_feeds_polled_before_it(warehouse_url):
    engine = make_engine(warehouse_url)
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.exec_driver_sql(
            "INSERT INTO feeds (feed_id, outlet, url, last_polled_at, consecutive_failures) VALUES "
            "('up', 'Up', 'http://x/up', '2026-11-01 10:00:00', 0), "
            "('down', 'Down', 'http://x/down', '2026-11-01 10:00:00', 2), "
            "('never', 'Never', 'http://x/never', NULL, 0)"
        )
    migrate(engine)
    with engine.connect() as conn:
        got = {r.feed_id: (r.status, r.failure_weight, r.stale) for r in conn.execute(select(feeds))}
    assert got == {"up": ("ok", 0, False), "down": ("failing", 2, False), "never": (None, 0, False)}


def test_latest_stories_keep_the_stories_of_one_event_together(engine):
    later = [
        article(6, "gamma", NOW - timedelta(minutes=30), "story:afp", "run-3"),
        article(7, "alpha", NOW - timedelta(minutes=20), "story:new", "run-3"),
    ]
    with engine.begin() as conn:
        conn.execute(insert(articles), later)
        afp = match(later[0], "kursk", "AFP") | {"event_key": "event:k"}  # AFP's story of story:one's event
        conn.execute(insert(matches), [afp, match(later[1], "kursk") | {"event_key": None}])
        conn.execute(update(matches).where(matches.c.cluster_key == "story:one").values(event_key="event:k"))
        conn.execute(
            update(matches).where(matches.c.article_id == "a00000000000000000000002").values(language="de")
        )
    stories = queries.latest_stories(engine, limit=4)
    assert [s["story"] for s in stories] == [
        "story:new",
        "story:afp",
        "story:one",
        "a00000000000000000000003",
    ]
    afp, one = stories[1], stories[2]
    assert (afp["event_stories"], afp["in_event"], one["in_event"]) == (2, False, True)
    assert [c["translation"] for c in one["copies"]] == [False, True]  # the German copy of an English story
    assert stories[0]["event_stories"] == 1 and not stories[0]["in_event"]


def test_a_story_shows_the_stories_its_compilations_also_use(engine):
    used = {
        "cluster_key": "story:dpa",
        "canonical_article_id": "b" * 24,
        "headline": "Second agency's version",
        "agency": "dpa",
        "copies": 2,
        "outlets": 2,
        "outlet_names": "[]",
        "languages": '["de"]',
        "updated_at": NOW,
    }
    link = {
        "article_id": "a00000000000000000000002",
        "kind": "also_uses",
        "cluster_key": "story:one",
        "linked_key": "story:dpa",
        "created_at": NOW,
    }
    with engine.begin() as conn:
        conn.execute(insert(clusters).values(used))
        conn.execute(insert(story_links).values(link))
    found = {s["story"]: s["also_uses"] for s in queries.latest_stories(engine, limit=3)}
    assert found["story:one"] == [
        {
            "kind": "also_uses",
            "cluster_key": "story:dpa",
            "headline": "Second agency's version",
            "agency": "dpa",
        }
    ]
    assert found["story:old"] == []
