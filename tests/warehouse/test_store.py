"""The warehouse on SQLite and on the real PostgreSQL: migrations, idempotent loads."""

import json
from datetime import UTC, datetime, timedelta

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from wirewatch.stories import body_hash
from wirewatch.warehouse import store
from wirewatch.warehouse.db import current_tables, make_engine, migrate, normalize_url
from wirewatch.warehouse.schema import article_versions, articles, feed_polls, feeds, matches, metadata

T0 = datetime(2024, 11, 5, 14, 0, tzinfo=UTC)


def article(n: int, body: str = "Body text", **extra) -> dict:
    row = {
        "article_id": f"a{n:023d}",
        "canonical_url": f"https://example.org/{n}",
        "url": f"https://example.org/{n}?utm_source=rss",
        "feed_id": "feed-a",
        "outlet": "Outlet A",
        "title": f"Headline {n}",
        "language": "de",
        "published_at": T0 + timedelta(minutes=n),
        "fetched_at": T0 + timedelta(minutes=n, seconds=30),
        "body": body,
        "body_hash": body_hash(body),
        "status": "ok",
        "extraction_path": "trafilatura",
        "loaded_by_run": "run-1",
    }
    return row | extra


def poll(run_id: str = "run-1", **extra) -> dict:
    return {
        "run_id": run_id,
        "feed_id": "feed-a",
        "url": "https://example.org/feed",
        "polled_at": T0,
        "outcome": "ok",
    } | extra


def feed_state(**extra) -> dict:
    return {"feed_id": "feed-a", "outlet": "Outlet A", "url": "https://example.org/feed"} | extra


def count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_migrations_create_exactly_the_schema(warehouse_url):
    engine = make_engine(warehouse_url)
    migrate(engine)
    migrate(engine)  # idempotent
    assert {"feeds", "feed_polls", "articles", "matches", "digests", "alembic_version"} <= current_tables(
        engine
    )
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_save_poll_is_idempotent_and_keeps_etag_with_articles(warehouse_url):
    engine = make_engine(warehouse_url)
    migrate(engine)
    for _ in range(2):
        store.save_poll(engine, poll(), feed_state(etag='"v1"'), [article(1), article(2)])
    assert count(engine, articles) == 2
    assert count(engine, feed_polls) == 1
    assert store.feed_states(engine, ["feed-a"])["feed-a"]["etag"] == '"v1"'
    assert store.known_urls(engine, ["https://example.org/1", "https://example.org/9"]) == {
        "https://example.org/1"
    }


def test_loads_count_what_they_wrote_not_what_another_run_wrote_first(warehouse_url):
    """Sequentially, what concurrent runs do: save candidates that another run already saved."""
    engine = make_engine(warehouse_url)
    migrate(engine)
    recorded, inserted = store.save_poll(engine, poll("r1"), feed_state(), [article(1), article(2)])
    assert recorded["new_entries"] == 2 and inserted == [article(1)["article_id"], article(2)["article_id"]]
    broken = article(3, status="failed")
    recorded, inserted = store.save_poll(engine, poll("r2"), feed_state(), [article(2), broken])
    assert (recorded["new_entries"], recorded["page_errors"], inserted) == (1, 1, [broken["article_id"]])
    with engine.connect() as conn:
        assert dict(conn.execute(select(feed_polls.c.run_id, feed_polls.c.new_entries)).all()) == {
            "r1": 2,
            "r2": 1,
        }

    # two runs saw the same revision: the second finds its text already current
    revised = article(1, body="Revised text", content_hash="c2", loaded_by_run="r3")
    assert store.save_poll(engine, poll("r3"), feed_state(), [], [revised])[0]["revised_entries"] == 1
    assert store.save_poll(engine, poll("r4"), feed_state(), [], [revised])[0]["revised_entries"] == 0
    assert count(engine, article_versions) == 1

    # each article is matched for a topics digest once: the second run's claim finds it taken
    found = {article(n)["article_id"]: [] for n in (1, 2)}
    assert sorted(store.save_matches(engine, found, "d1")) == sorted(found)
    assert store.save_matches(engine, found, "d1") == []


def test_a_failed_poll_leaves_no_partial_batch(warehouse_url):
    engine = make_engine(warehouse_url)
    migrate(engine)
    broken = article(2, title=None) | {"status": None}  # NOT NULL violation mid-batch
    try:
        store.save_poll(engine, poll(), feed_state(etag='"v2"'), [article(1), broken])
    except Exception:  # noqa: BLE001 - the database's own error class differs by dialect
        pass
    assert count(engine, articles) == 0
    assert store.feed_states(engine, ["feed-a"]) == {}


def test_matches_are_replaced_per_article_and_digest(warehouse_url):
    engine = make_engine(warehouse_url)
    migrate(engine)
    store.save_poll(engine, poll(), feed_state(), [article(1), article(2)])
    assert len(store.articles_to_match(engine, "d1")) == 2

    def match_row(n: int, topic: str, run_id: str) -> dict:
        a = article(n)
        return {
            "article_id": a["article_id"],
            "topic_id": topic,
            "topic_name": topic.title(),
            "outlet": a["outlet"],
            "feed_id": a["feed_id"],
            "url": a["canonical_url"],
            "headline": a["title"],
            "language": "de",
            "published_at": a["published_at"],
            "fetched_at": a["fetched_at"],
            "matched_terms": json.dumps(["kursk*"]),
            "snippet": "…",
            "run_id": run_id,
            "matched_at": T0,
        }

    first = {
        article(1)["article_id"]: [match_row(1, "t1", "r1"), match_row(1, "t2", "r1")],
        article(2)["article_id"]: [],
    }
    store.save_matches(engine, first, "d1")
    store.save_matches(engine, first, "d1")
    assert count(engine, matches) == 2
    assert store.articles_to_match(engine, "d1") == []
    # the topics changed: t2 no longer matches article 1
    store.save_matches(engine, {article(1)["article_id"]: [match_row(1, "t1", "r2")]}, "d2")
    with engine.connect() as conn:
        rows = conn.execute(select(matches.c.topic_id, matches.c.run_id)).all()
    assert rows == [("t1", "r1")]  # the first run that matched stays recorded
    latest = store.matches_since(engine)
    assert latest[0]["matched_terms"] == ["kursk*"]


def test_feed_state_upsert_counts_failures(warehouse_url):
    engine = make_engine(warehouse_url)
    migrate(engine)
    store.save_poll(engine, poll("r1"), feed_state(consecutive_failures=1, last_outcome="error"), [])
    store.save_poll(engine, poll("r2"), feed_state(consecutive_failures=2, last_outcome="error"), [])
    assert count(engine, feed_polls) == 2
    assert count(engine, feeds) == 1
    assert store.feed_states(engine, ["feed-a"])["feed-a"]["consecutive_failures"] == 2


def test_postgres_urls_get_the_psycopg_driver():
    assert normalize_url("postgres://u:p@h:5432/db") == "postgresql+psycopg://u:p@h:5432/db"
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
