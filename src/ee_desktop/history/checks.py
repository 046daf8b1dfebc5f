"""The history checks: gaps, overlaps, and what the histories contradict or leave out.

Each finding names the field it concerns (``applicant.work_history[1]``) and says what
to do. Findings never stop anything: a file stays valid while its histories are being
filled in. ``problems`` are what an officer would question; ``notes`` are what the user
must know but cannot fix in the file (a child turning 18, a family member not coming).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ee_desktop.checklist.police import police_countries
from ee_desktop.history.rules import HistoryRules, rules_on
from ee_desktop.history.timeline import (
    Member,
    Span,
    address_gaps_and_overlaps,
    members,
    month_gaps,
    month_index,
    month_start,
)
from ee_desktop.i18n import _, country_name, ngettext
from ee_desktop.profile.background import Activity
from ee_desktop.profile.background_codec import month_text
from ee_desktop.profile.labels import EDUCATION_LEVEL, label
from ee_desktop.profile.model import Child, Profile, Residence, Spouse
from ee_desktop.rules.dates import birthday

WORK = frozenset({"employed", "self_employed"})
# Days after an invitation to submit: a child turning 18 by then needs the histories too.
SUBMISSION_DAYS = 60


@dataclass(frozen=True, slots=True)
class Finding:
    field: str
    message: str


@dataclass(frozen=True, slots=True)
class PersonHistory:
    member: Member
    personal_gaps: tuple[Span, ...]  # months
    address_gaps: tuple[Span, ...]  # days
    address_overlaps: tuple[Span, ...]  # days
    problems: tuple[Finding, ...]
    notes: tuple[Finding, ...] = ()

    @property
    def gap_count(self) -> int:
        return len(self.personal_gaps) + len(self.address_gaps) + len(self.address_overlaps)

    @property
    def complete(self) -> bool:
        return not self.gap_count and not self.problems

    def status(self) -> str:
        """ "Complete", or how many gaps and problems remain."""
        if self.complete:
            return _("Complete")
        parts = []
        if self.gap_count:
            parts.append(
                ngettext("{n} gap or overlap", "{n} gaps or overlaps", self.gap_count).format(
                    n=self.gap_count
                )
            )
        if self.problems:
            count = len(self.problems)
            parts.append(ngettext("{n} problem", "{n} problems", count).format(n=count))
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class HistoryReport:
    as_of: date
    people: tuple[PersonHistory, ...]
    notes: tuple[Finding, ...] = ()  # about people who need no history yet

    def person(self, key: str) -> PersonHistory | None:
        return next((p for p in self.people if p.member.key == key), None)

    @property
    def complete(self) -> bool:
        return all(p.complete for p in self.people)


def check_history(profile: Profile, as_of: date) -> HistoryReport:
    """Every finding about the histories of everyone who needs them on ``as_of``."""
    rules = rules_on(as_of)
    people = tuple(_person(profile, member, rules) for member in members(profile, as_of))
    return HistoryReport(as_of, people, tuple(_turning_adult(profile, as_of, rules)))


def _person(profile: Profile, member: Member, rules: HistoryRules) -> PersonHistory:
    background = member.background
    window = member.window
    stays = member.person.residence_history
    gaps = month_gaps(background.personal_history, window)
    address_gaps, overlaps = address_gaps_and_overlaps(stays, window)
    problems = [
        *_empty_sections(member),
        *_incomplete(member),
        *_jobs(member),
        *_credentials(member),
        *_places(member),
        *_trips(member),
        *_police(member, rules),
        *_relatives(profile, member),
    ]
    return PersonHistory(
        member,
        tuple(gaps),
        tuple(address_gaps),
        tuple(overlaps),
        tuple(problems),
        tuple(_not_coming(profile, member)),
    )


# -- helpers -------------------------------------------------------------------------------
def _months(first: date, last: date | None, window: Span) -> range:
    """Month indexes of ``first``..``last`` (None: to the window's end) inside ``window``."""
    end = window.end if last is None else min(last, window.end)
    return range(max(month_index(first), month_index(window.start)), month_index(end) + 1)


def _month_spans(indexes: list[int]) -> str:
    """Months as "2019-01 to 2019-03, 2020-05"."""
    spans: list[tuple[int, int]] = []
    for index in sorted(indexes):
        if spans and index == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], index)
        else:
            spans.append((index, index))
    return ", ".join(
        month_text(month_start(a))
        if a == b
        else _("{start} to {end}").format(
            start=month_text(month_start(a)), end=month_text(month_start(b))
        )
        for a, b in spans
    )


class _ByMonth:
    """The personal-history periods covering each month of the window, indexed once."""

    def __init__(self, periods: tuple[Activity, ...], window: Span) -> None:
        self.first = month_index(window.start)
        last = month_index(window.end)
        self.at: list[list[Activity]] = [[] for _ in range(last - self.first + 1)]
        for period in periods:
            low = max(month_index(period.from_), self.first)
            high = last if period.to is None else min(month_index(period.to), last)
            for index in range(low, high + 1):
                self.at[index - self.first].append(period)

    def covering(self, index: int) -> list[Activity]:
        offset = index - self.first
        return self.at[offset] if 0 <= offset < len(self.at) else []


# -- what is missing ------------------------------------------------------------------------
def _empty_sections(member: Member) -> Iterator[Finding]:
    if not member.background.personal_history:
        yield Finding(
            f"{member.path}.personal_history",
            _(
                "No personal history yet: IMM 5669 asks what you did every month since "
                "{start}, with no gaps."
            ).format(start=month_text(member.window.start)),
        )
    if not member.person.residence_history:
        yield Finding(
            f"{member.path}.residence_history",
            _("No places lived yet: IMM 5669 asks every address since {start}.").format(
                start=member.window.start.isoformat()
            ),
        )


def _incomplete(member: Member) -> Iterator[Finding]:
    window = member.window
    for index, period in enumerate(member.background.personal_history):
        if not _months(period.from_, period.to, window):
            continue
        missing = []
        if period.country is None:
            missing.append(_("the country"))
        if period.city is None:
            missing.append(_("the city"))
        if period.activity in WORK | {"studying"} and period.organization is None:
            missing.append(_("the employer or school"))
        if period.status_in_country is None:
            missing.append(_("your status in that country"))
        if missing:
            yield Finding(
                f"{member.path}.personal_history[{index}]",
                _("IMM 5669 also asks {missing} for this period.").format(
                    missing=", ".join(missing)
                ),
            )
    for index, stay in enumerate(member.person.residence_history):
        end = window.end if stay.to is None else stay.to
        if end < window.start:
            continue
        address = stay.address
        if address is None or address.city is None or address.street is None:
            yield Finding(
                f"{member.path}.residence_history[{index}].address",
                _(
                    "IMM 5669 asks the full address (street, city) of each place lived "
                    "since {start}."
                ).format(start=window.start.isoformat()),
            )


# -- what the histories contradict or leave out -----------------------------------------------
def _jobs(member: Member) -> Iterator[Finding]:
    person = member.person
    if isinstance(person, Child):
        return
    by_month = _ByMonth(member.background.personal_history, member.window)
    for index, job in enumerate(person.work_history):
        missing: list[int] = []
        elsewhere: list[int] = []
        for month in _months(job.start, job.end, member.window):
            work = [p for p in by_month.covering(month) if p.activity in WORK]
            if not work:
                missing.append(month)
            elif all(p.country is not None and p.country != job.country for p in work):
                elsewhere.append(month)
        job_label = _("{title} at {employer}").format(title=job.title, employer=job.employer)
        field = f"{member.path}.work_history[{index}]"
        if missing:
            yield Finding(
                field,
                _(
                    "{job} is in your work history but the personal history shows no work "
                    "in {months}: add it, or correct the job's dates."
                ).format(job=job_label, months=_month_spans(missing)),
            )
        if elsewhere:
            yield Finding(
                field,
                _(
                    "{job} was in {country}, but the personal history has you working in "
                    "another country in {months}."
                ).format(
                    job=label, country=country_name(job.country), months=_month_spans(elsewhere)
                ),
            )


def _credentials(member: Member) -> Iterator[Finding]:
    person = member.person
    if isinstance(person, Child):
        return
    window = member.window
    for index, credential in enumerate(person.education):
        done = credential.completed_on
        if not window.start <= done <= window.end:
            continue
        studies = _ByMonth(member.background.personal_history, window).covering(month_index(done))
        studying = [p for p in studies if p.activity == "studying"]
        field = f"{member.path}.education[{index}]"
        level = label(EDUCATION_LEVEL, credential.level)
        if not studying:
            yield Finding(
                field,
                _(
                    "{level} from {institution}, completed {month}: the personal history "
                    "shows no studies that month."
                ).format(level=level, institution=credential.institution, month=month_text(done)),
            )
        elif all(p.country is not None and p.country != credential.country for p in studying):
            yield Finding(
                field,
                _(
                    "{level} from {institution} was in {country}, but the personal history "
                    "has you studying in another country in {month}."
                ).format(
                    level=level,
                    institution=credential.institution,
                    country=country_name(credential.country),
                    month=month_text(done),
                ),
            )


class _ByMonthPlaces:
    """The countries lived in during each month of the window (any day of it)."""

    def __init__(self, stays: tuple[Residence, ...], window: Span) -> None:
        self.first = month_index(window.start)
        last = month_index(window.end)
        self.at: list[set[str]] = [set() for _ in range(last - self.first + 1)]
        for stay in stays:
            low = max(month_index(stay.from_), self.first)
            high = last if stay.to is None else min(month_index(stay.to), last)
            for index in range(low, high + 1):
                self.at[index - self.first].add(stay.country)

    def countries(self, index: int) -> set[str]:
        offset = index - self.first
        return self.at[offset] if 0 <= offset < len(self.at) else set()


def _places(member: Member) -> Iterator[Finding]:
    """A place lived the personal history puts the person elsewhere for (travel aside):
    months when none of the places lived is in a country the personal history gives."""
    periods = tuple(p for p in member.background.personal_history if p.activity != "travelling")
    by_month = _ByMonth(periods, member.window)
    stays = member.person.residence_history
    lived = _ByMonthPlaces(stays, member.window)
    for index, stay in enumerate(stays):
        elsewhere = []
        for month in _months(stay.from_, stay.to, member.window):
            countries = {p.country for p in by_month.covering(month)}
            if countries and None not in countries and not lived.countries(month) & countries:
                elsewhere.append(month)
        if elsewhere:
            yield Finding(
                f"{member.path}.residence_history[{index}]",
                _(
                    "You lived in {country} then, but the personal history puts you in "
                    "another country in {months}."
                ).format(country=country_name(stay.country), months=_month_spans(elsewhere)),
            )


def _trips(member: Member) -> Iterator[Finding]:
    stays = member.person.residence_history
    for index, trip in enumerate(member.background.travel_history):
        if trip.to < member.window.start:
            continue
        if not any(_lived_on(stay, trip.from_) for stay in stays):
            yield Finding(
                f"{member.path}.travel_history[{index}]",
                _(
                    "The trip to {country} from {start} falls outside every place lived: "
                    "add where you lived then."
                ).format(country=country_name(trip.country), start=trip.from_.isoformat()),
            )


def _lived_on(stay: Residence, day: date) -> bool:
    return _lived_between(stay, day, day)


def _lived_between(stay: Residence, first: date, last: date) -> bool:
    return stay.from_ <= last and (stay.to is None or first <= stay.to)


def _police(member: Member, rules: HistoryRules) -> Iterator[Finding]:
    """A country the personal history shows 6 months or more in, that places lived lacks:
    the checklist asks police certificates from places lived, so one would be missed."""
    as_of = member.window.end
    born = member.person.date_of_birth
    declared = {p.country for p in police_countries(member.person.residence_history, born, as_of)}
    pseudo = [
        Residence(p.country, p.from_, None if p.to is None else _month_end(p.to))
        for p in member.background.personal_history
        if p.country is not None and p.activity != "travelling"
    ]
    for found in police_countries(pseudo, born, as_of):
        if found.country in declared or found.country in {
            s.country for s in member.person.residence_history
        }:
            continue
        yield Finding(
            f"{member.path}.residence_history",
            _(
                "The personal history shows {months} months or more in {country} since "
                "{start}, but places lived has no stay that long there: add it, so the checklist "
                "asks for its police certificate."
            ).format(
                months=rules.police_min_months,
                country=country_name(found.country),
                start=month_text(found.first_day),
            ),
        )


def _month_end(month: date) -> date:
    return month_start(month_index(month) + 1) - timedelta(days=1)


def _relatives(profile: Profile, member: Member) -> Iterator[Finding]:
    if isinstance(member.person, Child):
        return
    relatives = member.background.relatives
    field = f"{member.path}.relatives"
    present = {r.relationship for r in relatives}
    parents = {
        "mother": _("IMM 5406 asks for your mother, also if she has died: add her."),
        "father": _("IMM 5406 asks for your father, also if he has died: add him."),
    }
    for relationship, message in parents.items():
        if relationship not in present:
            yield Finding(field, message)
    known = {
        ((c.given_names or "").casefold(), (c.family_name or "").casefold())
        for c in profile.children
    }
    for index, relative in enumerate(relatives):
        here = f"{field}[{index}]"
        if (relative.given_names.casefold(), relative.family_name.casefold()) in known:
            yield Finding(
                here,
                _("{name} is already among your children: list them once.").format(
                    name=f"{relative.given_names} {relative.family_name}"
                ),
            )
            continue  # to be removed: what else it lacks does not matter
        missing = []
        if relative.date_of_birth is None:
            missing.append(_("date of birth"))
        if relative.country_of_birth is None:
            missing.append(_("country of birth"))
        if relative.deceased_on is None:
            if relative.address is None:
                missing.append(_("address"))
            if relative.marital_status is None:
                missing.append(_("marital status"))
            if relative.occupation is None:
                missing.append(_("occupation"))
        if missing:
            yield Finding(
                here,
                _("IMM 5406 also asks their {missing}.").format(missing=", ".join(missing)),
            )


# -- notes ---------------------------------------------------------------------------------------
def _not_coming(profile: Profile, member: Member) -> Iterator[Finding]:
    """Family members who do not come must still be declared and examined."""
    if member.key != "applicant":
        return
    family: list[tuple[str, Spouse | Child]] = []
    if profile.spouse is not None:
        family.append(("spouse", profile.spouse))
    family += [(f"children[{i}]", c) for i, c in enumerate(profile.children)]
    for path, person in family:
        if person.accompanying:
            continue
        yield Finding(
            f"{path}.accompanying",
            _(
                "{name} is not coming with you: still declare them in every form and have "
                "them take the medical exam, or you cannot sponsor them later."
            ).format(
                name=f"{person.given_names or ''} {person.family_name or ''}".strip()
                or _("This family member")
            ),
        )


def _turning_adult(profile: Profile, as_of: date, rules: HistoryRules) -> Iterator[Finding]:
    horizon = as_of + timedelta(days=SUBMISSION_DAYS)
    for index, child in enumerate(profile.children):
        adult_on = birthday(child.date_of_birth, rules.adult_age)
        if as_of < adult_on <= horizon:
            yield Finding(
                f"children[{index}]",
                _(
                    "{name} turns {age} on {day}: if you submit on or after that day, their "
                    "own histories and background form are needed too."
                ).format(
                    name=child.given_names or _("Child {n}").format(n=index + 1),
                    age=rules.adult_age,
                    day=adult_on.isoformat(),
                ),
            )
