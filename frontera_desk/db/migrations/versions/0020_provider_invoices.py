"""Providers' invoices (CFDI): one per support, the folio fiscal unique in the office; the
support's provider RFC, filled in from its invoice.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-08 00:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("supports") as batch:
        batch.add_column(sa.Column("provider_rfc", sa.String(length=13), nullable=True))
    op.create_table(
        "provider_invoices",
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("support_id", sa.Integer(), nullable=False),
        sa.Column("folio_fiscal", sa.String(length=36), nullable=False),
        sa.Column("issuer_rfc", sa.String(length=13), nullable=False),
        sa.Column("issuer_name", sa.String(length=200), nullable=False),
        sa.Column("receiver_rfc", sa.String(length=13), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column(
            "total_centavos", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),  # fmt: skip
        sa.Column("concepts", sa.Text(), nullable=False),
        sa.Column("total_reason", sa.String(length=500), nullable=True),
        sa.Column("total_reason_by_id", sa.Integer(), nullable=True),
        sa.Column("xml_attachment_id", sa.Integer(), nullable=True),
        sa.Column("pdf_attachment_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_provider_invoices_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["support_id"], ["supports.id"], name=op.f("fk_provider_invoices_support_id_supports")
        ),
        sa.ForeignKeyConstraint(
            ["total_reason_by_id"],
            ["users.id"],
            name=op.f("fk_provider_invoices_total_reason_by_id_users"),
        ),  # fmt: skip
        sa.ForeignKeyConstraint(
            ["xml_attachment_id"],
            ["attachments.id"],
            name=op.f("fk_provider_invoices_xml_attachment_id_attachments"),
        ),  # fmt: skip
        sa.ForeignKeyConstraint(
            ["pdf_attachment_id"],
            ["attachments.id"],
            name=op.f("fk_provider_invoices_pdf_attachment_id_attachments"),
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider_invoices")),
        sa.UniqueConstraint("folio_fiscal", name=op.f("uq_provider_invoices_folio_fiscal")),
        sa.UniqueConstraint("support_id", name=op.f("uq_provider_invoices_support_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_provider_invoices_uuid")),
    )


def downgrade() -> None:
    op.drop_table("provider_invoices")
    with op.batch_alter_table("supports") as batch:
        batch.drop_column("provider_rfc")
