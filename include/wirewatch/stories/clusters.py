"""Story clusters: each new article joins the copies it shares a story with, or starts a story.

A batch of new articles is compared with itself and with the articles already stored in the
time window (the `Window`: the warehouse in the pipeline, nothing for one-off JSON Lines input):

1. paragraphs an outlet prints under many articles (newsletter boxes, legal lines) are learnt
   as that outlet's boilerplate and left out, so two short briefs do not look alike for it;
2. MinHash LSH over word shingles, and the long sentences taken verbatim (also without a
   dateline), propose candidates;
3. each candidate is verified on the exact shingle sets (Jaccard or containment; an outlet's
   teasers and photo credits the other lacks left out) and must not look like two instances of
   one template (see `similarity`);
4. long sentences told in several stories (stock sentences: a spokesman's confirmation, a
   template's closing line) count for little between two articles, so they cannot join stories;
5. verified pairs are linked, strongest first, into stories (see `_assign`): a batch article
   linking two existing stories merges them into the older one.

Within a batch the order of the articles does not matter; clusters never split.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Protocol

import numpy as np

from wirewatch.config import DedupeSettings
from wirewatch.stories.buckets import MAX_BUCKET, bucket_pairs, key_buckets
from wirewatch.stories.minhash import Signer
from wirewatch.stories.shingles import FIGURES, Sentence, Text, parse, sentence_shingles, shingles
from wirewatch.stories.similarity import Overlap, compare_facts, overlap
from wirewatch.stories.translations import Translations

# a story's first article and an article that joined through a copy of it share this much of
# the shorter text when the article rewrites the story; two stories bridged by one article do not
REWRITE_CONTAINMENT = 0.3
# a sentence carried by this many stories is a stock sentence, not something one took from another
STOCK_STORIES = 3
# what a stock sentence's shingles count for between two articles that both carry it
STOCK_WEIGHT = 0.5
# how a paragraph of prose ends, after any signature in brackets ("(dpa)")
_PROSE_ENDS = tuple(".!?…\"'»«“”’")
_TRAILER_RE = re.compile(r"\s*\([^()]*\)\s*$")
_LABEL_RE = re.compile(r"[^.!?:]{1,40}:\s")  # "Lire aussi: <headline>"
_HAS_WORD_RE = re.compile(r"\w")  # the lines `parse` counts as paragraphs
# a dateline before a paragraph's first sentence ("NEW YORK, April 6 (Reuters) -", "ZURICH –"):
# copies keep, restyle or drop it
_DATELINE_RE = re.compile(r"[^\W\d_][^.!?:;\n]{0,60}?\s[-–—]\s")
_DATELINE_DASHES = (" - ", " – ", " — ")  # what every dateline has: bodies without one have none
# salt of the keys of a long sentence's first and last words (see `_halves`): not a sentence's key
_HALF_SALT = b"half"
# of the rest of two long sentences that share their first or last words, this share of word shingles
# in common makes them one sentence with a typo; less, two sentences that open or close alike (two
# weather warnings: "The Met Office has issued a yellow warning for wind/ice covering ...")
HALF_REST_SHARE = 0.5
# the layout of the keys indexed beside the LSH bands (long sentences, also undated, and their first
# and last words): part of the stored scheme, so that a change re-indexes the window
SENTENCE_KEYS = "sentences2"


@dataclass(frozen=True)
class Doc:
    id: str
    body: str
    outlet: str = ""
    time: datetime | None = None  # orders the copies and bounds the window (the pipeline: fetch time)
    cluster_key: str | None = None  # the story it already belongs to (a stored or revised article)
    language: str | None = None  # with a language, a translation of another article joins its story
    agency: str | None = None
    title: str | None = None  # events compare headlines too


class Window(Protocol):
    """Articles clustered in earlier batches: the warehouse implements this."""

    def lookup(
        self, keys: Collection[int], since: datetime | None, anchors: bool = False
    ) -> dict[int, set[str]]:
        """Stored article ids per index key (or per anchor key), for articles seen since `since`."""

    def load(self, ids: Collection[str]) -> list[Doc]:
        """The stored articles, each with its cluster key."""

    def paragraph_counts(self, keys: Collection[tuple[str, int]]) -> dict[tuple[str, int], int]:
        """How many stored articles of each outlet carry each paragraph."""


@dataclass(frozen=True, slots=True)
class Link:
    a: str
    b: str
    shared: int
    jaccard: float
    containment: float
    kind: str = "copy"  # or "translation": b is the translation of a


@dataclass
class BatchResult:
    assignments: dict[str, str] = field(default_factory=dict)  # new article id -> cluster key
    merges: dict[str, str] = field(default_factory=dict)  # absorbed cluster key -> surviving key
    links: list[Link] = field(default_factory=list)  # verified pairs with a new article in them
    band_keys: dict[str, list[int]] = field(default_factory=dict)  # to store for later batches
    paragraph_keys: dict[str, list[int]] = field(default_factory=dict)
    anchor_keys: dict[str, list[int]] = field(default_factory=dict)  # finds translations later
    translations: dict[str, str] = field(default_factory=dict)  # translation -> the article it renders
    # compilation -> the articles of another story it took a paragraph from (kind also_uses)
    also_uses: dict[str, set[str]] = field(default_factory=dict)
    candidates: int = 0  # pairs LSH proposed
    templated: int = 0  # pairs that passed the overlap test but were template instances


def cluster_key_for(article_id: str) -> str:
    return "story:" + hashlib.blake2b(article_id.encode(), digest_size=10).hexdigest()


@dataclass
class _Prepared:
    doc: Doc
    text: Text
    keep: list[bool]
    shingles: np.ndarray
    anchors: list[int]  # keys of the long sentences outside boilerplate
    exact: bytes | None  # digest of all its words (None: no words)
    facts: dict[bool, list[Sentence]] = field(default_factory=dict)  # by whether capitals mark names
    # key of a long sentence's first or last words -> (the sentence's key, start and end of its other words)
    halves: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    added: np.ndarray | None = None  # shingles of the outlet's teasers and photo credits (see `_is_addition`)

    def sentence_facts(self, names: bool) -> list[Sentence]:
        if names not in self.facts:
            self.facts[names] = self.text.sentence_facts(self.keep, names)
        return self.facts[names]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while (parent := self.parent.setdefault(root, root)) != root:
            root = parent
        while x != root:  # path compression, without recursion on long chains
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _may_have_facts(text: Text) -> bool:
    """Figures, or capitals that may be names (cheap checks before the sentence-by-sentence test)."""
    return text.body != text.body.lower() or not FIGURES.keys().isdisjoint(text.ids.tolist())


def _stories(old: dict[str, Doc], result: BatchResult) -> dict[str, str]:
    """The story of every article of a batch and of the stored ones it was compared with."""
    found = {
        doc_id: result.merges.get(str(doc.cluster_key), str(doc.cluster_key)) for doc_id, doc in old.items()
    }
    return found | result.assignments


def _lines(text: Text) -> list[str]:
    """The lines of a body that `parse` counts as paragraphs, in its order."""
    return [line for line in text.body.splitlines() if _HAS_WORD_RE.search(line)]


def _ends_as_prose(line: str) -> bool:
    return _TRAILER_RE.sub("", line).rstrip().endswith(_PROSE_ENDS)


def _is_prose(line: str) -> bool:
    """Whether a paragraph ends like an agency's prose: not an outlet's teaser ("Mehr zum Thema:
    <headline>") nor a credit line ("(Reporting by ...)", "Foto: Keystone")."""
    return _ends_as_prose(line) and not _LABEL_RE.match(line)


def _is_addition(line: str) -> bool:
    """A labelled line that does not end like prose: an outlet's teaser ("Lire aussi: <headline>")
    or photo credit ("Foto: Keystone"), not the story's text."""
    return _LABEL_RE.match(line) is not None and not _ends_as_prose(line)


def _half_key(words: bytes) -> int:
    """The key of a long sentence's first or last words (little-endian uint32 ids), unlike any sentence's."""
    digest = hashlib.blake2b(
        words, digest_size=8, salt=_HALF_SALT
    ).digest()  # a salt costs no block, unlike a key
    return int.from_bytes(digest, "big", signed=True)


def _lead(item: _Prepared) -> str:
    """The first kept paragraph with a long sentence: above it may be a photo credit or a line
    such as "Updated 5 minutes ago"."""
    paragraph = next((paragraph for paragraph, _ in item.text.anchors if item.keep[paragraph]), None)
    if paragraph is None:
        return ""
    return _lines(item.text)[paragraph]


def _told(item: _Prepared, other: _Prepared) -> np.ndarray:
    """An article's shingles without those of its outlet additions that the other article lacks."""
    if item.added is None:
        return item.shingles
    lacking = np.setdiff1d(item.added, other.shingles, assume_unique=True)
    return np.setdiff1d(item.shingles, lacking, assume_unique=True)


def _runs(ids: list[int], size: int) -> set[tuple[int, ...]]:
    """The runs of `size` consecutive words (a sentence part's shingles, as tuples)."""
    return set(zip(*(ids[start:] for start in range(size)), strict=False))


def _shared_sentences(
    a: _Prepared, b: _Prepared, size: int
) -> tuple[frozenset[int], dict[int, frozenset[int]]]:
    """The keys of the long sentences two articles share verbatim, and of those they share with a
    typo: the key of the first or last words both versions have -> both versions' keys. The rest
    of two such versions must share most of its `size`-word shingles: sentences that only open or
    close alike are two sentences."""
    verbatim = frozenset(a.anchors).intersection(b.anchors)
    typos: dict[int, frozenset[int]] = {}
    for half in a.halves.keys() & b.halves.keys():
        (key_a, start_a, end_a), (key_b, start_b, end_b) = a.halves[half], b.halves[half]
        if key_a == key_b:
            continue
        rest_a = _runs(a.text.ids[start_a:end_a].tolist(), size)
        rest_b = _runs(b.text.ids[start_b:end_b].tolist(), size)
        if len(rest_a & rest_b) >= HALF_REST_SHARE * max(len(rest_a), len(rest_b)):
            typos[half] = frozenset((key_a, key_b))
    return verbatim, typos


def _told_as_prose(item: _Prepared, sentences: frozenset[int]) -> bool:
    """Whether the paragraphs holding these long sentences are all prose (see `_is_prose`)."""
    lines = _lines(item.text)
    held = {paragraph for paragraph, key in item.text.anchors if key in sentences}
    return bool(held) and all(_is_prose(lines[paragraph]) for paragraph in held)


def sort_time(doc: Doc) -> tuple:
    return (doc.time is None, doc.time or datetime.min, doc.id)


class Clusterer:
    def __init__(self, settings: DedupeSettings, window: Window | None = None) -> None:
        self.settings = settings
        self.window = window
        self.signer = Signer(
            settings.num_perm, settings.lsh_bands, settings.lsh_rows, salt=f"k{settings.shingle_words}"
        )
        self.span = timedelta(days=settings.window_days)

    @property
    def scheme(self) -> str:
        return f"{self.signer.scheme}-{SENTENCE_KEYS}"

    # -- preparing articles

    def _boilerplate_counts(self, texts: dict[str, tuple[Doc, Text]]) -> dict[tuple[str, int], int]:
        batch: dict[tuple[str, int], int] = defaultdict(int)
        for doc, text in texts.values():
            for key in set(text.keys):
                batch[(doc.outlet, key)] += 1
        if self.window is not None:
            for pair, count in self.window.paragraph_counts(list(batch)).items():
                batch[pair] += count
        return batch

    def _prepare(self, doc: Doc, text: Text, counts: dict[tuple[str, int], int]) -> _Prepared:
        limit = self.settings.boilerplate_min_articles
        keep = [counts.get((doc.outlet, key), 1) < limit for key in text.keys]
        anchors = sorted({key for paragraph, key in text.anchors if keep[paragraph]})
        exact = text.digest if text.ids.size else None
        size = self.settings.shingle_words
        found = _Prepared(doc, text, keep, shingles(text, size, keep), anchors, exact)
        found.halves = self._halves(found)
        if ":" in text.body:  # what every label ends in: bodies without one have no addition
            added = [k and _is_addition(line) for k, line in zip(keep, _lines(text), strict=True)]
            if any(added):
                # a credit's short tail shingle ("keystone") may be a prose paragraph's too: that one stays
                prose = [k and not a for k, a in zip(keep, added, strict=True)]
                found.added = np.setdiff1d(
                    shingles(text, size, added), shingles(text, size, prose), assume_unique=True
                )
        return found

    def _halves(self, item: _Prepared) -> dict[int, tuple[int, int, int]]:
        """The keys of the first and of the last `anchor_words` words of each kept sentence at least
        twice that long, each with the sentence's key and where its other words are: a copy with a
        typo in one half, even one that adds or drops a word, still shares the other's key."""
        text = item.text
        size = self.settings.anchor_words
        lengths = text.sentences[:, 2] - text.sentences[:, 1]
        found: dict[int, tuple[int, int, int]] = {}
        if not size or not (lengths >= 2 * size).any():
            return found
        raw = text.ids.tobytes()  # slices of bytes are cheaper than slices of the array
        rows = text.sentences[lengths >= size].tolist()
        for (paragraph, start, end), (_, key) in zip(rows, text.anchors, strict=True):
            if end - start >= 2 * size and item.keep[paragraph]:
                found[_half_key(raw[4 * start : 4 * (start + size)])] = (key, start + size, end)
                found[_half_key(raw[4 * (end - size) : 4 * end])] = (key, start, end - size)
        return found

    def _undated_anchors(self, item: _Prepared) -> list[int]:
        """Keys of the long sentences of the lead told without its dateline: a copy that restyles or
        drops the dateline ("NEW YORK, April 6 (Reuters) -", "NEW YORK –") still shares them. Only
        the lead has one: a spaced dash early in a later paragraph is no dateline."""
        if not any(dash in item.text.body for dash in _DATELINE_DASHES):
            return []
        lead = _lead(item)
        dateline = _DATELINE_RE.match(lead)
        if dateline is None:
            return []
        known = set(item.anchors)
        undated = parse(lead[dateline.end() :], self.settings.anchor_words)
        return [key for _, key in undated.anchors if key not in known]

    # -- deciding a pair

    def _within_window(self, a: Doc, b: Doc) -> bool:
        return a.time is None or b.time is None or abs(a.time - b.time) <= self.span

    def verify(
        self, a: _Prepared, b: _Prepared, stock: frozenset[int] = frozenset(), found: Overlap | None = None
    ) -> tuple[Overlap | None, bool]:
        """(overlap, templated): overlap is None when the pair is not a copy. `found`: their
        overlap, when the caller has it already."""
        if a.exact is not None and a.exact == b.exact:
            return Overlap(max(a.shingles.size, 1), 1.0, 1.0), False
        s = self.settings
        if found is None:
            found = self._overlap(a, b, stock)
        if not self._is_copy(found):
            return None, False
        if not (_may_have_facts(a.text) or _may_have_facts(b.text)):
            return found, False
        names = a.text.capitals_mark_names and b.text.capitals_mark_names
        slots = compare_facts(a.sentence_facts(names), b.sentence_facts(names))
        if slots.templated(s.template_share):
            return None, True
        return found, False

    def _is_copy(self, found: Overlap) -> bool:
        s = self.settings
        return found.shared >= s.min_shared_shingles and (
            found.jaccard >= s.min_jaccard or found.containment >= s.min_containment
        )

    def _overlap(self, a: _Prepared, b: _Prepared, stock: frozenset[int]) -> Overlap:
        """Shingle overlap in which the shingles of the stock sentences both carry weigh STOCK_WEIGHT:
        it can only be lower than with them counted in full. An outlet's teasers and photo credits
        that the other article lacks are left out: they are not the story's text."""
        set_a, set_b = _told(a, b), _told(b, a)
        shared = stock.intersection(a.anchors, b.anchors) if stock else ()
        if not shared:
            return overlap(set_a, set_b)
        both = np.intersect1d(set_a, set_b, assume_unique=True)
        stock_ids = np.union1d(self._sentence_shingles(a, shared), self._sentence_shingles(b, shared))
        less = 1.0 - STOCK_WEIGHT
        size_a = set_a.size - less * np.isin(set_a, stock_ids, assume_unique=True).sum()
        size_b = set_b.size - less * np.isin(set_b, stock_ids, assume_unique=True).sum()
        count = both.size - less * np.isin(both, stock_ids, assume_unique=True).sum()
        if count <= 0:
            return Overlap(0, 0.0, 0.0)
        return Overlap(
            int(count), float(count / (size_a + size_b - count)), float(count / min(size_a, size_b))
        )

    def _sentence_shingles(self, item: _Prepared, sentences: Collection[int]) -> np.ndarray:
        """The shingles of these long sentences (keys of its anchors) of an article."""
        text = item.text
        lengths = text.sentences[:, 2] - text.sentences[:, 1]
        long_rows = np.flatnonzero(lengths >= self.settings.anchor_words).tolist()
        rows = [
            row
            for row, (paragraph, key) in zip(long_rows, text.anchors, strict=True)
            if key in sentences and item.keep[paragraph]
        ]
        return sentence_shingles(text, rows, self.settings.shingle_words)

    def _facts_agree(self, a: _Prepared, b: _Prepared) -> bool:
        names = a.text.capitals_mark_names and b.text.capitals_mark_names
        return not compare_facts(a.sentence_facts(names), b.sentence_facts(names)).changed

    # -- a batch

    def cluster(self, docs: Sequence[Doc]) -> BatchResult:
        """Cluster a batch of new (or revised) articles against each other and the window."""
        # the batch builds many long-lived small objects and no cycles: the cyclic collector would
        # only rescan them again and again (about a tenth of the time at 100,000 articles)
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._cluster(docs)
        finally:
            if collecting:
                gc.enable()

    def _cluster(self, docs: Sequence[Doc]) -> BatchResult:
        result = BatchResult()
        if not docs:
            return result
        texts = {doc.id: (doc, parse(doc.body, self.settings.anchor_words)) for doc in docs}
        counts = self._boilerplate_counts(texts)
        batch = {doc.id: self._prepare(doc, text, counts) for doc, text in texts.values()}
        for doc_id, (_, text) in texts.items():
            result.paragraph_keys[doc_id] = sorted(set(text.keys))

        # index keys: the LSH bands (overall likeness) and the long sentences (a cut copy or a
        # brief shares a few verbatim sentences with the original, but little of its word set)
        hashed = [doc_id for doc_id, item in batch.items() if item.shingles.size]
        if hashed:
            signatures = np.stack([self.signer.signature(batch[doc_id].shingles) for doc_id in hashed])
            for doc_id, bands in zip(hashed, self.signer.band_keys_of(signatures).tolist(), strict=True):
                result.band_keys[doc_id] = (
                    bands
                    + batch[doc_id].anchors
                    + self._undated_anchors(batch[doc_id])
                    + list(batch[doc_id].halves)
                )

        pairs = self._batch_pairs(list(batch), result.band_keys)
        stored = self._stored_candidates(batch, result.band_keys)
        result.candidates = len(pairs) + sum(len(v) for v in stored.values())

        links: list[Link] = []
        # pairs sharing long sentences, not copies: verbatim, and with a typo (see `_shared_sentences`)
        borrowed: list[tuple[str, str, frozenset[int], dict[int, frozenset[int]]]] = []

        def consider(a: _Prepared, b: _Prepared) -> None:
            if not self._within_window(a.doc, b.doc):
                return
            verdict, templated = self.verify(a, b)
            result.templated += templated
            if verdict is not None:
                links.append(Link(a.doc.id, b.doc.id, verdict.shared, verdict.jaccard, verdict.containment))
            elif not templated:
                verbatim, typos = _shared_sentences(a, b, self.settings.shingle_words)
                # not two instances of a template sharing its stock sentences
                if (verbatim or typos) and self._facts_agree(a, b):
                    borrowed.append((a.doc.id, b.doc.id, verbatim, typos))

        # identical bodies always join, even when nothing is left to hash (all boilerplate)
        by_exact: dict[bytes, list[str]] = defaultdict(list)
        for doc_id, item in batch.items():
            if item.exact is not None:
                by_exact[item.exact].append(doc_id)
        for same in by_exact.values():
            for other in same[1:]:
                links.append(Link(same[0], other, batch[other].shingles.size, 1.0, 1.0))
        for i, j in pairs:
            if batch[i].exact is None or batch[i].exact != batch[j].exact:
                consider(batch[i], batch[j])
        old: dict[str, Doc] = {}
        texts_of: dict[str, _Prepared] = dict(batch)
        if stored:
            prepared = self._prepare_stored({i for ids in stored.values() for i in ids}, texts)
            for doc_id, ids in stored.items():
                for other in sorted(ids & prepared.keys()):
                    old[other] = prepared[other].doc
                    texts_of[other] = prepared[other]
                    consider(batch[doc_id], prepared[other])
        if self.settings.translation_window_hours and any(doc.language for doc in docs):
            keywords = {doc_id: text.keywords for doc_id, (_, text) in texts.items()}
            self._link_translations(docs, keywords, links, old, result)
        links, stock, grown = self._stock(docs, old, links, texts_of)
        result.links = links
        if stock or grown is None:
            self._assign(docs, old, links, result, texts_of, stock)
        else:  # no stock sentence: the stories grown to look for them stand
            result.assignments, result.merges = grown.assignments, grown.merges
        self._also_uses(borrowed, texts_of, old, result)
        return result

    def _stock(
        self, docs: Sequence[Doc], old: dict[str, Doc], links: list[Link], texts: dict[str, _Prepared]
    ) -> tuple[list[Link], frozenset[int], BatchResult | None]:
        """Stock sentences (a spokesman's confirmation, a template's closing line): long sentences
        told in STOCK_STORIES or more stories. Between two articles they count for nothing, like an
        outlet's boilerplate, so the copies that verified only through them are dropped.

        The stories are grown first from all links; growing them admits no chains (see `_assign`),
        so a sentence they share is told by different stories. Leaving sentences out can only drop
        links, never add one.
        """
        carriers: dict[int, list[str]] = defaultdict(list)
        for doc_id, item in texts.items():
            for key in item.anchors:
                carriers[key].append(doc_id)
        candidates = [key for key, ids in carriers.items() if len(ids) >= STOCK_STORIES]
        if not candidates:
            return links, frozenset(), None
        first = BatchResult()
        self._assign(docs, old, links, first, texts)
        story_of = _stories(old, first)
        stock = frozenset(
            key
            for key in candidates
            if len({story_of[i] for i in carriers[key] if i in story_of}) >= STOCK_STORIES
        )
        return (self._without_stock(links, texts, stock) if stock else links), stock, first

    def _without_stock(
        self, links: list[Link], texts: dict[str, _Prepared], stock: frozenset[int]
    ) -> list[Link]:
        """The copy links verified again with the stock sentences both articles carry left out."""
        kept: list[Link] = []
        for link in links:
            a, b = texts.get(link.a), texts.get(link.b)
            if (
                link.kind != "copy"
                or a is None
                or b is None
                or (a.exact is not None and a.exact == b.exact)
                or stock.isdisjoint(a.anchors)
                or stock.isdisjoint(b.anchors)
            ):
                kept.append(link)
                continue
            found = self._overlap(a, b, stock)
            if self._is_copy(found):
                kept.append(
                    replace(link, shared=found.shared, jaccard=found.jaccard, containment=found.containment)
                )
        return kept

    def _also_uses(
        self,
        borrowed: list[tuple[str, str, frozenset[int], dict[int, frozenset[int]]]],
        texts: dict[str, _Prepared],
        old: dict[str, Doc],
        result: BatchResult,
    ) -> None:
        """Compilations: of two articles in different stories that share long sentences, the one
        whose own story mostly lacks them took them from the other's story (an outlet's article
        built from agency A's lead and a paragraph of agency B's version)."""
        key_of = _stories(old, result)
        story: dict[str, list[str]] = defaultdict(list)
        told_in: dict[int, set[str]] = defaultdict(set)  # long sentence -> the stories that carry it
        for doc_id in texts:
            if doc_id in key_of:
                story[key_of[doc_id]].append(doc_id)
                for _, sentence in texts[doc_id].text.anchors:
                    told_in[sentence].add(key_of[doc_id])
        origin = {key: min(members, key=lambda i: sort_time(texts[i].doc)) for key, members in story.items()}
        # first or last words of long sentences -> the stories that carry them, and their sentences
        half_told_in: dict[int, set[str]] = defaultdict(set)
        sentences_of: dict[int, set[int]] = defaultdict(set)
        wanted = set().union(*(typos for *_, typos in borrowed))
        for doc_id, item in texts.items():
            if wanted and doc_id in key_of:
                for half in item.halves.keys() & wanted:
                    half_told_in[half].add(key_of[doc_id])
                    sentences_of[half].add(item.halves[half][0])

        def stock_half(half: int) -> bool:
            """Shared by stock sentences, or with typos by stories as many as a stock sentence."""
            return len(half_told_in[half]) >= STOCK_STORIES or any(
                len(told_in[sentence]) >= STOCK_STORIES for sentence in sentences_of[half]
            )

        def carriers(one: str, sentences: frozenset[int]) -> tuple[int, int]:
            """(other members of its story carrying the sentences, other members)."""
            others = [i for i in story[key_of[one]] if i != one]
            return sum(not sentences.isdisjoint(texts[i].anchors) for i in others), len(others)

        def lacks(one: str, sentences: frozenset[int]) -> bool:
            """Its story mostly lacks them, its first article among them (a compilation is a later
            article; a credit line or teaser the first article carries belongs to its story)."""
            carry, others = carriers(one, sentences)
            first = origin[key_of[one]]
            return 2 * carry < others and first != one and sentences.isdisjoint(texts[first].anchors)

        def tells(one: str, sentences: frozenset[int], taker: str) -> bool:
            """Its story's first article carries them (not a later addition: an update's closing
            sentence; copies may cut them), the story has copies (a lone article is no agency's
            version), and an outlet other than the taker's carries them (not the taker's own line)."""
            members = story[key_of[one]]
            outlet = texts[taker].doc.outlet
            carrying = [i for i in members if not sentences.isdisjoint(texts[i].anchors)]
            return (
                len(members) >= 2
                and self._carries(texts[origin[key_of[one]]], texts[one], sentences)
                and any(texts[i].doc.outlet != outlet for i in carrying)
            )

        for a, b, verbatim, typos in borrowed:
            if key_of.get(a) is None or key_of.get(b) is None or key_of[a] == key_of[b]:
                continue
            # a stock sentence (in several stories: a template's, a spokesman's confirmation) is no
            # evidence, nor is it with a typo
            sentences = frozenset(k for k in verbatim if len(told_in[k]) < STOCK_STORIES).union(
                *(keys for half, keys in typos.items() if not stock_half(half))
            )
            if not sentences:
                continue
            # the compilation's own story lacks what it took; the other story tells it from its start
            took = [
                x
                for x, y in ((a, b), (b, a))
                if lacks(x, sentences) and tells(y, sentences, x) and _told_as_prose(texts[y], sentences)
            ]
            for x in took:
                if x in result.assignments:
                    y = b if x == a else a
                    result.also_uses.setdefault(x, set()).add(y)

    def _carries(self, item: _Prepared, source: _Prepared, sentences: frozenset[int]) -> bool:
        """Whether an article tells these sentences of another: verbatim, or with a typo or two."""
        if not sentences.isdisjoint(item.anchors):
            return True
        wanted = self._sentence_shingles(source, sentences)
        return (
            bool(wanted.size) and 2 * np.isin(wanted, item.shingles, assume_unique=True).sum() >= wanted.size
        )

    def _link_translations(
        self,
        docs: Sequence[Doc],
        keywords: dict[str, tuple[str, ...]],
        links: list[Link],
        old: dict[str, Doc],
        result: BatchResult,
    ) -> None:
        hours = self.settings.translation_window_hours
        times = [doc.time for doc in docs if doc.time is not None]
        since = min(times) - timedelta(hours=hours) if len(times) == len(docs) else None
        # an unsigned copy speaks for the agency of the copies it joined: an outlet's unsigned reprint
        # of the ATS item must not make AFP's version of the news a translation of it
        signed: dict[str, set[str]] = defaultdict(set)
        agency = {doc.id: doc.agency for doc in docs} | {doc.id: doc.agency for doc in old.values()}
        for link in links:
            for one, other in ((link.a, link.b), (link.b, link.a)):
                if agency.get(one) is None and agency.get(other):
                    signed[one].add(str(agency[other]))
        docs = [
            replace(doc, agency=next(iter(signed[doc.id]))) if len(signed.get(doc.id, ())) == 1 else doc
            for doc in docs
        ]
        found = Translations(hours, self.window).link(docs, keywords, since)
        result.anchor_keys = found.keys
        result.candidates += found.candidates
        for source, target, alignment in found.links:
            links.append(
                Link(source, target, int(alignment.matched), alignment.short, alignment.prefix, "translation")
            )
            result.translations[target] = source
        for doc_id, doc in found.stored.items():
            old.setdefault(doc_id, doc)

    def _batch_pairs(self, ids: list[str], keys: dict[str, list[int]]) -> list[tuple[str, str]]:
        """Pairs of batch articles that share an index key, found by sorting all keys at once."""
        codes = [
            x * len(ids) + y
            for buckets in key_buckets([keys.get(doc_id, ()) for doc_id in ids])
            for x, y in bucket_pairs(buckets)
        ]
        if not codes:
            return []
        return [(ids[c // len(ids)], ids[c % len(ids)]) for c in np.unique(np.concatenate(codes)).tolist()]

    def _stored_candidates(
        self, batch: dict[str, _Prepared], keys: dict[str, list[int]]
    ) -> dict[str, set[str]]:
        if self.window is None or not keys:
            return {}
        times = [item.doc.time for item in batch.values() if item.doc.time is not None]
        since = min(times) - self.span if len(times) == len(batch) else None
        hits = self.window.lookup({k for ks in keys.values() for k in ks}, since)
        hits = {key: ids for key, ids in hits.items() if len(ids) <= MAX_BUCKET}
        found: dict[str, set[str]] = {}
        for doc_id, doc_keys in keys.items():
            ids = set().union(*(hits.get(k, ()) for k in doc_keys)) - batch.keys()
            if ids:
                found[doc_id] = ids
        return found

    def _prepare_stored(
        self, ids: Iterable[str], batch_texts: dict[str, tuple[Doc, Text]]
    ) -> dict[str, _Prepared]:
        assert self.window is not None
        docs = [doc for doc in self.window.load(sorted(ids)) if doc.id not in batch_texts]
        texts = {doc.id: (doc, parse(doc.body, self.settings.anchor_words)) for doc in docs}
        pairs = {(doc.outlet, key) for doc, text in texts.values() for key in set(text.keys)}
        counts: dict[tuple[str, int], int] = defaultdict(int, self.window.paragraph_counts(list(pairs)))
        for doc, text in batch_texts.values():
            for key in set(text.keys):
                if (doc.outlet, key) in pairs:
                    counts[(doc.outlet, key)] += 1
        return {doc.id: self._prepare(doc, text, counts) for doc, text in texts.values()}

    def _assign(
        self,
        docs: Sequence[Doc],
        old: dict[str, Doc],
        links: list[Link],
        result: BatchResult,
        texts: dict[str, _Prepared],
        stock: frozenset[int] = frozenset(),
    ) -> None:
        """Grow stories link by link, strongest first; each takes the key of its oldest story, or a new one.

        An article joins a story only as a copy of the story as a whole: of its representative
        (its first article) or of most of its members. Two stories join only when their
        representatives are copies. So A and C never chain through a B that shares a bit of each.
        """
        found = _UnionFind()
        known = [*old.values(), *(doc for doc in docs if doc.cluster_key)]
        for doc in known:  # an article with a key stands for its whole story
            found.union(doc.id, "\0" + str(doc.cluster_key))
        members: dict[str, set[str]] = defaultdict(set)
        for doc_id in texts:
            members[found.find(doc_id)].add(doc_id)
        linked: dict[str, set[str]] = defaultdict(set)
        copies = sorted(
            (link for link in links if link.kind == "copy"),
            key=lambda k: (-k.jaccard, -k.containment, k.a, k.b),
        )
        for link in copies:
            linked[link.a].add(link.b)
            linked[link.b].add(link.a)
        for link in copies:
            ra, rb = found.find(link.a), found.find(link.b)
            if ra != rb and self._whole_copy(members[ra], members[rb], linked, texts, stock):
                found.union(ra, rb)
                root = found.find(ra)
                members[root] = members.pop(ra, set()) | members.pop(rb, set())
        for link in links:
            if link.kind != "copy":
                found.union(link.a, link.b)
        oldest: dict[str, dict[str, tuple]] = defaultdict(dict)  # root -> key -> earliest member's time
        for doc in sorted(known, key=sort_time, reverse=True):
            oldest[found.find(doc.id)][str(doc.cluster_key)] = sort_time(doc)
        components: dict[str, list[Doc]] = defaultdict(list)
        for doc in docs:
            components[found.find(doc.id)].append(doc)
        for root, group in components.items():
            keys = oldest.get(root)
            if keys:
                key = min(keys, key=lambda k: (keys[k], k))
                result.merges.update({other: key for other in keys if other != key})
            else:
                key = cluster_key_for(min(group, key=sort_time).id)
            for doc in group:
                result.assignments[doc.id] = key

    def _whole_copy(
        self,
        a: set[str],
        b: set[str],
        linked: dict[str, set[str]],
        texts: dict[str, _Prepared],
        stock: frozenset[int],
    ) -> bool:
        """Whether two groups are one story: an article linked to most of the other's members,
        or representatives that are copies."""
        if len(a) > len(b):
            a, b = b, a
        if len(a) == 1:
            (one,) = a
            if 2 * len(linked[one] & b) > len(b):
                return True
        if not a or not b:
            return True
        # a story's representative is its first article (the agency original, as a rule): the
        # longest one may be the article that bridges two stories
        first, second = (min(group, key=lambda i: sort_time(texts[i].doc)) for group in (a, b))
        if second in linked[first]:
            return True
        found = self._overlap(texts[first], texts[second], stock)
        verdict, templated = self.verify(texts[first], texts[second], stock, found)
        if verdict is not None or templated:
            return verdict is not None
        # a heavy rewrite of the original, found through a copy of it: still much of the same text
        return found.shared >= self.settings.min_shared_shingles and found.containment >= REWRITE_CONTAINMENT


@dataclass(frozen=True)
class Member:
    """What a cluster summary needs to know about one article."""

    id: str
    outlet: str
    time: datetime | None
    agency: str | None
    language: str | None
    title: str | None = None


@dataclass(frozen=True)
class Summary:
    canonical: str
    agency: str | None
    headline: str | None
    first_seen: datetime | None
    last_seen: datetime | None
    copies: int
    outlets: list[str]
    languages: list[str]


def summarize(members: Sequence[Member]) -> Summary:
    """Canonical article: the earliest one carrying the cluster's agency, else the earliest overall.

    The cluster's agency is the one most of its articles are signed with (earliest on a tie), so
    one outlet crediting a second agency does not take the story from the agency that wrote it.
    """
    ordered = sorted(members, key=lambda m: (m.time is None, m.time, m.id))
    tally: dict[str, int] = defaultdict(int)
    for m in ordered:
        if m.agency:
            tally[m.agency] += 1
    agency = max(
        tally,
        key=lambda a: (tally[a], -next(i for i, m in enumerate(ordered) if m.agency == a)),
        default=None,
    )
    canonical = next((m for m in ordered if agency and m.agency == agency), ordered[0])
    times = [m.time for m in ordered if m.time is not None]
    return Summary(
        canonical=canonical.id,
        agency=agency,
        headline=canonical.title,
        first_seen=min(times, default=None),
        last_seen=max(times, default=None),
        copies=len(ordered),
        outlets=sorted({m.outlet for m in ordered}),
        languages=sorted({m.language for m in ordered if m.language}),
    )
