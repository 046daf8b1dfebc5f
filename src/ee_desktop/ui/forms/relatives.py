"""IMM 5406, additional family information: parents, brothers and sisters, and the children
not already in the personal file. The spouse and children the file holds are shown, not
typed twice."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ee_desktop.history.checks import PersonHistory
from ee_desktop.history.prefill import FamilyMember, family_in_file
from ee_desktop.i18n import N_, _
from ee_desktop.profile.background import RELATIONSHIPS
from ee_desktop.profile.labels import MARITAL_STATUS, RELATIONSHIP, label
from ee_desktop.profile.model import MARITAL_STATUSES, Profile
from ee_desktop.ui.forms.document import Node
from ee_desktop.ui.forms.inputs import labelled
from ee_desktop.ui.forms.page import SectionPage
from ee_desktop.ui.forms.quiet import set_shown, set_text
from ee_desktop.ui.forms.section import Columns, Section, joined, text

# family_in_file's relationships.
IN_FILE = {"spouse": N_("spouse or partner"), "child": N_("child")}


def _fill(card: Columns) -> None:
    f, side = card.form, card.side
    f.choice(
        "relationship", _("&Relationship:"), labelled(RELATIONSHIP, RELATIONSHIPS, _("Choose…"))
    )
    f.text("given_names", _("&Given names:"))
    f.text("family_name", _("&Family name:"))
    f.day("date_of_birth", _("&Date of birth:"), nullable=True)
    f.country("country_of_birth", _("&Country of birth:"), optional=True)
    side.text(
        "address", _("&Address:"), _("Their present address; city and country at least."),
        nullable=True,
    )  # fmt: skip
    side.choice(
        "marital_status",
        _("&Marital status:"),
        labelled(MARITAL_STATUS, MARITAL_STATUSES, _("Not given")),
        optional=True,
    )
    side.text("occupation", _("&Occupation:"), nullable=True)
    side.day(
        "deceased_on",
        _("Died o&n:"),
        _("IMM 5406 asks for a relative who has died too: the date of death."),
        nullable=True,
    )
    side.check(
        "accompanying",
        _("Comes &with you to Canada"),
        _("Tick only for a relative who is part of this application."),
    )


def _summary(node: Node) -> str:
    name = f"{text(node, 'given_names')} {text(node, 'family_name')}".strip()
    relationship = text(node, "relationship")
    return joined(name, label(RELATIONSHIP, relationship) if relationship else "")


RELATIVES = Section(
    key="relatives",
    title=N_("Relatives"),
    intro=N_(
        "IMM 5406 (additional family information): your mother and father, your brothers "
        "and sisters (half- and step- too) and any children not listed in your personal "
        "file, also if they have died."
    ),
    entry=N_("Relative {n}"),
    add=N_("Add a &relative"),
    remove=N_("Remove this relative"),
    empty=N_("No relatives yet: add your mother and your father first."),
    new_item=lambda: {"relationship": "", "given_names": "", "family_name": ""},
    fill=_fill,
    summary=_summary,
)


def family_line(member: FamilyMember) -> str:
    coming = _("comes with you") if member.accompanying else _("does not come with you")
    return _("{name}, {relationship}, born {born}: {coming}").format(
        name=member.name,
        relationship=label(IN_FILE, member.relationship),
        born=member.date_of_birth.isoformat(),
        coming=coming,
    )


class RelativesPage(SectionPage):
    def __init__(self, person_path: str) -> None:
        super().__init__(RELATIVES, person_path)
        self.family = QLabel()
        self.family.setObjectName(self.list_path + ":in_file")
        self.family.setWordWrap(True)
        self.family.setStyleSheet("background: #eef3f8; padding: 6px; border-radius: 4px;")
        self.extras.addWidget(self.family)

    def show_history(self, history: PersonHistory | None, profile: Profile | None) -> None:
        if history is None or profile is None:
            return
        family = family_in_file(profile, history.member)
        lines = [_("Already in your personal file (IMM 5406 lists them too; change them with "
                   "Edit personal file):")]  # fmt: skip
        lines += [f"• {family_line(m)}" for m in family]
        set_text(self.family, "\n".join(lines))
        set_shown(self.family, bool(family))
