"""The main window: sections, menus that show every shortcut, locking and unlocking."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit

from contactkeeper.gui.autolock import AutoLock
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.trash import TrashDialog
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.gui.views.followups import FollowUpsView
from contactkeeper.gui.views.journal import JournalView
from contactkeeper.gui.views.processes import ProcessesView
from contactkeeper.i18n import isolate
from contactkeeper.records import actors, followups
from contactkeeper.records.actors import NewActor
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.vault import Vault
from tests.conftest import PASSPHRASE, FakeClock
from tests.gui.shell_helpers import OPEN_TIMEOUT_MS, make_window

Opened = tuple[MainWindow, AppContext, Vault]


@pytest.fixture
def opened(qtbot, tmp_path: Path, clock: FakeClock, vault: Vault) -> Opened:
    """The main window showing a vault with one actor and one follow-up due."""
    window, context, settings = make_window(qtbot, tmp_path, clock)
    amal = actors.create_actor(vault, NewActor("Amal Haddad", cadence_days=30), clock())
    followups.create_follow_up(
        vault, NewFollowUp("Send the agenda", clock().date(), actor_id=amal.id)
    )
    settings.remember_vault(vault.path)
    context.open(vault)
    return window, context, vault


def _in_combo_box(widget: QObject | None) -> bool:
    """Whether ``widget`` is (part of) a combo box's drop-down list (its choices)."""
    while widget is not None:
        if isinstance(widget, QComboBox):
            return True
        widget = widget.parent()
    return False


def _menu_shortcuts(window: MainWindow) -> dict[str, str]:
    found = {}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if not action.isSeparator():
                text = action.text().replace("&", "")
                found[text] = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
    return found


def test_the_menus_show_every_shortcut(opened: Opened) -> None:
    window, _, _ = opened
    shortcuts = _menu_shortcuts(window)
    assert {
        "Lock": "Ctrl+Shift+L",
        "Undo": "Ctrl+Z",
        "Search…": "Ctrl+K",
        "Today": "Ctrl+1",
        "Actors": "Ctrl+2",
        "Processes": "Ctrl+3",
        "Journal": "Ctrl+4",
        "Follow-ups": "Ctrl+5",
        "Log a contact…": "Ctrl+L",
        "New actor…": "Ctrl+N",
        "Quit": "Ctrl+Q",
        "Privacy mode": "Ctrl+Shift+P",
        "Back up now…": "Ctrl+B",
        "Settings for this device…": "Ctrl+,",
    }.items() <= shortcuts.items()
    assert {"New vault…", "Open vault…", "About ContactKeeper"} <= shortcuts.keys()


@pytest.mark.parametrize(
    ("key", "view_type"),
    [
        (Qt.Key.Key_3, ProcessesView),
        (Qt.Key.Key_4, JournalView),
        (Qt.Key.Key_5, FollowUpsView),
    ],
)
def test_ctrl_and_a_number_switch_sections(
    qtbot, opened: Opened, key: Qt.Key, view_type: type
) -> None:
    window, _, _ = opened
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.workspace.current_view(), view_type)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.current_view() is window.workspace.today
    assert window.workspace.sidebar.currentItem().text() == "Today"


def test_clicking_the_sidebar_shows_the_section(qtbot, opened: Opened) -> None:
    window, _, _ = opened
    sidebar = window.workspace.sidebar
    rect = sidebar.visualItemRect(sidebar.item(1))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.current_view() is window.workspace.actors
    assert window.workspace.actors.model.rowCount() == 1


def test_ctrl_k_puts_the_cursor_in_the_search_field(qtbot, opened: Opened) -> None:
    window, _, _ = opened
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.search.hasFocus()


def test_opening_an_actor_shows_the_actor_page(qtbot, opened: Opened) -> None:
    window, context, vault = opened
    amal = actors.list_actors(vault, context.now())[0]
    context.open_actor.emit(amal.id)
    assert isinstance(window.workspace.current_view(), ActorPage)
    sidebar = window.workspace.sidebar
    assert sidebar.currentItem().text() == "Actors"
    # Clicking Actors goes back to the list.
    rect = sidebar.visualItemRect(sidebar.item(1))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.current_view() is window.workspace.actors


def test_ctrl_l_opens_the_log_dialog_for_the_selected_actor(qtbot, opened: Opened) -> None:
    window, context, vault = opened
    amal = actors.list_actors(vault, context.now())[0]
    window.workspace.show_section(1)
    table = window.workspace.actors.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.log_dialog
    assert isinstance(dialog, LogDialog)
    assert dialog.isVisible()
    assert dialog.participants() == [amal.id]
    dialog.reject()


def test_locking_returns_to_the_unlock_screen_with_every_view_empty_and_unlocking_restores(
    qtbot, opened: Opened
) -> None:
    window, context, vault = opened
    workspace = window.workspace
    assert workspace.today.follow_ups.model.rowCount() == 1
    amal = actors.list_actors(vault, context.now())[0]
    context.open_actor.emit(amal.id)
    for section in range(5):
        workspace.show_section(section)
    qtbot.keyClicks(workspace.search, "Amal")
    assert workspace.search.popup is not None
    assert workspace.search.popup.isVisible()
    qtbot.mouseClick(workspace.lock_button, Qt.MouseButton.LeftButton)
    assert not vault.is_open
    assert window.screens.currentWidget() is window.start
    assert window.start.currentWidget() is window.start.unlock_page
    empty: list[Callable[[], int]] = [
        workspace.actors.model.rowCount,
        *(s.model.rowCount for s in workspace.today.sections),
        workspace.actors.process_combo.count,
        workspace.actors.tag_combo.count,
        workspace.search.popup.count,
    ]
    sections = len(workspace.today.sections)
    assert [count() for count in empty] == [0] * (1 + sections) + [1, 1, 0]
    assert workspace.search.text() == ""
    assert not workspace.search.popup.isVisible()
    # Every list in every view (pages included) is empty; no label still names a record.
    lists = [
        view
        for view in workspace.findChildren(QAbstractItemView)
        if view is not workspace.sidebar and not _in_combo_box(view) and view.model() is not None
    ]
    assert [v.accessibleName() for v in lists if v.model().rowCount() > 0] == []
    texts = [w.text() for w in workspace.findChildren(QLabel) + workspace.findChildren(QLineEdit)]
    assert [t for t in texts if "Amal" in t or "agenda" in t] == []
    assert not window.log_action.isEnabled()
    assert window.windowTitle() == "ContactKeeper"

    ui = window.start.unlock_page.ui
    qtbot.waitUntil(ui.passphraseEdit.hasFocus)
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    with qtbot.waitSignal(context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)
    assert window.screens.currentWidget() is workspace
    assert workspace.current_view() is workspace.today
    assert workspace.today.follow_ups.model.index(0, 1, QModelIndex()).data() == "Send the agenda"
    assert workspace.actors.model.rowCount() == 1


def test_ctrl_shift_l_locks(qtbot, opened: Opened) -> None:
    window, context, _ = opened
    with qtbot.waitSignal(context.vault_locked):
        qtbot.keyClick(
            window,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert window.screens.currentWidget() is window.start


def test_the_about_box_names_the_version_and_the_licences(qtbot, opened: Opened) -> None:
    window, _, _ = opened
    window.about_action.trigger()
    about = window.about_dialog
    assert about is not None
    assert about.isVisible()
    text = about.text.text()
    for expected in ("ContactKeeper 0.", "PySide6", "LGPL-3.0", "SQLCipher", "BSD", "MIT"):
        assert expected in text
    about.reject()


def test_closing_remembers_the_geometry_and_nothing_else(
    qtbot, opened: Opened, tmp_path: Path
) -> None:
    window, context, _ = opened
    window.close()
    assert not context.unlocked
    settings = window.settings.store
    assert sorted(settings.allKeys()) == ["vaults/recent", "window/geometry"]
    text = (tmp_path / "settings.ini").read_text(encoding="latin-1")
    assert "Amal" not in text
    assert "agenda" not in text


def test_ctrl_n_opens_the_new_actor_form_on_the_actors_list(qtbot, opened: Opened) -> None:
    window, _, _ = opened
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.workspace.actors.new_actor_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert window.workspace.current_view() is window.workspace.actors
    dialog.reject()


def test_ctrl_z_brings_back_a_deleted_actor(qtbot, opened: Opened) -> None:
    window, context, vault = opened
    amal = actors.list_actors(vault, context.now())[0]
    assert not window.undo_action.isEnabled()
    window.show_section(1)  # the actors list, on screen
    window.undo.confirm = lambda *_args: True  # the user answers "Delete" to the question
    window.undo.discard("actor", amal.id, "Amal Haddad", window)
    assert window.workspace.actors.model.rowCount() == 0
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == f"&Undo delete of “{isolate('Amal Haddad')}”"
    window.workspace.actors.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.actors.model.index(0, 0).data() == "Amal Haddad"
    assert not window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo"


def test_the_trash_lists_what_was_deleted_and_restores_it(qtbot, opened: Opened) -> None:
    window, context, vault = opened
    amal = actors.list_actors(vault, context.now())[0]
    window.undo.confirm = lambda *_args: True
    window.undo.discard("actor", amal.id, "Amal Haddad", window)
    assert _menu_shortcuts(window)["Trash…"] == "Ctrl+Shift+Del"
    window.trash_action.trigger()
    dialog = window.findChild(TrashDialog)
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.model.index(0, 0).data() == "Amal Haddad"
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert window.workspace.actors.model.index(0, 0).data() == "Amal Haddad"
    with qtbot.waitSignal(dialog.destroyed):
        context.lock()  # an open dialog closes with the vault


def test_open_vault_locks_only_once_a_folder_is_chosen(
    opened: Opened, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, context, _ = opened
    # The folder picker is a modal dialog; here it answers as the user would.
    monkeypatch.setattr(window.start, "ask_vault_folder", lambda: None)  # cancelled
    window.open_vault_action.trigger()
    assert context.unlocked
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.setattr(window.start, "ask_vault_folder", lambda: other)
    window.open_vault_action.trigger()
    assert not context.unlocked
    assert "is not a ContactKeeper vault" in window.start.welcome.ui.messageLabel.text()


def test_the_settings_dialog_sets_the_idle_time_of_auto_lock(qtbot, opened: Opened) -> None:
    window, context, _ = opened
    window.autolock = AutoLock(context, 5, watch_desktop=False)  # as the application does
    try:
        window.settings_action.trigger()
        dialog = window.settings_dialog
        assert dialog is not None
        assert dialog.isVisible()
        dialog.autolock_changed.emit(12)
        assert window.autolock.idle_minutes == 12
        dialog.autolock_changed.emit(0)  # never
        assert window.autolock.idle_minutes is None
        dialog.reject()
    finally:
        window.autolock.stop()


def test_the_backup_line_on_today_opens_the_backup_dialog(qtbot, opened: Opened) -> None:
    window, _, _ = opened
    reminder = window.workspace.today.backup_reminder
    assert reminder.isVisible()
    qtbot.mouseClick(reminder.button, Qt.MouseButton.LeftButton)
    assert window.backup.dialog is not None
    assert window.backup.dialog.isVisible()
    window.backup.dialog.reject()
