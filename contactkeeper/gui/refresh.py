"""When a view redraws after a write: from what changed, and only when it can be seen.

Every write the GUI makes runs inside ``context.writing(initiator)``, and the context then
says on ``changed(changes, initiator)`` what the vault recorded (a
:class:`~contactkeeper.vault.changes.Changes`: kinds of records, with ids where known). Each
view keeps one :class:`Refresh`, given what the view shows, and it decides:

- changes to nothing the view shows are ignored;
- changes the view made itself (it is the initiator) are ignored: it has already redrawn;
- a view on screen redraws at once; a hidden one (another page of the window, a window
  hidden by the panic key) is only marked stale and redraws when it is shown again.

So a contact logged in the dialog redraws Today now, and the journal when it is next opened,
and no view keeps a list of which writes touch which kinds.

The same rule spares the unlock: a view that is not on screen when a vault opens (the
journal, the follow-ups) calls :meth:`Refresh.when_shown` instead of loading, and loads
when it is first shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from contactkeeper.gui.context import AppContext
from contactkeeper.vault.changes import Changes, Kind

Shows = Iterable[Kind] | Callable[[Changes], bool] | None


class Refresh(QObject):
    """Redraws ``view`` with ``reload()`` after changes it ``shows``.

    ``shows`` is the kinds of records the view shows, or a test of the changes (for a page
    that shows one record), or None for any change.
    """

    def __init__(
        self,
        view: QWidget,
        context: AppContext,
        reload: Callable[[], None],
        shows: Shows = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.context = context
        self._reload = reload
        if shows is None:
            self._shows: Callable[[Changes], bool] = bool
        elif callable(shows):
            self._shows = shows
        else:
            kinds = frozenset(shows)
            self._shows = lambda changes: changes.any_of(kinds)
        self.stale = False
        context.changed.connect(self._changed)
        context.vault_opened.connect(self.fresh)
        context.vault_locked.connect(self.fresh)
        view.installEventFilter(self)

    def _changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self.view or not self.context.unlocked or not self._shows(changes):
            return
        if self.view.isVisible():
            self.stale = False
            self._reload()
        else:
            self.stale = True

    def fresh(self) -> None:
        """The view shows the vault as it is now (it just reloaded, or the vault changed)."""
        self.stale = False

    def when_shown(self) -> None:
        """Redraw now if the view is on screen, else the next time it is shown (a view the
        vault opened under loads when the user first opens it, not on the unlock)."""
        if self.view.isVisible():
            self.stale = False
            self._reload()
        else:
            self.stale = True

    def catch_up(self) -> None:
        """Redraw now if changes came while the view was hidden."""
        if self.stale and self.context.unlocked:
            self.stale = False
            self._reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show:
            self.catch_up()
        return False
