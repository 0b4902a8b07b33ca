"""The journal: all interactions, newest first, narrowed by actor, kind, dates and words."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.models.lazy_table import PAGE_SIZE
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.views.journal import JournalView
from contactkeeper.records import actors, interactions
from contactkeeper.records.actors import NewActor
from contactkeeper.vault.model import InteractionKind, Register
from tests.gui.window_helpers import show_active


def _summaries(view: JournalView) -> list[str]:
    return [view.model.index(r, 6).data() for r in range(view.model.rowCount())]


def _view(context: AppContext, qtbot: QtBot) -> JournalView:
    view = JournalView(context)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    show_active(qtbot, view)
    return view


def _week(context: AppContext) -> tuple[int, int]:
    now = context.now()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now).id
    omar = actors.create_actor(context.vault, NewActor("Omar Saleh"), now).id
    for days, who, kind, register, summary in (
        (6, layla, InteractionKind.MEETING, Register.PROFESSIONAL, "Port closure briefing"),
        (4, omar, InteractionKind.CALL, Register.PROFESSIONAL, "Visa question"),
        (2, layla, InteractionKind.SOCIAL, Register.SOCIAL, "Dinner, the port again"),
    ):
        interactions.log_interaction(
            context.vault,
            occurred_at=now - timedelta(days=days),
            kind=kind,
            register=register,
            participants=[who],
            summary=summary,
        )
    return layla, omar


def test_the_journal_lists_every_interaction_newest_first(
    context: AppContext, qtbot: QtBot
) -> None:
    _, omar = _week(context)
    view = _view(context, qtbot)
    assert _summaries(view) == ["Dinner, the port again", "Visa question", "Port closure briefing"]
    assert view.model.index(1, 3).data() == "Omar Saleh"
    assert view.count_label.text() == "3 interactions"
    view.table.selectRow(1)
    assert view.selected_actor_ids() == [omar]  # what Ctrl+L pre-fills


def test_filters_combine_words_actor_kind_and_dates(context: AppContext, qtbot: QtBot) -> None:
    layla, _ = _week(context)
    view = _view(context, qtbot)
    qtbot.keyClicks(view.text, "port")
    assert _summaries(view) == ["Dinner, the port again", "Port closure briefing"]
    view.kind.setCurrentIndex(view.kind.findData(InteractionKind.MEETING.value))
    assert _summaries(view) == ["Port closure briefing"]
    view.kind.setCurrentIndex(0)
    since = (context.now() - timedelta(days=3)).astimezone().date()
    view.since.setDate(QDate(since.year, since.month, since.day))
    assert _summaries(view) == ["Dinner, the port again"]
    view.text.clear()
    view.set_actor(layla, "Layla Haddad")
    assert _summaries(view) == ["Dinner, the port again"]
    view.since.setDate(view.since.minimumDate())
    assert _summaries(view) == ["Dinner, the port again", "Port closure briefing"]
    view.actor_chip.click()
    assert len(_summaries(view)) == 3


def test_a_logged_contact_appears_at_once(context: AppContext, qtbot: QtBot) -> None:
    layla, _ = _week(context)
    view = _view(context, qtbot)
    with context.writing():
        interactions.log_interaction(
            context.vault,
            occurred_at=context.now(),
            kind=InteractionKind.MESSAGE,
            participants=[layla],
            summary="Thanks for dinner",
        )
    assert _summaries(view)[0] == "Thanks for dinner"


def test_a_long_journal_loads_a_page_at_a_time(context: AppContext, qtbot: QtBot) -> None:
    now = context.now()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now).id
    for minutes in range(PAGE_SIZE + 20):
        interactions.log_interaction(
            context.vault,
            occurred_at=now - timedelta(minutes=minutes),
            kind=InteractionKind.MESSAGE,
            participants=[layla],
        )
    view = _view(context, qtbot)
    assert view.model.rowCount() == PAGE_SIZE
    assert view.count_label.text() == f"{PAGE_SIZE + 20} interactions"
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == PAGE_SIZE + 20)


def test_locking_empties_the_journal_and_its_filters(context: AppContext, qtbot: QtBot) -> None:
    _week(context)
    view = _view(context, qtbot)
    qtbot.keyClicks(view.text, "port")
    context.lock()
    assert view.model.rowCount() == 0
    assert view.text.text() == ""
    assert view.count_label.text() == ""


def test_delete_moves_an_interaction_to_the_trash_and_undo_brings_it_back(
    context: AppContext, qtbot: QtBot
) -> None:
    layla, _ = _week(context)
    view = _view(context, qtbot)
    undo = UndoController.for_context(context)
    asked: list[str] = []
    undo.confirm = lambda parent, title, text: bool(asked.append(text)) or True
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "social occasion" in asked[0]
    assert _summaries(view) == ["Visa question", "Port closure briefing"]
    before = actors.get_actor(context.vault, layla, context.now()).last_contact_at
    assert before == context.now() - timedelta(days=6)
    undo.undo()
    assert _summaries(view)[0] == "Dinner, the port again"
    restored = actors.get_actor(context.vault, layla, context.now()).last_contact_at
    assert restored == context.now() - timedelta(days=2)


def test_a_contact_is_corrected_from_the_journal(context: AppContext, qtbot: QtBot) -> None:
    _, omar = _week(context)
    view = _view(context, qtbot)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(1, 6))  # "Visa question", a call with Omar
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Edit a contact"
    assert dialog.participants() == [omar]
    assert dialog.ui.summaryEdit.toPlainText() == "Visa question"
    assert not dialog.ui.followUpBox.isVisible()
    dialog.ui.summaryEdit.setPlainText("Visa question for his son")
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData(InteractionKind.MEETING))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _summaries(view)[1] == "Visa question for his son"
    assert view.model.index(1, 1).data() == "meeting"
    assert interactions.count_journal(context.vault) == 3
