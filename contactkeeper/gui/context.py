"""What every view shares: the open vault, the clock, the signals that say what happened, and
the one rule that says which name of an actor may be shown.

Views never hold a session. They ask services (``contactkeeper.records.actors`` and friends) through
``context.vault`` and listen here for changes made elsewhere, so that logging a contact in the
dialog refreshes Today, the actor page and the journal at once.

Names: every view shows an actor through :meth:`AppContext.shown_name`, and free text that may
mention anyone (summaries, notes) through :meth:`AppContext.shown_text`; views redraw on
``names_changed``. In privacy mode every actor goes by their codename and free text is hidden.
A high-risk actor goes by their codename even outside privacy mode, unless their real name
was revealed (after the passphrase, see ``reveal.py``) for a short while: reveals live in
memory only, expire by the context's clock, and are forgotten on lock. A high-risk actor's
affiliations and roles are hidden whenever the name is (:meth:`AppContext.shown_affiliation`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from contactkeeper.errors import VaultLocked
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Sensitivity

# What free text shows in privacy mode.
HIDDEN = "hidden in privacy mode"
# What a high-risk actor's affiliation shows outside privacy mode, until the name is revealed.
HIDDEN_HIGH_RISK = "hidden (high-risk)"
# How long a high-risk actor's real name stays shown after the passphrase.
REVEAL_FOR = timedelta(seconds=30)
_EXPIRY_CHECK_MS = 1000


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
    # Privacy mode was turned on (True) or off (False).
    privacy_changed = Signal(bool)
    # Which names may be shown changed (privacy mode, a reveal, a reveal expired): redraw.
    names_changed = Signal()

    def __init__(self, clock: Callable[[], datetime] = system_clock) -> None:
        super().__init__()
        self.clock = clock
        self._vault: Vault | None = None
        self.demo = False
        self._privacy = False
        self._revealed: dict[int, datetime] = {}  # actor id -> shown until
        self._expiry = QTimer(self)
        self._expiry.setInterval(_EXPIRY_CHECK_MS)
        self._expiry.timeout.connect(self.expire_reveals)

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
        self._forget_reveals()
        if self._vault is not None:
            self._vault.close()
        self._vault = vault
        self.demo = demo
        self.vault_opened.emit()

    def lock(self) -> None:
        """Close every connection and drop the key; views clear themselves on vault_locked."""
        self._forget_reveals()
        if self._vault is None:
            return
        vault, self._vault = self._vault, None
        vault.close()
        self.vault_locked.emit()

    # -- which names may be shown ---------------------------------------------------------

    @property
    def privacy(self) -> bool:
        """Privacy mode: codenames instead of names everywhere, free text hidden."""
        return self._privacy

    def set_privacy(self, on: bool) -> None:
        if on == self._privacy:
            return
        self._privacy = on
        self.privacy_changed.emit(on)
        self.names_changed.emit()

    def shown_name(
        self, actor_id: int, display_name: str, codename: str, sensitivity: Sensitivity
    ) -> str:
        """The name an actor goes by on screen (views pass it to services as their rule)."""
        return codename if self.names_hidden(actor_id, sensitivity) else display_name

    def names_hidden(self, actor_id: int, sensitivity: Sensitivity) -> bool:
        """Whether this actor's real name and name variants must not be shown now: the one
        place that decides it."""
        if self._privacy:
            return True
        return sensitivity is Sensitivity.HIGH_RISK and not self.revealed(actor_id)

    def affiliation_hidden(self, actor_id: int, sensitivity: Sensitivity) -> bool:
        """Whether a high-risk actor's affiliations and roles must not be shown now: they
        give away who the person is as surely as the name, so they go with it."""
        return sensitivity is Sensitivity.HIGH_RISK and self.names_hidden(actor_id, sensitivity)

    def shown_affiliation(self, actor_id: int, sensitivity: Sensitivity, text: str) -> str:
        """An actor's affiliation (role, organization) as it may be shown now."""
        if not text or not self.affiliation_hidden(actor_id, sensitivity):
            return text
        return HIDDEN if self._privacy else HIDDEN_HIGH_RISK

    def shown_text(self, text: str) -> str:
        """Free text that may mention anyone (summaries, notes): hidden in privacy mode."""
        return HIDDEN if self._privacy and text.strip() else text

    def revealed(self, actor_id: int) -> bool:
        until = self._revealed.get(actor_id)
        return until is not None and self.now() < until

    def reveal(self, actor_id: int, until: datetime | None = None) -> None:
        """Show a high-risk actor's real name until ``until`` (default: for REVEAL_FOR).

        Call only once the user re-entered the passphrase. Kept in memory, never saved.
        """
        self._revealed[actor_id] = until or self.now() + REVEAL_FOR
        self._expiry.start()
        self.names_changed.emit()

    def expire_reveals(self) -> None:
        """Hide again every real name whose time is up (the timer calls this every second)."""
        now = self.now()
        expired = [actor_id for actor_id, until in self._revealed.items() if now >= until]
        for actor_id in expired:
            del self._revealed[actor_id]
        if not self._revealed:
            self._expiry.stop()
        if expired:
            self.names_changed.emit()

    def _forget_reveals(self) -> None:
        self._expiry.stop()
        if self._revealed:
            self._revealed.clear()
            self.names_changed.emit()

    def changed(self, kind: str) -> None:
        self.data_changed.emit(kind)
