"""Temporary folders and files that a crash may leave, and how they are cleaned.

A backup copies the database (under a one-time key) before sealing it; a verification or
a restore writes the backup's copy out; a restore builds a whole new vault, with a key file
under the new passphrase, before swapping it in; a passphrase change writes the new key
file beside the old one. If the program is killed at that moment, nothing tidies up. So:

- every such folder is made by :func:`private_temp`, readable by this user only, holding a
  lock file whose lock (``flock``) the running program keeps until the folder is removed.
  The system drops the lock when the program dies, however it dies, so a folder whose lock
  can be taken belongs to nobody: it is **stale**;
- a key file being written (:func:`contactkeeper.vault.files.write_atomic`) is locked the same way;
- opening a vault (after its passphrase was checked) removes the stale temporaries in its
  folder, beside it, and in ContactKeeper's data folder; a verification and a restore do so
  where they work; ``destroy`` removes them all. Key material found in a stale temporary is
  overwritten (``shred``) before it is deleted.

Where a temporary lives is chosen so that one of these always reaches it: a backup's copy
inside the vault's folder, a restore's work beside the vault under the vault's name
(``.<name>.restoring-*``), a verification's in the data folder. Folders from versions before
the lock (no lock file) count as stale once unchanged for :data:`UNLOCKED_GRACE_SECONDS`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

from contactkeeper.errors import DiskFull
from contactkeeper.vault import files

APP_NAME = "ContactKeeper"  # as in contactkeeper.cli: the app's data folder
PREFIX = ".contactkeeper-"
LOCK_NAME = ".in-use"
RESTORING = ".restoring-"
UNLOCKED_GRACE_SECONDS = 15 * 60
# Opening what a crash may have left: never through a symbolic link, never blocking on a FIFO.
_READ_ONLY_NO_FOLLOW = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
# Names of files that hold a wrapped database key, shredded before a stale folder goes.
KEY_MATERIAL = ("vault.key", "vault.device")


@contextmanager
def private_temp(
    near: Path,
    purpose: str,
    *,
    prefix: str | None = None,
    keep: Callable[[Path], bool] | None = None,
) -> Iterator[Path]:
    """A new folder in ``near`` that only this user can read, locked while in use and
    removed afterwards (unless ``keep(folder)`` says it holds what must not be lost). Its
    name starts with ``prefix`` (by default ``.contactkeeper-`` and ``purpose``)."""
    base = Path(near)
    try:
        folder = Path(tempfile.mkdtemp(prefix=prefix or f"{PREFIX}{purpose}-", dir=base))
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(base) from None
        raise
    fd = -1
    try:
        os.chmod(folder, files.PRIVATE_DIR)
        fd = os.open(folder / LOCK_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.PRIVATE_FILE)
        files.lock(fd)
        yield folder
    finally:
        if keep is None or not keep(folder):
            remove_folder(folder)
        if fd >= 0:
            os.close(fd)


def app_data_dir() -> Path:
    """ContactKeeper's data folder on this computer (where verifications work)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _unchanged_for(path: Path, seconds: float) -> bool:
    try:
        return time.time() - os.lstat(path).st_mtime > seconds
    except OSError:
        return False


@contextmanager
def _if_stale(folder: Path, *, unlocked: bool = True) -> Iterator[bool]:
    """Whether ``folder`` belongs to no running program; its lock is held meanwhile. A
    folder without a lock file counts only if ``unlocked`` and it has aged."""
    lock = folder / LOCK_NAME
    try:
        fd = os.open(lock, _READ_ONLY_NO_FOLLOW)
    except FileNotFoundError:
        # Made by a version without locks, or its lock not yet made: judged by its age.
        yield unlocked and _unchanged_for(folder, UNLOCKED_GRACE_SECONDS)
        return
    except OSError:
        yield False
        return
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
        yield regular and files.lock(fd, wait=False)
    finally:
        os.close(fd)


def _shred_keys_in(folder: Path) -> None:
    """Overwrite every key file inside ``folder`` (at any depth) before it is deleted."""
    for root, _dirs, names in os.walk(folder):
        for name in names:
            if name in KEY_MATERIAL or is_key_temporary(name):
                with contextlib.suppress(OSError):
                    files.shred(Path(root) / name)


def remove_folder(folder: Path) -> None:
    """Delete a temporary folder, its key files overwritten first."""
    _shred_keys_in(folder)
    shutil.rmtree(folder, ignore_errors=True)


def remove_stale(where: Path, pattern: str) -> list[Path]:
    """Delete the stale temporary folders in ``where`` whose names match ``pattern``."""
    removed = []
    try:
        candidates = sorted(Path(where).glob(pattern))
    except OSError:
        return []
    for folder in candidates:
        if not _is_dir(folder):
            continue
        with _if_stale(folder) as stale:
            if stale:
                remove_folder(folder)
                removed.append(folder)
    return removed


def is_key_temporary(name: str) -> bool:
    """A key file half written by :func:`contactkeeper.vault.files.write_atomic`."""
    return any(name.startswith(f".{k}.") and name.endswith(".tmp") for k in KEY_MATERIAL)


def shred_stale_key_temporaries(folder: Path) -> list[Path]:
    """Overwrite and delete key files that a killed passphrase change left in ``folder``
    (each holds the database key under a passphrase that was never put in place)."""
    removed = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    for name in names:
        if not is_key_temporary(name):
            continue
        path = Path(folder) / name
        try:
            fd = os.open(path, _READ_ONLY_NO_FOLLOW)
        except OSError:
            continue
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode) or not files.lock(fd, wait=False):
                continue  # being written right now, or not a file we wrote
            files.shred(path)
            removed.append(path)
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed


def restoring_pattern(vault_path: Path) -> str:
    return f".{Path(vault_path).name}{RESTORING}*"


# -- a restore's work folder -----------------------------------------------------------------
#
# ``.<name>.restoring-*`` beside the vault holds the backup's copy and, in RESTORED_VAULT,
# the new vault being built. Swapping it in trades RESTORED_VAULT and the vault's folder
# in one step, then renames RESTORED_VAULT (now the previous vault) to ``<name>.pre-restore``:
# a crash between the two leaves the previous vault here. The new vault's key file digest,
# written before the swap, tells the two apart, so the previous vault is never deleted.

RESTORED_VAULT = "restored-vault"
NEW_KEY_DIGEST = "new-vault-key.sha256"
PRE_RESTORE_SUFFIX = ".pre-restore"


def _key_digest(vault_folder: Path) -> str | None:
    try:
        return hashlib.sha256((vault_folder / KEY_MATERIAL[0]).read_bytes()).hexdigest()
    except OSError:
        return None


def record_new_vault(work: Path) -> None:
    """Before the swap: remember which key file is the new vault's."""
    digest = _key_digest(work / RESTORED_VAULT)
    if digest is not None:
        files.write_atomic(work / NEW_KEY_DIGEST, digest.encode("ascii"))


def holds_new_vault(work: Path) -> bool:
    """Does ``work``'s RESTORED_VAULT still hold the new vault (not yet swapped in)?"""
    try:
        recorded = (work / NEW_KEY_DIGEST).read_text("ascii").strip()
    except OSError:
        return True  # not recorded yet: nothing was swapped
    current = _key_digest(work / RESTORED_VAULT)
    return current is None or current == recorded


def holds_previous_vault(work: Path) -> bool:
    """Does ``work`` hold the previous vault, swapped out but not yet put aside?"""
    return (work / RESTORED_VAULT).exists() and not holds_new_vault(work)


def settle_restore(work: Path, vault_path: Path) -> bool:
    """Finish what a restore killed in ``work`` left; True if ``work`` may now be removed.

    A half-built new vault may go. The previous vault (the swap had happened) becomes
    ``<name>.pre-restore`` as the restore meant; if that name is taken, it stays here."""
    restored = work / RESTORED_VAULT
    if not restored.exists() or holds_new_vault(work):
        return True
    keep = Path(vault_path).with_name(Path(vault_path).name + PRE_RESTORE_SUFFIX)
    if keep.exists():
        return False
    os.rename(restored, keep)
    files.fsync_dir(keep.parent)
    return True


def remove_stale_restores(vault_path: Path) -> list[Path]:
    """The work folders of killed restores of the vault in ``vault_path`` (those made by
    versions without the lock are left to the person: they may hold the previous vault)."""
    removed = []
    for folder in belonging_to(vault_path):
        with _if_stale(folder, unlocked=False) as stale:
            if stale and settle_restore(folder, vault_path):
                remove_folder(folder)
                removed.append(folder)
    return removed


def clean_after_crash(vault_path: Path, data_dir: Path | None = None) -> list[Path]:
    """Remove what killed operations left for the vault in ``vault_path``: its backups'
    copies (inside it), its restores' work (beside it), half-written key files, copies
    earlier versions left beside it, and stale verifications in ``data_dir``."""
    vault_path = Path(vault_path)
    removed = remove_stale(vault_path, f"{PREFIX}*")
    removed += shred_stale_key_temporaries(vault_path)
    removed += remove_stale_restores(vault_path)
    removed += remove_stale(vault_path.parent, f"{PREFIX}*")
    if data_dir is not None and data_dir.resolve() != vault_path.parent.resolve():
        removed += remove_stale(data_dir, f"{PREFIX}*")
    return removed


def belonging_to(vault_path: Path) -> list[Path]:
    """Every temporary folder of the vault in ``vault_path`` outside it (for destroy),
    whether or not a program still uses it."""
    vault_path = Path(vault_path)
    return [p for p in sorted(vault_path.parent.glob(restoring_pattern(vault_path))) if _is_dir(p)]


__all__ = [
    "LOCK_NAME",
    "PREFIX",
    "app_data_dir",
    "belonging_to",
    "clean_after_crash",
    "holds_new_vault",
    "holds_previous_vault",
    "is_key_temporary",
    "private_temp",
    "record_new_vault",
    "remove_folder",
    "remove_stale",
    "remove_stale_restores",
    "restoring_pattern",
    "settle_restore",
    "shred_stale_key_temporaries",
]
