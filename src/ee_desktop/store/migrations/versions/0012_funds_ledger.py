"""A personal file keeps its settlement-funds ledger (accounts, balances, deposits, rates):
one encrypted JSON value, bound to its row like every other.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("personal_files") as batch:
        batch.add_column(sa.Column("funds", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("personal_files") as batch:
        batch.drop_column("funds")
