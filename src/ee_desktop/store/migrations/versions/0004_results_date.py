"""Language tests: the date on the results, from which their two years of validity run.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("language_tests") as batch:
        batch.add_column(sa.Column("results_on", sa.Date, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("language_tests") as batch:
        batch.drop_column("results_on")
