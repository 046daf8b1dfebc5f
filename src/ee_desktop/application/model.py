"""The application for permanent residence as the app sees it on one day: its stage, the
countdown to submission, what blocks submission, and the timeline from invitation to landing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ee_desktop.i18n import N_
from ee_desktop.profile.milestones import Milestone

# In order. "profile": no invitation yet; "invitation_expired": the deadline passed with no
# application; "approved": a passport request or a COPR came.
STAGES: tuple[str, ...] = (
    "profile",
    "invited",
    "invitation_expired",
    "submitted",
    "approved",
    "landed",
)
STAGE_TITLES = {
    "profile": N_("Waiting for an invitation"),
    "invited": N_("Invited: preparing the application"),
    "invitation_expired": N_("The invitation has expired"),
    "submitted": N_("Application submitted: in processing"),
    "approved": N_("Approved: passport request and confirmation of permanent residence"),
    "landed": N_("Permanent resident"),
}

BLOCKER_KINDS: tuple[str, ...] = ("eligibility", "document", "expiry", "funds", "forms")

# A timeline step's state: "done" (happened; a request answered), "open" (a request or the
# COPR with time left), "overdue" (past its date, not answered), "expected" (not yet).
STEP_STATES: tuple[str, ...] = ("done", "open", "overdue", "expected")


@dataclass(frozen=True, slots=True)
class Blocker:
    """Something that stops a complete application being submitted, or will by the deadline."""

    kind: str  # one of BLOCKER_KINDS
    title: str
    detail: str
    blocks: bool  # True: cannot submit as things stand; False: fine if submitted in time
    person: str = ""  # "applicant", "spouse", "child:<id>", or "" for the file
    until: date | None = None  # the last day a document can still be used
    key: str = ""  # the checklist item, for documents


@dataclass(frozen=True, slots=True)
class Step:
    """One milestone on the timeline, recorded or still to come."""

    name: str  # a milestone name
    title: str
    on: date | None  # None: not recorded yet
    state: str  # one of STEP_STATES
    due: date | None = None  # a request's deadline, or the COPR's expiry
    done_on: date | None = None
    day: int | None = None  # days after the application was submitted
    time_limit: str = ""  # the official time limit, in words
    note: str = ""
    record: Milestone | None = None  # what the user recorded (None: still to come)


@dataclass(frozen=True, slots=True)
class Processing:
    """Time since submission against IRCC's processing standard."""

    submitted: date
    standard_months: int
    expected_by: date
    elapsed_days: int  # to the decision, or to the evaluation date while waiting
    decided_on: date | None  # the passport request or COPR, whichever came first
    source: str

    @property
    def standard_days(self) -> int:
        return (self.expected_by - self.submitted).days

    @property
    def over_standard(self) -> bool:
        return self.elapsed_days > self.standard_days


@dataclass(frozen=True, slots=True)
class ApplicationStatus:
    as_of: date
    stage: str  # one of STAGES
    invited_on: date | None
    submission_deadline: date | None
    blockers: tuple[Blocker, ...]
    timeline: tuple[Step, ...]
    processing: Processing | None
    next_step: str
    copr_expires: date | None = None
    # The last day a complete application can go in: the invitation's deadline, or earlier
    # when a document stops being usable before it.
    submit_by: date | None = None
    # Once submitted: the application's documents still not marked received (IRCC may ask
    # for them); before submission they are among the blockers.
    still_missing: tuple[Blocker, ...] = ()

    @property
    def days_left(self) -> int | None:
        """Days to the submission deadline (negative once passed), while not submitted."""
        if self.submission_deadline is None or self.stage not in ("invited", "invitation_expired"):
            return None
        return (self.submission_deadline - self.as_of).days

    @property
    def ready_to_submit(self) -> bool:
        return self.stage == "invited" and not any(b.blocks for b in self.blockers)
