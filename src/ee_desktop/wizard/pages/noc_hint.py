"""The NOC title and TEER shown under a NOC code field, with matches offered as typed."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLabel

from ee_desktop.noc import noc_index
from ee_desktop.wizard import terms
from ee_desktop.wizard.fields import TextField


class NocHint(QLabel):
    """Shows the NOC title and TEER of the code typed; offers matches as the user types."""

    def __init__(self, field: TextField) -> None:
        super().__init__()
        self.field = field
        self.setWordWrap(True)
        self.setObjectName(field.path + ":title")
        self.model = QStringListModel()
        self.completer = QCompleter(self.model, field.line)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.activated.connect(self._chosen)
        field.line.setCompleter(self.completer)
        field.line.textEdited.connect(self._search)

    def _search(self, text: str) -> None:
        matches = noc_index().search(text, limit=30)
        self.model.setStringList([f"{m.occupation.code} {m.matched_title}" for m in matches])
        self.update_title()

    def _chosen(self, text: str) -> None:
        code = text.split(" ", 1)[0]
        self.field.line.setText(code)
        self.field._changed()
        self.update_title()

    def update_title(self) -> None:
        occupation = noc_index().get(str(self.field.node.get("noc_code", "")))
        if occupation is None:
            self.setText("")
            return
        skilled = self.tr("skilled") if occupation.teer <= 3 else self.tr("not skilled")
        self.setText(
            self.tr("%1 — TEER %2 (%3)")
            .replace("%1", occupation.title())
            .replace("%2", str(occupation.teer))
            .replace("%3", skilled)
        )
        self.setToolTip(terms.teer())
