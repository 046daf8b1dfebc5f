"""A person's status in Canada while the application is processed
(../shared/spec/funds-and-status.md): the kind of permit, its expiry, and whether an
extension was applied for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

STATUS_KINDS: tuple[str, ...] = ("worker", "student", "visitor", "none")


@dataclass(frozen=True, slots=True)
class StatusInCanada:
    kind: str  # worker, student, visitor, none
    permit_expires_on: date | None = None
    applied_to_extend_on: date | None = None  # before expiry: maintained status
    employer_specific: bool = False  # a closed work permit

    @property
    def maintained(self) -> bool:
        """Applied to extend before the permit expired: the status continues until decided."""
        return (
            self.applied_to_extend_on is not None
            and self.permit_expires_on is not None
            and self.applied_to_extend_on <= self.permit_expires_on
        )


def status_to_json(status: StatusInCanada) -> dict[str, Any]:
    return {
        "kind": status.kind,
        "permit_expires_on": _iso(status.permit_expires_on),
        "applied_to_extend_on": _iso(status.applied_to_extend_on),
        "employer_specific": status.employer_specific,
    }


def status_from_json(d: dict[str, Any]) -> StatusInCanada:
    """Read back what status_to_json wrote (the app's own storage)."""
    return StatusInCanada(
        kind=str(d["kind"]),
        permit_expires_on=_day(d.get("permit_expires_on")),
        applied_to_extend_on=_day(d.get("applied_to_extend_on")),
        employer_specific=bool(d.get("employer_specific", False)),
    )


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: Any) -> date | None:
    return None if text is None else date.fromisoformat(str(text))
