"""Rounds of invitations the user imported or edited, kept beside the shipped ones."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ee_desktop.store.base import StoreBase
from ee_desktop.store.models import RoundRow
from ee_desktop.strategy.distribution import BANDS, Distribution
from ee_desktop.strategy.rounds import Round


def _utc(moment: datetime | None) -> datetime | None:
    """SQLite keeps no time zone: a stored tie-break is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _distribution(on: date | None, counts: str | None) -> Distribution | None:
    if on is None or not counts:
        return None
    try:
        values = json.loads(counts)
    except ValueError:
        return None
    if not isinstance(values, list) or len(values) != len(BANDS):
        return None
    if not all(isinstance(v, int) for v in values):
        return None
    return Distribution(on, tuple(values))


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
                    _utc(r.tie_break),
                    r.source,
                    _distribution(r.distribution_on, r.distribution),
                )
                for r in rows
            ]

    def replace_rounds(self, rounds: Sequence[Round]) -> None:
        """The user's rounds are replaced as a whole, in one transaction."""
        with Session(self._engine) as s, s.begin():
            s.execute(delete(RoundRow))
            for r in rounds:
                d = r.distribution
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
                        distribution_on=None if d is None else d.as_on,
                        distribution=None if d is None else json.dumps(list(d.counts)),
                    )
                )
