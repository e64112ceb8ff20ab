"""Integration tier: the whole pipeline in one process against the simulated wire on loopback."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from tests.wiring import FEED_FAULT_EXPECTATIONS, HANG_SECONDS, shipped_topics, write_feeds_file
from wirewatch.config import Feed, Settings, load_pipeline_config
from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.ingest.urls import article_id
from wirewatch.pipeline import RunContext, plan_shards, run_once
from wirewatch.warehouse.schema import articles, clusters, events, feed_polls, feeds, matches

pytestmark = pytest.mark.integration
REPO = Path(__file__).resolve().parents[1]
NOW = time.time()


@pytest.fixture(scope="module")
def wire():
    settings = WireSettings(port=0, hang_seconds=HANG_SECONDS, faults={"northern-ledger": "page-404"})
    with SimWire(settings, clock=lambda: NOW) as running:
        yield running


def context(tmp_path, wire, warehouse_url, run_id):
    settings = Settings.from_env(
        {
            "WIREWATCH_FEEDS_FILE": str(write_feeds_file(tmp_path / "feeds.yaml", wire)),
            "WIREWATCH_DATA_DIR": str(tmp_path / "data"),
            "WIREWATCH_WAREHOUSE_URL": warehouse_url,
        }
    )
    return RunContext.open(run_id, config=load_pipeline_config(settings))


def rows(engine, table):
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(table)).mappings()]


def count(engine, table):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_run_once_loads_matches_records_faults_and_is_idempotent(tmp_path, wire, warehouse_url):
    ctx = context(tmp_path, wire, warehouse_url, "run-1")
    summary = run_once(ctx)
    truth = wire.truth()

    # every copy of the wire story is matched, with its agency; no hard negative is
    matched = {m["url"]: m for m in rows(ctx.engine, matches) if m["topic_id"] == "dprk-troops-kursk"}
    copies = [t for t in truth if t.kind == "kursk-copy"]
    assert len(copies) == 8
    assert {t.url for t in copies} <= set(matched)
    assert {matched[t.url]["agency"] for t in copies} == {"ATS", "AFP", "dpa"}
    for t in copies:
        assert matched[t.url]["agency"] == t.agency, t.url
        assert "[[" in matched[t.url]["snippet"]
    negatives = {t.url for t in truth if t.kind == "hard-negative"}
    assert negatives and not negatives & set(matched)
    assert set(matched) == {t.url for t in copies}

    # each match is explained: hits point into the stored headline or body
    stored = {a["canonical_url"]: a for a in rows(ctx.engine, articles)}
    for url, match in matched.items():
        hits = json.loads(match["hits"])
        assert match["score"] > 0 and {h["field"] for h in hits} <= {"title", "body"}
        assert set(json.loads(match["matched_terms"])) == {h["term"] for h in hits}
        for hit in hits:
            text = stored[url]["title"] if hit["field"] == "title" else stored[url]["body"]
            assert text[hit["start"] : hit["end"]] == hit["text"], url

    # each broken feed is a recorded status; the rest of the run loaded
    polls = {p["feed_id"]: p for p in rows(ctx.engine, feed_polls)}
    for kind, error_class in FEED_FAULT_EXPECTATIONS.items():
        assert polls[f"fault-{kind}"]["outcome"] == "error", kind
        assert polls[f"fault-{kind}"]["error_class"] == error_class, kind
    assert polls["unreachable"]["error_class"] == "connect_error"
    assert polls["fault-malformed"]["outcome"] == "error" or polls["fault-malformed"]["parse_warning"]
    assert all(polls[f["id"]]["outcome"] == "ok" for f in wire.feeds())
    assert summary["polls"]["failed"] == len(FEED_FAULT_EXPECTATIONS) + 1 + (
        polls["fault-malformed"]["outcome"] == "error"
    )
    state = {f["feed_id"]: f for f in rows(ctx.engine, feeds)}
    assert (
        state["fault-429"]["consecutive_failures"] == 1 and "Retry-After" in state["fault-429"]["last_error"]
    )

    # pages that 404 fall back to the feed summary and say why
    ledger = [a for a in rows(ctx.engine, articles) if a["feed_id"] == "northern-ledger"]
    assert ledger and all(a["status"] == "fallback" and "http_404" in a["error"] for a in ledger)
    others = [a for a in rows(ctx.engine, articles) if a["feed_id"] != "northern-ledger"]
    assert all(a["status"] == "ok" and a["extraction_path"] == "trafilatura" for a in others)
    assert all(a["raw_sha256"] and ctx.archive.get(a["raw_sha256"]) for a in others)

    # the copies of one text share a story, in every language: ATS's French original, its French
    # republication and its German and English translations; AFP and dpa wrote their own stories of
    # the same event
    kursk = {t.outlet: t for t in copies}
    articles_by_url = {a["canonical_url"]: a for a in rows(ctx.engine, articles)}
    story_of = {url: a["cluster_key"] for url, a in articles_by_url.items()}
    ats = {"courrier-lemanique", "gazette-du-jura", "berner-tagesbote", "zuercher-abendpost"}
    ats |= {"emmentaler-landbote", "alpine-dispatch"}
    assert len({story_of[kursk[o].url] for o in ats}) == 1
    assert len({story_of[t.url] for t in copies}) == 3
    original = article_id(kursk["courrier-lemanique"].url)
    translated = {o for o in ats if articles_by_url[kursk[o].url]["translated_from"] == original}
    assert translated == ats - {"courrier-lemanique", "gazette-du-jura"}
    stories = {c["cluster_key"]: c for c in rows(ctx.engine, clusters)}
    key = story_of[kursk["courrier-lemanique"].url]
    assert stories[key]["agency"] == "ATS" and stories[key]["copies"] == 6
    assert stories[key]["canonical_article_id"] == original
    assert json.loads(stories[key]["languages"]) == ["de", "en", "fr"]
    # one event: every Kursk match carries its key, and the events row counts three stories
    assert len({m["event_key"] for m in matched.values()}) == 1
    (event,) = [e for e in rows(ctx.engine, events) if e["event_key"] == stories[key]["event_key"]]
    assert event["stories"] == 3 and json.loads(event["agencies"]) == ["AFP", "ATS", "dpa"]
    assert all(m["cluster_key"] == story_of[m["url"]] for m in matched.values())
    # each hard negative is a story of its own, except AFP's missile item and its English version:
    # a translation, so one story in two languages
    negatives = {(t.negative, t.language): story_of[t.url] for t in truth if t.kind == "hard-negative"}
    assert negatives[("missile-test", "fr")] == negatives[("missile-test", "en")]
    assert len(set(negatives.values())) == len(negatives) - 1
    negative_stories = list(negatives.values())
    assert not set(negative_stories) & {story_of[t.url] for t in copies}
    assert len(stories) == len(set(story_of.values()))

    # right after, no feed is due: every one is skipped, none fetched
    assert summary["polls"]["skipped"] == 0
    early = run_once(context(tmp_path, wire, warehouse_url, "run-1b"))
    assert early["polls"]["feeds"] == 0 and early["polls"]["skipped"] == len(polls)

    # an hour later every feed is due again; the same wire adds nothing and changes no story
    before = {t.name: rows(ctx.engine, t) for t in (articles, matches, clusters)}
    second = run_once(
        context(tmp_path, wire, warehouse_url, "run-2"), as_of=datetime.now(UTC) + timedelta(hours=1)
    )
    assert second["polls"]["feeds"] == len(polls)
    assert second["polls"]["new_articles"] == 0
    assert second["clusters"]["clustered"] == 0
    assert {t.name: rows(ctx.engine, t) for t in (articles, matches, clusters)} == before
    assert second["polls"]["not_modified"] == len(wire.feeds())


def test_a_topic_that_does_not_compile_is_left_out_and_the_others_match(tmp_path, wire, warehouse_url):
    shipped = shipped_topics()
    shipped["topics"].append({"id": "broken", "name": "Broken", "query": "kursk AND (troops"})
    topics_file = tmp_path / "topics.yaml"
    topics_file.write_text(yaml.safe_dump(shipped, allow_unicode=True), encoding="utf-8")
    settings = Settings.from_env(
        {
            "WIREWATCH_FEEDS_FILE": str(write_feeds_file(tmp_path / "feeds.yaml", wire)),
            "WIREWATCH_TOPICS_FILE": str(topics_file),
            "WIREWATCH_DATA_DIR": str(tmp_path / "data"),
            "WIREWATCH_WAREHOUSE_URL": warehouse_url,
        }
    )
    summary = run_once(RunContext.open("run-bad-topic", config=load_pipeline_config(settings)))
    assert set(summary["matches"]["topic_errors"]) == {"broken"}
    assert "unexpected end of query" in summary["matches"]["topic_errors"]["broken"]
    assert summary["matches"]["matches"] == {"dprk-troops-kursk": 8}


def test_shards_group_feeds_by_host_and_label_the_outlet(tmp_path, wire):
    config = load_pipeline_config(
        Settings.from_env({"WIREWATCH_FEEDS_FILE": str(write_feeds_file(tmp_path / "f.yaml", wire))})
    )
    shards = plan_shards(config.feeds, max_shards=64)
    assert shards[0]["label"].startswith("Le Courrier lémanique +")  # its host also serves the fault feeds
    assert len(shards) == len({f.host for f in config.feeds}) >= 8
    assert sorted(i for s in shards for i in s["feed_ids"]) == sorted(f.id for f in config.feeds)


def test_shard_cap_keeps_each_host_in_one_shard():
    feeds = [
        Feed(id=f"f{n}", outlet=f"Outlet {n % 50}", url=f"http://127.0.{n % 50}.1/{n}.rss", language="de")
        for n in range(200)
    ]
    shards = plan_shards(feeds, max_shards=16)
    assert len(shards) == 16
    hosts = [host for shard in shards for host in shard["hosts"]]
    assert len(hosts) == len(set(hosts)) == 50
    sizes = [len(shard["feed_ids"]) for shard in shards]
    assert max(sizes) - min(sizes) <= 4  # whole hosts of 4 feeds each
    assert sorted(i for s in shards for i in s["feed_ids"]) == sorted(f.id for f in feeds)
