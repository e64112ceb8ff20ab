"""Unsubscribing from the digest: a random token per recipient, kept in `digest_recipients`.

Each digest carries the recipient's link in List-Unsubscribe (RFC 2369) and says it takes a
one-click POST (RFC 8058); the Wirewatch plugin answers that POST and records the date. A token is
unguessable and names one recipient, so the link needs no login.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import Engine, select, update

from wirewatch.warehouse.schema import digest_recipients
from wirewatch.warehouse.store import upsert


def existing_token(engine: Engine, recipient: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(
            select(digest_recipients.c.unsubscribe_token).where(digest_recipients.c.recipient == recipient)
        ).scalar()


def recipient_token(engine: Engine, recipient: str) -> str:
    """The recipient's token, created on their first digest."""
    with engine.begin() as conn:
        row = {
            "recipient": recipient,
            "unsubscribe_token": secrets.token_urlsafe(24),
            "created_at": datetime.now(UTC),
        }
        # two tasks racing for one recipient: the first insert wins, both read its token
        upsert(conn, digest_recipients, [row], ["recipient"])
        return conn.execute(
            select(digest_recipients.c.unsubscribe_token).where(digest_recipients.c.recipient == recipient)
        ).scalar_one()


def unsubscribe(engine: Engine, token: str) -> str | None:
    """Record the unsubscription (once); the recipient, or None for an unknown token."""
    with engine.begin() as conn:
        recipient = conn.execute(
            select(digest_recipients.c.recipient).where(digest_recipients.c.unsubscribe_token == token)
        ).scalar()
        if recipient is not None:
            conn.execute(
                update(digest_recipients)
                .where(
                    digest_recipients.c.recipient == recipient, digest_recipients.c.unsubscribed_at.is_(None)
                )
                .values(unsubscribed_at=datetime.now(UTC))
            )
    return recipient


def status(engine: Engine, token: str) -> tuple[str, bool] | None:
    """(recipient, unsubscribed) for a token, or None."""
    with engine.connect() as conn:
        row = conn.execute(
            select(digest_recipients.c.recipient, digest_recipients.c.unsubscribed_at).where(
                digest_recipients.c.unsubscribe_token == token
            )
        ).first()
    return (row.recipient, row.unsubscribed_at is not None) if row else None


def unsubscribed(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(
            conn.execute(
                select(digest_recipients.c.recipient).where(digest_recipients.c.unsubscribed_at.is_not(None))
            ).scalars()
        )
