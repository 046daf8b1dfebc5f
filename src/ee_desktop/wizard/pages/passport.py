"""The optional passport section every person has: applicant, spouse and child."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from ee_desktop.wizard.fields import Node
from ee_desktop.wizard.records import OptionalGroup


def passport_group(person_path: str, kept: Callable[[], Node]) -> OptionalGroup:
    group = OptionalGroup(
        QCoreApplication.translate("wizard", "Has a valid passport"),
        person_path,
        "passport",
        lambda _node: {"number": "", "country": "", "issued_on": "", "expires_on": ""},
        kept,
    )
    p = group.form
    p.text("number", QCoreApplication.translate("wizard", "Passport &number:"))
    p.country(
        "country",
        QCoreApplication.translate("wizard", "Issued b&y:"),
        QCoreApplication.translate("wizard", "The country that issued it."),
    )
    p.date("issued_on", QCoreApplication.translate("wizard", "&Issued on:"))
    p.date(
        "expires_on",
        QCoreApplication.translate("wizard", "E&xpires on:"),
        QCoreApplication.translate("wizard", "It must stay valid until landing."),
    )
    return group
