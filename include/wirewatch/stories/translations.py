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
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

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
MAX_BUCKET = 100


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
        shared: Counter[tuple[str, str]] = Counter()
        buckets: dict[int, list[str]] = defaultdict(list)
        for doc_id, doc_keys in keys.items():
            for key in doc_keys:
                buckets[key].append(doc_id)
        for members in buckets.values():
            if 1 < len(members) <= MAX_BUCKET:
                for n, x in enumerate(members):
                    for y in members[n + 1 :]:
                        if batch[x].language != batch[y].language:
                            shared[(x, y) if x < y else (y, x)] += 1
        pairs = {pair for pair, count in shared.items() if count >= MIN_SHARED_KEYS}
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
