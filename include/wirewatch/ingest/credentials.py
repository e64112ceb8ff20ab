"""Feed credentials live in an Airflow connection named by the feed (`connection:` in feeds.yaml),
never in the feeds file.

The connection's login and password become HTTP basic auth; its extra may add query parameters
and request headers: {"query": {"apikey": "..."}, "headers": {"X-Api-Key": "..."}}. Inside Airflow
`airflow_adapter.feed_credentials` resolves the connection through Airflow (any secrets backend);
outside it, `from_env` reads the AIRFLOW_CONN_<ID> variable that Airflow itself would read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit


class MissingCredentials(LookupError):
    """The connection a feed names does not exist or cannot be read; the feed's poll fails, not the run."""


@dataclass(frozen=True)
class FeedCredentials:
    login: str | None = None
    password: str | None = None
    query: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def auth(self) -> tuple[str, str] | None:
        return (self.login or "", self.password or "") if self.login or self.password else None

    @property
    def secrets(self) -> tuple[str, ...]:
        """What `redact` must hide wherever it turns up (the login is a name, not a secret)."""
        return tuple(v for v in (self.password, *self.query.values(), *self.headers.values()) if v)


def env_var(conn_id: str) -> str:
    return f"AIRFLOW_CONN_{conn_id.upper()}"


def _string_map(conn_id: str, extra: Mapping[str, Any], key: str) -> dict[str, str]:
    value = extra.get(key) or {}
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            value = None
    if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
        raise MissingCredentials(f"connection {conn_id!r}: extra {key!r} must map names to strings")
    return dict(value)


def from_fields(
    conn_id: str, login: str | None, password: str | None, extra: Mapping[str, Any] | None
) -> FeedCredentials:
    extra = extra or {}
    return FeedCredentials(
        login=login or None,
        password=password or None,
        query=_string_map(conn_id, extra, "query"),
        headers=_string_map(conn_id, extra, "headers"),
    )


def from_env(conn_id: str, env: Mapping[str, str] | None = None) -> FeedCredentials:
    """The connection from AIRFLOW_CONN_<ID>, in Airflow's JSON or URI form."""
    name = env_var(conn_id)
    raw = (os.environ if env is None else env).get(name)
    if not raw:
        raise MissingCredentials(
            f"connection {conn_id!r} not found: define it in Airflow or set {name} "
            '(JSON: {"conn_type": "http", "login": ..., "password": ..., "extra": {"query": {...}}})'
        )
    try:
        if raw.lstrip().startswith("{"):
            data = json.loads(raw)
            login, password, extra = data.get("login"), data.get("password"), data.get("extra")
        else:
            parts = urlsplit(raw)
            login = unquote(parts.username) if parts.username else None
            password = unquote(parts.password) if parts.password else None
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            extra = json.loads(query["__extra__"]) if "__extra__" in query else query
        if isinstance(extra, str):
            extra = json.loads(extra)
    except (ValueError, AttributeError) as exc:
        # the parser's message may quote the value, secrets and all: say where, not what
        raise MissingCredentials(
            f"{name}: not a connection in Airflow's JSON or URI form ({type(exc).__name__})"
        ) from None
    return from_fields(conn_id, login, password, extra)
