"""Annual budget and targets; monthly packages received at headquarters.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 12:05:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "budget_lines",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("amount_centavos", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "amount_centavos >= 0", name=op.f("ck_budget_lines_budget_not_negative")
        ),
        sa.PrimaryKeyConstraint("year", "category", "key", name=op.f("pk_budget_lines")),
    )
    op.create_table(
        "targets",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=30), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.CheckConstraint("value >= 0", name=op.f("ck_targets_target_not_negative")),
        sa.PrimaryKeyConstraint("year", "indicator", name=op.f("pk_targets")),
    )
    op.create_table(
        "received_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.Column("office_name", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        sa.Column("manifest", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["received_by_id"],
            ["users.id"],
            name=op.f("fk_received_packages_received_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_packages")),
        sa.UniqueConstraint(
            "office_code",
            "year",
            "month",
            name="one_package_per_office_month",
        ),
    )


def downgrade() -> None:
    op.drop_table("received_packages")
    op.drop_table("targets")
    op.drop_table("budget_lines")
