"""A local SMTP sink (aiosmtpd): accepts every message and stores it as an .eml file.

`make run` points Airflow's `smtp_default` at it, so digests can be read without a mail server:
open the .eml files in any mail client, or the HTML part in a browser.
"""

from __future__ import annotations

import itertools
import json
import re
import signal
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope, Session

_UNSAFE = re.compile(r"[^A-Za-z0-9@._-]+")


def connection_json(host: str, port: int, from_email: str = "digest@wirewatch.localhost") -> str:
    """An Airflow SMTP connection for the sink: plain SMTP, no SSL, no STARTTLS.

    The JSON form, because in the URI form `disable_ssl=false` still counts as true.
    """
    return json.dumps(
        {
            "conn_type": "smtp",
            "host": host,
            "port": port,
            "extra": {"disable_ssl": True, "disable_tls": True, "from_email": from_email, "timeout": 10},
        }
    )


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    path: Path | None


@dataclass
class SinkHandler:
    """Stores each message under `directory` (when given) and keeps it in `received`."""

    directory: Path | None = None
    received: list[Received] = field(default_factory=list)
    _seq: itertools.count = field(default_factory=itertools.count)

    async def handle_DATA(self, server, session: Session, envelope: Envelope) -> str:  # noqa: N802 - aiosmtpd hook
        path = None
        content = envelope.original_content or envelope.content
        if self.directory is not None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            first = _UNSAFE.sub("_", envelope.rcpt_tos[0] if envelope.rcpt_tos else "unknown")
            path = self.directory / f"{stamp}-{next(self._seq):04d}-{first}.eml"
            path.write_bytes(content)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), content, path))
        return "250 Message accepted for delivery"


class MailSink:
    """The SMTP server in a background thread; a context manager."""

    def __init__(self, handler: SinkHandler | None = None, host: str = "127.0.0.1", port: int = 8025) -> None:
        self.handler = handler or SinkHandler()
        if self.handler.directory is not None:
            self.handler.directory.mkdir(parents=True, exist_ok=True)
        self.host, self.port = host, port
        self.controller = Controller(self.handler, hostname=host, port=port, ready_timeout=10)

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def connection_json(self) -> str:
        return connection_json(self.host, self.port)

    def start(self) -> MailSink:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def __enter__(self) -> MailSink:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def serve(directory: Path, host: str, port: int) -> None:
    """Run until SIGINT or SIGTERM, storing messages as .eml files in `directory`."""
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    with MailSink(SinkHandler(directory), host, port):
        print(f"mail sink: SMTP on {host}:{port}, messages stored in {directory}", flush=True)
        while not stop.wait(0.5):
            pass
