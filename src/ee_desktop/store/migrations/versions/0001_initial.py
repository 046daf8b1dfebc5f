"""Initial schema: key metadata, settings, personal files and their people.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _person_child(name: str, *columns: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("people.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        *columns,
    )


def upgrade() -> None:
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.String, nullable=False),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.String, nullable=False),
    )
    op.create_table(
        "personal_files",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label", sa.LargeBinary, nullable=False),
        sa.Column("is_active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("settlement_funds_cad", sa.LargeBinary, nullable=True),
        sa.Column("first_official_language", sa.String, nullable=False),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "file_id",
            sa.Integer,
            sa.ForeignKey("personal_files.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("role", sa.String, nullable=False),
        sa.Column("role_order", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("given_names", sa.LargeBinary, nullable=True),
        sa.Column("family_name", sa.LargeBinary, nullable=True),
        sa.Column("date_of_birth", sa.LargeBinary, nullable=False),
        sa.Column("marital_status", sa.String, nullable=True),
        sa.Column("country_of_residence", sa.LargeBinary, nullable=True),
        sa.Column("accompanying", sa.Boolean, nullable=True),
        sa.Column("canadian_citizen_or_pr", sa.Boolean, nullable=True),
        sa.Column("sibling_in_canada", sa.Boolean, nullable=True),
        sa.Column("passport", sa.LargeBinary, nullable=True),
        sa.Column("certificate_of_qualification", sa.LargeBinary, nullable=True),
        sa.Column("provincial_nomination", sa.LargeBinary, nullable=True),
        sa.Column("job_offer", sa.LargeBinary, nullable=True),
    )
    _person_child(
        "language_tests",
        sa.Column("test", sa.String, nullable=False),
        sa.Column("taken_on", sa.Date, nullable=False),
        sa.Column("registration_number", sa.LargeBinary, nullable=False),
        sa.Column("listening", sa.Float, nullable=False),
        sa.Column("reading", sa.Float, nullable=False),
        sa.Column("writing", sa.Float, nullable=False),
        sa.Column("speaking", sa.Float, nullable=False),
    )
    _person_child(
        "education",
        sa.Column("level", sa.String, nullable=False),
        sa.Column("program_length_years", sa.Integer, nullable=False),
        sa.Column("full_time", sa.Boolean, nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("institution", sa.LargeBinary, nullable=False),
        sa.Column("field", sa.LargeBinary, nullable=False),
        sa.Column("completed_on", sa.Date, nullable=False),
        sa.Column("eca_organization", sa.String, nullable=True),
        sa.Column("eca_reference", sa.LargeBinary, nullable=True),
        sa.Column("eca_issued_on", sa.Date, nullable=True),
        sa.Column("eca_level", sa.String, nullable=True),
    )
    _person_child(
        "jobs",
        sa.Column("title", sa.LargeBinary, nullable=False),
        sa.Column("employer", sa.LargeBinary, nullable=False),
        sa.Column("noc_code", sa.String(5), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("end", sa.Date, nullable=True),
        sa.Column("hours_per_week", sa.Float, nullable=False),
        sa.Column("self_employed", sa.Boolean, nullable=False),
        sa.Column("paid", sa.Boolean, nullable=False),
        sa.Column("while_full_time_student", sa.Boolean, nullable=False),
    )
    _person_child(
        "residences",
        sa.Column("country", sa.LargeBinary, nullable=False),
        sa.Column("from_date", sa.LargeBinary, nullable=False),
        sa.Column("to_date", sa.LargeBinary, nullable=True),
    )


def downgrade() -> None:
    for table in (
        "residences",
        "jobs",
        "education",
        "language_tests",
        "people",
        "personal_files",
        "settings",
        "store_meta",
    ):
        op.drop_table(table)
