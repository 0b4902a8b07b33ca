"""Long work off the UI thread, through one small helper.

``run_in_background(parent, work, on_done, on_error)`` runs ``work()`` on Qt's global thread
pool and delivers its result (or the exception) back on the UI thread by signal. Views use it
for anything that can take more than a blink: unlocking (one key derivation), backups,
restores, imports. No raw threads in widgets, no ``processEvents()`` loops.

``run_with_progress`` hands the work a :class:`Progress`: call it with ``(done, total)``,
name the step under way with ``progress.stage(name)``, and ask ``progress.cancelled()`` at
each check point; :meth:`Operation.cancel` (a Cancel button) makes it true. The work itself
decides where it can stop cleanly (and says so with its own error).

Work that can wait (Today's insights) runs with :func:`run_paced`: it pauses at the next
step of its queries while the UI thread does what a person waits for (a page of a list:
:func:`ui_turn`), so that the two do not take turns at Python's interpreter then.

Closing the window asks every operation still running to stop (:func:`cancel_all`); what
finishes after the program's Qt objects are gone (work that cannot stop, or had not come
to a check point) is dropped without a word, and work whose progress can no longer be
shown is asked to stop.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from contactkeeper.vault import pacing

# The longest a paced step waits for the UI thread's turn to end: paced work is slowed
# while the UI thread is busy, never stopped.
LONGEST_PAUSE_S = 0.25


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)
    stage = Signal(str)


def _emit(signal: Any, *args: Any) -> bool:
    """Say ``signal(*args)`` from the worker; False if there is no one left to tell (the
    program is closing and its Qt objects are gone): the answer is then dropped."""
    try:
        signal.emit(*args)
    except RuntimeError:  # "Signal source has been deleted"
        return False
    return True


class Progress:
    """What background work is handed: how to say how far it is, and whether to stop."""

    def __init__(self, relay: _Relay, cancel: threading.Event) -> None:
        self._relay = relay
        self._cancel = cancel

    def __call__(self, done: int, total: int) -> None:
        if not _emit(self._relay.progress, done, total):
            self._cancel.set()  # no one is waiting for it any more

    def stage(self, name: str) -> None:
        """The step now under way (the work's own name for it)."""
        if not _emit(self._relay.stage, name):
            self._cancel.set()

    def cancelled(self) -> bool:
        """Whether the user asked to stop (safe to ask from the worker thread)."""
        return self._cancel.is_set()


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._progress = progress
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as exc:  # delivered to the UI thread, shown there
            _emit(self._relay.failed, exc)
        else:
            _emit(self._relay.done, result)


# Every operation started and not finished yet (see cancel_all); one whose parent was
# deleted meanwhile leaves the set with it.
_RUNNING: weakref.WeakSet[Operation] = weakref.WeakSet()


def cancel_all() -> int:
    """Ask every operation still running to stop at its next check point (the window is
    closing); how many were running."""
    running = list(_RUNNING)
    for operation in running:
        operation.cancel()
    return len(running)


class Operation(QObject):
    """One piece of background work; keep a reference until ``finished`` is emitted."""

    finished = Signal()

    def __init__(
        self,
        parent: QObject,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        on_progress: Callable[[int, int], None] | None = None,
        on_stage: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._on_stage = on_stage
        self._cancel = threading.Event()
        # The relay and this object live on the UI thread: signals emitted by the worker reach
        # these slots through queued connections, so callbacks run on the UI thread.
        self._relay = _Relay()
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self._relay.progress.connect(self._progress)
        self._relay.stage.connect(self._stage)
        self.running = True
        _RUNNING.add(self)
        progress = Progress(self._relay, self._cancel)
        QThreadPool.globalInstance().start(_Job(work, progress, self._relay))

    def cancel(self) -> None:
        """Ask the work to stop at its next check point (it may finish first)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    @Slot(object)
    def _done(self, result: Any) -> None:
        self._finish(self._on_done, result)

    @Slot(object)
    def _failed(self, exc: Any) -> None:
        self._finish(self._on_error, exc)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)

    @Slot(str)
    def _stage(self, name: str) -> None:
        if self._on_stage is not None:
            self._on_stage(name)

    def _finish(self, callback: Callable[[Any], None], value: Any) -> None:
        self.running = False
        _RUNNING.discard(self)
        try:
            callback(value)
        finally:
            self.finished.emit()
            self.deleteLater()


def run_in_background(
    parent: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> Operation:
    """Run ``work()`` off the UI thread; ``on_done``/``on_error`` run on the UI thread."""
    return Operation(parent, lambda _progress: work(), on_done, on_error)


def run_with_progress(
    parent: QObject,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    on_progress: Callable[[int, int], None],
    on_stage: Callable[[str], None] | None = None,
) -> Operation:
    """Like run_in_background; ``work(progress)`` may call ``progress(done, total)``,
    ``progress.stage(name)`` and ``progress.cancelled()`` (see :class:`Progress`)."""
    return Operation(parent, work, on_done, on_error, on_progress, on_stage)


# -- the UI thread's turn ------------------------------------------------------------------

_ui_free = threading.Event()
_ui_free.set()
_ui_turns = 0  # nested turns (the UI thread alone counts them)


@contextmanager
def ui_turn() -> Iterator[None]:
    """On the UI thread, around work a person waits for (a page of a list): paced work
    pauses at its next step until the block ends."""
    global _ui_turns
    _ui_turns += 1
    _ui_free.clear()
    try:
        yield
    finally:
        _ui_turns -= 1
        if _ui_turns == 0:
            _ui_free.set()


def _give_way() -> None:
    """A paced step: wait while the UI thread has its turn (at most LONGEST_PAUSE_S)."""
    _ui_free.wait(LONGEST_PAUSE_S)


def run_paced(
    parent: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> Operation:
    """Like run_in_background, for work that can wait: its queries pause at each step
    while the UI thread is in a :func:`ui_turn` block."""

    def paced_work() -> Any:
        with pacing.paced(_give_way):
            return work()

    return run_in_background(parent, paced_work, on_done, on_error)
