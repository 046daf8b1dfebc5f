"""Education, work-experience and nomination moves."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date, timedelta
from functools import partial

from ee_desktop.deadlines.score import increases, years_counter
from ee_desktop.i18n import N_, N_plural, _, ngettext
from ee_desktop.profile.model import Eca, Education, Profile, ProvincialNomination
from ee_desktop.rules.dates import add_years
from ee_desktop.rules.evaluation import Evaluation
from ee_desktop.rules.explain import LEVEL_NAMES
from ee_desktop.strategy.candidate import Candidate, day_text
from ee_desktop.strategy.durations import durations
from ee_desktop.strategy.edits import (
    CANADIAN,
    FOREIGN,
    SPOUSE_CANADIAN,
    Change,
    ongoing,
    with_eca,
)
from ee_desktop.strategy.languages import APPLICANT, SPOUSE
from ee_desktop.strategy.scoring import Scorer


def eca_moves(profile: Profile, evaluation: Evaluation, as_of: date) -> Iterator[Candidate]:
    people: list[tuple[str, tuple[Education, ...]]] = [(APPLICANT, profile.applicant.education)]
    if evaluation.facts.spouse is not None and profile.spouse is not None:
        people.append((SPOUSE, profile.spouse.education))
    years = evaluation.tables.validity["eca_years"]
    for person, education in people:
        ready = durations()["eca" if person == APPLICANT else "spouse_eca"].after(as_of)
        for index, credential in enumerate(education):
            if credential.country == "CA" or credential.completed_on > ready:
                continue
            old = credential.eca
            if old is not None and old.issued_on <= ready < add_years(old.issued_on, years):
                continue  # still valid when the move would be ready
            level = credential.level if old is None else old.level
            eca = Eca("WES" if old is None else old.organization, "", ready, level)
            values = {
                "level": _(LEVEL_NAMES.get(level, level)),
                "institution": credential.institution or _("your school"),
                "day": day_text(ready),
                "renew": old is not None,
            }
            prefix = "education" if person == APPLICANT else "spouse"
            yield Candidate(
                id=f"{prefix}:eca:{index}",
                change=Change(
                    ready,
                    frozenset({f"eca:{person}:{index}"}),
                    edit=partial(with_eca, person, index, eca),
                ),
                title=(
                    _("ECA for your {level}")
                    if person == APPLICANT
                    else _("ECA for your spouse's {level}")
                ).format(**values),
                sentence=partial(_eca_sentence, person, values),
                changes=(
                    _(
                        "Educational credential assessment ({organization}) dated {day} for the "
                        "{level} from {institution}"
                    ).format(organization=eca.organization, **values),
                ),
            )


def _eca_sentence(person: str, values: Mapping[str, object], points: int) -> str:
    if person == SPOUSE:
        return _(
            "Have your spouse or partner's {level} from {institution} assessed (ECA), for "
            "+{points} points from about {day}."
        ).format(points=points, **values)
    if values["renew"]:
        return _(
            "Renew the assessment (ECA) of your {level} from {institution} before it expires, "
            "for +{points} points from about {day}."
        ).format(points=points, **values)
    return _(
        "Have your {level} from {institution} assessed (ECA) so it counts, for +{points} points "
        "from about {day}."
    ).format(points=points, **values)


def _add_credential(credential: Education, profile: Profile) -> Profile:
    applicant = profile.applicant
    education = (*applicant.education, credential)
    return replace(profile, applicant=replace(applicant, education=education))


CREDENTIALS: tuple[tuple[str, str, int, bool, str, str], ...] = (
    # id, level, years, in Canada, duration key, title
    ("education:one_year", "one_year_post_secondary", 1, False, "one_year_credential",
     N_("Another one-year credential")),
    ("education:masters", "masters", 2, False, "masters", N_("A master's degree")),
    ("education:canadian:1", "one_year_post_secondary", 1, True, "canadian_study_one_year",
     N_("One year of study in Canada")),
    ("education:canadian:2", "two_year_post_secondary", 2, True, "canadian_study_two_years",
     N_("Two years of study in Canada")),
)  # fmt: skip
CREDENTIAL_SENTENCES: dict[str, str] = {
    "education:one_year": N_(
        "Complete a one-year post-secondary program and have it assessed (ECA), so that you "
        "count two or more credentials, for +{points} points from about {day}."
    ),
    "education:masters": N_(
        "Complete a master's degree and have it assessed (ECA), for +{points} points from "
        "about {day}."
    ),
    "education:canadian:1": N_(
        "Complete a one-year full-time post-secondary program in Canada, for +{points} points "
        "from about {day}."
    ),
    "education:canadian:2": N_(
        "Complete a two-year full-time post-secondary program in Canada, for +{points} points "
        "from about {day}."
    ),
}


def _credential_sentence(move_id: str, day: date, points: int) -> str:
    return _(CREDENTIAL_SENTENCES[move_id]).format(points=points, day=day_text(day))


def credential_moves(profile: Profile, evaluation: Evaluation, as_of: date) -> Iterator[Candidate]:
    facts = evaluation.facts
    residence = profile.applicant.country_of_residence
    for move_id, level, years, in_canada, key, title in CREDENTIALS:
        if in_canada and facts.canadian_education is not None:
            continue
        if not in_canada:
            if residence == "CA":
                continue  # studying in Canada is the Canadian-study move
            if move_id == "education:one_year" and facts.education_level != "bachelors":
                continue
            if move_id == "education:masters" and facts.education_level not in (
                "bachelors",
                "two_or_more",
            ):
                continue
        ready = durations()[key].after(as_of)
        country = "CA" if in_canada else residence
        eca = None if in_canada else Eca("WES", "", ready, level)
        credential = Education(level, years, True, country, "", "", ready, eca)
        yield Candidate(
            id=move_id,
            change=Change(
                ready, frozenset({"education:new"}), edit=partial(_add_credential, credential)
            ),
            title=_(title),
            sentence=partial(_credential_sentence, move_id, ready),
            changes=(
                _("New credential completed on {day}: {level}{where}").format(
                    day=day_text(ready),
                    level=_(LEVEL_NAMES[level]),
                    where=_(", in Canada, full time") if in_canada else _(", with an ECA"),
                ),
            ),
        )


def _add_spouse_credential(credential: Education, profile: Profile) -> Profile:
    spouse = profile.spouse
    if spouse is None:
        return profile
    education = (*spouse.education, credential)
    return replace(profile, spouse=replace(spouse, education=education))


SPOUSE_BELOW_ONE_YEAR = frozenset({"less_than_secondary", "secondary"})


def spouse_credential_moves(
    profile: Profile, evaluation: Evaluation, as_of: date
) -> Iterator[Candidate]:
    """A one-year post-secondary credential for a spouse or partner with none that counts."""
    spouse = evaluation.facts.spouse
    if spouse is None or spouse.education_level not in SPOUSE_BELOW_ONE_YEAR:
        return
    level = "one_year_post_secondary"
    ready = durations()["one_year_credential"].after(as_of)
    country = profile.applicant.country_of_residence
    eca = None if country == "CA" else Eca("WES", "", ready, level)
    credential = Education(level, 1, True, country, "", "", ready, eca)
    yield Candidate(
        id="spouse:one_year",
        change=Change(
            ready,
            frozenset({"spouse:education:new"}),
            edit=partial(_add_spouse_credential, credential),
        ),
        title=_("Spouse or partner: a one-year credential"),
        sentence=partial(_spouse_credential_sentence, ready),
        changes=(
            _("Spouse or partner: new credential completed on {day}: {level}").format(
                day=day_text(ready), level=_(LEVEL_NAMES[level])
            ),
        ),
    )


def _spouse_credential_sentence(day: date, points: int) -> str:
    return _(
        "Have your spouse or partner complete a one-year post-secondary program (with an ECA "
        "if it is outside Canada), for +{points} points from about {day}."
    ).format(points=points, day=day_text(day))


# --- experience and nomination ------------------------------------------------------------

EXPERIENCE_TITLES: dict[str, tuple[str, str]] = {
    CANADIAN: N_plural("{years} year of Canadian work", "{years} years of Canadian work"),
    FOREIGN: N_plural("{years} year of foreign work", "{years} years of foreign work"),
    SPOUSE_CANADIAN: N_plural(
        "Spouse or partner: {years} year of Canadian work",
        "Spouse or partner: {years} years of Canadian work",
    ),
}
EXPERIENCE_SENTENCES: dict[str, tuple[str, str]] = {
    CANADIAN: N_plural(
        "Keep working as recorded: on {day} you complete {years} year of skilled work in "
        "Canada, for +{points} points.",
        "Keep working as recorded: on {day} you complete {years} years of skilled work in "
        "Canada, for +{points} points.",
    ),
    FOREIGN: N_plural(
        "Keep working as recorded: on {day} you complete {years} year of skilled work "
        "outside Canada, for +{points} points.",
        "Keep working as recorded: on {day} you complete {years} years of skilled work "
        "outside Canada, for +{points} points.",
    ),
    SPOUSE_CANADIAN: N_plural(
        "If your spouse or partner keeps working as recorded, on {day} they complete "
        "{years} year of skilled work in Canada, for +{points} points.",
        "If your spouse or partner keeps working as recorded, on {day} they complete "
        "{years} years of skilled work in Canada, for +{points} points.",
    ),
}


def _experience_sentence(kind: str, years: int, day: date, points: int) -> str:
    singular, plural = EXPERIENCE_SENTENCES[kind]
    return ngettext(singular, plural, years).format(day=day_text(day), years=years, points=points)


def experience_moves(
    profile: Profile, evaluation: Evaluation, as_of: date, scorer: Scorer
) -> Iterator[Candidate]:
    end = as_of + timedelta(days=durations()["horizon"].days)
    counting = evaluation.tables.counting
    sources = [
        (CANADIAN, profile.applicant.work_history),
        (FOREIGN, profile.applicant.work_history),
    ]
    if evaluation.facts.spouse is not None and profile.spouse is not None:
        sources.append((SPOUSE_CANADIAN, profile.spouse.work_history))
    for kind, jobs in sources:
        if not ongoing(jobs, FOREIGN if kind == FOREIGN else CANADIAN, as_of):
            continue
        count = years_counter(jobs, kind != FOREIGN, counting)
        for day in increases(count, as_of, end):
            change = Change(day, frozenset({f"experience:{kind}"}), accrues=kind)
            if scorer.gain([change]) <= 0:
                continue
            years = count(day)
            singular, plural = EXPERIENCE_TITLES[kind]
            title = ngettext(singular, plural, years).format(years=years)
            yield Candidate(
                id=f"experience:{kind}:{years}",
                change=change,
                title=title,
                sentence=partial(_experience_sentence, kind, years, day),
                changes=(
                    _("No change to the file: the work continues as recorded until {day}").format(
                        day=day_text(day)
                    ),
                ),
            )
            break


def _nominate(nomination: ProvincialNomination, profile: Profile) -> Profile:
    applicant = replace(profile.applicant, provincial_nomination=nomination)
    return replace(profile, applicant=applicant)


def nomination_moves(evaluation: Evaluation, as_of: date) -> Iterator[Candidate]:
    if evaluation.facts.nominated or not evaluation.eligible_for_any_program:
        return
    duration = durations()["nomination"]
    province = duration.extra.get("province", "ON")
    if province in evaluation.tables.nomination_excluded:
        return
    ready = duration.after(as_of)
    stream = duration.extra.get("stream", "")  # a msgid from the data
    nomination = ProvincialNomination(province, _(stream) if stream else "", ready)
    yield Candidate(
        id="nomination",
        change=Change(ready, frozenset({"nomination"}), edit=partial(_nominate, nomination)),
        title=_("Provincial nomination"),
        sentence=partial(_nomination_sentence, duration.months),
        changes=(
            _("Provincial nomination through an Express Entry stream dated {day}").format(
                day=day_text(ready)
            ),
        ),
    )


def _nomination_sentence(months: int, points: int) -> str:
    return _(
        "Get nominated by a province or territory through an Express Entry stream, for "
        "+{points} points in roughly {months} months (an estimate: provinces choose whom they "
        "nominate)."
    ).format(points=points, months=months)
