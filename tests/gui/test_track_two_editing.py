"""Track two on screen, after the first draft: deleting an event or a transfer (and Ctrl+Z),
changing an outcome or a transfer, cues and contacts that point to an event, and search hits
that open an event's page or the transfer log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.errors import RecordNotFound
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.records import CueDialog
from contactkeeper.gui.dialogs.track_two import OutcomeDialog, TransferDialog
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.i18n import isolate
from contactkeeper.records import events, readiness, transfers
from contactkeeper.vault import Vault
from contactkeeper.vault.model import OutcomeKind, TransferResult
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window
from tests.gui.shown_text import visible
from tests.gui.window_helpers import show_active
from tests.helpers.track_two import Story, build

Opened = tuple[MainWindow, AppContext, Story]


@pytest.fixture
def opened(qtbot: QtBot, tmp_path: Path, clock: FakeClock, vault: Vault) -> Opened:
    """The main window over the track-two story, deleting without asking."""
    window, context, _ = make_window(qtbot, tmp_path, clock)
    story = build(vault)
    context.open(vault)
    window.undo.confirm = lambda *_args: True  # the user answers "Delete"
    return window, context, story


def _cells(model: object, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]  # type: ignore[attr-defined]


def _find_and_open(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Ctrl+K, a few words, Enter: the first hit."""
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.workspace.search, text)
    qtbot.keyClick(window.workspace.search, Qt.Key.Key_Return)


def test_a_search_hit_opens_the_event_page(qtbot: QtBot, opened: Opened) -> None:
    window, _, story = opened
    workspace = window.workspace
    _find_and_open(qtbot, window, "pumping stations")  # words of an outcome

    assert workspace.current_view() is workspace.track_two
    assert workspace.track_two.currentWidget() is workspace.track_two.events
    page = workspace.track_two.events.page
    assert page.event_id == story.event
    assert page.title.text() == "Lakeside workshop"


def test_a_search_hit_opens_the_transfer_in_the_log(qtbot: QtBot, opened: Opened) -> None:
    window, context, story = opened
    workspace = window.workspace
    log = workspace.track_two.transfers
    log.awaiting_only.setChecked(True)
    with context.writing():
        transfers.record_result(context.vault, story.transfer, TransferResult.TAKEN_UP, None)
    _find_and_open(qtbot, window, "embassy")  # the channel it went through

    assert workspace.current_view() is workspace.track_two
    assert workspace.track_two.currentWidget() is log
    assert not log.awaiting_only.isChecked()  # a settled transfer is shown too
    chosen = log.model.row(log.table.currentIndex())
    assert chosen is not None
    assert chosen.id == story.transfer


def test_deleting_an_event_and_undoing_it(qtbot: QtBot, opened: Opened) -> None:
    window, context, story = opened
    workspace = window.workspace
    workspace.show_event(story.event)
    page = workspace.track_two.events.page
    assert page.outcomes.count() == 2

    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)

    with pytest.raises(RecordNotFound):
        events.get_event(context.vault, story.event, context.now())
    assert workspace.track_two.events.model.rowCount() == 0
    assert page.title.text() == "No event chosen"
    assert page.message.text() == ""  # deleted on purpose: no complaint that it is gone
    assert window.undo_notice.label.text() == f"Deleted event “{isolate('Lakeside workshop')}”."
    assert transfers.get_transfer(context.vault, story.transfer).event_id is None

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert _cells(workspace.track_two.events.model, 1) == ["Lakeside workshop"]
    back = events.get_event(context.vault, story.event, context.now())
    assert [i.actor_id for i in back.invitations] == [story.west, story.east]
    assert story.idea in [o.id for o in back.outcomes]
    assert transfers.get_transfer(context.vault, story.transfer).outcome_id == story.idea


def test_deleting_a_transfer_and_undoing_it(qtbot: QtBot, opened: Opened) -> None:
    window, context, story = opened
    workspace = window.workspace
    workspace.show_transfer(story.transfer)
    log = workspace.track_two.transfers
    assert log.model.rowCount() == 1

    qtbot.mouseClick(log.delete_button, Qt.MouseButton.LeftButton)

    assert log.model.rowCount() == 0
    assert transfers.list_transfers(context.vault) == []
    window.undo.undo()
    assert _cells(log.model, 2) == ["A joint survey of the aquifer"]

    # The Delete key on the log does the same.
    log.table.setFocus()
    log.table.selectRow(0)
    qtbot.keyClick(log.table, Qt.Key.Key_Delete)
    assert log.model.rowCount() == 0
    assert window.undo_notice.label.text().startswith("Deleted transfer “\u2068A joint survey")


def test_changing_an_outcome_from_the_event_page(context: AppContext, qtbot: QtBot) -> None:
    from contactkeeper.gui.views.track_two import TrackTwoView

    story = build(context.vault)
    view = TrackTwoView(context)
    qtbot.addWidget(view)
    view.resize(1200, 750)
    show_active(qtbot, view)
    view.show_event(story.event)
    page = view.events.page
    page.outcomes.setCurrentRow(1)  # the disagreement

    qtbot.mouseClick(page.edit_outcome_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, OutcomeDialog)
    assert dialog.text.toPlainText() == "Who pays for the pumping stations"
    assert dialog.passed.text().startswith("not yet")
    dialog.text.setPlainText("The donors pay for the pumping stations")
    dialog.kind.setCurrentIndex(dialog.kind.findData(OutcomeKind.UNDERSTANDING.value))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert visible(page.outcomes.item(1).text()) == (
        "Understanding: The donors pay for the pumping stations  [Chatham House]"
    )
    # The idea already passed to track one says so.
    page.outcomes.setCurrentRow(0)
    page.edit_outcome()
    assert isinstance(page.dialog, OutcomeDialog)
    assert page.dialog.passed.text().endswith(": idea, awaiting a reaction")


def test_changing_a_transfer_its_recipient_outcome_result_and_follow_up(
    context: AppContext, qtbot: QtBot
) -> None:
    from contactkeeper.gui.views.track_two import TrackTwoView

    vault = context.vault
    story = build(vault)
    other = events.add_outcome(vault, story.event, OutcomeKind.IDEA, "Shared monitoring")
    view = TrackTwoView(context)
    qtbot.addWidget(view)
    view.resize(1200, 750)
    show_active(qtbot, view)
    view.show_transfer(story.transfer)
    log = view.transfers

    qtbot.mouseClick(log.edit_button, Qt.MouseButton.LeftButton)
    dialog = log.dialog
    assert isinstance(dialog, TransferDialog)
    assert dialog.event_choice.currentData() == story.event
    assert dialog.outcome.currentData() == story.idea
    assert dialog.to_actor.actor_id == story.envoy
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(other))
    dialog.content.setPlainText("Shared monitoring of the wells")
    dialog.to_actor.reset()
    dialog.to_organization.setCurrentIndex(dialog.to_organization.findData(story.ministry))
    dialog.via.clear()
    qtbot.keyClicks(dialog.via, "Note verbale")
    dialog.passed.setDate(date(2026, 10, 22))
    rows = dialog.result_rows
    assert rows is not None
    rows.result.setCurrentIndex(rows.result.findData(TransferResult.REJECTED.value))
    rows.on.setDate(date(2026, 11, 2))
    qtbot.keyClicks(rows.note, "Not now")
    qtbot.keyClicks(dialog.follow_up, "Try again after the elections")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.message.text()

    saved = transfers.get_transfer(vault, story.transfer)
    assert (saved.content, saved.outcome_id, saved.event_id) == (
        "Shared monitoring of the wells",
        other,
        story.event,
    )
    assert (saved.recipient_actor_id, saved.recipient_organization) == (None, "Ministry of Water")
    assert (saved.via, saved.passed_on) == ("Note verbale", date(2026, 10, 22))
    assert (saved.result, saved.result_on, saved.result_note) == (
        TransferResult.REJECTED,
        date(2026, 11, 2),
        "Not now",
    )
    assert saved.open_follow_ups == 1
    assert _cells(log.model, 4) == ["Ministry of Water"]


def test_a_cue_and_a_contact_point_to_the_event_and_its_page_lists_them(
    context: AppContext, qtbot: QtBot
) -> None:
    from contactkeeper.gui.views.track_two import TrackTwoView

    vault = context.vault
    story = build(vault)
    view = TrackTwoView(context)
    qtbot.addWidget(view)
    view.resize(1200, 750)
    show_active(qtbot, view)
    view.show_event(story.event)
    page = view.events.page
    assert page.linked.count() == 1  # the sidelines talk of the story

    cue = CueDialog(context, story.process)
    qtbot.addWidget(cue)
    cue.event_choice.setCurrentIndex(cue.event_choice.findData(story.event))
    qtbot.keyClicks(cue.note, "Both sides asked for a second round")
    qtbot.mouseClick(cue.save_button, Qt.MouseButton.LeftButton)

    log = LogDialog(context, None, [story.west])
    qtbot.addWidget(log)
    log.event_choice.setCurrentIndex(log.event_choice.findData(story.event))
    log.ui.summaryEdit.setPlainText("Coffee after the closing session")
    log.ui.cueBox.setChecked(True)
    qtbot.keyClicks(log.ui.cueNoteEdit, "He would come back")
    qtbot.mouseClick(log.save_button, Qt.MouseButton.LeftButton)
    assert log.logged is not None

    texts = [page.linked.item(i).text() for i in range(page.linked.count())]
    assert len(texts) == 4, texts
    assert any("Coffee after the closing session" in t for t in texts)
    assert any("Both sides asked for a second round" in t for t in texts)
    assert any("He would come back" in t for t in texts)
    info = events.get_event(vault, story.event, context.now())
    assert log.logged.id in info.interaction_ids
    assert all(c.attribution.value != "on the record" for c in info.cues)  # the event's rule

    # Correcting the contact can move it off the event.
    edit = LogDialog.edit(context, log.logged.id)
    qtbot.addWidget(edit)
    assert edit.event_choice.currentData() == story.event
    edit.event_choice.setCurrentIndex(0)
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert events.event_of_interaction(vault, log.logged.id) is None
    # A cue opened from the page shows its event.
    page.sections.setCurrentIndex(2)
    cue_row = next(
        i for i in range(page.linked.count()) if "second round" in page.linked.item(i).text()
    )
    opened = page.open_linked(page.linked.item(cue_row))
    assert isinstance(opened, CueDialog)
    assert opened.event_choice.currentData() == story.event
    (kept,) = [c for c in readiness.list_cues(vault) if c.note.startswith("Both sides")]
    assert kept.event_id == story.event


def test_in_privacy_mode_editing_a_transfer_hides_and_keeps_what_was_passed(
    context: AppContext, qtbot: QtBot
) -> None:
    from contactkeeper.gui.views.track_two import TrackTwoView

    story = build(context.vault)
    context.set_privacy(True)
    view = TrackTwoView(context)
    qtbot.addWidget(view)
    view.resize(1200, 750)
    show_active(qtbot, view)
    view.show_transfer(story.transfer)

    dialog = view.transfers.edit()
    assert isinstance(dialog, TransferDialog)
    assert dialog.content.toPlainText() == ""
    assert dialog.content.isReadOnly()
    dialog.passed.setDate(date(2026, 10, 21))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = transfers.get_transfer(context.vault, story.transfer)
    assert (saved.content, saved.passed_on) == ("A joint survey of the aquifer", date(2026, 10, 21))
