"""feed health: weighted failures, status, cadence, staleness, next poll; alert states

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("failure_weight", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("last_error_class", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("status", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("cadence_seconds", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("last_new_item_at", TS, nullable=True))
        batch_op.add_column(sa.Column("stale", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("next_poll_at", TS, nullable=True))
        batch_op.add_column(sa.Column("next_poll_reason", sa.String(length=40), nullable=True))
    # feeds polled before health existed: derive what the old columns tell
    op.execute(
        "UPDATE feeds SET status = CASE WHEN consecutive_failures > 0 THEN 'failing' ELSE 'ok' END, "
        "failure_weight = consecutive_failures WHERE last_polled_at IS NOT NULL"
    )
    op.create_table(
        "alert_states",
        sa.Column("subject", sa.String(length=120), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("changed_at", TS, nullable=False),
        sa.Column("notified_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("subject"),
    )


def downgrade() -> None:
    op.drop_table("alert_states")
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        for column in (
            "next_poll_reason",
            "next_poll_at",
            "stale",
            "last_new_item_at",
            "cadence_seconds",
            "status",
            "last_error_class",
            "failure_weight",
        ):
            batch_op.drop_column(column)
