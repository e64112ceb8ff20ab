"""Exact duplicates: the same normalised body under different URLs gets the same cluster key.

Near-duplicate clustering (MinHash/LSH) replaces the key's scheme later; the column stays.
"""

from __future__ import annotations

import hashlib

from wirewatch.text import normalize_body


def body_hash(text: str) -> str:
    return hashlib.sha256(normalize_body(text).encode()).hexdigest()


def exact_cluster_key(digest: str) -> str:
    return f"exact:{digest[:20]}"
