"""The optional "Status in Canada" section of each person: applicant, spouse and child.

Unticked, the person has no ``status_in_canada`` (the saved file has no key). The kind
"none" has no permit: its dates are cleared and their inputs disabled; only a work permit
can be employer-specific.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from ee_desktop.wizard.fields import Node
from ee_desktop.wizard.records import OptionalGroup


def new_status(_person: Node) -> Node:
    return {
        "kind": "worker",
        "permit_expires_on": "",
        "applied_to_extend_on": None,
        "employer_specific": False,
    }


class StatusGroup(OptionalGroup):
    def __init__(self, person_path: str, kept: Callable[[], Node]) -> None:
        super().__init__(
            QCoreApplication.translate("wizard", "Status in Canada"),
            person_path,
            "status_in_canada",
            new_status,
            kept,
        )
        self.setToolTip(
            QCoreApplication.translate(
                "wizard",
                "Tick when the person is in Canada on a permit or as a visitor: the "
                "deadlines then show when the permit expires and when to apply to extend it.",
            )
        )
        f = self.form
        self.kind = f.choice(
            "kind",
            QCoreApplication.translate("wizard", "Kin&d:"),
            [
                ("worker", QCoreApplication.translate("wizard", "Worker")),
                ("student", QCoreApplication.translate("wizard", "Student")),
                ("visitor", QCoreApplication.translate("wizard", "Visitor")),
                ("none", QCoreApplication.translate("wizard", "None (no status now)")),
            ],
            QCoreApplication.translate("wizard", "The status given by the permit or visa."),
        )
        self.expires = f.date(
            "permit_expires_on",
            QCoreApplication.translate("wizard", "Permit ex&pires on:"),
            QCoreApplication.translate(
                "wizard", "The expiry date printed on the permit (for a visitor, the stay's end)."
            ),
        )
        self.applied = f.date(
            "applied_to_extend_on",
            QCoreApplication.translate("wizard", "Applied to ex&tend on:"),
            QCoreApplication.translate(
                "wizard",
                "Optional: the day the application to extend was sent. Sent before the "
                "expiry, the person keeps their status while it is processed.",
            ),
            nullable=True,
        )
        self.closed = f.check(
            "employer_specific",
            QCoreApplication.translate("wizard", "Closed work permit (tied to one emp&loyer)"),
            QCoreApplication.translate(
                "wizard", "An employer-specific work permit names the employer on it."
            ),
        )
        self.kind.edited.connect(self._kind_changed)

    def bind(self, parent_node: Node) -> None:
        super().bind(parent_node)
        self._enable()

    def _toggled(self, on: bool) -> None:
        super()._toggled(on)
        self._enable()

    def _kind_changed(self) -> None:
        node = self.parent_node.get(self.key)
        if not isinstance(node, dict):
            return
        kind = node.get("kind")
        if kind == "none":
            node["permit_expires_on"] = None
            node["applied_to_extend_on"] = None
        elif node.get("permit_expires_on") is None:
            node["permit_expires_on"] = ""
        if kind != "worker":
            node["employer_specific"] = False
        self.form.bind(node)
        self._enable()

    def _enable(self) -> None:
        node = self.parent_node.get(self.key)
        kind = node.get("kind") if isinstance(node, dict) else None
        for field in (self.expires, self.applied):
            field.widget.setEnabled(kind != "none")
        self.closed.widget.setEnabled(kind == "worker")
