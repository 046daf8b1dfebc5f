"""A damaged encrypted value is named, with where the backups are; the rest of the file is
still used when the value is one it can do without."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ee_desktop.paths import backups_dir, database_path
from ee_desktop.profile import decode
from ee_desktop.store import DamagedDataError, open_store
from tests.cli.helpers import run_cli
from tests.conftest import EXAMPLE, TODAY, FixedPassphrases


def _flip(data_dir: Path, table: str, column: str, where: str = "1") -> int:
    """Flip one bit of ``table.column`` in the first row matching ``where``; its id."""
    with sqlite3.connect(database_path(data_dir)) as raw:
        row_id, blob = raw.execute(
            f"SELECT rowid, {column} FROM {table} WHERE {where} AND {column} IS NOT NULL"
            " ORDER BY rowid LIMIT 1"
        ).fetchone()
        damaged = bytearray(blob)
        damaged[len(damaged) // 2] ^= 0x01
        raw.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (bytes(damaged), row_id))
    return int(row_id)


@pytest.mark.parametrize(
    ("table", "column", "where"),
    [
        ("jobs", "title", "1"),
        ("residences", "from_date", "1"),
        ("people", "family_name", "role = 'spouse'"),
    ],
)
def test_a_damaged_value_the_file_can_do_without_is_left_out_and_named(
    data_dir: Path, example_data: dict[str, Any], table: str, column: str, where: str
) -> None:
    data = dict(example_data)
    data["applicant"] = dict(data["applicant"])
    data["applicant"]["residence_history"] = [
        {"country": "IN", "from": "1996-04-12", "to": "2019-12-31"},
        {"country": "AE", "from": "2020-01-01", "to": None},
    ]
    profile = decode(data, today=TODAY)
    store = open_store(data_dir, FixedPassphrases())
    store.save(profile)
    row = _flip(data_dir, table, column, where)
    loaded = store.load()
    assert loaded is not None
    assert loaded.applicant.date_of_birth == profile.applicant.date_of_birth
    (note,) = store.damage_notes()
    assert f"Damaged and left out: {table}.{column} (row {row})" in note
    assert str(backups_dir(data_dir)) in note
    if table == "residences":
        assert loaded.applicant.residence_history == profile.applicant.residence_history[1:]
    store.close()


def test_a_damaged_essential_value_is_a_clear_error(
    data_dir: Path, example_data: dict[str, Any]
) -> None:
    store = open_store(data_dir, FixedPassphrases())
    store.save(decode(example_data, today=TODAY))
    row = _flip(data_dir, "people", "date_of_birth", "role = 'applicant'")
    with pytest.raises(DamagedDataError, match=rf"people\.date_of_birth \(row {row}\)"):
        store.load()
    store.close()


def test_the_command_names_a_damaged_essential_value_and_exits_2(data_dir: Path) -> None:
    assert run_cli(data_dir, "import", str(EXAMPLE)).returncode == 0
    row = _flip(data_dir, "people", "date_of_birth", "role = 'applicant'")
    result = run_cli(data_dir, "export")
    assert result.returncode == 2, result.stderr
    assert f"people.date_of_birth (row {row})" in result.stderr
    assert "backups" in result.stderr and "Unexpected" not in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [("kdf_iterations", "three"), ("kdf_salt", "%%%"), ("kdf_memory_kib", "1")],
)
def test_damaged_key_derivation_settings_are_named_exit_2(
    data_dir: Path, name: str, value: str
) -> None:
    assert run_cli(data_dir, "import", str(EXAMPLE)).returncode == 0
    with sqlite3.connect(database_path(data_dir)) as raw:
        raw.execute("UPDATE store_meta SET value = ? WHERE key = ?", (value, name))
    result = run_cli(data_dir, "files")
    assert result.returncode == 2, result.stderr
    assert "key-derivation settings" in result.stderr and "Unexpected" not in result.stderr
    if name != "kdf_memory_kib":
        assert name in result.stderr
    assert str(backups_dir(data_dir)) in result.stderr


def test_export_and_score_go_on_without_the_damaged_value_and_name_it(
    data_dir: Path, example_data: dict[str, Any]
) -> None:
    assert run_cli(data_dir, "import", str(EXAMPLE)).returncode == 0
    row = _flip(data_dir, "jobs", "title")
    for command in (["export"], ["score"], ["checklist"]):
        done = run_cli(data_dir, *command)
        assert done.returncode == 0, (command, done.stderr)
        assert f"Damaged and left out: jobs.title (row {row})" in done.stderr, command
        assert "backups" in done.stderr and "Unexpected" not in done.stderr
    exported = run_cli(data_dir, "export").stdout
    assert '"employer": "Acme Ltd"' in exported  # the rest of the job is still there


def test_the_app_names_damaged_values_once_at_start(
    qtbot: Any, data_dir: Path, example_data: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ee_desktop.gui import tell_damage

    store = open_store(data_dir, FixedPassphrases())
    store.save(decode(example_data, today=TODAY))
    assert not tell_damage(store, None)
    row = _flip(data_dir, "jobs", "title")
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append(box.text() + box.informativeText()) or 0
    )
    assert store.load() is not None
    assert tell_damage(store, None)
    assert shown and "damaged and was left out" in shown[0]
    assert f"jobs.title (row {row})" in shown[0]
    store.close()


def test_a_value_too_short_to_be_encrypted_is_damage_not_a_crash(
    data_dir: Path, example_data: dict[str, Any]
) -> None:
    store = open_store(data_dir, FixedPassphrases())
    store.save(decode(example_data, today=TODAY))
    with sqlite3.connect(database_path(data_dir)) as raw:
        raw.execute("UPDATE jobs SET title = x'00' WHERE rowid = 1")
    assert store.load() is not None
    assert any("jobs.title" in note for note in store.damage_notes())
    store.close()
