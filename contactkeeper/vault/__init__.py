"""The vault: one folder holding the SQLCipher database and the key file that unlocks it.

``Vault.create`` makes a new one; ``Vault.unlock`` derives the key once from the passphrase and
opens the database, migrating its schema if it was made by an older ContactKeeper (keeping an
encrypted copy first). A failed unlock never changes a byte of any vault file.
"""

from __future__ import annotations

import hmac
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from contactkeeper.errors import (
    NotAVault,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultTooNew,
    WrongPassphrase,
)
from contactkeeper.i18n import _
from contactkeeper.vault import files, temporaries
from contactkeeper.vault.keyfile import KdfParams, KeyFile, calibrate, new_db_key

# SQLAlchemy, Alembic and the model load when a vault opens, not with every module of this
# package: the desktop's first window (choose a vault, type the passphrase) needs none of
# them and shows sooner. Each function that uses them imports them.
if TYPE_CHECKING:
    import sqlalchemy as sa
    from sqlalchemy.orm import Session, sessionmaker

    from contactkeeper.vault import changes

PRE_RESTORE_SUFFIX = ".pre-restore"
DB_NAME = "vault.db"
KEY_NAME = "vault.key"
# The database re-encrypted under a new key while re-keying (vault/rekey.py): it becomes
# vault.db once the key file that wraps its key has replaced the old one.
REKEY_NAME = f"{DB_NAME}.rekey"
PAGE_SIZE = 4096  # SQLCipher 4's page size: a whole database file is a multiple of it

log = logging.getLogger(__name__)


def check_passphrase(passphrase: str) -> None:
    """Refuse a weak passphrase for a vault (:func:`contactkeeper.vault.passphrases.check`)."""
    from contactkeeper.vault import passphrases  # zxcvbn's dictionaries: on first check

    passphrases.check(passphrase)


def load_database_layer() -> None:
    """Import now what opening a vault needs (SQLAlchemy, the model, Alembic) and set up the
    ORM's mappers: for a program with time to spare before its first unlock (the desktop,
    once its first window is up), so that the unlock does not wait for them. No data."""
    from sqlalchemy.orm import configure_mappers

    from contactkeeper.vault import changes, connection, generations, schema, search_index

    del changes, connection, generations, schema, search_index  # imported: that is all
    configure_mappers()


def schema_head() -> str:
    """The newest schema revision this version of ContactKeeper makes."""
    from contactkeeper.vault import schema  # Alembic: only when a vault opens

    return schema.schema_head()


@dataclass(frozen=True)
class IntegrityReport:
    cipher_problems: tuple[str, ...]
    sqlite_problems: tuple[str, ...]
    foreign_key_problems: int
    # The full-text index (rebuilt from the records with contactkeeper.vault.index_repair).
    search_index_problems: tuple[str, ...] = ()
    # What differs from the schema ContactKeeper makes (foreign triggers, views, ...).
    schema_problems: tuple[str, ...] = ()
    schema_revision: str | None = None

    @property
    def ok(self) -> bool:
        return not (
            self.cipher_problems
            or self.sqlite_problems
            or self.foreign_key_problems
            or self.search_index_problems
            or self.schema_problems
        )


class Vault:
    """An unlocked vault. ``close()`` (locking) disposes every connection and drops the key."""

    def __init__(self, path: Path, key_file: KeyFile, db_key: bytes) -> None:
        # The database layer: loaded by the first vault to open (see the imports above).
        from sqlalchemy.orm import configure_mappers, sessionmaker

        from contactkeeper.vault import changes, clocks, connection, hardening, search_index
        from contactkeeper.vault.generations import Generations

        self.path = path
        self._key_file = key_file
        hardening.disable_core_dumps()  # no core file may hold the key or records
        self._db_key: bytes | None = db_key
        self._engine: sa.Engine | None = connection.make_engine(path / DB_NAME, db_key.hex())
        self.generations = Generations(self._engine)
        self._sessions: sessionmaker[Session] | None = sessionmaker(
            self._engine, expire_on_commit=False
        )
        search_index.install(self._sessions)
        clocks.install(self._sessions)  # versions of shared fields (exchange)
        self._changes = changes.install(self._sessions)
        # The ORM's mappers are set up once, as a vault opens (off the UI thread in the
        # desktop); else the first query of whichever view comes first pays 60 to 200 ms.
        configure_mappers()

    # -- opening and creating ---------------------------------------------------------

    @classmethod
    def create(cls, path: Path, passphrase: str, kdf: KdfParams | None = None) -> Vault:
        """Make a new vault in ``path`` (a new or empty folder)."""
        from contactkeeper.vault import schema, search_index  # the database layer
        from contactkeeper.vault.model import new_uuid

        path = Path(path).absolute()
        check_passphrase(passphrase)
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise VaultExists(path)
        files.make_private_dir(path)
        db_key = new_db_key()
        key_file = KeyFile.wrap(new_uuid(), db_key, passphrase, kdf or calibrate())
        key_file.write(path / KEY_NAME)
        # SQLite gives the WAL and shared-memory files the database file's permissions.
        os.close(os.open(path / DB_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.PRIVATE_FILE))
        vault = cls(path, key_file, db_key)
        with vault.engine.begin() as conn:
            schema.upgrade(conn)
            search_index.forget_deleted_words(conn)
        return vault

    @classmethod
    def unlock(cls, path: Path, passphrase: str) -> Vault:
        """Open the vault in ``path`` with ``passphrase`` (one key derivation)."""
        path = Path(path).absolute()
        key_file = _read_key_file(path)
        db_key = key_file.unwrap(passphrase)
        return cls.open_with_key(path, db_key, key_file)

    @classmethod
    def open_with_key(cls, path: Path, db_key: bytes, key_file: KeyFile | None = None) -> Vault:
        """Open with an already unwrapped database key (no key derivation)."""
        import sqlalchemy as sa  # the database layer, loaded by the first vault to open

        from contactkeeper.vault import schema, search_index

        path = Path(path).absolute()
        key_file = key_file or _read_key_file(path)
        db_path = path / DB_NAME
        _finish_interrupted_rekey(path, db_key.hex())
        if not db_path.is_file():
            raise NotAVault(path, _("it has a key file but no database (vault.db)"))
        revision = _read_revision(db_path, db_key.hex())
        if revision is None:
            raise VaultDamaged("database", _("it does not say which schema version it has"))
        head = schema_head()
        if revision != head:
            if not schema.is_known(revision):
                raise VaultTooNew(_("schema {revision}").format(revision=revision))
            _keep_copy_before_migration(path, revision)
        vault = cls(path, key_file, db_key)
        if revision != head:
            with vault.engine.begin() as conn:
                schema.upgrade(conn)
            log.info("vault schema migrated from %s to %s", revision, head)
        try:
            with vault.engine.begin() as conn:
                search_index.forget_deleted_words(conn)  # vaults made before deletes were secure
        except sa.exc.DatabaseError:
            # A damaged page of the search index: the records are still there. `check`
            # reports it, and the index is rebuilt from the records (index_repair). The
            # connection that met the damaged page refuses every later read: closed.
            log.warning("the vault's search index cannot be read")
            vault.engine.dispose()
        # Only now, with the vault open: a failed open changes no file. What a killed backup,
        # restore, verification or passphrase change left is removed (key files shredded).
        data_dir = temporaries.app_data_dir()
        temporaries.clean_after_crash(path, data_dir if data_dir.is_dir() else None)
        return vault

    # -- using ------------------------------------------------------------------------

    @property
    def engine(self) -> sa.Engine:
        if self._engine is None:
            raise VaultLocked()
        return self._engine

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def vault_id(self) -> str:
        return self._key_file.vault_id

    @property
    def kdf(self) -> KdfParams:
        return self._key_file.kdf

    def database_key(self) -> bytes:
        """The raw database key, while unlocked (to wrap it for this device or a backup)."""
        if self._db_key is None:
            raise VaultLocked()
        return self._db_key

    def verify_passphrase(self, passphrase: str) -> bool:
        """Whether ``passphrase`` is this vault's, while unlocked (one key derivation).

        For asking the user again before showing something guarded, such as a high-risk
        actor's real name; nothing is changed.
        """
        db_key = self.database_key()
        try:
            unwrapped = self._key_file.unwrap(passphrase)
        except WrongPassphrase:
            return False
        return hmac.compare_digest(unwrapped, db_key)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on error."""
        if self._sessions is None:
            raise VaultLocked()
        with self._sessions() as session, session.begin():
            yield session

    def recording(self) -> AbstractContextManager[changes.Recording]:
        """Collect what every unit of work committed on this thread inside the block changed.

        ``with vault.recording() as recorded: ...``, then ``recorded.changes`` (a frozen
        :class:`~contactkeeper.vault.changes.Changes`); see :mod:`contactkeeper.vault.changes`.
        """
        return self._changes.recording()

    def schema_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext  # Alembic: only when asked

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def change_passphrase(self, old: str, new: str, kdf: KdfParams | None = None) -> None:
        """Re-wrap the database key under ``new``; atomic (old or new works, never neither).

        The new key file gets key-derivation settings calibrated on this machine now (or
        ``kdf``), never the old file's: settings someone weakened do not outlive a change.
        """
        check_passphrase(new)
        key_path = self.path / KEY_NAME
        db_key = KeyFile.read(key_path).unwrap(old)
        self._key_file = self._key_file.rewrap(db_key, new, kdf or calibrate())
        self._key_file.write(key_path)

    def check_integrity(self) -> IntegrityReport:
        """Run SQLCipher's page check, SQLite's structure check and the foreign-key check.

        Each check runs on its own, so that one failing outright (a damaged page can make
        SQLite give up) does not hide what the others found.
        """
        import sqlalchemy as sa  # the database layer, loaded by the first vault to open

        with self.engine.connect() as conn:
            cipher = _check_lines(conn, "PRAGMA cipher_integrity_check")
            sqlite = [line for line in _check_lines(conn, "PRAGMA integrity_check") if line != "ok"]
            try:
                fks = len(conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
            except sa.exc.DatabaseError as exc:
                conn.rollback()
                sqlite.append(_driver_message(exc))
                fks = 0
            revision, differences = _schema_problems(conn)
            index = _search_index_problems(conn)
        return IntegrityReport(
            tuple(cipher), tuple(sqlite), fks, tuple(index), tuple(differences), revision
        )

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database (old page versions leave the WAL)."""
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def close(self) -> None:
        """Close every connection and drop the key. Safe to call twice.

        The sessionmaker is dropped too: it holds the engine, whose connection factory
        holds the key.
        """
        self._sessions = None
        self._db_key = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def is_vault(path: Path) -> bool:
    return (Path(path) / KEY_NAME).is_file()


def _read_key_file(path: Path) -> KeyFile:
    if not path.is_dir():
        raise NotAVault(path, _("there is no folder there"))
    return KeyFile.read(path / KEY_NAME)


def _read_revision(db_path: Path, key_hex: str) -> str | None:
    """Validate the key against the database and read its schema revision, changing nothing.

    The connection is read-only (see :func:`connection.connect`), so a damaged or foreign
    file is never written to: a failed open leaves the folder as it was. Only a log whose
    shared-memory index is missing makes SQLite create the index (it holds no record data).
    """
    from contactkeeper.vault import connection, schema  # the database layer: as a vault opens

    size = db_path.stat().st_size
    if size == 0:
        raise VaultDamaged("database", _("it is empty"))
    if size % PAGE_SIZE:
        raise VaultDamaged("database", _("it is cut short (it does not end on a whole page)"))
    try:
        cx = connection.connect(db_path, key_hex, read_only=True)
    except sqlcipher3.DatabaseError:
        raise VaultDamaged(
            "database", _("its table of contents does not decrypt with this vault's key")
        ) from None
    except sqlcipher3.Error as exc:
        raise VaultDamaged(
            "database", _("it cannot be opened ({reason})").format(reason=exc)
        ) from None
    try:
        return schema.read_revision(cx)
    except sqlcipher3.DatabaseError as exc:
        raise VaultDamaged("database", str(exc)) from None
    finally:
        cx.close()


def _decrypts(db_path: Path, key_hex: str) -> bool:
    try:
        _read_revision(db_path, key_hex)
    except VaultDamaged:
        return False
    return True


def _finish_interrupted_rekey(path: Path, key_hex: str) -> None:
    """Finish or undo a re-key that was interrupted (a crash, a kill, a power cut).

    Runs only with the key the current key file gave, so never on a failed open. If that
    key still opens ``vault.db``, the new key file was never written: the half-made copy is
    deleted. If it opens the copy instead, the new key file was written: the copy replaces
    ``vault.db`` (whose log, under the old key, was folded in before the copy was made).
    Anything else is left for the open to report.
    """
    rekeyed = path / REKEY_NAME
    leftovers = [rekeyed, *(path / f"{REKEY_NAME}{s}" for s in ("-journal", "-wal", "-shm"))]
    if not any(p.exists() for p in leftovers):
        return
    if _decrypts(path / DB_NAME, key_hex):
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        log.info("an interrupted re-key was undone; the vault keeps its key")
    elif rekeyed.is_file() and _decrypts(rekeyed, key_hex):
        for stale in (path / f"{DB_NAME}-wal", path / f"{DB_NAME}-shm"):
            stale.unlink(missing_ok=True)
        os.replace(rekeyed, path / DB_NAME)
        log.info("an interrupted re-key was finished")
    else:
        return
    files.fsync_dir(path)


def _keep_copy_before_migration(path: Path, revision: str | None) -> None:
    """Copy the (encrypted) database aside before a migration touches it.

    The copy is ciphertext under the same key; a write-ahead log left by a crash is copied
    with it, under the name SQLite looks for, so the copy opens on its own.
    """
    copy = path / f"{DB_NAME}.pre-migration-{revision or 'empty'}"
    if copy.exists():
        return
    for suffix in ("-wal", ""):
        source = path / f"{DB_NAME}{suffix}"
        if source.exists():
            tmp = path / f".{copy.name}{suffix}.partial"
            shutil.copyfile(source, tmp)
            os.chmod(tmp, files.PRIVATE_FILE)
            os.replace(tmp, path / f"{copy.name}{suffix}")
    files.fsync_dir(path)


def _check_lines(conn: sa.Connection, pragma: str) -> list[str]:
    """What a checking pragma reports, one problem a line; its error if it cannot run."""
    import sqlalchemy as sa  # the database layer, loaded by the first vault to open

    try:
        rows = conn.exec_driver_sql(pragma).fetchall()
    except sa.exc.DatabaseError as exc:
        conn.rollback()
        return [_driver_message(exc)]
    return [line for row in rows for line in str(row[0]).splitlines() if line.strip()]


def _search_index_problems(conn: sa.Connection) -> list[str]:
    """FTS5's own check of each index table (changes nothing)."""
    import sqlalchemy as sa  # the database layer, loaded by the first vault to open

    from contactkeeper.vault import search_index

    problems = []
    for table in search_index.INDEX_TABLES:
        check = f"INSERT INTO {table} ({table}) VALUES ('integrity-check')"  # noqa: S608
        try:
            conn.exec_driver_sql(check)
        except sa.exc.DatabaseError as exc:
            problems.append(f"{table}: {_driver_message(exc)}")
            conn.invalidate()  # a connection that met a damaged page refuses later reads
        finally:
            conn.rollback()
    return problems


def _schema_problems(conn: sa.Connection) -> tuple[str | None, list[str]]:
    """The vault's schema revision, and how its schema differs from ContactKeeper's there."""
    import sqlalchemy as sa  # the database layer and Alembic: loaded when a vault opens
    from alembic.runtime.migration import MigrationContext

    from contactkeeper.vault import schema

    try:
        revision = MigrationContext.configure(conn).get_current_revision()
        if revision is None or not schema.is_known(revision):
            return revision, [_("it does not say which known schema revision it has")]
        raw = conn.connection.dbapi_connection
        found = schema.check(raw, revision)
    except sa.exc.DatabaseError as exc:
        conn.rollback()
        return None, [_driver_message(exc)]
    finally:
        conn.rollback()
    return revision, [difference.describe() for difference in found]


def _driver_message(exc: sa.exc.DBAPIError) -> str:
    orig = exc.orig
    return str(orig) if isinstance(orig, sqlite3.Error | sqlcipher3.Error) else type(exc).__name__


__all__ = [
    "DB_NAME",
    "KEY_NAME",
    "REKEY_NAME",
    "IntegrityReport",
    "Vault",
    "is_vault",
    "schema_head",
]


def pre_restore_path(vault_path: Path) -> Path:
    """Where a restore keeps the vault it replaced, until the user confirms the restored one."""
    vault_path = Path(vault_path).absolute()
    return vault_path.with_name(vault_path.name + PRE_RESTORE_SUFFIX)
