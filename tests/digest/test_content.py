"""What a digest contains, read from a real warehouse on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, date, datetime, timedelta
from unittest.mock import ANY

import pytest

from wirewatch.digest.content import build_digest, day_bounds
from wirewatch.digest.labels import Words
from wirewatch.digest.render import other_parts, render, translation_lines
from wirewatch.warehouse.db import make_engine, migrate
from wirewatch.warehouse.schema import articles, clusters, feed_polls, feeds, matches, story_links
from wirewatch.warehouse.store import upsert

TZ = "Europe/Zurich"
DAY = date(2026, 11, 24)  # winter: Zurich is UTC+1
TOPIC = ("kursk", "Kursk")
OTHER = ("mars", "Mars")
_ids = itertools.count()


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """A Zurich wall-clock time on `day`, in UTC (winter offset)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC) - timedelta(hours=1)


@pytest.fixture
def engine(warehouse_url):
    engine = make_engine(warehouse_url)
    migrate(engine)
    yield engine
    engine.dispose()


def add(engine, outlet: str, at: datetime | None, cluster: str | None, topic=TOPIC, agency=None, **extra):
    n = next(_ids)
    article = {
        "article_id": f"t{n:023d}",
        "canonical_url": f"https://{outlet.lower().replace(' ', '-')}.example/{n}",
        "url": f"https://{outlet.lower().replace(' ', '-')}.example/{n}",
        "feed_id": outlet.lower().replace(" ", "-"),
        "outlet": outlet,
        "title": extra.pop("headline", f"Headline {n} from {outlet}"),
        "published_at": at,
        "fetched_at": extra.pop("fetched_at", at or local(DAY, 12)),
        "body": "body",
        "status": "ok",
        "extraction_path": "trafilatura",
        "loaded_by_run": "run",
        "agency": agency,
        "cluster_key": cluster,
    }
    match = {
        "article_id": article["article_id"],
        "topic_id": topic[0],
        "topic_name": topic[1],
        "outlet": outlet,
        "feed_id": article["feed_id"],
        "url": article["url"],
        "headline": article["title"],
        "language": extra.pop("language", "en"),
        "published_at": at,
        "fetched_at": article["fetched_at"],
        "agency": agency,
        "event_key": extra.pop("event", None),
        "matched_terms": json.dumps(["kursk"]),
        "snippet": extra.pop("snippet", "troops in [[Kursk]]"),
        "cluster_key": cluster,
        "found_by": extra.pop("found_by", "query"),
        "model_probability": extra.pop("model_probability", None),
        "run_id": "run",
        "matched_at": datetime.now(UTC),
    }
    with engine.begin() as conn:
        upsert(conn, articles, [article], ["article_id"])
        upsert(conn, matches, [match], ["article_id", "topic_id"])
    return article["article_id"]


def test_stories_collapse_by_cluster_and_are_ordered_by_coverage(engine):
    # story A: four outlets; the agency copy leads although a rewrite appeared earlier
    add(engine, "Rewrite Daily", local(DAY, 7), "exact:a")
    lead = add(engine, "Agency Post", local(DAY, 8), "exact:a", agency="ATS", headline="The agency story")
    add(engine, "Second Paper", local(DAY, 9), "exact:a", agency="ATS")
    add(engine, "Third Paper", local(DAY, 10), "exact:a", agency="AFP")
    # story C: three copies, two of them from one outlet (counted once as an outlet)
    add(engine, "Herald", local(DAY, 6), "exact:c", agency="dpa")
    add(engine, "Herald", local(DAY, 6, 30), "exact:c", agency="dpa")
    add(engine, "Courier", local(DAY, 11), "exact:c", agency="dpa")
    # story B: one outlet; two articles without a cluster are two stories
    add(engine, "Lone Voice", local(DAY, 5), "exact:b")
    add(engine, "Unclustered", local(DAY, 13), None)
    add(engine, "Unclustered", local(DAY, 14), None)
    # another topic is not counted
    add(engine, "Agency Post", local(DAY, 8), "exact:m", topic=OTHER)

    digest = build_digest(engine, DAY, [TOPIC], TZ)
    (section,) = digest.sections
    assert [s.key for s in section.stories][:2] == ["exact:a", "exact:c"]
    assert section.total_stories == 5
    a, c = section.stories[:2]
    assert a.lead.article_id == lead and a.lead.headline == "The agency story"
    assert [copy.outlet for copy in a.also] == ["Rewrite Daily", "Second Paper", "Third Paper"]
    assert a.agencies == ("ATS", "AFP") and a.outlets == 4 and a.articles == 4
    assert c.outlets == 2 and c.articles == 3 and [copy.outlet for copy in c.also] == ["Courier"]
    # single-outlet stories follow in time order
    assert [s.lead.outlet for s in section.stories[2:]] == ["Lone Voice", "Unclustered", "Unclustered"]
    assert (digest.stories, digest.articles, digest.outlets) == (5, 10, 8)


def test_an_event_is_one_entry_with_its_translations_and_the_other_agencies_stories(engine):
    ats = add(engine, "Courrier", local(DAY, 7), "story:ats", agency="ATS", language="fr", event="event:k")
    add(engine, "Gazette", local(DAY, 8), "story:ats", agency="ATS", language="fr", event="event:k")
    add(engine, "Tagesbote", local(DAY, 9), "story:ats", agency="ATS", language="de", event="event:k")
    add(engine, "Landbote", local(DAY, 10), "story:ats", agency="ATS", language="de", event="event:k")
    add(engine, "Herald", local(DAY, 7, 30), "story:afp", agency="AFP", language="en", event="event:k")
    add(engine, "Morgenzeitung", local(DAY, 7, 10), "story:dpa", agency="dpa", language="de", event="event:k")
    add(engine, "Lone Voice", local(DAY, 12), "story:other", language="en", event="event:other")
    (section,) = build_digest(engine, DAY, [TOPIC], TZ).sections
    assert section.total_stories == 2  # the Kursk event and the other one
    entry = section.stories[0]
    assert entry.lead.article_id == ats and [c.outlet for c in entry.also] == ["Gazette"]
    assert [c.outlet for c in entry.translations] == ["Tagesbote", "Landbote"]
    assert [(o.agencies, o.lead.language) for o in entry.others] == [(("dpa",), "de"), (("AFP",), "en")]
    assert entry.outlets == 6
    words = Words("en", TZ)
    assert translation_lines(entry, words) == [
        ("German translation of the ATS item by", [("Tagesbote", ANY), (" and ", None), ("Landbote", ANY)])
    ]
    assert [text for text, _ in other_parts(entry)] == ["dpa (de)", ", ", "AFP (en)"]
    assert Words("de", TZ).translation("de", "ATS") == "Deutsche Übersetzung der ATS-Meldung von"
    assert Words("fr", TZ).translation("de", "ATS") == "Traduction allemande de la dépêche ATS par"


def test_a_story_belongs_to_the_day_it_was_first_seen(engine):
    # first copy late yesterday, a reprint today: yesterday's story, not today's
    add(engine, "Night Desk", local(DAY - timedelta(days=1), 23, 30), "exact:old")
    add(engine, "Morning Paper", local(DAY, 8), "exact:old")
    add(engine, "Today", local(DAY, 9), "exact:new")
    add(engine, "Earlier", local(DAY - timedelta(days=3), 12), "exact:d3a")
    add(engine, "Earlier", local(DAY - timedelta(days=3), 13), "exact:d3b")
    add(engine, "Too Old", local(DAY - timedelta(days=7), 12), "exact:d7")
    # a copy after the digest day does not belong in it
    add(engine, "Tomorrow", local(DAY + timedelta(days=1), 0, 30), "exact:new")

    (section,) = build_digest(engine, DAY, [TOPIC], TZ).sections
    assert [s.key for s in section.stories] == ["exact:new"]
    assert section.stories[0].also == ()
    assert section.previous_day == 1 and section.change == 0
    assert [d.day for d in section.history] == [DAY - timedelta(days=n) for n in range(6, -1, -1)]
    assert [d.stories for d in section.history] == [0, 0, 0, 2, 0, 1, 1]

    yesterday = build_digest(engine, DAY - timedelta(days=1), [TOPIC], TZ).sections[0]
    (old,) = yesterday.stories
    # listed with the copies known by the end of its day only
    assert old.key == "exact:old" and old.also == ()


def test_days_follow_the_digest_time_zone_across_daylight_saving(engine):
    spring = date(2026, 3, 29)  # Europe: 23 hours long
    start, end = day_bounds(spring, TZ)
    assert end - start == timedelta(hours=23)
    add(engine, "Just In", datetime(2026, 3, 28, 23, 30, tzinfo=UTC), "exact:in")  # 00:30 CET
    add(engine, "Just Out", datetime(2026, 3, 29, 22, 30, tzinfo=UTC), "exact:out")  # 00:30 CEST, next day
    add(engine, "Before", datetime(2026, 3, 28, 22, 59, tzinfo=UTC), "exact:before")  # 23:59 CET
    (section,) = build_digest(engine, spring, [TOPIC], TZ).sections
    assert [s.key for s in section.stories] == ["exact:in"]
    (section,) = build_digest(engine, spring, [TOPIC], "UTC").sections
    assert [s.key for s in section.stories] == ["exact:out"]


def test_without_a_publication_time_the_fetch_time_counts(engine):
    add(engine, "No Date", None, "exact:nodate", fetched_at=local(DAY, 10))
    (section,) = build_digest(engine, DAY, [TOPIC], TZ).sections
    (story,) = section.stories
    assert story.lead.published == local(DAY, 10)


def test_a_long_day_is_cut_at_the_configured_number_of_stories(engine):
    for n in range(5):
        add(engine, f"Outlet {n}", local(DAY, 8 + n), f"exact:{n}")
    (section,) = build_digest(engine, DAY, [TOPIC, OTHER], TZ, max_stories=3).sections[:1]
    assert len(section.stories) == 3 and section.total_stories == 5 and section.hidden_stories == 2


def test_an_empty_day_is_empty_but_keeps_its_history(engine):
    add(engine, "Yesterday", local(DAY - timedelta(days=1), 9), "exact:y")
    digest = build_digest(engine, DAY, [TOPIC, OTHER], TZ)
    assert digest.empty and digest.stories == 0
    assert [s.name for s in digest.sections] == ["Kursk", "Mars"]
    assert digest.sections[0].previous_day == 1 and digest.sections[0].change == -1


def poll(engine, feed_id: str, at: datetime, error: str | None = None, run: str | None = None):
    row = {
        "run_id": run or f"run-{next(_ids)}",
        "feed_id": feed_id,
        "url": f"https://{feed_id}.example/feed",
        "polled_at": at,
        "outcome": "error" if error else "ok",
        "error_class": error,
        "error_message": f"{error} details" if error else None,
    }
    with engine.begin() as conn:
        upsert(conn, feed_polls, [row], ["run_id", "feed_id"])


def test_the_footer_lists_feeds_that_failed_that_day(engine):
    with engine.begin() as conn:
        upsert(
            conn,
            feeds,
            [{"feed_id": "flaky", "outlet": "Flaky Times", "url": "https://flaky.example/feed"}],
            ["feed_id"],
        )
    poll(engine, "flaky", local(DAY, 1), "timeout")
    poll(engine, "flaky", local(DAY, 2))
    poll(engine, "flaky", local(DAY, 3), "http_500")
    poll(engine, "steady", local(DAY, 3))
    poll(engine, "gone", local(DAY, 4), "http_404")  # no feeds row: named by its id
    poll(engine, "yesterday", local(DAY - timedelta(days=1), 23), "timeout")
    digest = build_digest(engine, DAY, [TOPIC], TZ)
    assert [(f.feed_id, f.outlet, f.failures, f.polls) for f in digest.failed_feeds] == [
        ("flaky", "Flaky Times", 2, 3),
        ("gone", "gone", 1, 1),
    ]
    assert digest.failed_feeds[0].last_error == "http_500: http_500 details"
    assert digest.polls == 5


def link_stories(engine, article_id: str, story: str, linked: str, headline: str, agency: str) -> None:
    row = {
        "cluster_key": linked,
        "canonical_article_id": "b" * 24,
        "headline": headline,
        "agency": agency,
        "copies": 2,
        "outlets": 2,
        "outlet_names": "[]",
        "languages": '["de"]',
        "updated_at": local(DAY, 12),
    }
    link = {"article_id": article_id, "kind": "also_uses", "cluster_key": story, "linked_key": linked}
    with engine.begin() as conn:
        upsert(conn, clusters, [row], ["cluster_key"])
        upsert(
            conn, story_links, [link | {"created_at": local(DAY, 12)}], ["article_id", "kind", "linked_key"]
        )


def test_a_compilation_shows_the_second_agencys_story_it_also_uses(engine):
    compiled = add(engine, "Blatt", local(DAY, 9), "story:ats", agency="ATS", headline="Fähre sinkt")
    add(engine, "Courrier", local(DAY, 8), "story:ats", agency="ATS")
    add(engine, "Lone Voice", local(DAY, 12), "story:other")
    link_stories(engine, compiled, "story:ats", "story:dpa", "Fähre: Rettung läuft", "dpa")
    (section,) = build_digest(engine, DAY, [TOPIC], TZ).sections
    linked = {story.key: story.also_uses for story in section.stories}
    assert linked == {"story:ats": (("Fähre: Rettung läuft", "dpa"),), "story:other": ()}
    digest = build_digest(engine, DAY, [TOPIC], TZ)
    rendered = render(digest, "en")
    assert "Also uses: Fähre: Rettung läuft (dpa)" in rendered.text
    assert "Also uses: Fähre: Rettung läuft (dpa)" in rendered.html
    assert "Verwendet auch: Fähre: Rettung läuft (dpa)" in render(digest, "de").text


def test_only_a_copy_the_model_found_carries_its_probability_into_the_digest(engine):
    add(engine, "Model Post", local(DAY, 8), "exact:m", found_by="model", model_probability=0.91)
    add(engine, "Query Post", local(DAY, 9), "exact:q", model_probability=0.42)
    add(engine, "Plain Post", local(DAY, 10), "exact:p")
    (section,) = build_digest(engine, DAY, [TOPIC], TZ).sections
    found = {s.lead.outlet: s.lead.model_probability for s in section.stories}
    assert found == {"Model Post": 0.91, "Query Post": None, "Plain Post": None}
