"""Help: a short built-in guide (F1) and a keyboard-shortcuts sheet (Ctrl+/) made from the
window's own actions, so that it always tells the truth; nothing is fetched from anywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from pytestqt.qtbot import QtBot

from contactkeeper.gui.dialogs.help import GUIDE_TAB, SHORTCUTS_TAB, HelpDialog, shortcuts
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.gui.panic import install_panic
from contactkeeper.vault import Vault
from contactkeeper.vault.resources import ui_dir
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window

NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> MainWindow:
    made, _, _ = make_window(qtbot, tmp_path, clock)
    return made


def _open_help(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> HelpDialog:
    qtbot.keyClick(window, key, modifier)
    dialog = window.help_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_f1_opens_the_guide_even_before_any_vault_is_open(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _open_help(qtbot, window, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)
    assert dialog.tabs.currentIndex() == GUIDE_TAB
    text = dialog.guide.toPlainText()
    # What a new user needs to read the screens, in plain words.
    for words in (
        "Warmth: who is going cold",
        "half a cadence older",
        "inner circle every 14 days",
        "past the maximum, or never contacted",
        "do not contact for now",
        "An intermediary gets credit for what they carry",
        "Readiness: is the moment coming?",
        "strength (1 to 5) times the reliability of its source",
        "half as much every 90 days",
        "last 30 days",
        "Channels: how you reach someone",
        "you -> Karim N. -> Layla H.",
        "Privacy mode: when someone can see your screen",
        "Ctrl+Shift+P",
        "To recover from a backup",
        "File > Restore from a backup",
        ".pre-restore",
    ):
        assert words in text, words
    menu = {a.text(): a for a in window.menuBar().actions()}["&Help"].menu()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&Guide",
        "&Keyboard shortcuts",
        "&About ContactKeeper",
    ]
    assert window.guide_action.shortcut().toString() == "F1"


def test_the_guide_is_bundled_and_links_nowhere_outside_itself(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = (ui_dir() / "guide.html").read_text(encoding="utf-8")
    links = re.findall(r"""(?:href|src)\s*=\s*["']([^"']*)["']""", source, flags=re.IGNORECASE)
    assert links
    assert all(link.startswith("#") for link in links), links
    assert not re.search(r"https?:|ftp:|mailto:|file:|//", source.replace("<!DOCTYPE html>", ""))
    anchors = set(re.findall(r"""<a name=["']([^"']+)["']""", source))
    assert {link[1:] for link in links} <= anchors  # every link leads somewhere in the page

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = window.show_help(GUIDE_TAB)
    qtbot.waitExposed(dialog)
    before = dialog.guide.toHtml()
    # A link within the page scrolls to its section.
    dialog.guide.verticalScrollBar().setValue(0)
    dialog.guide.anchorClicked.emit(QUrl("#backups"))
    assert dialog.guide.verticalScrollBar().value() > 0
    # A web address (were one ever added) is neither fetched nor handed to a browser.
    dialog.guide.anchorClicked.emit(QUrl("https://example.org/track-two"))
    assert opened == []
    assert dialog.guide.toHtml() == before
    assert not dialog.guide.openExternalLinks()
    assert not dialog.guide.openLinks()


def test_the_shortcuts_sheet_lists_every_action_with_keys_as_it_is_now(
    qtbot: QtBot, window: MainWindow, vault: Vault
) -> None:
    install_panic(window, window.context)  # as the application does at start
    dialog = _open_help(qtbot, window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert dialog.tabs.currentIndex() == SHORTCUTS_TAB
    sheet = dialog.keys.toPlainText()

    with_keys = [a for a in window.actions() if a.shortcuts() and a.text()]
    assert len(with_keys) >= 15
    for action in with_keys:
        command = action.text().replace("&", "")
        keys = action.shortcut().toString(NATIVE)
        listed = rf"{re.escape(keys)}( or [^\n]+)?\n{re.escape(command)}\n"
        assert re.search(listed, sheet), (keys, command)
    rows = {(r.command, r.keys) for r in shortcuts(window)}
    assert ("Lock", (QKeySequence("Ctrl+Shift+L").toString(NATIVE),)) in rows
    assert ("Guide", ("F1",)) in rows
    assert ("Keyboard shortcuts", (QKeySequence("Ctrl+/").toString(NATIVE),)) in rows
    panic = next(r for r in shortcuts(window) if r.command.startswith("Panic"))
    assert len(panic.keys) == 2  # both of its keys
    assert next(r for r in shortcuts(window) if r.command == "Back up now…").group == "File"

    # The sheet is made from the actions themselves: change a key, and the sheet follows.
    window.log_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
    dialog.show_tab(SHORTCUTS_TAB)
    sheet = dialog.keys.toPlainText()
    assert re.search(
        rf"{re.escape(QKeySequence('Ctrl+Shift+J').toString(NATIVE))}\s+Log a contact", sheet
    )
    assert not re.search(
        rf"{re.escape(QKeySequence('Ctrl+L').toString(NATIVE))}\s+Log a contact", sheet
    )

    # F1 in the same window goes back to the guide.
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.help_dialog is dialog
    assert dialog.tabs.currentIndex() == GUIDE_TAB
