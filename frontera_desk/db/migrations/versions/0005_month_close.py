"""Month close: a closed month's records cannot change; reopening bumps the revision.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 10:51:42.677993
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "month_closes",
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("is_closed", sa.Boolean(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("closed_by_id", sa.Integer(), nullable=False),
        sa.Column("reopen_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["closed_by_id"], ["users.id"], name=op.f("fk_month_closes_closed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("office_code", "year", "month", name=op.f("pk_month_closes")),
    )


def downgrade() -> None:
    op.drop_table("month_closes")
