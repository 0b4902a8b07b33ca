"""Long work off the UI thread, through one small helper.

``run_in_background(parent, work, on_done, on_error)`` runs ``work()`` on Qt's global thread
pool and delivers its result (or the exception) back on the UI thread by signal. Views use it
for anything that can take more than a blink: unlocking (one key derivation), backups,
restores, imports. No raw threads in widgets, no ``processEvents()`` loops.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Callable[[int, int], None]], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work(self._relay.progress.emit)
        except Exception as exc:  # delivered to the UI thread, shown there
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class Operation(QObject):
    """One piece of background work; keep a reference until ``finished`` is emitted."""

    finished = Signal()

    def __init__(
        self,
        parent: QObject,
        work: Callable[[Callable[[int, int], None]], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        # The relay and this object live on the UI thread: signals emitted by the worker reach
        # these slots through queued connections, so callbacks run on the UI thread.
        self._relay = _Relay()
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self._relay.progress.connect(self._progress)
        self.running = True
        QThreadPool.globalInstance().start(_Job(work, self._relay))

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

    def _finish(self, callback: Callable[[Any], None], value: Any) -> None:
        self.running = False
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
    work: Callable[[Callable[[int, int], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    on_progress: Callable[[int, int], None],
) -> Operation:
    """Like run_in_background; ``work(progress)`` may call ``progress(done, total)``."""
    return Operation(parent, work, on_done, on_error, on_progress)
