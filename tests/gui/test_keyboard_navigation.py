"""The keyboard and the mouse move around as in other programs: Tab leaves a table for the
next pane (the arrows move within it), and Back and Forward (Alt+Left, Alt+Right, the
buttons beside the title, the mouse's side buttons) retrace the pages visited."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.backup_actions import ImportDialog
from contactkeeper.gui.dialogs.trash import TrashDialog
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.records import actors, processes
from contactkeeper.records.actors import ActorFilter
from contactkeeper.vault import Vault
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window

Opened = tuple[MainWindow, AppContext]


@pytest.fixture
def opened(qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_vault: Vault) -> Opened:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    context.open(demo_vault)
    return window, context


def _actor(context: AppContext, fragment: str) -> int:
    found = actors.list_actors(context.vault, context.now(), filters=ActorFilter(text=fragment))
    return found[0].id


def _page(window: MainWindow) -> tuple[str, int | None]:
    """What the window shows: the view's name and the record on it."""
    workspace = window.workspace
    view = workspace.current_view()
    if view is workspace.actor_page:
        return "actor", workspace.actor_page.actor_id
    if view is workspace.process_page:
        return "process", workspace.process_page.process_id
    names = {
        workspace.today: "today",
        workspace.actors: "actors",
        workspace.processes: "processes",
        workspace.journal: "journal",
        workspace.follow_ups: "follow-ups",
    }
    return names[view], None


def test_tab_leaves_a_long_table_for_the_next_pane(qtbot: QtBot, opened: Opened) -> None:
    window, _ = opened
    table = window.workspace.today.going_cold.table
    assert table.model().rowCount() > 10
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    # The arrows still move within the table.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1


def test_no_table_anywhere_traps_tab(qtbot: QtBot, opened: Opened) -> None:
    window, context = opened
    trash = TrashDialog(context, window)
    qtbot.addWidget(trash)
    importing = ImportDialog(context, window)
    qtbot.addWidget(importing)
    tables = [
        *window.findChildren(QTableView),
        *trash.findChildren(QTableView),
        *importing.findChildren(QTableView),
    ]
    assert len(tables) > 10
    trapping = [t.accessibleName() for t in tables if t.tabKeyNavigation()]
    assert trapping == []


def test_alt_left_and_alt_right_retrace_the_pages_visited(qtbot: QtBot, opened: Opened) -> None:
    window, context = opened
    layla = _actor(context, "layla")
    process = processes.list_processes(context.vault)[0].id
    assert _page(window) == ("today", None)
    assert not window.back_action.isEnabled()
    window.show_section(1)
    context.open_actor.emit(layla)
    context.open_process.emit(process)
    window.show_section(3)
    assert _page(window) == ("journal", None)

    visited = []
    for _ in range(4):
        qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        visited.append(_page(window))
    assert visited == [("process", process), ("actor", layla), ("actors", None), ("today", None)]
    assert not window.back_action.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert _page(window) == ("actor", layla)
    # A new visit after going back drops the pages ahead.
    window.show_section(4)
    assert not window.forward_action.isEnabled()
    window.workspace.back_button.click()
    assert _page(window) == ("actor", layla)
    window.workspace.forward_button.click()
    assert _page(window) == ("follow-ups", None)


def _mouse_button(widget: object, button: Qt.MouseButton) -> None:
    event = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(5, 5),
        QPointF(5, 5),
        button,
        button,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_the_mouse_side_buttons_go_back_and_forward_even_over_a_table(opened: Opened) -> None:
    window, context = opened
    layla = _actor(context, "layla")
    window.show_section(3)
    context.open_actor.emit(layla)
    over = window.workspace.actor_page.timeline_table.viewport()
    _mouse_button(over, Qt.MouseButton.BackButton)
    assert _page(window) == ("journal", None)
    _mouse_button(window.workspace.journal.table.viewport(), Qt.MouseButton.ForwardButton)
    assert _page(window) == ("actor", layla)


def test_locking_forgets_the_pages_visited(opened: Opened, demo_vault: Vault) -> None:
    window, context = opened
    window.show_section(1)
    context.open_actor.emit(_actor(context, "layla"))
    assert window.back_action.isEnabled()
    context.lock()
    assert not window.back_action.isEnabled()
    assert not window.workspace.back_button.isEnabled()
    context.open(Vault.unlock(demo_vault.path, "correct horse battery staple"))
    assert _page(window) == ("today", None)
    assert not window.back_action.isEnabled()
