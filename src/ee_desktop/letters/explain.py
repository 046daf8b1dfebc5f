"""Letters of explanation for the cases that most often draw a request or a refusal: a gap
in the histories, names written differently, a police certificate asked for but not
received, a job without a reference letter, the source of settlement funds.

Each letter is filled from the personal file (names, dates, places, amounts) and leaves in
square brackets what only the applicant knows; it is edited in the app or in the DOCX, and
goes to the checklist item it explains (``slot``), uploaded first in that item's file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ee_desktop.checklist.people import slug
from ee_desktop.history.checks import check_history
from ee_desktop.i18n import N_, _, country_name, format_date, format_money, format_number
from ee_desktop.letters import LetterError, job_at
from ee_desktop.letters.writer import Block
from ee_desktop.profile.model import Profile

KINDS: dict[str, str] = {
    "gap": N_("a gap in the personal history or the addresses"),
    "names": N_("names written differently in different documents"),
    "police": N_("a police certificate asked for but not received yet"),
    "reference": N_("a job without a reference letter"),
    "funds": N_("the source of deposits in the settlement funds"),
}
TODO = "[…]"


@dataclass(frozen=True, slots=True)
class Explanation:
    kind: str
    title: str
    paragraphs: tuple[str, ...]
    slot: str | None  # the checklist item it goes with, when there is one

    @property
    def text(self) -> str:
        """The letter as plain text: what the user edits."""
        return "\n\n".join(self.paragraphs)


def explanation(
    kind: str,
    profile: Profile,
    as_of: date,
    person: str = "applicant",
    job: int | None = None,
    country: str | None = None,
) -> Explanation:
    """The letter of ``kind`` for ``person``; LetterError says what is missing to write it."""
    name = _full_name(profile, person)
    opening = _("To Immigration, Refugees and Citizenship Canada (IRCC)")
    if kind == "gap":
        body, slot = _gap(profile, as_of, person, name)
        title = _("Letter of explanation: a gap in my history")
    elif kind == "names":
        body, slot = _names(profile, person, name)
        title = _("Letter of explanation: my names")
    elif kind == "police":
        body, slot = _police(person, name, country)
        title = _("Letter of explanation: police certificate")
    elif kind == "reference":
        body, slot = _reference(profile, person, name, job)
        title = _("Letter of explanation: no reference letter")
    elif kind == "funds":
        body, slot = _funds(profile, name)
        title = _("Letter of explanation: source of funds")
    else:
        raise LetterError(
            _("{kind}: expected one of {kinds}").format(kind=kind, kinds=", ".join(KINDS))
        )
    closing = (
        _("I declare that the information in this letter is true and complete."),
        _("{name}, {day}").format(name=name, day=format_date(as_of)),
        _("Signature: {todo}").format(todo=TODO),
    )
    return Explanation(kind, title, (opening, *body, *closing), slot)


def blocks(letter: Explanation, text: str | None = None) -> list[Block]:
    """The letter to write; ``text``: the user's edited version of ``letter.text``."""
    paragraphs = tuple(p for p in (text or letter.text).split("\n\n") if p.strip())
    return [Block(letter.title, paragraphs)]


def _full_name(profile: Profile, person: str) -> str:
    if person == "spouse":
        if profile.spouse is None:
            raise LetterError(_("--person spouse: the file has no spouse or partner"))
        return f"{profile.spouse.given_names} {profile.spouse.family_name}".strip()
    return profile.applicant.full_name


def _gap(profile: Profile, as_of: date, person: str, name: str) -> tuple[list[str], None]:
    report = check_history(profile, as_of)
    found = report.person(person)
    spans = [] if found is None else [*found.personal_gaps, *found.address_gaps]
    if not spans:
        raise LetterError(
            _("{name}: the histories have no gap to explain on {day}").format(
                name=name, day=format_date(as_of)
            )
        )
    periods = [
        _("from {start} to {end}: {todo}").format(
            start=format_date(s.start), end=format_date(s.end), todo=TODO
        )
        for s in spans
    ]
    return [
        _(
            "I, {name}, explain the periods of my personal history and addresses that my "
            "forms leave open. During each of them I was:"
        ).format(name=name),
        *periods,
        _(
            "[Say where you lived and what you did: looking for work, caring for family, "
            "travelling, studying. Name any document that shows it.]"
        ),
    ], None


def _names(profile: Profile, person: str, name: str) -> tuple[list[str], str]:
    holder = profile.spouse if person == "spouse" else profile.applicant
    assert holder is not None
    others = [
        " ".join(part for part in (o.given_names, o.family_name) if part)
        for o in holder.background.other_names
    ]
    if not others:
        raise LetterError(
            _("{name}: the file records no other name (add them on the Application forms)").format(
                name=name
            )
        )
    return [
        _(
            "I, {name}, am the same person as the one named {others} in some of my documents."
        ).format(name=name, others=", ".join(others)),
        _(
            "[Say why the names differ: marriage, the order of given and family names, a "
            "transliteration, a spelling mistake. Name the documents with each form, and any "
            "affidavit or certificate that links them.]"
        ),
    ], f"passport:{person}"


def _police(person: str, name: str, country: str | None) -> tuple[list[str], str]:
    if not country:
        raise LetterError(_("--country: name the country of the police certificate"))
    place = country_name(country)
    return [
        _(
            "I, {name}, asked the authorities of {country} for a police certificate on "
            "{todo}. I have not received it yet."
        ).format(name=name, country=place, todo=TODO),
        _(
            "I attach the proof of my request: {todo}. I will send the certificate as soon as "
            "I receive it."
        ).format(todo=TODO),
    ], f"police:{person}:{country}"


def _reference(
    profile: Profile, person: str, name: str, number: int | None
) -> tuple[list[str], str]:
    if number is None:
        raise LetterError(_("--job: name the job without a reference letter"))
    _label, job = job_at(profile, person, number)
    end = format_date(job.end) if job.end else _("today")
    return [
        _(
            "I, {name}, worked as {title} for {employer} from {start} to {end}, {hours} "
            "hours a week. I cannot provide a reference letter from this employer because "
            "{todo}."
        ).format(
            name=name,
            title=job.title,
            employer=job.employer,
            start=format_date(job.start),
            end=end,
            hours=format_number(job.hours_per_week),
            todo=TODO,
        ),
        _(
            "Instead I attach: [an employment contract, pay slips, tax documents, bank "
            "statements showing the salary, a letter from a colleague or supervisor with "
            "their contact details]. They show the position, the dates, the hours, the salary "
            "and the duties I performed."
        ),
    ], f"reference_letter:{person}:{slug(job.employer)}-{job.start.isoformat()}"


def _funds(profile: Profile, name: str) -> tuple[list[str], str]:
    funds = profile.funds
    deposits = [
        (account, deposit)
        for account in (funds.accounts if funds else ())
        for deposit in account.deposits
    ]
    if not deposits:
        raise LetterError(
            _("The file records no deposit to explain (add them to the settlement funds).")
        )
    lines = [
        _("{amount} into my account at {institution} on {day}: {source}").format(
            amount=format_money(deposit.amount, currency=account.currency),
            institution=account.institution,
            day=format_date(deposit.on),
            source=deposit.source or TODO,
        )
        for account, deposit in deposits
    ]
    return [
        _("I, {name}, explain the source of these deposits in my settlement funds:").format(
            name=name
        ),
        *lines,
        _(
            "[For each: a salary, the sale of a property (with the deed of sale), a gift (with "
            "a gift letter and the giver's bank statement), savings moved from another "
            "account. None of it is borrowed.]"
        ),
    ], "funds:applicant"
