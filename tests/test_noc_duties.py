"""The shipped NOC duties: every unit group's lead statement, main duties and exclusions,
their sources and licence, and the build that makes them from the open data."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

from ee_desktop import i18n
from ee_desktop.noc import noc_index
from ee_desktop.noc.duties import (
    attribution,
    duties_data,
    duties_language_note,
    exclusions,
    lead_statement,
    main_duties,
)

REPO = Path(__file__).resolve().parents[1]
REFERENCE = Path("/work/shared/reference/noc-duties")
SHIPPED = REPO / "src/ee_desktop/noc/data/duties.json.gz"


def test_every_unit_group_has_duties_and_a_lead_statement() -> None:
    data = duties_data()
    assert len(data) == 516
    codes = {
        occupation.code for occupation in (noc_index().get(c) for c in data.units) if occupation
    }
    assert codes == set(data.units)  # the same 516 codes as the NOC titles
    for code in data.units:
        assert main_duties(code), code
        assert len(main_duties(code)) == len(set(main_duties(code))), code
        assert lead_statement(code).strip(), code
    assert sum(len(main_duties(code)) for code in data.units) > 4500


def test_known_values() -> None:
    duties = main_duties("21232")
    assert duties[0] == "Design, write, read, test, and correct code for new software"
    assert "Write documentation for new and updated software" in duties
    assert lead_statement("21232").startswith("Software developers and programmers")
    assert lead_statement("00010").startswith("Legislators participate in the activities")
    # Duties of all of a unit group's OaSIS profiles (11101.01 and 11101.02).
    assert "Plan short- and long-term cash flows and assess financial performance" in main_duties(
        "11101"
    )
    assert "Analyze investment projects" in main_duties("11101")
    excluded = {e.code: e.job_titles for e in exclusions("11101")}
    assert excluded["11102"] == ("financial planner",) and excluded["11103"] == ()
    assert "21230" in {e.code for e in exclusions("21232")}
    assert all(e.code != "21232" for e in exclusions("21232"))


def test_unknown_code_has_nothing() -> None:
    assert main_duties("99999") == () and lead_statement("99999") == ""
    assert exclusions("") == ()


def test_sources_checksums_and_licence() -> None:
    meta = duties_data().metadata
    assert meta["duties_source"] == "ESDC, OaSIS 2023 Version 1.0"
    assert meta["lead_statements_source"] == "Statistics Canada, NOC 2021 Version 1.0"
    assert meta["attribution"] == (
        "Contains information licensed under the Open Government Licence – Canada."
    )
    assert meta["inputs"] == {
        "main-duties_oasis-2023_v1.0.csv": (
            "c0a7acde75a9ae9328be5fb44a41dd4cdf22184261200e7d9e390d9e76e4425c"
        ),
        "noc2021-lead-statements.csv": (
            "b17f8c6d3f6460876caadd41aab0931fa64a6c4907c3437429f7304165af2066"
        ),
        "exclusions_oasis_2023_v1.0.csv": (
            "9566ad89586e95322189efa386e152378d12d8a9b7b0b59115d76c02ce3da0a7"
        ),
    }
    assert "Open Government Licence – Canada" in attribution()
    assert "OaSIS 2023" in attribution()


def test_the_duties_are_said_to_be_in_english_in_other_languages() -> None:
    assert duties_language_note("en") == ""
    assert "English" in duties_language_note("fr")
    i18n.install("fr")
    assert duties_language_note()  # translated or not, never empty in French


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the reference CSVs are not on this machine")
def test_the_shipped_file_is_the_build_of_the_reference_data() -> None:
    spec = importlib.util.spec_from_file_location("build", REPO / "tools/build_duties_data.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for name, digest in build.build(REFERENCE)["inputs"].items():
        assert hashlib.sha256((REFERENCE / name).read_bytes()).hexdigest() == digest
    assert build.build(REFERENCE) == json.loads(gzip.decompress(SHIPPED.read_bytes()))
