"""Destroy a vault: crypto-erase first, then delete its folder.

The database is encrypted under a random key that exists in two wrapped forms only:
``vault.key`` (wrapped by the passphrase) and, if the vault was remembered on this device,
``vault.device`` plus its keyring entry. Overwriting and deleting those makes every copy of
``vault.db`` unreadable, even with the right passphrase, and this works on SSDs too,
where overwriting the (large) database itself guarantees nothing: destroying the small key
file is what counts. Backups are separate files with their own keys and are not touched.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from keyring.backend import KeyringBackend

from contactkeeper.errors import NotAVault
from contactkeeper.i18n import _
from contactkeeper.protect import device
from contactkeeper.vault import DB_NAME, KEY_NAME, files, pre_restore_path, temporaries
from contactkeeper.vault.files import remove_tree, shred


@dataclass(frozen=True)
class DestroyReport:
    """What ``destroy_vault`` did. ``keyring_entry_removed`` is ``False`` when the vault
    was not remembered here, or when the keyring could not be reached: the entry left
    behind is a random secret that opens nothing once ``vault.device`` is gone.
    ``left_behind`` says, one line each, what could not be removed or overwritten (empty
    when everything went)."""

    keyring_entry_removed: bool
    shredded: tuple[str, ...]
    also_destroyed: tuple[Path, ...] = ()
    left_behind: tuple[str, ...] = ()

    @property
    def key_file_destroyed(self) -> bool:
        """Whether nothing is left of ``vault.key`` (the promise that matters)."""
        return not any(line.startswith(KEY_NAME) for line in self.left_behind)


def _key_material(path: Path) -> list[Path]:
    """The key file and any half-written copy of it (``write_atomic``'s temporary files),
    whatever each turns out to be (nothing is followed)."""
    found = [path / KEY_NAME] if os.path.lexists(path / KEY_NAME) else []
    found.extend(p for p in sorted(path.iterdir()) if temporaries.is_key_temporary(p.name))
    return found


def holds_a_vault(path: Path) -> bool:
    """Is there anything of a vault in ``path`` to destroy?"""
    return path.is_dir() and any(
        os.path.lexists(path / name) for name in (KEY_NAME, DB_NAME, device.DEVICE_NAME)
    )


def _earlier_versions(path: Path) -> list[Path]:
    """The vault kept by a restore (``<name>.pre-restore``) and a restore's leftovers."""

    found = [pre_restore_path(path)]
    found.extend(sorted(path.parent.glob(f".{path.name}.restoring-*")))
    return [p for p in found if holds_a_vault(p)]


def destroy_vault(path: Path, backend: KeyringBackend | None = None) -> DestroyReport:
    """Make the vault in ``path`` unreadable for good, then delete its folder.

    Order matters: ``vault.key`` first (overwritten before deletion), whatever else is in
    the folder; then this device's ``vault.device`` and keyring entry; only then the folder
    with the now useless ciphertext. Nothing in the folder is followed (links) or waited on
    (pipes), and a problem with one file does not stop the rest: it is reported in
    :attr:`DestroyReport.left_behind`. The earlier version a restore kept beside it
    (``<name>.pre-restore``) is destroyed the same way. Close the vault before calling
    this. Backups are not affected.
    """
    path = Path(path).absolute()
    if not holds_a_vault(path):
        raise NotAVault(path, _("it holds no vault.key, vault.db or vault.device to destroy"))
    earlier = _earlier_versions(path)
    # A restore's work beside the vault (a killed one's too): the backup's copy, and the
    # new vault it was building, whose key file opens with the restore's passphrase.
    leftovers = [p for p in temporaries.belonging_to(path) if p not in earlier]
    report = _destroy_one(path, backend)
    left = list(report.left_behind)
    for folder in earlier:
        left.extend(f"{folder.name}/{line}" for line in _destroy_one(folder, backend).left_behind)
    for folder in leftovers:
        temporaries.remove_folder(folder)
    # Copies a killed backup of an earlier version left beside the vault, if no program
    # still uses them (their one-time keys died with the program that made them).
    temporaries.remove_stale(path.parent, f"{temporaries.PREFIX}*")
    return DestroyReport(
        report.keyring_entry_removed, report.shredded, (*earlier, *leftovers), tuple(left)
    )


def _destroy_one(path: Path, backend: KeyringBackend | None) -> DestroyReport:
    shredded: list[str] = []
    left: list[str] = []
    for key_path in _key_material(path):
        left.extend(_shred_noting(key_path, shredded))
    # Only now this device's key: its file is read with every care, but even a hostile one
    # can no longer stand between the destroy and the key file.
    entry = device.read_device_file(path)
    left.extend(_shred_noting(path / device.DEVICE_NAME, shredded))
    removed = device.delete_keyring_entry(entry, backend)
    remove_tree(path, left)
    files.fsync_dir(path.parent)
    return DestroyReport(removed, tuple(shredded), left_behind=tuple(left))


def _shred_noting(path: Path, shredded: list[str]) -> list[str]:
    """Shred ``path``; add its name to ``shredded`` if a file was overwritten; return what
    to report (a link that was only unlinked, an error)."""
    try:
        kind = os.lstat(path).st_mode
    except FileNotFoundError:
        return []
    except OSError as exc:
        return [_("{file}: {reason}").format(file=path.name, reason=exc.strerror or exc)]
    try:
        if shred(path):
            shredded.append(path.name)
    except OSError as exc:
        reason = exc.strerror or exc
        message = _("{file}: could not be overwritten or removed ({reason})")
        return [message.format(file=path.name, reason=reason)]
    if stat.S_ISLNK(kind):
        message = _("{file}: was a symbolic link; it was removed, what it points to was not")
        return [message.format(file=path.name)]
    return []


__all__ = ["DestroyReport", "destroy_vault", "holds_a_vault", "shred"]
