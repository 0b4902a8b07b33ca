"""Deleting asks first, goes to the trash, and Ctrl+Z or the trash dialog brings it back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.errors import RecordNotFound
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.trash import TrashDialog
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.records import actors, interactions, trash
from contactkeeper.records.actors import NewActor
from contactkeeper.vault.model import InteractionKind
from tests.gui.window_helpers import show_active


def _actor_with_history(context: AppContext) -> int:
    now = context.now()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now)
    interactions.log_interaction(
        context.vault,
        occurred_at=now - timedelta(days=2),
        kind=InteractionKind.MEETING,
        participants=[layla.id],
        summary="Tea at the embassy garden",
    )
    return layla.id


def test_declining_the_question_keeps_the_actor(context: AppContext) -> None:
    layla = _actor_with_history(context)
    undo = UndoController.for_context(context)
    asked: list[str] = []
    undo.confirm = lambda parent, title, text: asked.append(text) is not None and False
    assert undo.discard("actor", layla, "Layla Haddad") is False
    assert "Layla Haddad" in asked[0]
    assert actors.get_actor(context.vault, layla, context.now()).display_name == "Layla Haddad"


def test_ctrl_z_brings_a_deleted_actor_back_with_their_interactions(
    context: AppContext, qtbot: QtBot
) -> None:
    layla = _actor_with_history(context)
    window = QWidget()
    qtbot.addWidget(window)
    undo = UndoController.for_context(context)
    action = undo.action(window)
    undo.confirm = lambda parent, title, text: True
    show_active(qtbot, window)
    assert not action.isEnabled()

    with qtbot.waitSignal(context.changed):
        assert undo.discard("actor", layla, "Layla Haddad")
    with pytest.raises(RecordNotFound):
        actors.get_actor(context.vault, layla, context.now())
    assert action.isEnabled()
    assert "Layla Haddad" in action.text()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    back = actors.get_actor(context.vault, layla, context.now())
    assert back.display_name == "Layla Haddad"
    assert back.warmth.warmth == "warm"
    journal = interactions.journal(context.vault, interactions.JournalFilter(actor_id=layla))
    assert [i.summary for i in journal] == ["Tea at the embassy garden"]
    assert not action.isEnabled()
    assert trash.entries(context.vault) == []


def test_the_trash_dialog_restores_and_empties(context: AppContext, qtbot: QtBot) -> None:
    layla = _actor_with_history(context)
    karim = actors.create_actor(context.vault, NewActor("Karim Nasser"), context.now()).id
    undo = UndoController.for_context(context)
    undo.confirm = lambda parent, title, text: True
    undo.discard("actor", layla, "Layla Haddad")
    undo.discard("actor", karim, "Karim Nasser")

    dialog = TrashDialog(context)
    qtbot.addWidget(dialog)
    labels = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    assert labels == ["Karim Nasser", "Layla Haddad"]

    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert actors.get_actor(context.vault, layla, context.now()).display_name == "Layla Haddad"
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == [
        "Karim Nasser"
    ]
    # Ctrl+Z now restores Karim, not Layla a second time.
    assert undo.undo_label == "Karim Nasser"

    undo.discard("actor", layla, "Layla Haddad")
    dialog.reload()
    dialog.confirm = lambda parent, title, text: True
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0
    assert trash.entries(context.vault) == []
    assert undo.undo() is False


def test_locking_clears_the_trash_list_and_the_undo_history(
    context: AppContext, qtbot: QtBot
) -> None:
    layla = _actor_with_history(context)
    undo = UndoController.for_context(context)
    undo.confirm = lambda parent, title, text: True
    undo.discard("actor", layla, "Layla Haddad")
    dialog = TrashDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    context.lock()
    assert dialog.model.rowCount() == 0
    assert undo.undo_label == ""


def test_pages_delete_through_the_controller_the_window_made(
    context: AppContext, qtbot: QtBot
) -> None:
    layla = _actor_with_history(context)
    window = QWidget()
    qtbot.addWidget(window)
    page = ActorPage(context)  # made before the window's controller, as in the main window
    qtbot.addWidget(page)
    undo = UndoController(context, window)
    undo.confirm = lambda parent, title, text: True
    page.show_actor(layla)
    page.delete_button.click()
    assert undo.undo_label == "Layla Haddad"
    assert undo.undo() is True
    assert page.name_label.text() == "Layla Haddad"


def test_a_controller_whose_window_is_gone_is_replaced(context: AppContext) -> None:
    window = QWidget()
    first = UndoController(context, window)
    assert UndoController.for_context(context) is first
    window.deleteLater()
    del window
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    second = UndoController.for_context(context)
    assert second is not first
    assert second.undo() is False  # usable, with an empty history
