"""Due dates of checklist items: application documents by the invitation's deadline, and the
police certificate of the current country, which is accepted only while recent."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from ee_desktop.checklist.build import generate
from ee_desktop.checklist.model import Requirement
from ee_desktop.checklist.people import people
from ee_desktop.checklist.police import police_countries
from ee_desktop.deadlines.limits import Limit, Limits
from ee_desktop.deadlines.model import ChecklistProgress, Deadline, digest
from ee_desktop.deadlines.process import Recorded, ita_deadline
from ee_desktop.i18n import _
from ee_desktop.profile.model import Profile
from ee_desktop.rules.evaluation import Evaluation


def item_title(item: Requirement) -> str:
    """Titles name whose document it is, except for the applicant's own."""
    if item.person == "applicant":
        return item.title
    return _("{person}: {what}").format(person=item.person_label, what=item.title)


def _current_police_keys(profile: Profile, as_of: date) -> set[str]:
    """Checklist keys of the police certificates for the country each person lives in now."""
    keys = set()
    for person in people(profile):
        for found in police_countries(person.residence_history, person.date_of_birth, as_of):
            if found.current:
                keys.add(f"police:{person.id}:{found.country}")
    return keys


def police_detail(limit: Limit) -> str:
    return _(
        "The certificate of the country you live in must be issued at most {months} months "
        "before you submit your application. After this day, request a new one."
    ).format(months=limit.months)


def current_police_due(
    profile: Profile,
    as_of: date,
    items: Sequence[Requirement],
    progress: Sequence[ChecklistProgress],
    limits: Limits,
) -> Iterator[tuple[Requirement, date, Limit]]:
    """The police certificates of the countries people live in now that are received, with the
    last day each is recent enough to submit (its issue date is taken as received)."""
    by_key = {item.key: item for item in progress}
    police = _current_police_keys(profile, as_of)
    for item in items:
        state = by_key.get(item.key)
        if item.key not in police or state is None or state.received_on is None:
            continue
        limit = limits.at("police_current_country", state.received_on)
        if limit is not None:
            yield item, limit.after(state.received_on), limit


def checklist_deadlines(
    profile: Profile,
    as_of: date,
    evaluation: Evaluation,
    milestones: Recorded,
    progress: Sequence[ChecklistProgress],
    limits: Limits,
) -> list[Deadline]:
    """Application items are due by the submission deadline of the latest invitation, until the
    application is submitted. Profile items carry no deadline of their own: their expiries are
    listed separately."""
    by_key = {item.key: item for item in progress}
    out: list[Deadline] = []
    ita = ita_deadline(milestones, limits)
    submitted = milestones.submitted()
    invited = milestones.day("invitation")
    items = generate(profile, as_of, evaluation.rules, "application", evaluation=evaluation)
    if ita is not None and invited is not None and (submitted is None or submitted < invited):
        for item in items:
            state = by_key.get(item.key)
            out.append(
                Deadline(
                    uid=f"document:{digest(item.key)}",
                    due=ita.due,
                    kind="document",
                    title=item_title(item),
                    detail=_("Upload it with your application, before the invitation expires."),
                    person=item.person,
                    source=item.source,
                    done=state is not None and state.done,
                )
            )
    for item, due, limit in current_police_due(profile, as_of, items, progress, limits):
        received = by_key[item.key].received_on
        out.append(
            Deadline(
                uid=f"police-current:{digest(item.key)}",
                due=due,
                kind="expiry",
                title=_("{document}: too old to submit").format(document=item_title(item)),
                detail=police_detail(limit),
                person=item.person,
                source=limit.source,
                done=submitted is not None and received is not None and submitted >= received,
            )
        )
    return out
