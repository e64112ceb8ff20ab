"""Who gets which digest, and sending each one once: the `digests` table is the ledger.

A digest is recorded `pending` with its Message-ID before it is handed to SMTP and `sent` only
after the server accepted it. A re-run skips `sent` digests unless forced; a failed send stays
`pending`, so the task's retry sends it (with the same Message-ID) exactly once more.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.utils import parseaddr
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select, update

from wirewatch.config import DigestConfig, DigestOptions, RecipientPlan, check_address
from wirewatch.digest.content import build_digest
from wirewatch.digest.render import build_message, message_domain, render
from wirewatch.digest.unsubscribe import recipient_token, unsubscribed
from wirewatch.warehouse.schema import digests, feed_polls
from wirewatch.warehouse.store import as_utc, upsert

log = logging.getLogger("wirewatch.digest")


class Mailer(Protocol):
    def send(self, message: EmailMessage) -> None: ...


@dataclass(frozen=True)
class DigestJob:
    """One email: small and JSON-friendly, so it can travel between Airflow tasks."""

    recipient: str
    day: str  # YYYY-MM-DD
    topics: list[str]
    language: str
    empty_day: str
    subscriptions: list[str]
    force: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def recipient_key(address: str) -> str:
    return parseaddr(address)[1].lower()


def digest_day(run_time: datetime, tz: str, requested: str | None = None) -> date:
    """The requested day, else the local day before the run (a 07:00 run covers yesterday)."""
    if requested:
        try:
            return date.fromisoformat(requested)
        except ValueError:
            raise ValueError(f"date {requested!r} is not YYYY-MM-DD") from None
    return run_time.astimezone(ZoneInfo(tz)).date() - timedelta(days=1)


def first_covered_day(engine: Engine, tz: str) -> date | None:
    """The local day of this installation's first feed poll, None before it: scheduled digests
    start there, so a new installation never mails "no coverage" for days it did not watch."""
    with engine.connect() as conn:
        first = as_utc(conn.execute(select(func.min(feed_polls.c.polled_at))).scalar())
    return first.astimezone(ZoneInfo(tz)).date() if first else None


def watched(engine: Engine, day: date, tz: str) -> bool:
    """Whether Wirewatch had polled its feeds by `day`; logs why not."""
    first = first_covered_day(engine, tz)
    if first is not None and day >= first:
        return True
    since = f"first polled its feeds on {first}" if first else "has not polled a feed yet"
    log.info("no digest for %s: this installation %s", day, since)
    return False


def next_scheduled_digest(options: DigestOptions, first_day: date | None, now: datetime) -> datetime:
    """When the next scheduled digest goes out (it covers the local day before): the next send_at,
    but not before the morning after the first covered day (today, if nothing was polled yet)."""
    tz = ZoneInfo(options.timezone)
    local = now.astimezone(tz)
    send = datetime.combine(local.date(), options.send_at, tz)
    if send <= local:
        send = datetime.combine(local.date() + timedelta(days=1), options.send_at, tz)
    first_send = datetime.combine((first_day or local.date()) + timedelta(days=1), options.send_at, tz)
    return max(send, first_send)


def plan_jobs(
    config: DigestConfig,
    day: date,
    recipients: Sequence[str] | None = None,
    topics: Sequence[str] | None = None,
    force: bool = False,
) -> list[DigestJob]:
    """The subscribers (or the given addresses) with their topics, or the given topics instead."""
    known_topics = [topic.id for topic in config.topics.topics]
    unknown = [topic for topic in topics or [] if topic not in known_topics]
    if unknown:
        raise ValueError(f"unknown topics {unknown}; topics.yaml has {known_topics}")
    plans = {recipient_key(plan.address): plan for plan in config.subscriptions.recipients()}
    for address in recipients or []:
        check_address(address)
    if recipients:
        chosen = [
            plans.get(recipient_key(address)) or RecipientPlan(address, tuple(known_topics), "en", "note", ())
            for address in recipients
        ]
    else:
        chosen = list(plans.values())
    return [
        DigestJob(
            recipient=plan.address,
            day=day.isoformat(),
            topics=list(topics or plan.topics),
            language=plan.language,
            empty_day=plan.empty_day,
            subscriptions=list(plan.subscriptions),
            force=force,
        )
        for plan in chosen
    ]


def new_message_id(day: date, sender: str) -> str:
    # short enough that the header is never folded: some clients keep the fold's whitespace
    return f"<digest.{day:%Y%m%d}.{secrets.token_hex(8)}@{message_domain(sender)}>"


def _record(engine: Engine, recipient: str, day: date) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(
            select(digests).where(digests.c.recipient == recipient, digests.c.digest_date == day)
        ).mappings()
        found = row.first()
        return dict(found) if found else None


def _save(engine: Engine, values: dict[str, Any]) -> None:
    with engine.begin() as conn:
        upsert(
            conn,
            digests,
            [values],
            ["recipient", "digest_date"],
            [k for k in values if k not in ("recipient", "digest_date")],
        )


def without_unsubscribed(engine: Engine, jobs: list[DigestJob]) -> list[DigestJob]:
    gone = unsubscribed(engine)
    for job in jobs:
        if recipient_key(job.recipient) in gone:
            log.info("no digest for %s: unsubscribed", recipient_key(job.recipient))
    return [job for job in jobs if recipient_key(job.recipient) not in gone]


def compose(
    config: DigestConfig,
    engine: Engine,
    job: DigestJob,
    sender: str,
    message_id: str,
    now: datetime,
    unsubscribe_token: str | None,
):
    """The digest of the job's day and its message; (digest, message)."""
    names = {topic.id: topic.name for topic in config.topics.topics}
    options = config.options
    unsubscribe_url = None
    if options.unsubscribe_url and unsubscribe_token:
        unsubscribe_url = f"{options.unsubscribe_url.rstrip('/')}/{unsubscribe_token}"
    digest = build_digest(
        engine,
        date.fromisoformat(job.day),
        [(topic_id, names.get(topic_id, "")) for topic_id in job.topics],
        options.timezone,
        options.max_stories_per_topic,
    )
    rendered = render(digest, job.language, tuple(job.subscriptions), unsubscribe_url)
    message = build_message(
        rendered,
        sender=sender,
        recipient=job.recipient,
        message_id=message_id,
        list_id=options.list_id or f"daily-digest.{message_domain(sender)}",
        sent_at=now.astimezone(ZoneInfo(options.timezone)),
        language=job.language,
        unsubscribe_url=unsubscribe_url,
    )
    return digest, message


def deliver(
    config: DigestConfig,
    engine: Engine,
    job: DigestJob,
    mailer: Mailer,
    sender: str,
    run_id: str,
) -> dict[str, Any]:
    """Send one digest unless it was sent already; raise on SMTP failure (the record stays pending)."""
    key = recipient_key(job.recipient)
    day = date.fromisoformat(job.day)
    record = _record(engine, key, day)
    if record and record["status"] == "sent" and not job.force:
        log.info("digest for %s on %s already sent as %s", key, day, record["message_id"])
        return {"recipient": key, "status": "already_sent", "message_id": record["message_id"]}
    # a retry re-sends the pending message under its Message-ID; a forced resend is a new message
    reuse = record and record["status"] == "pending" and record["message_id"]
    message_id = reuse or new_message_id(day, sender)
    now = datetime.now(UTC)
    token = recipient_token(engine, key)
    digest, message = compose(config, engine, job, sender, message_id, now, token)
    values = {
        "recipient": key,
        "digest_date": day,
        "topics": json.dumps(job.topics),
        "message_id": message_id,
        "subject": str(message["Subject"]),
        "stories": digest.stories,
        "run_id": run_id,
        "updated_at": now,
    }
    if digest.empty and job.empty_day == "skip":
        _save(engine, values | {"status": "empty", "message_id": None})
        log.info("no coverage for %s on %s: nothing sent (empty_day: skip)", key, day)
        return {"recipient": key, "status": "empty", "message_id": None}
    attempts = (record["attempts"] if record else 0) + 1
    _save(engine, values | {"status": "pending", "attempts": attempts})
    try:
        mailer.send(message)
    except Exception as exc:
        with engine.begin() as conn:
            conn.execute(
                update(digests)
                .where(digests.c.recipient == key, digests.c.digest_date == day)
                .values(last_error=f"{type(exc).__name__}: {exc}"[:2000], updated_at=datetime.now(UTC))
            )
        raise
    sent_at = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            update(digests)
            .where(digests.c.recipient == key, digests.c.digest_date == day)
            .values(
                status="sent",
                sent_at=sent_at,
                updated_at=sent_at,
                last_error=None,
                sends=digests.c.sends + 1,
            )
        )
    log.info("digest for %s on %s sent as %s (%d stories)", key, day, message_id, digest.stories)
    return {"recipient": key, "status": "sent", "message_id": message_id, "stories": digest.stories}
