"""The history checks as the `history` command prints them: JSON (the contract of
application-history.md) and sentences."""

from __future__ import annotations

from typing import Any

from ee_desktop.history.checks import Finding, HistoryReport, PersonHistory
from ee_desktop.history.timeline import Span
from ee_desktop.i18n import _, ngettext
from ee_desktop.profile.background_codec import month_text


def _months(span: Span) -> dict[str, str]:
    return {"from": month_text(span.start), "to": month_text(span.end)}


def _days(span: Span) -> dict[str, str]:
    return {"from": span.start.isoformat(), "to": span.end.isoformat()}


def _findings(found: tuple[Finding, ...]) -> list[dict[str, str]]:
    return [{"field": f.field, "message": f.message} for f in found]


def to_json(report: HistoryReport) -> dict[str, Any]:
    return {
        "as_of": report.as_of.isoformat(),
        "complete": report.complete,
        "people": [_person_json(p) for p in report.people],
        "notes": _findings(report.notes),
    }


def _person_json(p: PersonHistory) -> dict[str, Any]:
    return {
        "person": p.member.key,
        "name": p.member.name,
        "window": _days(p.member.window),
        "personal_history": {"gaps": [_months(g) for g in p.personal_gaps]},
        "addresses": {
            "gaps": [_days(g) for g in p.address_gaps],
            "overlaps": [_days(o) for o in p.address_overlaps],
        },
        "problems": _findings(p.problems),
        "notes": _findings(p.notes),
        "status": p.status(),
    }


def render_text(report: HistoryReport) -> str:
    lines = [
        _("Permanent-residence histories on {day}").format(day=report.as_of.isoformat()),
        "",
    ]
    for person in report.people:
        lines += _person_text(person)
        lines.append("")
    for note in report.notes:
        lines.append(_("Note: {message}").format(message=note.message))
    if report.complete:
        lines.append(_("Every history is complete: no gaps, no problems."))
    return "\n".join(lines).rstrip() + "\n"


def _person_text(p: PersonHistory) -> list[str]:
    window = p.member.window
    lines = [
        _("{name} ({status})").format(name=p.member.name, status=p.status()),
        "  "
        + _("Window: {start} to {end}").format(
            start=window.start.isoformat(), end=window.end.isoformat()
        ),
    ]
    for gap in p.personal_gaps:
        months = month_text(gap.start)
        if gap.end != gap.start:
            months = _("{start} to {end}").format(start=months, end=month_text(gap.end))
        lines.append(
            "  "
            + _("Personal history: nothing for {months}; every month needs an entry.").format(
                months=months
            )
        )
    for gap in p.address_gaps:
        days = (gap.end - gap.start).days + 1
        lines.append(
            "  "
            + ngettext(
                "Addresses: no place lived from {start} to {end} ({days} day).",
                "Addresses: no place lived from {start} to {end} ({days} days).",
                days,
            ).format(start=gap.start.isoformat(), end=gap.end.isoformat(), days=days)
        )
    for overlap in p.address_overlaps:
        lines.append(
            "  "
            + _("Addresses: two places lived at once from {start} to {end}.").format(
                start=overlap.start.isoformat(), end=overlap.end.isoformat()
            )
        )
    lines += [f"  {f.field}: {f.message}" for f in p.problems]
    lines += ["  " + _("Note: {message}").format(message=f.message) for f in p.notes]
    return lines
