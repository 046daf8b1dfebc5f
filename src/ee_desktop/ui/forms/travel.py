"""The travel history: every trip outside the country of residence."""

from __future__ import annotations

from ee_desktop.i18n import N_, _
from ee_desktop.profile.background import TRIP_PURPOSES
from ee_desktop.profile.labels import TRIP_PURPOSE, label
from ee_desktop.ui.forms.document import Node
from ee_desktop.ui.forms.inputs import labelled
from ee_desktop.ui.forms.section import Columns, Section, country, joined, period, text


def _fill(card: Columns) -> None:
    f, side = card.form, card.side
    f.day("from", _("&From:"), _("The day you left."))
    f.day("to", _("&To:"), _("The day you came back."))
    f.choice("purpose", _("P&urpose:"), labelled(TRIP_PURPOSE, TRIP_PURPOSES, _("Choose…")))
    side.country("country", _("&Country:"))
    side.text("city", _("C&ity:"), nullable=True)


def _summary(node: Node) -> str:
    purpose = text(node, "purpose")
    return joined(period(node), country(node), label(TRIP_PURPOSE, purpose) if purpose else "")


TRAVEL = Section(
    key="travel_history",
    title=N_("Travel history"),
    intro=N_(
        "The application asks every trip outside your country of residence since {start}: "
        "dates, country, city and purpose. Type a date as YYYY-MM-DD or DD/MM/YYYY, or choose it "
        "on the calendar."
    ),
    entry=N_("Trip {n}"),
    add=N_("Add a &trip"),
    remove=N_("Remove this trip"),
    empty=N_("No trips yet. Leave this empty only if you did not travel."),
    new_item=lambda: {"from": "", "to": "", "country": "", "purpose": ""},
    fill=_fill,
    summary=_summary,
)
