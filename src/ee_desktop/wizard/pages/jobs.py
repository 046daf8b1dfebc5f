"""Work history cards, each naming the NOC occupation of its code."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from ee_desktop.wizard import terms
from ee_desktop.wizard.fields import Node
from ee_desktop.wizard.pages.noc_hint import NocHint
from ee_desktop.wizard.pages.numbering import numbered
from ee_desktop.wizard.records import Card, RecordList


class JobCard(Card):
    def __init__(self, base_path: str, index: int) -> None:
        super().__init__(
            numbered(QCoreApplication.translate("wizard", "Job %1"), index + 1),
            base_path,
            QCoreApplication.translate("wizard", "Remove this job"),
        )
        f = self.form
        f.text("title", self.tr("Job t&itle:"))
        f.text("employer", self.tr("&Employer:"))
        self.find_noc = QPushButton(self.tr("Find my NOC by duties…"))
        self.find_noc.setObjectName(base_path + ".noc_code:by_duties")
        self.find_noc.setToolTip(
            self.tr("Find the NOC whose main duties match the duties you really performed.")
        )
        self.find_noc.clicked.connect(self.open_noc_duties)
        noc = f.text(
            "noc_code",
            self.tr("&NOC code:"),
            terms.noc(),
            placeholder=self.tr("Type a code or a job title"),
            hint=self.find_noc,
        )
        self.noc_field = noc
        self.noc_hint = NocHint(noc)
        f.add_widget(self.noc_hint)
        f.country("country", self.tr("&Country:"), self.tr("Where you did this work."))
        f.date("start", self.tr("&Start date:"))
        f.date(
            "end",
            self.tr("En&d date:"),
            self.tr("Leave empty if you still work here."),
            nullable=True,
        )
        f.number("hours_per_week", self.tr("Hours per &week:"), terms.hours(), placeholder="1-168")
        f.check(
            "paid",
            self.tr("&Paid work (wages or commission)"),
            self.tr("Volunteer work and unpaid internships do not count."),
        )
        f.check(
            "self_employed",
            self.tr("Se&lf-employed"),
            self.tr("Self-employment does not count for the Canadian Experience Class."),
        )
        f.check(
            "while_full_time_student",
            self.tr("Done while a full-time st&udent"),
            terms.full_time_student(),
        )
        self.edited.connect(self.noc_hint.update_title)

    def bind(self, node: Node) -> None:
        super().bind(node)
        self.noc_hint.update_title()

    def open_noc_duties(self) -> None:
        from ee_desktop.wizard.pages.noc_duties import NocDutiesDialog

        dialog = NocDutiesDialog(str(self.noc_field.node.get("noc_code") or ""), self)
        dialog.chosen.connect(self.use_noc)
        dialog.open()
        self.noc_dialog = dialog

    def use_noc(self, code: str) -> None:
        """The code chosen in the dialog, set as if typed."""
        self.noc_field.line.setText(code)
        self.noc_field._changed()


def new_job() -> Node:
    return {
        "title": "",
        "employer": "",
        "noc_code": "",
        "country": "",
        "start": "",
        "end": None,
        "hours_per_week": "",
        "self_employed": False,
        "paid": True,
        "while_full_time_student": False,
    }


def job_list(prefix: str) -> RecordList:
    return RecordList(
        f"{prefix}.work_history",
        QCoreApplication.translate("wizard", "Add a &job"),
        QCoreApplication.translate("wizard", "No job entered yet."),
        new_job,
        JobCard,
    )
