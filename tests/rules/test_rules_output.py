"""The `score` JSON contract (profile-format.md) and the readable breakdown."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from rules_helpers import celpip_all, foreign, job, profile, tef

from ee_desktop.profile import load
from ee_desktop.rules import evaluate, evaluation_to_json, render_text

ON = date(2026, 11, 24)
SPEC_EXAMPLE = Path(__file__).resolve().parent / "example-profile.json"


def spec_output() -> dict[str, object]:
    return evaluation_to_json(evaluate(load(SPEC_EXAMPLE, today=ON), ON))


def test_json_has_the_keys_of_the_spec_and_is_serialisable() -> None:
    out = spec_output()
    json.dumps(out)
    assert out["as_of"] == "2026-11-24"
    assert isinstance(out["rules_version"], str)
    facts = out["facts"]
    assert isinstance(facts, dict)
    assert facts["age"] == 30 and facts["education_level"] == "bachelors"
    assert facts["first_language"] == {
        "language": "english",
        "listening": 10,
        "reading": 9,
        "writing": 9,
        "speaking": 10,
        "test": "ielts_general",
        "taken_on": "2025-09-20",
        "expires_on": "2027-09-20",
    }
    assert facts["second_language"] is None
    assert (facts["canadian_work_years"], facts["foreign_work_years"]) == (0, 8)
    crs = out["crs"]
    assert isinstance(crs, dict)
    assert {k: crs[k] for k in ("total", "core", "spouse", "transferability", "additional")} == {
        "total": 404,
        "core": 329,
        "spouse": 0,
        "transferability": 75,
        "additional": 0,
    }
    for factor in crs["factors"]:
        assert set(factor) == {"section", "factor", "points", "max", "explanation"}
        assert factor["explanation"]
    programs = out["programs"]
    assert isinstance(programs, dict)
    assert programs["fsw"]["eligible"] is True and programs["fsw"]["points"] == 72
    assert programs["fsw"]["reasons"] == []
    assert programs["cec"]["eligible"] is False and programs["cec"]["reasons"]
    assert "points" not in programs["cec"]
    assert isinstance(out["warnings"], list)
    assert [a["text"] for a in out["alerts"]] == out["warnings"]
    assert all(a["severity"] in ("warning", "information") for a in out["alerts"])
    assert out["rules_verified_on"] == "2026-10-01"
    assert isinstance(out["notices"], list) and isinstance(out["categories"], list)


def test_factor_points_add_up_to_each_section_even_when_capped() -> None:
    file = profile(
        education=(foreign("masters"),),
        tests=(celpip_all(10), tef(600, 600, 600, 600)),
        work=(job(date(2023, 1, 1), None, country="CA"), job(date(2015, 1, 1), date(2022, 12, 31))),
        nominated=True,
        sibling=True,
        certificate=True,
    )
    out = evaluation_to_json(evaluate(file, ON))
    crs = out["crs"]
    for section in ("core", "spouse", "transferability", "additional"):
        points = sum(f["points"] for f in crs["factors"] if f["section"] == section)
        assert points == crs[section], section
    assert crs["additional"] == 600 and crs["transferability"] == 100


def test_text_breakdown() -> None:
    text = render_text(evaluate(load(SPEC_EXAMPLE, today=ON), ON))
    assert text.startswith("CRS score on November 24, 2026: 404 / 1200\n")
    assert "Core / human capital" in text and "329 / 460" in text
    assert "Federal Skilled Worker (72 / 100 grid points): eligible" in text
    assert "You need 1 year of skilled work in Canada in the last 3 years; you have none." in text
    assert "Rules verified up to October 1, 2026" in text
