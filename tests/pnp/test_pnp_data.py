"""The shipped streams: well formed, dated, sourced; and the loader's checks."""

from __future__ import annotations

import tomllib
from datetime import date
from typing import Any

import pytest
from pnp_helpers import TODAY, decide, ielts, job, skilled

from ee_desktop.pnp import DOES_NOT_FIT, FITS, StreamsError, load_streams, parse_streams
from ee_desktop.pnp.loader import streams_at
from ee_desktop.profile.model import PROVINCES


def _ids(on: date) -> set[str]:
    return {s.id for s in streams_at(on)}


def test_every_province_with_a_nominee_program_has_a_stream_in_its_history() -> None:
    provinces = {s.province for s in load_streams()}
    assert provinces == set(PROVINCES) - {"QC", "NU"}  # canada.ca: neither has a PNP


def test_every_entry_is_dated_and_sourced() -> None:
    for s in load_streams():
        assert s.url.startswith("https://"), s.id
        assert s.source and s.summary, s.id
        assert s.verified_on <= TODAY, s.id
        assert s.verified or s.note, s.id  # what could not be verified is said


def test_versions_of_a_stream_do_not_overlap() -> None:
    versions: dict[str, list[tuple[date, date]]] = {}
    for s in load_streams():
        versions.setdefault(s.id, []).append((s.effective_from, s.effective_to or date.max))
    for spans in versions.values():
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end < start


def test_ontario_closed_its_express_entry_streams_in_2026() -> None:
    # O. Reg. 47/26 revoked the categories; Skilled Trades was suspended 2025-11-14.
    assert {"on-human-capital-priorities", "on-skilled-trades"} <= _ids(date(2025, 6, 1))
    assert "on-skilled-trades" not in _ids(date(2025, 11, 14))
    assert not any(i.startswith("on-") for i in _ids(TODAY))


def test_nova_scotia_merged_its_streams_on_2026_02_18() -> None:
    before, after = _ids(date(2026, 2, 17)), _ids(date(2026, 2, 18))
    assert {"ns-experience-express-entry", "ns-labour-market-priorities"} <= before
    assert "ns-express-entry" not in before
    assert [i for i in after if i.startswith("ns-")] == ["ns-express-entry"]


def test_british_columbia_graduate_streams_closed() -> None:
    assert "bc-eebc-international-post-graduate" in _ids(date(2025, 1, 6))
    assert "bc-eebc-international-post-graduate" not in _ids(date(2025, 1, 7))
    assert "bc-eebc-international-graduate" not in _ids(date(2024, 11, 26))


def test_saskatchewan_asks_for_a_job_offer_from_2025_03_27() -> None:
    (before,) = [s for s in streams_at(date(2025, 3, 26)) if s.id == "sk-express-entry"]
    (after,) = [s for s in streams_at(date(2025, 3, 27)) if s.id == "sk-express-entry"]
    assert not before.requires.job_offer and after.requires.job_offer
    assert "73300" in after.requires.excluded_occupations  # transport truck drivers, 2024-05-01


def test_human_capital_priorities_on_the_shipped_criteria() -> None:
    (hcp,) = [s for s in streams_at(date(2025, 6, 1)) if s.id == "on-human-capital-priorities"]
    on = date(2025, 6, 1)
    assert decide(skilled(date(2025, 1, 10)), hcp, on=on).fit == FITS
    clb_6 = skilled(applicant={"language_tests": (ielts(5.5, 7.0, 7.0, 7.0, date(2025, 1, 10)),)})
    assert decide(clb_6, hcp, on=on).fit == DOES_NOT_FIT  # listening 5.5 is CLB 6; needs 7


def test_alberta_needs_a_crs_of_300() -> None:
    (alberta,) = [s for s in streams_at(TODAY) if s.id == "ab-express-entry"]
    assert alberta.requires.crs == 300
    assert decide(skilled(), alberta).fit == FITS


def test_nova_scotia_experience_needs_work_in_nova_scotia() -> None:
    (nse,) = [s for s in streams_at(date(2025, 6, 1)) if s.id == "ns-experience-express-entry"]
    on = date(2025, 6, 1)
    found = decide(skilled(date(2025, 1, 10)), nse, on=on)
    assert found.unmet == (
        "Needs 12 months of work in Nova Scotia; your file has no work in Canada.",
    )
    in_ns = skilled(
        date(2025, 1, 10), applicant={"work_history": (job(date(2023, 1, 1), country="CA"),)}
    )
    assert decide(in_ns, nse, {"worked_in:NS:12": "yes"}, on=on).fit == FITS


# -- the loader's checks -----------------------------------------------------------------------
GOOD = """
[[stream]]
id = "x"
province = "NS"
program = "P"
name = "N"
url = "https://example.org"
intake = "eoi"
summary = "S"
effective_from = 2020-01-01
verified = true
verified_on = 2026-01-01
source = "src"
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(StreamsError) as caught:
        parse_streams(tomllib.loads(text))
    return list(caught.value.problems)


def _parsed(text: str) -> Any:
    return parse_streams(tomllib.loads(text))


def test_a_good_entry_parses() -> None:
    (s,) = _parsed(GOOD)
    assert s.id == "x" and s.requires.experience_window_years == 10


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ('province = "QQ"', "stream[0] (x).province: expected one of AB, BC"),
        ('intake = "lottery"', "stream[0] (x).intake: expected one of federal_pool"),
        ('url = "http://x"', "stream[0] (x).url: expected an https:// address"),
        ("colour = 1", "stream[0] (x): unknown field 'colour'"),
        ("verified = false", "an unverified entry needs a 'note'"),
        ("effective_to = 2019-01-01", "effective_to is before effective_from"),
        ("[stream.requires]\nclb = 13", "requires.clb: expected a level from 1 to 12"),
        ('[stream.requires]\nprograms = ["pnp"]', "requires.programs: expected a list of"),
        ("[stream.requires]\nteer = [1]", "need experience_months"),
        ("[stream.requires]\nteer = [4]\nexperience_months = 12", "a list of TEERs (0 to 3)"),
        ("requires = 5", "stream[0] (x).requires: expected a table"),
        ("[stream.requires]\nexperience_window_years = 0", "a whole number, 1 or more"),
        ("[stream.requires]\nmin_age = 50\nmax_age = 40", "min_age is greater than max_age"),
        ('[stream.requires]\noccupations = ["2123"]', "five-digit NOC 2021 codes"),
        ('[[stream.requires.asks]]\nid = "a"', "requires.asks[0]: 'text' is missing"),
        ('[stream.requires]\noccupation_group = "it"', "occupation_group: expected one of"),
    ],
)
def test_each_problem_names_the_entry_and_field(change: str, problem: str) -> None:
    key = change.split(" =")[0] + " ="
    lines = [line for line in GOOD.splitlines() if not line.startswith(key)]
    found = _problems("\n".join(lines) + "\n" + change + "\n")
    assert any(problem in p for p in found), found


def test_a_missing_field_is_named() -> None:
    found = _problems(GOOD.replace('summary = "S"\n', ""))
    assert found == ["stream[0] (x): 'summary' is missing"]


def test_overlapping_versions_are_refused_and_successive_ones_accepted() -> None:
    first = GOOD + "effective_to = 2022-12-31\n"
    later = GOOD.replace("2020-01-01", "2023-01-01")
    assert len(_parsed(first + later)) == 2
    overlapping = GOOD.replace("2020-01-01", "2022-12-31")
    assert any("overlaps another version" in p for p in _problems(first + overlapping))
