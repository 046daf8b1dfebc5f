"""`ee-desktop milestone NAME DATE`: record a step of the application, or correct or
remove one."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, Active, UserError
from ee_desktop.cli.parser import iso_date
from ee_desktop.i18n import _, format_date, ngettext

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers

# The command line's names for the milestones: hyphens, and "submitted" for the application.
MILESTONE_ALIASES = {"submitted": "application_submitted"}
MILESTONE_NAMES = (
    "profile-submitted",
    "invitation",
    "submitted",
    "aor",
    "biometrics-request",
    "medical-request",
    "medical-exam",
    "background-check",
    "document-request",
    "ppr",
    "copr",
    "landed",
)


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "milestone",
        help=_("record a step of your application (invitation, requests, landing...)"),
        description=_("Milestone names: {names}.").format(names=", ".join(MILESTONE_NAMES)),
    )
    p.add_argument("name", metavar="NAME", help=_("which milestone (see the list above)"))
    p.add_argument("on", type=iso_date, metavar="DATE", help=_("the day it happened, YYYY-MM-DD"))
    p.add_argument(
        "--due",
        type=iso_date,
        metavar="DATE",
        help=_("the deadline printed on the letter, or the COPR's expiry date"),
    )
    p.add_argument(
        "--done", type=iso_date, metavar="DATE", help=_("the day you answered the request")
    )
    p.add_argument("--note", metavar="TEXT", help=_('a note kept with it ("" clears it)'))
    p.add_argument("--no-due", action="store_true", help=_("forget the deadline recorded for it"))
    p.add_argument("--not-done", action="store_true", help=_("forget the day recorded as answered"))
    p.add_argument(
        "--remove", action="store_true", help=_("remove the milestone of that day instead")
    )
    p.set_defaults(run=run)


def milestone_name(text: str) -> str:
    """The milestone's name in the file format, from its name on the command line."""
    name = MILESTONE_ALIASES.get(text, text.replace("-", "_"))
    from ee_desktop.profile.milestones import MILESTONES

    if name not in MILESTONES:
        raise UserError(
            [
                _("NAME: unknown milestone {name!r}; expected one of: {names}.").format(
                    name=text, names=", ".join(MILESTONE_NAMES)
                )
            ]
        )
    return name


def run(args: argparse.Namespace) -> int:
    """Record a milestone. Recording one of the same day again changes only what is given."""
    from dataclasses import replace

    from ee_desktop.profile.milestones import Milestone
    from ee_desktop.profile.reader import encodable

    name = milestone_name(args.name)
    if args.note is not None and not encodable(args.note):
        # Bytes that are not UTF-8 arrive as lone surrogates: name the option, not "error".
        raise UserError([_("--note: the text is not valid UTF-8; type it again.")])
    with Active(args) as active:
        deadlines = active.services.deadlines
        same_day = [m for m in deadlines.milestone_records() if (m.name, m.on) == (name, args.on)]
        existing = same_day[-1] if same_day else None
        if args.remove:
            if existing is None:
                raise UserError(
                    [
                        _("No {name} recorded on {day}.").format(
                            name=args.name, day=format_date(args.on)
                        )
                    ]
                )
            deadlines.remove_milestone(existing)
            print(_("Removed {name} of {day}.").format(name=args.name, day=format_date(args.on)))
            return EXIT_OK
        submitted = name == "application_submitted" and existing is None
        base = existing or Milestone(name, args.on)
        milestone = replace(
            base,
            due=None if args.no_due else args.due or base.due,
            done_on=None if args.not_done else args.done or base.done_on,
            note=base.note if args.note is None else args.note.strip(),
        )
        try:
            deadlines.record_milestone(milestone, date.today())
        except ValueError as exc:
            raise UserError(str(exc).splitlines()) from None
        application = active.services.application
        status = application.status(date.today())
        # Non-interactive: recording the submission is never refused, but a document not
        # marked received is named (IRCC returns an incomplete application).
        missing = application.missing_documents(date.today()) if submitted else ()
    print(_("Recorded {name} on {day}.").format(name=args.name, day=format_date(args.on)))
    if status is not None:
        print(status.next_step)
    if missing:
        lines = [
            ngettext(
                "Warning: {n} document of the application is not marked received in your "
                "checklist:",
                "Warning: {n} documents of the application are not marked received in your "
                "checklist:",
                len(missing),
            ).format(n=len(missing)),
            *(f"  - {b.title}" for b in missing),
            _(
                "IRCC returns an application that misses a required document, and may ask "
                "for them later: mark each one received in the checklist once you have it."
            ),
        ]
        print("\n".join(lines), file=sys.stderr)
    return EXIT_OK
