"""The built-in guide (F1) in the language the program speaks: French and Arabic have their
own translation of it (the Arabic one written right to left), any other language the English
guide; the help window's own words are translated too."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from contactkeeper import i18n
from contactkeeper.gui.dialogs.help import GUIDE_TAB, SHORTCUTS_TAB, HelpDialog, guide_html
from contactkeeper.vault.resources import ui_dir


@pytest.fixture
def speak() -> Iterator[Callable[[str], None]]:
    """Speak a language for the test; the suite's English again afterwards."""
    yield lambda code: None if i18n.set_language(code) == code else pytest.fail(code)
    i18n.set_language()


def _help(qtbot: QtBot) -> HelpDialog:
    window = QMainWindow()
    qtbot.addWidget(window)
    dialog = HelpDialog(window)
    dialog.show_tab(GUIDE_TAB)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_guide_is_shown_in_french_when_the_program_speaks_french(
    qtbot: QtBot, speak: Callable[[str], None]
) -> None:
    speak("fr")
    dialog = _help(qtbot)
    text = dialog.guide.toPlainText()
    assert "ContactKeeper : un guide rapide" in text
    assert "Chaleur : qui se refroidit" in text
    assert "premier cercle tous les 14 jours" in text
    assert "Mode discret : quand quelqu'un peut voir votre écran" in text
    assert "Warmth: who is going cold" not in text
    assert dialog.windowTitle() == "Aide de ContactKeeper"
    assert dialog.tabs.tabText(SHORTCUTS_TAB) == "&Raccourcis clavier"
    dialog.show_tab(SHORTCUTS_TAB)
    assert dialog.keys.toPlainText().startswith("Raccourcis clavier")


def test_the_guide_is_shown_in_arabic_right_to_left(
    qtbot: QtBot, speak: Callable[[str], None]
) -> None:
    speak("ar")
    dialog = _help(qtbot)
    text = dialog.guide.toPlainText()
    assert "الدفء: من تبرد علاقته" in text
    assert "وضع الخصوصية: حين يستطيع أحد رؤية شاشتك" in text
    assert "Warmth" not in text
    first = dialog.guide.document().firstBlock()
    assert first.textDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.windowTitle() == "مساعدة ContactKeeper"


def test_the_guide_links_within_the_page_in_every_language() -> None:
    """Each translation keeps the English guide's anchors and links, so the contents at the
    top of the page lead to the same sections."""
    english = guide_html(i18n.ENGLISH)
    for language in ("fr", "ar"):
        translated = (ui_dir() / f"guide.{language}.html").read_text(encoding="utf-8")
        for anchor in ("warmth", "readiness", "channels", "privacy", "backups", "keys"):
            assert f'<a name="{anchor}">' in english
            assert f'<a name="{anchor}">' in translated, (language, anchor)
            assert translated.count(f'href="#{anchor}"') == english.count(f'href="#{anchor}"')
        assert f'lang="{language}"' in translated
    assert 'dir="rtl"' in (ui_dir() / "guide.ar.html").read_text(encoding="utf-8")


def test_a_language_without_its_own_guide_shows_the_english_one(
    speak: Callable[[str], None],
) -> None:
    speak(i18n.PSEUDO)
    assert "Warmth: who is going cold" in guide_html()
    speak("en")
    assert "Warmth: who is going cold" in guide_html()
