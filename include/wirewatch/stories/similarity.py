"""Verifying a candidate pair: exact shingle overlap, and the template test.

LSH only proposes candidates; the decision uses the exact shingle sets. Jaccard catches copies
with light edits, containment (shared shingles over the smaller set) catches copies cut to half
their length or padded with boilerplate. Template stories (market closes, weather warnings,
match reports, lottery draws) pass both tests, because every instance repeats the template's
wording; what gives them away is that sentence for sentence the wording is the same and the
facts (figures in any notation, dates, weekdays, scores, and names where capitals mark them) are
not. Copies keep their facts or drop some when cut, never replace them; an agency update may
correct one among many. German capitalises every noun: there a rare capitalised word that takes
the place of another counts as a replaced fact (another commune or region in a template).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wirewatch.match.normalize import forms
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

    Sentences are (words without facts, facts, German names), as shingles.Text.sentence_facts
    gives them. They are paired by their words without the facts, so moved sentences still pair
    up, then their facts are compared: a fact one of them lacks was dropped, a fact replaced by
    another changed, and so was a German name replaced by another (see `_renamed`) that neither
    text has anywhere else.
    """
    if len(a) > len(b):
        a, b = b, a
    verbatim = set(b)  # a sentence found as it is: its closest, with its facts (most of a copy)
    changed = kept = 0
    renamed: list[Renamed] = []
    for sentence in a:
        plain, facts, names = sentence
        if len(plain) < _MIN_SENTENCE_WORDS:
            continue
        if sentence in verbatim:
            kept += len(facts)
            continue
        scores = {}
        for n, (words, _, _) in enumerate(b):
            if shared := len(plain & words):
                scores[n] = shared / (len(plain) + len(words) - shared)
        best_score = max(scores.values(), default=0.0)
        # of equally close sentences (a list of prices, one line per place), the one with its facts
        closest = [n for n, score in scores.items() if score == best_score]
        if best_score < SAME_SENTENCE and not (
            best_score >= SAME_FACT_RICH_SENTENCE
            and len(facts) >= FACT_RICH
            and any(len(b[n][1]) >= FACT_RICH for n in closest)
        ):
            continue
        match = b[closest[0]]
        if match[1] != facts:
            match = next((b[n] for n in closest if b[n][1] == facts), match)
        other = match[1]
        both = len(facts) if facts == other else _common(facts, other)
        kept += both
        if both < min(len(facts), len(other)):  # not one a part of the other: facts were replaced
            changed += max(len(facts), len(other)) - both
        if names and match[2]:
            renamed += _renamed(sentence, match)
    if renamed:  # a name neither text has anywhere else: not one moved by a rewrite
        ours, theirs = _words(a), _words(b)
        changed += sum(theirs.isdisjoint(x) and ours.isdisjoint(y) for x, y in renamed)
    return Slots(changed, kept)


# the words of a name one text has and another name's words the other has in their place: ids
Renamed = tuple[tuple[int, ...], tuple[int, ...]]


def _renamed(a: Sentence, b: Sentence) -> list[Renamed]:
    """The names (German: runs of rare capitalised words) one of two matching sentences has where
    the other has another, between the same two neighbours: another commune or person in a
    template ('in Wettingen ist' against 'in Dietikon ist', 'Lenker, Reto Zwyssig, blieb' against
    'Lenker, Urs Bachofner, blieb'), as the words in which they differ. Names that both give say
    nothing (a template's rare nouns, 'Böen'), nor does one that is only left out or reworded, nor
    another spelling of it (a typo fixed in a copy)."""
    replacing: dict[tuple[int, int], set[tuple[tuple[int, ...], tuple[str, ...]]]] = {}
    for before, name, after, written in b[2]:
        if not a[0].issuperset(name):
            replacing.setdefault((before, after), set()).add((name, written))
    found = []
    for before, name, after, written in a[2]:
        if b[0].issuperset(name):
            continue
        for other, other_written in replacing.get((before, after), ()):
            ours = [(word, text) for word, text in zip(name, written, strict=True) if word not in other]
            theirs = [
                (word, text) for word, text in zip(other, other_written, strict=True) if word not in name
            ]
            if ours and theirs and not _variants([text for _, text in ours], [text for _, text in theirs]):
                found.append((tuple(word for word, _ in ours), tuple(word for word, _ in theirs)))
    return found


def _words(sentences: Sequence[Sentence]) -> frozenset[int]:
    return frozenset().union(*(words for words, _, _ in sentences))


def _variants(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two spellings of one name: at most one letter added, dropped, changed or swapped with its
    neighbour, two in names of 8 letters or more ('Wetingen', 'Wettignen' and 'Wettingen'), with
    accents dropped and umlauts written either way ('Zürich', 'Zurich', 'Zuerich')."""
    x, y = forms(" ".join(a)), forms(" ".join(b))
    most = 2 if min(len(x[0]), len(y[0])) >= 8 else 1
    return any(_edits(one, two, most) for one in x for two in y)


def _edits(a: str, b: str, most: int) -> bool:
    """Whether a turns into b by at most `most` edits (optimal string alignment distance)."""
    if abs(len(a) - len(b)) > most:
        return False
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                current[j] = min(current[j], before[j - 2] + 1)
        before, row = row, current
    return row[-1] <= most


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
