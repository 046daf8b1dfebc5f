"""The letters as the Documents tab uses them: the job a checklist item is about, the people
and jobs to choose from, and a letter attached to the checklist item it goes with (written to
a private temporary folder, attached encrypted, then deleted)."""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path

from ee_desktop.checklist import ChecklistEntry
from ee_desktop.checklist.entry import Attachment
from ee_desktop.checklist.people import slug
from ee_desktop.letters import PEOPLE, LetterError, person_jobs
from ee_desktop.letters.writer import Block, write_letter
from ee_desktop.profile import Profile
from ee_desktop.profile.model import Job
from ee_desktop.services.checklist import ChecklistService

WORK_PREFIXES = ("reference_letter:", "profile.work:")
_REPEAT = re.compile(r"(.+)-(\d+)")


def is_work_key(key: str) -> bool:
    """Whether the checklist item ``key`` is about one job (its details or its letter)."""
    return key.startswith(WORK_PREFIXES)


def people(profile: Profile) -> list[tuple[str, str]]:
    """(person, name) of the applicant, and of the spouse or partner when there is one."""
    out = []
    for person in PEOPLE:
        try:
            name, _jobs = person_jobs(profile, person)
        except LetterError:
            continue
        out.append((person, name))
    return out


def jobs(profile: Profile, person: str) -> tuple[Job, ...]:
    """The person's work history as the file lists it (job ``n`` is ``jobs[n - 1]``)."""
    try:
        return person_jobs(profile, person)[1]
    except LetterError:
        return ()


def _order(job: Job) -> tuple[date, str, str, date]:
    """The order in which the checklist numbers jobs with the same employer and start."""
    return (job.start, job.employer, job.title, job.end or date.max)


def job_for_key(profile: Profile, key: str) -> tuple[str, int] | None:
    """(person, job number from 1) of the work item ``key``, e.g.
    ``reference_letter:applicant:infosys-2010-07-01``; None for another item or a job the
    file no longer has."""
    if not is_work_key(key):
        return None
    parts = key.split(":", 2)
    if len(parts) != 3 or parts[1] not in PEOPLE:
        return None
    person, detail = parts[1], parts[2]
    listed = jobs(profile, person)
    ids = {n: f"{slug(j.employer)}-{j.start.isoformat()}" for n, j in enumerate(listed, 1)}
    wanted, repeat = detail, 1
    if detail not in ids.values():
        match = _REPEAT.fullmatch(detail)  # a repeated employer and start: "-2", "-3"...
        if match is None:
            return None
        wanted, repeat = match[1], int(match[2])
    same = sorted(
        (n for n, base in ids.items() if base == wanted), key=lambda n: _order(listed[n - 1])
    )
    if not 1 <= repeat <= len(same):
        return None
    return person, same[repeat - 1]


def entry_for(checklist: ChecklistService, as_of: date, key: str | None) -> ChecklistEntry | None:
    """The checklist item ``key`` as stored now, if the checklist has it."""
    if not key:
        return None
    return next((e for e in checklist.entries(as_of) if e.key == key), None)


def file_name(title: str, suffix: str) -> str:
    """A file name for a letter titled ``title``: ``letter-of-explanation-my-names.pdf``."""
    return (slug(title) or "letter") + suffix


def attach_letter(
    checklist: ChecklistService, entry: ChecklistEntry, blocks: list[Block], title: str
) -> Attachment:
    """The letter as a PDF attached to ``entry``; the PDF is written in a temporary folder
    only this user can read, and deleted once the vault holds its encrypted copy."""
    with tempfile.TemporaryDirectory(prefix="ee-desktop-letter-") as folder:
        path = Path(folder) / file_name(title, ".pdf")
        write_letter(blocks, path, title)
        return checklist.attach(entry, path)
