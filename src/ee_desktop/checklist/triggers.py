"""Trigger predicates: the only rules in code. Each says whether a document applies to a person
and yields one instance per thing it applies to (a job, a country, a test...).

The text lives in data/documents.toml; a trigger supplies only the key detail, the values for
the {placeholders}, the ids of the notes to append, and a computed expiry date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from ee_desktop.checklist.people import Person, slug, unique_ids
from ee_desktop.checklist.police import PoliceCountry, police_countries
from ee_desktop.i18n import _, country_name, format_date, format_number
from ee_desktop.profile.codes import TEST_LANGUAGE, TEST_NAMES
from ee_desktop.profile.model import Education, Job, LanguageTest, Profile
from ee_desktop.rules.dates import add_years
from ee_desktop.rules.evaluation import Evaluation

CANADA = "CA"
JOB_WINDOW_YEARS = 10  # the longest window any program counts work in


@dataclass(frozen=True, slots=True)
class Instance:
    detail: str = ""  # last part of the key, "" when the document is one per person
    args: Mapping[str, object] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    expires_on: date | None = None
    mandatory: bool | None = None  # None: as the data says


class Context:
    """What triggers look at, computed at most once per checklist."""

    def __init__(self, profile: Profile, as_of: date, evaluation: Evaluation) -> None:
        self.profile = profile
        self.as_of = as_of
        self.ev = evaluation
        validity = evaluation.tables.validity
        self.test_years = int(validity["language_test_years"])
        self.eca_years = int(validity["eca_years"])
        self._police: dict[str, list[PoliceCountry]] = {}

    @property
    def funds_exempt_reason(self) -> str | None:
        return self.ev.funds_exempt_reason

    def police(self, person: Person) -> list[PoliceCountry]:
        found = self._police.get(person.id)
        if found is None:
            found = police_countries(person.residence_history, person.date_of_birth, self.as_of)
            self._police[person.id] = found
        return found


Trigger = Callable[[Context, Person, str], Iterator[Instance]]


def _day(day: date | None) -> str:
    return _("now") if day is None else format_date(day)


def _amount(amount: float) -> str:
    """A number of dollars without the currency: the sentences of data/documents.toml write
    it themselves ("CAD {needed}", translated "{needed} $ CA"). Cents only when there are some."""
    return format_number(amount if amount == int(amount) else round(amount, 2))


def _period(start: date, end: date | None) -> str:
    return _("{start} to {end}").format(start=format_date(start), end=_day(end))


# -- always / civil status


def always(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    yield Instance()


def marital_status(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    if ctx.profile.applicant.marital_status == arg:
        yield Instance()


def passport(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    held = person.passport
    if held is None:
        yield Instance(notes=("missing",))
    elif held.expires_on < ctx.as_of:
        yield Instance(
            args={"expires": format_date(held.expires_on)},
            notes=("expired",),
            expires_on=held.expires_on,
        )
    else:
        yield Instance(expires_on=held.expires_on)


# -- language and education


def _valid_tests(ctx: Context, person: Person) -> list[LanguageTest]:
    """Per language, the latest test still valid; scores play no part, so keys stay put."""
    best: dict[str, LanguageTest] = {}
    for test in person.language_tests:
        if not test.taken_on <= ctx.as_of < add_years(test.valid_from, ctx.test_years):
            continue
        language = TEST_LANGUAGE.get(test.test, test.test)
        current = best.get(language)
        if current is None or (test.taken_on, test.test) > (current.taken_on, current.test):
            best[language] = test
    return sorted(best.values(), key=lambda t: (t.taken_on, t.test))


def _counts(person: Person) -> bool:
    """The applicant always; a spouse only when their factors count."""
    return person.role == "applicant" or person.scored


def per_language_test(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    if not _counts(person):
        return
    for test in _valid_tests(ctx, person):
        yield Instance(
            detail=f"{test.test}-{test.taken_on.isoformat()}",
            args={
                "test": _(TEST_NAMES.get(test.test, test.test)),
                "taken_on": format_date(test.taken_on),
                "years": ctx.test_years,
            },
            expires_on=add_years(test.valid_from, ctx.test_years),
        )


def no_language_test(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    if not _valid_tests(ctx, person):
        yield Instance(args={"years": ctx.test_years})


def _credentials(person: Person, as_of: date, foreign: bool) -> list[tuple[str, Education]]:
    """(id, credential) for completed credentials, ids from institution and completion date."""
    chosen = sorted(
        (
            c
            for c in person.education
            if c.completed_on <= as_of and (c.country != CANADA) == foreign
        ),
        key=lambda c: (c.completed_on, c.institution, c.field, c.level),
    )
    bases = [f"{slug(c.institution)}-{c.completed_on.isoformat()}" for c in chosen]
    return list(zip(unique_ids(bases), chosen, strict=True))


def _credential_label(credential: Education) -> str:
    return _("{field}, {institution} ({year})").format(
        field=credential.field,
        institution=credential.institution,
        year=credential.completed_on.year,
    )


def per_eca(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    if not _counts(person):
        return
    for credential_id, credential in _credentials(person, ctx.as_of, foreign=True):
        if credential.eca is None:
            continue
        expires = add_years(credential.eca.issued_on, ctx.eca_years)
        yield Instance(
            detail=credential_id,
            args={
                "credential": _credential_label(credential),
                "years": ctx.eca_years,
                "expires": format_date(expires),
            },
            notes=("expired",) if expires <= ctx.as_of else (),
            expires_on=expires,
        )


def per_credential_without_eca(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    if not _counts(person):
        return
    # Points for the spouse's education are optional; the applicant's credential is what
    # FSW eligibility and the core points rest on.
    optional = person.role != "applicant"
    for credential_id, credential in _credentials(person, ctx.as_of, foreign=True):
        if credential.eca is None:
            yield Instance(
                detail=credential_id,
                args={"credential": _credential_label(credential), "years": ctx.eca_years},
                notes=("optional",) if optional else (),
                mandatory=not optional,
            )


def per_canadian_credential(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    if not _counts(person):
        return
    for credential_id, credential in _credentials(person, ctx.as_of, foreign=False):
        yield Instance(detail=credential_id, args={"credential": _credential_label(credential)})


# -- work


def _claimed(job: Job, as_of: date) -> bool:
    """Paid, skilled (TEER 0-3), started by ``as_of`` and not over before the 10-year window."""
    noc = job.noc_code
    skilled = len(noc) == 5 and noc[1].isdigit() and int(noc[1]) <= 3
    recent = job.end is None or job.end >= add_years(as_of, -JOB_WINDOW_YEARS)
    return job.paid and skilled and job.hours_per_week > 0 and job.start <= as_of and recent


def _jobs(ctx: Context, person: Person) -> list[tuple[str, Job]]:
    """(id, job) for the jobs this person claims, ids from employer and start date."""
    jobs = [j for j in person.work_history if _claimed(j, ctx.as_of)]
    if person.role != "applicant":
        # A spouse's work gives points only when it is in Canada, and not self-employed
        # or while a full-time student (same test as the spouse's Canadian work factor).
        jobs = [
            j
            for j in jobs
            if j.country == CANADA and not j.self_employed and not j.while_full_time_student
        ]
    jobs.sort(key=lambda j: (j.start, j.employer, j.title, j.end or date.max))
    bases = [f"{slug(j.employer)}-{j.start.isoformat()}" for j in jobs]
    return list(zip(unique_ids(bases), jobs, strict=True))


def _job_instance(job_id: str, job: Job, person: Person) -> Instance:
    return Instance(
        detail=job_id,
        args={
            "job": _("{title} at {employer}").format(title=job.title, employer=job.employer),
            "period": _period(job.start, job.end),
        },
        notes=("spouse",) if person.role == "spouse" else (),
    )


def per_job(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    """Every claimed job; with "employee", only those an employer can write a letter for."""
    if not _counts(person):
        return
    for job_id, job in _jobs(ctx, person):
        if arg == "employee" and job.self_employed:
            continue
        yield _job_instance(job_id, job, person)


def per_self_employed_job(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    for job_id, job in _jobs(ctx, person):
        if job.self_employed:
            yield _job_instance(job_id, job, person)


# -- things the applicant declared


def has_nomination(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    nomination = ctx.profile.applicant.provincial_nomination
    if nomination is not None and nomination.nominated_on <= ctx.as_of:
        yield Instance(args={"province": nomination.province})


def has_job_offer(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    offer = ctx.profile.applicant.job_offer
    if offer is not None:
        yield Instance(args={"employer": offer.employer})


def has_certificate(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    certificate = ctx.profile.applicant.certificate_of_qualification
    if certificate is not None and certificate.issued_on <= ctx.as_of:
        yield Instance(args={"trade": certificate.trade, "province": certificate.province})


def has_sibling(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    if ctx.profile.applicant.sibling_in_canada:
        yield Instance()


# -- police certificates


def per_police_country(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    """arg "current": the country lived in now; "former": every other one."""
    for found in ctx.police(person):
        if found.current != (arg == "current"):
            continue
        yield Instance(
            detail=found.country,
            args={
                "country": country_name(found.country),
                "period": _period(found.last_start, None if found.current else found.last_day),
                "last_day": format_date(found.last_day),
            },
            notes=("not_accompanying",)
            if person.role == "spouse" and not person.accompanying
            else (),
        )


def no_residence_history(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    if not person.residence_history:
        yield Instance(args={"name": person.name})


# -- settlement funds


def funds_required(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    if ctx.funds_exempt_reason is not None:
        return
    needed = ctx.ev.required_funds
    have = ctx.ev.available_funds
    size = ctx.ev.facts.family_size
    args: dict[str, object] = {"size": size}
    if needed is None:
        note = "unknown"
    else:
        args["needed"] = _amount(needed)
        if have is None:
            note = "not_entered"
        else:
            args["have"] = _amount(have)
            args["short"] = _amount(needed - have)
            note = "enough" if have >= needed else "short"
    notes = (note, "cec_possible") if ctx.ev.cec.eligible else (note,)
    yield Instance(args=args, notes=notes)


def funds_exempt_trigger(ctx: Context, person: Person, arg: str) -> Iterator[Instance]:
    reason = ctx.funds_exempt_reason
    if reason is not None:
        yield Instance(notes=(reason,))


TRIGGERS: dict[str, Trigger] = {
    "always": always,
    "marital_status": marital_status,
    "passport": passport,
    "per_language_test": per_language_test,
    "no_language_test": no_language_test,
    "per_eca": per_eca,
    "per_credential_without_eca": per_credential_without_eca,
    "per_canadian_credential": per_canadian_credential,
    "per_job": per_job,
    "per_self_employed_job": per_self_employed_job,
    "has_nomination": has_nomination,
    "has_job_offer": has_job_offer,
    "has_certificate": has_certificate,
    "has_sibling": has_sibling,
    "per_police_country": per_police_country,
    "no_residence_history": no_residence_history,
    "funds_required": funds_required,
    "funds_exempt": funds_exempt_trigger,
}
