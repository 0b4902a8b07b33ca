"""Helpers for the tests of the application shell: a main window over real vaults.

Settings go to an INI file in the test's folder, the default vault folder and the demo
folder are moved there too, so nothing is read from or written into the real home.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from contactkeeper.gui.app_state import Settings
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.main_window import MainWindow
from tests.conftest import FAST_KDF, FakeClock

# Key derivation and the demo run off the UI thread. Wait for them with qtbot.waitSignal (a
# real event loop), not qtbot.waitUntil: QTest.qWait, which waitUntil polls with, was seen
# here to keep the worker thread from running for a minute and more.
OPEN_TIMEOUT_MS = 60_000


def settings_in(folder: Path) -> Settings:
    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    return Settings(store, vault_dir=folder / "default-vault")


def make_window(
    qtbot: QtBot,
    tmp_path: Path,
    clock: FakeClock,
    settings: Settings | None = None,
) -> tuple[MainWindow, AppContext, Settings]:
    """A main window over a new, locked context; vault folders default into tmp_path."""
    settings = settings or settings_in(tmp_path)
    context = AppContext(clock=clock)
    window = MainWindow(context, settings, kdf=FAST_KDF, demo_dir=tmp_path / "demo")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # so that focus and shortcuts work offscreen
    qtbot.waitUntil(window.isActiveWindow)
    return window, context, settings


def file_digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }
