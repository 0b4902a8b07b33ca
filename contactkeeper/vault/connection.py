"""SQLCipher connections and the SQLAlchemy engine over them (SECURITY-NOTES.md section 2.2).

The database is keyed with a random 256-bit raw key, so a new connection costs milliseconds;
the passphrase's key derivation happens once, in :mod:`contactkeeper.vault.keyfile`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import sqlcipher3
from sqlalchemy.pool import PoolProxiedConnection, QueuePool

from contactkeeper.vault import pacing

_HEX_KEY = re.compile(r"[0-9a-f]{64}")

# Applied in this order after the key has been checked by a read.
CONNECTION_PRAGMAS = (
    # SQLCipher decrypts (and checks the HMAC of) every page it reads into this cache, so a
    # page read again from a small cache is decrypted again: 32 MiB instead of SQLite's 2 MiB
    # holds a large vault's working set (benchmarks/README.md, SQLCipher vs plain SQLite).
    "PRAGMA cache_size = -32768",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
)


def connect(
    db_path: Path, key_hex: str, *, page_size: int | None = None, read_only: bool = False
) -> Any:
    """Open one keyed, validated, hardened SQLCipher connection: the one place a database is
    keyed (``PRAGMA key`` must be the first statement, and only validated hex is formatted
    into it).

    A wrong key or a damaged first page raises ``sqlcipher3.DatabaseError`` at the
    validating read, before anything is written. ``page_size`` is for copies made with
    another page size than SQLCipher 4's (``cipher_compatibility = 4`` resets it, so it is
    set after that). ``read_only`` opens the file so that nothing in the folder changes: no
    write; with no write-ahead log beside the file, not even a ``-shm`` file; with a log and
    its shared-memory index (left by a crash), the index is read without being rewritten.
    """
    if not _HEX_KEY.fullmatch(key_hex):
        raise ValueError("a database key is 64 lower-case hex digits")
    if page_size is not None and (page_size < 512 or page_size & (page_size - 1)):
        raise ValueError("a page size is a power of two of at least 512")
    if read_only:
        wal = db_path.with_name(f"{db_path.name}-wal")
        shm = db_path.with_name(f"{db_path.name}-shm")
        if not wal.exists():
            flags = "mode=ro&immutable=1"
        elif shm.exists():
            flags = "mode=ro&readonly_shm=1"  # read the crash's index without rewriting it
        else:
            flags = "mode=ro"
        cx = sqlcipher3.connect(f"{db_path.as_uri()}?{flags}", uri=True, check_same_thread=False)
    else:
        cx = sqlcipher3.connect(str(db_path), check_same_thread=False)
    try:
        cx.execute(f"PRAGMA key = \"x'{key_hex}'\"")  # must be first
        cx.execute("PRAGMA cipher_compatibility = 4")
        if page_size is not None:
            cx.execute(f"PRAGMA cipher_page_size = {int(page_size)}")
        cx.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error, not stderr's
        cx.execute("SELECT count(*) FROM sqlite_master").fetchall()
        if not read_only:
            for pragma in CONNECTION_PRAGMAS:
                cx.execute(pragma).fetchall()
        # SQLAlchemy, not the driver, decides where transactions begin (see make_engine).
        cx.isolation_level = None
    except BaseException:
        cx.close()
        raise
    return cx


def make_engine(db_path: Path, key_hex: str) -> sa.Engine:
    """An engine whose every connection is keyed; transactions are real SQLite ones.

    The driver's own implicit transactions would let the reads of one unit of work see
    different snapshots and break SAVEPOINTs, so the driver is put in autocommit mode and
    SQLAlchemy emits ``BEGIN`` itself (as SQLAlchemy's SQLite documentation recommends).
    """
    engine = sa.create_engine(
        f"sqlite:///{db_path}",
        module=sqlcipher3,
        creator=lambda: connect(db_path, key_hex),
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        pool_use_lifo=True,  # reuse the connection whose page cache is warm
        hide_parameters=True,
    )
    sa.event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    sa.event.listen(engine, "checkout", _pace_on_checkout)
    return engine


def _pace_on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """A connection checked out by a paced thread pauses where its gate says (see
    ``pacing``); checked out by any other, it carries no handler."""
    if pacing.is_paced():
        dbapi_connection.set_progress_handler(pacing.pause_point, pacing.STEP_INSTRUCTIONS)
        record.info["paced"] = True
    elif record.info.pop("paced", False):
        dbapi_connection.set_progress_handler(None, 0)


def attach_and_export(
    raw: Any, target: Path, key_hex: str, page_size: int = 4096, *, synced: bool = True
) -> None:
    """Copy the database of the DB-API connection ``raw`` into ``target`` under ``key_hex``
    (``sqlcipher_export``): the one place a database is ATTACHed, always with a validated
    raw key (a text or empty key would make a plaintext or passphrase-keyed copy).

    The copy gets SQLCipher 4's settings with ``page_size``, set explicitly on the attached
    database before anything is written to it (so it never depends on the main one's).
    ``synced=False`` is for a copy that is thrown away if anything fails, or that the
    caller syncs itself: it is written with no rollback journal and no sync of its own
    (``journal_mode = OFF``, ``synchronous = OFF``), which spares waiting for the device
    at the commit. Raises ``sqlcipher3.Error`` as the driver does."""
    if not _HEX_KEY.fullmatch(key_hex):
        raise ValueError("a raw key is 64 lower-case hex digits")
    if page_size < 512 or page_size & (page_size - 1):
        raise ValueError("a page size is a power of two of at least 512")
    raw.execute("ATTACH DATABASE ? AS export_copy KEY ?", (str(target), f"x'{key_hex}'"))
    try:
        raw.execute(f"PRAGMA export_copy.cipher_page_size = {int(page_size)}")
        if not synced:
            raw.execute("PRAGMA export_copy.journal_mode = OFF").fetchall()
            raw.execute("PRAGMA export_copy.synchronous = OFF")
        raw.execute("BEGIN")
        try:
            raw.execute("SELECT sqlcipher_export('export_copy')").fetchall()
            raw.execute("COMMIT")
        except BaseException:
            raw.execute("ROLLBACK")
            raise
    finally:
        raw.execute("DETACH DATABASE export_copy")


@contextmanager
def reading(engine: sa.Engine) -> Iterator[PoolProxiedConnection]:
    """A pooled connection in a read transaction of its own, begun and ended on the
    driver, for reads that run on the driver (search as one types, the actors list as it
    scrolls) without SQLAlchemy's connection and transaction around them (a tenth of a
    keystroke's time). Only reads: nothing written here would be seen by the vault's
    count of writes (:mod:`.generations`)."""
    pooled = engine.raw_connection()
    try:
        driver: Any = pooled.driver_connection
        driver.execute("BEGIN")
        try:
            yield pooled
        finally:
            if pooled.is_valid:
                driver.execute("COMMIT")
    finally:
        pooled.close()
