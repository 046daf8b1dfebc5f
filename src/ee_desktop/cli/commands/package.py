"""`ee-desktop package -o DIR`: the upload package, one PDF per checklist item with
attached files, fitted to the portal's size limit, with DIR/manifest.json."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, Active, UserError, as_of
from ee_desktop.cli.parser import iso_date
from ee_desktop.i18n import _, ngettext

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers

MAX_MB_RANGE = (0.1, 50.0)


def max_mb(text: str) -> float:
    """The type of --max-mb: a number of megabytes from 0.1 to 50."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    low, high = MAX_MB_RANGE
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(
            _("got {value!r}; expected a number of megabytes from {low} to {high}").format(
                value=text, low=low, high=int(high)
            )
        )
    return value


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "package",
        help=_(
            "one PDF per checklist item with attached files, small enough to upload "
            "(the files written are not encrypted)"
        ),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="DIR",
        help=_("a new or empty folder for the PDFs and manifest.json"),
    )
    p.add_argument(
        "--stage",
        choices=("profile", "application"),
        help=_("only the profile stage or the application stage"),
    )
    p.add_argument(
        "--max-mb",
        type=max_mb,
        default=None,
        metavar="N",
        help=_("the largest file to make, in MB (default: 4, the portal's limit)"),
    )
    p.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help=_("the checklist on this date, YYYY-MM-DD (default: today)"),
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ee_desktop.package import FolderError

    with Active(args) as active:
        try:
            report = active.services.checklist.package(
                as_of(args), args.output, args.stage, args.max_mb
            )
        except FolderError as exc:
            raise UserError([str(exc)]) from None
    if not report.items:
        print(_("No checklist item has attached files: there is nothing to package."))
        return EXIT_OK
    for item in report.items:
        if item.file is not None:
            print(
                ngettext(
                    "{file}  {pages} page, {size}  {title}",
                    "{file}  {pages} pages, {size}  {title}",
                    item.pages,
                ).format(
                    file=item.file, pages=item.pages, size=_human(item.bytes), title=item.title
                )
            )
    for item in report.items:
        for problem in item.problems:
            print(_("Problem with “{title}”: {problem}").format(title=item.title, problem=problem))
    print(report.not_encrypted)
    return EXIT_OK


def _human(size: int) -> str:
    from ee_desktop.cli.commands.attach import human_size

    return human_size(size)
