"""Deterministic filler news: a story template per item, slots filled from a seeded generator."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from types import ModuleType

from wirewatch.devstack.simwire import filler_de, filler_en, filler_fr
from wirewatch.devstack.simwire.chrome import MONTHS
from wirewatch.devstack.simwire.model import Article
from wirewatch.devstack.simwire.outlets import Outlet

LANGUAGES: dict[str, ModuleType] = {"de": filler_de, "fr": filler_fr, "en": filler_en}


def _decimal(x: float, language: str) -> str:
    text = f"{x:.1f}"
    return text if language == "en" else text.replace(".", ",")


def _thousands(n: int, outlet: Outlet) -> str:
    if n < 1000 and outlet.language != "fr":
        return str(n)
    sep = {"en": ",", "fr": " "}.get(outlet.language, "." if outlet.currency == "EUR" else "'")
    return f"{n:,}".replace(",", sep)


def _ordinal(n: int, language: str) -> str:
    if language == "de":
        return f"{n}."
    if language == "fr":
        return "1er" if n == 1 else f"{n}e"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _slots(rng: random.Random, lang: ModuleType, outlet: Outlet, published: float) -> dict[str, str]:
    language = outlet.language
    day = datetime.fromtimestamp(published, UTC)
    town, town2 = rng.sample(outlet.towns, 2)

    def person(first: tuple[str, ...]) -> str:
        return f"{rng.choice(first)} {rng.choice(lang.LAST)}"

    def millions(lo: float, hi: float, digits: int = 1) -> str:
        x = rng.uniform(lo, hi)
        shown = _decimal(x, language) if digits else str(round(x))
        return lang.MILLIONS.format(x=shown, currency=lang.CURRENCY[outlet.currency])

    goals = rng.randint(1, 4)
    stop, stop2 = rng.sample(lang.STOPS, 2)
    slots = {
        "town": town,
        "town2": town2,
        "person": person(lang.FIRST_F),
        "person2": person(lang.FIRST_M),
        "player": person(lang.FIRST_M),
        "scorer": person(lang.FIRST_M),
        "weekday": lang.WEEKDAYS[day.weekday()],
        "weekday2": lang.WEEKDAYS[(day.weekday() + rng.randint(1, 3)) % 7],
        "month": MONTHS[language][(day.month - 1 + rng.randint(1, 3)) % 12],
        "year": str(day.year + 1),
        "votes_yes": str(rng.randint(25, 60)),
        "votes_no": str(rng.randint(4, 24)),
        "pct": _decimal(rng.uniform(1.2, 9.8), language),
        "n": str(rng.randint(2, 9)),
        "n2_ord": _ordinal(rng.randint(2, 6), language),
        "count": str(rng.randint(40, 900)),
        "count_small": str(rng.randint(12, 85)),
        "count_big": _thousands(rng.randrange(1200, 38000, 100), outlet),
        "temp_hi": str(rng.randint(4, 12)),
        "temp_lo": str(rng.randint(-4, 2)),
        "rain": str(rng.randint(30, 80)),
        "wind": str(rng.randint(70, 130) if language != "en" else rng.randint(45, 80)),
        "altitude": _thousands(rng.randrange(700, 1600, 100), outlet),
        "level": str(rng.randint(2, 4)),
        "home": lang.HOME.format(town=town),
        "away": lang.AWAY.format(town2=town2),
        "score": f"{goals}{lang.SCORE_SEP}{rng.randint(0, goals - 1)}",
        "minute_ord": _ordinal(rng.randint(55, 90), language),
        "minute2_ord": _ordinal(rng.randint(8, 50), language),
        "run_minutes": str(rng.randint(29, 36)),
        "spectators": _thousands(rng.randrange(1200, 14000, 50), outlet),
        "rank_ord": _ordinal(rng.randint(2, 11), language),
        "venue": rng.choice(lang.VENUES),
        "work": rng.choice(lang.WORKS),
        "festival": rng.choice(lang.FESTIVALS),
        "company": rng.choice(lang.COMPANIES),
        "product": rng.choice(lang.PRODUCTS),
        "jobs": str(rng.randrange(15, 240, 5)),
        "line": str(rng.randint(1, 34)),
        "street": rng.choice(lang.STREETS),
        "stop": stop,
        "stop2": stop2,
        "weeks": str(rng.randint(3, 12)),
        "money": millions(1.2, 48.0),
        "money_small": millions(0.3, 4.9),
        "money_big": millions(60, 900, digits=0),
    }
    return slots


def _house_style(text: str, outlet: Outlet) -> str:
    if outlet.swiss:
        text = text.replace("ß", "ss")
    if outlet.curly:
        text = text.replace("'", "’")
    if outlet.encoding == "iso-8859-1":  # a Latin-1 newsroom types a hyphen, not a dash it cannot store
        text = text.replace("–", "-")
    return text


def filler_article(outlet: Outlet, seed: int, k: int, published: float) -> Article:
    """Filler item k of an outlet; the same (seed, outlet, k, published) always gives the same text."""
    rng = random.Random(f"{seed}:{outlet.slug}:{k}")
    lang = LANGUAGES[outlet.language]
    story = rng.choice(lang.STORIES)
    slots = _slots(rng, lang, outlet, published)
    title = rng.choice(story["headlines"]).format_map(slots)
    lead = rng.choice(story["leads"]).format_map(slots)
    bodies = rng.sample(story["bodies"], min(len(story["bodies"]), rng.randint(2, 5)))
    paragraphs = tuple(_house_style(p, outlet) for p in (lead, *(b.format_map(slots) for b in bodies)))
    return Article(
        outlet_index=outlet.index,
        uid=f"n{k}",
        kind="filler",
        story=f"filler-{outlet.slug}-{k}",
        section=story["category"],
        title=_house_style(title, outlet),
        author=rng.choice(outlet.staff),
        paragraphs=paragraphs,
        signature=None,
        published=published,
    )
