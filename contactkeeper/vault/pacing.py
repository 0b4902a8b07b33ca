"""Work that can wait gives way to work a person is waiting for.

A thread doing work that can wait (the desktop works out Today's insights in the
background: seconds of reading and arithmetic on a large vault) runs it :func:`paced`,
with a *gate*: a function that returns when the thread may go on. Every step of a query on
the thread's connections is a point where it may pause (SQLite's progress handler, set on a
connection as the thread checks it out: see ``connection.make_engine``), so while the gate
holds it, the thread neither reads nor keeps Python's interpreter from the thread that is
busy (the desktop's UI thread, turning a page of a list).

The core only offers the pause points; who decides when to pause is the caller's gate. A
thread that is not paced never pauses, and its connections carry no handler.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# SQLite virtual-machine instructions between two pause points: about a tenth of a
# millisecond of reading, so that a pause comes soon after it is asked for.
STEP_INSTRUCTIONS = 5_000

Gate = Callable[[], None]

_local = threading.local()


@contextmanager
def paced(gate: Gate) -> Iterator[None]:
    """Run the block with ``gate`` called at each pause point of this thread's queries."""
    previous = getattr(_local, "gate", None)
    _local.gate = gate
    try:
        yield
    finally:
        _local.gate = previous


def is_paced() -> bool:
    """Whether the current thread runs paced work."""
    return getattr(_local, "gate", None) is not None


def pause_point() -> int:
    """Pause here if this thread's gate says so (SQLite's progress handler: 0 goes on)."""
    gate = getattr(_local, "gate", None)
    if gate is not None:
        gate()
    return 0
