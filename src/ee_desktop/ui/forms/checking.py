"""The live check of the document as typed: its format problems, and the history checks of
everything that is already sound.

An entry still being typed (a month half written, an activity not chosen) is left out of
the history checks rather than stopping them, as the wizard's score leaves it out; the
findings then name the entries by their place in the document as the user sees it.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace
from datetime import date

from ee_desktop.history.checks import Finding, HistoryReport, PersonHistory
from ee_desktop.profile.model import Profile
from ee_desktop.profile.problems import Problem
from ee_desktop.services.history import HistoryService
from ee_desktop.ui.forms.document import Node, person_node

# The lists this editor edits, per person: an entry of one of them can be left out.
EDITED_LISTS = (
    "other_names",
    "personal_history",
    "residence_history",
    "travel_history",
    "memberships",
    "government_positions",
    "military_service",
    "relatives",
)
_ENTRY = re.compile(
    r"^(?P<person>applicant|spouse|children\[\d+\])\.(?P<list>" + "|".join(EDITED_LISTS) + r")"
    r"\[(?P<index>\d+)\]"
)


@dataclass(frozen=True, slots=True)
class LiveCheck:
    problems: tuple[Problem, ...]  # the format's, as typed: all must go before saving
    report: HistoryReport | None  # None: a problem outside the entries stops the checks
    profile: Profile | None  # the file the report is about (entries with problems left out)
    pending: int = 0  # entries left out of the checks

    def problems_under(self, path: str) -> list[Problem]:
        return [p for p in self.problems if is_under(p.path, path)]


def is_under(path: str, prefix: str) -> bool:
    """``path`` is ``prefix`` or a field inside it (``applicant.x`` is under ``applicant``,
    ``children[10]`` is not under ``children[1]``)."""
    return path == prefix or path.startswith((prefix + ".", prefix + "["))


def live_check(history: HistoryService, document: Node, as_of: date) -> LiveCheck:
    first = history.assess(document, as_of)
    if not first.problems:
        return LiveCheck((), first.report, first.profile)
    broken = _broken_entries(first.problems)
    if broken is None:
        return LiveCheck(first.problems, None, None)
    pending = sum(len(indexes) for indexes in broken.values())
    second = history.assess(_without(document, broken), as_of)
    if second.report is None:
        return LiveCheck(first.problems, None, None, pending)
    return LiveCheck(first.problems, _renumbered(second.report, broken), second.profile, pending)


def _broken_entries(problems: tuple[Problem, ...]) -> dict[tuple[str, str], set[int]] | None:
    """(person path, list) -> indexes of the entries with a problem; None when a problem is
    elsewhere."""
    broken: dict[tuple[str, str], set[int]] = {}
    for problem in problems:
        match = _ENTRY.match(problem.path)
        if match is None:
            return None
        broken.setdefault((match["person"], match["list"]), set()).add(int(match["index"]))
    return broken


def _without(document: Node, broken: dict[tuple[str, str], set[int]]) -> Node:
    trimmed = copy.deepcopy(document)
    for (person, key), indexes in broken.items():
        node = person_node(trimmed, person)
        node[key] = [item for i, item in enumerate(node[key]) if i not in indexes]
    return trimmed


def _renumbered(report: HistoryReport, broken: dict[tuple[str, str], set[int]]) -> HistoryReport:
    """The report with each entry named by its index in the document as typed."""
    rules = [
        (re.compile(re.escape(f"{person}.{key}") + r"\[(\d+)\]"), sorted(indexes))
        for (person, key), indexes in broken.items()
    ]

    def field(path: str) -> str:
        for pattern, removed in rules:

            def original(match: re.Match[str], removed: list[int] = removed) -> str:
                return _original(match, removed)

            path = pattern.sub(original, path, count=1)
        return path

    def findings(found: tuple[Finding, ...]) -> tuple[Finding, ...]:
        return tuple(Finding(field(f.field), f.message) for f in found)

    def person(history: PersonHistory) -> PersonHistory:
        return replace(history, problems=findings(history.problems), notes=findings(history.notes))

    return replace(
        report, people=tuple(person(p) for p in report.people), notes=findings(report.notes)
    )


def _original(match: re.Match[str], removed: list[int]) -> str:
    index = int(match[1])
    for gone in removed:
        if gone <= index:
            index += 1
    head = match[0][: match[0].rindex("[")]
    return f"{head}[{index}]"
