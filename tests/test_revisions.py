"""Revisions: a known URL whose feed entry says it changed is fetched again; a new text is a new
version of the same article, a new clock time on the page is not. Served over loopback HTTP."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml
from sqlalchemy import select

from tests.stories.stories import FERRY_DE
from wirewatch.config import Settings, load_pipeline_config
from wirewatch.pipeline import RunContext, run_once
from wirewatch.warehouse.schema import article_versions, articles, feed_polls
from wirewatch.warehouse.store import as_utc

pytestmark = pytest.mark.integration


class Site:
    """One Atom feed with one entry, and its article page; tests edit both between runs."""

    def __init__(self) -> None:
        self.updated = datetime(2025, 5, 6, 8, 0, tzinfo=UTC)
        self.stamp = "Aktualisiert um 08:00 Uhr"
        self.paragraphs = list(FERRY_DE.paragraphs)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_port}"

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                if self.path == "/feed.atom":
                    body, kind = site.feed(), "application/atom+xml"
                elif self.path == "/news/ferry.html":
                    body, kind = site.page(), "text/html; charset=utf-8"
                else:
                    self.send_error(404)
                    return
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        return Handler

    def feed(self) -> str:
        updated = self.updated.isoformat()
        return (
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>Seetal Zeitung</title>'
            f"<id>tag:seetal,2025:feed</id><updated>{updated}</updated>"
            f'<entry><title>{escape(FERRY_DE.title)}</title><link href="{self.base}/news/ferry.html"/>'
            f"<id>tag:seetal,2025:ferry</id><published>2025-05-06T08:00:00Z</published>"
            f"<updated>{updated}</updated><summary>{escape(self.paragraphs[0])}</summary></entry></feed>"
        )

    def page(self) -> str:
        body = "".join(f"<p>{escape(p)}</p>" for p in self.paragraphs)
        return (
            f"<html><head><title>{escape(FERRY_DE.title)}</title></head><body><article>"
            f"<h1>{escape(FERRY_DE.title)}</h1><p class='meta'>{self.stamp}</p>{body}</article></body></html>"
        )

    def __enter__(self) -> Site:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def run(tmp_path, site: Site, warehouse_url: str, run_id: str) -> dict:
    feeds = tmp_path / "feeds.yaml"
    entry = {"id": "seetal", "outlet": "Seetal Zeitung", "url": f"{site.base}/feed.atom", "language": "de"}
    document = {"active": "t", "allow_networks": {"t": ["127.0.0.0/8"]}, "lists": {"t": [entry]}}
    feeds.write_text(yaml.safe_dump(document), encoding="utf-8")
    settings = Settings.from_env(
        {
            "WIREWATCH_FEEDS_FILE": str(feeds),
            "WIREWATCH_DATA_DIR": str(tmp_path / "data"),
            "WIREWATCH_WAREHOUSE_URL": warehouse_url,
        }
    )
    # every feed, due or not: this is about revisions, not about the polling schedule
    return run_once(RunContext.open(run_id, config=load_pipeline_config(settings)), every_feed=True)


def state(engine) -> tuple[dict, list[dict]]:
    with engine.connect() as conn:
        article = dict(conn.execute(select(articles)).mappings().one())
        versions = [dict(v) for v in conn.execute(select(article_versions)).mappings()]
    return article, versions


def test_a_changed_text_is_a_new_version_and_a_new_clock_time_is_not(tmp_path, warehouse_url):
    with Site() as site:
        first = run(tmp_path, site, warehouse_url, "run-1")
        assert first["polls"]["new_articles"] == 1
        engine = RunContext.open("x", warehouse_url, load_pipeline_config()).engine
        original, _ = state(engine)
        assert original["version"] == 1 and "2300 Menschen" in original["body"]

        # the same feed again: nothing to do
        again = run(tmp_path, site, warehouse_url, "run-2")
        assert again["polls"]["new_articles"] == again["polls"]["revised_articles"] == 0
        assert state(engine) == (original, [])

        # the feed says updated, but only the page's clock time moved: no new version
        site.updated = datetime(2025, 5, 6, 9, 0, tzinfo=UTC)
        site.stamp = "Aktualisiert um 09:00 Uhr"
        touched = run(tmp_path, site, warehouse_url, "run-3")
        assert touched["polls"]["revised_articles"] == 0
        article, versions = state(engine)
        assert versions == [] and article["version"] == 1 and article["body"] == original["body"]
        assert as_utc(article["entry_updated_at"]) == site.updated  # fetched, compared, noted

        # a corrected figure and a new paragraph: version 2, version 1 kept, matched and clustered again
        site.updated = datetime(2025, 5, 6, 11, 0, tzinfo=UTC)
        site.paragraphs[2] = site.paragraphs[2].replace("2300 Menschen", "2600 Menschen")
        site.paragraphs.append("Am Abend teilte der Kanton mit, der Bau beginne bereits im August.")
        revised = run(tmp_path, site, warehouse_url, "run-4")
        assert revised["polls"]["revised_articles"] == 1 and revised["polls"]["new_articles"] == 0
        assert revised["clusters"]["clustered"] == 1 and revised["matches"]["checked"] == 1
        article, versions = state(engine)
        assert article["version"] == 2 and "2600 Menschen" in article["body"]
        assert article["article_id"] == original["article_id"]
        assert article["cluster_key"] == original["cluster_key"]  # still the same story
        assert article["loaded_by_run"] == "run-1"
        assert [(v["version"], v["body"], v["replaced_by_run"]) for v in versions] == [
            (1, original["body"], "run-4")
        ]
        with engine.connect() as conn:
            polls = dict(conn.execute(select(feed_polls.c.run_id, feed_polls.c.revised_entries)).all())
        assert polls == {"run-1": 0, "run-2": 0, "run-3": 0, "run-4": 1}

        # and once more: nothing
        last = run(tmp_path, site, warehouse_url, "run-5")
        assert last["polls"]["revised_articles"] == 0
        assert state(engine) == (article, versions)
