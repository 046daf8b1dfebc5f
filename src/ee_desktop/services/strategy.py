"""Strategy for the active file: rounds (shipped and the user's), plan, projection, comparison."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ee_desktop.dated import DataProblems
from ee_desktop.i18n import _
from ee_desktop.profile import Profile
from ee_desktop.rules import Evaluation, evaluate
from ee_desktop.services.active import ActiveFile
from ee_desktop.services.rules import RulesService
from ee_desktop.strategy import (
    CutOff,
    Plan,
    PlanItem,
    ProjectionPoint,
    Round,
    advice,
    builtin_rounds,
    cut_offs,
    full_plan,
    parse_rounds_csv,
    plan,
    projection,
    qualifying_round_types,
    standing,
)
from ee_desktop.strategy.outlook import Outlook, outlook
from ee_desktop.strategy.rounds_feed import looks_like_json, parse_rounds_feed


@dataclass(frozen=True, slots=True)
class FactorChange:
    section: str
    factor: str
    today: int
    after: int
    maximum: int


def _decode(raw: bytes) -> str:
    """CSV text as spreadsheets save it: UTF-8 (with or without a BOM), UTF-16 with a BOM,
    or the Windows code page Excel uses for "CSV"."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _key(r: Round) -> tuple[int | None, date, str]:
    return r.number, r.on, r.round_type


def _draw(r: Round) -> tuple[object, ...]:
    """What an import matches on: the draw number, else (no number) the date and type."""
    return ("number", r.number) if r.number is not None else ("day", r.on, r.round_type)


@dataclass(frozen=True, slots=True)
class RoundsImport:
    """What an import of a rounds file read and did.

    ``kind`` is "json" (IRCC's rounds file) or "csv"; ``new`` counts the rounds that were
    not in use before (shipped or imported); ``notes`` say what was left out of good rounds
    (e.g. an unreadable tie-break time); ``stored`` is False when nothing was saved.
    """

    kind: str
    rounds: tuple[Round, ...]
    new: int
    problems: tuple[str, ...]
    notes: tuple[str, ...]
    stored: bool

    @property
    def distributions(self) -> int:
        return sum(1 for r in self.rounds if r.distribution is not None)


def read_rounds_file(path: Path) -> tuple[str, list[Round], list[str], list[str]]:
    """(kind, rounds, problems, notes) of a CSV file or IRCC's JSON rounds file, told
    apart by content. A JSON file with any problem gives no rounds."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return (
            "csv",
            [],
            [_("{path}: cannot be read ({reason})").format(path=path, reason=reason)],
            [],
        )
    text = _decode(raw)
    if looks_like_json(text):
        try:
            feed = parse_rounds_feed(text)
        except DataProblems as exc:
            return "json", [], list(exc.problems), []
        return "json", list(feed.rounds), [], list(feed.notes)
    found, problems = parse_rounds_csv(text)
    return "csv", found, problems, []


class StrategyService:
    def __init__(self, active: ActiveFile, rules: RulesService) -> None:
        self.active = active
        self.store = active.store
        self.rules = rules

    # -- rounds ---------------------------------------------------------------------------------
    def user_rounds(self) -> list[Round]:
        return self.store.rounds()

    def rounds(self) -> list[Round]:
        """Shipped rounds and the user's; a user round replaces a shipped one with the same
        number, date and type (a correction)."""
        merged = {_key(r): r for r in builtin_rounds()}
        merged.update({_key(r): r for r in self.user_rounds()})
        return sorted(merged.values(), key=lambda r: (r.on, r.number or 0))

    def latest_round(self) -> date | None:
        rounds = self.rounds()
        return rounds[-1].on if rounds else None

    def save_user_rounds(self, rounds: Sequence[Round]) -> None:
        """Replace the user's rounds; a round edited in a table (same number, date and type)
        keeps the distribution it had."""
        known = {_key(r): r.distribution for r in self.user_rounds() if r.distribution}
        self.store.replace_rounds(
            [
                r
                if r.distribution is not None or _key(r) not in known
                else replace(r, distribution=known[_key(r)])
                for r in rounds
            ]
        )

    def import_rounds(self, path: Path, keep_good_rows: bool = False) -> RoundsImport:
        """Merge the rounds of a CSV file or of IRCC's JSON rounds file into the user's, by
        draw number (a round with the same number replaces the one kept; a round without a
        number matches on date and type). With a problem nothing is stored, except that
        ``keep_good_rows`` keeps a CSV file's good rows (the window's import)."""
        kind, found, problems, notes = read_rounds_file(path)
        if problems and not (keep_good_rows and kind == "csv"):
            return RoundsImport(kind, (), 0, tuple(problems), tuple(notes), False)
        in_use = {_draw(r) for r in self.rounds()}
        new = sum(1 for r in {_draw(r): r for r in found}.values() if _draw(r) not in in_use)
        mine = {_draw(r): r for r in self.user_rounds()}
        mine.update({_draw(r): r for r in found})
        self.save_user_rounds(sorted(mine.values(), key=lambda r: (r.on, r.number or 0)))
        return RoundsImport(kind, tuple(found), new, tuple(problems), tuple(notes), True)

    def import_csv(self, path: Path) -> tuple[int, list[str]]:
        """Add the good rows of a CSV file to the user's rounds; returns (added, problems)."""
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return 0, [
                _("{path}: cannot be read ({reason})").format(path=path, reason=exc.strerror or exc)
            ]
        text = _decode(raw)
        found, problems = parse_rounds_csv(text)
        mine = {_key(r): r for r in self.user_rounds()}
        for r in found:
            mine[_key(r)] = r
        self.save_user_rounds(sorted(mine.values(), key=lambda r: (r.on, r.number or 0)))
        return len(found), problems

    # -- the active file --------------------------------------------------------------------------
    def _profile(self) -> Profile:
        profile = self.active.profile()
        return profile

    def evaluation(self, as_of: date, profile: Profile | None = None) -> Evaluation:
        return evaluate(profile or self._profile(), as_of, self.rules.rules)

    def advice(self, as_of: date, items: Sequence[PlanItem]) -> list[str]:
        """Where the file stands, then the two or three actions most likely to get an
        invitation, with when: plain sentences."""
        now = standing(self._profile(), as_of, self.rounds(), self.rules.rules)
        return advice(now, items, 3)

    def plan(self, as_of: date, limit: int = 10) -> list[PlanItem]:
        return plan(self._profile(), as_of, self.rounds(), self.rules.rules, limit)

    def full_plan(self, as_of: date, limit: int = 10) -> Plan:
        """The ranked plan and every single move worth points."""
        return full_plan(self._profile(), as_of, self.rounds(), self.rules.rules, limit)

    def projection(self, as_of: date, months: int = 24) -> list[ProjectionPoint]:
        return projection(self._profile(), as_of, months, self.rules.rules)

    def outlook(self, as_of: date, profile: Profile | None = None) -> Outlook:
        """The score beside the rounds of the last 12 months and the latest known pool."""
        return outlook(profile or self._profile(), as_of, self.rounds(), self.rules.rules)

    def qualifying(self, as_of: date) -> tuple[str, ...]:
        """The round types this file could be invited in today."""
        return qualifying_round_types(self.evaluation(as_of))

    def cut_offs(self, as_of: date) -> list[CutOff]:
        """Recent cut-offs of the round types this file qualifies for."""
        qualifying = set(self.qualifying(as_of))
        return [c for c in cut_offs(self.rounds(), as_of) if c.round_type in qualifying]

    @staticmethod
    def compare(today: Evaluation, after: Evaluation) -> list[FactorChange]:
        """Factor by factor, today beside the changed copy."""
        before = {(f.section, f.factor): f for f in today.factors}
        changes = []
        for factor in after.factors:
            old = before.get((factor.section, factor.factor))
            changes.append(
                FactorChange(
                    factor.section,
                    factor.factor,
                    old.points if old else 0,
                    factor.points,
                    factor.max,
                )
            )
        return changes
