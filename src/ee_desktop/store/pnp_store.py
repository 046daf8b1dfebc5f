"""The provincial streams part of a personal file: answers to the streams' questions and the
steps tracked per stream. A step that changes the nomination saves the file with it."""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ee_desktop.pnp.model import EVENTS, TrackedEvent
from ee_desktop.profile.codec import nomination_from_json, nomination_to_json
from ee_desktop.profile.model import Profile
from ee_desktop.store.base import StoreBase
from ee_desktop.store.models import PersonalFile, PnpAnswersRow, PnpEventRow

log = logging.getLogger(__name__)


def _record(e: TrackedEvent) -> dict[str, Any]:
    return {
        "stream": e.stream_id,
        "kind": e.kind,
        "on": e.on.isoformat(),
        "note": e.note,
        "province": e.province,
        "name": e.stream_name,
        "replaced": nomination_to_json(e.replaced),
    }


def _event(row_id: int, d: dict[str, Any]) -> TrackedEvent | None:
    """The stored step, or None when it cannot be read (damaged, or from a newer version)."""
    try:
        replaced = nomination_from_json(d.get("replaced"))
        event = TrackedEvent(
            row_id, str(d["stream"]), str(d["kind"]), date.fromisoformat(d["on"]),
            str(d.get("note", "")), str(d.get("province", "")), str(d.get("name", "")), replaced,
        )  # fmt: skip
    except (KeyError, TypeError, ValueError):
        return None
    return event if event.kind in EVENTS else None


class PnpStore(StoreBase):
    def pnp_answers(self, file_id: int) -> dict[str, str]:
        with Session(self._engine) as s:
            row = s.get(PnpAnswersRow, file_id)
            if row is None:
                return {}
            answers: dict[str, str] = self._sealer.optional_json(row, "content", {})
            return answers

    def set_pnp_answer(self, file_id: int, question_id: str, answer: str | None) -> None:
        """Record (or with None, forget) one answer."""
        k = self._sealer
        with Session(self._engine) as s, s.begin():
            row = s.get(PnpAnswersRow, file_id)
            answers = {} if row is None else k.unseal_json(row, "content")
            if answer is None:
                answers.pop(question_id, None)
            else:
                answers[question_id] = answer
            if row is None:
                row = PnpAnswersRow(file_id=file_id)
                s.add(row)
            k.seal(row, "content", json.dumps(answers, sort_keys=True).encode())

    def pnp_events(self, file_id: int) -> list[TrackedEvent]:
        k = self._sealer
        with Session(self._engine) as s:
            rows = s.scalars(
                select(PnpEventRow).where(PnpEventRow.file_id == file_id).order_by(PnpEventRow.id)
            ).all()
            out = []
            for row in rows:
                content = k.optional_json(row, "content", None)
                event = None if content is None else _event(row.id, content)
                if event is None:
                    log.warning("provincial step %s is unreadable and is left out", row.id)
                else:
                    out.append(event)
        return sorted(out, key=lambda e: (e.on, e.id))

    def add_pnp_event(
        self, file_id: int, event: TrackedEvent, profile: Profile | None = None
    ) -> int:
        """Record a step (its id is given by the store); with ``profile``, the file's new
        content is saved in the same transaction (a nomination changes the score)."""
        record = _record(event)
        with Session(self._engine) as s, s.begin():
            row = PnpEventRow(file_id=file_id)
            self._sealer.seal_json(row, "content", record)
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
