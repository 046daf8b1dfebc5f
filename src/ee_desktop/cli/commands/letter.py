"""`ee-desktop letter reference|check`: the draft of an employment reference letter for the
employer, and the check of a letter received against the personal file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ee_desktop.cli.context import (
    EXIT_FAILURE,
    EXIT_OK,
    Active,
    UserError,
    profile_for,
    write_failed,
)
from ee_desktop.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers

FIELD_NAMES = {
    "employer_contact": N_("the employer's address, telephone or email"),
    "signatory": N_("the name and title of the person who signs"),
    "job_title": N_("the job title"),
    "dates": N_("the dates of employment"),
    "hours_per_week": N_("the hours per week"),
    "salary": N_("the salary"),
    "duties": N_("the main duties"),
}


def _job_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("got {value!r}; expected the job's number in the work history, from 1").format(
                value=text
            )
        )
    return value


def _file_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file",
        type=Path,
        nargs="?",
        metavar="FILE",
        help=_("a personal file (default: the active one)"),
    )


def _job_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--job",
        type=_job_number,
        required=True,
        metavar="N",
        help=_("the job's number in the person's work history, as the file lists it (from 1)"),
    )
    p.add_argument(
        "--person",
        choices=("applicant", "spouse"),
        default="applicant",
        help=_("whose job (default: applicant)"),
    )


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "letter",
        help=_("letters: reference letters to draft and check, letters of explanation"),
    )
    actions = p.add_subparsers(dest="letter_command", metavar="ACTION", required=True)
    q = actions.add_parser(
        "reference",
        help=_("a draft reference letter for the employer to put on letterhead"),
    )
    _file_argument(q)
    _job_options(q)
    q.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT.docx|OUT.pdf",
        help=_("where to write the draft: .docx to edit, or .pdf"),
    )
    q = actions.add_parser(
        "check", help=_("check a reference letter received against the personal file")
    )
    q.add_argument(
        "letter", type=Path, metavar="LETTER", help=_("the letter: a PDF, a DOCX or a .txt file")
    )
    _file_argument(q)
    _job_options(q)
    q.add_argument("--json", action="store_true", help=_("print JSON instead of text"))
    _explain_options(actions)
    p.set_defaults(run=run, as_of=None)


def _explain_options(actions: Any) -> None:
    from ee_desktop.letters.explain import KINDS

    q = actions.add_parser(
        "explain",
        help=_("a letter of explanation, filled from the personal file, to edit and sign"),
        description="\n".join(f"{kind}: {_(what)}" for kind, what in KINDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q.add_argument("kind", choices=tuple(KINDS), metavar="KIND", help=_("what it explains"))
    _file_argument(q)
    q.add_argument(
        "--person",
        choices=("applicant", "spouse"),
        default="applicant",
        help=_("whose letter (default: applicant)"),
    )
    q.add_argument("--job", type=_job_number, metavar="N", help=_("reference: the job, from 1"))
    q.add_argument(
        "--country", metavar="CODE", help=_("police: the country's two-letter code, e.g. IN")
    )
    q.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT.docx|OUT.pdf",
        help=_("where to write the letter: .docx to edit, or .pdf"),
    )
    q.add_argument(
        "--attach",
        action="store_true",
        help=_("attach it to the checklist item it explains (the active file only)"),
    )


def run(args: argparse.Namespace) -> int:
    from ee_desktop.letters import LetterError

    try:
        if args.letter_command == "reference":
            return run_reference(args)
        if args.letter_command == "explain":
            return run_explain(args)
        return run_check(args)
    except LetterError as exc:
        raise UserError([str(exc)]) from None


def run_reference(args: argparse.Namespace) -> int:
    from ee_desktop.letters import LetterError
    from ee_desktop.letters.reference import reference_draft, write_reference

    if args.output.suffix.lower() not in (".docx", ".pdf"):
        raise LetterError(
            _("{path}: expected a file name ending in .docx or .pdf").format(path=args.output)
        )
    draft = reference_draft(profile_for(args), args.person, args.job)
    try:
        write_reference(draft, args.output)
    except (OSError, ValueError) as exc:
        raise write_failed(args.output, exc) from None
    print(_("Wrote {path}.").format(path=args.output), file=sys.stderr)
    return EXIT_OK


def run_explain(args: argparse.Namespace) -> int:
    from datetime import date

    from ee_desktop.letters import LetterError
    from ee_desktop.letters.explain import blocks, explanation
    from ee_desktop.letters.writer import write_letter

    if args.output.suffix.lower() not in (".docx", ".pdf"):
        raise LetterError(
            _("{path}: expected a file name ending in .docx or .pdf").format(path=args.output)
        )
    if args.attach and args.file is not None:
        raise UserError([_("--attach: only with the active personal file, not FILE")])
    country = (args.country or "").upper() or None
    letter = explanation(args.kind, profile_for(args), date.today(), args.person, args.job, country)
    try:
        write_letter(blocks(letter), args.output, letter.title)
    except (OSError, ValueError) as exc:
        raise write_failed(args.output, exc) from None
    print(_("Wrote {path}.").format(path=args.output), file=sys.stderr)
    if args.attach:
        _attach(args, letter.slot, args.output)
    return EXIT_OK


def _attach(args: argparse.Namespace, slot: str | None, path: Path) -> None:
    from ee_desktop.cli.commands.attach import find_entry

    if slot is None:
        raise UserError(
            [
                _(
                    "--attach: this letter goes with no particular item; attach it with "
                    "`ee-desktop attach KEY {path}`"
                ).format(path=path)
            ]
        )
    with Active(args) as active:
        checklist = active.services.checklist
        entry = find_entry(checklist, slot, args)
        checklist.attach(entry, path)
        print(_("Attached {name} to “{title}”.").format(name=path.name, title=entry.title))


def run_check(args: argparse.Namespace) -> int:
    from ee_desktop.letters import job_at
    from ee_desktop.letters.check import CannotReadText, check_letter, read_letter

    _name, job = job_at(profile_for(args), args.person, args.job)
    try:
        text = read_letter(args.letter)
    except CannotReadText:
        message = _("cannot read text: check by hand")
        if args.json:
            print(json.dumps({"readable": False, "message": message}, ensure_ascii=False))
        print(f"{args.letter}: {message}", file=sys.stderr)
        return EXIT_FAILURE
    result = check_letter(text, job)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    if result.missing:
        print(_("Missing from the letter (or written in a way the app does not recognise):"))
        for field in result.missing:
            print(f"  - {field}: {_(FIELD_NAMES[field])}")
    else:
        print(_("The letter has every field IRCC asks for."))
    if result.mismatches:
        print(_("Differences with your personal file:"))
        for mismatch in result.mismatches:
            print(
                "  - "
                + _("{field}: file {in_file}; letter {in_letter}").format(
                    field=mismatch.field, in_file=mismatch.in_file, in_letter=mismatch.in_letter
                )
            )
    if result.copied:
        print(
            ngettext(
                "{count} line of the letter is the NOC's text, word for word: the letter "
                "must describe the duties really performed.",
                "{count} lines of the letter are the NOC's text, word for word: the letter "
                "must describe the duties really performed.",
                len(result.copied),
            ).format(count=len(result.copied))
        )
    print(
        _("The letter's duties cover {covered} of the {total} main duties of NOC {code}.").format(
            covered=len(result.noc_duties_covered),
            total=result.noc_duties_total,
            code=result.noc_code,
        )
    )
    return EXIT_OK
