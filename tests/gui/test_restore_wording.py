"""File > Restore says what happens to the current vault in the core's own words.

What a restore does with the vault it replaces (kept as ``<name>.pre-restore``) and why it
waits while an earlier restore's copy is still there are said by ``backup`` once; the
dialog shows those words, so the command line, the GUI and the core never disagree.
Real vault, real age file; the dialog's work runs off the UI thread.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.errors import BackupError
from contactkeeper.exchange import backup
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.backup_actions import BackupActions, OpenBackupDialog
from contactkeeper.records import actors
from contactkeeper.vault import pre_restore_path
from tests.conftest import FAST_KDF
from tests.gui.shell_helpers import settings_in
from tests.gui.test_backup_actions import stick, verify_with_key

NEW_PASSPHRASE = "the passphrase on the new laptop"


@pytest.fixture(autouse=True)
def _private_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


@pytest.fixture
def actions(qtbot: QtBot, context: AppContext, tmp_path: Path) -> BackupActions:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    actors.create_actor(context.vault, actors.NewActor("Layla Haddad"), now=context.now())
    return BackupActions(context, window, settings=settings_in(tmp_path), kdf=FAST_KDF)


@pytest.fixture
def verified(
    qtbot: QtBot, actions: BackupActions, context: AppContext, tmp_path: Path
) -> OpenBackupDialog:
    """The restore dialog with a backup of the open vault verified in it."""
    identity, recipient = backup.new_identity()
    key_file = tmp_path / "org-key.txt"
    key_file.write_text(f"{identity}\n", encoding="utf-8")
    written = stick(tmp_path) / "backup.age"
    backup.create_backup(context.vault, written, recipients=[recipient])
    actions.restore_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, OpenBackupDialog)
    qtbot.waitExposed(dialog)
    verify_with_key(qtbot, dialog, written, key_file)
    return dialog


def plain(label_text: str) -> str:
    """A label's text as read on screen: no markup, ordinary hyphens."""
    return re.sub(r"<[^>]+>", "", label_text).replace("\u2011", "-")


def test_the_restore_warning_says_what_the_core_says_of_the_kept_vault(
    verified: OpenBackupDialog, context: AppContext
) -> None:
    kept = pre_restore_path(context.vault.path)
    shown = plain(verified.ui.restoreWarningLabel.text())
    assert backup.kept_vault_note(kept.name) in shown


def test_the_refusal_while_an_earlier_restore_is_kept_is_the_cores_message(
    qtbot: QtBot, verified: OpenBackupDialog, context: AppContext
) -> None:
    pre_restore_path(context.vault.path).mkdir()
    with pytest.raises(BackupError) as refused:
        backup.check_room_for_kept_vault(context.vault.path)
    qtbot.keyClicks(verified.ui.newPassphraseEdit, NEW_PASSPHRASE)
    qtbot.keyClicks(verified.ui.newConfirmEdit, NEW_PASSPHRASE)
    verified.ui.replaceAnywayCheck.setChecked(True)  # records written after it (real time)
    qtbot.mouseClick(verified.ui.restoreButton, Qt.MouseButton.LeftButton)
    assert plain(verified.ui.messageLabel.text()) == refused.value.message
    assert context.unlocked  # nothing was done
