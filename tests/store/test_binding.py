"""Each encrypted value is bound to its table, column and row, each vault file to its
attachment record: a value or a file moved elsewhere is detected, and named."""

from __future__ import annotations

import copy
import importlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ee_desktop.paths import backups_dir, database_path
from ee_desktop.profile import decode
from ee_desktop.store import open_store
from ee_desktop.store.crypto import LEGACY_FIELD_CONTEXT, Cipher, field_context
from ee_desktop.store.errors import DamagedDataError
from ee_desktop.store.vault import LEGACY_CONTEXT, Vault, VaultError
from tests.conftest import TODAY, FixedPassphrases

migration = importlib.import_module("ee_desktop.store.migrations.versions.0011_bound_values")


def _two_people_store(data_dir: Path, example_data: dict[str, Any]) -> Any:
    store = open_store(data_dir, FixedPassphrases())
    store.save(decode(example_data, today=TODAY))
    return store


def _sql(data_dir: Path, statement: str, *args: Any) -> list[Any]:
    with sqlite3.connect(database_path(data_dir)) as raw:
        return raw.execute(statement, args).fetchall()


def test_a_value_swapped_between_two_rows_is_detected_and_named(
    data_dir: Path, example_data: dict[str, Any]
) -> None:
    store = _two_people_store(data_dir, example_data)
    (a_id, a_born), (s_id, s_born) = _sql(
        data_dir, "SELECT id, date_of_birth FROM people WHERE role != 'child' ORDER BY id"
    )
    _sql(data_dir, "UPDATE people SET date_of_birth = ? WHERE id = ?", s_born, a_id)
    _sql(data_dir, "UPDATE people SET date_of_birth = ? WHERE id = ?", a_born, s_id)
    with pytest.raises(DamagedDataError) as caught:
        store.load()
    error = caught.value
    assert (error.table, error.column, error.row) == ("people", "date_of_birth", a_id)
    assert f"people.date_of_birth (row {a_id})" in str(error)
    assert str(backups_dir(data_dir)) in str(error)
    store.close()


def test_a_value_swapped_between_two_columns_is_detected_and_named(
    data_dir: Path, example_data: dict[str, Any]
) -> None:
    store = _two_people_store(data_dir, example_data)
    ((row_id, given, family),) = _sql(
        data_dir, "SELECT id, given_names, family_name FROM people WHERE role = 'applicant'"
    )
    _sql(
        data_dir,
        "UPDATE people SET given_names = ?, family_name = ? WHERE id = ?",
        family, given, row_id,
    )  # fmt: skip
    loaded = store.load()  # names can be left out: the rest of the file is used
    assert (loaded.applicant.given_names, loaded.applicant.family_name) == ("", "")
    assert [note.split(". ")[0] for note in store.damage_notes()] == [
        f"Damaged and left out: people.given_names (row {row_id})",
        f"Damaged and left out: people.family_name (row {row_id})",
    ]
    store.close()


def test_a_value_copied_from_another_table_is_detected(data_dir: Path) -> None:
    store = open_store(data_dir, FixedPassphrases())
    store.save_draft({"applicant": {}}, "about", None)
    ((label,),) = _sql(data_dir, "SELECT content FROM drafts")
    store.save_draft({"applicant": {"given_names": "X"}}, "about", None)
    _sql(data_dir, "UPDATE drafts SET content = ?", label)  # an older draft's value, new row
    assert store.draft() is None
    (note,) = store.damage_notes()
    assert "drafts.content" in note
    store.close()


def _attach_two(store: Any, tmp_path: Path) -> tuple[Any, Any]:
    file_id = store.active_id()
    first = store.add_checklist_item(file_id, "passport", {"title": "Passport"})
    second = store.add_checklist_item(file_id, "diploma", {"title": "Diploma"})
    (tmp_path / "passport.pdf").write_bytes(b"%PDF passport")
    (tmp_path / "diploma.pdf").write_bytes(b"%PDF diploma")
    return (
        store.attach(first, tmp_path / "passport.pdf"),
        store.attach(second, tmp_path / "diploma.pdf"),
    )


def test_vault_files_swapped_between_two_attachments_are_detected(
    data_dir: Path, example_data: dict[str, Any], tmp_path: Path
) -> None:
    store = _two_people_store(data_dir, example_data)
    passport, diploma = _attach_two(store, tmp_path)
    assert store.vault.read(passport.vault_name) == b"%PDF passport"
    folder = store.vault.folder
    one, two = folder / passport.vault_name, folder / diploma.vault_name
    first, second = one.read_bytes(), two.read_bytes()
    one.write_bytes(second)
    two.write_bytes(first)
    for attachment in (passport, diploma):
        with pytest.raises(VaultError, match="belongs to another attachment"):
            store.vault.read(attachment.vault_name)
    store.close()


def test_attachment_records_pointed_at_each_other_s_files_are_detected(
    data_dir: Path, example_data: dict[str, Any], tmp_path: Path
) -> None:
    store = _two_people_store(data_dir, example_data)
    passport, diploma = _attach_two(store, tmp_path)
    # Swap which record holds which vault name (the row keys stay with their records).
    _sql(data_dir, "UPDATE attachments SET vault_name = 'x' WHERE id = ?", passport.id)
    _sql(data_dir, "UPDATE attachments SET vault_name = ? WHERE id = ?", passport.vault_name,
         diploma.id)  # fmt: skip
    _sql(data_dir, "UPDATE attachments SET vault_name = ? WHERE id = ?", diploma.vault_name,
         passport.id)  # fmt: skip
    with pytest.raises(VaultError, match="belongs to another attachment"):
        store.vault.read(passport.vault_name)
    store.close()


# -- databases written before values were bound (schema 0010) ---------------------------------
def _unbind(data_dir: Path, cipher: Cipher) -> None:
    """Turn a database at 0011 into what 0010 wrote: values and vault files encrypted without
    their place, no row keys."""
    vault = data_dir / "vault"
    with sqlite3.connect(database_path(data_dir)) as raw:
        for table, columns in migration.SEALED.items():
            listed = ", ".join(columns)
            for rowid, key, *values in raw.execute(f"SELECT rowid, row_key, {listed} FROM {table}"):
                for column, value in zip(columns, values, strict=True):
                    if value is not None:
                        plain = cipher.decrypt(value, field_context(table, column, key))
                        raw.execute(
                            f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                            (cipher.encrypt(plain, LEGACY_FIELD_CONTEXT), rowid),
                        )
                if table == "attachments":
                    (name,) = raw.execute(
                        "SELECT vault_name FROM attachments WHERE rowid = ?", (rowid,)
                    ).fetchone()
                    from ee_desktop.store.crypto import attachment_context

                    plain = cipher.decrypt(
                        (vault / name).read_bytes(), attachment_context(key, name)
                    )
                    (vault / name).write_bytes(cipher.encrypt(plain, LEGACY_CONTEXT))
            raw.execute(f"ALTER TABLE {table} DROP COLUMN row_key")
        raw.execute("ALTER TABLE personal_files DROP COLUMN funds")  # added by 0012
        raw.execute("ALTER TABLE people DROP COLUMN status_in_canada")  # added by 0013
        raw.execute("ALTER TABLE attachments DROP COLUMN other_language")  # added by 0014
        raw.execute("ALTER TABLE attachments DROP COLUMN translation")  # added by 0014
        raw.execute("UPDATE alembic_version SET version_num = '0010'")


def _everything(store: Any) -> dict[str, Any]:
    file_id = store.active_id()
    return {
        "profile": store.load(),
        "files": [(f.id, f.label) for f in store.files()],
        "draft": store.draft().content,
        "checklist": store.checklist(file_id),
        "milestones": store.milestone_records(file_id),
        "deadlines": store.custom_deadlines(file_id),
        "pnp": store.pnp_answers(file_id),
        "attachments": [
            store.vault.read(a.vault_name) for r in store.checklist(file_id) for a in r.attachments
        ],
    }


def test_a_database_from_schema_0010_is_bound_in_one_migration_after_a_backup(
    data_dir: Path, example_data: dict[str, Any], tmp_path: Path
) -> None:
    from datetime import date

    from ee_desktop.profile.milestones import Milestone

    store = _two_people_store(data_dir, example_data)
    other = copy.deepcopy(example_data)
    other["applicant"]["given_names"] = "Ravi"
    store.add(decode(other, today=TODAY), make_active=False)
    file_id = store.active_id()
    store.save_draft({"applicant": {"given_names": "Draft"}}, "about", file_id)
    _attach_two(store, tmp_path)
    store.record_milestone(file_id, Milestone("profile_submitted", date(2026, 1, 2), note="sent"))
    store.add_custom_deadline(file_id, "Police certificate", date(2026, 12, 1), "from India")
    store.set_pnp_answer(file_id, "q1", "yes")
    before = _everything(store)
    cipher = store._sealer.c
    store.close()
    _unbind(data_dir, cipher)
    old_vault = sorted(p.name for p in (data_dir / "vault").iterdir())

    store = open_store(data_dir, FixedPassphrases())
    after = _everything(store)
    names = [a.vault_name for r in after["checklist"] for a in r.attachments]
    # Attachments are stored again under new names, the old files gone.
    assert sorted(p.name for p in (data_dir / "vault").iterdir()) == sorted(names)
    assert not set(names) & set(old_vault)
    for record in (*before["checklist"], *after["checklist"]):
        object.__setattr__(record, "attachments", tuple(a.filename for a in record.attachments))
    assert after == before
    (backup,) = backups_dir(data_dir).glob("*.sqlite3")
    assert "schema0010" in backup.name
    keys = _sql(data_dir, "SELECT row_key FROM people")
    assert all(len(key) == 32 for (key,) in keys)
    store.close()

    # Up to date: a second start changes nothing.
    snapshot = _sql(data_dir, "SELECT row_key, given_names FROM people ORDER BY id")
    open_store(data_dir, FixedPassphrases()).close()
    assert _sql(data_dir, "SELECT row_key, given_names FROM people ORDER BY id") == snapshot


def test_a_failed_binding_migration_keeps_the_old_vault_files(
    data_dir: Path, example_data: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ee_desktop.store import StoreError

    store = _two_people_store(data_dir, example_data)
    _attach_two(store, tmp_path)
    cipher = store._sealer.c
    store.close()
    _unbind(data_dir, cipher)
    old_vault = {p.name: p.read_bytes() for p in (data_dir / "vault").iterdir()}
    old_rows = _sql(data_dir, "SELECT * FROM people")
    written = Vault.write

    def write_once(vault: Vault, data: bytes, record: str) -> str:
        if any(not name.startswith(".") and name not in old_vault
               for name in (p.name for p in vault.folder.iterdir())):  # fmt: skip
            raise OSError(28, "No space left on device")
        return written(vault, data, record)

    monkeypatch.setattr(Vault, "write", write_once)
    with pytest.raises(StoreError, match="No space left"):
        open_store(data_dir, FixedPassphrases())
    assert {p.name: p.read_bytes() for p in (data_dir / "vault").iterdir()} == old_vault
    assert _sql(data_dir, "SELECT version_num FROM alembic_version") == [("0010",)]
    assert _sql(data_dir, "SELECT * FROM people") == old_rows
    monkeypatch.setattr(Vault, "write", written)
    store = open_store(data_dir, FixedPassphrases())
    assert [len(store.vault.read(a.vault_name)) for r in store.checklist(store.active_id())
            for a in r.attachments] == [13, 12]  # fmt: skip
    store.close()
