"""The encrypted store: round trips, several files, settings, keys, crashes, migrations."""

from __future__ import annotations

import copy
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from ee_desktop.paths import backups_dir, database_path
from ee_desktop.profile import decode
from ee_desktop.store import (
    KeyUnavailableError,
    NewerDatabaseError,
    PassphraseRequiredError,
    WrongPassphraseError,
    open_store,
)
from ee_desktop.store import database as database_module
from tests.conftest import REPO, TODAY, FixedPassphrases, MemoryKeyring


@pytest.fixture
def profile(example_data: dict[str, Any]):  # type: ignore[no-untyped-def]
    return decode(example_data, today=TODAY)


def _everything(example: dict[str, Any]) -> dict[str, Any]:
    """The example with every optional section filled in."""
    data = copy.deepcopy(example)
    a = data["applicant"]
    a["passport"] = {
        "number": "P1234567",
        "country": "IN",
        "issued_on": "2020-01-02",
        "expires_on": "2030-01-01",
    }
    a["residence_history"] = [
        {"country": "IN", "from": "1996-04-12", "to": "2019-12-31"},
        {"country": "AE", "from": "2020-01-01", "to": None},
    ]
    a["certificate_of_qualification"] = {
        "province": "ON",
        "trade": "Electrician",
        "issued_on": "2024-01-01",
    }
    a["provincial_nomination"] = {
        "province": "NS",
        "stream": "Labour Market Priorities",
        "nominated_on": "2026-01-05",
    }
    a["job_offer"] = {
        "noc_code": "21232",
        "employer": "Maple Inc",
        "start_on": "2024-05-01",
        "lmia_exempt_or_approved": True,
    }
    a["education"].append(
        {
            "level": "masters",
            "program_length_years": 2,
            "full_time": True,
            "country": "CA",
            "institution": "UBC",
            "field": "Data science",
            "completed_on": "2021-05-01",
            "eca": None,
        }
    )
    data["spouse"]["language_tests"] = [
        {
            "test": "tef_canada",
            "taken_on": "2025-01-01",
            "registration_number": "TEF-9",
            "listening": 400,
            "reading": 350,
            "writing": 380,
            "speaking": 420,
        }
    ]
    data["children"][0].update({"given_names": "Mira", "family_name": "Rao"})
    data["first_official_language"] = "english"
    return data  # fmt: skip


def test_save_and_load_round_trip(data_dir: Path, example_data: dict[str, Any]) -> None:
    full = decode(_everything(example_data), today=TODAY)
    store = open_store(data_dir, FixedPassphrases())
    store.save(full)
    store.close()
    reopened = open_store(data_dir, FixedPassphrases())
    assert reopened.load() == full
    reopened.close()


def test_save_replaces_content_of_active_file(
    data_dir: Path, example_data: dict[str, Any], profile
) -> None:  # type: ignore[no-untyped-def]
    store = open_store(data_dir, FixedPassphrases())
    first = store.save(profile)
    changed = copy.deepcopy(example_data)
    changed["applicant"]["work_history"] = []
    second = store.save(decode(changed, today=TODAY))
    assert first == second
    assert store.load().applicant.work_history == ()  # type: ignore[union-attr]
    with sqlite3.connect(database_path(data_dir)) as raw:
        assert raw.execute("SELECT count(*) FROM jobs").fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM people").fetchone() == (3,)
    store.close()


def test_several_files_one_active(data_dir: Path, example_data: dict[str, Any], profile) -> None:  # type: ignore[no-untyped-def]
    store = open_store(data_dir, FixedPassphrases())
    assert store.load() is None and store.files() == []
    asha = store.save(profile)
    partner_data = copy.deepcopy(example_data)
    partner_data["applicant"]["given_names"] = "Ravi"
    ravi = store.add(decode(partner_data, today=TODAY))
    assert [(f.label, f.is_active) for f in store.files()] == [
        ("Asha Rao", False),
        ("Ravi Rao", True),
    ]
    assert store.load().applicant.given_names == "Ravi"  # type: ignore[union-attr]
    store.set_active(asha)
    assert store.active_id() == asha
    assert store.load(ravi).applicant.given_names == "Ravi"  # type: ignore[union-attr]
    store.delete(asha)
    assert store.active_id() == ravi
    with pytest.raises(KeyError):
        store.set_active(999)
    store.close()


def test_settings_persist(data_dir: Path) -> None:
    store = open_store(data_dir, FixedPassphrases())
    assert store.setting("window", "default") == "default"
    store.set_setting("window", {"w": 800})
    store.set_setting("window", {"w": 900})
    store.close()
    store = open_store(data_dir, FixedPassphrases())
    assert store.setting("window") == {"w": 900}
    store.close()


def test_sqlite_uses_wal_and_foreign_keys(data_dir: Path) -> None:
    store = open_store(data_dir, FixedPassphrases())
    with store._engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    store.close()


# -- keys ------------------------------------------------------------------------
def test_keyring_mode_keeps_key_out_of_the_database(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = open_store(data_dir, FixedPassphrases())
    assert store.key_mode == "keyring"
    store.close()
    (((service, _user), key),) = memory_keyring.secrets.items()
    assert service == "ee-desktop"
    with sqlite3.connect(database_path(data_dir)) as raw:
        meta = dict(raw.execute("SELECT key, value FROM store_meta").fetchall())
    assert "wrapped_key" not in meta and key not in meta.values()


def test_missing_keyring_entry_is_a_clear_error(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    open_store(data_dir, FixedPassphrases()).close()
    memory_keyring.secrets.clear()
    with pytest.raises(KeyUnavailableError, match="system keyring"):
        open_store(data_dir, FixedPassphrases())


def test_passphrase_mode_without_keyring(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, profile
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("EE_DESKTOP_NO_KEYRING", "1")
    passphrases = FixedPassphrases("a long passphrase")
    store = open_store(data_dir, passphrases)
    assert store.key_mode == "passphrase"
    store.save(profile)
    store.close()
    assert open_store(data_dir, FixedPassphrases("a long passphrase")).load() == profile


def test_wrong_passphrase_leaves_database_untouched(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, profile
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("EE_DESKTOP_NO_KEYRING", "1")
    store = open_store(data_dir, FixedPassphrases("a long passphrase"))
    store.save(profile)
    store.close()
    path = database_path(data_dir)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(WrongPassphraseError, match="nothing in it was changed"):
        open_store(data_dir, FixedPassphrases("not the passphrase"))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert open_store(data_dir, FixedPassphrases("a long passphrase")).load() == profile


def test_short_or_absent_passphrase_is_refused(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EE_DESKTOP_NO_KEYRING", "1")
    with pytest.raises(PassphraseRequiredError, match="at least 8"):
        open_store(data_dir, FixedPassphrases("short"))
    with pytest.raises(PassphraseRequiredError, match="EE_DESKTOP_PASSPHRASE"):
        open_store(data_dir, FixedPassphrases(""))


MARKERS = {
    ("applicant", "given_names"): "MKgivenQ1", ("applicant", "family_name"): "MKfamilyQ2",
    ("spouse", "given_names"): "MKspouseQ3", ("spouse", "family_name"): "MKspfamQ4",
}  # fmt: skip


def test_database_file_reveals_no_personal_field(
    data_dir: Path, example_data: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EE_DESKTOP_NO_KEYRING", "1")
    data = _everything(example_data)
    a, s = data["applicant"], data["spouse"]
    markers = {
        "given": "MKgivenQ1",
        "family": "MKfamilyQ2",
        "sgiven": "MKspouseQ3",
        "sfamily": "MKspfamQ4",
        "institution": "MKinstQ5",
        "field": "MKfieldQ6",
        "eca": "MKecaQ7",
        "reg": "MKregQ8",
        "title": "MKtitleQ9",
        "employer": "MKemplQ10",
        "passport": "MKpassQ11",
        "trade": "MKtradeQ12",
        "stream": "MKstreamQ13",
        "offer": "MKofferQ14",
        "sreg": "MKsregQ15",
        "child": "MKchildQ16",
        "childfam": "MKchfamQ17",
    }
    a.update(given_names=markers["given"], family_name=markers["family"])
    s.update(given_names=markers["sgiven"], family_name=markers["sfamily"])
    a["education"][0].update(institution=markers["institution"], field=markers["field"])
    a["education"][0]["eca"]["reference"] = markers["eca"]
    a["language_tests"][0]["registration_number"] = markers["reg"]
    a["work_history"][0].update(title=markers["title"], employer=markers["employer"])
    a["passport"]["number"] = markers["passport"]
    a["certificate_of_qualification"]["trade"] = markers["trade"]
    a["provincial_nomination"]["stream"] = markers["stream"]
    a["job_offer"]["employer"] = markers["offer"]
    s["language_tests"][0]["registration_number"] = markers["sreg"]
    data["children"][0].update(given_names=markers["child"], family_name=markers["childfam"])
    profile = decode(data, today=TODAY)
    store = open_store(data_dir, FixedPassphrases())
    store.save(profile)
    # Also a backup, as a migration would take one.
    database_module.backup_database(store.path, backups_dir(data_dir), "test")
    assert store.load() == profile
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files) or files
    sensitive = list(markers.values()) + [
        "1996-04-12",
        "1995-01-03",
        "2022-03-01",
        "25000",
        "a long passphrase",
    ]
    for path in files:
        content = path.read_bytes()
        for marker in sensitive:
            assert marker.encode() not in content, (marker, path.name)
            assert marker.encode("utf-16-le") not in content, (marker, path.name)
    store.close()


# -- saving is transactional ------------------------------------------------------
def test_failure_during_save_keeps_previous_save(
    data_dir: Path, example_data: dict[str, Any], profile
) -> None:  # type: ignore[no-untyped-def]
    store = open_store(data_dir, FixedPassphrases())
    store.save(profile)
    changed = copy.deepcopy(example_data)
    changed["applicant"]["given_names"] = "Changed"

    def crash() -> None:
        raise RuntimeError("power cut")

    store.before_commit = crash
    with pytest.raises(RuntimeError):
        store.save(decode(changed, today=TODAY))
    store.before_commit = None
    assert store.load() == profile
    store.close()


KILL_SCRIPT = textwrap.dedent("""
    import copy, json, os, signal, sys
    from datetime import date
    from pathlib import Path
    from ee_desktop.profile import decode
    from ee_desktop.store import open_store

    class P:
        def existing(self): return "a long passphrase"
        def new(self): return "a long passphrase"

    data = json.loads(Path(sys.argv[2]).read_text())
    store = open_store(Path(sys.argv[1]), P())
    store.save(decode(data, today=date(2026, 11, 24)))
    data["applicant"]["given_names"] = "Half-saved"
    data["applicant"]["work_history"] = []
    store.before_commit = lambda: os.kill(os.getpid(), signal.SIGKILL)
    store.save(decode(data, today=date(2026, 11, 24)))
    print("not reached")
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_in_the_middle_of_a_save_keeps_previous_save(
    data_dir: Path,
    profile,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    script = tmp_path / "kill.py"
    script.write_text(KILL_SCRIPT)
    example = REPO / "tests" / "data" / "example-profile.json"
    result = subprocess.run(
        [sys.executable, str(script), str(data_dir), str(example)],
        capture_output=True,
        text=True,
        env={"EE_DESKTOP_NO_KEYRING": "1", "PATH": ""},
        timeout=60,
    )
    assert result.returncode == -9, result.stderr
    assert "not reached" not in result.stdout
    store = open_store(data_dir, FixedPassphrases("a long passphrase"))
    assert store.load() == profile
    store.close()


# -- migrations ---------------------------------------------------------------------
def test_head_revision_constant_matches_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(database_module.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    assert script.get_current_head() == database_module.HEAD_REVISION
    revisions = {r.revision for r in script.walk_revisions()}
    assert revisions == set(database_module.KNOWN_REVISIONS)


def test_migrated_schema_matches_models(data_dir: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from ee_desktop.store.models import Base

    store = open_store(data_dir, FixedPassphrases())
    with store._engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    store.close()


def test_newer_database_is_refused_untouched(data_dir: Path) -> None:
    open_store(data_dir, FixedPassphrases()).close()
    with sqlite3.connect(database_path(data_dir)) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_store(data_dir, FixedPassphrases())


MIGRATION_NOTE = """
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("personal_files") as batch:
        batch.add_column(sa.Column("note", sa.String, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("personal_files") as batch:
        batch.drop_column("note")
"""


HEAD = database_module.HEAD_REVISION
NEXT = f"{int(HEAD) + 1:04d}"


def _add_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """Run the app with one more migration script after the real ones."""
    migrations = tmp_path / "migrations"
    shutil.copytree(database_module.MIGRATIONS_DIR, migrations)
    (migrations / "versions" / f"{NEXT}_extra.py").write_text(
        text.replace("{revision}", NEXT).replace("{down}", HEAD)
    )
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(database_module, "HEAD_REVISION", NEXT)
    monkeypatch.setattr(
        database_module, "KNOWN_REVISIONS", (*database_module.KNOWN_REVISIONS, NEXT)
    )


def test_migration_runs_at_start_after_a_backup(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile
) -> None:  # type: ignore[no-untyped-def]
    store = open_store(data_dir, FixedPassphrases())
    store.save(profile)
    store.close()
    _add_migration(tmp_path, monkeypatch, MIGRATION_NOTE)

    store = open_store(data_dir, FixedPassphrases())
    assert store.load() == profile
    store.close()
    (backup,) = backups_dir(data_dir).glob("*.sqlite3")
    assert f"schema{HEAD}" in backup.name
    with sqlite3.connect(backup) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    with sqlite3.connect(database_path(data_dir)) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (NEXT,)
        columns = [row[1] for row in raw.execute("PRAGMA table_info(personal_files)")]
    assert "note" in columns
    # Up to date now: a second start takes no backup.
    open_store(data_dir, FixedPassphrases()).close()
    assert len(list(backups_dir(data_dir).glob("*.sqlite3"))) == 1


def test_new_database_is_private_to_the_user(data_dir: Path) -> None:
    open_store(data_dir, FixedPassphrases()).close()
    if sys.platform != "win32":
        assert database_path(data_dir).stat().st_mode & 0o077 == 0


def test_database_from_schema_0001_opens_with_its_data(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, profile
) -> None:  # type: ignore[no-untyped-def]
    """A real database written by the first release (passphrase "fixture passphrase")."""
    monkeypatch.setenv("EE_DESKTOP_NO_KEYRING", "1")
    data_dir.mkdir(parents=True)
    shutil.copy(REPO / "tests" / "fixtures" / "db_schema0001.sqlite3", database_path(data_dir))
    store = open_store(data_dir, FixedPassphrases("fixture passphrase"))
    assert store.load() == profile
    assert store.setting("main_window/geometry") == "AdnQywADAAA="
    store.save_draft({"applicant": {}}, "about", None)
    store.close()
    (backup,) = backups_dir(data_dir).glob("*.sqlite3")
    assert "schema0001" in backup.name


# -- drafts -------------------------------------------------------------------------
def test_draft_is_kept_until_finished(data_dir: Path, profile) -> None:  # type: ignore[no-untyped-def]
    store = open_store(data_dir, FixedPassphrases())
    assert store.draft() is None
    store.save_draft({"applicant": {"given_names": "MKdraftQ1"}}, "about", None)
    store.save_draft({"applicant": {"given_names": "Asha"}}, "language", None)
    store.close()
    store = open_store(data_dir, FixedPassphrases())
    draft = store.draft()
    assert draft is not None and (draft.page, draft.file_id) == ("language", None)
    assert draft.content == {"applicant": {"given_names": "Asha"}}
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"MKdraftQ1" not in path.read_bytes() and b"Asha" not in path.read_bytes()
    store.save(profile, finish_draft=True)
    assert store.draft() is None
    store.save_draft({}, "about", store.active_id())
    store.discard_draft()
    assert store.draft() is None
    store.close()


# -- robustness -----------------------------------------------------------------------
def test_wrong_passphrase_leaves_an_old_database_byte_for_byte(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EE_DESKTOP_NO_KEYRING", "1")
    data_dir.mkdir(parents=True)
    path = database_path(data_dir)
    shutil.copy(REPO / "tests" / "fixtures" / "db_schema0001.sqlite3", path)
    before = path.read_bytes()
    with pytest.raises(WrongPassphraseError):
        open_store(data_dir, FixedPassphrases("not the fixture passphrase"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["ee-desktop.sqlite3"]


BROKEN_MIGRATION = """
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("personal_files") as batch:
        batch.add_column(sa.Column("note", sa.String, nullable=True))
    op.create_table("half", sa.Column("id", sa.Integer, primary_key=True))
    raise RuntimeError("disk full")


def downgrade() -> None:
    pass
"""


def test_failed_migration_changes_nothing(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile
) -> None:  # type: ignore[no-untyped-def]
    store = open_store(data_dir, FixedPassphrases())
    store.save(profile)
    store.close()
    _add_migration(tmp_path, monkeypatch, BROKEN_MIGRATION)
    from ee_desktop.store import StoreError

    with pytest.raises(StoreError, match="disk full"):
        open_store(data_dir, FixedPassphrases())
    with sqlite3.connect(database_path(data_dir)) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = [row[1] for row in raw.execute("PRAGMA table_info(personal_files)")]
    assert "half" not in tables and "note" not in columns


def test_damaged_database_is_a_clear_error(data_dir: Path) -> None:
    from ee_desktop.store import StoreError

    data_dir.mkdir(parents=True)
    database_path(data_dir).write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not an ee-desktop database or is damaged"):
        open_store(data_dir, FixedPassphrases())


def test_passphrase_is_unicode_normalised(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EE_DESKTOP_NO_KEYRING", "1")
    composed, decomposed = "café crème brûlée", "cafe\u0301 cre\u0300me bru\u0302le\u0301e"
    open_store(data_dir, FixedPassphrases(composed)).close()
    open_store(data_dir, FixedPassphrases(decomposed)).close()


def test_the_start_removes_crash_leftovers_but_not_a_running_copy_s_open_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ee_desktop.store import vault

    monkeypatch.setattr(vault.tempfile, "tempdir", str(tmp_path))
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    crashed = tmp_path / f"ee-desktop-open-{ended.stdout.strip()}-abc"  # its process ended
    older = tmp_path / "ee-desktop-open-xyz"  # named before folders carried their owner
    running = tmp_path / f"ee-desktop-open-{os.getppid()}-def"  # another copy, still running
    mine = tmp_path / f"ee-desktop-open-{os.getpid()}-ghi"
    for folder in (crashed, older, running, mine):
        folder.mkdir()
        (folder / "passport.pdf").write_bytes(b"%PDF")
    vault.Vault.remove_leftovers()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([running.name, mine.name])
