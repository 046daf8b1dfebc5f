"""Milestones carry what their letter says: its own deadline (or the COPR's expiry), the day
the request was answered, and a note (encrypted).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("milestones") as batch:
        batch.add_column(sa.Column("due", sa.Date, nullable=True))
        batch.add_column(sa.Column("done_on", sa.Date, nullable=True))
        batch.add_column(sa.Column("note", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("milestones") as batch:
        batch.drop_column("note")
        batch.drop_column("done_on")
        batch.drop_column("due")
