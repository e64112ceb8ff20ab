"""translations and events

Articles, matches and clusters get the event of their story, articles the original they
translate, and the events table its rows. Every article becomes pending, so the next run indexes
its anchors and links the translations already in the window (as after an LSH layout change).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 18:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("event_key", sa.String(length=64), nullable=False),
        sa.Column("founder_key", sa.String(length=64), nullable=False),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("stories", sa.Integer(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("agencies", sa.Text(), nullable=False),
        sa.Column("languages", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("event_key"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_first_seen", ["first_seen_at"], unique=False)
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("translated_from", sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column("event_key", sa.String(length=64), nullable=True))
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.add_column(sa.Column("event_key", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_matches_event_key", ["event_key"], unique=False)
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("event_key", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_clusters_event_key", ["event_key"], unique=False)
    op.execute("UPDATE articles SET indexed_version = NULL")


def downgrade() -> None:
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.drop_index("ix_clusters_event_key")
        batch_op.drop_column("event_key")
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_index("ix_matches_event_key")
        batch_op.drop_column("event_key")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("event_key")
        batch_op.drop_column("translated_from")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_first_seen")
    op.drop_table("events")
