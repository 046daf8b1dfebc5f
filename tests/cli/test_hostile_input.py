"""Hostile personal files and arguments: exit 2 with one line naming the problem, quickly,
with nothing that splits a line or hides text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from ee_desktop.cli import main
from ee_desktop.profile.problems import Problem, printable
from ee_desktop.profile.reader import LIST_LIMIT, TEXT_LIMIT
from tests.cli.helpers import PASSPHRASE


def _import(tmp_path: Path, data: Any, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    status = main(["import", str(path)])
    return status, capsys.readouterr().err


def test_a_value_nested_985_deep_is_named_not_a_crash(
    tmp_path: Path, example_data: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "[" * 985 + "]" * 985
    text = json.dumps(example_data)
    text = text.replace('"sibling_in_canada": false', f'"sibling_in_canada": {deep}')
    assert deep in text
    status, err = _import(tmp_path, text, capsys)
    assert status == 2, err
    # Depending on the stack left, the parser or the reader stops it: one line either way.
    assert err in (
        "applicant.sibling_in_canada: got [[[[[...]]]]]; expected true or false\n",
        '(file): got "values nested too deeply"; expected valid JSON\n',
    ), err
    nested: list[Any] = []
    inner = nested
    for _level in range(984):
        inner.append([])
        inner = inner[0]
    quoted = Problem("applicant.sibling_in_canada", nested, "true or false")
    assert str(quoted) == "applicant.sibling_in_canada: got [[[[[...]]]]]; expected true or false"


def test_a_ten_megabyte_name_is_refused_at_once(
    tmp_path: Path, example_data: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    example_data["applicant"]["education"][0]["institution"] = "x" * 10_000_000
    started = time.perf_counter()
    status, err = _import(tmp_path, example_data, capsys)
    assert status == 2 and time.perf_counter() - started < 20
    assert f"a text of at most {TEXT_LIMIT} characters" in err
    assert "applicant.education[0].institution" in err and len(err) < 2000


def test_a_list_longer_than_any_life_is_refused(
    tmp_path: Path, example_data: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    job = example_data["applicant"]["work_history"][0]
    example_data["applicant"]["work_history"] = [job] * (LIST_LIMIT + 1)
    status, err = _import(tmp_path, example_data, capsys)
    assert status == 2
    assert f"applicant.work_history: got {LIST_LIMIT + 1}; expected a list of at most" in err


def test_line_separators_and_controls_in_a_value_stay_on_one_line(
    tmp_path: Path, example_data: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    example_data["applicant"]["marital_status"] = "married\u2028second\u2029third\x85\x9b"
    example_data["applicant\u2028extra"] = 1
    status, err = _import(tmp_path, example_data, capsys)
    assert status == 2
    lines = err.splitlines()  # str.splitlines breaks at U+2028, U+2029 and U+0085 too
    assert len(lines) == len(err.split("\n")) - 1 == 2, lines
    assert "married\\u2028second\\u2029third\\u0085\\u009b" in err
    assert "applicant\\u2028extra" in err


def test_printable_escapes_what_would_hide_or_reorder_text() -> None:
    assert printable("plain café") == "plain café"
    assert printable("a\u202eb\x00") == "a\\u202eb\\u0000"
    assert "\\u2066" in str(Problem("x", "\u2066y", "z"))


def test_a_note_that_is_not_utf8_names_the_option(data_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EE_DESKTOP")}
    env.update(
        EE_DESKTOP_NO_KEYRING="1",
        EE_DESKTOP_DATA_DIR=str(data_dir),
        EE_DESKTOP_PASSPHRASE=PASSPHRASE,
    )
    code = "import sys; from ee_desktop.cli import main; sys.exit(main())"
    args = [sys.executable.encode(), b"-c", code.encode()]
    args += [b"milestone", b"invitation", b"2026-11-10", b"--note", b"bad \xff\xfe note"]
    done = subprocess.run(args, capture_output=True, env=env, timeout=120)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, err
    assert err.strip() == "--note: the text is not valid UTF-8; type it again."


def test_a_rules_file_that_is_not_utf8_or_nested_too_deeply_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'[meta]\nrules_version = "caf\xe9"\n')
    assert main(["rules", "install", str(latin)]) == 2
    assert "latin.toml: not valid TOML (not UTF-8 text at byte" in capsys.readouterr().err
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert main(["rules", "install", str(deep)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("deep.toml: not valid TOML") and "Unexpected" not in err


def test_a_rounds_csv_with_a_huge_field_keeps_the_rows_before_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "number,date,type,name,invited,lowest_score,tie_break\n"
        "900,2026-11-20,general,General,3000,499,\n"
        f'901,2026-11-21,general,"{"x" * 200_000}",3000,499,\n'
    )
    path = tmp_path / "rounds.csv"
    path.write_text(text, encoding="utf-8")
    status = main(["rounds", "import", str(path)])
    err = capsys.readouterr().err
    assert status == 2, err
    assert "Line 3: cannot be read as CSV (field larger than field limit" in err
    assert "Unexpected" not in err


def test_a_rounds_json_nested_too_deeply_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ee_rounds_123_en.json"
    path.write_text('{"rounds": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    assert main(["rounds", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "values nested too deeply" in err and "Unexpected" not in err
