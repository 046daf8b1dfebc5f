"""`ee-desktop detach KEY NAME`: remove an attached file from a checklist item (and from the
encrypted vault)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ee_desktop.cli.commands.attach import find_entry
from ee_desktop.cli.context import EXIT_OK, Active, UserError
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser("detach", help=_("remove an attached file from a checklist item"))
    p.add_argument(
        "key", metavar="KEY", help=_("the item's key, as listed by `ee-desktop checklist --json`")
    )
    p.add_argument(
        "name",
        metavar="NAME",
        help=_("the attached file's name (every attached file of that name is removed)"),
    )
    p.set_defaults(run=run, as_of=None)


def run(args: argparse.Namespace) -> int:
    with Active(args) as active:
        checklist = active.services.checklist
        entry = find_entry(checklist, args.key, args)
        found = [a for a in entry.attachments if a.filename == args.name]
        if not found:
            attached = ", ".join(a.filename for a in entry.attachments)
            raise UserError(
                [
                    _("{name}: not attached to “{title}”; its files: {files}").format(
                        name=args.name, title=entry.title, files=attached
                    )
                    if attached
                    else _("{name}: not attached to “{title}”, which has no files").format(
                        name=args.name, title=entry.title
                    )
                ]
            )
        for attachment in found:
            checklist.remove_attachment(attachment)
            print(
                _("Removed {name} from “{title}”.").format(
                    name=attachment.filename, title=entry.title
                )
            )
    return EXIT_OK
