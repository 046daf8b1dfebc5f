"""The places a person has lived: a heading with its help, and a card per place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from ee_desktop.wizard.pages.numbering import numbered
from ee_desktop.wizard.records import Card, RecordList


def places_header(title: str) -> list[QWidget]:
    heading = QLabel(f"<b>{title}</b>")
    help_text = QLabel(
        QCoreApplication.translate(
            "wizard",
            "Every country lived in since age 18, oldest first. Each country where the "
            "person spent six months or more in a row needs a police certificate.",
        )
    )
    help_text.setWordWrap(True)
    return [heading, help_text]


def residence_list(person_path: str) -> RecordList:
    return RecordList(
        f"{person_path}.residence_history",
        QCoreApplication.translate("wizard", "Add a &place"),
        QCoreApplication.translate("wizard", "No places entered yet."),
        lambda: {"country": "", "from": "", "to": None},
        ResidenceCard,
    )


class ResidenceCard(Card):
    def __init__(self, base_path: str, index: int) -> None:
        super().__init__(
            numbered(QCoreApplication.translate("wizard", "Place %1"), index + 1),
            base_path,
            QCoreApplication.translate("wizard", "Remove this place"),
        )
        f = self.form
        f.country("country", self.tr("&Country:"))
        f.date("from", self.tr("Fro&m:"))
        f.date("to", self.tr("T&o:"), self.tr("Leave empty if you live there now."), nullable=True)
