"""The list of recent vaults survives a settings file edited by hand or by another version."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from contactkeeper.gui.app_state import Settings


def _settings(tmp_path: Path, text: str) -> Settings:
    path = tmp_path / "settings.ini"
    path.write_text(text, encoding="utf-8")
    return Settings(QSettings(str(path), QSettings.Format.IniFormat), vault_dir=tmp_path)


def test_a_number_where_the_recent_vaults_belong_lists_no_vault(tmp_path: Path) -> None:
    settings = _settings(tmp_path, "[vaults]\nrecent=@Variant(\\0\\0\\0\\x2\\0\\0\\0\\x5)\n")
    assert settings.recent_vaults() == []
    settings.remember_vault(tmp_path / "vault")
    assert settings.recent_vaults() == [(tmp_path / "vault").absolute()]


def test_one_or_several_recent_vaults_are_read_back(tmp_path: Path) -> None:
    settings = _settings(tmp_path, "[vaults]\nrecent=/a/one\n")
    assert settings.recent_vaults() == [Path("/a/one")]
    settings = _settings(tmp_path, "[vaults]\nrecent=/a/one, /b/two\n")
    assert settings.recent_vaults() == [Path("/a/one"), Path("/b/two")]
