"""Rounds of invitations the user imported or edited (beside the shipped ones).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rounds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("number", sa.Integer, nullable=True),
        sa.Column("on", sa.Date, nullable=False),
        sa.Column("round_type", sa.String, nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("invited", sa.Integer, nullable=False),
        sa.Column("lowest_score", sa.Integer, nullable=False),
        sa.Column("tie_break", sa.DateTime, nullable=True),
        sa.Column("source", sa.String, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("rounds")
