"""Helpers for GUI tests that type at a real window (offscreen)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Show ``window`` and make it the active window, so shortcuts and focus work."""
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
