"""HTML pages: the article inside realistic chrome, the chrome-only page, error and index pages."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from html import escape as _escape

from wirewatch.devstack.simwire.chrome import CHROME, COMMENTS, MONTHS
from wirewatch.devstack.simwire.model import Article
from wirewatch.devstack.simwire.outlets import SECTIONS, Outlet

_STYLE = (
    "body{font-family:Georgia,serif;margin:0;color:#222}header,footer{background:#f3f3f3;padding:1em}"
    "nav ul{list-style:none;display:flex;gap:1em;padding:0}article{max-width:42em;margin:1em auto}"
    ".cookie-banner{position:fixed;bottom:0;background:#333;color:#fff;padding:1em}"
)


def escape(text: str) -> str:
    return _escape(text, quote=False)


def attr(text: str) -> str:
    return _escape(text, quote=True)


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds")


def _display_date(ts: float, language: str) -> str:
    d = datetime.fromtimestamp(ts, UTC)
    month = MONTHS[language][d.month - 1]
    if language == "de":
        return f"{d.day}. {month} {d.year}, {d:%H:%M} Uhr"
    if language == "fr":
        return f"{d.day} {month} {d.year} à {d:%H}h{d:%M}"
    return f"{d.day} {month} {d.year}, {d:%H:%M}"


def _head(outlet: Outlet, title: str, extra: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{outlet.locale}">\n<head>\n<meta charset="{outlet.charset}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n{extra}<style>{_STYLE}</style>\n</head>\n"
    )


def _top(outlet: Outlet) -> str:
    c = CHROME[outlet.language]
    links = [(f"/{path}/", label) for path, label in SECTIONS[outlet.language].values()]
    links += [(f"/{label.lower()}/", label) for label in c["extra_nav"]]
    nav = "".join(f'<li><a href="{href}">{escape(label)}</a></li>' for href, label in links)
    return (
        f'<body>\n<div id="cookie-consent" class="cookie-banner" role="dialog" aria-label="Cookies">'
        f"<p>{escape(c['cookie'])}</p><button>{escape(c['cookie_accept'])}</button>"
        f"<button>{escape(c['cookie_settings'])}</button></div>\n"
        f'<header class="site-header"><a class="logo" href="/">{escape(outlet.name)}</a>\n'
        f'<nav class="main-nav" aria-label="Navigation"><ul>{nav}</ul></nav></header>\n'
    )


def _bottom(outlet: Outlet, year: int, newsletter: bool = True) -> str:
    c = CHROME[outlet.language]
    legal = "".join(
        f'<li><a href="/service/{i}.html">{escape(label)}</a></li>' for i, label in enumerate(c["footer"])
    )
    box = (
        f'<div class="newsletter-box"><h2>{escape(c["newsletter"])}</h2><p>{escape(c["newsletter_text"])}</p>'
        f'<form action="/newsletter" method="post"><input type="email" name="email" placeholder="E-Mail">'
        f"<button>{escape(c['newsletter_button'])}</button></form></div>\n"
    )
    return (
        (box if newsletter else "") + f'<footer class="site-footer"><ul class="legal">{legal}</ul>'
        f"<p>© {year} {escape(outlet.name)}. {escape(c['rights'])}</p></footer>\n</body>\n</html>\n"
    )


def article_page(
    outlet: Outlet, article: Article, canonical: str, feed_url: str, related: list[tuple[str, str]]
) -> str:
    c = CHROME[outlet.language]
    section_path, section_label = outlet.section(article.section)
    published = iso(article.published)
    meta = (
        f'<meta name="description" content="{attr(article.paragraphs[0][:200])}">\n'
        f'<meta name="author" content="{attr(article.author)}">\n'
        f'<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{attr(article.title)}">\n'
        f'<meta property="og:site_name" content="{attr(outlet.name)}">\n'
        f'<meta property="og:url" content="{attr(canonical)}">\n'
        f'<meta property="article:published_time" content="{published}">\n'
        f'<meta property="article:section" content="{attr(section_label)}">\n'
        f'<link rel="canonical" href="{attr(canonical)}">\n'
        f'<link rel="alternate" type="application/{outlet.format}+xml" title="{attr(outlet.name)}" '
        f'href="{attr(feed_url)}">\n'
    )
    lead, *rest = article.paragraphs
    body = "\n".join(f"<p>{escape(p)}</p>" for p in rest)
    signature = f'\n<p class="signature">{escape(article.signature)}</p>' if article.signature else ""
    rng = random.Random(f"{outlet.slug}:{article.uid}")
    comments = "".join(
        f'<div class="comment"><p class="comment-author">{escape(who)}</p><p>{escape(text)}</p></div>\n'
        for who, text in rng.sample(COMMENTS[outlet.language], rng.randint(2, 3))
    )
    links = "".join(f'<li><a href="{attr(href)}">{escape(text)}</a></li>' for text, href in related)
    return (
        _head(outlet, f"{article.title} | {outlet.name}", meta)
        + _top(outlet)
        + '<main>\n<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>'
        f'<li><a href="/">{escape(c["home"])}</a></li><li><a href="/{section_path}/">{escape(section_label)}</a>'
        f"</li></ol></nav>\n"
        f'<article class="article">\n<h1>{escape(article.title)}</h1>\n'
        f'<p class="byline">{escape(c["by"])} <span class="author">{escape(article.author)}</span> · '
        f'<time datetime="{published}">{_display_date(article.published, outlet.language)}</time></p>\n'
        f'<p class="lead"><strong>{escape(lead)}</strong></p>\n{body}{signature}\n</article>\n'
        f'<aside class="related-articles"><h2>{escape(c["related"])}</h2><ul>{links}</ul></aside>\n'
        f'<section id="comments" class="comments"><h2>{escape(c["comments"])}</h2>\n{comments}'
        f'<p class="comment-login"><a href="/login">{escape(c["comment_cta"])}</a></p></section>\n</main>\n'
        + _bottom(outlet, datetime.fromtimestamp(article.published, UTC).year)
    )


def nonarticle_page(outlet: Outlet, year: int) -> str:
    """Only chrome around an empty, script-filled slot: what a JavaScript-only article page serves."""
    return (
        _head(outlet, outlet.name)
        + _top(outlet)
        + '<main><div id="app" class="teaser-grid" data-loading="true"></div>'
        '<noscript>JavaScript</noscript></main>\n<script src="/static/app.js" defer></script>\n'
        + _bottom(outlet, year, newsletter=False)
    )


def error_page(outlet: Outlet, status: int, reason: str) -> str:
    c = CHROME[outlet.language]
    text = c["not_found_text"] if status == 404 else reason
    return (
        _head(outlet, f"{status} {reason} | {outlet.name}")
        + f'<body><header><a href="/">{escape(outlet.name)}</a></header>\n'
        f"<main><h1>{status} – {escape(c['not_found'] if status == 404 else reason)}</h1>"
        f"<p>{escape(text)}</p></main>\n</body>\n</html>\n"
    )


def index_page(feeds: list[dict]) -> str:
    rows = "".join(
        f'<li><a href="{attr(f["url"])}">{escape(f["outlet"])}</a> ({f["language"]})</li>\n' for f in feeds
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>simwire</title></head>\n'
        f"<body><h1>simwire: {len(feeds)} feeds</h1>\n<ul>\n{rows}</ul>\n</body>\n</html>\n"
    )
