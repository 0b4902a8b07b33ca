"""A write made in one place shows in every open view at once, with no manual refresh.

Every view of the application is open on screen at the same time, over a copy of the demo
vault: Today, the actors list, Hassan Qadri's page, the page of the Dry Valley process he
takes part in, the journal and the follow-ups. Each test makes one kind of write through
the widget a user would use, then reads every view as the user would.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QLabel,
    QLineEdit,
    QTableView,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contactkeeper.demo import create_demo_vault
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.records import CueDialog
from contactkeeper.gui.dialogs.trash import TrashDialog
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.gui.views.actors import ActorsView
from contactkeeper.gui.views.followups import DONE_COLUMN, FollowUpsView
from contactkeeper.gui.views.journal import JournalView
from contactkeeper.gui.views.process_page import ProcessPage
from contactkeeper.gui.views.today import TodayView
from contactkeeper.records import actors, interactions, processes
from contactkeeper.vault import Vault
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import InteractionKind
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import make_window
from tests.gui.shown_text import visible
from tests.gui.window_helpers import show_active

HASSAN = "Hassan Qadri"  # going cold in the demo, with a follow-up overdue
DRY_VALLEY = "Dry Valley Return Initiative"  # a process he takes part in
HIS_FOLLOW_UP = "Find Hassan's new number"
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)  # the clock fixture's start


@pytest.fixture(scope="module")
def demo_made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("changes") / "demo"
    create_demo_vault(path, PASSPHRASE, NOW, kdf=FAST_KDF).close()
    return path


@pytest.fixture
def demo(tmp_path: Path, demo_made: Path) -> Iterator[Vault]:
    """A copy of the demo vault of its own (the tests write to it)."""
    path = tmp_path / "demo"
    shutil.copytree(demo_made, path)
    vault = Vault.unlock(path, PASSPHRASE)
    yield vault
    vault.close()


@dataclass
class Desk:
    """Every view, each open in a window of its own."""

    context: AppContext
    hassan: int
    dry_valley: int
    today: TodayView
    actors: ActorsView
    actor_page: ActorPage
    process_page: ProcessPage
    journal: JournalView
    follow_ups: FollowUpsView

    def views(self) -> dict[str, QWidget]:
        return {
            "Today": self.today,
            "Actors": self.actors,
            "actor page": self.actor_page,
            "process page": self.process_page,
            "Journal": self.journal,
            "Follow-ups": self.follow_ups,
        }


def _id_of_actor(vault: Vault, name: str, clock: FakeClock) -> int:
    (found,) = [
        a.id for a in actors.list_actors(vault, clock(), limit=1000) if a.display_name == name
    ]
    return found


@pytest.fixture
def desk(qtbot: QtBot, demo: Vault, clock: FakeClock) -> Iterator[Desk]:
    context = AppContext(clock=clock)
    context.open(demo, demo=True)
    hassan = _id_of_actor(demo, HASSAN, clock)
    (dry_valley,) = [p.id for p in processes.list_processes(demo) if p.name == DRY_VALLEY]
    today, actors_view = TodayView(context), ActorsView(context)
    actor_page, process_page = ActorPage(context), ProcessPage(context)
    journal, follow_ups = JournalView(context), FollowUpsView(context)
    for view in (today, actors_view, actor_page, process_page, journal, follow_ups):
        qtbot.addWidget(view)
        view.resize(1100, 700)
        view.show()
        qtbot.waitExposed(view)
    today.reload()
    actors_view.reload()
    actor_page.show_actor(hassan)
    process_page.show_process(dry_valley)
    UndoController.for_context(context).confirm = lambda parent, title, text: True
    yield Desk(
        context,
        hassan,
        dry_valley,
        today,
        actors_view,
        actor_page,
        process_page,
        journal,
        follow_ups,
    )
    context.lock()


# -- reading what a view shows -----------------------------------------------------------------


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, tree: bool) -> Iterator[str]:
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            value = model.index(row, column, parent).data()
            if value is not None:
                yield str(value)
        if tree:
            yield from _model_texts(model, model.index(row, 0, parent), tree)


def texts(view: QWidget) -> list[str]:
    """Every text the view shows: labels, fields and the cells of its tables and trees."""
    found = [label.text() for label in view.findChildren(QLabel)]
    found += [edit.text() for edit in view.findChildren(QLineEdit)]
    for item_view in view.findChildren(QAbstractItemView):
        if isinstance(item_view, QTableView | QTreeView):  # not the lists of combo boxes
            tree = isinstance(item_view, QTreeView)
            found += _model_texts(item_view.model(), QModelIndex(), tree)
    return found


def showing(desk: Desk, text: str) -> set[str]:
    """The views (by name) that show ``text`` somewhere."""
    return {name for name, view in desk.views().items() if any(text in t for t in texts(view))}


def _cell(model: QAbstractItemModel, key: str, column: int, key_column: int = 0) -> str:
    """The cell in ``column`` of the row that reads ``key`` in ``key_column``."""
    for row in range(model.rowCount()):
        if model.index(row, key_column).data() == key:
            return str(model.index(row, column).data())
    raise AssertionError(f"no row {key!r}")


def _going_cold(today: TodayView) -> list[str]:
    model = today.going_cold.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _pick(qtbot: QtBot, edit: QLineEdit, completer: QCompleter, name: str) -> None:
    """Type part of a name and take the first suggestion, as a user does."""
    qtbot.keyClicks(edit, name.split()[0])
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data().startswith(name)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


# -- one test per kind of write ------------------------------------------------------------------


def test_a_contact_logged_shows_on_every_view_that_lists_contacts(qtbot: QtBot, desk: Desk) -> None:
    assert HASSAN in _going_cold(desk.today)
    assert _cell(desk.actors.model, HASSAN, 4) == "cold"
    dialog = LogDialog(desk.context, None, [desk.hassan])
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.keyClicks(dialog.ui.summaryEdit, "Tea by the old harbour")
    dialog.ui.followUpBox.setChecked(True)
    qtbot.keyClicks(dialog.ui.followUpEdit, "Send Hassan the minutes")
    qtbot.keyClick(dialog.ui.summaryEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == LogDialog.DialogCode.Accepted

    assert showing(desk, "Tea by the old harbour") == {"actor page", "Journal"}
    # Due in a week: on Today's list of what is due this week too.
    assert showing(desk, "Send Hassan the minutes") == {"Today", "actor page", "Follow-ups"}
    assert HASSAN not in _going_cold(desk.today)
    assert _cell(desk.actors.model, HASSAN, 4) == "warm"
    assert desk.actor_page.badge.text() == "warm"


def test_an_actor_renamed_on_their_page_is_renamed_everywhere(qtbot: QtBot, desk: Desk) -> None:
    everywhere = {"Today", "Actors", "actor page", "process page", "Journal", "Follow-ups"}
    assert showing(desk, HASSAN) == everywhere
    page = desk.actor_page
    page.tabs.setCurrentWidget(page.form.parentWidget())
    edit = page.form.ui.displayNameEdit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Hassan al-Qadri")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    # The page's ways in are worked out again in the background: their answer comes a
    # moment later (on a loaded machine, after the rest of the page).
    qtbot.waitUntil(lambda: not page.paths.busy, timeout=10_000)

    assert showing(desk, "Hassan al-Qadri") == everywhere
    assert showing(desk, HASSAN) == set()


def test_a_follow_up_ticked_off_leaves_today_and_shows_done_on_the_actor_page(
    qtbot: QtBot, desk: Desk
) -> None:
    assert showing(desk, HIS_FOLLOW_UP) == {"Today", "actor page", "Follow-ups"}
    table = desk.follow_ups.table
    model = desk.follow_ups.model
    (row,) = [r for r in range(model.rowCount()) if model.index(r, 2).data() == HIS_FOLLOW_UP]
    table.scrollTo(model.index(row, DONE_COLUMN))
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(model.index(row, DONE_COLUMN)).center(),
    )

    assert showing(desk, HIS_FOLLOW_UP) == {"actor page"}  # the list shows open ones
    assert _cell(desk.actor_page.follow_ups, HIS_FOLLOW_UP, 2, key_column=1) == "done"


def test_a_readiness_cue_added_on_the_process_page_shows_on_today_and_the_actor_page(
    qtbot: QtBot, desk: Desk
) -> None:
    qtbot.mouseClick(desk.process_page.add_cue_button, Qt.MouseButton.LeftButton)
    dialog = desk.process_page.dialog
    assert isinstance(dialog, CueDialog)
    qtbot.waitExposed(dialog)
    _pick(qtbot, dialog.actor.picker, dialog.actor.picker.actor_completer.completer, HASSAN)
    qtbot.keyClicks(dialog.note, "Elders ask for a return date")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert showing(desk, "Elders ask for a return date") == {"actor page", "process page"}
    latest = desk.today.cues.model
    assert visible(latest.index(0, 2).data()) == f"{HASSAN} · {DRY_VALLEY}"


def test_a_deleted_contact_leaves_every_view_and_undo_brings_it_back(
    qtbot: QtBot, desk: Desk, clock: FakeClock
) -> None:
    with desk.context.writing():  # logged elsewhere (the log dialog has its own test)
        logged = interactions.log_interaction(
            desk.context.vault,
            occurred_at=clock(),
            kind=InteractionKind.CALL,
            participants=[desk.hassan],
            summary="Call about the wells",
        )
    assert showing(desk, "Call about the wells") == {"actor page", "Journal"}
    assert _cell(desk.actors.model, HASSAN, 4) == "warm"

    journal = desk.journal
    journal.table.setFocus()
    journal.table.selectRow(0)
    assert journal.model.row_at(0).id == logged.id
    qtbot.keyClick(journal.table, Qt.Key.Key_Delete)
    assert showing(desk, "Call about the wells") == set()
    assert _cell(desk.actors.model, HASSAN, 4) == "cold"

    assert UndoController.for_context(desk.context).undo()  # what Ctrl+Z does
    assert showing(desk, "Call about the wells") == {"actor page", "Journal"}
    assert _cell(desk.actors.model, HASSAN, 4) == "warm"
    assert HASSAN not in _going_cold(desk.today)


# -- only what is seen is drawn, and a view does not redraw for its own writes ------------------


def test_a_hidden_view_redraws_only_when_shown_again(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo: Vault
) -> None:
    window, context, _settings = make_window(qtbot, tmp_path, clock)
    context.open(demo, demo=True)
    workspace = window.workspace
    assert workspace.current_view() is workspace.today
    journal = workspace.journal
    # The journal loads when first shown; it is then left for Today again.
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_view() is workspace.today
    before = journal.model.total
    assert before > 0

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.log_dialog
    assert isinstance(dialog, LogDialog)
    qtbot.waitExposed(dialog)
    _pick(qtbot, dialog.ui.participantEdit, dialog.picker.completer, HASSAN)
    qtbot.keyClicks(dialog.ui.summaryEdit, "Lunch at the ministry")
    qtbot.keyClick(dialog.ui.summaryEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    # Today is on screen: it has redrawn. The journal is not: it waits, unread.
    assert HASSAN not in _going_cold(workspace.today)
    assert journal.refresh.stale
    assert journal.model.total == before

    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_view() is journal
    assert not journal.refresh.stale
    assert journal.model.total == before + 1
    assert "Lunch at the ministry" in texts(journal)


def test_ticking_a_follow_up_redraws_the_list_once(desk: Desk) -> None:
    redraws: list[None] = []
    desk.follow_ups.model.modelReset.connect(lambda: redraws.append(None))
    desk.follow_ups.toggle(0)
    # Its own redraw; the change it made itself does not bring a second one.
    assert len(redraws) == 1


def test_notes_saved_on_the_actor_page_reach_the_others_but_do_not_redraw_the_page(
    qtbot: QtBot, desk: Desk
) -> None:
    page = desk.actor_page
    show_active(qtbot, page)  # the window with the keyboard, so that leaving a field counts
    redraws: list[None] = []
    page.timeline.modelReset.connect(lambda: redraws.append(None))
    page.tabs.setCurrentWidget(page.notes)
    page.notes.setFocus()
    qtbot.keyClicks(page.notes, " Likes cardamom coffee.")
    with qtbot.waitSignal(desk.context.changed) as changed:
        qtbot.keyClick(page.notes, Qt.Key.Key_Tab)  # leaving the field saves it
    changes, initiator = changed.args
    assert initiator is page
    assert changes.ids_of(Kind.ACTOR) == {desk.hassan}
    assert redraws == []  # the page shows what it wrote already
    saved = actors.get_actor(desk.context.vault, desk.hassan, desk.context.now()).notes
    assert "Likes cardamom coffee." in saved
    assert page.notes.toPlainText() == saved


def test_the_open_trash_follows_a_delete_and_an_undo_made_elsewhere(
    qtbot: QtBot, desk: Desk
) -> None:
    trash_dialog = TrashDialog(desk.context)
    qtbot.addWidget(trash_dialog)
    trash_dialog.show()
    qtbot.waitExposed(trash_dialog)
    assert trash_dialog.model.rowCount() == 0
    qtbot.mouseClick(desk.actor_page.delete_button, Qt.MouseButton.LeftButton)
    assert [e.label for e in trash_dialog.model.rows] == [HASSAN]
    assert showing(desk, HASSAN) == set()

    assert UndoController.for_context(desk.context).undo()  # what Ctrl+Z does
    assert trash_dialog.model.rowCount() == 0
    assert showing(desk, HASSAN) == {
        "Today",
        "Actors",
        "actor page",
        "process page",
        "Journal",
        "Follow-ups",
    }
