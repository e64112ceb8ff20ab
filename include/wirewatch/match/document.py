"""A document as the matcher sees it: named fields, their normalised words and word positions.

Work is lazy: the set of distinct words of a field is enough to rule a topic in or out, and word
positions (for phrases, proximity and explanations) are computed only when a candidate needs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wirewatch.match.normalize import CHUNK_RE, Normalizer

TEXT_FIELDS = ("title", "body")
META_FIELDS = ("lang", "outlet", "agency")
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
# "Montag:", "Russie - ", "• ") starts an item: sentence and paragraph proximity never cross it.
_ITEM_RE = re.compile(
    r"(?:\d{1,2}[:.h]\d{2}\b|\+\+\+|[•▪■►*·]"
    r"|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s*[:–—-]"
    r"|[^\W\d_][\w'’ ]{0,30}? [–—-] )",
    re.IGNORECASE,
)
_LINE_RE = re.compile(r"\n")
ITEM_GAP = 1000  # in sentences and paragraphs: further than any ~Ns or ~Np reaches


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


class Document:
    def __init__(
        self,
        normalizer: Normalizer,
        *,
        title: str = "",
        body: str = "",
        language: str | None = None,
        outlet: str | None = None,
        agency: str | None = None,
    ) -> None:
        self.normalizer = normalizer
        self.language = language
        self.texts = {
            "title": title or "",
            "body": body or "",
            "lang": language or "",
            "outlet": outlet or "",
            "agency": agency or "",
        }
        # field -> ids of the query words found in it; set by the presearcher, else found by scanning
        self.present: dict[str, set[int]] | None = None
        self._vocab: dict[str, set[str]] = {}
        self._occurrences: dict[str, dict[str, list[Occurrence]]] = {}
        self._word_occurrences: dict[tuple[int, str], list[Occurrence]] = {}
        self.memo: dict[tuple, Any] = {}  # per-document results of query nodes
        self._items: dict[str, bool] = {}

    def vocab(self, field: str) -> set[str]:
        """Every distinct token of a field."""
        vocab = self._vocab.get(field)
        if vocab is None:
            chunk_tokens = self.normalizer.chunk_tokens
            vocab = set()
            for chunk in set(CHUNK_RE.findall(self.texts[field])):
                vocab.update(chunk_tokens(chunk, self.language)[2])
            self._vocab[field] = vocab
        return vocab

    def occurrences(self, field: str) -> dict[str, list[Occurrence]]:
        """Token -> where it occurs in the field, in text order."""
        table = self._occurrences.get(field)
        if table is None:
            table = {}
            chunk_tokens = self.normalizer.chunk_tokens
            text = self.texts[field]
            # (offset, starts an item, is a line break) of every sentence end, in text order
            breaks = [
                (m.end(), "\n" in m.group() and _ITEM_RE.match(text, m.end()) is not None, "\n" in m.group())
                for m in _BREAK_RE.finditer(text)
            ]
            next_break = position = sentence = paragraph = 0
            for m in CHUNK_RE.finditer(text):
                tokens, width, _ = chunk_tokens(m.group(), self.language)
                base = m.start()
                if next_break < len(breaks) and breaks[next_break][0] <= base:
                    new_paragraph = new_item = False
                    while next_break < len(breaks) and breaks[next_break][0] <= base:
                        new_item |= breaks[next_break][1]
                        new_paragraph |= breaks[next_break][2]
                        next_break += 1
                    if position:
                        position += SENTENCE_GAP
                        sentence += ITEM_GAP if new_item else 1
                        paragraph += ITEM_GAP if new_item else new_paragraph
                for text_, first, last, start, end in tokens:
                    occurrence = (
                        position + first,
                        position + last,
                        base + start,
                        base + end,
                        sentence,
                        paragraph,
                    )
                    found = table.get(text_)
                    if found is None:
                        table[text_] = [occurrence]
                    else:
                        found.append(occurrence)
                position += width
            self._occurrences[field] = table
        return table

    def has_items(self, field: str) -> bool:
        """Whether the field is made of items (a live blog, a ticker, a round-up)."""
        found = self._items.get(field)
        if found is None:
            text = self.texts[field]
            found = self._items[field] = any(
                _ITEM_RE.match(text, m.end()) is not None for m in _LINE_RE.finditer(text)
            )
        return found

    def has_in(self, word: Word, fields: tuple[str, ...]) -> bool:
        present = self.present
        if present is not None:
            word_id = word.id
            for field in fields:
                if word_id in present[field]:
                    return True
            return False
        return any(self.has(word, field) for field in fields)

    def has(self, word: Word, field: str) -> bool:
        if self.present is not None:
            return word.id in self.present[field]
        vocab = self.vocab(field)
        if word.prefix:
            return any(token.startswith(word.forms) for token in vocab)
        return any(form in vocab for form in word.forms)

    def word_occurrences(self, word: Word, field: str) -> list[Occurrence]:
        key = (word.id, field)
        found = self._word_occurrences.get(key)
        if found is None:
            if not self.has(word, field):
                found = []
            else:
                table = self.occurrences(field)
                if word.prefix:
                    tokens = [token for token in table if token.startswith(word.forms)]
                else:
                    tokens = [form for form in word.forms if form in table]
                found = sorted(occ for token in tokens for occ in table[token])
            self._word_occurrences[key] = found
        return found
