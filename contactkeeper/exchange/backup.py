"""Encrypted backups: the age file format around a one-time-keyed SQLCipher copy of the vault.

A backup is an age file (https://age-encryption.org/v1, through ``pyrage``), encrypted
either to a passphrase (age's scrypt recipient) or to one or more X25519 public keys. The
decrypted payload is an uncompressed POSIX tar holding, in this order:

``manifest.json``
    format, format version, vault id, schema revision, app version, creation time, counts
    per record kind, the SHA-256, size and page size of the database image, and the
    one-time key;
``vault.db``
    a SQLCipher 4 copy of the vault (``sqlcipher_export``) keyed with a fresh random
    256-bit raw key that exists only inside the manifest.

So the vault's records never exist in plaintext on disk: the copy is made under the
one-time key, in a private temporary folder, and only the encrypted age file leaves it.
``docs/backup-format.md`` says how to recover the data with the ``age`` and ``sqlcipher``
tools alone.

Writing goes to ``NAME.partial`` beside the final name, is synced, read back and fully
verified, and only then renamed to a name that did not exist (never over an earlier
backup). Each database image is checked once: the copy gets both integrity checks (and the
foreign-key check) while it is sealed and written, and the read-back decrypts the whole file
(age authenticates every chunk) and compares the payload's SHA-256 with that of the
payload just sealed, which proves the file holds exactly the checked bytes. Verifying and
restoring check everything before touching any vault; restoring builds a new vault beside
the old one in a hidden folder while the backup's image is checked, runs both checks once
on the new vault, and swaps it in only when every check has passed, keeping the old one
as ``<name>.pre-restore``.

Only :class:`~contactkeeper.errors.BackupError` subclasses escape the reading side (and
:class:`~contactkeeper.errors.DiskFull`/``OSError`` for the disk being written to).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import ctypes
import ctypes.util
import errno
import hashlib
import io
import json
import os
import re
import secrets
import shutil
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage  # type: ignore[import-untyped]
import sqlcipher3

from contactkeeper import __version__
from contactkeeper.errors import (
    BackupDamaged,
    BackupError,
    BackupExists,
    BackupIncomplete,
    BackupTooNew,
    BackupWrongPassphrase,
    DiskFull,
)
from contactkeeper.vault import (
    DB_NAME,
    KEY_NAME,
    Vault,
    check_passphrase,
    files,
    inventory,
    is_vault,
    passphrases,
    pre_restore_path,
    schema,
)
from contactkeeper.vault import connection as database
from contactkeeper.vault.keyfile import KdfParams, KeyFile, calibrate, new_db_key
from contactkeeper.vault.locations import user_data_dir
from contactkeeper.vault.model import Setting

FORMAT = "contactkeeper-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DATABASE_NAME = "vault.db"
SUFFIX = ".age"
PARTIAL_SUFFIX = ".partial"

# age (https://age-encryption.org/v1): header, then a 16-byte nonce and 64 KiB chunks,
# each followed by a 16-byte Poly1305 tag.
AGE_VERSION_LINE = b"age-encryption.org/v1\n"
AGE_PREFIX = b"age-encryption.org/"
CHUNK = 64 * 1024
TAG = 16
NONCE = 16
# Bounds checked before any decryption runs: a hostile file is refused at once.
MAX_HEADER_BYTES = 64 * 1024
MAX_STANZAS = 128
MAX_STANZA_BODY = 4096
MAX_ARGUMENT_CHARS = 256
# The passphrase recipient's scrypt work factor is 2**N; Go age refuses N > 22 by default.
MAX_SCRYPT_LOG2 = 22
MAX_BACKUP_BYTES = 16 * 1024**3
MAX_MANIFEST_BYTES = 1024 * 1024
# The database copy's SQLCipher page size. A vault of at most SMALL_VAULT_BYTES is copied
# with 1 KiB pages: its some 80 tables and indexes take at least a page each, so a nearly
# empty vault's backup is about 110 KB instead of 340 KB (and the demo vault's 550 KB
# instead of 750 KB). Larger vaults keep SQLCipher's default 4 KiB pages: with 80 bytes of
# IV and HMAC per page, 1 KiB pages make a 28 MB vault's backup 8 % larger and its backup
# and verification 40 to 60 % slower. The manifest records the size used; a manifest
# without one (the first backups) means 4 KiB. 512-byte pages leave SQLite too little room
# beside SQLCipher's reserve and are not used.
DEFAULT_PAGE_SIZE = 4096
SMALL_PAGE_SIZE = 1024
SMALL_VAULT_BYTES = 4 * 1024 * 1024
# What SQLCipher can open with its default per-page reserve (IV and HMAC-SHA512).
PAGE_SIZES = frozenset(1 << n for n in range(10, 17))
# The tar is made of 512-byte blocks and never a whole number of age chunks (see _pack),
# so a complete file's last chunk is a multiple of 512 bytes plus its tag.
BLOCK = 512
# The page cache of the connection that runs SQLite's integrity_check on a copy, in KiB
# (negative, as SQLite takes it). The check looks up every row in every index; a cache
# smaller than the copy makes SQLCipher decrypt the same pages again and again (on the
# 485 MB benchmark vault: 8.5 s with the usual 32 MiB, 5.7 s with this). Pages are
# allocated as they are read, so a copy never takes more than its own size; 1 GiB.
CHECK_CACHE_KIB = -1048576

ProgressFn = Callable[[int, int], None]

_HEX64 = re.compile(r"[0-9a-f]{64}")
_B64_CHARS = re.compile(rb"[A-Za-z0-9+/]*")
_ARG_CHARS = re.compile(rb"[\x21-\x7e]+")


@dataclass(frozen=True)
class BackupReport:
    """What a verified backup holds (never the records themselves, never its key)."""

    path: str
    format_version: int
    vault_id: str
    schema_revision: str
    app_version: str
    created_at: datetime
    counts: dict[str, int]
    database_bytes: int
    encrypted_to: str  # "passphrase" or "recipients"


@dataclass(frozen=True)
class _Manifest:
    format_version: int
    vault_id: str
    schema_revision: str
    app_version: str
    created_at: datetime
    counts: dict[str, int]
    database_sha256: str
    database_bytes: int
    database_key: str
    database_page_size: int = DEFAULT_PAGE_SIZE

    def to_json(self) -> bytes:
        body = {
            "format": FORMAT,
            "format_version": self.format_version,
            "vault_id": self.vault_id,
            "schema_revision": self.schema_revision,
            "app_version": self.app_version,
            "created_at": self.created_at.isoformat(),
            "counts": self.counts,
            "database": {
                "name": DATABASE_NAME,
                "bytes": self.database_bytes,
                "sha256": self.database_sha256,
                "cipher": "sqlcipher4",
                "key": self.database_key,
                "page_size": self.database_page_size,
            },
        }
        return json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> _Manifest:
        try:
            body = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise BackupDamaged("its manifest is not valid JSON") from None
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise BackupDamaged("it holds no ContactKeeper manifest")
        version = body.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise BackupDamaged("its manifest has no valid format version")
        if version > FORMAT_VERSION:
            raise BackupTooNew(f"backup format {version}")
        try:
            db = body["database"]
            counts = body["counts"]
            created = datetime.fromisoformat(_str(body["created_at"]))
            manifest = cls(
                format_version=version,
                vault_id=_str(body["vault_id"]),
                schema_revision=_str(body["schema_revision"]),
                app_version=_str(body["app_version"]),
                created_at=created if created.tzinfo else created.replace(tzinfo=UTC),
                counts={_str(k): _count(v) for k, v in counts.items()},
                database_sha256=_str(db["sha256"]),
                database_bytes=_count(db["bytes"]),
                database_key=_str(db["key"]),
                database_page_size=_count(db.get("page_size", DEFAULT_PAGE_SIZE)),
            )
            name, cipher = db["name"], db["cipher"]
        except (KeyError, TypeError, ValueError, AttributeError):
            raise BackupDamaged("its manifest lacks a field or has a malformed one") from None
        if (
            name != DATABASE_NAME
            or cipher != "sqlcipher4"
            or manifest.database_page_size not in PAGE_SIZES
        ):
            raise BackupDamaged("its manifest names an unknown database layout")
        if not (
            _HEX64.fullmatch(manifest.database_key) and _HEX64.fullmatch(manifest.database_sha256)
        ):
            raise BackupDamaged("its manifest's key or checksum is malformed")
        return manifest


def _str(value: object) -> str:
    if not isinstance(value, str) or len(value) > 1000:
        raise TypeError("expected short text")
    return value


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError("expected a count")
    return value


# -- names -------------------------------------------------------------------------------


def default_name(now: datetime) -> str:
    """A neutral file name (no vault name, no app name: it may be seen at a border)."""
    return f"backup-{now.astimezone(UTC):%Y%m%d-%H%M%S}{SUFFIX}"


def partial_path(path: Path) -> Path:
    return path.with_name(path.name + PARTIAL_SUFFIX)


def remove_stale_partials(folder: Path) -> list[Path]:
    """Delete ``*.age.partial`` files an interrupted backup left in ``folder``."""
    removed = []
    for leftover in Path(folder).glob(f"*{SUFFIX}{PARTIAL_SUFFIX}"):
        leftover.unlink(missing_ok=True)
        removed.append(leftover)
    return removed


# -- keys --------------------------------------------------------------------------------


def new_identity() -> tuple[str, str]:
    """A new X25519 key pair as ``(identity, recipient)`` strings (``AGE-SECRET-KEY-1...``)."""
    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


def parse_identities(text: str) -> list[str]:
    """The identities of an age identity file (``#`` comments and blank lines skipped)."""
    found = []
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            _identity(line)
            found.append(line)
    if not found:
        raise BackupError("That identity file holds no age identity (AGE-SECRET-KEY-1...).")
    return found


def read_identity_file(path: Path) -> list[str]:
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        raise BackupError(f"The identity file {path} cannot be read.") from None
    return parse_identities(text)


def _identity(text: str) -> Any:
    try:
        return pyrage.x25519.Identity.from_str(text.strip())
    except Exception:
        raise BackupError(
            "That is not an age identity: it should start with AGE-SECRET-KEY-1."
        ) from None


def _recipient(text: str) -> Any:
    try:
        return pyrage.x25519.Recipient.from_str(text.strip())
    except Exception:
        raise BackupError(
            f"{text.strip()[:80]!r} is not an age public key: it should start with age1."
        ) from None


# -- creating ----------------------------------------------------------------------------


def create_backup(
    vault: Vault,
    destination: Path,
    *,
    passphrase: str | None = None,
    recipients: Sequence[str] = (),
    progress: ProgressFn | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> BackupReport:
    """Write a verified backup of ``vault`` to the new file ``destination``.

    Encrypted to ``passphrase`` or to ``recipients`` (age public keys), not both (age keeps
    passphrase files to a single recipient). A weak passphrase is refused
    (:class:`~contactkeeper.errors.WeakPassphrase`). ``destination`` must not exist yet.
    """
    destination = Path(destination).absolute()
    if (passphrase is None) == (not recipients):
        raise BackupError("Give either a backup passphrase or one or more recipients' keys.")
    if passphrase is not None:
        passphrases.check(passphrase, what="backup passphrase")
    keys = [_recipient(r) for r in recipients]
    if destination.exists():
        raise BackupExists(destination)
    if not destination.parent.is_dir():
        raise BackupError(f"The folder {destination.parent} does not exist.")
    tick = _Progress(progress)
    created_at = now().astimezone(UTC)
    partial = partial_path(destination)
    with _private_temp(vault.path.parent, "backup") as temp:
        image = temp / DATABASE_NAME
        key_hex = secrets.token_hex(32)
        page_size = _export(vault, image, key_hex)
        size = image.stat().st_size
        tick.total = 4 * size + 4
        revision = _revision(image, key_hex, page_size)
        counts = _counts(image, key_hex, page_size)
        tick.advance(size)
        # The copy is checked once (both integrity checks and the foreign keys), on another
        # connection while it is sealed, written and read back; the backup gets its final
        # name only when the checks have passed and the file on the device decrypts to
        # exactly the payload that holds these checked bytes.
        with ThreadPoolExecutor(max_workers=1) as pool:
            checks = pool.submit(_run_checks, image, key_hex, page_size)
            try:
                data = image.read_bytes()
                manifest = _Manifest(
                    format_version=FORMAT_VERSION,
                    vault_id=vault.vault_id,
                    schema_revision=revision or "",
                    app_version=__version__,
                    created_at=created_at,
                    counts=counts,
                    database_sha256=hashlib.sha256(data).hexdigest(),
                    database_bytes=len(data),
                    database_key=key_hex,
                    database_page_size=page_size,
                )
                payload = _pack(manifest, data)
                del data
                payload_sha256 = hashlib.sha256(payload).digest()
                # A one-time identity lets us decrypt-verify a recipients' backup after
                # writing it; its secret half is forgotten when this function returns.
                checker: Any = pyrage.x25519.Identity.generate() if keys else None
                try:
                    if passphrase is not None:
                        sealed = bytes(pyrage.passphrase.encrypt(payload, passphrase))
                    else:
                        sealed = bytes(pyrage.encrypt(payload, [*keys, checker.to_public()]))
                except Exception:
                    raise BackupError("The backup could not be encrypted.") from None
                del payload
                tick.advance(size)
                _write_new(partial, sealed, tick, size)
                del sealed
                try:
                    scheme = _read_back(
                        partial,
                        payload_sha256,
                        passphrase=passphrase,
                        identities=[str(checker)] if checker is not None else (),
                    )
                except BackupError as exc:
                    raise BackupError(
                        f"The backup written to {destination.parent} did not read back "
                        f"correctly ({exc}) and was removed; the device may be failing. Try "
                        "another one."
                    ) from None
                try:
                    checks.result()
                except BackupDamaged:
                    raise BackupError(
                        "The copy of the vault made for this backup fails its integrity "
                        "checks; no backup was written. Run the vault's integrity check."
                    ) from None
                _rename_new(partial, destination)
                files.fsync_dir(destination.parent)
            except BaseException as exc:
                _remove_quietly(partial)
                if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
                    raise DiskFull(destination) from None
                raise
    tick.finish()
    _record_last_backup(vault, created_at)
    return _report(destination, manifest, scheme)


def _read_back(
    path: Path, payload_sha256: bytes, passphrase: str | None, identities: Sequence[str]
) -> str:
    """Read the file just written, authenticate and decrypt it whole, and check that it is
    the payload that was sealed (whose database copy was checked before sealing); returns
    the scheme. The same header, length and authentication checks as verifying."""
    payload, scheme = _open_payload(_read_backup(path), passphrase, identities)
    if hashlib.sha256(payload).digest() != payload_sha256:
        raise BackupDamaged("it does not decrypt to what was written")
    return scheme


class _Progress:
    def __init__(self, callback: ProgressFn | None) -> None:
        self.callback = callback
        self.done = 0
        self.total = 1

    def advance(self, amount: int) -> None:
        self.set(self.done + amount)

    def set(self, done: int) -> None:
        self.done = min(max(done, self.done), self.total)
        if self.callback is not None:
            self.callback(self.done, self.total)

    def finish(self) -> None:
        self.set(self.total)


def _write_all(fd: int, data: memoryview) -> int:
    """One write to ``fd`` (a seam for simulating a full disk in tests)."""
    return os.write(fd, data)


def _write_new(path: Path, data: bytes, tick: _Progress, budget: int) -> None:
    """Write ``data`` to the new file ``path`` and sync it to the device."""
    path.unlink(missing_ok=True)  # left by an interrupted earlier attempt
    start = tick.done
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.PRIVATE_FILE)
    try:
        view = memoryview(data)
        written = 0
        while written < len(data):
            step = _write_all(fd, view[written : written + 1024 * 1024])
            if step <= 0:
                raise OSError(errno.EIO, "the device accepted no data")
            written += step
            tick.set(start + budget * written // max(len(data), 1))
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    # If the device is gone, nothing more can be done about the partial file.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _pack(manifest: _Manifest, data: bytes) -> bytes:
    """The payload tar: manifest first, then the database image."""
    buffer = io.BytesIO()
    mtime = int(manifest.created_at.timestamp())
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, content in ((MANIFEST_NAME, manifest.to_json()), (DATABASE_NAME, data)):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            info.mtime = mtime
            info.mode = 0o600
            tar.addfile(info, io.BytesIO(content))
    payload = buffer.getvalue()
    if len(payload) % CHUNK == 0:
        # Keep the last age chunk short, so a cut at a chunk boundary shows in the length.
        payload += bytes(BLOCK)
    return payload


def _record_last_backup(vault: Vault, when: datetime) -> None:
    with vault.transaction() as session:
        session.merge(Setting(key=inventory.LAST_BACKUP, value=when.isoformat()))


# -- the one-time-keyed database copy ------------------------------------------------------


@contextmanager
def _private_temp(near: Path, purpose: str) -> Iterator[Path]:
    """A folder only this user can read, removed afterwards (beside the vault, not /tmp)."""
    base = Path(near)
    if not base.is_dir():
        base = Path(tempfile.gettempdir())
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".contactkeeper-{purpose}-", dir=base))
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(base) from None
        raise
    try:
        os.chmod(folder, files.PRIVATE_DIR)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _sql_failure(exc: Exception, where: Path) -> Exception:
    if "full" in str(exc).lower():
        return DiskFull(where)
    return BackupError(f"The vault could not be copied ({exc}); nothing was changed.")


def _export(vault: Vault, target: Path, key_hex: str) -> int:
    """Copy the vault, as one consistent snapshot, into ``target`` under ``key_hex``.

    Returns the copy's page size: small pages for a small vault (see SMALL_PAGE_SIZE)."""
    assert _HEX64.fullmatch(key_hex)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.PRIVATE_FILE))
    with vault.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        pages = raw.execute("PRAGMA main.page_count").fetchone()[0]
        used = (int(pages) - int(raw.execute("PRAGMA main.freelist_count").fetchone()[0])) * (
            int(raw.execute("PRAGMA main.page_size").fetchone()[0])
        )
        page_size = SMALL_PAGE_SIZE if used <= SMALL_VAULT_BYTES else DEFAULT_PAGE_SIZE
        _attach_and_export(raw, target, key_hex, page_size)
    return page_size


def _attach_and_export(
    raw: Any, target: Path, key_hex: str, page_size: int = DEFAULT_PAGE_SIZE
) -> None:
    """The one place a database is ATTACHed: always with a validated raw key (pitfall 8).

    The copy gets SQLCipher 4's settings with ``page_size``, set explicitly on the attached
    database before anything is written to it (so it never depends on the main one's)."""
    if not _HEX64.fullmatch(key_hex):
        raise ValueError("a raw key is 64 lower-case hex digits")
    if page_size not in PAGE_SIZES:
        raise ValueError("not a page size SQLCipher can use")
    try:
        raw.execute("ATTACH DATABASE ? AS backup_copy KEY ?", (str(target), f"x'{key_hex}'"))
    except sqlcipher3.Error as exc:
        raise _sql_failure(exc, target) from None
    try:
        raw.execute(f"PRAGMA backup_copy.cipher_page_size = {int(page_size)}")
        raw.execute("BEGIN")
        try:
            raw.execute("SELECT sqlcipher_export('backup_copy')").fetchall()
            raw.execute("COMMIT")
        except BaseException:
            raw.execute("ROLLBACK")
            raise
    except sqlcipher3.Error as exc:
        raise _sql_failure(exc, target) from None
    finally:
        raw.execute("DETACH DATABASE backup_copy")


def _connect(image: Path, key_hex: str, page_size: int = DEFAULT_PAGE_SIZE) -> Any:
    try:
        return database.connect(
            image, key_hex, page_size=None if page_size == DEFAULT_PAGE_SIZE else page_size
        )
    except sqlcipher3.Error:
        raise BackupDamaged("the database inside does not open with its key") from None


def _revision(image: Path, key_hex: str, page_size: int = DEFAULT_PAGE_SIZE) -> str | None:
    cx = _connect(image, key_hex, page_size)
    try:
        return schema.read_revision(cx)
    finally:
        cx.close()


def _counts(image: Path, key_hex: str, page_size: int = DEFAULT_PAGE_SIZE) -> dict[str, int]:
    cx = _connect(image, key_hex, page_size)
    try:
        tables = {r[0] for r in cx.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        result = {}
        for name, model in inventory.COUNTED.items():
            table = str(model.__tablename__)
            if table not in tables:
                result[name] = 0
                continue
            query = f'SELECT count(*) FROM "{table}"'  # noqa: S608 (a name from our model)
            result[name] = int(cx.execute(query).fetchone()[0])
        return result
    finally:
        cx.close()


# -- reading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _AgeHeader:
    length: int
    scrypt_log2: int | None  # set for a passphrase file
    stanzas: int


def _parse_header(data: bytes) -> _AgeHeader:
    """Check an age header's structure and bounds, without any cryptography."""
    if not data.startswith(AGE_PREFIX):
        raise BackupDamaged("it is not an age-encrypted file")
    if not data.startswith(AGE_VERSION_LINE):
        version = data[len(AGE_PREFIX) : len(AGE_PREFIX) + 8].split(b"\n")[0]
        if re.fullmatch(rb"v[0-9]{1,4}", version) and int(version[1:]) > 1:
            raise BackupTooNew(f"age format {version.decode('ascii')}")
        raise BackupDamaged("its age version line is not valid")
    end = data.find(b"\n--- ", 0, MAX_HEADER_BYTES)
    if end < 0:
        if len(data) < MAX_HEADER_BYTES:
            raise BackupIncomplete("its header is cut short")
        raise BackupDamaged("its header is malformed or far too long")
    mac_end = data.find(b"\n", end + 5, end + 5 + 64)
    if mac_end < 0:
        raise BackupIncomplete("its header is cut short")
    mac = data[end + 5 : mac_end]
    if len(mac) != 43 or _decode_b64(mac) is None:
        raise BackupDamaged("its header's authentication code is malformed")
    lines = data[len(AGE_VERSION_LINE) : end + 1].split(b"\n")[:-1]
    stanzas: list[tuple[list[bytes], int]] = []
    body = 0
    in_body = False
    for line in lines:
        if line.startswith(b"-> "):
            if in_body:
                raise BackupDamaged("a header entry ends in a full line")
            args = line[3:].split(b" ")
            if any(not _ARG_CHARS.fullmatch(a) or len(a) > MAX_ARGUMENT_CHARS for a in args):
                raise BackupDamaged("a header entry has a malformed argument")
            stanzas.append((args, 0))
            if len(stanzas) > MAX_STANZAS:
                raise BackupDamaged("its header has far too many entries")
            in_body, body = True, 0
        elif in_body:
            if len(line) > 64 or not _B64_CHARS.fullmatch(line):
                raise BackupDamaged("a header entry's body is malformed")
            body += len(line)
            if body > MAX_STANZA_BODY:
                raise BackupDamaged("a header entry is far too long")
            if len(line) < 64:
                in_body = False
            stanzas[-1] = (stanzas[-1][0], body)
        else:
            raise BackupDamaged("its header has a malformed line")
    if in_body or not stanzas:
        raise BackupDamaged("its header is malformed")
    scrypt = [args for args, _ in stanzas if args[0] == b"scrypt"]
    log2: int | None = None
    if scrypt:
        if len(stanzas) != 1 or len(scrypt[0]) != 3:
            raise BackupDamaged("its passphrase entry is malformed")
        salt, factor = scrypt[0][1], scrypt[0][2]
        if not re.fullmatch(rb"[1-9][0-9]{0,2}", factor):
            raise BackupDamaged("its passphrase work factor is malformed")
        log2 = int(factor)
        if log2 > MAX_SCRYPT_LOG2:
            raise BackupDamaged(
                f"it asks for a passphrase work factor of 2^{log2}, above the 2^"
                f"{MAX_SCRYPT_LOG2} that ContactKeeper accepts"
            )
        decoded_salt = _decode_b64(salt)
        if decoded_salt is None or len(decoded_salt) != 16:
            raise BackupDamaged("its passphrase entry's salt is malformed")
    return _AgeHeader(length=mac_end + 1, scrypt_log2=log2, stanzas=len(stanzas))


def _decode_b64(text: bytes) -> bytes | None:
    """age's canonical unpadded base64, or None."""
    if not _B64_CHARS.fullmatch(text) or len(text) % 4 == 1:
        return None
    try:
        decoded = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None
    if base64.b64encode(decoded).rstrip(b"=") != text:
        return None
    return decoded


def _whole_length(total: int, header: _AgeHeader) -> bool:
    """Could ``total`` bytes be a complete backup? Our payloads are whole 512-byte blocks and
    never end on a chunk boundary (see _pack), so the last chunk is n * 512 bytes + a tag."""
    last = (total - header.length - NONCE) % (CHUNK + TAG)
    return last > TAG and (last - TAG) % BLOCK == 0


def _decrypt(
    data: bytes, header: _AgeHeader, passphrase: str | None, identities: Sequence[str]
) -> bytes:
    if header.scrypt_log2 is not None:
        if passphrase is None:
            raise BackupWrongPassphrase("it is protected by a passphrase, not a key")
        try:
            return bytes(pyrage.passphrase.decrypt(data, passphrase))
        except Exception as exc:
            raise _decrypt_failure(exc) from None
    if not identities:
        raise BackupWrongPassphrase("it is encrypted to a key; give the identity file")
    keys = [_identity(i) for i in identities]
    try:
        return bytes(pyrage.decrypt(data, keys))
    except Exception as exc:
        raise _decrypt_failure(exc) from None


def _decrypt_failure(exc: Exception) -> BackupError:
    """Map what age reports: key/MAC failures in the header vs failures in the payload."""
    text = str(exc).lower()
    if "no matching keys" in text or text.startswith("decryption failed"):
        return BackupWrongPassphrase()
    if "header" in text and "mac" in text:
        return BackupDamaged("its header does not match its authentication code")
    if "excessive work" in text or "work factor" in text:
        return BackupDamaged("its passphrase work factor is too high")
    return BackupDamaged("its encrypted content fails authentication")


def _unpack(payload: bytes) -> tuple[_Manifest, memoryview]:
    """The manifest, and the database image as a view into ``payload`` (not a copy: the
    image is most of a payload of hundreds of megabytes)."""
    try:
        with tarfile.open(fileobj=io.BytesIO(payload), mode="r:") as tar:
            members = tar.getmembers()
            if [m.name for m in members] != [MANIFEST_NAME, DATABASE_NAME] or not all(
                m.isreg() for m in members
            ):
                raise BackupDamaged("its contents are not a manifest and a database")
            if members[0].size > MAX_MANIFEST_BYTES:
                raise BackupDamaged("its manifest is far too large")
            parts = []
            for member in members:
                start = member.offset_data
                content = memoryview(payload)[start : start + member.size]
                if len(content) != member.size:
                    raise BackupIncomplete("a file inside it is cut short")
                parts.append(content)
    except (tarfile.TarError, EOFError, OSError, ValueError, UnicodeError):
        raise BackupDamaged("its contents are not a valid archive") from None
    return _Manifest.from_json(bytes(parts[0])), parts[1]


def _check_bytes(image: bytes | memoryview, manifest: _Manifest) -> None:
    """The database image's size and SHA-256 against the manifest."""
    if len(image) != manifest.database_bytes or (
        hashlib.sha256(image).hexdigest() != manifest.database_sha256
    ):
        raise BackupDamaged("its database does not match the checksum in its manifest")


def _check_database(
    image: Path, key_hex: str, page_size: int = DEFAULT_PAGE_SIZE, *, side_by_side: bool = True
) -> tuple[str | None, dict[str, int]]:
    """Both integrity checks and the foreign-key check of a database copy; its schema
    revision and counts."""
    _run_checks(image, key_hex, page_size, side_by_side=side_by_side)
    return _revision(image, key_hex, page_size), _counts(image, key_hex, page_size)


def _run_checks(
    image: Path, key_hex: str, page_size: int = DEFAULT_PAGE_SIZE, *, side_by_side: bool = True
) -> None:
    """SQLCipher's ``cipher_integrity_check``, SQLite's ``integrity_check`` and
    ``foreign_key_check``; BackupDamaged if any finds anything. The page check runs on a
    second connection in a thread beside SQLite's (the driver lets go of the GIL while
    SQLite works), so the two take the time of the longer; ``side_by_side=False`` runs
    them one after the other, for a caller already busy on the other core."""

    def cipher_check() -> list[str]:
        cx = _connect(image, key_hex, page_size)
        try:
            return [r[0] for r in cx.execute("PRAGMA cipher_integrity_check")]
        finally:
            cx.close()

    # Opened first: the first connection to a fresh copy puts it in WAL mode (a write to
    # its header), which must not race with the other connection's reading.
    cx = _connect(image, key_hex, page_size)
    with ThreadPoolExecutor(max_workers=1) as pool:
        if side_by_side:
            cipher_lines = pool.submit(cipher_check)
        try:
            if not side_by_side:
                cipher_lines = pool.submit(cipher_check)
                cipher_lines.exception()  # wait: one check at a time
            cx.execute(f"PRAGMA cache_size = {CHECK_CACHE_KIB}")
            sqlite = [r[0] for r in cx.execute("PRAGMA integrity_check")]
            fks = cx.execute("PRAGMA foreign_key_check").fetchall()
        except sqlcipher3.Error:
            raise BackupDamaged("its database fails the integrity checks") from None
        finally:
            cx.close()
        try:
            cipher = cipher_lines.result()
        except sqlcipher3.Error:
            raise BackupDamaged("its database fails the integrity checks") from None
    if cipher or sqlite != ["ok"] or fks:
        raise BackupDamaged("its database fails the integrity checks")


def _check_image(image: Path, manifest: _Manifest, *, side_by_side: bool = True) -> None:
    """The database copy (its checksum already checked): both integrity checks, foreign
    keys, schema, counts."""
    revision, counts = _check_database(
        image, manifest.database_key, manifest.database_page_size, side_by_side=side_by_side
    )
    if revision != manifest.schema_revision:
        raise BackupDamaged("its database's schema does not match its manifest")
    if not schema.is_known(manifest.schema_revision):
        raise BackupTooNew(f"schema {manifest.schema_revision}")
    # A manifest written before a kind of record existed does not count it: none, then.
    expected = {name: manifest.counts.get(name, 0) for name in counts}
    if set(manifest.counts) - set(counts) or counts != expected:
        raise BackupDamaged("its database does not hold the records its manifest counts")


def _report(path: Path, manifest: _Manifest, encrypted_to: str) -> BackupReport:
    return BackupReport(
        path=str(path),
        format_version=manifest.format_version,
        vault_id=manifest.vault_id,
        schema_revision=manifest.schema_revision,
        app_version=manifest.app_version,
        created_at=manifest.created_at,
        counts=dict(manifest.counts),
        database_bytes=manifest.database_bytes,
        encrypted_to=encrypted_to,
    )


def _read_backup(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BACKUP_BYTES:
            raise BackupDamaged("it is far larger than any backup ContactKeeper makes")
        return path.read_bytes()
    except FileNotFoundError:
        raise BackupError(f"There is no backup at {path}.") from None
    except IsADirectoryError:
        raise BackupError(f"{path} is a folder, not a backup file.") from None
    except OSError as exc:
        raise BackupError(f"The backup {path} cannot be read ({exc.strerror}).") from None


def _open_payload(
    data: bytes, passphrase: str | None, identities: Sequence[str]
) -> tuple[bytes, str]:
    """Check and decrypt a backup held in memory: its payload and scheme."""
    try:
        header = _parse_header(data)
        if len(data) - header.length - NONCE <= TAG:
            raise BackupIncomplete("it ends right after its header")
        try:
            payload = _decrypt(data, header, passphrase, identities)
        except BackupDamaged:
            if not _whole_length(len(data), header):
                raise BackupIncomplete(
                    "its length does not match a whole backup (cut short, or bytes added "
                    "at its end)"
                ) from None
            raise
    except BackupError:
        raise
    except Exception:  # a parser bug must not let a hostile file crash the program
        raise BackupDamaged("it cannot be read") from None
    return payload, "passphrase" if header.scrypt_log2 is not None else "recipients"


def _open(
    data: bytes, passphrase: str | None, identities: Sequence[str]
) -> tuple[_Manifest, memoryview, str]:
    """As :func:`open_backup`, with the image a view into the decrypted payload."""
    payload, scheme = _open_payload(data, passphrase, identities)
    try:
        manifest, image = _unpack(payload)
    except BackupError:
        raise
    except Exception:  # a parser bug must not let a hostile file crash the program
        raise BackupDamaged("it cannot be read") from None
    return manifest, image, scheme


def open_backup(
    data: bytes, passphrase: str | None = None, identities: Sequence[str] = ()
) -> tuple[_Manifest, bytes, str]:
    """Check, decrypt and unpack a backup held in memory: manifest, database image, scheme.

    Every check that needs no database runs here; only BackupError subclasses escape.
    """
    manifest, image, scheme = _open(data, passphrase, identities)
    return manifest, bytes(image), scheme


@contextmanager
def _unsealed(
    path: Path, passphrase: str | None, identities: Sequence[str], near: Path
) -> Iterator[tuple[_Manifest, Path, str]]:
    """Every check of the backup at ``path`` that needs no database, then its image written
    to a private temporary folder (still SQLCipher-encrypted; its key only in memory)."""
    manifest, view, scheme = _open(_read_backup(path), passphrase, identities)
    _check_bytes(view, manifest)
    with _private_temp(near, "verify") as temp:
        image = temp / DATABASE_NAME
        fd = os.open(image, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.PRIVATE_FILE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(view)
        view.release()
        del view
        # Opens with its key (or is damaged), and is in WAL mode before several connections
        # read it at once.
        _connect(image, manifest.database_key, manifest.database_page_size).close()
        yield manifest, image, scheme


@contextmanager
def _verified(
    path: Path, passphrase: str | None, identities: Sequence[str], near: Path
) -> Iterator[tuple[_Manifest, Path, str]]:
    """Verify the backup at ``path`` fully; yield its manifest and the checked image."""
    with _unsealed(path, passphrase, identities, near) as (manifest, image, scheme):
        _check_image(image, manifest)
        yield manifest, image, scheme


def verify_backup(
    path: Path, passphrase: str | None = None, identities: Sequence[str] = ()
) -> BackupReport:
    """Check a backup completely (authenticity, completeness, manifest, both integrity checks).

    No vault is opened or touched; the decrypted (still SQLCipher-encrypted, its key only in
    memory) database copy lives in a private temporary folder in the app's data folder and
    is removed afterwards.
    """
    path = Path(path).absolute()
    with _verified(path, passphrase, identities, _app_data_dir()) as (manifest, _image, scheme):
        return _report(path, manifest, scheme)


def _app_data_dir() -> Path:
    """ContactKeeper's private folder on this computer (a backup's own folder may be a
    read-only or FAT stick where no file can be made private)."""
    path = user_data_dir()
    try:
        files.make_private_dir(path)
    except OSError:
        return Path(tempfile.gettempdir())
    return path


# -- restoring ---------------------------------------------------------------------------


def restore_backup(
    path: Path,
    vault_path: Path,
    passphrase_for_new_vault: str,
    *,
    passphrase: str | None = None,
    identities: Sequence[str] = (),
    kdf: KdfParams | None = None,
    progress: ProgressFn | None = None,
) -> BackupReport:
    """Restore the backup at ``path`` as the vault folder ``vault_path``.

    Everything is verified first. A new vault (new key, new key file under
    ``passphrase_for_new_vault``) is built beside ``vault_path``, migrated if the backup's
    schema is older, checked, then swapped in; an existing vault there is kept as
    ``<name>.pre-restore`` until the user removes it. Close the vault before restoring.
    """
    path = Path(path).absolute()
    vault_path = Path(vault_path).absolute()
    check_passphrase(passphrase_for_new_vault)
    keep = pre_restore_path(vault_path)
    if vault_path.exists() and not is_vault(vault_path) and any(vault_path.iterdir()):
        raise BackupError(
            f"{vault_path} holds files but no vault; choose an empty or new folder, or an "
            "existing vault to replace. Nothing was changed."
        )
    if vault_path.exists() and keep.exists():
        raise BackupError(
            f"{keep} still holds the vault kept by an earlier restore. Move or remove it "
            "first; nothing was changed."
        )
    if not vault_path.parent.is_dir():
        raise BackupError(f"The folder {vault_path.parent} does not exist.")
    tick = _Progress(progress)
    tick.total = 4
    with _unsealed(path, passphrase, identities, vault_path.parent) as (manifest, image, scheme):
        tick.advance(1)
        building = vault_path.with_name(f".{vault_path.name}.restoring-{secrets.token_hex(4)}")
        try:
            # The backup's image is checked in full (both integrity checks, foreign keys,
            # schema, counts) while the new vault is built from it in a hidden folder; the
            # new vault is swapped in only once both have passed. A failed check of the
            # backup is what is reported, even if building failed too.
            with ThreadPoolExecutor(max_workers=1) as pool:
                # One check at a time there: building the new vault is the longer path.
                verified = pool.submit(_check_image, image, manifest, side_by_side=False)
                try:
                    _build_vault(building, image, manifest, passphrase_for_new_vault, kdf)
                except BaseException:
                    failure = verified.exception()
                    if failure is not None:
                        raise failure from None
                    raise
                verified.result()
            tick.advance(2)
            _swap_in(building, vault_path, keep)
        except BaseException as exc:
            shutil.rmtree(building, ignore_errors=True)
            if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFull(vault_path) from None
            raise
    tick.finish()
    return _report(path, manifest, scheme)


def _build_vault(
    folder: Path, image: Path, manifest: _Manifest, passphrase: str, kdf: KdfParams | None
) -> None:
    files.make_private_dir(folder)
    db_key = new_db_key()
    params = kdf or calibrate()  # calibrated alone, never beside other work
    target = folder / DB_NAME
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.PRIVATE_FILE))
    # The key derivation of the new key file runs in a thread while the records are copied.
    with ThreadPoolExecutor(max_workers=1) as pool:
        wrapped = pool.submit(KeyFile.wrap, manifest.vault_id, db_key, passphrase, params)
        source = _connect(image, manifest.database_key, manifest.database_page_size)
        try:  # the new vault gets SQLCipher 4's own page size, whatever the copy's
            _attach_and_export(source, target, db_key.hex(), DEFAULT_PAGE_SIZE)
        finally:
            source.close()
        key_file = wrapped.result()
    key_file.write(folder / KEY_NAME)
    try:
        vault = Vault.open_with_key(folder, db_key, key_file)  # migrates an older schema
    except Exception as exc:
        raise BackupError(
            f"The restored vault does not open ({exc}); nothing was changed."
        ) from None
    try:
        vault.checkpoint()
    finally:
        vault.close()
    try:  # what was restored: both integrity checks and the foreign keys, once
        _run_checks(target, db_key.hex())
    except BackupDamaged:
        raise BackupDamaged("the restored vault fails its integrity checks") from None
    for name in os.listdir(folder):
        with open(folder / name, "rb") as handle:
            os.fsync(handle.fileno())
    files.fsync_dir(folder)


def _swap_in(building: Path, vault_path: Path, keep: Path) -> None:
    """Put the new vault in place; the old one, if any, becomes ``<name>.pre-restore``.

    Where the system can (Linux), the two folders trade places in one atomic step, so the
    vault's path never lacks a whole vault; elsewhere two renames follow each other.
    """
    if not vault_path.exists():
        os.rename(building, vault_path)
    elif _exchange(building, vault_path):
        os.rename(building, keep)  # ``building`` now holds the previous vault
    else:
        os.rename(vault_path, keep)
        try:
            os.rename(building, vault_path)
        except BaseException:
            os.rename(keep, vault_path)
            raise
    files.fsync_dir(vault_path.parent)


_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2(first: Path, second: Path, flags: int) -> bool:
    """Linux ``renameat2``: True when done, False where the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        call = libc.renameat2
    except (OSError, AttributeError):
        return False
    call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    call.restype = ctypes.c_int
    if call(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    if code == errno.EEXIST:
        raise BackupExists(second)
    raise OSError(code, os.strerror(code), str(second))


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step, where the system can."""
    return _renameat2(first, second, _RENAME_EXCHANGE)


def _rename_new(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``, never replacing a file that is already there."""
    if _renameat2(source, target, _RENAME_NOREPLACE):
        return
    if target.exists():  # no atomic "no replace" here: check just before renaming
        raise BackupExists(target)
    os.rename(source, target)


__all__ = [
    "BackupReport",
    "create_backup",
    "default_name",
    "new_identity",
    "open_backup",
    "parse_identities",
    "pre_restore_path",
    "read_identity_file",
    "remove_stale_partials",
    "restore_backup",
    "verify_backup",
]
