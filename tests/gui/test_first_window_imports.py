"""The first window appears before what only an open vault needs is imported.

``contactkeeper`` with no argument shows the start screen (choose a vault, type its
passphrase). Everything an open vault shows (the views, the record services, SQLAlchemy's
model, Alembic, networkx, the charts) and what the later dialogs need (the keyring, zxcvbn,
the export formats) is imported only once that window has been painted, while the passphrase
is typed. The test starts the real program in a fresh process, through the same entry point
as the ``contactkeeper`` command, and lists the modules loaded at the moment the window is
first painted; then it lets the program go on and checks that the views did get made.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What the start screen must not wait for: a package (and everything under it) or a module.
NOT_BEFORE_THE_FIRST_WINDOW = (
    "sqlalchemy",
    "alembic",
    "networkx",
    "keyring",
    "zxcvbn",
    "icalendar",
    "rich",
    "babel",
    "rapidfuzz",
    "PySide6.QtSvg",
    "PySide6.QtCharts",
    "PySide6.QtPdf",
    "contactkeeper.records",
    "contactkeeper.exchange",
    "contactkeeper.demo",
    "contactkeeper.vault.model",
    "contactkeeper.vault.schema",
    "contactkeeper.vault.changes",
    "contactkeeper.gui.views.today",
    "contactkeeper.gui.views.actors",
    "contactkeeper.gui.views.actor_page",
    "contactkeeper.gui.views.network_map",
    "contactkeeper.gui.dialogs.log",
    "contactkeeper.gui.dialogs.settings",
    "contactkeeper.gui.dialogs.backup_dialog",
)

_CHILD = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import contactkeeper.gui.app as gui_app
from contactkeeper import launch
from contactkeeper.i18n import _

at_first_paint = {}
later = {}

def main_window():
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))

def go_on():
    # The program goes on after its first window: stop once it has made the views.
    made = getattr(main_window(), "workspace_made", True)  # True: made with the window
    if made or time.monotonic() > deadline:
        later["views made"] = made
        later["modules"] = sorted(sys.modules)
        QApplication.quit()
    else:
        QTimer.singleShot(10, go_on)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not at_first_paint:
            at_first_paint["modules"] = sorted(sys.modules)
            at_first_paint["file menu"] = main_window().file_menu.title()
            at_first_paint["file menu, in the catalogue"] = _("&File")
            QTimer.singleShot(0, go_on)
        return False

watcher = FirstPaint()
make_application = gui_app.make_application

def watched(argv):
    app = make_application(argv)
    app.installEventFilter(watcher)
    return app

gui_app.make_application = watched
deadline = time.monotonic() + 120
status = launch.main([])
print(json.dumps({"status": status, "first paint": at_first_paint, "later": later}))
"""


def _start(tmp_path: Path, language: str) -> dict[str, object]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "CONTACTKEEPER_LANGUAGE": language,
    }
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _loaded(modules: object, names: tuple[str, ...]) -> list[str]:
    assert isinstance(modules, list)
    return sorted(
        name for name in names if any(m == name or m.startswith(name + ".") for m in modules)
    )


def test_the_start_screen_is_painted_before_the_views_and_the_database_layer_load(
    tmp_path: Path,
) -> None:
    result = _start(tmp_path, "en")
    assert result["status"] == 0
    first, later = result["first paint"], result["later"]
    assert isinstance(first, dict)
    assert isinstance(later, dict)
    assert _loaded(first["modules"], NOT_BEFORE_THE_FIRST_WINDOW) == []
    # Then, while the passphrase would be typed, what an open vault shows is made.
    assert later["views made"] is True
    assert _loaded(later["modules"], ("sqlalchemy", "contactkeeper.gui.views.today")) == [
        "contactkeeper.gui.views.today",
        "sqlalchemy",
    ]


def test_the_first_window_speaks_the_chosen_language(tmp_path: Path) -> None:
    result = _start(tmp_path, "fr")
    first = result["first paint"]
    assert isinstance(first, dict)
    assert first["file menu"] == first["file menu, in the catalogue"] != "&File"
    assert _loaded(first["modules"], NOT_BEFORE_THE_FIRST_WINDOW) == []
