"""An attachment can be marked as a document not in English or French, and as a
translation: two plain flags (not personal data), false for every file attached before.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        batch.add_column(
            sa.Column("other_language", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column("translation", sa.Boolean, nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        batch.drop_column("translation")
        batch.drop_column("other_language")
