"""The GUI rows, measured in a child process on an offscreen Qt platform.

    python -m benchmarks.gui_probe VAULT NOW_ISO    (run by benchmarks.run, not by hand)

The parent passes the moment it started this process (``CK_BENCH_STARTED``, wall clock) and
the passphrase (``CK_BENCH_PASSPHRASE``: the synthetic vault's known one) in the
environment, and a private settings folder (``XDG_CONFIG_HOME``) so that no real settings
are read or written. Prints one JSON object: process start to the unlock window shown; the
key derivation and, after it, the time to the main window with Today filled (every view
that loads on unlock included); each page the actors list's Qt model fetches while
scrolling to the end; and the peak resident memory after visiting every screen.
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

    from PySide6.QtCore import QModelIndex

    from contactkeeper.gui.app import make_application
    from contactkeeper.gui.app_state import Settings
    from contactkeeper.gui.context import AppContext
    from contactkeeper.gui.main_window import MainWindow
    from contactkeeper.gui.models.lazy_table import RECORD_ID_ROLE
    from contactkeeper.vault import KEY_NAME, Vault
    from contactkeeper.vault.keyfile import KeyFile

    stages: dict[str, float] = {}

    def note(stage: str) -> None:
        stages[stage] = round(peak_mb(), 1)

    note("imported")
    app = make_application([sys.argv[0]])
    context = AppContext(clock=lambda: now)
    window = MainWindow(context, Settings())
    window.show()
    app.processEvents()
    shown_s = time.time() - started
    note("unlock window")

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
