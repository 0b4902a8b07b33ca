"""Destroy this vault after N failed unlocks in a row: off by default, set in Settings,
counted in the application's settings (never in the vault's folder), and carried out by the
unlock screen with the crypto-erase of contactkeeper/protect/destroy.py.

Real vaults on disk (cheap key derivation), real widgets offscreen. The growing wait after
failed unlocks runs on the fake clock: each attempt moves it past the wait first, so no test
waits (the same as tests/gui/test_welcome.py does with the countdown).
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from contactkeeper.errors import NotAVault, VaultDamaged, WrongPassphrase
from contactkeeper.gui.app_state import LOCKOUT_GROUP, Settings
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.settings import SettingsDialog
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.protect import device
from contactkeeper.protect.failures import DEFAULT_LIMIT, MAX_LIMIT, MIN_LIMIT
from contactkeeper.records import actors
from contactkeeper.vault import DB_NAME, KEY_NAME, Vault, is_vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import OPEN_TIMEOUT_MS, file_digests, make_window, settings_in
from tests.gui.shown_text import visible
from tests.helpers.keyrings import MemoryKeyring

WRONG = "correct horse battery stable"
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def existing_vault(tmp_path: Path) -> Path:
    """A vault with one record, made earlier (and closed), remembered in the settings."""
    path = tmp_path / "field-notes"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        actors.create_actor(vault, actors.NewActor(display_name="Amira Haddad"), NOW)
        vault.checkpoint()
    settings_in(tmp_path).remember_vault(path)
    return path


def _lockout_keys(settings: Settings) -> list[str]:
    settings.store.sync()
    return [k for k in settings.store.allKeys() if k.startswith(f"{LOCKOUT_GROUP}/")]


def _try(qtbot, window: MainWindow, clock: FakeClock, passphrase: str) -> None:
    """One unlock with ``passphrase`` that fails, after any wait is over (on the fake clock)."""
    clock.advance(minutes=5)  # the longest wait the throttle imposes
    window.start.countdown.refresh()  # what its timer does a few times a second
    ui = window.start.unlock_page.ui
    assert ui.passphraseEdit.isEnabled()
    ui.passphraseEdit.setText(passphrase)
    with qtbot.waitSignal(window.start.failed, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)


def _unlock(qtbot, window: MainWindow, context: AppContext, clock: FakeClock) -> None:
    clock.advance(minutes=5)
    window.start.countdown.refresh()
    ui = window.start.unlock_page.ui
    ui.passphraseEdit.setText(PASSPHRASE)
    with qtbot.waitSignal(context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)


def _copy_database(vault_path: Path, dest: Path) -> Path:
    dest.mkdir()
    for path in vault_path.iterdir():
        if path.name.startswith(DB_NAME):
            shutil.copy(path, dest / path.name)
    return dest


# -- the setting -----------------------------------------------------------------------


def test_the_option_is_off_by_default_warns_what_it_means_and_stores_only_numbers(
    qtbot, tmp_path: Path, context: AppContext
) -> None:
    settings = settings_in(tmp_path)
    path = context.vault.path
    dialog = SettingsDialog(context, settings, backend=MemoryKeyring())
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    assert not ui.wipeCheck.isChecked()
    assert ui.wipeCheck.text().replace("&", "") == "Destroy this vault after"
    assert ui.wipeAfterLabel.text() == "failed unlocks in a row"
    assert not ui.wipeSpin.isEnabled()
    assert (ui.wipeSpin.minimum(), ui.wipeSpin.value(), ui.wipeSpin.maximum()) == (
        MIN_LIMIT,
        DEFAULT_LIMIT,
        MAX_LIMIT,
    )
    warning = ui.wipeWarningLabel.text()
    for said in (
        "Off by default",
        "you included",
        "for good",
        "Only a backup can bring it back",
        "copies the vault's folder first",
    ):
        assert said in warning
    assert ui.wipeWarningLabel.isVisible()
    assert settings.store.allKeys() == []  # showing the setting writes nothing

    ui.wipeCheck.click()
    assert ui.wipeSpin.isEnabled()
    assert settings.lockout.limit(path) == DEFAULT_LIMIT
    assert "Make sure you have a recent backup" in ui.messageLabel.text()
    ui.wipeSpin.setValue(3)
    assert settings.lockout.limit(path) == 3
    keys = _lockout_keys(settings)
    assert keys
    assert all(str(settings.store.value(k)).isdigit() for k in keys)
    ini = (tmp_path / "settings.ini").read_text()
    assert str(path) not in ini

    ui.wipeCheck.click()
    assert settings.lockout.limit(path) is None
    assert not ui.wipeSpin.isEnabled()
    assert _lockout_keys(settings) == []
    assert "nothing is destroyed" in ui.messageLabel.text()


def test_the_option_is_not_offered_for_the_demo(qtbot, tmp_path: Path, context: AppContext) -> None:
    context.demo = True
    dialog = SettingsDialog(context, settings_in(tmp_path), backend=MemoryKeyring())
    qtbot.addWidget(dialog)
    assert not dialog.ui.wipeCheck.isEnabled()
    assert not dialog.ui.wipeSpin.isEnabled()


# -- the unlock screen -----------------------------------------------------------------


def test_set_to_three_in_settings_three_wrong_passphrases_destroy_the_vault(
    qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path
) -> None:
    copy = _copy_database(existing_vault, tmp_path / "copy-taken-earlier")
    window, context, settings = make_window(qtbot, tmp_path, clock)
    _unlock(qtbot, window, context, clock)
    window.show_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.ui.wipeCheck.click()
    dialog.ui.wipeSpin.setValue(3)
    dialog.accept()
    context.lock()
    assert window.start.currentWidget() is window.start.unlock_page
    ui = window.start.unlock_page.ui

    for failures in (1, 2):  # not yet: and a failed unlock still changes no byte of the vault
        before = file_digests(existing_vault)
        _try(qtbot, window, clock, WRONG)
        assert ui.messageLabel.text() == WrongPassphrase().message
        assert file_digests(existing_vault) == before
        assert settings.lockout.failures(existing_vault) == failures

    with qtbot.waitSignal(window.start.vault_destroyed) as destroyed:
        _try(qtbot, window, clock, WRONG)
    assert destroyed.args == [existing_vault]
    assert not existing_vault.exists()
    assert not context.unlocked
    assert existing_vault not in settings.recent_vaults()
    assert _lockout_keys(settings) == []  # nothing left about the vault in the settings
    assert window.start.currentWidget() is window.start.welcome
    message = window.start.welcome.ui.messageLabel.text()
    assert "“field-notes” was destroyed after 3 failed unlocks in a row" in visible(message)
    assert "as its settings asked" in message
    assert "backup" in message
    assert QApplication.activeModalWidget() is None  # said calmly, in place

    # Crypto-erase: the copy of vault.db taken earlier opens with no passphrase any more.
    with pytest.raises(NotAVault, match="no key file"):
        Vault.unlock(copy, PASSPHRASE)
    other = Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
    other.close()
    shutil.copy(other.path / KEY_NAME, copy / KEY_NAME)
    with pytest.raises(VaultDamaged, match="does not decrypt"):
        Vault.unlock(copy, PASSPHRASE)


def test_with_the_option_off_many_failures_destroy_nothing(
    qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path
) -> None:
    before = file_digests(existing_vault)
    window, context, settings = make_window(qtbot, tmp_path, clock)
    for _ in range(MAX_LIMIT + 5):
        _try(qtbot, window, clock, WRONG)
    assert window.start.throttle.failures == MAX_LIMIT + 5  # the throttle did count them
    assert is_vault(existing_vault)
    assert file_digests(existing_vault) == before
    assert settings.lockout.failures(existing_vault) == 0
    assert _lockout_keys(settings) == []  # off: not even a count is written
    assert window.start.unlock_page.path == existing_vault
    _unlock(qtbot, window, context, clock)
    assert context.unlocked


def test_a_successful_unlock_starts_the_count_again(
    qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path
) -> None:
    settings = settings_in(tmp_path)
    settings.lockout.set_limit(existing_vault, 3)
    window, context, _ = make_window(qtbot, tmp_path, clock, settings)
    for _ in range(2):
        _try(qtbot, window, clock, WRONG)
    assert settings.lockout.failures(existing_vault) == 2
    _unlock(qtbot, window, context, clock)
    assert settings.lockout.failures(existing_vault) == 0
    assert settings.lockout.limit(existing_vault) == 3  # the setting itself stays
    context.lock()
    for _ in range(2):
        _try(qtbot, window, clock, WRONG)
    assert is_vault(existing_vault)
    assert settings.lockout.failures(existing_vault) == 2


def test_the_count_survives_a_restart(
    qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path
) -> None:
    settings_in(tmp_path).lockout.set_limit(existing_vault, 3)
    first, _, _ = make_window(qtbot, tmp_path, clock)
    for _ in range(2):
        _try(qtbot, first, clock, WRONG)
    first.close()
    # A new run: a new window over a new QSettings reading the same settings file.
    second, _, settings = make_window(qtbot, tmp_path, clock, settings_in(tmp_path))
    assert settings.lockout.failures(existing_vault) == 2
    assert second.start.throttle.failures == 0  # the wait is in memory; the count is not
    with qtbot.waitSignal(second.start.vault_destroyed):
        _try(qtbot, second, clock, WRONG)
    assert not existing_vault.exists()


def test_waiting_attempts_and_undecided_ones_do_not_count(
    qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path
) -> None:
    settings = settings_in(tmp_path)
    settings.lockout.set_limit(existing_vault, 5)
    window, _, _ = make_window(qtbot, tmp_path, clock, settings)
    ui = window.start.unlock_page.ui
    for _ in range(4):  # the 4th makes the next try wait 2 s
        _try(qtbot, window, clock, WRONG)
    ui.passphraseEdit.setText(WRONG)
    window.start.unlock()  # too early: refused before any key derivation
    assert not window.start.busy
    assert "before trying again" in ui.messageLabel.text()
    assert settings.lockout.failures(existing_vault) == 4
    # A vault whose key file is missing: no passphrase was judged, so nothing is counted.
    (existing_vault / KEY_NAME).rename(tmp_path / "key-aside")
    _try(qtbot, window, clock, WRONG)
    assert "no key file" in ui.messageLabel.text() or "not a ContactKeeper vault" in (
        ui.messageLabel.text()
    )
    assert settings.lockout.failures(existing_vault) == 4
    (tmp_path / "key-aside").rename(existing_vault / KEY_NAME)
    with qtbot.waitSignal(window.start.vault_destroyed):
        _try(qtbot, window, clock, WRONG)
    assert not existing_vault.exists()


def test_a_remembered_vault_loses_its_keyring_entry_too(
    qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path
) -> None:
    memory = MemoryKeyring()
    with Vault.unlock(existing_vault, PASSPHRASE) as vault:
        device.remember(vault, memory)
    assert memory.secrets
    settings = settings_in(tmp_path)
    settings.lockout.set_limit(existing_vault, 3)
    window, _, _ = make_window(qtbot, tmp_path, clock, settings)
    window.start.keyring_backend = memory
    for _ in range(3):
        _try(qtbot, window, clock, WRONG)
    assert not existing_vault.exists()
    assert memory.secrets == {}


def test_only_the_vault_that_failed_is_destroyed(
    qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path
) -> None:
    travel = tmp_path / "travel"
    Vault.create(travel, PASSPHRASE, kdf=FAST_KDF).close()
    settings = settings_in(tmp_path)
    settings.remember_vault(travel)
    settings.lockout.set_limit(existing_vault, 3)
    settings.lockout.set_limit(travel, 3)
    window, _, _ = make_window(qtbot, tmp_path, clock, settings)
    window.start.show_unlock(existing_vault)
    for _ in range(3):
        _try(qtbot, window, clock, WRONG)
    assert not existing_vault.exists()
    assert is_vault(travel)
    assert settings.recent_vaults() == [travel]
    assert settings.lockout.failures(travel) == 0
    # The start screen moved on to the vault that is left, and says what happened.
    assert window.start.currentWidget() is window.start.unlock_page
    assert window.start.unlock_page.path == travel
    assert "was destroyed" in window.start.unlock_page.ui.messageLabel.text()


def test_if_the_vault_cannot_be_destroyed_it_says_so_and_tries_again_next_time(
    qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path, monkeypatch
) -> None:
    settings = settings_in(tmp_path)
    settings.lockout.set_limit(existing_vault, 3)
    window, _, _ = make_window(qtbot, tmp_path, clock, settings)

    def refuse(path: Path, backend: object = None) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("contactkeeper.protect.destroy.destroy_vault", refuse)
    for _ in range(3):
        _try(qtbot, window, clock, WRONG)
    message = window.start.unlock_page.ui.messageLabel.text()
    assert "set to be destroyed after 3 failed unlocks in a row" in message
    assert "could not be: Permission denied" in message
    assert is_vault(existing_vault)
    assert settings.lockout.failures(existing_vault) == 3
    assert existing_vault in settings.recent_vaults()
    monkeypatch.undo()
    with qtbot.waitSignal(window.start.vault_destroyed):
        _try(qtbot, window, clock, WRONG)
    assert not existing_vault.exists()


def test_destroying_from_settings_also_forgets_the_count(
    qtbot, tmp_path: Path, context: AppContext
) -> None:
    settings = settings_in(tmp_path)
    path = context.vault.path
    settings.lockout.set_limit(path, 5)
    dialog = SettingsDialog(context, settings, backend=MemoryKeyring())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.wipeCheck.isChecked()
    assert dialog.ui.wipeSpin.value() == 5
    assert dialog.ui.wipeCheck.accessibleName()
    assert dialog.ui.wipeSpin.accessibleName()
    dialog.ui.destroyButton.click()
    qtbot.keyClicks(dialog.ui.confirmEdit, path.name)
    with qtbot.waitSignal(dialog.vault_destroyed):
        dialog.ui.confirmDestroyButton.click()
    assert not path.exists()
    assert _lockout_keys(settings) == []
