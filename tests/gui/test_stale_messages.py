"""A message about what is wrong goes once it is put right, and is said once, not twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.records import (
    ChannelDialog,
    CueDialog,
    ParticipantDialog,
    RecordDialog,
    RelationshipDialog,
)
from contactkeeper.records import actors, processes
from contactkeeper.records.actors import NewActor
from contactkeeper.vault.model import ActorStatus, ChannelKind
from tests.conftest import PASSPHRASE, FakeClock
from tests.gui.shell_helpers import make_window
from tests.gui.window_helpers import show_active


def _said(widget: QWidget, words: str) -> list[str]:
    """Every label on screen under ``widget`` that says ``words``."""
    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if label.isVisible() and words in label.text()
    ]


def _shown(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)


def test_a_passphrase_error_goes_once_the_passphrases_match(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    window, _, _ = make_window(qtbot, tmp_path, clock)
    window.start.show_create()
    page = window.start.create_page
    ui = page.ui
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    qtbot.keyClicks(ui.confirmEdit, PASSPHRASE[:-1] + "X")
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    assert len(_said(page, "differ")) == 1
    assert ui.confirmEdit.selectedText() == ui.confirmEdit.text()  # ready to type again
    qtbot.keyClicks(ui.confirmEdit, PASSPHRASE)
    assert _said(page, "differ") == []
    assert ui.adviceLabel.property("warning") is False


def test_the_weak_passphrase_advice_is_said_once(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    window, _, _ = make_window(qtbot, tmp_path, clock)
    window.start.show_create()
    page = window.start.create_page
    qtbot.keyClicks(page.ui.passphraseEdit, "kiwi")
    qtbot.keyClicks(page.ui.confirmEdit, "kiwi")
    qtbot.mouseClick(page.ui.createButton, Qt.MouseButton.LeftButton)
    assert len(_said(page, "at least 8 characters")) == 1
    assert page.ui.adviceLabel.property("warning") is True  # now a warning, in red


def test_a_wrong_passphrase_message_goes_when_the_user_types_again(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    window, _, _ = make_window(qtbot, tmp_path, clock)
    ui = window.start.unlock_page.ui
    window.start.show_unlock(tmp_path / "vault")
    window.start._unlock_failed("Wrong passphrase.")  # as a failed try leaves it
    qtbot.keyClicks(ui.passphraseEdit, "c")
    assert ui.messageLabel.text() == ""


def _refused_then_fixed(qtbot: QtBot, dialog: RecordDialog, words: str) -> None:
    _shown(qtbot, dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert words in dialog.message.text()
    assert dialog.message.isVisible()


def test_choose_the_other_actor_goes_once_one_is_chosen(context: AppContext, qtbot: QtBot) -> None:
    now = context.now()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now).id
    karim = actors.create_actor(context.vault, NewActor("Karim Nassar"), now).id
    dialog = RelationshipDialog(context, layla)
    _refused_then_fixed(qtbot, dialog, "With: choose the other actor")
    dialog.choose(karim, "Karim Nassar")  # as picking a suggestion does
    assert dialog.message.text() == ""
    assert not dialog.message.isVisible()


def test_who_and_signal_messages_go_once_put_right(context: AppContext, qtbot: QtBot) -> None:
    coast = processes.create_process(context.vault, "Coast").id
    karim = actors.create_actor(context.vault, NewActor("Karim Nassar"), context.now()).id
    participant = ParticipantDialog(context, coast)
    _refused_then_fixed(qtbot, participant, "Who: choose the actor")
    participant.choose(karim, "Karim Nassar")
    assert not participant.message.isVisible()

    cue = CueDialog(context, coast)
    cue.kind.setCurrentIndex(-1)
    _refused_then_fixed(qtbot, cue, "Signal: choose")
    cue.kind.setCurrentIndex(0)
    assert not cue.message.isVisible()


def test_an_intermediary_message_goes_once_one_is_added(context: AppContext, qtbot: QtBot) -> None:
    now = context.now()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now).id
    karim = actors.create_actor(context.vault, NewActor("Karim Nassar"), now).id
    dialog = ChannelDialog(context, layla)
    dialog.kind.setCurrentIndex(dialog.kind.findData(ChannelKind.INDIRECT.value))
    _refused_then_fixed(qtbot, dialog, "Intermediaries")
    dialog.add_hop(karim, "Karim Nassar")
    assert not dialog.message.isVisible()


def test_the_log_dialog_forgets_what_no_longer_holds(context: AppContext, qtbot: QtBot) -> None:
    now = context.now()
    quiet = actors.create_actor(
        context.vault, NewActor("Viktor Morozov", status=ActorStatus.DO_NOT_CONTACT), now
    ).id
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now).id
    dialog = LogDialog(context, None, [])
    _shown(qtbot, dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Participants" in dialog.ui.errorLabel.text()
    dialog._add_existing(quiet)  # as picking a suggestion does
    assert not dialog.ui.errorLabel.isVisible()
    assert "do-not-contact" in dialog.ui.similarLabel.text()
    dialog._add_existing(layla)
    assert "do-not-contact" in dialog.ui.similarLabel.text()  # Viktor is still there
    dialog.ui.participantList.setFocus()
    dialog.ui.participantList.setCurrentRow(0)
    qtbot.keyClick(dialog.ui.participantList, Qt.Key.Key_Delete)  # Viktor goes
    assert dialog.ui.similarLabel.text() == ""
    assert not dialog.ui.similarLabel.isVisible()
