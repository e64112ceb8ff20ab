"""A real SMTP server (aiosmtpd) on loopback that keeps what it receives, and the connection to reach it;
how every test SMTP server gets its port."""

from __future__ import annotations

import email
import email.policy
import errno
import socket
import threading
import time
from collections.abc import Callable
from email.message import Message
from typing import TypeVar

from aiosmtpd.controller import Controller

from wirewatch.devstack import mailsink

# aiosmtpd's default (1 s) is too short for a busy machine: slower must not mean red
READY_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


Server = TypeVar("Server", Controller, mailsink.MailSink)


def start_on_a_free_port(make: Callable[[int], Server], attempts: int = 5) -> Server:
    """`make(port)` started on a free port. Another process can take the port between the probe and
    the bind: then the server is started again on another one."""
    for _ in range(attempts - 1):
        server = make(free_port())
        try:
            server.start()
            return server
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            # the server's thread has given up; its event loop is still open
            (server.controller if isinstance(server, mailsink.MailSink) else server).loop.close()
    server = make(free_port())
    server.start()
    return server


class MailSink:
    def __init__(self) -> None:
        self.messages: list[Message] = []
        self._lock = threading.Lock()
        self.controller = start_on_a_free_port(
            lambda port: Controller(self, hostname="127.0.0.1", port=port, ready_timeout=READY_TIMEOUT)
        )
        self.port = self.controller.port

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        with self._lock:
            self.messages.append(message)
        return "250 OK"

    def connection_json(self, sender: str = "wirewatch@example.org") -> str:
        """AIRFLOW_CONN_SMTP_DEFAULT for this server."""
        return mailsink.connection_json("127.0.0.1", self.port, sender)

    def wait_for(self, count: int, timeout: float = 60.0) -> list[Message]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return list(self.messages)

    def close(self) -> None:
        self.controller.stop()


def body_text(message: Message) -> str:
    parts = message.walk() if message.is_multipart() else [message]
    return "".join(
        part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        for part in parts
        if part.get_content_maintype() == "text"
    )
