"""Re-keying a vault: a new passphrase and a new database key, atomically.

Changing the passphrase (:meth:`Vault.change_passphrase`) re-wraps the same database key,
so an old copy of ``vault.key`` with the old passphrase still opens the current database
and every later one. After a passphrase may have been given up, :func:`rekey_vault` also
gives the database a new random key: afterwards no old key file opens any later state.

How, so that a kill or a power cut at any moment leaves a vault that opens with the old
passphrase or the new one, never neither:

1. the current passphrase unwraps the current key (nothing is changed if it is wrong), and
   the new key is wrapped under the new passphrase, in memory;
2. this device's remembered key is forgotten (``vault.device`` and its keyring entry: it
   wraps the old key, and a device that may have been seized should not keep one);
3. the database, its write-ahead log folded in, is copied under the new key into
   ``vault.db.rekey`` beside it (``sqlcipher_export`` on a dedicated connection, the one
   place a database is attached, in :mod:`contactkeeper.exchange.backup`), flushed to the disk;
4. the copy is checked: SQLCipher's and SQLite's integrity checks, and every table holds as
   many rows as the original;
5. **the commit**: the new key file replaces ``vault.key`` in one atomic rename;
6. the copy replaces ``vault.db`` (another atomic rename) and the vault is opened.

A crash before step 5 leaves the old key file, which still opens ``vault.db``; a crash
after it leaves the new key file, whose key opens the copy. The next open sees which and
finishes or undoes the rest (``vault._finish_interrupted_rekey``). ``PRAGMA rekey`` was not
used: it rewrites the database in place, which cannot be made atomic together with the
key file. The vault must be closed, here and in any other ContactKeeper, while this runs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from keyring.backend import KeyringBackend

from contactkeeper.errors import DiskFull, VaultDamaged, VaultInUse
from contactkeeper.i18n import N_, _
from contactkeeper.protect import device
from contactkeeper.vault import (
    DB_NAME,
    KEY_NAME,
    REKEY_NAME,
    Vault,
    _finish_interrupted_rekey,
    check_passphrase,
    files,
)
from contactkeeper.vault import connection as database
from contactkeeper.vault.keyfile import KdfParams, KeyFile, calibrate, new_db_key

# The steps, in order; ``progress(done, len(STEPS))`` is called after each.
STEPS = (
    "current passphrase checked",
    "new key wrapped",
    "device forgotten",
    "database copied",
    "copy checked",
    "key file committed",
    "database replaced",
    "opened",
)

Progress = Callable[[int, int], None]
_HEX_KEY = re.compile(r"[0-9a-f]{64}")

# Shown after a re-key: translate it where shown, ``_(OLDER_COPIES)``.
OLDER_COPIES = N_(
    "Older backups and copies of the vault still open with the old passphrase: destroy "
    "those you can."
)


def rekey_vault(
    path: Path,
    old_passphrase: str,
    new_passphrase: str,
    *,
    kdf: KdfParams | None = None,
    backend: KeyringBackend | None = None,
    progress: Progress | None = None,
) -> Vault:
    """Give the (closed) vault in ``path`` a new passphrase and a new database key.

    Returns the vault, open under its new key. ``kdf``: the new key file's key derivation
    (default: calibrated here, now). Raises ``WrongPassphrase`` or ``WeakPassphrase``
    before anything is changed.
    """
    path = Path(path).absolute()
    report = progress or (lambda _done, _total: None)

    def done(step: str) -> None:
        report(STEPS.index(step) + 1, len(STEPS))

    check_passphrase(new_passphrase)
    key_path, db_path, copy = path / KEY_NAME, path / DB_NAME, path / REKEY_NAME
    old_file = KeyFile.read(key_path)
    old_key = old_file.unwrap(old_passphrase)
    # Finish or undo an earlier interrupted re-key first, as an open would.
    _finish_interrupted_rekey(path, old_key.hex())
    done("current passphrase checked")

    new_key = new_db_key()
    new_file = KeyFile.wrap(old_file.vault_id, new_key, new_passphrase, kdf or calibrate())
    done("new key wrapped")

    device.forget(path, backend)
    done("device forgotten")

    _copy_under(db_path, old_key.hex(), copy, new_key.hex())
    done("database copied")

    _check_copy(db_path, old_key.hex(), copy, new_key.hex())
    done("copy checked")

    new_file.write(key_path)  # the commit: from here on, the new key is the vault's
    done("key file committed")

    for stale in (path / f"{DB_NAME}-wal", path / f"{DB_NAME}-shm"):
        stale.unlink(missing_ok=True)  # the old key's, empty: folded in before the copy
    os.replace(copy, db_path)
    files.fsync_dir(path)
    done("database replaced")

    vault = Vault.open_with_key(path, new_key, new_file)
    done("opened")
    return vault


def _copy_under(db_path: Path, old_hex: str, copy: Path, new_hex: str) -> None:
    """The database, its log folded in, copied into the new file ``copy`` under ``new_hex``."""
    for leftover in (copy, copy.with_name(f"{copy.name}-journal")):
        leftover.unlink(missing_ok=True)
    os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.PRIVATE_FILE))
    raw = database.connect(db_path, old_hex)
    try:
        busy = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            raise VaultInUse()
        try:
            database.attach_and_export(raw, copy, new_hex)
        except sqlcipher3.Error as exc:
            if "full" in str(exc).lower():
                raise DiskFull(copy) from None
            raise VaultDamaged(
                "database", _("it could not be copied ({reason})").format(reason=exc)
            ) from None
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    finally:
        raw.close()
    wal = db_path.with_name(f"{db_path.name}-wal")
    if wal.exists() and wal.stat().st_size > 0:  # written to meanwhile by someone else
        copy.unlink(missing_ok=True)
        raise VaultInUse()
    fd = os.open(copy, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    files.fsync_dir(copy.parent)


def _read_only(db_path: Path, key_hex: str) -> Any:
    """A connection that reads ``db_path`` and writes nothing to it, nor beside it."""
    if not _HEX_KEY.fullmatch(key_hex):
        raise ValueError("a database key is 64 lower-case hex digits")
    cx = sqlcipher3.connect(
        f"{db_path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
    )
    cx.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    cx.execute("PRAGMA cipher_compatibility = 4")
    cx.execute("PRAGMA cipher_log_level = NONE")
    cx.execute("PRAGMA temp_store = MEMORY")
    return cx


def _check_copy(db_path: Path, old_hex: str, copy: Path, new_hex: str) -> None:
    """The copy passes both integrity checks and holds what the original holds."""
    original = database.connect(db_path, old_hex)
    try:
        expected = _row_counts(original)
    finally:
        original.close()
    made = _read_only(copy, new_hex)
    try:
        problems = [str(r[0]) for r in made.execute("PRAGMA cipher_integrity_check")]
        checked = [str(r[0]) for r in made.execute("PRAGMA integrity_check")]
        counts = _row_counts(made)
    except sqlcipher3.Error:
        problems = [_("it does not open")]
        counts = {}
        checked = []
    finally:
        made.close()
    if problems or checked != ["ok"] or counts != expected:
        copy.unlink(missing_ok=True)
        raise VaultDamaged(
            "database",
            _(
                "its copy under the new key did not check out, so nothing was changed; "
                "run 'contactkeeper check' on the vault"
            ),
        )


def _row_counts(raw: Any) -> dict[str, int]:
    # Virtual tables are left out: the tables they keep their rows in are counted, and some
    # cannot be counted at all (a contentless FTS5 table without column sizes) or only by
    # reading every word (fts5vocab).
    tables = [
        str(row[0])
        for row in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    counts = {}
    for name in tables:
        quoted = '"' + name.replace('"', '""') + '"'
        counts[name] = int(raw.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0])  # noqa: S608
    return counts


__all__ = ["OLDER_COPIES", "STEPS", "rekey_vault"]
