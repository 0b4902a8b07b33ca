"""SQLCipher connections and the SQLAlchemy engine over them (SECURITY-NOTES.md section 2.2).

The database is keyed with a random 256-bit raw key, so a new connection costs milliseconds;
the passphrase's key derivation happens once, in :mod:`contactkeeper.keyfile`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import sqlcipher3
from sqlalchemy.pool import QueuePool

_HEX_KEY = re.compile(r"[0-9a-f]{64}")

# Applied in this order after the key has been checked by a read.
CONNECTION_PRAGMAS = (
    "PRAGMA cipher_log_level = NONE",
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


def connect(db_path: Path, key_hex: str) -> Any:
    """Open one keyed, validated, hardened SQLCipher connection.

    A wrong key or a damaged first page raises ``sqlcipher3.DatabaseError`` at the
    validating read, before anything is written.
    """
    if not _HEX_KEY.fullmatch(key_hex):
        raise ValueError("a database key is 64 lower-case hex digits")
    cx = sqlcipher3.connect(str(db_path), check_same_thread=False)
    try:
        cx.execute(f"PRAGMA key = \"x'{key_hex}'\"")  # must be first
        cx.execute("PRAGMA cipher_compatibility = 4")
        cx.execute("SELECT count(*) FROM sqlite_master").fetchall()
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
    return engine
