"""`ee-desktop export`: the active personal file as JSON, on standard output or to a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, Active, write_failed
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser("export", help=_("export the active personal file as JSON"))
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=_("write to FILE instead of standard output"),
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ee_desktop.profile import dumps

    with Active(args) as active:
        text = dumps(active.profile(), active.services.deadlines.milestone_records())
    if args.output is None:
        # Always UTF-8, whatever the console's code page: the file must import again.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        from ee_desktop.files import write_text_atomically

        try:
            write_text_atomically(args.output, text)
        except (OSError, ValueError, OverflowError) as exc:
            raise write_failed(args.output, exc) from None
        print(_("Exported to {path}.").format(path=args.output), file=sys.stderr)
    return EXIT_OK
