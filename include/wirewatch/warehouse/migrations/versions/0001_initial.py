"""initial warehouse: feeds, feed_polls, articles, matches

Revision ID: 0001
Revises:
Create Date: 2026-11-25 20:46:50.995782
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("article_id", sa.String(length=24), nullable=False),
        sa.Column("canonical_url", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("feed_id", sa.String(length=80), nullable=False),
        sa.Column("outlet", sa.String(length=200), nullable=False),
        sa.Column("guid", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("site_name", sa.Text(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.Text(), server_default="", nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("extraction_path", sa.String(length=20), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("raw_sha256", sa.String(length=64), nullable=True),
        sa.Column("agency", sa.String(length=20), nullable=True),
        sa.Column("agency_signature", sa.String(length=80), nullable=True),
        sa.Column("cluster_key", sa.String(length=64), nullable=True),
        sa.Column("duplicate_of", sa.String(length=24), nullable=True),
        sa.Column("loaded_by_run", sa.String(length=250), nullable=False),
        sa.Column("topics_digest", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("article_id"),
        sa.UniqueConstraint("canonical_url"),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index("ix_articles_body_hash", ["body_hash"], unique=False)
        batch_op.create_index("ix_articles_cluster_key", ["cluster_key"], unique=False)
        batch_op.create_index("ix_articles_fetched_at", ["fetched_at"], unique=False)

    op.create_table(
        "feed_polls",
        sa.Column("run_id", sa.String(length=250), nullable=False),
        sa.Column("feed_id", sa.String(length=80), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("polled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("bytes", sa.Integer(), server_default="0", nullable=False),
        sa.Column("entries", sa.Integer(), server_default="0", nullable=False),
        sa.Column("new_entries", sa.Integer(), server_default="0", nullable=False),
        sa.Column("page_errors", sa.Integer(), server_default="0", nullable=False),
        sa.Column("duration_ms", sa.Integer(), server_default="0", nullable=False),
        sa.Column("error_class", sa.String(length=60), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("parse_warning", sa.Text(), nullable=True),
        sa.Column("raw_sha256", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("run_id", "feed_id"),
    )
    with op.batch_alter_table("feed_polls", schema=None) as batch_op:
        batch_op.create_index("ix_feed_polls_feed_time", ["feed_id", "polled_at"], unique=False)

    op.create_table(
        "feeds",
        sa.Column("feed_id", sa.String(length=80), nullable=False),
        sa.Column("outlet", sa.String(length=200), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("last_polled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_outcome", sa.String(length=20), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("consecutive_failures", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("feed_id"),
    )
    op.create_table(
        "matches",
        sa.Column("article_id", sa.String(length=24), nullable=False),
        sa.Column("topic_id", sa.String(length=80), nullable=False),
        sa.Column("topic_name", sa.Text(), nullable=False),
        sa.Column("outlet", sa.String(length=200), nullable=False),
        sa.Column("feed_id", sa.String(length=80), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("agency", sa.String(length=20), nullable=True),
        sa.Column("matched_terms", sa.Text(), nullable=False),
        sa.Column("snippet", sa.Text(), nullable=True),
        sa.Column("cluster_key", sa.String(length=64), nullable=True),
        sa.Column("run_id", sa.String(length=250), nullable=False),
        sa.Column("matched_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
        ),
        sa.PrimaryKeyConstraint("article_id", "topic_id"),
    )
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.create_index("ix_matches_cluster_key", ["cluster_key"], unique=False)
        batch_op.create_index("ix_matches_topic_published", ["topic_id", "published_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_index("ix_matches_topic_published")
        batch_op.drop_index("ix_matches_cluster_key")

    op.drop_table("matches")
    op.drop_table("feeds")
    with op.batch_alter_table("feed_polls", schema=None) as batch_op:
        batch_op.drop_index("ix_feed_polls_feed_time")

    op.drop_table("feed_polls")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_fetched_at")
        batch_op.drop_index("ix_articles_cluster_key")
        batch_op.drop_index("ix_articles_body_hash")

    op.drop_table("articles")
