"""The application's settings file is private, and may keep no list of vaults at all.

``ContactKeeper.conf`` lists the folders of the vaults opened recently; on a shared or
inspected computer that alone says where to look. The file is made readable by its owner
only (0600, its folder 0700) whatever the umask, and Settings offers to keep no list of
recent vaults: then no vault's folder is written there.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from contactkeeper.gui.app_state import APP_NAME, ORGANIZATION, Settings
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.settings import SettingsDialog
from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most desktops run with: new files readable by everyone."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _store_where_the_app_keeps_it(home: Path) -> QSettings:
    """A store laid out as the real one (``<config>/ContactKeeper/ContactKeeper.conf``)."""
    path = home / ".config" / ORGANIZATION / f"{APP_NAME}.conf"
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_the_settings_file_is_readable_by_its_owner_only(
    qapp: object, tmp_path: Path, usual_umask: None
) -> None:
    store = _store_where_the_app_keeps_it(tmp_path)
    settings = Settings(store, vault_dir=tmp_path / "vault")
    settings.remember_vault(tmp_path / "field-notes")
    settings.set_privacy_mode(True)
    path = Path(store.fileName())
    assert path.is_file()
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert _mode(tmp_path / ".config") == 0o755  # the shared config folder is left alone


def test_an_existing_settings_file_readable_by_all_is_made_private(
    qapp: object, tmp_path: Path, usual_umask: None
) -> None:
    store = _store_where_the_app_keeps_it(tmp_path)
    store.setValue("vaults/recent", [str(tmp_path / "old")])
    store.sync()
    path = Path(store.fileName())
    assert _mode(path) == 0o644  # as an earlier version left it
    Settings(store, vault_dir=tmp_path / "vault")
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700


@pytest.fixture
def dialog(qtbot, tmp_path: Path, context: AppContext) -> tuple[SettingsDialog, Settings]:
    store = _store_where_the_app_keeps_it(tmp_path)
    settings = Settings(store, vault_dir=tmp_path / "default-vault")
    settings.remember_vault(context.vault.path)
    window = SettingsDialog(context, settings)
    qtbot.addWidget(window)
    return window, settings


def test_settings_offers_to_keep_no_list_of_recent_vaults(
    dialog: tuple[SettingsDialog, Settings], tmp_path: Path, context: AppContext
) -> None:
    window, settings = dialog
    check = window.ui.recentCheck
    assert check.isChecked()  # on by default: the start screen offers the last vault
    assert settings.recent_vaults() == [context.vault.path]

    check.click()

    assert not settings.keeps_recent_vaults()
    assert settings.recent_vaults() == []
    settings.store.sync()
    text = Path(settings.store.fileName()).read_bytes()
    assert str(context.vault.path).encode() not in text
    assert str(tmp_path).encode() not in text
    # Opening vaults later writes none of their folders either.
    other = tmp_path / "travel-notes"
    Vault.create(other, PASSPHRASE, kdf=FAST_KDF).close()
    settings.remember_vault(other)
    assert settings.recent_vaults() == []
    settings.store.sync()
    assert b"travel-notes" not in Path(settings.store.fileName()).read_bytes()
    assert "kept" in window.ui.messageLabel.text()

    check.click()  # on again: the open vault is listed, and the next one opened
    assert settings.recent_vaults() == [context.vault.path]
    settings.remember_vault(other)
    assert settings.recent_vaults() == [other, context.vault.path]


def test_the_choice_survives_a_restart(
    dialog: tuple[SettingsDialog, Settings], tmp_path: Path
) -> None:
    window, _ = dialog
    window.ui.recentCheck.click()
    again = Settings(_store_where_the_app_keeps_it(tmp_path), vault_dir=tmp_path / "x")
    assert not again.keeps_recent_vaults()
