"""The rules data: built-in files, validation, layering of rules files, install and remove."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest
from rules_helpers import celpip_all, foreign, job, profile

from ee_desktop.rules import (
    RulesError,
    evaluate,
    evaluation_to_json,
    install_rules_file,
    installed_rules_files,
    load_rules,
    remove_rules_file,
    validate_rules_file,
)
from ee_desktop.rules.loader import DATA_DIR
from ee_desktop.rules.schema import TABLES

RULES_DIR = Path(__file__).resolve().parents[2] / "src" / "ee_desktop" / "rules"

HEADER = """
[meta]
format = "ee-desktop.rules"
format_version = 1
rules_version = "2027.1"
verified_on = 2027-01-15
title = "Test update"
"""


def write(tmp_path: Path, body: str, name: str = "update.toml") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_builtin_rules_load_and_every_entry_names_a_source() -> None:
    rules = load_rules()
    assert rules.rules_version
    assert rules.verified_on <= date(2026, 11, 24)
    for path in DATA_DIR.glob("*.toml"):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        for group, tables in document.items():
            if group in ("meta", "notices"):
                continue
            for name, entries in tables.items():
                for entry in entries:
                    assert entry["source"].strip(), f"{group}.{name}"
                    assert isinstance(entry["effective_from"], date)


def test_every_known_table_has_an_entry_in_force_today_or_is_optional() -> None:
    tables = load_rules().at(date(2026, 11, 24))
    for table_id in TABLES:
        if not table_id.startswith("language."):
            assert table_id in tables.entries, table_id


def test_builtin_load_is_cached() -> None:
    assert load_rules() is load_rules()


def test_dates_before_the_rules_begin_are_refused() -> None:
    with pytest.raises(RulesError) as error:
        load_rules().at(date(2014, 12, 31))
    assert "crs.age" in str(error.value)


def test_notices_list_the_announced_but_unquantified_changes() -> None:
    notices = {n.id: n for n in load_rules().notices()}
    assert notices["crs-2026-11-03"].effective_from == date(2026, 11, 3)
    assert "high-wage" in notices["crs-2026-consultation"].text


def test_a_score_after_the_verification_date_says_so() -> None:
    file = profile(tests=(celpip_all(9),), education=(foreign("bachelors"),))
    later = evaluate(file, date(2026, 11, 24))
    ids = [n.id for n in later.notices]
    assert ids[0] == "rules-verified-on"
    assert "crs-2026-11-03" in ids
    earlier = evaluate(file, date(2026, 3, 1))
    assert [n.id for n in earlier.notices] == []


# Validation ---------------------------------------------------------------------------------


def test_a_valid_rules_file_has_no_problems(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[[crs.sibling]]
effective_from = 2027-01-01
source = "https://www.canada.ca/example"
points = 10
""",
    )
    assert validate_rules_file(path) == []


def test_a_category_may_say_which_list_it_holds(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[[categories.nurses]]
effective_from = 2027-01-01
source = "https://www.canada.ca/example"
name = "Nurses"
kind = "occupation"
months = 12
occupations = ["31301"]
list_year = 2026
list_published = 2026-02-27
list_confirmed = false
""",
    )
    assert validate_rules_file(path) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "[[crs.sibling]]\neffective_from = 2027-01-01\nsource = 'x'\n",
            "crs.sibling[0]: missing field 'points'",
        ),
        (
            "[[crs.sibling]]\neffective_from = 2027-01-01\nsource = 'x'\npoints = -1\n",
            "crs.sibling[0].points: expected a whole number",
        ),
        (
            "[[crs.sibling]]\neffective_from = '2027-01-01'\nsource = 'x'\npoints = 1\n",
            "crs.sibling[0].effective_from: expected a date",
        ),
        (
            "[[crs.sibling]]\neffective_from = 2027-01-01\nsource = 'x'\npoints = 1\npoint = 2\n",
            "crs.sibling[0]: unknown field 'point'",
        ),
        (
            "[[crs.sibblings]]\neffective_from = 2027-01-01\nsource = 'x'\npoints = 1\n",
            "crs.sibblings: unknown table",
        ),
        (
            "[[crs.age]]\neffective_from = 2027-01-01\nsource = 'x'\n"
            "rows = [[0, 1, 1], [0, 2, 2]]\n",
            "crs.age[0].rows: expected a list of rows",
        ),
        (
            "[[crs.sibling]]\neffective_from = 2027-01-01\nsource = 'x'\npoints = 1\n"
            "[[crs.sibling]]\neffective_from = 2027-06-01\nsource = 'x'\npoints = 2\n",
            "crs.sibling[1].effective_from: periods overlap with crs.sibling[0]",
        ),
        (
            "[[crs.sibling]]\neffective_from = 2027-01-01\neffective_to = 2026-01-01\n"
            "source = 'x'\npoints = 1\n",
            "crs.sibling[0].effective_to: expected a date on or after",
        ),
        (
            "[[language.tef_canada]]\neffective_from = 2027-01-01\nsource = 'x'\n"
            "reading = [[300, 4]]\nwriting = [[300, 4]]\nlistening = [[300, 4]]\n"
            "speaking = [[300, 5], [200, 6]]\n",
            "language.tef_canada[0].speaking: expected a list of rows [minimum score, CLB level]",
        ),
        (
            "[[categories.nurses]]\neffective_from = 2027-01-01\nsource = 'x'\n"
            "name = 'Nurses'\nkind = 'occupation'\noccupations = ['31301']\n",
            "categories.nurses[0]: missing field 'months' (needed for kind 'occupation')",
        ),
        (
            "[[categories.nurses]]\neffective_from = 2027-01-01\nsource = 'x'\nname = 'Nurses'\n"
            "kind = 'occupation'\nmonths = 12\noccupations = ['31301']\nlist_confirmed = false\n",
            "categories.nurses[0]: missing field 'list_year' (needed when list_confirmed = false",
        ),
        (
            "[[categories.nurses]]\neffective_from = 2027-01-01\nsource = 'x'\nname = 'Nurses'\n"
            "kind = 'occupation'\nmonths = 12\noccupations = ['31301']\nlist_year = 2028\n",
            "categories.nurses[0].list_year: expected a year from 2000 to that of effective_from",
        ),
        (
            "[[categories.nurses]]\neffective_from = 2027-01-01\nsource = 'x'\nname = 'Nurses'\n"
            "kind = 'occupation'\nmonths = 12\noccupations = ['31301']\n"
            "list_published = '2026-02-27'\n",
            "categories.nurses[0].list_published: expected a date",
        ),
    ],
)
def test_each_problem_names_the_entry_and_field(tmp_path: Path, body: str, expected: str) -> None:
    problems = validate_rules_file(write(tmp_path, body))
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("update.toml: ") for p in problems)


def test_meta_is_required_in_a_rules_file(tmp_path: Path) -> None:
    path = tmp_path / "bare.toml"
    path.write_text(
        "[[crs.sibling]]\neffective_from = 2027-01-01\nsource = 'x'\npoints = 1\n", encoding="utf-8"
    )
    assert any("missing table [meta]" in p for p in validate_rules_file(path))


def test_broken_toml_is_one_problem_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[meta\n", encoding="utf-8")
    problems = validate_rules_file(path)
    assert len(problems) == 1 and problems[0].startswith("broken.toml: not valid TOML")


def test_an_invalid_file_is_never_loaded(tmp_path: Path) -> None:
    path = write(tmp_path, "[[crs.sibling]]\neffective_from = 2027-01-01\nsource = 'x'\n")
    with pytest.raises(RulesError):
        load_rules([path])


# Layering -----------------------------------------------------------------------------------

UPDATE = """
[[crs.sibling]]
effective_from = 2027-01-01
source = "https://www.canada.ca/example"
points = 10

[[notices]]
id = "crs-2026-11-03"
announced_on = 2026-10-01
title = "Quantified"
text = "Now in the rules."
source = "x"
resolved = true
"""


def test_a_rules_file_applies_only_from_its_dates_and_is_visible(tmp_path: Path) -> None:
    rules = load_rules([write(tmp_path, UPDATE)])
    assert rules.rules_version.endswith("+2027.1")
    assert rules.verified_on == date(2027, 1, 15)
    assert rules.at(date(2026, 12, 1)).sibling == 15
    tables = rules.at(date(2027, 2, 1))
    assert tables.sibling == 10
    assert tables.entries["crs.sibling"].layer == "update.toml"
    file = profile(tests=(celpip_all(9),), sibling=True)
    ev = evaluate(file, date(2027, 2, 1), rules)
    assert ev.crs.sibling == 10
    ids = [n.id for n in ev.notices]
    assert "rules-file:update.toml" in ids
    assert "crs-2026-11-03" not in ids  # resolved by the newer file
    layers = evaluation_to_json(ev)["rules_layers"]
    assert [layer["name"] for layer in layers] == ["built-in", "update.toml"]


def test_the_builtin_data_is_unchanged_by_a_rules_file(tmp_path: Path) -> None:
    load_rules([write(tmp_path, UPDATE)])
    assert load_rules().at(date(2027, 2, 1)).sibling == 15


def test_a_later_file_wins_over_an_earlier_one(tmp_path: Path) -> None:
    first = write(tmp_path, UPDATE, "a.toml")
    second = write(tmp_path, UPDATE.replace("points = 10", "points = 12"), "b.toml")
    assert load_rules([first, second]).at(date(2027, 2, 1)).sibling == 12
    assert load_rules([second, first]).at(date(2027, 2, 1)).sibling == 10


# Install and remove -------------------------------------------------------------------------


def test_install_list_and_remove(tmp_path: Path) -> None:
    rules_dir = tmp_path / "installed"
    source = write(tmp_path, UPDATE)
    target = install_rules_file(source, rules_dir)
    assert target == rules_dir / "update.toml"
    listed = installed_rules_files(rules_dir)
    assert [(f.name, f.rules_version, f.verified_on, f.valid) for f in listed] == [
        ("update.toml", "2027.1", date(2027, 1, 15), True)
    ]
    with pytest.raises(RulesError, match="already installed"):
        install_rules_file(source, rules_dir)
    remove_rules_file("update.toml", rules_dir)
    assert installed_rules_files(rules_dir) == []
    with pytest.raises(RulesError, match="no such installed rules file"):
        remove_rules_file("update.toml", rules_dir)


def test_install_refuses_an_invalid_file(tmp_path: Path) -> None:
    source = write(tmp_path, "[[crs.sibling]]\neffective_from = 2027-01-01\nsource = 'x'\n")
    with pytest.raises(RulesError) as error:
        install_rules_file(source, tmp_path / "installed")
    assert "missing field 'points'" in str(error.value)
    assert not (tmp_path / "installed" / "update.toml").exists()


def test_remove_refuses_paths_outside_the_rules_directory(tmp_path: Path) -> None:
    with pytest.raises(RulesError):
        remove_rules_file("../meta.toml", tmp_path)


def test_installed_files_are_listed_lowest_precedence_first(tmp_path: Path) -> None:
    rules_dir = tmp_path / "installed"
    newer = write(tmp_path, UPDATE, "a.toml")
    older = write(tmp_path, UPDATE, "b.toml")
    older.write_text(older.read_text().replace("2027-01-15", "2026-12-20"))
    install_rules_file(newer, rules_dir)
    install_rules_file(older, rules_dir)
    assert [f.name for f in installed_rules_files(rules_dir)] == ["b.toml", "a.toml"]


def test_a_broken_installed_file_is_listed_with_its_problems(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("[meta\n")
    [found] = installed_rules_files(tmp_path)
    assert not found.valid and found.problems


# Layering rules of the code itself ---------------------------------------------------------


def test_rules_never_import_qt_or_sqlalchemy() -> None:
    code = (
        "import sys, ee_desktop.rules, ee_desktop.rules.output; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')]; "
        "print(bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def test_rules_never_read_the_clock() -> None:
    for path in RULES_DIR.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "today(" not in text and "now(" not in text, path.name


def test_rules_import_only_dated_profile_and_i18n_from_the_app() -> None:
    for path in RULES_DIR.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "import" in line and "ee_desktop." in line:
                module = line.split("ee_desktop.")[1].split()[0].split(".")[0]
                assert module in ("rules", "dated", "profile", "i18n"), (path.name, line)


def test_example_work_history_helper_is_sane() -> None:
    assert job(date(2020, 1, 1)).teer == 1
