"""The catalog of liaison and outreach actions (acciones de vinculación y difusión) and their
counterparts from the organizations catalog.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-08 00:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outreach_actions",
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.Column("municipality", sa.String(length=100), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.CheckConstraint(
            "quantity IS NULL OR quantity > 0", name=op.f("ck_outreach_actions_quantity_positive")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_outreach_actions_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_actions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_outreach_actions_uuid")),
    )
    op.create_index(op.f("ix_outreach_actions_done_on"), "outreach_actions", ["done_on"])
    op.create_table(
        "outreach_action_parties",
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"], ["outreach_actions.id"], ondelete="CASCADE",
            name=op.f("fk_outreach_action_parties_action_id_outreach_actions"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organizations.id"],
            name=op.f("fk_outreach_action_parties_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint(
            "action_id", "organization_id", name=op.f("pk_outreach_action_parties")
        ),
    )  # fmt: skip
    op.create_index(
        op.f("ix_outreach_action_parties_organization_id"),
        "outreach_action_parties",
        ["organization_id"],
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_outreach_action_parties_organization_id"), table_name="outreach_action_parties"
    )
    op.drop_table("outreach_action_parties")
    op.drop_index(op.f("ix_outreach_actions_done_on"), table_name="outreach_actions")
    op.drop_table("outreach_actions")
