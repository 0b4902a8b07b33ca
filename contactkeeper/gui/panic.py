"""The panic key: one keystroke locks the vault, closes every dialog and minimizes the window.

For the moment someone walks up behind you. Locking (``context.lock()``) closes the vault
and clears every view; the dialogs go too (a half-typed note in the log dialog included),
and the window leaves the screen. It is minimized, not hidden: a hidden window without a
tray icon could not be brought back. When it comes back it shows the unlock screen.

The keys work from every window of the application, a modal dialog in front included:
Ctrl+Shift+H ("hide"), and Ctrl+Shift+Esc where the system leaves it to us (Windows keeps it
for its Task Manager). Qt does not fire a window's shortcuts while a modal dialog is open, so
besides the action (which gives the menus their label) an application-wide event filter
catches the keys wherever they are pressed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from contactkeeper.gui.context import AppContext
from contactkeeper.i18n import _

PANIC_SHORTCUTS = ("Ctrl+Shift+H", "Ctrl+Shift+Esc")


def panic(window: QWidget, context: AppContext) -> None:
    """Lock, close every dialog and popup, and take the window off the screen."""
    context.lock()
    for widget in QApplication.topLevelWidgets():
        if widget is window or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        elif isinstance(widget, QMenu) or widget.windowType() in (
            Qt.WindowType.Popup,
            Qt.WindowType.ToolTip,
        ):
            widget.close()
        else:
            widget.hide()
    window.showMinimized()


class PanicKeys(QObject):
    """Triggers ``action`` on its keys in any window, even behind a modal dialog."""

    def __init__(self, action: QAction) -> None:
        super().__init__(action)
        self.action = action
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        if not any(
            pressed.matches(keys) == QKeySequence.SequenceMatch.ExactMatch
            for keys in self.action.shortcuts()
        ):
            return False
        event.accept()
        self.action.trigger()
        return True

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def install_panic(window: QWidget, context: AppContext) -> QAction:
    """Add the panic action to ``window`` (the lead places it in a menu too, for its key)."""
    action = QAction(_("&Panic: lock and hide"), window)
    action.setObjectName("panicAction")
    action.setShortcuts([QKeySequence(keys) for keys in PANIC_SHORTCUTS])
    # Application-wide: it must work while a dialog has the keyboard.
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.setStatusTip(_("Lock the vault, close every dialog and minimize the window"))
    action.setToolTip(_("Lock and hide ({keys})").format(keys=PANIC_SHORTCUTS[0]))
    action.triggered.connect(lambda _checked=False: panic(window, context))
    window.addAction(action)
    PanicKeys(action)
    return action


__all__ = ["PANIC_SHORTCUTS", "PanicKeys", "install_panic", "panic"]
