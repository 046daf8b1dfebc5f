"""The live check of the document as typed: its format problems, and the history checks of
everything that is already sound.

An entry with a problem does not stop the history checks. One being corrected (a month
half retyped) is checked as it last was sound, so the strips do not flash a gap at each
keystroke; a new one not sound yet is left out, as the wizard's score leaves it out, and
the findings name the entries by their place in the document as the user sees it.
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
    pending: int = 0  # new entries left out of the checks
    held: int = 0  # entries being corrected, checked as they last were sound

    def problems_under(self, path: str) -> list[Problem]:
        return [p for p in self.problems if is_under(p.path, path)]


def entries(problems: list[Problem] | tuple[Problem, ...]) -> int:
    """How many entries (or other fields) the problems are in: an entry with two is one to
    correct."""
    return len({(m[0] if (m := _ENTRY.match(p.path)) else p.path) for p in problems})


def is_under(path: str, prefix: str) -> bool:
    """``path`` is ``prefix`` or a field inside it (``applicant.x`` is under ``applicant``,
    ``children[10]`` is not under ``children[1]``)."""
    return path == prefix or path.startswith((prefix + ".", prefix + "["))


class LastSound:
    """The last sound version of each entry, known by identity: the editor changes the
    document's entry objects in place, so one keeps its identity while it is retyped."""

    def __init__(self) -> None:
        self._entries: dict[int, tuple[Node, Node]] = {}  # id -> (entry, sound copy)

    def version(self, entry: Node) -> Node | None:
        found = self._entries.get(id(entry))
        return None if found is None or found[0] is not entry else copy.deepcopy(found[1])

    def remember(self, document: Node, broken: dict[tuple[str, str], set[int]]) -> None:
        kept: dict[int, tuple[Node, Node]] = {}
        for (person, key), entries in _lists(document):
            for index, entry in enumerate(entries):
                if index not in broken.get((person, key), set()):
                    kept[id(entry)] = (entry, copy.deepcopy(entry))
                elif id(entry) in self._entries:
                    kept[id(entry)] = self._entries[id(entry)]
        self._entries = kept  # entries no longer in the document are forgotten


def _lists(document: Node) -> list[tuple[tuple[str, str], list[Node]]]:
    children = document.get("children")
    people = ["applicant", "spouse"]
    people += [f"children[{i}]" for i in range(len(children) if isinstance(children, list) else 0)]
    found = []
    for person in people:
        try:
            node = person_node(document, person)
        except (KeyError, IndexError, TypeError):
            continue  # no spouse
        for key in EDITED_LISTS:
            entries = node.get(key)
            if isinstance(entries, list):
                found.append(((person, key), entries))
    return found


def live_check(
    history: HistoryService, document: Node, as_of: date, sound: LastSound | None = None
) -> LiveCheck:
    sound = sound or LastSound()
    first = history.assess(document, as_of)
    if not first.problems:
        sound.remember(document, {})
        return LiveCheck((), first.report, first.profile)
    broken = _broken_entries(first.problems)
    if broken is None:
        return LiveCheck(first.problems, None, None)
    checked, left_out, held = _checkable(document, broken, sound)
    sound.remember(document, broken)
    pending = sum(len(indexes) for indexes in left_out.values())
    second = history.assess(checked, as_of)
    if second.report is None:
        return LiveCheck(first.problems, None, None, pending, held)
    report = _renumbered(second.report, left_out)
    return LiveCheck(first.problems, report, second.profile, pending, held)


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


def _checkable(
    document: Node, broken: dict[tuple[str, str], set[int]], sound: LastSound
) -> tuple[Node, dict[tuple[str, str], set[int]], int]:
    """The document with each broken entry as it last was sound, or left out when it never
    was; the entries left out, and how many were put back as they were."""
    checked = copy.deepcopy(document)
    left_out: dict[tuple[str, str], set[int]] = {}
    held = 0
    for (person, key), indexes in broken.items():
        typed = person_node(document, person)[key]
        entries = person_node(checked, person)[key]
        for index in indexes:
            before = sound.version(typed[index])
            if before is None:
                left_out.setdefault((person, key), set()).add(index)
            else:
                entries[index] = before
                held += 1
        gone = left_out.get((person, key), set())
        entries[:] = [entry for i, entry in enumerate(entries) if i not in gone]
    return checked, left_out, held


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
