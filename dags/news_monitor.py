"""
### news_monitor

Polls the configured news feeds, extracts the new articles, clusters the copies of each story,
matches them against the topics and loads the matches into the warehouse table `matches`.

* **Feeds** come from `include/config/feeds.yaml` (list chosen by `active` or `WIREWATCH_FEED_LIST`),
  sharded by host: one mapped `poll_host` task per host, labelled with its outlet.
* **Topics** come from `include/config/topics.yaml`; editing a topic re-matches stored articles.
* **Stories**: `collapse_copies` clusters the run's new and revised articles with the copies seen
  in the last 7 days (MinHash LSH over word shingles, `dedupe:` in feeds.yaml); every article gets
  the `cluster_key` of its story, which `clusters` describes and `matches` carries.
* Article bodies never travel through XCom: they are staged in the warehouse (`articles`),
  raw bytes in the content-addressed archive; tasks pass counts and ids.
* A broken feed or page is recorded in `feed_polls` / `articles.error` and never fails the run.
* Re-running a run changes nothing: every load is an upsert on natural keys.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import Asset, dag, get_current_context, task

from wirewatch.config import load_pipeline_config

MATCHES_ASSET = Asset(name="wirewatch_matches", uri="wirewatch://warehouse/matches")

# Parsing the config here makes a broken feeds.yaml or topics.yaml a readable DAG import error.
CONFIG = load_pipeline_config()


def _context(run_id: str):
    from wirewatch.airflow_adapter import warehouse_url
    from wirewatch.pipeline import RunContext

    return RunContext.open(run_id, warehouse_url())


@dag(
    dag_id="news_monitor",
    schedule=CONFIG.feeds_file.schedule,
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
)
def news_monitor():
    @task
    def prepare_warehouse(run_id=None) -> None:
        """Create or upgrade the warehouse tables (Alembic; a no-op when up to date)."""
        from wirewatch.warehouse.db import migrate

        migrate(_context(run_id).engine)

    @task
    def plan_hosts() -> list[dict]:
        """Group the active feeds by host: each group becomes one mapped poll task."""
        from wirewatch.pipeline import plan_shards

        return plan_shards(load_pipeline_config().feeds)

    @task(multiple_outputs=False, map_index_template="{{ shard_label }}")
    def poll_host(shard: dict, run_id=None) -> dict:
        """Fetch this host's feeds, then its new articles; extract and stage them in the warehouse."""
        from wirewatch.pipeline import poll_feed_ids

        get_current_context()["shard_label"] = shard["label"]
        return poll_feed_ids(_context(run_id), shard["feed_ids"])

    @task(multiple_outputs=False)
    def collapse_copies(polls: list[dict], run_id=None) -> dict:
        """Cluster the new and revised articles into stories, against the window's earlier copies."""
        from wirewatch.pipeline import cluster_copies, summarize_runs

        return {"polls": summarize_runs(polls), **cluster_copies(_context(run_id))}

    @task(multiple_outputs=False, outlets=[MATCHES_ASSET])
    def match_topics(collapsed: dict, run_id=None, outlet_events=None) -> dict:
        """Match pending articles against every topic and upsert the matches table."""
        from wirewatch.pipeline import match_pending

        summary = {**collapsed, "matches": match_pending(_context(run_id))}
        outlet_events[MATCHES_ASSET].extra = summary
        return summary

    polls = poll_host.expand(shard=plan_hosts())
    prepare_warehouse() >> polls
    match_topics(collapse_copies(polls))


news_monitor()
