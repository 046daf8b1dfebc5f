"""What a report is made from: everything already computed for one file on one date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ee_desktop.application.model import ApplicationStatus
from ee_desktop.checklist import ChecklistEntry
from ee_desktop.deadlines.model import Deadline
from ee_desktop.history.checks import HistoryReport
from ee_desktop.profile.model import Profile
from ee_desktop.rules.evaluation import Evaluation


@dataclass(frozen=True)
class ReportInput:
    profile: Profile
    as_of: date
    evaluation: Evaluation  # evaluate(profile, as_of, rules)
    checklist: Sequence[ChecklistEntry]
    deadlines: Sequence[Deadline]
    # assess(profile, as_of, milestones, ...): the worksheet shows it once a milestone is recorded
    application: ApplicationStatus | None = None
    # check_history(profile, as_of): the forms worksheet computes it when it is not given
    history: HistoryReport | None = None
