"""The one-time-keyed SQLCipher copy of a vault inside a backup: made, opened, checked.

The copy (``sqlcipher_export``) is keyed with a fresh random 256-bit key that exists only
in the backup's manifest, and made in a private temporary folder. Here are the copy
itself (:func:`export`), opening a copy with its key (:func:`connect`), its schema
revision and counts per record kind, and its checks: SQLCipher's
``cipher_integrity_check``, SQLite's ``integrity_check`` and the foreign-key check
(:func:`run_checks`; for a backup being made, split between the vault and its copy:
:func:`check_structure`, :func:`check_pages_and_keys`). Failures are said as backup
errors.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import sqlcipher3

from contactkeeper.errors import BackupCancelled, BackupDamaged, BackupError, DiskFull
from contactkeeper.exchange.manifest import DEFAULT_PAGE_SIZE, HEX64, PAGE_SIZES
from contactkeeper.i18n import _
from contactkeeper.vault import Vault, files, inventory, schema
from contactkeeper.vault import connection as database

# The database copy's SQLCipher page size. A vault of at most SMALL_VAULT_BYTES is copied
# with 1 KiB pages: its some 80 tables and indexes take at least a page each, so a nearly
# empty vault's backup is about 110 KB instead of 340 KB (and the demo vault's 550 KB
# instead of 750 KB). Larger vaults are copied with 16 KiB pages (LARGE_PAGE_SIZE): with 80
# bytes of IV and HMAC per page, 1 KiB pages make a 28 MB vault's backup 8 % larger and its
# backup and verification 40 to 60 % slower than 4 KiB ones, and 16 KiB pages make the
# 485 MB benchmark vault's copy 444 MB instead of 485 MB, exported 15 to 25 % faster, and
# every later step (hashing, sealing, writing, reading back, verifying, restoring) works on
# 8 % fewer bytes. Every reader of format 1 that knows page sizes takes any power of two
# from 1 to 64 KiB. The manifest records the size used; a manifest without one (the first
# backups) means 4 KiB. 512-byte pages leave SQLite too little room beside SQLCipher's
# reserve and are not used.
SMALL_PAGE_SIZE = 1024
SMALL_VAULT_BYTES = 4 * 1024 * 1024
LARGE_PAGE_SIZE = 16384
# The page cache of the connection that runs SQLite's integrity_check on a copy, in KiB
# (negative, as SQLite takes it). The check looks up every row in every index; a cache
# smaller than the copy makes SQLCipher decrypt the same pages again and again (on the
# 485 MB benchmark vault: 8.5 s with the usual 32 MiB, 5.7 s with this). Pages are
# allocated as they are read, so a copy never takes more than its own size; 1 GiB.
CHECK_CACHE_KIB = -1048576


def _sql_failure(exc: Exception, where: Path) -> Exception:
    if "full" in str(exc).lower():
        return DiskFull(where)
    return BackupError(
        _("The vault could not be copied ({reason}); nothing was changed.").format(reason=exc)
    )


def export(vault: Vault, target: Path, key_hex: str) -> int:
    """Copy the vault, as one consistent snapshot, into ``target`` under ``key_hex``.

    Returns the copy's page size: small pages for a small vault (see SMALL_PAGE_SIZE)."""
    assert HEX64.fullmatch(key_hex)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.PRIVATE_FILE))
    with vault.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        pages = raw.execute("PRAGMA main.page_count").fetchone()[0]
        used = (int(pages) - int(raw.execute("PRAGMA main.freelist_count").fetchone()[0])) * (
            int(raw.execute("PRAGMA main.page_size").fetchone()[0])
        )
        page_size = SMALL_PAGE_SIZE if used <= SMALL_VAULT_BYTES else LARGE_PAGE_SIZE
        # The copy is thrown away if anything fails, and read back through the page cache:
        # written with no journal and no sync (the sealed backup file is what is synced).
        attach_and_export(raw, target, key_hex, page_size, synced=False)
    return page_size


def attach_and_export(
    raw: Any, target: Path, key_hex: str, page_size: int = DEFAULT_PAGE_SIZE, *, synced: bool = True
) -> None:
    """:func:`connection.attach_and_export`, its failures said for a backup."""
    if page_size not in PAGE_SIZES:
        raise ValueError("not a page size SQLCipher can use")
    try:
        database.attach_and_export(raw, target, key_hex, page_size, synced=synced)
    except sqlcipher3.Error as exc:
        raise _sql_failure(exc, target) from None


def connect(image: Path, key_hex: str, page_size: int = DEFAULT_PAGE_SIZE) -> Any:
    try:
        return database.connect(
            image, key_hex, page_size=None if page_size == DEFAULT_PAGE_SIZE else page_size
        )
    except sqlcipher3.Error:
        raise BackupDamaged(_("the database inside does not open with its key")) from None


def revision(image: Path, key_hex: str, page_size: int = DEFAULT_PAGE_SIZE) -> str | None:
    cx = connect(image, key_hex, page_size)
    try:
        return schema.read_revision(cx)
    finally:
        cx.close()


def counts(image: Path, key_hex: str, page_size: int = DEFAULT_PAGE_SIZE) -> dict[str, int]:
    cx = connect(image, key_hex, page_size)
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


class Interruptible:
    """The connections of checks running in other threads, which a caller can stop (a
    backup that is cancelled or has failed need not wait for its checks to end)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: set[Any] = set()
        self._stopped = False

    @contextlib.contextmanager
    def holding(self, cx: Any) -> Iterator[Any]:
        """``cx``, closed at the end, interrupted if :meth:`stop` is called meanwhile."""
        try:
            with self._lock:
                if self._stopped:
                    raise BackupCancelled()
                self._open.add(cx)
            yield cx
        finally:
            with self._lock:
                self._open.discard(cx)
            cx.close()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            for cx in self._open:
                cx.interrupt()


def check_structure(db_path: Path, key_hex: str, running: Interruptible) -> None:
    """SQLite's ``integrity_check`` of the database at ``db_path`` (a vault's own, while it
    is copied for a backup), on a connection of its own; BackupDamaged if it finds
    anything."""
    with running.holding(database.connect(db_path, key_hex)) as cx:
        try:
            cx.execute(f"PRAGMA cache_size = {CHECK_CACHE_KIB}")
            lines = [r[0] for r in cx.execute("PRAGMA integrity_check")]
        except sqlcipher3.Error:
            raise BackupDamaged(_("its database fails the integrity checks")) from None
    if lines != ["ok"]:
        raise BackupDamaged(_("its database fails the integrity checks"))


def check_pages_and_keys(image: Path, key_hex: str, page_size: int, running: Interruptible) -> None:
    """SQLCipher's ``cipher_integrity_check`` (every page as written authenticates under
    its key) and ``foreign_key_check`` of a database copy; BackupDamaged if either finds
    anything."""
    with running.holding(connect(image, key_hex, page_size)) as cx:
        try:
            cipher = cx.execute("PRAGMA cipher_integrity_check").fetchall()
            fks = cx.execute("PRAGMA foreign_key_check").fetchall()
        except sqlcipher3.Error:
            raise BackupDamaged(_("its database fails the integrity checks")) from None
    if cipher or fks:
        raise BackupDamaged(_("its database fails the integrity checks"))


def run_checks(image: Path, key_hex: str, page_size: int = DEFAULT_PAGE_SIZE) -> None:
    """SQLCipher's ``cipher_integrity_check``, SQLite's ``integrity_check`` and
    ``foreign_key_check``; BackupDamaged if any finds anything. The page check runs on a
    second connection in a thread beside SQLite's (the driver lets go of the GIL while
    SQLite works), so the two take the time of the longer."""

    def cipher_check() -> list[str]:
        cx = connect(image, key_hex, page_size)
        try:
            return [r[0] for r in cx.execute("PRAGMA cipher_integrity_check")]
        finally:
            cx.close()

    # Opened first: the first connection to a fresh copy puts it in WAL mode (a write to
    # its header), which must not race with the other connection's reading.
    cx = connect(image, key_hex, page_size)
    with ThreadPoolExecutor(max_workers=1) as pool:
        cipher_lines = pool.submit(cipher_check)
        try:
            cx.execute(f"PRAGMA cache_size = {CHECK_CACHE_KIB}")
            sqlite = [r[0] for r in cx.execute("PRAGMA integrity_check")]
            fks = cx.execute("PRAGMA foreign_key_check").fetchall()
        except sqlcipher3.Error:
            raise BackupDamaged(_("its database fails the integrity checks")) from None
        finally:
            cx.close()
        try:
            cipher = cipher_lines.result()
        except sqlcipher3.Error:
            raise BackupDamaged(_("its database fails the integrity checks")) from None
    if cipher or sqlite != ["ok"] or fks:
        raise BackupDamaged(_("its database fails the integrity checks"))
