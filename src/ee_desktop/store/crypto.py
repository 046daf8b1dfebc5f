"""Field encryption: AES-256-GCM with a random data key, and passphrase key derivation."""

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
        except InvalidTag:
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
