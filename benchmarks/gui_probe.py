"""The GUI rows, measured in a child process on an offscreen Qt platform.

    python -m benchmarks.gui_probe VAULT NOW_ISO    (run by benchmarks.run, not by hand)

The parent passes the moment it started this process (``CK_BENCH_STARTED``, wall clock) and
the passphrase (``CK_BENCH_PASSPHRASE``: the synthetic vault's known one) in the
environment, and a private settings folder (``XDG_CONFIG_HOME``) so that no real settings
are read or written. The window is opened as the desktop opens it
(:func:`contactkeeper.gui.app.open_first_window`). Prints one JSON object: process start to
the unlock window painted; the time the desktop then spends making what an open vault shows
(while a user would type the passphrase); the key derivation and, after it, the time to
the main window with Today filled (every view that loads on unlock included); each page
the actors list's Qt model fetches while scrolling to the end; and the peak resident
memory after visiting every screen.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from datetime import datetime
from pathlib import Path


def peak_mb() -> float:
    """This process's peak resident memory: VmHWM (ru_maxrss would count the parent's
    peak, which Linux keeps across fork and exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    started = float(os.environ["CK_BENCH_STARTED"])
    passphrase = os.environ["CK_BENCH_PASSPHRASE"]
    path = Path(sys.argv[1])
    now = datetime.fromisoformat(sys.argv[2])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    # Only what the desktop imports before its first window: the rest after it is shown.
    from PySide6.QtCore import QEvent, QModelIndex, QObject

    from contactkeeper.gui.app import make_application, open_first_window
    from contactkeeper.gui.context import AppContext

    stages: dict[str, float] = {}

    def note(stage: str) -> None:
        stages[stage] = round(peak_mb(), 1)

    painted: list[float] = []

    class FirstPaint(QObject):
        """The moment the last widget of the start screen is painted (before the desktop
        goes on to make the views, which are hidden and so paint nothing)."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not workspace_made():
                painted.append(time.time())
            return False

    def workspace_made() -> bool:
        return window is not None and window.workspace_made

    note("imported")
    app = make_application([sys.argv[0]])
    window = None
    watcher = FirstPaint()
    app.installEventFilter(watcher)
    context = AppContext(clock=lambda: now)
    window = open_first_window(context)
    deadline = time.monotonic() + 60
    while not painted and time.monotonic() < deadline:
        app.processEvents()
    note("unlock window")
    # A user types the passphrase now: the desktop makes the views meanwhile.
    while not workspace_made() and time.monotonic() < deadline:
        app.processEvents()
    if not painted or not workspace_made():
        raise RuntimeError("the first window was not painted, or its views not made, in 60 s")
    app.removeEventFilter(watcher)
    shown_s = painted[-1] - started  # the last paint of the start screen
    views_made_ms = (time.time() - painted[-1]) * 1000
    note("views made")

    from contactkeeper.gui.models.lazy_table import RECORD_ID_ROLE
    from contactkeeper.vault import KEY_NAME, Vault
    from contactkeeper.vault.keyfile import KeyFile

    key_file = KeyFile.read(path / KEY_NAME)
    began = time.perf_counter()
    db_key = key_file.unwrap(passphrase)
    derived = time.perf_counter()
    context.open(Vault.open_with_key(path, db_key, key_file))
    app.processEvents()
    today = window.workspace.today
    filled = today.view is not None and window.screens.currentWidget() is window.workspace
    opened = time.perf_counter()
    note("unlocked, Today filled")

    model = window.workspace.actors.model
    pages: list[float] = []
    while model.canFetchMore(QModelIndex()):
        before = time.perf_counter()
        model.fetchMore(QModelIndex())
        app.processEvents()
        pages.append((time.perf_counter() - before) * 1000)
    rows = model.rowCount()
    note("actors list scrolled to the end")

    workspace = window.workspace
    for row in range(workspace.sidebar.count()):
        workspace.show_section(row)
        app.processEvents()
    if rows:
        first = model.index(0, 0)
        actor_id = model.data(first, RECORD_ID_ROLE)
        if isinstance(actor_id, int):
            workspace.show_actor(actor_id)
            app.processEvents()
    note("every screen visited")
    context.lock()
    app.processEvents()
    print(
        json.dumps(
            {
                "shown_ms": shown_s * 1000,
                "views_made_ms": views_made_ms,
                "derivation_ms": (derived - began) * 1000,
                "after_derivation_ms": (opened - derived) * 1000,
                "today_filled": filled,
                "page_ms": pages,
                "rows": rows,
                "peak_mb": peak_mb(),
                "peak_mb_by_stage": stages,
            }
        )
    )
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
