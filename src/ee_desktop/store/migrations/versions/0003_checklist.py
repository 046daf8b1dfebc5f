"""Document checklist: the user's status, dates and notes per item, and attachments.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checklist_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "file_id",
            sa.Integer,
            sa.ForeignKey("personal_files.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("item_key", sa.LargeBinary, nullable=False),
        sa.Column("custom", sa.Boolean, nullable=False),
        sa.Column("snapshot", sa.LargeBinary, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("requested_on", sa.Date, nullable=True),
        sa.Column("received_on", sa.Date, nullable=True),
        sa.Column("uploaded_on", sa.Date, nullable=True),
        sa.Column("notes", sa.LargeBinary, nullable=True),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "item_id",
            sa.Integer,
            sa.ForeignKey("checklist_items.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("filename", sa.LargeBinary, nullable=False),
        sa.Column("vault_name", sa.String, nullable=False, unique=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("attachments")
    op.drop_table("checklist_items")
