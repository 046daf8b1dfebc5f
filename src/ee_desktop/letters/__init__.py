"""Employment reference letters for Express Entry: a draft for the employer to put on
letterhead (``reference``) and the check of a letter received (``check``)."""

from __future__ import annotations

from ee_desktop.i18n import _
from ee_desktop.profile import Profile
from ee_desktop.profile.model import Job

PEOPLE = ("applicant", "spouse")


class LetterError(ValueError):
    """A problem with the user's input, one line that names it."""


def person_jobs(profile: Profile, person: str) -> tuple[str, tuple[Job, ...]]:
    """The person's name and work history, as the file lists it."""
    if person == "spouse":
        spouse = profile.spouse
        if spouse is None:
            raise LetterError(_("--person spouse: the file has no spouse or partner"))
        return f"{spouse.given_names} {spouse.family_name}".strip(), spouse.work_history
    return profile.applicant.full_name, profile.applicant.work_history


def job_at(profile: Profile, person: str, number: int) -> tuple[str, Job]:
    """The person's name and job ``number`` (1-based, in the order of the file)."""
    name, jobs = person_jobs(profile, person)
    if not 1 <= number <= len(jobs):
        raise LetterError(
            _(
                "--job: got {number}; expected 1 to {count}, a job of the {person}'s work history"
            ).format(number=number, count=len(jobs), person=person)
            if jobs
            else _("--job: the {person}'s work history is empty").format(person=person)
        )
    return name, jobs[number - 1]
