"""What every view shares: the open vault, the clock, and the signals that say what happened.

Views never hold a session. They ask services (``contactkeeper.actors`` and friends) through
``context.vault`` and listen here for changes made elsewhere, so that logging a contact in the
dialog refreshes Today, the actor page and the journal at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

from contactkeeper.errors import VaultLocked
from contactkeeper.vault import Vault


def system_clock() -> datetime:
    return datetime.now(UTC)


class AppContext(QObject):
    """The application's shared state. One instance, made by the application at start."""

    vault_opened = Signal()
    vault_locked = Signal()
    # A record kind ("actor", "interaction", "channel", "follow_up", "cue", "process",
    # "organization", "relationship", "trash") whose records were created, changed or deleted.
    data_changed = Signal(str)
    # Navigation requests: any view may ask the main window to show a record.
    open_actor = Signal(int)
    open_process = Signal(int)
    # Ask the main window to open the log dialog, with these actors already filled in.
    log_contact = Signal(list)
    # A short message for the status bar (never record data that is not on screen already).
    status = Signal(str)

    def __init__(self, clock: Callable[[], datetime] = system_clock) -> None:
        super().__init__()
        self.clock = clock
        self._vault: Vault | None = None
        self.demo = False

    def now(self) -> datetime:
        return self.clock()

    @property
    def vault(self) -> Vault:
        """The open vault; raises VaultLocked when there is none."""
        if self._vault is None or not self._vault.is_open:
            raise VaultLocked()
        return self._vault

    @property
    def unlocked(self) -> bool:
        return self._vault is not None and self._vault.is_open

    def open(self, vault: Vault, *, demo: bool = False) -> None:
        if self._vault is not None:
            self._vault.close()
        self._vault = vault
        self.demo = demo
        self.vault_opened.emit()

    def lock(self) -> None:
        """Close every connection and drop the key; views clear themselves on vault_locked."""
        if self._vault is None:
            return
        vault, self._vault = self._vault, None
        vault.close()
        self.vault_locked.emit()

    def changed(self, kind: str) -> None:
        self.data_changed.emit(kind)
