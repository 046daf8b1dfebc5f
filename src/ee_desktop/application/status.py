"""Where the application stands on a day: assess() turns the recorded milestones, the file and
the checklist progress into a stage, a countdown, blockers and a timeline."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from ee_desktop.application.blockers import blockers, missing_documents
from ee_desktop.application.forms import forms_blockers
from ee_desktop.application.model import ApplicationStatus, Blocker, Processing, Step
from ee_desktop.deadlines.limits import Limits, load_limits
from ee_desktop.deadlines.model import ChecklistProgress
from ee_desktop.deadlines.process import (
    REQUEST_ACTIONS,
    REQUEST_LIMITS,
    Recorded,
    ita_deadline,
    landing_deadline,
    request_answered,
    request_due,
)
from ee_desktop.i18n import N_, _, format_date, ngettext
from ee_desktop.profile.milestones import MILESTONES, REQUESTS, Milestone
from ee_desktop.profile.model import Profile
from ee_desktop.rules.evaluation import Evaluation, evaluate
from ee_desktop.rules.loader import RuleSet

STEP_TITLES = {
    "profile_submitted": N_("Profile submitted to the pool"),
    "invitation": N_("Invitation to apply"),
    "application_submitted": N_("Application submitted"),
    "aor": N_("Acknowledgement of receipt"),
    "biometrics_request": N_("Biometrics instruction letter"),
    "medical_request": N_("Medical exam instructions"),
    "medical_exam": N_("Medical exam done"),
    "background_check": N_("Background check in progress"),
    "document_request": N_("Request for documents"),
    "ppr": N_("Passport request"),
    "copr": N_("Confirmation of permanent residence (COPR)"),
    "landed": N_("Landed: permanent resident"),
}
ACTIONS = {**REQUEST_ACTIONS, "copr": N_("Land or confirm permanent residence")}
# Shown as "expected" until recorded; the others appear only when they happen.
ALWAYS_SHOWN = (
    "profile_submitted",
    "invitation",
    "application_submitted",
    "aor",
    "biometrics_request",
    "background_check",
    "ppr",
    "copr",
    "landed",
)


def _stage(ms: Recorded, as_of: date, deadline: date | None) -> str:
    invited = ms.day("invitation")
    current = [m.name for m in ms.items if not ms.superseded(m)]
    if "landed" in current:
        return "landed"
    if "ppr" in current or "copr" in current:
        return "approved"
    if ms.submitted() is not None:
        return "submitted"
    if invited is None:
        return "profile"
    return "invited" if deadline is None or as_of <= deadline else "invitation_expired"


def _time_limit(name: str, on: date, limits: Limits) -> str:
    """The official time limit that goes with a milestone, in words."""
    named = {
        "invitation": "ita_submission",
        "application_submitted": "processing_standard",
        **REQUEST_LIMITS,
    }
    limit = limits.at(named[name], on) if name in named else None
    if name == "invitation" and limit is not None:
        return _("{days} days to submit a complete application").format(days=limit.days)
    if name == "application_submitted" and limit is not None:
        return _("Processing standard: {months} months to a decision").format(months=limit.months)
    if name == "biometrics_request" and limit is not None:
        return _("{days} days from the date on the letter").format(days=limit.days)
    if name in ("medical_request", "document_request") and limit is not None:
        return _("The date in the letter (often {days} days)").format(days=limit.days)
    if name == "ppr":
        return _("The date in the letter")
    if name == "copr":
        return _("Cannot be extended: land or confirm your status before it expires")
    return ""


def _step(
    m: Milestone,
    ms: Recorded,
    as_of: date,
    limits: Limits,
    submitted: date | None,
    passport_expires: date | None,
) -> Step:
    due = m.due
    state = "done"
    if m.name == "invitation":
        found = ita_deadline(ms, limits)
        due = None if found is None else found.due
        if found is not None and not found.done:
            state = "overdue" if found.due < as_of else "open"
    elif m.name in REQUESTS:
        due = request_due(m, limits)[0]
        if not request_answered(ms, m):
            state = "overdue" if due is not None and due < as_of else "open"
    elif m.name == "copr" and ms.day("landed") is None:
        found = landing_deadline(ms, limits, passport_expires)
        due = None if found is None else found.due
        state = "overdue" if due is not None and due < as_of else "open"
    return Step(
        name=m.name,
        title=_(STEP_TITLES[m.name]),
        on=m.on,
        state=state,
        due=due,
        done_on=m.done_on,
        day=None if submitted is None or m.on < submitted else (m.on - submitted).days,
        time_limit=_time_limit(m.name, m.on, limits),
        note=m.note,
        record=m,
    )


def timeline(
    ms: Recorded, as_of: date, limits: Limits, passport_expires: date | None = None
) -> tuple[Step, ...]:
    """The recorded milestones in date order (an earlier application's too, as history), then
    the usual steps still to come in the current one."""
    submitted = ms.submitted()
    steps = [_step(m, ms, as_of, limits, submitted, passport_expires) for m in ms.items]
    current = [m for m in ms.items if not ms.superseded(m)]
    reached = max((MILESTONES.index(m.name) for m in current), default=-1)
    for name in ALWAYS_SHOWN:
        if MILESTONES.index(name) > reached:
            steps.append(
                Step(
                    name=name,
                    title=_(STEP_TITLES[name]),
                    on=None,
                    state="expected",
                    time_limit=_time_limit(name, as_of, limits),
                )
            )
    return tuple(steps)


def _processing(ms: Recorded, as_of: date, limits: Limits) -> Processing | None:
    submitted = ms.submitted()
    if submitted is None:
        return None
    limit = limits.at("processing_standard", submitted)
    if limit is None:
        return None
    decisions = [m.on for m in ms.items if m.name in ("ppr", "copr") and m.on >= submitted]
    decided = min(decisions) if decisions else None
    end = decided or as_of
    return Processing(
        submitted=submitted,
        standard_months=limit.months,
        expected_by=limit.after(submitted),
        elapsed_days=max(0, (end - submitted).days),
        decided_on=decided,
        source=limit.source,
    )


def _submit_by(deadline: date | None, found: Sequence[Blocker]) -> date | None:
    days = [b.until for b in found if b.until is not None and not b.blocks]
    if deadline is None:
        return None
    return min([deadline, *days])


def _next_step(
    stage: str,
    as_of: date,
    submit_by: date | None,
    found: Sequence[Blocker],
    steps: Sequence[Step],
    copr_expires: date | None,
) -> str:
    blocking = [b for b in found if b.blocks]
    current = [s for s in steps if s.record is not None and s.state in ("open", "overdue")]
    dated = sorted((s for s in current if s.due is not None), key=lambda s: s.due or as_of)
    if stage == "profile":
        return _(
            "When an invitation comes, record its date: the countdown to the submission "
            "deadline starts and the application's documents are listed."
        )
    if stage == "invited":
        assert submit_by is not None
        if blocking:
            return ngettext(
                "{count} thing stops a complete application; deal with it by {day}.",
                "{count} things stop a complete application; deal with each by {day}.",
                len(blocking),
            ).format(count=len(blocking), day=format_date(submit_by))
        return _(
            "Nothing stops you submitting: submit the application by {day}, then record the "
            "day you submitted."
        ).format(day=format_date(submit_by))
    if stage == "invitation_expired":
        return _(
            "The deadline passed with no application recorded. If you did submit, record the "
            "day; otherwise the invitation has lapsed and a new profile is needed."
        )
    if stage == "landed":
        return _("You are a permanent resident. Keep your documents: the PR card follows by mail.")
    if dated:
        first = dated[0]
        what = _(ACTIONS.get(first.name, STEP_TITLES[first.name]))
        day = format_date(first.due or as_of)
        if first.state == "overdue":
            return _("Overdue: {what}, due {day}. Do it now, or ask IRCC for more time.").format(
                what=what, day=day
            )
        return _("Next: {what}, by {day}.").format(what=what, day=day)
    undated = {s.name for s in current}
    if "ppr" in undated:
        return _(
            "Send your passport as the passport request says, and record the deadline printed "
            "on the letter so it joins your list."
        )
    if "copr" in undated:
        return _(
            "Record the expiry date printed on your confirmation of permanent residence: you "
            "must land, or confirm your status from inside Canada, before it."
        )
    if stage == "approved" and copr_expires is not None:
        return _("Land in Canada, or confirm your status from inside Canada, before {day}.").format(
            day=format_date(copr_expires)
        )
    return _(
        "Wait for IRCC's messages in your account, and record each request as it comes: its "
        "deadline joins your list."
    )


def next_milestone(milestones: Iterable[Milestone]) -> str:
    """The milestone to record next: the first, in order, after the furthest one recorded in
    the current application (an earlier application's steps do not count); when the last one
    is recorded, the first not recorded at all, else the first."""
    ms = Recorded.of(milestones)
    current = [m.name for m in ms.items if not ms.superseded(m)]
    reached = max((MILESTONES.index(name) for name in current), default=-1)
    later = MILESTONES[reached + 1 :]
    if later:
        return later[0]
    unrecorded = [name for name in MILESTONES if name not in current]
    return unrecorded[0] if unrecorded else MILESTONES[0]


def _as_on(milestones: Recorded, as_of: date) -> Recorded:
    """The milestones as they stood on ``as_of``: later ones had not happened yet."""
    return Recorded(
        m if m.done_on is None or m.done_on <= as_of else replace(m, done_on=None)
        for m in milestones.items
        if m.on <= as_of
    )


def assess(
    profile: Profile,
    as_of: date,
    milestones: Mapping[str, Sequence[date]] | Iterable[Milestone] = (),
    progress: Sequence[ChecklistProgress] = (),
    rules: RuleSet | None = None,
    *,
    evaluation: Evaluation | None = None,
    limits: Limits | None = None,
) -> ApplicationStatus:
    """The application on ``as_of``. Blockers are listed until the application is submitted,
    against the submission deadline (before an invitation: against ``as_of``)."""
    ms = _as_on(Recorded.of(milestones), as_of)
    limits = limits or load_limits()
    ev = evaluation if evaluation is not None else evaluate(profile, as_of, rules)
    ita = ita_deadline(ms, limits)
    deadline = None if ita is None else ita.due
    stage = _stage(ms, as_of, deadline)
    found: tuple[Blocker, ...] = ()
    if stage in ("profile", "invited", "invitation_expired"):
        by = deadline if stage == "invited" and deadline is not None else as_of
        found = blockers(ev, progress, limits, by)
    if stage == "invited":  # the forms are filled in after the invitation
        found += tuple(forms_blockers(profile, as_of))
    missing: tuple[Blocker, ...] = ()
    if stage in ("submitted", "approved"):
        missing = missing_documents(ev, progress, submitted=True)
    passport = profile.applicant.passport
    passport_expires = None if passport is None else passport.expires_on
    steps = timeline(ms, as_of, limits, passport_expires)
    landing = landing_deadline(ms, limits, passport_expires)
    copr_expires = None if landing is None else landing.due
    submit_by = _submit_by(deadline, found) if stage == "invited" else deadline
    return ApplicationStatus(
        as_of=as_of,
        stage=stage,
        invited_on=ms.day("invitation"),
        submission_deadline=deadline,
        blockers=found,
        timeline=steps,
        processing=_processing(ms, as_of, limits),
        next_step=_next_step(stage, as_of, submit_by, found, steps, copr_expires),
        copr_expires=copr_expires,
        submit_by=submit_by,
        still_missing=missing,
    )
