"""The desktop in French and in Arabic: its words, Qt's own, the mirrored layout, the
calendar's first day, and the demo vault made in the language of the program."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDialogButtonBox
from pytestqt.qtbot import QtBot

from contactkeeper import i18n
from contactkeeper.gui import translation
from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import make_window

Speak = Callable[[str], None]


@pytest.fixture
def speak(qapp: QApplication) -> Iterator[Speak]:
    """Install a language for the test; English again after."""

    def install(language: str) -> None:
        translation.install(qapp, language)

    yield install
    translation.install(qapp, i18n.ENGLISH)


def test_qts_own_buttons_speak_the_language(qtbot: QtBot, speak: Speak) -> None:
    speak("fr")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"
    speak("ar")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "ألغِ"


def test_arabic_mirrors_the_main_window(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, speak
) -> None:
    speak("ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window, context, _ = make_window(qtbot, tmp_path, clock)
    context.open(Vault.create(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF))
    sidebar = window.workspace.sidebar
    qtbot.waitUntil(sidebar.isVisible)
    left_edge = sidebar.mapTo(window, sidebar.rect().topLeft()).x()
    assert left_edge > window.width() // 2  # the sidebar is on the right
    assert window.workspace.views.mapTo(window, window.workspace.views.rect().topLeft()).x() < (
        left_edge
    )
    context.lock()


@pytest.mark.parametrize(
    ("language", "first"), [("fr", Qt.DayOfWeek.Monday), ("ar", Qt.DayOfWeek.Saturday)]
)
def test_the_calendar_starts_the_week_on_the_locales_first_day(
    qtbot: QtBot, speak: Speak, language: str, first: Qt.DayOfWeek
) -> None:
    speak(language)
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    days = [
        Qt.DayOfWeek.Monday,
        Qt.DayOfWeek.Tuesday,
        Qt.DayOfWeek.Wednesday,
        Qt.DayOfWeek.Thursday,
        Qt.DayOfWeek.Friday,
        Qt.DayOfWeek.Saturday,
        Qt.DayOfWeek.Sunday,
    ]
    assert days[i18n.first_weekday()] == first  # the program's formats agree with Qt's
    expected = first
    assert calendar.firstDayOfWeek() == expected
    assert QLocale().firstDayOfWeek() == expected


def test_the_window_speaks_french(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, speak: Speak
) -> None:
    speak("fr")
    window, _, _ = make_window(qtbot, tmp_path, clock)
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Fichier" in menus or "Fichier" in [m.replace("&", "") for m in menus]
