"""The panic key: someone walks up behind you; one keystroke locks the vault, closes the
half-typed log dialog and takes the window off the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.gui.panic import PANIC_SHORTCUTS, PanicKeys, install_panic
from contactkeeper.records import actors
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window

Opened = tuple[MainWindow, AppContext, Vault, QAction]


@pytest.fixture
def opened(qtbot, tmp_path: Path, clock: FakeClock, vault: Vault) -> Iterator[Opened]:
    window, context, settings = make_window(qtbot, tmp_path, clock)
    actors.create_actor(vault, NewActor("Amal Haddad"), clock())
    settings.remember_vault(vault.path)
    context.open(vault)
    action = install_panic(window, context)
    yield window, context, vault, action
    action.findChild(PanicKeys).stop()  # the keys of this window stop listening


def _portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def test_the_panic_keys_are_free_in_every_menu(opened: Opened) -> None:
    window, _, _, panic_action = opened
    assert [_portable(s) for s in panic_action.shortcuts()] == list(PANIC_SHORTCUTS)
    taken = {
        _portable(sequence)
        for action in window.findChildren(QAction)
        if action is not panic_action
        for sequence in action.shortcuts()
    }
    assert taken  # the window's own shortcuts were found
    assert taken.isdisjoint(PANIC_SHORTCUTS)


def test_one_keystroke_locks_and_minimizes_the_window(qtbot, opened: Opened) -> None:
    window, context, vault, _ = opened
    with qtbot.waitSignal(context.vault_locked, timeout=1000):
        qtbot.keyClick(
            window,
            Qt.Key.Key_H,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert not vault.is_open
    assert window.isMinimized()
    assert window.screens.currentWidget() is window.start


def test_the_panic_key_works_from_the_log_dialog_and_closes_it(qtbot, opened: Opened) -> None:
    window, context, vault, _ = opened
    window.log_contact()
    dialog = window.log_dialog
    assert isinstance(dialog, LogDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.ui.summaryEdit, "Met at the ministry")
    with qtbot.waitSignal(context.vault_locked, timeout=1000):
        qtbot.keyClick(
            dialog.ui.summaryEdit,
            Qt.Key.Key_Escape,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert not vault.is_open
    assert window.isMinimized()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    assert visible == []


def test_the_panic_action_has_a_name_for_the_menu(opened: Opened) -> None:
    _, _, _, panic_action = opened
    assert panic_action.text().replace("&", "") == "Panic: lock and hide"
    assert panic_action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
