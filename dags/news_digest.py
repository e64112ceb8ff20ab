"""
### news_digest

Emails each subscriber the daily digest of the previous day's coverage of their topics: one entry
per story however many outlets carried it, with the agency, the other outlets, a highlighted
snippet, the count against the day before, a 7-day chart and the feeds that failed.

* **Schedule**: daily at `digest.send_at` in `digest.timezone` of `include/config/subscriptions.yaml`
  (default 07:00 Europe/Zurich); a scheduled run covers the previous local day.
* **Recipients and topics** come from the same file; one mapped `send_digest` task per recipient.
* **First run**: no digest for a day before the installation first polled its feeds; the first one
  goes out the morning after that day.
* **Unsubscribing**: every digest carries a one-click List-Unsubscribe link to the Wirewatch plugin;
  an address that used it gets no more digests.
* **Manual runs** take Params: `date` (YYYY-MM-DD, default yesterday), `recipients` (addresses,
  default every subscriber), `topics` (instead of the subscribed ones) and `force` (send again).
* **Exactly once**: the warehouse table `digests` records every (recipient, day). A re-run sends
  nothing already sent unless `force`; an SMTP failure leaves the record `pending` and the task's
  retry (exponential backoff) sends it once.
* **Mail** goes through Airflow's SMTP provider and the connection `digest.smtp_conn_id`
  (default `smtp_default`).
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import CronTriggerTimetable, Param, dag, get_current_context, task

from wirewatch.config import load_digest_config

# Parsing the config here makes a broken subscriptions.yaml a readable DAG import error.
CONFIG = load_digest_config()
OPTIONS = CONFIG.options


def _engine():
    from wirewatch.airflow_adapter import warehouse_url
    from wirewatch.warehouse.db import make_engine

    settings = CONFIG.settings
    return make_engine(warehouse_url() or settings.warehouse_url or settings.default_warehouse_url)


@dag(
    dag_id="news_digest",
    schedule=CronTriggerTimetable(OPTIONS.cron, timezone=OPTIONS.timezone),
    start_date=pendulum.datetime(2026, 1, 1, tz=OPTIONS.timezone),
    catchup=False,
    max_active_runs=1,
    doc_md=__doc__,
    tags=["wirewatch", "news", "digest", "email"],
    params={
        "date": Param(
            None,
            type=["null", "string"],
            format="date",
            description="Digest day, YYYY-MM-DD; empty means the local day before the run.",
        ),
        "recipients": Param(
            None,
            type=["null", "array"],
            items={"type": "string"},
            description="Send only to these addresses; empty means every subscriber.",
        ),
        "topics": Param(
            None,
            type=["null", "array"],
            items={"type": "string"},
            description="Topic ids to send instead of each recipient's subscribed topics.",
        ),
        "force": Param(False, type="boolean", description="Send again even if this day was sent."),
    },
    default_args={
        "owner": "wirewatch",
        "retries": OPTIONS.retries,
        "retry_delay": timedelta(seconds=OPTIONS.retry_delay_seconds),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(hours=1),
        "execution_timeout": timedelta(minutes=10),
    },
)
def news_digest():
    @task
    def prepare_warehouse() -> None:
        """Create or upgrade the warehouse tables, including the `digests` ledger."""
        from wirewatch.warehouse.db import migrate

        migrate(_engine())

    @task
    def plan_digests(params=None, dag_run=None) -> list[dict]:
        """One job per recipient: the day, the topics, the language; none for a day before the first poll."""
        from wirewatch.digest.deliver import digest_day, plan_jobs, watched, without_unsubscribed

        day = digest_day(dag_run.logical_date or dag_run.run_after, OPTIONS.timezone, params["date"])
        engine = _engine()  # one engine (and one connection lookup) for both reads
        # a new installation's first scheduled run would otherwise mail "no coverage" for yesterday
        if params["date"] is None and not watched(engine, day, OPTIONS.timezone):
            return []
        jobs = plan_jobs(CONFIG, day, params["recipients"], params["topics"], bool(params["force"]))
        return [job.as_dict() for job in without_unsubscribed(engine, jobs)]

    @task(multiple_outputs=False, map_index_template="{{ recipient_label }}")
    def send_digest(job: dict, run_id=None) -> dict:
        """Build, render and send one recipient's digest unless the ledger says it went out."""
        from wirewatch.airflow_adapter import SmtpMailer
        from wirewatch.digest.deliver import DigestJob, deliver

        get_current_context()["recipient_label"] = job["recipient"]
        mailer = SmtpMailer(OPTIONS.smtp_conn_id)
        sender = OPTIONS.sender or mailer.from_email()
        if not sender:
            raise ValueError(
                f"no sender: set digest.sender in {CONFIG.settings.subscriptions_file} "
                f"or from_email in the connection {OPTIONS.smtp_conn_id!r}"
            )
        return deliver(CONFIG, _engine(), DigestJob(**job), mailer, sender, run_id)

    jobs = plan_digests()
    prepare_warehouse() >> jobs
    send_digest.expand(job=jobs)


news_digest()
