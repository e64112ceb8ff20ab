"""Article text and metadata from page HTML (trafilatura), falling back to the feed's summary."""

from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

import htmldate
import py3langid
import trafilatura
from lxml.html import HtmlElement
from trafilatura.metadata import Document, extract_meta_json, extract_opengraph

# Below this, what trafilatura returns is chrome or a teaser, not an article.
MIN_BODY_CHARS = 200

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET_RE = re.compile(r"charset=([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass
class Extracted:
    title: str | None
    author: str | None
    published: datetime | None
    site_name: str | None
    language: str | None
    body: str
    path: str  # "trafilatura", "feed_summary" or "none"
    error: str | None = None

    def as_json(self) -> dict:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


def _known_codec(name: str) -> str | None:
    try:
        return "".encode(name) is not None and name
    except LookupError:
        return None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """HTTP charset first, then <meta charset>, then UTF-8, then windows-1252 (what browsers assume)."""
    candidates = []
    if content_type and (m := _HEADER_CHARSET_RE.search(content_type)):
        candidates.append(m.group(1))
    if m := _META_CHARSET_RE.search(body[:4096]):
        candidates.append(m.group(1).decode("ascii", "replace"))
    for name in [*candidates, "utf-8"]:
        codec = _known_codec(name)
        if codec:
            try:
                return body.decode(codec)
            except UnicodeDecodeError:
                continue
    return body.decode("cp1252", errors="replace")


def detect_language(text: str) -> str | None:
    if len(text) < 20:
        return None
    # 600 characters settle DE/FR/EN news text; the classifier's cost grows with the length
    language, _score = py3langid.classify(text[:600])
    return language


def _page_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def page_metadata(tree: HtmlElement) -> Document:
    """Title, author, site name and date from OpenGraph, JSON-LD and <meta> tags.

    trafilatura's full `extract_metadata` also mines categories, tags, licences and the body for
    bylines; that costs about as much as a third of the extraction itself and we need none of it.
    """
    og = extract_opengraph(tree)
    meta = Document(
        title=og.get("title") or tree.findtext(".//title"),
        author=og.get("author") or tree.xpath("string(//meta[@name='author']/@content)") or None,
        sitename=og.get("sitename"),
    )
    if not (meta.author and meta.sitename):
        # JSON-LD is the slowest source: read it only for what the meta tags lack
        meta = extract_meta_json(tree, meta)
    # the publisher's own tag first; htmldate's heuristics only when it is missing
    meta.date = (
        tree.xpath("string(//meta[@property='article:published_time']/@content)")
        or htmldate.find_date(tree, extensive_search=False, original_date=True)
        or None
    )
    return meta


def extract_page(html: str | bytes, url: str | None = None) -> Extracted | None:
    """Main text and metadata, or None when the page holds no article."""
    tree = trafilatura.load_html(html)
    if tree is None:
        return None
    # metadata first: extraction prunes the tree it is given
    meta = page_metadata(tree)
    document = trafilatura.bare_extraction(tree, url=url, include_comments=False, include_tables=False)
    if document is None or len(document.text or "") < MIN_BODY_CHARS:
        return None
    return Extracted(
        title=meta.title,
        author=meta.author,
        published=_page_date(meta.date),
        site_name=meta.sitename,
        language=detect_language(document.text),
        body=document.text,
        path="trafilatura",
    )


@functools.cache
def warm_up() -> None:
    """Load the language model and the extractors' lazy tables once, before worker threads start:
    threads that race into the first call each load them again (seen: 4x slower runs)."""
    sample = "<p>" + "Der Gemeinderat hat das Budget für das kommende Jahr angenommen. " * 5 + "</p>"
    extract_page(
        f"<html><body><article><time datetime='2024-11-05'>5.11.</time>{sample}</article></body></html>"
    )


def extract_article(
    page: bytes | None,
    *,
    url: str,
    content_type: str | None = None,
    summary: str = "",
    title: str = "",
    page_error: str | None = None,
) -> Extracted:
    """Best text for an article: the page when it yields one, else the feed summary, saying why."""
    error = page_error
    if page is not None and error is None:
        try:
            # without an HTTP charset, lxml's own sniffing of <meta charset> on the bytes is right and faster
            html = decode_html(page, content_type) if content_type and "charset=" in content_type else page
            extracted = extract_page(html, url)
        except Exception as exc:  # noqa: BLE001 - one hostile page must not stop the run
            extracted, error = None, f"extraction failed: {type(exc).__name__}: {exc}"
        if extracted is not None:
            return extracted
        error = error or "no article text found on the page"
    path = "feed_summary" if summary else "none"
    return Extracted(
        title=title or None,
        author=None,
        published=None,
        site_name=None,
        language=detect_language(summary),
        body=summary,
        path=path,
        error=error,
    )
