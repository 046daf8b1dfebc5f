"""`ee-desktop attach KEY FILE...`: attach files to a checklist item, in the same encrypted
vault as the Documents tab."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, Active, UserError, as_of
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.checklist import ChecklistEntry
    from ee_desktop.cli.parser import Subparsers
    from ee_desktop.services.checklist import ChecklistService


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "attach", help=_("attach files to a checklist item (kept encrypted, as in the app)")
    )
    p.add_argument(
        "key", metavar="KEY", help=_("the item's key, as listed by `ee-desktop checklist --json`")
    )
    p.add_argument("files", type=Path, nargs="+", metavar="FILE", help=_("the files to attach"))
    p.add_argument(
        "--other-language",
        action="store_true",
        help=_(
            "mark the files as not in English or French (the upload package then asks for a "
            "translation)"
        ),
    )
    p.add_argument(
        "--translation",
        action="store_true",
        help=_(
            "mark the files as a certified translation (with the translator's affidavit) of "
            "a document not in English or French"
        ),
    )
    p.set_defaults(run=run, as_of=None)


def find_entry(checklist: ChecklistService, key: str, args: argparse.Namespace) -> ChecklistEntry:
    """The item of the active personal file with ``key``; a UserError naming it otherwise."""
    entry = next((e for e in checklist.entries(as_of(args)) if e.key == key), None)
    if entry is None:
        raise UserError(
            [
                _(
                    "{key}: no checklist item has this key; the keys are listed by "
                    "`ee-desktop checklist --json`"
                ).format(key=key)
            ]
        )
    return entry


def human_size(size: int) -> str:
    if size < 1_000_000:
        return _("{size} KB").format(size=max(1, round(size / 1000)))
    return _("{size} MB").format(size=f"{size / 1_000_000:.1f}")


def marks(other_language: bool, translation: bool) -> str:
    """ " (other language)", " (translation)", both or nothing: how a file is marked."""
    text = ""
    if other_language:
        text += " " + _("(other language)")
    if translation:
        text += " " + _("(translation)")
    return text


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise UserError([_("{path}: no such file").format(path=path)])
    if not path.is_file():
        raise UserError([_("{path}: not a regular file").format(path=path)])
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UserError(
            [_("{path}: cannot be read ({reason})").format(path=path, reason=reason)]
        ) from None


def run(args: argparse.Namespace) -> int:
    from ee_desktop.store.vault import VaultError

    for path in args.files:  # all of them checked before any is attached
        _check_readable(path)
    with Active(args) as active:
        checklist = active.services.checklist
        entry = find_entry(checklist, args.key, args)
        for path in args.files:
            try:
                attachment = checklist.attach(entry, path)
            except VaultError as exc:
                raise UserError([str(exc)]) from None
            if args.other_language or args.translation:
                checklist.set_attachment_flags(
                    attachment, other_language=args.other_language, translation=args.translation
                )
            # The item's row exists now: attach the next file to the same row.
            entry = find_entry(checklist, args.key, args)
            print(
                _("Attached {name} ({size}) to “{title}”.").format(
                    name=attachment.filename, size=human_size(attachment.size), title=entry.title
                )
                + marks(args.other_language, args.translation)
            )
    return EXIT_OK
