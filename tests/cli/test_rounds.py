"""`ee-desktop rounds import` (CSV or IRCC's JSON rounds file) and `rounds list`."""

from __future__ import annotations

import json
from pathlib import Path

from ee_desktop.strategy import builtin_rounds
from tests.cli.helpers import run_cli

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "ee_rounds_sample.json"


def test_list_shows_the_shipped_rounds_with_their_distribution(data_dir: Path) -> None:
    listed = run_cli(data_dir, "rounds", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rounds = json.loads(listed.stdout)
    assert len(rounds) == len(builtin_rounds())
    assert all(r["distribution"] is not None for r in rounds)


def test_import_irccs_file_then_list_with_distributions(data_dir: Path) -> None:
    imported = run_cli(data_dir, "rounds", "import", str(SAMPLE))
    assert imported.returncode == 0, imported.stderr
    # 434, 432 and 383 are shipped; round 1 (2015) is not.
    assert imported.stdout.splitlines()[0] == "Imported 4 rounds (1 new); distributions for 3."
    again = run_cli(data_dir, "rounds", "import", str(SAMPLE))
    assert "(0 new)" in again.stdout
    listed = run_cli(data_dir, "rounds", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rounds = json.loads(listed.stdout)
    assert len(rounds) == len(builtin_rounds()) + 1
    latest = next(r for r in rounds if r["number"] == 434)
    assert latest["tie_break"] == "2025-10-11T14:55:49Z"
    assert latest["distribution"]["as_on"] == "2026-08-03"
    bands = {b["key"]: b for b in latest["distribution"]["bands"]}
    assert bands["dd18"]["count"] == 229_100 and bands["dd2"]["low"] == 501
    text = run_cli(data_dir, "rounds", "list")
    assert text.stdout.splitlines()[0].split() == [
        "Number",
        "Date",
        "Type",
        "Invited",
        "Cut-off",
        "Tie-break",
        "(UTC)",
        "Distribution",
    ]
    line_434 = next(line for line in text.stdout.splitlines() if line.startswith("434 "))
    assert "transport" in line_434 and "2025-10-11 14:55:49" in line_434
    assert line_434.rstrip().endswith("yes")


def test_a_bad_json_file_exits_2_one_line_per_problem_nothing_stored(
    data_dir: Path, tmp_path: Path
) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["rounds"][0]["drawSize"] = "three hundred"
    del data["rounds"][2]["drawDate"]
    bad = tmp_path / "ee_rounds_123_en.json"
    bad.write_text(json.dumps(data))
    result = run_cli(data_dir, "rounds", "import", str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "draw 434" in lines[0] and "drawSize" in lines[0]
    assert "draw 383" in lines[1] and "drawDate" in lines[1]
    listed = json.loads(run_cli(data_dir, "rounds", "list", "--json").stdout)
    assert len(listed) == len(builtin_rounds())


def test_not_json_not_csv_is_refused(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "rounds.json"
    bad.write_text('{"rounds": [')
    result = run_cli(data_dir, "rounds", "import", str(bad))
    assert result.returncode == 2 and "not a JSON file" in result.stderr


def test_csv_still_imports_and_a_bad_row_stores_nothing(data_dir: Path, tmp_path: Path) -> None:
    good = tmp_path / "rounds.csv"
    good.write_text(
        "number,date,type,name,invited,lowest_score,tie_break\n"
        '900,2026-11-20,general,General,"3,000",499,2026-11-18 10:00:00\n'
    )
    result = run_cli(data_dir, "rounds", "import", str(good))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Imported 1 round (1 new); distributions for 0."
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "number,date,type,name,invited,lowest_score\n"
        "901,2026-11-21,cec,Canadian Experience Class,3000,520\n"
        "902,2026-11-22,cec,Canadian Experience Class,3000,high\n"
    )
    refused = run_cli(data_dir, "rounds", "import", str(bad))
    assert refused.returncode == 2
    assert refused.stderr.strip().startswith("line 3, lowest_score")
    numbers = [
        r["number"] for r in json.loads(run_cli(data_dir, "rounds", "list", "--json").stdout)
    ]
    assert 900 in numbers and 901 not in numbers
