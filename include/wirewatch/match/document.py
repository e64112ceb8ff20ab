"""A document as the matcher sees it: named fields, the query words in them and their positions.

Only query words are indexed. A field is split into chunks once; the query words of each distinct
chunk come from a cache shared by every document (news repeats its words), so a known chunk
costs one lookup and is never normalised or stemmed again. Positions, sentences and paragraphs
are computed only for the chunks that hold a query word, and only when a candidate needs them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import itemgetter, sub
from typing import Any

import ahocorasick

from wirewatch.match.normalize import CHUNK_RE, STEMMED_LANGUAGES, Normalizer

TEXT_FIELDS = ("title", "body")
# layout: "items" when the body is made of items (a live blog, ticker or round-up), else "prose"
META_FIELDS = ("lang", "outlet", "agency", "layout")
FIELDS = TEXT_FIELDS + META_FIELDS

# first word position, last word position, start and end character offsets in the field's text,
# and the sentence and paragraph it starts in (numbered from 0 in that field)
Occurrence = tuple[int, int, int, int, int, int]
SENTENCE, PARAGRAPH = 4, 5

# A sentence end counts as this many words, so proximity below it stays within one sentence.
SENTENCE_GAP = 20
# A sentence ends at . ! ? … before a space, or at a line break, which also ends a paragraph.
_BREAK_RE = re.compile(r"[.!?…][^\w\n]*\s|\n")
# A paragraph that opens like a new item of a live blog, ticker or round-up ("10:45", "+++",
# "Montag:", "Russie - ", "• ", "– ") starts an item: sentence and paragraph proximity never cross it.
# (The weekdays as a trie and a greedy {0,30}: fewer steps per line. Greedy is safe only because
# _ITEM_RE is used inside _ITEM_LINE_RE's lookahead, where no match's end is read.)
_WEEKDAYS = (
    r"m(?:on(?:tag|day)|ardi|ercredi|ittwoch)|d(?:ienstag|onnerstag|imanche)|fr(?:eitag|iday)"
    r"|s(?:amstag|onntag|aturday|unday|amedi)|t(?:uesday|hursday)|wednesday|lundi|jeudi|vendredi"
)
_ITEM_RE = re.compile(
    r"(?:\d{1,2}[:.h]\d{2}\b|\+\+\+|[•▪■►*·]|[–—-]\s"
    rf"|(?:{_WEEKDAYS})\s*[:–—-]"
    r"|[^\W\d_][\w'’ ]{0,30} [–—-] )",
    re.IGNORECASE,
)
# a line that opens like an item: the offset after its line break
_ITEM_LINE_RE = re.compile(rf"\n(?={_ITEM_RE.pattern})", re.IGNORECASE)
# Tickers also separate items within a line ("... Russia +++ Kursk: ...", " • ", " | "); a dash
# within a line is ordinary punctuation ("– in jenem Gebiet"), so only "+++", "•" and "|" count.
_INLINE_ITEM_RE = re.compile(r"(?:^|\s)\+{3,}|\+{3,}(?:\s|$)|\s[•|](?:\s|$)")
_ITEM_BREAK = 2  # a separator holding an inline item separator: ends a sentence, paragraph and item
# what makes a field a ticker: "|" also splits captions and credits ("Foto: dpa | Reuters")
_TICKER_RE = re.compile(r"(?:^|\s)\+{3,}|\+{3,}(?:\s|$)|\s•(?:\s|$)")


class _Answered(tuple):
    """The paragraph ends of a separator after a question: the answer that follows continues the
    question's paragraph (an interview's "Where were you captured?" / "Near Korenevo.")."""


class _SeparatorBreaks(dict):
    """Separator between chunks -> 0 when it ends no sentence, 1 when it ends a sentence but no
    paragraph, _ITEM_BREAK when it separates ticker items within a line, else the offsets in it
    right after its paragraph ends (an _Answered after a question). Text repeats its separators
    (" ", ", ", ". "), so each is searched once."""

    def __missing__(self, separator: str) -> int | tuple[int, ...]:
        if len(self) >= 100_000:
            self.clear()
        if _INLINE_ITEM_RE.search(separator):
            self[separator] = _ITEM_BREAK
            return _ITEM_BREAK
        matches = list(_BREAK_RE.finditer(separator))
        paragraphs = tuple(m.end() for m in matches if "\n" in m.group())
        if paragraphs and "?" in separator.partition("\n")[0]:
            paragraphs = _Answered(paragraphs)
        found = self[separator] = paragraphs or (1 if matches else 0)
        return found


_BREAKS = _SeparatorBreaks()
_SPLIT_RE = re.compile(f"({CHUNK_RE.pattern})")
ITEM_GAP = 1000  # in sentences and paragraphs: further than any ~Ns or ~Np reaches
ITEM_WORDS = 10_000  # an item end counts as this many words: further than any ~N reaches


@dataclass(frozen=True, eq=False)
class Word:
    """A query word: a token equal to one of its forms, or starting with one when it is a prefix."""

    id: int
    forms: tuple[str, ...]
    prefix: bool

    def accepts(self, token: str) -> bool:
        if self.prefix:
            return token.startswith(self.forms)
        return token in self.forms

    @property
    def text(self) -> str:
        return self.forms[0] + ("*" if self.prefix else "")


# A query word found in a chunk: its id, first and last relative word position, offsets in the chunk.
ChunkHit = tuple[int, int, int, int, int]
# the chunk's width in word positions, its hits, the ids of the words at its first and at its last
# position, the (a, b) of word b right after word a inside it, and the ids of all its words
ChunkInfo = tuple[
    int, tuple[ChunkHit, ...], frozenset[int], frozenset[int], frozenset[tuple[int, int]], frozenset[int]
]
_EMPTY: frozenset = frozenset()
_PLAIN: ChunkInfo = (1, (), _EMPTY, _EMPTY, _EMPTY, _EMPTY)  # most chunks: one word position, no query word
_INNER, _IDS = itemgetter(4), itemgetter(5)
_START, _END = "\x01", "\x02"


class WordFinder:
    """The query words in a chunk: one Aho-Corasick automaton over every query word's folded forms,
    keyed with word-boundary marks (exact words as "\\x01word\\x02", prefixes as "\\x01prefix"), run
    over the chunk's tokens once per distinct chunk and language, then cached."""

    def __init__(self, normalizer: Normalizer, words: Sequence[Word], cache_size: int = 200_000) -> None:
        self.normalizer = normalizer
        keys: dict[str, set[int]] = {}
        for word in words:
            for form in word.forms:
                keys.setdefault(_START + form + ("" if word.prefix else _END), set()).add(word.id)
        self.automaton: ahocorasick.Automaton | None = None
        if keys:
            self.automaton = ahocorasick.Automaton()
            for key, ids in keys.items():
                self.automaton.add_word(key, tuple(sorted(ids)))
            self.automaton.make_automaton()
        # per language: each chunk seen, with its info (None for the plain ones, most of them)
        self._caches: dict[str | None, _ChunkInfos] = {}
        self._cache_size = cache_size
        # the short meta fields ("de", an outlet, "prose") take few values: each is built once
        self._meta: dict[tuple[str, str | None], _Field] = {}

    def meta_field(self, text: str, language: str | None) -> _Field:
        """A meta field's _Field, shared by the documents with the same text and language (a
        _Field depends on nothing else, and what it computes lazily holds for all of them)."""
        key = text, language
        found = self._meta.get(key)
        if found is None:
            if len(self._meta) >= 10_000:
                self._meta.clear()
            found = self._meta[key] = _Field(self, text, language)
        return found

    def infos(self, chunks: list[str], language: str | None) -> list[ChunkInfo | None]:
        """Per chunk its width and query words; None for the plain ones (most)."""
        language = language if language in STEMMED_LANGUAGES else None
        cached = self._caches.get(language)
        if cached is None:
            cached = self._caches[language] = _ChunkInfos(self, language, self._cache_size)
        # one lookup per chunk, in C; an unknown chunk is looked into by __missing__
        return list(map(cached.__getitem__, chunks))

    def _info(self, chunk: str, language: str | None) -> ChunkInfo:
        tokens, width, _ = self.normalizer.chunk_tokens(chunk, language)
        hits: set[ChunkHit] = set()
        if self.automaton is not None:
            for token in tokens:
                for _, ids in self.automaton.iter(_START + token.text + _END):
                    hits.update((word_id, token.first, token.last, token.start, token.end) for word_id in ids)
        if width == 1 and not hits:
            return _PLAIN
        ordered = tuple(sorted(hits, key=lambda hit: hit[1:]))
        return (
            width,
            ordered,
            frozenset(hit[0] for hit in ordered if hit[1] == 0),
            frozenset(hit[0] for hit in ordered if hit[2] == width - 1),
            frozenset((a[0], b[0]) for a in ordered for b in ordered if a[2] + 1 == b[1]),
            frozenset(hit[0] for hit in ordered),
        )


class _ChunkInfos(dict):
    """Chunk -> its ChunkInfo, or None when it is plain, for one language; each chunk is looked
    into at its first lookup (news repeats its words, so most lookups find it)."""

    def __init__(self, finder: WordFinder, language: str | None, size: int) -> None:
        super().__init__()
        self.finder = finder
        self.language = language
        self.size = size  # at most this many chunks, then it starts again

    def __missing__(self, chunk: str) -> ChunkInfo | None:
        if len(self) >= self.size:
            self.clear()
        info = self.finder._info(chunk, self.language)
        found = self[chunk] = None if info is _PLAIN else info
        return found


_DASHES = "–—-"


def _dialogue(text: str, start: int) -> bool:
    """Whether the line at `start` is a question or answer of an interview set with dashes
    ("— Quand les avez-vous vus ?" / "— Fin novembre, près de Plekhovo."): one exchange, not two items."""
    if text[start] not in _DASHES:
        return False
    end = text.find("\n", start)
    if text[start : len(text) if end < 0 else end].rstrip().endswith("?"):
        return True
    before = start - 1  # the end of the text before this line, its trailing whitespace left out
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return before > 0 and text[before - 1] == "?"


class _Field:
    """One field split into chunks, and the chunks that hold a query word (or span several words)."""

    __slots__ = ("parts", "infos", "present", "occurrences", "_items", "_pairs", "_marked")

    def __init__(self, finder: WordFinder, text: str, language: str | None) -> None:
        self.parts = _SPLIT_RE.split(text)  # separators at even, chunks at odd indexes
        chunks = self.parts[1::2]
        # per chunk its info, None for the plain ones
        self.infos = finder.infos(chunks, language) if chunks else []
        self.present: set[int] = set().union(*map(_IDS, filter(None, self.infos)))
        self.occurrences: dict[int, list[Occurrence]] | None = None
        self._items: set[int] | None = None
        self._pairs: set[tuple[int, int]] | None = None
        self._marked: list[int] | None = None

    def marked(self) -> list[int]:
        """The indexes of the marked chunks (pairs and index both walk them)."""
        if self._marked is None:
            self._marked = list(compress(range(len(self.infos)), self.infos))
        return self._marked

    def pairs(self) -> set[tuple[int, int]]:
        """(a, b) for each query word b that occurs right after query word a. Chunks take one
        word position or more, so b follows a in the next chunk only when a ends its chunk, b
        starts the next and no sentence ends between them: no positions are needed."""
        if self._pairs is not None:
            return self._pairs
        pairs: set[tuple[int, int]] = set()
        self._pairs = pairs
        if not self.present:
            return pairs
        infos, parts = self.infos, self.parts
        pairs.update(*map(_INNER, filter(None, infos)))
        marked = self.marked()
        # the marked chunks right after a marked chunk
        for k in compress(marked[1:], map((1).__eq__, map(sub, marked[1:], marked))):
            tails, heads = infos[k - 1][3], infos[k][2]
            if tails and heads and not _BREAKS[parts[2 * k]]:
                pairs.update([(a, b) for a in tails for b in heads])
        return pairs

    def items(self, text: str) -> set[int]:
        """Offsets of the lines that open like an item of a live blog, ticker or round-up."""
        if self._items is None:
            self._items = {m.end() for m in _ITEM_LINE_RE.finditer(text) if not _dialogue(text, m.end())}
            if "+++" in text or "•" in text:  # most texts have neither: skip the search
                self._items.update(m.end() for m in _TICKER_RE.finditer(text) if m.start())
        return self._items

    def index(self, text: str) -> dict[int, list[Occurrence]]:
        """Word id -> its occurrences in text order (computed once, for the marked chunks only)."""
        if self.occurrences is not None:
            return self.occurrences
        found: dict[int, list[Occurrence]] = {}
        self.occurrences = found
        if not self.present:
            return found
        parts = self.parts
        count = len(self.infos)  # chunks
        # the offset after each part: chunk k (part 2k + 1) starts at ends_at[2k]
        ends_at = list(accumulate(map(len, parts)))
        # sentence ends, each at the first chunk after it: chunk -> (starts an item, ends a paragraph).
        # A sentence end holds no word character, so it lies in the separator before that chunk
        # (part 2k); not before the first chunk or after the last.
        kinds = list(map(_BREAKS.__getitem__, parts[2 : 2 * count - 1 : 2]))
        ends = list(compress(range(1, count), kinds))
        sentence_steps, paragraph_steps = [1] * len(ends), [0] * len(ends)
        word_steps = [SENTENCE_GAP] * len(ends)
        items = None  # looked for at the first paragraph end
        for i, kind in enumerate(compress(kinds, kinds)):
            if kind == 1:
                continue
            if kind == _ITEM_BREAK:
                item = True
            else:
                if items is None:
                    items = self.items(text)
                k = ends[i]  # a paragraph end, and an item when the line after it opens like one
                at = ends_at[2 * k - 1]  # where its separator starts
                item = bool(items) and any(at + end in items for end in kind)
            if item:
                sentence_steps[i] = paragraph_steps[i] = ITEM_GAP
                word_steps[i] = ITEM_WORDS
            elif type(kind) is not _Answered:
                paragraph_steps[i] = 1
        # the numbers and the extra word positions after each end
        gaps = list(accumulate(word_steps, initial=0))
        sentences = list(accumulate(sentence_steps, initial=0))
        paragraphs = list(accumulate(paragraph_steps, initial=0))
        passed = 0  # sentence ends passed
        last_end = len(ends)
        wide = 0  # extra word positions of the wide chunks so far (every wide chunk is marked)
        infos = self.infos
        for k in self.marked():
            while passed < last_end and ends[passed] <= k:
                passed += 1
            info = infos[k]
            position = k + gaps[passed] + wide
            wide += info[0] - 1
            base = ends_at[2 * k]
            sentence, paragraph = sentences[passed], paragraphs[passed]
            for word_id, first, last, start, end in info[1]:
                occurrence = (
                    position + first,
                    position + last,
                    base + start,
                    base + end,
                    sentence,
                    paragraph,
                )
                mine = found.get(word_id)
                if mine is None:
                    found[word_id] = [occurrence]
                else:
                    mine.append(occurrence)
        return found


class Document:
    def __init__(
        self,
        finder: WordFinder,
        *,
        title: str = "",
        body: str = "",
        language: str | None = None,
        outlet: str | None = None,
        agency: str | None = None,
    ) -> None:
        self.finder = finder
        self.language = language
        body = body or ""
        body_field = _Field(finder, body, language)
        self.texts = {
            "title": title or "",
            "body": body,
            "lang": language or "",
            "outlet": outlet or "",
            "agency": agency or "",
            "layout": "items" if body_field.items(body) else "prose",
        }
        self._fields = {"title": _Field(finder, self.texts["title"], language), "body": body_field}
        for name in META_FIELDS:
            self._fields[name] = finder.meta_field(self.texts[name], language)
        # field -> ids of the query words found in it (what the presearcher reads)
        self.present_in = {name: found.present for name, found in self._fields.items()}
        self._occurrences: dict[str, dict[int, list[Occurrence]]] = {}
        self._units: dict[tuple[int, str, int], set[int]] = {}
        # per-document results of query nodes and slots, shared by the topics that hold them
        self.memo: dict[object, Any] = {}

    def present(self, field: str) -> set[int]:
        """Ids of the query words found in a field."""
        return self.present_in[field]

    def has_in(self, word: Word, fields: tuple[str, ...]) -> bool:
        word_id, present_in = word.id, self.present_in
        for field in fields:
            if word_id in present_in[field]:
                return True
        return False

    def has(self, word: Word, field: str) -> bool:
        return word.id in self.present_in[field]

    def pairs(self, field: str) -> set[tuple[int, int]]:
        """(a, b) for each query word b that occurs right after query word a somewhere in the field
        (a phrase needs each pair of its words there)."""
        return self._fields[field].pairs()

    def word_units(self, word: Word, field: str, unit: int) -> set[int]:
        """The sentences or paragraphs (unit: SENTENCE or PARAGRAPH) a word occurs in."""
        key = (word.id, field, unit)
        found = self._units.get(key)
        if found is None:
            found = self._units[key] = {occ[unit] for occ in self.word_occurrences(word, field)}
        return found

    def word_occurrences(self, word: Word, field: str) -> list[Occurrence]:
        found = self._occurrences.get(field)
        if found is None:  # the field's index (its _Field keeps it too: meta fields are shared)
            found = self._occurrences[field] = self._fields[field].index(self.texts[field])
        return found.get(word.id) or []
