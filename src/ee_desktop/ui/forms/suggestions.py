"""“Add from my file”: the jobs and studies the file holds that the personal history does
not, each shown for the user to add, or not. Nothing is added without a click."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ee_desktop.i18n import _, ngettext
from ee_desktop.ui.forms.quiet import set_shown, set_text, set_tooltip

PANEL_STYLE = "QFrame#suggestions { border: 1px solid #9fb8d6; border-radius: 4px; }"


class FromFile(QWidget):
    add_requested = Signal(int)
    add_all_requested = Signal()

    def __init__(self, list_path: str) -> None:
        super().__init__()
        self.list_path = list_path
        self.button = QPushButton(_("Add from my file"))
        self.button.setObjectName(list_path + ":from_file")
        self.button.setCheckable(True)
        self.tooltip = _(
            "Your jobs and studies from the personal file, as periods to check and add."
        )
        self.button.setToolTip(self.tooltip)
        self.shown: list[str] | None = None
        self.button.toggled.connect(self._toggled)
        self.panel = QFrame()
        self.panel.setObjectName("suggestions")
        self.panel.setStyleSheet(PANEL_STYLE)
        self.panel_layout = QVBoxLayout(self.panel)
        self.panel_layout.setContentsMargins(8, 6, 8, 6)
        self.explain = QLabel(
            _(
                "From your personal file, not yet in the personal history. Check each period "
                "(dates, city, status) and add the ones that belong; nothing is added unless "
                "you click."
            )
        )
        self.explain.setWordWrap(True)
        self.panel_layout.addWidget(self.explain)
        self.rows: list[QWidget] = []
        self.add_all = QPushButton(_("Add them all"))
        self.add_all.setObjectName(list_path + ":suggestions:add_all")
        self.add_all.clicked.connect(self.add_all_requested)
        self.footer = QHBoxLayout()
        self.footer.addStretch(1)
        self.footer.addWidget(self.add_all)
        self.panel_layout.addLayout(self.footer)
        self.panel.setVisible(False)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.panel)

    def show_suggestions(self, texts: Sequence[str], open_: bool = False) -> None:
        if self.shown is None or list(texts) != self.shown:
            self._rebuild(texts)
        count = len(texts)
        if open_ and count:
            self.button.setChecked(True)
        self._toggled(self.button.isChecked() and bool(count))

    def _rebuild(self, texts: Sequence[str]) -> None:
        self.shown = list(texts)
        for row in self.rows:
            self.panel_layout.removeWidget(row)
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for index, text in enumerate(texts):
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            label = QLabel(text)
            label.setWordWrap(True)
            label.setObjectName(f"{self.list_path}:suggestion[{index}]")
            add = QPushButton(_("Add"))
            add.setObjectName(f"{self.list_path}:suggestion[{index}]:add")
            add.setAccessibleName(_("Add: {what}").format(what=text))
            add.clicked.connect(lambda _checked=False, index=index: self.add_requested.emit(index))
            layout.addWidget(label, 1)
            layout.addWidget(add)
            self.panel_layout.insertWidget(1 + index, row)
            self.rows.append(row)
        count = len(texts)
        self.button.setEnabled(bool(count))
        set_text(
            self.button,
            ngettext("Add from my file ({n})", "Add from my file ({n})", count).format(n=count)
            if count
            else _("Add from my file"),
        )
        set_tooltip(
            self.button,
            self.tooltip if count else _("Every job and study of your file is in the history."),
        )
        set_shown(self.add_all, count > 1)

    def _toggled(self, on: bool) -> None:
        set_shown(self.panel, on)
