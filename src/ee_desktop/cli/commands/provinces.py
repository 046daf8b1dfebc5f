"""`ee-desktop provinces`: which provincial nominee streams fit the file, and why."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, Active, UserError, as_of, load_file, rules_in_use
from ee_desktop.cli.parser import computing
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers
    from ee_desktop.pnp.model import TrackedEvent


def register(subparsers: Subparsers) -> None:
    p = computing(
        subparsers,
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
    p.set_defaults(run=run)


def answers_given(values: Sequence[str]) -> dict[str, str]:
    """The --answer options as question id -> "yes" or "no"; a UserError lists the bad ones."""
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


def run(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.pnp import match_all, streams_at
    from ee_desktop.pnp.output import render_text, to_json
    from ee_desktop.rules import evaluate

    day = as_of(args)
    given = answers_given(args.answer)
    saved: dict[str, str]
    events: list[TrackedEvent]
    if args.file is not None:  # the file alone: no saved answers or steps
        profile, rules, saved, events = load_file(args.file), rules_in_use(args), {}, []
        streams = list(streams_at(day))
    else:
        with Active(args) as active:
            service = active.services.provinces
            profile, rules = active.profile(), active.services.rules.rules
            saved, events = service.answers(), service.events()
            streams = service.streams_with_tracked(day)
    evaluation = evaluate(profile, day, rules)
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
        document = to_json(matches, day, crs, answers, events)
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        print(render_text(matches, day, crs, events))
    return EXIT_OK
