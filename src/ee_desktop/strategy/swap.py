"""The spouse as the principal applicant: the same family, scored the other way round.

A couple chooses who applies: the CRS counts the principal applicant's age, education,
languages and work fully and the spouse's only in part, so the other order can score
higher. The copy swaps the two people's own facts; the household's (children, funds, a
sibling in Canada, country of residence) stay. A nomination, a job offer and a certificate of
qualification are issued to one person by name, so they do not follow the swap: the move
says so when the file has one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ee_desktop.i18n import _
from ee_desktop.profile.model import Applicant, Profile, Spouse
from ee_desktop.rules.evaluation import Evaluation, evaluate
from ee_desktop.rules.loader import RuleSet
from ee_desktop.strategy.moves import Move

SWAP_MOVE = "swap:principal_applicant"


def swapped(profile: Profile) -> Profile | None:
    """The file with the spouse as principal applicant, or None without a spouse who could
    be one (a spouse who is not coming, or already a citizen or permanent resident)."""
    spouse, applicant = profile.spouse, profile.applicant
    if spouse is None or not spouse.accompanying or spouse.canadian_citizen_or_pr:
        return None
    principal = Applicant(
        given_names=spouse.given_names,
        family_name=spouse.family_name,
        date_of_birth=spouse.date_of_birth,
        marital_status=applicant.marital_status,
        country_of_residence=applicant.country_of_residence,
        education=spouse.education,
        language_tests=spouse.language_tests,
        work_history=spouse.work_history,
        sibling_in_canada=applicant.sibling_in_canada,
        passport=spouse.passport,
        residence_history=spouse.residence_history,
        background=spouse.background,
    )
    partner = Spouse(
        accompanying=True,
        canadian_citizen_or_pr=False,
        given_names=applicant.given_names,
        family_name=applicant.family_name,
        date_of_birth=applicant.date_of_birth,
        education=applicant.education,
        language_tests=applicant.language_tests,
        work_history=applicant.work_history,
        passport=applicant.passport,
        residence_history=applicant.residence_history,
        background=applicant.background,
    )
    # The language chosen as first was the applicant's; the engine picks the best for the
    # new principal applicant.
    return replace(profile, applicant=principal, spouse=partner, first_official_language="auto")


def swap_move(profile: Profile, evaluation: Evaluation, as_of: date, rules: RuleSet) -> Move | None:
    """Swapping who applies, when the other order scores higher today."""
    copy = swapped(profile)
    if copy is None or profile.spouse is None:
        return None
    after = evaluate(copy, as_of, rules)
    gain = after.crs.total - evaluation.crs.total
    if gain <= 0:
        return None
    name = " ".join(
        part for part in (profile.spouse.given_names, profile.spouse.family_name) if part
    ) or _("your spouse or partner")
    left = profile.applicant
    personal = [
        left.provincial_nomination is not None,
        left.job_offer is not None,
        left.certificate_of_qualification is not None,
    ]
    explanation = _(
        "With {name} as the principal applicant and you as the spouse or partner, the same "
        "family scores {score} ({points:+d}). Either of you may be the principal applicant; "
        "the choice is made when the profile is created."
    ).format(name=name, score=after.crs.total, points=gain)
    if any(personal):
        explanation += " " + _(
            "A nomination, job offer or certificate of qualification in your name is not "
            "counted for {name}."
        ).format(name=name)
    return Move(
        id=SWAP_MOVE,
        title=_("Make {name} the principal applicant").format(name=name),
        explanation=explanation,
        points=gain,
        ready_on=as_of,
        score_after=after.crs.total,
        changes=(_("{name} as principal applicant").format(name=name),),
        profile=copy,
    )
