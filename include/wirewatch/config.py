"""Settings and the two config files (feeds.yaml, topics.yaml), validated with pydantic.

Every validation problem becomes a ConfigError naming the file, the entry and the field,
so a broken file shows up as one readable DAG import error instead of a traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

PACKAGE_ROOT = Path(__file__).resolve().parent
DEFAULT_CONFIG_DIR = PACKAGE_ROOT.parent / "config"

ModelT = TypeVar("ModelT", bound=BaseModel)
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Language = Annotated[str, Field(pattern=r"^[a-z]{2}$")]


class ConfigError(ValueError):
    """A config file is missing, unparsable or invalid; the message says where."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FetchLimits(_Strict):
    connect_timeout: float = Field(5.0, gt=0)
    read_timeout: float = Field(15.0, gt=0)
    # Wall-clock bound on one response, so a server trickling bytes cannot hold a task forever.
    total_timeout: float = Field(30.0, gt=0)
    max_body_bytes: int = Field(5_000_000, gt=0)
    max_redirects: int = Field(5, ge=0)
    per_host_concurrency: int = Field(2, ge=1)
    total_concurrency: int = Field(128, ge=1)
    max_new_articles_per_feed: int = Field(100, ge=1)
    user_agent: str = "Wirewatch/0.1 (+https://github.com/wirewatch/wirewatch; news monitoring)"


class DedupeSettings(_Strict):
    """Near-duplicate clustering (wirewatch.dedupe); the defaults come from benchmarks.dedup_eval."""

    shingle_words: int = Field(3, ge=1, le=8)
    num_perm: int = Field(128, ge=16, le=1024)
    lsh_bands: int = Field(32, ge=1)
    lsh_rows: int = Field(4, ge=1)
    # sentences this long are specific enough to index as they are (0: LSH bands only); they
    # find the cut copies and briefs that share little of the original's word set
    anchor_words: int = Field(8, ge=0)
    # a candidate joins when enough shingles are shared and either measure clears its bar
    min_shared_shingles: int = Field(10, ge=1)
    min_jaccard: float = Field(0.4, gt=0, le=1)
    min_containment: float = Field(0.6, gt=0, le=1)
    # two instances of a template story: in the sentences they share, at least two and at least
    # this share of the facts (figures, names) differ (see dedupe.similarity)
    template_share: float = Field(0.3, gt=0, le=1)
    # a paragraph an outlet has printed in this many articles is its boilerplate
    boilerplate_min_articles: int = Field(3, ge=2)
    window_days: float = Field(7.0, gt=0)

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

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http(s) URL with a host")
        return value

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc.lower()


class FeedsFile(_Strict):
    active: str = "simwire"
    schedule: str = "*/10 * * * *"
    fetch: FetchLimits = FetchLimits()
    dedupe: DedupeSettings = DedupeSettings()
    lists: dict[str, list[Feed]]

    @model_validator(mode="after")
    def _active_list_exists(self) -> FeedsFile:
        if self.active not in self.lists:
            raise ValueError(f"active list {self.active!r} is not one of {sorted(self.lists)}")
        for name, feeds in self.lists.items():
            seen: set[str] = set()
            for feed in feeds:
                if feed.id in seen:
                    raise ValueError(f"list {name!r}: feed id {feed.id!r} appears twice")
                seen.add(feed.id)
        return self

    def feeds(self, list_name: str | None = None) -> list[Feed]:
        name = list_name or self.active
        if name not in self.lists:
            raise ConfigError(f"feed list {name!r} not found; available: {sorted(self.lists)}")
        return [feed for feed in self.lists[name] if feed.enabled]


class Topic(_Strict):
    id: Slug
    name: str = Field(min_length=1)
    languages: list[Language] | None = None
    # Every group must match (AND); a group matches when any of its terms occurs (OR).
    require: dict[str, list[str]] = Field(min_length=1)
    # Any of these terms vetoes the match (NOT).
    exclude: list[str] = []

    @field_validator("require")
    @classmethod
    def _groups_not_empty(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for group, terms in value.items():
            if not terms or any(not str(term).strip() for term in terms):
                raise ValueError(f"group {group!r} needs at least one non-empty term")
        return value


class TopicsFile(_Strict):
    topics: list[Topic] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> TopicsFile:
        ids = [topic.id for topic in self.topics]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"topic ids appear more than once: {duplicates}")
        return self

    def digest(self) -> str:
        """Changes whenever a topic changes, so stored articles get re-matched."""
        payload = json.dumps(self.model_dump(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc.strerror or exc})") from exc
    try:
        return yaml.safe_load(text)
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
    return _validate(TopicsFile, path)


def _default_data_dir() -> Path:
    airflow_home = os.environ.get("AIRFLOW_HOME")
    return Path(airflow_home) / "wirewatch" if airflow_home else Path.home() / ".wirewatch"


@dataclass(frozen=True)
class Settings:
    """Where things live; every field can be set by a WIREWATCH_* environment variable."""

    feeds_file: Path
    topics_file: Path
    feed_list: str | None
    data_dir: Path
    archive_url: str
    warehouse_url: str | None

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        config_dir = Path(env.get("WIREWATCH_CONFIG_DIR", DEFAULT_CONFIG_DIR))
        data_dir = Path(env.get("WIREWATCH_DATA_DIR") or _default_data_dir())
        return cls(
            feeds_file=Path(env.get("WIREWATCH_FEEDS_FILE", config_dir / "feeds.yaml")),
            topics_file=Path(env.get("WIREWATCH_TOPICS_FILE", config_dir / "topics.yaml")),
            feed_list=env.get("WIREWATCH_FEED_LIST") or None,
            data_dir=data_dir,
            archive_url=env.get("WIREWATCH_ARCHIVE_URL") or (data_dir / "archive").as_uri(),
            warehouse_url=env.get("WIREWATCH_WAREHOUSE_URL") or None,
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
        return self.feeds_file.fetch

    @property
    def dedupe(self) -> DedupeSettings:
        return self.feeds_file.dedupe


def load_pipeline_config(settings: Settings | None = None) -> PipelineConfig:
    settings = settings or Settings.from_env()
    feeds_file = load_feeds(settings.feeds_file)
    feeds_file.feeds(settings.feed_list)  # an unknown WIREWATCH_FEED_LIST fails here, at load
    return PipelineConfig(settings, feeds_file, load_topics(settings.topics_file))


_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    return _SLUG_RE.sub("-", text.lower()).strip("-")[:80] or "feed"
