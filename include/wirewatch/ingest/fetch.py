"""HTTP fetching with explicit limits: timeouts, body cap, bounded redirects, per-host concurrency.

Nothing here parses; callers get bytes plus the facts of the exchange, or a classified error.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import certifi
import httpx

from wirewatch.config import FetchLimits
from wirewatch.ingest.credentials import FeedCredentials
from wirewatch.ingest.netguard import GuardedBackend, parse_networks

# request extension: the origin a request's credential headers belong to, and their names
_CREDENTIAL_HEADERS = "wirewatch.credential_headers"


class BodyTooLarge(Exception):
    pass


@dataclass
class FetchResult:
    url: str
    final_url: str | None = None
    http_status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    duration_ms: int = 0
    error_class: str | None = None
    error_message: str | None = None

    @property
    def ok(self) -> bool:
        return self.error_class is None and self.http_status == 200

    @property
    def not_modified(self) -> bool:
        return self.http_status == 304


def classify(exc: BaseException) -> str:
    """A short, stable error class for the warehouse; the weighing of errors builds on it."""
    if isinstance(exc, BodyTooLarge):
        return "body_too_large"
    if isinstance(exc, httpx.ConnectError) and str(exc).startswith("blocked:"):
        return "blocked_address"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "unsupported_scheme"
    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    if isinstance(exc, httpx.TooManyRedirects):
        return "too_many_redirects"
    if isinstance(exc, httpx.ConnectError):
        return "connect_error"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return "connection_reset"
    if isinstance(exc, httpx.HTTPError):
        return "http_error"
    return type(exc).__name__


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


async def _keep_credentials_home(request: httpx.Request) -> None:
    """On a redirect to another origin httpx drops Authorization but keeps every other header."""
    home = request.extensions.get(_CREDENTIAL_HEADERS)
    if home and _origin(request.url) != home[0]:
        for name in home[1]:
            request.headers.pop(name, None)


class Fetcher:
    """Concurrency bounded overall and per host; one small connection pool per host.

    httpcore scans its whole pool on every request, so a single client holding connections
    to hundreds of hosts spends more time in pool bookkeeping than on the network.
    """

    def __init__(self, limits: FetchLimits) -> None:
        self.limits = limits
        self._total = asyncio.Semaphore(limits.total_concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(limits.per_host_concurrency)
        )
        self._clients: dict[str, httpx.AsyncClient] = {}
        # loading the CA bundle takes ~20 ms: once per fetcher, shared by every host's client
        self._ssl = ssl.create_default_context(cafile=certifi.where())
        self._guard = GuardedBackend(parse_networks(limits.allow_networks))

    def _client(self, host: str) -> httpx.AsyncClient:
        client = self._clients.get(host)
        if client is None:
            transport = httpx.AsyncHTTPTransport(
                verify=self._ssl,
                limits=httpx.Limits(
                    max_connections=self.limits.per_host_concurrency,
                    max_keepalive_connections=self.limits.per_host_concurrency,
                ),
            )
            # httpx has no public hook for the network backend; tests/ingest/test_netguard.py proves this holds
            transport._pool._network_backend = self._guard
            client = self._clients[host] = httpx.AsyncClient(
                transport=transport,
                timeout=httpx.Timeout(self.limits.read_timeout, connect=self.limits.connect_timeout),
                follow_redirects=True,
                max_redirects=self.limits.max_redirects,
                headers={"User-Agent": self.limits.user_agent, "Accept-Encoding": "gzip, deflate"},
                event_hooks={"request": [_keep_credentials_home]},
            )
        return client

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await asyncio.gather(*(client.aclose() for client in self._clients.values()))

    async def get(
        self, url: str, headers: dict[str, str] | None = None, credentials: FeedCredentials | None = None
    ) -> FetchResult:
        """The response to GET `url`; `credentials` add basic auth, query parameters and headers."""
        result = FetchResult(url=url)
        host = (urlsplit(url).hostname or "").lower()
        started = time.monotonic()
        async with self._total, self._hosts[host]:
            try:
                fetching = self._get(self._client(host), url, headers or {}, result, credentials)
                await asyncio.wait_for(fetching, self.limits.total_timeout)
            except TimeoutError:
                result.error_class = "timeout"
                result.error_message = f"no complete response within {self.limits.total_timeout:g} s"
            except Exception as exc:  # noqa: BLE001 - every failure becomes a recorded status
                result.error_class = classify(exc)
                result.error_message = str(exc) or type(exc).__name__
        result.duration_ms = int((time.monotonic() - started) * 1000)
        return result

    async def _get(
        self,
        client: httpx.AsyncClient,
        url: str,
        headers: dict[str, str],
        result: FetchResult,
        credentials: FeedCredentials | None,
    ) -> None:
        target: str | httpx.URL = url
        options = {}
        if credentials is not None:
            # merged by hand: httpx 0.28's params= replaces the URL's own query
            target = httpx.URL(url).copy_merge_params(dict(credentials.query))
            headers = headers | dict(credentials.headers)
            options = {
                "auth": credentials.auth,
                "extensions": {_CREDENTIAL_HEADERS: (_origin(target), tuple(credentials.headers))},
            }
        async with client.stream("GET", target, headers=headers, **options) as response:
            result.http_status = response.status_code
            result.final_url = str(response.url)
            result.headers = {k.lower(): v for k, v in response.headers.items()}
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.limits.max_body_bytes:
                raise BodyTooLarge(f"Content-Length {declared} exceeds {self.limits.max_body_bytes} bytes")
            chunks: list[bytes] = []
            size = 0
            # aiter_bytes decompresses, so the cap also bounds gzip bombs
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > self.limits.max_body_bytes:
                    raise BodyTooLarge(f"body exceeds {self.limits.max_body_bytes} bytes")
                chunks.append(chunk)
            result.body = b"".join(chunks)
        if result.http_status not in (200, 304):
            result.error_class = f"http_{result.http_status}"
            result.error_message = f"HTTP {result.http_status} from {result.final_url}"
            retry_after = result.headers.get("retry-after")
            if retry_after:
                result.error_message += f" (Retry-After: {retry_after})"
