"""Tables. Columns typed ``bytes`` hold AES-GCM ciphertext (see mapping.py):
every free-text field, dates of birth, places lived (with their dates and addresses),
passports, funds and the permanent-residence histories.
Enumerations, scores and other dates stay in the clear so they can be queried.

Each table with encrypted columns has ``row_key``: a random value given to the row when it is
made, before anything is encrypted, to which each of its values is bound (crypto.py).
"""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


def new_row_key() -> str:
    return secrets.token_hex(16)


class Sealed:
    """A row with encrypted columns: its values are bound to ``row_key`` (set on creation)."""

    row_key: Mapped[str] = mapped_column(String(32), server_default="")

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("row_key", new_row_key())
        super().__init__(**kwargs)


class StoreMeta(Base):
    """Key-management facts: key mode, KDF settings, wrapped key, check value."""

    __tablename__ = "store_meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(String)


class Setting(Base):
    """The user's settings (JSON values): window geometry, preferences."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(String)


class PersonalFile(Sealed, Base):
    """One person's Express Entry file; a database may hold several, one active."""

    __tablename__ = "personal_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[bytes] = mapped_column(LargeBinary)
    is_active: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    settlement_funds_cad: Mapped[bytes | None] = mapped_column(LargeBinary)
    first_official_language: Mapped[str] = mapped_column(String, default="auto")
    funds: Mapped[bytes | None] = mapped_column(LargeBinary)  # the ledger, encrypted JSON
    people: Mapped[list[PersonRow]] = relationship(
        back_populates="personal_file",
        cascade="all, delete-orphan",
        order_by="(PersonRow.role_order, PersonRow.position)",
    )


class PersonRow(Sealed, Base):
    """The applicant, the spouse or partner, or a child."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_id: Mapped[int] = mapped_column(
        ForeignKey("personal_files.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String)  # applicant | spouse | child
    role_order: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    given_names: Mapped[bytes | None] = mapped_column(LargeBinary)
    family_name: Mapped[bytes | None] = mapped_column(LargeBinary)
    date_of_birth: Mapped[bytes] = mapped_column(LargeBinary)
    marital_status: Mapped[str | None] = mapped_column(String)
    country_of_residence: Mapped[bytes | None] = mapped_column(LargeBinary)
    accompanying: Mapped[bool | None] = mapped_column(Boolean)
    canadian_citizen_or_pr: Mapped[bool | None] = mapped_column(Boolean)
    sibling_in_canada: Mapped[bool | None] = mapped_column(Boolean)
    # Small optional records, each one encrypted JSON object.
    passport: Mapped[bytes | None] = mapped_column(LargeBinary)
    certificate_of_qualification: Mapped[bytes | None] = mapped_column(LargeBinary)
    provincial_nomination: Mapped[bytes | None] = mapped_column(LargeBinary)
    job_offer: Mapped[bytes | None] = mapped_column(LargeBinary)
    # The permanent-residence sections (histories, family): one encrypted JSON object.
    background: Mapped[bytes | None] = mapped_column(LargeBinary)
    status_in_canada: Mapped[bytes | None] = mapped_column(LargeBinary)  # encrypted JSON

    personal_file: Mapped[PersonalFile] = relationship(back_populates="people")
    language_tests: Mapped[list[LanguageTestRow]] = relationship(
        cascade="all, delete-orphan", order_by="LanguageTestRow.position"
    )
    education: Mapped[list[EducationRow]] = relationship(
        cascade="all, delete-orphan", order_by="EducationRow.position"
    )
    jobs: Mapped[list[JobRow]] = relationship(
        cascade="all, delete-orphan", order_by="JobRow.position"
    )
    residences: Mapped[list[ResidenceRow]] = relationship(
        cascade="all, delete-orphan", order_by="ResidenceRow.position"
    )


class _PersonChild:
    """Columns shared by the per-person lists."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)


class LanguageTestRow(Sealed, _PersonChild, Base):
    __tablename__ = "language_tests"
    test: Mapped[str] = mapped_column(String)
    taken_on: Mapped[date] = mapped_column(Date)
    registration_number: Mapped[bytes] = mapped_column(LargeBinary)
    listening: Mapped[float] = mapped_column(Float)
    reading: Mapped[float] = mapped_column(Float)
    writing: Mapped[float] = mapped_column(Float)
    speaking: Mapped[float] = mapped_column(Float)
    results_on: Mapped[date | None] = mapped_column(Date)


class EducationRow(Sealed, _PersonChild, Base):
    __tablename__ = "education"
    level: Mapped[str] = mapped_column(String)
    program_length_years: Mapped[int] = mapped_column(Integer)
    full_time: Mapped[bool] = mapped_column(Boolean)
    country: Mapped[str] = mapped_column(String(2))
    institution: Mapped[bytes] = mapped_column(LargeBinary)
    field: Mapped[bytes] = mapped_column(LargeBinary)
    completed_on: Mapped[date] = mapped_column(Date)
    eca_organization: Mapped[str | None] = mapped_column(String)
    eca_reference: Mapped[bytes | None] = mapped_column(LargeBinary)
    eca_issued_on: Mapped[date | None] = mapped_column(Date)
    eca_level: Mapped[str | None] = mapped_column(String)


class JobRow(Sealed, _PersonChild, Base):
    __tablename__ = "jobs"
    title: Mapped[bytes] = mapped_column(LargeBinary)
    employer: Mapped[bytes] = mapped_column(LargeBinary)
    noc_code: Mapped[str] = mapped_column(String(5))
    country: Mapped[str] = mapped_column(String(2))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    hours_per_week: Mapped[float] = mapped_column(Float)
    self_employed: Mapped[bool] = mapped_column(Boolean)
    paid: Mapped[bool] = mapped_column(Boolean)
    while_full_time_student: Mapped[bool] = mapped_column(Boolean)


class ResidenceRow(Sealed, _PersonChild, Base):
    __tablename__ = "residences"
    country: Mapped[bytes] = mapped_column(LargeBinary)
    from_date: Mapped[bytes] = mapped_column(LargeBinary)
    to_date: Mapped[bytes | None] = mapped_column(LargeBinary)
    address: Mapped[bytes | None] = mapped_column(LargeBinary)  # encrypted JSON object


class DraftRow(Sealed, Base):
    """A personal file being edited in the wizard: the JSON document so far (encrypted),
    possibly incomplete, and the page the user was on. ``file_id`` is None for a new file."""

    __tablename__ = "drafts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_id: Mapped[int | None] = mapped_column(
        ForeignKey("personal_files.id", ondelete="CASCADE"), unique=True
    )
    page: Mapped[str] = mapped_column(String)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ChecklistItemRow(Sealed, Base):
    """The user's side of one checklist item: status, dates, notes, attachments.

    What the item is (title, reason, contents) is regenerated from the personal file;
    ``snapshot`` keeps its last description so an item no longer needed can still be shown.
    """

    __tablename__ = "checklist_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_id: Mapped[int] = mapped_column(
        ForeignKey("personal_files.id", ondelete="CASCADE"), index=True
    )
    item_key: Mapped[bytes] = mapped_column(LargeBinary)
    custom: Mapped[bool] = mapped_column(Boolean)
    snapshot: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String)
    requested_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    uploaded_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[bytes | None] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    attachments: Mapped[list[AttachmentRow]] = relationship(
        cascade="all, delete-orphan", order_by="AttachmentRow.id"
    )


class AttachmentRow(Sealed, Base):
    """A file attached to a checklist item; its content lives encrypted in the vault."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_items.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[bytes] = mapped_column(LargeBinary)
    vault_name: Mapped[str] = mapped_column(String, unique=True)
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    # Not in English or French / a translation of such a document: IRCC wants a certified
    # translation and the translator's affidavit with any document in another language.
    other_language: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    translation: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class MilestoneRow(Sealed, Base):
    """A date the user recorded: profile submitted, invitation, requests received, ...; with
    the deadline printed on a letter, the day it was answered and a note (encrypted)."""

    __tablename__ = "milestones"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_id: Mapped[int] = mapped_column(
        ForeignKey("personal_files.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String)
    on: Mapped[date] = mapped_column(Date)
    due: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[bytes | None] = mapped_column(LargeBinary)


class CustomDeadlineRow(Sealed, Base):
    """A deadline the user added themselves."""

    __tablename__ = "custom_deadlines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_id: Mapped[int] = mapped_column(
        ForeignKey("personal_files.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[bytes] = mapped_column(LargeBinary)
    due: Mapped[date] = mapped_column(Date)
    notes: Mapped[bytes | None] = mapped_column(LargeBinary)
    done: Mapped[bool] = mapped_column(Boolean)


class RoundRow(Base):
    """A round of invitations the user added or imported (public data, not encrypted)."""

    __tablename__ = "rounds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int | None] = mapped_column(Integer)
    on: Mapped[date] = mapped_column(Date)
    round_type: Mapped[str] = mapped_column(String)
    name: Mapped[str] = mapped_column(String)
    invited: Mapped[int] = mapped_column(Integer)
    lowest_score: Mapped[int] = mapped_column(Integer)
    tie_break: Mapped[datetime | None] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String)
    # The pool on a date as IRCC published it: the day and the counts of dd1…dd18 (JSON).
    distribution_on: Mapped[date | None] = mapped_column(Date)
    distribution: Mapped[str | None] = mapped_column(String)


class PnpAnswersRow(Sealed, Base):
    """The user's answers to the provincial streams' questions: one encrypted JSON object."""

    __tablename__ = "pnp_answers"
    file_id: Mapped[int] = mapped_column(
        ForeignKey("personal_files.id", ondelete="CASCADE"), primary_key=True
    )
    content: Mapped[bytes] = mapped_column(LargeBinary)


class PnpEventRow(Sealed, Base):
    """One step with a provincial stream (interest, application, nomination...), encrypted:
    which provinces someone applied to is theirs alone."""

    __tablename__ = "pnp_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_id: Mapped[int] = mapped_column(
        ForeignKey("personal_files.id", ondelete="CASCADE"), index=True
    )
    content: Mapped[bytes] = mapped_column(LargeBinary)
