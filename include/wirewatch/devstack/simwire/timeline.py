"""What each outlet has published at a given instant, and where each article lives."""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import lru_cache

from wirewatch.devstack.simwire.generate import filler_article
from wirewatch.devstack.simwire.kursk import KURSK_COPIES
from wirewatch.devstack.simwire.model import Article, WireSettings
from wirewatch.devstack.simwire.negatives import HARD_NEGATIVES
from wirewatch.devstack.simwire.outlets import Outlet

_TOKEN_RE = re.compile(r"-a(\d+)([sn]\d+)\.html$")
TRACKING = "?utm_source=rss&utm_medium=feed&utm_campaign=newsfeed#comments"


def title_slug(title: str, limit: int = 70) -> str:
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "article"


def parse_token(path: str) -> tuple[int, str] | None:
    """(outlet index, uid) from an article path, or None."""
    m = _TOKEN_RE.search(path)
    return (int(m.group(1)) - 1, m.group(2)) if m else None


class Timeline:
    def __init__(self, settings: WireSettings, outlets: tuple[Outlet, ...], start: float) -> None:
        self.settings = settings
        self.outlets = outlets
        self.start = start
        by_slug = {o.slug: o for o in outlets}
        self.fixed: dict[int, list[Article]] = {o.index: [] for o in outlets}
        for n, text in enumerate(KURSK_COPIES + HARD_NEGATIVES):
            outlet = by_slug[text.outlet]
            self.fixed[outlet.index].append(
                Article(
                    outlet_index=outlet.index,
                    uid=f"s{n}",
                    kind=text.kind,
                    story=text.story,
                    section=text.section,
                    title=text.title,
                    author=text.author,
                    paragraphs=text.paragraphs,
                    signature=text.signature,
                    published=start - text.before_start,
                    agency=text.agency,
                    negative=text.negative,
                )
            )
        self._offsets = [self._offset(o) for o in outlets]
        self.filler = lru_cache(maxsize=16384)(self._make_filler)

    # -- filler schedule: item k at start - (backlog - k) * every + outlet offset

    def _offset(self, outlet: Outlet) -> float:
        every = self.settings.new_item_every
        digest = hashlib.sha256(f"{self.settings.seed}:{outlet.slug}".encode()).digest()
        frac = 0.05 + 0.9 * int.from_bytes(digest[:4], "big") / 2**32
        if every >= 4:  # whole seconds where possible, never 0 so exactly `backlog` items exist at start
            return float(min(max(1, round(frac * every)), math.ceil(every) - 1))
        return frac * every

    def filler_time(self, index: int, k: int) -> float:
        s = self.settings
        return self.start - (s.backlog - k) * s.new_item_every + self._offsets[index]

    def filler_count(self, index: int, now: float) -> int:
        s = self.settings
        n = max(0, math.floor((now - self.start - self._offsets[index]) / s.new_item_every) + s.backlog + 1)
        while n > 0 and self.filler_time(index, n - 1) > now:  # float rounding at the boundaries
            n -= 1
        while self.filler_time(index, n) <= now:
            n += 1
        return n

    def _make_filler(self, index: int, k: int) -> Article:
        return filler_article(self.outlets[index], self.settings.seed, k, self.filler_time(index, k))

    # -- queries

    def state(self, index: int, now: float) -> tuple[int, int]:
        """A key that changes exactly when the outlet's list of published items changes."""
        fixed = sum(1 for a in self.fixed[index] if a.published <= now)
        return self.filler_count(index, now), fixed

    def latest(self, index: int, now: float, limit: int) -> list[Article]:
        n = self.filler_count(index, now)
        items = [self.filler(index, k) for k in range(max(0, n - limit), n)]
        items += [a for a in self.fixed[index] if a.published <= now]
        items.sort(key=lambda a: (a.published, a.uid), reverse=True)
        return items[:limit]

    def published(self, now: float) -> Iterator[Article]:
        for outlet in self.outlets:
            yield from (a for a in self.fixed[outlet.index] if a.published <= now)
            for k in range(self.filler_count(outlet.index, now)):
                yield self.filler(outlet.index, k)

    def find(self, index: int, uid: str, now: float) -> Article | None:
        if not 0 <= index < len(self.outlets):
            return None
        if uid.startswith("n"):
            k = int(uid[1:])
            article = self.filler(index, k) if self.filler_time(index, k) <= now else None
        else:
            article = next((a for a in self.fixed[index] if a.uid == uid and a.published <= now), None)
        return article

    def related(self, article: Article, count: int = 5) -> list[Article]:
        """Earlier filler of the same outlet: never topic words in the 'related' box."""
        if article.kind == "filler":
            ks = range(int(article.uid[1:]) - 1, -1, -1)
        else:
            ks = range(0, self.settings.backlog + count)
        picked = [
            k for k in ks if self.filler_time(article.outlet_index, k) <= max(article.published, self.start)
        ]
        return [self.filler(article.outlet_index, k) for k in picked[:count]]

    # -- addresses

    def path(self, article: Article) -> str:
        outlet = self.outlets[article.outlet_index]
        day = datetime.fromtimestamp(article.published, UTC)
        section = outlet.section(article.section)[0]
        token = f"a{outlet.index + 1}{article.uid}"
        return f"/{section}/{day:%Y}/{day:%m}/{title_slug(article.title)}-{token}.html"
