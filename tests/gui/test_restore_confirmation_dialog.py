"""File > Restore: a backup of another vault, or an older one, needs its own confirmation.

The dialog names both vaults (folder, short id, dates) and keeps Restore off until "Replace
it anyway" is ticked; the verification summary says the schema is exactly ContactKeeper's.
Real vaults and age files; the dialog's work runs off the UI thread.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.exchange import backup, replacement
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.backup_actions import BackupActions, OpenBackupDialog
from contactkeeper.records import actors
from contactkeeper.vault import Vault, schema_head
from tests.conftest import FAST_KDF, FakeClock
from tests.gui.shell_helpers import settings_in
from tests.gui.test_backup_actions import WORK_TIMEOUT_MS, run, stick, verify_with_key

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
def keys(tmp_path: Path) -> tuple[Path, str]:
    identity, recipient = backup.new_identity()
    path = tmp_path / "org-key.txt"
    path.write_text(f"# public key: {recipient}\n{identity}\n", encoding="utf-8")
    return path, recipient


def open_restore(actions: BackupActions, qtbot: QtBot) -> OpenBackupDialog:
    actions.restore_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, OpenBackupDialog)
    qtbot.waitExposed(dialog)
    return dialog


def type_new_passphrase(qtbot: QtBot, dialog: OpenBackupDialog) -> None:
    qtbot.keyClicks(dialog.ui.newPassphraseEdit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.ui.newConfirmEdit, NEW_PASSPHRASE)


def test_a_backup_of_another_vault_names_both_and_waits_for_replace_anyway(
    qtbot: QtBot,
    actions: BackupActions,
    context: AppContext,
    tmp_path: Path,
    keys: tuple[Path, str],
) -> None:
    vault_path = Path(context.vault.path).absolute()
    mine = replacement.short_id(context.vault.vault_id)
    with Vault.create(tmp_path / "someone-elses", "another passphrase!", kdf=FAST_KDF) as other:
        actors.create_actor(other, actors.NewActor("Planted Person"), datetime.now(UTC))
        theirs = replacement.short_id(other.vault_id)
        planted = stick(tmp_path) / "planted.age"
        backup.create_backup(other, planted, recipients=[keys[1]])

    dialog = open_restore(actions, qtbot)
    verify_with_key(qtbot, dialog, planted, keys[0])
    assert f"exactly as ContactKeeper makes it at revision {schema_head()}" in (
        dialog.ui.summaryLabel.text()
    )
    warning = dialog.ui.replaceWarningLabel
    assert warning.isVisible()
    text = warning.text().replace("\u2011", "-")
    assert str(vault_path).replace("\u2011", "-") in text
    assert mine in text
    assert theirs in text
    assert "different vault" in text
    type_new_passphrase(qtbot, dialog)
    assert dialog.ui.replaceAnywayCheck.isVisible()
    assert not dialog.ui.restoreButton.isEnabled()

    if os.environ.get("CONTACTKEEPER_SAVE_SCREENS"):  # to look at the dialog by hand
        dialog.grab().save(os.environ["CONTACTKEEPER_SAVE_SCREENS"])

    dialog.ui.replaceAnywayCheck.setChecked(True)
    assert dialog.ui.restoreButton.isEnabled()
    run(qtbot, dialog, dialog.ui.restoreButton)

    assert "Restored" in dialog.ui.summaryLabel.text()
    with Vault.unlock(vault_path, NEW_PASSPHRASE) as back:
        assert [a.display_name for a in actors.list_actors(back, datetime.now(UTC))] == [
            "Planted Person"
        ]


def test_the_newest_backup_of_this_vault_needs_no_extra_confirmation(
    qtbot: QtBot,
    actions: BackupActions,
    context: AppContext,
    tmp_path: Path,
    keys: tuple[Path, str],
) -> None:
    newest = stick(tmp_path) / "newest.age"
    later = datetime.now(UTC) + timedelta(seconds=1)
    backup.create_backup(context.vault, newest, recipients=[keys[1]], now=lambda: later)

    dialog = open_restore(actions, qtbot)
    verify_with_key(qtbot, dialog, newest, keys[0])
    assert not dialog.ui.replaceWarningLabel.isVisible()
    assert not dialog.ui.replaceAnywayCheck.isVisible()
    type_new_passphrase(qtbot, dialog)
    assert dialog.ui.restoreButton.isEnabled()


def test_an_older_backup_is_named_older_and_ticking_away_the_confirmation_disables_restore(
    qtbot: QtBot,
    actions: BackupActions,
    context: AppContext,
    tmp_path: Path,
    keys: tuple[Path, str],
    clock: FakeClock,
) -> None:
    older = stick(tmp_path) / "older.age"
    month_ago = datetime.now(UTC) - timedelta(days=30)
    backup.create_backup(context.vault, older, recipients=[keys[1]], now=lambda: month_ago)
    actors.create_actor(context.vault, actors.NewActor("Met last week"), now=clock())

    dialog = open_restore(actions, qtbot)
    with qtbot.waitSignal(dialog.operation_finished, timeout=WORK_TIMEOUT_MS):
        dialog.ui.fileEdit.setText(str(older))
        dialog.ui.identityRadio.setChecked(True)
        dialog.ui.identityEdit.setText(str(keys[0]))
        dialog.verify()
    assert "older" in dialog.ui.replaceWarningLabel.text()
    type_new_passphrase(qtbot, dialog)
    dialog.ui.replaceAnywayCheck.setChecked(True)
    assert dialog.ui.restoreButton.isEnabled()
    dialog.ui.replaceAnywayCheck.setChecked(False)
    assert not dialog.ui.restoreButton.isEnabled()
    assert context.unlocked
