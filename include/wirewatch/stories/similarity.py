"""Verifying a candidate pair: exact shingle overlap, and the template test.

LSH only proposes candidates; the decision uses the exact shingle sets. Jaccard catches copies
with light edits, containment (shared shingles over the smaller set) catches copies cut to half
their length or padded with boilerplate. Template stories (market closes, weather warnings,
match reports, lottery draws) pass both tests, because every instance repeats the template's
wording; what gives them away is that sentence for sentence the wording is the same and the
facts (figures in any notation, dates, weekdays, scores, and names where capitals mark them) are
not. Copies keep their facts or drop some when cut, never replace them; an agency update may
correct one among many.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wirewatch.stories.shingles import Sentence

# two sentences are the same sentence, perhaps with other details, when this share of their
# words (facts aside) is the same; a German template sentence with other places and nouns
# (capitalised like any noun, so not set apart as names) still shares half
SAME_SENTENCE = 0.5
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

    changed: int  # facts one text replaced by another in a shared sentence
    kept: int  # facts both texts give in a shared sentence

    def templated(self, share: float) -> bool:
        """Facts were replaced: at least `share` of them, and two, or the only one there was.

        Copies keep their facts or drop some (a cut); an agency update corrects a figure among
        many kept ones. Instances of a template fill most of their blanks differently.
        """
        if not self.changed or self.changed < share * (self.changed + self.kept):
            return False
        return self.changed >= 2 or not self.kept


def compare_facts(a: Sequence[Sentence], b: Sequence[Sentence]) -> Slots:
    """Line up each sentence of the shorter text with its closest sentence in the other.

    Sentences are (words without facts, facts), as shingles.Text.sentence_facts gives them. They
    are paired by their words without the facts, so moved sentences still pair up, then their
    facts are compared: a fact one of them lacks was dropped, a fact replaced by another changed.
    """
    if len(a) > len(b):
        a, b = b, a
    index: dict[int, list[int]] = defaultdict(list)
    for n, (plain, _) in enumerate(b):
        for word in plain:
            index[word].append(n)
    changed = kept = 0
    for plain, facts in a:
        if len(plain) < _MIN_SENTENCE_WORDS:
            continue
        hits: dict[int, int] = defaultdict(int)
        for word in plain:
            for n in index.get(word, ()):
                hits[n] += 1
        best, best_score = -1, 0.0
        for n, shared in hits.items():
            score = shared / (len(plain) + len(b[n][0]) - shared)
            if score > best_score:
                best, best_score = n, score
        if best_score < SAME_SENTENCE:
            continue
        other = b[best][1]
        both = facts & other
        kept += both.total()
        if both != facts and both != other:  # not one a part of the other: facts were replaced
            changed += max(facts.total(), other.total()) - both.total()
    return Slots(changed, kept)
