"""The vault's key file: the database key, wrapped by a key derived from the passphrase.

The file is small, versioned JSON::

    {"format": "contactkeeper-key", "version": 1, "vault_id": "...",
     "kdf": {"name": "argon2id", "memory_kib": ..., "iterations": ..., "lanes": ...,
             "salt": "<base64>"},
     "wrap": {"aead": "aes-256-gcm", "nonce": "<base64>", "ciphertext": "<base64>"},
     "checksum": "<sha256 hex of everything above>"}

Two checks keep "wrong passphrase" apart from "damaged file" (SECURITY-NOTES pitfall 21):
the unkeyed ``checksum`` catches damage before any key derivation runs, and the AES-GCM tag
(with the header as associated data) fails only when the passphrase is wrong. The KDF's
parameters are bounded before the KDF runs, so a hostile file cannot make us allocate
gigabytes or spin for hours.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from contactkeeper.errors import NotAVault, VaultDamaged, VaultTooNew, WrongPassphrase
from contactkeeper.vault import files

FORMAT = "contactkeeper-key"
VERSION = 1
KEY_BYTES = 32
MAX_FILE_BYTES = 64 * 1024

# RFC 9106 section 4, second recommended option ("low-memory"): t=3, p=4, m=64 MiB.
FLOOR_MEMORY_KIB = 64 * 1024
FLOOR_ITERATIONS = 3
FLOOR_LANES = 4
# Hard upper bounds checked before deriving with a file's parameters.
MAX_MEMORY_KIB = 2 * 1024 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 16
TARGET_SECONDS = 0.5


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int

    def within_bounds(self) -> bool:
        return (
            8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB
            and 1 <= self.iterations <= MAX_ITERATIONS
            and 1 <= self.lanes <= MAX_LANES
        )

    def meets_floor(self) -> bool:
        return (
            self.memory_kib >= FLOOR_MEMORY_KIB
            and self.iterations >= FLOOR_ITERATIONS
            and self.lanes >= FLOOR_LANES
        )

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        kdf = Argon2id(
            salt=salt,
            length=KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(passphrase.encode("utf-8"))


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Parameters that take about ``target_seconds`` here, never below the RFC 9106 floor."""
    floor = KdfParams(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, FLOOR_LANES)
    started = time.perf_counter()
    floor.derive("calibration", secrets.token_bytes(16))
    elapsed = max(time.perf_counter() - started, 1e-3)
    iterations = math.floor(FLOOR_ITERATIONS * target_seconds / elapsed)
    iterations = min(max(iterations, FLOOR_ITERATIONS), MAX_ITERATIONS)
    return KdfParams(FLOOR_MEMORY_KIB, iterations, FLOOR_LANES)


@dataclass(frozen=True)
class KeyFile:
    vault_id: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes

    # -- making and unwrapping -------------------------------------------------------

    @classmethod
    def wrap(cls, vault_id: str, db_key: bytes, passphrase: str, kdf: KdfParams) -> KeyFile:
        if len(db_key) != KEY_BYTES:
            raise ValueError("the database key must be 32 bytes")
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        draft = cls(vault_id, kdf, salt, nonce, b"")
        kek = kdf.derive(passphrase, salt)
        ciphertext = AESGCM(kek).encrypt(nonce, db_key, draft._associated_data())
        return cls(vault_id, kdf, salt, nonce, ciphertext)

    def unwrap(self, passphrase: str) -> bytes:
        kek = self.kdf.derive(passphrase, self.salt)
        try:
            db_key = AESGCM(kek).decrypt(self.nonce, self.ciphertext, self._associated_data())
        except InvalidTag:
            raise WrongPassphrase() from None
        if len(db_key) != KEY_BYTES:
            raise VaultDamaged("key file", "the wrapped key has the wrong length")
        return db_key

    def rewrap(self, db_key: bytes, passphrase: str, kdf: KdfParams | None = None) -> KeyFile:
        return KeyFile.wrap(self.vault_id, db_key, passphrase, kdf or self.kdf)

    # -- serialisation ----------------------------------------------------------------

    def _header(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "kdf": {
                "name": "argon2id",
                "memory_kib": self.kdf.memory_kib,
                "iterations": self.kdf.iterations,
                "lanes": self.kdf.lanes,
                "salt": _b64(self.salt),
            },
        }

    def _associated_data(self) -> bytes:
        header = self._header()
        header["wrap"] = {"aead": "aes-256-gcm", "nonce": _b64(self.nonce)}
        return _canonical(header)

    def to_bytes(self) -> bytes:
        body = self._header()
        body["wrap"] = {
            "aead": "aes-256-gcm",
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
        }
        body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
        return json.dumps(body, indent=2, sort_keys=True).encode("ascii") + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes, where: object = "key file") -> KeyFile:
        if len(data) > MAX_FILE_BYTES:
            raise NotAVault(where, "its key file is far too large")
        try:
            body = json.loads(data.decode("ascii"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            if data[:1] == b"{":
                raise VaultDamaged("key file", "it is not valid JSON any more") from None
            raise NotAVault(where, "its key file is not a ContactKeeper key file") from None
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise NotAVault(where, "its key file is not a ContactKeeper key file")
        version = body.get("version")
        if isinstance(version, int) and version > VERSION:
            raise VaultTooNew(f"key file version {version}")
        checksum = body.pop("checksum", None)
        if checksum != hashlib.sha256(_canonical(body)).hexdigest():
            raise VaultDamaged("key file", "its checksum does not match its contents")
        if version != VERSION:
            raise VaultDamaged("key file", "its version field is not valid")
        try:
            kdf_body = body["kdf"]
            wrap_body = body["wrap"]
            if kdf_body["name"] != "argon2id" or wrap_body["aead"] != "aes-256-gcm":
                raise VaultDamaged("key file", "it names an unknown algorithm")
            kdf = KdfParams(
                int(kdf_body["memory_kib"]), int(kdf_body["iterations"]), int(kdf_body["lanes"])
            )
            keyfile = cls(
                vault_id=str(body["vault_id"]),
                kdf=kdf,
                salt=_unb64(kdf_body["salt"]),
                nonce=_unb64(wrap_body["nonce"]),
                ciphertext=_unb64(wrap_body["ciphertext"]),
            )
        except (KeyError, TypeError, ValueError, binascii.Error):
            raise VaultDamaged("key file", "a required field is missing or malformed") from None
        if not kdf.within_bounds():
            raise VaultDamaged("key file", "its key-derivation settings are out of range")
        if len(keyfile.salt) < 16 or len(keyfile.nonce) != 12:
            raise VaultDamaged("key file", "its salt or nonce has the wrong length")
        return keyfile

    # -- files ------------------------------------------------------------------------

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise NotAVault(path.parent, "it has no key file (vault.key)") from None
        return cls.from_bytes(data, path.parent)

    def write(self, path: Path) -> None:
        """Replace ``path`` atomically: old or new key file, never neither."""
        files.write_atomic(path, self.to_bytes())


def new_db_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode("ascii")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


__all__ = ["KdfParams", "KeyFile", "calibrate", "new_db_key"]
