"""What every view shares: the open vault, the clock, the signals that say what happened, and
the one rule that says which name of an actor may be shown.

Views never hold a session. They ask services (``contactkeeper.records.actors`` and friends) through
``context.vault`` and listen here for changes made elsewhere, so that logging a contact in the
dialog refreshes Today, the actor page and the journal at once.

Changes: every write runs inside ``with context.writing(initiator): ...``; the vault records
what the block committed (``contactkeeper.vault.changes``) and the context says so on one
signal, ``changed(changes, initiator)``. No widget names the kinds a write touched: the vault
knows them. Each view decides from the :class:`Changes` whether it must redraw
(``contactkeeper.gui.refresh``).

Names: every view shows an actor through :meth:`AppContext.shown_name`, the details that
identify an actor as surely as the name (titles and roles, organizations, phone numbers and
addresses, notes, name variants: quasi-identifiers) through :meth:`AppContext.shown_detail`,
and free text that may mention anyone (summaries, notes) through
:meth:`AppContext.shown_text`; views redraw on ``names_changed``. In privacy mode every actor
goes by their codename, without their details, and free text is hidden. A high-risk actor
goes by their codename, without their details, even outside privacy mode, unless their real
name was revealed (after the passphrase, see ``reveal.py``) for a short while: reveals live
in memory only, expire by the context's clock, and are forgotten on lock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from contactkeeper.errors import VaultLocked
from contactkeeper.i18n import N_, _
from contactkeeper.vault import Vault
from contactkeeper.vault.vocabulary import Sensitivity

if TYPE_CHECKING:  # the records and the ORM load when a vault opens, not with the window
    from contactkeeper.vault.changes import Changes, Recording

# What free text shows in privacy mode (marked here, translated where shown: ``_(HIDDEN)``).
HIDDEN = N_("hidden in privacy mode")
# What a high-risk actor's details show until the passphrase reveals them.
WITHHELD = N_("hidden for a high-risk actor: reveal the name to see it")
# How long a high-risk actor's real name stays shown after the passphrase.
REVEAL_FOR = timedelta(seconds=30)
_EXPIRY_CHECK_MS = 1000


def system_clock() -> datetime:
    return datetime.now(UTC)


class AppContext(QObject):
    """The application's shared state. One instance, made by the application at start."""

    # Said just before vault_opened, the vault already open: what shows a vault must exist
    # by then (the main window makes its views on first need).
    vault_opening = Signal()
    vault_opened = Signal()
    vault_locked = Signal()
    # Records were written: what changed (a contactkeeper.vault.changes.Changes), and the
    # widget or controller that wrote them (None when unknown). See ``writing``.
    changed = Signal(object, object)
    # Navigation requests: any view may ask the main window to show a record.
    open_actor = Signal(int)
    open_process = Signal(int)
    open_event = Signal(int)
    open_transfer = Signal(int)
    open_organization = Signal(int)
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
        self.vault_opening.emit()
        self.vault_opened.emit()

    def lock(self) -> None:
        """Close every connection and drop the key; views clear themselves on vault_locked."""
        self._forget_reveals()
        if self._vault is None:
            return
        vault, self._vault = self._vault, None
        vault.close()
        from contactkeeper.records import spellings  # loaded with the vault that was open

        spellings.forget()  # the names whose keys were kept for the duplicate checks
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
        """Whether this actor's real name, name variants and other quasi-identifiers must
        not be shown now: the one place that decides it (the core's
        :data:`contactkeeper.records.IdentityRule`)."""
        if self._privacy:
            return True
        return sensitivity is Sensitivity.HIGH_RISK and not self.revealed(actor_id)

    def names_hidden_now(self) -> Callable[[int, Sensitivity], bool]:
        """:meth:`names_hidden` as it decides at this moment, as a function that reads
        nothing of the context: safe to call from work off the UI thread."""
        privacy = self._privacy
        revealed = frozenset(a for a in self._revealed if self.revealed(a))

        def hidden(actor_id: int, sensitivity: Sensitivity) -> bool:
            if privacy:
                return True
            return sensitivity is Sensitivity.HIGH_RISK and actor_id not in revealed

        return hidden

    def shown_detail(self, actor_id: int, sensitivity: Sensitivity, text: str) -> str:
        """A quasi-identifier of an actor (a title, an organization, a phone number, an
        address, notes, a name variant): shown only where the actor's name is, "" elsewhere,
        so that no codename stands beside what names the person."""
        return "" if self.names_hidden(actor_id, sensitivity) else text

    def shown_detail_among(self, actors: Iterable[tuple[int, Sensitivity]], text: str) -> str:
        """A detail that may belong to any of these actors (an interaction's channel label,
        by which one of its participants was reached): shown only if all their names are."""
        if any(self.names_hidden(actor_id, sensitivity) for actor_id, sensitivity in actors):
            return ""
        return text

    def placeholder(self) -> str:
        """What stands for hidden details: privacy mode's word, or a high-risk actor's."""
        return _(HIDDEN) if self._privacy else _(WITHHELD)

    def affiliation_hidden(self, actor_id: int, sensitivity: Sensitivity) -> bool:
        """Whether an actor's affiliations and roles must not be shown now: they give away
        who the person is as surely as the name, so they go with it (a detail, as above)."""
        return self.names_hidden(actor_id, sensitivity)

    def shown_affiliation(self, actor_id: int, sensitivity: Sensitivity, text: str) -> str:
        """An actor's affiliation (role, organization) as it may be shown now: a word that
        says it is hidden where the name is."""
        if not text or not self.affiliation_hidden(actor_id, sensitivity):
            return text
        return self.placeholder()

    def shown_text(self, text: str) -> str:
        """Free text that may mention anyone (summaries, notes): hidden in privacy mode."""
        return _(HIDDEN) if self._privacy and text.strip() else text

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

    # -- what writes changed ---------------------------------------------------------------

    @contextmanager
    def writing(self, initiator: QObject | None = None) -> Iterator[None]:
        """Write to the vault inside this block; leaving it (even by an error), say on
        ``changed`` what the units of work it committed changed, and who wrote them."""
        vault = self.vault
        recorded: Recording | None = None
        try:
            with vault.recording() as recorded:
                yield
        finally:
            if recorded is not None:
                self.announce(recorded.changes, initiator)

    def announce(self, changes: Changes, initiator: QObject | None = None) -> None:
        """Say on ``changed`` what was written (for writes recorded elsewhere, such as on
        a background thread); nothing is said when nothing changed."""
        if changes:
            self.changed.emit(changes, initiator)
