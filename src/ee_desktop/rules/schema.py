"""The shape of a rules document, and its validation.

A rules document is a TOML file: an optional ``[meta]`` table, optional
``[[notices]]`` and dated tables such as ``[[crs.age]]``. The built-in data
and user-installed rules files share this format, so both go through the same
checks; every problem names the entry and field and says what was expected.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ee_desktop.dated import (
    Check,
    a_date,
    boolean,
    check_fields,
    integer,
    is_date,
    is_whole,
    one_of,
    period_problems,
    text,
)
from ee_desktop.profile.model import PROVINCES

FORMAT_NAME = "ee-desktop.rules"
FORMAT_VERSION = 1

EDUCATION_KEYS: tuple[str, ...] = (
    "less_than_secondary", "secondary", "one_year_post_secondary", "two_year_post_secondary",
    "bachelors", "two_or_more", "masters", "doctoral",
)  # fmt: skip
ABILITY_KEYS: tuple[str, ...] = ("listening", "reading", "writing", "speaking")
CATEGORY_PREFIX = "categories."
CATEGORY_KINDS: tuple[str, ...] = ("french", "occupation", "unsupported")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def int_list(length: int) -> Check:
    def check(value: Any) -> str | None:
        ok = (
            isinstance(value, list)
            and len(value) == length
            and all(is_whole(v) and v >= 0 for v in value)
        )
        return None if ok else f"a list of {length} whole numbers"

    return check


def steps(columns: int) -> Check:
    """Rows ``[threshold, v1..vN]`` with whole-number thresholds strictly ascending from 0."""

    def check(value: Any) -> str | None:
        expected = (
            f"a list of rows [threshold, {columns} value(s)] of whole numbers, "
            "thresholds ascending from 0"
        )
        if not isinstance(value, list) or not value:
            return expected
        previous = -1
        for row in value:
            if not (
                isinstance(row, list)
                and len(row) == columns + 1
                and all(is_whole(v) and v >= 0 for v in row)
            ):
                return expected
            if row[0] <= previous:
                return expected
            previous = row[0]
        return None if value[0][0] == 0 else expected

    return check


def score_steps(value: Any) -> str | None:
    """Rows ``[minimum score, CLB]``, both ascending."""
    expected = "a list of rows [minimum score, CLB level], scores and levels ascending"
    if not isinstance(value, list) or not value:
        return expected
    last_score, last_level = -1.0, -1
    for row in value:
        if not (
            isinstance(row, list)
            and len(row) == 2
            and _is_number(row[0])
            and is_whole(row[1])
            and 0 <= row[1] <= 12
        ):
            return expected
        if row[0] <= last_score or row[1] <= last_level:
            return expected
        last_score, last_level = float(row[0]), row[1]
    return None


def code_list(value: Any) -> str | None:
    ok = isinstance(value, list) and all(
        isinstance(v, str) and v.isdigit() and 1 <= len(v) <= 5 for v in value
    )
    return None if ok else "a list of NOC 2021 codes or code prefixes (1 to 5 digits, quoted)"


def province_list(value: Any) -> str | None:
    ok = isinstance(value, list) and all(isinstance(v, str) and v in PROVINCES for v in value)
    return None if ok else 'a list of province or territory codes such as "QC"'


COMMON_FIELDS: dict[str, Check] = {"effective_from": a_date, "source": text}
OPTIONAL_COMMON: dict[str, Check] = {"effective_to": a_date, "note": text, "unverified": boolean}


def _ints(*names: str) -> dict[str, Check]:
    return dict.fromkeys(names, integer)


_LANGUAGE_TABLE: dict[str, Check] = dict.fromkeys(ABILITY_KEYS, score_steps)

# Required payload fields of every known table.
TABLES: dict[str, dict[str, Check]] = {
    "crs.caps": _ints(
        "core_with_spouse",
        "core_without_spouse",
        "spouse",
        "transferability",
        "education_transferability",
        "foreign_transferability",
        "certificate_transferability",
        "additional",
        "second_language_with_spouse",
        "second_language_without_spouse",
    ),
    "crs.age": {"rows": steps(2)},
    "crs.education": dict.fromkeys(EDUCATION_KEYS, int_list(2)),
    "crs.first_language": {"rows": steps(2)},
    "crs.second_language": {"rows": steps(2)},
    "crs.canadian_work": {"rows": steps(2)},
    "crs.spouse_education": dict.fromkeys(EDUCATION_KEYS, integer),
    "crs.spouse_language": {"rows": steps(1)},
    "crs.spouse_canadian_work": {"rows": steps(1)},
    "crs.transfer_education": dict.fromkeys(EDUCATION_KEYS, int_list(4)),
    "crs.transfer_foreign": {"rows": steps(4)},
    "crs.transfer_certificate": {"rows": steps(1)},
    "crs.nomination": {"points": integer, "excluded_provinces": province_list},
    "crs.job_offer": _ints("senior_management", "other_skilled"),
    "crs.canadian_education": _ints("one_or_two_years", "three_years_or_more"),
    "crs.sibling": _ints("points"),
    "crs.french": _ints("min_nclc", "min_english_clb", "french_only", "french_and_english"),
    "language.ielts_general": _LANGUAGE_TABLE,
    "language.celpip_general": _LANGUAGE_TABLE,
    "language.pte_core": _LANGUAGE_TABLE,
    "language.tef_canada": _LANGUAGE_TABLE,
    "language.tcf_canada": _LANGUAGE_TABLE,
    "validity.periods": _ints("language_test_years", "eca_years", "warn_days"),
    "work.counting": _ints(
        "hours_per_year", "max_hours_per_week", "crs_window_years", "gap_warning_days"
    ),
    "fsw.minimums": _ints("min_clb", "pass_mark", "work_hours", "window_years"),
    "fsw.language": {"rows": steps(1), "second_min_clb": integer, "second_points": integer},
    "fsw.education": dict.fromkeys(EDUCATION_KEYS, integer),
    "fsw.work": {"rows": steps(1)},
    "fsw.age": {"rows": steps(1)},
    "fsw.arranged_employment": _ints("points"),
    "fsw.adaptability": _ints(
        "cap",
        "spouse_language",
        "spouse_language_min_clb",
        "own_study",
        "spouse_study",
        "study_min_years",
        "own_work",
        "spouse_work",
        "arranged_employment",
        "relative",
    ),
    "cec.requirements": _ints("work_hours", "window_years", "clb_teer_0_1", "clb_teer_2_3"),
    "fst.requirements": {
        **_ints(
            "work_hours",
            "window_years",
            "min_speaking",
            "min_listening",
            "min_reading",
            "min_writing",
        ),
        "trades": code_list,
        "excluded": code_list,
    },
    "funds.settlement": {"amounts": int_list(7), "each_extra": integer},
}

# Tables that must have an entry in force at any evaluation date the rules cover.
REQUIRED_TABLES: tuple[str, ...] = tuple(
    t
    for t in TABLES
    if not t.startswith(
        (
            "language.",
            "crs.job_offer",
            "crs.canadian_education",
            "crs.sibling",
            "crs.french",
            "funds.",
        )
    )
)

CATEGORY_FIELDS: dict[str, Check] = {
    "name": text,
    "kind": one_of(*CATEGORY_KINDS),
}
CATEGORY_OPTIONAL: dict[str, Check] = {
    "occupations": code_list,
    "months": integer,
    "window_years": integer,
    "continuous": boolean,
    "canadian_experience_only": boolean,
    "min_nclc": integer,
    "list_complete": boolean,
    "list_year": integer,
    "list_published": a_date,
    "list_confirmed": boolean,
    "requirement": text,
}

META_FIELDS: dict[str, Check] = {
    "format": one_of(FORMAT_NAME),
    "format_version": lambda v: None if v == FORMAT_VERSION else f"{FORMAT_VERSION}",
    "rules_version": text,
    "verified_on": a_date,
}
META_OPTIONAL: dict[str, Check] = {"title": text, "note": text}

NOTICE_FIELDS: dict[str, Check] = {
    "id": text,
    "announced_on": a_date,
    "title": text,
    "text": text,
    "source": text,
}
NOTICE_OPTIONAL: dict[str, Check] = {"effective_from": a_date, "resolved": boolean}


def table_fields(table_id: str) -> tuple[dict[str, Check], dict[str, Check]] | None:
    """Required and optional fields of a table, or None for an unknown table."""
    if table_id.startswith(CATEGORY_PREFIX) and len(table_id) > len(CATEGORY_PREFIX):
        return {**COMMON_FIELDS, **CATEGORY_FIELDS}, {**OPTIONAL_COMMON, **CATEGORY_OPTIONAL}
    payload = TABLES.get(table_id)
    if payload is None:
        return None
    return {**COMMON_FIELDS, **payload}, OPTIONAL_COMMON


def flatten_tables(document: Mapping[str, Any]) -> tuple[dict[str, list[Any]], list[str]]:
    """Split a parsed document into ``{"crs.age": [entries]}``; report misplaced keys."""
    tables: dict[str, list[Any]] = {}
    problems: list[str] = []
    for group, content in document.items():
        if group in ("meta", "notices"):
            continue
        if not isinstance(content, dict):
            problems.append(f"{group}: expected a group of tables such as [[{group}.name]]")
            continue
        for name, entries in content.items():
            table_id = f"{group}.{name}"
            if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
                problems.append(f"{table_id}: expected an array of tables [[{table_id}]]")
                continue
            tables[table_id] = entries
    return tables, problems


def validate_document(document: Mapping[str, Any], *, require_meta: bool) -> list[str]:
    """Every problem in a parsed rules document, as one sentence each."""
    problems: list[str] = []
    meta = document.get("meta")
    if meta is None:
        if require_meta:
            problems.append(
                "meta: missing table [meta] (format, format_version, rules_version, verified_on)"
            )
    elif not isinstance(meta, dict):
        problems.append("meta: expected a table")
    else:
        problems += check_fields("meta", meta, META_FIELDS, META_OPTIONAL)
    notices = document.get("notices", [])
    if not isinstance(notices, list) or not all(isinstance(n, dict) for n in notices):
        problems.append("notices: expected an array of tables [[notices]]")
    else:
        for i, notice in enumerate(notices):
            problems += check_fields(f"notices[{i}]", notice, NOTICE_FIELDS, NOTICE_OPTIONAL)
    tables, misplaced = flatten_tables(document)
    problems.extend(misplaced)
    for table_id, entries in tables.items():
        fields = table_fields(table_id)
        if fields is None:
            problems.append(
                f"{table_id}: unknown table (known: {', '.join(sorted(TABLES))}, "
                f"or {CATEGORY_PREFIX}<name>)"
            )
            continue
        required, optional = fields
        for i, entry in enumerate(entries):
            problems += check_fields(f"{table_id}[{i}]", entry, required, optional)
            if table_id.startswith(CATEGORY_PREFIX):
                problems.extend(_check_category(f"{table_id}[{i}]", entry))
        problems += period_problems(
            (table_id, f"{table_id}[{i}]", e) for i, e in enumerate(entries)
        )
    return problems


# Fields a category needs, by kind, beyond the common ones.
CATEGORY_NEEDS: dict[str, tuple[str, ...]] = {
    "french": ("min_nclc",),
    "occupation": ("occupations", "months"),
    "unsupported": ("requirement",),
}


def _check_category(where: str, entry: Mapping[str, Any]) -> list[str]:
    needs = CATEGORY_NEEDS.get(entry.get("kind", ""), ())
    problems = [
        f"{where}: missing field '{name}' (needed for kind '{entry['kind']}')"
        for name in needs
        if name not in entry
    ]
    if entry.get("list_confirmed") is False and "list_year" not in entry:
        problems.append(
            f"{where}: missing field 'list_year' (needed when list_confirmed = false: "
            "the year of the list that stands in)"
        )
    year: Any = entry.get("list_year")
    start: Any = entry.get("effective_from")
    if is_whole(year) and is_date(start) and not 2000 <= year <= start.year:
        problems.append(
            f"{where}.list_year: expected a year from 2000 to that of effective_from ({start.year})"
        )
    return problems
