"""Alerts for operators: a feed turned dead or stale (or recovered), runs started failing (or recovered).

Each subject's last reported state lives in the warehouse table `alert_states`, so an email goes
out once per change of state, not on every run. Sending is a callable handed in by the caller
(the Airflow adapter sends through the SMTP connection); without an operators address the
changes are logged and shown on the Wirewatch page only.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from wirewatch.config import AlertSettings, Feed, PollingPolicy
from wirewatch.monitoring import health
from wirewatch.redact import redact
from wirewatch.warehouse import store

log = logging.getLogger("wirewatch.monitoring.alerts")

# send(to, subject, html_body, smtp_conn_id)
Send = Callable[[list[str], str, str, str], None]
PROBLEM_STATES = ("dead", "stale", "failed")
_SAYS = {"dead": "dead", "stale": "stale", "failed": "failing"}


@dataclass(frozen=True)
class Change:
    subject: str  # feed:<feed id> | dag:<dag id>
    name: str  # what operators know it as: the outlet, or the DAG
    previous: str
    state: str
    detail: str
    link: str | None = None

    @property
    def headline(self) -> str:
        if self.state in PROBLEM_STATES:
            return f"{self.name} is {_SAYS[self.state]}"
        return f"{self.name} recovered (was {_SAYS.get(self.previous, self.previous)})"


def describe(delta: timedelta) -> str:
    minutes = delta.total_seconds() / 60
    if minutes < 120:
        return f"{minutes:.0f} minutes"
    return f"{minutes / 60:.1f} hours" if minutes < 48 * 60 else f"{minutes / 1440:.1f} days"


def _feed_detail(state: dict[str, Any] | None, alert: str, now: datetime) -> str:
    state = state or {}
    if alert == "dead":
        success = health.utc(state.get("last_success_at"))
        since = f"last success {describe(now - success)} ago" if success else "never succeeded"
        return (
            f"{state.get('consecutive_failures')} failures in a row (weight {state.get('failure_weight')}), "
            f"{since}; last error: {redact(state.get('last_error'))}; "
            f"still polled, next at {health.utc(state.get('next_poll_at')):%Y-%m-%d %H:%M} UTC"
        )
    if alert == "stale":
        last = health.utc(state.get("last_new_item_at"))
        cadence = state.get("cadence_seconds")
        usual = f"usually one every {describe(timedelta(seconds=cadence))}" if cadence else "cadence unknown"
        return f"no new item for {describe(now - last)} ({usual})"
    return f"status {state.get('status') or 'new'}"


def feed_changes(
    engine: Engine, feeds: Sequence[Feed], policy: PollingPolicy, now: datetime, ui_base: str = ""
) -> list[Change]:
    """Feeds whose alert state (ok, stale, dead) differs from what operators were last told.

    Staleness depends on the clock, so every feed's stale flag is refreshed here, polled or not.
    """
    states = store.feed_states(engine, [feed.id for feed in feeds])
    told = store.get_alert_states(engine)
    store.update_stale_flags(
        engine, {feed_id: health.is_stale(state, policy, now) for feed_id, state in states.items()}
    )
    changes = []
    for feed in feeds:
        state = states.get(feed.id)
        current = health.alert_state(state, policy, now)
        previous = told.get(f"feed:{feed.id}", {}).get("state", "ok")
        if current != previous:
            changes.append(
                Change(
                    f"feed:{feed.id}",
                    f"{feed.outlet} ({feed.id})",
                    previous,
                    current,
                    _feed_detail(state, current, now),
                    f"{ui_base}/plugin/wirewatch" if ui_base else None,
                )
            )
    return changes


def run_change(
    engine: Engine, dag_id: str, run_id: str, failed: bool, now: datetime, ui_base: str = ""
) -> Change | None:
    """A change when runs start failing or succeed again; None while the state holds."""
    subject = f"dag:{dag_id}"
    previous = store.get_alert_states(engine).get(subject, {}).get("state", "ok")
    current = "failed" if failed else "ok"
    if current == previous:
        return None
    detail = f"run {run_id} {'failed' if failed else 'succeeded'} at {now:%Y-%m-%d %H:%M} UTC"
    link = f"{ui_base}/dags/{dag_id}/runs/{run_id}" if ui_base else None
    return Change(subject, f"DAG {dag_id}", previous, current, detail, link)


def compose(changes: Sequence[Change]) -> tuple[str, str]:
    """Subject and HTML body of one email covering every change."""
    problems = [c for c in changes if c.state in PROBLEM_STATES]
    counts = {state: sum(c.state == state for c in problems) for state in PROBLEM_STATES}
    parts = [f"{n} {_SAYS[state]}" for state, n in counts.items() if n]
    recovered = len(changes) - len(problems)
    if recovered:
        parts.append(f"{recovered} recovered")
    subject = "[Wirewatch] " + ", ".join(parts)
    if len(changes) == 1:
        subject = f"[Wirewatch] {changes[0].headline}"
    items = []
    for change in changes:
        link = f' (<a href="{html.escape(change.link)}">open</a>)' if change.link else ""
        items.append(f"<li><b>{html.escape(change.headline)}</b>{link}<br>{html.escape(change.detail)}</li>")
    body = (
        "<p>Wirewatch noticed these changes. You hear about each change once; "
        "the Wirewatch page in Airflow shows the current state of every feed.</p>"
        f"<ul>{''.join(items)}</ul>"
    )
    return subject, body


def notify(
    engine: Engine, changes: Sequence[Change], settings: AlertSettings, send: Send, now: datetime
) -> bool:
    """Email the changes (once), then record them as told; True when an email went out."""
    if not changes:
        return False
    sent = False
    if settings.email_to:
        subject, body = compose(changes)
        send(list(settings.email_to), subject, body, settings.smtp_conn_id)
        sent = True
        log.info("alert emailed to %s: %s", ", ".join(settings.email_to), subject)
    for change in changes:
        log.warning("alert: %s: %s", change.headline, change.detail)
    if not sent:
        log.warning("no operators address (alerts.email_to or WIREWATCH_ALERT_EMAIL): alerts not emailed")
    store.save_alert_states(
        engine,
        [
            {
                "subject": c.subject,
                "state": c.state,
                "detail": c.detail,
                "changed_at": now,
                "notified_at": now if sent else None,
            }
            for c in changes
        ],
    )
    return sent


def check_feeds(
    engine: Engine,
    feeds: Sequence[Feed],
    policy: PollingPolicy,
    settings: AlertSettings,
    send: Send,
    now: datetime | None = None,
    ui_base: str = "",
) -> dict[str, Any]:
    now = now or datetime.now(UTC)
    changes = feed_changes(engine, feeds, policy, now, ui_base)
    emailed = notify(engine, changes, settings, send, now)
    return {"changes": [f"{c.subject}: {c.previous} -> {c.state}" for c in changes], "emailed": emailed}


def check_run(
    engine: Engine,
    dag_id: str,
    run_id: str,
    failed: bool,
    settings: AlertSettings,
    send: Send,
    now: datetime | None = None,
    ui_base: str = "",
) -> bool:
    """Report a change of the DAG's run state; True when an email went out."""
    now = now or datetime.now(UTC)
    try:
        change = run_change(engine, dag_id, run_id, failed, now, ui_base)
    except SQLAlchemyError as exc:
        # a run often fails because the warehouse is down: better a repeated email than none
        log.exception("alert state unreadable; reporting run %s without deduplication", run_id)
        if not failed or not settings.email_to:
            return False
        change = Change(
            f"dag:{dag_id}",
            f"DAG {dag_id}",
            "unknown",
            "failed",
            f"run {run_id} failed at {now:%Y-%m-%d %H:%M} UTC; the warehouse cannot be read "
            f"({type(exc).__name__}), so this alert may repeat until it can",
            f"{ui_base}/dags/{dag_id}/runs/{run_id}" if ui_base else None,
        )
        subject, body = compose([change])
        send(list(settings.email_to), subject, body, settings.smtp_conn_id)
        return True
    return notify(engine, [change], settings, send, now) if change else False
