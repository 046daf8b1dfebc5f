"""The permanent-residence sections: each person's histories and family (one encrypted JSON
object) and the address of each place lived (encrypted).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("background", sa.LargeBinary, nullable=True))
    with op.batch_alter_table("residences") as batch:
        batch.add_column(sa.Column("address", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("residences") as batch:
        batch.drop_column("address")
    with op.batch_alter_table("people") as batch:
        batch.drop_column("background")
