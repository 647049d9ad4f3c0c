"""A type's deliveries read from one index, with their amounts and people.

The monthly summary's figures by type grouped every delivery of the year: the database sorted
the year's deliveries in memory to group them (about 25 MB, held by the process afterwards, and
0.14 s on a large office). Read one type at a time from this index, they need no sorting:
8 MB, 0.05 s. The index takes the place of the one on (type, status, delivery date), whose
queries it answers as well.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 02:30:00
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

COLUMNS = ["support_type_id", "status", "delivered_on", "amount_centavos", "person_id"]


def upgrade() -> None:
    op.create_index("ix_supports_type_delivered_cover", "supports", COLUMNS)
    op.drop_index("ix_supports_type_status_delivered", table_name="supports")


def downgrade() -> None:
    op.create_index(
        "ix_supports_type_status_delivered",
        "supports",
        ["support_type_id", "status", "delivered_on"],
    )
    op.drop_index("ix_supports_type_delivered_cover", table_name="supports")
