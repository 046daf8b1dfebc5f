"""Every dated thing that matters for a file: derive() and upcoming()."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from ee_desktop.deadlines.documents import checklist_deadlines
from ee_desktop.deadlines.held import held_expiries
from ee_desktop.deadlines.limits import load_limits
from ee_desktop.deadlines.model import ChecklistProgress, CustomDeadline, Deadline, Milestone
from ee_desktop.deadlines.process import Recorded, milestone_deadlines
from ee_desktop.deadlines.reminders import lead_days, load_reminders
from ee_desktop.deadlines.residency import residency_deadlines
from ee_desktop.deadlines.score import score_changes
from ee_desktop.deadlines.status import status_deadlines
from ee_desktop.profile.model import Profile
from ee_desktop.rules.evaluation import evaluate
from ee_desktop.rules.loader import RuleSet, load_rules


def _custom(items: Sequence[CustomDeadline]) -> list[Deadline]:
    return [
        Deadline(
            uid=f"custom:{item.id}",  # the store's id: an opaque code, never the title
            due=item.due,
            kind="custom",
            title=item.title,
            detail=item.notes,
            person="",
            done=item.done,
        )
        for item in items
    ]


def _unique(deadlines: list[Deadline]) -> list[Deadline]:
    """Sorted by due date then uid; a repeated uid gets "-2", "-3"... in that order."""
    deadlines.sort(key=lambda d: (d.uid, d.due, d.title))
    seen: dict[str, int] = {}
    out = []
    for item in deadlines:
        count = seen.get(item.uid, 0) + 1
        seen[item.uid] = count
        if count > 1:
            item = replace(item, uid=f"{item.uid}-{count}")
        out.append(item)
    out.sort(key=lambda d: (d.due, d.uid))
    return out


def derive(
    profile: Profile,
    as_of: date,
    milestones: Mapping[str, Sequence[date]] | Sequence[Milestone] | None = None,
    custom: Sequence[CustomDeadline] = (),
    checklist: Sequence[ChecklistProgress] = (),
    rules: RuleSet | None = None,
    horizon_days: int = 730,
    extra: Sequence[Deadline] = (),
) -> list[Deadline]:
    """Every dated thing that matters, sorted by due date then uid.

    Expiries and deadlines already passed stay listed while still relevant (an expired test,
    a missed invitation deadline); score changes are listed only after ``as_of`` and up to
    ``horizon_days`` ahead. Once an invitation is recorded they are left out: the application
    is assessed on the score at the invitation. ``milestones`` are the user's records, or
    simply each milestone's dates. ``extra`` are dates worked out elsewhere (the provincial
    streams' own deadlines).
    """
    ruleset = load_rules() if rules is None else rules
    limits = load_limits()
    ms = Recorded.of(milestones or ())
    invited = ms.latest("invitation") is not None
    evaluation = evaluate(profile, as_of, ruleset)
    out = _with_points(
        held_expiries(profile, as_of, ruleset, limits, invited=invited), profile, as_of, ruleset
    )
    passport = profile.applicant.passport
    out += milestone_deadlines(ms, limits, None if passport is None else passport.expires_on)
    out += checklist_deadlines(profile, as_of, evaluation, ms, checklist, limits)
    out += status_deadlines(profile, as_of, ms.day("aor"))
    out += residency_deadlines(profile, as_of, ms.day("landed"))
    if not invited and horizon_days > 0:
        out += score_changes(profile, as_of, ruleset, horizon_days)
    out += _custom(custom)
    out += extra
    leads = load_reminders()
    out = [d if d.remind_days else replace(d, remind_days=lead_days(d.uid, leads)) for d in out]
    return _unique(out)


def _with_points(
    items: list[Deadline], profile: Profile, as_of: date, rules: RuleSet
) -> list[Deadline]:
    """A test or ECA that expires costs points that day: say how many (the engine decides)."""
    out = []
    for item in items:
        if item.points is None and item.due > as_of and item.uid.startswith(_SCORED_EXPIRIES):
            change = (
                evaluate(profile, item.due, rules).crs.total
                - evaluate(profile, item.due - timedelta(days=1), rules).crs.total
            )
            if change:
                item = replace(item, points=change)
        out.append(item)
    return out


_SCORED_EXPIRIES = ("test-expiry:", "eca-expiry:")


def upcoming(deadlines: Sequence[Deadline], as_of: date, within_days: int) -> list[Deadline]:
    """Not done, due within its reminder period: on or before as_of + within_days, or its
    own lead time when longer (overdue included). A period no longer than its lead time (30
    days to give biometrics) is announced from the day it starts."""
    return [
        item
        for item in deadlines
        if not item.done and item.due <= as_of + timedelta(days=max(within_days, item.remind_days))
    ]
