"""Helpers for GUI tests that type at a real window (offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget
from pytestqt.qtbot import QtBot


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Show ``window`` and make it the active window, so shortcuts and focus work."""
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)


def double_click(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    """Double-click a cell as a hand does: a click, then a second press within the
    double-click interval (QTest's mouseDClick alone sends only the second half)."""
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
