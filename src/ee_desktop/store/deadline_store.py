"""Milestones the user records and their own deadlines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ee_desktop.profile.milestones import REPEATED_MILESTONES, Milestone, by_name
from ee_desktop.store.base import StoreBase
from ee_desktop.store.models import CustomDeadlineRow, MilestoneRow
from ee_desktop.store.records import CustomDeadlineRecord


class DeadlineStore(StoreBase):
    # -- milestones and the user's own deadlines -----------------------------------------
    def milestone_records(self, file_id: int) -> list[Milestone]:
        """The file's milestones, oldest first, with their letters' details."""
        k = self._sealer
        with Session(self._engine) as s:
            rows = s.scalars(
                select(MilestoneRow)
                .where(MilestoneRow.file_id == file_id)
                .order_by(MilestoneRow.on, MilestoneRow.id)
            ).all()
            return [
                Milestone(r.name, r.on, r.due, r.done_on, k.optional_text(r, "note") or "", r.id)
                for r in rows
            ]

    def milestones(self, file_id: int) -> dict[str, tuple[date, ...]]:
        return by_name(self.milestone_records(file_id))

    def record_milestone(self, file_id: int, milestone: Milestone) -> None:
        """Record a milestone. One that happens once replaces its earlier record; a repeated
        one replaces the record ``milestone.id`` when it has one, else is added."""
        with Session(self._engine) as s, s.begin():
            query = delete(MilestoneRow).where(
                MilestoneRow.file_id == file_id, MilestoneRow.name == milestone.name
            )
            if milestone.name in REPEATED_MILESTONES:
                query = query.where(MilestoneRow.id == milestone.id)
            if milestone.name not in REPEATED_MILESTONES or milestone.id is not None:
                s.execute(query)
            s.add(self._milestone_row(file_id, milestone))

    def set_milestone(self, file_id: int, name: str, on: date | None) -> None:
        """Record the one date of a milestone (None clears it)."""
        if on is None:
            with Session(self._engine) as s, s.begin():
                s.execute(
                    delete(MilestoneRow).where(
                        MilestoneRow.file_id == file_id, MilestoneRow.name == name
                    )
                )
        else:
            self.record_milestone(file_id, Milestone(name, on))

    def remove_milestone(self, file_id: int, milestone: Milestone) -> None:
        """Remove the record ``milestone.id``, or without one every record of its name and day."""
        with Session(self._engine) as s, s.begin():
            query = delete(MilestoneRow).where(MilestoneRow.file_id == file_id)
            if milestone.id is not None:
                query = query.where(MilestoneRow.id == milestone.id)
            else:
                query = query.where(
                    MilestoneRow.name == milestone.name, MilestoneRow.on == milestone.on
                )
            s.execute(query)

    def _milestone_row(self, file_id: int, m: Milestone) -> MilestoneRow:
        row = MilestoneRow(file_id=file_id, name=m.name, on=m.on, due=m.due, done_on=m.done_on)
        self._sealer.seal_text(row, "note", m.note or None)
        return row

    def _replace_milestones(
        self, s: Session, file_id: int, milestones: Sequence[Milestone]
    ) -> None:
        """Inside the caller's transaction: the file's milestones become ``milestones``."""
        s.execute(delete(MilestoneRow).where(MilestoneRow.file_id == file_id))
        s.add_all(self._milestone_row(file_id, m) for m in milestones)

    def custom_deadlines(self, file_id: int) -> list[CustomDeadlineRecord]:
        k = self._sealer
        with Session(self._engine) as s:
            rows = s.scalars(
                select(CustomDeadlineRow)
                .where(CustomDeadlineRow.file_id == file_id)
                .order_by(CustomDeadlineRow.due, CustomDeadlineRow.id)
            ).all()
            return [
                CustomDeadlineRecord(
                    r.id,
                    k.optional_text(r, "title") or "?",
                    r.due,
                    k.optional_text(r, "notes") or "",
                    r.done,
                )
                for r in rows
            ]

    def add_custom_deadline(self, file_id: int, title: str, due: date, notes: str = "") -> int:
        with Session(self._engine) as s, s.begin():
            row = CustomDeadlineRow(file_id=file_id, due=due, done=False)
            self._sealer.seal_text(row, "title", title)
            self._sealer.seal_text(row, "notes", notes or None)
            s.add(row)
            s.flush()
            return row.id

    def update_custom_deadline(self, deadline_id: int, **changes: Any) -> None:
        k = self._sealer
        with Session(self._engine) as s, s.begin():
            row = s.get(CustomDeadlineRow, deadline_id)
            if row is None:
                raise KeyError(deadline_id)
            for name, value in changes.items():
                if name == "title":
                    k.seal_text(row, "title", str(value))
                elif name == "notes":
                    k.seal_text(row, "notes", value or None)
                elif name in ("due", "done"):
                    setattr(row, name, value)
                else:
                    raise TypeError(name)

    def delete_custom_deadline(self, deadline_id: int) -> None:
        with Session(self._engine) as s, s.begin():
            row = s.get(CustomDeadlineRow, deadline_id)
            if row is None:
                raise KeyError(deadline_id)
            s.delete(row)
