"""The deadline list: every date from the file, soonest first, overdue ones marked."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from ee_desktop.checklist.people import people
from ee_desktop.deadlines.model import Deadline
from ee_desktop.i18n import _, format_date, ngettext
from ee_desktop.profile.model import Profile

from .layout import SHADE, Layout, text
from .model import ReportInput
from .values import day, signed


def _people(profile: Profile) -> dict[str, str]:
    """Person codes as short names for a narrow column: "You", "Omar", "Mira"."""
    names = {"": _("Whole file")}
    for person in people(profile):
        name = person.label if person.role == "applicant" else person.name
        names[person.id] = name[:1].upper() + name[1:]
    return names


def _when(item: Deadline, as_of: date) -> tuple[str, bool]:
    """The time left in words, and whether it is overdue."""
    if item.done:
        return _("done"), False
    left = (item.due - as_of).days
    if left < 0:
        return ngettext("OVERDUE by {n} day", "OVERDUE by {n} days", -left).format(n=-left), True
    if left == 0:
        return _("today"), False
    return ngettext("in {n} day", "in {n} days", left).format(n=left), False


def deadlines(data: ReportInput, lay: Layout) -> list[Flowable]:
    items = sorted(data.deadlines, key=lambda d: (d.due, d.uid))
    whom = _people(data.profile)
    rows: list[tuple[object, ...]] = []
    marks: list[tuple[Any, ...]] = []
    overdue = 0
    for row, item in enumerate(items, 1):
        when, late = _when(item, data.as_of)
        what: list[Flowable] = [Paragraph(text(item.title), lay.styles.cell_bold)]
        if item.detail:
            what.append(Paragraph(text(item.detail), lay.styles.small))
        if late:
            overdue += 1
            marks.append(("BACKGROUND", (0, row), (-1, row), SHADE))
        style = lay.styles.alert if late else lay.styles.cell
        rows.append(
            (
                day(item.due),
                Paragraph(text(when), style),
                what,
                whom.get(item.person, item.person),
                Paragraph(text(signed(item.points)), lay.styles.number),
            )
        )
    intro = _("Dates from your file as of {day}, soonest first.").format(
        day=format_date(data.as_of)
    )
    if overdue:
        intro += " " + ngettext(
            "{n} is overdue (shaded).", "{n} are overdue (shaded).", overdue
        ).format(n=overdue)
    out: list[Flowable] = [
        Paragraph(text(_("Deadlines")), lay.styles.title),
        lay.paragraph(text(intro)),
    ]
    if not items:
        out.append(lay.paragraph(text(_("No dates to show."))))
        return out
    header = [_("Date"), _("Time left"), _("What"), _("For whom"), _("CRS points")]
    out.append(lay.table(header, rows, [0.13, 0.15, 0.46, 0.16, 0.1], extra=marks))
    return out
