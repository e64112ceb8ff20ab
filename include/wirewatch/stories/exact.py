"""Exact identity of a body: the same normalised text under different URLs, or across page versions."""

from __future__ import annotations

import hashlib
import re

from wirewatch.text import normalize_body

# Clock times, dates and 'updated ...' stamps: a page whose only change is one of these is not revised.
_STAMP_RE = re.compile(
    r"\b\d{1,2}[:.h]\d{2}(?::\d{2})?\b"  # 14:32, 14.32, 14h32
    r"|\b\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2})?)?\b"  # 2024-11-05, 2024-11-05t14:32
    r"|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b",  # 05.11.2024, 5/11/24
    re.IGNORECASE,
)


def body_hash(text: str) -> str:
    return hashlib.sha256(normalize_body(text).encode()).hexdigest()


def content_hash(text: str) -> str:
    """Like body_hash, but blind to clock times and dates: equal hashes mean no material change."""
    return hashlib.sha256(normalize_body(_STAMP_RE.sub(" ", text)).encode()).hexdigest()


def exact_cluster_key(digest: str) -> str:
    return f"exact:{digest[:20]}"
