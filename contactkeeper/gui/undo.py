"""Delete with undo: pages discard records here, Ctrl+Z restores the last one.

One controller per application: the main window makes it (``UndoController(context,
window)``) and pages find it with ``UndoController.for_context(context)`` when they delete
(one is made if none exists), so every page deletes through the same undo history. Deleting asks
first (``confirm``, replaceable in tests), moves the record and all that goes with it to the
trash (``trash.discard``), and ``undo()`` puts the last one back (``trash.restore``). Both
write inside ``context.writing(controller)``, so every view hears what came and went.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.presentation import Confirm, ask
from contactkeeper.records import trash

_ATTRIBUTE = "_contactkeeper_undo"


class UndoController(QObject):
    can_undo = Signal(bool)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else context)
        self.context = context
        self.confirm: Confirm = ask
        self._history: list[tuple[int, str, str]] = []  # (trash id, kind, label)
        context.vault_locked.connect(self._forget)
        context.vault_opened.connect(self._forget)
        # Labels may name people: menus redraw them by the privacy rule.
        context.names_changed.connect(self._relabel)
        # The newest controller is the application's: pages look it up when they delete.
        setattr(context, _ATTRIBUTE, self)

    @classmethod
    def for_context(cls, context: AppContext) -> UndoController:
        """The application's controller (made on first use if the window made none)."""
        found = getattr(context, _ATTRIBUTE, None)
        if isinstance(found, UndoController) and shiboken6.isValid(found):
            return found
        return cls(context)

    def action(self, parent: QWidget) -> QAction:
        """An "Undo delete" action (Ctrl+Z) for a menu or a window, enabled when useful."""
        action = _UndoAction(self, parent)
        parent.addAction(action)
        return action

    @property
    def undo_label(self) -> str:
        """What Ctrl+Z would bring back, for a menu entry ("Undo delete of ..."); labels are
        free text, hidden in privacy mode."""
        return self.context.shown_text(self._history[-1][2]) if self._history else ""

    def discard(self, kind: str, record_id: int, label: str, parent: QWidget | None = None) -> bool:
        """Ask, then move the record to the trash. True when it was deleted.

        ``kind`` is one of ``trash.KINDS`` (a :class:`contactkeeper.vault.changes.Kind`).
        """
        question = (
            f"Delete the {kind} “{label}”?\n\nIt goes to the trash with everything that "
            "belongs to it; Ctrl+Z or the trash brings it back."
        )
        if not self.confirm(parent, f"Delete {kind}", question):
            return False
        try:
            with self.context.writing(self):
                entry = trash.discard(
                    self.context.vault, kind, record_id, label, self.context.now()
                )
        except ContactKeeperError as exc:
            self.context.status.emit(exc.message)
            return False
        self._history.append((entry.id, kind, label))
        self.can_undo.emit(True)
        self.context.status.emit(f"Deleted {kind} “{label}”. Ctrl+Z brings it back.")
        return True

    def undo(self) -> bool:
        """Restore the last record deleted here. False when there was nothing to restore."""
        if not self._history:
            return False
        trash_id, kind, label = self._history.pop()
        self.can_undo.emit(bool(self._history))
        try:
            with self.context.writing(self):
                trash.restore(self.context.vault, trash_id)
        except ContactKeeperError as exc:
            self.context.status.emit(exc.message)
            return False
        self.context.status.emit(f"Restored {kind} “{self.context.shown_text(label)}”.")
        return True

    def forget_entry(self, trash_id: int) -> None:
        """The trash dialog restored or emptied this entry: Ctrl+Z must not try it again."""
        self._history = [h for h in self._history if h[0] != trash_id]
        self.can_undo.emit(bool(self._history))

    def _relabel(self) -> None:
        self.can_undo.emit(bool(self._history))

    def _forget(self) -> None:
        self._history.clear()
        self.can_undo.emit(False)


class _UndoAction(QAction):
    def __init__(self, controller: UndoController, parent: QWidget) -> None:
        super().__init__("&Undo delete", parent)
        self._controller = controller
        self.setShortcut(QKeySequence.StandardKey.Undo)
        self.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.triggered.connect(controller.undo)
        controller.can_undo.connect(self._update)
        self._update(bool(controller.undo_label))

    @Slot(bool)
    def _update(self, enabled: bool) -> None:
        label = self._controller.undo_label
        self.setEnabled(enabled)
        self.setText(f"&Undo delete of “{label}”" if label else "&Undo delete")
