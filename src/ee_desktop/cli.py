"""The `ee-desktop` command. With no subcommand it starts the GUI.

The command-line path imports no Qt. Problems with the user's input end with
exit status 2 and one line per problem on standard error; nothing ends in a
traceback (unexpected errors are logged to a file and summarised in one line).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ee_desktop import __version__, i18n
from ee_desktop.i18n import N_, _, format_date
from ee_desktop.paths import data_dir, prepare_frozen_process
from ee_desktop.preferences import language_to_use

PASSPHRASE_ENV = "EE_DESKTOP_PASSPHRASE"
EXIT_OK, EXIT_FAILURE, EXIT_INPUT = 0, 1, 2
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

log = logging.getLogger("ee_desktop")


class UserError(Exception):
    """Ends the command with one message per line and the given exit status."""

    def __init__(self, lines: Sequence[str], status: int = EXIT_INPUT) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)
        self.status = status


class TerminalPassphrases:
    """Passphrase from EE_DESKTOP_PASSPHRASE, else asked at the terminal when there is one."""

    def existing(self) -> str | None:
        if PASSPHRASE_ENV in os.environ:
            return os.environ[PASSPHRASE_ENV]
        if not sys.stdin.isatty():
            return None
        return getpass.getpass(_("Passphrase for your ee-desktop data: "))

    def new(self) -> str | None:
        if PASSPHRASE_ENV in os.environ:
            return os.environ[PASSPHRASE_ENV]
        if not sys.stdin.isatty():
            return None
        print(
            _(
                "No system keyring is available: choose a passphrase to protect your data.\n"
                "There is no way to recover it if it is lost."
            ),
            file=sys.stderr,
        )
        for _attempt in range(3):
            first = getpass.getpass(_("New passphrase: "))
            if first == getpass.getpass(_("Repeat it: ")):
                return first
            print(_("The two entries differ; try again."), file=sys.stderr)
        return None


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ee-desktop",
        description=_("Your Express Entry file, score, documents and deadlines, offline."),
    )
    parser.add_argument("--version", action="version", version=f"ee-desktop {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "where the database lives (default: the platform's data folder; "
            "also EE_DESKTOP_DATA_DIR)"
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_(
            "check that this copy of ee-desktop works (data, database, score, PDF, keyring, "
            "window) without opening a window or touching your data; exit 0 when it does"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help=_("import a personal file (JSON) into the database"))
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--new",
        action="store_true",
        help=_("add it as another personal file instead of replacing the active one"),
    )
    p.set_defaults(run=_cmd_import)

    p = sub.add_parser("export", help=_("export the active personal file as JSON"))
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=_("write to FILE instead of standard output"),
    )
    p.set_defaults(run=_cmd_export)

    p = _computing(
        sub,
        "score",
        _("the CRS score, programs and categories of a file"),
        _("a personal file (default: the active one in the database)"),
    )
    p.set_defaults(run=_cmd_score)

    p = _computing(
        sub,
        "checklist",
        _("the documents to collect, and where each stands"),
        _("a personal file (default: the active one, with your progress)"),
    )
    p.add_argument(
        "--stage",
        choices=("profile", "application"),
        help=_("only the profile stage or the application stage"),
    )
    p.set_defaults(run=_cmd_checklist)

    p = _computing(
        sub,
        "deadlines",
        _("every date that matters, soonest first"),
        _("a personal file (default: the active one, with your milestones)"),
    )
    p.add_argument(
        "--ics",
        type=Path,
        metavar="OUT",
        help=_("also write the dates to a calendar file (iCalendar)"),
    )
    p.set_defaults(run=_cmd_deadlines)

    p = _computing(
        sub,
        "strategy",
        _("what raises the score most, how soon, against recent rounds"),
        _("a personal file (default: the active one, with your rounds)"),
    )
    p.set_defaults(run=_cmd_strategy)

    p = _computing(
        sub,
        "provinces",
        _("which provincial nominee streams fit the file, and why"),
        _("a personal file (default: the active one, with your answers and steps)"),
    )
    p.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="ID=yes|no",
        help=_("answer a stream's question (repeatable; overrides saved answers)"),
    )
    p.set_defaults(run=_cmd_provinces)

    p = _computing(
        sub,
        "application",
        _("the application for permanent residence: stage, countdown, blockers, timeline"),
        _("a personal file (default: the active one, with your milestones and progress)"),
    )
    p.set_defaults(run=_cmd_application)

    p = sub.add_parser(
        "milestone",
        help=_("record a step of your application (invitation, requests, landing...)"),
        description=_("Milestone names: {names}.").format(names=", ".join(MILESTONE_NAMES)),
    )
    p.add_argument("name", metavar="NAME", help=_("which milestone (see the list above)"))
    p.add_argument("on", type=_as_of, metavar="DATE", help=_("the day it happened, YYYY-MM-DD"))
    p.add_argument(
        "--due",
        type=_as_of,
        metavar="DATE",
        help=_("the deadline printed on the letter, or the COPR's expiry date"),
    )
    p.add_argument(
        "--done", type=_as_of, metavar="DATE", help=_("the day you answered the request")
    )
    p.add_argument("--note", metavar="TEXT", help=_('a note kept with it ("" clears it)'))
    p.add_argument("--no-due", action="store_true", help=_("forget the deadline recorded for it"))
    p.add_argument("--not-done", action="store_true", help=_("forget the day recorded as answered"))
    p.add_argument(
        "--remove", action="store_true", help=_("remove the milestone of that day instead")
    )
    p.set_defaults(run=_cmd_milestone)

    p = _computing(
        sub,
        "report",
        _("PDF: profile worksheet, checklist, deadline list"),
        _("a personal file (default: the active one, with your progress)"),
        with_json=False,
    )
    p.add_argument(
        "--kind",
        choices=("worksheet", "checklist", "deadlines", "all"),
        default="all",
        help=_("which report (default: all three in one PDF)"),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT.pdf",
        required=True,
        help=_("where to write the PDF"),
    )
    p.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help=_("paper size (default: a4)")
    )
    p.set_defaults(run=_cmd_report)

    p = sub.add_parser("rules", help=_("install, list or remove updated rules files"))
    rules_sub = p.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    q = rules_sub.add_parser("list", help=_("the rules in use and the installed rules files"))
    q.set_defaults(run=_cmd_rules_list)
    q = rules_sub.add_parser("install", help=_("check a rules file and install it"))
    q.add_argument("file", type=Path, metavar="FILE")
    q.add_argument(
        "--replace", action="store_true", help=_("replace an installed file of the same name")
    )
    q.set_defaults(run=_cmd_rules_install)
    q = rules_sub.add_parser("remove", help=_("remove an installed rules file"))
    q.add_argument("name", metavar="NAME")
    q.set_defaults(run=_cmd_rules_remove)

    p = sub.add_parser("files", help=_("list the personal files in the database"))
    p.set_defaults(run=_cmd_files)

    p = sub.add_parser("use", help=_("make another personal file the active one"))
    p.add_argument("file_id", type=int, metavar="ID")
    p.set_defaults(run=_cmd_use)
    return parser


def _computing(
    sub: Any, name: str, summary: str, file_help: str, with_json: bool = True
) -> argparse.ArgumentParser:
    """A command that works on FILE or the active personal file, on a date."""
    p: argparse.ArgumentParser = sub.add_parser(name, help=summary)
    p.add_argument("file", type=Path, nargs="?", metavar="FILE", help=file_help)
    p.add_argument(
        "--as-of",
        type=_as_of,
        metavar="DATE",
        help=_("evaluate on this date, YYYY-MM-DD (default: today)"),
    )
    if with_json:
        p.add_argument("--json", action="store_true", help=_("print JSON instead of text"))
    return p


class _Active:
    """The active personal file's services, for commands run without FILE."""

    def __init__(self, args: argparse.Namespace) -> None:
        from ee_desktop.services import NoPersonalFile, Services

        self.store = _open_store(args)
        self.services = Services.open(
            self.store, self.store.path.parent, lambda: args.as_of or date.today()
        )
        if self.services.active.profile_or_none() is None:
            self.store.close()
            raise NoPersonalFile
        self.rules = self.services.rules
        self.checklist = self.services.checklist
        self.deadlines = self.services.deadlines

    def __enter__(self) -> _Active:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.store.close()


def _write_failed(path: Path, exc: Exception) -> UserError:
    reason = getattr(exc, "strerror", None) or str(exc)
    return UserError(
        [_("{path}: cannot write the file ({reason})").format(path=path, reason=reason)],
        EXIT_FAILURE,
    )


def _as_of(text: str) -> date:
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(
        _("got {value!r}; expected a date written YYYY-MM-DD").format(value=text)
    )


def _profile_for(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """FILE when given (the database is not opened), else the active personal file."""
    if args.file is not None:
        return _load_file(args.file)
    return _active_profile(args)


def _active_profile(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    store = _open_store(args)
    try:
        profile = store.load()
    finally:
        store.close()
    if profile is None:
        from ee_desktop.services import NoPersonalFile

        raise NoPersonalFile
    return profile


def _rules(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from ee_desktop.paths import rules_dir
    from ee_desktop.rules import RulesError, installed_rules_files, load_rules

    usable = [
        r.path for r in installed_rules_files(rules_dir(data_dir(args.data_dir))) if not r.problems
    ]
    try:
        return load_rules(usable)
    except RulesError as exc:
        raise UserError([str(p) for p in exc.problems], EXIT_FAILURE) from None


def _cmd_score(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.rules import evaluate, evaluation_to_json, render_text

    profile = _profile_for(args)
    evaluation = evaluate(profile, args.as_of or date.today(), _rules(args))
    if args.json:
        print(json.dumps(evaluation_to_json(evaluation), indent=2, ensure_ascii=False))
    else:
        print(render_text(evaluation))
    return EXIT_OK


def _cmd_checklist(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.checklist import STAGE_NAMES, STATUS_NAMES, entries_for, progress

    as_of = args.as_of or date.today()
    if args.file is not None:  # the file alone: what it needs, no progress recorded
        entries = entries_for(_load_file(args.file), as_of, _rules(args), args.stage)
    else:
        with _Active(args) as active:
            entries = active.checklist.entries(as_of, args.stage)
    done, total = progress(entries)
    if args.json:
        print(
            json.dumps(
                {
                    "as_of": as_of.isoformat(),
                    "done": done,
                    "total": total,
                    "items": [_entry_json(e) for e in entries],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    print(
        _("Documents on {day}: {done} of {total} received.").format(
            day=format_date(as_of), done=done, total=total
        )
    )
    group = None
    for entry in entries:
        stage = _(STAGE_NAMES[entry.stage])
        title = f"{entry.person_label} — {stage}" if entry.needed else _("No longer needed")
        if title != group:
            group = title
            print(f"\n{title}")
        mark = "x" if entry.done else " "
        valid = (
            _(" (valid until {day})").format(day=format_date(entry.expires_on))
            if entry.expires_on
            else ""
        )
        status = _(STATUS_NAMES.get(entry.status, entry.status))
        print(f"  [{mark}] {entry.title}{valid} — {status}")
        if entry.reason:
            print(f"      {entry.reason}")
    return EXIT_OK


def _entry_json(entry):  # type: ignore[no-untyped-def]
    return {
        "key": entry.key,
        "title": entry.title,
        "stage": entry.stage,
        "person": entry.person,
        "person_label": entry.person_label,
        "reason": entry.reason,
        "contents": list(entry.contents),
        "validity": entry.validity,
        "source": entry.source,
        "expires_on": entry.expires_on.isoformat() if entry.expires_on else None,
        "needed": entry.needed,
        "custom": entry.custom,
        "status": entry.status,
        "requested_on": entry.requested_on.isoformat() if entry.requested_on else None,
        "received_on": entry.received_on.isoformat() if entry.received_on else None,
        "uploaded_on": entry.uploaded_on.isoformat() if entry.uploaded_on else None,
        "notes": entry.notes,
        "attachments": [a.filename for a in entry.attachments],
    }


def _cmd_deadlines(args: argparse.Namespace) -> int:
    import json
    from datetime import UTC, datetime

    from ee_desktop.deadlines import derive, to_ics

    as_of = args.as_of or date.today()
    if args.file is not None:  # the file and its milestones; no progress recorded
        profile, milestones = _load_document(args.file)
        deadlines = derive(profile, as_of, milestones, rules=_rules(args))
    else:
        with _Active(args) as active:
            deadlines = active.deadlines.deadlines(as_of)
    if args.ics is not None:
        from ee_desktop.files import write_text_atomically

        events = deadlines  # done ones too, so a calendar updates them rather than keeps them
        try:
            write_text_atomically(args.ics, to_ics(events, datetime.now(UTC)))
        except (OSError, ValueError, OverflowError) as exc:
            raise _write_failed(args.ics, exc) from None
        print(_("Wrote {n} dates to {path}.").format(n=len(events), path=args.ics), file=sys.stderr)
    if args.json:
        print(
            json.dumps(
                {
                    "as_of": as_of.isoformat(),
                    "deadlines": [
                        {
                            "uid": d.uid,
                            "due": d.due.isoformat(),
                            "days": (d.due - as_of).days,
                            "kind": d.kind,
                            "title": d.title,
                            "detail": d.detail,
                            "person": d.person,
                            "points": d.points,
                            "source": d.source,
                            "done": d.done,
                        }
                        for d in deadlines
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    if not deadlines:
        print(_("No dates yet."))
    for d in deadlines:
        days = (d.due - as_of).days
        when = (
            _("done")
            if d.done
            else _("OVERDUE by {n} days").format(n=-days)
            if days < 0
            else _("today")
            if days == 0
            else _("in {n} days").format(n=days)
        )
        points = f" ({d.points:+d} CRS)" if d.points is not None else ""
        print(f"{d.due.isoformat()}  {when:>20}  {d.title}{points}")
    return EXIT_OK


def _cmd_strategy(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.rules import evaluate
    from ee_desktop.strategy import (
        advice,
        builtin_rounds,
        cut_offs,
        plan,
        projection,
        qualifying_round_types,
        standing,
    )
    from ee_desktop.strategy.rounds import round_type_name

    as_of = args.as_of or date.today()
    if args.file is not None:
        profile, rules, rounds = _load_file(args.file), _rules(args), list(builtin_rounds())
    else:
        with _Active(args) as active:
            service = active.services.strategy
            profile, rules, rounds = active.store.load(), active.rules.rules, service.rounds()
    evaluation = evaluate(profile, as_of, rules)
    qualifying = set(qualifying_round_types(evaluation))
    cuts = [c for c in cut_offs(rounds, as_of) if c.round_type in qualifying]
    items = plan(profile, as_of, rounds, rules)
    points = projection(profile, as_of, 24, rules)
    latest = max((r.on for r in rounds), default=None)
    if args.json:
        print(
            json.dumps(
                {
                    "as_of": as_of.isoformat(),
                    "score": evaluation.crs.total,
                    "rounds_known_up_to": latest.isoformat() if latest else None,
                    "cut_offs": [
                        {
                            "round_type": c.round_type,
                            "name": c.name,
                            "recent_lowest": c.recent_lowest,
                            "last_round": c.last_round.isoformat(),
                            "rounds_counted": c.rounds_counted,
                        }
                        for c in cuts
                    ],
                    "plan": [
                        {
                            "summary": i.summary,
                            "points": i.points,
                            "ready_on": i.ready_on.isoformat(),
                            "score_after": i.score_after,
                            "clears": list(i.clears),
                            "moves": [
                                {
                                    "id": m.id,
                                    "title": m.title,
                                    "explanation": m.explanation,
                                    "points": m.points,
                                    "ready_on": m.ready_on.isoformat(),
                                }
                                for m in i.moves
                            ],
                        }
                        for i in items
                    ],
                    "projection": [
                        {"on": p.on.isoformat(), "score": p.score, "events": list(p.events)}
                        for p in points
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    print(
        _("CRS score on {day}: {score}").format(day=format_date(as_of), score=evaluation.crs.total)
    )
    for sentence in advice(standing(profile, as_of, rounds, rules), items, 3):
        print(sentence)
    if latest:
        print(_("Rounds of invitations known up to {day}.").format(day=format_date(latest)))
    for cut in cuts:
        print(_("  Recent cut-off, {name}: {score}").format(name=cut.name, score=cut.recent_lowest))
    print()
    print(_("Plan, most likely to get you invited first:"))
    for number, item in enumerate(items, start=1):
        clears = ", ".join(round_type_name(t) for t in item.clears) or _("no recent cut-off yet")
        print(f"{number:>2}. {item.summary}")
        print(
            "    "
            + _("+{points} by {day}: {score} ({clears})").format(
                points=item.points,
                day=format_date(item.ready_on),
                score=item.score_after,
                clears=clears,
            )
        )
    print()
    print(_("If nothing changes:"))
    for point in points:
        events = "; ".join(point.events)
        print(f"  {point.on.isoformat()}  {point.score:>4}  {events}")
    return EXIT_OK


def _answers_given(values: Sequence[str]) -> dict[str, str]:
    answers, problems = {}, []
    for value in values:
        question, _sep, answer = value.rpartition("=")
        if not question or answer not in ("yes", "no"):
            problems.append(
                _("--answer: got {value!r}; expected QUESTION=yes or QUESTION=no").format(
                    value=value
                )
            )
        else:
            answers[question] = answer
    if problems:
        raise UserError(problems)
    return answers


def _cmd_provinces(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.pnp import match_all, streams_at
    from ee_desktop.pnp.output import render_text, to_json
    from ee_desktop.rules import evaluate

    as_of = args.as_of or date.today()
    given = _answers_given(args.answer)
    if args.file is not None:  # the file alone: no saved answers or steps
        profile, rules, saved, events = _load_file(args.file), _rules(args), {}, []
        streams = list(streams_at(as_of))
    else:
        with _Active(args) as active:
            service = active.services.provinces
            profile, rules = active.store.load(), active.rules.rules
            saved, events = service.answers(), service.events()
            streams = service.streams_with_tracked(as_of)
    evaluation = evaluate(profile, as_of, rules)
    asked = {q.id for m in match_all(evaluation, streams, {}) for q in m.questions}
    unknown = sorted(set(given) - asked)
    if unknown:
        raise UserError(
            [
                _("--answer: no stream asks {id!r} of this file; the questions are listed "
                  "with their ids (?) in the text output.").format(id=question)
                for question in unknown
            ]
        )  # fmt: skip
    answers = {**saved, **given}
    matches = match_all(evaluation, streams, answers)
    crs = evaluation.crs.total
    if args.json:
        document = to_json(matches, as_of, crs, answers, events)
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        print(render_text(matches, as_of, crs, events))
    return EXIT_OK


def _milestone_name(text: str) -> str:
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


def _cmd_milestone(args: argparse.Namespace) -> int:
    """Record a milestone. Recording one of the same day again changes only what is given."""
    from dataclasses import replace

    from ee_desktop.profile.milestones import Milestone

    name = _milestone_name(args.name)
    with _Active(args) as active:
        same_day = [
            m for m in active.deadlines.milestone_records() if (m.name, m.on) == (name, args.on)
        ]
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
            active.deadlines.remove_milestone(existing)
            print(_("Removed {name} of {day}.").format(name=args.name, day=format_date(args.on)))
            return EXIT_OK
        base = existing or Milestone(name, args.on)
        milestone = replace(
            base,
            due=None if args.no_due else args.due or base.due,
            done_on=None if args.not_done else args.done or base.done_on,
            note=base.note if args.note is None else args.note.strip(),
        )
        try:
            active.deadlines.record_milestone(milestone, date.today())
        except ValueError as exc:
            raise UserError(str(exc).splitlines()) from None
        status = _application_status(active, date.today())
    print(_("Recorded {name} on {day}.").format(name=args.name, day=format_date(args.on)))
    if status is not None:
        print(status.next_step)
    return EXIT_OK


def _application_status(active: _Active, as_of: date):  # type: ignore[no-untyped-def]

    return active.services.application.status(as_of)


def _cmd_application(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.application import assess
    from ee_desktop.application.output import render_text, to_json

    as_of = args.as_of or date.today()
    if args.file is not None:  # the file and its milestones; no checklist progress recorded
        profile, milestones = _load_document(args.file)
        status = assess(profile, as_of, milestones or (), rules=_rules(args))
    else:
        with _Active(args) as active:
            status = _application_status(active, as_of)
    if args.json:
        print(json.dumps(to_json(status), indent=2, ensure_ascii=False))
    else:
        print(render_text(status), end="")
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from ee_desktop.services.report import input_for_file, write_report

    as_of = args.as_of or date.today()
    if args.file is not None:
        profile, milestones = _load_document(args.file)
        data = input_for_file(profile, as_of, _rules(args), milestones or ())
    else:
        with _Active(args) as active:
            data = active.services.reports.input(as_of)
    try:
        write_report(args.output, data, args.kind, args.paper)
    except (OSError, ValueError, OverflowError) as exc:
        raise _write_failed(args.output, exc) from None
    print(_("Wrote {path}.").format(path=args.output), file=sys.stderr)
    return EXIT_OK


def _cmd_rules_list(args: argparse.Namespace) -> int:
    from ee_desktop.paths import rules_dir
    from ee_desktop.rules import installed_rules_files

    rules = _rules(args)
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


def _cmd_rules_install(args: argparse.Namespace) -> int:
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


def _cmd_rules_remove(args: argparse.Namespace) -> int:
    from ee_desktop.paths import rules_dir
    from ee_desktop.rules import RulesError, remove_rules_file

    try:
        remove_rules_file(args.name, rules_dir(data_dir(args.data_dir)))
    except RulesError as exc:
        raise UserError([str(p) for p in exc.problems]) from None
    print(_("Removed {name}.").format(name=args.name))
    return EXIT_OK


def _open_store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from ee_desktop.store import StoreError, WrongPassphraseError, open_store

    try:
        return open_store(data_dir(args.data_dir), TerminalPassphrases())
    except WrongPassphraseError as exc:
        raise UserError([str(exc)], EXIT_INPUT) from None
    except StoreError as exc:
        raise UserError([str(exc)], EXIT_FAILURE) from None


def _load_file(path: Path):  # type: ignore[no-untyped-def]
    return _load_document(path)[0]


def _load_document(path: Path):  # type: ignore[no-untyped-def]
    """The file and the milestones of its application section."""
    from ee_desktop.profile import ProfileError
    from ee_desktop.profile.codec import load_document

    try:
        return load_document(path, today=date.today())
    except ProfileError as exc:
        raise UserError([str(problem) for problem in exc.problems]) from None


def _cmd_import(args: argparse.Namespace) -> int:
    profile, milestones = _load_document(args.file)  # validate before touching the database
    store = _open_store(args)
    try:
        if args.new:
            file_id = store.add(profile, milestones=milestones or ())
        else:  # a file without an application section keeps the milestones recorded
            file_id = store.save(profile, milestones=milestones)
    finally:
        store.close()
    print(
        _("Imported {name} as personal file {id} (active).").format(
            name=profile.applicant.full_name, id=file_id
        )
    )
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from ee_desktop.profile import dumps

    with _Active(args) as active:
        text = dumps(active.store.load(), active.deadlines.milestone_records())
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
            raise _write_failed(args.output, exc) from None
        print(_("Exported to {path}.").format(path=args.output), file=sys.stderr)
    return EXIT_OK


def _cmd_files(args: argparse.Namespace) -> int:
    store = _open_store(args)
    try:
        files = store.files()
    finally:
        store.close()
    if not files:
        print(_("No personal files yet."))
    for f in files:
        marker = "*" if f.is_active else " "
        print(f"{marker} {f.id:>3}  {f.label}  ({f.updated_at:%Y-%m-%d %H:%M} UTC)")
    return EXIT_OK


def _cmd_use(args: argparse.Namespace) -> int:
    store = _open_store(args)
    try:
        store.set_active(args.file_id)
    except KeyError:
        raise UserError(
            [
                _("ID: there is no personal file {id}; `ee-desktop files` lists them.").format(
                    id=args.file_id
                )
            ]
        ) from None
    finally:
        store.close()
    return EXIT_OK


def _log_unexpected(args: argparse.Namespace | None) -> Path | None:
    old_umask = os.umask(0o077)  # the log may quote personal data: the user's eyes only
    try:
        folder = data_dir(getattr(args, "data_dir", None)) / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "ee-desktop.log"
        handler = logging.FileHandler(path, encoding="utf-8")
        log.addHandler(handler)
        log.exception("unexpected error")
        log.removeHandler(handler)
        handler.close()
        return path
    except OSError:
        return None
    finally:
        os.umask(old_umask)


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
    parser = _build_parser()
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
            print(line, file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`ee-desktop … | head`): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback
        from ee_desktop.services.active import NoPersonalFile

        if isinstance(exc, NoPersonalFile):
            print(exc, file=sys.stderr)
            return EXIT_FAILURE
        where = _log_unexpected(args)
        print(
            _("Unexpected error: {error}. Details are in {log}.").format(
                error=" ".join(str(exc).split()), log=where or "-"
            ),
            file=sys.stderr,
        )
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
