"""What the application remembers between runs: window geometry and where vaults are.

Only paths, geometry and a few numbers are stored, never record data. QSettings is a plain
file (or the registry); its file is made readable by this OS user only (0600, in a 0700
folder), and the list of recent vaults, the only paths in it, can be turned off (Settings):
then no vault's folder is written here. Tests pass their own QSettings (an INI file in the
test's folder) so that nothing is written into the real home.

The numbers include, for each vault where "destroy after N failed unlocks" is on, N and the
failed unlocks in a row (:mod:`contactkeeper.protect.failures`), under a digest of the
folder's path: a failed unlock must not change a byte in the vault's own folder, so its
count lives here.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from contactkeeper import APP_NAME
from contactkeeper.protect.failures import Lockout
from contactkeeper.vault import files
from contactkeeper.vault.locations import user_data_dir

ORGANIZATION = "ContactKeeper"
MAX_RECENT = 8
LOCKOUT_GROUP = "lockout"
RECENT_KEY = "vaults/recent"
KEEP_RECENT_KEY = "vaults/keep_recent"


def default_vault_dir() -> Path:
    """Where a new vault goes unless the user chooses otherwise."""
    return user_data_dir() / "vault"


def demo_root() -> Path:
    """Where demo vaults are made (each in its own private temporary folder)."""
    return user_data_dir() / "demo"


def make_private(store: QSettings) -> None:
    """Make the settings file readable by this OS user only (0600), and the application's
    own folder holding it (named ``ContactKeeper``) too (0700), whatever the umask.

    QSettings keeps a file's permissions when it rewrites it, so this holds from then on.
    Where the settings are not a file (the Windows registry) nothing is done.
    """
    if os.name != "posix":
        return
    path = Path(store.fileName())
    if not path.is_absolute():
        return
    if path.parent.name == ORGANIZATION:
        files.make_private_dir(path.parent)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, files.PRIVATE_FILE))
    os.chmod(path, files.PRIVATE_FILE)


class SettingsNumbers:
    """A :class:`~contactkeeper.protect.failures.NumberStore` over QSettings: whole numbers
    in one group, each written through to the file at once (a count must survive a crash)."""

    def __init__(self, store: QSettings, group: str = LOCKOUT_GROUP) -> None:
        self.store = store
        self.group = group

    def _key(self, key: str) -> str:
        return f"{self.group}/{key}"

    def get_number(self, key: str) -> int | None:
        value = self.store.value(self._key(key))
        if value is None or isinstance(value, bool):
            return None
        try:
            return int(str(value).strip())
        except ValueError:
            return None

    def set_number(self, key: str, value: int) -> None:
        self.store.setValue(self._key(key), int(value))
        self.store.sync()

    def remove(self, key: str) -> None:
        self.store.remove(self._key(key))
        self.store.sync()


class Settings:
    """A thin, typed layer over QSettings, and where new vaults go by default.

    Tests and the screenshot maker pass their own ``store`` (an INI file in a temporary
    folder) and ``vault_dir``, so that nothing is read from or written to the real home.
    """

    def __init__(self, store: QSettings | None = None, vault_dir: Path | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANIZATION, APP_NAME)
        make_private(self.store)  # it lists where vaults are: for this user's eyes only
        self._vault_dir = vault_dir
        # "Destroy after N failed unlocks": N and the count of each vault (numbers only).
        self.lockout = Lockout(SettingsNumbers(self.store))

    def default_vault_dir(self) -> Path:
        return self._vault_dir or default_vault_dir()

    # -- vaults -----------------------------------------------------------------------

    def recent_vaults(self) -> list[Path]:
        """Vault folders opened before, most recent first (paths only)."""
        value = self.store.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        if not isinstance(value, list | tuple):
            return []
        return [Path(str(p)) for p in value if str(p)]

    def keeps_recent_vaults(self) -> bool:
        """Whether the folders of vaults opened are listed here (on unless turned off)."""
        value = self.store.value(KEEP_RECENT_KEY, True)
        return not (value is False or str(value).lower() == "false")

    def set_keep_recent_vaults(self, keep: bool) -> None:
        """Keep a list of recent vaults, or none: off also forgets the list at once."""
        self.store.setValue(KEEP_RECENT_KEY, bool(keep))
        if not keep:
            self.store.remove(RECENT_KEY)
        self.store.sync()

    def remember_vault(self, path: Path) -> None:
        """List ``path`` first among the recent vaults (nothing, if no list is kept)."""
        if not self.keeps_recent_vaults():
            return
        path = Path(path).absolute()
        recent = [path, *(p for p in self.recent_vaults() if p != path)][:MAX_RECENT]
        self.store.setValue(RECENT_KEY, [str(p) for p in recent])
        self.store.sync()

    def forget_vault(self, path: Path) -> None:
        path = Path(path).absolute()
        self.store.setValue(RECENT_KEY, [str(p) for p in self.recent_vaults() if p != path])
        self.store.sync()

    # -- privacy mode -------------------------------------------------------------------

    def privacy_mode(self) -> bool:
        """Whether the last run ended in privacy mode (a flag, no record data)."""
        value = self.store.value("privacy/mode", False)
        return value is True or str(value).lower() == "true"

    def set_privacy_mode(self, on: bool) -> None:
        self.store.setValue("privacy/mode", bool(on))
        self.store.sync()

    # -- window -----------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_window_geometry(self, geometry: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.sync()
