"""Settings and the config files (feeds.yaml, topics.yaml, subscriptions.yaml), validated with pydantic.

Every validation problem becomes a ConfigError naming the file, the entry and the field,
so a broken file shows up as one readable DAG import error instead of a traceback.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import re
from dataclasses import dataclass
from datetime import time, timedelta
from email.utils import parseaddr
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

PACKAGE_ROOT = Path(__file__).resolve().parent
DEFAULT_CONFIG_DIR = PACKAGE_ROOT.parent / "config"

ModelT = TypeVar("ModelT", bound=BaseModel)
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Language = Annotated[str, Field(pattern=r"^[a-z]{2}$")]


class ConfigError(ValueError):
    """A config file is missing, unparsable or invalid; the message says where."""


class _Strict(BaseModel):
    # .inf and .nan are YAML floats: no timeout, cap or share may be either
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class FetchLimits(_Strict):
    connect_timeout: float = Field(5.0, gt=0, le=300)
    read_timeout: float = Field(15.0, gt=0, le=600)
    # Wall-clock bound on one response, so a server trickling bytes cannot hold a task forever.
    total_timeout: float = Field(30.0, gt=0, le=3600)
    # bodies are held in memory
    max_body_bytes: int = Field(5_000_000, gt=0, le=1_000_000_000)
    max_redirects: int = Field(5, ge=0, le=50)
    per_host_concurrency: int = Field(2, ge=1, le=100)
    total_concurrency: int = Field(128, ge=1, le=10_000)
    max_new_articles_per_feed: int = Field(100, ge=1, le=100_000)
    user_agent: str = "Wirewatch/0.1 (+https://github.com/wirewatch/wirewatch; news monitoring)"
    # Internal addresses (loopback, private, link-local ...) are refused unless listed here (CIDR).
    allow_networks: list[str] = []

    @field_validator("allow_networks")
    @classmethod
    def _cidrs(cls, value: list[str]) -> list[str]:
        for cidr in value:
            try:
                ipaddress.ip_network(cidr, strict=False)
            except ValueError as exc:
                raise ValueError(f"{cidr!r} is not a network in CIDR notation") from exc
        return value


_DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
# above any sane polling interval or cap, and far below what overflows timedelta arithmetic
MAX_DURATION_DAYS = 30


def _parse_duration(value: Any) -> Any:
    """Seconds as a number, or a number with a unit: 90s, 5m, 6h, 1d; from 0 to MAX_DURATION_DAYS."""
    if isinstance(value, timedelta):
        seconds: float = value.total_seconds()
    elif isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value
    elif isinstance(value, str) and (m := _DURATION_RE.match(value)):
        seconds = float(m.group(1)) * _UNIT_SECONDS[m.group(2)]
    else:
        raise ValueError(f"{value!r} is not a duration: write seconds or a number with s, m, h or d (5m, 6h)")
    # the comparison is False for NaN and exact for ints too large for a float
    if not 0 <= seconds <= MAX_DURATION_DAYS * 86400:
        raise ValueError(f"{value!r} is out of range: a duration is between 0 and {MAX_DURATION_DAYS} days")
    return timedelta(seconds=seconds)


Duration = Annotated[timedelta, BeforeValidator(_parse_duration)]


class PollingPolicy(_Strict):
    """When a feed is due again: its cadence within bounds, server hints, linear backoff on errors."""

    min_interval: Duration = timedelta(minutes=5)
    max_interval: Duration = timedelta(hours=6)
    # the interval is this share of the feed's usual gap between items (0.5: about two polls per item)
    cadence_share: float = Field(0.5, gt=0, le=4)
    # added to the interval per weighted failure: the backoff grows linearly with the failures
    backoff_step: Duration = timedelta(minutes=10)
    backoff_cap: Duration = timedelta(hours=6)
    # Retry-After, RSS ttl and Cache-Control max-age are honoured up to this long
    hint_cap: Duration = timedelta(hours=24)
    # a failed feed's next poll moves later by up to this share of its delay
    jitter: float = Field(0.1, ge=0, le=1)
    # 429, 5xx, timeouts and dropped connections are soft; 404, 410 and unreadable feeds are hard
    soft_weight: int = Field(1, ge=0, le=100)
    hard_weight: int = Field(3, ge=1, le=100)
    dead_after: int = Field(9, ge=1, le=10_000)
    # silent for this many times its usual cadence (and at least stale_min) means stale
    stale_after_cadences: float = Field(4.0, gt=0, le=1000)
    stale_min: Duration = timedelta(hours=3)

    @model_validator(mode="after")
    def _bounds_in_order(self) -> PollingPolicy:
        if self.min_interval > self.max_interval:
            raise ValueError("min_interval must not exceed max_interval")
        return self


class AlertSettings(_Strict):
    # operators' addresses; empty: alerts are only logged and shown on the Wirewatch page
    email_to: list[str] = []
    smtp_conn_id: str = "smtp_default"

    @field_validator("email_to", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("email_to")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        for address in value:
            if not re.fullmatch(r"[^@\s]+@[^@\s]+", address):
                raise ValueError(f"{address!r} is not an email address")
        return value


class DedupeSettings(_Strict):
    """Near-duplicate clustering (wirewatch.stories); the defaults come from benchmarks.dedup_eval."""

    shingle_words: int = Field(3, ge=1, le=8)
    num_perm: int = Field(128, ge=16, le=1024)
    lsh_bands: int = Field(32, ge=1)
    lsh_rows: int = Field(4, ge=1)
    # sentences this long are specific enough to index as they are (0: LSH bands only); they
    # find the cut copies and briefs that share little of the original's word set
    anchor_words: int = Field(8, ge=0, le=1000)
    # a candidate joins when enough shingles are shared and either measure clears its bar
    min_shared_shingles: int = Field(10, ge=1, le=1_000_000)
    min_jaccard: float = Field(0.4, gt=0, le=1)
    min_containment: float = Field(0.6, gt=0, le=1)
    # two instances of a template story: in the sentences they share, facts (figures, names) are
    # replaced, two or more and at least this share, or the only one (see dedupe.similarity)
    template_share: float = Field(0.3, gt=0, le=1)
    # a paragraph an outlet has printed in this many articles is its boilerplate
    boilerplate_min_articles: int = Field(3, ge=2, le=1_000_000)
    window_days: float = Field(7.0, gt=0, le=366)
    # an article in another language, published within this many hours of a wire item, may be
    # its translation and join its story (0: translations stay stories of their own)
    translation_window_hours: float = Field(24.0, ge=0, le=24 * 14)

    @model_validator(mode="after")
    def _bands_fit(self) -> DedupeSettings:
        if self.lsh_bands * self.lsh_rows > self.num_perm:
            raise ValueError(
                f"lsh_bands x lsh_rows = {self.lsh_bands * self.lsh_rows} exceeds num_perm = {self.num_perm}"
            )
        return self


class Feed(_Strict):
    id: Slug
    outlet: str = Field(min_length=1)
    url: str
    language: Language
    enabled: bool = True
    # the Airflow connection holding the feed's credentials (see wirewatch.ingest.credentials)
    connection: str | None = Field(None, pattern=r"^[A-Za-z0-9_.-]+$")

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if "@" in parts.netloc:
            raise ValueError(
                "must not carry credentials (user:password@): put them in an Airflow connection and "
                "name it in the feed's `connection:` field; its login and password become HTTP basic "
                'auth, its extra may add {"query": {...}} and {"headers": {...}} (outside Airflow: '
                "the AIRFLOW_CONN_<ID> variable)"
            )
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http(s) URL with a host")
        return value

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc.lower()


class FeedsFile(_Strict):
    active: str = "simwire"
    schedule: str = "*/10 * * * *"
    # upper bound on parallel poll tasks per run; hosts are packed into this many shards
    max_shards: int = Field(8, ge=1, le=1024)
    fetch: FetchLimits = FetchLimits()
    polling: PollingPolicy = PollingPolicy()
    alerts: AlertSettings = AlertSettings()
    dedupe: DedupeSettings = DedupeSettings()
    lists: dict[str, list[Feed]]
    # per list, internal networks its feeds may reach (the simulated wire lives on loopback)
    allow_networks: dict[str, list[str]] = {}

    @model_validator(mode="after")
    def _active_list_exists(self) -> FeedsFile:
        if self.active not in self.lists:
            raise ValueError(f"active list {self.active!r} is not one of {sorted(self.lists)}")
        for name, cidrs in self.allow_networks.items():
            if name not in self.lists:
                raise ValueError(
                    f"allow_networks names list {name!r}, which is not one of {sorted(self.lists)}"
                )
            FetchLimits(allow_networks=cidrs)
        for name, feeds in self.lists.items():
            seen: set[str] = set()
            for feed in feeds:
                if feed.id in seen:
                    raise ValueError(f"list {name!r}: feed id {feed.id!r} appears twice")
                seen.add(feed.id)
        return self

    def limits(self, list_name: str | None = None) -> FetchLimits:
        extra = self.allow_networks.get(list_name or self.active, [])
        return self.fetch.model_copy(update={"allow_networks": [*self.fetch.allow_networks, *extra]})

    def feeds(self, list_name: str | None = None) -> list[Feed]:
        name = list_name or self.active
        if name not in self.lists:
            raise ConfigError(f"feed list {name!r} not found; available: {sorted(self.lists)}")
        return [feed for feed in self.lists[name] if feed.enabled]


TermListName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
TermLanguage = Annotated[str, Field(pattern=r"^([a-z]{2}|any)$")]
Operator = Literal["AND", "OR"]


class TopicModelSettings(_Strict):
    """A model trained on labelled passages (`wirewatch topics train`) as a second opinion."""

    file: str = Field(min_length=1)  # JSON weights, relative to the topics file
    # a query match stands only when the model gives it at least this probability
    confirm: float = Field(0.1, ge=0, le=1)
    # the model alone matches from this probability on, when the document meets `scope`
    accept: float = Field(0.8, ge=0, le=1)
    # a query (same syntax and term lists as the topic's) for what any match must mention;
    # its hits are what a match found by the model alone highlights
    scope: str = Field(min_length=1)

    @model_validator(mode="after")
    def _accept_above_confirm(self) -> TopicModelSettings:
        if self.accept < self.confirm:
            raise ValueError(f"accept ({self.accept}) must not be below confirm ({self.confirm})")
        return self

    def decide(self, query_matched: bool, probability: float, in_scope: bool) -> str | None:
        """Who found the document: "query", "model", or None when it does not match."""
        if query_matched:
            return "query" if probability >= self.confirm else None
        return "model" if probability >= self.accept and in_scope else None


class Topic(_Strict):
    """What one topic watches: a query in Lucene syntax, and term lists it refers to as @name."""

    id: Slug
    name: str = Field(min_length=1)
    query: str = Field(min_length=1)
    languages: list[Language] | None = None
    # One concept written once: each entry is a term, a "phrase" or a small query; entries are ORed.
    # A list is for every language, or a mapping from language ("de", or "any") to its entries.
    terms: dict[TermListName, list[str] | dict[TermLanguage, list[str]]] = {}
    default_operator: Operator | None = None  # between terms with no operator; else the file's
    # A title term counts as near every body sentence in ~s/~p proximity clauses: any term
    # (true), none (false), or only the terms of these lists (["kursk"]: the place).
    headline_context: bool | list[TermListName] = True
    model: TopicModelSettings | None = None

    @model_validator(mode="before")
    @classmethod
    def _old_format(cls, data: Any) -> Any:
        if isinstance(data, dict) and "require" in data and "query" not in data:
            raise ValueError(
                "the require/exclude format is gone: write a `query:` in Lucene syntax "
                "(see the Topics section of README.md)"
            )
        return data

    @field_validator("terms", mode="before")
    @classmethod
    def _entries_as_lists(cls, value: Any) -> Any:
        def as_list(entries: Any) -> Any:
            return [entries] if isinstance(entries, str) else entries

        if isinstance(value, dict):
            return {
                name: {lang: as_list(e) for lang, e in entries.items()}
                if isinstance(entries, dict)
                else as_list(entries)
                for name, entries in value.items()
            }
        return value

    @field_validator("terms")
    @classmethod
    def _lists_not_empty(cls, value: dict[str, Any]) -> dict[str, Any]:
        for name, entries in value.items():
            groups = entries.values() if isinstance(entries, dict) else [entries]
            if not any(groups) or any(not entry.strip() for group in groups for entry in group):
                raise ValueError(f"term list {name!r} needs at least one non-empty entry")
        return value

    def term_entries(self) -> dict[str, list[tuple[str, str, frozenset[str] | None]]]:
        """Per list: each entry, where it is in the topic ("terms.NAME[i]") and its languages."""
        out: dict[str, list[tuple[str, str, frozenset[str] | None]]] = {}
        for name, entries in self.terms.items():
            if isinstance(entries, dict):
                out[name] = [
                    (entry, f"terms.{name}.{lang}[{i}]", None if lang == "any" else frozenset((lang,)))
                    for lang, group in entries.items()
                    for i, entry in enumerate(group)
                ]
            else:
                out[name] = [(entry, f"terms.{name}[{i}]", None) for i, entry in enumerate(entries)]
        return out


@dataclass(frozen=True)
class SourceText:
    """Where a YAML string value sits in its file, to turn an offset in the value into line and column."""

    path: Path
    file_text: str
    start: int  # index of the node in file_text
    end: int
    value: str

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the file of character `offset` of the value."""
        raw = self.file_text[self.start : self.end]
        j = 0
        index = len(raw)
        for i, ch in enumerate(self.value):
            # skip quotes, escapes, block headers and indentation; a folded line break reads as a space
            while j < len(raw) and raw[j] != ch and not (ch == " " and raw[j] == "\n"):
                j += 1
            if i == offset:
                index = j
                break
            j += 1
        else:
            index = min(j, len(raw))
        absolute = self.start + index
        line = self.file_text.count("\n", 0, absolute) + 1
        column = absolute - (self.file_text.rfind("\n", 0, absolute) + 1) + 1
        return line, column


class TopicsFile(_Strict):
    default_operator: Operator = "AND"
    # German compound heads to index besides the built-in list ("Kampftruppen" -> "truppen").
    compound_heads: list[str] = []
    topics: list[Topic] = Field(min_length=1)
    # (topic index, "query" | "terms.NAME[i]") -> where that string is in the file, when loaded from one
    _sources: dict[tuple[int, str], SourceText] = PrivateAttr(default_factory=dict)
    _path: Path | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _unique_ids(self) -> TopicsFile:
        ids = [topic.id for topic in self.topics]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"topic ids appear more than once: {duplicates}")
        return self

    def digest(self) -> str:
        """Changes whenever a topic or its model's weights change, so stored articles get re-matched."""
        models = {}
        for topic in self.topics:
            if topic.model is not None:
                try:
                    models[topic.id] = hashlib.sha256(self.model_path(topic).read_bytes()).hexdigest()
                except OSError:
                    models[topic.id] = None  # matching reports it
        payload = json.dumps([self.model_dump(), models], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    @property
    def path(self) -> Path | None:
        return self._path

    def source(self, topic_index: int, where: str) -> SourceText | None:
        return self._sources.get((topic_index, where))

    def model_path(self, topic: Topic) -> Path:
        """Where the topic's model file is: relative to the topics file (to the working directory
        for topics built in code)."""
        assert topic.model is not None
        folder = self._path.parent if self._path is not None else Path.cwd()
        return (folder / topic.model.file).resolve()

    def operator_of(self, topic: Topic) -> str:
        return topic.default_operator or self.default_operator


def _string_sources(path: Path, text: str) -> dict[tuple[int, str], SourceText]:
    """Positions of every topic's query and term list entries, from the YAML node tree."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return {}
    sources: dict[tuple[int, str], SourceText] = {}

    def add(key: tuple[int, str], node: yaml.Node) -> None:
        if isinstance(node, yaml.ScalarNode):
            sources[key] = SourceText(path, text, node.start_mark.index, node.end_mark.index, node.value)

    topics = _mapping_get(root, "topics")
    if not isinstance(topics, yaml.SequenceNode):
        return sources
    for index, topic in enumerate(topics.value):
        query = _mapping_get(topic, "query")
        if query is not None:
            add((index, "query"), query)
        model = _mapping_get(topic, "model")
        for key in ("file", "scope"):
            node = _mapping_get(model, key)
            if node is not None:
                add((index, f"model.{key}"), node)
        terms = _mapping_get(topic, "terms")
        if isinstance(terms, yaml.MappingNode):
            for name_node, entries in terms.value:
                name = name_node.value
                if isinstance(entries, yaml.SequenceNode):
                    for i, entry in enumerate(entries.value):
                        add((index, f"terms.{name}[{i}]"), entry)
                elif isinstance(entries, yaml.MappingNode):
                    for lang_node, group in entries.value:
                        items = group.value if isinstance(group, yaml.SequenceNode) else [group]
                        for i, entry in enumerate(items):
                            add((index, f"terms.{name}.{lang_node.value}[{i}]"), entry)
                else:
                    add((index, f"terms.{name}[0]"), entries)
    return sources


def _mapping_get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value
    return None


_ADDRESS_RE = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")


def check_address(value: str) -> str:
    """An e-mail address, optionally with a display name: 'desk@example.org' or 'Desk <desk@example.org>'."""
    name, addr = parseaddr(value)
    if not _ADDRESS_RE.match(addr):
        raise ValueError(f"{value!r} is not an e-mail address")
    return value


def _recipient(value: str) -> str:
    return check_address(value) if "@" in value else value


Address = Annotated[str, AfterValidator(check_address)]
# A recipient entry is an address (it has an @) or the name of a list under `lists:`.
Recipient = Annotated[str, Field(min_length=1), AfterValidator(_recipient)]


class DigestOptions(_Strict):
    send_at: time = time(7, 0)
    timezone: str = "Europe/Zurich"
    # From header; empty means the SMTP connection's from_email
    sender: Address | None = None
    # List-Id header value; empty means "daily-digest.<sender domain>"
    list_id: str | None = Field(None, pattern=r"^[A-Za-z0-9][A-Za-z0-9.-]*$")
    # where the Wirewatch plugin answers one-click unsubscribes: <api-server>/wirewatch/unsubscribe;
    # empty: List-Unsubscribe is a mail to the sender
    unsubscribe_url: str | None = Field(None, pattern=r"^https?://[^\s<>]+$")
    smtp_conn_id: str = "smtp_default"
    max_stories_per_topic: int = Field(25, ge=1, le=1000)
    retries: int = Field(3, ge=0, le=100)
    retry_delay_seconds: float = Field(120, gt=0, le=86400)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r} (use an IANA name such as Europe/Zurich)"
            ) from None
        return value

    @property
    def cron(self) -> str:
        return f"{self.send_at.minute} {self.send_at.hour} * * *"


class Subscription(_Strict):
    id: Slug
    recipients: list[Recipient] = Field(min_length=1)
    topics: list[Slug] = Field(min_length=1)
    # language of headings, dates and labels; stories stay in their own language
    language: Literal["en", "de", "fr"] = "en"
    # an empty day sends a short "no new coverage" note, or nothing
    empty_day: Literal["note", "skip"] = "note"


@dataclass(frozen=True)
class RecipientPlan:
    """What one address receives: the union of the topics of every subscription naming it."""

    address: str
    topics: tuple[str, ...]
    language: str
    empty_day: str
    subscriptions: tuple[str, ...]


class SubscriptionsFile(_Strict):
    digest: DigestOptions = DigestOptions()
    lists: dict[Slug, list[Address]] = {}
    subscriptions: list[Subscription] = []

    def recipients(self) -> list[RecipientPlan]:
        """Every address once, in file order; a person on two lists gets one digest with both topic sets."""
        plans: dict[str, dict[str, Any]] = {}
        for sub in self.subscriptions:
            for entry in sub.recipients:
                for address in self.lists[entry] if "@" not in entry else [entry]:
                    key = parseaddr(address)[1].lower()
                    plan = plans.setdefault(
                        key,
                        {
                            "address": address,
                            "topics": [],
                            "language": sub.language,
                            "empty_day": "skip",
                            "subs": [],
                        },
                    )
                    plan["topics"] += [t for t in sub.topics if t not in plan["topics"]]
                    if sub.empty_day == "note":
                        plan["empty_day"] = "note"
                    plan["subs"].append(sub.id)
        return [
            RecipientPlan(p["address"], tuple(p["topics"]), p["language"], p["empty_day"], tuple(p["subs"]))
            for p in plans.values()
        ]


def _read_yaml(path: Path) -> Any:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError(
            f"{path}: line {line}, column {column}: not UTF-8 (byte 0x{data[exc.start]:02x}); "
            "save the file as UTF-8"
        ) from None
    try:
        return yaml.safe_load(text)
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply for a config file") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(f"{path}:{where} invalid YAML: {getattr(exc, 'problem', exc)}") from exc


def _describe_location(data: Any, loc: tuple[Any, ...]) -> str:
    """Turn a pydantic error location into 'lists.simwire[3] (id=foo).url'."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int):
            label = f"[{step}]"
            if isinstance(node, list) and step < len(node):
                node = node[step]
                if isinstance(node, dict) and "id" in node:
                    label += f" (id={node['id']})"
            parts.append(label)
        else:
            parts.append(f".{step}" if parts else str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts) or "(top level)"


def _validate(model: type[ModelT], path: Path) -> ModelT:
    data = _read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [f"{_describe_location(data, tuple(err['loc']))}: {err['msg']}" for err in exc.errors()]
        raise ConfigError(f"{path}: " + "; ".join(problems)) from None


def load_feeds(path: Path) -> FeedsFile:
    return _validate(FeedsFile, path)


def load_topics(path: Path) -> TopicsFile:
    """The topics file, checked for structure; queries are compiled (and reported) per topic by match."""
    topics = _validate(TopicsFile, path)
    topics._path = path
    topics._sources = _string_sources(path, path.read_text(encoding="utf-8"))
    return topics


def load_subscriptions(path: Path, topics: TopicsFile) -> SubscriptionsFile:
    """Validate subscriptions.yaml, including that its lists and topics exist."""
    subs = _validate(SubscriptionsFile, path)
    known_topics = [topic.id for topic in topics.topics]
    problems = []
    for n, sub in enumerate(subs.subscriptions):
        where = f"subscriptions[{n}] (id={sub.id})"
        for i, entry in enumerate(sub.recipients):
            if "@" not in entry and entry not in subs.lists:
                problems.append(
                    f"{where}.recipients[{i}]: {entry!r} is neither an address nor a list; lists: {sorted(subs.lists)}"
                )
        for i, topic in enumerate(sub.topics):
            if topic not in known_topics:
                problems.append(
                    f"{where}.topics[{i}]: unknown topic {topic!r}; topics.yaml has {known_topics}"
                )
    ids = [sub.id for sub in subs.subscriptions]
    problems += [
        f"subscriptions: id {i!r} appears twice" for i in sorted({i for i in ids if ids.count(i) > 1})
    ]
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    return subs


# the checkout of an editable install, whose .airflow/ is where `make run` keeps its Airflow home
CHECKOUT = PACKAGE_ROOT.parents[1]


def _default_data_dir(env: dict[str, str]) -> Path:
    if env.get("AIRFLOW_HOME"):
        return Path(env["AIRFLOW_HOME"]) / "wirewatch"
    # so that the CLI, run from a checkout, reads the warehouse `make run` fills
    if (CHECKOUT / "Makefile").is_file() and (CHECKOUT / "dags").is_dir():
        return CHECKOUT / ".airflow" / "wirewatch"
    return Path.home() / ".wirewatch"


@dataclass(frozen=True)
class Settings:
    """Where things live; every field can be set by a WIREWATCH_* environment variable."""

    feeds_file: Path
    topics_file: Path
    subscriptions_file: Path
    feed_list: str | None
    data_dir: Path
    archive_url: str
    warehouse_url: str | None
    alert_email: str | None = None

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        config_dir = Path(env.get("WIREWATCH_CONFIG_DIR", DEFAULT_CONFIG_DIR))
        data_dir = Path(env.get("WIREWATCH_DATA_DIR") or _default_data_dir(env))
        return cls(
            feeds_file=Path(env.get("WIREWATCH_FEEDS_FILE", config_dir / "feeds.yaml")),
            topics_file=Path(env.get("WIREWATCH_TOPICS_FILE", config_dir / "topics.yaml")),
            subscriptions_file=Path(
                env.get("WIREWATCH_SUBSCRIPTIONS_FILE", config_dir / "subscriptions.yaml")
            ),
            feed_list=env.get("WIREWATCH_FEED_LIST") or None,
            data_dir=data_dir,
            archive_url=env.get("WIREWATCH_ARCHIVE_URL") or (data_dir / "archive").as_uri(),
            warehouse_url=env.get("WIREWATCH_WAREHOUSE_URL") or None,
            alert_email=env.get("WIREWATCH_ALERT_EMAIL") or None,
        )

    @property
    def default_warehouse_url(self) -> str:
        return f"sqlite:///{self.data_dir / 'warehouse.db'}"


@dataclass(frozen=True)
class PipelineConfig:
    """Everything a run needs from the config files, validated together."""

    settings: Settings
    feeds_file: FeedsFile
    topics: TopicsFile

    @property
    def feeds(self) -> list[Feed]:
        return self.feeds_file.feeds(self.settings.feed_list)

    @property
    def limits(self) -> FetchLimits:
        return self.feeds_file.limits(self.settings.feed_list)

    @property
    def polling(self) -> PollingPolicy:
        return self.feeds_file.polling

    @property
    def alerts(self) -> AlertSettings:
        """The file's alert settings; WIREWATCH_ALERT_EMAIL replaces its addresses."""
        alerts = self.feeds_file.alerts
        if not self.settings.alert_email:
            return alerts
        try:
            return AlertSettings(email_to=self.settings.alert_email, smtp_conn_id=alerts.smtp_conn_id)
        except ValidationError as exc:
            problems = "; ".join(err["msg"] for err in exc.errors())
            raise ConfigError(f"WIREWATCH_ALERT_EMAIL: {problems}") from None

    @property
    def dedupe(self) -> DedupeSettings:
        return self.feeds_file.dedupe


def load_pipeline_config(settings: Settings | None = None) -> PipelineConfig:
    settings = settings or Settings.from_env()
    feeds_file = load_feeds(settings.feeds_file)
    feeds_file.feeds(settings.feed_list)  # an unknown WIREWATCH_FEED_LIST fails here, at load
    config = PipelineConfig(settings, feeds_file, load_topics(settings.topics_file))
    config.alerts  # noqa: B018 - a bad WIREWATCH_ALERT_EMAIL fails here, at load
    return config


@dataclass(frozen=True)
class DigestConfig:
    """What the digest needs: the subscriptions, checked against the topics."""

    settings: Settings
    topics: TopicsFile
    subscriptions: SubscriptionsFile

    @property
    def options(self) -> DigestOptions:
        return self.subscriptions.digest


def load_digest_config(settings: Settings | None = None) -> DigestConfig:
    settings = settings or Settings.from_env()
    topics = load_topics(settings.topics_file)
    return DigestConfig(settings, topics, load_subscriptions(settings.subscriptions_file, topics))


_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    return _SLUG_RE.sub("-", text.lower()).strip("-")[:80] or "feed"
