"""Text normalisation shared by matching and deduplication: fold case and accents, keep word offsets."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Nord-Coréens' -> 'nord-coreens', 'Straße' -> 'strasse'.

    Only combining marks are dropped, so the folded text keeps one character per source
    character for everything but rare ligatures; offsets are taken from the source anyway.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # folded
    start: int  # offset in the original string
    end: int


def tokenize(text: str) -> list[Token]:
    """Words of the original text, folded, with their character offsets in it."""
    return [Token(fold(m.group()), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def normalize_body(text: str) -> str:
    """Folded words joined by single spaces: equal for bodies that differ only in markup or spacing."""
    return " ".join(_WORD_RE.findall(fold(text)))


def collapse_whitespace(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()
