"""Receipts: folios allocated per office and year, never deleted.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 10:00:54.123727
"""

from alembic import op  # noqa: I001
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "folio_counters",
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("office_code", "year", name=op.f("pk_folio_counters")),
    )
    op.create_table(
        "receipts",
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("support_id", sa.Integer(), nullable=False),
        sa.Column("folio", sa.String(length=30), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("amount_centavos", sa.Integer(), nullable=False),
        sa.Column("print_count", sa.Integer(), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.Column("voided_by_id", sa.Integer(), nullable=True),
        sa.Column("void_reason", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.CheckConstraint("amount_centavos > 0", name=op.f("ck_receipts_receipt_amount_positive")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_receipts_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["support_id"], ["supports.id"], name=op.f("fk_receipts_support_id_supports")
        ),
        sa.ForeignKeyConstraint(
            ["voided_by_id"], ["users.id"], name=op.f("fk_receipts_voided_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
        sa.UniqueConstraint("folio", name=op.f("uq_receipts_folio")),
        sa.UniqueConstraint("office_code", "year", "number", name="office_year_number"),
        sa.UniqueConstraint("uuid", name=op.f("uq_receipts_uuid")),
    )
    with op.batch_alter_table("receipts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_receipts_issued_on"), ["issued_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_receipts_support_id"), ["support_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("receipts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_receipts_support_id"))
        batch_op.drop_index(batch_op.f("ix_receipts_issued_on"))

    op.drop_table("receipts")
    op.drop_table("folio_counters")
