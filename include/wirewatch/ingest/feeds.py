"""Parse fetched feed bytes with feedparser (which never fetches anything itself)."""

from __future__ import annotations

import calendar
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import feedparser

from wirewatch.text import collapse_whitespace

_TAG_RE = re.compile(r"<[^>]+>")


class FeedParseError(Exception):
    """The body is not a feed we can read: empty, not XML, or broken before any entry."""


@dataclass(frozen=True)
class FeedEntry:
    guid: str
    link: str
    title: str
    summary: str
    author: str | None
    published: datetime | None
    updated: datetime | None = None  # the entry's own last-modified time (Atom <updated>), if it says


def html_to_text(fragment: str) -> str:
    return collapse_whitespace(html.unescape(_TAG_RE.sub(" ", fragment or "")))


def _time(parsed) -> datetime | None:
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC) if parsed else None


def _entry_time(entry: feedparser.FeedParserDict) -> datetime | None:
    return _time(entry.get("published_parsed") or entry.get("updated_parsed"))


@dataclass(frozen=True)
class ParsedFeed:
    entries: list[FeedEntry]
    warning: str | None  # set when feedparser had to recover from bad markup
    ttl_seconds: int | None  # RSS <ttl>: how long the publisher asks readers to cache the feed


def parse_feed(body: bytes, headers: dict[str, str], url: str) -> tuple[list[FeedEntry], str | None]:
    """Entries of the feed plus a warning when feedparser had to recover from bad markup."""
    parsed = parse_feed_document(body, headers, url)
    return parsed.entries, parsed.warning


def _ttl_seconds(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) * 60 if text.isdigit() and int(text) > 0 else None


def parse_feed_document(body: bytes, headers: dict[str, str], url: str) -> ParsedFeed:
    if not body.strip():
        raise FeedParseError("empty body")
    response_headers = {k: v for k, v in headers.items() if k in ("content-type", "content-language")}
    response_headers["content-location"] = url
    parsed = feedparser.parse(body, response_headers=response_headers, sanitize_html=True)
    bozo = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.entries and (bozo or not parsed.get("version")):
        reason = f"{type(bozo).__name__}: {bozo}" if bozo else "no feed elements found"
        raise FeedParseError(f"not a readable feed ({reason})")
    entries = []
    for raw in parsed.entries:
        link = raw.get("link") or ""
        guid = raw.get("id") or link
        entries.append(
            FeedEntry(
                guid=guid,
                link=link,
                title=html_to_text(raw.get("title", "")),
                summary=html_to_text(raw.get("summary", "")),
                author=raw.get("author") or None,
                published=_entry_time(raw),
                updated=_time(raw.get("updated_parsed")),
            )
        )
    warning = f"recovered from {type(bozo).__name__}: {bozo}" if bozo else None
    return ParsedFeed(entries, warning, _ttl_seconds(parsed.feed.get("ttl")))
