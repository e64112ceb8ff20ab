"""The wire over real HTTP: feeds parse, pages match, conditional GET, time, keep-alive."""

from __future__ import annotations

import html
import re
import signal
import socket
import subprocess
import sys
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest
import trafilatura
import yaml

from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.devstack.simwire.outlets import NAMED

pytestmark = pytest.mark.integration

START = 1_731_427_200.0  # a Tuesday, 16:00 UTC
VERSIONS = {"rss": "rss20", "atom": "atom10", "rdf": "rss10"}


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def wire():
    with SimWire(WireSettings(start=START), clock=Clock(START + 60)) as running:
        yield running


def fetch(url: str, **headers: str) -> httpx.Response:
    return httpx.get(url, headers=headers, timeout=5)


def parse(response: httpx.Response) -> feedparser.FeedParserDict:
    return feedparser.parse(response.content, response_headers=dict(response.headers))


@pytest.mark.parametrize("outlet", NAMED, ids=lambda o: o.slug)
def test_feed_parses_with_right_version_and_decoding(wire, outlet):
    response = fetch(wire.app.feed_url(outlet))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(f"application/{outlet.format}+xml; charset=")
    parsed = parse(response)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == VERSIONS[outlet.format]
    assert parsed.feed.title == outlet.name
    truth = sorted((t for t in wire.truth() if t.outlet == outlet.slug), key=lambda t: -t.published)
    assert [e.title for e in parsed.entries] == [t.title for t in truth][: len(parsed.entries)]
    assert len(parsed.entries) == min(len(truth), wire.settings.items_per_feed) > 0
    for entry in parsed.entries:
        assert entry.get("published_parsed") or entry.get("updated_parsed")
        assert entry.get("id") and entry.get("summary")


@pytest.mark.parametrize(
    ("slug", "charset", "raw"),
    [
        ("courrier-lemanique", "ISO-8859-1", "à Koursk".encode("latin-1")),
        ("quotidien-du-rhone", "windows-1252", "l’état-major".encode("cp1252")),
        ("rheinische-morgenzeitung", "ISO-8859-1", "kämpfen".encode("latin-1")),
    ],
)
def test_single_byte_feeds_really_use_their_charset(wire, slug, charset, raw):
    outlet = wire.app.by_slug[slug]
    response = fetch(wire.app.feed_url(outlet))
    assert response.headers["content-type"].endswith(f"charset={charset}")
    assert response.content.startswith(f'<?xml version="1.0" encoding="{charset}"?>'.encode())
    assert raw in response.content
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")
    titles = [e.title for e in parse(response).entries]
    assert any(ch in title for title in titles for ch in "éàçäöüß«»’"), titles


def test_kursk_titles_survive_decoding(wire):
    copies = {t.outlet: t.title for t in wire.truth() if t.kind == "kursk-copy"}
    for outlet in NAMED:
        if outlet.slug in copies:
            titles = [e.title for e in parse(fetch(wire.app.feed_url(outlet))).entries]
            assert copies[outlet.slug] in titles


@pytest.mark.parametrize("outlet", NAMED, ids=lambda o: o.slug)
def test_links_lead_to_pages_on_the_outlet_address(wire, outlet):
    parsed = parse(fetch(wire.app.feed_url(outlet)))
    truth_urls = {t.url for t in wire.truth()}
    for entry in parsed.entries[:4]:
        link = urlsplit(entry.link)
        assert link.hostname == outlet.host and link.port == wire.port
        assert "utm_source" in link.query and link.fragment
        canonical = entry.link.split("?")[0]
        assert canonical in truth_urls
        page = fetch(entry.link)
        assert page.status_code == 200
        charset = page.headers["content-type"].split("charset=")[1]
        assert charset == outlet.charset
        text = page.content.decode(outlet.encoding)
        assert f'<meta charset="{charset}">' in text
        assert entry.title in html.unescape(text)
        assert f'<link rel="canonical" href="{canonical}">' in text


def test_article_page_has_chrome_that_an_extractor_strips(wire):
    item = next(t for t in wire.truth() if t.outlet == "courrier-lemanique" and t.kind == "kursk-copy")
    page = fetch(item.url)
    text = page.content.decode("iso-8859-1")
    for marker in (
        "<header",
        "<nav",
        "cookie-consent",
        'class="breadcrumbs"',
        "<article",
        "<h1>",
        "<time datetime=",
        'class="related-articles"',
        'class="comments"',
        'class="comment"',
        "newsletter",
        "<footer",
        'property="og:title"',
        'property="og:site_name"',
        'property="article:published_time"',
        'name="author"',
        '<html lang="fr-CH">',
    ):
        assert marker in text, marker
    assert (
        len(re.findall(r'<aside class="related-articles">.*?</aside>', text, re.S)[0].split("<li>")) - 1 >= 4
    )
    doc = trafilatura.bare_extraction(text, url=item.url, with_metadata=True, include_comments=False)
    assert doc.title == item.title
    assert doc.text.splitlines()[-1] == "(ats/afp)"
    assert "Vedant Patel" in doc.text
    for chrome in ("cookies", "newsletter", "Mentions légales", "Merci pour", "À lire aussi"):
        assert chrome not in doc.text


def test_related_box_always_has_four_or_five_links(wire):
    for item in wire.truth():
        if item.outlet == "berner-tagesbote":
            aside = re.search(
                r'<aside class="related-articles">(.*?)</aside>', fetch(item.url).text, re.S
            ).group(1)
            assert 4 <= aside.count("<li>") <= 5, item.url


def test_unknown_paths_are_404_html(wire):
    base = wire.app.base(NAMED[0])
    for path in (
        "/nope",
        "/feeds/nobody.rss",
        "/feeds/courrier-lemanique.atom",
        "/monde/2024/11/x-a1s0.html",
        "/faults/unknown.xml",
        "/monde/2024/11/x-a1n999999.html",
    ):
        response = fetch(base + path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html")


def test_any_address_serves_any_path(wire):
    other = wire.app.base(NAMED[6])
    response = fetch(other + NAMED[0].feed_path)
    assert response.status_code == 200 and b"Courrier" in response.content


def test_conditional_get_etag_and_last_modified(wire):
    url = wire.feeds()[3]["url"]
    first = fetch(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = fetch(url, **{"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert fetch(url, **{"If-None-Match": '"other"'}).status_code == 200
    assert fetch(url, **{"If-Modified-Since": modified}).status_code == 304
    assert fetch(url, **{"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"}).status_code == 200
    page_url = parse(first).entries[0].link
    page = fetch(page_url)
    assert fetch(page_url, **{"If-None-Match": page.headers["etag"]}).status_code == 304


def test_head_sends_headers_only(wire):
    url = wire.feeds()[0]["url"]
    get, head = fetch(url), httpx.head(url, timeout=5)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len(get.content))
    assert head.headers["etag"] == get.headers["etag"]
    assert head.headers["server"] and head.headers["date"]


def test_new_item_appears_as_the_clock_advances():
    clock = Clock(START)
    settings = WireSettings(start=START, new_item_every=300, backlog=5, items_per_feed=50)
    with SimWire(settings, clock=clock) as wire:
        url = wire.feeds()[6]["url"]
        before = fetch(url)
        fillers = [t for t in wire.truth() if t.kind == "filler"]
        assert len(fillers) == 5 * len(wire.outlets)
        count_before = len(parse(before).entries)

        next_at = wire.timeline.filler_time(6, 5)  # each outlet has its own phase within the interval
        assert START < next_at <= START + 300
        clock.now = next_at - 1
        assert fetch(url, **{"If-None-Match": before.headers["etag"]}).status_code == 304
        clock.now = START + 300
        after = fetch(url, **{"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200
        assert after.headers["etag"] != before.headers["etag"]
        entries = parse(after).entries
        assert len(entries) == count_before + 1
        newest = max((t for t in wire.truth() if t.outlet == "harbour-herald"), key=lambda t: t.published)
        assert entries[0].title == newest.title and newest.kind == "filler"
        assert len([t for t in wire.truth() if t.kind == "filler"]) == 6 * len(wire.outlets)
        assert fetch(newest.url).status_code == 200


def test_items_not_yet_published_are_not_served():
    clock = Clock(START - 7.5 * 3600)
    with SimWire(WireSettings(start=START), clock=clock) as wire:
        truth = wire.truth()
        assert [t.negative for t in truth] == ["battle-1943"]  # only the Zürich history piece is that old
        clock.now = START
        later = wire.truth()
        hidden = next(t for t in later if t.kind == "kursk-copy")
        clock.now = START - 7.5 * 3600
        assert fetch(hidden.url).status_code == 404


def test_feed_lists_only_items_per_feed_newest_first():
    with SimWire(WireSettings(start=START, items_per_feed=4), clock=Clock(START)) as wire:
        entries = parse(fetch(wire.feeds()[0]["url"])).entries
        assert len(entries) == 4
        times = [e.published_parsed for e in entries]
        assert times == sorted(times, reverse=True)


def test_feeds_list_and_yaml(wire):
    feeds = wire.feeds()
    assert [f["id"] for f in feeds] == [o.slug for o in NAMED]
    assert len({urlsplit(f["url"]).hostname for f in feeds}) == len(feeds)
    assert all(urlsplit(f["url"]).hostname.startswith("127.0.1.") for f in feeds)
    assert {f["language"] for f in feeds} == {"de", "fr", "en"}
    assert yaml.safe_load(wire.feeds_yaml()) == feeds
    assert "Zürcher Abendpost" in wire.feeds_yaml()


def _raw_exchange(host: str, port: int, payload: bytes) -> bytes:
    with socket.create_connection((host, port), timeout=5) as sock:
        sock.sendall(payload)
        chunks = []
        while chunk := sock.recv(65536):  # returns b"" only once the server closes
            chunks.append(chunk)
        return b"".join(chunks)


def test_keep_alive_pipelining_and_connection_close(wire):
    host, path = NAMED[0].host, NAMED[0].feed_path
    two = (
        f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\nHEAD {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    data = _raw_exchange(host, wire.port, two.encode())
    assert data.count(b"HTTP/1.1 200 OK") == 2
    assert b"Connection: keep-alive" in data and data.rstrip().endswith(b"Connection: close")
    http10 = _raw_exchange(host, wire.port, f"GET {path} HTTP/1.0\r\n\r\n".encode())
    assert http10.startswith(b"HTTP/1.1 200 OK") and b"Connection: close" in http10
    assert http10.endswith(b"</rss>\n")
    bad = _raw_exchange(host, wire.port, b"NONSENSE\r\n\r\n")
    assert bad.startswith(b"HTTP/1.1 400")
    post = _raw_exchange(
        host, wire.port, f"POST {path} HTTP/1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nab".encode()
    )
    assert post.startswith(b"HTTP/1.1 405")


def test_feedparser_fetches_by_url_with_urllib(wire):
    for feed in wire.feeds():
        parsed = feedparser.parse(feed["url"])
        assert parsed.status == 200 and not parsed.bozo, feed["id"]
        assert parsed.entries
        cached = feedparser.parse(feed["url"], etag=parsed.etag, modified=parsed.modified)
        assert cached.status == 304


def test_serve_runs_in_the_foreground_until_a_signal():
    code = "from wirewatch.devstack.simwire import WireSettings, serve; serve(WireSettings(port=0))"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        assert "10 outlets listening on 127.0.1.1 .. 127.0.1.10" in first
        feed_line = proc.stdout.readline().split()
        assert feed_line[0].endswith("/feeds/courrier-lemanique.rss")
        assert fetch(feed_line[0]).status_code == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        proc.kill()
        proc.stdout.close()


def test_generated_outlets_rotate_language_and_format():
    with SimWire(WireSettings(start=START, outlets=14), clock=Clock(START)) as wire:
        extra = wire.outlets[10:]
        assert [o.language for o in extra] == ["de", "fr", "en", "de"]
        assert [o.format for o in extra] == ["rss", "rss", "rss", "atom"]
        assert len({o.slug for o in wire.outlets}) == 14
        for outlet in extra:
            parsed = parse(fetch(wire.app.feed_url(outlet)))
            assert not parsed.bozo and parsed.version == VERSIONS[outlet.format] and len(parsed.entries) == 5
        assert {t.kind for t in wire.truth() if t.outlet in {o.slug for o in extra}} == {"filler"}
