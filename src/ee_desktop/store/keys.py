"""The database's data key: kept in the system keyring, or wrapped with a passphrase.

A random 256-bit data key encrypts the personal fields. With a usable system
keyring the key lives there; otherwise the user chooses a passphrase, an
Argon2id key derived from it wraps the data key, and only the wrapped key is
stored. The key is never written to disk in the clear. ``store_meta`` records
which of the two applies, the KDF settings and a check value that tells a
wrong passphrase from a right one before anything is written.
"""

from __future__ import annotations

import base64
import logging
import os
import threading
import unicodedata
import uuid
from pathlib import Path
from typing import Protocol

from ee_desktop.i18n import _
from ee_desktop.store.crypto import (
    Cipher,
    DecryptionError,
    KdfParams,
    derive_key,
    new_key,
    unwrap_key,
    wrap_key,
)
from ee_desktop.store.errors import (
    DamagedDataError,
    InvalidPassphraseError,
    KeyUnavailableError,
    PassphraseRequiredError,
    WrongPassphraseError,
)

log = logging.getLogger(__name__)

KEYRING_SERVICE = "ee-desktop"
NO_KEYRING_ENV = "EE_DESKTOP_NO_KEYRING"
MIN_PASSPHRASE_LENGTH = 8
_CHECK_PLAINTEXT = b"ee-desktop key check"
_keyring_lock = threading.Lock()  # keyring backends are not all thread-safe


class PassphraseSource(Protocol):
    """Asks the user for a passphrase (dialog, prompt or environment)."""

    def existing(self) -> str | None:
        """The passphrase of an existing database, or None when the user gives up."""

    def new(self) -> str | None:
        """A new passphrase chosen by the user, or None when they give up."""


def system_keyring_usable() -> bool:
    """True when the OS keyring stores and returns a secret; any failure means no."""
    if os.environ.get(NO_KEYRING_ENV):
        return False
    try:
        import keyring

        with _keyring_lock:
            backend = keyring.get_keyring()
            if getattr(backend, "priority", 0) < 1:
                return False
            probe = f"probe-{uuid.uuid4().hex}"
            backend.set_password(KEYRING_SERVICE, probe, "ok")
            ok = backend.get_password(KEYRING_SERVICE, probe) == "ok"
            backend.delete_password(KEYRING_SERVICE, probe)
            return ok
    except Exception as exc:  # noqa: BLE001 - any backend failure means "not usable"
        log.info("system keyring not usable: %s", exc)
        return False


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise KeyUnavailableError(_("The stored key for this database is damaged.")) from None


def _keyring_user(database_id: str) -> str:
    return f"database-key-{database_id}"


def set_up_key(
    passphrases: PassphraseSource, use_keyring: bool = True
) -> tuple[bytes, dict[str, str]]:
    """A fresh data key and the metadata to store beside it; ``use_keyring=False`` leaves
    the system keyring alone and wraps the key with a passphrase."""
    key = new_key()
    database_id = uuid.uuid4().hex
    meta = {"database_id": database_id, "key_check": _b64(Cipher(key).encrypt(_CHECK_PLAINTEXT))}
    if use_keyring and system_keyring_usable():
        import keyring

        with _keyring_lock:
            keyring.set_password(KEYRING_SERVICE, _keyring_user(database_id), _b64(key))
        meta["key_mode"] = "keyring"
        return key, meta
    passphrase = passphrases.new()
    if not passphrase:
        raise PassphraseRequiredError(
            _(
                "No system keyring is available, so ee-desktop needs a passphrase to protect your "
                "data. Set EE_DESKTOP_PASSPHRASE or run the command in a terminal to be asked."
            )
        )
    passphrase = check_new_passphrase(passphrase)
    params = KdfParams.fresh()
    meta.update(
        {
            "key_mode": "passphrase",
            "kdf": "argon2id",
            "kdf_salt": _b64(params.salt),
            "kdf_iterations": str(params.iterations),
            "kdf_lanes": str(params.lanes),
            "kdf_memory_kib": str(params.memory_kib),
            "wrapped_key": _b64(wrap_key(key, derive_key(passphrase, params))),
        }
    )
    return key, meta


def normalised_passphrase(passphrase: str) -> str:
    """The passphrase in NFC, the form its key is derived from; one that is not valid text
    (bytes that are not UTF-8 reach Python as lone surrogates) is refused."""
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidPassphraseError(
            _(
                "The passphrase is not valid UTF-8 text. Set it again in a UTF-8 terminal or "
                "environment; nothing was changed."
            )
        ) from None
    return unicodedata.normalize("NFC", passphrase)


def passphrase_length(passphrase: str) -> int:
    """How many characters the passphrase has once normalised (NFD "é" is one, not two)."""
    return len(unicodedata.normalize("NFC", passphrase))


def check_new_passphrase(passphrase: str) -> str:
    """The new passphrase, normalised; refused when it is too short or not valid text."""
    passphrase = normalised_passphrase(passphrase)
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InvalidPassphraseError(
            _("The passphrase must have at least {n} characters.").format(n=MIN_PASSPHRASE_LENGTH)
        )
    return passphrase


def _kdf_params(meta: dict[str, str], backups: Path | None) -> KdfParams:
    """The key-derivation settings stored in ``meta``; damaged ones are a DamagedDataError
    naming them."""
    damaged = []
    values: dict[str, int] = {}
    salt = b""
    for name in ("kdf_iterations", "kdf_lanes", "kdf_memory_kib"):
        try:
            values[name] = int(meta[name])
            if values[name] < 1:
                raise ValueError
        except (KeyError, ValueError):
            damaged.append(name)
    try:
        salt = base64.b64decode(meta["kdf_salt"].encode("ascii"), validate=True)
        if len(salt) < 8:
            raise ValueError
    except (KeyError, ValueError, UnicodeEncodeError):
        damaged.insert(0, "kdf_salt")
    if meta.get("kdf", "argon2id") != "argon2id":
        damaged.insert(0, "kdf")
    if damaged:
        raise DamagedDataError(
            _(
                "The key-derivation settings stored in the database are damaged ({names}), so "
                "the passphrase cannot open it. Nothing was changed. Restore a copy of the "
                "database from the backups folder: {backups}"
            ).format(names=", ".join(damaged), backups=backups or "-"),
            "store_meta",
            damaged[0],
            None,
        )
    return KdfParams(
        salt=salt,
        iterations=values["kdf_iterations"],
        lanes=values["kdf_lanes"],
        memory_kib=values["kdf_memory_kib"],
    )


def unlock(
    meta: dict[str, str], passphrases: PassphraseSource, backups: Path | None = None
) -> bytes:
    """The data key for an existing database; raises a StoreError the user can act on
    (``backups``, the backups folder, is named when the key settings are damaged)."""
    if meta.get("key_mode") == "keyring":
        key = _key_from_keyring(meta["database_id"])
    else:
        passphrase = passphrases.existing()
        if not passphrase:
            raise PassphraseRequiredError(
                _(
                    "This database is protected by a passphrase. Set EE_DESKTOP_PASSPHRASE or run "
                    "the command in a terminal to be asked for it."
                )
            )
        passphrase = normalised_passphrase(passphrase)
        params = _kdf_params(meta, backups)
        try:
            wrapping_key = derive_key(passphrase, params)
        except ValueError:  # settings Argon2 refuses (e.g. less memory than lanes need)
            raise _kdf_refused(backups) from None
        try:
            key = unwrap_key(_unb64(meta.get("wrapped_key", "")), wrapping_key)
        except DecryptionError:
            raise WrongPassphraseError(
                _(
                    "The passphrase is wrong. The database was not opened and nothing in it was "
                    "changed."
                )
            ) from None
    try:
        Cipher(key).decrypt(_unb64(meta["key_check"]))
    except (DecryptionError, ValueError):
        raise KeyUnavailableError(_("The key found for this database does not open it.")) from None
    return key


def _kdf_refused(backups: Path | None) -> DamagedDataError:
    return DamagedDataError(
        _(
            "The key-derivation settings stored in the database are damaged (kdf_iterations, "
            "kdf_lanes, kdf_memory_kib), so the passphrase cannot open it. Nothing was changed. "
            "Restore a copy of the database from the backups folder: {backups}"
        ).format(backups=backups or "-"),
        "store_meta",
        "kdf_memory_kib",
        None,
    )


def _key_from_keyring(database_id: str) -> bytes:
    stored: str | None = None
    try:
        import keyring

        with _keyring_lock:
            stored = keyring.get_password(KEYRING_SERVICE, _keyring_user(database_id))
    except Exception as exc:  # noqa: BLE001 - a locked or missing backend
        log.warning("keyring read failed: %s", exc)
    if not stored:
        raise KeyUnavailableError(
            _(
                "The key that protects this database is kept in your system keyring, which did not "
                "return it. Unlock your keyring (or log in to your usual desktop session) and try "
                "again."
            )
        )
    return _unb64(stored)
