"""One entry of a section as a card: two columns of inputs (one under the other when the
page is narrow), a title that sums the entry up, and what the checks say about it."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QWidget

from ee_desktop.i18n import _
from ee_desktop.profile.problems import Problem
from ee_desktop.ui.forms.document import Node
from ee_desktop.ui.forms.inputs import SectionForm
from ee_desktop.ui.forms.quiet import set_shown, set_text
from ee_desktop.ui.forms.section import Section
from ee_desktop.wizard.records import Card

TWO_COLUMNS_FROM = 640  # px: narrower cards put the second column under the first
FINDING_STYLE = "color: #8a4b00;"


class EntryCard(Card):
    form: SectionForm  # the wizard's card holds a plain Form: replaced below

    def __init__(self, section: Section, base_path: str, index: int) -> None:
        super().__init__("", base_path, _(section.remove))
        self.section = section
        self.index = index
        # The wizard's card holds a plain Form: these entries need months and optional choices.
        self.layout_.removeWidget(self.form)
        self.form.setParent(None)
        self.form.deleteLater()
        self.form = SectionForm(base_path)
        self.form.edited.connect(self.edited)
        side_path = base_path if section.side_key is None else f"{base_path}.{section.side_key}"
        self.side = SectionForm(side_path)
        self.side.edited.connect(self._side_edited)
        self.side_node: Node = {}
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(16)
        self.columns.addWidget(self.form, 1)
        self.columns.addWidget(self.side, 1)
        self.layout_.insertLayout(0, self.columns)
        self.findings = QLabel()
        self.findings.setObjectName(base_path + ":findings")
        self.findings.setWordWrap(True)
        self.findings.setStyleSheet(FINDING_STYLE)
        self.findings.setVisible(False)
        last = self.layout_.itemAt(self.layout_.count() - 1)
        bottom = None if last is None else last.layout()
        if isinstance(bottom, QHBoxLayout):  # the wizard's row with the Remove button
            bottom.insertWidget(0, self.findings, 1)
        section.fill(self)
        self.edited.connect(self._retitle)

    def bind(self, node: Node) -> None:
        super().bind(node)
        key = self.section.side_key
        if key is None:
            self.side_node = node
        else:
            own = node.get(key)
            self.side_node = own if isinstance(own, dict) else {}
        self.side.bind(self.side_node)
        self._retitle()

    def _side_edited(self) -> None:
        key = self.section.side_key
        if key is not None:
            # The object joins the entry with its first value and leaves it with its last:
            # an entry nobody typed an address for keeps none.
            if any(v not in (None, "") for v in self.side_node.values()):
                self.node[key] = self.side_node
            else:
                self.node.pop(key, None)
        self.edited.emit()

    def _retitle(self) -> None:
        name = _(self.section.entry).format(n=self.index + 1)
        summary = self.section.summary(self.node)
        self.setTitle(f"{name} · {summary}" if summary else name)

    def show_problems(self, problems: dict[str, Problem], force: bool) -> None:
        super().show_problems(problems, force)
        self.side.show_problems(problems, force)

    def show_findings(self, messages: list[str]) -> None:
        set_text(self.findings, "\n".join(f"⚠ {m}" for m in messages))
        set_shown(self.findings, bool(messages))

    def field_widget(self, path: str) -> QWidget | None:
        for form in (self.form, self.side):
            for field in form.fields:
                if field.path == path:
                    return field.widget
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= TWO_COLUMNS_FROM
            else QBoxLayout.Direction.TopToBottom
        )
        if self.columns.direction() != wanted:
            self.columns.setDirection(wanted)
        super().resizeEvent(event)
