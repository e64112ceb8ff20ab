"""Warehouse tables (SQLAlchemy Core). The Alembic migrations create exactly these; a test checks."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
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
    UniqueConstraint,
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
    # health (wirewatch.monitoring.health): weighted failures, status, cadence, staleness and the next poll
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
    Column("revised_entries", Integer, nullable=False, server_default="0"),
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
    # the story this article belongs to (clusters.cluster_key), and that story's canonical article
    Column("cluster_key", String(64)),
    Column("duplicate_of", String(24)),
    Column("loaded_by_run", String(250), nullable=False),
    Column("topics_digest", String(16)),
    # revisions: the feed entry's updated time, a hash blind to clock times, the current version,
    # and the version whose keys are in dedupe_keys (NULL or older: clustering is pending)
    Column("entry_updated_at", TS),
    Column("content_hash", String(64)),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("indexed_version", Integer),
    # a translation of its story's original (that article's id), and the event of its story
    Column("translated_from", String(24)),
    Column("event_key", String(64)),
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
    Column("event_key", String(64)),  # the news event: stories of several agencies and languages
    # "query", or "model": the topic's model matched what its query did not (topics.yaml `model:`)
    Column("found_by", String(8), nullable=False, server_default="query"),
    # the topic model's probability; NULL without a model, or in a language it has no stemmer for
    Column("model_probability", Float),
    Index("ix_matches_topic_published", "topic_id", "published_at"),
    Index("ix_matches_cluster_key", "cluster_key"),
    Index("ix_matches_event_key", "event_key"),
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

# Who gets digests: the random token of their unsubscribe link (List-Unsubscribe), and whether they used it.
digest_recipients = Table(
    "digest_recipients",
    metadata,
    Column("recipient", String(320), primary_key=True),  # the bare address, lower case
    Column("unsubscribe_token", String(64), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("unsubscribed_at", TS),
    UniqueConstraint("unsubscribe_token", name="uq_digest_recipients_token"),
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

# One row per story: the copies of one wire story across outlets and runs (or one article alone).
clusters = Table(
    "clusters",
    metadata,
    Column("cluster_key", String(64), primary_key=True),
    Column("canonical_article_id", String(24), nullable=False),  # the agency original, else the earliest
    Column("headline", Text),  # the canonical article's headline
    Column("agency", String(20)),
    Column("first_seen_at", TS),  # earliest publication (else fetch) time of a copy
    Column("last_seen_at", TS),
    Column("copies", Integer, nullable=False),
    Column("outlets", Integer, nullable=False),
    Column("outlet_names", Text, nullable=False),  # JSON array
    Column("languages", Text, nullable=False),  # JSON array: a story may be told in several
    Column("updated_at", TS, nullable=False),
    Column("event_key", String(64)),
    Index("ix_clusters_last_seen", "last_seen_at"),
    Index("ix_clusters_event_key", "event_key"),
)

# A story that uses another: a compilation (article_id, in story cluster_key) took a paragraph
# from the story linked_key (kind also_uses). Kept when stories merge, dropped when they become one.
story_links = Table(
    "story_links",
    metadata,
    Column("article_id", String(24), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("linked_key", String(64), primary_key=True),
    Column("cluster_key", String(64), nullable=False),
    Column("created_at", TS, nullable=False),
    Index("ix_story_links_cluster_key", "cluster_key"),
    Index("ix_story_links_linked_key", "linked_key"),
)

# Why a story key appeared or went away: a story merged into another (`from_key` is gone, its
# articles are in `to_key`) or split (the larger group kept `from_key`, these articles left for `to_key`).
story_changes = Table(
    "story_changes",
    metadata,
    Column("change_id", Integer, primary_key=True, autoincrement=True),
    Column("at", TS, nullable=False),
    Column("kind", String(8), nullable=False),  # merge | split
    Column("from_key", String(64), nullable=False),
    Column("to_key", String(64), nullable=False),
    Column("articles", Integer, nullable=False),
    Column("article_ids", Text, nullable=False),  # JSON array of the articles that moved
    Index("ix_story_changes_from_key", "from_key"),
    Index("ix_story_changes_to_key", "to_key"),
)

# One row per news event: the stories of several agencies and languages that report it.
events = Table(
    "events",
    metadata,
    Column("event_key", String(64), primary_key=True),
    Column("founder_key", String(64), nullable=False),  # the first story: later ones must match it
    Column("headline", Text),  # the first story's headline
    Column("first_seen_at", TS),
    Column("last_seen_at", TS),
    Column("stories", Integer, nullable=False),
    Column("copies", Integer, nullable=False),
    Column("agencies", Text, nullable=False),  # JSON array
    Column("languages", Text, nullable=False),  # JSON array
    Column("updated_at", TS, nullable=False),
    Index("ix_events_first_seen", "first_seen_at"),
)

# The search index of clustering, bounded by the rolling window: MinHash LSH band keys and the
# keys of long sentences of each article, under the layout (`scheme`) that computed them.
dedupe_keys = Table(
    "dedupe_keys",
    metadata,
    Column("scheme", String(60), primary_key=True),
    Column("band_key", BigInteger, primary_key=True),
    Column("article_id", String(24), primary_key=True),
    Column("seen_at", TS, nullable=False),
    Index("ix_dedupe_keys_seen_at", "seen_at"),
    Index("ix_dedupe_keys_article", "article_id"),
)

# Paragraphs each outlet printed, by hash: the ones it prints under many articles are boilerplate.
outlet_paragraphs = Table(
    "outlet_paragraphs",
    metadata,
    Column("outlet", String(200), primary_key=True),
    Column("paragraph_key", BigInteger, primary_key=True),
    Column("article_id", String(24), primary_key=True),
    Column("seen_at", TS, nullable=False),
    Index("ix_outlet_paragraphs_seen_at", "seen_at"),
    Index("ix_outlet_paragraphs_article", "article_id"),
)

# Earlier versions of revised articles: a row per replaced version (the current one is in articles).
article_versions = Table(
    "article_versions",
    metadata,
    Column("article_id", String(24), ForeignKey("articles.article_id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("title", Text),
    Column("body", Text, nullable=False),
    Column("body_hash", String(64)),
    Column("content_hash", String(64)),
    Column("fetched_at", TS, nullable=False),
    Column("replaced_at", TS, nullable=False),
    Column("replaced_by_run", String(250), nullable=False),
)
