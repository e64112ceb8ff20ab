"""Real SMTP servers on loopback for the digest tests, and helpers to read what they received."""

from __future__ import annotations

import email
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default

from lxml import html as lxml_html

from wirewatch.devstack.mailsink import SinkHandler


@dataclass
class RefuseFirst(SinkHandler):
    """Answers the first `refusals` DATA commands with a temporary failure, then accepts."""

    refusals: int = 1
    refused: list[list[str]] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd hook
        if len(self.refused) < self.refusals:
            self.refused.append(list(envelope.rcpt_tos))
            return "451 4.3.0 Mailbox temporarily unavailable, try again later"
        return await super().handle_DATA(server, session, envelope)


def parse(content: bytes) -> EmailMessage:
    return email.message_from_bytes(content, policy=default)


def parts(message: EmailMessage) -> tuple[str, str]:
    """(text/plain, text/html) of a multipart/alternative digest."""
    return message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content()


def story_entries(html: str) -> list:
    return lxml_html.fromstring(html).xpath("//td[@data-story]")
