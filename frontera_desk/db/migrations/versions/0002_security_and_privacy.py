"""Security and privacy: audit hash chain, consents, office settings, anonymization date.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 09:19:04
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from frontera_desk.db.audit_chain import GENESIS, changes_hash, entry_hash

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_office_settings")),
    )
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("notice_sha256", sa.String(length=64), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"],
            name=op.f("fk_consents_person_id_persons"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_consents_recorded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )  # fmt: skip
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_person_id"), ["person_id"], unique=False)

    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("anonymized_at", sa.DateTime(), nullable=True))

    # Chain the entries written before the chain existed, oldest first, then require it.
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("changes_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("redacted", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    prev = GENESIS
    rows = bind.execute(
        sa.text(
            "SELECT id, at, user_id, office_code, action, entity, entity_uuid, changes "
            "FROM audit_log ORDER BY id"
        )
    ).all()
    for row in rows:
        # SQLite hands back the stored text; other dialects a datetime.
        at = datetime.fromisoformat(row.at) if isinstance(row.at, str) else row.at
        content = changes_hash(row.changes)
        digest = entry_hash(
            prev, at.replace(tzinfo=UTC), row.user_id, row.office_code, row.action, row.entity,
            row.entity_uuid, content,
        )  # fmt: skip
        bind.execute(
            sa.text(
                "UPDATE audit_log SET changes_sha256 = :c, prev_hash = :p, hash = :h WHERE id = :id"
            ),
            {"c": content, "p": prev, "h": digest, "id": row.id},
        )
        prev = digest
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column("changes_sha256", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("redacted")
        batch_op.drop_column("changes_sha256")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_column("anonymized_at")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_person_id"))
    op.drop_table("consents")
    op.drop_table("office_settings")
