"""Receipts an auditor accepts and certificates with their own folio: users' job titles, each
support type's program and budget line, and the certificates issued with their counter.

An office set up before this revision printed "Tapachula, Chiapas" as the place of every
receipt (a default, never asked); the place is now asked at set-up and has no default, so an
existing office keeps the one it was printing until its administrator changes it.

Revision ID: 0021
Revises: 0017
Create Date: 2026-12-08 01:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("job_title", sa.String(length=120), nullable=True))
    with op.batch_alter_table("support_types") as batch:
        batch.add_column(sa.Column("program_name", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("budget_line", sa.String(length=60), nullable=True))
    op.create_table(
        "certificate_counters",
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("office_code", "year", name=op.f("pk_certificate_counters")),
    )
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=310), nullable=False),
        sa.Column("folio", sa.String(length=30), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("signer_title", sa.String(length=200), nullable=False),
        sa.Column("print_count", sa.Integer(), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.Column("voided_by_id", sa.Integer(), nullable=True),
        sa.Column("void_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activities.id"], name=op.f("fk_certificates_activity_id_activities")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_certificates_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_certificates_person_id_persons")
        ),
        sa.ForeignKeyConstraint(
            ["voided_by_id"], ["users.id"], name=op.f("fk_certificates_voided_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
        sa.UniqueConstraint("folio", name=op.f("uq_certificates_folio")),
        sa.UniqueConstraint("uuid", name=op.f("uq_certificates_uuid")),
        sa.UniqueConstraint("office_code", "year", "number", name="certificate_office_year_number"),
    )
    op.create_index(op.f("ix_certificates_activity_id"), "certificates", ["activity_id"])
    op.create_index(op.f("ix_certificates_person_id"), "certificates", ["person_id"])
    # An existing office keeps the place its receipts were printing (the old default)
    connection = op.get_bind()
    has_office = connection.execute(sa.text("SELECT count(*) FROM office")).scalar()
    has_place = connection.execute(
        sa.text("SELECT count(*) FROM office_settings WHERE key = 'receipt_place'")
    ).scalar()
    if has_office and not has_place:
        connection.execute(
            sa.text("INSERT INTO office_settings (key, value) VALUES ('receipt_place', :v)"),
            {"v": "Tapachula, Chiapas"},
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_certificates_person_id"), table_name="certificates")
    op.drop_index(op.f("ix_certificates_activity_id"), table_name="certificates")
    op.drop_table("certificates")
    op.drop_table("certificate_counters")
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy of users would drop a table others refer to
    op.drop_column("support_types", "budget_line")
    op.drop_column("support_types", "program_name")
    op.drop_column("users", "job_title")
