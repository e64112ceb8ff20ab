"""The presearcher: which topics can a document possibly match? (the idea of Lucene Monitor / Luwak)

The document knows which query words each field contains, for all topics at once (the
WordFinder's automaton over every query word, run once per distinct chunk). A query implies sets
of atoms such that a matching document holds an atom of every set (see Node.requirements: `a AND
(b OR "c d")` gives {a} and {b, "c d"}). An atom is a field scope and words that must all occur in
one field of it: `title:a` needs a in the title, the phrase "c d" needs c right before d in one
field (the document tells whether one query word occurs right after another).

Each topic takes up to MAX_SETS of its most selective sets, one per position. Topics are bits of
Python integers: per position, the field's words each light up the topics that one of their atoms
satisfies at that position, and a topic is a candidate when it is lit at every position it uses
(a few big-integer ORs per word of the document, whatever the number of topics). Only candidates
are evaluated. Skipped topics cannot match, so skipping them changes no result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from wirewatch.match.document import FIELDS, Document
from wirewatch.match.query import Requirement, word_weight

MAX_SETS = 6  # the most selective requirement sets of a topic checked before it is evaluated

# per position, the topics lit there
Lights = tuple[tuple[int, int], ...]
Follows = frozenset[tuple[int, int]]  # (a, b): word b must follow word a somewhere


class Presearcher:
    def __init__(self, requirements: Iterable[Sequence[Requirement]]) -> None:
        # field scope -> word id -> position -> topics an atom of that single word lights there
        single: dict[tuple[str, ...], dict[int, dict[int, int]]] = {}
        # field -> rarest word id -> the other word id(s) -> position -> topics, for atoms of two
        # words (pairs, found by intersecting with the field's words) and of more (multi)
        pairs: dict[str, dict[int, dict[int, dict[int, int]]]] = {field: {} for field in FIELDS}
        multi: dict[str, dict[int, dict[frozenset[int], dict[int, int]]]] = {field: {} for field in FIELDS}
        # field -> a pair of adjacent words -> every pair the atom needs -> position -> topics, for
        # atoms whose words follow one another (phrases): found among the field's adjacent pairs,
        # which hold only words present there
        phrases: dict[str, dict[tuple[int, int], dict[Follows, dict[int, int]]]] = {
            field: {} for field in FIELDS
        }
        self.unused = [0] * MAX_SETS  # per position, the topics with fewer sets (always lit)
        for topic_index, required in enumerate(requirements):
            bit = 1 << topic_index
            distinct = {atoms: weight for weight, atoms in required}
            ordered = sorted(distinct, key=distinct.__getitem__, reverse=True)[:MAX_SETS]
            for position in range(len(ordered), MAX_SETS):
                self.unused[position] |= bit
            for position, atoms in enumerate(ordered):
                for fields, words, adjacent in atoms:
                    rarest = max(words, key=lambda w: word_weight(w, fields))
                    others = frozenset(w.id for w in words if w is not rarest)
                    if not others:
                        lit = single.setdefault(fields, {}).setdefault(rarest.id, {})
                        lit[position] = lit.get(position, 0) | bit
                        continue
                    # the pairs of words that must follow one another, keyed by one with the rarest
                    sequence = frozenset(pairwise(w.id for w in words)) if adjacent else None
                    key = min(pair for pair in sequence if rarest.id in pair) if sequence else None
                    for field in fields:
                        if key is not None:
                            lit = phrases[field].setdefault(key, {}).setdefault(sequence, {})
                        elif len(others) == 1:
                            (other,) = others
                            lit = pairs[field].setdefault(rarest.id, {}).setdefault(other, {})
                        else:
                            lit = multi[field].setdefault(rarest.id, {}).setdefault(others, {})
                        lit[position] = lit.get(position, 0) | bit
        self.single: dict[tuple[str, ...], dict[int, Lights]] = {
            scope: {word_id: tuple(lit.items()) for word_id, lit in by_word.items()}
            for scope, by_word in single.items()
        }
        self.pairs: dict[str, dict[int, dict[int, Lights]]] = {
            field: {
                word_id: {other: tuple(lit.items()) for other, lit in by_other.items()}
                for word_id, by_other in by_word.items()
            }
            for field, by_word in pairs.items()
        }
        self.multi: dict[str, dict[int, tuple[tuple[frozenset[int], Lights], ...]]] = {
            field: {
                word_id: tuple((others, tuple(lit.items())) for others, lit in by_rest.items())
                for word_id, by_rest in by_word.items()
            }
            for field, by_word in multi.items()
        }
        self.phrases: dict[str, dict[tuple[int, int], tuple[tuple[Follows, Lights], ...]]] = {
            field: {
                key: tuple((sequence, tuple(lit.items())) for sequence, lit in by_sequence.items())
                for key, by_sequence in by_key.items()
            }
            for field, by_key in phrases.items()
        }

    def candidates(self, doc: Document) -> list[int]:
        """Indexes of the topics whose every checked requirement set holds in the document, in order."""
        present = doc.present_in
        lit = list(self.unused)
        for scope, single in self.single.items():
            words = present[scope[0]] if len(scope) == 1 else set().union(*map(present.__getitem__, scope))
            for word_id in single.keys() & words:
                for position, bits in single[word_id]:
                    lit[position] |= bits
        for field in FIELDS:
            words = present[field]
            if not words:
                continue
            pairs, multi, phrases = self.pairs[field], self.multi[field], self.phrases[field]
            found = [
                by_other[other]
                for by_other in map(pairs.__getitem__, pairs.keys() & words)
                for other in by_other.keys() & words
            ]
            found += [
                lights
                for word_id in multi.keys() & words
                for others, lights in multi[word_id]
                if others <= words
            ]
            if phrases:
                adjacent = doc.pairs(field)
                found += [
                    lights
                    for key in phrases.keys() & adjacent
                    for sequence, lights in phrases[key]
                    if adjacent.issuperset(sequence)
                ]
            for lights in found:
                for position, bits in lights:
                    lit[position] |= bits
        found_bits = lit[0]
        for bits in lit[1:]:
            found_bits &= bits
        return _set_bits(found_bits)


def _set_bits(number: int) -> list[int]:
    """Indexes of the bits set in a number, in order: one at a time when they are few (a document
    has a few candidates among thousands of topics), else from its binary string."""
    if number.bit_count() <= 64:
        indexes = []
        while number:
            top = number.bit_length() - 1
            indexes.append(top)
            number ^= 1 << top
        indexes.reverse()
        return indexes
    bits = bin(number)[:1:-1]  # bit i at index i
    indexes = []
    index = bits.find("1")
    while index >= 0:
        indexes.append(index)
        index = bits.find("1", index + 1)
    return indexes
