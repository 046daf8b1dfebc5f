"""The `ee-desktop` command. With no subcommand it starts the GUI.

The command-line path imports no Qt. Problems with the user's input end with
exit status 2 and one line per problem on standard error; nothing ends in a
traceback (unexpected errors are logged to a file and summarised in one line).

Each command is a module of ``commands``; ``context`` holds what they share and
``parser`` the options.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ee_desktop import i18n
from ee_desktop.cli.commands import COMMANDS
from ee_desktop.cli.commands.milestone import MILESTONE_NAMES
from ee_desktop.cli.context import (
    EXIT_FAILURE,
    EXIT_INPUT,
    EXIT_OK,
    PASSPHRASE_ENV,
    TerminalPassphrases,
    UserError,
)
from ee_desktop.cli.parser import build_parser
from ee_desktop.i18n import N_, _
from ee_desktop.logs import attach_log_file, detach_log_file
from ee_desktop.paths import data_dir, prepare_frozen_process
from ee_desktop.preferences import language_to_use
from ee_desktop.profile.problems import printable

__all__ = [
    "EXIT_FAILURE",
    "EXIT_INPUT",
    "EXIT_OK",
    "MILESTONE_NAMES",
    "PASSPHRASE_ENV",
    "TerminalPassphrases",
    "UserError",
    "main",
]

log = logging.getLogger("ee_desktop")


def _log_unexpected(args: argparse.Namespace | None) -> Path | None:
    """The traceback, in the data folder's log file; the file, or None if it cannot be written."""
    path = attach_log_file(data_dir(getattr(args, "data_dir", None)))
    if path is not None:
        log.exception("unexpected error")
        detach_log_file(path)
    return path


def _self_test() -> int:
    from ee_desktop import selftest

    def window(workspace: selftest.Workspace) -> str:
        from ee_desktop.ui.window_check import window_check  # here: a Qt failure is a result

        return window_check(workspace)

    return selftest.run(sys.stdout, [(N_("window"), window)])


def _speak_users_language(arguments: Sequence[str]) -> None:
    """Install the language before any text is made, the help's included.

    The data folder holds the language chosen in the app, so ``--data-dir`` is read
    ahead of the parser. argparse's own words ("usage:", its errors) come from the
    same catalogue: argparse looks them up through its module's ``_`` and ``ngettext``.
    """
    override = None
    for index, argument in enumerate(arguments):
        if argument == "--data-dir" and index + 1 < len(arguments):
            override = arguments[index + 1]
        elif argument.startswith("--data-dir="):
            override = argument.partition("=")[2]
    i18n.install(language_to_use(data_dir(override)))
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Names may not fit the console's code page: show "?" rather than crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    arguments = prepare_frozen_process(sys.argv[1:] if argv is None else argv)
    _speak_users_language(arguments)
    parser = build_parser(COMMANDS)
    args = parser.parse_args(arguments)
    if args.self_test:
        return _self_test()
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        from ee_desktop.gui import run_gui

        return run_gui(args.data_dir)
    try:
        return run(args)
    except UserError as exc:
        for line in exc.lines:
            # A line may quote the input: each problem stays on one line, nothing hidden.
            for part in line.split("\n"):
                print(printable(part), file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`ee-desktop … | head`): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback
        from ee_desktop.services.active import NoPersonalFile
        from ee_desktop.store.errors import DamagedDataError

        if isinstance(exc, NoPersonalFile):
            print(exc, file=sys.stderr)
            return EXIT_FAILURE
        if isinstance(exc, DamagedDataError):  # names the value and the backups folder
            print(exc, file=sys.stderr)
            return EXIT_INPUT
        where = _log_unexpected(args)
        print(
            _("Unexpected error: {error}. Details are in {log}.").format(
                error=printable(" ".join(str(exc).split())), log=where or "-"
            ),
            file=sys.stderr,
        )
        return EXIT_FAILURE
