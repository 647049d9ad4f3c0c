"""A covering index for the monthly summary and the dashboard (delivered supports by date).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 14:05:00
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_supports_delivered_cover", "supports",
        ["status", "delivered_on", "support_type_id", "person_id", "amount_centavos"],
    )  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_supports_delivered_cover", table_name="supports")
