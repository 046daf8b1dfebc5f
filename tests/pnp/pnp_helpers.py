"""Builders for the provincial stream tests: a stream with chosen requirements, files."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from functools import cache
from typing import Any

from ee_desktop.pnp import StreamMatch, match
from ee_desktop.pnp.model import Ask, Requirements, Stream
from ee_desktop.profile.model import Profile
from ee_desktop.rules import RuleSet, evaluate, load_rules
from tests.conftest import TODAY
from tests.rules.rules_helpers import canadian, foreign, ielts, job, profile, tef

__all__ = [
    "TODAY", "canadian", "decide", "foreign", "ielts", "job", "profile", "rules", "skilled",
    "stream", "tef",
]  # fmt: skip


@cache
def rules() -> RuleSet:
    return load_rules()


def stream(province: str = "NS", stream_id: str = "test-stream", **requires: Any) -> Stream:
    asks = tuple(Ask(a, f"Question {a}?") for a in requires.pop("asks", ()))
    return Stream(
        id=stream_id,
        province=province,
        program="Test Nominee Program",
        name="Test stream",
        url="https://example.org/stream",
        intake="eoi",
        summary="A stream for tests.",
        effective_from=date(2015, 1, 1),
        effective_to=None,
        verified=True,
        verified_on=TODAY,
        source="tests",
        note="",
        apply_within_days=None,
        requires=Requirements(**requires, asks=asks),
    )


def skilled(tested: date = date(2026, 1, 10), **changes: Any) -> Profile:
    """Single, 30, bachelor's with an ECA, IELTS at CLB 9 (lowest) taken on ``tested``, five
    years of foreign TEER 1 work: eligible for the Federal Skilled Worker Program."""
    base = profile(
        born=date(1996, 4, 12),
        education=(foreign("bachelors"),),
        tests=(ielts(8.0, 7.0, 7.0, 7.0, tested),),
        work=(job(date(2021, 7, 1)),),
        funds=30000,
    )
    applicant = changes.pop("applicant", {})
    if applicant:
        base = replace(base, applicant=replace(base.applicant, **applicant))
    return replace(base, **changes)


def decide(
    file: Profile, s: Stream, answers: Mapping[str, str] | None = None, on: date = TODAY
) -> StreamMatch:
    return match(evaluate(file, on, rules()), s, answers or {})
