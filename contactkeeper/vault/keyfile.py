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
gigabytes or spin for minutes, and must meet the floor (:data:`FLOOR`, RFC 9106's low-memory
profile): a file re-wrapped with weaker settings is refused as possibly tampered with, since
ContactKeeper never writes one (``calibrate`` never goes below the floor).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from contactkeeper.errors import NotAVault, VaultDamaged, VaultTooNew, WrongPassphrase
from contactkeeper.i18n import _, number
from contactkeeper.vault import files, strict_json
from contactkeeper.vault.strict_json import StrictJsonError, b64, canonical

FORMAT = "contactkeeper-key"
VERSION = 1
KEY_BYTES = 32
MAX_FILE_BYTES = 64 * 1024

# RFC 9106 section 4, second recommended option ("low-memory"): t=3, p=4, m=64 MiB.
FLOOR_MEMORY_KIB = 64 * 1024
FLOOR_ITERATIONS = 3
FLOOR_LANES = 4
# Upper bounds checked before deriving with a file's parameters: what calibrate() can make
# (64 MiB, 4 lanes, 3 to 64 passes) with a margin for a later version that uses more memory,
# and never more work than calibrate's slowest (64 passes over 64 MiB: a few seconds). A
# file asking for more was not made by ContactKeeper and is refused before any work.
MAX_MEMORY_KIB = 4 * FLOOR_MEMORY_KIB
MAX_ITERATIONS = 64
MAX_LANES = 8
MAX_WORK = FLOOR_MEMORY_KIB * MAX_ITERATIONS  # memory (KiB) x passes
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
            and self.memory_kib * self.iterations <= MAX_WORK
        )

    def meets_floor(self, floor: KdfParams | None = None) -> bool:
        """At least as strong as ``floor`` in every setting (default: the RFC 9106 floor)."""
        floor = floor or KdfParams(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, FLOOR_LANES)
        return (
            self.memory_kib >= floor.memory_kib
            and self.iterations >= floor.iterations
            and self.lanes >= floor.lanes
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


FLOOR = KdfParams(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, FLOOR_LANES)
_accepted_floor = FLOOR


def accepted_floor() -> KdfParams:
    """The weakest settings a key file may hold and still be opened."""
    return _accepted_floor


def lower_floor_for_tests(floor: KdfParams | None) -> None:
    """Accept key files as weak as ``floor`` in this process (``None``: the real floor).

    For the test suite only (``tests/conftest.py``), whose vaults use cheap settings so
    that it runs in minutes. Nothing in ContactKeeper calls it; no file, setting or
    environment variable reaches it, so a real program always has :data:`FLOOR`.
    """
    global _accepted_floor
    _accepted_floor = floor or FLOOR


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Parameters that take about ``target_seconds`` here, never below the RFC 9106 floor."""
    floor = FLOOR
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
            raise VaultDamaged("key file", _("the wrapped key has the wrong length"))
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
                "salt": b64(self.salt),
            },
        }

    def _associated_data(self) -> bytes:
        header = self._header()
        header["wrap"] = {"aead": "aes-256-gcm", "nonce": b64(self.nonce)}
        return canonical(header)

    def to_bytes(self) -> bytes:
        body = self._header()
        body["wrap"] = {
            "aead": "aes-256-gcm",
            "nonce": b64(self.nonce),
            "ciphertext": b64(self.ciphertext),
        }
        body["checksum"] = hashlib.sha256(canonical(body)).hexdigest()
        return json.dumps(body, indent=2, sort_keys=True).encode("ascii") + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes, where: object = "key file") -> KeyFile:
        """Parse a key file strictly: exactly the fields of version 1, each of its one type
        and within its range, or one :class:`VaultDamaged` (or :class:`NotAVault`, for
        something that is no key file at all) saying what is wrong. Nothing here derives
        a key, so a hostile file costs nothing to refuse."""
        if len(data) > MAX_FILE_BYTES:
            raise NotAVault(where, _("its key file is far too large"))
        try:
            body = strict_json.loads(data)
        except StrictJsonError as exc:
            if data.lstrip()[:1] == b"{":
                raise VaultDamaged("key file", exc.reason) from None
            raise NotAVault(where, _("its key file is not a ContactKeeper key file")) from None
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise NotAVault(where, _("its key file is not a ContactKeeper key file"))
        version = body.get("version")
        if type(version) is int and version > VERSION:
            raise VaultTooNew(_("key file version {version}").format(version=version))
        checksum = body.pop("checksum", None)
        if checksum != hashlib.sha256(canonical(body)).hexdigest():
            raise VaultDamaged("key file", _("its checksum does not match its contents"))
        if type(version) is not int or version != VERSION:
            raise VaultDamaged("key file", _("its version field is not valid"))
        return cls._from_fields(body)

    @classmethod
    def _from_fields(cls, body: dict[str, Any]) -> KeyFile:
        _fields(body, _FIELDS, "")
        kdf_body = _fields(body["kdf"], _KDF_FIELDS, "kdf.")
        wrap_body = _fields(body["wrap"], _WRAP_FIELDS, "wrap.")
        if kdf_body["name"] != "argon2id" or wrap_body["aead"] != "aes-256-gcm":
            raise VaultDamaged("key file", _("it names an unknown algorithm"))
        vault_id = body["vault_id"]
        if not isinstance(vault_id, str) or not _VAULT_ID.fullmatch(vault_id):
            raise VaultDamaged("key file", _("its vault id is malformed"))
        kdf = KdfParams(
            _whole(kdf_body, "memory_kib"),
            _whole(kdf_body, "iterations"),
            _whole(kdf_body, "lanes"),
        )
        if not kdf.within_bounds():
            raise VaultDamaged("key file", _("its key-derivation settings are out of range"))
        if not kdf.meets_floor(_accepted_floor):
            raise VaultDamaged(
                "key file",
                _(
                    "its key-derivation settings (Argon2id, {memory} KiB, {passes} passes, "
                    "{lanes} lanes) are weaker than ContactKeeper ever writes, so it may "
                    "have been tampered with to make the passphrase easier to guess"
                ).format(
                    memory=number(kdf.memory_kib),
                    passes=number(kdf.iterations),
                    lanes=number(kdf.lanes),
                ),
            )
        salt = _bytes(kdf_body, "salt")
        nonce = _bytes(wrap_body, "nonce")
        ciphertext = _bytes(wrap_body, "ciphertext")
        if not 16 <= len(salt) <= 64 or len(nonce) != 12:
            raise VaultDamaged("key file", _("its salt or nonce has the wrong length"))
        if len(ciphertext) != KEY_BYTES + 16:
            raise VaultDamaged("key file", _("its wrapped key has the wrong length"))
        return cls(vault_id=vault_id, kdf=kdf, salt=salt, nonce=nonce, ciphertext=ciphertext)

    # -- files ------------------------------------------------------------------------

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        """Read and parse the key file ``path``, never following a link nor waiting on a
        pipe, and never reading more than a key file can hold."""
        try:
            data = files.read_plain_file(path, MAX_FILE_BYTES)
        except FileNotFoundError:
            raise NotAVault(path.parent, _("it has no key file (vault.key)")) from None
        except files.UnsafeFile as exc:
            if exc.too_large:
                raise NotAVault(path.parent, _("its key file is far too large")) from None
            raise VaultDamaged("key file", exc.reason) from None
        return cls.from_bytes(data, path.parent)

    def write(self, path: Path) -> None:
        """Replace ``path`` atomically: old or new key file, never neither."""
        files.write_atomic(path, self.to_bytes())


def new_db_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _fields(value: object, expected: frozenset[str], prefix: str) -> dict[str, Any]:
    """``value`` as an object with exactly the fields ``expected``, or a clear refusal."""
    if not isinstance(value, dict):
        raise VaultDamaged(
            "key file", _("its field {name} is not an object").format(name=repr(prefix.rstrip(".")))
        )
    missing = sorted(expected - value.keys())
    if missing:
        raise VaultDamaged(
            "key file", _("the field {name} is missing").format(name=prefix + missing[0])
        )
    unknown = sorted(value.keys() - expected)
    if unknown:
        raise VaultDamaged(
            "key file", _("it has an unknown field {name}").format(name=prefix + unknown[0])
        )
    return value


def _whole(body: dict[str, Any], name: str) -> int:
    value = body[name]
    if type(value) is not int:  # not a bool, a float, a string
        raise VaultDamaged(
            "key file", _("its setting {name} is not a whole number").format(name=name)
        )
    return value


def _bytes(body: dict[str, Any], name: str) -> bytes:
    value = body[name]
    try:
        if not isinstance(value, str) or len(value) > 128:
            raise ValueError(name)
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, binascii.Error):
        raise VaultDamaged(
            "key file", _("its field {name} is not valid base64").format(name=name)
        ) from None


_FIELDS = frozenset({"format", "version", "vault_id", "kdf", "wrap"})
_KDF_FIELDS = frozenset({"name", "memory_kib", "iterations", "lanes", "salt"})
_WRAP_FIELDS = frozenset({"aead", "nonce", "ciphertext"})
_VAULT_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


__all__ = [
    "FLOOR",
    "KdfParams",
    "KeyFile",
    "accepted_floor",
    "calibrate",
    "lower_floor_for_tests",
    "new_db_key",
]
