"""Held-out evaluation set for wire-copy clustering ("stories").

Written independently of the clusterer: the author did not read the clustering code, its
benchmark cases or its evaluation script, and never ran the clusterer while writing this.
See heldout_stories.md.

``generate(seed, corpus)`` returns about 1,000 articles (DE/FR/EN) spread over ~3 days. Each
article carries its ground-truth story label (``story``): articles with the same label are copies
of one agency item, republished by outlets with edits. ``case`` names the family the story was
made for (base, rewrite, boilerplate, template, update, followup, compilation).

Only the standard library and trafilatura (for the optional real-text corpus) are used.
Everything is derived from ``random.Random`` seeded with strings, so the output depends only on
the seed and on whether the corpus is present.

    python -m benchmarks.heldout_stories 1001            # counts per case/language
    python -m benchmarks.heldout_stories 11 --no-corpus  # own text only
"""

from __future__ import annotations

import json
import math
import os
import pathlib
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache, lru_cache

# each round is scored once and joins the development seeds: 1001-1003, 1004-1006 (they decided
# against German name facts), 1007-1009, 1010-1012 and 1013-1015 by 2026-12-05; 1016-1018 are
# frozen: never tune on them
HELDOUT_SEEDS = (1016, 1017, 1018)
DEV_SEEDS = (11, 12, 13, *range(1001, 1016))

CASES = ("base", "rewrite", "boilerplate", "template", "update", "followup", "compilation")
LANGS = ("de", "fr", "en")


@dataclass(frozen=True)
class Article:
    id: str
    story: str
    case: str
    outlet: str
    language: str
    title: str
    body: str
    time: datetime  # tz-aware UTC
    agency: str | None  # agency the copy is signed with (None: unsigned / outlet's own)
    also_story: str | None = None  # compilations: the second agency's story id


# ---------------------------------------------------------------------------------------------
# Source texts
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """An agency item as written (no signature, no dateline)."""

    key: str
    lang: str
    agency: str | None
    place: str | None
    title: str
    paras: tuple[str, ...]
    kicker: str | None = None


def T(key: str, lang: str, agency: str, place: str, title: str, body: str, kicker: str | None = None) -> Text:
    paras = tuple(" ".join(p.split()) for p in body.strip().split("\n\n") if p.strip())
    return Text(key, lang, agency, place, title, paras, kicker)


# ---------------------------------------------------------------------------------------------
# Small text utilities
# ---------------------------------------------------------------------------------------------

_ABBR = {
    "z.B.",
    "u.a.",
    "bzw.",
    "Dr.",
    "Prof.",
    "St.",
    "Nr.",
    "ca.",
    "Mio.",
    "Mrd.",
    "Fr.",
    "Hr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "M.",
    "Mme.",
    "etc.",
    "vs.",
    "Jan.",
    "Feb.",
    "Abs.",
    "Art.",
    "inkl.",
    "evtl.",
    "usw.",
    "Co.",
    "Inc.",
    "Ltd.",
    "No.",
    "U.S.",
    "Gen.",
    "Sen.",
    "Rep.",
    "Gov.",
    "d.h.",
    "v.a.",
    "Std.",
    "Min.",
    "ggf.",
    "sog.",
    "Mt.",
    "p.m.",
    "a.m.",
    "Bd.",
    "av.",
    "env.",
    "cf.",
    "resp.",
}
_SENT_END = re.compile(r"[.!?…]+[\"»“”'’)]*\s+")


def split_sentences(par: str, lang: str = "de") -> list[str]:
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(par):
        nxt = par[m.end() : m.end() + 1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "«„\"“‹(–-'"):
            continue
        tok_m = re.search(r"(\S+)$", par[: m.start() + 1])
        tok = tok_m.group(1) if tok_m else ""
        tok = tok.lstrip('(«„"“')
        if tok in _ABBR or re.fullmatch(r"[A-ZÄÖÜÉ]\.", tok):
            continue
        if lang == "de" and re.fullmatch(r"\d{1,2}\.", tok):
            continue
        piece = par[start : m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    rest = par[start:].strip()
    if rest:
        out.append(rest)
    return out


def join_sentences(sents: list[str]) -> str:
    return " ".join(s for s in sents if s)


def sentence_count(paras: list[str], lang: str) -> int:
    return sum(len(split_sentences(p, lang)) for p in paras)


def truncate_words(s: str, n: int) -> str:
    words = s.split()
    if len(words) <= n:
        return s
    return " ".join(words[:n]).rstrip(",;:")


# ---------------------------------------------------------------------------------------------
# Rewording
# ---------------------------------------------------------------------------------------------

_SYN: dict[str, list[tuple[str, str]]] = {
    "de": [
        ("sagte", "erklärte"),
        ("erklärte", "sagte"),
        ("sagt", "erklärt"),
        ("rund", "etwa"),
        ("etwa", "rund"),
        ("bisher", "bislang"),
        ("bislang", "bisher"),
        ("jedoch", "allerdings"),
        ("allerdings", "jedoch"),
        ("zudem", "außerdem"),
        ("außerdem", "zudem"),
        ("ausserdem", "zudem"),
        ("bereits", "schon"),
        ("schon", "bereits"),
        ("derzeit", "zurzeit"),
        ("zurzeit", "derzeit"),
        ("erneut", "wieder"),
        ("zunächst", "vorerst"),
        ("nun", "jetzt"),
        ("jetzt", "nun"),
        ("mehr als", "über"),
        ("wegen", "aufgrund"),
        ("mitteilte", "bekanntgab"),
        ("mitgeteilt", "bekanntgegeben"),
        ("Menschen", "Personen"),
        ("Personen", "Menschen"),
        ("begann", "startete"),
        ("beginnt", "startet"),
        ("insgesamt", "gesamthaft"),
        ("laut", "gemäß"),
        ("gemäß", "laut"),
        ("gemäss", "laut"),
        ("zahlreiche", "viele"),
        ("viele", "zahlreiche"),
        ("wichtig", "bedeutend"),
        ("gross", "bedeutend"),
        ("groß", "bedeutend"),
        ("schnell", "rasch"),
        ("rasch", "schnell"),
        ("kürzlich", "vor kurzem"),
        ("nach Angaben", "laut Angaben"),
        ("forderte", "verlangte"),
        ("verlangte", "forderte"),
        ("betonte", "unterstrich"),
        ("ebenfalls", "auch"),
        ("deutlich", "klar"),
        ("vergangenen", "letzten"),
        ("letzten", "vergangenen"),
        ("weiterhin", "nach wie vor"),
        ("gleichzeitig", "zugleich"),
        ("zugleich", "gleichzeitig"),
        ("Kinder", "Kinder und Jugendliche"),
        ("Fahrzeug", "Auto"),
        ("Spital", "Krankenhaus"),
        ("Regierung", "Exekutive"),
        ("sowie", "und"),
        ("ungefähr", "etwa"),
        ("knapp", "fast"),
        ("fast", "beinahe"),
        ("künftig", "in Zukunft"),
        ("stark", "massiv"),
    ],
    "fr": [
        ("a déclaré", "a affirmé"),
        ("a affirmé", "a déclaré"),
        ("a indiqué", "a précisé"),
        ("a précisé", "a indiqué"),
        ("a annoncé", "a fait savoir"),
        ("environ", "quelque"),
        ("quelque", "environ"),
        ("selon", "d'après"),
        ("toutefois", "cependant"),
        ("cependant", "toutefois"),
        ("également", "aussi"),
        ("actuellement", "à l'heure actuelle"),
        ("plus de", "au-delà de"),
        ("déjà", "d'ores et déjà"),
        ("près de", "presque"),
        ("ainsi que", "et"),
        ("important", "majeur"),
        ("rapidement", "vite"),
        ("notamment", "en particulier"),
        ("désormais", "dorénavant"),
        ("dorénavant", "désormais"),
        ("a estimé", "juge"),
        ("personnes", "individus"),
        ("mais", "pourtant"),
        ("car", "puisque"),
        ("encore", "toujours"),
        ("entreprise", "société"),
        ("société", "entreprise"),
        ("hôpital", "établissement hospitalier"),
        ("souligné", "relevé"),
        ("grave", "sérieux"),
        ("lors de", "pendant"),
    ],
    "en": [
        ("said", "stated"),
        ("says", "states"),
        ("about", "around"),
        ("around", "about"),
        ("more than", "over"),
        ("however", "though"),
        ("also", "additionally"),
        ("according to", "citing"),
        ("people", "residents"),
        ("announced", "said"),
        ("nearly", "almost"),
        ("almost", "nearly"),
        ("began", "started"),
        ("started", "began"),
        ("because of", "due to"),
        ("due to", "because of"),
        ("help", "assist"),
        ("while", "whereas"),
        ("company", "firm"),
        ("firm", "company"),
        ("officials", "authorities"),
        ("authorities", "officials"),
        ("on Monday", "Monday"),
        ("on Tuesday", "Tuesday"),
        ("on Wednesday", "Wednesday"),
        ("on Thursday", "Thursday"),
        ("on Friday", "Friday"),
        ("on Saturday", "Saturday"),
        ("on Sunday", "Sunday"),
        ("warned", "cautioned"),
        ("large", "big"),
        ("big", "large"),
        ("major", "big"),
        ("rose", "climbed"),
        ("fell", "dropped"),
        ("dropped", "fell"),
        ("increase", "rise"),
        ("expected", "forecast"),
        ("hospital", "medical centre"),
        ("government", "administration"),
        ("residents", "locals"),
        ("quickly", "rapidly"),
        ("recently", "lately"),
        ("several", "a number of"),
        ("many", "numerous"),
        ("before", "prior to"),
        ("after", "following"),
        ("said on", "said"),
    ],
}

_ATTRIB = {
    "de": [", hieß es.", ", wie es hieß.", ", hieß es weiter.", ", heißt es in der Mitteilung."],
    "fr": [", a-t-on appris.", ", selon les informations disponibles.", ", indique le communiqué."],
    "en": [", officials said.", ", according to a statement.", ", it said."],
}
_SPLIT_CONJ = {
    "de": [(", aber ", ". Aber "), (", doch ", ". Doch "), (", wobei ", ". Dabei "), ("; ", ". ")],
    "fr": [
        (", mais ", ". Mais "),
        (", alors que ", ". Pourtant, "),
        ("; ", ". "),
        (", tandis que ", ". En revanche, "),
    ],
    "en": [(", but ", ". But "), (", while ", ". Meanwhile, "), ("; ", ". "), (", and ", ". And ")],
}


def reword(sent: str, lang: str, rng: random.Random, n: int = 1) -> str:
    """Replace up to n words/phrases by near-synonyms (non-overlapping, no chaining)."""
    cands = []
    for a, b in _SYN[lang]:
        for aa, bb in ((a, b), (a[:1].upper() + a[1:], b[:1].upper() + b[1:])):
            for m in re.finditer(r"(?<![\w-])" + re.escape(aa) + r"(?![\w-])", sent):
                cands.append((m.start(), m.end(), bb))
    if not cands:
        return sent
    rng.shuffle(cands)
    chosen: list[tuple[int, int, str]] = []
    for c in cands:
        if len(chosen) >= n:
            break
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    chosen.sort()
    out, pos = [], 0
    for s, e, rep in chosen:
        out.append(sent[pos:s])
        out.append(rep)
        pos = e
    out.append(sent[pos:])
    return "".join(out)


def attribute(sent: str, lang: str, rng: random.Random) -> str:
    if not sent.endswith(".") or any(q in sent for q in '«»„“"') or len(sent) < 40:
        return sent
    return sent[:-1] + rng.choice(_ATTRIB[lang])


def split_long(sent: str, lang: str, rng: random.Random) -> str:
    for a, b in rng.sample(_SPLIT_CONJ[lang], len(_SPLIT_CONJ[lang])):
        i = sent.find(a)
        if 25 < i < len(sent) - 25:
            return sent[:i] + b + sent[i + len(a) :]
    return sent


def heavy_sentence_edit(sent: str, lang: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        new = reword(sent, lang, rng, n=rng.randint(1, 3))
    elif r < 0.75:
        new = split_long(sent, lang, rng)
    else:
        new = attribute(sent, lang, rng)
    if new == sent:
        new = reword(sent, lang, rng, n=2)
    return new


def format_numbers(text: str, lang: str, rng: random.Random) -> str:
    if lang == "de":
        text = re.sub(r"(\d) Prozent", r"\1" + rng.choice([" %", "%"]), text)
        text = text.replace(" Millionen", " Mio.").replace(" Milliarden", " Mrd.")
    elif lang == "fr":
        text = re.sub(r"(\d) ?%", r"\1 pour cent" if rng.random() < 0.5 else r"\1 %", text)
        text = text.replace(" millions", " mio").replace(" milliards", " mrd")
    else:
        text = re.sub(r"(\d) percent", r"\1%", text)
        text = re.sub(r"(\d)% ", r"\1 percent ", text) if rng.random() < 0.3 else text
        text = text.replace(" million", " mln") if rng.random() < 0.4 else text
    return text


def inject_typos(paras: list[str], rng: random.Random, n: int) -> list[str]:
    paras = list(paras)
    for _ in range(n):
        i = rng.randrange(1, len(paras)) if len(paras) > 1 else 0
        words = list(re.finditer(r"\b[^\W\d_]{7,}\b", paras[i]))
        if not words:
            continue
        m = rng.choice(words)
        w = m.group(0)
        k = rng.randrange(2, len(w) - 2)
        if rng.random() < 0.5:
            typo = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
        else:
            typo = w[:k] + w[k] + w[k:]
        paras[i] = paras[i][: m.start()] + typo + paras[i][m.end() :]
    return paras


def swiss_orthography(text: str) -> str:
    return text.replace("ß", "ss")


def convert_quotes(text: str, lang: str, style: str) -> str:
    """style: 'de' („“), 'ch' («»), 'plain' (""), 'fr' (« »), 'en' (“”)."""
    opens, closes = {
        "de": ("„", "“"),
        "ch": ("«", "»"),
        "plain": ('"', '"'),
        "fr": ("« ", " »"),
        "en": ("“", "”"),
    }[style]
    if lang == "fr":
        text = re.sub(r"«\s*", "\x01", text)
        text = re.sub(r"\s*»", "\x02", text)
    elif lang == "de":
        text = re.sub(r"»([^«»\n]{0,600}?)«", "\x01\\1\x02", text)  # »German« guillemets
        text = text.replace("„", "\x01").replace("“", "\x02").replace("«", "\x01").replace("»", "\x02")
    else:
        text = text.replace("“", "\x01").replace("”", "\x02")
    # straight quotes: alternate open/close
    out, open_ = [], True
    for ch in text:
        if ch == '"':
            out.append("\x01" if open_ else "\x02")
            open_ = not open_
        else:
            if ch == "\n":
                open_ = True
            out.append(ch)
    text = "".join(out)
    return text.replace("\x01", opens).replace("\x02", closes)


def reflow(paras: list[str], lang: str, rng: random.Random) -> list[str]:
    """Merge two paragraphs or split one at a sentence boundary."""
    paras = list(paras)
    if len(paras) >= 3 and rng.random() < 0.5:
        i = rng.randrange(1, len(paras) - 1)
        paras[i : i + 2] = [paras[i] + " " + paras[i + 1]]
        return paras
    cands = [i for i, p in enumerate(paras) if len(split_sentences(p, lang)) >= 2]
    if not cands:
        return paras
    i = rng.choice(cands)
    sents = split_sentences(paras[i], lang)
    k = rng.randrange(1, len(sents))
    paras[i : i + 1] = [join_sentences(sents[:k]), join_sentences(sents[k:])]
    return paras


def drop_sentence(paras: list[str], lang: str, rng: random.Random) -> list[str]:
    paras = list(paras)
    cands = [
        (i, j)
        for i, p in enumerate(paras)
        if i > 0
        for j in range(len(split_sentences(p, lang)))
        if len(split_sentences(p, lang)) >= 2
    ]
    if not cands:
        return paras
    i, j = rng.choice(cands)
    sents = split_sentences(paras[i], lang)
    del sents[j]
    paras[i] = join_sentences(sents)
    return paras


def cut_end(paras: list[str], rng: random.Random) -> list[str]:
    n = len(paras)
    if n <= 2:
        return list(paras)
    keep = rng.randint(max(2, math.ceil(n / 2)), n - 1)
    return list(paras[:keep])


def reword_lead(paras: list[str], lang: str, rng: random.Random, heavy: bool = False) -> list[str]:
    paras = list(paras)
    sents = split_sentences(paras[0], lang)
    if not sents:
        return paras
    first = sents[0]
    new = reword(first, lang, rng, n=3 if heavy else rng.randint(1, 2))
    if heavy:
        new = split_long(new, lang, rng) if rng.random() < 0.4 else new
        if len(sents) > 1:
            sents[1] = reword(sents[1], lang, rng, n=2)
    if new == first:
        new = attribute(first, lang, rng)
    sents[0] = new
    paras[0] = join_sentences(sents)
    return paras


def quoted_flags(sents: list[str]) -> list[bool]:
    """True for sentences that are (partly) inside a quotation."""
    flags, inside = [], False
    for s in sents:
        flags.append(inside or any(c in s for c in '„“”«»"'))
        for c in s:
            if c in "„«" or (c in '“"' and not inside):
                inside = True
            elif c in '“»”"' and inside:
                inside = False
    return flags


def heavy_rewrite(paras: list[str], lang: str, rng: random.Random) -> list[str]:
    """Several sentences reworded, paragraphs reordered, something dropped."""
    paras = reword_lead(paras, lang, rng, heavy=True)
    out = [paras[0]]
    for p in paras[1:]:
        sents = split_sentences(p, lang)
        q = quoted_flags(sents)
        sents = [
            (reword(s, lang, rng, 2) if q[i] else heavy_sentence_edit(s, lang, rng))
            if rng.random() < 0.6
            else s
            for i, s in enumerate(sents)
        ]
        free = [i for i in range(len(sents) - 1) if not q[i] and not q[i + 1]]
        if free and rng.random() < 0.3:
            i = rng.choice(free)
            sents[i], sents[i + 1] = sents[i + 1], sents[i]
        out.append(join_sentences(sents))
    rest = out[1:]
    if len(rest) >= 2:
        r = rng.random()
        if r < 0.4:
            rest.insert(0, rest.pop())  # last paragraph moved up
        elif r < 0.75:
            rng.shuffle(rest)
        else:
            i = rng.randrange(len(rest) - 1)
            rest[i], rest[i + 1] = rest[i + 1], rest[i]
    out = [out[0]] + rest
    if rng.random() < 0.6:
        out = drop_sentence(out, lang, rng)
    if len(out) > 3 and rng.random() < 0.35:
        out = out[:-1]
    if rng.random() < 0.3:
        out = reflow(out, lang, rng)
    return out


# ---------------------------------------------------------------------------------------------
# Agencies and signatures
# ---------------------------------------------------------------------------------------------

AGENCY_FEED = {
    ("dpa", "de"): "dpa Nachrichten",
    ("SDA", "de"): "Keystone-SDA Newsfeed",
    ("APA", "de"): "APA Nachrichten",
    ("AFP", "de"): "AFP Deutsch",
    ("Reuters", "de"): "Reuters Deutschland",
    ("ATS", "fr"): "Keystone-ATS",
    ("AFP", "fr"): "AFP Français",
    ("Reuters", "fr"): "Reuters France",
    ("Belga", "fr"): "Belga News",
    ("Reuters", "en"): "Reuters",
    ("AP", "en"): "AP News",
    ("AFP", "en"): "AFP English",
    ("PA", "en"): "PA Media",
}

_PREFIX_FORMS = {
    "dpa": ["{place} (dpa) - ", "{place} (dpa) – ", "{PLACE} (dpa). "],
    "SDA": ["{place} (sda) - ", "{place} – (SDA) "],
    "APA": ["{place} (APA) - ", "{place} (APA). "],
    "AFP": ["{place} (AFP) - ", "{place} (AFP) – ", "{PLACE} (AFP) - "],
    "Reuters": ["{place} (Reuters) - ", "{rdate} (Reuters) - "],
    "AP": ["{PLACE} (AP) — ", "{PLACE} (AP) - "],
    "PA": [],
    "ATS": ["{place} (ATS) - ", "{place} – (ATS) "],
    "Belga": ["{place} (Belga) - "],
}
_TRAILER_FORMS = {
    ("dpa", "de"): ["(dpa)", "dpa", "dpa/{reg}", "© dpa-infocom, dpa:{code}", "Quelle: dpa", "(dpa/{reg})"],
    ("SDA", "de"): [
        "(sda)",
        "(SDA)",
        "sda/{ini}",
        "Keystone-SDA",
        "(sda/{ini})",
        "SDA",
        "Text: Keystone-SDA",
    ],
    ("APA", "de"): ["(APA)", "apa", "APA/red", "(APA/red)"],
    ("AFP", "de"): ["(AFP)", "afp", "AFP/{ini}"],
    ("Reuters", "de"): ["(Reuters)", "Reuters", "(Bericht von {n1}, redigiert von {n2})"],
    ("ATS", "fr"): ["(ATS)", "/ATS", "ats/{ini}", "Keystone-ATS", "(ats/{ini})", "ATS"],
    ("AFP", "fr"): ["(AFP)", "AFP", "afp/{ini}", "Avec AFP", "© Agence France-Presse"],
    ("Reuters", "fr"): ["(Reuters)", "(Rédigé par {n1}, édité par {n2})", "Reuters"],
    ("Belga", "fr"): ["(Belga)", "Belga", "BELGA"],
    ("Reuters", "en"): ["(Reporting by {n1}; Editing by {n2})", "(Reuters)", "Reuters"],
    ("AP", "en"): ["Associated Press", "(AP)", "Associated Press writer {n1} contributed to this report."],
    ("AFP", "en"): ["(AFP)", "AFP", "Agence France-Presse"],
    ("PA", "en"): ["(PA)", "PA Media", "– PA", "Press Association"],
}
_AGENCY_TOKEN = {
    "dpa": r"\bdpa\b",
    "SDA": r"\b(sda|SDA)\b",
    "APA": r"\b(APA|apa)\b",
    "AFP": r"\b(AFP|afp)\b|Agence France",
    "Reuters": r"Reuters",
    "AP": r"\(AP\)|Associated Press",
    "PA": r"\bPA\b|Press Association",
    "ATS": r"\b(ATS|ats)\b",
    "Belga": r"Belga|BELGA",
}
_COMP_SIG = {
    "de": ["({a}/{b})", "{a}/{b}", "Mit Material von {A} und {B}", "({a}/{b}/{ini})"],
    "fr": ["({A}/{B})", "{a}/{b}", "Avec {A} et {B}", "({a}/{b}/{ini})"],
    "en": ["({A}/{B})", "With reporting by {A} and {B}", "{A}/{B}"],
}

MONTHS = {
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
WEEKDAYS = {
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
NAMES = [
    "Anna Keller",
    "Marc Dubois",
    "Peter Lindner",
    "Sarah Moor",
    "Luca Bernasconi",
    "Jean-Pierre Morel",
    "Tom Harris",
    "Emily Clarke",
    "Jonas Weber",
    "Claire Fontaine",
    "David Ross",
    "Nina Hofer",
    "Paul Meier",
    "Julia Brandt",
    "Karim Benali",
    "Sophie Marchand",
    "Liam O'Connor",
    "Hannah Fischer",
    "Marco Rossi",
    "Elena Petrova",
    "James Whitaker",
    "Laura Gerber",
    "Simon Favre",
    "Mia Schneider",
]


@dataclass
class Sig:
    prefix: str | None = None
    trailer: str | None = None
    inline: bool = False


def _fill(fmt: str, place: str | None, when: datetime, lang: str, rng: random.Random, agency: str) -> str:
    place = place or ""
    if lang == "en":
        rdate = f"{place.upper()}, {MONTHS['en'][when.month - 1]} {when.day}"
    elif lang == "fr":
        rdate = f"{place}, {when.day} {MONTHS['fr'][when.month - 1]}"
    else:
        rdate = f"{place}, {when.day}. {MONTHS['de'][when.month - 1]}"
    n1, n2 = rng.sample(NAMES, 2)
    return fmt.format(
        place=place,
        PLACE=place.upper(),
        rdate=rdate,
        reg=rng.choice(["lby", "lsw", "lno", "lni", "bb", "sm"]),
        code=f"{when:%y%m%d}-99-{rng.randint(100000, 999999)}/{rng.randint(2, 6)}",
        ini=rng.choice(["kes", "fr", "vj", "ra", "lb", "jm", "ms", "pb", "hn"]),
        n1=n1,
        n2=n2,
    )


def canonical_sig(
    agency: str | None, lang: str, place: str | None, when: datetime, rng: random.Random
) -> Sig:
    if agency is None:
        return Sig()
    prefixes = _PREFIX_FORMS[agency]
    trailers = _TRAILER_FORMS[(agency, lang)]
    if agency in ("dpa", "APA", "AP") or (agency in ("AFP", "Reuters") and place):
        p = (
            prefixes[0]
            if agency != "Reuters"
            else ("{rdate} (Reuters) - " if lang in ("en", "fr") else prefixes[0])
        )
        if agency == "AFP" and lang == "en":
            p = "{PLACE} (AFP) - "
        if not place:
            return Sig(None, _fill(trailers[0], place, when, lang, rng, agency), True)
        tr = (
            _fill(trailers[0], place, when, lang, rng, agency)
            if agency == "Reuters" and lang != "de"
            else None
        )
        return Sig(_fill(p, place, when, lang, rng, agency), tr, False)
    t = rng.choice(trailers[:3])
    return Sig(None, _fill(t, place, when, lang, rng, agency), t.startswith("("))


def variant_sig(
    canon: Sig, agency: str | None, lang: str, place: str | None, when: datetime, rng: random.Random
) -> Sig:
    """A copy's signature: kept, reformatted, moved, or dropped."""
    if agency is None:
        return Sig(canon.prefix, canon.trailer, canon.inline)
    r = rng.random()
    if r < 0.35:
        return Sig(canon.prefix, canon.trailer, canon.inline)
    if r < 0.45:
        return Sig()  # signature dropped
    trailers = _TRAILER_FORMS[(agency, lang)]
    prefixes = _PREFIX_FORMS[agency]
    t = rng.choice(trailers)
    trailer = _fill(t, place, when, lang, rng, agency)
    inline = t.startswith("(") and rng.random() < 0.6 or t.startswith("/")
    if r < 0.75 or not prefixes or not place:
        prefix = None
        if canon.prefix and rng.random() < 0.3:
            prefix = (place.upper() + " – ") if place else None  # agency name removed from dateline
        return Sig(prefix, trailer, inline)
    prefix = _fill(rng.choice(prefixes), place, when, lang, rng, agency)
    return Sig(prefix, trailer if rng.random() < 0.3 else None, inline)


def sig_shows(sig: Sig, agency: str | None) -> bool:
    if agency is None:
        return False
    txt = (sig.prefix or "") + " " + (sig.trailer or "")
    return re.search(_AGENCY_TOKEN[agency], txt) is not None


# ---------------------------------------------------------------------------------------------
# Outlets and boilerplate
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    name: str
    lang: str
    region: str
    top: tuple[str, ...] = ()
    bottom: tuple[str, ...] = ()
    swiss: bool = False
    quotes: str | None = None
    long: bool = False


_OUTLET_SPECS = {
    "de": [
        ("Aargauer Abendblatt", "ch"),
        ("Berner Tagespost", "ch"),
        ("Luzerner Rundschau", "ch"),
        ("Ostschweizer Nachrichten", "ch"),
        ("Basler Bote", "ch"),
        ("Limmattaler Kurier", "ch"),
        ("Bündner Post", "ch"),
        ("Rheinischer Anzeiger", "de"),
        ("Hamburger Morgenblatt", "de"),
        ("Münchner Abendkurier", "de"),
        ("Leipziger Tagesecho", "de"),
        ("Nordsee-Kurier", "de"),
        ("Schwäbischer Bote Online", "de"),
        ("Kasseler Landeszeitung", "de"),
        ("Wiener Abendzeitung", "at"),
        ("Salzburger Landesbote", "at"),
        ("Tiroler Tagespost", "at"),
    ],
    "fr": [
        ("Le Courrier lémanique", "ch"),
        ("La Tribune de la Broye", "ch"),
        ("L'Écho du Valais", "ch"),
        ("Journal du Nord vaudois", "ch"),
        ("Le Matin jurassien", "ch"),
        ("Radio Fribourg Info", "ch"),
        ("Le Petit Neuchâtelois", "ch"),
        ("Ouest Littoral", "fr"),
        ("La Dépêche alpine", "fr"),
        ("Le Messager lorrain", "fr"),
        ("Midi Actu", "fr"),
        ("Paris Soir en ligne", "fr"),
        ("Le Soir de Wallonie", "be"),
        ("Bruxelles Info", "be"),
    ],
    "en": [
        ("The Harbour Courier", "uk"),
        ("Midland Evening Post", "uk"),
        ("The Northshire Gazette", "uk"),
        ("Coastline Times", "uk"),
        ("The Westbrook Standard", "uk"),
        ("Leinster Daily", "ie"),
        ("Capital Wire Daily", "us"),
        ("The Riverside Chronicle", "us"),
        ("The Valley Observer", "us"),
        ("Metro Morning News", "us"),
        ("Lakeside Herald", "us"),
        ("Prairie Sentinel", "us"),
        ("Southern Cross Times", "au"),
    ],
}

_TOP = {
    "de": [
        "Foto: {credit}",
        "Bild: {credit}",
        "Symbolbild: {credit}",
        "Lesezeit: {minutes} Min.",
        "Anzeige",
        "Exklusiv für Abonnentinnen und Abonnenten",
        "Aktualisiert vor {minutes} Minuten",
    ],
    "fr": [
        "Photo: {credit}",
        "Photo d'illustration: {credit}",
        "Temps de lecture: {minutes} min",
        "Publicité",
        "Article réservé aux abonnés",
        "Mis à jour il y a {minutes} minutes",
    ],
    "en": [
        "Photo: {credit}",
        "Image: {credit}",
        "File photo: {credit}",
        "{minutes} min read",
        "Advertisement",
        "Subscriber exclusive",
        "Updated {minutes} minutes ago",
    ],
}
_BOTTOM = {
    "de": [
        "Lesen Sie auch: {other}",
        "Mehr zum Thema: {other}",
        "Das könnte Sie auch interessieren: {other}",
        "Jetzt abonnieren: Lesen Sie alle Artikel auf {host} für nur {price} im ersten Monat.",
        "Sie möchten keine Nachrichten mehr verpassen? Abonnieren Sie unseren Newsletter – kostenlos und jederzeit kündbar.",
        "Haben Sie einen Fehler entdeckt? Melden Sie ihn uns.",
        "© {outlet} {year}. Alle Rechte vorbehalten.",
        "Folgen Sie {outlet} auf WhatsApp, Instagram und Facebook.",
        "Teilen: Facebook | X | WhatsApp | E-Mail",
        "Dieser Artikel wurde automatisch aus dem Agenturfeed übernommen und nicht redaktionell bearbeitet.",
        "Kommentare (0) – Jetzt anmelden und mitdiskutieren.",
    ],
    "fr": [
        "À lire aussi: {other}",
        "Lire aussi: {other}",
        "Sur le même sujet: {other}",
        "Abonnez-vous dès {price} le premier mois pour lire tous nos articles sur {host}.",
        "Recevez chaque matin l'essentiel de l'actualité avec notre newsletter gratuite.",
        "Vous avez repéré une erreur? Signalez-la à la rédaction.",
        "© {outlet} {year}. Tous droits réservés.",
        "Partager: Facebook | X | WhatsApp | E-mail",
        "Cet article a été publié automatiquement à partir d'une dépêche d'agence.",
        "Suivez {outlet} sur Instagram et WhatsApp.",
        "Commentaires (0) – Connectez-vous pour réagir.",
    ],
    "en": [
        "Read more: {other}",
        "Related: {other}",
        "You may also like: {other}",
        "Subscribe for unlimited access to {host} – your first month is {price}.",
        "Sign up to our daily newsletter for the latest headlines, delivered every morning.",
        "Spotted a mistake? Let our newsroom know.",
        "© {year} {outlet}. All rights reserved.",
        "Share: Facebook | X | WhatsApp | Email",
        "This story was automatically published from a wire service feed and has not been edited by our staff.",
        "Follow {outlet} on Instagram and WhatsApp.",
        "Comments (0) – Log in to join the conversation.",
    ],
}
_CREDITS = {
    "de": [
        "Keystone/{ph}",
        "dpa/{ph}",
        "imago images/{ph}",
        "APA/{ph}",
        "Keystone",
        "zvg",
    ],
    "fr": ["Keystone/{ph}", "AFP/{ph}", "Keystone/Archives", "DR", "Keystone/ATS"],
    "en": ["Reuters/{ph}", "AP Photo/{ph}", "PA Wire/{ph}", "Getty Images", "AFP via Getty Images"],
}
_SUBHEADS = {
    "de": [
        "Ursache noch unklar",
        "Wie geht es weiter?",
        "Reaktionen",
        "Hintergrund",
        "Kritik",
        "Die Zahlen",
        "Nächste Schritte",
        "Was bisher bekannt ist",
    ],
    "fr": ["Contexte", "Réactions", "Et maintenant?", "Les chiffres", "Critiques", "Ce que l'on sait"],
    "en": ["Background", "What's next", "Reaction", "The numbers", "Criticism", "What we know"],
}


def _host(name: str) -> str:
    s = name.lower()
    for a, b in (
        ("ä", "ae"),
        ("ö", "oe"),
        ("ü", "ue"),
        ("é", "e"),
        ("è", "e"),
        ("â", "a"),
        ("ô", "o"),
        ("'", ""),
        ("é", "e"),
        ("ç", "c"),
    ):
        s = s.replace(a, b)
    s = re.sub(r"^(the|le|la|l)\s+", "", s)
    return re.sub(r"[^a-z0-9]+", "", s)[:24] + {
        "ch": ".ch",
        "de": ".de",
        "at": ".at",
        "fr": ".fr",
        "be": ".be",
        "uk": ".co.uk",
        "ie": ".ie",
        "us": ".com",
        "au": ".com.au",
    }.get(_region_of(name), ".com")


def _region_of(name: str) -> str:
    for specs in _OUTLET_SPECS.values():
        for n, reg in specs:
            if n == name:
                return reg
    for specs in _LONG_SPECS.values():
        for n, reg, _, _ in specs:
            if n == name:
                return reg
    return "us"


@cache
def outlets(lang: str) -> tuple[Outlet, ...]:
    out = []
    for name, region in _OUTLET_SPECS[lang]:
        r = random.Random("outlet:" + name)  # stable across seeds: an outlet keeps its boilerplate
        top = tuple(r.sample(_TOP[lang], r.choice([0, 1, 1, 2])))
        if sum("{credit}" in x for x in top) > 1:  # one photo credit line at most
            top = top[:1]
        bottom_pool = _BOTTOM[lang]
        related = [b for b in bottom_pool[:3]]
        others = bottom_pool[3:]
        bottom = tuple(([r.choice(related)] if r.random() < 0.7 else []) + r.sample(others, r.randint(1, 4)))
        if lang == "de":
            quotes = "ch" if region == "ch" else r.choice(["de", "de", "plain"])
        elif lang == "fr":
            quotes = r.choice(["fr", "fr", "plain"])
        else:
            quotes = r.choice(["en", "plain"])
        out.append(
            Outlet(name, lang, region, top, bottom, swiss=(region == "ch" and lang == "de"), quotes=quotes)
        )
    return tuple(out)


_LONG_SPECS = {
    "de": [
        (
            "Regio-News Mittelland",
            "ch",
            [
                "Regio-News Mittelland – Ihre Nachrichten aus Aarau, Olten, Solothurn und der ganzen Region. Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren, Werbung auf Sie zuzuschneiden und die Nutzung unserer Website zu analysieren. Mit einem Klick auf «Akzeptieren» stimmen Sie der Verarbeitung zu. Details und Widerrufsmöglichkeiten finden Sie in unserer Datenschutzerklärung.",
                "Regionalnachrichten | Polizeimeldungen | Sport | Agenda | Immobilien | Stellen",
            ],
            [
                "Sie möchten keine Nachricht aus Ihrer Region verpassen? Abonnieren Sie unseren kostenlosen Newsletter und erhalten Sie jeden Morgen um 6 Uhr die wichtigsten Meldungen aus dem Mittelland direkt in Ihr Postfach. Die Abmeldung ist jederzeit mit einem Klick möglich.",
                "Haben Sie etwas beobachtet? Schicken Sie uns Ihre Fotos und Videos per WhatsApp an 079 555 01 23 oder per E-Mail an leserreporter@regionews-mittelland.ch. Für veröffentlichte Leserreporter-Beiträge zahlen wir bis zu 50 Franken.",
                "Kommentarregeln: Wir freuen uns über sachliche Beiträge. Beleidigende, rassistische oder werbliche Kommentare werden gelöscht. Die Redaktion behält sich vor, Kommentare ohne Angabe von Gründen nicht zu veröffentlichen.",
                "© Regio-News Mittelland AG. Alle Rechte vorbehalten. Eine Weiterverwendung der Inhalte ist nur mit ausdrücklicher Genehmigung der Redaktion gestattet. Impressum | Datenschutz | AGB | Werbung | Kontakt",
            ],
        ),
        (
            "Stadtportal Oberrhein",
            "de",
            [
                "Stadtportal Oberrhein – Nachrichten aus Freiburg, Offenburg, Lahr und dem Ortenaukreis. Diese Website nutzt Cookies. Einige sind notwendig für den Betrieb der Seite, andere helfen uns, unser Angebot zu verbessern und Ihnen personalisierte Werbung anzuzeigen. Sie können Ihre Einwilligung jederzeit in den Einstellungen widerrufen.",
                "Startseite > Lokales > Kurz gemeldet",
            ],
            [
                "Unterstützen Sie unabhängigen Lokaljournalismus: Mit einem Digitalabo für 7,99 Euro im Monat lesen Sie alle Artikel ohne Werbung, erhalten die E-Paper-Ausgabe bereits am Vorabend und können unsere App auf bis zu drei Geräten nutzen. Jetzt vier Wochen gratis testen.",
                "Sie haben einen Hinweis für unsere Redaktion? Schreiben Sie uns an redaktion@stadtportal-oberrhein.de oder rufen Sie uns an unter 0761 555 4433. Wir behandeln Ihre Hinweise auf Wunsch vertraulich.",
                "Termine, Veranstaltungen und Baustellen in Ihrer Stadt finden Sie jederzeit in unserem Veranstaltungskalender und in der Verkehrsübersicht. Laden Sie jetzt die kostenlose Stadtportal-App für iOS und Android herunter und aktivieren Sie die Push-Mitteilungen.",
                "© Stadtportal Oberrhein GmbH & Co. KG. Alle Rechte vorbehalten. Impressum | Datenschutz | Cookie-Einstellungen | Mediadaten | Barrierefreiheit",
            ],
        ),
    ],
    "fr": [
        (
            "Info-Région Chablais",
            "ch",
            [
                "Info-Région Chablais – L'actualité de Monthey, Aigle, Saint-Maurice et de toute la région. Ce site utilise des cookies et des technologies similaires afin de personnaliser les contenus, d'adapter la publicité et d'analyser l'utilisation de nos services. En cliquant sur «Accepter», vous consentez à ce traitement. Vous pouvez modifier vos choix à tout moment dans nos paramètres de confidentialité.",
                "Actualité | Faits divers | Sport | Agenda | Annonces | Emploi",
            ],
            [
                "Ne manquez plus aucune information de votre région: inscrivez-vous à notre newsletter gratuite et recevez chaque matin à 6 heures l'essentiel de l'actualité du Chablais directement dans votre boîte mail. Désinscription possible en un clic.",
                "Vous avez été témoin d'un événement? Envoyez-nous vos photos et vidéos par WhatsApp au 079 555 44 22 ou par courriel à redaction@inforegion-chablais.ch. Les contributions publiées sont rémunérées jusqu'à 50 francs.",
                "Charte des commentaires: nous publions volontiers les contributions constructives. Les propos injurieux, racistes ou publicitaires seront supprimés. La rédaction se réserve le droit de ne pas publier un commentaire sans justification.",
                "© Info-Région Chablais SA. Tous droits réservés. Toute reproduction est interdite sans l'accord écrit de la rédaction. Mentions légales | Protection des données | CGU | Publicité | Contact",
            ],
        ),
        (
            "Actu Côte d'Opale",
            "fr",
            [
                "Actu Côte d'Opale – Toute l'actualité de Boulogne-sur-Mer, Calais, Dunkerque et du littoral. Avec votre accord, nous et nos partenaires utilisons des cookies pour stocker et accéder à des informations sur votre appareil, mesurer l'audience et afficher des publicités personnalisées. Vous pouvez retirer votre consentement à tout moment.",
                "Accueil > Faits divers > En bref",
            ],
            [
                "Soutenez l'information locale indépendante: abonnez-vous pour 1 € le premier mois, puis 7,99 € par mois sans engagement. Accédez à tous nos articles sans publicité, au journal numérique dès 5 heures et à nos newsletters thématiques.",
                "Une info, une photo, une vidéo? Contactez la rédaction à redaction@actu-cotedopale.fr ou au 03 21 55 44 33. Vos informations sont traitées de manière confidentielle si vous le souhaitez.",
                "Retrouvez l'agenda des sorties, les horaires des marées et l'état du trafic sur notre application gratuite, disponible sur iOS et Android. Activez les notifications pour être alerté des dernières informations.",
                "© Actu Côte d'Opale. Tous droits réservés. Mentions légales | Données personnelles | Gestion des cookies | Publicité | Accessibilité",
            ],
        ),
    ],
    "en": [
        (
            "Community Hub News",
            "uk",
            [
                'Community Hub News – Local news for Harrowgate, Kirkby Vale and the surrounding villages. We use cookies and similar technologies to personalise content, tailor advertising and analyse how our site is used. By clicking "Accept all" you agree to this processing. You can change your preferences at any time in our privacy settings.',
                "News | Crime | Sport | What's On | Property | Jobs | Announcements",
            ],
            [
                "Never miss a story from your area: sign up to our free newsletter and get the day's top local headlines in your inbox every morning at 6am. You can unsubscribe at any time with a single click.",
                "Did you see something happen? Send us your photos and videos on WhatsApp to 07700 900123 or by email to newsdesk@communityhubnews.co.uk. We pay up to £50 for reader pictures that we publish.",
                "Comment rules: we welcome constructive contributions. Abusive, racist or promotional comments will be removed, and we reserve the right not to publish comments without giving a reason.",
                "© Community Hub News Ltd. All rights reserved. No part of this site may be reproduced without written permission. About us | Privacy | Terms | Advertise | Contact",
            ],
        ),
        (
            "Borough Online",
            "us",
            [
                "Borough Online – News from Millbrook, East Haven and across Cedar County. This website uses cookies. Some are essential for the site to work, others help us improve our service and show you relevant advertising. You can withdraw your consent at any time in Cookie Settings.",
                "Home > Local > Briefs",
            ],
            [
                "Support independent local journalism: subscribe for $1 for the first month, then $9.99 a month, cancel anytime. Subscribers get ad-free access to every story, the digital edition the night before and our app on up to three devices.",
                "Got a news tip? Email our newsroom at tips@boroughonline.com or call (555) 014-3322. We can keep your information confidential if you ask us to.",
                "Find events, road closures and school announcements in our community calendar, and download the free Borough Online app for iOS and Android to receive breaking news alerts.",
                "© Borough Online Media LLC. All rights reserved. Terms of Use | Privacy Policy | Cookie Settings | Advertise | Accessibility",
            ],
        ),
    ],
}


@cache
def long_outlets(lang: str) -> tuple[Outlet, ...]:
    return tuple(
        Outlet(
            n,
            lang,
            reg,
            tuple(top),
            tuple(bottom),
            swiss=(reg == "ch" and lang == "de"),
            quotes=None,
            long=True,
        )
        for n, reg, top, bottom in _LONG_SPECS[lang]
    )


def feed_outlet(agency: str | None, lang: str) -> Outlet:
    name = AGENCY_FEED.get((agency, lang)) if agency else None
    return Outlet(name or "Wire desk", lang, "wire")


_PRICE = {
    "ch": "1 Franken",
    "de": "0,99 Euro",
    "at": "0,99 Euro",
    "fr": "1 €",
    "be": "1 €",
    "uk": "£1",
    "ie": "€1",
    "us": "$1",
    "au": "A$1",
}
_PRICE_FR_CH = "1 franc"


def boilerplate(
    outlet: Outlet, rng: random.Random, other_titles: list[str], when: datetime
) -> tuple[list[str], list[str]]:
    if outlet.region == "wire":
        return [], []
    if outlet.long:
        return list(outlet.top), list(outlet.bottom)
    lang = outlet.lang

    def fill(s: str) -> str:
        ph = rng.choice(NAMES)
        price = _PRICE_FR_CH if (lang == "fr" and outlet.region == "ch") else _PRICE[outlet.region]
        return s.format(
            credit=rng.choice(_CREDITS[lang]).format(ph=ph),
            minutes=rng.randint(2, 6),
            other=rng.choice(other_titles) if other_titles else "",
            host=_host(outlet.name),
            outlet=outlet.name,
            year=when.year,
            price=price,
        )

    top = [fill(s) for s in outlet.top if rng.random() < 0.9]
    bottom = [fill(s) for s in outlet.bottom if rng.random() < 0.9]
    return top, bottom


# ---------------------------------------------------------------------------------------------
# Places for datelines
# ---------------------------------------------------------------------------------------------

PLACES = {
    "ch-de": ["Bern", "Zürich", "Basel", "Luzern", "St. Gallen", "Chur", "Aarau", "Winterthur", "Solothurn"],
    "de": [
        "Berlin",
        "Hamburg",
        "München",
        "Frankfurt/Main",
        "Köln",
        "Stuttgart",
        "Hannover",
        "Leipzig",
        "Dresden",
    ],
    "at": ["Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt"],
    "ch-fr": ["Genève", "Lausanne", "Berne", "Sion", "Fribourg", "Neuchâtel", "Delémont"],
    "fr": ["Paris", "Lyon", "Marseille", "Bordeaux", "Lille", "Nantes", "Strasbourg", "Toulouse"],
    "be": ["Bruxelles", "Liège", "Namur", "Charleroi"],
    "en": ["London", "Washington", "New York", "Sydney", "Dublin", "Chicago", "Manchester", "Toronto"],
}
_AGENCY_PLACES = {
    ("dpa", "de"): "de",
    ("SDA", "de"): "ch-de",
    ("APA", "de"): "at",
    ("AFP", "de"): "de",
    ("Reuters", "de"): "de",
    ("ATS", "fr"): "ch-fr",
    ("AFP", "fr"): "fr",
    ("Reuters", "fr"): "fr",
    ("Belga", "fr"): "be",
}
_AGENCY_REGIONS = {
    ("dpa", "de"): ("de", "at", "ch"),
    ("SDA", "de"): ("ch",),
    ("APA", "de"): ("at", "de"),
    ("AFP", "de"): ("de", "ch", "at"),
    ("Reuters", "de"): ("de", "ch"),
    ("ATS", "fr"): ("ch",),
    ("AFP", "fr"): ("fr", "ch", "be"),
    ("Reuters", "fr"): ("fr", "be"),
    ("Belga", "fr"): ("be", "fr"),
}
_AGENCY_CHOICES = {
    "de": ["dpa", "dpa", "SDA", "SDA", "APA", "AFP", "Reuters"],
    "fr": ["AFP", "AFP", "ATS", "ATS", "Belga", "Reuters"],
    "en": ["Reuters", "Reuters", "AP", "AP", "AFP", "PA"],
}

STOCK_SENTENCES = {
    "de": [
        "Am {wd}abend bestätigte ein Sprecher die Angaben.",
        "Ein Sprecher bestätigte die Angaben am {wd}abend auf Anfrage.",
        "Die Angaben wurden am {wd}abend von offizieller Seite bestätigt.",
    ],
    "fr": [
        "Un porte-parole a confirmé l'information {wd} soir.",
        "L'information a été confirmée {wd} soir par un porte-parole.",
        "Les autorités ont confirmé ces éléments {wd} soir.",
    ],
    "en": [
        "Officials confirmed the details to Reuters.",
        "A spokesperson confirmed the information on {wd} evening.",
        "Officials confirmed the details on {wd} evening.",
    ],
}
UPDATE_EXTRA = {
    "de": [
        "Die Hintergründe waren zunächst unklar.",
        "Weitere Informationen sollen im Laufe des Tages folgen.",
        "Eine offizielle Stellungnahme wurde für den Nachmittag angekündigt.",
    ],
    "fr": [
        "Les circonstances restaient floues dans l'immédiat.",
        "De plus amples informations sont attendues dans la journée.",
        "Une déclaration officielle est annoncée pour l'après-midi.",
    ],
    "en": [
        "The circumstances were not immediately clear.",
        "Further details were expected later in the day.",
        "An official statement was expected in the afternoon.",
    ],
}


# ---------------------------------------------------------------------------------------------
# Generator
# ---------------------------------------------------------------------------------------------


@dataclass
class Wire:
    story: str
    case: str
    lang: str
    agency: str | None
    place: str | None
    title: str
    paras: list[str]  # clean text
    published: list[str]  # as the agency sent it (may carry typos that copies fix)
    kicker: str | None
    sig: Sig
    time: datetime
    regions: tuple[str, ...] = ()
    used: set = field(default_factory=set)


def render(paras: list[str], sig: Sig, top: list[str], bottom: list[str]) -> str:
    body = list(paras)
    if sig.prefix:
        body[0] = sig.prefix + body[0]
    if sig.trailer:
        if sig.inline:
            sep = "" if sig.trailer.startswith("/") else " "
            body[-1] = body[-1] + sep + sig.trailer
        else:
            body.append(sig.trailer)
    return "\n\n".join([*top, *body, *bottom])


def insert_sentence(paras: list[str], sent: str, rng: random.Random, where: str | None = None) -> list[str]:
    paras = list(paras)
    where = where or rng.choice(["lead", "lead", "newpara", "newpara", "last"])
    if where == "lead":
        paras[0] = paras[0] + " " + sent
    elif where == "newpara":
        paras.append(sent)
    else:
        paras[-1] = paras[-1] + " " + sent
    return paras


def derive_kicker(title: str, lead: str, lang: str) -> str | None:
    if ":" in title:
        k = title.split(":")[0].strip()
        if 2 <= len(k) <= 30:
            return k
    words = re.findall(r"(?<=\s)([A-ZÄÖÜÉ][\w\-]{4,})", " " + title + " " + lead)
    for w in words[1:] if lang == "de" else words:
        if w.lower() not in {"nach", "laut", "selon", "after", "durant", "während", "seit"}:
            return w
    return None


def title_variant(w: Wire, rng: random.Random) -> str:
    t = w.title
    r = rng.random()
    lang = w.lang
    if r < 0.25:
        return t
    if r < 0.42:
        k = w.kicker or derive_kicker(t, w.paras[0], lang)
        if k and not t.startswith(k):
            return f"{k}: {t.split(': ', 1)[-1]}" if ": " in t else f"{k}: {t}"
    if r < 0.52 and ": " in t:
        a, b = t.split(": ", 1)
        return b[:1].upper() + b[1:] if rng.random() < 0.6 else f"{b} ({a})"
    if r < 0.7:
        s = split_sentences(w.paras[0], lang)[0].rstrip(".")
        if len(s.split()) > 18:
            s = truncate_words(s, rng.randint(10, 14)) + " …"
        return s
    if r < 0.9:
        nt = reword(t, lang, rng, n=2)
        if nt != t:
            return nt
    if lang == "de":
        return rng.choice([f"{t} – die Einzelheiten", f"+++ {t} +++", f"{t}", f"Neu: {t}"])
    if lang == "fr":
        return rng.choice([f"{t}: ce que l'on sait", f"{t}", f"INFO - {t}"])
    return rng.choice([f"{t}: what we know", t, f"BREAKING: {t}"])


class Gen:
    def __init__(self, seed: int, corpus_texts: list[Text]):
        self.seed = seed
        # Sundays in March/April 2026: results of a Sunday vote, stock closes on Monday/Tuesday
        self.t0 = datetime(2026, 3, 1, tzinfo=UTC) + timedelta(weeks=seed % 6)
        self.t_end = self.t0 + timedelta(hours=80)
        self.rows: list[dict] = []
        self.n_story = 0
        self.corpus = corpus_texts
        self.headlines: dict[str, list[str]] = {lang: [] for lang in LANGS}

    # -- plumbing ---------------------------------------------------------------------------
    def rng(self, *parts) -> random.Random:
        return random.Random(":".join(["heldout", str(self.seed), *map(str, parts)]))

    def new_story(self) -> str:
        self.n_story += 1
        return f"S{self.seed}-{self.n_story:04d}"

    def emit(
        self,
        story: str,
        case: str,
        outlet: Outlet,
        lang: str,
        title: str,
        body: str,
        when: datetime,
        agency: str | None,
        also: str | None = None,
    ) -> None:
        self.rows.append(
            dict(
                story=story,
                case=case,
                outlet=outlet.name,
                language=lang,
                title=title.strip(),
                body=body.strip(),
                time=when,
                agency=agency,
                also_story=also,
            )
        )

    def clip(self, t: datetime) -> datetime:
        return min(t, self.t_end - timedelta(minutes=1))

    def delay(self, rng: random.Random) -> timedelta:
        r = rng.random()
        if r < 0.55:
            return timedelta(minutes=rng.uniform(3, 120))
        if r < 0.88:
            return timedelta(minutes=rng.uniform(120, 720))
        return timedelta(minutes=rng.uniform(720, 2400))

    def pick_outlets(
        self, lang: str, k: int, rng: random.Random, exclude: set, regions: tuple[str, ...] = ()
    ) -> list[Outlet]:
        pool = [o for o in outlets(lang) if o.name not in exclude]
        chosen: list[Outlet] = []
        while pool and len(chosen) < k:
            weights = [4.0 if (regions and o.region in regions) else 1.0 for o in pool]
            o = rng.choices(pool, weights)[0]
            chosen.append(o)
            pool.remove(o)
        return chosen

    # -- wires ------------------------------------------------------------------------------
    def make_wire(
        self,
        text: Text,
        story: str,
        case: str,
        when: datetime,
        rng: random.Random,
        agency: str | None = "keep",
        typos: bool = True,
    ) -> Wire:
        lang = text.lang
        if agency == "keep":
            agency = text.agency or rng.choice(_AGENCY_CHOICES[lang])
        place = text.place
        if place is None and agency is not None:
            place = rng.choice(PLACES[_AGENCY_PLACES.get((agency, lang), lang)])
        paras = list(text.paras)
        published = inject_typos(paras, rng, rng.randint(1, 2)) if typos and rng.random() < 0.35 else paras
        sig = canonical_sig(agency, lang, place, when, rng)
        regions = _AGENCY_REGIONS.get((agency, lang), ())
        return Wire(
            story, case, lang, agency, place, text.title, paras, published, text.kicker, sig, when, regions
        )

    def publish_original(self, w: Wire, rng: random.Random, via_feed: float = 0.55) -> Outlet:
        if w.agency and rng.random() < via_feed:
            outlet = feed_outlet(w.agency, w.lang)
        else:
            outlet = self.pick_outlets(w.lang, 1, rng, w.used, w.regions)[0]
        top, bottom = boilerplate(outlet, rng, self.headlines[w.lang], w.time)
        body = render(w.published, w.sig, top, bottom)
        body = self.orthography(body, outlet, w.lang)
        title = self.orthography(w.title, outlet, w.lang)
        self.emit(
            w.story,
            w.case,
            outlet,
            w.lang,
            title,
            body,
            w.time,
            w.agency if sig_shows(w.sig, w.agency) else None,
        )
        w.used.add(outlet.name)
        return outlet

    def orthography(self, text: str, outlet: Outlet, lang: str) -> str:
        if outlet.swiss:
            text = swiss_orthography(text)
        if outlet.quotes:
            text = convert_quotes(text, lang, outlet.quotes)
        return text

    def copy(
        self,
        w: Wire,
        outlet: Outlet,
        when: datetime,
        rng: random.Random,
        mode: str = "light",
        paras: list[str] | None = None,
        title: str | None = None,
        sig: Sig | None = None,
        agency: str | None | bool = False,
        also: str | None = None,
        case: str | None = None,
    ) -> None:
        """Republish w at outlet with the edits typical for `mode` (light, heavy, template, verbatim)."""
        lang = w.lang
        if paras is None:
            paras = list(w.paras) if rng.random() < 0.55 else list(w.published)  # typos fixed or kept
        if mode == "heavy":
            paras = heavy_rewrite(paras, lang, rng)
        elif mode in ("light", "template"):
            p_cut = 0.35 if mode == "light" else 0.15
            if rng.random() < 0.25:
                paras = drop_sentence(paras, lang, rng)
            if rng.random() < p_cut:
                paras = cut_end(paras, rng)
            if rng.random() < (0.35 if mode == "light" else 0.2):
                paras = reword_lead(paras, lang, rng)
            if rng.random() < 0.15:
                paras = reflow(paras, lang, rng)
            if rng.random() < 0.2:
                paras = [format_numbers(p, lang, rng) for p in paras]
            if rng.random() < 0.08:
                paras = inject_typos(paras, rng, 1)
        if mode in ("light", "heavy") and len(paras) >= 4 and rng.random() < 0.15:
            i = rng.randrange(2, len(paras))
            paras = paras[:i] + [rng.choice(_SUBHEADS[lang])] + paras[i:]
        if title is None:
            title = title_variant(w, rng) if mode != "verbatim" else w.title
            if mode == "heavy" and title == w.title:
                title = title_variant(w, rng)
        if sig is None:
            sig = variant_sig(w.sig, w.agency, lang, w.place, w.time, rng) if mode != "verbatim" else w.sig
            if not sig.prefix and w.place and rng.random() < 0.2:
                sig = Sig(
                    rng.choice([w.place.upper() + " – ", w.place + ". ", w.place.upper() + ". "]),
                    sig.trailer,
                    sig.inline,
                )  # the outlet adds a dateline
        top, bottom = boilerplate(outlet, rng, self.headlines[lang], when)
        body = self.orthography(render(paras, sig, top, bottom), outlet, lang)
        title = self.orthography(title, outlet, lang)
        if agency is False:
            agency = w.agency if sig_shows(sig, w.agency) else None
        self.emit(w.story, case or w.case, outlet, lang, title, body, self.clip(when), agency, also)
        w.used.add(outlet.name)

    def spread_copies(self, w: Wire, n: int, rng: random.Random, mode: str = "light") -> None:
        for outlet in self.pick_outlets(w.lang, n, rng, w.used, w.regions):
            self.copy(w, outlet, w.time + self.delay(rng), rng, mode)

    def when(self, rng: random.Random, lo_h: float = 0.0, hi_h: float = 62.0) -> datetime:
        t = self.t0 + timedelta(hours=rng.uniform(lo_h, hi_h))
        if 0 <= (t.hour) < 4 and rng.random() < 0.8:  # fewer items at night
            t += timedelta(hours=5)
        return t

    # -- families ---------------------------------------------------------------------------
    def fam_base(self, texts: list[Text], copies: list[int]) -> None:
        for text, n in zip(texts, copies, strict=True):
            rng = self.rng("base", text.key)
            w = self.make_wire(text, self.new_story(), "base", self.when(rng), rng)
            self.publish_original(w, rng)
            self.spread_copies(w, n, rng)

    def fam_rewrite(self, texts: list[Text]) -> None:
        for text in texts:
            rng = self.rng("rewrite", text.key)
            w = self.make_wire(text, self.new_story(), "rewrite", self.when(rng), rng)
            self.publish_original(w, rng)
            self.spread_copies(w, rng.randint(1, 2), rng, "light")
            heavy = self.pick_outlets(w.lang, rng.randint(2, 3), rng, w.used, w.regions)
            for outlet in heavy:
                paras = heavy_rewrite(list(w.paras), w.lang, rng)
                title = title_variant(w, rng)
                t = w.time + self.delay(rng)
                self.copy(
                    w,
                    outlet,
                    t,
                    rng,
                    "verbatim",
                    paras=paras,
                    title=title,
                    sig=variant_sig(w.sig, w.agency, w.lang, w.place, w.time, rng),
                )
                if rng.random() < 0.35:  # a sister outlet republishes the rewritten version
                    sis = self.pick_outlets(w.lang, 1, rng, w.used, (outlet.region,))
                    if sis:
                        self.copy(
                            w,
                            sis[0],
                            t + timedelta(minutes=rng.uniform(5, 90)),
                            rng,
                            "verbatim",
                            paras=paras,
                            title=title if rng.random() < 0.5 else None,
                            sig=variant_sig(w.sig, w.agency, w.lang, w.place, w.time, rng),
                        )

    def fam_update(self, texts: list[Text], lang: str, gi: int) -> None:
        rng = self.rng("update", lang, gi)
        day = rng.randrange(0, 3)
        wd = WEEKDAYS[lang][(self.t0 + timedelta(days=day)).weekday()]
        stock_fmt = STOCK_SENTENCES[lang][gi % len(STOCK_SENTENCES[lang])]
        stock = stock_fmt.format(wd=wd)
        force_agency = "Reuters" if "Reuters" in stock else "keep"
        n = len(texts)
        roles = ["update"] * n
        k_other = max(1, n // 3)
        for i in rng.sample(range(n), k_other):
            roles[i] = "other"
        for i in range(n):
            if roles[i] == "update" and rng.random() < 0.4:
                roles[i] = "both"  # an update, and outlets also add the stock sentence to their copies
        for text, role in zip(texts, roles, strict=True):
            srng = self.rng("update", text.key)
            t = self.t0 + timedelta(days=day, hours=srng.uniform(5, 13))
            w = self.make_wire(text, self.new_story(), "update", t, srng, agency=force_agency)
            feed = self.publish_original(w, srng, via_feed=0.8)
            plain = self.pick_outlets(lang, srng.randint(1, 3), srng, w.used, w.regions)
            for o in plain:
                self.copy(w, o, t + timedelta(minutes=srng.uniform(5, 200)), srng, "light")
            t_upd = self.t0 + timedelta(days=day, hours=srng.uniform(17, 21.5))
            if role in ("update", "both"):
                paras = list(w.paras)
                if srng.random() < 0.5:
                    paras = insert_sentence(paras, srng.choice(UPDATE_EXTRA[lang]), srng)
                paras = insert_sentence(paras, stock, srng)
                title = w.title
                if lang == "en" and w.agency == "Reuters":
                    title = "UPDATE 1-" + title
                elif srng.random() < 0.4:
                    title = title_variant(w, srng)
                upd = Wire(
                    w.story,
                    "update",
                    lang,
                    w.agency,
                    w.place,
                    title,
                    paras,
                    paras,
                    w.kicker,
                    w.sig,
                    t_upd,
                    w.regions,
                    w.used,
                )
                out = feed if feed.region == "wire" else feed_outlet(w.agency, lang)
                self.copy(upd, out, t_upd, srng, "verbatim", paras=paras, title=title, sig=w.sig)
                for o in self.pick_outlets(lang, srng.randint(1, 2), srng, w.used, w.regions):
                    self.copy(upd, o, t_upd + timedelta(minutes=srng.uniform(5, 150)), srng, "light")
            if role in ("other", "both"):  # the same stock sentence lands in copies of this unrelated story
                for o in self.pick_outlets(lang, srng.randint(1, 2), srng, w.used, w.regions):
                    paras = insert_sentence(list(w.paras), stock, srng)
                    self.copy(
                        w, o, t_upd + timedelta(minutes=srng.uniform(0, 120)), srng, "light", paras=paras
                    )

    def fam_followup(self, pairs: list[tuple[Text, Text]]) -> None:
        for first, second in pairs:
            rng = self.rng("followup", first.key)
            t1 = self.when(rng, 0, 30)
            w1 = self.make_wire(first, self.new_story(), "followup", t1, rng)
            self.publish_original(w1, rng)
            self.spread_copies(w1, rng.randint(2, 4), rng)
            t2 = t1 + timedelta(hours=rng.uniform(18, 40))
            w2 = self.make_wire(second, self.new_story(), "followup", t2, rng)
            self.publish_original(w2, rng)
            self.spread_copies(w2, rng.randint(1, 3), rng)

    def fam_compilation(self, events: list[tuple[Text, Text]]) -> None:
        for a, b in events:
            rng = self.rng("compilation", a.key)
            ta = self.when(rng, 0, 55)
            wa = self.make_wire(a, self.new_story(), "compilation", ta, rng)
            wb = self.make_wire(
                b, self.new_story(), "compilation", ta + timedelta(minutes=rng.uniform(-90, 120)), rng
            )
            self.publish_original(wa, rng)
            self.publish_original(wb, rng)
            self.spread_copies(wa, rng.randint(2, 4), rng)
            self.spread_copies(wb, rng.randint(1, 3), rng)
            used = set(wa.used) | set(wb.used)
            for outlet in self.pick_outlets(a.lang, rng.randint(1, 2), rng, used, wa.regions + wb.regions):
                used.add(outlet.name)
                paras = list(wa.paras)
                if len(paras) > 3 and rng.random() < 0.5:
                    paras = paras[:-1]
                if rng.random() < 0.3:
                    paras = reword_lead(paras, a.lang, rng)
                bpara = rng.choice(wb.paras[1:]) if len(wb.paras) > 1 else wb.paras[0]
                paras.insert(rng.randint(2, len(paras)), bpara)
                A, B = wa.agency or "", wb.agency or ""
                fmt = rng.choice(_COMP_SIG[a.lang])
                trailer = fmt.format(
                    a=A.lower() if A != "AP" else A,
                    b=B.lower() if B != "AP" else B,
                    A=A,
                    B=B,
                    ini=rng.choice(["kes", "fr", "vj", "ra"]),
                )
                self.copy(
                    wa,
                    outlet,
                    ta + timedelta(minutes=rng.uniform(60, 400)),
                    rng,
                    "verbatim",
                    paras=paras,
                    title=title_variant(wa, rng),
                    sig=Sig(None, trailer, trailer.startswith("(")),
                    agency=wa.agency,
                    also=wb.story,
                )

    def fam_boilerplate(self, lang: str, per_outlet: int) -> None:
        rng = self.rng("boilerplate", lang)
        briefs = list(BRIEFS[lang])
        rng.shuffle(briefs)
        longs = long_outlets(lang)
        i = 0
        for oi, outlet in enumerate(longs):
            places = list(BRIEF_PLACES[outlet.name])
            rng.shuffle(places)
            for j in range(per_outlet):
                if i >= len(briefs):
                    return
                title_fmt, text_fmt, agency = briefs[i]
                place = places[j % len(places)]
                i += 1
                brng = self.rng("brief", lang, i)
                t = self.when(brng)
                wd = WEEKDAYS[lang][t.weekday()]
                title = title_fmt.format(ort=place, wd=wd)
                text = text_fmt.format(ort=place, wd=wd)
                if lang == "fr" and place[:1] in "AEIOUÉÈÂÎÔ":  # de Ollon -> d'Ollon
                    title, text = (
                        re.sub(r"\b([dD])e " + re.escape(place), r"\1'" + place, x) for x in (title, text)
                    )
                text = Text(f"brief:{lang}:{i}", lang, agency, None, title, (text,))
                w = self.make_wire(text, self.new_story(), "boilerplate", t, brng, agency=agency, typos=False)
                w.sig = Sig(None, w.sig.trailer, True) if w.sig.trailer else Sig()
                top, bottom = boilerplate(outlet, brng, self.headlines[lang], t)
                body = self.orthography(render(w.paras, w.sig, top, bottom), outlet, lang)
                self.emit(
                    w.story,
                    "boilerplate",
                    outlet,
                    lang,
                    w.title,
                    body,
                    t,
                    agency if sig_shows(w.sig, agency) else None,
                )
                if brng.random() < 0.2:  # the same brief at another outlet: same story
                    other = (
                        longs[(oi + 1) % len(longs)]
                        if brng.random() < 0.6
                        else self.pick_outlets(lang, 1, brng, set())[0]
                    )
                    top, bottom = boilerplate(other, brng, self.headlines[lang], t)
                    body = self.orthography(render(w.paras, w.sig, top, bottom), other, lang)
                    self.emit(
                        w.story,
                        "boilerplate",
                        other,
                        lang,
                        title_variant(w, brng),
                        body,
                        self.clip(t + self.delay(brng)),
                        agency if sig_shows(w.sig, agency) else None,
                    )

    def fam_template(self, lang: str, kind: str, n: int) -> None:
        rng = self.rng("template", lang, kind)
        for inst in TEMPLATES[kind](self, lang, n, rng):
            srng = self.rng("template", lang, kind, inst["key"])
            text = Text(
                f"tpl:{lang}:{kind}:{inst['key']}",
                lang,
                inst["agency"],
                inst.get("place"),
                inst["title"],
                tuple(inst["paras"]),
                inst.get("kicker"),
            )
            w = self.make_wire(
                text, self.new_story(), "template", inst["time"], srng, agency=inst["agency"], typos=False
            )
            if inst.get("publisher"):
                pub = Outlet(inst["publisher"], lang, "wire")
                self.emit(
                    w.story,
                    "template",
                    pub,
                    lang,
                    w.title,
                    render(w.paras, w.sig, [], []),
                    w.time,
                    w.agency if sig_shows(w.sig, w.agency) else None,
                )
            else:
                self.publish_original(w, srng, via_feed=0.7)
            k = srng.choices([0, 1, 2, 3], [0.25, 0.35, 0.25, 0.15])[0]
            for o in self.pick_outlets(lang, k, srng, w.used, inst.get("regions", w.regions)):
                self.copy(w, o, w.time + timedelta(minutes=srng.uniform(4, 300)), srng, "template")


# ---------------------------------------------------------------------------------------------
# Own texts. Fictional or generic events; figures are invented.
# ---------------------------------------------------------------------------------------------

OWN_STANDALONE: list[Text] = [
    # ------------------------------------------------------------------ DE
    T(
        "de-gotthard",
        "de",
        "SDA",
        "Bern",
        "Güterzug blockiert Gotthard-Basistunnel während Stunden",
        """
Ein defekter Güterzug hat am Dienstagmorgen den Gotthard-Basistunnel während rund fünf Stunden blockiert. Betroffen waren zahlreiche Personenzüge zwischen Zürich und dem Tessin, wie die SBB mitteilten.

Der Zug war kurz nach 6 Uhr in der Oströhre wegen einer technischen Störung an der Lokomotive stehen geblieben. Ein Hilfsfahrzeug schleppte ihn gegen 11 Uhr aus dem Tunnel.

Reisende mussten in Erstfeld und Biasca umsteigen oder über die Bergstrecke ausweichen. Die Verspätungen betrugen bis zu neunzig Minuten.

Verletzt wurde niemand. Die SBB wollen nun zusammen mit dem Betreiber des Güterzugs die genaue Ursache der Panne klären.

Der Basistunnel war nach einer Entgleisung im Sommer 2023 über ein Jahr lang nur eingeschränkt befahrbar gewesen.
""",
        kicker="Gotthard",
    ),
    T(
        "de-bodensee",
        "de",
        "dpa",
        "Konstanz",
        "Niedrigwasser am Bodensee: Fähren fahren mit weniger Last",
        """
Der Wasserstand des Bodensees ist so niedrig wie seit Jahren nicht mehr zu dieser Jahreszeit. Am Pegel Konstanz wurden am Montag 2,71 Meter gemessen, rund 40 Zentimeter weniger als im langjährigen Mittel.

Die Fähren zwischen Konstanz und Meersburg dürfen deshalb nur noch eingeschränkt beladen werden, wie die Stadtwerke mitteilten. Lastwagen über 30 Tonnen müssen auf die Landroute ausweichen.

Auch die Kursschiffe der Weißen Flotte können einige kleinere Häfen nicht mehr anlaufen. Betroffen sind unter anderem Stege am Untersee.

Grund für den tiefen Pegel ist nach Angaben der Hochwasservorhersagezentrale der niederschlagsarme Winter in den Alpen. Eine rasche Besserung sei erst mit der Schneeschmelze im Frühjahr zu erwarten.
""",
        kicker="Bodensee",
    ),
    T(
        "de-beton",
        "de",
        "SDA",
        "Zürich",
        "ETH-Forschende entwickeln Beton, der CO2 dauerhaft bindet",
        """
Forschende der ETH Zürich haben einen Beton entwickelt, der während des Aushärtens Kohlendioxid aus der Luft aufnimmt. Pro Kubikmeter könnten so bis zu 25 Kilogramm CO2 dauerhaft gebunden werden, wie die Hochschule am Mittwoch mitteilte.

Das Team setzt dem Beton ein fein gemahlenes Mineral aus Abbruchmaterial zu. Dieses reagiert mit dem CO2 zu Kalkstein und macht das Material zugleich fester.

«Wir verwandeln einen Abfallstoff in einen Klimaspeicher», sagte Projektleiterin Laura Brunner. Erste Testplatten hätten die Normwerte für den Hochbau erfüllt.

Die Zementindustrie verursacht weltweit rund acht Prozent der Treibhausgasemissionen. Ein Spin-off will das Verfahren ab dem kommenden Jahr mit zwei Betonwerken im Mittelland erproben.
""",
        kicker="Klimaschutz",
    ),
    T(
        "de-lehrstellen",
        "de",
        "SDA",
        "Bern",
        "So viele offene Lehrstellen wie noch nie",
        """
In der Schweiz sind derzeit so viele Lehrstellen unbesetzt wie noch nie seit Beginn der Erhebung. Ende Februar waren schweizweit rund 21'000 Lehrstellen für den Sommer noch offen, wie aus dem Lehrstellenbarometer des Bundes hervorgeht.

Besonders gross ist der Mangel im Baugewerbe, in der Gastronomie und bei den Elektroinstallateuren. In einigen Kantonen fand jede dritte ausgeschriebene Stelle bisher keine Bewerberin und keinen Bewerber.

Gleichzeitig entscheiden sich mehr Jugendliche für eine Mittelschule. Der Gewerbeverband fordert deshalb, die Berufslehre an den Oberstufen stärker zu fördern.

Das Staatssekretariat für Bildung, Forschung und Innovation rechnet damit, dass sich die Lage bis zum Sommer leicht entspannt. Viele Lehrverträge würden erst im Frühling unterschrieben.
""",
        kicker="Berufsbildung",
    ),
    T(
        "de-hafen",
        "de",
        "dpa",
        "Hamburg",
        "Hamburger Hafen schlägt weniger Container um",
        """
Der Hamburger Hafen hat im vergangenen Quartal deutlich weniger Container umgeschlagen. Mit 1,9 Millionen Standardcontainern (TEU) lag der Umschlag um 6,4 Prozent unter dem Vorjahreswert, wie die Hafen Hamburg Marketing am Donnerstag mitteilte.

Vor allem der Verkehr mit Asien ging zurück. Reedereien hatten wegen der unsicheren Lage im Roten Meer Liniendienste umgestellt und bevorzugt Rotterdam und Antwerpen angelaufen.

Zulegen konnte dagegen der Umschlag mit Häfen in Skandinavien und im Baltikum. Der Massengutumschlag blieb mit 8,2 Millionen Tonnen nahezu stabil.

Der Hafen sieht sich im Wettbewerb mit den Westhäfen weiter unter Druck. Die Hafenwirtschaft fordert schnellere Genehmigungen für den Ausbau der Hinterlandanbindung.
""",
        kicker="Hafen",
    ),
    T(
        "de-gemaelde",
        "de",
        "APA",
        "Wien",
        "Verschollenes Biedermeier-Gemälde kehrt nach Wien zurück",
        """
Ein seit dem Zweiten Weltkrieg verschollenes Gemälde ist an das Wien Museum zurückgegeben worden. Das Bild „Am Donaukanal“ des Biedermeier-Malers Franz Hollbauer war bei einer Auktion in München aufgetaucht, wie das Museum am Freitag mitteilte.

Ein aufmerksamer Provenienzforscher hatte das Werk im Katalog des Auktionshauses entdeckt. Auf der Rückseite des Rahmens fand sich noch der Inventarstempel des Museums aus dem Jahr 1938.

Der Einlieferer, ein Sammler aus Süddeutschland, verzichtete nach Gesprächen auf eine Entschädigung. „Das ist ein Glücksfall für die Stadt“, sagte die Direktorin.

Das Gemälde soll nach einer Restaurierung ab dem Sommer in der Dauerausstellung gezeigt werden.
""",
        kicker="Kunst",
    ),
    T(
        "de-wolf",
        "de",
        "dpa",
        "Kempten",
        "Wolf reißt mehrere Schafe im Allgäu",
        """
Im Oberallgäu hat ein Wolf nach Behördenangaben in einer Nacht sieben Schafe gerissen. Der Halter fand die toten Tiere am Sonntagmorgen auf einer Weide bei Oberstaufen, wie das Landratsamt mitteilte.

Genetische Proben sollen nun klären, ob es sich um ein bereits bekanntes Tier handelt. Im vergangenen Jahr war in der Region ein durchziehender Wolf mehrfach nachgewiesen worden.

Der Bauernverband forderte eine schnelle Entnahme des Tieres. Naturschützer mahnten dagegen, zunächst die Ergebnisse der Untersuchung abzuwarten und Herdenschutzzäune stärker zu fördern.

Der Freistaat zahlt betroffenen Tierhaltern einen Ausgleich für nachweislich vom Wolf getötete Nutztiere.
""",
        kicker="Allgäu",
    ),
    T(
        "de-praemien",
        "de",
        "SDA",
        "Bern",
        "Versicherer rechnen mit erneut steigenden Krankenkassenprämien",
        """
Die Krankenkassenprämien dürften auch im nächsten Jahr deutlich steigen. Der Branchenverband rechnet mit einem Plus von durchschnittlich fünf bis sechs Prozent, wie er am Dienstag in Bern mitteilte.

Hauptgrund seien die weiter wachsenden Kosten bei ambulanten Behandlungen und Medikamenten. Im vergangenen Jahr stiegen die Gesundheitskosten pro versicherte Person um 4,8 Prozent.

Der Verband forderte das Parlament auf, die geplanten Sparmassnahmen rasch umzusetzen. Die Konsumentenschutzorganisationen kritisierten die Prognose als Panikmache.

Die definitiven Prämien für das kommende Jahr gibt das Bundesamt für Gesundheit jeweils Ende September bekannt.
""",
        kicker="Gesundheitskosten",
    ),
    T(
        "de-lumora",
        "de",
        "dpa",
        "Berlin",
        "Berliner KI-Start-up Lumora sammelt 40 Millionen Euro ein",
        """
Das Berliner Start-up Lumora hat in einer Finanzierungsrunde 40 Millionen Euro eingesammelt. Angeführt wurde die Runde von einem Londoner Wagniskapitalgeber, wie das Unternehmen am Montag mitteilte.

Lumora entwickelt Software, mit der Krankenhäuser Arztbriefe und Befunde automatisch zusammenfassen können. Nach eigenen Angaben nutzen bereits 60 Kliniken in Deutschland und Österreich das Programm.

Mit dem frischen Geld will das 2022 gegründete Unternehmen die Zahl seiner Mitarbeiter auf rund 150 verdoppeln und nach Frankreich und in die Niederlande expandieren.

Datenschützer sehen den Einsatz solcher Programme kritisch. Lumora betont, dass alle Patientendaten ausschließlich auf Servern in Deutschland verarbeitet würden.
""",
        kicker="Start-ups",
    ),
    T(
        "de-lissabon",
        "de",
        "AFP",
        "Lissabon",
        "Stromausfall legt Teile Lissabons stundenlang lahm",
        """
Ein großflächiger Stromausfall hat am Sonntag Teile der portugiesischen Hauptstadt Lissabon für mehrere Stunden lahmgelegt. Betroffen waren nach Angaben des Netzbetreibers rund 250.000 Haushalte.

Ampeln fielen aus, die U-Bahn stellte den Betrieb auf zwei Linien ein. Feuerwehrleute befreiten Dutzende Menschen aus steckengebliebenen Aufzügen.

Ursache war nach ersten Erkenntnissen ein Brand in einem Umspannwerk im Osten der Stadt. Am frühen Abend war die Versorgung weitgehend wiederhergestellt.

Die Regierung kündigte eine Untersuchung an. Der Netzbetreiber schloss einen Cyberangriff als Ursache aus.
""",
        kicker="Portugal",
    ),
    # ------------------------------------------------------------------ FR
    T(
        "fr-m3",
        "fr",
        "ATS",
        "Lausanne",
        "Le métro m3 lausannois prendra encore du retard",
        """
La mise en service du futur métro m3 à Lausanne est repoussée d'au moins deux ans. Les Transports publics lausannois (tl) ont annoncé mardi que la ligne ne circulera pas avant 2033.

En cause, des recours contre le chantier de la gare et la complexité des travaux sous le centre-ville. Le coût du projet est désormais estimé à 1,4 milliard de francs, contre 1,1 milliard prévu initialement.

La ligne doit relier la gare de Lausanne à la Blécherette en moins de dix minutes. Elle est considérée comme essentielle pour désengorger le m2, saturé aux heures de pointe.

Le Conseil d'Etat vaudois s'est dit «déçu mais pas surpris» et a demandé aux tl un calendrier détaillé d'ici l'été.
""",
        kicker="Lausanne",
    ),
    T(
        "fr-gva",
        "fr",
        "ATS",
        "Genève",
        "L'aéroport de Genève a battu son record de passagers",
        """
L'aéroport de Genève a accueilli 18,2 millions de passagers l'an dernier, un record. La hausse atteint 4% par rapport à l'année précédente, a indiqué jeudi Genève Aéroport.

Londres, Paris et Porto figurent en tête des destinations les plus fréquentées. Les vols long-courriers vers l'Amérique du Nord et le Golfe ont également progressé.

La direction prévoit une croissance plus modérée cette année. Elle mise sur la modernisation de l'aile est et sur une réduction du bruit des vols de nuit.

Les riverains continuent de réclamer un plafonnement du nombre de mouvements. Une pétition munie de plus de 7000 signatures a été déposée en janvier auprès du Grand Conseil.
""",
        kicker="Aviation",
    ),
    T(
        "fr-vendanges",
        "fr",
        "ATS",
        "Sion",
        "Vendanges précoces et prometteuses en Valais",
        """
Les vendanges ont débuté avec près de deux semaines d'avance dans plusieurs communes du Valais central. Les premiers raisins de chasselas ont été cueillis lundi à Salquenen et à Chamoson.

La chaleur du mois d'août a favorisé une bonne maturité, selon l'Interprofession de la vigne et du vin du Valais. Les taux de sucre sont jugés excellents, malgré une récolte légèrement inférieure à la moyenne.

La grêle de juin a touché quelques parcelles du Haut-Valais, mais les dégâts restent limités. La main-d'œuvre reste en revanche difficile à trouver pour certains domaines.

Le Valais compte près de 4800 hectares de vignes, soit environ un tiers du vignoble suisse.
""",
        kicker="Viticulture",
    ),
    T(
        "fr-seine",
        "fr",
        "AFP",
        "Paris",
        "Baignade dans la Seine: trois nouveaux sites ouverts cet été",
        """
La mairie de Paris a annoncé mercredi l'ouverture de trois nouveaux sites de baignade dans la Seine à partir de juillet. Ils s'ajoutent aux trois bassins aménagés l'an dernier au bras Marie, à Grenelle et à Bercy.

La qualité de l'eau sera contrôlée chaque jour et les sites fermés en cas de pluies importantes, a précisé l'adjoint chargé de la Seine. Un drapeau vert, orange ou rouge indiquera l'état de l'eau.

Plus de 90.000 baigneurs ont profité des bassins l'été dernier, selon la mairie. Les associations de riverains réclament davantage de surveillance le soir.

Interdite depuis 1923, la baignade dans le fleuve avait été rendue possible grâce à un plan d'assainissement de 1,4 milliard d'euros lancé avant les Jeux olympiques.
""",
        kicker="Paris",
    ),
    T(
        "fr-algues",
        "fr",
        "AFP",
        "Saint-Brieuc",
        "Algues vertes: une plage des Côtes-d'Armor fermée par arrêté",
        """
Le maire d'Hillion (Côtes-d'Armor) a fermé mardi par arrêté une partie de la plage de la Grandville en raison d'une prolifération d'algues vertes. Des capteurs ont mesuré des taux d'hydrogène sulfuré supérieurs au seuil d'alerte.

Les algues en décomposition peuvent dégager ce gaz toxique, potentiellement mortel à forte concentration. Des panneaux invitent les promeneurs à ne pas marcher sur les amas.

Les associations environnementales dénoncent l'insuffisance des mesures pour réduire les rejets de nitrates d'origine agricole. La préfecture assure que les plans de lutte commencent à porter leurs fruits.

Le ramassage des algues a repris dès mercredi matin, a indiqué la communauté d'agglomération.
""",
        kicker="Bretagne",
    ),
    T(
        "fr-stib",
        "fr",
        "Belga",
        "Bruxelles",
        "Grève à la STIB: le réseau bruxellois fortement perturbé lundi",
        """
Le réseau de la STIB sera fortement perturbé lundi en raison d'une grève nationale contre la réforme des pensions. Seules quelques lignes de tram et de bus circuleront, et le métro sera à l'arrêt, a annoncé la société de transport bruxelloise.

Les syndicats protestent contre l'allongement de la durée de carrière et la suppression de certains régimes de départ anticipé. Une manifestation est prévue à 10h00 à la gare du Nord.

La SNCB prévoit également un service réduit, avec un train sur trois en moyenne. Les voyageurs sont invités à consulter les applications avant de se déplacer.

L'aéroport de Bruxelles-National a demandé aux compagnies d'annuler la moitié des vols au départ.
""",
        kicker="Grève",
    ),
    T(
        "fr-cocaine",
        "fr",
        "AFP",
        "Marseille",
        "Saisie record de cocaïne dans le port de Marseille-Fos",
        """
Les douanes ont saisi près de 3,2 tonnes de cocaïne dans un conteneur de bananes en provenance d'Equateur au port de Marseille-Fos, ont annoncé jeudi les autorités. Il s'agit de la plus importante saisie jamais réalisée dans ce port.

La drogue, répartie dans une centaine de sacs de sport, a été découverte lors d'un contrôle ciblé au scanner. Sa valeur à la revente est estimée à plus de 150 millions d'euros.

Aucune interpellation n'a eu lieu à ce stade, a précisé le parquet de Marseille, qui a ouvert une enquête. Les enquêteurs cherchent à identifier le destinataire de la marchandise.

Les saisies de cocaïne ont fortement augmenté dans les ports européens ces dernières années, principalement à Anvers et Rotterdam.
""",
        kicker="Douanes",
    ),
    T(
        "fr-robot",
        "fr",
        "ATS",
        "Lausanne",
        "Un robot de l'EPFL apprend à récolter des fraises sans les abîmer",
        """
Des chercheurs de l'EPFL ont mis au point un bras robotisé capable de cueillir des fraises sans les écraser. Le système combine une caméra et une pince souple dotée de capteurs de pression, a indiqué lundi l'école.

Lors d'essais dans une serre du canton de Vaud, le robot a récolté 82% des fruits mûrs, avec un taux de dégâts inférieur à 3%. Un cueilleur expérimenté reste toutefois environ deux fois plus rapide.

Les producteurs peinent à recruter de la main-d'œuvre saisonnière, souligne la responsable du laboratoire. Le robot pourrait travailler la nuit et compléter le travail des équipes.

Une start-up issue du projet prévoit de tester une dizaine de machines chez des maraîchers romands dès le printemps.
""",
        kicker="Recherche",
    ),
    T(
        "fr-horlogerie",
        "fr",
        "ATS",
        "Bienne",
        "Les exportations horlogères reculent en février",
        """
Les exportations de montres suisses ont reculé de 5,1% en février sur un an, à 2,1 milliards de francs. Le repli touche surtout la Chine et Hong Kong, a indiqué jeudi la Fédération de l'industrie horlogère suisse (FH).

Les ventes vers les Etats-Unis, premier marché de la branche, ont en revanche progressé de 3,4%. Le Japon et le Royaume-Uni sont restés stables.

Les montres en acier ont davantage souffert que les modèles en métaux précieux. Dans le segment d'entrée de gamme, le nombre de pièces exportées a chuté de près de 15%.

La FH s'attend à une année difficile en raison de la faiblesse de la demande asiatique et de la vigueur du franc.
""",
        kicker="Horlogerie",
    ),
    T(
        "fr-lumieres",
        "fr",
        "AFP",
        "Lyon",
        "Fête des Lumières: 1,8 million de visiteurs à Lyon",
        """
La Fête des Lumières a attiré environ 1,8 million de visiteurs à Lyon en quatre soirées, a annoncé lundi la municipalité. La fréquentation est en légère hausse par rapport à l'an dernier.

Une trentaine d'installations lumineuses étaient réparties dans le centre-ville, de la colline de Fourvière aux berges du Rhône. La place des Terreaux a de nouveau été la plus fréquentée.

Aucun incident majeur n'a été signalé, selon la préfecture, qui avait mobilisé plus de 1500 policiers et gendarmes. Les transports en commun ont fonctionné toute la nuit vendredi et samedi.

Les commerçants du centre se disent satisfaits, même si les restaurateurs regrettent des dépenses moyennes en baisse.
""",
        kicker="Lyon",
    ),
    T(
        "fr-bd-namur",
        "fr",
        "Belga",
        "Namur",
        "Un musée consacré à la bande dessinée ouvrira à Namur en 2028",
        """
Un musée consacré à la bande dessinée belge ouvrira ses portes à Namur en 2028, a annoncé vendredi la Ville. Il sera installé dans une ancienne caserne au pied de la citadelle.

Le projet, d'un coût de 24 millions d'euros, est financé par la Région wallonne, la Ville et des fonds européens. Quelque 3000 planches originales doivent y être exposées par rotation.

Les responsables espèrent attirer 150.000 visiteurs par an. Des ateliers pour les écoles et une résidence d'auteurs sont également prévus.

Les travaux de rénovation du bâtiment commenceront au printemps prochain.
""",
        kicker="Culture",
    ),
    # ------------------------------------------------------------------ EN
    T(
        "en-railfine",
        "en",
        "PA",
        None,
        "Rail operator fined £4.2 million over timetable chaos",
        """
A rail operator has been fined £4.2 million after a botched timetable change left thousands of passengers stranded for weeks, the regulator said on Tuesday. The Office of Rail and Road found that Northway Trains had failed to prepare enough drivers for the new schedule.

More than 1,800 services were cancelled in the first month after the change, and punctuality fell to its lowest level in a decade. Some rural stations went without a train for days.

Northway Trains said it accepted the findings and apologised to passengers. The company said it had since recruited 120 additional drivers.

The fine will be used to fund improvements at stations on the affected routes, the regulator said.
""",
        kicker="Rail",
    ),
    T(
        "en-copper",
        "en",
        "Reuters",
        "London",
        "Copper hits record high as Chilean mine outage tightens supply",
        """
Copper prices rose to a record high on Wednesday after a major Chilean mine halted production following a tunnel collapse, raising fears of a supply shortage. Benchmark three-month copper on the London Metal Exchange climbed as much as 2.8% to $11,480 a metric ton.

The El Quemado mine, which accounts for about 1.5% of global output, said operations would remain suspended while engineers assess the damage. No workers were injured.

Analysts said inventories in exchange warehouses were already low. "The market has very little cushion left," said one metals strategist in London.

Demand for copper, used in power grids and electric vehicles, is expected to grow strongly over the next decade.
""",
        kicker="Metals",
    ),
    T(
        "en-lander",
        "en",
        "AP",
        "Cape Canaveral",
        "NASA delays test flight of lunar lander by two weeks",
        """
NASA has postponed the uncrewed test flight of a commercial lunar lander by two weeks after engineers found a faulty valve in the propulsion system, the agency said Monday.

The lander had been due to launch from Cape Canaveral on a Falcon 9 rocket next Thursday. The new target date is the end of the month.

The mission is meant to deliver scientific instruments to the moon's south polar region, where ice is believed to be trapped in permanently shadowed craters.

NASA officials said the delay would not affect plans for later crewed missions to the lunar surface.
""",
        kicker="Space",
    ),
    T(
        "en-coral",
        "en",
        "AFP",
        "Sydney",
        "Scientists report coral recovery on parts of Great Barrier Reef",
        """
Coral cover on parts of the northern Great Barrier Reef has recovered to its highest level in nearly four decades, Australian scientists said Thursday, though they warned the gains could be quickly lost.

The annual survey found hard coral covered 36 percent of reefs in the northern region, up from 27 percent two years earlier.

Much of the growth came from fast-growing Acropora corals, which are particularly vulnerable to heat stress, storms and crown-of-thorns starfish. "It is good news, but it is fragile news," the survey's lead author said.

The reef has suffered several mass bleaching events since 2016 as ocean temperatures rise.
""",
        kicker="Environment",
    ),
    T(
        "en-recall",
        "en",
        "Reuters",
        "Tokyo",
        "Tashiro Motors recalls 310,000 vehicles over airbag fault",
        """
Japan's Tashiro Motors said on Friday it would recall about 310,000 vehicles worldwide because a sensor fault could stop the front passenger airbag from deploying in a crash.

The recall covers compact cars and small SUVs built between 2021 and 2023, most of them sold in North America and Japan. The company said it was not aware of any injuries linked to the problem.

Dealers will replace the sensor free of charge. Owners will be notified by mail starting next month.

Shares in Tashiro fell 1.9% in Tokyo trading after the announcement.
""",
        kicker="Autos",
    ),
    T(
        "en-rents",
        "en",
        "PA",
        "Dublin",
        "Average rents in Ireland rise 7% in a year, report finds",
        """
Average rents in Ireland rose by 7% in the past year, with the sharpest increases outside Dublin, according to a report published on Wednesday.

The average monthly rent nationwide now stands at €1,910, the property website's quarterly survey found. In Dublin, tenants pay an average of €2,480 a month.

Fewer than 2,300 homes were available to rent across the country on the survey date, close to a record low. The report's author said supply remained "the fundamental problem".

Housing charities called on the Government to speed up the construction of cost-rental homes.
""",
        kicker="Housing",
    ),
    T(
        "en-drought",
        "en",
        "AP",
        "Nairobi",
        "Drought kills livestock in northern Kenya, herders say",
        """
Herders in northern Kenya say hundreds of cattle and goats have died after a third consecutive failed rainy season left pastures bare and water holes dry.

In Marsabit county, families are walking up to 20 kilometers (12 miles) a day to find water, local officials said. Aid groups have begun trucking water to some villages.

"We have lost more than half of our animals," said one herder, who asked to be identified only by his first name, Abdi. Livestock are the main source of income for most families in the region.

Kenya's meteorological department forecasts below-average rainfall for the coming months.
""",
        kicker="Kenya",
    ),
    T(
        "en-bears",
        "en",
        "AP",
        "Winnipeg",
        "Polar bear sightings rise in Manitoba town as sea ice forms late",
        """
Wildlife officers in the northern Manitoba town of Churchill have responded to a record number of polar bear sightings this fall as the sea ice on Hudson Bay formed later than usual.

Officers handled 312 calls through the end of November, compared with an average of about 220 in recent years. Nineteen bears were taken to a holding facility and later released onto the ice.

The bears wait on the coast for the bay to freeze so they can hunt seals. Researchers say a longer ice-free season forces them to fast for longer.

Churchill, known as the polar bear capital of the world, attracts thousands of tourists each autumn.
""",
        kicker="Wildlife",
    ),
    T(
        "en-artefacts",
        "en",
        "Reuters",
        "Edinburgh",
        "Scottish museum agrees to return 22 artefacts to Ghana",
        """
The Caledonian Museum of Art said on Thursday it would return 22 gold and brass objects taken from the Asante kingdom in the 19th century, after a two-year review of its collections.

The items, which include ceremonial weights, a sword ornament and jewellery, were removed during British military campaigns in 1874 and 1896, the museum said.

The museum's trustees approved the transfer at a meeting this week. A formal handover is planned in Kumasi later this year.

Several museums in Britain have faced growing pressure to return objects acquired during the colonial era.
""",
        kicker="Museums",
    ),
    T(
        "en-assam",
        "en",
        "AFP",
        "Guwahati",
        "Monsoon floods displace tens of thousands in India's Assam",
        """
Floods triggered by heavy monsoon rains have displaced more than 60,000 people in India's northeastern state of Assam, officials said Tuesday, as the Brahmaputra river rose above the danger mark.

At least eight people have died in the past week, according to the state disaster management authority. Around 400 villages are under water across 12 districts.

Rescue teams used boats to move residents to relief camps, while the army was deployed in two of the worst-hit districts.

Assam is hit by floods almost every year, but scientists say climate change is making extreme rainfall more frequent.
""",
        kicker="India",
    ),
    T(
        "en-lighthouse",
        "en",
        "PA",
        None,
        "Historic lighthouse to reopen to visitors after two-year restoration",
        """
One of Scotland's oldest working lighthouses will reopen to visitors this summer after a two-year restoration costing £3.1 million, the trust that runs it said on Monday.

Workers replaced rotten window frames, repaired the lantern room and restored the keepers' cottages, which will house a small museum and a cafe.

The lighthouse, built in 1787 on a rocky headland in Aberdeenshire, was automated in 1991. It still guides ships approaching the harbour.

Tickets for guided tours of the tower will go on sale next month.
""",
        kicker="Heritage",
    ),
    T(
        "en-coffee",
        "en",
        "Reuters",
        "Sao Paulo",
        "Brazil coffee exports climb to record on strong harvest",
        """
Brazil's coffee exports rose to a record 4.6 million 60-kg bags in February, up 18% from a year earlier, as a large harvest and strong demand from Europe lifted shipments, an exporters' group said on Tuesday.

Arabica shipments accounted for most of the increase, while exports of robusta, used mainly in instant coffee, also grew.

The United States and Germany remained the largest buyers. Shipments to China more than doubled from a low base.

Coffee futures have fallen from record highs reached last year as supply concerns eased.
""",
        kicker="Commodities",
    ),
]

# Followups: (first story, new article on a later day about the same subject = a different story)
OWN_FOLLOWUPS: list[tuple[Text, Text]] = [
    (
        T(
            "de-chem-1",
            "de",
            "dpa",
            "Kelbach",
            "Chemieunfall in Kelbach: Anwohner sollen Fenster geschlossen halten",
            """
Nach einem Chemieunfall in einem Industriebetrieb im hessischen Kelbach hat die Feuerwehr die Anwohner aufgefordert, Fenster und Türen geschlossen zu halten. Aus einem Tank war am Nachmittag eine unbekannte Menge Salzsäure ausgetreten, wie ein Sprecher der Feuerwehr sagte.

Über dem Werksgelände bildete sich eine weiße Wolke, die in Richtung der Innenstadt zog. Schulen und Kindergärten im Umkreis behielten die Kinder in den Gebäuden.

Drei Mitarbeiter des Betriebs wurden mit Atemwegsreizungen in ein Krankenhaus gebracht. Die Feuerwehr war mit mehr als 120 Einsatzkräften vor Ort.

Die Bundesstraße 49 wurde zwischen den Anschlussstellen Kelbach-Nord und Kelbach-Süd gesperrt.
""",
            kicker="Chemieunfall",
        ),
        T(
            "de-chem-2",
            "de",
            "dpa",
            "Kelbach",
            "Nach Chemieunfall in Kelbach: Messungen ohne auffällige Werte",
            """
Einen Tag nach dem Chemieunfall in Kelbach haben die Behörden Entwarnung gegeben. Messtrupps hätten in den Wohngebieten keine gesundheitsgefährdenden Werte festgestellt, teilte der Landkreis mit.

Als Ursache gilt ein defektes Ventil an einem Lagertank. Die Staatsanwaltschaft prüft, ob Wartungsvorschriften verletzt wurden.

Die drei verletzten Mitarbeiter konnten das Krankenhaus inzwischen wieder verlassen. Der Betrieb bleibt bis auf Weiteres geschlossen.

Am Vortag war aus dem Tank Salzsäure ausgetreten, eine weiße Wolke hatte sich über dem Werk gebildet.
""",
            kicker="Chemieunfall",
        ),
    ),
    (
        T(
            "de-lawine-1",
            "de",
            "SDA",
            "Sitten",
            "Lawine im Wallis: Zwei Skitourengänger vermisst",
            """
Im Oberwallis sind zwei Skitourengänger von einer Lawine verschüttet worden. Die beiden Männer werden vermisst, wie die Kantonspolizei Wallis mitteilte.

Die Lawine ging kurz vor Mittag am Hang unterhalb des Bortelhorns im Simplongebiet nieder. Ein dritter Tourengänger konnte sich selbst befreien und alarmierte die Rettungskräfte.

An der Suche beteiligten sich Rettungskräfte der Air Zermatt, der Kantonalen Walliser Rettungsorganisation sowie Lawinenhunde. Wegen der anhaltenden Lawinengefahr musste die Suche am Abend unterbrochen werden.

Das Institut für Schnee- und Lawinenforschung (SLF) hatte für das Gebiet die Gefahrenstufe 3 ausgegeben.
""",
            kicker="Lawine",
        ),
        T(
            "de-lawine-2",
            "de",
            "SDA",
            "Sitten",
            "Vermisste Skitourengänger im Simplongebiet tot geborgen",
            """
Die beiden im Simplongebiet von einer Lawine verschütteten Skitourengänger sind tot. Die Rettungskräfte bargen die Leichen am Morgen, wie die Walliser Kantonspolizei bekanntgab.

Bei den Opfern handelt es sich um zwei Schweizer im Alter von 34 und 41 Jahren aus dem Kanton Bern. Die formelle Identifikation sei im Gang, hiess es.

Die Staatsanwaltschaft hat eine Untersuchung zum Unglück eröffnet. Seit Beginn des Winters sind in den Schweizer Alpen damit elf Menschen in Lawinen ums Leben gekommen.
""",
            kicker="Lawine",
        ),
    ),
    (
        T(
            "de-streik-1",
            "de",
            "dpa",
            "Bremen",
            "Gewerkschaft kündigt Warnstreik bei der Weserland-Bahn an",
            """
Die Lokführergewerkschaft hat ihre Mitglieder bei der Weserland-Bahn zu einem 24-stündigen Warnstreik aufgerufen. Der Ausstand soll am Freitag um 3 Uhr beginnen, wie die Gewerkschaft in Bremen ankündigte.

Betroffen wären Regionalzüge zwischen Bremen, Oldenburg und Osnabrück mit täglich rund 40.000 Fahrgästen. Das Unternehmen kündigte einen Notfahrplan mit Ersatzbussen an.

Die Gewerkschaft fordert 550 Euro mehr im Monat und eine Verkürzung der Wochenarbeitszeit. Die Arbeitgeber hatten zuletzt eine Erhöhung um 3,5 Prozent in zwei Stufen angeboten.
""",
            kicker="Bahnstreik",
        ),
        T(
            "de-streik-2",
            "de",
            "dpa",
            "Bremen",
            "Warnstreik bei der Weserland-Bahn in letzter Minute abgesagt",
            """
Der für Freitag geplante Warnstreik bei der Weserland-Bahn findet nicht statt. Gewerkschaft und Unternehmen einigten sich in der Nacht auf ein Eckpunktepapier, wie beide Seiten mitteilten.

Demnach steigen die Löhne in zwei Schritten um insgesamt 420 Euro. Über die Arbeitszeit soll im Frühjahr weiterverhandelt werden.

Die Züge verkehren am Freitag nach dem regulären Fahrplan. Fahrgäste, die ihre Reise wegen des angekündigten Streiks verschoben hatten, können ihre Tickets erstatten lassen.
""",
            kicker="Bahnstreik",
        ),
    ),
    (
        T(
            "de-novagen-1",
            "de",
            "Reuters",
            "Zürich",
            "US-Pharmakonzern bietet 4,1 Milliarden Franken für Basler Biotechfirma",
            """
Der US-Pharmakonzern Hallworth will die Basler Biotechfirma Novagen übernehmen. Er bietet den Aktionären 86 Franken je Aktie in bar, was einer Prämie von 38 Prozent auf den Schlusskurs vom Vortag entspricht, wie Hallworth mitteilte.

Insgesamt bewertet das Angebot Novagen mit rund 4,1 Milliarden Franken. Die Basler Firma entwickelt Medikamente gegen seltene Stoffwechselkrankheiten, ein erstes Präparat steht vor der Zulassung in Europa.

Der Verwaltungsrat von Novagen prüft das Angebot nach eigenen Angaben. Die Aktie stieg im frühen Handel um 31 Prozent.
""",
            kicker="Übernahme",
        ),
        T(
            "de-novagen-2",
            "de",
            "Reuters",
            "Zürich",
            "Novagen-Verwaltungsrat lehnt Übernahmeangebot von Hallworth ab",
            """
Der Verwaltungsrat der Basler Biotechfirma Novagen hat das Übernahmeangebot des US-Konzerns Hallworth einstimmig abgelehnt. Die Offerte von 86 Franken je Aktie unterbewerte das Unternehmen deutlich, teilte Novagen mit.

Das Gremium verwies auf die Aussichten des Medikaments gegen die Stoffwechselkrankheit MPS II, für das noch in diesem Jahr ein Zulassungsentscheid erwartet wird.

Hallworth erklärte, man halte an dem Interesse fest und prüfe die nächsten Schritte. Die Novagen-Aktie gab bis zum Mittag um 4 Prozent nach, notierte aber weiterhin über dem Angebotspreis.
""",
            kicker="Übernahme",
        ),
    ),
    (
        T(
            "fr-var-1",
            "fr",
            "AFP",
            "Toulon",
            "Incendie dans le Var: 700 hectares brûlés, des habitations évacuées",
            """
Un incendie a parcouru quelque 700 hectares de garrigue et de pinède dans le Var, entraînant l'évacuation de plusieurs centaines d'habitants, a indiqué la préfecture en soirée.

Le feu s'est déclaré en début d'après-midi près de la commune de Vidauban, avant d'être attisé par un mistral soufflant à plus de 60 km/h. Plus de 600 pompiers et plusieurs bombardiers d'eau ont été mobilisés.

L'autoroute A8 a été coupée dans les deux sens pendant plusieurs heures. Aucune victime n'était à déplorer en fin de journée.
""",
            kicker="Incendie",
        ),
        T(
            "fr-var-2",
            "fr",
            "AFP",
            "Toulon",
            "Incendie du Var: le feu fixé, une enquête ouverte sur son origine",
            """
L'incendie qui a ravagé plus de 900 hectares dans le Var a été fixé dans la matinée, ont annoncé les pompiers, qui restent mobilisés pour éviter toute reprise.

Le parquet de Draguignan a ouvert une enquête pour déterminer l'origine du sinistre. Les premières constatations évoquent un départ de feu en bordure d'une route départementale.

Les habitants évacués ont pu regagner leur domicile dans la nuit. Deux maisons et plusieurs hangars agricoles ont été détruits, selon un premier bilan.

Trois pompiers ont été légèrement blessés durant les opérations.
""",
            kicker="Incendie",
        ),
    ),
    (
        T(
            "fr-rando-1",
            "fr",
            "ATS",
            "Lausanne",
            "Une randonneuse de 67 ans portée disparue dans le Jura vaudois",
            """
Une randonneuse de 67 ans est portée disparue dans la région du Mont-Tendre, dans le Jura vaudois. Elle n'est pas rentrée d'une excursion en solitaire, a indiqué la police cantonale vaudoise.

Les recherches ont été lancées dans la nuit avec l'appui d'un hélicoptère équipé d'une caméra thermique et d'équipes cynophiles. Le brouillard a compliqué les opérations.

La police diffuse le signalement de la disparue: elle mesure environ 1m65, porte des cheveux gris courts et était vêtue d'une veste rouge. Toute personne pouvant fournir des informations est priée d'appeler le 117.
""",
            kicker="Disparition",
        ),
        T(
            "fr-rando-2",
            "fr",
            "ATS",
            "Lausanne",
            "La randonneuse disparue dans le Jura vaudois retrouvée vivante",
            """
La randonneuse de 67 ans disparue dans la région du Mont-Tendre a été retrouvée vivante dans la matinée. Elle était légèrement hypothermique, a communiqué la police cantonale vaudoise.

Un promeneur l'a aperçue dans une combe isolée, à près de quatre kilomètres de son point de départ. Elle s'était égarée dans le brouillard et avait passé la nuit dehors.

Elle a été héliportée au CHUV pour des contrôles. La police remercie la population pour les nombreux signalements reçus.
""",
            kicker="Jura vaudois",
        ),
    ),
    (
        T(
            "fr-biscuit-1",
            "fr",
            "ATS",
            "Sainte-Croix",
            "Une biscuiterie de Sainte-Croix va fermer, 120 emplois menacés",
            """
La biscuiterie Jaquier, à Sainte-Croix (VD), va cesser sa production d'ici la fin de l'année. Quelque 120 postes sont menacés, a annoncé la direction lors d'une séance avec le personnel.

L'entreprise invoque la hausse des coûts de l'énergie et des matières premières ainsi que la concurrence des produits importés. La production doit être transférée sur un site en Allemagne.

Une procédure de consultation a été ouverte. Le syndicat Unia dénonce une décision «brutale» et demande un plan social digne de ce nom.
""",
            kicker="Emploi",
        ),
        T(
            "fr-biscuit-2",
            "fr",
            "ATS",
            "Lausanne",
            "Biscuiterie Jaquier: un repreneur pourrait sauver 80 emplois",
            """
Un repreneur s'est manifesté pour le site de la biscuiterie Jaquier à Sainte-Croix, dont la fermeture avait été annoncée en début de semaine. Un groupe alimentaire fribourgeois propose de reprendre 80 des 120 collaborateurs, a indiqué le Conseil d'Etat vaudois.

Les négociations doivent aboutir d'ici fin mars. Le canton s'est dit prêt à soutenir la reconversion partielle du site.

Unia salue une «lueur d'espoir» mais exige des garanties pour les employés qui ne seraient pas repris.
""",
            kicker="Emploi",
        ),
    ),
    (
        T(
            "fr-tempete-1",
            "fr",
            "AFP",
            "Rennes",
            "Tempête: la Bretagne et la Normandie en vigilance orange vents violents",
            """
Météo-France a placé le Finistère, les Côtes-d'Armor, la Manche et le Calvados en vigilance orange vents violents, en raison de l'arrivée d'une tempête baptisée Aurore. Des rafales jusqu'à 140 km/h sont attendues sur les côtes dans la nuit.

Les autorités recommandent d'éviter les déplacements et de ne pas se promener sur le littoral. Les liaisons maritimes vers les îles ont été suspendues.

La tempête devrait s'éloigner vers la mer du Nord le lendemain en fin de matinée.
""",
            kicker="Tempête Aurore",
        ),
        T(
            "fr-tempete-2",
            "fr",
            "AFP",
            "Rennes",
            "Tempête Aurore: 90.000 foyers privés d'électricité dans l'Ouest",
            """
Quelque 90.000 foyers étaient privés d'électricité dans la matinée en Bretagne et en Normandie après le passage de la tempête Aurore, selon Enedis. Une rafale de 156 km/h a été enregistrée à la pointe du Raz.

Les pompiers sont intervenus plus de 1.200 fois pendant la nuit, principalement pour des chutes d'arbres. Un automobiliste a été grièvement blessé dans le Calvados par la chute d'une branche sur son véhicule.

La circulation ferroviaire restait perturbée entre Rennes et Brest. Enedis prévoit un retour à la normale d'ici vendredi soir.
""",
            kicker="Tempête Aurore",
        ),
    ),
    (
        T(
            "en-cyber-1",
            "en",
            "Reuters",
            "London",
            "Cyberattack disrupts hospital network in northern England",
            """
A cyberattack has disrupted computer systems at a group of hospitals in northern England, forcing staff to cancel some operations and divert ambulances, the health trust said.

The Pennine Valley hospitals trust said it had taken systems offline as a precaution after detecting unusual activity over the weekend. Blood test results and patient records were temporarily unavailable.

The National Cyber Security Centre said it was working with the trust to understand the impact of the incident.
""",
            kicker="Cybersecurity",
        ),
        T(
            "en-cyber-2",
            "en",
            "Reuters",
            "London",
            "Ransomware gang claims attack on English hospital trust",
            """
A ransomware group has claimed responsibility for a cyberattack on a hospital trust in northern England and threatened to publish stolen patient data, according to a post on its leak site seen by Reuters.

The Pennine Valley trust said most of its systems had been restored and planned operations would resume on Thursday. It said it was investigating whether patient data had been taken.

Cybersecurity researchers said the group had targeted several healthcare providers in Europe this year. The trust said it would not pay a ransom.
""",
            kicker="Cybersecurity",
        ),
    ),
    (
        T(
            "en-walkers-1",
            "en",
            "PA",
            None,
            "Search under way for two walkers missing in Cairngorms",
            """
A major search is under way for two walkers who failed to return from a hike in the Cairngorms, police said.

The men, aged 28 and 31, set off from the Glenmore area on Friday morning and had planned to climb Cairn Gorm. Their car was found in a car park the following day.

Mountain rescue teams, a coastguard helicopter and search dogs are involved. Police Scotland said conditions on the plateau were poor, with snow and strong winds.
""",
            kicker="Scotland",
        ),
        T(
            "en-walkers-2",
            "en",
            "PA",
            None,
            "Walkers missing in Cairngorms found safe and well",
            """
Two walkers who went missing in the Cairngorms have been found safe and well after spending a night in a snow hole, police said.

The pair were spotted by the crew of a coastguard helicopter near Loch Avon shortly after first light and were flown to hospital in Inverness as a precaution.

Cairngorm Mountain Rescue Team praised the men for their decision to dig in and wait for better weather.
""",
            kicker="Scotland",
        ),
    ),
    (
        T(
            "en-skyvale-1",
            "en",
            "PA",
            None,
            "Cabin crew at Skyvale Airways vote to strike over pay",
            """
Cabin crew at Skyvale Airways have voted overwhelmingly to strike over pay, raising the prospect of flight cancellations during the Easter holidays, their union said.

Of those who voted, 91% backed industrial action, on a turnout of 78%. The union said staff had been offered a 3% pay rise, below the rate of inflation.

Skyvale said it was disappointed by the result and urged the union to return to talks. The airline operates about 300 flights a day from five UK airports.
""",
            kicker="Aviation",
        ),
        T(
            "en-skyvale-2",
            "en",
            "PA",
            None,
            "Skyvale Airways and union reach deal, calling off strike",
            """
Skyvale Airways and the union representing its cabin crew have reached a pay agreement, calling off strikes that threatened to disrupt Easter travel, both sides said.

The deal includes a 6.5% pay increase backdated to January and an improved allowance for overnight stays. Union members will be balloted on the offer next week.

Passengers do not need to take any action, the airline said, and all flights will operate as scheduled.
""",
            kicker="Aviation",
        ),
    ),
    (
        T(
            "en-bridge-1",
            "en",
            "AP",
            "Louisville",
            "Crack found in bridge forces closure of major Ohio River crossing",
            """
Transportation officials closed a major bridge over the Ohio River after inspectors found a crack in a steel support beam, diverting tens of thousands of vehicles a day.

The Marlow Street Bridge, which links Kentucky and Indiana, carries about 65,000 vehicles daily. Officials said the closure would last at least several days while engineers assess the damage.

Traffic was backed up for miles on alternative routes during the evening commute.
""",
            kicker="Infrastructure",
        ),
        T(
            "en-bridge-2",
            "en",
            "AP",
            "Louisville",
            "Ohio River bridge to stay closed for months after crack found",
            """
A bridge over the Ohio River that was closed after inspectors found a cracked steel beam will remain shut for at least three months, transportation officials said.

Engineers determined that the crack had grown over several years and that the beam must be replaced. Officials said emergency repairs would cost about $18 million.

Local businesses near the crossing said they were already seeing fewer customers. The state said it would add ferry services and extend bus routes to ease congestion.
""",
            kicker="Infrastructure",
        ),
    ),
]

# Compilations: (agency A's version, agency B's separate version of the same news)
OWN_COMPILATIONS: list[tuple[Text, Text]] = [
    (
        T(
            "de-strom-a",
            "de",
            "SDA",
            "Bern",
            "Bundesrat will Reservekraftwerke für den Winter ausbauen",
            """
Der Bundesrat will die Stromreserve für den Winter dauerhaft ausbauen. Er hat eine entsprechende Gesetzesänderung in die Vernehmlassung geschickt.

Künftig sollen Reservekraftwerke mit einer Leistung von bis zu 700 Megawatt bereitstehen. Sie sollen nur dann zum Einsatz kommen, wenn die Versorgung gegen Ende des Winters knapp wird.

Die Kosten von jährlich rund 200 Millionen Franken sollen über die Netzgebühren auf die Stromkonsumentinnen und -konsumenten verteilt werden. Das entspricht für einen durchschnittlichen Haushalt etwa 8 Franken pro Jahr.

Der Energieminister sagte vor den Medien, die Schweiz dürfe sich im Winter nicht allein auf Importe verlassen.

Die Vernehmlassung dauert bis Ende Juni.
""",
            kicker="Stromversorgung",
        ),
        T(
            "de-strom-b",
            "de",
            "dpa",
            "Bern",
            "Schweiz will Notkraftwerke für Stromengpässe vorhalten",
            """
Die Schweiz will sich mit zusätzlichen Reservekraftwerken gegen Stromengpässe im Winter wappnen. Die Regierung in Bern legte einen Gesetzentwurf vor, wonach künftig Anlagen mit bis zu 700 Megawatt Leistung bereitstehen sollen.

Die Schweiz ist im Winter auf Stromimporte angewiesen, vor allem aus Deutschland und Frankreich. Im Sommer produziert das Land mit seinen Wasserkraftwerken dagegen mehr Strom, als es verbraucht.

Die Kraftwerke, die mit Gas oder Öl betrieben werden können, sollen nur im Notfall laufen. Umweltverbände kritisierten den Plan als Rückschritt für den Klimaschutz.
""",
            kicker="Schweiz",
        ),
    ),
    (
        T(
            "de-brand-a",
            "de",
            "APA",
            "Salzburg",
            "Großbrand in Salzburger Altstadt: Dachstuhl zerstört",
            """
Bei einem Großbrand in der Salzburger Altstadt ist in der Nacht der Dachstuhl eines historischen Wohnhauses in der Getreidegasse zerstört worden. Verletzt wurde niemand, wie die Berufsfeuerwehr mitteilte.

Das Feuer war gegen 2.30 Uhr aus bisher unbekannter Ursache im obersten Stockwerk ausgebrochen. Die 14 Bewohner konnten sich selbst ins Freie retten.

Rund 90 Feuerwehrleute standen im Einsatz. Wegen der engen Gassen gestaltete sich der Zugang mit der Drehleiter schwierig.

Die Getreidegasse blieb am Vormittag für Fußgänger gesperrt. Brandermittler des Landeskriminalamts nahmen die Arbeit auf.
""",
            kicker="Salzburg",
        ),
        T(
            "de-brand-b",
            "de",
            "dpa",
            "Salzburg",
            "Feuer in Salzburgs berühmter Getreidegasse",
            """
In der berühmten Salzburger Getreidegasse hat in der Nacht ein Feuer den Dachstuhl eines Altstadthauses zerstört. Alle 14 Bewohner brachten sich in Sicherheit, wie die Feuerwehr der österreichischen Stadt mitteilte.

Die Einkaufsstraße, in der auch das Geburtshaus von Wolfgang Amadeus Mozart steht, ist eine der meistbesuchten Sehenswürdigkeiten Österreichs. Das Mozart-Geburtshaus blieb nach ersten Erkenntnissen unbeschädigt.

Die Brandursache war zunächst unklar.
""",
            kicker="Österreich",
        ),
    ),
    (
        T(
            "de-meteorit-a",
            "de",
            "dpa",
            "Berlin",
            "Meteorit über Niedersachsen: Forscher finden erste Bruchstücke",
            """
Nach dem Feuerball über Norddeutschland haben Forscher erste Bruchstücke eines Meteoriten gefunden. Ein etwa 200 Gramm schweres Stück sei auf einem Feld bei Celle entdeckt worden, teilte das Museum für Naturkunde in Berlin mit.

Der Feuerball war in der Nacht von zahlreichen Menschen in Niedersachsen, Hamburg und Bremen beobachtet worden. Auch Überwachungskameras zeichneten den hellen Lichtblitz auf.

Nach Berechnungen der Experten war der Himmelskörper mit rund 60.000 Kilometern pro Stunde in die Atmosphäre eingetreten und in etwa 30 Kilometern Höhe zerborsten. Weitere Fragmente werden in einem Streifen zwischen Celle und Gifhorn vermutet.

Die Forscher bitten Finder, die Steine nicht mit bloßen Händen anzufassen und sich beim Museum zu melden.
""",
            kicker="Meteorit",
        ),
        T(
            "de-meteorit-b",
            "de",
            "AFP",
            "Hannover",
            "Bruchstück von Meteorit bei Celle entdeckt",
            """
Nach der Sichtung eines Feuerballs am Nachthimmel über Norddeutschland ist in Niedersachsen ein Meteoritenbruchstück entdeckt worden. Ein Spaziergänger fand das Stück am Morgen auf einem Acker, wie Experten mitteilten.

Es handle sich um einen sogenannten Steinmeteoriten, sagte ein Mineraloge der Universität Münster der Nachrichtenagentur AFP. Solche Funde seien in Deutschland sehr selten.

Das Fundstück soll nun im Labor untersucht werden, um sein Alter und seine Herkunft zu bestimmen.
""",
            kicker="Astronomie",
        ),
    ),
    (
        T(
            "fr-eboulement-a",
            "fr",
            "ATS",
            "Sion",
            "Un éboulement coupe la route du Grand-Saint-Bernard",
            """
Un éboulement a coupé la route du Grand-Saint-Bernard entre Bourg-Saint-Pierre et le tunnel, en Valais. Personne n'a été blessé, a indiqué la police cantonale valaisanne.

Environ 3000 mètres cubes de rochers et de terre se sont détachés de la paroi vers 6h30, recouvrant la chaussée sur une centaine de mètres. Un géologue a été dépêché sur place.

Le trafic vers l'Italie est dévié par le tunnel du Simplon ou le Mont-Blanc. La route devrait rester fermée au moins jusqu'à mercredi, le temps de sécuriser la paroi.

Le secteur avait déjà été touché par des chutes de pierres à la fin de l'hiver.
""",
            kicker="Valais",
        ),
        T(
            "fr-eboulement-b",
            "fr",
            "AFP",
            "Genève",
            "Suisse: un éboulement coupe un axe routier vers l'Italie",
            """
Un important éboulement a bloqué la route du col du Grand-Saint-Bernard, l'un des principaux axes routiers entre la Suisse et l'Italie, sans faire de blessés, selon la police suisse.

Du côté italien, les autorités de la Vallée d'Aoste ont conseillé aux poids lourds de différer leurs trajets. Des centaines de camions empruntent chaque jour le tunnel du Grand-Saint-Bernard.

Les glissements de terrain se sont multipliés dans les Alpes suisses ces dernières années, en partie en raison du dégel du permafrost lié au réchauffement climatique.
""",
            kicker="Suisse",
        ),
    ),
    (
        T(
            "fr-sncf-a",
            "fr",
            "AFP",
            "Paris",
            "La SNCF annonce une hausse moyenne de 3% du prix des TGV",
            """
La SNCF va augmenter en moyenne de 3% le prix de ses billets de TGV à partir du 1er avril, a annoncé la compagnie ferroviaire, invoquant la hausse des péages et des coûts de l'énergie.

Les billets Ouigo, la branche à bas coût, ne sont pas concernés par cette hausse, a précisé la direction. Les prix des abonnements pour les jeunes seront gelés jusqu'à la fin de l'année.

Les associations d'usagers ont dénoncé une décision «incompréhensible», alors que la fréquentation des trains atteint des niveaux record.

La compagnie a transporté 122 millions de voyageurs sur ses lignes à grande vitesse l'an dernier.
""",
            kicker="Transports",
        ),
        T(
            "fr-sncf-b",
            "fr",
            "Reuters",
            "Paris",
            "SNCF relève ses tarifs TGV de 3% en moyenne",
            """
SNCF Voyageurs relèvera ses tarifs TGV de 3% en moyenne au 1er avril, a déclaré un porte-parole du groupe, une hausse destinée à compenser l'augmentation des redevances d'infrastructure versées à SNCF Réseau.

Le ministre des Transports a indiqué à Reuters qu'il avait demandé à la compagnie de «préserver les petits prix», sans remettre en cause la hausse.

Le groupe SNCF a dégagé un bénéfice net de 1,3 milliard d'euros l'an dernier.
""",
            kicker="SNCF",
        ),
    ),
    (
        T(
            "fr-etna-a",
            "fr",
            "AFP",
            "Rome",
            "Etna: l'aéroport de Catane fermé après une éruption",
            """
L'aéroport de Catane, en Sicile, a été fermé dans la nuit en raison d'une éruption de l'Etna, dont les cendres ont recouvert les pistes, a annoncé la société de gestion de l'aéroport.

Le volcan a projeté une colonne de cendres de plusieurs kilomètres de haut, selon l'Institut national de géophysique et de volcanologie (INGV). Des coulées de lave ont été observées sur le flanc sud-est, loin des zones habitées.

Les vols ont été déroutés vers Palerme et Comiso. La réouverture des pistes est prévue en fin de journée, après nettoyage.

L'Etna, qui culmine à environ 3300 mètres, est l'un des volcans les plus actifs au monde.
""",
            kicker="Italie",
        ),
        T(
            "fr-etna-b",
            "fr",
            "Reuters",
            "Catane",
            "Italie: éruption de l'Etna, vols suspendus à Catane",
            """
Les vols à destination et au départ de Catane ont été suspendus à la suite d'une nouvelle éruption de l'Etna, a indiqué l'aéroport sicilien dans un communiqué.

Un habitant de Zafferana Etnea a déclaré à Reuters que des cendres noires tombaient sur la commune depuis la veille au soir, obligeant les habitants à rester chez eux.

La protection civile a demandé aux automobilistes de limiter leur vitesse sur les routes couvertes de cendres.
""",
            kicker="Volcan",
        ),
    ),
    (
        T(
            "en-iceland-a",
            "en",
            "Reuters",
            "Reykjavik",
            "Volcano erupts on Iceland's Reykjanes peninsula, flights unaffected",
            """
A volcano erupted on Iceland's Reykjanes peninsula late on Tuesday, spewing lava and smoke into the sky, the country's meteorological office said, the latest in a series of eruptions in the area.

The eruption began shortly after 10 p.m. local time along a fissure about 3 km (1.9 miles) long north of the town of Grindavik, which was evacuated as a precaution.

Keflavik international airport remained open and flights were operating normally, the airport operator said.

The peninsula has seen repeated eruptions since 2021 after the volcanic system reawakened following about 800 years of inactivity.
""",
            kicker="Iceland",
        ),
        T(
            "en-iceland-b",
            "en",
            "AP",
            "Reykjavik",
            "Iceland volcano erupts again, lighting up night sky",
            """
A volcano in southwestern Iceland erupted again Tuesday night, sending molten rock flowing from a fissure in the ground and lighting up the night sky in orange.

Residents of Grindavik, a fishing town of about 3,800 people, were ordered to leave their homes, civil protection officials said. Many had only recently returned after earlier evacuations.

The Blue Lagoon geothermal spa, one of Iceland's biggest tourist attractions, closed its doors for the night.
""",
            kicker="Volcano",
        ),
    ),
    (
        T(
            "en-veltrix-a",
            "en",
            "Reuters",
            "New York",
            "Software maker Veltrix to cut 2,000 jobs in restructuring",
            """
Veltrix Inc said it would cut about 2,000 jobs, or 9% of its workforce, as the business software maker shifts investment toward artificial intelligence products.

The company expects to record restructuring charges of $210 million to $240 million, mostly in the current quarter, according to a regulatory filing.

Veltrix shares rose 4% in extended trading. The company also raised its full-year revenue forecast to $9.3 billion.

Technology firms have cut tens of thousands of jobs this year as they redirect spending to AI.
""",
            kicker="Tech",
        ),
        T(
            "en-veltrix-b",
            "en",
            "AP",
            "Austin",
            "Veltrix announces layoffs of 2,000 workers",
            """
Business software company Veltrix says it will lay off about 2,000 workers as it reorganizes around artificial intelligence.

In a memo to employees, CEO Dana Whitfield said the decision was "painful but necessary" and that affected workers would receive at least 16 weeks of severance pay.

The Austin, Texas-based company employs about 22,000 people worldwide.
""",
            kicker="Layoffs",
        ),
    ),
    (
        T(
            "en-ship-a",
            "en",
            "Reuters",
            "Amsterdam",
            "Cargo ship runs aground off Dutch coast, no leak detected",
            """
A cargo ship carrying more than 3,000 cars ran aground off the Dutch island of Terschelling early on Sunday, the Dutch coastguard said, adding that no fuel leak had been detected.

The 200-metre Panama-flagged vessel, the Northern Aurora, lost engine power during a storm and drifted onto a sandbank, according to the coastguard.

Its 21 crew members were unharmed and remained on board. Tugboats will attempt to refloat the ship at high tide on Monday.

The Wadden Sea is a UNESCO World Heritage site and home to large colonies of seals and migratory birds.
""",
            kicker="Shipping",
        ),
        T(
            "en-ship-b",
            "en",
            "AFP",
            "The Hague",
            "Car carrier stranded near Dutch Wadden island",
            """
A car carrier stranded near the Dutch Wadden island of Terschelling on Sunday, raising fears for the fragile ecosystem, Dutch authorities said.

Environmental groups urged the government to have an oil spill response vessel on standby. "One leak could be catastrophic for this area," a spokeswoman for an environmental association said.

In 2019, a container ship lost hundreds of containers in the same area during a storm, scattering debris along the coastline.
""",
            kicker="Netherlands",
        ),
    ),
]

# Very short items (1-2 sentences) for outlets with long boilerplate: (title, text, agency)
BRIEFS: dict[str, list[tuple[str, str, str | None]]] = {
    "de": [
        (
            "{ort}: Brand in Lagerhalle",
            "In {ort} ist am {wd} ein Brand in einer Lagerhalle ausgebrochen. Verletzt wurde niemand.",
            None,
        ),
        (
            "Neuer Spielplatz für {ort}",
            "Die Gemeinde {ort} erhält einen neuen Spielplatz beim Schulhaus. Die Bauarbeiten beginnen im April.",
            None,
        ),
        (
            "Entlaufenes Lama sorgt für Polizeieinsatz",
            "Ein entlaufenes Lama hat am {wd} in {ort} für einen Polizeieinsatz gesorgt. Das Tier konnte unverletzt eingefangen werden.",
            "SDA",
        ),
        (
            "Bibliothek {ort} länger offen",
            "Die Bibliothek von {ort} verlängert ab nächster Woche ihre Öffnungszeiten am Samstag bis 16 Uhr.",
            None,
        ),
        (
            "Hauptstrasse in {ort} nachts gesperrt",
            "Wegen Belagsarbeiten bleibt die Hauptstrasse in {ort} bis Ende Monat jeweils nachts gesperrt.",
            None,
        ),
        (
            "125 Jahre Turnverein {ort}",
            "Der Turnverein {ort} feiert sein 125-jähriges Bestehen mit einem Fest auf dem Dorfplatz.",
            None,
        ),
        (
            "Reifen zerstochen: Polizei sucht Zeugen",
            "In {ort} hat ein Unbekannter in der Nacht auf {wd} an mehreren Autos die Reifen zerstochen. Die Polizei sucht Zeugen.",
            None,
        ),
        (
            "Hallenbad {ort} geschlossen",
            "Das Hallenbad {ort} bleibt wegen eines Defekts an der Heizung bis auf Weiteres geschlossen.",
            None,
        ),
        (
            "Rehkitz aus Schacht gerettet",
            "Die Feuerwehr hat in {ort} ein Rehkitz aus einem Abwasserschacht gerettet. Der Einsatz dauerte knapp eine Stunde.",
            None,
        ),
        (
            "Wochenmarkt {ort} neu am Donnerstag",
            "Der Wochenmarkt in {ort} findet ab sofort jeweils am Donnerstag statt.",
            None,
        ),
        (
            "Autofahrer mit 2,1 Promille gestoppt",
            "Bei einer Verkehrskontrolle in {ort} hat die Polizei einen Autofahrer mit 2,1 Promille gestoppt. Der Führerausweis wurde ihm auf der Stelle abgenommen.",
            "SDA",
        ),
        (
            "Post schliesst Filiale in {ort}",
            "Die Post schliesst ihre Filiale in {ort} per Ende Juni und ersetzt sie durch eine Agentur im Dorfladen.",
            "SDA",
        ),
        (
            "Chor aus {ort} gewinnt ersten Preis",
            "Der Gemischte Chor {ort} hat beim kantonalen Gesangsfest den ersten Preis in seiner Kategorie gewonnen.",
            None,
        ),
        (
            "Freiwillige tragen Kröten über die Strasse",
            "In {ort} haben Freiwillige am Wochenende rund 300 Kröten über die Strasse getragen. Die Zäune bleiben bis Ende März stehen.",
            None,
        ),
        (
            "{ort} hat eine neue Gemeindeschreiberin",
            "Der Gemeinderat von {ort} hat eine neue Gemeindeschreiberin gewählt. Sie tritt ihre Stelle im Mai an.",
            None,
        ),
        (
            "Stromausfall in {ort}",
            "Ein Stromausfall hat am {wd}abend rund 800 Haushalte in {ort} für eine Stunde vom Netz getrennt.",
            None,
        ),
        (
            "Neue Glocken für die Kirche {ort}",
            "Die reformierte Kirche {ort} erhält neue Glocken. Der Glockenaufzug ist für Pfingsten geplant.",
            None,
        ),
        (
            "Velofahrer bei Sturz verletzt",
            "In {ort} ist am {wd} ein Velofahrer bei einem Sturz auf einer nassen Brücke leicht verletzt worden.",
            None,
        ),
        (
            "Altersheim sucht Freiwillige",
            "Das Altersheim {ort} sucht Freiwillige, die mit Bewohnerinnen und Bewohnern spazieren gehen.",
            None,
        ),
        ("Badi {ort} öffnet früher", "Das Freibad in {ort} öffnet dieses Jahr bereits am 1. Mai.", None),
        (
            "Lastwagen beschädigt Brückengeländer",
            "Ein Lastwagen hat in {ort} das Geländer einer Brücke beschädigt. Die Brücke ist bis auf Weiteres nur einspurig befahrbar.",
            "SDA",
        ),
        (
            "Dorfladen {ort} gerettet",
            "Der Dorfladen in {ort} bleibt offen: Eine Genossenschaft mit 240 Mitgliedern übernimmt das Geschäft.",
            None,
        ),
    ],
    "fr": [
        (
            "{ort}: incendie dans un hangar",
            "Un incendie s'est déclaré {wd} dans un hangar agricole à {ort}. Personne n'a été blessé.",
            None,
        ),
        (
            "Une nouvelle place de jeux à {ort}",
            "La commune de {ort} va aménager une nouvelle place de jeux près du collège. Les travaux débuteront en avril.",
            None,
        ),
        (
            "Un lama en fuite mobilise la police",
            "Un lama échappé de son enclos a mobilisé la police {wd} à {ort}. L'animal a été récupéré sain et sauf.",
            "ATS",
        ),
        (
            "La bibliothèque de {ort} élargit ses horaires",
            "La bibliothèque de {ort} sera ouverte le samedi jusqu'à 16h dès la semaine prochaine.",
            None,
        ),
        (
            "Route fermée la nuit à {ort}",
            "En raison de travaux de revêtement, la route principale de {ort} sera fermée la nuit jusqu'à la fin du mois.",
            None,
        ),
        (
            "La gym de {ort} fête ses 125 ans",
            "La société de gymnastique de {ort} fêtera ses 125 ans par une fête sur la place du village.",
            None,
        ),
        (
            "Pneus crevés: appel à témoins",
            "Plusieurs voitures ont eu leurs pneus crevés dans la nuit de {wd} à {ort}. La police lance un appel à témoins.",
            None,
        ),
        (
            "La piscine de {ort} fermée",
            "La piscine couverte de {ort} est fermée jusqu'à nouvel avis en raison d'une panne de chauffage.",
            None,
        ),
        (
            "Un faon sauvé d'une canalisation",
            "Les pompiers ont sauvé un faon coincé dans une canalisation à {ort}. L'intervention a duré près d'une heure.",
            None,
        ),
        (
            "Le marché de {ort} change de jour",
            "Le marché hebdomadaire de {ort} aura désormais lieu le jeudi.",
            None,
        ),
        (
            "Un automobiliste contrôlé à 2,1 pour mille",
            "Lors d'un contrôle de circulation à {ort}, la police a intercepté un automobiliste présentant un taux d'alcool de 2,1 pour mille. Son permis lui a été retiré sur-le-champ.",
            "ATS",
        ),
        (
            "La Poste ferme son office de {ort}",
            "La Poste fermera son office de {ort} à la fin juin et le remplacera par une filiale dans l'épicerie du village.",
            "ATS",
        ),
        (
            "Premier prix pour le chœur de {ort}",
            "Le chœur mixte de {ort} a remporté le premier prix de sa catégorie à la fête cantonale de chant.",
            None,
        ),
        (
            "Des bénévoles font traverser les crapauds",
            "À {ort}, des bénévoles ont aidé quelque 300 crapauds à traverser la route ce week-end. Les barrières resteront en place jusqu'à fin mars.",
            None,
        ),
        (
            "Nouvelle secrétaire communale à {ort}",
            "La Municipalité de {ort} a nommé une nouvelle secrétaire communale. Elle entrera en fonction en mai.",
            None,
        ),
        (
            "Panne de courant à {ort}",
            "Une panne de courant a privé quelque 800 ménages d'électricité pendant une heure {wd} soir à {ort}.",
            None,
        ),
        (
            "De nouvelles cloches pour le temple de {ort}",
            "Le temple de {ort} recevra de nouvelles cloches. Leur installation est prévue pour la Pentecôte.",
            None,
        ),
        (
            "Un cycliste blessé dans une chute",
            "Un cycliste a été légèrement blessé {wd} à {ort} après avoir chuté sur un pont glissant.",
            None,
        ),
        (
            "L'EMS de {ort} cherche des bénévoles",
            "L'EMS de {ort} cherche des bénévoles pour accompagner les résidents lors de promenades.",
            None,
        ),
        (
            "La piscine de {ort} ouvre plus tôt",
            "La piscine en plein air de {ort} ouvrira cette année dès le 1er mai.",
            None,
        ),
        (
            "Un camion endommage un pont",
            "Un camion a endommagé la barrière d'un pont à {ort}. La circulation se fait sur une seule voie jusqu'à nouvel avis.",
            "ATS",
        ),
        (
            "L'épicerie de {ort} sauvée",
            "L'épicerie de {ort} restera ouverte: une coopérative de 240 membres reprend le commerce.",
            None,
        ),
    ],
    "en": [
        (
            "Fire breaks out at {ort} warehouse",
            "Firefighters were called to a blaze at a warehouse in {ort} on {wd}. No one was injured.",
            None,
        ),
        (
            "New playground planned for {ort}",
            "A new playground will be built next to the primary school in {ort}, with work starting in April.",
            None,
        ),
        (
            "Escaped llama leads police on chase",
            "Police in {ort} spent {wd} afternoon rounding up a llama that had escaped from a nearby farm. The animal was returned unharmed.",
            "PA",
        ),
        (
            "{ort} library extends Saturday hours",
            "{ort} library will stay open until 4pm on Saturdays from next week.",
            None,
        ),
        (
            "Overnight road closures in {ort}",
            "The high street in {ort} will be closed overnight until the end of the month for resurfacing works.",
            None,
        ),
        (
            "{ort} cricket club marks 125 years",
            "{ort} Cricket Club will celebrate its 125th anniversary with a family fun day on the village green.",
            None,
        ),
        (
            "Tyres slashed on several cars",
            "Tyres were slashed on several cars parked in {ort} overnight into {wd}. Police are appealing for witnesses.",
            None,
        ),
        (
            "{ort} leisure centre pool closed",
            "The swimming pool at {ort} leisure centre will remain closed until further notice because of a heating fault.",
            None,
        ),
        (
            "Firefighters rescue fawn from drain",
            "Firefighters rescued a young deer that had become trapped in a drain in {ort}. The rescue took almost an hour.",
            None,
        ),
        (
            "{ort} market moves to Thursdays",
            "The weekly market in {ort} will now take place on Thursdays.",
            None,
        ),
        (
            "Driver arrested at three times the limit",
            "A driver stopped by police in {ort} was found to be nearly three times over the drink-drive limit and has been charged.",
            "PA",
        ),
        (
            "{ort} post office to close",
            "The post office in {ort} will close at the end of June and move into the village shop.",
            "PA",
        ),
        (
            "{ort} choir wins county prize",
            "{ort} Community Choir has won first prize in its category at the county music festival.",
            None,
        ),
        (
            "Volunteers help toads cross the road",
            "Volunteers in {ort} helped about 300 toads cross a busy road over the weekend. The toad patrol continues until the end of March.",
            None,
        ),
        (
            "New parish clerk appointed in {ort}",
            "{ort} parish council has appointed a new clerk, who will start in May.",
            None,
        ),
        ("Power cut hits {ort}", "About 800 homes in {ort} lost power for an hour on {wd} evening.", None),
        (
            "New bells for {ort} church",
            "St Mary's Church in {ort} is to receive a new peal of bells, due to be installed by Whitsun.",
            None,
        ),
        (
            "Cyclist hurt in fall",
            "A cyclist suffered minor injuries after falling on a slippery bridge in {ort} on {wd}.",
            None,
        ),
        (
            "Care home seeks volunteers",
            "A care home in {ort} is looking for volunteers to go on walks with residents.",
            None,
        ),
        (
            "{ort} lido to open early",
            "The open-air lido in {ort} will open on May 1 this year, earlier than usual.",
            None,
        ),
        (
            "Lorry damages bridge railing",
            "A lorry has damaged the railing of a bridge in {ort}. The bridge is down to one lane until further notice.",
            "PA",
        ),
        (
            "{ort} village shop saved",
            "The village shop in {ort} will stay open after a community co-operative with 240 members agreed to take it over.",
            None,
        ),
    ],
}
BRIEF_PLACES = {
    "Regio-News Mittelland": [
        "Niederlenz",
        "Oftringen",
        "Wohlen",
        "Lengnau",
        "Suhr",
        "Gränichen",
        "Rothrist",
        "Zofingen",
        "Balsthal",
        "Grenchen",
        "Derendingen",
        "Hägendorf",
        "Egerkingen",
        "Safenwil",
    ],
    "Stadtportal Oberrhein": [
        "Kirchzarten",
        "Gundelfingen",
        "Ettenheim",
        "Kenzingen",
        "Herbolzheim",
        "Schuttertal",
        "Seelbach",
        "Friesenheim",
        "Emmendingen",
        "Waldkirch",
        "Denzlingen",
        "Teningen",
    ],
    "Info-Région Chablais": [
        "Collombey",
        "Vionnaz",
        "Bex",
        "Ollon",
        "Vouvry",
        "Champéry",
        "Troistorrents",
        "Massongex",
        "Aigle",
        "Leysin",
        "Villeneuve",
        "Saint-Gingolph",
        "Evionnaz",
        "Vérossaz",
    ],
    "Actu Côte d'Opale": [
        "Marquise",
        "Wimereux",
        "Desvres",
        "Samer",
        "Guînes",
        "Ardres",
        "Hardelot",
        "Étaples",
        "Berck",
        "Montreuil",
        "Audresselles",
        "Wissant",
    ],
    "Community Hub News": [
        "Kirkby Vale",
        "Harrowgate",
        "Little Ashby",
        "Marston Green",
        "Upper Weald",
        "Fenbridge",
        "Oakhurst",
        "Thornbury Hill",
        "Westcombe",
        "Brackenfield",
    ],
    "Borough Online": [
        "Millbrook",
        "East Haven",
        "Cedar Falls",
        "Pine Ridge",
        "Oak Creek",
        "Maple Grove",
        "Willow Bend",
        "Stony Brook",
        "Clearwater",
        "Fox Hollow",
        "Elm Park",
        "Birch Lake",
    ],
}


# ---------------------------------------------------------------------------------------------
# Templates: formulaic daily items, each instance its own story
# ---------------------------------------------------------------------------------------------


def fmt_num(x: float, decimals: int, style: str) -> str:
    s = f"{x:,.{decimals}f}"  # 12,345.67
    if style == "ch":  # 12'345,67
        return s.replace(",", "'").replace(".", ",")
    if style == "de":  # 12.345,67
        return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if style == "chfr":  # 12'345,67
        return s.replace(",", "'").replace(".", ",")
    if style == "fr":  # 12 345,67
        return s.replace(",", "\u202f").replace(".", ",")
    return s


FIRST = [
    "Luca",
    "Noah",
    "Jonas",
    "Elias",
    "Marco",
    "Kevin",
    "Leon",
    "Nico",
    "Samuel",
    "David",
    "Yannick",
    "Théo",
    "Hugo",
    "Lucas",
    "Nathan",
    "Enzo",
    "Mathis",
    "Jack",
    "Oliver",
    "Harry",
    "Callum",
    "Ryan",
    "Adam",
    "Mohamed",
    "Ismaël",
    "Filip",
    "Mateo",
    "Andrej",
    "Kenji",
    "Tiago",
]
LAST = [
    "Meier",
    "Keller",
    "Brunner",
    "Baumann",
    "Schmid",
    "Hofmann",
    "Wagner",
    "Frei",
    "Kovač",
    "Dubois",
    "Moreau",
    "Lefèvre",
    "Girard",
    "Bonvin",
    "Rochat",
    "Smith",
    "Walker",
    "Hughes",
    "Evans",
    "Turner",
    "Diallo",
    "Traoré",
    "Silva",
    "Costa",
    "Novak",
    "Jensen",
    "Okafor",
    "Yilmaz",
    "Petrović",
    "Sato",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _days(gen: Gen) -> list[datetime]:
    return [gen.t0 + timedelta(days=d) for d in range(3)]


# -- stock index close ------------------------------------------------------------------------
_MARKETS = {
    "de": [
        dict(
            idx="SMI",
            broad="SPI",
            agency="SDA",
            place="Zürich",
            style="ch",
            level=11800,
            market="Die Schweizer Börse",
            members=[
                "Nestlé",
                "Novartis",
                "Roche",
                "UBS",
                "ABB",
                "Zurich",
                "Swiss Re",
                "Lonza",
                "Sika",
                "Givaudan",
                "Richemont",
                "Partners Group",
                "Holcim",
                "Alcon",
                "Geberit",
                "Logitech",
                "Swisscom",
                "Kühne+Nagel",
                "Sonova",
                "Swiss Life",
            ],
            n=20,
            fx="Der Euro kostete am Abend {eur} Franken, der Dollar {usd} Franken.",
            close_h=16.6,
        ),
        dict(
            idx="Dax",
            broad="MDax",
            agency="dpa",
            place="Frankfurt/Main",
            style="de",
            level=18400,
            market="Der deutsche Aktienmarkt",
            members=[
                "SAP",
                "Siemens",
                "Allianz",
                "BASF",
                "Bayer",
                "BMW",
                "Mercedes-Benz",
                "Volkswagen",
                "Deutsche Bank",
                "Adidas",
                "Infineon",
                "Munich Re",
                "RWE",
                "Eon",
                "Zalando",
                "Porsche",
                "Merck",
                "Henkel",
                "Beiersdorf",
                "Rheinmetall",
                "Commerzbank",
                "Deutsche Telekom",
                "Airbus",
            ],
            n=40,
            fx="Der Euro kostete zuletzt {eurusd} US-Dollar.",
            close_h=16.6,
        ),
        dict(
            idx="ATX",
            broad="ATX Prime",
            agency="APA",
            place="Wien",
            style="de",
            level=3650,
            market="Die Wiener Börse",
            members=[
                "Erste Group",
                "OMV",
                "Verbund",
                "Andritz",
                "voestalpine",
                "Raiffeisen Bank International",
                "Wienerberger",
                "Bawag",
                "Post",
                "Telekom Austria",
                "Lenzing",
                "Uniqa",
                "Vienna Insurance Group",
                "CA Immo",
                "DO & CO",
                "Palfinger",
            ],
            n=20,
            fx="Der Euro notierte am Abend bei {eurusd} US-Dollar.",
            close_h=16.5,
        ),
        dict(
            idx="MDax",
            broad="SDax",
            agency="dpa",
            place="Frankfurt/Main",
            style="de",
            level=26300,
            market="Der Markt für mittelgroße Werte",
            members=[
                "Lufthansa",
                "Puma",
                "Hochtief",
                "Evonik",
                "Fraport",
                "Hensoldt",
                "Nemetschek",
                "Talanx",
                "Scout24",
                "LEG Immobilien",
                "Aurubis",
                "Thyssenkrupp",
                "Gerresheimer",
                "Knorr-Bremse",
            ],
            n=50,
            fx="Der Euro kostete zuletzt {eurusd} US-Dollar.",
            close_h=16.7,
        ),
        dict(
            idx="Euro Stoxx 50",
            broad="Stoxx Europe 600",
            agency="dpa",
            place="Frankfurt/Main",
            style="de",
            level=4950,
            market="Die Börsen in der Eurozone",
            members=[
                "ASML",
                "LVMH",
                "TotalEnergies",
                "Sanofi",
                "Siemens",
                "SAP",
                "Airbus",
                "Iberdrola",
                "Santander",
                "Stellantis",
                "L'Oréal",
                "BNP Paribas",
                "Enel",
                "Inditex",
                "Ferrari",
                "Adyen",
            ],
            n=50,
            fx="Der Euro kostete zuletzt {eurusd} US-Dollar.",
            close_h=16.7,
        ),
    ],
    "fr": [
        dict(
            idx="SMI",
            broad="SPI",
            agency="ATS",
            place="Zurich",
            style="chfr",
            level=11800,
            market="La Bourse suisse",
            members=[
                "Nestlé",
                "Novartis",
                "Roche",
                "UBS",
                "ABB",
                "Zurich",
                "Swiss Re",
                "Lonza",
                "Sika",
                "Givaudan",
                "Richemont",
                "Partners Group",
                "Holcim",
                "Alcon",
                "Geberit",
                "Logitech",
                "Swisscom",
                "Kühne+Nagel",
                "Sonova",
                "Swiss Life",
            ],
            n=20,
            fx="L'euro valait {eur} franc et le dollar {usd} franc en fin de journée.",
            close_h=16.6,
        ),
        dict(
            idx="CAC 40",
            broad="SBF 120",
            agency="AFP",
            place="Paris",
            style="fr",
            level=7550,
            market="La Bourse de Paris",
            members=[
                "LVMH",
                "TotalEnergies",
                "Sanofi",
                "L'Oréal",
                "Airbus",
                "BNP Paribas",
                "Hermès",
                "Schneider Electric",
                "Safran",
                "AXA",
                "Kering",
                "Renault",
                "Stellantis",
                "Danone",
                "Orange",
                "Vinci",
                "Capgemini",
                "Société Générale",
            ],
            n=40,
            fx="L'euro s'échangeait à {eurusd} dollar en fin de séance.",
            close_h=16.6,
        ),
        dict(
            idx="Bel 20",
            broad="Bel Mid",
            agency="Belga",
            place="Bruxelles",
            style="fr",
            level=4050,
            market="La Bourse de Bruxelles",
            members=[
                "AB InBev",
                "KBC",
                "UCB",
                "Ageas",
                "Solvay",
                "Umicore",
                "D'Ieteren",
                "Ackermans & van Haaren",
                "Sofina",
                "Proximus",
                "Elia",
                "Argenx",
                "Syensqo",
                "Warehouses De Pauw",
            ],
            n=20,
            fx="L'euro s'échangeait à {eurusd} dollar en fin de séance.",
            close_h=16.6,
        ),
        dict(
            idx="Euro Stoxx 50",
            broad="Stoxx 600",
            agency="AFP",
            place="Paris",
            style="fr",
            level=4950,
            market="Le marché européen",
            members=[
                "ASML",
                "LVMH",
                "TotalEnergies",
                "Sanofi",
                "Siemens",
                "SAP",
                "Airbus",
                "Iberdrola",
                "Santander",
                "Stellantis",
                "L'Oréal",
                "BNP Paribas",
                "Enel",
                "Inditex",
                "Ferrari",
                "Adyen",
            ],
            n=50,
            fx="L'euro s'échangeait à {eurusd} dollar en fin de séance.",
            close_h=16.7,
        ),
        dict(
            idx="SLI",
            broad="SPI",
            agency="ATS",
            place="Zurich",
            style="chfr",
            level=1950,
            market="Les valeurs suisses les plus liquides",
            members=[
                "Nestlé",
                "Novartis",
                "Roche",
                "UBS",
                "ABB",
                "Sika",
                "Givaudan",
                "Richemont",
                "Lonza",
                "Holcim",
                "Temenos",
                "Julius Bär",
                "Schindler",
                "SGS",
                "Straumann",
            ],
            n=30,
            fx="L'euro valait {eur} franc et le dollar {usd} franc en fin de journée.",
            close_h=16.6,
        ),
    ],
    "en": [
        dict(
            idx="FTSE 100",
            broad="FTSE 250",
            agency="Reuters",
            place="London",
            style="en",
            level=8250,
            market="London's blue-chip index",
            members=[
                "Shell",
                "AstraZeneca",
                "HSBC",
                "Unilever",
                "BP",
                "Rio Tinto",
                "GSK",
                "Diageo",
                "Barclays",
                "Lloyds",
                "Rolls-Royce",
                "BAE Systems",
                "Tesco",
                "Glencore",
                "Vodafone",
                "BT Group",
                "Anglo American",
            ],
            n=100,
            fx="Sterling was last at ${gbpusd}.",
            close_h=16.6,
        ),
        dict(
            idx="S&P 500",
            broad="Nasdaq Composite",
            agency="AP",
            place="New York",
            style="en",
            level=5600,
            market="Wall Street's benchmark index",
            members=[
                "Apple",
                "Microsoft",
                "Nvidia",
                "Amazon",
                "Alphabet",
                "Meta",
                "Tesla",
                "JPMorgan",
                "Exxon Mobil",
                "UnitedHealth",
                "Walmart",
                "Visa",
                "Broadcom",
                "Netflix",
                "Boeing",
                "Intel",
            ],
            n=500,
            fx="The yield on the 10-year Treasury stood at {yld}%.",
            close_h=21.1,
        ),
        dict(
            idx="Nikkei 225",
            broad="Topix",
            agency="Reuters",
            place="Tokyo",
            style="en",
            level=38500,
            market="Japan's Nikkei share average",
            members=[
                "Toyota",
                "Sony",
                "SoftBank Group",
                "Fast Retailing",
                "Tokyo Electron",
                "Advantest",
                "Honda",
                "Nintendo",
                "Mitsubishi UFJ",
                "Hitachi",
                "Keyence",
                "Shin-Etsu",
                "Daikin",
            ],
            n=225,
            fx="The dollar was at {usdjpy} yen.",
            close_h=6.2,
        ),
        dict(
            idx="FTSE 250",
            broad="FTSE All-Share",
            agency="PA",
            place="London",
            style="en",
            level=20600,
            market="The mid-cap FTSE 250",
            members=[
                "easyJet",
                "Games Workshop",
                "Greggs",
                "Wise",
                "Burberry",
                "ITV",
                "Hammerson",
                "Ocado",
                "Domino's Pizza Group",
                "WH Smith",
                "Bellway",
                "Babcock",
                "Dunelm",
                "Carnival",
            ],
            n=250,
            fx="Sterling was last at ${gbpusd}.",
            close_h=16.6,
        ),
        dict(
            idx="Dow Jones Industrial Average",
            broad="S&P 500",
            agency="AP",
            place="New York",
            style="en",
            level=42000,
            market="The Dow Jones Industrial Average",
            members=[
                "Apple",
                "Microsoft",
                "Goldman Sachs",
                "Boeing",
                "Caterpillar",
                "Home Depot",
                "McDonald's",
                "Nike",
                "Disney",
                "Chevron",
                "Coca-Cola",
                "IBM",
                "Salesforce",
                "Visa",
                "Walmart",
            ],
            n=30,
            fx="The yield on the 10-year Treasury stood at {yld}%.",
            close_h=21.1,
        ),
    ],
}
_STOCK_DRIVERS = {
    "de": [
        "Die Anleger warteten auf neue Konjunkturdaten aus den USA.",
        "Gestützt wurde die Stimmung von guten Vorgaben aus Asien.",
        "Belastet haben Sorgen über die Zinspolitik der Notenbanken.",
        "Das Handelsvolumen blieb unterdurchschnittlich.",
        "Händler sprachen von einem ruhigen Handelstag ohne klare Impulse.",
    ],
    "fr": [
        "Les investisseurs attendaient de nouvelles statistiques américaines.",
        "Le marché a profité de la bonne tenue des places asiatiques.",
        "Les craintes liées à la politique monétaire des banques centrales ont pesé.",
        "Les volumes d'échanges sont restés faibles.",
        "Les opérateurs ont évoqué une séance calme, sans véritable impulsion.",
    ],
    "en": [
        "Investors were waiting for fresh economic data from the United States.",
        "Sentiment was supported by gains in Asian markets.",
        "Worries about central bank interest rate policy weighed on shares.",
        "Trading volumes were below average.",
        "Traders described a quiet session with little direction.",
    ],
}


def tpl_stock(gen: Gen, lang: str, n: int, rng: random.Random):
    combos = [(m, d) for m in _MARKETS[lang] for d in (1, 2)]
    rng.shuffle(combos)
    for m, d in combos[:n]:
        day = gen.t0 + timedelta(days=d)
        wd = WEEKDAYS[lang][day.weekday()]
        up = rng.random() < 0.55
        pct = round(rng.uniform(0.05, 1.9), 2)
        level = m["level"] * rng.uniform(0.95, 1.05)
        pct2 = round(max(0.02, pct + rng.uniform(-0.3, 0.3)), 2)
        level2 = (
            level * rng.uniform(1.2, 1.4)
            if m["broad"] not in ("S&P 500",)
            else 5600 * rng.uniform(0.97, 1.03)
        )
        n_up = rng.randint(2, m["n"] - 2) if True else 0
        if up:
            n_up = max(n_up, m["n"] // 2 + 1)
        else:
            n_up = min(n_up, m["n"] // 2 - 1)
        n_down = m["n"] - n_up
        w1, w2, l1 = rng.sample(m["members"], 3)
        wp1, wp2, lp1 = sorted([round(rng.uniform(0.8, 4.5), 1) for _ in range(2)], reverse=True) + [
            round(rng.uniform(0.7, 4.0), 1)
        ]
        st = m["style"]
        P = lambda x, dcm=2, st=st: fmt_num(x, dcm, st)  # noqa: E731
        drivers = rng.sample(_STOCK_DRIVERS[lang], 2)
        fx = m["fx"].format(
            eur=P(rng.uniform(0.93, 0.97), 4),
            usd=P(rng.uniform(0.86, 0.91), 4),
            eurusd=P(rng.uniform(1.07, 1.11), 4),
            gbpusd=P(rng.uniform(1.25, 1.29), 4),
            yld=P(rng.uniform(4.0, 4.6), 2),
            usdjpy=P(rng.uniform(146, 152), 2),
        )
        idx, broad = m["idx"], m["broad"]
        if lang == "de":
            title = (
                f"{idx} schliesst {P(pct)} Prozent {'höher' if up else 'tiefer'}"
                if st == "ch"
                else f"{idx} schließt {'mit Gewinnen' if up else 'im Minus'} bei {P(level)} Punkten"
            )
            paras = [
                f"{m['market']} hat am {wd} {'mit Gewinnen' if up else 'mit Verlusten'} geschlossen. Der Leitindex {idx} "
                f"{'stieg' if up else 'fiel'} um {P(pct)} Prozent auf {P(level)} Punkte.",
                f"Der breiter gefasste {broad} {'gewann' if up else 'verlor'} {P(pct2)} Prozent auf {P(level2)} Zähler. "
                f"Von den {m['n']} {idx}-Titeln schlossen {n_up} im Plus und {n_down} im Minus.",
                f"Zu den Gewinnern gehörten {w1} (+{P(wp1, 1)} Prozent) und {w2} (+{P(wp2, 1)} Prozent). "
                f"Am Ende der Kursliste standen {l1} mit einem Minus von {P(lp1, 1)} Prozent.",
                " ".join(drivers),
                fx,
            ]
        elif lang == "fr":
            le = "l'" if idx[0] in "AEIOU" else "le "
            title = f"{m['market']} termine en {'hausse' if up else 'baisse'}, {le}{idx} {'gagne' if up else 'perd'} {P(pct)}%"
            paras = [
                f"{m['market']} a terminé {wd} en {'hausse' if up else 'baisse'}. {le[:1].upper() + le[1:]}{idx} a {'gagné' if up else 'perdu'} "
                f"{P(pct)}% à {P(level)} points.",
                f"L'indice élargi {broad} a {'progressé de' if up else 'cédé'} {P(pct2)}% à {P(level2)} points. "
                f"Sur les {m['n']} valeurs de l'indice, {n_up} ont progressé et {n_down} ont reculé.",
                f"{w1} (+{P(wp1, 1)}%) et {w2} (+{P(wp2, 1)}%) ont mené la hausse. {l1} a fermé la marche (-{P(lp1, 1)}%).",
                " ".join(drivers),
                fx,
            ]
        else:
            title = f"{idx} {'rises' if up else 'falls'} {P(pct)}% to close at {P(level)}"
            paras = [
                f"{m['market']} closed {'up' if up else 'down'} {P(pct)}% at {P(level)} points on {wd}.",
                f"The broader {broad} {'gained' if up else 'lost'} {P(pct2)}% to {P(level2)}. Of the {m['n']} "
                f"constituents of the {idx}, {n_up} rose and {n_down} fell.",
                f"{w1} and {w2} led the gains, rising {P(wp1, 1)}% and {P(wp2, 1)}% respectively. {l1} was the "
                f"biggest decliner, down {P(lp1, 1)}%.",
                " ".join(drivers),
                fx,
            ]
        t = day + timedelta(hours=m["close_h"] + rng.uniform(0.05, 0.6))
        yield dict(
            key=f"{idx}:{d}",
            title=title,
            paras=paras,
            agency=m["agency"],
            place=m["place"],
            time=t,
            kicker="Börse" if lang == "de" else ("Bourse" if lang == "fr" else "Markets"),
        )


# -- weather warnings --------------------------------------------------------------------------
_WX_REGIONS = {
    "de": [
        ("das Berner Oberland", "MeteoSchweiz", "SDA", "Bern"),
        ("das Wallis", "MeteoSchweiz", "SDA", "Sitten"),
        ("die Zentralschweiz", "MeteoSchweiz", "SDA", "Luzern"),
        ("das Tessin", "MeteoSchweiz", "SDA", "Bern"),
        ("die Ostschweiz", "MeteoSchweiz", "SDA", "St. Gallen"),
        ("Graubünden", "MeteoSchweiz", "SDA", "Chur"),
        ("den Jura", "MeteoSchweiz", "SDA", "Bern"),
        ("das Allgäu", "Der Deutsche Wetterdienst (DWD)", "dpa", "Kempten"),
        ("den Schwarzwald", "Der Deutsche Wetterdienst (DWD)", "dpa", "Freiburg"),
        ("das Erzgebirge", "Der Deutsche Wetterdienst (DWD)", "dpa", "Chemnitz"),
        ("die Nordseeküste", "Der Deutsche Wetterdienst (DWD)", "dpa", "Hamburg"),
        ("den Harz", "Der Deutsche Wetterdienst (DWD)", "dpa", "Goslar"),
        ("Tirol", "GeoSphere Austria", "APA", "Innsbruck"),
        ("Vorarlberg", "GeoSphere Austria", "APA", "Bregenz"),
        ("die Steiermark", "GeoSphere Austria", "APA", "Graz"),
    ],
    "fr": [
        ("le Valais central", "MétéoSuisse", "ATS", "Sion"),
        ("le Jura vaudois", "MétéoSuisse", "ATS", "Lausanne"),
        ("la région lémanique", "MétéoSuisse", "ATS", "Genève"),
        ("le Chablais", "MétéoSuisse", "ATS", "Sion"),
        ("les Préalpes fribourgeoises", "MétéoSuisse", "ATS", "Fribourg"),
        ("le canton de Neuchâtel", "MétéoSuisse", "ATS", "Neuchâtel"),
        ("la Haute-Savoie", "Météo-France", "AFP", "Annecy"),
        ("l'Isère", "Météo-France", "AFP", "Grenoble"),
        ("le Finistère", "Météo-France", "AFP", "Brest"),
        ("les Alpes-Maritimes", "Météo-France", "AFP", "Nice"),
        ("la Gironde", "Météo-France", "AFP", "Bordeaux"),
        ("le Var", "Météo-France", "AFP", "Toulon"),
        ("la province de Luxembourg", "L'IRM", "Belga", "Bruxelles"),
    ],
    "en": [
        ("south-west England", "The Met Office", "PA", None),
        ("Wales", "The Met Office", "PA", None),
        ("the Scottish Highlands", "The Met Office", "PA", None),
        ("north-east England", "The Met Office", "PA", None),
        ("Northern Ireland", "The Met Office", "PA", None),
        ("the Midlands", "The Met Office", "PA", None),
        ("London and the south-east", "The Met Office", "PA", None),
        ("Cumbria", "The Met Office", "PA", None),
        ("Co Kerry", "Met Éireann", "PA", None),
        ("Co Galway", "Met Éireann", "PA", None),
        ("Co Cork", "Met Éireann", "PA", None),
        ("northern Minnesota", "The National Weather Service", "AP", "Minneapolis"),
        ("the Denver metro area", "The National Weather Service", "AP", "Denver"),
    ],
}
_WX_PHEN = {
    "de": [
        (
            "Sturmböen",
            "Es muss mit Böen von {a} bis {b} Kilometern pro Stunde gerechnet werden.",
            (70, 140),
            "Die Behörden raten, lose Gegenstände im Freien zu sichern und Waldgebiete zu meiden.",
        ),
        (
            "Starkregen",
            "Erwartet werden Niederschlagsmengen von {a} bis {b} Litern pro Quadratmeter.",
            (40, 120),
            "Die Behörden raten, Keller und Tiefgaragen zu sichern und Bachläufe zu meiden.",
        ),
        (
            "starkem Schneefall",
            "Oberhalb von 800 Metern werden {a} bis {b} Zentimeter Neuschnee erwartet.",
            (20, 80),
            "Autofahrer sollten nur mit Winterausrüstung unterwegs sein und mehr Zeit einplanen.",
        ),
        (
            "Gewittern",
            "Lokal kann es zu Hagel mit Körnern bis {a} Zentimeter Durchmesser und Böen bis {b} km/h kommen.",
            ((2, 5), (60, 110)),
            "Die Behörden raten, sich bei Gewittern nicht im Freien aufzuhalten.",
        ),
        (
            "Glätte",
            "Auf den Strassen ist verbreitet mit Glatteis zu rechnen, die Temperaturen sinken auf {a} bis {b} Grad unter null.",
            (2, 9),
            "Autofahrer und Fussgänger werden zu besonderer Vorsicht aufgerufen.",
        ),
    ],
    "fr": [
        (
            "vents violents",
            "Des rafales de {a} à {b} km/h sont attendues.",
            (70, 140),
            "Les autorités recommandent de ranger les objets susceptibles d'être emportés et d'éviter les forêts.",
        ),
        (
            "fortes pluies",
            "Il est attendu entre {a} et {b} litres par mètre carré.",
            (40, 120),
            "Les autorités recommandent de protéger les caves et d'éviter les bords des cours d'eau.",
        ),
        (
            "chutes de neige",
            "Entre {a} et {b} centimètres de neige fraîche sont attendus au-dessus de 800 mètres.",
            (20, 80),
            "Les automobilistes sont invités à s'équiper pour l'hiver et à prévoir davantage de temps.",
        ),
        (
            "orages",
            "De la grêle jusqu'à {a} centimètres de diamètre et des rafales jusqu'à {b} km/h sont possibles localement.",
            ((2, 5), (60, 110)),
            "Il est recommandé de ne pas rester à l'extérieur pendant les orages.",
        ),
        (
            "verglas",
            "Des routes verglacées sont attendues avec des températures de {a} à {b} degrés sous zéro.",
            (2, 9),
            "Les automobilistes et les piétons sont appelés à la plus grande prudence.",
        ),
    ],
    "en": [
        (
            "wind",
            "Gusts of {a} to {b} mph are expected, especially on exposed coasts and hills.",
            (50, 90),
            "People are advised to secure loose objects and to avoid coastal paths.",
        ),
        (
            "rain",
            "Between {a} and {b} millimetres of rain could fall, with flooding of homes and businesses possible.",
            (30, 100),
            "Drivers are urged not to drive through flood water.",
        ),
        (
            "snow",
            "Between {a} and {b} centimetres of snow could settle on higher ground.",
            (5, 30),
            "Travellers should allow extra time and check conditions before setting out.",
        ),
        (
            "thunderstorms",
            "Hail up to {a} centimetres across and gusts of up to {b} mph are possible in places.",
            ((2, 4), (40, 70)),
            "People are advised to stay indoors during storms and unplug sensitive equipment.",
        ),
        (
            "ice",
            "Temperatures are forecast to fall to between minus {a} and minus {b} degrees Celsius, leaving icy patches on untreated roads.",
            (2, 9),
            "Drivers and pedestrians are urged to take extra care.",
        ),
    ],
}


def tpl_weather(gen: Gen, lang: str, n: int, rng: random.Random):
    combos = [(r, d) for r in _WX_REGIONS[lang] for d in range(3)]
    rng.shuffle(combos)
    seen = set()
    for (region, service, agency, place), d in combos:
        if len(seen) >= n:
            break
        if (region, d) in seen or any(s[0] == region for s in seen) and rng.random() < 0.7:
            continue
        seen.add((region, d))
        phen, amount, (lo, hi), advice = rng.choice(_WX_PHEN[lang])
        if isinstance(lo, tuple):  # two different quantities
            a, b = rng.randint(*lo), rng.randint(*hi)
        else:
            a = rng.randint(lo, (lo + hi) // 2)
            b = rng.randint(a + 1, hi) if hi > a else a + 1
        day = gen.t0 + timedelta(days=d)
        wd1 = WEEKDAYS[lang][day.weekday()]
        wd2 = WEEKDAYS[lang][(day + timedelta(days=1)).weekday()]
        h1, h2 = rng.choice([12, 14, 15, 18, 20]), rng.choice([6, 8, 10, 12])
        lvl = rng.choice([2, 3, 3, 4])
        if lang == "de":
            short = {"Der Deutsche Wetterdienst (DWD)": "DWD"}.get(service, service)
            title = f"{short} warnt vor {phen} für {region}"
            paras = [
                f"{service} hat für {region} eine Warnung der Stufe {lvl} vor {phen} herausgegeben. Die Warnung gilt "
                f"von {wd1}, {h1} Uhr, bis {wd2}, {h2} Uhr.",
                amount.format(a=a, b=b),
                advice,
                f"Aktuelle Warnungen sind auf der Website und in der App "
                f"{'des Deutschen Wetterdienstes' if short == 'DWD' else 'von ' + service} abrufbar.",
            ]
        elif lang == "fr":
            colour = {2: "jaune", 3: "orange", 4: "rouge"}[lvl]
            title = (
                f"Alerte {colour} {'au' if phen == 'verglas' else 'aux'} {phen} pour {region}"
                if service != "Météo-France"
                else f"{region[:1].upper() + region[1:]} en vigilance {colour} {phen}"
            )
            paras = [
                f"{service} a émis une alerte de degré {lvl} ({colour}) {'au' if phen == 'verglas' else 'aux'} {phen} "
                f"pour {region}. L'alerte est valable de "
                f"{wd1} {h1}h à {wd2} {h2}h.",
                amount.format(a=a, b=b),
                advice,
                f"Les alertes sont consultables sur le site et l'application de {service[:1].lower() + service[1:] if service.startswith('L') else service}.",
            ]
        else:
            colour = (
                {2: "yellow", 3: "amber", 4: "red"}[lvl]
                if "Met" in service
                else {2: "advisory", 3: "watch", 4: "warning"}[lvl]
            )
            title = f"{colour.capitalize()} weather warning for {phen} issued for {region}"
            paras = [
                f"{service} has issued a {colour} warning for {phen} covering {region}, in force from {h1 if h1 <= 12 else h1 - 12}"
                f"{'am' if h1 < 12 else 'pm'} on {wd1} until {h2}am on {wd2}.",
                amount.format(a=a, b=b),
                advice,
                f"The latest warnings are available on the website and app of {service.replace('The ', 'the ')}.",
            ]
        t = day + timedelta(hours=rng.uniform(5, 11))
        yield dict(
            key=f"{region}:{d}",
            title=title,
            paras=paras,
            agency=agency,
            place=place,
            time=t,
            kicker="Wetter" if lang == "de" else ("Météo" if lang == "fr" else "Weather"),
        )


# -- football results --------------------------------------------------------------------------
_LEAGUES = {
    "de": [
        (
            "Super League",
            "SDA",
            "ch",
            [
                "FC Basel",
                "BSC Young Boys",
                "FC Zürich",
                "Grasshoppers",
                "FC Luzern",
                "FC St. Gallen",
                "Servette FC",
                "FC Lugano",
                "FC Sion",
                "FC Winterthur",
                "Lausanne-Sport",
                "Yverdon-Sport",
            ],
        ),
        (
            "Bundesliga",
            "dpa",
            "de",
            [
                "FC Bayern München",
                "Borussia Dortmund",
                "RB Leipzig",
                "Bayer Leverkusen",
                "VfB Stuttgart",
                "Eintracht Frankfurt",
                "SC Freiburg",
                "VfL Wolfsburg",
                "Werder Bremen",
                "1. FC Union Berlin",
                "Borussia Mönchengladbach",
                "TSG Hoffenheim",
                "FC Augsburg",
                "1. FSV Mainz 05",
            ],
        ),
        (
            "österreichischen Bundesliga",
            "APA",
            "at",
            [
                "Red Bull Salzburg",
                "Sturm Graz",
                "Rapid Wien",
                "Austria Wien",
                "LASK",
                "Wolfsberger AC",
                "TSV Hartberg",
                "WSG Tirol",
                "Austria Klagenfurt",
                "SCR Altach",
            ],
        ),
    ],
    "fr": [
        (
            "Super League",
            "ATS",
            "ch",
            [
                "FC Bâle",
                "Young Boys",
                "FC Zurich",
                "Grasshopper",
                "FC Lucerne",
                "FC Saint-Gall",
                "Servette",
                "FC Lugano",
                "FC Sion",
                "FC Winterthour",
                "Lausanne-Sport",
                "Yverdon Sport",
            ],
        ),
        (
            "Ligue 1",
            "AFP",
            "fr",
            [
                "Paris SG",
                "Olympique de Marseille",
                "Olympique lyonnais",
                "AS Monaco",
                "LOSC Lille",
                "Stade rennais",
                "RC Lens",
                "OGC Nice",
                "Stade brestois",
                "FC Nantes",
                "RC Strasbourg",
                "Toulouse FC",
            ],
        ),
        (
            "Pro League",
            "Belga",
            "be",
            [
                "Club Bruges",
                "RSC Anderlecht",
                "Standard de Liège",
                "KRC Genk",
                "La Gantoise",
                "Union Saint-Gilloise",
                "Royal Antwerp",
                "Sporting Charleroi",
            ],
        ),
    ],
    "en": [
        (
            "Premier League",
            "PA",
            "uk",
            [
                "Arsenal",
                "Chelsea",
                "Liverpool",
                "Manchester City",
                "Manchester United",
                "Tottenham Hotspur",
                "Newcastle United",
                "Aston Villa",
                "Brighton",
                "West Ham United",
                "Everton",
                "Fulham",
                "Brentford",
                "Crystal Palace",
                "Wolves",
                "Nottingham Forest",
            ],
        ),
        (
            "Championship",
            "PA",
            "uk",
            [
                "Leeds United",
                "Sunderland",
                "Norwich City",
                "Middlesbrough",
                "Coventry City",
                "Watford",
                "Hull City",
                "Stoke City",
                "Bristol City",
                "Preston North End",
            ],
        ),
        (
            "MLS",
            "AP",
            "us",
            [
                "LA Galaxy",
                "Inter Miami",
                "Seattle Sounders",
                "Atlanta United",
                "Columbus Crew",
                "FC Cincinnati",
                "New York Red Bulls",
                "Portland Timbers",
                "Austin FC",
                "Nashville SC",
            ],
        ),
    ],
}


def _goal_lines(lang: str, home: str, away: str, goals: list[tuple[int, str, str]]) -> list[str]:
    h = a = 0
    out = []
    for minute, side, scorer in goals:
        team = home if side == "h" else away
        prev_h, prev_a = h, a
        if side == "h":
            h += 1
        else:
            a += 1
        lead_before = (prev_h > prev_a) if side == "h" else (prev_a > prev_h)
        level_before = prev_h == prev_a
        if lang == "de":
            if level_before and h + a == 1:
                out.append(f"{scorer} brachte {team} in der {minute}. Minute in Führung.")
            elif h == a:
                out.append(f"{scorer} glich in der {minute}. Minute zum {h}:{a} aus.")
            elif lead_before:
                out.append(f"{scorer} erhöhte in der {minute}. Minute auf {h}:{a}.")
            elif level_before:
                out.append(f"{scorer} brachte {team} in der {minute}. Minute mit {h}:{a} in Front.")
            else:
                out.append(f"{scorer} verkürzte in der {minute}. Minute auf {h}:{a}.")
        elif lang == "fr":
            if level_before and h + a == 1:
                out.append(f"{scorer} a ouvert le score pour {team} à la {minute}e minute.")
            elif h == a:
                out.append(f"{scorer} a égalisé à {h}-{a} à la {minute}e minute.")
            elif lead_before:
                out.append(f"{scorer} a fait {h}-{a} à la {minute}e.")
            elif level_before:
                out.append(f"{scorer} a donné l'avantage à {team} ({h}-{a}, {minute}e).")
            else:
                out.append(f"{scorer} a réduit l'écart à {h}-{a} à la {minute}e.")
        else:
            if level_before and h + a == 1:
                out.append(f"{scorer} gave {team} the lead in the {minute}th minute.")
            elif h == a:
                out.append(f"{scorer} equalised for {team} in the {minute}th minute to make it {h}-{a}.")
            elif lead_before:
                out.append(f"{scorer} made it {h}-{a} in the {minute}th minute.")
            elif level_before:
                out.append(f"{scorer} put {team} back in front at {h}-{a} after {minute} minutes.")
            else:
                out.append(f"{scorer} pulled one back for {team} in the {minute}th minute.")
    return out


def tpl_football(gen: Gen, lang: str, n: int, rng: random.Random):
    pairs = []
    for league, agency, region, teams in _LEAGUES[lang]:
        t = list(teams)
        rng.shuffle(t)
        for i in range(0, len(t) - 1, 2):
            pairs.append((league, agency, region, t[i], t[i + 1]))
    rng.shuffle(pairs)
    for league, agency, region, home, away in pairs[:n]:
        d = rng.choice([0, 0, 0, 1, 2])
        day = gen.t0 + timedelta(days=d)
        wd = WEEKDAYS[lang][day.weekday()]
        hs, as_ = (
            rng.choices([0, 1, 2, 3, 4], [0.22, 0.33, 0.25, 0.13, 0.07])[0],
            rng.choices([0, 1, 2, 3], [0.3, 0.35, 0.25, 0.1])[0],
        )
        minutes = sorted(rng.sample(range(3, 91), hs + as_))
        sides = ["h"] * hs + ["a"] * as_
        rng.shuffle(sides)
        goals = [(m, s, person(rng)) for m, s in zip(minutes, sides, strict=True)]
        crowd = rng.randint(6, 60) * 1000 + rng.randint(0, 999)
        pts, rank, rnd = rng.randint(10, 60), rng.randint(1, 12), rng.randint(18, 30)
        lines = _goal_lines(lang, home, away, goals)
        winner, loser = (home, away) if hs > as_ else (away, home)
        if lang == "de":
            if hs == as_:
                title = f"{home} und {away} trennen sich {hs}:{as_}"
                lead = (
                    f"{home} und {away} haben sich am {wd} in der {league} {hs}:{as_} unentschieden getrennt."
                )
            else:
                title = f"{winner} {'schlägt' if winner == home else 'gewinnt bei'} {loser} {hs}:{as_}"
                lead = f"{winner} hat am {wd} in der {league} {'zu Hause' if winner == home else 'auswärts'} gegen {loser} mit {hs}:{as_} gewonnen."
            body2 = (
                " ".join(lines)
                if lines
                else "Tore fielen keine, beide Teams vergaben in der Schlussphase gute Chancen."
            )
            paras = [
                lead,
                body2,
                f"{fmt_num(crowd, 0, 'de' if region != 'ch' else 'ch')} Zuschauer verfolgten die Partie.",
                f"In der Tabelle liegt {winner if hs != as_ else home} nach der {rnd}. Runde mit {pts} Punkten auf Rang {rank}.",
            ]
        elif lang == "fr":
            if hs == as_:
                title = f"{home} et {away} se neutralisent ({hs}-{as_})"
                lead = f"{home} et {away} ont fait match nul {hs}-{as_} {wd} en {league}."
            else:
                title = f"{winner} s'impose {max(hs, as_)}-{min(hs, as_)} face à {loser}"
                where = "à domicile" if winner == home else "à l'extérieur"
                lead = f"{winner} s'est imposé {wd} {where} face à {loser} ({hs}-{as_}) en {league}."
            body2 = (
                " ".join(lines)
                if lines
                else "Aucun but n'a été marqué, malgré de belles occasions en fin de match."
            )
            paras = [
                lead,
                body2,
                f"La rencontre s'est disputée devant {fmt_num(crowd, 0, 'fr' if region != 'ch' else 'chfr')} spectateurs.",
                f"Au classement, {winner if hs != as_ else home} occupe la {rank}e place avec {pts} points après la {rnd}e journée.",
            ]
        else:
            if hs == as_:
                title = f"{home} and {away} draw {hs}-{as_}"
                lead = f"{home} and {away} drew {hs}-{as_} in the {league} on {wd}."
            else:
                title = f"{winner} beat {loser} {max(hs, as_)}-{min(hs, as_)}"
                lead = f"{winner} beat {loser} {max(hs, as_)}-{min(hs, as_)} {'at home' if winner == home else 'away'} in the {league} on {wd}."
            body2 = (
                " ".join(lines)
                if lines
                else "Neither side found the net, with both missing good chances late on."
            )
            paras = [
                lead,
                body2,
                f"The match was watched by a crowd of {fmt_num(crowd, 0, 'en')}.",
                f"{winner if hs != as_ else home} are {rank}{'st' if rank == 1 else 'nd' if rank == 2 else 'rd' if rank == 3 else 'th'} "
                f"in the table with {pts} points after {rnd} games.",
            ]
        t = day + timedelta(hours=rng.choice([15.9, 18.4, 20.9]) + rng.uniform(0.05, 0.5))
        yield dict(
            key=f"{home}-{away}",
            title=title,
            paras=paras,
            agency=agency,
            place=None,
            time=t,
            regions=(region,),
            kicker="Fussball" if lang == "de" else ("Football" if lang != "en" else "Football"),
        )


# -- lottery draws -----------------------------------------------------------------------------
_LOTTERY = {
    "de": [
        ("Swiss Lotto", (5,), 6, 42, "Glückszahl", (1, 6), "Franken", "ch"),
        ("Lotto 6aus49", (5, 2), 6, 49, "Superzahl", (0, 9), "Euro", "de"),
        ("Lotto 6 aus 45", (6, 2), 6, 45, "Zusatzzahl", (1, 45), "Euro", "at"),
        ("Eurojackpot", (1, 4), 5, 50, "Eurozahlen", (1, 12), "Euro", "de"),
        ("Euromillions", (1, 4), 5, 50, "Sterne", (1, 12), "Franken", "ch"),
        ("Keno", (0, 1, 2, 3, 4, 5, 6), 20, 70, None, None, "Euro", "de"),
    ],
    "fr": [
        ("Loto", (0, 2, 5), 5, 49, "numéro Chance", (1, 10), "euros", "fr"),
        ("Swiss Loto", (2, 5), 6, 42, "numéro chance", (1, 6), "francs", "ch"),
        ("EuroMillions", (1, 4), 5, 50, "étoiles", (1, 12), "euros", "fr"),
        ("Lotto belge", (2, 5), 6, 45, "numéro bonus", (1, 45), "euros", "be"),
        ("Keno", (0, 1, 2, 3, 4, 5, 6), 20, 70, None, None, "euros", "fr"),
    ],
    "en": [
        ("Lotto", (2, 5), 6, 59, "bonus ball", (1, 59), "£", "uk"),
        ("EuroMillions", (1, 4), 5, 50, "Lucky Stars", (1, 12), "£", "uk"),
        ("Thunderball", (1, 2, 4, 5), 5, 39, "Thunderball", (1, 14), "£", "uk"),
        ("Set For Life", (0, 3), 5, 47, "Life Ball", (1, 10), "£", "uk"),
        ("Powerball", (0, 2, 5), 5, 69, "Powerball", (1, 26), "$", "us"),
        ("Irish Lotto", (2, 5), 6, 47, "bonus number", (1, 47), "€", "ie"),
    ],
}


def tpl_lottery(gen: Gen, lang: str, n: int, rng: random.Random):
    combos = []
    for g in _LOTTERY[lang]:
        for d in (-1, 0, 1, 2):
            day = gen.t0 + timedelta(days=d)
            if day.weekday() in g[1]:
                combos.append((g, d))
    rng.shuffle(combos)
    for g, d in combos[:n]:
        name, _, k, top, extra_name, extra_rng, curr, region = g
        day = gen.t0 + timedelta(days=d)
        wd = WEEKDAYS[lang][day.weekday()]
        date_s = {
            "de": f"{day.day}. {MONTHS['de'][day.month - 1]}",
            "fr": f"{day.day} {MONTHS['fr'][day.month - 1]}",
            "en": f"{MONTHS['en'][day.month - 1]} {day.day}",
        }[lang]
        nums = sorted(rng.sample(range(1, top + 1), k))
        ns = ", ".join(map(str, nums))
        extra = None
        if extra_name:
            if extra_name in ("Eurozahlen", "Sterne", "étoiles", "Lucky Stars"):
                extra = " und ".join(map(str, sorted(rng.sample(range(extra_rng[0], extra_rng[1] + 1), 2))))
                extra = extra.replace(
                    " und ", " et " if lang == "fr" else (" and " if lang == "en" else " und ")
                )
            else:
                extra = str(rng.randint(*extra_rng))
        jackpot = rng.randint(2, 120) if name not in ("Keno",) else rng.randint(1, 2)
        won = rng.random() < 0.15
        if lang == "de":
            title = f"{name}: Die Gewinnzahlen vom {wd}, {date_s}"
            p1 = f"Bei der Ziehung von {name} vom {wd}, {date_s}, wurden folgende Zahlen gezogen: {ns}."
            if extra:
                p1 += f" {'Die' if extra_name != 'Sterne' and extra_name != 'Eurozahlen' else 'Die'} {extra_name}: {extra}."
            p2 = (
                f"Eine Person hat den Jackpot von {jackpot} Millionen {curr} geknackt."
                if won
                else f"Niemand hat alle Zahlen richtig getippt. Bei der nächsten Ziehung liegen {jackpot} Millionen {curr} im Jackpot."
            )
            paras = [p1, p2, "Alle Angaben ohne Gewähr."]
        elif lang == "fr":
            title = f"{name}: les numéros gagnants du {wd} {date_s}"
            p1 = f"Voici les numéros tirés lors du tirage du {name} du {wd} {date_s}: {ns}."
            if extra:
                p1 += f" {extra_name[:1].upper() + extra_name[1:]}: {extra}."
            p2 = (
                f"Un joueur a remporté le jackpot de {jackpot} millions {'d' + chr(39) if curr[0] in 'aeiou' else 'de '}{curr}."
                if won
                else f"Personne n'a trouvé la bonne combinaison. Le prochain jackpot s'élève à {jackpot} millions {'d' + chr(39) if curr[0] in 'aeiou' else 'de '}{curr}."
            )
            paras = [p1, p2, "Sous réserve d'erreurs; seule la liste officielle fait foi."]
        else:
            title = f"{name} results: winning numbers for {wd}, {date_s}"
            p1 = f"The winning numbers in {wd}'s {name} draw were {ns}."
            if extra:
                p1 += f" The {extra_name} {'were' if ' and ' in extra else 'was'} {extra}."
            p2 = (
                f"One ticket-holder scooped the {curr}{jackpot} million jackpot."
                if won
                else f"There was no jackpot winner, so the top prize rolls over to an estimated {curr}{jackpot} million."
            )
            paras = [p1, p2, "Players should check the official results before claiming a prize."]
        t = (
            (day + timedelta(hours=rng.uniform(19.5, 22.5)))
            if d >= 0
            else gen.t0 + timedelta(hours=rng.uniform(5, 10))
        )
        yield dict(
            key=f"{name}:{d}",
            title=title,
            paras=paras,
            agency=None,
            place=None,
            time=t,
            regions=(region,),
            kicker="Lotto" if lang == "de" else ("Loterie" if lang == "fr" else "Lottery"),
        )


# -- earthquakes -------------------------------------------------------------------------------
_QUAKES = {
    "de": [
        ("das Wallis", "Visp", "Schweizerischen Erdbebendienstes (SED)", "SDA", (2.4, 4.2), "ch"),
        ("das Engadin", "Zernez", "Schweizerischen Erdbebendienstes (SED)", "SDA", (2.4, 4.0), "ch"),
        ("die Region Basel", "Basel", "Schweizerischen Erdbebendienstes (SED)", "SDA", (2.3, 3.8), "ch"),
        ("den Kanton Glarus", "Elm", "Schweizerischen Erdbebendienstes (SED)", "SDA", (2.3, 3.6), "ch"),
        ("die Westtürkei", "Izmir", "US-Erdbebenwarte USGS", "dpa", (4.5, 6.4), "de"),
        ("Mittelitalien", "Perugia", "italienischen Instituts für Geophysik (INGV)", "dpa", (3.8, 5.8), "de"),
        ("den Nordosten Japans", "Sendai", "japanischen Wetterbehörde", "AFP", (5.0, 7.1), "de"),
        ("die Küste Chiles", "Valparaíso", "US-Erdbebenwarte USGS", "AFP", (5.0, 7.2), "de"),
        (
            "die griechische Insel Kreta",
            "Heraklion",
            "Geodynamischen Instituts in Athen",
            "dpa",
            (4.2, 6.0),
            "de",
        ),
        ("Kärnten", "Villach", "Erdbebendienstes von GeoSphere Austria", "APA", (2.5, 4.2), "at"),
    ],
    "fr": [
        ("le Valais", "Sierre", "Service sismologique suisse (SED)", "ATS", (2.4, 4.2), "ch"),
        ("le canton de Fribourg", "Bulle", "Service sismologique suisse (SED)", "ATS", (2.3, 3.8), "ch"),
        ("le Jura", "Porrentruy", "Service sismologique suisse (SED)", "ATS", (2.3, 3.6), "ch"),
        (
            "les Alpes-de-Haute-Provence",
            "Digne-les-Bains",
            "Réseau national de surveillance sismique (RéNaSS)",
            "AFP",
            (2.8, 4.5),
            "fr",
        ),
        (
            "les Pyrénées",
            "Lourdes",
            "Réseau national de surveillance sismique (RéNaSS)",
            "AFP",
            (2.8, 4.5),
            "fr",
        ),
        (
            "l'Alsace",
            "Mulhouse",
            "Réseau national de surveillance sismique (RéNaSS)",
            "AFP",
            (2.5, 4.0),
            "fr",
        ),
        ("l'ouest de la Turquie", "Izmir", "Institut géologique américain (USGS)", "AFP", (4.5, 6.4), "fr"),
        (
            "le centre de l'Italie",
            "Pérouse",
            "Institut national de géophysique (INGV)",
            "AFP",
            (3.8, 5.8),
            "fr",
        ),
        ("le nord-est du Japon", "Sendai", "agence météorologique japonaise", "AFP", (5.0, 7.1), "fr"),
        ("le centre du Chili", "Valparaiso", "Institut géologique américain (USGS)", "AFP", (5.0, 7.2), "fr"),
    ],
    "en": [
        ("Cumbria", "Kendal", "British Geological Survey", "PA", (2.0, 3.8), "uk"),
        ("north Wales", "Bangor", "British Geological Survey", "PA", (2.0, 3.6), "uk"),
        ("the Scottish Highlands", "Fort William", "British Geological Survey", "PA", (2.0, 3.5), "uk"),
        ("Alaska's Aleutian Islands", "Adak", "U.S. Geological Survey", "AP", (5.0, 7.4), "us"),
        ("southern California", "Ridgecrest", "U.S. Geological Survey", "AP", (3.5, 5.8), "us"),
        ("northern Japan", "Sendai", "Japan Meteorological Agency", "Reuters", (5.0, 7.1), ""),
        ("central Chile", "Valparaiso", "U.S. Geological Survey", "Reuters", (5.0, 7.2), ""),
        ("the Greek island of Crete", "Heraklion", "Athens Geodynamic Institute", "Reuters", (4.2, 6.0), ""),
        ("eastern Turkey", "Malatya", "Turkey's disaster management agency AFAD", "Reuters", (4.5, 6.5), ""),
        ("New Zealand's South Island", "Kaikoura", "GeoNet monitoring agency", "AFP", (4.5, 6.6), ""),
    ],
}
_DIRS = {
    "de": ["nördlich", "südlich", "östlich", "westlich", "nordöstlich", "südwestlich"],
    "fr": ["au nord", "au sud", "à l'est", "à l'ouest", "au nord-est", "au sud-ouest"],
    "en": ["north", "south", "east", "west", "northeast", "southwest"],
}


def tpl_quake(gen: Gen, lang: str, n: int, rng: random.Random):
    places = list(_QUAKES[lang])
    rng.shuffle(places)
    for region, town, service, agency, (lo, hi), reg in places[:n]:
        d = rng.randrange(3)
        day = gen.t0 + timedelta(days=d)
        wd = WEEKDAYS[lang][day.weekday()]
        mag = round(rng.uniform(lo, hi), 1)
        km, depth = rng.randint(3, 60), rng.randint(4, 40)
        hh, mm = rng.randint(0, 23), rng.randint(0, 59)
        dr = rng.choice(_DIRS[lang])
        if lang == "de":
            m = fmt_num(mag, 1, "de")
            title = f"Erdbeben der Stärke {m} erschüttert {region}"
            dmg = (
                "Das Beben war in der Region deutlich zu spüren. Schäden sind bei einem Beben dieser Stärke nicht zu erwarten."
                if mag < 4
                else "Über Schäden oder Verletzte lagen zunächst keine Angaben vor."
                if mag < 6
                else "Nach ersten Berichten wurden mehrere Gebäude beschädigt. Über Opfer war zunächst nichts bekannt."
            )
            paras = [
                f"Ein Erdbeben der Stärke {m} hat am {wd} {region} erschüttert. Das Epizentrum lag nach Angaben des "
                f"{service} rund {km} Kilometer {dr} von {town} in einer Tiefe von {depth} Kilometern.",
                f"Das Beben ereignete sich um {hh:02d}.{mm:02d} Uhr Ortszeit. {dmg}",
                "Die Region wird immer wieder von Erdbeben erschüttert.",
            ]
        elif lang == "fr":
            m = fmt_num(mag, 1, "fr")
            title = f"Un séisme de magnitude {m} secoue {region}"
            dmg = (
                "La secousse a été nettement ressentie dans la région. Un séisme de cette intensité ne cause généralement pas de dégâts."
                if mag < 4
                else "Aucun dégât ni blessé n'était signalé dans l'immédiat."
                if mag < 6
                else "Selon les premiers témoignages, plusieurs bâtiments ont été endommagés. Aucun bilan n'était disponible dans l'immédiat."
            )
            paras = [
                f"Un séisme de magnitude {m} a secoué {region} {wd}. L'épicentre se situait à environ {km} kilomètres "
                f"{dr} de {town}, à une profondeur de {depth} kilomètres, selon le {service}.",
                f"La secousse s'est produite à {hh}h{mm:02d} heure locale. {dmg}",
                "La région est régulièrement touchée par des tremblements de terre.",
            ]
        else:
            m = f"{mag:.1f}"
            title = f"Magnitude {m} earthquake strikes {region}"
            dmg = (
                "The tremor was felt widely in the area, but quakes of this size rarely cause damage."
                if mag < 4
                else "There were no immediate reports of damage or injuries."
                if mag < 6
                else "Several buildings were reported damaged, but there was no immediate word on casualties."
            )
            paras = [
                f"An earthquake of magnitude {m} struck {region} on {wd}, the {service} said. The quake was centred "
                f"about {km} km {dr} of {town} at a depth of {depth} km.",
                f"It struck at {hh:02d}:{mm:02d} local time. {dmg}",
                "The region is regularly hit by earthquakes.",
            ]
        t = day + timedelta(hours=hh + rng.uniform(0.2, 1.5))
        yield dict(
            key=region,
            title=title,
            paras=paras,
            agency=agency,
            place=None,
            time=t,
            regions=(reg,) if reg else (),
            kicker="Erdbeben" if lang == "de" else ("Séisme" if lang == "fr" else "Earthquake"),
        )


# -- police accident reports ------------------------------------------------------------------
_POLICE = {
    "de": [
        (
            "Kantonspolizei Bern",
            "Bern",
            "031 638 81 11",
            ["Lyss", "Burgdorf", "Thun", "Langenthal", "Münsingen", "Studen"],
        ),
        (
            "Kantonspolizei Aargau",
            "Aargau",
            "062 886 01 17",
            ["Lenzburg", "Brugg", "Wohlen", "Rheinfelden", "Zofingen"],
        ),
        ("Kantonspolizei Luzern", "Luzern", "041 248 81 17", ["Sursee", "Emmen", "Willisau", "Hochdorf"]),
        ("Kantonspolizei St. Gallen", "St. Gallen", "058 229 49 49", ["Wil", "Rapperswil", "Buchs", "Uzwil"]),
        (
            "Kantonspolizei Solothurn",
            "Solothurn",
            "032 627 71 11",
            ["Grenchen", "Olten", "Balsthal", "Biberist"],
        ),
    ],
    "fr": [
        (
            "Police cantonale vaudoise",
            "Vaud",
            "021 644 44 44",
            ["Yverdon-les-Bains", "Morges", "Payerne", "Aigle", "Nyon"],
        ),
        (
            "Police cantonale valaisanne",
            "Valais",
            "027 326 56 56",
            ["Martigny", "Sierre", "Monthey", "Conthey"],
        ),
        (
            "Police cantonale fribourgeoise",
            "Fribourg",
            "026 304 17 17",
            ["Bulle", "Romont", "Estavayer", "Morat"],
        ),
        (
            "Police neuchâteloise",
            "Neuchâtel",
            "032 889 90 00",
            ["La Chaux-de-Fonds", "Le Locle", "Boudry", "Marin"],
        ),
    ],
    "en": [
        ("Cumbria Police", "Cumbria", "101", ["Kendal", "Penrith", "Ulverston", "Keswick"]),
        ("North Yorkshire Police", "North Yorkshire", "101", ["Malton", "Thirsk", "Ripon", "Selby"]),
        ("Devon and Cornwall Police", "Devon", "101", ["Okehampton", "Bodmin", "Launceston", "Honiton"]),
        ("Thames Valley Police", "Oxfordshire", "101", ["Abingdon", "Didcot", "Banbury", "Witney"]),
        ("Dyfed-Powys Police", "Powys", "101", ["Newtown", "Brecon", "Welshpool", "Llandrindod Wells"]),
    ],
}
_ROADS = {
    "de": [
        "Hauptstrasse",
        "Kantonsstrasse",
        "Autobahn A1",
        "Autobahn A2",
        "Bernstrasse",
        "Seestrasse",
        "Zürichstrasse",
    ],
    "fr": [
        "la route cantonale",
        "la route principale",
        "l'autoroute A9",
        "l'autoroute A1",
        "la route de Berne",
        "la route du Lac",
    ],
    "en": ["A590", "A64", "A30", "A34", "A483", "A66", "B4520", "A170"],
}
_VEH = {
    "de": [
        ("Motorradfahrer", "er"),
        ("Autofahrer", "er"),
        ("Lieferwagenlenker", "er"),
        ("E-Bike-Fahrer", "er"),
    ],
    "fr": [
        ("motard", "il"),
        ("automobiliste", "il"),
        ("conducteur de camionnette", "il"),
        ("cycliste", "il"),
    ],
    "en": [("motorcyclist", "he"), ("driver", "he"), ("van driver", "he"), ("cyclist", "he")],
}
_CAUSE = {
    "de": [
        "geriet er von der Fahrbahn ab und prallte gegen einen Baum",
        "kollidierte er mit einem entgegenkommenden Auto",
        "stürzte er in einer Linkskurve",
        "prallte er in das Heck eines vor ihm fahrenden Fahrzeugs",
    ],
    "fr": [
        "a quitté la route et heurté un arbre",
        "est entré en collision avec une voiture circulant en sens inverse",
        "a chuté dans un virage à gauche",
        "a percuté l'arrière d'un véhicule qui le précédait",
    ],
    "en": [
        "left the road and hit a tree",
        "collided with an oncoming car",
        "came off on a left-hand bend",
        "ran into the back of a vehicle in front",
    ],
}
_INJ = {
    "de": [
        ("leicht", "mit der Ambulanz"),
        ("mittelschwer", "mit der Ambulanz"),
        ("schwer", "mit der Rega"),
        ("lebensbedrohlich", "mit einem Rettungshelikopter"),
    ],
    "fr": [
        ("légèrement", "en ambulance"),
        ("moyennement", "en ambulance"),
        ("grièvement", "par hélicoptère"),
        ("très grièvement", "par hélicoptère"),
    ],
    "en": [
        ("minor", "by ambulance"),
        ("serious", "by ambulance"),
        ("life-threatening", "by air ambulance"),
        ("serious but not life-threatening", "by road ambulance"),
    ],
}


def tpl_police(gen: Gen, lang: str, n: int, rng: random.Random):
    combos = [(pol, town) for pol in _POLICE[lang] for town in pol[3]]
    rng.shuffle(combos)
    for (police, _canton, phone, _), town in combos[:n]:
        d = rng.randrange(3)
        day = gen.t0 + timedelta(days=d) - timedelta(days=1) * (rng.random() < 0.3)
        wd = WEEKDAYS[lang][day.weekday()]
        hh, mm = rng.randint(5, 23), rng.randint(0, 59)
        age = rng.randint(18, 84)
        veh, _pron = rng.choice(_VEH[lang])
        road = rng.choice(_ROADS[lang])
        cause = rng.choice(_CAUSE[lang])
        inj, transport = rng.choice(_INJ[lang])
        hours = rng.choice([1, 2, 2, 3, 4])
        other = (
            rng.choice([t for t in _POLICE[lang][0][3] + ["Biel", "Olten", "Bern"] if t != town])
            if lang == "de"
            else None
        )
        if lang == "de":
            title = f"{town}: {age}-jähriger {veh} bei Unfall {inj} verletzt"
            paras = [
                f"Am {wd}, kurz nach {hh}.{mm:02d} Uhr, fuhr ein {age}-jähriger {veh} auf der {road} bei {town} in Richtung {other}. "
                f"Aus noch ungeklärten Gründen {cause}.",
                f"Dabei wurde der Mann {inj} verletzt. Er musste {transport} ins Spital gebracht werden.",
                f"Die {road} war während der Unfallaufnahme für rund {hours} Stunden gesperrt. Die Feuerwehr richtete eine Umleitung ein.",
                f"Die {police} hat Ermittlungen zum genauen Unfallhergang aufgenommen. Personen, die Angaben zum Unfall machen "
                f"können, werden gebeten, sich unter der Telefonnummer {phone} zu melden.",
            ]
        elif lang == "fr":
            title = f"{town}: un {veh} de {age} ans {inj} blessé"
            paras = [
                f"{wd[:1].upper() + wd[1:]}, peu après {hh}h{mm:02d}, un {veh} de {age} ans circulait sur {road} à {town}. "
                f"Pour une raison que l'enquête établira, il {cause}.",
                f"Blessé {inj}, il a été transporté {transport} à l'hôpital.",
                f"{road[:1].upper() + road[1:]} a été fermée durant environ {hours} heures pour les besoins du constat. Une déviation a été mise en place.",
                f"La {police} a ouvert une enquête. Les témoins de l'accident sont priés de prendre contact au {phone}.",
            ]
        else:
            title = (
                f"Police appeal after {veh} seriously hurt in crash near {town}"
                if "serious" in inj or "life" in inj
                else f"{veh.capitalize()} hurt in crash on {road} near {town}"
            )
            paras = [
                f"A {age}-year-old {veh} was taken to hospital {transport} with {inj} injuries after a crash on the {road} near "
                f"{town} at about {hh}:{mm:02d} on {wd}.",
                f"Police said the {veh} {cause}.",
                f"The road was closed for around {hours} hours while collision investigators worked at the scene.",
                f"{police} is appealing for witnesses or anyone with dashcam footage to call {phone}, quoting the date of the incident.",
            ]
        t = gen.t0 + timedelta(days=d, hours=rng.uniform(6, 12))
        yield dict(
            key=f"{town}:{age}",
            title=title,
            paras=paras,
            agency=None,
            place=None,
            time=t,
            publisher=police,
            regions=("ch",) if lang != "en" else ("uk",),
            kicker="Polizei" if lang == "de" else ("Police" if lang == "fr" else "Police"),
        )


# -- commune-by-commune vote results ---------------------------------------------------------
_VOTES = {
    "de": [
        (
            "Aargau",
            ["Aarau", "Baden", "Wettingen", "Wohlen", "Oftringen", "Rheinfelden", "Lenzburg", "Spreitenbach"],
        ),
        (
            "Bern",
            ["Köniz", "Ostermundigen", "Muri bei Bern", "Worb", "Münsingen", "Lyss", "Steffisburg", "Spiez"],
        ),
        ("Zürich", ["Uster", "Dübendorf", "Dietikon", "Wädenswil", "Horgen", "Bülach", "Kloten", "Thalwil"]),
    ],
    "fr": [
        ("Vaud", ["Renens", "Nyon", "Vevey", "Montreux", "Morges", "Pully", "Gland", "Ecublens"]),
        (
            "Valais",
            ["Sion", "Martigny", "Monthey", "Sierre", "Conthey", "Bagnes", "Collombey-Muraz", "Savièse"],
        ),
        (
            "Fribourg",
            [
                "Bulle",
                "Villars-sur-Glâne",
                "Marly",
                "Estavayer",
                "Morat",
                "Düdingen",
                "Romont",
                "Châtel-Saint-Denis",
            ],
        ),
    ],
    "en": [
        (
            "Kent",
            [
                "Ashford North",
                "Canterbury West",
                "Dover Town",
                "Folkestone Harbour",
                "Maidstone South",
                "Tonbridge East",
            ],
        ),
        (
            "Lancashire",
            ["Burnley Central", "Chorley North", "Lancaster East", "Preston Rural", "Skelmersdale South"],
        ),
        (
            "Norfolk",
            ["Norwich Mancroft", "King's Lynn North", "Thetford West", "Dereham South", "Cromer Coast"],
        ),
    ],
}
_PROPOSALS = {
    "de": [
        ("das neue Energiegesetz", "Energiegesetz"),
        ("die Initiative für tiefere Steuern", "Steuerinitiative"),
        ("den Kredit für den Neubau des Kantonsspitals", "Spitalkredit"),
        ("die Vorlage zur Zusammenlegung der Polizeikorps", "Polizeireform"),
    ],
    "fr": [
        ("la nouvelle loi sur l'énergie", "loi sur l'énergie"),
        ("l'initiative pour des impôts plus bas", "initiative fiscale"),
        ("le crédit pour le nouvel hôpital cantonal", "crédit hospitalier"),
        ("la réforme de la police cantonale", "réforme de la police"),
    ],
    "en": [],
}
_PARTIES = ["Conservative", "Labour", "Liberal Democrat", "Green", "Reform UK", "Independent"]


_PARTY_HEAD = {
    "Conservative": "Conservatives",
    "Labour": "Labour",
    "Liberal Democrat": "Lib Dems",
    "Green": "Greens",
    "Reform UK": "Reform UK",
    "Independent": "Independent",
}
_PARTY_FROM = {
    "Conservative": "the Conservatives",
    "Labour": "Labour",
    "Liberal Democrat": "the Liberal Democrats",
    "Green": "the Greens",
    "Reform UK": "Reform UK",
    "Independent": "an Independent",
}


def tpl_vote(gen: Gen, lang: str, n: int, rng: random.Random):
    day = gen.t0  # a Sunday
    combos = [(canton, commune) for canton, communes in _VOTES[lang] for commune in communes]
    rng.shuffle(combos)
    canton_info = {}
    for canton, _ in _VOTES[lang]:
        canton_info[canton] = (
            rng.choice(_PROPOSALS[lang]) if _PROPOSALS[lang] else None,
            round(rng.uniform(38, 64), 1),
            rng.choice([d for d in range(1, 3)]),
        )
    for canton, commune in combos[:n]:
        prop, cy, bd = canton_info[canton]
        if lang == "en":
            bday = gen.t0 + timedelta(days=bd)
            wd = WEEKDAYS["en"][bday.weekday()]
            parties = rng.sample(_PARTIES, 4)
            votes = sorted([rng.randint(120, 1800) for _ in parties], reverse=True)
            total = sum(votes)
            turnout = round(rng.uniform(18, 41), 1)
            won_from = rng.choice(parties[1:] + [parties[0]] * 2)
            hold = won_from == parties[0]
            cand = [person(rng) for _ in parties]
            title = f"{_PARTY_HEAD[parties[0]]} {'hold' if hold else 'gain'} {commune} in {canton} County Council by-election"
            lines = "; ".join(f"{c} ({p}) {v:,}" for c, p, v in zip(cand, parties, votes, strict=True))
            paras = [
                f"The {parties[0]} candidate {cand[0]} won the {commune} division by-election for {canton} County Council "
                f"on {wd} with {votes[0]:,} votes ({100 * votes[0] / total:.1f}%), "
                f"{'holding the seat' if hold else f'gaining the seat from {_PARTY_FROM[won_from]}'}.",
                f"Results: {lines}. Turnout was {turnout}%.",
                "The by-election was called after the resignation of the sitting councillor.",
            ]
            t = bday + timedelta(hours=rng.uniform(22.5, 23.9))
            yield dict(
                key=commune,
                title=title,
                paras=paras,
                agency="PA",
                place=None,
                time=t,
                regions=("uk",),
                kicker="Local elections",
            )
            continue
        (prop_long, prop_short) = prop
        electorate = rng.randint(3000, 30000)
        turnout = round(rng.uniform(32, 58), 1)
        voters = int(electorate * turnout / 100)
        yes_pct = round(min(85, max(15, rng.gauss(cy, 8))), 1)
        yes = int(voters * yes_pct / 100)
        no = voters - yes
        ok = yes_pct > 50
        if lang == "de":
            title = (
                f"{commune} sagt {'Ja' if ok else 'Nein'} zum {prop_short}: {fmt_num(yes_pct, 1, 'ch')} Prozent Ja"
                if prop_short.endswith(("gesetz", "kredit"))
                else f"{commune} sagt {'Ja' if ok else 'Nein'} zur {prop_short}: {fmt_num(yes_pct, 1, 'ch')} Prozent Ja"
            )
            paras = [
                f"Die Stimmberechtigten von {commune} haben {prop_long} mit {fmt_num(yes_pct, 1, 'ch')} Prozent Ja-Stimmen "
                f"{'angenommen' if ok else 'abgelehnt'}. {fmt_num(yes, 0, 'ch')} Stimmende legten ein Ja in die Urne, "
                f"{fmt_num(no, 0, 'ch')} ein Nein.",
                f"Die Stimmbeteiligung lag bei {fmt_num(turnout, 1, 'ch')} Prozent. Im ganzen Kanton {canton} wurde die "
                f"Vorlage mit {fmt_num(cy, 1, 'ch')} Prozent Ja-Stimmen {'angenommen' if cy > 50 else 'abgelehnt'}.",
                "Die Resultate sind provisorisch. Das definitive Ergebnis wird von der Staatskanzlei veröffentlicht.",
            ]
        else:
            title = (
                f"{commune} dit {'oui' if ok else 'non'} à la {prop_short} ({fmt_num(yes_pct, 1, 'chfr')}% de oui)"
                if prop_short.startswith(("loi", "réforme"))
                else f"{commune} dit {'oui' if ok else 'non'} à l'{prop_short} ({fmt_num(yes_pct, 1, 'chfr')}% de oui)"
                if prop_short.startswith("initiative")
                else f"{commune} dit {'oui' if ok else 'non'} au {prop_short} ({fmt_num(yes_pct, 1, 'chfr')}% de oui)"
            )
            paras = [
                f"Les citoyens de {commune} ont {'accepté' if ok else 'refusé'} {prop_long} par {fmt_num(yes_pct, 1, 'chfr')}% "
                f"de oui. {fmt_num(yes, 0, 'chfr')} votants ont glissé un oui dans l'urne, {fmt_num(no, 0, 'chfr')} un non.",
                f"La participation s'est élevée à {fmt_num(turnout, 1, 'chfr')}%. Dans l'ensemble du canton {'du' if canton == 'Valais' else 'de'} {canton}, "
                f"l'objet a été {'accepté' if cy > 50 else 'refusé'} par {fmt_num(cy, 1, 'chfr')}% de oui.",
                "Ces résultats sont provisoires. Les résultats définitifs seront publiés par la chancellerie d'Etat.",
            ]
        t = day + timedelta(hours=rng.uniform(11.5, 16.0))
        agency = "SDA" if lang == "de" else "ATS"
        yield dict(
            key=commune,
            title=title,
            paras=paras,
            agency=agency if rng.random() < 0.6 else None,
            place=None,
            time=t,
            regions=("ch",),
            kicker="Abstimmung" if lang == "de" else "Votations",
        )


TEMPLATES = {
    "stock": tpl_stock,
    "weather": tpl_weather,
    "football": tpl_football,
    "lottery": tpl_lottery,
    "quake": tpl_quake,
    "police": tpl_police,
    "vote": tpl_vote,
}


# ---------------------------------------------------------------------------------------------
# Real text: article bodies extracted from the corpus pages
# ---------------------------------------------------------------------------------------------

_SIG_LEAD = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][\w./\- ]{1,40}?)\s*\((?P<ag>dpa|sda|SDA|AFP|afp|APA|KNA|Reuters|AP|ATS|ats)"
    r"(?:/[\w]+)*\)\.?\s*[-–—]?\s*"
)
_CAPS_DATELINE = re.compile(r"^([A-ZÄÖÜ][A-ZÄÖÜ/\- ]{2,30})\s+[-–—]\s+")
_SIG_TAIL = re.compile(r"\s*\((dpa|sda|SDA|AFP|afp|APA|KNA|Reuters|ATS|ats)(/[\w]+)*\)\s*$")
_AG_MAP = {
    "dpa": "dpa",
    "sda": "SDA",
    "SDA": "SDA",
    "AFP": "AFP",
    "afp": "AFP",
    "APA": "APA",
    "Reuters": "Reuters",
    "ATS": "ATS",
    "ats": "ATS",
    "AP": None,
    "KNA": None,
}


def _good_line(line: str) -> bool:
    return (
        len(line) >= 60
        and line[-1] in ".!?\"“»«)'"
        and not line.startswith(("-", "•", "©", "|"))
        and "http" not in line
        and "@" not in line
    )


def _clean_title(t: str | None) -> str | None:
    if not t:
        return None
    t = " ".join(t.replace("\xad", "").split())
    parts = re.split(r"\s+[|–-]\s+", t)
    if len(parts) > 1 and len(parts[-1]) < 40 and len(" ".join(parts[:-1])) > 15:
        t = " - ".join(parts[:-1])
    if t.isupper():
        t = t.capitalize()
    return t.strip() or None


def default_corpus() -> pathlib.Path:
    env = os.environ.get("WIREWATCH_CORPORA")
    return pathlib.Path(env) if env else pathlib.Path("/work/shared/corpora")


def corpus_dir(corpus: pathlib.Path | str | None) -> pathlib.Path | None:
    p = pathlib.Path(corpus) if corpus is not None else default_corpus()
    for cand in (p / "news-pages-de-fr", p):
        if (cand / "index.json").is_file():
            return cand
    return None


@lru_cache(maxsize=4)
def load_corpus(path: str) -> tuple[Text, ...]:
    """Bodies of the corpus pages (trafilatura), cleaned into 2-8 wire-like paragraphs."""
    import trafilatura

    root = pathlib.Path(path)
    entries = json.loads((root / "index.json").read_text(encoding="utf-8"))
    out: list[Text] = []
    seen_leads: set[str] = set()
    for e in sorted(entries, key=lambda x: x["file"]):
        lang = e.get("lang")
        if lang not in ("de", "fr"):
            continue
        f = root / e["file"]
        if not f.is_file():
            continue
        html = f.read_bytes()
        try:
            text = trafilatura.extract(html, include_comments=False) or ""
        except Exception:  # noqa: BLE001 - a broken page is simply skipped
            continue
        lines = [" ".join(x.replace("\xad", "").split()) for x in text.split("\n")]
        lines = [x for x in lines if x]
        good = [x for x in lines if _good_line(x)]
        if not lines or len(good) / len(lines) < 0.33:
            continue
        raw = e.get("title")
        title = None if (not raw or raw.isupper()) else _clean_title(raw)
        if not title or len(title) < 12:
            try:
                md = trafilatura.extract_metadata(html)
                title = _clean_title(md.title if md else None) or title
            except Exception:  # noqa: BLE001
                pass
        paras: list[str] = []
        for x in good:
            if title and x.strip() == title:
                continue
            if paras and sum(map(len, paras)) + len(x) > 3600:
                break
            paras.append(x)
            if len(paras) >= 8:
                break
        total = sum(map(len, paras))
        if not (len(paras) >= 3 and total >= 600) and not (lang == "fr" and len(paras) >= 2 and total >= 900):
            continue
        agency, place = None, None
        m = _SIG_LEAD.match(paras[0])
        if m:
            agency, place = _AG_MAP.get(m.group("ag")), m.group("place").strip()
            paras[0] = paras[0][m.end() :]
            paras[0] = paras[0][:1].upper() + paras[0][1:]
            if agency is None:
                place = None
        m = _CAPS_DATELINE.match(paras[0])
        if m:
            place = place or m.group(1).strip().title()
            paras[0] = paras[0][m.end() :]
        paras[-1] = _SIG_TAIL.sub("", paras[-1])
        if agency and (agency, lang) not in _TRAILER_FORMS:
            agency, place = None, None
        if not title:
            title = truncate_words(split_sentences(paras[0], lang)[0], 12).rstrip(".")
        lead_key = paras[0][:80]
        if lead_key in seen_leads:
            continue
        seen_leads.add(lead_key)
        out.append(Text(f"corpus:{e['file']}", lang, agency, place, title, tuple(paras)))
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Plan and entry point
# ---------------------------------------------------------------------------------------------

TARGET_TOTAL = 1000
BASE_TARGET = {"de": 190, "fr": 80, "en": 80}
UPDATE_GROUPS = {"de": 3, "fr": 2, "en": 2}
BRIEFS_PER_OUTLET = 8
TEMPLATE_KINDS = ("stock", "weather", "football", "lottery", "quake", "police", "vote")


def generate(seed: int, corpus: pathlib.Path | None = None) -> list[Article]:
    """About 1,000 articles for `seed`. corpus: the corpora folder (or news-pages-de-fr itself); None
    means $WIREWATCH_CORPORA, else /work/shared/corpora. A path without index.json means own text only."""
    cdir = corpus_dir(corpus)
    ctexts = list(load_corpus(str(cdir))) if cdir else []
    g = Gen(seed, ctexts)
    plan = g.rng("plan")
    all_texts = (
        OWN_STANDALONE
        + ctexts
        + [x for p in OWN_FOLLOWUPS for x in p]
        + [x for p in OWN_COMPILATIONS for x in p]
    )
    for t in all_texts:
        g.headlines[t.lang].append(t.title)

    for lang in LANGS:
        pool = [t for t in OWN_STANDALONE if t.lang == lang] + [t for t in ctexts if t.lang == lang]
        plan.shuffle(pool)
        n = len(pool)
        groups = UPDATE_GROUPS[lang] if n >= 3 * 4 * UPDATE_GROUPS[lang] else 1
        sizes = [plan.randint(3, 4) for _ in range(groups)] if groups > 1 else [4 if n >= 10 else 3]
        n_rw = min(12, max(2, round(0.2 * n)))
        upd, pool = pool[: sum(sizes)], pool[sum(sizes) :]
        rw, base = pool[:n_rw], pool[n_rw:]
        weights = [plan.choice([0, 1, 1, 2, 2, 3, 4, 5, 7, 9]) for _ in base]
        f = max(0.0, BASE_TARGET[lang] - len(base)) / max(1, sum(weights))
        copies = [min(12, round(w * f)) for w in weights]
        g.fam_base(base, copies)
        g.fam_rewrite(rw)
        i = 0
        for gi, size in enumerate(sizes):
            g.fam_update(upd[i : i + size], lang, gi)
            i += size
        g.fam_followup([p for p in OWN_FOLLOWUPS if p[0].lang == lang])
        g.fam_compilation([p for p in OWN_COMPILATIONS if p[0].lang == lang])
        g.fam_boilerplate(lang, BRIEFS_PER_OUTLET)

    remaining = max(0, TARGET_TOTAL - len(g.rows))
    per = max(3, round(remaining / (len(LANGS) * len(TEMPLATE_KINDS) * 2.3)))
    for lang in LANGS:
        for kind in TEMPLATE_KINDS:
            g.fam_template(lang, kind, per)

    rows = sorted(g.rows, key=lambda r: (r["time"], r["story"], r["outlet"], r["title"]))
    return [Article(id=f"{seed}-{i:04d}", **r) for i, r in enumerate(rows)]


def summary(arts: list[Article]) -> str:
    lines = []
    cnt = Counter((a.case, a.language) for a in arts)
    stories = {}
    for a in arts:
        stories.setdefault(a.case, set()).add(a.story)
    lines.append(f"{'case':<12}" + "".join(f"{lang:>6}" for lang in LANGS) + f"{'total':>7}{'stories':>9}")
    for case in CASES:
        row = [cnt[(case, lang)] for lang in LANGS]
        lines.append(
            f"{case:<12}" + "".join(f"{x:>6}" for x in row) + f"{sum(row):>7}{len(stories.get(case, ())):>9}"
        )
    tot = [sum(cnt[(c, lang)] for c in CASES) for lang in LANGS]
    lines.append(
        f"{'total':<12}" + "".join(f"{x:>6}" for x in tot) + f"{sum(tot):>7}{len({a.story for a in arts}):>9}"
    )
    t0, t1 = min(a.time for a in arts), max(a.time for a in arts)
    lines.append(
        f"time span: {t0:%Y-%m-%d %H:%M} .. {t1:%Y-%m-%d %H:%M} UTC ({(t1 - t0).total_seconds() / 3600:.1f} h)"
    )
    lines.append(
        f"signed: {sum(a.agency is not None for a in arts)}  compilations: {sum(a.also_story is not None for a in arts)}"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    import argparse
    import time

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seed", type=int, nargs="?", default=DEV_SEEDS[0])
    ap.add_argument("--corpus", type=pathlib.Path, default=None)
    ap.add_argument("--no-corpus", action="store_true", help="own text only")
    ap.add_argument("--show", type=int, default=0, help="print N random articles")
    args = ap.parse_args()
    corpus = pathlib.Path("/nonexistent") if args.no_corpus else args.corpus
    started = time.perf_counter()
    arts = generate(args.seed, corpus)
    took = time.perf_counter() - started
    print(f"seed {args.seed}  corpus: {corpus_dir(corpus) or 'none (own text only)'}  ({took:.1f} s)")
    print(summary(arts))
    for a in random.Random(0).sample(arts, min(args.show, len(arts))):
        print("\n" + "=" * 100)
        print(
            f"{a.id}  story={a.story}  case={a.case}  {a.language}  {a.outlet}  {a.time:%Y-%m-%d %H:%M}  agency={a.agency}"
            f"  also={a.also_story}"
        )
        print(f"# {a.title}\n\n{a.body}")
