"""Canonical article URLs: tracking parameters and fragments dropped (courlan), so one article has one key."""

from __future__ import annotations

import hashlib
from urllib.parse import urljoin, urlsplit, urlunsplit

from courlan import normalize_url


def canonical_url(url: str, base: str | None = None) -> str:
    absolute = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"not an http(s) URL: {url!r}")
    if "@" in parts.netloc:
        # credentials are no part of an article's identity, and would be stored and shown with it
        absolute = urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    # strict mode also drops utm_*, fbclid, gclid and similar click trackers, and the fragment
    return normalize_url(absolute, strict=True)


def article_id(canonical: str) -> str:
    """Stable primary key: the same URL gives the same id on every database and every run."""
    return hashlib.sha256(canonical.encode()).hexdigest()[:24]
