"""Routing: which feed, page or fault a request gets, with conditional GET on feeds and pages."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import formatdate, parsedate_to_datetime

from wirewatch.devstack.simwire.chrome import EVERGREEN
from wirewatch.devstack.simwire.faults import feed_fault, html, page_fault
from wirewatch.devstack.simwire.feeds import CONTENT_TYPES, Entry, feed_document
from wirewatch.devstack.simwire.model import FEED_FAULTS, PAGE_FAULTS, Article, WireSettings
from wirewatch.devstack.simwire.outlets import FORMAT_EXT, Outlet
from wirewatch.devstack.simwire.pages import article_page, error_page, index_page
from wirewatch.devstack.simwire.server import Request, Response
from wirewatch.devstack.simwire.timeline import TRACKING, Timeline, parse_token

_FEED_RE = re.compile(r"^/feeds/([a-z0-9-]+)\.([a-z]+)$")
_FAULT_RE = re.compile(r"^/faults/([a-z0-9-]+)\.xml$")
_NOT_MODIFIED_HEADERS = ("ETag", "Last-Modified")


class WireApp:
    def __init__(
        self,
        settings: WireSettings,
        outlets: tuple[Outlet, ...],
        timeline: Timeline,
        clock: Callable[[], float],
    ) -> None:
        self.settings = settings
        self.outlets = outlets
        self.by_slug = {o.slug: o for o in outlets}
        self.timeline = timeline
        self.clock = clock
        self.port = settings.port
        # outlet index -> (state, body, last_modified): a feed is re-rendered only when an item appears
        self._feed_cache: dict[int, tuple[tuple[int, int, int], bytes, float]] = {}

    # -- addresses

    def base(self, outlet: Outlet) -> str:
        return f"http://{outlet.host}:{self.port}"

    def feed_url(self, outlet: Outlet) -> str:
        return self.base(outlet) + outlet.feed_path

    def canonical(self, article: Article) -> str:
        return self.base(self.outlets[article.outlet_index]) + self.timeline.path(article)

    def _outlet_at(self, host: str) -> Outlet:
        parts = host.split(".")
        if len(parts) == 4 and parts[:2] == ["127", "0"] and parts[2].isdigit() and parts[3].isdigit():
            index = (int(parts[2]) - 1) * 250 + int(parts[3]) - 1
            if 0 <= index < len(self.outlets):
                return self.outlets[index]
        return self.outlets[0]

    # -- routing

    def __call__(self, request: Request) -> Response:
        local = self._outlet_at(request.local_host)
        if request.method not in ("GET", "HEAD"):
            response = html(local, 405, error_page(local, 405, "Method Not Allowed"))
            response.headers["Allow"] = "GET, HEAD"
            return response
        now = self.clock()
        path = request.path
        if m := _FEED_RE.match(path):
            outlet = self.by_slug.get(m.group(1))
            if outlet is not None and m.group(2) == FORMAT_EXT[outlet.format]:
                return self._feed(request, outlet, now)
        elif m := _FAULT_RE.match(path):
            if m.group(1) in FEED_FAULTS:
                return self._feed_fault(m.group(1), local, now)
        elif token := parse_token(path):
            article = self.timeline.find(*token, now)
            if article is not None and self.timeline.path(article) == path:
                return self._page(request, article, now)
        elif path == "/":
            return html(local, 200, index_page(self.feeds()))
        return html(local, 404, error_page(local, 404, "Not Found"))

    def feeds(self) -> list[dict]:
        return [
            {"id": o.slug, "outlet": o.name, "url": self.feed_url(o), "language": o.language}
            for o in self.outlets
        ]

    # -- feeds

    def _entries(self, outlet: Outlet, now: float) -> list[Entry]:
        return [
            Entry(a, self.canonical(a) + TRACKING, f"tag:{outlet.slug}.simwire,2024:{a.uid}")
            for a in self.timeline.latest(outlet.index, now, self.settings.items_per_feed)
        ]

    def _feed_text(self, outlet: Outlet, now: float, declared: str) -> tuple[str, float]:
        entries = self._entries(outlet, now)
        updated = max((x.article.published for x in entries), default=self.timeline.start)
        return feed_document(
            outlet, self.base(outlet) + "/", self.feed_url(outlet), entries, updated, declared
        ), updated

    def _feed(self, request: Request, outlet: Outlet, now: float) -> Response:
        fault = self.settings.faults.get(outlet.slug)
        if fault in FEED_FAULTS:
            return self._feed_fault(fault, outlet, now)
        state = (*self.timeline.state(outlet.index, now), self.port)
        cached = self._feed_cache.get(outlet.index)
        if cached is None or cached[0] != state:
            text, updated = self._feed_text(outlet, now, outlet.charset)
            cached = (state, text.encode(outlet.encoding, "xmlcharrefreplace"), updated)
            self._feed_cache[outlet.index] = cached
        content_type = f"{CONTENT_TYPES[outlet.format]}; charset={outlet.charset}"
        return conditional(request, content_type, cached[1], cached[2])

    def _feed_fault(self, kind: str, outlet: Outlet, now: float) -> Response:
        def render(declared: str) -> str:
            return self._feed_text(outlet, now, declared)[0]

        return feed_fault(kind, outlet, render, datetime.fromtimestamp(now, UTC).year)

    # -- pages

    def _page(self, request: Request, article: Article, now: float) -> Response:
        outlet = self.outlets[article.outlet_index]
        fault = self.settings.faults.get(outlet.slug)
        if fault in PAGE_FAULTS:
            return page_fault(fault, outlet, datetime.fromtimestamp(now, UTC).year)
        related = [(a.title, self.timeline.path(a)) for a in self.timeline.related(article)]
        related += list(EVERGREEN[outlet.language][: max(0, 4 - len(related))])
        text = article_page(outlet, article, self.canonical(article), self.feed_url(outlet), related)
        body = text.encode(outlet.encoding, "xmlcharrefreplace")
        return conditional(request, f"text/html; charset={outlet.charset}", body, article.published)


def conditional(request: Request, content_type: str, body: bytes, last_modified: float) -> Response:
    """200 with validators, or 304 when the client's copy is current (If-None-Match wins over the date)."""
    headers = {
        "Content-Type": content_type,
        "ETag": '"' + hashlib.sha256(body).hexdigest()[:32] + '"',
        "Last-Modified": formatdate(int(last_modified), usegmt=True),
    }
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        if "*" in tags or headers["ETag"] in tags:
            return Response(304, {k: headers[k] for k in _NOT_MODIFIED_HEADERS})
    elif since := request.headers.get("if-modified-since"):
        try:
            when = parsedate_to_datetime(since)
            threshold = (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()
        except (TypeError, ValueError, IndexError):
            threshold = None
        if threshold is not None and int(last_modified) <= threshold:
            return Response(304, {k: headers[k] for k in _NOT_MODIFIED_HEADERS})
    return Response(200, headers, body)
