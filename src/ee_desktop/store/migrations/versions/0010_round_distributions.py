"""The user's rounds keep the pool distribution IRCC publishes with each round: its date and
the eighteen counts of IRCC's bands (a JSON list, public data, not encrypted).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rounds") as batch:
        batch.add_column(sa.Column("distribution_on", sa.Date, nullable=True))
        batch.add_column(sa.Column("distribution", sa.String, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rounds") as batch:
        batch.drop_column("distribution")
        batch.drop_column("distribution_on")
