"""After deleting the record on screen the user is back where they came from, a notice with
an Undo button says what was deleted, and Ctrl+Z brings it back wherever the keyboard is,
unless a text field has typing of its own to undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.errors import RecordNotFound
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.i18n import isolate
from contactkeeper.records import actors, processes, relationships
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import RelationshipKind
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window

Opened = tuple[MainWindow, AppContext, int, int]


@pytest.fixture
def opened(qtbot: QtBot, tmp_path: Path, clock: FakeClock, vault: Vault) -> Opened:
    """The main window on Today, over a vault with Layla and Karim (who knows her)."""
    window, context, _ = make_window(qtbot, tmp_path, clock)
    layla = actors.create_actor(vault, NewActor("Layla Haddad"), clock()).id
    karim = actors.create_actor(vault, NewActor("Karim Nassar"), clock()).id
    relationships.add_relationship(vault, karim, layla, RelationshipKind.KNOWS)
    context.open(vault)
    window.undo.confirm = lambda *_args: True  # the user answers "Delete"
    return window, context, layla, karim


def _exists(context: AppContext, actor_id: int) -> bool:
    try:
        actors.get_actor(context.vault, actor_id, context.now())
    except RecordNotFound:
        return False
    return True


def _find_and_open(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Ctrl+K, a few letters, Enter: the first hit's page."""
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.workspace.search, text)
    qtbot.keyClick(window.workspace.search, Qt.Key.Key_Return)


def test_ctrl_z_in_the_search_field_brings_back_the_actor_just_deleted(
    qtbot: QtBot, opened: Opened
) -> None:
    window, context, layla, _ = opened
    workspace = window.workspace
    _find_and_open(qtbot, window, "Layla")
    assert workspace.current_view() is workspace.actor_page
    qtbot.mouseClick(workspace.actor_page.delete_button, Qt.MouseButton.LeftButton)

    assert not _exists(context, layla)
    # Back where the user came from (Today), not on an empty page of the deleted actor.
    assert workspace.current_view() is workspace.today
    assert not workspace.search.hasFocus()
    notice = window.undo_notice
    assert notice.isVisible()
    assert notice.label.text() == f"Deleted actor “{isolate('Layla Haddad')}”."
    assert notice.button.isVisible()

    # The user clicks into the search field (it has nothing of its own to undo) and presses
    # Ctrl+Z: the actor comes back; the old query does not.
    qtbot.mouseClick(workspace.search, Qt.MouseButton.LeftButton)
    assert workspace.search.hasFocus()
    qtbot.keyClick(workspace.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _exists(context, layla)
    assert workspace.search.text() == ""
    assert not notice.isVisible()


def test_ctrl_z_first_undoes_typing_in_a_field_then_the_deletion(
    qtbot: QtBot, opened: Opened
) -> None:
    window, context, layla, _ = opened
    workspace = window.workspace
    workspace.show_actor(layla)
    qtbot.mouseClick(workspace.actor_page.delete_button, Qt.MouseButton.LeftButton)
    search = workspace.search
    search.setFocus()
    qtbot.keyClicks(search, "zz")
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert search.text() == ""  # the field's own typing first
    assert not _exists(context, layla)
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _exists(context, layla)


def test_the_notices_undo_button_brings_the_actor_back(qtbot: QtBot, opened: Opened) -> None:
    window, context, layla, _ = opened
    workspace = window.workspace
    workspace.show_section(1)
    workspace.show_actor(layla)
    qtbot.mouseClick(workspace.actor_page.delete_button, Qt.MouseButton.LeftButton)
    assert workspace.current_view() is workspace.actors  # back to the list
    assert workspace.actors.table.hasFocus()
    qtbot.mouseClick(window.undo_notice.button, Qt.MouseButton.LeftButton)
    assert _exists(context, layla)
    assert not window.undo_notice.isVisible()
    assert window.statusBar().currentMessage() == f"Restored actor “{isolate('Layla Haddad')}”."


def test_deleting_an_actor_reached_from_another_goes_back_to_the_first(
    qtbot: QtBot, opened: Opened
) -> None:
    window, _, layla, karim = opened
    workspace = window.workspace
    workspace.show_actor(layla)
    workspace.show_actor(karim)  # through the relationship, say
    qtbot.mouseClick(workspace.actor_page.delete_button, Qt.MouseButton.LeftButton)
    assert workspace.current_view() is workspace.actor_page
    assert workspace.actor_page.actor_id == layla
    assert workspace.actor_page.name_label.text() == "Layla Haddad"
    # Going back again never lands on the deleted one.
    workspace.show_actor(layla)
    qtbot.mouseClick(workspace.actor_page.delete_button, Qt.MouseButton.LeftButton)
    assert workspace.current_view() is workspace.today


def test_deleting_a_process_goes_back_to_the_processes(qtbot: QtBot, opened: Opened) -> None:
    window, context, _, _ = opened
    workspace = window.workspace
    coast = processes.create_process(context.vault, "Coastal dialogue").id
    workspace.show_section(2)
    workspace.show_process(coast)
    qtbot.mouseClick(workspace.process_page.delete_button, Qt.MouseButton.LeftButton)
    assert workspace.current_view() is workspace.processes
    assert window.undo_notice.label.text() == f"Deleted process “{isolate('Coastal dialogue')}”."
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert processes.get_process(context.vault, coast).name == "Coastal dialogue"


def test_the_notice_goes_when_the_vault_locks_and_hides_names_in_privacy_mode(
    qtbot: QtBot, opened: Opened
) -> None:
    window, context, layla, _ = opened
    window.workspace.show_actor(layla)
    qtbot.mouseClick(window.workspace.actor_page.delete_button, Qt.MouseButton.LeftButton)
    context.set_privacy(True)
    assert "Layla" not in window.undo_notice.label.text()
    context.lock()
    assert not window.undo_notice.isVisible()
    assert window.undo_notice.label.text() == ""
