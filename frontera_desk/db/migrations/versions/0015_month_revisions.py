"""Month revisions: each closing of a month keeps its summary as a JSON snapshot and its SHA-256,
who closed it and why, and when it was reopened; the documents of a closed month are made from
its snapshot, so the same revision always carries the same figures.

Months closed before this revision have no snapshot: their documents are computed as before
until they are reopened and closed again.

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-07 22:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "month_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("closed_by_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("reopened_at", sa.DateTime(), nullable=True),
        sa.Column("reopened_by_id", sa.Integer(), nullable=True),
        sa.Column("reopen_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["closed_by_id"], ["users.id"], name=op.f("fk_month_revisions_closed_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["reopened_by_id"], ["users.id"], name=op.f("fk_month_revisions_reopened_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_month_revisions")),
        sa.UniqueConstraint(
            "office_code", "year", "month", "revision", name="one_row_per_revision"
        ),
    )


def downgrade() -> None:
    op.drop_table("month_revisions")
