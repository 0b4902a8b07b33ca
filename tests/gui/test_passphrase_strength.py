"""The desktop application judges passphrases as the core does (zxcvbn, score 3 of 4 or
more): the create-vault meter, the backup dialog and the restore dialog's new passphrase
refuse "password", "aaaaaaaa" and "12345678" in place, with zxcvbn's advice, and write
nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.exchange import backup
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.backup_actions import BackupActions, BackupDialog, OpenBackupDialog
from contactkeeper.gui.views.welcome import passphrase_strength, strength_label
from contactkeeper.records import actors
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import make_window, settings_in

COMMON = ("password", "aaaaaaaa", "12345678")
WORK_TIMEOUT_MS = 60_000


@pytest.fixture(autouse=True)
def _private_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


@pytest.fixture
def actions(qtbot: QtBot, context: AppContext, tmp_path: Path) -> BackupActions:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    actors.create_actor(context.vault, actors.NewActor("Layla Haddad"), now=context.now())
    return BackupActions(context, window, settings=settings_in(tmp_path), kdf=FAST_KDF)


def test_the_meter_never_calls_a_refused_passphrase_anything_but_weak() -> None:
    for weak in COMMON:
        score, advice = passphrase_strength(weak)
        assert strength_label(score) == "weak", weak
        assert "Too easy to guess" in advice
    assert "top-10 common password" in passphrase_strength("password")[1]
    assert 'Repeats like "aaa"' in passphrase_strength("aaaaaaaa")[1]
    assert strength_label(passphrase_strength(PASSPHRASE)[0]) == "strong"


@pytest.mark.parametrize("weak", COMMON)
def test_the_create_screen_refuses_a_common_passphrase_with_advice(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, weak: str
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    window.start.show_create()
    ui = window.start.create_page.ui
    qtbot.keyClicks(ui.passphraseEdit, weak)
    assert ui.strengthBar.format() == "weak"
    assert "Too easy to guess" in ui.adviceLabel.text()
    qtbot.keyClicks(ui.confirmEdit, weak)
    qtbot.keyClick(ui.confirmEdit, Qt.Key.Key_Return)
    # The refusal is said once, as a warning on the advice line, not again under it.
    assert "too easy to guess" in ui.adviceLabel.text().lower()
    assert "of 4" in ui.adviceLabel.text()
    assert ui.adviceLabel.property("warning") is True
    assert ui.messageLabel.text() == ""
    assert not (tmp_path / "default-vault").exists()
    assert not context.unlocked


def test_the_backup_dialog_refuses_a_weak_backup_passphrase_and_writes_nothing(
    qtbot: QtBot, actions: BackupActions, tmp_path: Path
) -> None:
    actions.back_up_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, BackupDialog)
    folder = tmp_path / "stick"
    folder.mkdir()
    dialog.ui.folderEdit.setText(str(folder))
    for weak in ("x", *COMMON):
        dialog.ui.passphraseEdit.setText(weak)
        dialog.ui.confirmEdit.setText(weak)
        qtbot.mouseClick(dialog.ui.startButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.ui.messageLabel.isVisible(), timeout=WORK_TIMEOUT_MS)
        qtbot.waitUntil(lambda: not dialog.running, timeout=WORK_TIMEOUT_MS)
        assert "backup passphrase" in dialog.ui.messageLabel.text(), weak
        assert list(folder.iterdir()) == [], weak
    assert dialog.report is None


def test_a_restore_refuses_a_weak_new_passphrase(
    qtbot: QtBot,
    actions: BackupActions,
    context: AppContext,
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    identity, recipient = backup.new_identity()
    key_file = tmp_path / "key.txt"
    key_file.write_text(identity + "\n", encoding="utf-8")
    written = tmp_path / backup.default_name(clock())
    backup.create_backup(context.vault, written, recipients=[recipient], now=clock)
    actions.restore_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, OpenBackupDialog)
    dialog.ui.fileEdit.setText(str(written))
    dialog.ui.identityRadio.setChecked(True)
    dialog.ui.identityEdit.setText(str(key_file))
    with qtbot.waitSignal(dialog.operation_finished, timeout=WORK_TIMEOUT_MS):
        qtbot.mouseClick(dialog.ui.verifyButton, Qt.MouseButton.LeftButton)
    # The backup's time is the test clock's, before the records' own: it reads as older
    # than the vault, and restoring over it must be confirmed first.
    dialog.ui.replaceAnywayCheck.setChecked(True)
    qtbot.keyClicks(dialog.ui.newPassphraseEdit, "12345678")
    qtbot.keyClicks(dialog.ui.newConfirmEdit, "12345678")
    qtbot.mouseClick(dialog.ui.restoreButton, Qt.MouseButton.LeftButton)
    assert "too easy to guess" in dialog.ui.messageLabel.text()
    assert context.unlocked  # nothing was started
    assert not backup.pre_restore_path(context.vault.path).exists()
