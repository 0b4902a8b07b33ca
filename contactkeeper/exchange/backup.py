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

This module creates backups, and is where callers find the rest: verifying and restoring
(:func:`verify_backup`, :func:`restore_backup`, :func:`open_backup`, from
:mod:`~contactkeeper.exchange.restore`) and keys (:func:`new_identity`,
:func:`read_identity_file`, from :mod:`~contactkeeper.exchange.age_keys`). The format's
parts live beside it: :mod:`~contactkeeper.exchange.age_header` (the header checks and the
scrypt bound), :mod:`~contactkeeper.exchange.manifest` (the manifest, the payload tar, the
report) and :mod:`~contactkeeper.exchange.database_copy` (the copy and its checks).

Writing goes to ``NAME.partial`` beside the final name, is synced, read back and compared
with the bytes sealed, and only then renamed to a name that did not exist (never over an
earlier backup). Each database is checked once, on the core the export leaves free: SQLite's
``integrity_check`` runs on the vault itself, on a connection of its own, while the vault is
exported (so damage that a copy would silently leave out stops the backup); SQLCipher's
``cipher_integrity_check`` (every page of the copy, as written, authenticates under the
one-time key) and the foreign-key check run on the copy while it is sealed and written. The
payload holds the copy's bytes as read for sealing, with their SHA-256 in the manifest, and
the file read back from the device must hold exactly the sealed bytes, compared a megabyte
at a time: no second key derivation and decryption of the whole file (verifying a backup
does those, and every check of the database, again).

Creating a backup reports each of its stages (export, checks, encrypt, write, verify,
rename) with the share of the whole done, and can be cancelled: at the next check point
(each stage's start, each megabyte written) it raises
:class:`~contactkeeper.errors.BackupCancelled` and leaves no partial file or copy behind.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage  # type: ignore[import-untyped]

from contactkeeper import __version__
from contactkeeper.errors import (
    BackupCancelled,
    BackupDamaged,
    BackupError,
    BackupExists,
    DiskFull,
    shown_path,
)
from contactkeeper.exchange import age_child, database_copy
from contactkeeper.exchange.age_header import (
    CHUNK,
    MAX_SCRYPT_LOG2,
    NONCE,
    TAG,
    check_own_work_factor,
)
from contactkeeper.exchange.age_keys import (
    age_recipient,
    new_identity,
    parse_identities,
    read_identity_file,
)
from contactkeeper.exchange.manifest import (
    DATABASE_NAME,
    FORMAT_VERSION,
    BackupReport,
    Manifest,
    backup_report,
    pack_payload,
)
from contactkeeper.exchange.restore import (
    ProgressFn,
    check_room_for_kept_vault,
    kept_vault_note,
    open_backup,
    rename_new,
    restore_backup,
    verify_backup,
)
from contactkeeper.i18n import N_, _
from contactkeeper.vault import (
    DB_NAME,
    Vault,
    files,
    inventory,
    passphrases,
    pre_restore_path,
    schema,
    temporaries,
)
from contactkeeper.vault.model import Setting

SUFFIX = ".age"
PARTIAL_SUFFIX = ".partial"


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


# -- creating ----------------------------------------------------------------------------


def create_backup(
    vault: Vault,
    destination: Path,
    *,
    passphrase: str | None = None,
    recipients: Sequence[str] = (),
    progress: ProgressFn | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    stages: StageFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BackupReport:
    """Write a verified backup of ``vault`` to the new file ``destination``.

    Encrypted to ``passphrase`` or to ``recipients`` (age public keys), not both (age keeps
    passphrase files to a single recipient). A weak passphrase is refused
    (:class:`~contactkeeper.errors.WeakPassphrase`). ``destination`` must not exist yet.
    ``progress(done, total)`` and ``stages(stage, fraction)`` report how far it is (see
    ``BACKUP_STAGES``); when ``cancelled()`` turns true, it stops at the next check point
    with :class:`~contactkeeper.errors.BackupCancelled`, leaving nothing behind.
    """
    destination = Path(destination).absolute()
    keys = _check_request(destination, passphrase, recipients)
    tick = _StagedProgress(progress, stages, cancelled, by_passphrase=passphrase is not None)
    created_at = now().astimezone(UTC)
    partial = partial_path(destination)
    # Inside the vault's folder: a copy a crash leaves there is removed when the vault is
    # next opened, and with it by destroy (see contactkeeper.vault.temporaries).
    with temporaries.private_temp(vault.path, "backup") as temp, ThreadPoolExecutor(2) as pool:
        # Each image is checked once, on the core the export leaves free: SQLite's structure
        # check on the vault itself while it is copied (which also finds damage that a copy
        # would silently leave out), then SQLCipher's page check and the foreign keys on the
        # copy while it is sealed and written. The backup gets its final name only when
        # these have passed and the file on the device holds exactly the sealed bytes.
        running = database_copy.Interruptible()
        checks = [pool.submit(_check_vault, vault, running)]
        try:
            revision = vault.schema_revision()
            if revision is not None and schema.is_known(revision):
                # The schema the copy must hold, worked out (once a run) beside the export.
                pool.submit(schema.expected_schema, revision)
            copy = _make_copy(vault, temp / DATABASE_NAME, tick)
            checks.append(
                pool.submit(_check_copy, copy.image, copy.key_hex, copy.page_size, running)
            )
            manifest, payload = _pack_copy(copy, vault.vault_id, created_at)
            tick.stage("encrypt")
            sealed = _seal(payload, passphrase, keys)
            del payload
            tick.stage("write")
            _write_new(partial, sealed, tick, tick.span("write"))
            tick.stage("verify")
            _verify_written(partial, sealed)
            del sealed
            for check in checks:
                check.result()
            tick.stage("rename")  # the last check point: after it, the backup is made
            rename_new(partial, destination)
            files.fsync_dir(destination.parent)
        except BaseException as exc:
            running.stop()  # no need to wait for the checks' end
            _remove_quietly(partial)
            if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFull(destination) from None
            raise
    tick.finish()
    _record_last_backup(vault, created_at)
    return backup_report(
        destination, manifest, "passphrase" if passphrase is not None else "recipients"
    )


def _check_request(
    destination: Path, passphrase: str | None, recipients: Sequence[str]
) -> list[Any]:
    """Refuse a backup that cannot be made, before any work; the recipients' keys."""
    if (passphrase is None) == (not recipients):
        raise BackupError(_("Give either a backup passphrase or one or more recipients' keys."))
    if passphrase is not None:
        passphrases.check(passphrase, what="backup passphrase")
    keys = [age_recipient(r) for r in recipients]
    if destination.exists():
        raise BackupExists(destination)
    if not destination.parent.is_dir():
        raise BackupError(
            _("The folder {path} does not exist.").format(path=shown_path(destination.parent))
        )
    return keys


@dataclass(frozen=True)
class _Copy:
    """The one-time-keyed copy of the vault made for a backup, and what it holds."""

    image: Path
    key_hex: str
    page_size: int
    revision: str
    counts: dict[str, int]


def _make_copy(vault: Vault, image: Path, tick: _StagedProgress) -> _Copy:
    """The stages "export" and "checks": copy the vault to ``image`` under a new one-time
    key, check that its schema is ContactKeeper's own, and count its records."""
    key_hex = secrets.token_hex(32)
    tick.stage("export")
    page_size = database_copy.export(vault, image, key_hex)
    tick.stage("checks")
    revision = database_copy.revision(image, key_hex, page_size)
    _check_own_schema(image, key_hex, page_size, revision)
    counts = database_copy.counts(image, key_hex, page_size)
    return _Copy(image, key_hex, page_size, revision or "", counts)


def _pack_copy(copy: _Copy, vault_id: str, created_at: datetime) -> tuple[Manifest, bytes]:
    """The manifest of the copy, and the payload tar that holds both."""
    data = copy.image.read_bytes()
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        vault_id=vault_id,
        schema_revision=copy.revision,
        app_version=__version__,
        created_at=created_at,
        counts=copy.counts,
        database_sha256=hashlib.sha256(data).hexdigest(),
        database_bytes=len(data),
        database_key=copy.key_hex,
        database_page_size=copy.page_size,
    )
    return manifest, pack_payload(manifest, data)


def _seal(payload: bytes, passphrase: str | None, keys: list[Any]) -> bytes:
    """The stage "encrypt": the age file, to the passphrase or to the keys (within the work
    factor that verifying accepts)."""
    try:
        if passphrase is not None:
            sealed = age_child.encrypt(payload, passphrase)  # the lock stays free
        else:
            sealed = bytes(pyrage.encrypt(payload, keys))
    except Exception:
        raise BackupError(_("The backup could not be encrypted.")) from None
    check_own_work_factor(sealed)
    return sealed


def _verify_written(partial: Path, sealed: bytes) -> None:
    """The stage "verify": the file written, read back from the device, holds exactly the
    bytes sealed (compared as read, a megabyte at a time)."""
    try:
        same = _holds_exactly(partial, sealed)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise
        same = False
    if not same:
        raise BackupError(
            _(
                "The backup written to {path} did not read back correctly ({reason}) and "
                "was removed; the device may be failing. Try another one."
            ).format(
                path=shown_path(partial.parent),
                reason=_("it does not hold the bytes that were written"),
            )
        )


def _holds_exactly(path: Path, data: bytes) -> bool:
    step = 1024 * 1024
    with open(path, "rb", buffering=0) as handle:
        done = 0
        while chunk := handle.read(step):
            if data[done : done + len(chunk)] != chunk:
                return False
            done += len(chunk)
    return done == len(data)


def _check_vault(vault: Vault, running: database_copy.Interruptible) -> None:
    """SQLite's structure check of the vault, beside its export."""
    try:
        database_copy.check_structure(vault.path / DB_NAME, vault.database_key().hex(), running)
    except BackupDamaged:
        raise BackupError(
            _(
                "This vault fails its integrity check; no backup was written. Run the "
                "vault's integrity check."
            )
        ) from None


def _check_copy(
    image: Path, key_hex: str, page_size: int, running: database_copy.Interruptible
) -> None:
    """SQLCipher's page check and the foreign keys of the copy, beside its sealing."""
    try:
        database_copy.check_pages_and_keys(image, key_hex, page_size, running)
    except BackupDamaged:
        raise BackupError(
            _(
                "The copy of the vault made for this backup fails its integrity checks; no "
                "backup was written. Run the vault's integrity check."
            )
        ) from None


def _check_own_schema(image: Path, key_hex: str, page_size: int, revision: str | None) -> None:
    """A backup is made only of a vault whose schema is exactly ContactKeeper's: any other
    would be refused when verified or restored."""
    if revision is None or not schema.is_known(revision):
        raise BackupError(
            _(
                "This vault does not say which schema version it has; no backup was "
                "written. Run the vault's integrity check."
            )
        )
    cx = database_copy.connect(image, key_hex, page_size)
    try:
        found = schema.check(cx, revision)
    finally:
        cx.close()
    if found:
        raise BackupError(
            _(
                "This vault's database holds what ContactKeeper does not make ({what}); no "
                "backup was written, as it could not be restored. Run `contactkeeper check`, "
                "and restore the vault from an earlier backup."
            ).format(what=schema.describe(found))
        )


# -- progress by stage, and cancelling (creating a backup) ----------------------------------

# The stages of creating a backup, in order, with the share of the progress bar each one
# gets. A backup to a passphrase spends most of its time in age's scrypt, when it seals
# (about a second, whatever the vault's size); one to public keys, in copying and writing.
# Reading back compares bytes, no more.
BACKUP_STAGES = ("export", "checks", "encrypt", "write", "verify", "rename")
STAGE_SHARES = {
    True: {"export": 15, "checks": 5, "encrypt": 55, "write": 15, "verify": 5, "rename": 5},
    False: {"export": 30, "checks": 5, "encrypt": 15, "write": 35, "verify": 10, "rename": 5},
}
# What each stage is called where it is shown: translate it there, ``_(STAGE_LABELS[name])``.
STAGE_LABELS = {
    "export": N_("Copying the vault"),
    "checks": N_("Checking the copy"),
    "encrypt": N_("Encrypting"),
    "write": N_("Writing the backup file"),
    "verify": N_("Reading the file back to verify it"),
    "rename": N_("Giving the file its final name"),
}
# stages(stage, fraction): the stage under way (one of BACKUP_STAGES, "done" at the end)
# and the share of the whole backup done, from 0 to 1.
StageFn = Callable[[str, float], None]
_UNITS = 10_000  # progress(done, total) counts in these


class _StagedProgress:
    """The progress of creating a backup, stage by stage, with its check points."""

    def __init__(
        self,
        callback: ProgressFn | None,
        stages: StageFn | None,
        cancelled: Callable[[], bool] | None,
        *,
        by_passphrase: bool,
    ) -> None:
        self.callback = callback
        self.stages = stages
        self.cancelled = cancelled
        shares = STAGE_SHARES[by_passphrase]
        whole = sum(shares.values())
        self.starts: dict[str, int] = {}
        self.spans: dict[str, int] = {}
        start = 0
        for name in BACKUP_STAGES:
            self.starts[name] = start * _UNITS // whole
            self.spans[name] = (start + shares[name]) * _UNITS // whole - self.starts[name]
            start += shares[name]
        self.current = ""
        self.done = 0
        self.total = _UNITS

    def span(self, name: str) -> int:
        return self.spans[name]

    def stage(self, name: str) -> None:
        """A stage begins: report it, then stop here if the backup was cancelled."""
        self.current = name
        self.set(self.starts[name])

    def set(self, done: int) -> None:
        """Report ``done`` (of ``total``), then stop here if the backup was cancelled."""
        self.backup_report(done)
        if self.cancelled is not None and self.cancelled():
            raise BackupCancelled()

    def finish(self) -> None:
        self.current = "done"
        self.backup_report(self.total)

    def backup_report(self, done: int) -> None:
        self.done = min(max(done, self.done), self.total)
        if self.callback is not None:
            self.callback(self.done, self.total)
        if self.stages is not None:
            self.stages(self.current, self.done / self.total)


def _write_all(fd: int, data: memoryview) -> int:
    """One write to ``fd`` (a seam for simulating a full disk in tests)."""
    return os.write(fd, data)


def _write_new(path: Path, data: bytes, tick: _StagedProgress, budget: int) -> None:
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
                raise OSError(errno.EIO, _("the device accepted no data"))
            written += step
            tick.set(start + budget * written // max(len(data), 1))
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    # If the device is gone, nothing more can be done about the partial file.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _record_last_backup(vault: Vault, when: datetime) -> None:
    with vault.transaction() as session:
        session.merge(Setting(key=inventory.LAST_BACKUP, value=when.isoformat()))


__all__ = [
    "BACKUP_STAGES",
    "CHUNK",
    "MAX_SCRYPT_LOG2",
    "NONCE",
    "STAGE_LABELS",
    "TAG",
    "BackupReport",
    "ProgressFn",
    "StageFn",
    "check_room_for_kept_vault",
    "create_backup",
    "default_name",
    "kept_vault_note",
    "new_identity",
    "open_backup",
    "parse_identities",
    "pre_restore_path",
    "read_identity_file",
    "remove_stale_partials",
    "restore_backup",
    "verify_backup",
]
