"""Opening, verifying and restoring a backup: every check before any vault is touched.

Reading a backup (at most MAX_BACKUP_BYTES) checks its age header without cryptography
(:mod:`~contactkeeper.exchange.age_header`), decrypts it whole (age authenticates every
chunk), tells a file cut short from a damaged one, and unpacks and checks the manifest
(:mod:`~contactkeeper.exchange.manifest`). The database image is then written, still
SQLCipher-encrypted and its key only in memory, to a private temporary folder, and
checked: its SHA-256 against the manifest, its schema exactly ContactKeeper's at the
manifest's revision, both integrity checks, the foreign keys, the counts. Verifying also
upgrades that throwaway copy when it is of an older schema, as a restore would.

Restoring builds a new vault beside the old one in a hidden folder while the backup's
image is counted, runs both integrity checks and the foreign keys once, on the new vault
(which holds every record of the image, its indexes built afresh), and swaps it in only
when every check has passed, keeping the old one as ``<name>.pre-restore``
(:func:`kept_vault_note` says so for people; :func:`check_room_for_kept_vault` refuses a
restore while an earlier one's copy is still there).

Only :class:`~contactkeeper.errors.BackupError` subclasses escape the reading side (and
:class:`~contactkeeper.errors.DiskFull`/``OSError`` for the disk being written to).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pyrage  # type: ignore[import-untyped]
import sqlalchemy as sa
import sqlcipher3
from sqlalchemy.pool import NullPool

from contactkeeper.errors import (
    BackupDamaged,
    BackupError,
    BackupExists,
    BackupForeignSchema,
    BackupIncomplete,
    BackupTooNew,
    BackupWrongPassphrase,
    DiskFull,
    RestoreNeedsConfirmation,
    shown_path,
)
from contactkeeper.exchange import age_child, database_copy, replacement
from contactkeeper.exchange.age_header import NONCE, TAG, AgeHeader, parse_header, whole_length
from contactkeeper.exchange.age_keys import age_identity
from contactkeeper.exchange.manifest import (
    DATABASE_NAME,
    DEFAULT_PAGE_SIZE,
    BackupReport,
    Manifest,
    backup_report,
    unpack_payload,
)
from contactkeeper.exchange.replacement import CurrentVault, Replacement
from contactkeeper.i18n import _
from contactkeeper.vault import (
    DB_NAME,
    KEY_NAME,
    Vault,
    check_passphrase,
    files,
    is_vault,
    pre_restore_path,
    schema,
    schema_head,
    search_index,
    temporaries,
)
from contactkeeper.vault.keyfile import KdfParams, KeyFile, calibrate, new_db_key
from contactkeeper.vault.locations import user_data_dir

MAX_BACKUP_BYTES = 16 * 1024**3
ProgressFn = Callable[[int, int], None]


def _decrypt(
    data: bytes, header: AgeHeader, passphrase: str | None, identities: Sequence[str]
) -> bytes:
    if header.scrypt_log2 is not None:
        if passphrase is None:
            raise BackupWrongPassphrase(_("it is protected by a passphrase, not a key"))
        try:
            return age_child.decrypt(data, passphrase)  # the lock stays free meanwhile
        except age_child.ChildFailed as exc:
            raise BackupError(
                _(
                    "The backup could not be decrypted ({reason}). Nothing was changed; if "
                    "the computer is short of memory, close other programs and try again."
                ).format(reason=exc)
            ) from None
        except Exception as exc:
            raise _decrypt_failure(exc) from None
    if not identities:
        raise BackupWrongPassphrase(_("it is encrypted to a key; give the identity file"))
    keys = [age_identity(i) for i in identities]
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
        return BackupDamaged(_("its header does not match its authentication code"))
    if "excessive work" in text or "work factor" in text:
        return BackupDamaged(_("its passphrase work factor is too high"))
    return BackupDamaged(_("its encrypted content fails authentication"))


def _check_bytes(image: bytes | memoryview, manifest: Manifest) -> None:
    """The database image's size and SHA-256 against the manifest."""
    if len(image) != manifest.database_bytes or (
        hashlib.sha256(image).hexdigest() != manifest.database_sha256
    ):
        raise BackupDamaged(_("its database does not match the checksum in its manifest"))


def _check_schema(image: Path, manifest: Manifest) -> None:
    """The copy holds exactly the schema ContactKeeper makes at the manifest's revision, and
    says it is at that revision: nothing foreign (a trigger, a view, an index, a table, an
    altered column) can come with it into a vault. Runs before anything else reads the copy's
    tables, and before a restore builds anything from it."""
    revision = manifest.schema_revision
    if not schema.is_known(revision):
        raise BackupTooNew(_("schema {revision}").format(revision=revision))
    cx = database_copy.connect(image, manifest.database_key, manifest.database_page_size)
    try:
        found = schema.check(cx, revision)
        if not found:
            stamps = [r[0] for r in cx.execute("SELECT version_num FROM alembic_version")]
    except sqlcipher3.Error:
        raise BackupDamaged(_("its database's table of contents cannot be read")) from None
    finally:
        cx.close()
    if found:
        raise BackupForeignSchema(revision, schema.describe(found))
    if stamps != [revision]:
        raise BackupDamaged(_("its database's schema does not match its manifest"))


def _upgrade_copy(conn: sa.Connection) -> None:
    """What opening a restored vault does to an older schema (a seam for tests)."""
    schema.upgrade(conn)
    search_index.forget_deleted_words(conn)


def _try_upgrade(image: Path, manifest: Manifest) -> str | None:
    """Upgrade a verified copy of an older schema, as a restore would, and check the result
    is exactly this version's schema; the newest revision, or None if already there. The
    copy is throwaway: verification proves that a restore would get through."""
    head = schema_head()
    if manifest.schema_revision == head:
        return None
    key, page_size = manifest.database_key, manifest.database_page_size
    engine = sa.create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=lambda: database_copy.connect(image, key, page_size),
        poolclass=NullPool,
        hide_parameters=True,
    )
    sa.event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    try:
        with engine.begin() as conn:
            _upgrade_copy(conn)
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            found = schema.check(raw, head)
            stamps = [r[0] for r in raw.execute("SELECT version_num FROM alembic_version")]
    except BackupError:
        raise
    except Exception as exc:  # whatever a migration raises on a database it cannot upgrade
        text = str(getattr(exc, "orig", None) or exc).splitlines()[0][:120]
        raise BackupDamaged(
            _(
                "its database cannot be brought up to this version's schema ({head}): {reason}"
            ).format(head=head, reason=text)
        ) from None
    finally:
        engine.dispose()
    if found or stamps != [head]:
        what = schema.describe(found) if found else _("a wrong revision stamp")
        raise BackupDamaged(
            _(
                "its database cannot be brought up to this version's schema ({head}): the "
                "upgrade leaves {what}"
            ).format(head=head, what=what)
        )
    return head


def _check_image(image: Path, manifest: Manifest) -> None:
    """The database copy (its checksum already checked): both integrity checks, foreign
    keys, schema, counts."""
    database_copy.run_checks(image, manifest.database_key, manifest.database_page_size)
    _check_contents(image, manifest)


def _check_contents(image: Path, manifest: Manifest) -> None:
    """The database copy's schema revision and its counts of records, against the manifest."""
    key, page_size = manifest.database_key, manifest.database_page_size
    try:
        revision = database_copy.revision(image, key, page_size)
        counts = database_copy.counts(image, key, page_size)
    except sqlcipher3.Error:
        raise BackupDamaged(_("its database fails the integrity checks")) from None
    if revision != manifest.schema_revision:
        raise BackupDamaged(_("its database's schema does not match its manifest"))
    if not schema.is_known(manifest.schema_revision):
        raise BackupTooNew(_("schema {revision}").format(revision=manifest.schema_revision))
    # A manifest written before a kind of record existed does not count it: none, then.
    expected = {name: manifest.counts.get(name, 0) for name in counts}
    if set(manifest.counts) - set(counts) or counts != expected:
        raise BackupDamaged(_("its database does not hold the records its manifest counts"))


def read_backup_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BACKUP_BYTES:
            raise BackupDamaged(_("it is far larger than any backup ContactKeeper makes"))
        return path.read_bytes()
    except FileNotFoundError:
        raise BackupError(
            _("There is no backup at {path}.").format(path=shown_path(path))
        ) from None
    except IsADirectoryError:
        raise BackupError(
            _("{path} is a folder, not a backup file.").format(path=shown_path(path))
        ) from None
    except OSError as exc:
        raise BackupError(
            _("The backup {path} cannot be read ({reason}).").format(
                path=shown_path(path), reason=exc.strerror
            )
        ) from None


def open_payload(
    data: bytes, passphrase: str | None, identities: Sequence[str]
) -> tuple[bytes, str]:
    """Check and decrypt a backup held in memory: its payload and scheme."""
    try:
        header = parse_header(data)
        if len(data) - header.length - NONCE <= TAG:
            raise BackupIncomplete(_("it ends right after its header"))
        try:
            payload = _decrypt(data, header, passphrase, identities)
        except BackupDamaged:
            if not whole_length(len(data), header):
                raise BackupIncomplete(
                    _(
                        "its length does not match a whole backup (cut short, or bytes "
                        "added at its end)"
                    )
                ) from None
            raise
    except BackupError:
        raise
    except Exception:  # a parser bug must not let a hostile file crash the program
        raise BackupDamaged(_("it cannot be read")) from None
    return payload, "passphrase" if header.scrypt_log2 is not None else "recipients"


def _open(
    data: bytes, passphrase: str | None, identities: Sequence[str]
) -> tuple[Manifest, memoryview, str]:
    """As :func:`open_backup`, with the image a view into the decrypted payload."""
    payload, scheme = open_payload(data, passphrase, identities)
    try:
        manifest, image = unpack_payload(payload)
    except BackupError:
        raise
    except Exception:  # a parser bug must not let a hostile file crash the program
        raise BackupDamaged(_("it cannot be read")) from None
    return manifest, image, scheme


def open_backup(
    data: bytes, passphrase: str | None = None, identities: Sequence[str] = ()
) -> tuple[Manifest, bytes, str]:
    """Check, decrypt and unpack a backup held in memory: manifest, database image, scheme.

    Every check that needs no database runs here; only BackupError subclasses escape.
    """
    manifest, image, scheme = _open(data, passphrase, identities)
    return manifest, bytes(image), scheme


@contextmanager
def _unsealed(
    path: Path,
    passphrase: str | None,
    identities: Sequence[str],
    near: Path,
    prefix: str | None = None,
) -> Iterator[tuple[Manifest, Path, str]]:
    """Every check of the backup at ``path`` that needs no database, then its image written
    to a private temporary folder (still SQLCipher-encrypted; its key only in memory) made
    in ``near``, whose name starts with ``prefix``."""
    manifest, view, scheme = _open(read_backup_file(path), passphrase, identities)
    _check_bytes(view, manifest)
    with temporaries.private_temp(
        near, "verify", prefix=prefix, keep=temporaries.holds_previous_vault
    ) as temp:
        image = temp / DATABASE_NAME
        fd = os.open(image, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.PRIVATE_FILE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(view)
        view.release()
        del view
        # Opens with its key (or is damaged), and is in WAL mode before several connections
        # read it at once.
        database_copy.connect(image, manifest.database_key, manifest.database_page_size).close()
        _check_schema(image, manifest)
        yield manifest, image, scheme


@contextmanager
def _verified(
    path: Path, passphrase: str | None, identities: Sequence[str], near: Path
) -> Iterator[tuple[Manifest, Path, str]]:
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
    data_dir = _app_data_dir()
    temporaries.remove_stale(data_dir, f"{temporaries.PREFIX}*")  # left by a killed one
    with _verified(path, passphrase, identities, data_dir) as (manifest, image, scheme):
        upgraded = _try_upgrade(image, manifest)
        return backup_report(path, manifest, scheme, upgraded)


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


def kept_vault_note(kept_name: str) -> str:
    """What a restore does with the vault it replaces, said for people. ``kept_name`` is
    the name of the kept copy (``<name>.pre-restore``), as the caller shows it."""
    return _(
        "The current vault is not deleted: it is kept, untouched, as {name} beside it, "
        "until you remove it yourself."
    ).format(name=shown_path(kept_name))


def check_room_for_kept_vault(vault_path: Path) -> None:
    """Refuse to restore over ``vault_path`` while the vault an earlier restore kept there
    (``<name>.pre-restore``) is still there: a second restore would have nowhere to keep
    the current one. Raises :class:`~contactkeeper.errors.BackupError`; nothing changes."""
    keep = pre_restore_path(vault_path)
    if keep.exists():
        raise BackupError(
            _(
                "{path} still holds the vault kept by an earlier restore. Move or remove it "
                "first; nothing was changed."
            ).format(path=shown_path(keep))
        )


def restore_backup(
    path: Path,
    vault_path: Path,
    passphrase_for_new_vault: str,
    *,
    passphrase: str | None = None,
    identities: Sequence[str] = (),
    kdf: KdfParams | None = None,
    progress: ProgressFn | None = None,
    confirmed: bool = False,
    ask: Callable[[Replacement], bool] | None = None,
    current: CurrentVault | None = None,
) -> BackupReport:
    """Restore the backup at ``path`` as the vault folder ``vault_path``.

    Everything is verified first. A new vault (new key, new key file under
    ``passphrase_for_new_vault``) is built beside ``vault_path``, migrated if the backup's
    schema is older, checked, then swapped in; an existing vault there is kept as
    ``<name>.pre-restore`` until the user removes it. Close the vault before restoring.

    A backup of a different vault, or one older than the vault it would replace, is
    restored only when ``confirmed``, or when ``ask`` (called with the
    :class:`~contactkeeper.exchange.replacement.Replacement`, once the backup is authenticated
    and its schema checked, before anything is built) says yes; otherwise
    :class:`~contactkeeper.errors.RestoreNeedsConfirmation` is raised and nothing changes.
    ``current`` is what the caller knows of the vault there (an open vault knows when its
    records last changed); by default its key file and file times are read.
    """
    path = Path(path).absolute()
    vault_path = Path(vault_path).absolute()
    check_passphrase(passphrase_for_new_vault)
    keep = pre_restore_path(vault_path)
    if vault_path.exists() and not is_vault(vault_path) and any(vault_path.iterdir()):
        raise BackupError(
            _(
                "{path} holds files but no vault; choose an empty or new folder, or an "
                "existing vault to replace. Nothing was changed."
            ).format(path=shown_path(vault_path))
        )
    if vault_path.exists():
        check_room_for_kept_vault(vault_path)
    if not vault_path.parent.is_dir():
        raise BackupError(
            _("The folder {path} does not exist.").format(path=shown_path(vault_path.parent))
        )
    if current is None:
        current = replacement.current_vault(vault_path)
    # What a killed restore of this vault left beside it (a new vault, half built).
    temporaries.remove_stale_restores(vault_path)
    tick = _Progress(progress)
    tick.total = 4
    # One private folder beside the vault holds the backup's copy and the new vault being
    # built; named after the vault, so that opening or destroying it finds what a crash
    # leaves there.
    prefix = f".{vault_path.name}{temporaries.RESTORING}"
    with _unsealed(path, passphrase, identities, vault_path.parent, prefix) as (
        manifest,
        image,
        scheme,
    ):
        tick.advance(1)
        replacing = replacement.compare(current, manifest.vault_id, manifest.created_at)
        if replacing.needs_confirmation and not confirmed and (ask is None or not ask(replacing)):
            raise RestoreNeedsConfirmation(replacing, replacing.question())
        work = image.parent
        building = work / temporaries.RESTORED_VAULT
        try:
            # The backup's image (its checksum and schema already checked) is counted while
            # the new vault is built from it in a hidden folder; both integrity checks and
            # the foreign keys run once, on the new vault, which holds every record of the
            # image: it is swapped in only once all have passed. A failed check of the
            # backup is what is reported, even if building failed too.
            with ThreadPoolExecutor(max_workers=1) as pool:
                verified = pool.submit(_check_contents, image, manifest)
                try:
                    _build_vault(building, image, manifest, passphrase_for_new_vault, kdf)
                except BaseException:
                    failure = verified.exception()
                    if failure is not None:
                        raise failure from None
                    raise
                verified.result()
            tick.advance(2)
            temporaries.record_new_vault(work)
            _swap_in(building, vault_path, keep)
        except BaseException as exc:
            if temporaries.holds_new_vault(work):
                temporaries.remove_folder(building)  # its key file overwritten first
            else:  # swapped, then stopped: ``building`` holds the previous vault
                temporaries.settle_restore(work, vault_path)
            if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFull(vault_path) from None
            raise
    tick.finish()
    return backup_report(path, manifest, scheme)


def _build_vault(
    folder: Path, image: Path, manifest: Manifest, passphrase: str, kdf: KdfParams | None
) -> None:
    files.make_private_dir(folder)
    db_key = new_db_key()
    params = kdf or calibrate()  # calibrated alone, never beside other work
    target = folder / DB_NAME
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.PRIVATE_FILE))
    # The key derivation of the new key file runs in a thread while the records are copied.
    with ThreadPoolExecutor(max_workers=1) as pool:
        wrapped = pool.submit(KeyFile.wrap, manifest.vault_id, db_key, passphrase, params)
        source = database_copy.connect(image, manifest.database_key, manifest.database_page_size)
        try:  # the new vault gets SQLCipher 4's own page size, whatever the copy's; it is
            # synced below, before it is swapped in
            database_copy.attach_and_export(
                source, target, db_key.hex(), DEFAULT_PAGE_SIZE, synced=False
            )
        except DiskFull:
            raise
        except BackupError:  # the image cannot be read whole: a damaged database
            raise BackupDamaged(_("its database fails the integrity checks")) from None
        finally:
            source.close()
        key_file = wrapped.result()
    key_file.write(folder / KEY_NAME)
    try:
        vault = Vault.open_with_key(folder, db_key, key_file)  # migrates an older schema
    except Exception as exc:
        raise BackupError(
            _("The restored vault does not open ({reason}); nothing was changed.").format(
                reason=exc
            )
        ) from None
    try:
        vault.checkpoint()
        with vault.engine.connect() as conn:
            found = schema.check(conn.connection.dbapi_connection, schema_head())
    finally:
        vault.close()
    if found:
        raise BackupForeignSchema(schema_head(), schema.describe(found))
    try:  # what was restored: both integrity checks and the foreign keys, once
        database_copy.run_checks(target, db_key.hex())
    except BackupDamaged:
        raise BackupDamaged(_("the restored vault fails its integrity checks")) from None
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


def rename_new(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``, never replacing a file that is already there."""
    if _renameat2(source, target, _RENAME_NOREPLACE):
        return
    if target.exists():  # no atomic "no replace" here: check just before renaming
        raise BackupExists(target)
    os.rename(source, target)


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
