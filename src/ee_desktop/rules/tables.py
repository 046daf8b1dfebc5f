"""Rules resolved for one date into flat lookup structures.

Resolution happens once per evaluation date (RuleSet.at caches it), so
scoring a file is a handful of tuple indexings rather than date searches.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from ee_desktop.dated import Dated
from ee_desktop.rules.dates import add_years
from ee_desktop.rules.schema import ABILITY_KEYS, EDUCATION_KEYS, TABLES

# Largest input the dense step tables are indexed by (age, CLB, years of work).
DENSE_SIZE = 131
# Experience windows precomputed per date (the rules use 3, 5 and 10 years).
WINDOW_YEARS = 16


@dataclass(frozen=True, slots=True)
class Entry(Dated):
    """One dated row of a table, with the layer it came from."""

    table: str
    values: Mapping[str, Any]
    layer: str


class EntrySource(Protocol):
    """Where ``resolve`` finds the entries in force: a RuleSet (loader.py)."""

    def entry(self, table_id: str, on: date) -> Entry | None: ...

    def category_ids(self) -> list[str]: ...


def dense(rows: Sequence[Sequence[int]], column: int = 1) -> tuple[int, ...]:
    """``result[i]`` = value of the last row whose threshold is at most ``i``."""
    out: list[int] = []
    index = 0
    for i in range(DENSE_SIZE):
        while index + 1 < len(rows) and rows[index + 1][0] <= i:
            index += 1
        out.append(rows[index][column] if rows[index][0] <= i else 0)
    return tuple(out)


def pick(table: tuple[int, ...], value: int) -> int:
    if value < 0:  # e.g. a date of birth after the evaluation date
        return table[0]
    return table[value if value < DENSE_SIZE else DENSE_SIZE - 1]


@dataclass(frozen=True, slots=True)
class LanguageTable:
    """Minimum scores per ability, with the CLB each one reaches."""

    thresholds: Mapping[str, tuple[float, ...]]
    levels: Mapping[str, tuple[int, ...]]
    unverified: bool
    effective_from: date

    def clb(self, ability: str, score: float) -> int:
        position = bisect_right(self.thresholds[ability], score)
        return self.levels[ability][position - 1] if position else 0


def language_table(entry: Entry) -> LanguageTable:
    values = entry.values
    return LanguageTable(
        thresholds={a: tuple(float(r[0]) for r in values[a]) for a in ABILITY_KEYS},
        levels={a: tuple(int(r[1]) for r in values[a]) for a in ABILITY_KEYS},
        unverified=bool(values.get("unverified", False)),
        effective_from=entry.effective_from,
    )


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name: str
    kind: str
    occupations: tuple[str, ...]
    months: int
    window_years: int
    continuous: bool
    canadian_experience_only: bool
    min_nclc: int
    list_complete: bool
    requirement: str
    source: str
    effective_from: date
    list_year: int = 0  # year of the occupation list used, 0 when not recorded
    list_published: date | None = None
    list_confirmed: bool = True  # False: an earlier year's list stands in for this period's


@dataclass(frozen=True, slots=True)
class Tables:
    """Every value the engine needs on one date."""

    on: date
    entries: Mapping[str, Entry]  # table id -> entry in force, for provenance
    caps: Mapping[str, int]
    age: tuple[tuple[int, ...], tuple[int, ...]]  # [with spouse, without] by age
    education: Mapping[str, tuple[int, int]]
    first_language: tuple[tuple[int, ...], tuple[int, ...]]
    second_language: tuple[tuple[int, ...], tuple[int, ...]]
    canadian_work: tuple[tuple[int, ...], tuple[int, ...]]
    spouse_education: Mapping[str, int]
    spouse_language: tuple[int, ...]
    spouse_canadian_work: tuple[int, ...]
    transfer_education: Mapping[str, tuple[int, int, int, int]]
    transfer_foreign: tuple[tuple[int, ...], ...]  # 4 columns by years of foreign work
    transfer_certificate: tuple[int, ...]
    nomination: int
    nomination_excluded: tuple[str, ...]  # provinces whose nominations earn no points
    job_offer: tuple[int, int]  # senior management, other skilled
    canadian_education: tuple[int, int]  # one or two years, three or more
    sibling: int
    french: tuple[int, int, int, int] | None  # min NCLC, min English CLB, alone, with English
    validity: Mapping[str, int]
    counting: Mapping[str, int]
    fsw_minimums: Mapping[str, int]
    fsw_language: tuple[int, ...]
    fsw_second_language: tuple[int, int]  # minimum CLB, points
    fsw_education: Mapping[str, int]
    fsw_work: tuple[int, ...]
    fsw_age: tuple[int, ...]
    fsw_arranged_employment: int
    fsw_maxima: Mapping[str, int]  # grid factor maxima, for display
    fsw_adaptability: Mapping[str, int]
    cec: Mapping[str, int]
    fst: Mapping[str, int]
    fst_trades: tuple[str, ...]
    fst_excluded: tuple[str, ...]
    funds: tuple[tuple[int, ...], int] | None  # amounts for 1..7, each extra member
    categories: tuple[Category, ...]
    window_starts: tuple[int, ...]  # ordinal of the date n years before ``on``, by n

    def window_start(self, years: int) -> int:
        if years < len(self.window_starts):
            return self.window_starts[years]
        return add_years(self.on, -years).toordinal()


def _ints(values: Mapping[str, Any], table_id: str) -> dict[str, int]:
    return {k: int(values[k]) for k in TABLES[table_id]}


def _by_level(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: values[k] for k in EDUCATION_KEYS}


def _pair(values: Mapping[str, Any]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return dense(values["rows"], 1), dense(values["rows"], 2)


def _category(entry: Entry) -> Category:
    v = entry.values
    return Category(
        id=entry.table.split(".", 1)[1],
        name=v["name"],
        kind=v["kind"],
        occupations=tuple(v.get("occupations", ())),
        months=int(v.get("months", 0)),
        window_years=int(v.get("window_years", 3)),
        continuous=bool(v.get("continuous", False)),
        canadian_experience_only=bool(v.get("canadian_experience_only", False)),
        min_nclc=int(v.get("min_nclc", 0)),
        list_complete=bool(v.get("list_complete", True)),
        requirement=str(v.get("requirement", "")),
        source=entry.source,
        effective_from=entry.effective_from,
        list_year=int(v.get("list_year", 0)),
        list_published=v.get("list_published"),
        list_confirmed=bool(v.get("list_confirmed", True)),
    )


def resolve(rules: EntrySource, on: date) -> Tables:
    entries: dict[str, Entry] = {}
    for table_id in TABLES:
        if table_id.startswith("language."):
            continue
        found = rules.entry(table_id, on)
        if found is not None:
            entries[table_id] = found
    categories = []
    for category_id in rules.category_ids():
        found = rules.entry(category_id, on)
        if found is not None:
            entries[category_id] = found
            categories.append(_category(found))

    def v(table_id: str) -> Mapping[str, Any]:
        return entries[table_id].values

    def optional(table_id: str) -> Mapping[str, Any] | None:
        found = entries.get(table_id)
        return None if found is None else found.values

    job_offer = optional("crs.job_offer")
    cdn_edu = optional("crs.canadian_education")
    sibling = optional("crs.sibling")
    french = optional("crs.french")
    funds = optional("funds.settlement")
    transfer_foreign_rows = v("crs.transfer_foreign")["rows"]
    fsw_language = v("fsw.language")
    fst = v("fst.requirements")
    fsw_language_points = dense(fsw_language["rows"])
    fsw_education = {k: int(x) for k, x in _by_level(v("fsw.education")).items()}
    fsw_work = dense(v("fsw.work")["rows"])
    fsw_age = dense(v("fsw.age")["rows"])
    return Tables(
        on=on,
        entries=entries,
        caps=_ints(v("crs.caps"), "crs.caps"),
        age=_pair(v("crs.age")),
        education={k: (x[0], x[1]) for k, x in _by_level(v("crs.education")).items()},
        first_language=_pair(v("crs.first_language")),
        second_language=_pair(v("crs.second_language")),
        canadian_work=_pair(v("crs.canadian_work")),
        spouse_education={k: int(x) for k, x in _by_level(v("crs.spouse_education")).items()},
        spouse_language=dense(v("crs.spouse_language")["rows"]),
        spouse_canadian_work=dense(v("crs.spouse_canadian_work")["rows"]),
        transfer_education={
            k: (x[0], x[1], x[2], x[3]) for k, x in _by_level(v("crs.transfer_education")).items()
        },
        transfer_foreign=tuple(dense(transfer_foreign_rows, c) for c in range(1, 5)),
        transfer_certificate=dense(v("crs.transfer_certificate")["rows"]),
        nomination=int(v("crs.nomination")["points"]),
        nomination_excluded=tuple(v("crs.nomination")["excluded_provinces"]),
        job_offer=(0, 0)
        if job_offer is None
        else (int(job_offer["senior_management"]), int(job_offer["other_skilled"])),
        canadian_education=(0, 0)
        if cdn_edu is None
        else (int(cdn_edu["one_or_two_years"]), int(cdn_edu["three_years_or_more"])),
        sibling=0 if sibling is None else int(sibling["points"]),
        french=None
        if french is None
        else (
            int(french["min_nclc"]),
            int(french["min_english_clb"]),
            int(french["french_only"]),
            int(french["french_and_english"]),
        ),
        validity=_ints(v("validity.periods"), "validity.periods"),
        counting=_ints(v("work.counting"), "work.counting"),
        fsw_minimums=_ints(v("fsw.minimums"), "fsw.minimums"),
        fsw_language=fsw_language_points,
        fsw_second_language=(
            int(fsw_language["second_min_clb"]),
            int(fsw_language["second_points"]),
        ),
        fsw_education=fsw_education,
        fsw_work=fsw_work,
        fsw_age=fsw_age,
        fsw_arranged_employment=int(v("fsw.arranged_employment")["points"]),
        fsw_maxima={
            "language": 4 * max(fsw_language_points) + int(fsw_language["second_points"]),
            "education": max(fsw_education.values()),
            "work_experience": max(fsw_work),
            "age": max(fsw_age),
        },
        fsw_adaptability=_ints(v("fsw.adaptability"), "fsw.adaptability"),
        cec=_ints(v("cec.requirements"), "cec.requirements"),
        fst={k: int(fst[k]) for k in TABLES["fst.requirements"] if k not in ("trades", "excluded")},
        fst_trades=tuple(fst["trades"]),
        fst_excluded=tuple(fst["excluded"]),
        funds=None if funds is None else (tuple(funds["amounts"]), int(funds["each_extra"])),
        categories=tuple(categories),
        window_starts=tuple(add_years(on, -n).toordinal() for n in range(WINDOW_YEARS)),
    )
