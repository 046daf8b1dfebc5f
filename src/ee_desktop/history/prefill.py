"""Entries the file already knows, offered for the histories so nothing is typed twice.

Jobs and credentials become personal-history periods, a gap becomes a period with its
dates (and the place lived then) filled in, and the spouse and children are the family
IMM 5406 lists with the relatives. Nothing is invented: a value the file does not hold
is left empty for the user to fill in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ee_desktop.history.timeline import Member, Span, month_index
from ee_desktop.profile.background import Activity
from ee_desktop.profile.model import Child, Profile, Residence
from ee_desktop.rules.dates import add_years


def _month(day: date) -> date:
    return day.replace(day=1)


def _in_window(start: date, end: date | None, window: Span) -> bool:
    return start <= window.end and (end is None or end >= window.start)


def _already(periods: tuple[Activity, ...], candidate: Activity) -> bool:
    """The history already has this period (same activity and organization, same start)."""
    return any(
        p.activity == candidate.activity
        and (p.organization or "").casefold() == (candidate.organization or "").casefold()
        and month_index(p.from_) == month_index(candidate.from_)
        for p in periods
    )


def _place_on(stays: tuple[Residence, ...], day: date) -> Residence | None:
    for stay in stays:
        if stay.from_ <= day and (stay.to is None or day <= stay.to):
            return stay
    return None


def _status(member: Member, country: str | None) -> str | None:
    """Citizen where the passport was issued; otherwise unknown (the user says)."""
    passport = member.person.passport
    if country is not None and passport is not None and passport.country == country:
        return "citizen"
    return None


def from_file(member: Member) -> list[Activity]:
    """The jobs and credentials of ``member`` within the window that the personal history
    does not have yet, as periods to confirm."""
    person = member.person
    if isinstance(person, Child):
        return []
    found: list[Activity] = []
    for job in person.work_history:
        if not _in_window(job.start, job.end, member.window):
            continue
        found.append(
            Activity(
                from_=_month(job.start),
                to=None if job.end is None else _month(job.end),
                activity="self_employed" if job.self_employed else "employed",
                organization=job.employer,
                occupation=job.title,
                city=_city(member, job.start),
                country=job.country,
                status_in_country=_status(member, job.country),
            )
        )
    for credential in person.education:
        # The programme's usual length, back from its completion: a starting point to correct.
        start = add_years(credential.completed_on, -credential.program_length_years)
        if not _in_window(start, credential.completed_on, member.window):
            continue
        found.append(
            Activity(
                from_=_month(start),
                to=_month(credential.completed_on),
                activity="studying",
                organization=credential.institution,
                occupation=credential.field,
                city=_city(member, credential.completed_on),
                country=credential.country,
                status_in_country=_status(member, credential.country),
            )
        )
    periods = member.background.personal_history
    return sorted(
        (a for a in found if not _already(periods, a)), key=lambda a: (a.from_, a.activity)
    )


def _city(member: Member, day: date) -> str | None:
    stay = _place_on(member.person.residence_history, day)
    return None if stay is None or stay.address is None else stay.address.city


def fill_gap(member: Member, gap: Span, activity: str) -> Activity:
    """A period covering ``gap`` (months) as ``activity``, placed where the person lived
    when it began."""
    stay = _place_on(member.person.residence_history, max(gap.start, member.window.start))
    country = None if stay is None else stay.country
    return Activity(
        from_=_month(gap.start),
        to=_month(gap.end),
        activity=activity,
        city=None if stay is None or stay.address is None else stay.address.city,
        country=country,
        status_in_country=_status(member, country),
    )


@dataclass(frozen=True, slots=True)
class FamilyMember:
    """Someone IMM 5406 lists whom the file already has (spouse, children)."""

    field: str  # where the file keeps them: spouse, children[N], applicant
    relationship: str  # spouse, son_or_daughter
    name: str
    date_of_birth: date
    accompanying: bool


def family_in_file(profile: Profile, member: Member) -> list[FamilyMember]:
    """The spouse and children the file holds, as ``member``'s IMM 5406 shows them."""
    found: list[FamilyMember] = []
    if member.key == "applicant" and profile.spouse is not None:
        s = profile.spouse
        found.append(
            FamilyMember(
                "spouse",
                "spouse",
                f"{s.given_names} {s.family_name}",
                s.date_of_birth,
                s.accompanying,
            )  # fmt: skip
        )
    elif member.key == "spouse":
        a = profile.applicant
        found.append(FamilyMember("applicant", "spouse", a.full_name, a.date_of_birth, True))
    if member.key in ("applicant", "spouse"):
        for index, child in enumerate(profile.children):
            name = f"{child.given_names or ''} {child.family_name or ''}".strip()
            found.append(
                FamilyMember(
                    f"children[{index}]", "child", name, child.date_of_birth, child.accompanying
                )  # fmt: skip
            )
    return found
