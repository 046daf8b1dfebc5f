"""Field encryption: AES-256-GCM with a random data key, and passphrase key derivation.

Every stored value is bound to where it belongs: the AEAD associated data names its table,
its column and its row (``field_context``), and an attached file's names its attachment
record (``attachment_context``). A value copied or swapped into another row or column, or a
vault file swapped with another, no longer decrypts. Rows are named by their ``row_key``, a
random value each row with encrypted columns receives when it is created (see models.py):
the integer ids are only given by SQLite on insert, after the values were encrypted, while
the row key is known from the start and never changes.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

KEY_BYTES = 32
_NONCE_BYTES = 12
_FIELD_CONTEXT = b"ee-desktop field v1"
_WRAP_CONTEXT = b"ee-desktop key wrap v1"
_BOUND_FIELD = b"ee-desktop field v2"
_BOUND_ATTACHMENT = b"ee-desktop attachment v2"
LEGACY_FIELD_CONTEXT = _FIELD_CONTEXT  # values written before schema 0011 (unbound)


def field_context(table: str, column: str, row_key: str) -> bytes:
    """The associated data of a value stored in ``table.column`` of the row ``row_key``."""
    return b"\0".join((_BOUND_FIELD, table.encode(), column.encode(), row_key.encode()))


def attachment_context(row_key: str, vault_name: str) -> bytes:
    """The associated data of the vault file ``vault_name`` of the attachment record
    ``row_key``."""
    return b"\0".join((_BOUND_ATTACHMENT, row_key.encode(), vault_name.encode()))


class DecryptionError(Exception):
    """The key does not open this data (wrong key or altered data)."""


class Cipher:
    """Encrypts and decrypts short values; every value gets its own random nonce."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("the data key must be 32 bytes")
        self._aead = AESGCM(key)

    def encrypt(self, plaintext: bytes, context: bytes = _FIELD_CONTEXT) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plaintext, context)

    def decrypt(self, blob: bytes, context: bytes = _FIELD_CONTEXT) -> bytes:
        try:
            return self._aead.decrypt(blob[:_NONCE_BYTES], blob[_NONCE_BYTES:], context)
        except (InvalidTag, ValueError):  # ValueError: too short to hold a nonce and a tag
            raise DecryptionError from None

    def encrypt_text(self, text: str | None) -> bytes | None:
        return None if text is None else self.encrypt(text.encode("utf-8"))

    def decrypt_text(self, blob: bytes | None) -> str | None:
        return None if blob is None else self.decrypt(blob).decode("utf-8")


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id settings, stored beside the wrapped key so they can be raised later."""

    salt: bytes
    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 64 * 1024  # memory-hard: 64 MiB per guess

    @classmethod
    def fresh(cls) -> KdfParams:
        return cls(salt=os.urandom(16))


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    """The wrapping key for ``passphrase``; NFC-normalised, so the same passphrase typed on
    systems that compose accents differently gives the same key."""
    kdf = Argon2id(
        salt=params.salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


def wrap_key(data_key: bytes, wrapping_key: bytes) -> bytes:
    return Cipher(wrapping_key).encrypt(data_key, _WRAP_CONTEXT)


def unwrap_key(wrapped: bytes, wrapping_key: bytes) -> bytes:
    return Cipher(wrapping_key).decrypt(wrapped, _WRAP_CONTEXT)
