"""A new user's first minutes, through the window alone: create a vault, add an actor, see
them going cold on Today, log a contact with one key, find them again, lock and unlock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.main_window import MainWindow
from tests.conftest import PASSPHRASE, FakeClock
from tests.gui.shell_helpers import OPEN_TIMEOUT_MS, make_window


def _going_cold(window: MainWindow) -> list[str]:
    model = window.workspace.today.going_cold.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_a_new_user_records_a_first_contact_and_sees_the_actor_warm(
    qtbot, tmp_path: Path, clock: FakeClock
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    start = window.start

    # Create a vault.
    qtbot.keyClick(start.welcome.ui.createButton, Qt.Key.Key_Space)
    ui = start.create_page.ui
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    qtbot.keyClicks(ui.confirmEdit, PASSPHRASE)
    with qtbot.waitSignal(context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(ui.confirmEdit, Qt.Key.Key_Return)
    today = window.workspace.today
    assert today.pages.currentWidget() is today.empty_state

    # Add an actor with Ctrl+N.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.workspace.actors.new_actor_dialog
    assert form is not None
    qtbot.keyClicks(form.ui.nameEdit, "Layla Haddad")
    qtbot.keyClick(form.ui.nameEdit, Qt.Key.Key_Return)
    assert window.workspace.actors.model.index(0, 0).data() == "Layla Haddad"

    # Today: never contacted, so she is going cold.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert today.pages.currentWidget() is not today.empty_state
    assert _going_cold(window) == ["Layla Haddad"]
    assert today.going_cold.model.index(0, 2).data() == "never contacted"

    # Select her row and press L: the log dialog opens with her in it; Ctrl+Enter saves.
    table = today.going_cold.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_L)
    dialog = window.log_dialog
    assert isinstance(dialog, LogDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.ui.summaryEdit, "Coffee after the workshop")
    with qtbot.waitSignal(context.changed):
        qtbot.keyClick(
            dialog.ui.summaryEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )

    # Warm at once: off the going-cold list, warm on the actors list (drawn when shown).
    assert _going_cold(window) == []
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    actors_model = window.workspace.actors.model
    assert actors_model.index(0, 4).data() == "warm"

    # Find her again by a fragment of her name.
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.workspace.search, "hadd")
    with qtbot.waitSignal(context.open_actor):
        qtbot.keyClick(window.workspace.search, Qt.Key.Key_Return)
    assert window.workspace.current_view() is window.workspace.actor_page

    # Lock, then unlock: still there, still warm.
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert actors_model.rowCount() == 0
    unlock = start.unlock_page.ui
    qtbot.keyClicks(unlock.passphraseEdit, PASSPHRASE)
    with qtbot.waitSignal(context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(unlock.passphraseEdit, Qt.Key.Key_Return)
    assert actors_model.index(0, 0).data() == "Layla Haddad"
    assert actors_model.index(0, 4).data() == "warm"
