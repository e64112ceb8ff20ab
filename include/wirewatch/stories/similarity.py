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

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wirewatch.stories.shingles import Sentence

# two sentences are the same sentence, perhaps with other details, when this share of their
# words (facts aside) is the same; a German template sentence with other places and nouns
# (capitalised like any noun, so not set apart as names) still shares half
SAME_SENTENCE = 0.5
# a template's lead fills words as well as facts (a van on the A1 at Morges, a car on the cantonal
# road at Yverdon): two sentences that carry this many facts each are the same sentence from
# this share of their other words
FACT_RICH = 3
SAME_FACT_RICH_SENTENCE = 0.35
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
    both = np.concatenate((a, b))
    both.sort()
    shared = int(np.count_nonzero(both[1:] == both[:-1]))  # each set holds an id once
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
    verbatim = set(b)  # a sentence found as it is: its closest, with its facts (most of a copy)
    changed = kept = 0
    for sentence in a:
        plain, facts = sentence
        if len(plain) < _MIN_SENTENCE_WORDS:
            continue
        if sentence in verbatim:
            kept += len(facts)
            continue
        scores = {}
        for n, (words, _) in enumerate(b):
            if shared := len(plain & words):
                scores[n] = shared / (len(plain) + len(words) - shared)
        best_score = max(scores.values(), default=0.0)
        # of equally close sentences (a list of prices, one line per place), the one with its facts
        closest = [b[n][1] for n, score in scores.items() if score == best_score]
        if best_score < SAME_SENTENCE and not (
            best_score >= SAME_FACT_RICH_SENTENCE
            and len(facts) >= FACT_RICH
            and any(len(other) >= FACT_RICH for other in closest)
        ):
            continue
        other = facts if facts in closest else closest[0]
        both = len(facts) if facts == other else _common(facts, other)
        kept += both
        if both < min(len(facts), len(other)):  # not one a part of the other: facts were replaced
            changed += max(len(facts), len(other)) - both
    return Slots(changed, kept)


def _common(a: Sequence[str], b: Sequence[str]) -> int:
    """How many facts two sentences give in the same order (longest common subsequence).

    Order tells a date from another ('Sonntag 15 Uhr bis Montag 10 Uhr' against 'Montag 15 Uhr
    bis Dienstag 6 Uhr' share two figures, but in other places) and a score from its reverse.
    """
    if not a or not b:
        return 0
    row = [0] * (len(b) + 1)
    for x in a:
        diagonal = 0
        for n, y in enumerate(b, 1):
            diagonal, row[n] = row[n], diagonal + 1 if x == y else max(row[n], row[n - 1])
    return row[-1]
