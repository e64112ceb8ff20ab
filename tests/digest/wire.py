"""A warehouse filled by the real pipeline from the simulated wire, plus copies the wire lacks:
exact reprints of one agency story by four more outlets, and an article with a hostile headline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import select

from tests.wiring import HANG_SECONDS, shipped_topics, write_feeds_file
from wirewatch.config import Settings, load_pipeline_config
from wirewatch.devstack.simwire import ItemTruth, SimWire, WireSettings
from wirewatch.ingest.urls import article_id
from wirewatch.pipeline import RunContext, cluster_copies, match_pending, run_once
from wirewatch.stories import body_hash
from wirewatch.warehouse.schema import articles
from wirewatch.warehouse.store import upsert

TZ = "Europe/Zurich"
TOPIC = "dprk-troops-kursk"
QUIET_TOPIC = "mars-sample-return"  # a topic nothing on the wire matches
# the Courrier's ATS story, reprinted word for word: one story, five outlets
REPRINTS = (
    ("nouvelliste-du-lac", "Le Nouvelliste du Lac", timedelta(minutes=20), "ATS"),
    ("radio-leman-info", "Radio Léman Info", timedelta(minutes=50), "ATS"),
    # earlier than the agency copy but without attribution: must not lead the story
    ("matin-express", "Le Matin Express", -timedelta(minutes=25), None),
    ("tribune-du-valais", "La Tribune du Valais", timedelta(hours=1), "ATS"),
)
REPRINT_OUTLETS = tuple(outlet for _, outlet, _, _ in REPRINTS)
HOSTILE_HEADLINE = '<script>alert("pwned")</script><img src=x onerror=alert(1)> Kursk & <b>troops</b>'
HOSTILE_OUTLET = "Evil & Sons <i>Daily</i>"
HOSTILE_URL = "https://evil.example/kursk-troops"


@dataclass
class FilledWarehouse:
    url: str
    day: date
    truth: list[ItemTruth]
    settings: Settings
    topics_file: Path

    @property
    def copies(self) -> list[ItemTruth]:
        return [t for t in self.truth if t.kind == "kursk-copy"]


def local_noon(day: date) -> float:
    return datetime.combine(day, time(12), ZoneInfo(TZ)).timestamp()


def write_topics(path: Path) -> Path:
    """The shipped topics plus one that stays quiet, for empty-day digests."""
    data = shipped_topics()
    data["topics"].append({"id": QUIET_TOPIC, "name": "Mars sample return", "query": '"mars sample return"'})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _extra_article(source: dict, slug: str, outlet: str, offset: timedelta, agency: str | None) -> dict:
    url = f"https://{slug}.example/monde/kursk-{slug}"
    return source | {
        "article_id": article_id(url),
        "canonical_url": url,
        "url": url,
        "feed_id": slug,
        "outlet": outlet,
        "guid": url,
        "published_at": source["published_at"] + offset,
        "fetched_at": datetime.now(UTC),
        "agency": agency,
        "agency_signature": None,
        # not yet clustered: the pipeline's own clustering stage must place it
        "cluster_key": None,
        "indexed_version": None,
        "duplicate_of": None,
        "topics_digest": None,
        "raw_sha256": None,
        "loaded_by_run": "tests-extra",
    }


def fill(tmp_path: Path, warehouse_url: str, day: date) -> FilledWarehouse:
    """Run the pipeline against the wire as it stands at local noon of `day`, then add the extras."""
    topics_file = write_topics(tmp_path / "topics.yaml")
    with SimWire(WireSettings(port=0, hang_seconds=HANG_SECONDS), clock=lambda: local_noon(day)) as wire:
        settings = Settings.from_env(
            {
                "WIREWATCH_FEEDS_FILE": str(write_feeds_file(tmp_path / "feeds.yaml", wire)),
                "WIREWATCH_TOPICS_FILE": str(topics_file),
                "WIREWATCH_DATA_DIR": str(tmp_path / "data"),
                "WIREWATCH_WAREHOUSE_URL": warehouse_url,
            }
        )
        ctx = RunContext.open("tests-wire", config=load_pipeline_config(settings))
        run_once(ctx)
        truth = wire.truth()
    courrier = next(t for t in truth if t.kind == "kursk-copy" and t.outlet == "courrier-lemanique")
    with ctx.engine.begin() as conn:
        source = dict(
            conn.execute(select(articles).where(articles.c.canonical_url == courrier.url)).mappings().one()
        )
        extra = [_extra_article(source, *reprint) for reprint in REPRINTS]
        hostile_body = (
            "North Korean troops <script>document.cookie</script> are fighting in the Kursk region, "
            "officials said on Tuesday. The soldiers arrived last week."
        )
        hostile = _extra_article(source, "evil", HOSTILE_OUTLET, timedelta(hours=2), None) | {
            "article_id": article_id(HOSTILE_URL),
            "canonical_url": HOSTILE_URL,
            "url": HOSTILE_URL,
            "title": HOSTILE_HEADLINE,
            "language": "en",
            "body": hostile_body,
            "body_hash": body_hash(hostile_body),
        }
        upsert(conn, articles, [*extra, hostile], ["article_id"])
    # the pipeline's own stages cluster the reprints with the original and match everything
    ctx = RunContext.open("tests-extra", config=load_pipeline_config(settings))
    cluster_copies(ctx)
    match_pending(ctx)
    ctx.engine.dispose()
    return FilledWarehouse(warehouse_url, day, truth, settings, topics_file)
