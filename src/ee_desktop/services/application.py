"""The application for permanent residence of the active personal file: its status on a day,
and the milestones the user records as it moves on (kept with the file's deadlines)."""

from __future__ import annotations

from datetime import date

from ee_desktop.application import ApplicationStatus, Blocker, assess
from ee_desktop.application.blockers import missing_documents
from ee_desktop.profile.milestones import Milestone
from ee_desktop.rules.evaluation import evaluate
from ee_desktop.services.active import ActiveFile
from ee_desktop.services.deadlines import DeadlinesService
from ee_desktop.services.rules import RulesService


class ApplicationService:
    def __init__(
        self, active: ActiveFile, rules: RulesService, deadlines: DeadlinesService
    ) -> None:
        self.active = active
        self.rules = rules
        self.deadlines = deadlines

    def status(self, as_of: date) -> ApplicationStatus | None:
        """None when there is no personal file yet."""
        profile = self.active.profile_or_none()
        if profile is None:
            return None
        return assess(
            profile,
            as_of,
            self.deadlines.milestone_records(),
            self.deadlines.checklist_progress(as_of),
            self.rules.rules,
        )

    def missing_documents(self, as_of: date) -> tuple[Blocker, ...]:
        """The application's mandatory documents not marked received in the checklist: asked
        about before recording the application as submitted."""
        profile = self.active.profile_or_none()
        if profile is None:
            return ()
        evaluation = evaluate(profile, as_of, self.rules.rules)
        return missing_documents(evaluation, self.deadlines.checklist_progress(as_of))

    def milestones(self) -> list[Milestone]:
        return self.deadlines.milestone_records()

    def record(self, milestone: Milestone, today: date) -> None:
        """Record a milestone, or correct the record ``milestone.id``."""
        self.deadlines.record_milestone(milestone, today)

    def remove(self, milestone: Milestone) -> None:
        self.deadlines.remove_milestone(milestone)
