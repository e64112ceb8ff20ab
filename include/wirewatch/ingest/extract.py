"""Article text and metadata from page HTML (trafilatura), falling back to the feed's summary."""

from __future__ import annotations

import codecs
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
_HEADER_CHARSET_RE = re.compile(r"""charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# the codecs strip the mark
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


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


def _codec(label: str, *, in_document: bool) -> str | None:
    """The Python codec for a charset label, read as browsers read it (WHATWG Encoding Standard)."""
    try:
        "".encode(label)  # raises LookupError for unknown names and for non-text codecs (base64)
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in ("ascii", "iso8859-1"):
        return "cp1252"  # pages labelled so use its quotes and dashes in 0x80-0x9f
    if name == "utf-7":
        return None  # browsers refuse it: it hides markup from filters
    if in_document and name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a <meta> tag we could read as ASCII is not UTF-16
    return name


def _looks_utf8(body: bytes) -> bool:
    """More valid multi-byte characters than invalid bytes: UTF-8 with stray bytes, not a legacy page."""
    text = body.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return invalid == 0 or non_ascii - invalid > invalid


def page_charset(body: bytes, content_type: str | None = None) -> str:
    """Byte order mark, then HTTP charset, then <meta charset>, then UTF-8 or windows-1252 by the bytes."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return codec
    if content_type and (m := _HEADER_CHARSET_RE.search(content_type)):
        if codec := _codec(m.group(1), in_document=False):
            return codec
    if m := _META_CHARSET_RE.search(body[:4096]):
        if codec := _codec(m.group(1).decode("ascii"), in_document=True):
            return codec
    return "utf-8" if _looks_utf8(body) else "cp1252"


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """The page in its own charset; only bytes invalid in it become U+FFFD, so one bad byte
    cannot make the whole page read in another charset."""
    return body.decode(page_charset(body, content_type), errors="replace")


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
            # decoded here: given bytes, trafilatura guesses a charset for the whole page on one bad byte
            extracted = extract_page(decode_html(page, content_type), url)
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
