"""Settings, the ground truth record and the article record shared by the simwire modules."""

from __future__ import annotations

from dataclasses import dataclass, field

FEED_FAULTS = (
    "timeout",
    "404",
    "410",
    "500",
    "429",
    "malformed",
    "not-xml",
    "empty",
    "wrong-charset",
    "reset",
)
PAGE_FAULTS = ("page-404", "page-empty", "page-nonarticle")
KINDS = ("kursk-copy", "hard-negative", "filler")
NEGATIVES = ("kursk-submarine", "battle-1943", "missile-test", "person-kursk", "russian-troops-only")


@dataclass
class WireSettings:
    port: int = 0  # 0 = a free port, the same number on every outlet address
    outlets: int = 10  # the 10 named outlets, plus generated ones beyond 10
    items_per_feed: int = 30
    latency: float = 0.0
    faults: dict[str, str] = field(default_factory=dict)  # outlet slug -> fault kind
    seed: int = 7
    new_item_every: float = 300.0
    backlog: int = 5
    start: float | None = None  # None = the clock at construction
    hang_seconds: float = 60.0

    def validate(self) -> None:
        if not 0 <= self.port <= 65535:
            raise ValueError(f"port out of range: {self.port}")
        if self.outlets < 10:
            raise ValueError("outlets must be at least 10 (the named outlets)")
        if self.outlets > 60000:
            raise ValueError("outlets: at most 60000 loopback addresses")
        if self.items_per_feed < 1:
            raise ValueError("items_per_feed must be >= 1")
        if self.latency < 0 or self.hang_seconds < 0:
            raise ValueError("latency and hang_seconds must be >= 0")
        if self.new_item_every <= 0:
            raise ValueError("new_item_every must be > 0")
        if self.backlog < 0:
            raise ValueError("backlog must be >= 0")
        for slug, kind in self.faults.items():
            if kind not in FEED_FAULTS + PAGE_FAULTS:
                raise ValueError(f"unknown fault {kind!r} for {slug!r}; known: {FEED_FAULTS + PAGE_FAULTS}")


@dataclass(frozen=True)
class ItemTruth:
    outlet: str
    url: str
    title: str
    language: str
    kind: str
    agency: str | None
    story: str
    negative: str | None
    published: float


@dataclass(frozen=True)
class FixedText:
    """A hand-written article (a Kursk copy or a hard negative) at a fixed offset before start."""

    outlet: str
    kind: str
    story: str
    section: str
    title: str
    author: str
    paragraphs: tuple[str, ...]
    signature: str | None
    before_start: float  # seconds before start
    agency: str | None = None
    negative: str | None = None


@dataclass(frozen=True)
class Article:
    outlet_index: int
    uid: str  # unique within the outlet: "s<n>" for fixed texts, "n<k>" for filler item k
    kind: str
    story: str
    section: str
    title: str
    author: str
    paragraphs: tuple[str, ...]  # the first is the lead
    signature: str | None
    published: float
    agency: str | None = None
    negative: str | None = None
