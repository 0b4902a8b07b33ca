"""Ctrl+F in the journal puts the cursor in its word filter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.journal import JournalView
from tests.gui.window_helpers import show_active


def test_ctrl_f_in_the_journal_goes_to_the_word_filter(context: AppContext, qtbot: QtBot) -> None:
    view = JournalView(context)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    show_active(qtbot, view)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)

    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(view.text.hasFocus)
