"""Headquarters: the offices enrolled from their office cards, and the log of package files
received (accepted or refused, with the reason).

Revision ID: 0017
Revises: 0015
Create Date: 2026-12-07 22:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "enrolled_offices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("office_uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=20), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("enrolled_by_id", sa.Integer(), nullable=False),
        sa.Column("last_generated_at", sa.String(length=40), nullable=True),
        sa.Column("last_chain_length", sa.BigInteger(), nullable=True),
        sa.Column("last_chain_head", sa.String(length=64), nullable=True),
        sa.Column("last_received_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["enrolled_by_id"], ["users.id"], name=op.f("fk_enrolled_offices_enrolled_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolled_offices")),
        sa.UniqueConstraint("code", name=op.f("uq_enrolled_offices_code")),
        sa.UniqueConstraint("office_uuid", name=op.f("uq_enrolled_offices_office_uuid")),
    )
    op.create_table(
        "received_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["received_by_id"], ["users.id"], name=op.f("fk_received_files_received_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_files")),
    )
    op.create_index(op.f("ix_received_files_received_at"), "received_files", ["received_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_received_files_received_at"), table_name="received_files")
    op.drop_table("received_files")
    op.drop_table("enrolled_offices")
