"""The printable checklist: tick boxes grouped by person and stage."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph

from ee_desktop.checklist import STAGE_NAMES, STAGES, STATUS_NAMES, ChecklistEntry
from ee_desktop.i18n import _, format_date

from .layout import Layout, text
from .model import ReportInput
from .values import day

BOX = 9.0


class TickBox(Flowable):  # type: ignore[misc]
    """An empty square to tick with a pen, or a ticked one for a document already in hand."""

    def __init__(self, ticked: bool) -> None:
        super().__init__()
        self.ticked = ticked
        self.width = self.height = BOX

    def wrap(self, *_args: Any) -> tuple[float, float]:
        return BOX, BOX

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.8)
        c.setStrokeColor(colors.black)
        c.rect(0, 0, BOX, BOX)
        if self.ticked:
            c.setLineWidth(1.3)
            c.lines([(1.8, 4.6, 3.8, 2.0), (3.8, 2.0, 7.6, 7.6)])


def _status(entry: ChecklistEntry) -> str:
    name = _(STATUS_NAMES.get(entry.status, entry.status))
    on = {
        "requested": entry.requested_on,
        "received": entry.received_on,
        "uploaded": entry.uploaded_on,
    }.get(entry.status)
    return f"{name} {day(on)}" if on else name


def _what(lay: Layout, entry: ChecklistEntry) -> list[Flowable]:
    small = lay.styles.small
    out = [Paragraph(text(entry.title), lay.styles.cell_bold)]
    if entry.reason:
        out.append(Paragraph(_("Why: {reason}").format(reason=text(entry.reason)), small))
    if entry.contents:
        lines = "<br/>".join("\u2022 " + text(line) for line in entry.contents)
        out.append(Paragraph(text(_("Must contain:")) + "<br/>" + lines, small))
    if entry.notes:
        out.append(Paragraph(_("Notes: {notes}").format(notes=text(entry.notes)), small))
    return out


def _valid(lay: Layout, entry: ChecklistEntry) -> list[Flowable]:
    out = []
    if entry.expires_on is not None:
        out.append(Paragraph(text(day(entry.expires_on)), lay.styles.cell))
    if entry.validity:
        out.append(Paragraph(text(entry.validity), lay.styles.small))
    return out


def _table(
    lay: Layout, title: str, entries: Sequence[ChecklistEntry], with_person: bool
) -> Flowable:
    rows = []
    for e in entries:
        what = _what(lay, e)
        if with_person:
            label = _("For: {person} ({stage} stage)").format(
                person=text(e.person_label), stage=text(_(STAGE_NAMES.get(e.stage, e.stage)))
            )
            what.insert(1, Paragraph(label, lay.styles.small))
        rows.append((TickBox(e.done), what, _status(e), _valid(lay, e)))
    header = ["", _("Document"), _("Status"), _("Valid until")]
    return lay.table(header, rows, [0.05, 0.6, 0.17, 0.18], title=title)


def _groups(entries: Sequence[ChecklistEntry]) -> list[tuple[str, str, list[ChecklistEntry]]]:
    """(person label, stage, entries): people in the order they first appear, stages in
    the order of the process, each entry in its original order."""
    people: dict[str, str] = {}
    for e in entries:
        people.setdefault(e.person, e.person_label)
    stages = list(STAGES) + sorted({e.stage for e in entries} - set(STAGES))
    out = []
    for person, person_label in people.items():
        for stage in stages:
            group = [e for e in entries if e.person == person and e.stage == stage]
            if group:
                out.append((person_label, stage, group))
    return out


def checklist(data: ReportInput, lay: Layout) -> list[Flowable]:
    needed = [e for e in data.checklist if e.needed]
    gone = [e for e in data.checklist if not e.needed]
    done = sum(e.done for e in needed)
    intro = _(
        "{done} of {total} documents ready on {day}. Tick each box when you have the document; "
        "a ticked box was already received or uploaded."
    ).format(done=done, total=len(needed), day=format_date(data.as_of))
    out: list[Flowable] = [
        Paragraph(text(_("Document checklist")), lay.styles.title),
        lay.paragraph(text(intro)),
    ]
    for person_label, stage, group in _groups(needed):
        title = _("{person}: {stage} stage").format(
            person=person_label, stage=_(STAGE_NAMES.get(stage, stage))
        )
        out.append(_table(lay, title, group, with_person=False))
    if gone:  # each row says why: the file no longer needs it, its progress is kept
        out.append(_table(lay, _("No longer needed"), gone, with_person=True))
    if not data.checklist:
        out.append(lay.paragraph(text(_("No documents to list."))))
    return out
