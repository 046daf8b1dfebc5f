"""IMM 5669 question 12, the addresses: the places lived (the personal file's
``residence_history``), each with its street, city, region and postal code. Their country
and dates are edited here too: the days they leave uncovered, or cover twice, are fixed
where they show."""

from __future__ import annotations

from datetime import date

from ee_desktop.history.checks import PersonHistory
from ee_desktop.history.timeline import Span
from ee_desktop.i18n import N_, _
from ee_desktop.profile.model import Profile
from ee_desktop.ui.forms.document import Node
from ee_desktop.ui.forms.gaps import GapRow, GapRows
from ee_desktop.ui.forms.page import SectionPage
from ee_desktop.ui.forms.section import Columns, Section, country, joined, period, text


def _fill(card: Columns) -> None:
    f, side = card.form, card.side
    f.country("country", _("&Country:"))
    f.day("from", _("&From:"))
    f.day("to", _("&To:"), _("Leave empty if you live there now."), nullable=True)
    side.text("street", _("&Street and number:"), nullable=True)
    side.text("city", _("C&ity:"), nullable=True)
    side.text("region", _("&Region:"), _("Province, state or district."), nullable=True)
    side.text("postal_code", _("&Postal code:"), nullable=True)


def _summary(node: Node) -> str:
    address = node.get("address")
    city = text(address, "city") if isinstance(address, dict) else ""
    return joined(period(node), city, country(node))


ADDRESSES = Section(
    key="residence_history",
    title=N_("Addresses"),
    intro=N_(
        "IMM 5669, question 12: every address since {start}, with no gap between two places "
        "and no day in two places at once. These are the places lived of your personal "
        "file: a change of country or dates here changes them there too. Type a date as "
        "YYYY-MM-DD or DD/MM/YYYY, or choose it on the calendar."
    ),
    entry=N_("Place {n}"),
    add=N_("Add a &place"),
    remove=N_("Remove this place"),
    empty=N_("No places lived yet. Add each address, oldest first."),
    new_item=lambda: {"country": "", "from": "", "to": None},
    fill=_fill,
    summary=_summary,
    side_key="address",
)


def _days(span: Span) -> int:
    return (span.end - span.start).days + 1


def _span(span: Span) -> str:
    if span.start == span.end:
        return span.start.isoformat()
    return _("{start} to {end}").format(start=span.start.isoformat(), end=span.end.isoformat())


class AddressesPage(SectionPage):
    def __init__(self, person_path: str) -> None:
        super().__init__(ADDRESSES, person_path)
        self.gaps: list[Span] = []
        self.window_end: date | None = None
        self.gap_rows = GapRows(
            self.list_path,
            _("Days lived nowhere, and days in two places"),
            _("Add a place for these dates"),
        )
        self.gap_rows.fill_requested.connect(lambda index, _activity: self.fill(index))
        self.extras.addWidget(self.gap_rows)

    def show_history(self, history: PersonHistory | None, profile: Profile | None) -> None:
        if history is None:
            return
        self.gaps = list(history.address_gaps)
        self.window_end = history.member.window.end
        rows = [
            GapRow(_("{span}: no place lived ({days} days)").format(span=_span(g), days=_days(g)))
            for g in self.gaps
        ]
        rows += [
            GapRow(
                _("{span}: two places at once; correct their dates").format(span=_span(o)),
                fillable=False,
            )
            for o in history.address_overlaps
        ]
        self.gap_rows.show_rows(rows)

    def fill(self, index: int) -> None:
        """A new place for the gap ``index``: its dates set, its country to choose."""
        if not 0 <= index < len(self.gaps):
            return
        gap = self.gaps[index]
        to = None if gap.end == self.window_end else gap.end.isoformat()
        card = self.add_entry({"country": "", "from": gap.start.isoformat(), "to": to})
        widget = card.field_widget(f"{card.base_path}.country")
        (widget or card).setFocus()
