"""The forms worksheet: what the online application for permanent residence asks of each
person who needs the histories, in the order of its forms, ready to copy.

Per person (the applicant, the spouse, every child of 18 or more on the day): IMM 5669
(Schedule A: personal details and other names, personal history, memberships, government
positions, military service, addresses), the travel history, and for the applicant and
the spouse IMM 5406 (spouse and children, parents, brothers and sisters). Months are
printed YYYY-MM and days YYYY-MM-DD, as the forms ask. A gap or overlap is a red box at its
place in the table, an entry a problem concerns is marked in red, and each person's part
starts with the list of what to fix, naming the field (as the history command does).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ee_desktop.history.checks import Finding, HistoryReport, PersonHistory, check_history
from ee_desktop.history.prefill import FamilyMember, family_in_file
from ee_desktop.history.rules import rules_on
from ee_desktop.history.timeline import Member, Person
from ee_desktop.i18n import N_, _, country_name
from ee_desktop.profile.background import Relative
from ee_desktop.profile.background_codec import month_text
from ee_desktop.profile.labels import (
    ACTIVITY,
    JURISDICTION,
    MARITAL_STATUS,
    RELATIONSHIP,
    STATUS_IN_COUNTRY,
    TRIP_PURPOSE,
    label,
)
from ee_desktop.profile.model import Child, Profile, Residence
from ee_desktop.rules.dates import birthday

from .layout import ALERT, MUTED, Group, Layout, text
from .model import ReportInput
from .values import NOT_ENTERED, country, day, yes_no

GAP_SHADE = colors.HexColor("#fbe3e6")  # a gap, an overlap, a section still to fill in
FLAG_SHADE = colors.HexColor("#fdf1f2")  # an entry a problem concerns

PARENTS = ("mother", "father")
CHILDREN = frozenset(
    {"son", "daughter", "step_son", "step_daughter", "adopted_son", "adopted_daughter"}
)
ROLES = {
    "applicant": N_("Principal applicant"),
    "spouse": N_("Spouse or partner"),
    "child": N_("Dependent child"),
}
FAMILY_RELATIONSHIP = {"spouse": N_("spouse or partner"), "child": N_("child")}
SECTION_TITLES = {
    "other_names": N_("Other names used"),
    "personal_history": N_("Personal history"),
    "memberships": N_("Memberships and associations"),
    "government_positions": N_("Government positions"),
    "military_service": N_("Military service"),
    "residence_history": N_("Addresses"),
    "travel_history": N_("Travel history"),
    "relatives": N_("Additional Family Information (IMM 5406)"),
}
SCHEDULE_A = N_("Schedule A – Background/Declaration (IMM 5669)")
NONE_DECLARED = N_("None declared")
NOT_FILLED = N_("Not filled in yet")
GAP = N_("Gap: nothing declared for this time")
OVERLAP = N_("Overlap: two addresses at the same time")
_FIELD = re.compile(r"(?P<section>\w+)(?:\[(?P<index>\d+)\])?")


# -- cells and tables ------------------------------------------------------------------------
@dataclass(frozen=True)
class _Styles:
    cell: ParagraphStyle  # tables are set a point smaller than the profile worksheet's
    bold: ParagraphStyle
    small: ParagraphStyle
    alert: ParagraphStyle
    person: ParagraphStyle  # the heading of a person's part
    to_fix: ParagraphStyle  # the heading of their gaps and problems


def _styles(lay: Layout) -> _Styles:
    # Long words (an e-mail, a hyphenated name) break at their hyphens, then anywhere:
    # nothing is ever clipped.
    cell = ParagraphStyle(
        "forms_cell", parent=lay.styles.cell, fontSize=8, leading=10, embeddedHyphenation=1
    )
    return _Styles(
        cell=cell,
        bold=ParagraphStyle("forms_bold", parent=cell, fontName=lay.styles.cell_bold.fontName),
        small=ParagraphStyle("forms_small", parent=cell, fontSize=7, leading=8.6, textColor=MUTED),
        alert=ParagraphStyle(
            "forms_alert", parent=cell, fontName=lay.styles.alert.fontName, textColor=ALERT
        ),
        person=ParagraphStyle("forms_person", parent=lay.styles.title),
        to_fix=ParagraphStyle("forms_to_fix", parent=lay.styles.h3, textColor=ALERT),
    )


@dataclass(frozen=True)
class _Row:
    cells: Sequence[object]
    mark: str = ""  # "flag": an entry a problem concerns; "gap": a gap, an overlap, a hole
    span_from: int = 0  # a "gap" row: its message spans from this column to the last


def _text_or_dash(value: str | None) -> str:
    return NOT_ENTERED if value is None or not value.strip() else value


def _until(value: date | None) -> str:
    return _("now") if value is None else month_text(value)


def _span_text(start: str, end: str) -> str:
    return start if start == end else _("{start} to {end}").format(start=start, end=end)


class _Part:
    """One person's part of the worksheet: their findings, what they mark, the tables."""

    def __init__(
        self, lay: Layout, styles: _Styles, profile: Profile, history: PersonHistory
    ) -> None:
        self.lay, self.st, self.profile, self.history = lay, styles, profile, history
        self.member: Member = history.member
        self.flagged: set[tuple[str, int]] = set()
        for finding in history.problems:
            where = self._where(finding.field)
            if where is not None and where[1] is not None:
                self.flagged.add((where[0], where[1]))

    # -- table building ----------------------------------------------------------------------
    def cells(self, values: Sequence[object]) -> list[object]:
        return [
            value if isinstance(value, Flowable | list) else Paragraph(text(value), self.st.cell)
            for value in values
        ]

    def table(self, header: Sequence[str], widths: Sequence[float], rows: Sequence[_Row]) -> Table:
        extra: list[tuple[Any, ...]] = [
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ]
        for number, row in enumerate(rows, 1):  # the header is row 0
            if row.mark == "gap":
                extra += [
                    ("SPAN", (row.span_from, number), (-1, number)),
                    ("BACKGROUND", (0, number), (-1, number), GAP_SHADE),
                    ("BOX", (0, number), (-1, number), 1.4, ALERT),
                ]
            elif row.mark == "flag":
                extra += [
                    ("BACKGROUND", (0, number), (-1, number), FLAG_SHADE),
                    ("LINEBEFORE", (0, number), (0, number), 3, ALERT),
                ]
        body = [self.cells(row.cells) for row in rows]
        return self.lay.table(header, body, widths, extra=extra)

    def hole(self, leading: Sequence[str], message: str, columns: int) -> _Row:
        """A red row: ``leading`` cells (the dates), then ``message`` across the others."""
        cells: list[object] = [*leading, Paragraph(text(message), self.st.alert)]
        return _Row(cells + [""] * (columns - len(cells)), "gap", len(leading))

    def mark(self, section: str, index: int) -> str:
        return "flag" if (section, index) in self.flagged else ""

    def empty(self, needed: bool) -> Flowable:
        """An empty section: "None declared", or a red box when the person needs it."""
        if not needed:
            return Paragraph(text(_(NONE_DECLARED)), self.st.cell)
        box = Table(
            [[Paragraph(text(_(NOT_FILLED)), self.st.alert)]],
            colWidths=[self.lay.width],
            hAlign="LEFT",
        )
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), GAP_SHADE),
                    ("BOX", (0, 0), (-1, -1), 1.4, ALERT),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return box

    def titled(self, section: str, content: Flowable) -> Group:
        return [self.lay.subheading(_(SECTION_TITLES[section])), content, Spacer(1, 6)]

    # -- the person, their findings ------------------------------------------------------------
    def heading(self, as_of: date) -> Group:
        m = self.member
        role = _(ROLES[m.key.split(":")[0]])
        window = _span_text(day(m.window.start), day(m.window.end))
        complete = self.history.complete
        styles = self.lay.styles
        status = Paragraph(
            text(self.history.status()), styles.cell_bold if complete else styles.alert
        )
        pairs: list[tuple[str, object]] = [
            (_("History window on {day}").format(day=day(as_of)), window),
            (_("Status"), status),
        ]
        return [
            Paragraph(f"{text(m.name)} \u2013 {text(role)}", self.st.person),
            self.lay.fields(pairs, columns=1, label_share=0.3),
            Spacer(1, 6),
        ]

    def _where(self, field: str) -> tuple[str, int | None] | None:
        """The section and entry index of a field of this person ("spouse.relatives[2]")."""
        prefix = self.member.path + "."
        if not field.startswith(prefix):
            return None
        match = _FIELD.match(field, len(prefix))
        if match is None:
            return None
        index = match["index"]
        return match["section"], None if index is None else int(index)

    def _entry(self, section: str, index: int) -> str | None:
        """A few words that find the entry in its table: its dates, or a relative's name."""
        background = self.member.background
        dated: dict[str, Sequence[Any]] = {  # periods with from_ and to
            "personal_history": background.personal_history,
            "memberships": background.memberships,
            "government_positions": background.government_positions,
            "military_service": background.military_service,
        }
        if section in dated and index < len(dated[section]):
            entry = dated[section][index]
            return _span_text(month_text(entry.from_), _until(entry.to))
        if section == "residence_history" and index < len(self.member.person.residence_history):
            stay = self.member.person.residence_history[index]
            return _span_text(day(stay.from_), _until_day(stay.to))
        if section == "travel_history" and index < len(background.travel_history):
            trip = background.travel_history[index]
            return _span_text(day(trip.from_), day(trip.to))
        if section == "relatives" and index < len(background.relatives):
            relative = background.relatives[index]
            return f"{relative.given_names} {relative.family_name}"
        return None

    def _finding_row(self, finding: Finding) -> _Row:
        where: list[Flowable] = []
        found = self._where(finding.field)
        if found is not None and found[0] in SECTION_TITLES:
            section, index = found
            where.append(Paragraph(text(_(SECTION_TITLES[section])), self.st.bold))
            entry = None if index is None else self._entry(section, index)
            if entry is not None:
                where.append(Paragraph(text(entry), self.st.cell))
        where.append(Paragraph(text(finding.field), self.st.small))
        return _Row([where, Paragraph(text(finding.message), self.st.cell)])

    def _gap_findings(self) -> list[Finding]:
        path, h = self.member.path, self.history
        found = [
            Finding(
                f"{path}.personal_history",
                f"{_(GAP)} ({_span_text(month_text(g.start), month_text(g.end))})",
            )
            for g in h.personal_gaps
        ]
        for spans, what in ((h.address_gaps, GAP), (h.address_overlaps, OVERLAP)):
            found += [
                Finding(
                    f"{path}.residence_history",
                    f"{_(what)} ({_span_text(day(s.start), day(s.end))})",
                )
                for s in spans
            ]
        return found

    def findings(self) -> Group:
        """What to fix, each naming its field, then what to know."""
        out: Group = []
        findings = [*self._gap_findings(), *self.history.problems]
        if findings:
            rows = [self._finding_row(f) for f in findings]
            table = self.table([_("Where"), _("What to fix")], [0.32, 0.68], rows)
            table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.4, ALERT)]))
            title = Paragraph(text(_("Gaps and problems to fix")), self.st.to_fix)
            out += [title, table, Spacer(1, 6)]
        if self.history.notes:
            out.append(self.lay.subheading(_("Notes")))
            out += [
                Paragraph("\u2022 " + text(note.message), self.lay.styles.body)
                for note in self.history.notes
            ]
        return out

    # -- IMM 5669 ----------------------------------------------------------------------------
    def personal_details(self) -> Group:
        person = self.member.person
        pairs: list[tuple[str, object]] = [
            (_("Family name"), _text_or_dash(person.family_name)),
            (_("Given names"), _text_or_dash(person.given_names)),
            (_("Date of birth"), day(person.date_of_birth)),
        ]
        names = self.member.background.other_names
        if names:
            rows = [
                _Row([n.family_name, _text_or_dash(n.given_names)], self.mark("other_names", i))
                for i, n in enumerate(names)
            ]
            others: Flowable = self.table([_("Family name"), _("Given names")], [0.5, 0.5], rows)
        else:
            others = self.empty(needed=False)
        return [
            self.lay.subheading(_("Personal details")),
            self.lay.fields(pairs, columns=3, label_share=0.42),
            Spacer(1, 4),
            Paragraph(text(_(SECTION_TITLES["other_names"])), self.lay.styles.label),
            others,
            Spacer(1, 6),
        ]

    def personal_history(self) -> Group:
        periods = self.member.background.personal_history
        if not periods:
            return self.titled("personal_history", self.empty(needed=True))
        header = [
            _("From"),
            _("To"),
            _("Activity"),
            _("Employer or school"),
            _("Occupation"),
            _("City"),
            _("Country"),
            _("Status in country"),
        ]
        widths = [0.08, 0.105, 0.12, 0.16, 0.14, 0.105, 0.14, 0.15]
        keyed: list[tuple[tuple[date, int], _Row]] = []
        for index, p in enumerate(periods):
            cells = [
                month_text(p.from_),
                _until(p.to),
                label(ACTIVITY, p.activity),
                _text_or_dash(p.organization),
                _text_or_dash(p.occupation),
                _text_or_dash(p.city),
                NOT_ENTERED if p.country is None else country(p.country),
                NOT_ENTERED
                if p.status_in_country is None
                else label(STATUS_IN_COUNTRY, p.status_in_country),
            ]
            keyed.append(((p.from_, 0), _Row(cells, self.mark("personal_history", index))))
        for gap in self.history.personal_gaps:
            row = self.hole([month_text(gap.start), month_text(gap.end)], _(GAP), len(header))
            keyed.append(((gap.start, 1), row))
        rows = [row for _key, row in sorted(keyed, key=lambda pair: pair[0])]
        return self.titled("personal_history", self.table(header, widths, rows))

    def memberships(self) -> Group:
        items = self.member.background.memberships
        if not items:
            return self.titled("memberships", self.empty(needed=False))
        header = [
            _("From"),
            _("To"),
            _("Organization"),
            _("Type"),
            _("Position"),
            _("City"),
            _("Country"),
        ]
        rows = [
            _Row(
                [
                    month_text(m.from_),
                    _until(m.to),
                    m.organization,
                    _text_or_dash(m.organization_type),
                    _text_or_dash(m.position),
                    _text_or_dash(m.city),
                    NOT_ENTERED if m.country is None else country(m.country),
                ],
                self.mark("memberships", i),
            )
            for i, m in _by_start(items)
        ]
        widths = [0.08, 0.105, 0.215, 0.13, 0.15, 0.13, 0.19]
        return self.titled("memberships", self.table(header, widths, rows))

    def government_positions(self) -> Group:
        items = self.member.background.government_positions
        if not items:
            return self.titled("government_positions", self.empty(needed=False))
        header = [_("From"), _("To"), _("Country"), _("Jurisdiction"), _("Department")]
        header.append(_("Position"))
        rows = [
            _Row(
                [
                    month_text(g.from_),
                    _until(g.to),
                    country(g.country),
                    label(JURISDICTION, g.jurisdiction),
                    g.department,
                    g.position,
                ],
                self.mark("government_positions", i),
            )
            for i, g in _by_start(items)
        ]
        widths = [0.08, 0.105, 0.17, 0.15, 0.25, 0.245]
        return self.titled("government_positions", self.table(header, widths, rows))

    def military_service(self) -> Group:
        items = self.member.background.military_service
        if not items:
            return self.titled("military_service", self.empty(needed=False))
        header = [_("From"), _("To"), _("Country"), _("Branch and unit"), _("Rank")]
        header.append(_("Details"))
        rows = []
        for i, service in _by_start(items):
            details = [
                Paragraph(f"<b>{text(name)}</b><br/>{text(value)}", self.st.cell)
                for name, value in (
                    (_("Commanding officers"), service.commanding_officers),
                    (_("Active combat"), service.combat),
                    (_("Reason service ended"), service.end_reason),
                )
                if value
            ]
            cells: list[object] = [
                month_text(service.from_),
                _until(service.to),
                country(service.country),
                service.branch,
                service.rank,
                details or NOT_ENTERED,
            ]
            rows.append(_Row(cells, self.mark("military_service", i)))
        widths = [0.08, 0.105, 0.15, 0.2, 0.13, 0.335]
        return self.titled("military_service", self.table(header, widths, rows))

    def addresses(self) -> Group:
        stays = self.member.person.residence_history
        if not stays:
            return self.titled("residence_history", self.empty(needed=True))
        header = [
            _("From"),
            _("To"),
            _("Street and number"),
            _("City"),
            _("Province, state or district"),
            _("Postal code"),
            _("Country"),
        ]
        keyed: list[tuple[tuple[date, int], _Row]] = []
        for index, stay in enumerate(stays):
            a = stay.address
            parts = [None] * 4 if a is None else [a.street, a.city, a.region, a.postal_code]
            cells = [
                day(stay.from_),
                _until_day(stay.to),
                *(_text_or_dash(part) for part in parts),
                country(stay.country),
            ]
            mark = self.mark("residence_history", index)
            keyed.append(((stay.from_, 0), _Row(cells, mark)))
        for spans, message in (
            (self.history.address_gaps, GAP),
            (self.history.address_overlaps, OVERLAP),
        ):
            for span in spans:
                row = self.hole([day(span.start), day(span.end)], _(message), len(header))
                keyed.append(((span.start, 1), row))
        rows = [row for _key, row in sorted(keyed, key=lambda pair: pair[0])]
        widths = [0.1, 0.1, 0.22, 0.13, 0.13, 0.1, 0.22]
        return self.titled("residence_history", self.table(header, widths, rows))

    # -- travel --------------------------------------------------------------------------------
    def travel(self) -> Group:
        trips = self.member.background.travel_history
        if not trips:
            return [self.empty(needed=False)]
        header = [_("From"), _("To"), _("Country"), _("City"), _("Purpose")]
        rows = [
            _Row(
                [
                    day(t.from_),
                    day(t.to),
                    country(t.country),
                    _text_or_dash(t.city),
                    label(TRIP_PURPOSE, t.purpose),
                ],
                self.mark("travel_history", i),
            )
            for i, t in _by_start(trips)
        ]
        return [self.table(header, [0.1, 0.1, 0.3, 0.25, 0.25], rows)]

    # -- IMM 5406 ------------------------------------------------------------------------------
    FAMILY_HEADER = (
        N_("Name"),
        N_("Date of birth"),
        N_("Country of birth"),
        N_("Address"),
        N_("Marital status"),
        N_("Occupation"),
        N_("Coming with you"),
    )
    FAMILY_WIDTHS = (0.19, 0.115, 0.13, 0.22, 0.12, 0.14, 0.085)

    def _name_cell(self, name: str, relationship: str) -> list[Flowable]:
        return [
            Paragraph(text(name), self.st.bold),
            Paragraph(text(relationship), self.st.cell),
        ]

    def _relative_row(self, index: int, r: Relative) -> _Row:
        address: list[Flowable] = []
        if r.deceased_on is not None:
            deceased = _("Deceased on {day}").format(day=day(r.deceased_on))
            address.append(Paragraph(text(deceased), self.st.bold))
        if r.address or r.deceased_on is None:
            address.append(Paragraph(text(_text_or_dash(r.address)), self.st.cell))
        cells: list[object] = [
            self._name_cell(
                f"{r.given_names} {r.family_name}", label(RELATIONSHIP, r.relationship)
            ),
            day(r.date_of_birth),
            NOT_ENTERED if r.country_of_birth is None else country(r.country_of_birth),
            address,
            NOT_ENTERED if r.marital_status is None else label(MARITAL_STATUS, r.marital_status),
            _text_or_dash(r.occupation),
            yes_no(r.accompanying),
        ]
        return _Row(cells, self.mark("relatives", index))

    def _family_row(self, member: FamilyMember) -> _Row:
        """The spouse or a child the file holds: what it knows of them (their address and
        occupation today, from their own histories)."""
        person = _person_at(self.profile, member.field)
        marital = NOT_ENTERED
        if member.relationship == "spouse":
            marital = label(MARITAL_STATUS, self.profile.applicant.marital_status)
        name = member.name or NOT_ENTERED
        cells: list[object] = [
            self._name_cell(name, _(FAMILY_RELATIONSHIP[member.relationship])),
            day(member.date_of_birth),
            NOT_ENTERED,
            _text_or_dash(None if person is None else _current_address(person)),
            marital,
            _text_or_dash(None if person is None else _current_occupation(person)),
            yes_no(member.accompanying),
        ]
        return _Row(cells)

    def _family_table(self, rows: Sequence[_Row]) -> Table:
        header = [_(h) for h in self.FAMILY_HEADER]
        return self.table(header, self.FAMILY_WIDTHS, rows)

    def family(self) -> list[Group]:
        relatives = list(enumerate(self.member.background.relatives))
        groups: list[Group] = []
        rows = [self._family_row(m) for m in family_in_file(self.profile, self.member)]
        rows += [self._relative_row(i, r) for i, r in relatives if r.relationship in CHILDREN]
        content: Flowable = self._family_table(rows) if rows else self.empty(needed=False)
        groups.append([self.lay.subheading(_("Spouse and children")), content, Spacer(1, 6)])
        parents = [(i, r) for i, r in relatives if r.relationship in PARENTS]
        if parents:
            rows = [self._relative_row(i, r) for i, r in parents]
            present = {r.relationship for _i, r in parents}
            columns = len(self.FAMILY_HEADER)
            rows += [
                self.hole([label(RELATIONSHIP, missing)], _(NOT_FILLED), columns)
                for missing in PARENTS
                if missing not in present
            ]
            content = self._family_table(rows)
        else:
            content = self.empty(needed=True)
        groups.append([self.lay.subheading(_("Parents")), content, Spacer(1, 6)])
        siblings = [(i, r) for i, r in relatives if r.relationship not in CHILDREN | set(PARENTS)]
        if siblings:
            content = self._family_table([self._relative_row(i, r) for i, r in siblings])
        else:
            content = self.empty(needed=False)
        groups.append([self.lay.subheading(_("Brothers and sisters")), content, Spacer(1, 6)])
        return groups

    # -- the whole part ------------------------------------------------------------------------
    def story(self, as_of: date, new_page: bool) -> list[Flowable]:
        """The person's part; ``new_page``: on pages of its own, to hand to that person."""
        lay = self.lay
        out: list[Flowable] = [PageBreak()] if new_page else [Spacer(1, 8)]
        out.append(KeepTogether([*self.heading(as_of), *self.findings()]))
        schedule_a = [
            self.personal_details(),
            self.personal_history(),
            self.memberships(),
            self.government_positions(),
            self.military_service(),
            self.addresses(),
        ]
        out += lay.section(_(SCHEDULE_A), schedule_a)
        out += lay.section(_(SECTION_TITLES["travel_history"]), [self.travel()])
        if not isinstance(self.member.person, Child):
            out += lay.section(_(SECTION_TITLES["relatives"]), self.family())
        return out


# -- helpers -------------------------------------------------------------------------------------
def _by_start(items: Sequence[Any]) -> list[tuple[int, Any]]:
    """Entries with their index in the file, oldest first."""
    return sorted(enumerate(items), key=lambda pair: pair[1].from_)


def _until_day(value: date | None) -> str:
    return _("now") if value is None else day(value)


def _person_at(profile: Profile, field: str) -> Person | None:
    if field == "applicant":
        return profile.applicant
    if field == "spouse":
        return profile.spouse
    match = re.fullmatch(r"children\[(\d+)\]", field)
    if match is not None and int(match[1]) < len(profile.children):
        return profile.children[int(match[1])]
    return None


def _current(stays: Sequence[Residence]) -> Residence | None:
    return next((s for s in reversed(stays) if s.to is None), None)


def _current_address(person: Person) -> str | None:
    stay = _current(person.residence_history)
    if stay is None:
        return None
    a = stay.address
    parts = [] if a is None else [a.street, a.city, a.region, a.postal_code]
    return ", ".join([*(p for p in parts if p), country_name(stay.country)])


def _current_occupation(person: Person) -> str | None:
    now = [p for p in person.background.personal_history if p.to is None and p.occupation]
    return now[-1].occupation if now else None


def _summary(lay: Layout, styles: _Styles, report: HistoryReport) -> Group:
    rows = []
    for person in report.people:
        m = person.member
        who = [
            Paragraph(text(m.name), styles.bold),
            Paragraph(text(_(ROLES[m.key.split(":")[0]])), styles.cell),
        ]
        window = _span_text(day(m.window.start), day(m.window.end))
        status = Paragraph(text(person.status()), styles.cell if person.complete else styles.alert)
        rows.append([who, Paragraph(text(window), styles.cell), status])
    header = [_("Person"), _("History window on {day}").format(day=day(report.as_of)), _("Status")]
    return [lay.table(header, rows, [0.4, 0.3, 0.3]), Spacer(1, 6)]


def _young_children(profile: Profile, as_of: date) -> str | None:
    """The children who need none of these forms on ``as_of``, named in a sentence."""
    age = rules_on(as_of).adult_age
    young = [
        " ".join(x for x in (c.given_names, c.family_name) if x) or _("Child {n}").format(n=n)
        for n, c in enumerate(profile.children, 1)
        if birthday(c.date_of_birth, age) > as_of
    ]
    if not young:
        return None
    return _(
        "Children under {age} on {day} fill in none of these forms; their parents list them "
        "on IMM 5406: {names}."
    ).format(age=age, day=day(as_of), names=", ".join(young))


def forms(data: ReportInput, lay: Layout) -> list[Flowable]:
    report = data.history or check_history(data.profile, data.as_of)
    styles = _styles(lay)
    intro = _(
        "What the online application for permanent residence asks of each person, form by "
        "form, from your personal file as of {day}. Months are written YYYY-MM and days "
        "YYYY-MM-DD, as the forms ask. Gaps and problems are marked in red: correct them in "
        "your file, then print this worksheet again."
    ).format(day=day(data.as_of))
    out: list[Flowable] = [
        Paragraph(text(_("Permanent residence forms worksheet")), lay.styles.title),
        lay.paragraph(text(intro)),
        *_summary(lay, styles, report),
    ]
    young = _young_children(data.profile, data.as_of)
    notes = [note.message for note in report.notes] + ([young] if young else [])
    out += [Paragraph("\u2022 " + text(note), lay.styles.body) for note in notes]
    for number, person in enumerate(report.people):
        out += _Part(lay, styles, data.profile, person).story(data.as_of, new_page=number > 0)
    return out
