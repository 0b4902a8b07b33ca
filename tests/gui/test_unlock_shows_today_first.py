"""An unlock shows Today and reads what Today shows: the journal, the follow-ups and the
track-two lists are read when the user first opens them (each shows its rows then), and
the offer to remember the vault asks the keyring off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from contactkeeper import i18n
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.settings import OFFERED_KEY, offer_remember_soon
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.gui.models.lazy_table import PAGE_SIZE
from contactkeeper.records import actors, events, followups, interactions, transfers
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import InteractionKind
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import make_window, settings_in
from tests.helpers.keyrings import MemoryKeyring

CTRL = Qt.KeyboardModifier.ControlModifier


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window, key, CTRL)


def test_the_journal_shows_its_rows_when_first_opened(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_vault: Vault
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    context.open(demo_vault)
    workspace = window.workspace
    journal = workspace.journal
    assert workspace.current_view() is workspace.today
    assert journal.model.rowCount() == 0  # not read by the unlock

    _press(qtbot, window, Qt.Key.Key_4)
    assert workspace.current_view() is journal
    total = interactions.count_journal(demo_vault)
    assert total > 0
    assert journal.count_label.text() == f"{i18n.number(total)} interactions"
    assert journal.model.rowCount() == min(total, PAGE_SIZE)


def test_the_follow_ups_and_track_two_show_their_rows_when_first_opened(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_vault: Vault
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    context.open(demo_vault)
    workspace = window.workspace
    open_ones = followups.list_follow_ups(demo_vault, limit=2000)
    assert open_ones
    assert workspace.follow_ups.model.rowCount() == 0
    _press(qtbot, window, Qt.Key.Key_5)
    assert workspace.follow_ups.count_label.text() == f"{len(open_ones)} follow-ups"
    assert workspace.follow_ups.model.rowCount() == len(open_ones)

    track_two = workspace.track_two
    listed = events.list_events(demo_vault)
    logged = transfers.list_transfers(demo_vault)
    assert listed
    assert logged
    assert track_two.events.model.rowCount() == 0
    assert track_two.transfers.model.rowCount() == 0
    _press(qtbot, window, Qt.Key.Key_7)
    assert workspace.current_view() is track_two
    assert track_two.events.model.rowCount() == len(listed)
    track_two.setCurrentWidget(track_two.transfers)
    assert track_two.transfers.model.rowCount() == len(logged)


def test_a_list_first_opened_after_another_unlock_shows_that_vault(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_vault: Vault
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    context.open(demo_vault)
    _press(qtbot, window, Qt.Key.Key_4)  # the demo's journal, read
    _press(qtbot, window, Qt.Key.Key_1)
    context.lock()

    other = Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
    amal = actors.create_actor(other, NewActor("Amal Haddad"), clock()).id
    interactions.log_interaction(
        other, occurred_at=clock(), kind=InteractionKind.CALL, participants=[amal]
    )
    context.open(other)
    journal = window.workspace.journal
    assert journal.model.rowCount() == 0
    _press(qtbot, window, Qt.Key.Key_4)
    assert journal.count_label.text() == "1 interaction"
    assert journal.model.rowCount() == 1


def test_a_contact_logged_before_the_journal_is_first_opened_is_in_it(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_vault: Vault
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    context.open(demo_vault)
    before = interactions.count_journal(demo_vault)
    (someone, *_others) = actors.list_actors(demo_vault, clock(), limit=1)
    with context.writing():
        interactions.log_interaction(
            demo_vault,
            occurred_at=clock(),
            kind=InteractionKind.CALL,
            participants=[someone.id],
            summary="Word from the harbour",
        )
    _press(qtbot, window, Qt.Key.Key_4)
    journal = window.workspace.journal
    assert journal.model.total == before + 1
    assert "Word from the harbour" in journal.model.index(0, 6).data()


# -- the offer to remember the vault ------------------------------------------------------


def test_the_offer_to_remember_comes_once_the_keyring_has_answered(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    settings = settings_in(tmp_path)
    window = QWidget()
    qtbot.addWidget(window)
    operation = offer_remember_soon(window, context, settings, backend=MemoryKeyring())
    assert operation is not None
    # The unlock goes on meanwhile: the keyring is asked off the UI thread.
    assert window.findChildren(QMessageBox) == []
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)))
    (box,) = window.findChildren(QMessageBox)
    assert box.isVisible()
    assert box.windowTitle() == "Remember on this device?"
    assert box.defaultButton().text() == "Not now"
    assert settings.store.allKeys() == [OFFERED_KEY]


def test_no_offer_when_the_vault_was_locked_before_the_keyring_answered(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    settings = settings_in(tmp_path)
    window = QWidget()
    qtbot.addWidget(window)
    operation = offer_remember_soon(window, context, settings, backend=MemoryKeyring())
    assert operation is not None
    answered: list[None] = []
    operation.finished.connect(lambda: answered.append(None))
    context.lock()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.waitUntil(lambda: bool(answered))
    assert window.findChildren(QMessageBox) == []
    assert settings.store.allKeys() == []  # the one offer is still to come
