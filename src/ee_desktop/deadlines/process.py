"""Due dates that follow from the milestones the user records (profile, invitation, requests).

A date the user copied from a letter (``Milestone.due``) wins over the usual time limit: the
letter is what IRCC holds the applicant to.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from ee_desktop.deadlines.limits import Limit, Limits
from ee_desktop.deadlines.model import Deadline
from ee_desktop.i18n import N_, _
from ee_desktop.profile.milestones import MILESTONES, Milestone

LATE_STAGES: tuple[str, ...] = ("ppr", "copr", "landed")  # requests before these were answered
# Milestones that only happen once an application is in: any of them shows it was submitted.
AFTER_SUBMISSION: tuple[str, ...] = (
    "application_submitted",
    "aor",
    "biometrics_request",
    "medical_request",
    "background_check",
    "document_request",
    "ppr",
    "copr",
    "landed",
)
APPROVED_SOURCE = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/"
    "immigrate-canada/express-entry/application-approved.html"
)


class Recorded:
    """The user's milestones, looked up by name."""

    def __init__(self, items: Iterable[Milestone]) -> None:
        self.items = tuple(sorted(items, key=lambda m: (m.on, MILESTONES.index(m.name))))

    @classmethod
    def of(
        cls, milestones: Recorded | Mapping[str, Sequence[date]] | Iterable[Milestone]
    ) -> Recorded:
        """From records, or from a plain mapping of name to dates (no letter details)."""
        if isinstance(milestones, Recorded):
            return milestones
        if isinstance(milestones, Mapping):
            found = tuple(Milestone(n, day) for n, days in milestones.items() for day in days)
            names = set(milestones)
        else:
            found = tuple(milestones)
            names = {m.name for m in found}
        unknown = sorted(names - set(MILESTONES))
        if unknown:
            raise ValueError(f"unknown milestones {unknown}; expected some of {MILESTONES}")
        return cls(found)

    def all(self, name: str) -> tuple[Milestone, ...]:
        return tuple(m for m in self.items if m.name == name)

    def latest(self, name: str) -> Milestone | None:
        found = self.all(name)
        return found[-1] if found else None

    def day(self, name: str) -> date | None:
        found = self.latest(name)
        return None if found is None else found.on

    def since(self, names: Sequence[str], day: date) -> bool:
        """Whether any of ``names`` was recorded on or after ``day``."""
        return any(m.on >= day for m in self.items if m.name in names)

    def submitted(self) -> date | None:
        """The day the application for the latest invitation went in: the day recorded, else
        the earliest sign of it (an acknowledgement, a request...)."""
        invited = self.day("invitation")
        found = [
            m
            for m in self.items
            if m.name in AFTER_SUBMISSION and (invited is None or m.on >= invited)
        ]
        recorded = [m.on for m in found if m.name == "application_submitted"]
        if recorded:
            return recorded[-1]
        return found[0].on if found else None

    def superseded(self, m: Milestone) -> bool:
        """A step of an earlier application: before the latest invitation (after a refusal or
        a returned application, a new invitation starts again)."""
        invited = self.day("invitation")
        return invited is not None and m.on < invited and m.name != "profile_submitted"


def _detail(text: str, limit: Limit | None, from_letter: bool) -> str:
    if from_letter:
        return f"{text} {_('The date is the one you copied from the letter.')}"
    if limit is None or limit.verified:
        return text
    return f"{text} {_(limit.note)}"


def _profile_expiry(ms: Recorded, limits: Limits) -> list[Deadline]:
    submitted = ms.day("profile_submitted")
    limit = None if submitted is None else limits.at("profile_validity", submitted)
    if submitted is None or limit is None or ms.since(("invitation",), submitted):
        return []  # after an invitation the invitation's own deadline applies
    return [
        Deadline(
            uid=f"profile-expiry:{submitted.isoformat()}",
            due=limit.after(submitted),
            kind="expiry",
            title=_("Express Entry profile expires"),
            detail=_detail(
                _(
                    "Without an invitation the profile leaves the pool on this day. Take "
                    "screenshots first, then create a new profile if you are still eligible."
                ),
                limit,
                False,
            ),
            person="",
            source=limit.source,
        )
    ]


def ita_deadline(milestones: Recorded, limits: Limits) -> Deadline | None:
    """The day the latest invitation expires: the date on the invitation if the user copied
    it, otherwise the time limit in force on the invitation's day."""
    invitation = milestones.latest("invitation")
    if invitation is None:
        return None
    limit = limits.at("ita_submission", invitation.on)
    due = invitation.due or (None if limit is None else limit.after(invitation.on))
    if due is None:
        return None
    return Deadline(
        uid=f"ita-submit:{invitation.on.isoformat()}",
        due=due,
        kind="deadline",
        title=_("Submit your application for permanent residence"),
        detail=_detail(
            _(
                "You have {days} days from the invitation to submit a complete application, "
                "or to decline the invitation. After that the invitation expires."
            ).format(days=(due - invitation.on).days),
            limit,
            invitation.due is not None,
        ),
        person="",
        source="" if limit is None else limit.source,
        done=milestones.since(AFTER_SUBMISSION, invitation.on),
    )


# milestone, time limit (None: only the letter's date), uid code, title, what to do
_REQUESTS: tuple[tuple[str, str | None, str, str, str], ...] = (
    (
        "biometrics_request",
        "biometrics",
        "biometrics",
        N_("Give your biometrics"),
        N_(
            "Give fingerprints and photo at a collection point within the time in the "
            "biometric instruction letter, for everyone aged 14 to 79."
        ),
    ),
    (
        "medical_request",
        "medical_request",
        "medical",
        N_("Do the immigration medical exam"),
        N_("See a panel physician as the medical instructions ask."),
    ),
    (
        "document_request",
        "document_request",
        "documents",
        N_("Answer the request for documents"),
        N_("Upload what the request asks for through your account."),
    ),
    (
        "ppr",
        None,
        "passport",
        N_("Send your passport"),
        N_("Send your passport (and the other items the letter lists) as the request says."),
    ),
)


# What the user does about each request, for sentences such as "Next: ...", and the time
# limit that applies when the letter's own date is not recorded.
REQUEST_ACTIONS = {milestone: title for milestone, _limit, _code, title, _text in _REQUESTS}
REQUEST_LIMITS = {milestone: limit for milestone, limit, _code, _title, _text in _REQUESTS if limit}


def request_due(request: Milestone, limits: Limits) -> tuple[date | None, Limit | None]:
    """The day a request must be answered by, and the time limit it comes from (None when the
    date is the letter's, or when there is neither)."""
    name = REQUEST_LIMITS.get(request.name)
    limit = None if name is None else limits.at(name, request.on)
    if request.due is not None:
        return request.due, limit
    return (None if limit is None else limit.after(request.on)), limit


def request_answered(ms: Recorded, request: Milestone) -> bool:
    """Answered when the user says so, or when a later stage shows it was (a request of an
    earlier application is closed)."""
    if request.done_on is not None or ms.superseded(request):
        return True
    if request.name == "ppr":
        return ms.since(("copr", "landed"), request.on)
    if request.name == "medical_request" and ms.since(("medical_exam",), request.on):
        return True
    return ms.since(LATE_STAGES, request.on)


def _requests(ms: Recorded, limits: Limits) -> list[Deadline]:
    out = []
    for milestone, _limit, code, title, text in _REQUESTS:
        for request in ms.all(milestone):
            due, limit = request_due(request, limits)
            if due is None:
                continue
            out.append(
                Deadline(
                    uid=f"{code}-due:{request.on.isoformat()}",
                    due=due,
                    kind="deadline",
                    title=_(title),
                    detail=_detail(_(text), limit, request.due is not None),
                    person="",
                    source="" if limit is None else limit.source,
                    done=request_answered(ms, request),
                )
            )
    return out


def medical_expiry(ms: Recorded, limits: Limits) -> Deadline | None:
    exam = ms.day("medical_exam")
    limit = None if exam is None else limits.at("medical_validity", exam)
    if exam is None or limit is None:
        return None
    return Deadline(
        uid=f"medical-expiry:{exam.isoformat()}",
        due=limit.after(exam),
        kind="expiry",
        title=_("Medical exam results expire"),
        detail=_detail(
            _(
                "Results are generally valid for 12 months. The confirmation of permanent "
                "residence cannot outlast them: land or confirm your status before this day."
            ),
            limit,
            False,
        ),
        person="",
        source=limit.source,
        done=ms.since(("landed",), exam),
    )


def landing_deadline(
    ms: Recorded, limits: Limits, passport_expires: date | None
) -> Deadline | None:
    """The expiry printed on the COPR when the user copied it; until then, the earliest of the
    dates it cannot outlast (medical results, passport) stands in for it."""
    copr = ms.latest("copr")
    if copr is None:
        return None
    if copr.due is not None:
        due = copr.due
        detail = _(
            "The confirmation of permanent residence cannot be extended: land in Canada, or "
            "confirm your status from inside Canada, before the expiry date printed on it."
        )
    else:
        medical = medical_expiry(ms, limits)
        bounds = [d for d in (passport_expires, None if medical is None else medical.due) if d]
        if not bounds:
            return None
        due = min(bounds)
        detail = _(
            "The confirmation of permanent residence cannot be extended and cannot outlast your "
            "medical results or passport. Check the expiry date printed on it: that date counts."
        )
    return Deadline(
        uid=f"copr-landing:{copr.on.isoformat()}",
        due=due,
        kind="deadline",
        title=_("Land or confirm permanent residence"),
        detail=detail,
        person="",
        source=APPROVED_SOURCE,
        done=ms.since(("landed",), copr.on),
    )


def milestone_deadlines(
    ms: Recorded, limits: Limits, passport_expires: date | None = None
) -> list[Deadline]:
    out = _profile_expiry(ms, limits) + _requests(ms, limits)
    for found in (
        ita_deadline(ms, limits),
        medical_expiry(ms, limits),
        landing_deadline(ms, limits, passport_expires),
    ):
        if found is not None:
            out.append(found)
    return out
