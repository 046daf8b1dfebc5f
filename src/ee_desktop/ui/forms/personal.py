"""IMM 5669 question 6, the personal history: every month of the window, with one click to
fill a gap and the jobs and studies of the file offered to add."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ee_desktop.history.checks import PersonHistory
from ee_desktop.history.prefill import fill_gap, from_file
from ee_desktop.history.timeline import Member, Span, month_index
from ee_desktop.i18n import N_, _, country_name, ngettext
from ee_desktop.profile.background import ACTIVITIES, STATUSES_IN_COUNTRY, Activity
from ee_desktop.profile.background_codec import activity_to_json, month_text
from ee_desktop.profile.labels import ACTIVITY, STATUS_IN_COUNTRY, label
from ee_desktop.profile.model import Profile
from ee_desktop.ui.forms.cards import EntryCard
from ee_desktop.ui.forms.document import Node
from ee_desktop.ui.forms.gaps import GapRow, GapRows
from ee_desktop.ui.forms.inputs import labelled
from ee_desktop.ui.forms.page import SectionPage
from ee_desktop.ui.forms.section import Columns, Section, joined, period, text
from ee_desktop.ui.forms.suggestions import FromFile


def _fill(card: Columns) -> None:
    f, side = card.form, card.side
    f.month("from", _("&From:"))
    f.month("to", _("&To:"), _("Leave empty if it continues today."), nullable=True)
    f.choice(
        "activity",
        _("&Activity:"),
        labelled(ACTIVITY, ACTIVITIES, _("Choose…")),
        _("What you did: work, study, no work, time at home, travel…"),
    )
    f.choice(
        "status_in_country",
        _("&Status there:"),
        labelled(STATUS_IN_COUNTRY, STATUSES_IN_COUNTRY, _("Not given")),
        _("Your immigration status in that country: citizen, permanent resident, worker…"),
        optional=True,
    )
    side.text("organization", _("&Employer or school:"), nullable=True)
    side.text("occupation", _("&Occupation or field:"), nullable=True)
    side.text("city", _("C&ity:"), nullable=True)
    side.country("country", _("&Country:"), optional=True)


def _summary(node: Node) -> str:
    activity = text(node, "activity")
    return joined(
        period(node), label(ACTIVITY, activity) if activity else "", text(node, "organization")
    )


PERSONAL = Section(
    key="personal_history",
    title=N_("Personal history"),
    intro=N_(
        "IMM 5669 (Schedule A), question 6: what you did every month since {start}, with no "
        "gap: work, study, time without work, at home or travelling. Periods may overlap "
        "(work while studying). Months are written YYYY-MM; leave “To” empty for what "
        "continues today."
    ),
    entry=N_("Period {n}"),
    add=N_("Add a &period"),
    remove=N_("Remove this period"),
    empty=N_(
        "No periods yet. Start with “Add from my file” above (your jobs and studies), then "
        "fill the gaps the timeline shows in red."
    ),
    new_item=lambda: {"from": "", "to": None, "activity": ""},
    fill=_fill,
    summary=_summary,
)


def describe(activity: Activity) -> str:
    """A suggested period in a line: "2010-07 – 2019-03: employed, Software engineer, …"."""
    end = _("now") if activity.to is None else month_text(activity.to)
    place = joined(activity.city or "", country_name(activity.country) if activity.country else "")
    return _("{start} – {end}: {what}").format(
        start=month_text(activity.from_),
        end=end,
        what=joined(
            label(ACTIVITY, activity.activity),
            activity.occupation or "",
            activity.organization or "",
            place,
        ),
    )


def gap_text(gap: Span) -> str:
    months = month_index(gap.end) - month_index(gap.start) + 1
    span = (
        month_text(gap.start)
        if months == 1
        else _("{start} to {end}").format(start=month_text(gap.start), end=month_text(gap.end))
    )
    return ngettext(
        "{span}: {n} month not covered", "{span}: {n} months not covered", months
    ).format(span=span, n=months)


class PersonalPage(SectionPage):
    also = ("work_history", "education")

    def __init__(self, person_path: str) -> None:
        super().__init__(PERSONAL, person_path)
        self.member: Member | None = None
        self.gaps: list[Span] = []
        self.suggestions: list[Activity] = []
        self.gap_rows = GapRows(
            self.list_path,
            _("Gaps: months no period covers"),
            _("Fill this gap"),
            labelled(ACTIVITY, ACTIVITIES),
            default="unemployed",
        )
        self.gap_rows.fill_requested.connect(self.fill)
        self.from_file = FromFile(self.list_path)
        self.from_file.add_requested.connect(self.add_suggestion)
        self.from_file.add_all_requested.connect(self.add_all)
        self.extras.addWidget(self.gap_rows)
        self.extras.addWidget(self.from_file)

    def show_history(self, history: PersonHistory | None, profile: Profile | None) -> None:
        if history is None:  # the checks wait for a correction: keep what is shown
            return
        self.member = history.member
        self.gaps = list(history.personal_gaps)
        self.gap_rows.show_rows([GapRow(gap_text(gap)) for gap in self.gaps])
        self.suggestions = from_file(history.member)
        self.from_file.show_suggestions(
            [describe(a) for a in self.suggestions], open_=not self.items
        )

    def fill(self, index: int, activity: str) -> None:
        """The gap ``index`` as a period of ``activity``, its dates and place filled in."""
        if self.member is None or not 0 <= index < len(self.gaps):
            return
        card = self.add_entry(activity_to_json(fill_gap(self.member, self.gaps[index], activity)))
        self._focus(card, "organization" if activity in ("employed", "studying") else "city")

    def add_suggestion(self, index: int) -> None:
        if 0 <= index < len(self.suggestions):
            card = self.add_entry(activity_to_json(self.suggestions[index]))
            self._focus(card, "status_in_country")

    def add_all(self) -> None:
        for suggestion in list(self.suggestions):
            self.add_entry(activity_to_json(suggestion))

    def _focus(self, card: EntryCard, key: str) -> None:
        widget: QWidget | None = card.field_widget(f"{card.base_path}.{key}")
        (widget or card).setFocus()
