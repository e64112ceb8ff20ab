"""Normalised words, paragraph and sentence fingerprints, and word shingles of an article body.

Copies of one wire story differ in case, accents, quote marks, spelling (Swiss 'ss' for 'ß') and
number style (10'000, 10 000, 10,000, 10.000): all of these fold to the same word ids here.
Shingles are k consecutive words inside one paragraph (a paragraph's last words make shorter
shingles), so dropping or reordering paragraphs only loses the shingles of those paragraphs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import wordfreq

from wirewatch.match.normalize import CompoundSplitter

_COMBINING_RE = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# a thousands separator between digit groups: 10'000, 10 000, 10,000, 10.000 -> 10000
_THOUSANDS_RE = re.compile(r"(\d)[ \u00a0\u202f'’.,](?=\d{3}(?!\d))")
_WORD_RE = re.compile(r"\w+")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+")
# a figure, possibly with a short suffix (34e, 1er, 10h30): not a code or hash with digits in it
_NUMBER_RE = re.compile(r"\d+[a-z]{0,3}|\d{1,2}h\d{2}")
_DIGITS_RE = re.compile(r"\d+")
# weekdays and months (folded) count as figures: in a template they are blanks like the numbers
_CALENDAR = frozenset(
    "montag dienstag mittwoch donnerstag freitag samstag sonntag "
    "januar februar marz april mai juni juli august september oktober november dezember "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre "
    "monday tuesday wednesday thursday friday saturday sunday "
    "january february march may june july october december "
    "lunedi martedi mercoledi giovedi venerdi sabato domenica".split()
)

# up to this share of capitalised words inside sentences, capitals mark names (French, most English);
# German texts capitalise every noun and come out at 0.2 to 0.6
NAME_CAPITALS = 0.2
# where capitals do not mark names (German), a capitalised word inside a sentence may be a name when
# its word is rarer than this (Zipf, wordfreq) and not a compound of common words ('Kantonspolizei'):
# surnames and small communes (Wettingen 2.5, Zwyssig 1.2), but also rare nouns (Böen, Körnern),
# so these only count where one takes another's place (see similarity.compare_facts)
GERMAN_NAME_ZIPF = 3.0

_U64 = np.uint64
_MULT = _U64(0x9E3779B97F4A7C15)  # odd 64-bit constant: mixes word ids into a shingle id
# raw token -> id of its folded form: news vocabulary repeats, so each spelling is folded once
# The caches below are module globals, not locked: one thread of a worker parses at a time.
_IDS: dict[str, int] = {}
_IDS_MAX = 2_000_000  # bounds the cache of a long-lived worker
# the raw tokens seen that start with a capital, and with a digit or a capital (see KEY_START): sets,
# so that a body's flags come from one C-level pass over its tokens
_CAPITALISED: set[str] = set()
_KEYWORDS: set[str] = set()
# ids of the folded words that are figures (see is_figure) -> their facts in canonical notation
FIGURES: dict[int, tuple[str, ...]] = {}
# ids of the folded words that were seen capitalised -> that spelling, case folded (as wordfreq keys
# its words); those judged whether they may be German names (once per word, when a German text with
# it is parsed), and those that may
_SPELLINGS: dict[int, str] = {}
_JUDGED: set[int] = set()
_RARE: set[int] = set()
_SPLITTER = CompoundSplitter()
# first characters of the words that may be names or figures: what finds translations (crosslang)
KEY_START = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ")


def fold(text: str) -> str:
    """Lower case without accents ('Straße' -> 'strasse', 'Élysée' -> 'elysee')."""
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text.casefold()))


def is_figure(word: str) -> bool:
    """A number (with a short suffix at most), or a weekday or month: what a template fills in."""
    if word[:1].isdigit():
        return _NUMBER_RE.fullmatch(word) is not None
    return word in _CALENDAR


def word_id(word: str) -> int:
    """The id of a folded word: crc32, stable in every process (stored keys depend on it), never 0."""
    return zlib.crc32(word.encode()) or 1


def _learn(raw: str) -> int:
    if raw[0] in KEY_START:
        _KEYWORDS.add(raw)
    word = "".join(_WORD_RE.findall(fold(raw))) or raw
    found = _IDS[raw] = word_id(word)
    if raw[0].isupper():
        _CAPITALISED.add(raw)
        _SPELLINGS.setdefault(found, raw.casefold())
    if is_figure(word):
        FIGURES[found] = tuple(_canonical_figure(word).split())
    return found


def _ids(tokens: list[str]) -> list[int]:
    if len(_IDS) + len(tokens) > _IDS_MAX:  # never in the middle of a sentence: parse reads the sets
        _IDS.clear()
        _CAPITALISED.clear()
        _KEYWORDS.clear()
        _SPELLINGS.clear()
        _JUDGED.clear()
        _RARE.clear()
    found = list(map(_IDS.get, tokens))
    if None in found:
        found = [_learn(raw) if i is None else i for raw, i in zip(tokens, found, strict=True)]
    return found


def _may_be_name(word: int) -> bool:
    """Whether a capitalised word may be a German name: rare, not a compound of common words, and
    not a weekday or month (a figure)."""
    if word in FIGURES:
        return False
    written = spelling(word)  # known: parse learnt the word just before it asks
    # the splitter's list, by the same call: one copy in memory (wordfreq caches it per arguments)
    frequency = wordfreq.get_frequency_dict("de", wordlist="large").get(written, 0.0)
    rare = frequency < 10 ** (GERMAN_NAME_ZIPF - 9)  # Zipf: log10 per 1e9 words
    return rare and _SPLITTER.head(written) is None


def _rare_capitals(ids: np.ndarray, capitals: np.ndarray) -> tuple[np.ndarray, dict[int, str]]:
    """Per word: whether it is capitalised and may be a German name (see GERMAN_NAME_ZIPF); and
    the spellings of those words."""
    at = np.flatnonzero(capitals)
    words = ids[at].tolist()
    for word in set(words).difference(_JUDGED):
        _JUDGED.add(word)
        if _may_be_name(word):
            _RARE.add(word)
    rare = np.zeros(len(ids), dtype=bool)
    rare[at] = np.fromiter(map(_RARE.__contains__, words), dtype=bool, count=len(words))
    return rare, {word: spelling(word) for word in _RARE.intersection(words)}


def _capitals_mark_names(capitals: np.ndarray, sentence_count: int) -> bool:
    """Whether capitals mark names: German capitalises every noun (0.2 to 0.6 of the words)."""
    inside = len(capitals) - sentence_count
    return not inside or float(capitals.sum()) / inside <= NAME_CAPITALS


def spelling(word: int) -> str:
    """A word seen capitalised, as first seen there, case folded ('' when not known)."""
    return _SPELLINGS.get(word, "")


def fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser: spreads structured values over all bits."""
    with np.errstate(over="ignore"):
        h = h ^ (h >> _U64(33))
        h = h * _U64(0xFF51AFD7ED558CCD)
        h = h ^ (h >> _U64(33))
        h = h * _U64(0xC4CEB9FE1A85EC53)
        return h ^ (h >> _U64(33))


@dataclass(frozen=True)
class Text:
    """A body as word ids in paragraphs and sentences, with fingerprints (signed 64-bit keys)."""

    ids: np.ndarray  # uint32 word ids, all paragraphs concatenated
    bounds: list[int]  # paragraph i is ids[bounds[i]:bounds[i + 1]]
    sentences: np.ndarray  # one row per sentence: paragraph index, start, end (into ids)
    keys: list[int]  # one per paragraph
    anchors: list[tuple[int, int]]  # (paragraph index, key) of each long sentence
    digest: bytes  # of all words: equal for bodies that differ only in case, accents or markup
    body: str
    keywords: tuple[str, ...] = ()  # the words that start with a digit or a capital (names, figures)
    capitals: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # per word: capitalised
    # inside its sentence (a sentence's first word says nothing)
    rare: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # per word: may be a
    # German name (all False where capitals mark names), judged when parsed
    spellings: dict[int, str] = field(default_factory=dict)  # of those words, kept from the caches

    @property
    def capitals_mark_names(self) -> bool:
        """Whether capitals mark names: German capitalises every noun (0.2 to 0.6 of the words)."""
        return _capitals_mark_names(self.capitals, len(self.sentences))

    @property
    def paragraph_count(self) -> int:
        return len(self.keys)

    def sentence_facts(self, keep: Sequence[bool] | None = None, names: bool = True) -> list[Sentence]:
        """Each kept sentence as (its words other than facts, its facts, the names it may hold).

        Facts are the figures, in the order they come, in one canonical notation ('18.05 Uhr',
        '18h05' and '18:05' are all '18', '5'; '1er', '1st' and '1.' are '1'), and, if `names`,
        the capitalised words. Otherwise, in a text whose capitals do not mark names (German),
        the rare capitalised words stay among the other words and are also listed, a run of them
        as one name, with their neighbours (see Name).
        """
        ids = self.ids.tolist()
        is_fact = np.fromiter(map(FIGURES.__contains__, ids), dtype=bool, count=len(ids))
        if names:
            is_fact |= self.capitals
        rare = [] if names else np.flatnonzero(self.rare).tolist()
        # plain words by numpy, per sentence; the few facts one by one
        plain = self.ids[~is_fact].tolist()
        plain_at = np.concatenate(([0], np.cumsum(~is_fact))).tolist()
        fact_at = np.flatnonzero(is_fact).tolist()
        found: list[Sentence] = []
        next_fact = next_rare = 0
        for n, start, end in self.sentences.tolist():
            facts: list[str | int] = []
            while next_fact < len(fact_at) and fact_at[next_fact] < end:
                word = ids[fact_at[next_fact]]
                figure = FIGURES.get(word)
                if figure is None:
                    facts.append(word)  # a name: its folded word's id
                else:
                    facts += figure
                next_fact += 1
            held: tuple[Name, ...] = ()
            while next_rare < len(rare) and rare[next_rare] < end:
                first = last = rare[next_rare]  # never a sentence's first word
                next_rare += 1
                while next_rare < len(rare) and rare[next_rare] == last + 1:  # a first name and surname
                    last = rare[next_rare]
                    next_rare += 1
                run = tuple(ids[first : last + 1])
                after = ids[last + 1] if last + 1 < end else 0
                held += ((ids[first - 1], run, after, tuple(map(self.spellings.__getitem__, run))),)
            if keep is None or keep[n]:
                found.append((frozenset(plain[plain_at[start] : plain_at[end]]), tuple(facts), held))
        return found


# a run of capitalised words that may be a name, as (the word before it, its words, the word after it
# or 0) as ids, and its words' spellings
Name = tuple[int, tuple[int, ...], int, tuple[str, ...]]
# (its words other than facts, its facts: figures in canonical notation and names as ids, and where
# capitals do not mark names, the words that may be names)
Sentence = tuple[frozenset[int], tuple[str | int, ...], tuple[Name, ...]]


def _canonical_figure(word: str) -> str:
    """A folded figure without its notation: leading zeros, ordinal and hour suffixes, and full
    hours' minutes ('10h00', '10.00 Uhr' are '10h', '10 Uhr') go."""
    if not word[:1].isdigit():
        return word
    return " ".join(str(int(part)) for part in _DIGITS_RE.findall(word) if part != "00")


def _key(words: bytes, salt: bytes) -> int:
    """The key of a run of word ids (their little-endian uint32 bytes)."""
    digest = hashlib.blake2b(words, digest_size=8, key=salt).digest()
    return int.from_bytes(digest, "big", signed=True)


def _paragraphs(body: str) -> Iterator[list[list[str]]]:
    """Each line with words (extraction puts one paragraph per line) as its sentences' raw tokens."""
    for line in _THOUSANDS_RE.sub(r"\1", body).splitlines():
        parts = [found for sentence in _SENTENCE_END_RE.split(line) if (found := _WORD_RE.findall(sentence))]
        if parts:
            yield parts


def parse(body: str, anchor_words: int = 8) -> Text:
    """Fingerprint a body: word ids, paragraphs, and the sentences of at least `anchor_words` words."""
    tokens: list[str] = []
    bounds = [0]
    sentences: list[tuple[int, int, int]] = []
    for n, parts in enumerate(_paragraphs(body)):
        for words in parts:
            sentences.append((n, len(tokens), len(tokens) + len(words)))
            tokens += words
        bounds.append(len(tokens))
    array = np.array(_ids(tokens), dtype="<u4")
    capitals = np.fromiter(map(_CAPITALISED.__contains__, tokens), dtype=bool, count=len(tokens))
    rows = np.array(sentences, dtype=np.int32).reshape(-1, 3)
    capitals[rows[:, 1]] = False  # a sentence's first word says nothing
    # judged now, while the caches know the words' spellings
    rare, spellings = (
        (np.zeros(0, dtype=bool), {})
        if _capitals_mark_names(capitals, len(rows))
        else _rare_capitals(array, capitals)
    )
    raw = array.tobytes()  # slices of bytes are cheaper than slices of the array
    keys = [_key(raw[4 * bounds[i] : 4 * bounds[i + 1]], b"paragraph") for i in range(len(bounds) - 1)]
    anchors = [
        (n, _key(raw[4 * start : 4 * end], b"sentence"))
        for n, start, end in sentences
        if anchor_words and end - start >= anchor_words
    ]
    return Text(
        array,
        bounds,
        rows,
        keys,
        anchors,
        hashlib.blake2b(raw, digest_size=16).digest(),
        body,
        tuple(filter(_KEYWORDS.__contains__, tokens)),
        capitals,
        rare,
        spellings,
    )


def shingles(text: Text, size: int, keep: Sequence[bool] | None = None) -> np.ndarray:
    """Sorted unique 32-bit ids of the k-word shingles of the kept paragraphs (all by default)."""
    chosen = [i for i in range(text.paragraph_count) if keep is None or keep[i]]
    return _windows(text.ids, [(text.bounds[i], text.bounds[i + 1]) for i in chosen], size)


def sentence_shingles(text: Text, rows: Sequence[int], size: int) -> np.ndarray:
    """The shingles of some sentences (rows of text.sentences) alone: those that lie inside them are
    the text's own shingles, so taking these out of its set takes the sentences out."""
    return _windows(text.ids, [(start, end) for _, start, end in text.sentences[list(rows)].tolist()], size)


def _windows(ids: np.ndarray, spans: Sequence[tuple[int, int]], size: int) -> np.ndarray:
    if not spans:
        return np.zeros(0, dtype=np.uint32)
    pad = size - 1
    lengths = [end - start for start, end in spans]
    total = sum(lengths) + pad * len(spans)
    padded = np.zeros(total + pad, dtype=_U64)  # zeros end each span: its tail shingles are shorter
    starts = np.zeros(total, dtype=bool)
    at = 0
    for (start, end), length in zip(spans, lengths, strict=True):
        padded[at : at + length] = ids[start:end]
        starts[at : at + length] = True
        at += length + pad
    acc = np.zeros(total, dtype=_U64)
    with np.errstate(over="ignore"):
        for offset in range(size):
            acc = (acc + padded[offset : offset + total]) * _MULT
    found = np.sort((fmix64(acc[starts]) >> _U64(32)).astype(np.uint32))
    # sorted unique ids (np.unique costs four times as much on arrays this small)
    keep = np.empty(found.size, dtype=bool)
    keep[:1] = True
    np.not_equal(found[1:], found[:-1], out=keep[1:])
    return found[keep]
