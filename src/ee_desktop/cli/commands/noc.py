"""`ee-desktop noc match`: the NOC 2021 unit groups whose main duties match the duties a
person really performed, best first, explained duty by duty."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, UserError
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers

MAX_FILE_BYTES = 1_000_000


def _top(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 516:
        raise argparse.ArgumentTypeError(
            _("got {value!r}; expected a number from 1 to 516").format(value=text)
        )
    return value


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser("noc", help=_("find the NOC 2021 occupation of your duties"))
    actions = p.add_subparsers(dest="noc_command", metavar="ACTION", required=True)
    q = actions.add_parser(
        "match",
        help=_("rank the NOC unit groups by how well their main duties match yours"),
        description=_(
            "Write one duty per line, in your own words. The unit groups whose main duties "
            "(ESDC, OaSIS 2023) and lead statement share the most meaningful words with "
            "yours come first."
        ),
    )
    source = q.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", metavar="TEXT", help=_("your duties, one per line"))
    source.add_argument(
        "--file",
        type=Path,
        metavar="FILE",
        help=_("a UTF-8 text file with your duties, one per line (- for standard input)"),
    )
    q.add_argument(
        "--top",
        type=_top,
        default=10,
        metavar="N",
        help=_("how many unit groups to list (default: 10)"),
    )
    q.add_argument(
        "--noc",
        metavar="CODE",
        help=_("the NOC code you chose: where it ranks, and the work it excludes"),
    )
    q.add_argument("--json", action="store_true", help=_("print JSON instead of text"))
    p.set_defaults(run=run)


def _read(path: Path) -> str:
    try:
        if str(path) == "-":
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        else:
            with path.open("rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UserError(
            [
                _("{path}: cannot read the file ({reason})").format(
                    path=path, reason=exc.strerror or exc
                )
            ]
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise UserError([_("{path}: the file is too large for a list of duties").format(path=path)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(
            [_("{path}: expected a UTF-8 text file with one duty per line").format(path=path)]
        ) from None


def run(args: argparse.Namespace) -> int:
    from ee_desktop.noc import noc_index
    from ee_desktop.noc.duties import attribution, duties_language_note
    from ee_desktop.noc.match import (
        MAX_CHARACTERS,
        MAX_LINES,
        NothingToMatch,
        exclusion_sentences,
        match_duties,
        warnings,
    )

    text = args.text if args.text is not None else _read(args.file)
    chosen = args.noc.strip() if args.noc is not None else None
    if chosen is not None and noc_index().get(chosen) is None:
        raise UserError(
            [_("--noc: got {value!r}; expected a NOC 2021 code of 5 digits").format(value=chosen)]
        )
    try:
        result = match_duties(text)
    except NothingToMatch:
        raise UserError(
            [_("no duties to match: write what you did, one duty per line, in English")]
        ) from None
    except ValueError:
        raise UserError(
            [
                _("too many duties: at most {lines} lines and {characters} characters").format(
                    lines=MAX_LINES, characters=MAX_CHARACTERS
                )
            ]
        ) from None
    top = result.top(args.top)
    notes = warnings(result, chosen)
    if args.json:
        print(json.dumps([group.as_json() for group in top], ensure_ascii=False, indent=2))
        for line in notes:
            print(line, file=sys.stderr)
        return EXIT_OK
    print(
        _("The unit groups whose main duties best match your {count} lines:").format(
            count=len(result.lines)
        )
    )
    for group in top:
        print(f"{group.rank:3}. {group.code}  {group.title}  ({group.score:.3f})")
        for match in group.matched_duties:
            print(f"       {match.similarity:.2f}  {match.line}")
            print(f"             ~ {match.duty}")
    if chosen is not None:
        found = result.find(chosen)
        assert found is not None
        print()
        print(
            _("Your NOC {code} ({title}) ranks {rank} of {total}.").format(
                code=chosen, title=found.title, rank=found.rank, total=len(result.ranking)
            )
        )
        exclusions = exclusion_sentences(chosen)
        if exclusions:
            print(_("The NOC classifies some work elsewhere:"))
            for sentence in exclusions:
                print(f"  - {sentence}")
    if notes:
        print()
        for line in notes:
            print(_("Warning: {warning}").format(warning=line))
    print()
    note = duties_language_note()
    if note:
        print(note)
    print(attribution())
    return EXIT_OK
