"""Today's backup reminder: how long since the last backup, and a gentle nag after a week."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.exchange import backup
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.backup_actions import BackupActions, BackupDialog
from contactkeeper.gui.widgets.backup_reminder import BackupReminder
from contactkeeper.vault import Vault
from contactkeeper.vault.changes import Changes, Kind
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import settings_in


@pytest.fixture(autouse=True)
def _private_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


@pytest.fixture
def reminder(qtbot: QtBot, context: AppContext) -> Iterator[BackupReminder]:
    today = QWidget()  # where Today places it
    qtbot.addWidget(today)
    widget = BackupReminder(context)
    QVBoxLayout(today).addWidget(widget)
    today.show()
    yield widget
    today.close()


def back_up(context: AppContext, folder: Path) -> None:
    """What the Back up dialog does: write a backup (its time is a vault setting), and say
    what that changed."""
    folder.mkdir(exist_ok=True)
    _identity, recipient = backup.new_identity()
    target = folder / backup.default_name(context.now())
    with context.writing():
        backup.create_backup(context.vault, target, recipients=[recipient], now=context.now)


def test_a_vault_never_backed_up_nags_gently(qtbot: QtBot, reminder: BackupReminder) -> None:
    assert reminder.isVisible()
    assert reminder.nagging
    assert "No backup of this vault yet" in reminder.label.text()
    assert reminder.button.isVisible()
    with qtbot.waitSignal(reminder.backup_requested):
        qtbot.mouseClick(reminder.button, Qt.MouseButton.LeftButton)


def test_after_a_backup_it_says_today_and_nags_again_after_a_week(
    reminder: BackupReminder, context: AppContext, clock: FakeClock, tmp_path: Path
) -> None:
    back_up(context, tmp_path / "stick")
    assert reminder.label.text() == "Last backup: today."
    assert not reminder.nagging
    assert not reminder.button.isVisible()

    clock.advance(days=3)
    reminder.refresh()
    assert reminder.label.text() == "Last backup: 3 days ago."
    assert not reminder.nagging

    clock.advance(days=5)
    context.announce(Changes.of(Kind.ACTOR))  # any change refreshes it
    assert reminder.nagging
    assert reminder.button.isVisible()
    assert reminder.label.text().startswith("Last backup: 8 days ago.")


def test_it_clears_when_the_vault_locks_and_reads_again_when_one_opens(
    reminder: BackupReminder, context: AppContext, tmp_path: Path
) -> None:
    back_up(context, tmp_path / "stick")
    path = context.vault.path
    context.lock()
    assert not reminder.isVisible()
    assert reminder.label.text() == ""
    context.open(Vault.unlock(path, PASSPHRASE))
    assert reminder.isVisible()
    assert reminder.label.text() == "Last backup: today."


def test_another_vault_has_its_own_last_backup(
    reminder: BackupReminder, context: AppContext, tmp_path: Path
) -> None:
    back_up(context, tmp_path / "stick")
    other = Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
    context.open(other)
    assert reminder.nagging
    assert "No backup" in reminder.label.text()


def test_its_button_opens_the_backup_dialog(
    qtbot: QtBot, reminder: BackupReminder, context: AppContext, tmp_path: Path
) -> None:
    actions = BackupActions(context, reminder.window(), settings=settings_in(tmp_path))
    reminder.backup_requested.connect(actions.back_up)  # as the main window wires it
    qtbot.mouseClick(reminder.button, Qt.MouseButton.LeftButton)
    assert isinstance(actions.dialog, BackupDialog)
    assert actions.dialog.isVisible()
