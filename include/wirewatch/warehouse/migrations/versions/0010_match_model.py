"""match provenance: which of a topic's query and model found the match, and the model's probability

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("found_by", sa.String(length=8), server_default="query", nullable=False)
        )
        batch_op.add_column(sa.Column("model_probability", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_column("model_probability")
        batch_op.drop_column("found_by")
