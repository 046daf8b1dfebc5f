"""`ee-desktop rules list|install|remove`: the rules in use, and the updated rules files
the user installs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, UserError, rules_in_use
from ee_desktop.i18n import _, format_date
from ee_desktop.paths import data_dir

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser("rules", help=_("install, list or remove updated rules files"))
    actions = p.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    actions.add_parser("list", help=_("the rules in use and the installed rules files"))
    q = actions.add_parser("install", help=_("check a rules file and install it"))
    q.add_argument("file", type=Path, metavar="FILE")
    q.add_argument(
        "--replace", action="store_true", help=_("replace an installed file of the same name")
    )
    q = actions.add_parser("remove", help=_("remove an installed rules file"))
    q.add_argument("name", metavar="NAME")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    actions = {"list": run_list, "install": run_install, "remove": run_remove}
    return actions[args.rules_command](args)


def run_list(args: argparse.Namespace) -> int:
    from ee_desktop.paths import rules_dir
    from ee_desktop.rules import installed_rules_files

    rules = rules_in_use(args)
    print(
        _("Rules in use: version {version}, verified against official sources up to {day}.").format(
            version=rules.rules_version, day=format_date(rules.verified_on)
        )
    )
    installed = installed_rules_files(rules_dir(data_dir(args.data_dir)))
    if not installed:
        print(_("No rules files installed: the built-in rules apply."))
    for item in installed:
        state = _("not used: ") + "; ".join(item.problems) if item.problems else _("in use")
        print(f"  {item.name}  {item.rules_version or '-'}  {item.verified_on or '-'}  ({state})")
    return EXIT_OK


def run_install(args: argparse.Namespace) -> int:
    from ee_desktop.paths import rules_dir
    from ee_desktop.rules import RulesError, install_rules_file

    try:
        target = install_rules_file(
            args.file, rules_dir(data_dir(args.data_dir)), replace=args.replace
        )
    except RulesError as exc:
        raise UserError([str(p) for p in exc.problems]) from None
    except OSError as exc:
        raise UserError([f"{args.file}: {exc.strerror or exc}"]) from None
    print(
        _(
            "Installed {name}. Scores now use it where it applies; "
            "`ee-desktop rules remove {name}` undoes this."
        ).format(name=target.name)
    )
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    from ee_desktop.paths import rules_dir
    from ee_desktop.rules import RulesError, remove_rules_file

    try:
        remove_rules_file(args.name, rules_dir(data_dir(args.data_dir)))
    except RulesError as exc:
        raise UserError([str(p) for p in exc.problems]) from None
    print(_("Removed {name}.").format(name=args.name))
    return EXIT_OK
