"""Relationships say which way they go before they are saved, and can be edited, turned
around and deleted from the actor page, with undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.records import RelationshipDialog
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.i18n import isolate
from contactkeeper.records import actors, relationships
from contactkeeper.records.actors import NewActor
from contactkeeper.records.relationships import RelationshipInfo
from contactkeeper.vault.model import RelationshipKind, Sensitivity
from tests.gui.shown_text import visible
from tests.gui.window_helpers import show_active


@pytest.fixture
def pair(context: AppContext) -> tuple[int, int]:
    now = context.now()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now).id
    karim = actors.create_actor(context.vault, NewActor("Karim Nassar"), now).id
    return layla, karim


def _page(context: AppContext, qtbot: QtBot, actor_id: int) -> ActorPage:
    page = ActorPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    show_active(qtbot, page)
    page.show_actor(actor_id)
    page.tabs.setCurrentWidget(page.relationship_table)
    return page


def _dialog(page: ActorPage) -> RelationshipDialog:
    dialog = page.dialog
    assert isinstance(dialog, RelationshipDialog)
    assert dialog.isVisible()
    return dialog


def _ties(context: AppContext, actor_id: int) -> list[RelationshipInfo]:
    return relationships.relationships_of(context.vault, actor_id)


def test_the_sentence_to_be_saved_shows_as_the_user_chooses_and_turns_around(
    context: AppContext, qtbot: QtBot, pair: tuple[int, int]
) -> None:
    layla, karim = pair
    page = _page(context, qtbot, layla)
    qtbot.mouseClick(page.relationship_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(page)
    assert visible(dialog.statement.text()).startswith("Layla Haddad knows …")
    dialog.kind.setCurrentIndex(dialog.kind.findData(RelationshipKind.CAN_INTRODUCE.value))
    qtbot.keyClicks(dialog.other.picker, "Karim")
    popup = dialog.other.picker.actor_completer.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # the first suggestion
    assert dialog.other.label.text() == "Karim Nassar"
    assert visible(dialog.statement.text()) == "Layla Haddad can introduce Karim Nassar"
    qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)
    assert visible(dialog.statement.text()) == "Karim Nassar can introduce Layla Haddad"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    [tie] = _ties(context, layla)
    assert (tie.from_actor_id, tie.to_actor_id) == (karim, layla)
    assert visible(tie.sentence()) == "Karim Nassar can introduce Layla Haddad"
    assert (
        visible(page.relationships.index(0, 1).data()) == "Karim Nassar can introduce Layla Haddad"
    )


def test_the_sentence_follows_the_privacy_rule(
    context: AppContext, qtbot: QtBot, pair: tuple[int, int]
) -> None:
    layla, karim = pair
    actors.update_actor(context.vault, karim, context.now(), sensitivity=Sensitivity.HIGH_RISK)
    codename = actors.get_actor(context.vault, karim, context.now()).codename
    dialog = RelationshipDialog(context, layla)
    qtbot.addWidget(dialog)
    dialog.choose(karim, codename)
    dialog.turn_around()
    assert visible(dialog.statement.text()) == f"{codename} knows Layla Haddad"
    assert "Karim" not in visible(dialog.statement.text())


def test_enter_edits_a_tie_and_turning_it_around_is_saved(
    context: AppContext, qtbot: QtBot, pair: tuple[int, int]
) -> None:
    layla, karim = pair
    relationships.add_relationship(
        context.vault, layla, karim, RelationshipKind.CAN_INTRODUCE, strength=4, source="Omar"
    )  # saved the wrong way round
    page = _page(context, qtbot, layla)
    table = page.relationship_table
    table.setFocus()
    table.setCurrentIndex(page.relationships.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = _dialog(page)
    assert dialog.windowTitle() == "Edit a relationship"
    assert visible(dialog.statement.text()) == "Layla Haddad can introduce Karim Nassar"
    qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    [tie] = _ties(context, layla)
    assert visible(tie.sentence()) == "Karim Nassar can introduce Layla Haddad"
    assert (tie.strength, tie.source) == (4, "Omar")
    assert page.relationships.rowCount() == 1

    # F2 edits too; Ctrl+Z (the window's undo) takes the change back.
    undo = UndoController.for_context(context)
    assert visible(undo.undo_text) == "&Undo change to “Layla Haddad can introduce Karim Nassar”"
    table.setFocus()
    table.setCurrentIndex(page.relationships.index(0, 2))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    f2 = _dialog(page)
    f2.strength.setValue(2)
    qtbot.mouseClick(f2.save_button, Qt.MouseButton.LeftButton)
    assert _ties(context, layla)[0].strength == 2
    undo.undo()
    assert _ties(context, layla)[0].strength == 4
    undo.undo()
    assert visible(_ties(context, layla)[0].sentence()) == "Layla Haddad can introduce Karim Nassar"


def test_delete_removes_a_tie_and_undo_brings_it_back(
    context: AppContext, qtbot: QtBot, pair: tuple[int, int]
) -> None:
    layla, karim = pair
    relationships.add_relationship(context.vault, karim, layla, RelationshipKind.TRUSTS)
    page = _page(context, qtbot, layla)
    undo = UndoController.for_context(context)
    asked: list[str] = []
    undo.confirm = lambda _parent, _title, text: asked.append(text) is None
    table = page.relationship_table
    table.setFocus()
    table.setCurrentIndex(page.relationships.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "Karim Nassar trusts Layla Haddad" in visible(asked[0])
    assert page.relationships.rowCount() == 0
    assert undo.undo()
    assert visible(page.relationships.index(0, 1).data()) == "Karim Nassar trusts Layla Haddad"


def test_the_right_click_menu_edits_opens_and_deletes(
    context: AppContext, qtbot: QtBot, pair: tuple[int, int]
) -> None:
    layla, karim = pair
    relationships.add_relationship(context.vault, karim, layla, RelationshipKind.RIVAL)
    page = _page(context, qtbot, layla)
    index = page.relationships.index(0, 1)
    menu = page.row_menu(page.relationship_table, index)
    assert menu is not None
    actions = {a.text(): a for a in menu.actions()}
    open_karim = f"&Open {isolate('Karim Nassar')}"  # the name isolated for the bidi algorithm
    assert list(actions) == ["&Edit…", open_karim, "&Delete relationship…"]
    assert actions["&Edit…"].shortcut().toString() == "F2"

    actions["&Edit…"].trigger()
    assert visible(_dialog(page).statement.text()) == "Karim Nassar is a rival of Layla Haddad"
    page.dialog.reject()
    with qtbot.waitSignal(context.open_actor) as opened:
        actions[open_karim].trigger()
    assert opened.args == [karim]
    UndoController.for_context(context).confirm = lambda *_args: True
    page.relationship_table.setCurrentIndex(index)
    actions["&Delete relationship…"].trigger()
    assert _ties(context, layla) == []
