"""The draft of an employment reference letter, for the employer to put on letterhead, with
every field IRCC asks for: the employer's contact details, the signatory's name and title,
every position the person held there with its dates, hours per week, salary and benefits, and
the main duties. The file's dates and hours are filled in; what only the employer knows is
left as a blank to fill. The job's NOC main duties come in a separate note, to compare with
what the person really did: the letter must describe the real duties, not copy the NOC.

Written as DOCX (python-docx, for the employer to edit) or PDF (reportlab).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ee_desktop.i18n import _, format_date, format_number
from ee_desktop.letters import job_at, person_jobs
from ee_desktop.letters.writer import Block, write_letter
from ee_desktop.noc import noc_index
from ee_desktop.noc.duties import attribution, duties_language_note, main_duties
from ee_desktop.profile import Profile
from ee_desktop.profile.model import Job

BLANK = "________________"
SHORT_BLANK = "__________"


@dataclass(frozen=True, slots=True)
class Position:
    title: str
    start: date
    end: date | None
    hours_per_week: float


@dataclass(frozen=True, slots=True)
class ReferenceDraft:
    person: str
    employer: str
    positions: tuple[Position, ...]  # every position held with this employer, oldest first
    noc_code: str
    noc_title: str
    noc_duties: tuple[str, ...]


def reference_draft(profile: Profile, person: str, number: int) -> ReferenceDraft:
    """The draft for job ``number`` of ``person``: every job of the file with the same
    employer is a position of the letter."""
    name, job = job_at(profile, person, number)
    _name, jobs = person_jobs(profile, person)
    same = [j for j in jobs if _same_employer(j, job)]
    positions = tuple(
        Position(j.title, j.start, j.end, j.hours_per_week)
        for j in sorted(same, key=lambda j: j.start)
    )
    occupation = noc_index().get(job.noc_code)
    return ReferenceDraft(
        name,
        job.employer,
        positions,
        job.noc_code,
        occupation.title() if occupation else "",
        main_duties(job.noc_code),
    )


def _same_employer(a: Job, b: Job) -> bool:
    return " ".join(a.employer.casefold().split()) == " ".join(b.employer.casefold().split())


def _day(day: date | None) -> str:
    return format_date(day) if day is not None else _("present")


def _hours(hours: float) -> str:
    return format_number(hours)


def letter_blocks(draft: ReferenceDraft) -> list[Block]:
    """The letter, part by part, in the app's language."""
    latest = draft.positions[-1]
    blocks = [
        Block(
            _("[Print on the company's letterhead]"),
            (
                _("Company name: {employer}").format(employer=draft.employer),
                _("Address: {blank}").format(blank=BLANK),
                _("Telephone: {blank}").format(blank=BLANK),
                _("Email: {blank}").format(blank=BLANK),
                _("Website: {blank}").format(blank=BLANK),
                _("Date: {blank}").format(blank=BLANK),
            ),
        ),
        Block(
            _("Employment reference letter"),
            (
                _("To Immigration, Refugees and Citizenship Canada (IRCC)"),
                _(
                    "This letter confirms that {person} has worked for {employer} in the "
                    "positions below."
                ).format(person=draft.person, employer=draft.employer),
            ),
        ),
        Block(
            _("Positions held"),
            table=(
                (
                    _("Job title"),
                    _("From"),
                    _("To"),
                    _("Hours per week"),
                    _("Annual salary"),
                    _("Benefits"),
                ),
                *(
                    (
                        p.title,
                        _day(p.start),
                        _day(p.end),
                        _hours(p.hours_per_week),
                        SHORT_BLANK,
                        SHORT_BLANK,
                    )
                    for p in draft.positions
                ),
            ),
            paragraphs=(
                _(
                    "Salary: the amount and currency per year, or per hour with the hours "
                    "paid. Benefits: health insurance, bonus, housing, or none."
                ),
            ),
        ),
        Block(
            _("Main duties as {title}").format(title=latest.title),
            paragraphs=(
                _(
                    "[Describe, in your own words, the duties {person} really performed, "
                    "one per line.]"
                ).format(person=draft.person),
            ),
            items=(BLANK * 2,) * 6,
        ),
        Block(
            "",
            (
                _(
                    "For any question about this letter, please contact me at the telephone "
                    "number or email address above."
                ),
                _("Signature: {blank}").format(blank=BLANK),
                _("Name of the signatory: {blank}").format(blank=BLANK),
                _("Title of the signatory: {blank}").format(blank=BLANK),
                _("Telephone: {blank}   Email: {blank}").format(blank=BLANK),
            ),
        ),
    ]
    if draft.noc_duties:
        blocks.append(
            Block(
                _("Note for the employer: remove this page before signing"),
                (
                    _(
                        "The person chose NOC {code} ({title}) for this job. For comparison "
                        "only, here are the main duties ESDC lists for it. The letter must "
                        "describe the duties the person really performed, in your own "
                        "words: do not copy this list."
                    ).format(code=draft.noc_code, title=draft.noc_title),
                    *(note for note in (duties_language_note(),) if note),
                ),
                items=draft.noc_duties,
                note=True,
            )
        )
        blocks.append(Block("", (attribution(),), note=True))
    return blocks


def write_reference(draft: ReferenceDraft, path: Path) -> None:
    """The draft as DOCX or PDF, by the suffix of ``path``."""
    write_letter(letter_blocks(draft), path, _("Employment reference letter"))
