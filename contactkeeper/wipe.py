"""Destroy a vault: crypto-erase first, then delete its folder.

The database is encrypted under a random key that exists in two wrapped forms only:
``vault.key`` (wrapped by the passphrase) and, if the vault was remembered on this device,
``vault.device`` plus its keyring entry. Overwriting and deleting those makes every copy of
``vault.db`` unreadable, even with the right passphrase, and this works on SSDs too,
where overwriting the (large) database itself guarantees nothing: destroying the small key
file is what counts. Backups are separate files with their own keys and are not touched.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from keyring.backend import KeyringBackend

from contactkeeper import device, files, temporaries
from contactkeeper.errors import NotAVault
from contactkeeper.files import shred
from contactkeeper.vault import DB_NAME, KEY_NAME


@dataclass(frozen=True)
class DestroyReport:
    """What ``destroy_vault`` did. ``keyring_entry_removed`` is ``False`` when the vault
    was not remembered here, or when the keyring could not be reached: the entry left
    behind is a random secret that opens nothing once ``vault.device`` is gone."""

    keyring_entry_removed: bool
    shredded: tuple[str, ...]
    also_destroyed: tuple[Path, ...] = ()


def _key_material(path: Path) -> list[Path]:
    """The key file and any half-written copy of it (``write_atomic``'s temporary files)."""
    found = [path / KEY_NAME] if (path / KEY_NAME).is_file() else []
    found.extend(
        p for p in sorted(path.iterdir()) if temporaries.is_key_temporary(p.name) and p.is_file()
    )
    return found


def holds_a_vault(path: Path) -> bool:
    """Is there anything of a vault in ``path`` to destroy?"""
    return path.is_dir() and any(
        (path / name).exists() for name in (KEY_NAME, DB_NAME, device.DEVICE_NAME)
    )


def _earlier_versions(path: Path) -> list[Path]:
    """The vault kept by a restore (``<name>.pre-restore``) and a restore's leftovers."""
    from contactkeeper.backup import pre_restore_path  # heavy; only needed here

    found = [pre_restore_path(path)]
    found.extend(sorted(path.parent.glob(f".{path.name}.restoring-*")))
    return [p for p in found if holds_a_vault(p)]


def destroy_vault(path: Path, backend: KeyringBackend | None = None) -> DestroyReport:
    """Make the vault in ``path`` unreadable for good, then delete its folder.

    Order matters: the keyring entry and ``vault.device`` go first, then ``vault.key``
    (each overwritten before deletion), and only then the folder with the now useless
    ciphertext. The earlier version a restore kept beside it (``<name>.pre-restore``) is
    destroyed the same way. Close the vault before calling this. Backups are not affected.
    """
    path = Path(path).absolute()
    if not holds_a_vault(path):
        raise NotAVault(path, "it holds no vault.key, vault.db or vault.device to destroy")
    earlier = _earlier_versions(path)
    # A restore's work beside the vault (a killed one's too): the backup's copy, and the
    # new vault it was building, whose key file opens with the restore's passphrase.
    leftovers = [p for p in temporaries.belonging_to(path) if p not in earlier]
    report = _destroy_one(path, backend)
    for folder in earlier:
        _destroy_one(folder, backend)
    for folder in leftovers:
        temporaries.remove_folder(folder)
    # Copies a killed backup of an earlier version left beside the vault, if no program
    # still uses them (their one-time keys died with the program that made them).
    temporaries.remove_stale(path.parent, f"{temporaries.PREFIX}*")
    return DestroyReport(report.keyring_entry_removed, report.shredded, (*earlier, *leftovers))


def _destroy_one(path: Path, backend: KeyringBackend | None) -> DestroyReport:
    had_device = (path / device.DEVICE_NAME).exists()
    removed = device.forget(path, backend)
    shredded = [device.DEVICE_NAME] if had_device else []
    for key_path in _key_material(path):
        shred(key_path)
        shredded.append(key_path.name)
    shutil.rmtree(path)
    files.fsync_dir(path.parent)
    return DestroyReport(keyring_entry_removed=removed, shredded=tuple(shredded))


__all__ = ["DestroyReport", "destroy_vault", "holds_a_vault", "shred"]
