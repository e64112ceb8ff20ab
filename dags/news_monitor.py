"""
### news_monitor

Polls the configured news feeds that are due, extracts the new articles, clusters the copies of
each story,
matches them against the topics and loads the matches into the warehouse table `matches`.

* **Feeds** come from `include/config/feeds.yaml` (list chosen by `active` or `WIREWATCH_FEED_LIST`).
  `plan_run` migrates the warehouse, picks the feeds due at the run's scheduled time and packs
  them by host into at most `max_shards` mapped `poll_host` tasks, labelled with their outlets.
  The other feeds are skipped and listed in its log.
* **Polite polling** (`polling:` in feeds.yaml): each feed's interval follows its usual cadence within
  bounds; errors back off linearly up to a cap (soft errors such as 429/5xx/timeouts weigh less than
  404/410/unreadable feeds); `Retry-After`, RSS `ttl` and `Cache-Control` are honoured (capped at 24 h).
  Dead feeds are still polled at the cap, so they recover on their own.
* **Topics** come from `include/config/topics.yaml` (Lucene-syntax queries); editing a topic
  re-matches stored articles. A topic whose query does not compile is skipped and named in the
  `match_topics` summary, and shown as an import error of `dags/topic_queries.py`.
* **Stories**: `collapse_copies` clusters the run's new and revised articles with the copies seen
  in the last 7 days (MinHash LSH over word shingles, `dedupe:` in feeds.yaml); every article gets
  the `cluster_key` of its story, which `clusters` describes and `matches` carries.
* Article bodies never travel through XCom: they are staged in the warehouse (`articles`),
  raw bytes in the content-addressed archive; tasks pass counts and ids.
* A broken feed or page is recorded in `feed_polls` / `articles.error` and never fails the run;
  each feed's health (status, weighted failures, cadence, staleness, next poll) is in `feeds`.
* `match_topics` logs the run summary (feeds polled/failed/skipped, new articles, stories, matches)
  and attaches it as the extra of the `wirewatch_matches` Asset event. It counts what this run itself
  inserted and matched, also when runs overlap.
* `alert_operators` emails the operators (`alerts:` in feeds.yaml, connection `smtp_default`) when a
  feed turns dead or stale or recovers; the DAG's callbacks do the same when runs start failing.
  Each change is reported once. The **Wirewatch** page in the Airflow navigation shows it all.
* Re-running a run changes nothing: every load is an upsert on natural keys.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pendulum
from airflow.sdk import Asset, CronTriggerTimetable, TriggerRule, dag, get_current_context, task

from wirewatch.airflow_adapter import RunAlertNotifier
from wirewatch.config import load_pipeline_config

MATCHES_ASSET = Asset(name="wirewatch_matches", uri="wirewatch://warehouse/matches")

# Parsing the config here makes a broken feeds.yaml or topics.yaml a readable DAG import error.
CONFIG = load_pipeline_config()


def _context(run_id: str):
    from wirewatch.airflow_adapter import feed_credentials, warehouse_url
    from wirewatch.pipeline import RunContext

    return RunContext.open(run_id, warehouse_url(), credentials=feed_credentials)


@dag(
    dag_id="news_monitor",
    # run_immediately: a fresh install polls at once instead of waiting for the next tick
    schedule=CronTriggerTimetable(CONFIG.feeds_file.schedule, timezone="UTC", run_immediately=True),
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    doc_md=__doc__,
    tags=["wirewatch", "news", "ingest"],
    default_args={
        "owner": "wirewatch",
        "retries": 3,
        "retry_delay": timedelta(seconds=20),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=5),
        "execution_timeout": timedelta(minutes=20),
    },
    on_failure_callback=RunAlertNotifier(failed=True),
    on_success_callback=RunAlertNotifier(failed=False),
)
def news_monitor():
    @task(multiple_outputs=False)
    def plan_run(run_id=None, dag_run=None, ti=None) -> list[dict]:
        """Bring the warehouse schema up to date, pick the feeds due now and group them by host into shards."""
        from wirewatch.pipeline import plan_run as plan_due_shards
        from wirewatch.warehouse.db import migrate

        ctx = _context(run_id)
        migrate(ctx.engine)
        plan = plan_due_shards(ctx, dag_run.run_after)
        # mapping needs the plain return value, so the skipped feeds travel under their own key
        ti.xcom_push(key="skipped", value=plan["skipped"])
        return plan["shards"]

    @task(multiple_outputs=False, map_index_template="{{ shard_label }}")
    def poll_host(shard: dict, run_id=None) -> dict:
        """Fetch this host's feeds, then its new articles; extract and stage them; update feed health."""
        from wirewatch.pipeline import poll_feed_ids

        get_current_context()["shard_label"] = shard["label"]
        return poll_feed_ids(_context(run_id), shard["feed_ids"], datetime.fromisoformat(shard["as_of"]))

    # runs when no feed was due, too: the mapped poll task is then skipped
    @task(multiple_outputs=False, trigger_rule=TriggerRule.NONE_FAILED)
    def collapse_copies(polls: list[dict], skipped: list[dict], run_id=None) -> dict:
        """Cluster the new and revised articles into stories, against the window's earlier copies."""
        from wirewatch.pipeline import cluster_copies, summarize_runs

        # by index: iterating the lazy sequence reads one past its end and logs "XCom not found" as an error
        shards = [polls[n] for n in range(len(polls))]
        return {"polls": summarize_runs(shards), "skipped": len(skipped), **cluster_copies(_context(run_id))}

    @task(multiple_outputs=False, outlets=[MATCHES_ASSET])
    def match_topics(collapsed: dict, run_id=None, outlet_events=None) -> dict:
        """Match pending articles against every topic; log the run summary and attach it to the Asset event."""
        from wirewatch.pipeline import match_pending, run_summary

        ctx = _context(run_id)
        summary = run_summary(ctx, collapsed["polls"], collapsed["skipped"], match_pending(ctx))
        outlet_events[MATCHES_ASSET].extra = summary
        return summary

    # after the polls, whatever their outcome: a feed's health changes even when matching fails
    @task(multiple_outputs=False, trigger_rule=TriggerRule.ALL_DONE)
    def alert_operators(run_id=None) -> dict:
        """Email the operators about feeds that turned dead or stale, or recovered; once per change."""
        from wirewatch.airflow_adapter import send_email, ui_base_url
        from wirewatch.monitoring.alerts import check_feeds

        ctx = _context(run_id)
        config = ctx.config
        return check_feeds(
            ctx.engine, config.feeds, config.polling, config.alerts, send_email, ui_base=ui_base_url()
        )

    plan = plan_run()
    polls = poll_host.expand(shard=plan)
    match_topics(collapse_copies(polls, plan["skipped"]))
    polls >> alert_operators()


news_monitor()
