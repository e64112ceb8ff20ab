"""Story clusters in the warehouse, on SQLite and PostgreSQL: across batches, merges, window, revisions."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from tests.stories.stories import BEETLE_DE, DAM_FR, FERRY_DE
from wirewatch.config import DedupeSettings
from wirewatch.stories import body_hash, content_hash
from wirewatch.warehouse import store, stories
from wirewatch.warehouse.db import make_engine, migrate
from wirewatch.warehouse.schema import (
    article_versions,
    articles,
    clusters,
    dedupe_keys,
    events,
    matches,
    story_changes,
    story_links,
)

T0 = datetime(2025, 5, 6, 8, 0, tzinfo=UTC)
SETTINGS = DedupeSettings()


def article(name: str, body: str, outlet: str, at: datetime, agency: str | None = None, **extra) -> dict:
    return {
        "article_id": f"{name:0>24}"[-24:],
        "canonical_url": f"https://{outlet.lower().replace(' ', '-')}.example/{name}",
        "url": f"https://{outlet.lower().replace(' ', '-')}.example/{name}",
        "feed_id": outlet.lower().replace(" ", "-"),
        "outlet": outlet,
        "title": f"Headline {name}",
        "language": "de",
        "published_at": at,
        "fetched_at": at + timedelta(minutes=3),
        "body": body,
        "body_hash": body_hash(body),
        "content_hash": content_hash(body),
        "status": "ok",
        "extraction_path": "trafilatura",
        "agency": agency,
        "loaded_by_run": "run-1",
    } | extra


def load(engine, *rows: dict) -> None:
    poll = {"run_id": "r", "feed_id": "f", "url": "u", "polled_at": T0, "outcome": "ok"}
    store.save_poll(engine, poll, {"feed_id": "f", "outlet": "O", "url": "u"}, list(rows))


def keys(engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {
            r.article_id: r.cluster_key
            for r in conn.execute(select(articles.c.article_id, articles.c.cluster_key))
        }


def story(engine, key: str) -> dict:
    with engine.connect() as conn:
        return dict(conn.execute(select(clusters).where(clusters.c.cluster_key == key)).mappings().one())


def paragraphs(original, *numbers: int) -> str:
    return "\n".join(original.paragraphs[n] for n in numbers)


def test_a_copy_fetched_days_later_joins_the_story_and_the_story_says_who_carried_it(warehouse_url):
    engine = make_engine(warehouse_url)
    migrate(engine)
    wire = article("wire", paragraphs(FERRY_DE, 0, 1, 2, 3, 4, 5) + " (sda)", "SDA wire", T0, "ATS")
    other = article("other", paragraphs(DAM_FR, 0, 1, 2, 3, 4), "Le Messager", T0, language="fr")
    load(engine, wire, other)
    assert stories.cluster_pending(engine, SETTINGS, T0 + timedelta(hours=1))["clustered"] == 2

    later = T0 + timedelta(days=2)
    copy = article("copy", paragraphs(FERRY_DE, 0, 1, 3, 4) + " /ATS", "Seetal Zeitung", later, "ATS")
    early = article("early", paragraphs(FERRY_DE, 0, 1, 2), "Abendkurier", T0 - timedelta(hours=1))
    load(engine, copy, early)
    assert stories.cluster_pending(engine, SETTINGS, later)["clustered"] == 2
    found = keys(engine)
    key = found[wire["article_id"]]
    assert found[copy["article_id"]] == found[early["article_id"]] == key != found[other["article_id"]]
    row = story(engine, key)
    assert row["canonical_article_id"] == wire["article_id"]  # the agency's copy, though not the earliest
    assert (row["agency"], row["copies"], row["outlets"]) == ("ATS", 3, 3)
    assert json.loads(row["outlet_names"]) == ["Abendkurier", "SDA wire", "Seetal Zeitung"]
    assert store.as_utc(row["first_seen_at"]) == early["published_at"]
    assert store.as_utc(row["last_seen_at"]) == later
    with engine.connect() as conn:
        pointers = dict(conn.execute(select(articles.c.article_id, articles.c.duplicate_of)).all())
    assert pointers[copy["article_id"]] == pointers[early["article_id"]] == wire["article_id"]
    assert pointers[wire["article_id"]] is None

    # running again changes nothing
    before = {t.name: _rows(engine, t) for t in (articles, clusters, dedupe_keys)}
    assert stories.cluster_pending(engine, SETTINGS, later)["clustered"] == 0
    assert {t.name: _rows(engine, t) for t in (articles, clusters, dedupe_keys)} == before


def _rows(engine, table) -> list:
    with engine.connect() as conn:
        return sorted(
            map(tuple, conn.execute(select(table).order_by(*table.primary_key.columns)).all()), key=str
        )


def test_an_article_that_shows_two_stories_are_one_merges_them_everywhere(warehouse_url):
    """Two copies too far apart for the window are two stories, until a copy between them arrives."""
    engine = make_engine(warehouse_url)
    migrate(engine)
    first = article("first", paragraphs(FERRY_DE, 0, 1, 2, 3, 4, 5), "Outlet A", T0)
    second = article("second", paragraphs(FERRY_DE, 0, 1, 2, 3, 4), "Outlet B", T0 + timedelta(days=8))
    load(engine, first, second)
    stories.cluster_pending(engine, SETTINGS, T0 + timedelta(days=8))
    before = keys(engine)
    assert before[first["article_id"]] != before[second["article_id"]]
    match = {
        "topic_id": "t",
        "topic_name": "T",
        "feed_id": "f",
        "url": "u",
        "fetched_at": T0,
        "matched_terms": "[]",
        "run_id": "r",
        "matched_at": T0,
    }
    rows = {
        a["article_id"]: [
            match
            | {"article_id": a["article_id"], "outlet": a["outlet"]}
            | {"cluster_key": before[a["article_id"]]}
        ]
        for a in (first, second)
    }
    store.save_matches(engine, rows, "digest")

    whole = article("whole", paragraphs(FERRY_DE, 0, 1, 2, 3, 4, 5), "Outlet C", T0 + timedelta(days=4))
    load(engine, whole)
    assert stories.cluster_pending(engine, SETTINGS, T0 + timedelta(days=4, hours=1))["merged"] == 1
    after = keys(engine)
    survivor = before[first["article_id"]]  # the older story keeps its key
    assert set(after.values()) == {survivor}
    with engine.connect() as conn:
        assert set(conn.execute(select(matches.c.cluster_key)).scalars()) == {survivor}
        assert conn.execute(select(func.count()).select_from(clusters)).scalar_one() == 1
    assert story(engine, survivor)["copies"] == 3
    absorbed = before[second["article_id"]]
    assert _changes(engine) == [("merge", absorbed, survivor, 1, [second["article_id"]])]


def test_the_window_forgets_old_articles(warehouse_url):
    engine = make_engine(warehouse_url)
    migrate(engine)
    load(engine, article("old", paragraphs(FERRY_DE, 0, 1, 2, 3, 4), "Outlet A", T0))
    stories.cluster_pending(engine, SETTINGS, T0)
    late = T0 + timedelta(days=9)
    load(engine, article("late", paragraphs(FERRY_DE, 0, 1, 2, 3, 5), "Outlet B", late))
    stories.cluster_pending(engine, SETTINGS, late)
    assert len(set(keys(engine).values())) == 2
    with engine.connect() as conn:
        seen = conn.execute(select(func.min(dedupe_keys.c.seen_at))).scalar_one()
    assert store.as_utc(seen) >= late - timedelta(days=7)


def test_a_revised_article_keeps_its_story_and_its_old_version(warehouse_url):
    engine = make_engine(warehouse_url)
    migrate(engine)
    wire = article("wire", paragraphs(FERRY_DE, 0, 1, 2, 3, 4), "SDA wire", T0, "ATS")
    copy = article("copy", paragraphs(FERRY_DE, 0, 1, 2, 3), "Outlet B", T0 + timedelta(hours=1))
    load(engine, wire, copy)
    stories.cluster_pending(engine, SETTINGS, T0 + timedelta(hours=2))
    key = keys(engine)[copy["article_id"]]

    new_body = paragraphs(FERRY_DE, 0, 1, 2, 3, 5)
    revised = copy | {
        "body": new_body,
        "body_hash": body_hash(new_body),
        "content_hash": content_hash(new_body),
    }
    revised |= {"fetched_at": T0 + timedelta(hours=5), "loaded_by_run": "run-2"}
    poll = {"run_id": "r2", "feed_id": "f", "url": "u", "polled_at": T0, "outcome": "ok"}
    store.save_poll(engine, poll, {"feed_id": "f", "outlet": "O", "url": "u"}, [], [revised])
    with engine.connect() as conn:
        current = (
            conn.execute(select(articles).where(articles.c.article_id == copy["article_id"])).mappings().one()
        )
        kept = conn.execute(select(article_versions)).mappings().all()
    assert current["version"] == 2 and current["body"] == new_body and current["topics_digest"] is None
    assert [(v["version"], v["body"], v["replaced_by_run"]) for v in kept] == [(1, copy["body"], "run-2")]

    assert stories.cluster_pending(engine, SETTINGS, T0 + timedelta(hours=6))["clustered"] == 1
    assert keys(engine)[copy["article_id"]] == key
    assert story(engine, key)["copies"] == 2


def test_articles_from_before_stories_are_clustered_after_the_upgrade(warehouse_url):
    from alembic import command
    from sqlalchemy import MetaData, Table, insert

    from wirewatch.warehouse.db import alembic_config

    engine = make_engine(warehouse_url)
    with engine.begin() as conn:
        config = alembic_config(engine)
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    old = {
        k: v
        for k, v in article("old", paragraphs(FERRY_DE, 0, 1, 2), "Outlet A", T0).items()
        if k != "content_hash"
    }
    copy = {
        k: v
        for k, v in article("copy", paragraphs(FERRY_DE, 0, 1, 2), "Outlet B", T0).items()
        if k != "content_hash"
    }
    with engine.begin() as conn:
        before = Table("articles", MetaData(), autoload_with=conn)  # the table as revision 0001 made it
        for row in (old, copy):
            conn.execute(insert(before).values(**row, cluster_key="exact:abc"))
    migrate(engine)
    assert set(keys(engine).values()) == {None}
    assert stories.cluster_pending(engine, SETTINGS, T0)["clustered"] == 2
    assert len(set(keys(engine).values())) == 1 and None not in keys(engine).values()


def test_translations_join_across_batches_and_agencies_share_an_event(warehouse_url):
    from wirewatch.devstack.simwire import kursk

    engine = make_engine(warehouse_url)
    migrate(engine)
    ats = article("ats", "\n".join(kursk._ATS_FR) + "\n(ats/afp)", "Courrier", T0, "ATS", language="fr")
    dpa = article("dpa", "\n".join(kursk._DPA_DE) + "\ndpa", "Morgenzeitung", T0, "dpa")
    load(engine, ats, dpa)
    stories.cluster_pending(engine, SETTINGS, T0 + timedelta(hours=1))
    later = T0 + timedelta(hours=3)  # the translation comes in a later run, found through stored anchors
    mt = article("mt", "\n".join(kursk._ATS_DE) + "\n/ATS", "Tagesbote", later, "ATS")
    afp = article("afp", "\n".join(kursk._AFP_EN) + "\n— AFP", "Herald", later, "AFP", language="en")
    load(engine, mt, afp)
    stories.cluster_pending(engine, SETTINGS, later)
    with engine.connect() as conn:
        rows = {r.article_id: r for r in conn.execute(select(articles))}
        event_rows = list(conn.execute(select(events)).mappings())
    ats_id, mt_id = ats["article_id"], mt["article_id"]
    assert rows[mt_id].cluster_key == rows[ats_id].cluster_key
    assert rows[mt_id].translated_from == ats_id and rows[ats_id].translated_from is None
    assert len({rows[i].cluster_key for i in rows}) == 3  # ATS (with its translation), dpa, AFP
    assert len({rows[i].event_key for i in rows}) == 1  # one event
    (event,) = event_rows
    assert (event["stories"], event["copies"]) == (3, 4)
    assert json.loads(event["agencies"]) == ["AFP", "ATS", "dpa"]
    assert json.loads(event["languages"]) == ["de", "en", "fr"]
    assert story(engine, rows[ats_id].cluster_key)["event_key"] == event["event_key"]


def test_a_compilation_joins_its_leads_story_and_links_the_second_agencys(warehouse_url):
    engine = make_engine(warehouse_url)
    migrate(engine)
    a_wire = article("a-wire", paragraphs(FERRY_DE, 0, 1, 2, 3, 4, 5) + " (sda)", "SDA wire", T0, "ATS")
    a_copy = article("a-copy", paragraphs(FERRY_DE, 0, 1, 2, 3, 4), "Seetal Zeitung", T0, "ATS")
    b_wire = article("b-wire", paragraphs(BEETLE_DE, 0, 1, 2, 3, 4) + " (dpa)", "dpa wire", T0, "dpa")
    b_copy = article(
        "b-copy", paragraphs(BEETLE_DE, 0, 1, 2, 3), "Abendkurier", T0 + timedelta(minutes=9), "dpa"
    )
    load(engine, a_wire, a_copy, b_wire, b_copy)
    stories.cluster_pending(engine, SETTINGS, T0 + timedelta(hours=1))
    later = T0 + timedelta(hours=2)
    compiled = article(
        "compiled",
        paragraphs(FERRY_DE, 0, 1, 2, 3) + "\n" + BEETLE_DE.paragraphs[2] + " (sda/dpa)",
        "Blatt",
        later,
    )
    load(engine, compiled)
    stories.cluster_pending(engine, SETTINGS, later)
    found = keys(engine)
    a_key, b_key = found[a_wire["article_id"]], found[b_wire["article_id"]]
    assert found[compiled["article_id"]] == a_key != b_key
    with engine.connect() as conn:
        rows = conn.execute(select(story_links)).mappings().all()
    assert [(r["article_id"], r["kind"], r["cluster_key"], r["linked_key"]) for r in rows] == [
        (compiled["article_id"], "also_uses", a_key, b_key)
    ]
    assert stories.linked_stories(engine, [a_key, b_key]) == {
        a_key: [{"kind": "also_uses", "cluster_key": b_key, "headline": "Headline b-wire", "agency": "dpa"}]
    }


def _revise(engine, row: dict, body: str, at: datetime) -> dict:
    revised = row | {"body": body, "body_hash": body_hash(body), "content_hash": content_hash(body)}
    revised |= {"fetched_at": at, "loaded_by_run": "run-2"}
    poll = {"run_id": "r2", "feed_id": "f", "url": "u", "polled_at": at, "outcome": "ok"}
    store.save_poll(engine, poll, {"feed_id": "f", "outlet": "O", "url": "u"}, [], [revised])
    return revised


def _changes(engine) -> list[tuple]:
    with engine.connect() as conn:
        query = select(
            story_changes.c.kind,
            story_changes.c.from_key,
            story_changes.c.to_key,
            story_changes.c.articles,
            story_changes.c.article_ids,
        ).order_by(story_changes.c.change_id)
        return [(kind, a, b, n, json.loads(ids)) for kind, a, b, n, ids in conn.execute(query)]


def test_a_story_whose_members_now_tell_two_stories_splits_and_the_larger_group_keeps_its_key(warehouse_url):
    """Three outlets reuse the pages of their ferry copies for the beetle story: the story now
    holds two, and the beetle group, the larger, keeps the key its readers and digests hold."""
    engine = make_engine(warehouse_url)
    migrate(engine)
    wire = article("wire", paragraphs(FERRY_DE, 0, 1, 2, 3, 4, 5) + " (sda)", "SDA wire", T0, "ATS")
    copies = [
        article(f"copy{n}", paragraphs(FERRY_DE, *cut), f"Outlet {n}", T0 + timedelta(minutes=10 * n))
        for n, cut in enumerate([(0, 1, 2, 3, 4), (0, 1, 2, 3), (1, 2, 3, 4, 5), (0, 1, 2, 4, 5)], 1)
    ]
    load(engine, wire, *copies)
    stories.cluster_pending(engine, SETTINGS, T0 + timedelta(hours=1))
    (key,) = set(keys(engine).values())
    match = {"topic_id": "t", "topic_name": "T", "feed_id": "f", "url": "u", "fetched_at": T0}
    match |= {"matched_terms": "[]", "run_id": "r", "matched_at": T0, "cluster_key": key}
    store.save_matches(
        engine,
        {
            a["article_id"]: [match | {"article_id": a["article_id"], "outlet": a["outlet"]}]
            for a in (wire, copies[3])
        },
        "digest",
    )

    later = T0 + timedelta(hours=5)
    beetle = [(0, 1, 2, 3, 4), (0, 1, 2, 3), (0, 2, 3, 4)]
    for copy, cut in zip(copies[1:], beetle, strict=True):
        _revise(engine, copy, paragraphs(BEETLE_DE, *cut), later)
    summary = stories.cluster_pending(engine, SETTINGS, later)
    assert (summary["clustered"], summary["split"]) == (3, 1)

    found = keys(engine)
    ferry_ids = sorted([wire["article_id"], copies[0]["article_id"]])
    new_key = found[wire["article_id"]]
    assert {i for i, k in found.items() if k == key} == {c["article_id"] for c in copies[1:]}
    assert found[copies[0]["article_id"]] == new_key != key
    assert _changes(engine) == [("split", key, new_key, 2, ferry_ids)]
    with engine.connect() as conn:
        assert dict(conn.execute(select(matches.c.article_id, matches.c.cluster_key)).all()) == {
            wire["article_id"]: new_key,
            copies[3]["article_id"]: key,
        }
        events_of = dict(conn.execute(select(articles.c.cluster_key, articles.c.event_key)).all())
        event_rows = conn.execute(select(events.c.event_key, events.c.copies)).all()
    assert (story(engine, key)["copies"], story(engine, new_key)["copies"]) == (3, 2)
    assert story(engine, new_key)["canonical_article_id"] == wire["article_id"]
    assert (
        story(engine, key)["event_key"] == events_of[key]
        and story(engine, new_key)["event_key"] == events_of[new_key]
    )
    assert sum(n for _, n in event_rows) == 5

    # the same run again, and the same revisions loaded again, change nothing
    tables = (articles, matches, clusters, events, story_changes, story_links, dedupe_keys)
    before = {t.name: _rows(engine, t) for t in tables}
    assert stories.cluster_pending(engine, SETTINGS, later)["clustered"] == 0
    for copy, cut in zip(copies[1:], beetle, strict=True):
        _revise(engine, copy, paragraphs(BEETLE_DE, *cut), later)
    assert stories.cluster_pending(engine, SETTINGS, later)["clustered"] == 0
    with engine.begin() as conn:
        assert stories.split_stories(conn, SETTINGS, [key, new_key], later) == {}
    assert {t.name: _rows(engine, t) for t in tables} == before

    # later copies join the story they copy
    latest = T0 + timedelta(hours=7)
    ferry = article("ferry", paragraphs(FERRY_DE, 0, 1, 2, 3, 5), "Outlet F", latest)
    beetle_copy = article("beetle", paragraphs(BEETLE_DE, 0, 1, 3, 4), "Outlet G", latest)
    load(engine, ferry, beetle_copy)
    assert stories.cluster_pending(engine, SETTINGS, latest)["split"] == 0
    found = keys(engine)
    assert (found[ferry["article_id"]], found[beetle_copy["article_id"]]) == (new_key, key)


def test_a_story_growing_run_by_run_never_splits(warehouse_url):
    """Cut copies that are no copies of each other (the first half, the second half) are one story
    through the whole they both copy."""
    engine = make_engine(warehouse_url)
    migrate(engine)
    cuts = [
        (0, 1, 2, 3, 4, 5),
        (0, 1, 2),
        (3, 4, 5),
        (0, 2, 4),
        (1, 3, 5),
        (0, 1, 2, 3),
        (2, 3, 4, 5),
        (0, 5),
    ]
    for run, start in enumerate(range(0, len(cuts), 2)):
        at = T0 + timedelta(hours=run)
        load(
            engine,
            *(
                article(f"c{n}", paragraphs(FERRY_DE, *cuts[n]), f"Outlet {n}", at + timedelta(minutes=n))
                for n in range(start, start + 2)
            ),
        )
        assert stories.cluster_pending(engine, SETTINGS, at + timedelta(minutes=30))["split"] == 0
    assert len(set(keys(engine).values())) == 1
    assert _changes(engine) == []
