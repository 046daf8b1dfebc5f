"""What stops a complete application: requirements no longer met, documents not in hand,
documents that will be too old on the day, and settlement funds short of the amount in force.

An application missing a mandatory document is rejected as incomplete, and the requirements
must be met both at the invitation and on the day of submission (IRCC completeness check).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from ee_desktop.application.model import Blocker
from ee_desktop.checklist.build import generate
from ee_desktop.checklist.model import Requirement
from ee_desktop.checklist.people import Person, people
from ee_desktop.deadlines.documents import current_police_due, item_title, police_detail
from ee_desktop.deadlines.held import held_expiries
from ee_desktop.deadlines.limits import Limits
from ee_desktop.deadlines.model import ChecklistProgress
from ee_desktop.i18n import _
from ee_desktop.profile.codes import TEST_LANGUAGE, TEST_NAMES
from ee_desktop.rules.dates import add_years
from ee_desktop.rules.evaluation import Evaluation
from ee_desktop.rules.text import money


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
    items: Sequence[Requirement], progress: dict[str, ChecklistProgress]
) -> Iterator[Blocker]:
    for item in items:
        state = progress.get(item.key)
        if not item.mandatory or (state is not None and state.done):
            continue
        yield Blocker(
            kind="document",
            title=item_title(item),
            detail=_(
                "Not marked received in your checklist. A missing document makes the "
                "application incomplete, and IRCC returns incomplete applications."
            ),
            blocks=True,
            person=item.person,
            key=item.key,
        )


def _too_old(
    title: str, detail: str, until: date, as_of: date, by: date, person: str
) -> Blocker | None:
    """A document that expires on ``until``: a blocker when that is on or before ``by``."""
    if until > by:
        return None
    expired = until <= as_of
    heading = _("{document}: expired on {day}") if expired else _("{document}: submit before {day}")
    return Blocker(
        kind="expiry",
        title=heading.format(document=title, day=until.isoformat()),
        detail=detail,
        blocks=expired,
        person=person,
        until=until,
    )


def _latest_tests(person: Person, years: int) -> Iterator[tuple[str, date]]:
    """Per language, the test the file relies on (the latest) and the day it expires."""
    latest: dict[str, tuple[date, str]] = {}
    for test in person.language_tests:
        language = TEST_LANGUAGE.get(test.test, test.test)
        if language not in latest or test.valid_from > latest[language][0]:
            latest[language] = (test.valid_from, test.test)
    for valid_from, test_name in latest.values():
        yield test_name, add_years(valid_from, years)


def _expiries(
    ev: Evaluation,
    as_of: date,
    by: date,
    items: Sequence[Requirement],
    progress: Sequence[ChecklistProgress],
    limits: Limits,
) -> Iterator[Blocker]:
    profile = ev.profile
    years = int(ev.tables.validity["language_test_years"])
    for person in people(profile):
        if person.role != "applicant" and not person.scored:
            continue
        for test_name, expires in _latest_tests(person, years):
            title = _("{test} results").format(test=_(TEST_NAMES.get(test_name, test_name)))
            if person.role != "applicant":
                title = _("{person}: {what}").format(person=person.label, what=title)
            found = _too_old(
                title,
                _(
                    "Language results must be less than {years} years old on the day you "
                    "submit. Submit before they expire, or take the test again."
                ).format(years=years),
                expires,
                as_of,
                by,
                person.id,
            )
            if found is not None:
                yield found
    for held in held_expiries(profile, as_of, ev.rules, limits, invited=True):
        if held.uid.startswith(("eca-expiry:", "passport-expiry:")):
            found = _too_old(held.title, held.detail, held.due, as_of, by, held.person)
            if found is not None:
                yield found
    for item, due, limit in current_police_due(profile, as_of, items, progress, limits):
        found = _too_old(item_title(item), police_detail(limit), due, as_of, by, item.person)
        if found is not None:
            yield found


def _funds(ev: Evaluation) -> Iterator[Blocker]:
    needed, have = ev.required_funds, ev.profile.settlement_funds_cad
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
            ).format(size=size, needed=money(needed)),
            blocks=not cec,
        )
    elif have < needed:
        detail = _(
            "A family of {size} needs {needed} (the amount in force on this day); you have "
            "{have}. The funds must be available when you submit and when the visa is issued."
        ).format(size=size, needed=money(needed), have=money(have))
        if cec:
            detail += " " + _(
                "No funds are needed if the invitation is under the Canadian Experience Class."
            )
        yield Blocker(
            kind="funds",
            title=_("Settlement funds short by {short}").format(short=money(needed - have)),
            detail=detail,
            blocks=not cec,
        )


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
