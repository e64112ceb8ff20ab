"""Minimal HTTP/1.1 on asyncio streams: GET and HEAD, keep-alive, and the misbehaviour faults need."""

from __future__ import annotations

import asyncio
import collections
import errno
import logging
import socket
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http import HTTPStatus
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

BACKLOG = 4096
IDLE_TIMEOUT = 30.0  # keep-alive connections with no new request are closed after this
HEADER_TIMEOUT = 10.0
MAX_HEADERS = 100
MAX_REQUEST_BODY = 1 << 20
SERVER = "simwire/1.0"


@dataclass
class Request:
    method: str
    target: str
    path: str
    version: str
    headers: dict[str, str]  # lower-case names
    local_host: str


@dataclass
class Response:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    action: str | None = None  # "hang": send nothing, then close; "reset": truncated body, then RST


class BadRequest(Exception):
    pass


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _keep_alive(request: Request) -> bool:
    tokens = {t.strip().lower() for t in request.headers.get("connection", "").split(",")}
    if request.version == "HTTP/1.1":
        return "close" not in tokens
    return "keep-alive" in tokens  # HTTP/1.0 closes unless asked otherwise


class HttpServer:
    def __init__(
        self,
        handler: Callable[[Request], Response],
        hosts: list[str],
        port: int,
        *,
        latency: float,
        hang_seconds: float,
        clock: Callable[[], float],
    ) -> None:
        self._handler = handler
        self._hosts = hosts
        self._requested_port = port
        self._latency = latency
        self._hang = hang_seconds
        self._clock = clock
        self._servers: list[asyncio.Server] = []
        self._tasks: set[asyncio.Task] = set()
        # requests being answered per outlet address, and the most ever seen at once:
        # what a polite client's per-host limit is judged by
        self.in_flight: collections.Counter[str] = collections.Counter()
        self.max_in_flight: collections.Counter[str] = collections.Counter()
        self.port = port

    # -- lifecycle

    async def start(self) -> None:
        attempts = 1 if self._requested_port else 20
        for attempt in range(attempts):
            try:
                await self._bind_all(self._requested_port)
                return
            except OSError as exc:
                await self._close_servers()
                # port 0: the free port of the first address may be taken on another one; pick again
                if exc.errno != errno.EADDRINUSE or attempt == attempts - 1:
                    raise

    async def _bind_all(self, port: int) -> None:
        first = await asyncio.start_server(self._client, self._hosts[0], port, backlog=BACKLOG)
        self._servers.append(first)
        self.port = first.sockets[0].getsockname()[1]
        for host in self._hosts[1:]:
            self._servers.append(await asyncio.start_server(self._client, host, self.port, backlog=BACKLOG))

    async def _close_servers(self) -> None:
        for server in self._servers:
            server.close()
        for server in self._servers:
            await server.wait_closed()
        self._servers.clear()

    async def close(self) -> None:
        for server in self._servers:
            server.close()
        tasks = list(self._tasks)
        for task in tasks:  # hanging and sleeping handlers end now
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=5)
        await self._close_servers()

    # -- one connection

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            local = writer.get_extra_info("sockname")[0]
            while True:
                try:
                    request = await self._read_request(reader, local)
                except BadRequest as exc:
                    body = f"400 Bad Request: {exc}\n".encode()
                    await self._send(
                        writer, "GET", Response(400, {"Content-Type": "text/plain"}, body), False
                    )
                    break
                if request is None:
                    break
                keep = _keep_alive(request)
                self.in_flight[local] += 1
                self.max_in_flight[local] = max(self.max_in_flight[local], self.in_flight[local])
                try:
                    if self._latency:
                        await asyncio.sleep(self._latency)
                    response = self._respond(request)
                    if response.action == "hang":
                        await asyncio.sleep(self._hang)
                        break
                    if response.action == "reset":
                        await self._reset(writer, response)
                        return
                    await self._send(writer, request.method, response, keep)
                finally:
                    self.in_flight[local] -= 1
                if not keep:
                    break
        except (ConnectionError, asyncio.IncompleteReadError, TimeoutError):
            pass  # the client went away
        except asyncio.CancelledError:
            pass  # stop(): end quietly (Python 3.11 streams log a cancelled handler task as an error)
        finally:
            if task is not None:
                self._tasks.discard(task)
            writer.close()

    def _respond(self, request: Request) -> Response:
        try:
            return self._handler(request)
        except Exception:
            log.exception("simwire handler failed for %s", request.target)
            return Response(500, {"Content-Type": "text/plain; charset=utf-8"}, b"internal error\n")

    async def _read_request(self, reader: asyncio.StreamReader, local: str) -> Request | None:
        try:
            async with asyncio.timeout(IDLE_TIMEOUT):
                line = await reader.readline()
                if line in (b"\r\n", b"\n"):  # tolerated before a request line (RFC 9112 2.2)
                    line = await reader.readline()
        except TimeoutError:
            return None
        except ValueError as exc:  # longer than the stream limit
            raise BadRequest("request line too long") from exc
        if not line:
            return None
        parts = line.decode("latin-1").split()
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            raise BadRequest("malformed request line")
        method, target, version = parts
        headers: dict[str, str] = {}
        try:
            async with asyncio.timeout(HEADER_TIMEOUT):
                for _ in range(MAX_HEADERS):
                    raw = await reader.readline()
                    if raw in (b"\r\n", b"\n", b""):
                        break
                    name, sep, value = raw.decode("latin-1").partition(":")
                    if not sep or not name.strip():
                        raise BadRequest("malformed header")
                    key = name.strip().lower()
                    headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
                else:
                    raise BadRequest("too many headers")
                await self._discard_body(reader, headers)
        except ValueError as exc:
            raise BadRequest("header line too long") from exc
        path = urlsplit(target).path if "://" in target else target.split("?", 1)[0]
        return Request(method.upper(), target, path or "/", version, headers, local)

    async def _discard_body(self, reader: asyncio.StreamReader, headers: dict[str, str]) -> None:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            raise BadRequest("chunked request bodies are not supported")
        length = headers.get("content-length", "0").strip() or "0"
        if not length.isdigit() or int(length) > MAX_REQUEST_BODY:
            raise BadRequest("bad Content-Length")
        if int(length):
            await reader.readexactly(int(length))

    def _head(self, status: int, headers: dict[str, str], keep: bool) -> bytes:
        lines = [
            f"HTTP/1.1 {status} {_reason(status)}",
            f"Server: {SERVER}",
            f"Date: {formatdate(self._clock(), usegmt=True)}",
        ]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        lines.append(f"Connection: {'keep-alive' if keep else 'close'}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    async def _send(self, writer: asyncio.StreamWriter, method: str, response: Response, keep: bool) -> None:
        headers = dict(response.headers)
        bodiless = response.status == 304 or response.status == 204 or response.status < 200
        if not bodiless:
            headers["Content-Length"] = str(len(response.body))
        payload = b"" if bodiless or method == "HEAD" else response.body
        writer.write(self._head(response.status, headers, keep) + payload)
        await writer.drain()

    async def _reset(self, writer: asyncio.StreamWriter, response: Response) -> None:
        """Promise the whole body, send a third of it, then reset the connection (RST, not FIN)."""
        headers = dict(response.headers)
        headers["Content-Length"] = str(len(response.body))
        writer.write(self._head(response.status, headers, True) + response.body[: len(response.body) // 3])
        await writer.drain()
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()
