"""The provincial streams part of a personal file: answers to the streams' questions and the
steps tracked per stream. A step that changes the nomination saves the file with it."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ee_desktop.pnp.model import TrackedEvent
from ee_desktop.profile.model import Profile
from ee_desktop.store.base import StoreBase
from ee_desktop.store.models import PersonalFile, PnpAnswersRow, PnpEventRow


class PnpStore(StoreBase):
    def pnp_answers(self, file_id: int) -> dict[str, str]:
        with Session(self._engine) as s:
            row = s.get(PnpAnswersRow, file_id)
            if row is None:
                return {}
            answers: dict[str, str] = json.loads(self._mapper.c.decrypt(row.content))
            return answers

    def set_pnp_answer(self, file_id: int, question_id: str, answer: str | None) -> None:
        """Record (or with None, forget) one answer."""
        c = self._mapper.c
        with Session(self._engine) as s, s.begin():
            row = s.get(PnpAnswersRow, file_id)
            answers = {} if row is None else json.loads(c.decrypt(row.content))
            if answer is None:
                answers.pop(question_id, None)
            else:
                answers[question_id] = answer
            content = c.encrypt(json.dumps(answers, sort_keys=True).encode())
            if row is None:
                s.add(PnpAnswersRow(file_id=file_id, content=content))
            else:
                row.content = content

    def pnp_events(self, file_id: int) -> list[TrackedEvent]:
        c = self._mapper.c
        with Session(self._engine) as s:
            rows = s.scalars(
                select(PnpEventRow).where(PnpEventRow.file_id == file_id).order_by(PnpEventRow.id)
            ).all()
            out = []
            for row in rows:
                d = json.loads(c.decrypt(row.content))
                out.append(
                    TrackedEvent(
                        row.id, d["stream"], d["kind"], date.fromisoformat(d["on"]), d["note"]
                    )
                )
        return sorted(out, key=lambda e: (e.on, e.id))

    def add_pnp_event(
        self,
        file_id: int,
        stream_id: str,
        kind: str,
        on: date,
        note: str = "",
        profile: Profile | None = None,
    ) -> int:
        """Record a step; with ``profile``, the file's new content is saved in the same
        transaction (a nomination changes the score)."""
        record = {"stream": stream_id, "kind": kind, "on": on.isoformat(), "note": note}
        with Session(self._engine) as s, s.begin():
            row = PnpEventRow(
                file_id=file_id, content=self._mapper.c.encrypt(json.dumps(record).encode())
            )
            s.add(row)
            if profile is not None:
                self._write_file(s, file_id, profile)
            s.flush()
            return row.id

    def delete_pnp_event(self, file_id: int, event_id: int, profile: Profile | None = None) -> None:
        with Session(self._engine) as s, s.begin():
            row = s.get(PnpEventRow, event_id)
            if row is None or row.file_id != file_id:
                raise KeyError(event_id)
            s.delete(row)
            if profile is not None:
                self._write_file(s, file_id, profile)

    def _write_file(self, s: Session, file_id: int, profile: Profile) -> None:
        file_row = s.get(PersonalFile, file_id)
        if file_row is None:
            raise KeyError(file_id)
        self._write_content(file_row, profile)
        s.flush()
        if self.before_commit is not None:
            self.before_commit()
