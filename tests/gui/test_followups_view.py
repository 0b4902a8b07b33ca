"""Follow-ups: filtered by open, overdue and done; ticked off in one click."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.followups import FollowUpsView
from contactkeeper.records import actors, followups
from contactkeeper.records.actors import NewActor
from contactkeeper.records.followups import NewFollowUp
from tests.gui.window_helpers import show_active


def _titles(view: FollowUpsView) -> list[str]:
    return [view.model.index(r, 2).data() for r in range(view.model.rowCount())]


def _setup(context: AppContext, qtbot: QtBot) -> tuple[FollowUpsView, int]:
    today = context.now().astimezone().date()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), context.now())
    for title, due in (
        ("Send the fisheries paper", today - timedelta(days=3)),
        ("Call about the visa", today + timedelta(days=4)),
    ):
        followups.create_follow_up(context.vault, NewFollowUp(title, due, actor_id=layla.id))
    view = FollowUpsView(context)
    qtbot.addWidget(view)
    view.resize(800, 400)
    show_active(qtbot, view)
    return view, layla.id


def test_overdue_follow_ups_come_first_and_say_so(context: AppContext, qtbot: QtBot) -> None:
    view, _ = _setup(context, qtbot)
    assert _titles(view) == ["Send the fisheries paper", "Call about the visa"]
    assert view.model.index(0, 5).data() == "overdue by 3 d"
    assert view.model.index(1, 5).data() == "open"
    assert view.model.index(0, 3).data() == "Layla Haddad"
    view.filter.setCurrentIndex(view.filter.findData("overdue"))
    assert _titles(view) == ["Send the fisheries paper"]


def test_a_follow_up_is_ticked_off_in_one_click(context: AppContext, qtbot: QtBot) -> None:
    view, _ = _setup(context, qtbot)
    cell = view.table.visualRect(view.model.index(0, 0)).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)

    assert _titles(view) == ["Call about the visa"]
    [done] = [f for f in followups.list_follow_ups(context.vault, include_done=True) if f.done]
    assert done.title == "Send the fisheries paper"
    assert done.done_at == context.now()

    view.filter.setCurrentIndex(view.filter.findData("done"))
    assert _titles(view) == ["Send the fisheries paper"]
    assert view.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # A second click (here: Space on the row) puts it back on the list.
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert _titles(view) == []
    assert [f.title for f in followups.list_follow_ups(context.vault)] == [
        "Send the fisheries paper",
        "Call about the visa",
    ]


def test_clicking_the_actor_opens_their_page(context: AppContext, qtbot: QtBot) -> None:
    view, layla = _setup(context, qtbot)
    cell = view.table.visualRect(view.model.index(1, 3)).center()
    with qtbot.waitSignal(context.open_actor) as opened:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened.args == [layla]
    assert view.selected_actor_ids() == [layla]  # what Ctrl+L pre-fills


def test_locking_empties_the_list(context: AppContext, qtbot: QtBot) -> None:
    view, _ = _setup(context, qtbot)
    context.lock()
    assert view.model.rowCount() == 0
    assert view.count_label.text() == ""


def test_a_follow_up_is_postponed_by_editing_its_due_date_in_place(
    context: AppContext, qtbot: QtBot
) -> None:
    view, _ = _setup(context, qtbot)
    later = context.now().astimezone().date() + timedelta(days=10)
    due = view.model.index(0, 1)
    view.table.setCurrentIndex(due)
    view.table.edit(due)
    editor = view.table.focusWidget()
    assert isinstance(editor, QDateEdit)
    editor.setDate(QDate(later.year, later.month, later.day))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _titles(view)[0] == "Call about the visa")
    paper = next(f for f in followups.list_follow_ups(context.vault) if "paper" in f.title)
    assert paper.due_on == later
    assert view.model.index(1, 5).data() == "open"
