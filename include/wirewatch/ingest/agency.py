"""News agency attribution from the signature, byline or dateline of an article.

Agencies sign in a few fixed places: a dateline at the start ('Washington (dpa) -'),
a signature at the end ('/ATS', '(ats/afp)', '— AFP', 'SDA-ATS'), or a byline field.
Only those places are searched, so an agency merely mentioned in the text does not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# canonical name -> spellings seen in signatures (matched case-insensitively, as whole words)
AGENCIES: dict[str, tuple[str, ...]] = {
    "ATS": ("keystone-ats", "keystone-sda", "sda-ats", "ats-sda", "ats", "sda"),
    "AFP": ("afp",),
    "dpa": ("dpa-afx", "dpa"),
    "Reuters": ("reuters",),
    "AP": ("ap", "associated press"),
    "APA": ("apa",),
    "ANSA": ("ansa",),
    "EFE": ("efe",),
    "Belga": ("belga",),
    "ANP": ("anp",),
    "KNA": ("kna",),
    "epd": ("epd",),
    "AWP": ("awp",),  # the Swiss financial news agency
}
_SPELLING = {spelling: name for name, spellings in AGENCIES.items() for spelling in spellings}
_ALT = "|".join(sorted((re.escape(s) for s in _SPELLING), key=len, reverse=True))
_CHAIN = rf"(?:{_ALT})(?:\s*[/,]\s*(?:{_ALT}|[a-z]{{2,4}}))*"

_INITIALS = r"(?:\s*[/,]?\s*[a-z]{2,4})?"
# a last line that is only a signature: 'SDA-ATS', 'dpa', '(ats/afp) rh'
_SIGNATURE_LINE_RE = re.compile(rf"^(?P<sig>[(/]?\s*{_CHAIN}\s*\)?){_INITIALS}\s*\.?$", re.IGNORECASE)
# a marked signature closing the last line: '... (ats)', '... /ATS', '... — AFP'
_SIGNATURE_END_RE = re.compile(
    rf"(?P<sig>\(\s*{_CHAIN}\s*\)|/\s*{_CHAIN}|[—–]\s*{_CHAIN}|\s-\s*{_CHAIN}){_INITIALS}\s*\.?$",
    re.IGNORECASE,
)
# 'WASHINGTON (AFP) -', 'Washington (dpa) –', 'Berne (ats) -', 'Madrid (EFE).-'
_DATELINE_RE = re.compile(rf"^[^\n()]{{2,60}}\((?P<sig>{_CHAIN})\)\.?\s*[-–—:]", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    agency: str
    signature: str
    where: str  # "signature", "dateline" or "byline"


def _first_agency(signature: str) -> str | None:
    for word in re.split(r"[\s/,()—–]+", signature.lower()):
        if word in _SPELLING:
            return _SPELLING[word]
    return None


def detect_agency(body: str, author: str | None = None) -> Attribution | None:
    """The distributing agency: the first one named in the signature ('ats/afp' is ATS's copy)."""
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    if lines:
        tail = lines[-1][-80:]
        if m := _SIGNATURE_LINE_RE.match(tail) or _SIGNATURE_END_RE.search(tail):
            agency = _first_agency(m.group("sig"))
            if agency:
                return Attribution(agency, m.group("sig").strip(), "signature")
        if m := _DATELINE_RE.search(lines[0][:120]):
            agency = _first_agency(m.group("sig"))
            if agency:
                return Attribution(agency, m.group("sig").strip(), "dateline")
    if author:
        byline = re.sub(r"^(?:by|von|par)\s+", "", author.strip(), flags=re.IGNORECASE)
        if re.fullmatch(rf"{_CHAIN}", byline, re.IGNORECASE):
            agency = _first_agency(byline)
            if agency:
                return Attribution(agency, author.strip(), "byline")
    return None
