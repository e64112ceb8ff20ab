"""Every fault kind misbehaves as specified, both configured per outlet and at /faults/<kind>.xml."""

from __future__ import annotations

import time

import feedparser
import httpx
import pytest
import trafilatura

from wirewatch.devstack.simwire import FEED_FAULTS, SimWire, WireSettings
from wirewatch.devstack.simwire.faults import truncate_mid_element

pytestmark = pytest.mark.integration

START = 1_731_427_200.0
FAULTED = {
    "courrier-lemanique": "wrong-charset",
    "gazette-du-jura": "malformed",
    "berner-tagesbote": "429",
    "zuercher-abendpost": "timeout",
    "harbour-herald": "page-404",
    "northern-ledger": "page-empty",
    "quotidien-du-rhone": "page-nonarticle",
    "rheinische-morgenzeitung": "reset",
}


@pytest.fixture(scope="module")
def wire():
    settings = WireSettings(start=START, faults=FAULTED, hang_seconds=1.5)
    with SimWire(settings, clock=lambda: START + 60) as running:
        yield running


def get(url: str, timeout: float = 5.0) -> httpx.Response:
    return httpx.get(url, timeout=timeout)


def parse(response: httpx.Response) -> feedparser.FeedParserDict:
    return feedparser.parse(response.content, response_headers=dict(response.headers))


@pytest.mark.parametrize("kind", ["404", "410", "500"])
def test_http_errors(wire, kind):
    response = get(wire.fault_url(kind))
    assert response.status_code == int(kind)
    assert response.headers["content-type"].startswith("text/html")
    assert b"<html" in response.content


def test_429_has_retry_after(wire):
    for url in (wire.fault_url("429"), wire.feeds()[3]["url"]):
        response = get(url)
        assert response.status_code == 429 and response.headers["retry-after"] == "120"


def test_timeout_hangs_then_closes_without_a_byte(wire):
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        get(wire.fault_url("timeout"), timeout=0.3)
    # the client gave up before the server would have closed the connection (hang_seconds)
    assert time.monotonic() - started < 1.5
    # after hang_seconds the server closes without having sent anything
    with pytest.raises(httpx.RemoteProtocolError):
        get(wire.feeds()[4]["url"], timeout=5)


def test_stop_cancels_hanging_handlers():
    with SimWire(WireSettings(start=START, hang_seconds=60), clock=lambda: START) as wire:
        with pytest.raises(httpx.ReadTimeout):
            get(wire.fault_url("timeout"), timeout=0.2)
        started = time.monotonic()
        wire.stop()
        # a handler left hanging holds stop() until its own 10 s limits run out
        assert time.monotonic() - started < 8
        wire.stop()  # idempotent
    with pytest.raises(httpx.ConnectError):
        get(wire.feeds()[0]["url"], timeout=1)


@pytest.mark.parametrize("url_of", [lambda w: w.fault_url("malformed"), lambda w: w.feeds()[1]["url"]])
def test_malformed_is_a_truncated_feed(wire, url_of):
    response = get(url_of(wire))
    assert response.status_code == 200 and "xml" in response.headers["content-type"]
    assert response.content.startswith(b"<?xml")
    assert not response.content.rstrip().endswith((b"</rss>", b"</feed>", b"</rdf:RDF>"))
    parsed = parse(response)
    assert parsed.bozo


def test_truncation_cuts_inside_the_second_entry():
    text = "<rss><channel><title>T</title><item><title>one</title></item><item><title>second title</title></item>"
    cut = truncate_mid_element(text)
    assert cut.startswith("<rss><channel><title>T</title><item><title>one</title></item><item><title>")
    assert "second title" not in cut


def test_not_xml_is_an_html_page(wire):
    response = get(wire.fault_url("not-xml"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.content.lstrip().startswith(b"<!DOCTYPE html>")
    assert parse(response).bozo


def test_empty_is_zero_bytes(wire):
    response = get(wire.fault_url("empty"))
    assert response.status_code == 200 and response.content == b""
    assert response.headers["content-length"] == "0"


@pytest.mark.parametrize("url_of", [lambda w: w.fault_url("wrong-charset"), lambda w: w.feeds()[0]["url"]])
def test_wrong_charset_declares_utf8_but_sends_cp1252(wire, url_of):
    response = get(url_of(wire))
    assert response.headers["content-type"].endswith("charset=utf-8")
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")
    assert "é" in response.content.decode("cp1252")
    parsed = parse(response)
    assert parsed.bozo and "CharacterEncodingOverride" in type(parsed.bozo_exception).__name__


@pytest.mark.parametrize("url_of", [lambda w: w.fault_url("reset"), lambda w: w.feeds()[5]["url"]])
def test_reset_breaks_the_connection(wire, url_of):
    with pytest.raises(httpx.TransportError):
        get(url_of(wire))


def test_every_fault_kind_has_an_always_on_url(wire):
    for kind in FEED_FAULTS:
        for slug in ("courrier-lemanique", "northern-ledger"):
            assert wire.fault_url(kind, slug).endswith(f"/faults/{kind}.xml")
    with pytest.raises(ValueError):
        wire.fault_url("page-404")


def test_faulted_feed_serves_ok_elsewhere(wire):
    """A page fault leaves the outlet's feed alone."""
    for slug in ("harbour-herald", "northern-ledger", "quotidien-du-rhone"):
        outlet = wire.app.by_slug[slug]
        parsed = parse(get(wire.app.feed_url(outlet)))
        assert not parsed.bozo and parsed.entries


def _page_url(wire, slug: str) -> str:
    return next(t.url for t in wire.truth() if t.outlet == slug)


def test_page_faults(wire):
    missing = get(_page_url(wire, "harbour-herald"))
    assert missing.status_code == 404
    empty = get(_page_url(wire, "northern-ledger"))
    assert empty.status_code == 200 and empty.content == b""
    assert empty.headers["content-type"].startswith("text/html")
    chrome = get(_page_url(wire, "quotidien-du-rhone"))
    assert chrome.status_code == 200 and b"<nav" in chrome.content and b"<footer" in chrome.content
    assert b"<article" not in chrome.content and b"<h1" not in chrome.content
    assert len(trafilatura.extract(chrome.content.decode("cp1252")) or "") < 200  # no article text to find
    # pages of outlets without a page fault are fine
    assert get(_page_url(wire, "berner-tagesbote")).status_code == 200


def test_unknown_fault_or_outlet_is_rejected():
    with pytest.raises(ValueError, match="unknown fault"):
        SimWire(WireSettings(faults={"harbour-herald": "explode"}))
    with pytest.raises(ValueError, match="unknown outlets"):
        SimWire(WireSettings(faults={"daily-nowhere": "404"}))
    with pytest.raises(ValueError, match="at least 10"):
        SimWire(WireSettings(outlets=3))
