"""Attachments kept in the database, encrypted, in one table for every owner (support, person,
receipt, agreement); the agreements' files move into it. And the checklist of each support's
required documents (support_documents).

An agreement's file used to be copied into the data folder (``adjuntos/``) of the desk that
attached it. Encrypting needs the database key, which a migration does not hold (and on a
server, the files sit on other desks): each file's row moves here now with its name, size and
hash and ``legacy_name`` pointing at the loose file; the next sign-in on the desk that holds
it encrypts it into the database and deletes the loose copy (services/attachments.py,
``adopt_legacy_files``).

Revision ID: 0019
Revises: 0017
Create Date: 2026-12-08 00:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_MEDIA = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
          ".png": "image/png", ".xml": "application/xml"}  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "attachment_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_check", sa.String(length=32), nullable=False),
        sa.Column("wrapped", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment_keys")),
        sa.UniqueConstraint("key_check", name=op.f("uq_attachment_keys_key_check")),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("owner_type", sa.String(length=12), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=True),
        sa.Column("legacy_name", sa.String(length=80), nullable=True),
        sa.Column("erased", sa.Boolean(), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=True),
        sa.Column("erased_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_attachments_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["erased_by_id"], ["users.id"], name=op.f("fk_attachments_erased_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("uuid", name=op.f("uq_attachments_uuid")),
    )
    op.create_index("ix_attachments_owner", "attachments", ["owner_type", "owner_id"])
    op.create_table(
        "support_documents",
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("support_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("received", sa.Boolean(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("received_by_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_support_documents_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["received_by_id"], ["users.id"],
            name=op.f("fk_support_documents_received_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["support_id"], ["supports.id"], name=op.f("fk_support_documents_support_id_supports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_documents")),
        sa.UniqueConstraint("support_id", "code", name=op.f("uq_support_documents_support_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_support_documents_uuid")),
    )  # fmt: skip
    op.create_index(op.f("ix_support_documents_support_id"), "support_documents", ["support_id"])
    media = " ".join(
        f"WHEN lower(stored_name) LIKE '%{suffix}' THEN '{kind}'" for suffix, kind in _MEDIA.items()
    )
    op.execute(
        "INSERT INTO attachments (uuid, created_at, updated_at, office_code, created_by_id, "
        "owner_type, owner_id, kind, original_name, media_type, size, sha256, description, "
        "legacy_name, erased) "
        "SELECT uuid, created_at, updated_at, office_code, created_by_id, 'convenio', "
        f"agreement_id, 'otro', original_name, CASE {media} ELSE 'application/octet-stream' "
        "END, size, sha256, description, stored_name, false FROM agreement_files ORDER BY id"
    )
    with op.batch_alter_table("agreement_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_files_agreement_id"))
    op.drop_table("agreement_files")


def downgrade() -> None:
    """Agreement files still waiting in a data folder go back to ``agreement_files``; files
    already encrypted into the database have no loose copy to point at and are dropped with
    the table (restore the backup taken before the upgrade to get them back)."""
    op.create_table(
        "agreement_files",
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("stored_name", sa.String(length=80), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreements.id"],
            name=op.f("fk_agreement_files_agreement_id_agreements"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_agreement_files_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_files")),
        sa.UniqueConstraint("stored_name", name=op.f("uq_agreement_files_stored_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_agreement_files_uuid")),
    )  # fmt: skip
    with op.batch_alter_table("agreement_files", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_files_agreement_id"), ["agreement_id"], unique=False
        )
    op.execute(
        "INSERT INTO agreement_files (created_by_id, agreement_id, original_name, stored_name, "
        "sha256, size, description, uuid, created_at, updated_at, office_code) "
        "SELECT created_by_id, owner_id, original_name, legacy_name, sha256, size, description, "
        "uuid, created_at, updated_at, office_code FROM attachments "
        "WHERE owner_type = 'convenio' AND legacy_name IS NOT NULL"
    )
    op.drop_index(op.f("ix_support_documents_support_id"), table_name="support_documents")
    op.drop_table("support_documents")
    op.drop_index("ix_attachments_owner", table_name="attachments")
    op.drop_table("attachments")
    op.drop_table("attachment_keys")
