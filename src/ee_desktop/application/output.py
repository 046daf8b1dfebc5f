"""The application's status as JSON (for other tools) and as plain text (for the terminal)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ee_desktop.application.model import STAGE_TITLES, ApplicationStatus, Step
from ee_desktop.i18n import N_, _, format_date, ngettext

STATE_NAMES = {
    "done": N_("done"),
    "open": N_("open"),
    "overdue": N_("overdue"),
    "expected": N_("to come"),
}


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def to_json(status: ApplicationStatus) -> dict[str, Any]:
    processing = status.processing
    return {
        "as_of": status.as_of.isoformat(),
        "stage": status.stage,
        "stage_title": _(STAGE_TITLES[status.stage]),
        "invited_on": _iso(status.invited_on),
        "submission_deadline": _iso(status.submission_deadline),
        "days_left": status.days_left,
        "ready_to_submit": status.ready_to_submit,
        "next_step": status.next_step,
        "blockers": [
            {
                "kind": b.kind,
                "title": b.title,
                "detail": b.detail,
                "blocks": b.blocks,
                "person": b.person,
                "until": _iso(b.until),
                "checklist_key": b.key or None,
            }
            for b in status.blockers
        ],
        "timeline": [
            {
                "milestone": s.name,
                "title": s.title,
                "on": _iso(s.on),
                "state": s.state,
                "due": _iso(s.due),
                "done_on": _iso(s.done_on),
                "day": s.day,
                "time_limit": s.time_limit,
                "note": s.note,
            }
            for s in status.timeline
        ],
        "processing": None
        if processing is None
        else {
            "submitted": processing.submitted.isoformat(),
            "standard_months": processing.standard_months,
            "expected_by": processing.expected_by.isoformat(),
            "elapsed_days": processing.elapsed_days,
            "standard_days": processing.standard_days,
            "decided_on": _iso(processing.decided_on),
            "over_standard": processing.over_standard,
            "source": processing.source,
        },
        "copr_expires": _iso(status.copr_expires),
        "submit_by": _iso(status.submit_by),
        "still_missing": [
            {"title": b.title, "person": b.person, "checklist_key": b.key or None}
            for b in status.still_missing
        ],
    }


def countdown(status: ApplicationStatus) -> str:
    """The submission deadline, or "" when there is none to count down to."""
    left, deadline = status.days_left, status.submission_deadline
    if left is None or deadline is None:
        return ""
    day = format_date(deadline)
    if left < 0:
        return ngettext(
            "The submission deadline was {day}, {days} day ago.",
            "The submission deadline was {day}, {days} days ago.",
            -left,
        ).format(day=day, days=-left)
    if left == 0:
        line = _("Submit today: the deadline is {day}.").format(day=day)
    else:
        line = ngettext(
            "{days} day left to submit: the deadline is {day}.",
            "{days} days left to submit: the deadline is {day}.",
            left,
        ).format(days=left, day=day)
    if status.submit_by is not None and status.submit_by < deadline:
        line += " " + _("A document stops being usable earlier: submit by {day}.").format(
            day=format_date(status.submit_by)
        )
    return line


def processing_line(status: ApplicationStatus) -> str:
    p = status.processing
    if p is None:
        return ""
    if p.decided_on is not None:
        return ngettext(
            "Decided after {days} day (the standard is {months} months, {standard} days).",
            "Decided after {days} days (the standard is {months} months, {standard} days).",
            p.elapsed_days,
        ).format(days=p.elapsed_days, months=p.standard_months, standard=p.standard_days)
    line = _("Day {days} of {standard} ({months}-month processing standard, to {day}).").format(
        days=p.elapsed_days,
        standard=p.standard_days,
        months=p.standard_months,
        day=format_date(p.expected_by),
    )
    if p.over_standard:
        line += " " + _(
            "Past the standard: most applications are decided by now. You can ask IRCC about "
            "it through the web form."
        )
    return line


def step_line(step: Step) -> str:
    """One row of the terminal's timeline: its dates stay numeric (ISO), like the column."""
    when = step.on.isoformat() if step.on else "          "
    parts = [f"{when}  {step.title}", f"[{_(STATE_NAMES[step.state])}]"]
    if step.due is not None:
        parts.append(_("due {day}").format(day=format_date(step.due, "short")))
    if step.done_on is not None:
        parts.append(_("done {day}").format(day=format_date(step.done_on, "short")))
    if step.day is not None:
        parts.append(_("day {n}").format(n=step.day))
    return "  ".join(parts)


def render_text(status: ApplicationStatus) -> str:
    lines = [
        _("Application for permanent residence on {day}").format(day=format_date(status.as_of)),
        _("Stage: {stage}").format(stage=_(STAGE_TITLES[status.stage])),
    ]
    for extra in (countdown(status), processing_line(status)):
        if extra:
            lines.append(extra)
    lines.append(status.next_step)
    if status.stage in ("profile", "invited", "invitation_expired"):
        lines.append("")
        blocking = [b for b in status.blockers if b.blocks]
        warnings = [b for b in status.blockers if not b.blocks]
        if not status.blockers:
            lines.append(_("Nothing blocks submission."))
        if blocking:
            lines.append(_("What blocks submission ({n}):").format(n=len(blocking)))
            lines += [f"  - {b.title}" for b in blocking]
        if warnings:
            lines.append(_("Watch ({n}):").format(n=len(warnings)))
            lines += [f"  - {b.title}" for b in warnings]
    if status.still_missing:
        lines.append("")
        lines.append(
            _("Still missing (IRCC may ask for these) ({n}):").format(n=len(status.still_missing))
        )
        lines += [f"  - {b.title}" for b in status.still_missing]
    lines.append("")
    lines.append(_("Timeline:"))
    lines += [f"  {step_line(s)}" for s in status.timeline]
    return "\n".join(lines) + "\n"
