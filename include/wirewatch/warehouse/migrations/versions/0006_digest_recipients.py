"""digest_recipients: each recipient's unsubscribe token, and when they unsubscribed

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 18:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "digest_recipients",
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("unsubscribe_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("unsubscribed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("recipient"),
        sa.UniqueConstraint("unsubscribe_token", name="uq_digest_recipients_token"),
    )


def downgrade() -> None:
    op.drop_table("digest_recipients")
