"""Verifying a candidate pair: exact shingle overlap, and the template test.

LSH only proposes candidates; the decision uses the exact shingle sets. Jaccard catches copies
with light edits, containment (shared shingles over the smaller set) catches copies cut to half
their length or padded with boilerplate. Template stories (market closes, weather warnings,
match reports, lottery draws) pass both tests, because every instance repeats the template's
wording; what gives them away is that sentence for sentence the wording is the same and the
figures (numbers, weekdays, months) are not. Copies keep their figures; an agency update may
correct one or two, in a story of many sentences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wirewatch.dedupe.shingles import FIGURES

# sentences pair up when this share of their words (numbers aside) is the same
_SAME_SENTENCE = 0.5
_MIN_SENTENCE_WORDS = 5


@dataclass(frozen=True, slots=True)
class Overlap:
    shared: int
    jaccard: float
    containment: float


def overlap(a: np.ndarray, b: np.ndarray) -> Overlap:
    """Overlap of two sorted unique shingle-id arrays."""
    if not a.size or not b.size:
        return Overlap(0, 0.0, 0.0)
    shared = int(np.intersect1d(a, b, assume_unique=True).size)
    return Overlap(shared, shared / (a.size + b.size - shared), shared / min(a.size, b.size))


@dataclass(frozen=True, slots=True)
class Slots:
    conflicts: int  # sentence pairs that say the same with other numbers
    agreeing: int  # sentence pairs with numbers that say the same with the same numbers
    sentences: int  # sentences of the shorter text

    def templated(self, numbered_share: float, sentence_share: float) -> bool:
        """Numbers change in at least this share of the numbered sentences, and of all sentences.

        An agency update correcting a figure changes one sentence of many; a template instance
        changes most sentences that carry figures, and most of its few sentences do.
        """
        return (
            self.conflicts > 0
            and self.conflicts >= numbered_share * (self.conflicts + self.agreeing)
            and self.conflicts >= sentence_share * self.sentences
        )


def _split(sentence: list[int]) -> tuple[frozenset[int], tuple[int, ...]]:
    return frozenset(w for w in sentence if w not in FIGURES), tuple(
        sorted(w for w in sentence if w in FIGURES)
    )


def number_slots(a: Sequence[Sequence[int]], b: Sequence[Sequence[int]]) -> Slots:
    """Pair each sentence with figures of the shorter text with its closest sentence in the other.

    Sentences are word-id sequences (shingles.Text.sentence_ids). Pairs are found by their words
    without the figures, so moved sentences still pair up; a pair whose figures differ is a
    filled-in template blank (or an agency's correction).
    """
    if len(a) > len(b):
        a, b = b, a
    mine = [
        split for split in (_split(list(sentence)) for sentence in a) if len(split[0]) >= _MIN_SENTENCE_WORDS
    ]
    if not any(figures for _, figures in mine):
        return Slots(0, 0, len(mine))
    others = [_split(list(sentence)) for sentence in b]
    index: dict[int, list[int]] = defaultdict(list)
    for n, (plain, _) in enumerate(others):
        for word in plain:
            index[word].append(n)
    conflicts = agreeing = 0
    for plain, figures in mine:
        if not figures:
            continue
        hits: dict[int, int] = defaultdict(int)
        for word in plain:
            for n in index.get(word, ()):
                hits[n] += 1
        best, best_score = None, 0.0
        for n, shared in hits.items():
            score = shared / (len(plain) + len(others[n][0]) - shared)
            if score > best_score:
                best, best_score = n, score
        if best is None or best_score < _SAME_SENTENCE or not others[best][1]:
            continue
        if others[best][1] == figures:
            agreeing += 1
        else:
            conflicts += 1
    return Slots(conflicts, agreeing, len(mine))
