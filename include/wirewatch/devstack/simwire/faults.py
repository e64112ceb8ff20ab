"""How a broken feed or article page misbehaves, one response per fault kind."""

from __future__ import annotations

from collections.abc import Callable

from wirewatch.devstack.simwire.feeds import CONTENT_TYPES
from wirewatch.devstack.simwire.outlets import Outlet
from wirewatch.devstack.simwire.pages import error_page, nonarticle_page
from wirewatch.devstack.simwire.server import Response

_ERRORS = {
    "404": (404, "Not Found"),
    "410": (410, "Gone"),
    "500": (500, "Internal Server Error"),
    "429": (429, "Too Many Requests"),
}


def html(outlet: Outlet, status: int, text: str, **headers: str) -> Response:
    content_type = {"Content-Type": f"text/html; charset={outlet.charset}"}
    return Response(status, content_type | headers, text.encode(outlet.encoding, "xmlcharrefreplace"))


def truncate_mid_element(text: str) -> str:
    """Cut inside the title of the second entry: a valid start, then the document just stops."""
    first = max(text.find("<item"), text.find("<entry"))
    title = text.find("<title", text.find(">", first) + 1 if first >= 0 else 0)
    second = text.find("<title", title + 1) if title >= 0 else -1
    cut = second + 12 if second >= 0 else len(text) // 2
    return text[:cut]


def feed_fault(kind: str, outlet: Outlet, render: Callable[[str], str], year: int) -> Response:
    """`render(declared_charset)` gives the outlet's normal feed text."""
    feed_type = CONTENT_TYPES[outlet.format]
    if kind == "timeout":
        return Response(200, action="hang")
    if kind in _ERRORS:
        status, reason = _ERRORS[kind]
        extra = {"Retry-After": "120"} if kind == "429" else {}
        return html(outlet, status, error_page(outlet, status, reason), **extra)
    if kind == "malformed":
        body = truncate_mid_element(render(outlet.charset)).encode(outlet.encoding, "xmlcharrefreplace")
        return Response(200, {"Content-Type": f"{feed_type}; charset={outlet.charset}"}, body)
    if kind == "not-xml":
        return html(outlet, 200, nonarticle_page(outlet, year))
    if kind == "empty":
        return Response(200, {"Content-Type": f"{feed_type}; charset={outlet.charset}"}, b"")
    if kind == "wrong-charset":
        # declared utf-8 everywhere, but the bytes are windows-1252 (accents become invalid UTF-8)
        body = render("utf-8").encode("cp1252", "xmlcharrefreplace")
        return Response(200, {"Content-Type": f"{feed_type}; charset=utf-8"}, body)
    if kind == "reset":
        body = render(outlet.charset).encode(outlet.encoding, "xmlcharrefreplace")
        return Response(200, {"Content-Type": f"{feed_type}; charset={outlet.charset}"}, body, action="reset")
    raise ValueError(f"not a feed fault: {kind!r}")


def page_fault(kind: str, outlet: Outlet, year: int) -> Response:
    if kind == "page-404":
        return html(outlet, 404, error_page(outlet, 404, "Not Found"))
    if kind == "page-empty":
        return Response(200, {"Content-Type": f"text/html; charset={outlet.charset}"}, b"")
    if kind == "page-nonarticle":
        return html(outlet, 200, nonarticle_page(outlet, year))
    raise ValueError(f"not a page fault: {kind!r}")
