"""Due dates that follow from the milestones the user records (profile, invitation, requests)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from ee_desktop.deadlines.limits import Limit, Limits
from ee_desktop.deadlines.model import Deadline
from ee_desktop.i18n import _

LATE_STAGES: tuple[str, ...] = ("ppr", "copr", "landed")  # requests before these were answered


def latest(milestones: Mapping[str, Sequence[date]], name: str) -> date | None:
    days = milestones.get(name, ())
    return max(days) if days else None


def _after(milestones: Mapping[str, Sequence[date]], names: Sequence[str], day: date) -> bool:
    return any(d >= day for name in names for d in milestones.get(name, ()))


def _detail(text: str, limit: Limit) -> str:
    return text if limit.verified else f"{text} {_(limit.note)}"


def _profile_expiry(ms: Mapping[str, Sequence[date]], limits: Limits) -> list[Deadline]:
    submitted = latest(ms, "profile_submitted")
    limit = None if submitted is None else limits.at("profile_validity", submitted)
    if submitted is None or limit is None or _after(ms, ("invitation",), submitted):
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
            ),
            person="",
            source=limit.source,
        )
    ]


def ita_deadline(ms: Mapping[str, Sequence[date]], limits: Limits) -> Deadline | None:
    invited = latest(ms, "invitation")
    limit = None if invited is None else limits.at("ita_submission", invited)
    if invited is None or limit is None:
        return None
    return Deadline(
        uid=f"ita-submit:{invited.isoformat()}",
        due=limit.after(invited),
        kind="deadline",
        title=_("Submit your application for permanent residence"),
        detail=_detail(
            _(
                "You have {days} days from the invitation to submit a complete application, "
                "or to decline the invitation. After that the invitation expires."
            ).format(days=(limit.after(invited) - invited).days),
            limit,
        ),
        person="",
        source=limit.source,
        done=_after(ms, ("application_submitted",), invited),
    )


def _requests(ms: Mapping[str, Sequence[date]], limits: Limits) -> list[Deadline]:
    out = []
    specs = (
        (
            "biometrics_request",
            "biometrics",
            "biometrics",
            _("Give your biometrics"),
            _(
                "Give fingerprints and photo at a collection point within the time in the "
                "biometric instruction letter, for everyone aged 14 to 79."
            ),
        ),
        (
            "medical_request",
            "medical_request",
            "medical",
            _("Do the immigration medical exam"),
            _("See a panel physician as the medical instructions ask."),
        ),
        (
            "document_request",
            "document_request",
            "documents",
            _("Answer the request for documents"),
            _("Upload what the request asks for through your account."),
        ),
    )
    for milestone, limit_name, code, title, text in specs:
        for day in sorted(set(ms.get(milestone, ()))):
            limit = limits.at(limit_name, day)
            if limit is None:
                continue
            answered = _after(ms, LATE_STAGES, day)
            if milestone == "medical_request":
                answered = answered or _after(ms, ("medical_exam",), day)
            out.append(
                Deadline(
                    uid=f"{code}-due:{day.isoformat()}",
                    due=limit.after(day),
                    kind="deadline",
                    title=title,
                    detail=_detail(text, limit),
                    person="",
                    source=limit.source,
                    done=answered,
                )
            )
    return out


def medical_expiry(ms: Mapping[str, Sequence[date]], limits: Limits) -> Deadline | None:
    exam = latest(ms, "medical_exam")
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
        ),
        person="",
        source=limit.source,
        done=_after(ms, ("landed",), exam),
    )


def _landing(
    ms: Mapping[str, Sequence[date]], limits: Limits, passport_expires: date | None
) -> Deadline | None:
    """The COPR's own expiry is printed on it; until entered, the earliest of the dates it
    cannot outlast (medical results, passport) stands in for it."""
    copr = latest(ms, "copr")
    medical = medical_expiry(ms, limits)
    bounds = [d for d in (passport_expires, None if medical is None else medical.due) if d]
    if copr is None or not bounds:
        return None
    return Deadline(
        uid=f"copr-landing:{copr.isoformat()}",
        due=min(bounds),
        kind="deadline",
        title=_("Land or confirm permanent residence"),
        detail=_(
            "The confirmation of permanent residence cannot be extended and cannot outlast your "
            "medical results or passport. Check the expiry date printed on it: that date counts."
        ),
        person="",
        source=(
            "https://www.canada.ca/en/immigration-refugees-citizenship/services/"
            "immigrate-canada/express-entry/application-approved.html"
        ),
        done=_after(ms, ("landed",), copr),
    )


def milestone_deadlines(
    ms: Mapping[str, Sequence[date]], limits: Limits, passport_expires: date | None = None
) -> list[Deadline]:
    out = _profile_expiry(ms, limits) + _requests(ms, limits)
    for found in (
        ita_deadline(ms, limits),
        medical_expiry(ms, limits),
        _landing(ms, limits, passport_expires),
    ):
        if found is not None:
            out.append(found)
    return out
