"""Attached files, encrypted with the database's key, one file each in ``vault/``.

Each file is bound to its attachment record: the AEAD associated data holds the record's
row key and the file's vault name (crypto.attachment_context), so a file swapped with
another's, or a record pointed at another record's file, no longer opens.

Opening an attachment decrypts it into a private temporary folder; the folder
is removed when the app closes, and leftovers of a crash at the next start.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ee_desktop.i18n import _
from ee_desktop.store.crypto import Cipher, DecryptionError, attachment_context

LEGACY_CONTEXT = b"ee-desktop attachment v1"  # files written before schema 0011 (unbound)
_TEMP_PREFIX = "ee-desktop-open-"
# IRCC takes at most 4 MB per upload; scans kept here may be larger originals.
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


class VaultError(Exception):
    """An attachment cannot be stored or read; the message says why."""


class Vault:
    def __init__(self, folder: Path, cipher: Cipher, record_of: Callable[[str], str]) -> None:
        """``record_of`` gives the row key of the attachment record of a vault name (or
        raises KeyError when there is none)."""
        self.folder = folder
        self._cipher = cipher
        self._record_of = record_of
        self._opened: list[Path] = []

    def put(self, source: Path, record: str) -> tuple[str, int]:
        """Encrypt ``source`` into the vault for the attachment record ``record`` (its row
        key); returns its vault name and its size."""
        try:
            if not source.is_file():
                raise VaultError(_("{name}: not a regular file").format(name=source.name))
            with source.open("rb") as handle:  # bounded: never more than the limit in memory
                data = handle.read(MAX_ATTACHMENT_BYTES + 1)
        except OSError as exc:
            raise VaultError(f"{source.name}: {exc.strerror or exc}") from None
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise VaultError(
                _("{name}: larger than {size} MB").format(
                    name=source.name, size=MAX_ATTACHMENT_BYTES // 2**20
                )
            )
        try:
            name = self.write(data, record)
        except OSError as exc:
            raise VaultError(
                _("{name}: cannot be stored ({reason})").format(
                    name=source.name, reason=exc.strerror or exc
                )
            ) from None
        return name, len(data)

    def write(self, data: bytes, record: str) -> str:
        """Store ``data`` encrypted for ``record`` under a new name (written in full under a
        temporary name first); raises OSError."""
        name = secrets.token_hex(16)
        # Named with this process's id: a leftover of a kill is removed at the next start,
        # the file another running copy is writing is not (remove_partial_files).
        temporary = self.folder / f".{name}-{os.getpid()}.part"
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(self._cipher.encrypt(data, attachment_context(record, name)))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.folder / name)
        except OSError:
            temporary.unlink(missing_ok=True)
            raise
        return name

    def read(self, name: str) -> bytes:
        try:
            record = self._record_of(name)
        except KeyError:
            raise VaultError(
                _("{name}: no attachment record refers to this file").format(name=name)
            ) from None
        try:
            blob = (self.folder / name).read_bytes()
        except OSError as exc:
            raise VaultError(f"{name}: {exc.strerror or exc}") from None
        try:
            return self._cipher.decrypt(blob, attachment_context(record, name))
        except DecryptionError:
            raise VaultError(
                _(
                    "{name}: the stored file is damaged, or it belongs to another attachment. "
                    "Attach the document again."
                ).format(name=name)
            ) from None

    def open_copy(self, name: str, filename: str) -> Path:
        """A decrypted copy in a private temporary folder, to open with another program."""
        content = self.read(name)
        try:
            # Created 0700; named with this process's id so that another running copy of
            # the app leaves it alone (remove_leftovers).
            folder = Path(tempfile.mkdtemp(prefix=f"{_TEMP_PREFIX}{os.getpid()}-"))
            self._opened.append(folder)
            target = folder / (Path(filename).name or "attachment")
            fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(content)
        except OSError as exc:
            raise VaultError(
                _("{name}: cannot be opened ({reason})").format(
                    name=filename, reason=exc.strerror or exc
                )
            ) from None
        return target

    def delete(self, name: str) -> None:
        (self.folder / name).unlink(missing_ok=True)

    def close(self) -> None:
        """Remove the decrypted copies opened in this session."""
        for folder in self._opened:
            shutil.rmtree(folder, ignore_errors=True)
        self._opened.clear()

    def remove_partial_files(self) -> None:
        """Files half written by a copy of the app that was killed while attaching (those
        of a copy still running stay); the stored files are left alone."""
        try:
            partial = [p for p in self.folder.glob(".*.part") if p.is_file()]
        except OSError:
            return
        for file in partial:
            owner = file.name[1 : -len(".part")].rpartition("-")[2]
            if owner.isdigit() and _running(int(owner)):
                continue
            try:
                file.unlink(missing_ok=True)
            except OSError:
                continue

    @staticmethod
    def remove_leftovers() -> None:
        """Decrypted copies left by a session that crashed; those of a copy of the app
        still running (another window, another start) stay."""
        root = Path(tempfile.gettempdir())
        uid = os.getuid() if hasattr(os, "getuid") else None  # Windows temp is per user
        for folder in root.glob(_TEMP_PREFIX + "*"):
            owner = folder.name[len(_TEMP_PREFIX) :].partition("-")[0]
            if owner.isdigit() and _running(int(owner)):
                continue
            try:
                if folder.is_dir() and (uid is None or folder.stat().st_uid == uid):
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                continue


def _running(pid: int) -> bool:
    """Whether a process with this id exists (an id reused since keeps a leftover, never
    the other way round)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            still_active = 259
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and (
                code.value == still_active
            )
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OSError:
        return False
    return True
