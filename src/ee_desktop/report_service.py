"""Everything a PDF report needs, gathered for the active personal file or a bare file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from ee_desktop.application import assess
from ee_desktop.application_service import ApplicationService
from ee_desktop.checklist_service import ChecklistService, entries_for
from ee_desktop.deadlines import derive
from ee_desktop.deadlines_service import DeadlinesService
from ee_desktop.profile import Profile
from ee_desktop.profile.milestones import Milestone
from ee_desktop.report import ReportInput, render
from ee_desktop.rules import RuleSet, evaluate
from ee_desktop.service import RulesService, write_bytes_atomically


def input_for_file(
    profile: Profile, as_of: date, rules: RuleSet, milestones: Sequence[Milestone] = ()
) -> ReportInput:
    """A bare file: what it needs and its dates, with no progress recorded. ``milestones``
    are those of the file's ``application`` section, if it has one."""
    evaluation = evaluate(profile, as_of, rules)
    return ReportInput(
        profile=profile,
        as_of=as_of,
        evaluation=evaluation,
        checklist=entries_for(profile, as_of, rules),
        deadlines=derive(profile, as_of, milestones, rules=rules),
        application=assess(profile, as_of, milestones, rules=rules, evaluation=evaluation),
    )


class ReportService:
    def __init__(
        self, rules: RulesService, checklist: ChecklistService, deadlines: DeadlinesService
    ) -> None:
        self.rules = rules
        self.checklist = checklist
        self.deadlines = deadlines

    def input(self, as_of: date) -> ReportInput:
        """The active file with the user's progress, milestones and own deadlines."""
        profile = self.checklist.store.load()
        if profile is None:
            raise LookupError("no personal file")
        return ReportInput(
            profile=profile,
            as_of=as_of,
            evaluation=evaluate(profile, as_of, self.rules.rules),
            checklist=self.checklist.entries(as_of),
            deadlines=self.deadlines.deadlines(as_of),
            application=ApplicationService(self.deadlines).status(as_of),
        )


def write_report(
    path: Path,
    data: ReportInput,
    kind: str,
    paper: str,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Render and write atomically and privately (a half-written PDF never replaces a good
    one; the worksheet holds the whole file)."""
    write_bytes_atomically(path, render(data, kind, paper, progress))
