"""The findings beside the forms, as the score sits beside the wizard: what to correct
before saving, the gaps, what the checks question, and notes. A fixed width, so the forms
do not move as the list changes; each finding links to the entry it concerns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ee_desktop.history.checks import Finding, PersonHistory
from ee_desktop.history.timeline import Span
from ee_desktop.i18n import _, ngettext
from ee_desktop.profile.background_codec import month_text
from ee_desktop.profile.problems import Problem
from ee_desktop.ui.forms.quiet import set_text

PANEL_WIDTH = 270
KINDS = {
    "error": "#b00020",
    "gap": "#b00020",
    "problem": "#8a4b00",
    "note": "#555555",
    "ok": "#1b5e20",
}


@dataclass(frozen=True, slots=True)
class Item:
    kind: str  # error, gap, problem, note, ok
    text: str
    path: str = ""  # where a click goes; "" for none


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _months(span: Span) -> str:
    if span.start == span.end:
        return month_text(span.start)
    return _("{start} to {end}").format(start=month_text(span.start), end=month_text(span.end))


def _days(span: Span) -> str:
    if span.start == span.end:
        return span.start.isoformat()
    return _("{start} to {end}").format(start=span.start.isoformat(), end=span.end.isoformat())


def items_for(
    problems: list[Problem],
    history: PersonHistory | None,
    general: tuple[Finding, ...],
    pending: int,
    held: int,
    stale: bool,
    where: Callable[[str], str],
) -> list[Item]:
    """What the panel lists for one person: ``problems`` (the format's, as typed), the
    ``history`` checks (None: none yet), ``general`` notes about the family; ``pending``
    new entries the checks leave out, ``held`` ones they take as they last were sound."""
    found = [
        Item(
            "error",
            _("{where}: expected {expected}.").format(where=where(p.path), expected=p.expected),
            p.path,
        )
        for p in problems
    ]
    if stale:
        found.append(Item("note", _("The checks wait until the entries in red are corrected.")))
    if not stale and held:
        found.append(
            Item(
                "note",
                ngettext(
                    "Until it is corrected, {n} entry is checked as it was before.",
                    "Until they are corrected, {n} entries are checked as they were before.",
                    held,
                ).format(n=held),
            )
        )
    if not stale and pending:
        found.append(
            Item(
                "note",
                ngettext(
                    "{n} entry still being typed is not counted in the checks yet.",
                    "{n} entries still being typed are not counted in the checks yet.",
                    pending,
                ).format(n=pending),
            )
        )
    if history is not None and not stale:
        path = history.member.path
        found += [
            Item(
                "gap",
                _("Personal history: nothing in {months}.").format(months=_months(gap)),
                f"{path}.personal_history",
            )
            for gap in history.personal_gaps
        ]
        found += [
            Item(
                "gap",
                _("Addresses: no place lived {days}.").format(days=_days(gap)),
                f"{path}.residence_history",
            )
            for gap in history.address_gaps
        ]
        found += [
            Item(
                "gap",
                _("Addresses: two places at once {days}.").format(days=_days(overlap)),
                f"{path}.residence_history",
            )
            for overlap in history.address_overlaps
        ]
        found += [
            Item(
                "problem",
                _("{where}: {message}").format(where=where(f.field), message=f.message),
                f.field,
            )
            for f in history.problems
        ]
        found += [Item("note", f.message, f.field) for f in history.notes]
        if history.complete and not problems:
            found.insert(0, Item("ok", _("✓ Complete: no gap, no overlap, nothing to correct.")))
    found += [Item("note", f.message) for f in general]
    return found


class FindingsPanel(QFrame):
    """``go_to(path)``: a finding was clicked."""

    go_to = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forms:findings")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(PANEL_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        caption = QLabel(_("What the checks find"))
        caption.setStyleSheet("font-weight: 600;")
        layout.addWidget(caption)
        self.summary = QLabel()
        self.summary.setObjectName("forms:findings:summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.list = QVBoxLayout(self.body)
        self.list.setContentsMargins(0, 0, 4, 0)
        self.list.setSpacing(6)
        self.list.addStretch(1)
        scroll.setWidget(self.body)
        layout.addWidget(scroll, 1)
        self.items: list[Item] = []
        self.labels: list[QLabel] = []

    def show_items(self, summary: str, items: list[Item]) -> None:
        set_text(self.summary, summary)
        if items == self.items:
            return  # nothing new: no flicker while typing
        self.items = items
        for label in self.labels:
            self.list.removeWidget(label)
            label.setParent(None)
            label.deleteLater()
        self.labels = []
        for index, item in enumerate(items):
            colour = KINDS[item.kind]
            text = _escape(item.text)
            if item.path:
                text = (
                    f'<a href="{_escape(item.path)}" style="color:{colour}; '
                    f'text-decoration: none;">{text}</a>'
                )
            label = QLabel(f'<span style="color:{colour};">{text}</span>')
            label.setObjectName(f"finding[{index}]")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setToolTip(_("Show this entry") if item.path else "")
            label.linkActivated.connect(self.go_to)
            self.list.insertWidget(index, label)
            self.labels.append(label)

    def texts(self) -> list[str]:
        return [item.text for item in self.items]
