"""IMM 5669 questions 7, 9 and 10: memberships, government positions, military service."""

from __future__ import annotations

from ee_desktop.i18n import N_, _
from ee_desktop.profile.background import JURISDICTIONS
from ee_desktop.profile.labels import JURISDICTION
from ee_desktop.ui.forms.inputs import labelled
from ee_desktop.ui.forms.section import Columns, Section, joined, period, text

TO_NOW = N_("Leave empty if it continues today.")


def _months(card: Columns) -> None:
    card.form.month("from", _("&From:"))
    card.form.month("to", _("&To:"), _(TO_NOW), nullable=True)


def _membership(card: Columns) -> None:
    f, side = card.form, card.side
    _months(card)
    f.text("organization", _("&Organization:"))
    f.text(
        "organization_type",
        _("T&ype:"),
        _("Political party, union, professional, social, religious or other."),
        nullable=True,
    )
    side.text("position", _("&Position held:"), nullable=True)
    side.text("city", _("C&ity:"), nullable=True)
    side.country("country", _("&Country:"), optional=True)


def _government(card: Columns) -> None:
    f, side = card.form, card.side
    _months(card)
    f.country("country", _("&Country:"))
    f.choice("jurisdiction", _("&Level:"), labelled(JURISDICTION, JURISDICTIONS, _("Choose…")))
    side.text("department", _("&Department or branch:"))
    side.text("position", _("&Position:"))


def _military(card: Columns) -> None:
    f, side = card.form, card.side
    _months(card)
    f.country("country", _("&Country:"))
    f.text("branch", _("&Branch and unit:"))
    f.text("rank", _("&Rank:"))
    side.text("commanding_officers", _("Co&mmanding officers:"), nullable=True)
    side.text(
        "combat",
        _("Acti&ve combat:"),
        _("Dates and places of any active combat; leave empty if none."),
        nullable=True,
    )
    side.text("end_reason", _("R&eason service ended:"), nullable=True)


MEMBERSHIPS = Section(
    key="memberships",
    title=N_("Memberships"),
    intro=N_(
        "IMM 5669, question 7: every political, social, youth, student, professional, "
        "religious or other organization, party or union you belong or belonged to, with "
        "the positions you held."
    ),
    entry=N_("Membership {n}"),
    add=N_("Add a &membership"),
    remove=N_("Remove this membership"),
    empty=N_("None listed. Leave this empty if you never belonged to any."),
    new_item=lambda: {"from": "", "to": None, "organization": ""},
    fill=_membership,
    summary=lambda node: joined(period(node), text(node, "organization")),
)

GOVERNMENT = Section(
    key="government_positions",
    title=N_("Government positions"),
    intro=N_(
        "IMM 5669, question 9: any position in a government (civil servant, judge, police, "
        "mayor, member of a legislature, employee of a state company…), national, regional "
        "or municipal."
    ),
    entry=N_("Position {n}"),
    add=N_("Add a &position"),
    remove=N_("Remove this position"),
    empty=N_("None listed. Leave this empty if you never held one."),
    new_item=lambda: {
        "from": "",
        "to": None,
        "country": "",
        "jurisdiction": "",
        "department": "",
        "position": "",
    },  # fmt: skip
    fill=_government,
    summary=lambda node: joined(period(node), text(node, "position"), text(node, "department")),
)

MILITARY = Section(
    key="military_service",
    title=N_("Military service"),
    intro=N_(
        "IMM 5669, question 10: any service in an army, militia, civil defence or other "
        "armed unit, compulsory service included."
    ),
    entry=N_("Service {n}"),
    add=N_("Add a &service"),
    remove=N_("Remove this service"),
    empty=N_("None listed. Leave this empty if you never served."),
    new_item=lambda: {"from": "", "to": None, "country": "", "branch": "", "rank": ""},
    fill=_military,
    summary=lambda node: joined(period(node), text(node, "branch"), text(node, "rank")),
)
