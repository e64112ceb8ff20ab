"""Word normalisation for DE/FR/EN, the same for query words and document words.

A *chunk* is a run of word characters joined by hyphens or apostrophes ("nord-coréens",
"l'armée", "Nordkorea-Truppen"). Each chunk becomes one or more tokens at word positions:

* case folded (Unicode casefold, so "Straße" is "strasse") and diacritics dropped ("é" -> "e");
  a German umlaut also gives a second form with "e" ("ü" -> "u" and "ue"), so "Pjöngjang",
  "Pjongjang" and "Pjoengjang" meet;
* a French elision is split off and dropped ("l'armée" -> "armee", "qu'il" -> "il"); an English
  possessive "'s" is dropped; any other apostrophe joins ("10'000" -> "10000");
* a hyphenated chunk gives its parts at consecutive positions plus their joined forms spanning
  them, so "nord-coréens" and "nordcoréens" are equal, and "korea" still finds "Nord-Korea";
* a (German) compound ending in a listed head also gives the head at the same position, so
  "truppen" finds "Kampftruppen"; in a German document any compound that splits into two
  frequent words (wordfreq's German list, the split of Koehn and Knight) also gives its head and
  the head's own heads ("Nordkoreasoldaten": "soldaten", "Soldatenkontingent": "kontingent"),
  each with its stem. Beginnings are reached with a trailing * in the query;
* in a document of known language each word also gives its Snowball stem, marked with the
  language ("~de:soldat" for "Soldaten"); a query word without * carries its stem in each
  language it is for, so "soldier" finds "soldiers" and "blessé" finds "blessées", while the
  English "United" (stem "unit") never meets the French "unités".

Documents are indexed with every form; a query word uses the widest one (the joined form).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import Stemmer
import wordfreq

from wirewatch.text import fold

# Letters/digits joined by hyphens (incl. U+2010/U+2011) or apostrophes (incl. typographic ones);
# possessive, since a chunk never gives back a character (the same chunks, found faster).
CHUNK_RE = re.compile(r"\w++(?:[-\u2010\u2011'\u2019\u02bc]\w++)*+")
_JOINER_RE = re.compile(r"[-\u2010\u2011'\u2019\u02bc]")
_APOSTROPHES = "'\u2019\u02bc"

FRENCH_ELISIONS = frozenset(
    {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}
)
_UMLAUT_E = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})

# Heads of German compounds common in news; "Kampftruppen" also indexes "truppen".
COMPOUND_HEADS = (
    "truppe",
    "truppen",
    "soldat",
    "soldaten",
    "armee",
    "einheit",
    "einheiten",
    "kräfte",
    "streitkräfte",
    "kämpfer",
    "einsatz",
    "offensive",
    "angriff",
    "angriffe",
    "krieg",
    "front",
    "region",
    "gebiet",
    "grenze",
    "regierung",
    "minister",
    "ministerium",
    "präsident",
    "präsidentin",
    "partei",
    "wahl",
    "wahlen",
    "abkommen",
    "vertrag",
    "gipfel",
    "konzern",
    "bank",
    "rakete",
    "raketen",
    "anschlag",
    "unfall",
    "brand",
    "streik",
)
# Joined forms are emitted for runs of up to this many parts (and always for the whole chunk).
_MAX_JOIN = 4
_MIN_HEAD_REST = 3  # a compound needs at least this many letters before its head
STEMMED_LANGUAGES = {"de": "german", "fr": "french", "en": "english"}
_MIN_STEM = 3  # shorter stems ("tu" for "tués") match too much; the word itself still matches


class CompoundSplitter:
    """The head of a German compound by word frequency (Koehn and Knight 2003): the split into a
    modifier (a linking -s, -es, -n, -en or -e dropped) and a head that are both frequent words,
    and more frequent together (geometric mean of Zipf values) than the compound itself."""

    MIN_HEAD = 4  # letters
    MIN_MODIFIER = 3
    MIN_HEAD_ZIPF = 3.0  # a head is a common word
    MIN_MODIFIER_ZIPF = 2.5
    LINKS = ("s", "es", "n", "en", "e")

    def __init__(self) -> None:
        self._frequency: dict[str, float] | None = None  # loaded on the first German compound

    def _zipf(self, word: str) -> float:
        if self._frequency is None:
            self._frequency = wordfreq.get_frequency_dict("de", wordlist="large")
        frequency = self._frequency.get(word)
        return math.log10(frequency * 1e9) if frequency else 0.0

    def head(self, word: str) -> str | None:
        """The head of a lower-case word, or None when it is not a compound of frequent words."""
        if len(word) < self.MIN_HEAD + self.MIN_MODIFIER or not word.isalpha():
            return None
        best, best_score = None, self._zipf(word)
        for i in range(self.MIN_MODIFIER, len(word) - self.MIN_HEAD + 1):
            head_zipf = self._zipf(word[i:])
            if head_zipf < self.MIN_HEAD_ZIPF:
                continue
            modifier = word[:i]
            candidates = [modifier] + [
                modifier[: -len(link)]
                for link in self.LINKS
                if modifier.endswith(link) and i - len(link) >= self.MIN_MODIFIER
            ]
            modifier_zipf = max(self._zipf(c) for c in candidates)
            if modifier_zipf < self.MIN_MODIFIER_ZIPF:
                continue
            score = math.sqrt(modifier_zipf * head_zipf)
            if score > best_score:
                best, best_score = word[i:], score
        return best

    def heads(self, word: str) -> list[str]:
        """The head, its head, and so on ("soldatenkontingent": ["kontingent"])."""
        found = []
        head = self.head(word)
        while head is not None and len(found) < 3:
            found.append(head)
            head = self.head(head)
        return found


def forms(word: str) -> tuple[str, ...]:
    """Folded forms of one word without joiners: one, or two when it has a German umlaut."""
    lowered = unicodedata.normalize("NFC", word.casefold())
    plain = fold(lowered)
    with_e = fold(lowered.translate(_UMLAUT_E))
    return (plain,) if with_e == plain else (plain, with_e)


@dataclass(frozen=True, slots=True)
class Part:
    """One word of a chunk: its offsets inside the chunk."""

    start: int
    end: int


def split_chunk(chunk: str) -> list[Part]:
    """The words of a chunk: hyphens separate words, apostrophes elide, possess or join."""
    pieces: list[tuple[int, int, str]] = []  # start, end, and the joiner after it ('' at the end)
    last = 0
    for m in _JOINER_RE.finditer(chunk):
        pieces.append((last, m.start(), m.group()))
        last = m.end()
    pieces.append((last, len(chunk), ""))
    parts: list[Part] = []
    current: Part | None = None
    before = ""  # the joiner in front of the current piece
    for i, (start, end, joiner) in enumerate(pieces):
        text = chunk[start:end].casefold()
        if i == 0 and joiner in _APOSTROPHES and joiner and text in FRENCH_ELISIONS:
            continue  # "l'armée": the article goes, the noun stays
        if before and before in _APOSTROPHES and current is not None:
            if text == "s" and not joiner:
                break  # "Russia's": the possessive goes
            current = Part(current.start, end)  # "10'000", "O'Brien": one word
        else:
            if current is not None:
                parts.append(current)
            current = Part(start, end)
        before = joiner
    if current is not None:
        parts.append(current)
    return parts


class ChunkToken(NamedTuple):
    """A token of a chunk, relative to it: the form, word positions and character offsets."""

    text: str
    first: int  # relative word position of its first part
    last: int  # relative word position of its last part
    start: int  # offsets inside the chunk
    end: int


ChunkIndex = tuple[tuple[ChunkToken, ...], int, tuple[str, ...]]


class Normalizer:
    """Turns chunks into tokens; caches per distinct chunk, since news text repeats its words."""

    def __init__(self, heads: Iterable[str] = COMPOUND_HEADS, cache_size: int = 200_000) -> None:
        self.heads = tuple(sorted({f for head in heads for f in forms(head)}, key=len, reverse=True))
        self._cache: dict[tuple[str, str | None], ChunkIndex] = {}
        self._cache_size = cache_size
        self._stemmers = {lang: Stemmer.Stemmer(name) for lang, name in STEMMED_LANGUAGES.items()}
        self.splitter = CompoundSplitter()

    def chunk_tokens(self, chunk: str, language: str | None = None) -> ChunkIndex:
        """Every token of a document chunk, the number of word positions it takes, its distinct forms."""
        key = (chunk, language if language in self._stemmers else None)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._index_chunk(chunk, key[1])
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[key] = cached
        return cached

    def stem(self, word: str, language: str) -> str | None:
        """The marked, folded Snowball stem of a lower-case word, or None when it is too short."""
        stem = fold(self._stemmers[language].stemWord(word))
        return f"~{language}:{stem}" if len(stem) >= _MIN_STEM else None

    def _head_of(self, text: str) -> str | None:
        for head in self.heads:
            if len(text) - len(head) >= _MIN_HEAD_REST and text.endswith(head):
                return head
        return None

    def _index_chunk(self, chunk: str, language: str | None) -> ChunkIndex:
        parts = split_chunk(chunk)
        words = [_strip_joiners(chunk[p.start : p.end]) for p in parts]
        seen: set[tuple[str, int, int]] = set()
        tokens: list[ChunkToken] = []

        def add(text: str, first: int, last: int) -> None:
            if text and (text, first, last) not in seen:
                seen.add((text, first, last))
                tokens.append(ChunkToken(text, first, last, parts[first].start, parts[last].end))

        spans = [(i, i) for i in range(len(parts))]
        spans += [
            (i, j)
            for i in range(len(parts))
            for j in range(i + 1, len(parts))
            if j - i < _MAX_JOIN or (i == 0 and j == len(parts) - 1)
        ]
        for first, last in spans:
            joined = "".join(words[first : last + 1])
            for form in forms(joined):
                add(form, first, last)
                head = self._head_of(form) if first == last else None
                if head is not None:
                    add(head, first, last)
            if language is not None:
                lowered = unicodedata.normalize("NFC", joined.casefold())
                stem = self.stem(lowered, language)
                if stem is not None:
                    add(stem, first, last)
                if language == "de" and first == last:
                    for head in self.splitter.heads(lowered):
                        for form in forms(head):
                            add(form, first, last)
                        stem = self.stem(head, language)
                        if stem is not None:
                            add(stem, first, last)
        return tuple(tokens), len(parts), tuple({t.text for t in tokens})

    def query_word(self, text: str, languages: Iterable[str] | None = ()) -> list[tuple[str, ...]]:
        """A query word as a sequence of words, each with its folded forms (usually one word).

        A hyphenated word becomes its joined form; text with other separators ("U.S.") several.
        Each word also carries its stem in `languages` (None: every stemmed language).
        """
        stemmed = (
            sorted(self._stemmers)
            if languages is None
            else [lang for lang in languages if lang in self._stemmers]
        )
        words = []
        for m in CHUNK_RE.finditer(text):
            chunk = m.group()
            parts = split_chunk(chunk)
            if parts:
                joined = "".join(_strip_joiners(chunk[p.start : p.end]) for p in parts)
                lowered = unicodedata.normalize("NFC", joined.casefold())
                stems = (self.stem(lowered, lang) for lang in stemmed)
                words.append(forms(joined) + tuple(dict.fromkeys(s for s in stems if s is not None)))
        return words


def _strip_joiners(text: str) -> str:
    return _JOINER_RE.sub("", text)
