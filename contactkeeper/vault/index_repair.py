"""Rebuilding a vault's search index from its records, when a page of the index is damaged.

The full-text index (the FTS5 tables ``search_index`` and ``search_index_names`` and their
shadow tables) holds nothing that the records do not: it can always be made again. But
SQLite cannot drop a table whose pages it cannot read, and SQLCipher refuses a page whose
HMAC fails. So the rebuild never reads the index:

1. the write-ahead log is folded into the database, and the database copied into a private
   temporary folder inside the vault's;
2. in the copy, the index's entries are taken out of SQLite's table of contents
   (``writable_schema``), so that its pages belong to nothing;
3. the copy is exported (``sqlcipher_export``, under the vault's own key) into a new
   database: only the records travel, and each of their pages is read, so damage beyond the
   index stops the rebuild here, with nothing changed;
4. in the new database the index is made as the migrations make it, from the records, with
   deletes that remove words (``secure-delete``); its schema must then be exactly
   ContactKeeper's, and it must pass both integrity checks and the foreign-key check;
5. the new database replaces the old in one rename.

The vault stays unlocked throughout, with the same key; no other program may have it open.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import sqlcipher3
from sqlalchemy.orm import Session

from contactkeeper.errors import DiskFull, VaultDamaged, VaultError
from contactkeeper.i18n import _
from contactkeeper.vault import (
    DB_NAME,
    Vault,
    files,
    schema,
    schema_head,
    search_index,
    temporaries,
)
from contactkeeper.vault import connection as database

INDEX_PREFIX = "search_index"


@dataclass(frozen=True)
class RebuildReport:
    indexed: int  # rows in the new index


class VaultBusy(VaultError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The vault is in use by another part of the program; close its other "
                "windows and try again. Nothing was changed."
            )
        )


def _index_objects(revision: str) -> list[schema.SchemaObject]:
    """The index's tables as ContactKeeper makes them at ``revision`` (virtual tables
    first: creating those makes their shadow tables)."""
    found = [
        obj
        for obj in schema.expected_schema(revision).values()
        if obj.name.lower().startswith(INDEX_PREFIX)
    ]
    return sorted(found, key=lambda o: (not (o.sql or "").startswith("create virtual"), o.name))


# The tables FTS5 makes for each of its virtual tables, named after it.
_SHADOWS: Final = frozenset({"data", "idx", "content", "docsize", "config"})


def _shadow(name: str, virtual: list[str]) -> bool:
    """Whether ``name`` is one of the tables FTS5 makes itself for a virtual table."""
    return any(
        name.lower().startswith(f"{table.lower()}_") and name.lower()[len(table) + 1 :] in _SHADOWS
        for table in virtual
    )


def _checkpoint(db: Path, key_hex: str) -> None:
    cx = database.connect(db, key_hex)
    try:
        busy = cx.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        cx.close()
    if busy:
        raise VaultBusy()


def _forget_index(copy: Path, key_hex: str, names: list[str]) -> None:
    """Take the index out of the copy's table of contents; its pages belong to nothing."""
    cx = database.connect(copy, key_hex)
    try:
        cx.execute("PRAGMA writable_schema = ON")
        cx.execute("BEGIN")
        marks = ", ".join("?" for _ in names)
        cx.execute(f"DELETE FROM sqlite_master WHERE name IN ({marks})", names)  # noqa: S608
        cx.execute("COMMIT")
        cx.execute("PRAGMA writable_schema = OFF")
        cx.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        cx.close()


def _export_records(copy: Path, rebuilt: Path, key_hex: str) -> None:
    cx = database.connect(copy, key_hex)
    try:
        try:
            database.attach_and_export(cx, rebuilt, key_hex)
        except sqlcipher3.Error as exc:
            if "full" in str(exc).lower():
                raise DiskFull(rebuilt) from None
            raise
    except DiskFull:
        raise
    except sqlcipher3.Error:
        raise VaultDamaged(
            "database",
            _(
                "the damage is not only in the search index but in the records too, so the "
                "index cannot be rebuilt from them; restore the vault from a backup"
            ),
        ) from None
    finally:
        cx.close()


def _make_index(rebuilt: Path, key_hex: str, objects: list[schema.SchemaObject]) -> int:
    """Make the index in ``rebuilt`` from its records; returns how many rows it holds."""
    engine = database.make_engine(rebuilt, key_hex)
    try:
        with engine.begin() as conn:
            virtual = [o.name for o in objects if (o.sql or "").startswith("create virtual")]
            for obj in objects:
                if obj.text and obj.type == "table" and not _shadow(obj.name, virtual):
                    conn.exec_driver_sql(obj.text)
            search_index.forget_deleted_words(conn)
            search_index.fit_pages(conn)
        with Session(engine) as session, session.begin():
            search_index.reindex_all(session)
        with engine.connect() as conn:
            # One row of kept text per row of the index, interactions' included.
            count = conn.exec_driver_sql("SELECT count(*) FROM search_index_text").scalar_one()
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        return int(count)
    finally:
        engine.dispose()


def _check(rebuilt: Path, key_hex: str, revision: str) -> None:
    cx: Any = database.connect(rebuilt, key_hex)
    try:
        found = schema.check(cx, revision)
        cipher = cx.execute("PRAGMA cipher_integrity_check").fetchall()
        sqlite = [r[0] for r in cx.execute("PRAGMA integrity_check")]
        fks = cx.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        cx.close()
    if found or cipher or sqlite != ["ok"] or fks:
        raise VaultDamaged(
            "database",
            _(
                "the vault rebuilt with a new search index does not pass its checks, so it "
                "was not put in place; restore the vault from a backup"
            ),
        )


def rebuild_search_index(vault: Vault) -> RebuildReport:
    """Make the vault's search index again from its records (see the module's steps)."""
    key_hex = vault.database_key().hex()
    revision = vault.schema_revision() or schema_head()
    engine = vault.engine
    if engine.pool.checkedout():  # type: ignore[attr-defined]
        raise VaultBusy()
    engine.dispose()  # every connection closed: the file is about to be replaced
    db = vault.path / DB_NAME
    objects = _index_objects(revision)
    _checkpoint(db, key_hex)
    with temporaries.private_temp(vault.path, "rebuild") as work:
        copy, rebuilt = work / "damaged.db", work / "rebuilt.db"
        shutil.copyfile(db, copy)
        os.chmod(copy, files.PRIVATE_FILE)
        _forget_index(copy, key_hex, [obj.name for obj in objects])
        _export_records(copy, rebuilt, key_hex)
        indexed = _make_index(rebuilt, key_hex, objects)
        _check(rebuilt, key_hex, revision)
        for leftover in (f"{DB_NAME}-wal", f"{DB_NAME}-shm"):
            if (vault.path / leftover).exists():  # the old file's: no longer true
                raise VaultBusy()
        with open(rebuilt, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(rebuilt, db)
        files.fsync_dir(vault.path)
    engine.dispose()
    with vault.engine.connect() as conn:  # the new file opens with the vault's key
        conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchall()
    return RebuildReport(indexed=indexed)


__all__ = ["RebuildReport", "VaultBusy", "rebuild_search_index"]
