"""Settings > Language: the language ContactKeeper speaks, chosen among "System default" and
each language in its own name, saved for the desktop and the command line when the dialog is
closed, and spoken after a restart, which the dialog says in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from contactkeeper import i18n
from contactkeeper.gui.app_state import Settings
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.language import LanguageDialog
from contactkeeper.gui.dialogs.settings import SettingsDialog
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window, settings_in


@pytest.fixture
def system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A system whose locale is English (Britain), with a configuration folder of the test's
    own, and no ``CONTACTKEEPER_LANGUAGE`` (which would decide alone); the suite's English
    again afterwards. Yields where the saved choice is kept."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv(i18n.ENVIRONMENT)
    for name in i18n.SYSTEM_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    yield tmp_path / "config" / "ContactKeeper" / i18n.CHOICE_FILE
    monkeypatch.setenv(i18n.ENVIRONMENT, "en")
    i18n.set_language()


def _settings_dialog(qtbot: QtBot, context: AppContext, tmp_path: Path) -> SettingsDialog:
    settings: Settings = settings_in(tmp_path)
    dialog = SettingsDialog(context, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _read(rich_text: str) -> str:
    """A label's rich text as a person reads it."""
    return QTextDocumentFragment.fromHtml(rich_text).toPlainText()


def _close(qtbot: QtBot, dialog: SettingsDialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).click()


def test_the_choices_are_the_system_default_and_each_language_in_its_own_name(
    qtbot: QtBot, context: AppContext, tmp_path: Path, system: Path
) -> None:
    i18n.set_language()
    dialog = _settings_dialog(qtbot, context, tmp_path)
    combo = dialog.language.combo
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items == ["System default (English)", "English", "Français", "العربية"]
    assert combo.currentIndex() == 0  # nothing saved: the system's language
    assert not dialog.language.note.isVisible()


def test_choosing_french_saves_it_says_a_restart_brings_it_and_a_restart_speaks_it(
    qtbot: QtBot, context: AppContext, tmp_path: Path, system: Path
) -> None:
    i18n.set_language()
    assert i18n.language() == "en"
    dialog = _settings_dialog(qtbot, context, tmp_path)
    combo = dialog.language.combo
    combo.setCurrentIndex(combo.findText("Français"))

    # At once, in the dialog: in French and in English, a restart is needed.
    note = dialog.language.note
    assert note.isVisible()
    assert "ContactKeeper parlera Français au prochain démarrage" in _read(note.text())
    assert "ContactKeeper will speak Français the next time it starts" in _read(note.text())
    assert not system.exists()  # nothing saved before the dialog is closed

    _close(qtbot, dialog)
    assert system.read_text(encoding="utf-8").strip() == "fr"
    box = dialog.language.restart_notice
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert "Fermez-le et relancez-le" in _read(box.text())
    assert "the next time it starts" in _read(box.text())
    box.accept()

    assert i18n.language() == "en"  # until a restart
    assert i18n.set_language() == "fr"  # the restart: the saved choice is spoken
    assert i18n._("Keyboard shortcuts") == "Raccourcis clavier"


def test_back_to_the_system_default_forgets_the_choice(
    qtbot: QtBot, context: AppContext, tmp_path: Path, system: Path
) -> None:
    i18n.save_choice("ar")
    i18n.set_language()
    assert i18n.language() == "ar"
    dialog = _settings_dialog(qtbot, context, tmp_path)
    combo = dialog.language.combo
    assert combo.currentText() == "العربية"
    combo.setCurrentIndex(0)
    # Arabic is on screen, the system speaks English: both are said.
    text = _read(dialog.language.note.text())
    assert "the system's language (English)" in text
    assert "لغة النظام" in text
    # Each in its own direction: the Arabic right to left, the English left to right.
    assert "<p dir='rtl'>سيتبع" in dialog.language.note.text()
    assert "<p dir='ltr'>ContactKeeper will follow" in dialog.language.note.text()
    _close(qtbot, dialog)
    assert dialog.language.restart_notice is not None
    dialog.language.restart_notice.accept()
    assert not system.exists()
    assert i18n.set_language() == "en"


def test_closing_without_a_change_saves_nothing(
    qtbot: QtBot, context: AppContext, tmp_path: Path, system: Path
) -> None:
    dialog = _settings_dialog(qtbot, context, tmp_path)
    _close(qtbot, dialog)
    assert not system.exists()
    assert dialog.language.restart_notice is None


def test_the_language_is_chosen_on_the_start_screen_before_any_vault_is_open(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, system: Path
) -> None:
    """A person whose laptop speaks English and who reads Arabic chooses before making
    their first vault: File > Language… works with no vault open (Settings needs one)."""
    i18n.set_language()
    window, context, _settings = make_window(qtbot, tmp_path, clock)
    assert not context.unlocked
    assert not window.settings_action.isEnabled()
    assert window.language_action.isEnabled()
    assert window.language_action in window.file_menu.actions()

    window.language_action.trigger()
    dialog = window.findChild(LanguageDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.width() <= 1024
    assert dialog.height() <= 600
    combo = dialog.language.combo
    combo.setCurrentIndex(combo.findText("العربية"))
    assert "ContactKeeper will speak العربية the next time it starts" in _read(
        dialog.language.note.text()
    )
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert system.read_text(encoding="utf-8").strip() == "ar"
    box = dialog.language.restart_notice
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    box.accept()
    assert i18n.set_language() == "ar"  # the next start speaks it, before any vault


def test_cancelling_the_language_dialog_saves_nothing(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, system: Path
) -> None:
    window, _context, _settings = make_window(qtbot, tmp_path, clock)
    dialog = window.show_language()
    qtbot.waitUntil(dialog.isVisible)
    dialog.language.combo.setCurrentIndex(dialog.language.combo.findText("Français"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not system.exists()
    assert dialog.language.restart_notice is None
