"""story links

A compilation (an outlet's article built from agency A's lead and a paragraph of agency B's
version) joins A's story; `story_links` records that it also uses B's story (kind `also_uses`).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 21:15:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_links",
        sa.Column("article_id", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("linked_key", sa.String(length=64), nullable=False),
        sa.Column("cluster_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "kind", "linked_key"),
    )
    with op.batch_alter_table("story_links", schema=None) as batch_op:
        batch_op.create_index("ix_story_links_cluster_key", ["cluster_key"], unique=False)
        batch_op.create_index("ix_story_links_linked_key", ["linked_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("story_links", schema=None) as batch_op:
        batch_op.drop_index("ix_story_links_linked_key")
        batch_op.drop_index("ix_story_links_cluster_key")
    op.drop_table("story_links")
