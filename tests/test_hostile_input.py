"""Hostile feeds and pages through the whole pipeline: each bounded and recorded, the rest loads."""

from __future__ import annotations

import gzip
import time

import pytest
import yaml
from sqlalchemy import select

from tests.loopback import LoopbackServer, respond
from wirewatch.config import Settings, load_pipeline_config
from wirewatch.ingest.feeds import FeedParseError, parse_feed
from wirewatch.pipeline import RunContext, run_once
from wirewatch.warehouse.schema import articles, feed_polls

pytestmark = [pytest.mark.integration, pytest.mark.slow(seconds=15)]

ARTICLE = (
    "<p>" + " ".join(["Der Stadtrat hat am Dienstag die neue Velostrategie verabschiedet."] * 12) + "</p>"
)
PAGE = f"<html lang='de'><head><title>T</title></head><body><article><h1>T</h1>{ARTICLE}</article></body></html>".encode()


def rss(items: str) -> bytes:
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


def item(
    link: str, title: str = "Titel", guid: str | None = None, date: str = "Tue, 05 Nov 2024 10:00:00 GMT"
) -> str:
    return f"<item><title>{title}</title><link>{link}</link><guid>{guid or link}</guid><pubDate>{date}</pubDate><description>Kurz.</description></item>"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
<rss version="2.0"><channel><title>&h;</title><item><title>&h;</title><link>http://x/1</link></item></channel></rss>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>leak &secret; end</title><link>http://x/1</link></item></channel></rss>"""


def test_entity_expansion_is_bounded():
    started = time.monotonic()
    try:
        entries, _ = parse_feed(BILLION_LAUGHS, {"content-type": "application/rss+xml"}, "http://x/feed")
    except FeedParseError as exc:
        assert "readable feed" in str(exc)
    else:
        assert all(len(e.title) < 100_000 for e in entries)
    assert time.monotonic() - started < 10


def test_external_entities_are_not_resolved():
    try:
        entries, _ = parse_feed(XXE, {"content-type": "application/rss+xml"}, "http://x/feed")
    except FeedParseError:
        return
    assert all("root:" not in e.title for e in entries)


@pytest.fixture
def hostile_server():
    server = LoopbackServer({})
    base = server.url
    now_rfc = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime())
    thousands = "".join(item(f"{base}/many/{n}.html", f"Meldung {n}", date=now_rfc) for n in range(3000))
    routes = {
        "/laughs.rss": respond(BILLION_LAUGHS, headers={"Content-Type": "application/rss+xml"}),
        "/xxe.rss": respond(XXE, headers={"Content-Type": "application/rss+xml"}),
        "/bomb.rss": respond(
            gzip.compress(b"<rss>" + b" " * 30_000_000), headers={"Content-Encoding": "gzip"}
        ),
        "/loop.rss": respond(b"", status=301, headers={"Location": "/loop.rss"}),
        "/many.rss": respond(rss(thousands)),
        "/mixed.rss": respond(
            rss(
                item(f"{base}/dup.html", "Erste", guid="same")
                + item(f"{base}/dup.html?utm_source=x", "Zweite", guid="same")
                + item(f"{base}/future.html", "Zukunft", date="Fri, 01 Jan 2100 00:00:00 GMT")
                + item(f"{base}/nodate.html", "Ohne", date="sometime soon")
                + item(f"{base}/huge.html", "Riesig")
                + item("javascript:alert(1)", "Böse")
            )
        ),
        "/dup.html": respond(PAGE),
        "/future.html": respond(PAGE.replace(b"Velostrategie", b"Zukunftsstrategie")),
        "/nodate.html": respond(PAGE.replace(b"Velostrategie", b"Parkstrategie")),
        "/huge.html": respond(b"<html><body>" + b"<p>x</p>" * 3_000_000 + b"</body></html>"),
    }
    server.routes.update(routes)
    server.routes.update(
        {f"/many/{n}.html": respond(PAGE.replace(b"Velo", str(n).encode())) for n in range(3000)}
    )
    yield server
    server.close()


def test_hostile_feeds_are_bounded_and_recorded(tmp_path, hostile_server):
    feed_ids = ["laughs", "xxe", "bomb", "loop", "many", "mixed"]
    config = {
        "active": "t",
        "fetch": {
            "max_body_bytes": 2_000_000,
            "max_redirects": 3,
            "max_new_articles_per_feed": 50,
            "read_timeout": 5,
        },
        "allow_networks": {"t": ["127.0.0.0/8"]},
        "lists": {
            "t": [
                {"id": f, "outlet": f.title(), "url": f"{hostile_server.url}/{f}.rss", "language": "de"}
                for f in feed_ids
            ]
        },
    }
    feeds_file = tmp_path / "feeds.yaml"
    feeds_file.write_text(yaml.safe_dump(config))
    settings = Settings.from_env(
        {
            "WIREWATCH_FEEDS_FILE": str(feeds_file),
            "WIREWATCH_DATA_DIR": str(tmp_path),
            "WIREWATCH_WAREHOUSE_URL": f"sqlite:///{tmp_path / 'w.db'}",
        }
    )
    ctx = RunContext.open("hostile-1", config=load_pipeline_config(settings))
    run_once(ctx)
    with ctx.engine.connect() as conn:
        polls = {r.feed_id: r for r in conn.execute(select(feed_polls))}
        stored = {r.canonical_url: r for r in conn.execute(select(articles))}
    assert polls["bomb"].error_class == "body_too_large"
    assert polls["loop"].error_class == "too_many_redirects"
    assert polls["xxe"].outcome in ("ok", "error")
    assert all("root:" not in (a.title or "") for a in stored.values())
    # thousands of items: the per-feed cap holds, the rest waits for the next poll
    assert polls["many"].entries == 3000 and polls["many"].new_entries == 50
    mixed = polls["mixed"]
    assert "javascript:alert(1)" in mixed.parse_warning
    base = hostile_server.url
    assert f"{base}/dup.html" in stored and f"{base}/dup.html?utm_source=x" not in stored
    assert stored[f"{base}/future.html"].published_at is None
    assert "lies in the future" in stored[f"{base}/future.html"].error
    assert stored[f"{base}/nodate.html"].status == "ok"
    huge = stored[f"{base}/huge.html"]
    assert huge.status == "fallback" and "body_too_large" in huge.error

    run_once(RunContext.open("hostile-2", config=load_pipeline_config(settings)), every_feed=True)
    with ctx.engine.connect() as conn:
        many = conn.execute(
            select(feed_polls).where(feed_polls.c.run_id == "hostile-2", feed_polls.c.feed_id == "many")
        ).one()
    assert many.new_entries == 50  # the next 50 of the backlog
