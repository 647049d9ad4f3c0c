"""Agreements with disbursements and files; activities with attendance; topic catalog.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 10:28:24.355362
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    topics = op.create_table(
        "activity_topics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_topics")),
        sa.UniqueConstraint("name", name=op.f("uq_activity_topics_name")),
    )
    op.create_table(
        "agreements",
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("committed_centavos", sa.Integer(), nullable=False),
        sa.Column("funding_source", sa.String(length=200), nullable=True),
        sa.Column("municipality", sa.String(length=100), nullable=True),
        sa.Column("signatories", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.CheckConstraint(
            "committed_centavos >= 0", name=op.f("ck_agreements_committed_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_agreements_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
        sa.UniqueConstraint("uuid", name=op.f("uq_agreements_uuid")),
    )
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreements_status"), ["status"], unique=False)

    op.create_table(
        "organizations",
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("acronym", sa.String(length=30), nullable=True),
        sa.Column("municipality", sa.String(length=100), nullable=True),
        sa.Column("contact", sa.String(length=300), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_organizations_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
        sa.UniqueConstraint("name", name=op.f("uq_organizations_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_organizations_uuid")),
    )
    op.create_table(
        "activities",
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=True),
        sa.Column("venue", sa.String(length=200), nullable=True),
        sa.Column("facilitator", sa.String(length=200), nullable=True),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("audiences", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_activities_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["organizations.id"],
            name=op.f("fk_activities_partner_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["activity_topics.id"],
            name=op.f("fk_activities_topic_id_activity_topics"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
        sa.UniqueConstraint("uuid", name=op.f("uq_activities_uuid")),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activities_held_on"), ["held_on"], unique=False)

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
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_files_agreement_id_agreements"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_agreement_files_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_files")),
        sa.UniqueConstraint("stored_name", name=op.f("uq_agreement_files_stored_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_agreement_files_uuid")),
    )
    with op.batch_alter_table("agreement_files", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_files_agreement_id"), ["agreement_id"], unique=False
        )

    op.create_table(
        "agreement_parties",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_parties_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_agreement_parties_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint(
            "agreement_id", "organization_id", name=op.f("pk_agreement_parties")
        ),
    )
    op.create_table(
        "disbursements",
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount_centavos", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("paid_for", sa.String(length=300), nullable=False),
        sa.Column("override_reason", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("office_code", sa.String(length=10), nullable=False),
        sa.CheckConstraint(
            "amount_centavos > 0", name=op.f("ck_disbursements_disbursement_positive")
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_disbursements_agreement_id_agreements"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_disbursements_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disbursements")),
        sa.UniqueConstraint("uuid", name=op.f("uq_disbursements_uuid")),
    )
    with op.batch_alter_table("disbursements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_disbursements_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_disbursements_paid_on"), ["paid_on"], unique=False)

    op.create_table(
        "attendance_counts",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("age_band", sa.String(length=5), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.CheckConstraint("count >= 0", name=op.f("ck_attendance_counts_count_not_negative")),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_attendance_counts_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "activity_id", "sex", "age_band", name=op.f("pk_attendance_counts")
        ),
    )
    op.create_table(
        "attendees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=310), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("age_band", sa.String(length=5), nullable=False),
        sa.Column("organization", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_attendees_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_attendees_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendees")),
        sa.UniqueConstraint("activity_id", "person_id", name="one_entry_per_person"),
    )
    with op.batch_alter_table("attendees", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendees_activity_id"), ["activity_id"], unique=False)
    op.create_table(
        "agreement_people",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreements.id"],
                                name=op.f("fk_agreement_people_agreement_id_agreements"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"],
                                name=op.f("fk_agreement_people_person_id_persons")),
        sa.PrimaryKeyConstraint("agreement_id", "person_id", name=op.f("pk_agreement_people")),
    )  # fmt: skip
    op.bulk_insert(topics, [{"name": name, "is_active": True} for name in TOPICS])


TOPICS = (
    "Ley General en Materia de Trata de Personas",
    "Protección internacional y derecho a solicitar asilo",
    "Derechos humanos de las personas migrantes",
    "Servicios para trabajadores temporales transfronterizos",
    "Ley de Migración",
    "Derechos humanos",
    "Atención a migrantes chiapanecos (enlaces municipales)",
    "Sensibilización en materia migratoria",
    "Otro tema",
)


def downgrade() -> None:
    op.drop_table("agreement_people")
    with op.batch_alter_table("attendees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendees_activity_id"))

    op.drop_table("attendees")
    op.drop_table("attendance_counts")
    with op.batch_alter_table("disbursements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disbursements_paid_on"))
        batch_op.drop_index(batch_op.f("ix_disbursements_agreement_id"))

    op.drop_table("disbursements")
    op.drop_table("agreement_parties")
    with op.batch_alter_table("agreement_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_files_agreement_id"))

    op.drop_table("agreement_files")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activities_held_on"))

    op.drop_table("activities")
    op.drop_table("organizations")
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreements_status"))

    op.drop_table("agreements")
    op.drop_table("activity_topics")
