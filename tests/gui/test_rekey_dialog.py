"""Settings > "Change passphrase and key…": the desktop application's re-key.

The current passphrase is checked first (nothing is locked or changed when it is wrong);
then the vault locks, the database is re-encrypted under a new key off the UI thread with a
progress bar, and the vault opens again under the new key. The message says that older
backups still open with the old passphrase. A panic meanwhile leaves the vault locked.
"""

from __future__ import annotations

import shutil
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from contactkeeper.errors import VaultDamaged, WrongPassphrase
from contactkeeper.gui.dialogs.settings import SettingsDialog
from contactkeeper.gui.panic import panic
from contactkeeper.protect import rekey
from contactkeeper.records import actors
from contactkeeper.vault import KEY_NAME, Vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import OPEN_TIMEOUT_MS, file_digests, make_window, settings_in

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
NEW = "a brand new passphrase after the border"


@pytest.fixture
def existing_vault(tmp_path: Path) -> Path:
    path = tmp_path / "field-notes"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        actors.create_actor(vault, actors.NewActor(display_name="Amira Haddad"), NOW)
    settings_in(tmp_path).remember_vault(path)
    return path


@pytest.fixture
def opened(qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path):
    window, context, _settings = make_window(qtbot, tmp_path, clock)
    ui = window.start.unlock_page.ui
    ui.passphraseEdit.setText(PASSPHRASE)
    with qtbot.waitSignal(context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)
    window.show_settings()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    return window, context, dialog


def _fill(dialog: SettingsDialog, current: str, new: str, again: str | None = None) -> None:
    dialog.ui.rekeyButton.click()
    assert dialog.ui.pages.currentWidget() is dialog.ui.rekeyPage
    dialog.ui.currentEdit.setText(current)
    dialog.ui.newEdit.setText(new)
    dialog.ui.againEdit.setText(new if again is None else again)


def test_rekeying_from_settings_gives_a_new_key_off_the_ui_thread(
    qtbot, opened, existing_vault: Path, tmp_path: Path, monkeypatch
) -> None:
    _window, context, dialog = opened
    old_key_file = (existing_vault / KEY_NAME).read_bytes()
    old_db_key = context.vault.database_key()
    threads: list[threading.Thread] = []
    real = rekey.rekey_vault

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(rekey, "rekey_vault", spy)
    _fill(dialog, PASSPHRASE, NEW)
    steps: list[int] = []
    dialog.ui.rekeyProgress.valueChanged.connect(steps.append)
    with qtbot.waitSignal(dialog.rekeyed, timeout=OPEN_TIMEOUT_MS):
        dialog.ui.rekeyStartButton.click()

    assert threads
    assert threads[0] is not threading.main_thread()
    assert steps
    assert max(steps) == dialog.ui.rekeyProgress.maximum()
    assert context.unlocked  # open again, under the new key
    assert context.vault.database_key() != old_db_key
    assert [a.display_name for a in actors.list_actors(context.vault, NOW)] == ["Amira Haddad"]
    message = dialog.ui.messageLabel.text()
    assert "new database key" in message
    assert "Older backups" in message
    assert "old passphrase" in message
    assert dialog.ui.pages.currentWidget() is dialog.ui.settingsPage
    assert dialog.ui.currentEdit.text() == ""
    assert dialog.ui.newEdit.text() == ""
    # No earlier key file opens the state after it.
    context.lock()
    later = tmp_path / "later"
    shutil.copytree(existing_vault, later)
    (later / KEY_NAME).write_bytes(old_key_file)
    with pytest.raises(VaultDamaged):
        Vault.unlock(later, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(existing_vault, PASSPHRASE)
    Vault.unlock(existing_vault, NEW).close()


def test_a_wrong_current_passphrase_locks_nothing_and_changes_nothing(
    qtbot, opened, existing_vault: Path
) -> None:
    _window, context, dialog = opened
    before = file_digests(existing_vault)
    _fill(dialog, "not the passphrase", NEW)
    with qtbot.waitSignal(dialog.rekey_failed, timeout=OPEN_TIMEOUT_MS):
        dialog.ui.rekeyStartButton.click()
    assert "does not open this vault" in dialog.ui.messageLabel.text()
    assert context.unlocked
    assert file_digests(existing_vault) == before
    assert dialog.ui.pages.currentWidget() is dialog.ui.rekeyPage


@pytest.mark.parametrize(
    ("new", "again", "said"),
    [(NEW, NEW + "!", "differ"), ("short", "short", "at least")],
    ids=["typed differently", "too weak"],
)
def test_the_new_passphrase_is_checked_before_anything_runs(
    opened, existing_vault: Path, new: str, again: str, said: str
) -> None:
    _window, context, dialog = opened
    before = file_digests(existing_vault)
    _fill(dialog, PASSPHRASE, new, again)
    dialog.ui.rekeyStartButton.click()
    assert said in dialog.ui.messageLabel.text()
    assert not dialog.busy
    assert context.unlocked
    assert file_digests(existing_vault) == before


def test_a_panic_during_the_rekey_leaves_the_vault_locked(
    qtbot, opened, existing_vault: Path, monkeypatch
) -> None:
    window, context, dialog = opened
    started, go = threading.Event(), threading.Event()
    real = rekey.rekey_vault

    def held(*args, **kwargs):
        started.set()
        go.wait(timeout=60)  # until the panic key was pressed
        return real(*args, **kwargs)

    monkeypatch.setattr(rekey, "rekey_vault", held)
    _fill(dialog, PASSPHRASE, NEW)
    dialog.ui.rekeyStartButton.click()
    qtbot.waitUntil(started.is_set, timeout=OPEN_TIMEOUT_MS)
    operation = dialog.operation
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=OPEN_TIMEOUT_MS):
        panic(window, context)
        go.set()
    assert not context.unlocked  # not opened again behind the panic
    Vault.unlock(existing_vault, NEW).close()  # the re-key itself went through
