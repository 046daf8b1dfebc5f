"""The profile worksheet: every answer the online profile asks for, in the order of its
sections, then the preliminary results computed on this computer and, once a milestone is
recorded, the application for permanent residence."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable, Paragraph, Spacer

from ee_desktop.i18n import N_, _, format_date
from ee_desktop.noc import noc_index
from ee_desktop.profile.codes import ABILITY_NAMES, TEST_LANGUAGE, TEST_NAMES
from ee_desktop.profile.labels import EDUCATION_LEVEL, MARITAL_STATUS, label, level_scale
from ee_desktop.profile.model import (
    ABILITIES,
    STATUSES_WITH_SPOUSE,
    Education,
    Job,
    LanguageTest,
    Passport,
    Residence,
)
from ee_desktop.rules.dates import add_years, completed_years
from ee_desktop.rules.evaluation import Evaluation
from ee_desktop.rules.explain import FACTOR_NAMES, LANGUAGE_NAMES, SECTIONS
from ee_desktop.rules.language import convert
from ee_desktop.rules.programs import ProgramResult, funds_exempt

from .application import application
from .layout import Group, Layout, text
from .model import ReportInput
from .values import NOT_ENTERED, cad, country, day, score, yes_no

Section = Callable[[ReportInput, Layout], list[Flowable]]
Pairs = list[tuple[str, object]]

LANGUAGE_CHOICE = {
    "english": N_("English"),
    "french": N_("French"),
    "auto": N_("Not chosen (the one that scores higher)"),
}
GRID_NAMES = {
    "language": N_("Language"),
    "education": N_("Education"),
    "work_experience": N_("Work experience"),
    "age": N_("Age"),
    "arranged_employment": N_("Arranged employment"),
    "adaptability": N_("Adaptability"),
}
CATEGORY_STATUS = {
    "eligible": N_("eligible"),
    "not_eligible": N_("not eligible"),
    "unknown": N_("cannot tell from the file"),
}


# -- personal details -------------------------------------------------------------------------
def _passport_pairs(passport: Passport | None) -> Pairs:
    if passport is None:
        return [(_("Passport"), _("Not entered"))]
    return [
        (_("Passport number"), passport.number),
        (_("Country of issue"), country(passport.country)),
        (_("Issue date"), day(passport.issued_on)),
        (_("Expiry date"), day(passport.expires_on)),
    ]


def _places(lay: Layout, places: Sequence[Residence]) -> list[Group]:
    if not places:
        return []
    rows = [(country(r.country), day(r.from_), day(r.to) if r.to else _("present")) for r in places]
    table = lay.table([_("Country"), _("From"), _("To")], rows, [0.5, 0.25, 0.25])
    return [[lay.subheading(_("Places lived")), table]]


def personal(data: ReportInput, lay: Layout) -> list[Flowable]:
    a = data.profile.applicant
    age = completed_years(a.date_of_birth, data.as_of)
    pairs: Pairs = [
        (_("Given names"), a.given_names),
        (_("Family name"), a.family_name),
        (_("Date of birth"), day(a.date_of_birth)),
        (_("Age on {day}").format(day=day(data.as_of)), age),
        (_("Marital status"), label(MARITAL_STATUS, a.marital_status)),
        (_("Country of residence"), country(a.country_of_residence)),
        *_passport_pairs(a.passport),
        (
            _("First official language"),
            _(LANGUAGE_CHOICE.get(data.profile.first_official_language, "auto")),
        ),
    ]
    groups = [[lay.fields(pairs)], *_places(lay, a.residence_history)]
    return lay.section(_("1. Personal details"), groups)


# -- language tests ---------------------------------------------------------------------------
def _test_block(ev: Evaluation, lay: Layout, title: str, test: LanguageTest) -> Group:
    years = ev.tables.validity["language_test_years"]
    result = convert(test, ev.rules, years)
    scale = level_scale(TEST_LANGUAGE[test.test])
    pairs: Pairs = [
        (_("Test"), _(TEST_NAMES[test.test])),
        (_("Language"), _(LANGUAGE_NAMES[TEST_LANGUAGE[test.test]])),
        (_("Date of test"), day(test.taken_on)),
        (_("Date of test results"), day(test.results_on)),
        (_("Registration / certificate number"), test.registration_number),
        (_("Valid until"), day(add_years(test.valid_from, years))),
    ]
    for ability in ABILITIES:
        value = score(test.test, ability, test.score(ability))
        if result is not None:
            value = f"{value}  ({scale} {getattr(result, ability)})"
        pairs.append((_(ABILITY_NAMES[ability]).capitalize(), value))
    return lay.block(title, pairs)


def _tests(ev: Evaluation, lay: Layout, tests: Sequence[LanguageTest], name: str) -> list[Group]:
    if not tests:
        return [[lay.paragraph(text(_("No language test entered.")))]]
    return [
        _test_block(ev, lay, name.format(n=n, total=len(tests)), t) for n, t in enumerate(tests, 1)
    ]


def language(data: ReportInput, lay: Layout) -> list[Flowable]:
    tests = data.profile.applicant.language_tests
    groups = _tests(data.evaluation, lay, tests, _("Test {n} of {total}"))
    return lay.section(_("2. Language tests"), groups)


# -- education --------------------------------------------------------------------------------
def _eca_pairs(e: Education) -> Pairs:
    if e.eca is None:
        answer = (
            _("Not needed: Canadian credential")
            if e.country == "CA"
            else _("None entered: a foreign credential earns no points without one")
        )
        return [(_("Educational credential assessment (ECA)"), answer)]
    return [
        (_("ECA organization"), e.eca.organization),
        (_("ECA reference number"), e.eca.reference),
        (_("ECA issue date"), day(e.eca.issued_on)),
        (_("Canadian equivalent (ECA)"), label(EDUCATION_LEVEL, e.eca.level)),
    ]


def _education_block(lay: Layout, title: str, e: Education) -> Group:
    pairs: Pairs = [
        (_("Level"), label(EDUCATION_LEVEL, e.level)),
        (_("Program length (years)"), e.program_length_years),
        (_("Full-time"), yes_no(e.full_time)),
        (_("Country"), country(e.country)),
        (_("Institution"), e.institution),
        (_("Field of study"), e.field),
        (_("Completed on"), day(e.completed_on)),
        *_eca_pairs(e),
    ]
    return lay.block(title, pairs)


def _educations(lay: Layout, items: Sequence[Education], name: str) -> list[Group]:
    if not items:
        return [[lay.paragraph(text(_("No education entered.")))]]
    return [
        _education_block(lay, name.format(n=n, total=len(items)), e) for n, e in enumerate(items, 1)
    ]


def education(data: ReportInput, lay: Layout) -> list[Flowable]:
    items = data.profile.applicant.education
    groups = _educations(lay, items, _("Credential {n} of {total}"))
    return lay.section(_("3. Education"), groups)


# -- work history -----------------------------------------------------------------------------
def _noc_title(code: str) -> str:
    occupation = noc_index().get(code)
    return NOT_ENTERED if occupation is None else occupation.title()


def _job_block(lay: Layout, title: str, job: Job) -> Group:
    pairs: Pairs = [
        (_("Job title"), job.title),
        (_("Employer"), job.employer),
        (_("NOC 2021 code"), job.noc_code),
        (_("NOC title"), _noc_title(job.noc_code)),
        (_("TEER"), job.teer),
        (_("Country"), country(job.country)),
        (_("Start date"), day(job.start)),
        (_("End date"), day(job.end) if job.end else _("present")),
        (_("Hours per week"), f"{job.hours_per_week:g}"),
        (_("Paid"), yes_no(job.paid)),
        (_("Self-employed"), yes_no(job.self_employed)),
        (_("While a full-time student"), yes_no(job.while_full_time_student)),
    ]
    return lay.block(title, pairs)


def _jobs(lay: Layout, jobs: Sequence[Job], name: str) -> list[Group]:
    if not jobs:
        return [[lay.paragraph(text(_("No work history entered.")))]]
    return [_job_block(lay, name.format(n=n, total=len(jobs)), j) for n, j in enumerate(jobs, 1)]


def work(data: ReportInput, lay: Layout) -> list[Flowable]:
    jobs = data.profile.applicant.work_history
    intro = _(
        "In the order of your file. The online profile asks for your work experience of the "
        "last ten years."
    )
    facts = data.evaluation.facts
    counted = lay.fields(
        [
            (_("Skilled work in Canada, last 10 years (full years)"), facts.canadian_work_years),
            (_("Skilled work abroad, last 10 years (full years)"), facts.foreign_work_years),
        ]
    )
    intro_group: Group = [lay.paragraph(text(intro)), counted, Spacer(1, 4)]
    groups = [intro_group, *_jobs(lay, jobs, _("Job {n} of {total}"))]
    return lay.section(_("4. Work history"), groups, keep=2)


# -- additional factors -----------------------------------------------------------------------
def additional(data: ReportInput, lay: Layout) -> list[Flowable]:
    a = data.profile.applicant
    pairs: Pairs = [(_("Brother or sister in Canada (citizen or PR)"), yes_no(a.sibling_in_canada))]
    coq = a.certificate_of_qualification
    if coq is None:
        pairs.append((_("Certificate of qualification"), _("None")))
    else:
        pairs += [
            (_("Certificate of qualification: province"), coq.province),
            (_("Trade"), coq.trade),
            (_("Issued on"), day(coq.issued_on)),
        ]
    pnp = a.provincial_nomination
    if pnp is None:
        pairs.append((_("Provincial nomination"), _("None")))
    else:
        pairs += [
            (_("Nominating province or territory"), pnp.province),
            (_("Stream"), pnp.stream),
            (_("Nominated on"), day(pnp.nominated_on)),
        ]
    offer = a.job_offer
    if offer is None:
        pairs.append((_("Job offer"), _("None")))
    else:
        pairs += [
            (_("Job offer: NOC 2021 code"), offer.noc_code),
            (_("NOC title"), _noc_title(offer.noc_code)),
            (_("Employer"), offer.employer),
            (_("Start date"), day(offer.start_on)),
            (_("LMIA-exempt or LMIA approved"), yes_no(offer.lmia_exempt_or_approved)),
        ]
    return lay.section(_("5. Additional factors"), [[lay.fields(pairs)]])


# -- family -----------------------------------------------------------------------------------
def _titled(title: Flowable, groups: list[Group]) -> list[Group]:
    """``title`` printed with the first group."""
    return [[title, *groups[0]], *groups[1:]]


def _spouse(data: ReportInput, lay: Layout) -> list[Group]:
    s, ev = data.profile.spouse, data.evaluation
    if data.profile.applicant.marital_status not in STATUSES_WITH_SPOUSE or s is None:
        return [[lay.paragraph(text(_("No spouse or partner in the file.")))]]
    pairs: Pairs = [
        (_("Given names"), s.given_names),
        (_("Family name"), s.family_name),
        (_("Date of birth"), day(s.date_of_birth)),
        (_("Coming with you to Canada"), yes_no(s.accompanying)),
        (_("Canadian citizen or permanent resident"), yes_no(s.canadian_citizen_or_pr)),
        *_passport_pairs(s.passport),
    ]
    first: Group = [lay.subheading(_("Spouse or partner")), lay.fields(pairs)]
    if ev.facts.spouse_not_counted:
        first.append(lay.p(text(ev.facts.spouse_not_counted), lay.styles.small))
    tests = _tests(ev, lay, s.language_tests, _("Spouse's test {n} of {total}"))
    studies = _educations(lay, s.education, _("Spouse's credential {n} of {total}"))
    jobs = _jobs(lay, s.work_history, _("Spouse's job {n} of {total}"))
    return [
        first,
        *_places(lay, s.residence_history),
        *_titled(lay.subheading(_("Spouse or partner: language tests")), tests),
        *_titled(lay.subheading(_("Spouse or partner: education")), studies),
        *_titled(lay.subheading(_("Spouse or partner: work history")), jobs),
    ]


def _children(data: ReportInput, lay: Layout) -> Group:
    title = lay.subheading(_("Children"))
    if not data.profile.children:
        return [title, lay.paragraph(text(_("No children in the file.")))]
    rows = [
        (
            " ".join(x for x in (c.given_names, c.family_name) if x) or NOT_ENTERED,
            day(c.date_of_birth),
            completed_years(c.date_of_birth, data.as_of),
            yes_no(c.accompanying),
            c.passport.number if c.passport else NOT_ENTERED,
        )
        for c in data.profile.children
    ]
    header = [
        _("Name"),
        _("Date of birth"),
        _("Age on {day}").format(day=day(data.as_of)),
        _("Coming with you"),
        _("Passport number"),
    ]
    return [title, lay.table(header, rows, [0.34, 0.17, 0.15, 0.15, 0.19])]


def family(data: ReportInput, lay: Layout) -> list[Flowable]:
    groups = [*_spouse(data, lay), _children(data, lay)]
    return lay.section(_("6. Family"), groups)


# -- settlement funds -------------------------------------------------------------------------
def funds(data: ReportInput, lay: Layout) -> list[Flowable]:
    ev = data.evaluation
    have, needed = ev.available_funds, ev.required_funds
    if funds_exempt(ev.facts):
        verdict = _("Not needed: you work in Canada now and have a valid job offer")
    elif needed is None:
        verdict = _("The rules for this date set no amount")
    elif have is None:
        verdict = _("Not entered")
    elif have >= needed:
        verdict = _("Enough")
    else:
        verdict = _("Short by {amount}").format(amount=cad(needed - have))
    pairs: Pairs = [
        (_("Funds available (CAD)"), cad(have)),
        (_("Family size (you, your spouse or partner, dependent children)"), ev.facts.family_size),
        (_("Required on {day}").format(day=day(data.as_of)), cad(needed)),
        (_("Result"), verdict),
    ]
    return lay.section(_("7. Settlement funds"), [[lay.fields(pairs)]])


# -- results ----------------------------------------------------------------------------------
def _section_maxima(ev: Evaluation) -> dict[str, tuple[int, int]]:
    crs, caps = ev.crs, ev.tables.caps
    return {
        "core": (crs.core, caps["core_with_spouse" if crs.with_spouse else "core_without_spouse"]),
        "spouse": (crs.spouse, caps["spouse"] if crs.with_spouse else 0),
        "transferability": (crs.transferability, caps["transferability"]),
        "additional": (crs.additional, caps["additional"]),
    }


def score_breakdown(data: ReportInput, lay: Layout) -> list[Flowable]:
    ev = data.evaluation
    intro = _(
        "Computed on this computer on {day} with rules {version} (verified up to {verified}). "
        "This is a preliminary estimate, not an official result: the online profile computes "
        "your score from the answers above."
    ).format(
        day=format_date(data.as_of),
        version=ev.rules_version,
        verified=format_date(ev.verified_on),
    )
    total = _("CRS score: {total} / 1200").format(total=ev.crs.total)
    groups: list[Group] = [[lay.paragraph(text(intro)), Paragraph(text(total), lay.styles.h2)]]
    for section, (points, maximum) in _section_maxima(ev).items():
        if section == "spouse" and not ev.crs.with_spouse:
            continue
        rows = [
            (_(FACTOR_NAMES[f.factor]), f.points, f.max, f.explanation)
            for f in ev.factors
            if f.section == section
        ]
        title = _("{section}: {points} / {maximum}").format(
            section=_(SECTIONS[section]), points=points, maximum=maximum
        )
        table = lay.table(
            [_("Factor"), _("Points"), _("Max"), _("How it was counted")],
            rows,
            [0.27, 0.09, 0.08, 0.56],
        )
        groups.append([lay.subheading(title), table])
    return lay.section(_("8. Preliminary score (Comprehensive Ranking System)"), groups, keep=2)


def _program_row(lay: Layout, name: str, result: ProgramResult) -> tuple[object, ...]:
    status = _("eligible") if result.eligible else _("not eligible")
    reasons = "<br/>".join("\u2022 " + text(r) for r in result.reasons) or NOT_ENTERED
    return (name, status, lay.p(reasons, lay.styles.small))


def programs(data: ReportInput, lay: Layout) -> list[Flowable]:
    ev = data.evaluation
    fsw_name = _("Federal Skilled Worker ({points} / 100 grid points, {needed} needed)").format(
        points=ev.fsw.points, needed=ev.tables.fsw_minimums["pass_mark"]
    )
    rows = [
        _program_row(lay, fsw_name, ev.fsw),
        _program_row(lay, _("Canadian Experience Class"), ev.cec),
        _program_row(lay, _("Federal Skilled Trades"), ev.fst),
    ]
    groups: list[Group] = [
        [lay.table([_("Program"), _("Result"), _("What is missing")], rows, [0.3, 0.14, 0.56])]
    ]
    if ev.fsw.grid:
        grid = [(_(GRID_NAMES.get(g.factor, g.factor)), g.points, g.max) for g in ev.fsw.grid]
        groups.append(
            [
                lay.subheading(_("Federal Skilled Worker grid")),
                lay.table([_("Factor"), _("Points"), _("Max")], grid, [0.4, 0.12, 0.12]),
            ]
        )
    if ev.categories:
        rows = [
            (
                c.title,
                _(CATEGORY_STATUS.get(c.status, c.status)),
                lay.p("<br/>".join("\u2022 " + text(r) for r in c.reasons), lay.styles.small),
            )
            for c in ev.categories
        ]
        groups.append(
            [
                lay.subheading(_("Category-based selection")),
                lay.table([_("Category"), _("Result"), _("Why")], rows, [0.3, 0.14, 0.56]),
            ]
        )
    return lay.section(_("9. Program eligibility"), groups)


def warnings_and_notices(data: ReportInput, lay: Layout) -> list[Flowable]:
    ev = data.evaluation
    out: list[Flowable] = []
    if ev.warnings:
        lines = [[lay.p("\u2022 " + text(w), lay.styles.warning)] for w in ev.warnings]
        out += lay.section(_("Warnings"), lines)
    if ev.notices:
        notes = [[lay.paragraph(f"<b>{text(n.title)}</b>: {text(n.text)}")] for n in ev.notices]
        out += lay.section(_("About the rules used"), notes)
    out.append(Spacer(1, 4))
    return out


def title(data: ReportInput, lay: Layout) -> list[Flowable]:
    intro = _(
        "Your answers as the online Express Entry profile asks for them, section by section. "
        "Dates are year-month-day. Answers come from your personal file as of {day}; check "
        "each one against your documents before you submit."
    ).format(day=format_date(data.as_of))
    return [Paragraph(text(_("Profile worksheet")), lay.styles.title), lay.paragraph(text(intro))]


SECTION_BUILDERS: tuple[Section, ...] = (
    title,
    personal,
    language,
    education,
    work,
    additional,
    family,
    funds,
    score_breakdown,
    programs,
    application,  # only once a milestone is recorded
    warnings_and_notices,
)
