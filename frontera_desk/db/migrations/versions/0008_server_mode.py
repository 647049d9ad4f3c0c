"""Server mode: a version on edited records, the key store; on PostgreSQL the search index and
64-bit money columns.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 14:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

VERSIONED = ("persons", "supports", "organizations", "agreements", "activities")
MONEY = (
    ("support_types", "ceiling_centavos"), ("supports", "amount_centavos"),
    ("receipts", "amount_centavos"), ("agreements", "committed_centavos"),
    ("disbursements", "amount_centavos"), ("budget_lines", "amount_centavos"),
    ("targets", "value"),
)  # fmt: skip


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    op.create_table(
        "key_store",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_store")),
    )
    if op.get_bind().dialect.name == "postgresql":
        for table, column in MONEY:  # past 2**31 centavos (SQLite's INTEGER has 64 bits)
            op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer())
        # The same folded words as SQLite's FTS5 table; a trigram index answers LIKE '% word%'.
        # pg_trgm is a trusted extension: the database's owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE TABLE person_fts (rowid INTEGER PRIMARY KEY, names TEXT NOT NULL, "
            "documents TEXT NOT NULL, "
            "body TEXT GENERATED ALWAYS AS (' ' || names || ' ' || documents) STORED)"
        )
        op.execute("CREATE INDEX person_fts_body_trgm ON person_fts USING gin (body gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS person_fts")
        for table, column in MONEY:
            op.alter_column(table, column, type_=sa.Integer(), existing_type=sa.BigInteger())
    op.drop_table("key_store")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
