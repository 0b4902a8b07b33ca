"""The map row, measured in a child process on an offscreen Qt platform.

    python -m benchmarks.network_probe VAULT NOW_ISO NODES   (run by benchmarks.run)

Opens the reference vault (passphrase in ``CK_BENCH_PASSPHRASE``, settings in a private
``XDG_CONFIG_HOME``), shows the network map the way the Network section does, with the
first NODES nodes of the reference vault's web and the lines between them, and measures from asking
for the map to every node drawn, while a timer on the event loop notes its longest stall
(the time between two ticks beyond the timer's own interval), and the most CPU time the UI
thread itself used between two ticks: on a loaded machine a stall can be mostly waiting (for
a processor, or for the interpreter's lock held by the work in the background, a garbage
collection there included), which the second figure tells apart. Prints one JSON object.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path

TICK_MS = 5
READ = "the map read; filtering it and starting the layout"
LAID_OUT = "laid out; drawing in batches"


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
    gc.freeze()  # as the desktop does once started (contactkeeper/gui/app.py)
    context.open(Vault.unlock(path, passphrase))
    _first_nodes(network_map, wanted)
    view = MapView(context)
    view.resize(1280, 800)
    view.show()
    app.processEvents()

    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]
    stalls: list[tuple[float, str]] = []
    stage = ["waiting"]

    entered = ["waiting"]  # the steps taken since the last tick
    busy: list[tuple[float, str]] = []  # the UI thread's own CPU time between two ticks
    cpu = [time.thread_time()]

    def tick() -> None:
        elapsed = clock.elapsed()
        used = time.thread_time()
        stalls.append((elapsed - last[0] - TICK_MS, " then ".join(entered)))
        busy.append(((used - cpu[0]) * 1000, " then ".join(entered)))
        entered[:] = [stage[0]]
        last[0] = elapsed
        cpu[0] = used

    def enter(name: str) -> None:
        stage[0] = name
        entered.append(name)
        moments[name] = time.perf_counter()

    moments: dict[str, float] = {}

    def staged(name: str, step):  # type: ignore[no-untyped-def]
        def run(*args):  # type: ignore[no-untyped-def]
            enter(name)
            return step(*args)

        return run

    # Each step the view takes names the stalls that follow it.
    view._read = staged(READ, view._read)
    view._laid_out = staged(LAID_OUT, view._laid_out)
    view._drawn = staged("drawn; fitting it to the window", view._drawn)

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    view.laid_out.connect(loop.quit)
    timer.start()
    began = time.perf_counter()

    def ask() -> None:
        enter("asking for the map")
        last[0] = clock.elapsed()
        cpu[0] = time.thread_time()
        view.reload()
        enter("reading the map in the background")

    QTimer.singleShot(0, ask)
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    drawn = time.perf_counter()
    for _ in range(5):  # the first paints after drawing
        enter("painting")
        app.processEvents()
    timer.stop()
    worst = max(stalls, default=(0.0, "none"))
    busiest = max(busy, default=(0.0, "none"))
    data = view.data
    print(
        json.dumps(
            {
                "total_ms": (drawn - began) * 1000,
                "read_ms": (moments[READ] - began) * 1000,
                "layout_ms": (moments[LAID_OUT] - moments[READ]) * 1000,
                "draw_ms": (drawn - moments[LAID_OUT]) * 1000,
                "longest_stall_ms": max(0.0, worst[0]),
                "worst_step": worst[1],
                "longest_busy_ms": busiest[0],
                "busiest_step": busiest[1],
                "tick_ms": TICK_MS,
                "nodes": 0 if data is None else len(data.nodes),
                "edges": 0 if data is None else len(data.edges),
            }
        )
    )
    view.close()
    context.lock()
    return 0


def _first_nodes(network_map, wanted):  # type: ignore[no-untyped-def]
    """Have the map show the first ``wanted`` nodes of the whole web (you, then actors and
    their organizations as the vault lists them) with every line between them: the map
    view reads its data through ``network_map.map_data``, which this wraps, so that the
    rest of the way (filtering, layout in the background, drawing) is the program's own."""
    read = network_map.map_data

    def first(vault, now, flt=None):  # type: ignore[no-untyped-def]
        data = read(vault, now, flt)
        nodes = data.nodes[:wanted]
        kept = {node.key for node in nodes}
        edges = tuple(e for e in data.edges if e.source in kept and e.target in kept)
        return network_map.MapData(nodes, edges, data.kept)

    network_map.map_data = first


if __name__ == "__main__":
    raise SystemExit(main())
