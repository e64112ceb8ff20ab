"""Warehouse tables (SQLAlchemy Core). The Alembic migrations create exactly these; a test checks."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

metadata = MetaData()

TS = DateTime(timezone=True)

# One row per configured feed: the conditional-GET state, the latest outcome and the derived health.
feeds = Table(
    "feeds",
    metadata,
    Column("feed_id", String(80), primary_key=True),
    Column("outlet", String(200), nullable=False),
    Column("url", Text, nullable=False),
    Column("language", String(8)),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled_at", TS),
    Column("last_success_at", TS),
    Column("last_outcome", String(20)),
    Column("last_error", Text),
    Column("consecutive_failures", Integer, nullable=False, server_default="0"),
    # health (wirewatch.health): weighted failures, status, cadence, staleness and the next poll
    Column("failure_weight", Integer, nullable=False, server_default="0"),
    Column("last_error_class", String(60)),
    Column("status", String(20)),  # new | ok | failing | dead
    Column("cadence_seconds", Integer),
    Column("last_new_item_at", TS),
    Column("stale", Boolean, nullable=False, server_default=false()),
    Column("next_poll_at", TS),
    Column("next_poll_reason", String(40)),
)

# One row per feed per pipeline run: what the poll brought or why it failed.
feed_polls = Table(
    "feed_polls",
    metadata,
    Column("run_id", String(250), primary_key=True),
    Column("feed_id", String(80), primary_key=True),
    Column("url", Text, nullable=False),
    Column("polled_at", TS, nullable=False),
    Column("outcome", String(20), nullable=False),  # ok | not_modified | error
    Column("http_status", Integer),
    Column("bytes", Integer, nullable=False, server_default="0"),
    Column("entries", Integer, nullable=False, server_default="0"),
    Column("new_entries", Integer, nullable=False, server_default="0"),
    Column("page_errors", Integer, nullable=False, server_default="0"),
    Column("duration_ms", Integer, nullable=False, server_default="0"),
    Column("error_class", String(60)),
    Column("error_message", Text),
    Column("parse_warning", Text),
    Column("raw_sha256", String(64)),
    Index("ix_feed_polls_feed_time", "feed_id", "polled_at"),
)

articles = Table(
    "articles",
    metadata,
    Column("article_id", String(24), primary_key=True),
    Column("canonical_url", Text, nullable=False, unique=True),
    Column("url", Text, nullable=False),
    Column("feed_id", String(80), nullable=False),
    Column("outlet", String(200), nullable=False),
    Column("guid", Text),
    Column("title", Text),
    Column("author", Text),
    Column("language", String(8)),
    Column("site_name", Text),
    Column("published_at", TS),
    Column("fetched_at", TS, nullable=False),
    Column("body", Text, nullable=False, server_default=""),
    Column("body_hash", String(64)),
    Column("status", String(20), nullable=False),  # ok | fallback | failed
    Column("extraction_path", String(20), nullable=False),  # trafilatura | feed_summary | none
    Column("error", Text),
    Column("raw_sha256", String(64)),
    Column("agency", String(20)),
    Column("agency_signature", String(80)),
    Column("cluster_key", String(64)),
    Column("duplicate_of", String(24)),
    Column("loaded_by_run", String(250), nullable=False),
    Column("topics_digest", String(16)),
    Index("ix_articles_body_hash", "body_hash"),
    Index("ix_articles_cluster_key", "cluster_key"),
    Index("ix_articles_fetched_at", "fetched_at"),
)

# The contract with downstream SQL: one row per article x topic.
matches = Table(
    "matches",
    metadata,
    Column("article_id", String(24), ForeignKey("articles.article_id"), primary_key=True),
    Column("topic_id", String(80), primary_key=True),
    Column("topic_name", Text, nullable=False),
    Column("outlet", String(200), nullable=False),
    Column("feed_id", String(80), nullable=False),
    Column("url", Text, nullable=False),
    Column("headline", Text),
    Column("language", String(8)),
    Column("published_at", TS),
    Column("fetched_at", TS, nullable=False),
    Column("agency", String(20)),
    Column("matched_terms", Text, nullable=False),  # JSON array of the query terms that hit
    Column("snippet", Text),
    Column("cluster_key", String(64)),
    Column("run_id", String(250), nullable=False),
    Column("matched_at", TS, nullable=False),
    Column("score", Float),  # ranks matches of a topic: title hits count double, repeats logarithmically
    # JSON array of {term, field, start, end, text}: every hit, with character offsets in that field
    Column("hits", Text),
    Index("ix_matches_topic_published", "topic_id", "published_at"),
    Index("ix_matches_cluster_key", "cluster_key"),
)

# One row per recipient and digest day: makes sending idempotent. `pending` means built and
# handed to SMTP but not confirmed; only `sent` stops a re-run (unless forced).
digests = Table(
    "digests",
    metadata,
    Column("recipient", String(320), primary_key=True),  # the bare address, lower case
    Column("digest_date", Date, primary_key=True),
    Column("topics", Text, nullable=False),  # JSON array of topic ids
    Column("message_id", Text),
    Column("status", String(20), nullable=False),  # pending | sent | empty
    Column("subject", Text),
    Column("stories", Integer, nullable=False, server_default="0"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("sends", Integer, nullable=False, server_default="0"),
    Column("last_error", Text),
    Column("run_id", String(250)),
    Column("updated_at", TS, nullable=False),
    Column("sent_at", TS),
    Index("ix_digests_date_status", "digest_date", "status"),
)

# What operators were last told about each subject ("feed:<id>", "dag:<dag_id>"): alerts go out once
# per change of state, not on every run.
alert_states = Table(
    "alert_states",
    metadata,
    Column("subject", String(120), primary_key=True),
    Column("state", String(20), nullable=False),
    Column("detail", Text),
    Column("changed_at", TS, nullable=False),
    Column("notified_at", TS),
)
