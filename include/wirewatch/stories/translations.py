"""Translation links: an article in another language that renders a wire item joins its story.

Candidates share at least two specific anchors (figures, names: see `crosslang`), found through
an inverted index over the batch and, for the stored articles, through anchor keys kept in the
warehouse beside the LSH keys. A pair is a translation when:

- the languages differ and the agencies agree (a translation keeps the agency's signature; the
  same news written by another agency is the same event, not a copy), or one is unknown;
- the later one appeared within `translation_window_hours` of the other;
- their anchors line up in the same order over most of the shorter article, and over most of the
  longer one up to where the shorter ends (a cut translation renders its source's first
  paragraphs); and the shorter is not much longer or shorter than that part of the longer.

Each article links to at most one source, its best match, so one translation cannot bridge two
stories of the other language.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from wirewatch.stories.buckets import MAX_BUCKET, bucket_pairs, key_buckets
from wirewatch.stories.crosslang import Alignment, Evidence, align, evidence, headline_keywords, index_keys

if TYPE_CHECKING:
    from wirewatch.stories.clusters import Doc, Window

# measured on benchmarks.translation_cases (see README, "Translations and events")
MIN_MATCHED = 6.0  # weight of the anchors in order: about three names or figures
# without the agency on both sides, twice as much: another agency's lead (a feed summary, its
# signature gone) tells the same facts in the same order as the original's lead
MIN_MATCHED_UNSIGNED = 12.0
MIN_SHORT = 0.5  # share of the shorter article's anchors found, in order, in the other
MIN_PREFIX = 0.5  # share of the longer one's anchors, up to where the shorter ends
LENGTH = (0.55, 1.8)  # characters of the shorter over the matched part of the longer
MIN_SHARED_KEYS = 2
# the anchor keys' scheme in the warehouse index; a change to what an anchor is needs a new one
ANCHOR_SCHEME = "anchors-v2"


@lru_cache(maxsize=200_000)
def anchor_key(anchor: str) -> int:
    digest = hashlib.blake2b(anchor.encode(), digest_size=8, key=b"anchor").digest()
    return int.from_bytes(digest, "big", signed=True)


def agencies_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def is_translation(found: Alignment, signed: bool = True) -> bool:
    low, high = LENGTH
    return (
        found.matched >= (MIN_MATCHED if signed else MIN_MATCHED_UNSIGNED)
        and found.short >= MIN_SHORT
        and found.prefix >= MIN_PREFIX
        and low <= found.length <= high
    )


@dataclass
class Found:
    links: list[tuple[str, str, Alignment]]  # (source, translation, alignment)
    keys: dict[str, list[int]]  # anchor keys of the batch's articles, to store
    stored: dict[str, Doc]  # stored articles that a batch article was linked with
    candidates: int


def _time(doc: Doc) -> datetime:
    return doc.time or datetime.min


def _codes(values: Sequence[str | None]) -> np.ndarray:
    """A code per distinct value, -1 for None."""
    distinct = {v: n for n, v in enumerate(sorted({v for v in values if v is not None}))}
    return np.array([distinct[v] if v is not None else -1 for v in values], dtype=np.int64)


class Translations:
    def __init__(self, window_hours: float, window: Window | None = None) -> None:
        self.span = timedelta(hours=window_hours)
        self.window = window

    def _eligible(self, a: Doc, b: Doc) -> bool:
        if not a.language or not b.language or a.language == b.language:
            return False
        if not agencies_agree(a.agency, b.agency):
            return False
        return a.time is None or b.time is None or abs(a.time - b.time) <= self.span

    def _batch_pairs(self, batch: Mapping[str, Doc], keys: Mapping[str, list[int]]) -> set[tuple[str, str]]:
        """Eligible pairs of batch articles sharing `MIN_SHARED_KEYS` keys, counted with numpy.

        The pairs that cannot be translations (same language, other agency, too far apart in time)
        are dropped before counting.
        """
        ids = sorted(i for i in batch if keys[i])  # index order is id order: pairs come out (x, y), x < y
        if len(ids) < 2:
            return set()
        docs = [batch[i] for i in ids]
        language = _codes([doc.language for doc in docs])
        agency = _codes([doc.agency for doc in docs])
        timed = np.array([doc.time is not None for doc in docs])
        ref = next((doc.time for doc in docs if doc.time is not None), None)
        micro = timedelta(microseconds=1)
        at = np.array(
            [(doc.time - ref) // micro if doc.time is not None else 0 for doc in docs], dtype=np.int64
        )
        span = self.span // micro
        found: list[np.ndarray] = []
        for buckets in key_buckets([keys[i] for i in ids]):
            for x, y in bucket_pairs(buckets):
                keep = (
                    (language[x] != language[y])
                    & ((agency[x] < 0) | (agency[y] < 0) | (agency[x] == agency[y]))
                    & (~timed[x] | ~timed[y] | (np.abs(at[x] - at[y]) <= span))
                )
                found.append(x[keep] * len(ids) + y[keep])
        if not found:
            return set()
        codes, counts = np.unique(np.concatenate(found), return_counts=True)
        codes = codes[counts >= MIN_SHARED_KEYS]
        return {(ids[c // len(ids)], ids[c % len(ids)]) for c in codes.tolist()}

    def link(
        self, docs: Sequence[Doc], keywords: Mapping[str, Iterable[str]], since: datetime | None
    ) -> Found:
        """Translation links of a batch, from each article's capitalised and numeric words."""
        batch = {doc.id: doc for doc in docs if doc.language}
        # the headline too: a lead-only cut may name its country only there ('Ukraine: ...')
        keys = {
            i: sorted(
                {
                    anchor_key(a)
                    for a in index_keys([*keywords[i], *headline_keywords(doc.title, doc.language)])
                }
            )
            for i, doc in batch.items()
        }
        pairs = self._batch_pairs(batch, keys)
        stored: dict[str, Doc] = {}
        if self.window is not None and keys:
            hits = self.window.lookup({k for ks in keys.values() for k in ks}, since, anchors=True)
            counts: Counter[tuple[str, str]] = Counter()
            for doc_id, doc_keys in keys.items():
                for key in doc_keys:
                    ids = hits.get(key, ())
                    if len(ids) <= MAX_BUCKET:
                        counts.update((doc_id, other) for other in ids if other not in batch)
            wanted = {other for (_, other), count in counts.items() if count >= MIN_SHARED_KEYS}
            if wanted:
                stored = {doc.id: doc for doc in self.window.load(sorted(wanted)) if doc.language}
                pairs |= {
                    pair for pair, count in counts.items() if count >= MIN_SHARED_KEYS and pair[1] in stored
                }
        every = {**stored, **batch}
        facts: dict[str, Evidence] = {}

        def facts_of(doc: Doc) -> Evidence:
            if doc.id not in facts:
                facts[doc.id] = evidence(doc.body, doc.language)
            return facts[doc.id]

        best: dict[str, tuple[float, str, Alignment]] = {}
        for x, y in sorted(pairs):
            a, b = every[x], every[y]
            if not self._eligible(a, b):
                continue
            found = align(facts_of(a), facts_of(b))
            if not is_translation(found, bool(a.agency and b.agency)):
                continue
            source, target = (a, b) if (_time(a), a.id) <= (_time(b), b.id) else (b, a)
            if target.id not in best or found.matched > best[target.id][0]:
                best[target.id] = (found.matched, source.id, found)
        links = [(source, target, found) for target, (_, source, found) in sorted(best.items())]
        linked = {i for source, target, _ in links for i in (source, target)}
        return Found(links, keys, {i: d for i, d in stored.items() if i in linked}, len(pairs))
