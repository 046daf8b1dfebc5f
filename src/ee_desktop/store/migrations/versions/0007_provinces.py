"""Provincial streams: the user's answers and what they tracked per stream.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _file_id(primary_key: bool) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "file_id",
        sa.Integer,
        sa.ForeignKey("personal_files.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
        index=not primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "pnp_answers",
        _file_id(primary_key=True),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "pnp_events",
        sa.Column("id", sa.Integer, primary_key=True),
        _file_id(primary_key=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("pnp_events")
    op.drop_table("pnp_answers")
