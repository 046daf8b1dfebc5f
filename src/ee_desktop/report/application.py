"""The worksheet's section on the application for permanent residence: its stage, the
countdown to submission, what blocks it and the timeline. Printed only once a milestone is
recorded, so a file without an invitation gets the worksheet it always had."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer

from ee_desktop.application.model import STAGE_TITLES, ApplicationStatus, Blocker, Step
from ee_desktop.application.output import STATE_NAMES, countdown, processing_line
from ee_desktop.i18n import _

from .layout import SHADE, Group, Layout, text
from .model import ReportInput
from .values import day

BEFORE_SUBMISSION = ("invited", "invitation_expired")


def _recorded(status: ApplicationStatus | None) -> ApplicationStatus | None:
    """The status when at least one milestone is recorded."""
    if status is None or not any(step.on is not None for step in status.timeline):
        return None
    return status


def _summary(status: ApplicationStatus, lay: Layout) -> Group:
    pairs: list[tuple[str, object]] = [(_("Stage"), _(STAGE_TITLES[status.stage]))]
    line = countdown(status)
    if line:
        late = status.days_left is not None and status.days_left < 0
        style = lay.styles.alert if late else lay.styles.cell_bold
        pairs.append((_("Submission deadline"), Paragraph(text(line), style)))
    line = processing_line(status)
    if line:
        over = status.processing is not None and status.processing.over_standard
        style = lay.styles.alert if over else lay.styles.cell
        pairs.append((_("Processing"), Paragraph(text(line), style)))
    if status.copr_expires is not None and status.stage == "approved":
        pairs.append((_("Confirmation of permanent residence expires"), day(status.copr_expires)))
    pairs.append((_("Next step"), status.next_step))
    return [lay.fields(pairs, columns=1, label_share=0.3), Spacer(1, 4)]


def _blocker_row(lay: Layout, blocker: Blocker, until: bool) -> tuple[object, ...]:
    mark = (
        Paragraph(text(_("Blocks")), lay.styles.alert)
        if blocker.blocks
        else Paragraph(text(_("Watch")), lay.styles.cell_bold)
    )
    # The titles already name whose document it is when it is not the applicant's.
    what: list[Flowable] = [Paragraph(text(blocker.title), lay.styles.cell_bold)]
    if blocker.detail:
        what.append(Paragraph(text(blocker.detail), lay.styles.small))
    if not until:
        return (mark, what)
    return (mark, what, day(blocker.until) if blocker.until else "")


def _blockers(status: ApplicationStatus, lay: Layout) -> Group:
    title = lay.subheading(_("What blocks submission"))
    if not status.blockers:
        return [title, lay.paragraph(text(_("Nothing blocks submission.")))]
    ordered = sorted(status.blockers, key=lambda b: not b.blocks)
    intro = _(
        "\u201cBlocks\u201d: the application cannot be submitted complete as things stand. "
        "\u201cWatch\u201d: fine if you submit in time."
    )
    # A column for the last day a document can be used, when one of them has such a day.
    until = any(b.until is not None for b in ordered)
    header = [_("Effect"), _("What")]
    widths = [0.1, 0.9]
    if until:
        header.append(_("Usable until"))
        widths = [0.1, 0.76, 0.14]
    rows = [_blocker_row(lay, b, until) for b in ordered]
    table = lay.table(header, rows, widths)
    return [title, lay.p(text(intro), lay.styles.small), Spacer(1, 2), table]


def _state(lay: Layout, step: Step) -> Paragraph:
    words = [text(_(STATE_NAMES[step.state]))]
    if step.done_on is not None:
        # A cell of the timeline's table, beside its numeric Date and Deadline columns.
        words.append(text(_("answered {day}").format(day=day(step.done_on))))
    if step.day is not None:
        words.append(text(_("day {n}").format(n=step.day)))
    style = lay.styles.alert if step.state == "overdue" else lay.styles.cell
    return Paragraph("<br/>".join(words), style)


def _step_row(lay: Layout, step: Step) -> tuple[object, ...]:
    style = lay.styles.cell if step.on is None else lay.styles.cell_bold
    what: list[Flowable] = [Paragraph(text(step.title), style)]
    if step.time_limit:
        what.append(Paragraph(text(step.time_limit), lay.styles.small))
    if step.note:
        what.append(Paragraph(text(_("Note: {note}").format(note=step.note)), lay.styles.small))
    return (
        day(step.on) if step.on else "",
        what,
        day(step.due) if step.due else "",
        _state(lay, step),
    )


def _timeline(status: ApplicationStatus, lay: Layout) -> Group:
    rows = [_step_row(lay, s) for s in status.timeline]
    # Recorded steps in bold, open and overdue ones shaded; steps still to come have no date.
    marks: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, row), (-1, row), SHADE)
        for row, step in enumerate(status.timeline, 1)
        if step.state in ("open", "overdue")
    ]
    header = [_("Date"), _("Step"), _("Deadline"), _("State")]
    table = lay.table(header, rows, [0.13, 0.51, 0.13, 0.23], extra=marks)
    return [lay.subheading(_("Timeline")), table]


def application(data: ReportInput, lay: Layout) -> list[Flowable]:
    status = _recorded(data.application)
    if status is None:
        return []
    groups = [_summary(status, lay)]
    if status.stage in BEFORE_SUBMISSION:
        groups.append(_blockers(status, lay))
    groups.append(_timeline(status, lay))
    return lay.section(_("10. Application for permanent residence"), groups)
