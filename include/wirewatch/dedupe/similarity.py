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

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wirewatch.dedupe.shingles import FIGURES

# two sentences are the same sentence, perhaps with other details, when this share of their
# words (figures aside) is the same; a reworded sentence shares less
SAME_SENTENCE = 0.6
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
    """How the facts of two texts compare, over the sentences they share."""

    changed: int  # facts (figures, names) one text replaced by another in a shared sentence
    kept: int  # facts both texts give in a shared sentence

    def templated(self, share: float) -> bool:
        """Several facts changed, and at least `share` of the facts in the shared sentences.

        An agency update corrects a figure or two among many kept facts; instances of a template
        fill most of their blanks differently. A rewrite rewords its sentences (they no longer
        line up) and keeps its facts.
        """
        return self.changed >= 2 and self.changed >= share * (self.changed + self.kept)


Sentence = tuple[Sequence[int], Sequence[bool]]


def _split(sentence: Sentence) -> tuple[frozenset[int], Counter[int]]:
    ids, names = sentence
    facts = Counter(w for w, name in zip(ids, names, strict=True) if name or w in FIGURES)
    return frozenset(w for w in ids if w not in facts), facts


def compare_facts(a: Sequence[Sentence], b: Sequence[Sentence]) -> Slots:
    """Line up each sentence of the shorter text with its closest sentence in the other.

    Sentences are (word ids, name flags), as shingles.Text.sentence_facts gives them. They are
    paired by their words without the facts, so moved sentences still pair up, then their facts
    (figures, and names where capitals mark names) are compared.
    """
    if len(a) > len(b):
        a, b = b, a
    others = [_split(sentence) for sentence in b]
    index: dict[int, list[int]] = defaultdict(list)
    for n, (plain, _) in enumerate(others):
        for word in plain:
            index[word].append(n)
    changed = kept = 0
    for sentence in a:
        plain, facts = _split(sentence)
        if len(plain) < _MIN_SENTENCE_WORDS:
            continue
        hits: dict[int, int] = defaultdict(int)
        for word in plain:
            for n in index.get(word, ()):
                hits[n] += 1
        best, best_score = -1, 0.0
        for n, shared in hits.items():
            score = shared / (len(plain) + len(others[n][0]) - shared)
            if score > best_score:
                best, best_score = n, score
        if best_score < SAME_SENTENCE:
            continue
        other = others[best][1]
        both = sum((facts & other).values())
        kept += both
        changed += max(sum(facts.values()), sum(other.values())) - both
    return Slots(changed, kept)
