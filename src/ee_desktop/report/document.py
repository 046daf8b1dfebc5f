"""render(): one report, or the first three in one document, as PDF bytes."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, PageBreak

from ee_desktop.i18n import N_, _, format_date

from . import worksheet
from .checklist import checklist
from .deadlines import deadlines
from .forms import forms
from .layout import PageHeader, build_pdf, layout
from .model import ReportInput

KINDS = ("worksheet", "checklist", "deadlines", "all", "forms")
PAPERS = ("a4", "letter")
TITLES = {
    "worksheet": N_("Express Entry profile worksheet"),
    "checklist": N_("Express Entry document checklist"),
    "deadlines": N_("Express Entry deadlines"),
    "all": N_("Express Entry worksheet, checklist and deadlines"),
    "forms": N_("Permanent residence forms worksheet"),
}


def _builders(kind: str) -> list[worksheet.Section]:
    parts: dict[str, list[worksheet.Section]] = {
        "worksheet": list(worksheet.SECTION_BUILDERS),
        "checklist": [checklist],
        "deadlines": [deadlines],
        "forms": [forms],  # not in "all": it is for after an invitation
    }
    if kind != "all":
        return parts[kind]
    # Each document starts on a page of its own, as when printed one by one.
    return [*parts["worksheet"], _page_break, *parts["checklist"], _page_break, *parts["deadlines"]]


def _page_break(_data: ReportInput, _lay: object) -> list[Flowable]:
    return [PageBreak()]


def render(
    data: ReportInput,
    kind: str,
    paper: str = "a4",
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The PDF as bytes. `kind` in KINDS ("all" = worksheet, then checklist, then deadlines,
    in one document; "forms" = the permanent-residence forms worksheet); `paper` in PAPERS.
    `progress(done, total)` may be called from the worker thread as sections are built.
    Raises ValueError for an unknown kind or paper."""
    if kind not in KINDS:
        raise ValueError(f"unknown report kind {kind!r}; expected one of {KINDS}")
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; expected one of {PAPERS}")
    builders = _builders(kind)
    total = len(builders) + 1  # the last step lays out the pages
    report = progress or (lambda _done, _total: None)
    report(0, total)
    lay = layout(paper)
    story: list[Flowable] = []
    for done, build in enumerate(builders, 1):
        story += build(data, lay)
        report(done, total)
    header = PageHeader(
        name=data.profile.applicant.full_name,
        line=_("Generated on {day} by ee-desktop, computed on this computer").format(
            day=format_date(data.as_of)
        ),
        title=_(TITLES[kind]),
    )
    pdf = build_pdf(story, paper, header)
    report(total, total)
    return pdf
