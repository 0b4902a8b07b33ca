"""Every window and dialog fits a 1024x600 screen (a small laptop, a netbook, a projector):
its size, the least it can be shrunk to, and its buttons are all on screen, and no
explanation is cut off.

Offscreen Qt has one screen of its own size (800x800), so the program is told that its
screen's free area is 1024x600, and every window is checked against it: the main window is
resized to it, every dialog is opened as the program opens it and then shrunk as far as it
goes, as a window manager would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLabel,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contactkeeper.gui import main_window, presentation
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.main_window import MainWindow, fit_to_screen
from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import make_window, settings_in
from tests.gui.windows import DIALOGS, Opened, main_pages

SCREEN = QRect(0, 0, 1024, 600)
# A window's title bar and frame, which the window manager adds around it.
TITLE_BAR = 32
ROOM = QSize(SCREEN.width(), SCREEN.height() - TITLE_BAR)


@pytest.fixture(autouse=True)
def small_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen every window opens on is 1024x600."""
    monkeypatch.setattr(presentation, "available_area", lambda widget: SCREEN)
    monkeypatch.setattr(main_window, "available_area", lambda widget: SCREEN)


@pytest.fixture
def opened(qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_vault: Vault) -> Opened:
    window, context, settings = make_window(qtbot, tmp_path, clock)
    context.open(demo_vault)
    return window, context, settings


def _fits(size: QSize, room: QSize = ROOM) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _off_screen_buttons(top: QWidget) -> list[str]:
    """The visible buttons of ``top`` (outside scroll areas) that lie outside it."""
    area = top.rect()
    lost = []
    for button in top.findChildren(QAbstractButton):
        if not button.isVisible() or _in_scroll_area(button, top):
            continue
        where = QRect(button.mapTo(top, button.rect().topLeft()), button.size())
        if not area.contains(where):
            lost.append(button.text() or button.accessibleName() or button.objectName())
    return lost


def _cut_off_labels(top: QWidget) -> list[str]:
    """Word-wrapped explanations shorter than their text needs (in a scroll area too: it
    scrolls, but shows each explanation whole)."""
    cut = []
    for label in top.findChildren(QLabel):
        if not (label.isVisible() and label.wordWrap() and label.text()):
            continue
        if label.height() < label.heightForWidth(label.width()):
            cut.append(label.text()[:50])
    return cut


# -- the main window ---------------------------------------------------------------------


def test_the_first_window_is_fitted_to_a_small_screen() -> None:
    assert fit_to_screen(QSize(1180, 760), SCREEN).size() == QSize(1024, 600)
    inside = fit_to_screen(QSize(800, 500), SCREEN)
    assert SCREEN.contains(inside)
    assert inside.size() == QSize(800, 500)
    # A screen that does not start at 0, 0 (a second monitor, a panel on the left).
    beside = QRect(1920, 40, 1024, 560)
    assert beside.contains(fit_to_screen(QSize(1180, 760), beside))


def test_the_main_window_opens_within_a_small_screen(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    window = MainWindow(
        AppContext(clock=clock), settings_in(tmp_path), kdf=FAST_KDF, demo_dir=tmp_path
    )
    qtbot.addWidget(window)
    assert SCREEN.contains(window.geometry())


def test_a_window_remembered_on_a_large_screen_opens_on_a_small_one(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    settings = settings_in(tmp_path)

    def window() -> MainWindow:
        made = MainWindow(AppContext(clock=clock), settings, kdf=FAST_KDF, demo_dir=tmp_path)
        qtbot.addWidget(made)
        return made

    first = window()
    first.show()
    first.setGeometry(3000, 2000, 1600, 1000)  # on a large second screen, since unplugged
    first.close()
    again = window()
    assert SCREEN.contains(again.geometry())


def test_every_page_of_the_main_window_fits_1024_by_600(qtbot: QtBot, opened: Opened) -> None:
    window, context, _ = opened
    window.resize(ROOM)
    assert _fits(window.minimumSizeHint()), window.minimumSizeHint()
    for name in main_pages(window, context):
        qtbot.wait(10)
        assert _fits(window.size()), (name, window.size())
        assert _off_screen_buttons(window) == [], name


def test_the_start_screens_fit_1024_by_600(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> None:
    window, _, settings = make_window(qtbot, tmp_path, clock)
    window.resize(ROOM)
    for show in (window.start.show_welcome, window.start.show_create):
        show()
        qtbot.wait(10)
        assert _fits(window.size())
        assert _off_screen_buttons(window) == []
        assert _cut_off_labels(window) == []
    folder = tmp_path / "a vault kept in a folder with a long name, deep down" / "vault"
    Vault.create(folder, PASSPHRASE, kdf=FAST_KDF).close()
    settings.remember_vault(folder)
    window.start.show_start()
    qtbot.wait(10)
    assert _fits(window.size())
    assert _off_screen_buttons(window) == []


# -- every dialog ------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_fits_1024_by_600_with_its_buttons_on_screen(
    qtbot: QtBot, opened: Opened, name: str
) -> None:
    window, context, settings = opened
    window.resize(ROOM)
    dialog = DIALOGS[name](window, context, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # As opened.
    assert _fits(dialog.size()), dialog.size()
    _check_on_screen(qtbot, dialog)
    # As narrow as it goes, and as tall as its wrapped text then needs.
    least = _narrowest(dialog)
    assert _fits(least), least
    dialog.resize(least)
    _check_on_screen(qtbot, dialog)


def _narrowest(dialog: QDialog) -> QSize:
    least = dialog.minimumSizeHint()
    if dialog.hasHeightForWidth():
        least.setHeight(max(least.height(), dialog.heightForWidth(least.width())))
    return least


def _check_on_screen(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.wait(10)
    # Layouts settle through posted events: on a busy machine (parallel test workers) a
    # label may get its height a few turns of the event loop after a resize.
    for _ in range(200):
        if not _cut_off_labels(dialog):
            break
        qtbot.wait(10)
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
    assert buttons, "no Save, Close or Cancel in sight"
    assert _off_screen_buttons(dialog) == []
    assert _cut_off_labels(dialog) == []
