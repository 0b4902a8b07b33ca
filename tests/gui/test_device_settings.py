"""Settings for this device: remember the vault in the keyring (opt-in, offered once), forget
it before travel, the auto-lock minutes, and destroying the vault with a typed confirmation.

The keyring is a stand-in (tests/helpers/keyrings.py: in memory, locked, and keyring's own
``fail`` backend); the real Secret Service is exercised in tests/integration."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QMessageBox

from contactkeeper.gui.app_state import Settings
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.settings import (
    AUTOLOCK_KEY,
    OFFERED_KEY,
    SettingsDialog,
    autolock_minutes,
    offer_remember,
)
from contactkeeper.protect import device
from contactkeeper.vault import Vault
from tests.conftest import PASSPHRASE
from tests.gui.shell_helpers import settings_in
from tests.helpers.keyrings import LockedKeyring, MemoryKeyring


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return settings_in(tmp_path)


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


def _dialog(qtbot, context: AppContext, settings: Settings, backend: object) -> SettingsDialog:
    dialog = SettingsDialog(context, settings, backend=backend)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_remember_is_off_by_default_and_checking_it_opens_the_vault_without_passphrase(
    qtbot, context: AppContext, settings: Settings, keyring_backend: MemoryKeyring
) -> None:
    vault = context.vault
    dialog = _dialog(qtbot, context, settings, keyring_backend)
    ui = dialog.ui
    assert ui.rememberCheck.isEnabled()
    assert not ui.rememberCheck.isChecked()
    assert not ui.forgetButton.isEnabled()
    ui.rememberCheck.click()
    assert ui.rememberCheck.isChecked()
    assert device.is_remembered(vault.path, keyring_backend)
    assert ui.forgetButton.isEnabled()
    assert "Forget it before you travel" in ui.messageLabel.text()
    context.lock()
    reopened = device.unlock_remembered(vault.path, keyring_backend)
    assert reopened is not None
    reopened.close()


def test_without_a_keyring_the_option_is_disabled_with_the_reason(
    qtbot, context: AppContext, settings: Settings
) -> None:
    dialog = _dialog(qtbot, context, settings, fail.Keyring())
    assert not dialog.ui.rememberCheck.isEnabled()
    assert not dialog.ui.rememberCheck.isChecked()
    assert dialog.ui.keyringLabel.text() == "No keyring service is running on this device."


def test_a_locked_keyring_is_explained_and_nothing_is_stored(
    qtbot, context: AppContext, settings: Settings
) -> None:
    vault = context.vault
    dialog = _dialog(qtbot, context, settings, LockedKeyring())
    dialog.ui.rememberCheck.click()
    assert not dialog.ui.rememberCheck.isChecked()
    assert "the keyring is locked" in dialog.ui.messageLabel.text()
    assert "nothing was stored" in dialog.ui.messageLabel.text()
    assert not (vault.path / device.DEVICE_NAME).exists()


def test_forget_on_this_device_before_travel(
    qtbot, context: AppContext, settings: Settings, keyring_backend: MemoryKeyring
) -> None:
    vault = context.vault
    device.remember(vault, keyring_backend)
    dialog = _dialog(qtbot, context, settings, keyring_backend)
    assert dialog.ui.rememberCheck.isChecked()
    dialog.ui.forgetButton.click()
    assert not device.is_remembered(vault.path, keyring_backend)
    assert not (vault.path / device.DEVICE_NAME).exists()
    assert keyring_backend.secrets == {}
    assert not dialog.ui.rememberCheck.isChecked()
    assert not dialog.ui.forgetButton.isEnabled()
    assert dialog.ui.messageLabel.text().startswith("Forgotten")


def test_the_idle_minutes_are_stored_as_a_number_and_nothing_else(
    qtbot, context: AppContext, settings: Settings, keyring_backend: MemoryKeyring
) -> None:
    dialog = _dialog(qtbot, context, settings, keyring_backend)
    assert dialog.ui.autoLockSpin.value() == 5  # the default
    with qtbot.waitSignal(dialog.autolock_changed) as changed:
        dialog.ui.autoLockSpin.setValue(12)
    assert changed.args == [12]
    assert autolock_minutes(settings.store) == 12
    dialog.ui.autoLockSpin.setValue(0)
    assert dialog.ui.autoLockSpin.text() == "Never"
    assert autolock_minutes(settings.store) == 0
    assert settings.store.allKeys() == [AUTOLOCK_KEY]
    settings.store.setValue(AUTOLOCK_KEY, "not a number")
    assert autolock_minutes(settings.store) == 5


def test_destroying_asks_for_the_folder_name_and_says_backups_are_not_affected(
    qtbot, context: AppContext, settings: Settings, keyring_backend: MemoryKeyring
) -> None:
    vault = context.vault
    path = vault.path
    settings.remember_vault(path)
    device.remember(vault, keyring_backend)
    dialog = _dialog(qtbot, context, settings, keyring_backend)
    ui = dialog.ui
    ui.destroyButton.click()
    assert ui.pages.currentWidget() is ui.destroyPage
    assert "Existing backups are not affected" in ui.backupsLabel.text()
    assert path.name in ui.destroyWarningLabel.text()
    assert not ui.confirmDestroyButton.isEnabled()
    qtbot.keyClicks(ui.confirmEdit, "wrong-folder")
    assert not ui.confirmDestroyButton.isEnabled()
    ui.confirmEdit.clear()
    qtbot.keyClicks(ui.confirmEdit, path.name)
    assert ui.confirmDestroyButton.isEnabled()
    statuses: list[str] = []
    context.status.connect(statuses.append)
    with qtbot.waitSignal(dialog.vault_destroyed) as destroyed:
        ui.confirmDestroyButton.click()
    assert destroyed.args == [path]
    assert not vault.is_open
    assert not context.unlocked
    assert not path.exists()
    assert keyring_backend.secrets == {}  # the device secret went first
    assert path not in settings.recent_vaults()
    assert statuses
    assert "Existing backups are not affected" in statuses[-1]
    assert not dialog.isVisible()


def test_changing_ones_mind_keeps_the_vault(
    qtbot, context: AppContext, settings: Settings, keyring_backend: MemoryKeyring
) -> None:
    path = context.vault.path
    dialog = _dialog(qtbot, context, settings, keyring_backend)
    dialog.ui.destroyButton.click()
    qtbot.keyClicks(dialog.ui.confirmEdit, path.name)
    dialog.ui.keepButton.click()
    assert dialog.ui.pages.currentWidget() is dialog.ui.settingsPage
    assert context.unlocked
    assert Vault.unlock(path, PASSPHRASE) is not None


def test_the_settings_close_when_the_vault_locks(
    qtbot, context: AppContext, settings: Settings, keyring_backend: MemoryKeyring
) -> None:
    dialog = _dialog(qtbot, context, settings, keyring_backend)
    context.lock()
    assert not dialog.isVisible()


# -- the offer after an unlock ----------------------------------------------------------


def _button(box: QMessageBox, text: str) -> object:
    return next(b for b in box.buttons() if b.text() == text)


def test_after_unlocking_the_offer_is_made_once_with_not_now_preselected(
    qtbot, context: AppContext, settings: Settings, keyring_backend: MemoryKeyring
) -> None:
    box = offer_remember(None, context, settings, backend=keyring_backend)
    assert box is not None
    qtbot.addWidget(box)
    assert box.isVisible()
    assert box.defaultButton().text() == "Not now"
    box.defaultButton().click()
    assert not device.is_remembered(context.vault.path, keyring_backend)
    assert offer_remember(None, context, settings, backend=keyring_backend) is None
    assert settings.store.allKeys() == [OFFERED_KEY]


def test_accepting_the_offer_remembers_the_vault(
    qtbot, context: AppContext, settings: Settings, keyring_backend: MemoryKeyring
) -> None:
    box = offer_remember(None, context, settings, backend=keyring_backend)
    assert box is not None
    qtbot.addWidget(box)
    statuses: list[str] = []
    context.status.connect(statuses.append)
    _button(box, "Remember on this device").click()  # type: ignore[attr-defined]
    assert device.is_remembered(context.vault.path, keyring_backend)
    assert statuses == ["This vault is now remembered on this device."]


def test_no_offer_without_a_keyring_nor_for_the_demo(
    qtbot, context: AppContext, settings: Settings, keyring_backend: MemoryKeyring
) -> None:
    assert offer_remember(None, context, settings, backend=fail.Keyring()) is None
    context.demo = True
    assert offer_remember(None, context, settings, backend=keyring_backend) is None
    assert settings.store.allKeys() == []  # not asked yet: the one offer is still to come
