"""Everything a PDF report needs, gathered for the active personal file or a bare file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from ee_desktop.application import assess
from ee_desktop.checklist import entries_for
from ee_desktop.deadlines import derive
from ee_desktop.files import write_bytes_atomically
from ee_desktop.history.checks import check_history
from ee_desktop.profile import Profile
from ee_desktop.profile.milestones import Milestone
from ee_desktop.report import ReportInput, render
from ee_desktop.rules import RuleSet, evaluate
from ee_desktop.services.active import ActiveFile
from ee_desktop.services.application import ApplicationService
from ee_desktop.services.checklist import ChecklistService
from ee_desktop.services.deadlines import DeadlinesService
from ee_desktop.services.rules import RulesService


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
        history=check_history(profile, as_of),
    )


class ReportService:
    def __init__(
        self,
        active: ActiveFile,
        rules: RulesService,
        checklist: ChecklistService,
        deadlines: DeadlinesService,
        application: ApplicationService,
    ) -> None:
        self.active = active
        self.rules = rules
        self.checklist = checklist
        self.deadlines = deadlines
        self.application = application

    def input(self, as_of: date) -> ReportInput:
        """The active file with the user's progress, milestones and own deadlines."""
        profile = self.active.profile()
        return ReportInput(
            profile=profile,
            as_of=as_of,
            evaluation=evaluate(profile, as_of, self.rules.rules),
            checklist=self.checklist.entries(as_of),
            deadlines=self.deadlines.deadlines(as_of),
            application=self.application.status(as_of),
            history=check_history(profile, as_of),
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
