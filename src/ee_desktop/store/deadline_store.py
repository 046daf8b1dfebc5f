"""Milestones the user records and their own deadlines."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ee_desktop.store.base import StoreBase
from ee_desktop.store.models import CustomDeadlineRow, MilestoneRow
from ee_desktop.store.records import CustomDeadlineRecord


class DeadlineStore(StoreBase):
    # -- milestones and the user's own deadlines -----------------------------------------
    def milestones(self, file_id: int) -> dict[str, tuple[date, ...]]:
        with Session(self._engine) as s:
            rows = s.scalars(
                select(MilestoneRow)
                .where(MilestoneRow.file_id == file_id)
                .order_by(MilestoneRow.on, MilestoneRow.id)
            ).all()
        found: dict[str, tuple[date, ...]] = {}
        for row in rows:
            found[row.name] = (*found.get(row.name, ()), row.on)
        return found

    def set_milestone(self, file_id: int, name: str, on: date | None) -> None:
        """Record the one date of a milestone (None clears it)."""
        with Session(self._engine) as s, s.begin():
            s.execute(
                delete(MilestoneRow).where(
                    MilestoneRow.file_id == file_id, MilestoneRow.name == name
                )
            )
            if on is not None:
                s.add(MilestoneRow(file_id=file_id, name=name, on=on))

    def add_milestone(self, file_id: int, name: str, on: date) -> None:
        """Add one more date to a milestone that can happen several times."""
        with Session(self._engine) as s, s.begin():
            s.add(MilestoneRow(file_id=file_id, name=name, on=on))

    def remove_milestone(self, file_id: int, name: str, on: date) -> None:
        with Session(self._engine) as s, s.begin():
            s.execute(
                delete(MilestoneRow).where(
                    MilestoneRow.file_id == file_id,
                    MilestoneRow.name == name,
                    MilestoneRow.on == on,
                )
            )

    def custom_deadlines(self, file_id: int) -> list[CustomDeadlineRecord]:
        c = self._mapper.c
        with Session(self._engine) as s:
            rows = s.scalars(
                select(CustomDeadlineRow)
                .where(CustomDeadlineRow.file_id == file_id)
                .order_by(CustomDeadlineRow.due, CustomDeadlineRow.id)
            ).all()
            return [
                CustomDeadlineRecord(
                    r.id,
                    c.decrypt(r.title).decode(),
                    r.due,
                    c.decrypt_text(r.notes) or "",
                    r.done,
                )
                for r in rows
            ]

    def add_custom_deadline(self, file_id: int, title: str, due: date, notes: str = "") -> int:
        c = self._mapper.c
        with Session(self._engine) as s, s.begin():
            row = CustomDeadlineRow(
                file_id=file_id,
                title=c.encrypt(title.encode()),
                due=due,
                notes=c.encrypt_text(notes or None),
                done=False,
            )
            s.add(row)
            s.flush()
            return row.id

    def update_custom_deadline(self, deadline_id: int, **changes: Any) -> None:
        c = self._mapper.c
        with Session(self._engine) as s, s.begin():
            row = s.get(CustomDeadlineRow, deadline_id)
            if row is None:
                raise KeyError(deadline_id)
            for name, value in changes.items():
                if name == "title":
                    row.title = c.encrypt(str(value).encode())
                elif name == "notes":
                    row.notes = c.encrypt_text(value or None)
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
