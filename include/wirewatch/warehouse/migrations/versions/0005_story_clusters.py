"""story clusters, dedupe index, article versions

Existing articles lose their exact-copy cluster keys and become pending: the next run clusters
them into stories (each against the articles of its own 7-day window).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 21:45:15.603223
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clusters",
        sa.Column("cluster_key", sa.String(length=64), nullable=False),
        sa.Column("canonical_article_id", sa.String(length=24), nullable=False),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("agency", sa.String(length=20), nullable=True),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.Integer(), nullable=False),
        sa.Column("outlet_names", sa.Text(), nullable=False),
        sa.Column("languages", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("cluster_key"),
    )
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.create_index("ix_clusters_last_seen", ["last_seen_at"], unique=False)

    op.create_table(
        "dedupe_keys",
        sa.Column("scheme", sa.String(length=60), nullable=False),
        sa.Column("band_key", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.String(length=24), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("scheme", "band_key", "article_id"),
    )
    with op.batch_alter_table("dedupe_keys", schema=None) as batch_op:
        batch_op.create_index("ix_dedupe_keys_article", ["article_id"], unique=False)
        batch_op.create_index("ix_dedupe_keys_seen_at", ["seen_at"], unique=False)

    op.create_table(
        "outlet_paragraphs",
        sa.Column("outlet", sa.String(length=200), nullable=False),
        sa.Column("paragraph_key", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.String(length=24), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("outlet", "paragraph_key", "article_id"),
    )
    with op.batch_alter_table("outlet_paragraphs", schema=None) as batch_op:
        batch_op.create_index("ix_outlet_paragraphs_article", ["article_id"], unique=False)
        batch_op.create_index("ix_outlet_paragraphs_seen_at", ["seen_at"], unique=False)

    op.create_table(
        "article_versions",
        sa.Column("article_id", sa.String(length=24), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_by_run", sa.String(length=250), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
        ),
        sa.PrimaryKeyConstraint("article_id", "version"),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("entry_updated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("content_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("indexed_version", sa.Integer(), nullable=True))

    with op.batch_alter_table("feed_polls", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revised_entries", sa.Integer(), server_default="0", nullable=False))

    op.execute("UPDATE articles SET cluster_key = NULL, duplicate_of = NULL")
    op.execute("UPDATE matches SET cluster_key = NULL")


def downgrade() -> None:
    with op.batch_alter_table("feed_polls", schema=None) as batch_op:
        batch_op.drop_column("revised_entries")

    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("indexed_version")
        batch_op.drop_column("version")
        batch_op.drop_column("content_hash")
        batch_op.drop_column("entry_updated_at")

    op.drop_table("article_versions")
    with op.batch_alter_table("outlet_paragraphs", schema=None) as batch_op:
        batch_op.drop_index("ix_outlet_paragraphs_seen_at")
        batch_op.drop_index("ix_outlet_paragraphs_article")

    op.drop_table("outlet_paragraphs")
    with op.batch_alter_table("dedupe_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_dedupe_keys_seen_at")
        batch_op.drop_index("ix_dedupe_keys_article")

    op.drop_table("dedupe_keys")
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.drop_index("ix_clusters_last_seen")

    op.drop_table("clusters")
