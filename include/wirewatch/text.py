"""Text normalisation shared by matching and deduplication: fold case and accents."""

from __future__ import annotations

import re
import unicodedata

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Nord-Coréens' -> 'nord-coreens', 'Straße' -> 'strasse'.

    Only combining marks are dropped, so the folded text keeps one character per source
    character for everything but rare ligatures; offsets are taken from the source anyway.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_body(text: str) -> str:
    """Folded words joined by single spaces: equal for bodies that differ only in markup or spacing."""
    return " ".join(_WORD_RE.findall(fold(text)))


def collapse_whitespace(text: str) -> str:
    """Each run of whitespace as one space, none at the ends."""
    # Line breaks are the common whitespace besides spaces: with them as spaces, a printable text
    # holds no other, and its runs of spaces collapse by replacing (in C, no list of words).
    spaced = text.replace("\n", " ")
    if spaced.isprintable():
        while "  " in spaced:
            spaced = spaced.replace("  ", " ")
        return spaced.strip()
    # str.split() splits at exactly the characters \s matches (str.isspace), several times faster
    return " ".join(text.split())
