"""Feed documents: RSS 2.0, Atom 1.0 and RDF (RSS 1.0), as text to be encoded by the caller."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape

from wirewatch.devstack.simwire.model import Article
from wirewatch.devstack.simwire.outlets import Outlet
from wirewatch.devstack.simwire.pages import iso

CONTENT_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "rdf": "application/rdf+xml"}


@dataclass(frozen=True)
class Entry:
    article: Article
    link: str  # with tracking junk, as feeds really carry it
    guid: str


def _rfc822(ts: float) -> str:
    return format_datetime(datetime.fromtimestamp(ts, UTC), usegmt=True)


def _e(text: str) -> str:
    return escape(text, quote=False)


def _a(text: str) -> str:
    return escape(text, quote=True)


def _rss(outlet: Outlet, home: str, self_url: str, entries: list[Entry], updated: float) -> str:
    items = "".join(
        f"<item>\n<title>{_e(x.article.title)}</title>\n<link>{_e(x.link)}</link>\n"
        f'<guid isPermaLink="false">{_e(x.guid)}</guid>\n<pubDate>{_rfc822(x.article.published)}</pubDate>\n'
        f"<dc:creator>{_e(x.article.author)}</dc:creator>\n"
        f"<category>{_e(outlet.section(x.article.section)[1])}</category>\n"
        f"<description>{_e(x.article.paragraphs[0])}</description>\n</item>\n"
        for x in entries
    )
    return (
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        f"<title>{_e(outlet.name)}</title>\n<link>{_e(home)}</link>\n"
        f"<description>{_e(outlet.tagline)}</description>\n<language>{outlet.locale}</language>\n"
        f"<lastBuildDate>{_rfc822(updated)}</lastBuildDate>\n<ttl>10</ttl>\n"
        f'<atom:link href="{_a(self_url)}" rel="self" type="application/rss+xml"/>\n'
        f"{items}</channel>\n</rss>\n"
    )


def _atom(outlet: Outlet, home: str, self_url: str, entries: list[Entry], updated: float) -> str:
    items = "".join(
        f'<entry>\n<title type="text">{_e(x.article.title)}</title>\n'
        f'<link rel="alternate" type="text/html" href="{_a(x.link)}"/>\n<id>{_e(x.guid)}</id>\n'
        f"<published>{iso(x.article.published)}</published>\n<updated>{iso(x.article.published)}</updated>\n"
        f"<author><name>{_e(x.article.author)}</name></author>\n"
        f'<category term="{_a(outlet.section(x.article.section)[0])}" '
        f'label="{_a(outlet.section(x.article.section)[1])}"/>\n'
        f'<summary type="text">{_e(x.article.paragraphs[0])}</summary>\n</entry>\n'
        for x in entries
    )
    return (
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{outlet.locale}">\n'
        f"<title>{_e(outlet.name)}</title>\n<subtitle>{_e(outlet.tagline)}</subtitle>\n"
        f'<link rel="alternate" type="text/html" href="{_a(home)}"/>\n'
        f'<link rel="self" type="application/atom+xml" href="{_a(self_url)}"/>\n'
        f"<id>tag:{outlet.slug}.simwire,2024:feed</id>\n<updated>{iso(updated)}</updated>\n"
        f"<generator>simwire</generator>\n{items}</feed>\n"
    )


def _rdf(outlet: Outlet, home: str, self_url: str, entries: list[Entry], updated: float) -> str:
    seq = "".join(f'<rdf:li rdf:resource="{_a(x.link)}"/>\n' for x in entries)
    items = "".join(
        f'<item rdf:about="{_a(x.link)}">\n<title>{_e(x.article.title)}</title>\n<link>{_e(x.link)}</link>\n'
        f"<description>{_e(x.article.paragraphs[0])}</description>\n<dc:date>{iso(x.article.published)}"
        f"</dc:date>\n<dc:creator>{_e(x.article.author)}</dc:creator>\n"
        f"<dc:subject>{_e(outlet.section(x.article.section)[1])}</dc:subject>\n</item>\n"
        for x in entries
    )
    return (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'<channel rdf:about="{_a(self_url)}">\n<title>{_e(outlet.name)}</title>\n<link>{_e(home)}</link>\n'
        f"<description>{_e(outlet.tagline)}</description>\n<dc:language>{outlet.locale}</dc:language>\n"
        f"<dc:publisher>{_e(outlet.name)}</dc:publisher>\n<dc:date>{iso(updated)}</dc:date>\n"
        f"<items>\n<rdf:Seq>\n{seq}</rdf:Seq>\n</items>\n</channel>\n{items}</rdf:RDF>\n"
    )


_RENDER: dict[str, Callable[[Outlet, str, str, list[Entry], float], str]] = {
    "rss": _rss,
    "atom": _atom,
    "rdf": _rdf,
}


def feed_document(
    outlet: Outlet, home: str, self_url: str, entries: list[Entry], updated: float, declared: str
) -> str:
    """The feed as text; `declared` is the charset named in the XML declaration."""
    return f'<?xml version="1.0" encoding="{declared}"?>\n' + _RENDER[outlet.format](
        outlet, home, self_url, entries, updated
    )
