"""Rounds of invitations the user imported or edited, kept beside the shipped ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ee_desktop.store.base import StoreBase
from ee_desktop.store.models import RoundRow


@dataclass(frozen=True, slots=True)
class RoundRecord:
    number: int | None
    on: date
    round_type: str
    name: str
    invited: int
    lowest_score: int
    tie_break: datetime | None
    source: str


class RoundsStore(StoreBase):
    def rounds(self) -> list[RoundRecord]:
        with Session(self._engine) as s:
            rows = s.scalars(select(RoundRow).order_by(RoundRow.on, RoundRow.id)).all()
            return [
                RoundRecord(
                    r.number,
                    r.on,
                    r.round_type,
                    r.name,
                    r.invited,
                    r.lowest_score,
                    r.tie_break,
                    r.source,
                )
                for r in rows
            ]

    def replace_rounds(self, rounds: list[RoundRecord]) -> None:
        """The user's rounds are replaced as a whole, in one transaction."""
        with Session(self._engine) as s, s.begin():
            s.execute(delete(RoundRow))
            for r in rounds:
                s.add(
                    RoundRow(
                        number=r.number,
                        on=r.on,
                        round_type=r.round_type,
                        name=r.name,
                        invited=r.invited,
                        lowest_score=r.lowest_score,
                        tie_break=r.tie_break,
                        source=r.source,
                    )
                )
