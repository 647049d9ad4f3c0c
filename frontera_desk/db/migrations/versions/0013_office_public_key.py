"""The office key's public half in the office row, for services that read it with a session.

The private half is sealed in the key file for supervisors and administrators only (see
db/keyfile.py); the public half is what headquarters knows the office by. Offices set up
before this revision get their key pair at the next supervisor or administrator sign-in.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 22:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("office") as batch:
        batch.add_column(sa.Column("public_key", sa.LargeBinary(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("office") as batch:
        batch.drop_column("public_key")
