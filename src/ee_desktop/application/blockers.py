"""What stops a complete application: requirements no longer met, documents not in hand,
documents that will be too old on the day, and settlement funds short of the amount in force.

An application missing a mandatory document is rejected as incomplete, and the requirements
must be met both at the invitation and on the day of submission (IRCC completeness check).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from ee_desktop.application.model import Blocker
from ee_desktop.checklist.build import generate
from ee_desktop.checklist.model import Requirement
from ee_desktop.checklist.people import Person, people
from ee_desktop.deadlines.documents import current_police_due, item_title, police_detail
from ee_desktop.deadlines.held import person_title
from ee_desktop.deadlines.limits import Limits
from ee_desktop.deadlines.model import ChecklistProgress
from ee_desktop.i18n import _, format_date, format_money
from ee_desktop.profile.codes import TEST_LANGUAGE, TEST_NAMES
from ee_desktop.profile.model import EDUCATION_LEVELS, Eca
from ee_desktop.rules.dates import add_years
from ee_desktop.rules.evaluation import Evaluation


def _eligibility(ev: Evaluation) -> Iterator[Blocker]:
    if ev.eligible_for_any_program:
        return
    reasons = [*ev.cec.reasons[:1], *ev.fsw.reasons[:1], *ev.fst.reasons[:1]]
    yield Blocker(
        kind="eligibility",
        title=_("On this day the file meets no program's requirements"),
        detail=_(
            "The requirements must be met on the day you submit, as on the day of the "
            "invitation. {reasons}"
        ).format(reasons=" ".join(reasons)),
        blocks=True,
    )


def _documents(
    items: Sequence[Requirement],
    progress: dict[str, ChecklistProgress],
    submitted: bool = False,
) -> Iterator[Blocker]:
    for item in items:
        state = progress.get(item.key)
        if not item.mandatory or (state is not None and state.done):
            continue
        if submitted:
            detail = _(
                "Not marked received in your checklist. IRCC may ask for it while the "
                "application is processed: have it ready, and mark it received once you have it."
            )
        else:
            detail = _(
                "Not marked received in your checklist. A missing document makes the "
                "application incomplete, and IRCC returns incomplete applications."
            )
        yield Blocker(
            kind="document",
            title=item_title(item),
            detail=detail,
            blocks=not submitted,
            person=item.person,
            key=item.key,
        )


def _too_old(
    title: str, detail: str, last_day: date, as_of: date, by: date, person: str
) -> Blocker | None:
    """A document usable up to ``last_day``: a blocker when it cannot be used on ``by``; one
    that can still be used today only warns (submit by then)."""
    if last_day >= by:
        return None
    expired = last_day < as_of
    heading = _("{document}: too old since {day}") if expired else _("{document}: submit by {day}")
    return Blocker(
        kind="expiry",
        title=heading.format(
            document=title, day=format_date(last_day + timedelta(days=1) if expired else last_day)
        ),
        detail=detail,
        blocks=expired,
        person=person,
        until=last_day,
    )


def _latest_tests(person: Person, years: int) -> Iterator[tuple[str, date]]:
    """Per language, the test the file relies on (the latest) and its last valid day."""
    latest: dict[str, tuple[date, str]] = {}
    for test in person.language_tests:
        language = TEST_LANGUAGE.get(test.test, test.test)
        if language not in latest or test.valid_from > latest[language][0]:
            latest[language] = (test.valid_from, test.test)
    for valid_from, test_name in latest.values():
        yield test_name, add_years(valid_from, years) - timedelta(days=1)


def _counted_eca(person: Person) -> Eca | None:
    """The assessment of the highest credential assessed (the one education points rest on);
    an older report of a lower credential does not hold the application up."""
    assessed = [e for e in person.education if e.eca is not None]
    if not assessed:
        return None
    best = max(
        assessed,
        key=lambda e: (EDUCATION_LEVELS.index(e.level), e.eca.issued_on if e.eca else date.min),
    )
    return best.eca


def _expiries(
    ev: Evaluation,
    as_of: date,
    by: date,
    items: Sequence[Requirement],
    progress: Sequence[ChecklistProgress],
    limits: Limits,
) -> Iterator[Blocker]:
    validity = ev.tables.validity
    test_years, eca_years = int(validity["language_test_years"]), int(validity["eca_years"])
    found: list[Blocker | None] = []
    for person in people(ev.profile):
        if person.role == "applicant" or person.scored:
            for test_name, last_day in _latest_tests(person, test_years):
                title = _("{test} results").format(test=_(TEST_NAMES.get(test_name, test_name)))
                detail = _(
                    "Language results must be less than {years} years old on the day you "
                    "submit. Submit before they expire, or take the test again."
                ).format(years=test_years)
                found.append(
                    _too_old(person_title(person, title), detail, last_day, as_of, by, person.id)
                )
            eca = _counted_eca(person)
            if eca is not None:
                title = _("{organization} credential assessment").format(
                    organization=eca.organization
                )
                detail = _(
                    "An educational credential assessment is valid for {years} years from its "
                    "issue date. Submit before then, or order a new assessment."
                ).format(years=eca_years)
                last_day = add_years(eca.issued_on, eca_years) - timedelta(days=1)
                found.append(
                    _too_old(person_title(person, title), detail, last_day, as_of, by, person.id)
                )
        if person.passport is not None:
            detail = _(
                "The passport must be valid when you submit, and the confirmation of permanent "
                "residence cannot outlast it. Renew it and update the file."
            )
            found.append(
                _too_old(
                    person_title(person, _("Passport")),
                    detail,
                    person.passport.expires_on,
                    as_of,
                    by,
                    person.id,
                )
            )
    for item, last_day, limit in current_police_due(ev.profile, as_of, items, progress, limits):
        found.append(
            _too_old(item_title(item), police_detail(limit), last_day, as_of, by, item.person)
        )
    yield from (b for b in found if b is not None)


def _funds(ev: Evaluation) -> Iterator[Blocker]:
    needed, have = ev.required_funds, ev.available_funds
    if ev.funds_exempt_reason is not None or needed is None:
        return
    # IRCC invites under the Canadian Experience Class first when the file meets it, and that
    # class needs no funds: then a shortfall matters only for an invitation under another one.
    cec = ev.cec.eligible
    size = ev.facts.family_size
    if have is None:
        yield Blocker(
            kind="funds",
            title=_("Settlement funds not entered"),
            detail=_(
                "A family of {size} needs {needed} on the day you submit and on the day the "
                "visa is issued. Enter your funds in your personal file."
            ).format(size=size, needed=format_money(needed)),
            blocks=not cec,
        )
    elif have < needed:
        detail = _(
            "A family of {size} needs {needed} (the amount in force on this day); you have "
            "{have}. The funds must be available when you submit and when the visa is issued."
        ).format(size=size, needed=format_money(needed), have=format_money(have))
        if cec:
            detail += " " + _(
                "No funds are needed if the invitation is under the Canadian Experience Class."
            )
        yield Blocker(
            kind="funds",
            title=_("Settlement funds short by {short}").format(short=format_money(needed - have)),
            detail=detail,
            blocks=not cec,
        )


def missing_documents(
    evaluation: Evaluation, progress: Sequence[ChecklistProgress], submitted: bool = False
) -> tuple[Blocker, ...]:
    """The application's mandatory documents not marked received in the checklist on the
    evaluation's date: before submission they block it; once ``submitted``, they no longer
    block anything but IRCC may still ask for them."""
    items = generate(
        evaluation.profile,
        evaluation.as_of,
        evaluation.rules,
        "application",
        evaluation=evaluation,
    )
    return tuple(_documents(items, {item.key: item for item in progress}, submitted))


def blockers(
    evaluation: Evaluation,
    progress: Sequence[ChecklistProgress],
    limits: Limits,
    by: date,
) -> tuple[Blocker, ...]:
    """Everything that stops submitting on the evaluation's date, or that will by ``by`` (the
    deadline): ineligibility, then documents, expiries and funds."""
    as_of = evaluation.as_of
    items = generate(
        evaluation.profile, as_of, evaluation.rules, "application", evaluation=evaluation
    )
    by_key = {item.key: item for item in progress}
    found = [
        *_eligibility(evaluation),
        *_documents(items, by_key),
        *_expiries(evaluation, as_of, max(by, as_of), items, progress, limits),
        *_funds(evaluation),
    ]
    return tuple(found)
