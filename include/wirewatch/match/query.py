"""Topic queries in Lucene syntax, parsed by luqum and compiled into a tree of nodes.

Supported: AND, OR, NOT and `-` (and `+` for required clauses), grouping with parentheses, a
default operator between clauses that have none (AND or OR), "exact phrases", trailing
wildcards (`nordkorea*`, also inside phrases), proximity (`"nordkorea* truppen"~5`: at most 5
other words between them, in any order), proximity by structure (`~s` or `~0s` same sentence,
`~2s` within 2 sentences, `~p` same paragraph, `~1p` within 1 paragraph, `~article` anywhere;
with headline context a slot found in the title counts as near every body sentence), field
scopes `title:`, `body:`, `lang:`, `outlet:`, `agency:`, `layout:` (items or prose) and
references to the topic's term lists, `@name`, also as a slot of a phrase (then an entry may be
a word proximity, nested in the clause: `"@nk_troops @kursk"~s` with
`nk_troops: ['"@nk @troops"~8']`); a list entry may be scoped to languages.

Precedence (luqum's): NOT and `-` bind tightest, then AND, then OR, and clauses joined by the
default operator bind loosest, so `a b OR c` is `a AND (b OR c)` when the default is AND.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields

from luqum import tree
from luqum.exceptions import ParseError
from luqum.thread import parse as luqum_parse

from wirewatch.match.document import FIELDS, PARAGRAPH, SENTENCE, TEXT_FIELDS, Document, Occurrence, Word
from wirewatch.match.normalize import Normalizer

# Words too common to pick as the one a document must contain (see Node.anchor).
STOPWORDS = frozenset(
    "a an and the of in on at to for by with from is are was der die das den dem des ein eine und "
    "in im am an auf aus mit von zu zum zur ist le la les un une des du de et en au aux dans par pour "
    "sur est".split()
)
MIN_PREFIX = 2
_POSITION_RE = re.compile(r"position (\d+)")
_PLAIN_WORD_RE = re.compile(r"[^\W_][\w\-'\u2019.]*\*?\Z")
_PLAIN_PHRASE_RE = re.compile(r'"[^"\\~]*"\Z')
_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})
# `"..."~2s`: luqum reads only `~2`, so the unit is blanked out (offsets stay) and kept aside
_UNIT_RE = re.compile(r'(?<=")~(\d*)(s|p|article)(?![\w*])')
UNITS = {"s": SENTENCE, "p": PARAGRAPH, "article": PARAGRAPH}
ANYWHERE = 1 << 30  # the distance of ~article
MAX_DEPTH = 100  # nesting of groups and operators: deeper is a mistake or an attack
MAX_CHAINS = 100  # proximity matches enumerated to explain one clause
# Proximity candidates one clause may examine in one document before it gives up on it.
WORK_BUDGET = 2_000_000
COSTLY_SLOTS = 8
COSTLY_SLOP = 200


class WorkBudgetExceeded(RuntimeError):
    """A clause needed more work on one document than WORK_BUDGET allows."""


class QueryError(ValueError):
    """A query or term list entry that does not compile; `pos` is the offset in that string."""

    def __init__(self, message: str, pos: int, where: str = "query") -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.where = where


RawHit = tuple[str, str, int, int]  # term label, field, start, end
Languages = frozenset[str] | None  # the languages a term list entry is for; None: every language
TermEntry = tuple[str, str, Languages]  # entry as written, where it is ("terms.NAME[i]"), languages
# Words that must all occur in one field of the scope, and when `adjacent` one after the other
# in that order (a word; the words of a phrase; the words of a proximity search).
Atom = tuple[tuple[str, ...], tuple[Word, ...], bool]
Requirement = tuple[float, frozenset[Atom]]  # selectivity, and atoms one of which must hold


class Node:
    label: str

    def test(self, doc: Document) -> bool:
        raise NotImplementedError

    def hits(self, doc: Document, out: list[RawHit]) -> None:
        """The evidence for a node that tested true: every occurrence of its positive terms."""

    def requirements(self) -> list[Requirement]:
        """Sets of atoms such that a matching document holds an atom of every set.

        An atom is a field scope and words that all occur in one field of it (a phrase needs all
        its words, one after the other). Each set comes with its selectivity; the list is empty when the node can be
        true in a document that has none of its words (NOT). The presearcher evaluates only the
        topics whose every set (up to its most selective few) has an atom in the document.
        """
        raise NotImplementedError

    def anchor(self) -> Requirement | None:
        """The most selective requirement, or None."""
        return max(self.requirements(), key=lambda r: r[0], default=None)

    def words(self) -> Iterator[Word]:
        raise NotImplementedError


def atom_weight(atom: Atom) -> float:
    """All words of an atom must occur: more words, rarer."""
    fields, words, _ = atom
    return sum(word_weight(word, fields) for word in words)


def requirement(atoms: frozenset[Atom]) -> Requirement:
    return min(atom_weight(atom) for atom in atoms), atoms


def word_weight(word: Word, fields: tuple[str, ...]) -> float:
    """Longer words are rarer (Lucene Monitor's default term weighting); a language code is not rare."""
    if set(fields) <= {"lang"}:
        return 0.1
    text = word.forms[0]
    if text in STOPWORDS:
        return 0.5
    return len(text) - (0.5 if word.prefix else 0.0)


@dataclass(eq=False)
class WordNode(Node):
    word: Word
    fields: tuple[str, ...]
    label: str

    def test(self, doc: Document) -> bool:
        return doc.has_in(self.word, self.fields)

    def hits(self, doc: Document, out: list[RawHit]) -> None:
        for field in self.fields:
            if self.word.id in doc.present_in[field]:
                self.field_hits(doc, field, out)

    def field_hits(self, doc: Document, field: str, out: list[RawHit]) -> None:
        """The hits in one field where the word is present."""
        label = self.label
        out.extend([(label, field, occ[2], occ[3]) for occ in doc.word_occurrences(self.word, field)])

    def requirements(self) -> list[Requirement]:
        return [requirement(frozenset(((self.fields, (self.word,), False),)))]

    def words(self) -> Iterator[Word]:
        yield self.word


# adjacent words, or a word proximity clause nested in this one (a term list entry such as
# `"@north_korea @troops"~8`); the term they were written as, and the languages it is for
Alternative = tuple["tuple[Word, ...] | SeqNode", str, Languages]
Slot = tuple[Alternative, ...]  # any one of these


@dataclass(eq=False)
class SeqNode(Node):
    """A phrase (slop None: slots adjacent and in order) or a proximity search (slop: words between).

    An exact phrase hits as a whole; a proximity search hits with each part under its own term.
    """

    slots: tuple[Slot, ...]
    slop: int | None
    fields: tuple[str, ...]
    label: str
    parts: tuple[str, ...]  # each slot as written ("nordkorea*", "@military")

    def test(self, doc: Document) -> bool:
        found = doc.memo.get(id(self))
        if found is None:
            found = False
            for field in self.fields:
                if self._occurs(doc, field):
                    found = True
                    break
            doc.memo[id(self)] = found
        return found

    def _occurs(self, doc: Document, field: str) -> bool:
        if self.slop is None:  # a phrase: its matches, kept for its hits (a phrase found is mostly explained)
            return bool(self._matches(doc, field))
        if not self._possible(doc, field):
            return False
        per_slot = self._slot_spans(doc, field)
        if not all(per_slot):
            return False
        return bool(self._near(per_slot, first_only=True))

    def hits(self, doc: Document, out: list[RawHit]) -> None:
        for field in self.fields:
            found = self._matches(doc, field)
            if self.slop is None:
                out.extend((self.label, field, chain[0][2], chain[-1][3]) for chain in found)
                continue
            labels = [_labels_of(slot, doc, field) for slot in self.slots]
            for chosen in found:
                for j, span in enumerate(chosen):
                    _hit(out, labels[j][span], doc, field, span)

    def requirements(self) -> list[Requirement]:
        # per slot, one of its alternatives (all of its words in one field)
        found = [
            requirement(frozenset(atom for alt in slot for atom in _atoms(alt, self.fields)))
            for slot in self.slots
        ]
        if type(self) is SeqNode and all(len(slot) == 1 and _is_words(slot[0]) for slot in self.slots):
            # every slot in the same field (no headline context here): all the words in one field,
            # in a phrase one after the other
            words = tuple(w for slot in self.slots for w in slot[0][0])
            found.append(requirement(frozenset(((self.fields, words, self.slop is None),))))
        return found

    def words(self) -> Iterator[Word]:
        for slot in self.slots:
            for words, _, _ in slot:
                yield from words.words() if isinstance(words, SeqNode) else words

    def cost_warning(self) -> str | None:
        """Why this clause may be slow on long texts, or None."""
        if self.slop is not None and len(self.slots) > COSTLY_SLOTS:
            return f"{self.label[:60]}: {len(self.slots)} slots in one proximity clause"
        if self.slop is not None and self.slop > COSTLY_SLOP:
            return f"{self.label[:60]}: a proximity of {self.slop} words; use ~p or ~article for long spans"
        return None

    def found_parts(self, doc: Document) -> list[str | None]:
        """Per slot, the first text where it occurs in the document (anywhere in scope), or None."""
        found: list[str | None] = [None] * len(self.slots)
        for field in self.fields:
            for j, spans in enumerate(self._slot_spans(doc, field)):
                if found[j] is None and spans:
                    found[j] = doc.texts[field][spans[0][2] : spans[0][3]]
        return found

    def __post_init__(self) -> None:
        # per slot: the ids of its one-word alternatives for every language, and the other
        # alternatives as (ids all of which must occur, languages), so presence is set arithmetic
        # (and the nested clauses, which must match)
        checks: list[SlotCheck] = []
        for slot in self.slots:
            plain = [alt for alt in slot if _is_words(alt)]
            single = frozenset(words[0].id for words, _, langs in plain if len(words) == 1 and langs is None)
            rest = tuple(
                (frozenset(w.id for w in words), langs)
                for words, _, langs in plain
                if len(words) > 1 or langs is not None
            )
            nested = tuple((node, langs) for node, _, langs in slot if isinstance(node, SeqNode))
            checks.append((single, rest, nested))
        self._checks = tuple(checks)

    def _possible(self, doc: Document, field: str) -> bool:
        present, language = doc.present_in[field], doc.language
        for j, check in enumerate(self._checks):
            if not _words_held(check, present, language) and not (
                check[2] and self._nested_held(doc, field, j)
            ):
                return False
        return True

    def _nested_held(self, doc: Document, field: str, j: int) -> bool:
        """Whether one of slot j's nested clauses matches in the field (for the document's language)."""
        return any(
            _for_language(langs, doc) and node._matches(doc, field) for node, langs in self._checks[j][2]
        )

    def _slot_spans(self, doc: Document, field: str) -> list[list[Occurrence]]:
        """Per slot: where it occurs (sorted)."""
        return [_spans_of(slot, doc, field) for slot in self.slots]

    def _matches(self, doc: Document, field: str) -> list[tuple[Occurrence, ...]]:
        """The matches in a field, at most MAX_CHAINS."""
        key = (id(self), field, "matches")
        found = doc.memo.get(key)
        if found is None:
            found = []
            if self._possible(doc, field):
                per_slot = self._slot_spans(doc, field)
                if all(per_slot):
                    found = self._exact(per_slot) if self.slop is None else self._near(per_slot, False)
            doc.memo[key] = found
        return found

    @staticmethod
    def _exact(per_slot: list[list[Occurrence]]) -> list[tuple[Occurrence, ...]]:
        found: list[tuple[Occurrence, ...]] = []
        # the spans of each slot after the first, by their first position (the first slot's only start)
        by_first: list[dict[int, list[Occurrence]]] = []
        for spans in per_slot[1:]:
            table: dict[int, list[Occurrence]] = {}
            for span in spans:
                table.setdefault(span[0], []).append(span)
            by_first.append(table)
        for start in per_slot[0]:
            chains: list[tuple[Occurrence, ...]] = [(start,)]
            for table in by_first:
                chains = [chain + (nxt,) for chain in chains for nxt in table.get(chain[-1][1] + 1, ())]
                if not chains:
                    break
            found.extend(chains)
            if len(found) >= MAX_CHAINS:
                return found[:MAX_CHAINS]
        return found

    def _near(self, per_slot: list[list[Occurrence]], first_only: bool) -> list[tuple[Occurrence, ...]]:
        """Each span in turn as the leftmost; every other slot takes its nearest span at or after it.

        Slots with the same spans pick the same span, so only one of them needs to lead. At most
        MAX_CHAINS matches are listed, and WORK_BUDGET bounds the spans examined.
        """
        assert self.slop is not None
        firsts = [[span[0] for span in spans] for spans in per_slot]
        leaders = list({tuple(spans): i for i, spans in enumerate(per_slot)}.values())
        limit = 1 if first_only else MAX_CHAINS
        budget = WORK_BUDGET
        found = []
        for i in leaders:
            budget -= len(per_slot[i]) * len(per_slot)
            if budget < 0:
                raise WorkBudgetExceeded(f"{self.label[:80]}: more than {WORK_BUDGET:,} candidate spans")
            for left in per_slot[i]:
                chosen = []
                for j, other in enumerate(per_slot):
                    if j == i:
                        chosen.append(left)
                        continue
                    k = bisect.bisect_left(firsts[j], left[0])
                    if k == len(other):
                        break
                    chosen.append(other[k])
                else:
                    covered = len(_merge_positions(chosen))
                    window = max(span[1] for span in chosen) - left[0] + 1
                    if window - covered <= self.slop:
                        found.append(tuple(chosen))
                        if len(found) >= limit:
                            return found
        return found


def _spans_of(slot: Slot, doc: Document, field: str) -> list[Occurrence]:
    """Where a slot occurs in a field, sorted; shared by the clauses with the same slot (slots are
    interned by the compiler)."""
    if len(slot) == 1:
        words, _, languages = slot[0]
        if languages is None and not isinstance(words, SeqNode) and len(words) == 1:
            return doc.word_occurrences(words[0], field)  # in text order, each once
    key = (id(slot), field)
    found = doc.memo.get(key)
    if found is None:
        spans: set[Occurrence] = set()
        for words, _, languages in slot:
            if languages is None or _for_language(languages, doc):
                spans.update(
                    _chains(words, doc, field) if _is_words_of(words) else _spans_of_clause(words, doc, field)
                )
        found = doc.memo[key] = sorted(spans)
    return found


def _labels_of(slot: Slot, doc: Document, field: str) -> dict[Occurrence, str]:
    """The term each occurrence of a slot was found as (the first alternative that finds it)."""
    key = (id(slot), field, "labels")
    labels = doc.memo.get(key)
    if labels is None:
        labels = doc.memo[key] = {}
        for words, label, languages in slot:
            if languages is None or _for_language(languages, doc):
                chains = (
                    _chains(words, doc, field) if _is_words_of(words) else _spans_of_clause(words, doc, field)
                )
                for chain in chains:
                    labels.setdefault(chain, label)
    return labels


def _is_words(alternative: Alternative) -> bool:
    return _is_words_of(alternative[0])


def _is_words_of(words: tuple[Word, ...] | SeqNode) -> bool:
    return not isinstance(words, SeqNode)


def _atoms(alternative: Alternative, fields: tuple[str, ...]) -> list[Atom]:
    """What the presearcher may require of one alternative of a slot: its words, or for a nested
    clause the atoms of its most selective requirement (all in the outer clause's scope)."""
    words = alternative[0]
    if _is_words_of(words):
        return [(fields, words, len(words) > 1)]
    _, atoms = words.anchor()
    return [(fields, atom_words, adjacent) for _, atom_words, adjacent in atoms]


def _spans_of_clause(node: SeqNode, doc: Document, field: str) -> list[Occurrence]:
    """Each match of a nested clause as one span, from its first word to its last; in the
    sentence and paragraph it starts in. Remembers each span's match, for its hits."""
    found = []
    matches = doc.memo.setdefault(("nested", field), {})
    for m in node._matches(doc, field):
        span = (min(s[0] for s in m), max(s[1] for s in m), min(s[2] for s in m), max(s[3] for s in m))
        span += min(m)[4:]
        matches.setdefault(span, (node, m))
        found.append(span)
    return found


def _hit(out: list[RawHit], label: str, doc: Document, field: str, span: Occurrence) -> None:
    """A hit of a slot's span; a span of a nested clause hits with each of its words instead."""
    nested = doc.memo.get(("nested", field))
    found = nested.get(span) if nested else None
    if found is None:
        out.append((label, field, span[2], span[3]))
        return
    node, m = found
    for slot, part in zip(node.slots, m, strict=True):
        out.append((_labels_of(slot, doc, field)[part], field, part[2], part[3]))


def _chains(words: tuple[Word, ...], doc: Document, field: str) -> list[Occurrence]:
    """Where the words occur one after the other, as one span each."""
    chains = doc.word_occurrences(words[0], field)
    for word in words[1:]:
        by_first: dict[int, list[Occurrence]] = {}
        for occ in doc.word_occurrences(word, field):
            by_first.setdefault(occ[0], []).append(occ)
        chains = [
            (chain[0], nxt[1], chain[2], nxt[3], chain[4], chain[5])
            for chain in chains
            for nxt in by_first.get(chain[1] + 1, ())
        ]
    return chains


# a slot's one-word ids for every language, its other word alternatives (ids all of which must
# occur, languages), and its nested clauses with their languages
SlotCheck = tuple[
    frozenset[int], tuple[tuple[frozenset[int], Languages], ...], tuple[tuple["SeqNode", Languages], ...]
]


def _words_held(check: SlotCheck, present: set[int], language: str | None) -> bool:
    """Whether a slot's words are in a field: one of its single words, or every word of one of its
    other alternatives written for this language (its nested clauses are not looked at)."""
    single, rest, _ = check
    return not single.isdisjoint(present) or bool(rest) and _any_present(rest, present, language)


def _any_present(
    alternatives: tuple[tuple[frozenset[int], Languages], ...], present: set[int], language: str | None
) -> bool:
    for ids, languages in alternatives:
        if (languages is None or not language or language in languages) and ids <= present:
            return True
    return False


def _merge_positions(spans: list[Occurrence]) -> set[int]:
    return {p for span in spans for p in range(span[0], span[1] + 1)}


def _for_language(languages: Languages, doc: Document) -> bool:
    return languages is None or not doc.language or doc.language in languages


@dataclass(eq=False)
class StructNode(SeqNode):
    """Proximity by structure: every slot within `distance` sentences or paragraphs (`unit`).

    With headline context, a slot found in the title is near every body sentence, so the
    headline names the place and the body the troops; the body must still hold two slots, and
    a body made of items (a live blog, a round-up) takes no context from its headline. One sweep over the units each slot
    occurs in finds the windows, so the work grows with the number of occurrences.
    """

    unit: int = SENTENCE
    distance: int = 0
    headline: frozenset[int] = frozenset()  # slots a headline term may stand in for

    def __post_init__(self) -> None:
        super().__post_init__()
        self._body_first = sorted(self.fields, key=lambda f: f == "title")
        self._single_words = tuple(
            all(_is_words_of(words) and len(words) == 1 for words, _, _ in slot) for slot in self.slots
        )
        # parts of the query each slot surely holds: a nested clause all of its own
        self._held = tuple(
            min(len(words.slots) if isinstance(words, SeqNode) else 1 for words, _, _ in slot)
            for slot in self.slots
        )
        self._everything = tuple(range(len(self.slots)))
        self._headline_order = sorted(self.headline)

    def test(self, doc: Document) -> bool:
        return bool(self._windows(doc, first_only=True))

    def hits(self, doc: Document, out: list[RawHit]) -> None:
        for field, slot_index, span_ranges in self._windows(doc, first_only=False):
            slot = self.slots[slot_index]
            labels = _labels_of(slot, doc, field)
            starts, ends = _disjoint(span_ranges)
            for span in _spans_of(slot, doc, field):
                k = bisect.bisect_right(starts, span[self.unit]) - 1
                if k >= 0 and span[self.unit] <= ends[k]:
                    _hit(out, labels[span], doc, field, span)

    def _windows(self, doc: Document, first_only: bool) -> list[tuple[str, int, list[tuple[int, int]]]]:
        """(field, slot, unit ranges in that field where the slot's spans count), or [] if no match."""
        key = (id(self), "windows", first_only)
        cached = doc.memo.get(key)
        if cached is not None:
            return cached
        found: list[tuple[str, int, list[tuple[int, int]]]] = []
        # per field, whether each slot's words are there (set arithmetic, asked once); a slot
        # without them may still hold a nested clause, tried only where the search needs it
        language, checks = doc.language, self._checks
        has = {
            field: [_words_held(check, doc.present_in[field], language) for check in checks]
            for field in self.fields
        }

        def held(field: str, j: int) -> bool:
            return has[field][j] or bool(checks[j][2]) and self._nested_held(doc, field, j)

        for j in self._everything:
            if not any(held(f, j) for f in self.fields):
                doc.memo[key] = found
                return found
        # the headline of a live blog or round-up names several items, not the context of one
        context = bool(self.headline) and "title" in self.fields and len(self.fields) > 1
        context = context and doc.texts["layout"] != "items"
        titled = [j for j in self._headline_order if held("title", j)] if context else []
        everything = self._everything
        rest = [j for j in everything if j not in titled]
        # in the body every slot, or a headline slot standing in for all but two parts (a nested
        # clause's slots count as parts)
        stand_ins = (
            [rest] if sum(self._held[j] for j in rest) > 1 else [rest + [j] for j in titled] if titled else []
        )
        for field in self._body_first:  # the body explains best
            tries = [everything] + (stand_ins if field != "title" else [])
            for needed in tries:
                if not all(held(field, j) for j in needed):
                    continue
                units = [
                    _units_of(self.slots[j], doc, field, self.unit, self._single_words[j]) for j in needed
                ]
                if first_only:  # only whether there is a window
                    ranges = [(0, 0)] if _near(units, self.distance) else []
                else:
                    ranges = _covering_windows(units, self.distance, MAX_CHAINS)
                if ranges:
                    found = [(field, j, ranges) for j in needed]
                    if field != "title":
                        found += [("title", j, [(0, ANYWHERE)]) for j in titled if j not in needed]
                    break
            if found:
                break
        doc.memo[key] = found
        return found


def _units_of(slot: Slot, doc: Document, field: str, unit: int, single_words: bool) -> set[int]:
    """The sentences or paragraphs (unit) a slot occurs in; single_words: its alternatives are
    all single words."""
    key = (id(slot), field, unit)
    found = doc.memo.get(key)
    if found is None:
        if single_words:  # from the units of each word present
            present = doc.present_in[field]
            found = set().union(
                *[
                    doc.word_units(words[0], field, unit)
                    for words, _, languages in slot
                    if words[0].id in present and (languages is None or _for_language(languages, doc))
                ]
            )
        else:
            found = {span[unit] for span in _spans_of(slot, doc, field)}
        doc.memo[key] = found
    return found


def _near(units: list[set[int]], distance: int) -> bool:
    """Whether some `distance` + 1 consecutive units hold a unit of every set (by set arithmetic
    in the common cases: anywhere, the same unit, two sets a few units apart)."""
    if distance >= ANYWHERE or len(units) == 1:
        return all(units)
    if distance == 0:
        return (
            not units[0].isdisjoint(units[1]) if len(units) == 2 else bool(units[0].intersection(*units[1:]))
        )
    if len(units) == 2 and distance <= 3:
        near = units[1]
        return any(u + k in near for u in units[0] for k in range(-distance, distance + 1))
    return bool(_covering_windows(units, distance, 1))


def _disjoint(ranges: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Overlapping ranges merged: their starts and ends, in order."""
    starts: list[int] = []
    ends: list[int] = []
    for lo, hi in sorted(ranges):
        if ends and lo <= ends[-1]:
            ends[-1] = max(ends[-1], hi)
        else:
            starts.append(lo)
            ends.append(hi)
    return starts, ends


def _covering_windows(units: list[set[int]], distance: int, limit: int) -> list[tuple[int, int]]:
    """Ranges of at most `distance` units that hold a unit of every list (a sliding window)."""
    if not units:
        return []
    events = sorted((u, j) for j, mine in enumerate(units) for u in mine)
    counts = [0] * len(units)
    covered = left = 0
    found: list[tuple[int, int]] = []
    for unit, j in events:
        covered += counts[j] == 0
        counts[j] += 1
        while events[left][0] < unit - distance:
            lj = events[left][1]
            counts[lj] -= 1
            covered -= counts[lj] == 0
            left += 1
        if covered == len(units):
            found.append((events[left][0], unit))
            if len(found) >= limit:
                break
    return found


@dataclass(eq=False)
class LangNode(Node):
    """A term list entry that is only for some languages."""

    child: Node
    languages: frozenset[str]
    label: str = "LANG"

    def test(self, doc: Document) -> bool:
        return _for_language(self.languages, doc) and self.child.test(doc)

    def hits(self, doc: Document, out: list[RawHit]) -> None:
        self.child.hits(doc, out)

    def requirements(self) -> list[Requirement]:
        return self.child.requirements()

    def words(self) -> Iterator[Word]:
        yield from self.child.words()


@dataclass(eq=False)
class AndNode(Node):
    children: tuple[Node, ...]
    label: str = "AND"

    def test(self, doc: Document) -> bool:
        for child in self.children:
            if not child.test(doc):
                return False
        return True

    def hits(self, doc: Document, out: list[RawHit]) -> None:
        for child in self.children:
            child.hits(doc, out)

    def requirements(self) -> list[Requirement]:
        return [r for child in self.children for r in child.requirements()]

    def words(self) -> Iterator[Word]:
        for child in self.children:
            yield from child.words()


@dataclass(eq=False)
class OrNode(Node):
    children: tuple[Node, ...]
    label: str = "OR"

    def __post_init__(self) -> None:
        # the word children (a term list's entries, mostly) tested at once, per field scope
        # (and their hits taken from the words present only: explain ignores the order of hits)
        by_fields: dict[tuple[str, ...], dict[int, list[WordNode]]] = {}
        for child in self.children:
            if isinstance(child, WordNode):
                by_fields.setdefault(child.fields, {}).setdefault(child.word.id, []).append(child)
        self._words = tuple(
            (fields, {word_id: tuple(nodes) for word_id, nodes in by_id.items()})
            for fields, by_id in by_fields.items()
        )
        self._others = tuple(child for child in self.children if not isinstance(child, WordNode))

    def test(self, doc: Document) -> bool:
        for fields, by_id in self._words:
            for field in fields:
                if not by_id.keys().isdisjoint(doc.present_in[field]):
                    return True
        for child in self._others:
            if child.test(doc):
                return True
        return False

    def hits(self, doc: Document, out: list[RawHit]) -> None:
        for fields, by_id in self._words:
            for field in fields:
                for word_id in by_id.keys() & doc.present_in[field]:
                    for child in by_id[word_id]:
                        child.field_hits(doc, field, out)
        for child in self._others:
            if child.test(doc):
                child.hits(doc, out)

    def requirements(self) -> list[Requirement]:
        anchors = [child.anchor() for child in self.children]
        if any(a is None for a in anchors):
            return []
        return [requirement(frozenset().union(*(a[1] for a in anchors)))]

    def words(self) -> Iterator[Word]:
        for child in self.children:
            yield from child.words()


@dataclass(eq=False)
class NotNode(Node):
    child: Node
    label: str = "NOT"

    def test(self, doc: Document) -> bool:
        return not self.child.test(doc)

    def requirements(self) -> list[Requirement]:
        return []

    def words(self) -> Iterator[Word]:
        yield from self.child.words()


class WordTable:
    """One Word per distinct (forms, prefix) across all topics, numbered for the presearcher; one
    node per distinct clause and one slot per distinct phrase slot, so that topics sharing a clause
    share its per-document results (see Document.memo)."""

    def __init__(self) -> None:
        self.words: list[Word] = []
        self._index: dict[tuple[tuple[str, ...], bool], Word] = {}
        self._nodes: dict[tuple, Node] = {}
        self._slots: dict[Slot, Slot] = {}

    def node(self, node: Node) -> Node:
        """The node already made with the same type and fields (children compare by identity)."""
        key = (type(node), *(getattr(node, f.name) for f in dataclass_fields(node)))
        return self._nodes.setdefault(key, node)

    def slot(self, slot: Slot) -> Slot:
        return self._slots.setdefault(slot, slot)

    def get(self, forms: tuple[str, ...], prefix: bool) -> Word:
        key = (forms, prefix)
        word = self._index.get(key)
        if word is None:
            word = Word(len(self.words), forms, prefix)
            self.words.append(word)
            self._index[key] = word
        return word


def parse(text: str, where: str = "query") -> tree.Item:
    """The luqum tree of a query, or a QueryError with the offset of the problem."""
    # Term list entries are mostly one word or one phrase: spare the parser (10,000 topics compile faster)
    if _PLAIN_WORD_RE.match(text) and text not in _OPERATORS:
        return tree.Word(text, pos=0, size=len(text))
    if _PLAIN_PHRASE_RE.match(text):
        return tree.Phrase(text, pos=0, size=len(text))
    units = {m.start(): (m.group(2), int(m.group(1) or 0)) for m in _UNIT_RE.finditer(text)}
    blanked = _UNIT_RE.sub(lambda m: f"~{m.group(1) or 0}".ljust(len(m.group())), text)
    try:
        parsed = luqum_parse(blanked)
    except ParseError as exc:
        m = _POSITION_RE.search(str(exc))
        pos = int(m.group(1)) if m else len(text)
        if pos >= len(text.rstrip()):
            message = "unexpected end of query (an unclosed parenthesis or a dangling operator?)"
        elif text[pos] == '"':
            message = "unclosed quote"
        else:
            message = f"unexpected {text[pos:].split()[0][:30]!r}"
        raise QueryError(message, pos, where) from None
    if units:
        _mark_units(parsed, units)
    return parsed


def _unit_text(name: str, distance: int) -> str:
    return name if name == "article" else f"{distance}{name}"


def _mark_units(parsed: tree.Item, units: dict[int, tuple[str, int]]) -> None:
    """Give each proximity written with a unit (`~2s`) its unit and distance, as `unit`."""
    stack = [parsed]
    while stack:
        item = stack.pop()
        if isinstance(item, tree.Proximity):
            item.unit = units.get(item.term.pos + item.term.size)
        stack.extend(item.children)


class Compiler:
    """Compiles the queries of one topic: its term lists, its default operator."""

    def __init__(
        self,
        normalizer: Normalizer,
        table: WordTable,
        terms: dict[str, list[TermEntry]],
        default_operator: str = "AND",
        headline_context: bool | list[str] = True,
    ) -> None:
        self.normalizer = normalizer
        self.table = table
        self.terms = terms
        self.default_operator = default_operator
        self.headline_context = headline_context
        self._languages: Languages = None  # of the term list entry being compiled; None: every one

    def compile(self, query: str, where: str = "query") -> Node:
        node = self._convert(parse(query, where), None, where, ())
        if node.anchor() is None:
            raise QueryError(
                "the query can match a document that contains none of its terms (only NOT clauses?)", 0, where
            )
        return node

    # luqum tree -> nodes

    def _convert(
        self,
        item: tree.Item,
        fields: tuple[str, ...] | None,
        where: str,
        stack: tuple[str, ...],
        depth: int = 0,
    ) -> Node:
        return self.table.node(self._convert_item(item, fields, where, stack, depth))

    def _convert_item(
        self,
        item: tree.Item,
        fields: tuple[str, ...] | None,
        where: str,
        stack: tuple[str, ...],
        depth: int,
    ) -> Node:
        pos = item.pos or 0
        if depth > MAX_DEPTH:
            raise QueryError(f"the query nests more than {MAX_DEPTH} levels deep", pos, where)
        depth += 1
        if isinstance(item, tree.SearchField):
            if fields is not None:
                raise QueryError(f"field scope {item.name}: inside another field scope", pos, where)
            if item.name not in FIELDS:
                raise QueryError(f"unknown field {item.name!r}; fields are {', '.join(FIELDS)}", pos, where)
            return self._convert(item.expr, (item.name,), where, stack, depth)
        if isinstance(item, tree.BaseGroup):
            return self._convert(item.expr, fields, where, stack, depth)
        if isinstance(item, tree.AndOperation):
            return AndNode(tuple(self._convert(c, fields, where, stack, depth) for c in item.children))
        if isinstance(item, tree.OrOperation):
            return OrNode(tuple(self._convert(c, fields, where, stack, depth) for c in item.children))
        if isinstance(item, tree.UnknownOperation):
            return self._implicit(item, fields, where, stack, depth)
        if isinstance(item, tree.Plus):
            return self._convert(item.a, fields, where, stack, depth)
        if isinstance(item, tree.Not | tree.Prohibit):
            return NotNode(self._convert(item.a, fields, where, stack, depth))
        if isinstance(item, tree.Proximity):
            unit = getattr(item, "unit", None)
            label = str(item) if unit is None else f"{item.term}~{_unit_text(*unit)}"
            return self._phrase(
                item.term, fields, where, stack, slop=int(item.degree), label=label, unit=unit
            )
        if isinstance(item, tree.Phrase):
            return self._phrase(item, fields, where, stack, slop=None, label=str(item))
        if isinstance(item, tree.Fuzzy):
            raise QueryError("fuzzy terms (~ after a word) are not supported; use a trailing *", pos, where)
        if isinstance(item, tree.Boost):
            raise QueryError("boosts (^) are not supported", pos, where)
        if isinstance(item, tree.Regex):
            raise QueryError("regular expressions are not supported", pos, where)
        if isinstance(item, tree.Range | tree.From | tree.To):
            raise QueryError("ranges are not supported", pos, where)
        if isinstance(item, tree.Word):
            if item.value.startswith("@"):
                return self._list(item.value[1:], fields, pos, where, stack, depth)
            seq = self._word_seq(item.unescaped_value, pos, where)
            scope = fields or TEXT_FIELDS
            if len(seq) == 1:
                return WordNode(seq[0], scope, str(item))
            parts = tuple(w.text for w in seq)
            slots = tuple(self.table.slot((((w,), w.text, None),)) for w in seq)
            return SeqNode(slots, None, scope, str(item), parts)
        raise QueryError(f"unsupported syntax: {item}", pos, where)

    def _implicit(
        self,
        item: tree.UnknownOperation,
        fields: tuple[str, ...] | None,
        where: str,
        stack: tuple[str, ...],
        depth: int,
    ) -> Node:
        """Clauses without an operator: all required (AND) or Lucene's should/must/must-not (OR)."""
        converted = [self._convert(c, fields, where, stack, depth) for c in item.children]
        if self.default_operator == "AND":
            return AndNode(tuple(converted))
        required = [n for c, n in zip(item.children, converted, strict=True) if isinstance(c, tree.Plus)]
        excluded = [n for n in converted if isinstance(n, NotNode)]
        optional = [n for n in converted if n not in required and n not in excluded]
        clauses = required + excluded
        if optional and not required:
            clauses.append(optional[0] if len(optional) == 1 else OrNode(tuple(optional)))
        return clauses[0] if len(clauses) == 1 else AndNode(tuple(clauses))

    def _word_seq(self, value: str, pos: int, where: str, stem: bool = True) -> tuple[Word, ...]:
        if "?" in value:
            raise QueryError(f"{value!r}: ? wildcards are not supported, only a trailing *", pos, where)
        prefix = value.endswith("*")
        core = value[:-1] if prefix else value
        if "*" in core:
            raise QueryError(f"{value!r}: only a trailing * is supported", pos, where)
        words = self.normalizer.query_word(core, self._languages if stem else ())
        if not words:
            raise QueryError(f"{value!r} has no letters or digits", pos, where)
        if prefix and len(words[-1][0]) < MIN_PREFIX:
            raise QueryError(
                f"{value!r}: a wildcard needs at least {MIN_PREFIX} letters before it", pos, where
            )
        last = len(words) - 1
        if prefix:  # a wildcard already reaches every ending: no stem
            words[last] = tuple(form for form in words[last] if not form.startswith("~"))
        return tuple(self.table.get(forms, prefix and i == last) for i, forms in enumerate(words))

    def _phrase(
        self,
        item: tree.Phrase,
        fields: tuple[str, ...] | None,
        where: str,
        stack: tuple[str, ...],
        slop: int | None,
        label: str,
        unit: tuple[str, int] | None = None,
    ) -> Node:
        pos = item.pos or 0
        content = item.value[1:-1].replace('\\"', '"')
        slots: list[Slot] = []
        parts: list[str] = []
        for m in re.finditer(r"\S+", content):
            piece, at = m.group(), pos + 1 + m.start()
            if piece.startswith("@"):
                slots.append(self.table.slot(self._list_alternatives(piece[1:], at, where, stack)))
            elif any(ch.isalnum() for ch in piece):
                # an exact phrase is exact; a proximity search stems its words like bare words
                exact = slop is None and unit is None
                slots.append(
                    self.table.slot(((self._word_seq(piece, at, where, stem=not exact), piece, None),))
                )
            else:
                continue
            parts.append(piece)
        if not slots:
            raise QueryError(f"{item.value} has no words", pos, where)
        scope = fields or TEXT_FIELDS
        if len(slots) == 1 and len(slots[0]) == 1 and len(slots[0][0][0]) == 1 and slots[0][0][2] is None:
            return WordNode(slots[0][0][0][0], scope, label)
        if unit is not None:
            name, distance = unit
            return StructNode(
                tuple(slots),
                None,
                scope,
                label,
                tuple(parts),
                unit=UNITS[name],
                distance=ANYWHERE if name == "article" else distance,
                headline=frozenset(
                    j
                    for j, part in enumerate(parts)
                    if self.headline_context is True
                    or (isinstance(self.headline_context, list) and part.lstrip("@") in self.headline_context)
                ),
            )
        return SeqNode(tuple(slots), slop, scope, label, tuple(parts))

    # term lists

    def _entries(self, name: str, pos: int, where: str, stack: tuple[str, ...]) -> list[TermEntry]:
        if name not in self.terms:
            known = ", ".join(f"@{n}" for n in self.terms) or "none"
            raise QueryError(f"unknown term list @{name} (this topic has: {known})", pos, where)
        if name in stack:
            raise QueryError(
                f"term list @{name} refers to itself ({' -> '.join(stack + (name,))})", pos, where
            )
        return self.terms[name]

    def _list(
        self,
        name: str,
        fields: tuple[str, ...] | None,
        pos: int,
        where: str,
        stack: tuple[str, ...],
        depth: int,
    ) -> Node:
        nodes: list[Node] = []
        for entry, entry_where, languages in self._entries(name, pos, where, stack):
            outer, self._languages = self._languages, languages or self._languages
            try:
                node = self._convert(parse(entry, entry_where), fields, entry_where, stack + (name,), depth)
            finally:
                self._languages = outer
            nodes.append(node if languages is None else LangNode(node, languages))
        return nodes[0] if len(nodes) == 1 else OrNode(tuple(nodes), label=f"@{name}")

    def _list_alternatives(self, name: str, pos: int, where: str, stack: tuple[str, ...]) -> Slot:
        """A term list used as one slot of a phrase: its entries must be words or exact phrases."""
        alternatives: list[Alternative] = []
        for entry, entry_where, languages in self._entries(name, pos, where, stack):
            outer, self._languages = self._languages, languages or self._languages
            try:
                alternatives.extend(self._alternatives_of(name, entry, entry_where, languages, stack))
            finally:
                self._languages = outer
        return tuple(dict.fromkeys(alternatives))

    def _alternatives_of(
        self, name: str, entry: str, entry_where: str, languages: Languages, stack: tuple[str, ...]
    ) -> list[Alternative]:
        alternatives: list[Alternative] = []
        item = parse(entry, entry_where)
        if isinstance(item, tree.Word) and item.value.startswith("@"):
            nested = self._list_alternatives(item.value[1:], item.pos or 0, entry_where, stack + (name,))
            alternatives.extend((words, label, own or languages) for words, label, own in nested)
        elif isinstance(item, tree.Word):
            words = self._word_seq(item.unescaped_value, item.pos or 0, entry_where)
            alternatives.append((words, entry, languages))
        elif isinstance(item, tree.Phrase):
            node = self._phrase(item, None, entry_where, stack + (name,), None, str(item))
            if isinstance(node, WordNode):
                alternatives.append(((node.word,), entry, languages))
            elif isinstance(node, SeqNode) and all(
                len(slot) == 1 and _is_words(slot[0]) for slot in node.slots
            ):
                words = tuple(w for slot in node.slots for w in slot[0][0])
                alternatives.append((words, entry, languages))
            else:
                raise QueryError(
                    f"@{name} is used inside a phrase, so its entries must be plain words or phrases",
                    item.pos or 0,
                    entry_where,
                )
        elif isinstance(item, tree.Proximity) and getattr(item, "unit", None) is None:
            # a word proximity clause as one slot: "@near_pair @kursk"~s with near_pair: ['"a b"~8']
            node = self._phrase(item.term, None, entry_where, stack + (name,), int(item.degree), str(item))
            if type(node) is SeqNode and all(all(map(_is_words, slot)) for slot in node.slots):
                alternatives.append((self.table.node(node), entry, languages))
            else:
                raise QueryError(
                    f"@{name} is used inside a phrase: a proximity entry must hold words, phrases or lists of them",
                    item.pos or 0,
                    entry_where,
                )
        else:
            raise QueryError(
                f"@{name} is used inside a phrase, so its entries must be words, phrases or word proximities, not {entry!r}",
                0,
                entry_where,
            )
        return alternatives
