"""Hostile input through the same entry points the command line uses.

A personal file is mutated at random (a leaf replaced by a hostile value: dates at and past
the bounds, huge or hidden-character texts, numbers out of range, wrong types, deep
nesting); when `import` would refuse it, the refusal is one line per problem; when it would
accept it, every computing command runs on it and none ends in an unexpected error.
Rules files, rounds files and milestone arguments get the same treatment. CI runs fixed
examples; HYPOTHESIS_PROFILE=explore searches more.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ee_desktop.cli import main
from ee_desktop.profile import decode
from ee_desktop.profile.problems import ProfileError
from tests.conftest import EXAMPLE, TODAY

COMMANDS = (
    ["score"],
    ["checklist"],
    ["deadlines"],
    ["strategy", "--json"],
    ["outlook"],
    ["application"],
    ["history"],
    ["provinces"],
)

HOSTILE_DATES = ["1900-01-01", "2199-12-31", "0001-01-01", "9999-12-31", "2026-02-30", ""]
hostile_leaf = st.one_of(
    st.sampled_from(HOSTILE_DATES),
    st.sampled_from([None, True, -1, 0, 1e308, float("-1e-9"), 10**30, [], {}, [[[[]]]]]),
    st.text(min_size=0, max_size=40),
    st.sampled_from(["x" * 301, "\u2028", "\x00\x85\u202e", "IN", "CA", "21232", "married"]),
)


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))
    else:
        yield path


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> None:
    owner = document
    for key in path[:-1]:
        owner = owner[key]
    owner[path[-1]] = value


EXAMPLE_DATA = json.loads(EXAMPLE.read_text(encoding="utf-8"))
PATHS = list(_leaves(EXAMPLE_DATA))


@st.composite
def mutated_files(draw: st.DrawFn) -> dict[str, Any]:
    document = json.loads(json.dumps(EXAMPLE_DATA))
    for _ in range(draw(st.integers(1, 3))):
        _replace(document, draw(st.sampled_from(PATHS)), draw(hostile_leaf))
    return document


EXTREME_DATES = ["1900-01-01", "1900-01-02", TODAY.isoformat(), "2199-12-31"]
EXTREME_TEXTS = ["é" * 300, "a\u2028b\u202e", "  x  ", "名前"]
TEXT_KEYS = {
    "given_names",
    "family_name",
    "institution",
    "field",
    "employer",
    "title",
    "registration_number",
    "stream",
    "trade",
    "reference",
}


def _value(path: tuple[Any, ...]) -> Any:
    node: Any = EXAMPLE_DATA
    for key in path:
        node = node[key]
    return node


@st.composite
def extreme_files(draw: st.DrawFn) -> dict[str, Any]:
    """Files the format may accept: dates at its bounds, long and odd texts."""
    document = json.loads(json.dumps(EXAMPLE_DATA))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(PATHS))
        value = _value(path)
        if isinstance(value, str) and len(value) == 10 and value[4] == "-":
            _replace(document, path, draw(st.sampled_from(EXTREME_DATES)))
        elif isinstance(value, str) and path[-1] in TEXT_KEYS:
            _replace(document, path, draw(st.sampled_from(EXTREME_TEXTS)))
    return document


def _run(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as stop:  # argparse refuses an option: exit 2 by itself
        return int(stop.code or 0)


@settings(
    max_examples=16,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(document=st.one_of(mutated_files(), extreme_files()))
def test_every_file_import_accepts_works_in_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: dict[str, Any]
) -> None:
    path = tmp_path / "fuzzed.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    try:
        decode(document, today=TODAY)
    except ProfileError as error:
        lines = str(error).split("\n")
        assert all(line and len(line) < 600 for line in lines), lines
        assert all("\u2028" not in line and "\x85" not in line for line in lines)
        return
    capsys.readouterr()
    for command in COMMANDS:
        status = _run(*command, str(path), "--as-of", TODAY.isoformat())
        err = capsys.readouterr().err
        assert status in (0, 2), (command, err)
        assert "Unexpected error" not in err, (command, err)


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(str.encode),
        st.sampled_from(
            [
                b"[meta]\nrules_version = 1\n",
                b"x = " + b"[" * 3000 + b"]" * 3000,
                b'[meta]\nrules_version = "x"\nverified_on = 9999-12-31\n',
            ]
        ),
    )
)
def test_a_hostile_rules_file_is_refused_with_a_named_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: bytes
) -> None:
    path = tmp_path / "hostile.toml"
    path.write_bytes(body)
    status = _run("rules", "install", str(path), "--replace")
    err = capsys.readouterr().err
    assert status in (0, 2), err
    assert "Unexpected error" not in err


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.lists(st.one_of(st.text(max_size=20), st.sampled_from(HOSTILE_DATES)), max_size=8),
        max_size=5,
    ),
    suffix=st.sampled_from([".csv", ".json"]),
)
def test_a_hostile_rounds_file_is_refused_or_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rows: list[list[str]], suffix: str
) -> None:
    header = "number,date,type,name,invited,lowest_score,tie_break"
    if suffix == ".csv":
        body = "\n".join([header, *(",".join(json.dumps(c) for c in row) for row in rows)])
    else:
        body = json.dumps({"rounds": [dict(enumerate(row)) for row in rows]})
    path = tmp_path / f"rounds{suffix}"
    path.write_text(body, encoding="utf-8")
    status = _run("rounds", "import", str(path))
    err = capsys.readouterr().err
    assert status in (0, 2), err
    assert "Unexpected error" not in err


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(["invitation", "aor", "document_request", "nothing", ""]),
    on=st.sampled_from([*HOSTILE_DATES, "2026-11-10"]),
    due=st.one_of(st.none(), st.sampled_from(HOSTILE_DATES)),
    note=st.one_of(st.none(), st.text(max_size=50), st.just("x" * 5000)),
)
def test_hostile_milestone_arguments_are_named(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    on: str,
    due: str | None,
    note: str | None,
) -> None:
    assert _run("import", str(EXAMPLE)) == 0
    args = ["milestone", name, on]
    if due is not None:
        args += ["--due", due]
    if note is not None:
        args += ["--note", note]
    status = _run(*args)
    err = capsys.readouterr().err
    assert status in (0, 2), err
    assert "Unexpected error" not in err
    for command in (["application"], ["deadlines"], ["report", "-o", str(tmp_path / "r.pdf")]):
        capsys.readouterr()
        assert _run(*command) in (0, 2), capsys.readouterr().err


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="a POSIX device")
def test_an_output_to_a_device_writes_to_it_and_never_replaces_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _run("import", str(EXAMPLE)) == 0
    assert _run("report", "-o", "/dev/null") == 0, capsys.readouterr().err
    assert Path("/dev/null").is_char_device()


def test_a_file_at_the_bounds_opens_in_the_app_on_every_tab(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dates at the format's bounds and texts at their limits: every tab draws."""
    from datetime import date

    from PySide6.QtWidgets import QMessageBox

    from ee_desktop.store import open_store
    from ee_desktop.ui.main_window import MainWindow
    from tests.conftest import FixedPassphrases, services_for

    data = json.loads(json.dumps(EXAMPLE_DATA))
    data["applicant"]["given_names"] = "é" * 300
    data["applicant"]["date_of_birth"] = "1900-01-01"
    data["applicant"]["passport"] = {
        "number": "P" * 300,
        "country": "IN",
        "issued_on": "1900-01-02",
        "expires_on": "2199-12-31",
    }
    data["applicant"]["education"][0]["completed_on"] = "1920-01-01"
    data["children"][0]["date_of_birth"] = TODAY.isoformat()
    profile = decode(data, today=TODAY)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)
    store = open_store(tmp_path / "data", FixedPassphrases())
    store.save(profile)
    window = MainWindow.open(services_for(store, lambda: TODAY), lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    tabs = window.home
    assert window.stack.currentWidget() is tabs  # the file is open, not the welcome
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(10)
        assert not tabs.currentWidget().grab().isNull()
    assert date(2199, 12, 31) == store.load().applicant.passport.expires_on  # type: ignore[union-attr]
    store.close()
