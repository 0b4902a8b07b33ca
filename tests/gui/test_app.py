"""`contactkeeper` with no arguments starts the desktop application and quits cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from contactkeeper.gui import app
from contactkeeper.gui.autolock import DEFAULT_IDLE_MINUTES
from contactkeeper.gui.main_window import MainWindow


def test_the_program_opens_its_window_on_the_welcome_screen_and_quits(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Settings and the user data folder go to the test's folder, never the real home.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = windows[-1]
        seen["title"] = window.windowTitle()
        seen["page"] = window.start.currentWidget() is window.start.welcome
        seen["style"] = "demoBanner" in QApplication.instance().styleSheet()
        file_menu = [a.objectName() for a in window.file_menu.actions()]
        seen["panic in the File menu"] = "panicAction" in file_menu
        seen["auto-lock minutes"] = window.autolock.idle_minutes if window.autolock else None
        window.close()

    QTimer.singleShot(0, look_and_close)
    assert app.main([]) == 0
    assert seen == {
        "title": "ContactKeeper",
        "page": True,
        "style": True,
        "panic in the File menu": True,
        "auto-lock minutes": DEFAULT_IDLE_MINUTES,
    }
    assert QApplication.organizationName() == "ContactKeeper"
    written = list(tmp_path.rglob("*.conf")) + list(tmp_path.rglob("*.ini"))
    assert written, "the window geometry is remembered in the test's settings folder"
    assert "geometry" in written[0].read_text(encoding="latin-1")
