"""The map row, measured in a child process on an offscreen Qt platform.

    python -m benchmarks.network_probe VAULT NOW_ISO NODES   (run by benchmarks.run)

Opens the reference vault (passphrase in ``CK_BENCH_PASSPHRASE``, settings in a private
``XDG_CONFIG_HOME``), shows the network map the way the Network section does, with the
filter of the reference vault that gives closest to NODES nodes, and measures from asking
for the map to every node drawn, while a timer on the event loop notes its longest stall
(the time between two ticks beyond the timer's own interval). Prints one JSON object.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path

TICK_MS = 5


def main() -> int:
    passphrase = os.environ["CK_BENCH_PASSPHRASE"]
    path = Path(sys.argv[1])
    now = datetime.fromisoformat(sys.argv[2])
    wanted = int(sys.argv[3])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from contactkeeper.gui.app import make_application
    from contactkeeper.gui.context import AppContext
    from contactkeeper.gui.views.network_map import MapView
    from contactkeeper.records import network_map
    from contactkeeper.vault import Vault

    app = make_application([sys.argv[0]])
    context = AppContext(clock=lambda: now)
    context.open(Vault.unlock(path, passphrase))
    view = MapView(context)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    choice = _closest_filter(view, network_map, context, wanted)

    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]
    stalls: list[tuple[float, str]] = []
    stage = ["waiting"]

    def tick() -> None:
        elapsed = clock.elapsed()
        stalls.append((elapsed - last[0] - TICK_MS, stage[0]))
        last[0] = elapsed

    def staged(name: str, step):  # type: ignore[no-untyped-def]
        def run(*args):  # type: ignore[no-untyped-def]
            stage[0] = name
            return step(*args)

        return run

    # Each step the view takes names the stalls that follow it.
    view._read = staged("the map read; filtering it and starting the layout", view._read)
    view._laid_out = staged("laid out; drawing in batches", view._laid_out)
    view._drawn = staged("drawn; fitting it to the window", view._drawn)

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    view.laid_out.connect(loop.quit)
    timer.start()
    began = time.perf_counter()

    def ask() -> None:
        stage[0] = "asking for the map"
        last[0] = clock.elapsed()
        choice()
        stage[0] = "reading the map in the background"

    QTimer.singleShot(0, ask)
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    drawn = time.perf_counter()
    for _ in range(5):  # the first paints after drawing
        stage[0] = "painting"
        app.processEvents()
    timer.stop()
    worst = max(stalls, default=(0.0, "none"))
    data = view.data
    print(
        json.dumps(
            {
                "layout_ms": (drawn - began) * 1000,
                "longest_stall_ms": max(0.0, worst[0]),
                "worst_step": worst[1],
                "tick_ms": TICK_MS,
                "nodes": 0 if data is None else len(data.nodes),
                "edges": 0 if data is None else len(data.edges),
            }
        )
    )
    view.close()
    context.lock()
    return 0


def _closest_filter(view, network_map, context, wanted):  # type: ignore[no-untyped-def]
    """The setting of the map's filters that shows closest to ``wanted`` nodes; a function
    that applies it."""
    now = context.now()
    best = None
    warmths, sensitivities = view.warmth_combo, view.sensitivity_combo
    for w in range(warmths.count()):
        for s in range(sensitivities.count()):
            warmths.setCurrentIndex(w)
            sensitivities.setCurrentIndex(s)
            count = len(network_map.map_data(context.vault, now, view.current_filter()).nodes)
            if best is None or abs(count - wanted) < abs(best[0] - wanted):
                best = (count, w, s)
    warmths.setCurrentIndex(0)
    sensitivities.setCurrentIndex(0)
    assert best is not None
    _, w, s = best

    def apply() -> None:
        warmths.setCurrentIndex(w)
        sensitivities.setCurrentIndex(s)
        view.reload()

    return apply


if __name__ == "__main__":
    raise SystemExit(main())
