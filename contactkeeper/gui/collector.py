"""Keeping the garbage collector's passes out of a large read in the background.

Python's collector runs its passes in whichever thread allocates when a count is reached,
holding the interpreter's lock throughout: a full pass while the network map is read (the
whole web: some 85,000 lasting objects on a vault of 10,000 actors) took 35 to 110 ms, in
which the UI thread could run no Python. :func:`paused` holds the automatic passes off while
such a read runs (reference counting still frees what is dropped); nested or concurrent
uses keep them off until the last ends. :func:`keep` then takes what the read made out of
the full passes (``gc.freeze``), as the desktop does with what its start made: a pass
deferred would otherwise fall on the UI thread while the map is drawn (40 to 100 ms).

Objects kept so are still freed as soon as nothing refers to them; but a cycle of garbage
among them (an engine and its pool, which hold the database key) would be freed only by a
pass that scans them. So when the vault is locked, :func:`sweep` puts them back, collects
every cycle, and keeps what is left (nothing of the vault) out of the passes again.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False
_kept = False  # objects were kept out of the passes since the last sweep


@contextmanager
def paused() -> Iterator[None]:
    """No automatic pass of the garbage collector while this runs (in any thread)."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()


def keep() -> None:
    """Take every object there is now out of the collector's future passes."""
    global _kept
    with _lock:
        gc.freeze()
        _kept = True


def sweep() -> None:
    """If anything was kept while a vault was open: collect every cycle of garbage, the
    kept objects' included, and keep what is left out of the passes again (for when the
    vault has just been locked and its views cleared)."""
    global _kept
    with _lock:
        if not _kept:
            return
        _kept = False
    gc.unfreeze()
    gc.collect()
    gc.freeze()
