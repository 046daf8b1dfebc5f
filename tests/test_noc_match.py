"""Finding the NOC of a job by its duties: the ranking, its explanation, the warnings, and
`ee-desktop noc match`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ee_desktop.cli import main
from ee_desktop.noc.match import (
    LOW_RANK,
    NothingToMatch,
    duty_lines,
    exclusion_sentences,
    match_duties,
    stem,
    tokens,
    warnings,
)

SOFTWARE = """Wrote Python and JavaScript programs for the company's online shop
Tested new features and fixed the bugs customers reported
Wrote the documentation of each new version"""

COOK = """Prepared and cooked meals for the restaurant's lunch and dinner service
Cleaned the kitchen and work areas
Cooked special meals for customers with food allergies"""

COPIED = "Design, write, read, test, and correct code for new software"


def test_stemmer_and_tokens() -> None:
    assert {stem(w) for w in ("coding", "codes", "coded", "code")} == {"cod"}
    assert stem("analyse") == stem("analyze") == stem("analyzed")
    assert tokens("Co-ordinate") == tokens("coordination") == tokens("Coordinator")
    assert tokens("Planning, planned; PLANS!") == ["plan"] * 3
    assert tokens("Wrote") == tokens("write")
    assert tokens("the and of with your") == []
    assert tokens("Gérer") == tokens("gerer")


def test_duty_lines() -> None:
    text = "• Cooked meals\n- Cleaned the kitchen; ordered supplies.\n\n  the of \nServed guests."
    assert duty_lines(text) == [
        "Cooked meals",
        "Cleaned the kitchen",
        "ordered supplies",
        "Served guests",
    ]
    assert duty_lines("Prepared budgets. Reviewed the ledger.") == [
        "Prepared budgets",
        "Reviewed the ledger",
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (SOFTWARE, "21232"),
        (COOK, "63200"),
        ("Drove a tractor-trailer between cities\nInspected the truck before each trip", "73300"),
    ],
)
def test_the_right_unit_group_comes_first(text: str, code: str) -> None:
    result = match_duties(text)
    assert result.ranking[0].code == code
    assert len(result.ranking) == 516
    assert [g.rank for g in result.ranking] == list(range(1, 517))
    scores = [g.score for g in result.ranking]
    assert scores == sorted(scores, reverse=True) and 0 < scores[0] <= 1


def test_explained_duty_by_duty() -> None:
    best = match_duties(SOFTWARE).ranking[0]
    assert best.title == "Software developers and programmers"
    documentation = [m for m in best.matched_duties if m.line.startswith("Wrote the documentation")]
    assert (
        documentation
        and documentation[0].duty == "Write documentation for new and updated software"
    )
    assert all(0.2 <= m.similarity <= 1 for m in best.matched_duties)
    as_json = best.as_json()
    assert set(as_json) == {"code", "title", "score", "matched_duties"}
    assert set(as_json["matched_duties"][0]) == {"line", "duty", "similarity"}  # type: ignore[index]


def test_deterministic() -> None:
    assert match_duties(SOFTWARE) == match_duties(SOFTWARE)


def test_copied_lines_are_flagged_and_own_words_are_not() -> None:
    result = match_duties(SOFTWARE + "\n" + COPIED)
    assert [(c.line, c.code) for c in result.copied] == [(COPIED, "21232")]
    [warning] = warnings(result)
    assert "Line 4" in warning and "describe what you really did" in warning
    assert match_duties(SOFTWARE).copied == ()
    assert match_duties(COOK).copied == ()


def test_a_chosen_code_that_ranks_low_is_warned() -> None:
    result = match_duties(SOFTWARE)
    assert warnings(result, "21232") == []
    cook = result.find("63200")
    assert cook is not None and cook.rank > LOW_RANK
    [warning] = warnings(result, "63200")
    assert "63200" in warning and f"ranks {cook.rank} of 516" in warning


def test_exclusions_say_where_the_work_belongs() -> None:
    sentences = exclusion_sentences("11101")
    assert "If your duties are those of financial planner, your NOC is 11102 (" in sentences[0]
    assert any(
        "21230 (Computer systems developers and programmers)" in s
        for s in exclusion_sentences("21232")
    )
    assert exclusion_sentences("99999") == []


def test_nothing_to_match() -> None:
    with pytest.raises(NothingToMatch):
        match_duties(" \n the and of \n ... ")
    with pytest.raises(ValueError):
        match_duties("cook\n" * 300)


def test_command_text_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["noc", "match", "--text", SOFTWARE, "--noc", "63200"]) == 0
    out = capsys.readouterr().out
    assert "  1. 21232  Software developers and programmers" in out
    assert "Your NOC 63200 (Cooks) ranks" in out and "Warning: Your NOC 63200" in out
    assert "your NOC is 62200" in out  # the cooks' exclusions
    assert "Open Government Licence – Canada" in out
    duties = tmp_path / "duties.txt"
    duties.write_text(COOK + "\n" + COPIED, encoding="utf-8")
    assert main(["noc", "match", "--file", str(duties), "--top", "3", "--json"]) == 0
    captured = capsys.readouterr()
    listed = json.loads(captured.out)
    assert [g["code"] for g in listed][0] == "63200" and len(listed) == 3
    assert set(listed[0]) == {"code", "title", "score", "matched_duties"}
    assert "is the NOC's text (21232)" in captured.err


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        (["--text", "  the of  "], "no duties to match"),
        (["--text", "cook", "--noc", "12"], "--noc: got '12'"),
        (["--file", "missing.txt"], "cannot read the file"),
        (["--file", "latin1.txt"], "expected a UTF-8 text file"),
        (["--text", "cook", "--top", "0"], "expected a number from 1 to 516"),
        (["--text", "cook", "--top", "ten"], "expected a number from 1 to 516"),
        ([], "one of the arguments --text --file is required"),
    ],
)
def test_command_bad_input(
    arguments: list[str],
    problem: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "latin1.txt").write_bytes("Cuisin\xe9 des repas".encode("latin-1"))
    try:
        status = main(["noc", "match", *arguments])
    except SystemExit as exc:  # argparse's own errors
        status = exc.code  # type: ignore[assignment]
    assert status == 2
    err = capsys.readouterr().err
    assert problem in err and "Traceback" not in err
