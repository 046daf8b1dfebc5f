"""The permanent-residence histories of the active personal file: the checks on a day, and
the document the forms editor changes and saves (validated as strictly as an import)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ee_desktop.history.checks import HistoryReport, check_history
from ee_desktop.profile.codec import decode, encode
from ee_desktop.profile.model import Profile
from ee_desktop.profile.problems import Problem, ProfileError
from ee_desktop.services.active import ActiveFile


@dataclass(frozen=True, slots=True)
class HistoryAssessment:
    """An edited document: the format's problems (field paths), or the history checks."""

    problems: tuple[Problem, ...]
    profile: Profile | None
    report: HistoryReport | None


class HistoryService:
    def __init__(self, active: ActiveFile) -> None:
        self.active = active

    def report(self, as_of: date, profile: Profile | None = None) -> HistoryReport | None:
        """The findings on ``as_of``; None when there is no personal file yet."""
        profile = profile or self.active.profile_or_none()
        return None if profile is None else check_history(profile, as_of)

    def document(self) -> dict[str, Any]:
        """The active file as a format-v1 document, for the forms editor to change."""
        return encode(self.active.profile())

    @staticmethod
    def assess(document: dict[str, Any], as_of: date) -> HistoryAssessment:
        try:
            profile = decode(document, today=as_of)
        except ProfileError as error:
            return HistoryAssessment(tuple(error.problems), None, None)
        return HistoryAssessment((), profile, check_history(profile, as_of))

    def save(self, document: dict[str, Any], today: date) -> Profile:
        """Store ``document`` over the active file, in one transaction; ProfileError lists
        every problem and stores nothing."""
        profile = decode(document, today=today)
        self.active.store.save(profile, self.active.id())
        return profile
