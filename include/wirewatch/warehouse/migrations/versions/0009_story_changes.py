"""story changes

Stored stories split when their members no longer make one story; `story_changes` records each
split and each merge, so SQL shows why a story key appeared or went away.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 23:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_changes",
        sa.Column("change_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("from_key", sa.String(length=64), nullable=False),
        sa.Column("to_key", sa.String(length=64), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("article_ids", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("change_id"),
    )
    with op.batch_alter_table("story_changes", schema=None) as batch_op:
        batch_op.create_index("ix_story_changes_from_key", ["from_key"], unique=False)
        batch_op.create_index("ix_story_changes_to_key", ["to_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("story_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_story_changes_to_key")
        batch_op.drop_index("ix_story_changes_from_key")
    op.drop_table("story_changes")
