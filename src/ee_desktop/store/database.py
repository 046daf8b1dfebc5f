"""The SQLite database: connection settings, schema migrations and backups."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError

from ee_desktop.i18n import _
from ee_desktop.store.errors import NewerDatabaseError, StoreError

if TYPE_CHECKING:
    from ee_desktop.store.crypto import Cipher

log = logging.getLogger(__name__)

# The newest migration in store/migrations/versions (a test keeps the two in step).
HEAD_REVISION = "0014"
KNOWN_REVISIONS = (
    "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011",
    "0012", "0013", "0014",
)  # fmt: skip
BACKUPS_KEPT = 10
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def make_engine(path: Path) -> Engine:
    # isolation_level=None stops the sqlite3 module from managing transactions itself (it
    # would leave DDL outside them); the "begin" hook below opens every transaction, so a
    # migration or a save is all or nothing.
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "isolation_level": None},
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")  # a committed save survives a power cut
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def read_meta_readonly(path: Path) -> dict[str, str]:
    """The key metadata, read without writing anything (not even the journal mode)."""
    if not path.exists() or path.stat().st_size == 0:
        return {}
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(unreadable_message(path, exc)) from None
    try:
        rows = conn.execute("SELECT key, value FROM store_meta").fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return {}
        raise StoreError(unreadable_message(path, exc)) from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(unreadable_message(path, exc)) from None
    finally:
        conn.close()
    return {key: value for key, value in rows}


def unreadable_message(path: Path, exc: Exception) -> str:
    return _(
        "{path} is not an ee-desktop database or is damaged ({error}). Nothing was changed; "
        "copies taken before updates are in its backups folder."
    ).format(path=path, error=exc)


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:
        return None  # a new, empty database


def write_meta(engine: Engine, meta: dict[str, str]) -> None:
    with engine.begin() as conn:
        for key, value in meta.items():
            conn.execute(
                text("INSERT OR REPLACE INTO store_meta (key, value) VALUES (:k, :v)"),
                {"k": key, "v": value},
            )


def migrate(engine: Engine, path: Path, backups: Path, cipher: Cipher | None = None) -> Path | None:
    """Bring the schema to HEAD_REVISION; back the file up first when it holds data.

    ``cipher`` opens the existing data (a migration may encrypt it again, as 0011 does); a
    new database has none. Returns the backup's path when one was taken. Alembic is
    imported only when there is work to do, so an up-to-date start stays fast.
    """
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerDatabaseError(
            _(
                "This database was written by a newer version of ee-desktop (schema {revision}). "
                "Install the newer version to open it; nothing was changed."
            ).format(revision=revision)
        )
    backup = backup_database(path, backups, revision) if revision is not None else None
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["cipher"] = cipher
    config.attributes["vault"] = path.parent / "vault"
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, HEAD_REVISION)
    except Exception as exc:
        _remove(config.attributes.get("new_files", ()))  # files written for the rolled-back data
        raise StoreError(
            _(
                "Updating the database failed ({error}). A copy taken before the update is in "
                "{backup}."
            ).format(error=exc, backup=backup or "-")
        ) from exc
    _remove(config.attributes.get("obsolete_files", ()))  # replaced by the committed data
    log.info("database migrated from %s to %s", revision, HEAD_REVISION)
    return backup


def _remove(files: Iterable[Path]) -> None:
    for file in files:
        try:
            file.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot remove %s: %s", file, exc)


def backup_database(path: Path, backups: Path, label: str) -> Path:
    """A consistent copy of the database (WAL included) through SQLite's backup API."""
    backups.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backups / f"{path.stem}-schema{label}-{stamp}.sqlite3"
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    _prune(backups, path.stem)
    return target


def _prune(backups: Path, stem: str) -> None:
    copies = sorted(backups.glob(f"{stem}-schema*.sqlite3"), key=lambda p: p.stat().st_mtime)
    old = copies[:-BACKUPS_KEPT]
    for stale in old:
        stale.unlink(missing_ok=True)
