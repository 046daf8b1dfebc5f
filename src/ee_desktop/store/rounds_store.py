"""Rounds of invitations the user imported or edited, kept beside the shipped ones."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ee_desktop.store.base import StoreBase
from ee_desktop.store.models import RoundRow
from ee_desktop.strategy.rounds import Round


class RoundsStore(StoreBase):
    def rounds(self) -> list[Round]:
        with Session(self._engine) as s:
            rows = s.scalars(select(RoundRow).order_by(RoundRow.on, RoundRow.id)).all()
            return [
                Round(
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

    def replace_rounds(self, rounds: Sequence[Round]) -> None:
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
