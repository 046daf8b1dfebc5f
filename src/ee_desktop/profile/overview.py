"""What the personal file holds and what it still lacks, section by section, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from ee_desktop.i18n import _, country_name, format_date, format_money, ngettext
from ee_desktop.profile.codes import TEST_NAMES
from ee_desktop.profile.funds_in_use import available_funds
from ee_desktop.profile.labels import EDUCATION_LEVEL, MARITAL_STATUS, label
from ee_desktop.profile.model import STATUSES_WITH_SPOUSE, Education, Profile


class Status(Enum):
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"  # present but something in it needs attention
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    status: Status
    text: str


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _credential(e: Education) -> str:
    where = _("Canada") if e.country == "CA" else e.country
    return _("{level} from {institution} ({where}, {year})").format(
        level=label(EDUCATION_LEVEL, e.level),
        institution=e.institution,
        where=where,
        year=e.completed_on.year,
    )


def overview(
    profile: Profile,
    required_funds: int | None = None,
    funds_exempt: bool = False,
    on: date | None = None,
) -> list[Section]:
    """The file's sections; ``required_funds``: the settlement funds the family needs on
    ``on`` (None: not known), ``funds_exempt``: none are needed (a valid job offer, or CEC
    only); the funds shown are those of the ledger on ``on`` when the file has one."""
    a = profile.applicant
    sections = [
        Section(
            "applicant",
            _("About you"),
            Status.COMPLETE,
            _("{name}, born {born}, {status}, living in {country}.").format(
                name=a.full_name,
                born=format_date(a.date_of_birth),
                status=label(MARITAL_STATUS, a.marital_status),
                country=country_name(a.country_of_residence),
            ),
        )
    ]

    if a.language_tests:
        tests = "; ".join(
            _("{test} taken {date}").format(
                test=_(TEST_NAMES[t.test]), date=format_date(t.taken_on)
            )
            for t in a.language_tests
        )
        sections.append(Section("language_tests", _("Language tests"), Status.COMPLETE, tests))
    else:
        sections.append(
            Section(
                "language_tests",
                _("Language tests"),
                Status.MISSING,
                _(
                    "No language test yet. Express Entry requires an approved test in English or "
                    "French; add your results when you have them."
                ),
            )
        )

    if a.education:
        unevaluated = [e for e in a.education if e.country != "CA" and e.eca is None]
        text = _capitalized("; ".join(_credential(e) for e in a.education))
        if unevaluated:
            text += " " + ngettext(
                "{n} foreign credential has no ECA report, so it earns no points yet.",
                "{n} foreign credentials have no ECA report, so they earn no points yet.",
                len(unevaluated),
            ).format(n=len(unevaluated))
        status = Status.INCOMPLETE if unevaluated else Status.COMPLETE
        sections.append(Section("education", _("Education"), status, text))
    else:
        sections.append(
            Section(
                "education",
                _("Education"),
                Status.MISSING,
                _(
                    "No education entered. Add your highest credential (and its ECA report "
                    "if it is from outside Canada)."
                ),
            )
        )

    if a.work_history:
        jobs = "; ".join(
            _("{title} (NOC {noc}) from {start} to {end}").format(
                title=j.title,
                noc=j.noc_code,
                start=format_date(j.start),
                end=format_date(j.end) if j.end else _("now"),
            )
            for j in a.work_history
        )
        sections.append(Section("work_history", _("Work history"), Status.COMPLETE, jobs))
    else:
        sections.append(
            Section(
                "work_history",
                _("Work history"),
                Status.MISSING,
                _(
                    "No work history entered. Every program needs skilled work experience; "
                    "list each job with its NOC code."
                ),
            )
        )

    sections.append(_spouse_section(profile))
    children = profile.children
    sections.append(
        Section(
            "children",
            _("Children"),
            Status.COMPLETE if children else Status.NOT_APPLICABLE,
            ngettext("{n} child entered.", "{n} children entered.", len(children)).format(
                n=len(children)
            )
            if children
            else _("No children entered."),
        )
    )

    if a.passport is not None:
        sections.append(
            Section(
                "passport",
                _("Passport"),
                Status.COMPLETE,
                _("Passport from {country}, valid until {date}.").format(
                    country=country_name(a.passport.country),
                    date=format_date(a.passport.expires_on),
                ),
            )
        )
    else:
        sections.append(
            Section(
                "passport",
                _("Passport"),
                Status.MISSING,
                _("Passport details not entered. The online profile asks for them."),
            )
        )

    if a.residence_history:
        sections.append(
            Section(
                "residence_history",
                _("Places lived"),
                Status.COMPLETE,
                ngettext(
                    "{n} place entered.", "{n} places entered.", len(a.residence_history)
                ).format(n=len(a.residence_history)),
            )
        )
    else:
        sections.append(
            Section(
                "residence_history",
                _("Places lived"),
                Status.MISSING,
                _(
                    "Places you have lived are not entered. They decide which police certificates "
                    "you need."
                ),
            )
        )

    have = profile.settlement_funds_cad if on is None else available_funds(profile, on)
    sections.append(_funds_section(have, required_funds, funds_exempt))
    return sections


def _funds_section(have: float | None, required: int | None, exempt: bool) -> Section:
    key, title = "settlement_funds_cad", _("Settlement funds")
    if exempt:
        text = _("No proof of settlement funds is needed (a valid job offer, or CEC only).")
        if have is not None:
            text = _("{amount} available.").format(amount=format_money(have)) + " " + text
        return Section(key, title, Status.COMPLETE, text)
    if have is None:
        return Section(
            key,
            title,
            Status.MISSING,
            _("Settlement funds not entered. Most applicants must show enough money to settle."),
        )
    if required is not None and have < required:
        return Section(
            key,
            title,
            Status.INCOMPLETE,
            _(
                "{amount} available; your family needs {required}: {short} short for the "
                "Federal Skilled Worker and Federal Skilled Trades programs."
            ).format(
                amount=format_money(have),
                required=format_money(required),
                short=format_money(required - have),
            ),
        )
    text = _("{amount} available.").format(amount=format_money(have))
    if required is not None:
        text += " " + _("Your family needs {required}.").format(required=format_money(required))
    return Section(key, title, Status.COMPLETE, text)


def _spouse_section(profile: Profile) -> Section:
    title = _("Spouse or partner")
    s = profile.spouse
    if profile.applicant.marital_status not in STATUSES_WITH_SPOUSE or s is None:
        return Section("spouse", title, Status.NOT_APPLICABLE, _("No spouse or partner."))
    coming = _("coming with you") if s.accompanying else _("not coming with you")
    text = _("{name}, {coming}.").format(name=f"{s.given_names} {s.family_name}", coming=coming)
    counts = s.accompanying and not s.canadian_citizen_or_pr
    if counts and not s.language_tests:
        return Section(
            "spouse",
            title,
            Status.INCOMPLETE,
            text
            + " "
            + _("Their language test results can add points; no test is entered for them yet."),
        )
    return Section("spouse", title, Status.COMPLETE, text)
