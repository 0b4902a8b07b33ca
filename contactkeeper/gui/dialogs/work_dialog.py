"""What the backup, restore, import and export dialogs share: a dialog that runs one
piece of work at a time off the UI thread, and the words they use.

``WorkDialog`` runs its work through ``run_with_progress``, shows its progress (and, for a
backup, the stage under way and how long it has taken), lets it be cancelled where the
work allows, cannot be closed while it runs, and says how it went in place: a result, or
the service's own calm message (:func:`message_for`). What the work wrote to the open
vault is recorded on the worker thread and announced on ``context.changed`` when it ends.
Passphrases typed into such a dialog are cleared when it closes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.operations import Operation, Progress, run_with_progress
from contactkeeper.gui.presentation import show_error
from contactkeeper.i18n import N_, _, ngettext
from contactkeeper.vault.changes import Changes

PROGRESS_STEPS = 1000
ProgressFn = Callable[[int, int], None]


# -- words ---------------------------------------------------------------------------------


def size_text(count: int) -> str:
    """A file size as people read it: 312 KB, 4.2 MB."""
    if count < 1024:
        return ngettext("{n} byte", "{n} bytes", count).format(n=i18n.number(count))
    value = float(count)
    for unit in (N_("{size} KB"), N_("{size} MB"), N_("{size} GB")):
        value /= 1024
        if value < 1024 or unit == "{size} GB":
            return _(unit).format(size=i18n.number(value, 0 if value >= 10 else 1))
    raise AssertionError("unreachable")


def count_text(kind: str, n: int) -> str:
    """``n`` records of a ``kind`` the vault counts ("actors"), as "2 actors"."""
    if kind == "actors":
        text = ngettext("{n} actor", "{n} actors", n)
    elif kind == "organizations":
        text = ngettext("{n} organization", "{n} organizations", n)
    elif kind == "affiliations":
        text = ngettext("{n} affiliation", "{n} affiliations", n)
    elif kind == "processes":
        text = ngettext("{n} process", "{n} processes", n)
    elif kind == "channels":
        text = ngettext("{n} channel", "{n} channels", n)
    elif kind == "interactions":
        text = ngettext("{n} interaction", "{n} interactions", n)
    elif kind == "relationships":
        text = ngettext("{n} relationship", "{n} relationships", n)
    elif kind == "readiness cues":
        text = ngettext("{n} readiness cue", "{n} readiness cues", n)
    elif kind == "follow-ups":
        text = ngettext("{n} follow-up", "{n} follow-ups", n)
    elif kind == "events":
        text = ngettext("{n} event", "{n} events", n)
    elif kind == "transfers":
        text = ngettext("{n} transfer", "{n} transfers", n)
    elif kind == "reviews":
        text = ngettext("{n} review", "{n} reviews", n)
    else:
        text = "{n} " + kind
    return text.format(n=i18n.number(n))


def counts_text(counts: dict[str, int]) -> str:
    """``{"actors": 2, "interactions": 1}`` as "2 actors, 1 interaction"."""
    parts = [count_text(kind, n) for kind, n in counts.items() if n]
    # Translators: what separates the items of a list ("2 actors, 1 process").
    return _(", ").join(parts) if parts else _("no records")


def unbroken(name: str) -> str:
    """A file name that word wrap does not cut at its hyphens (non-breaking hyphens)."""
    return name.replace("-", "\u2011")


def message_for(exc: Exception) -> str:
    """What went wrong, for a person: our own errors carry their message."""
    if isinstance(exc, ContactKeeperError):
        return exc.message
    if isinstance(exc, OSError):
        return _("The file could not be used: {reason}. Nothing was changed.").format(
            reason=exc.strerror or exc
        )
    return _("Something went wrong ({error}); nothing was changed.").format(
        error=type(exc).__name__
    )


def scaled(progress: ProgressFn) -> ProgressFn:
    """Report progress in steps of a thousand: byte counts of a large vault overflow an int."""
    return lambda done, total: progress(done * PROGRESS_STEPS // max(total, 1), PROGRESS_STEPS)


# -- what every dialog here shares ---------------------------------------------------------


class WorkDialog(QDialog):
    """A dialog that runs one piece of background work at a time and cannot be closed
    meanwhile. ``operation_finished`` is emitted once the result or the error is shown.

    A dialog given a stage label and a Cancel button (``_setup``) names each step of the
    work as it starts, with the seconds it has taken so far, and lets the user cancel: the
    work stops at its next check point (see ``operations.Progress``)."""

    busy_changed = Signal(bool)
    operation_finished = Signal()
    # Closed when the vault locks (it holds passphrases or needs the vault); a restore,
    # which locks the vault itself, stays open to say how it ended.
    closes_on_lock = True

    def __init__(self, context: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self._operation: Operation | None = None
        self._inputs: list[QWidget] = []
        self._progress_bar: QProgressBar | None = None
        self._message: QLabel | None = None
        self._cancel_button: QPushButton | None = None
        self._stage_label: QLabel | None = None
        self._stage = ""
        self._stage_since = 0.0
        self._stage_timer = QTimer(self)
        self._stage_timer.setInterval(1000)
        self._stage_timer.timeout.connect(self._show_stage)

    @property
    def running(self) -> bool:
        return self._operation is not None

    def _setup(
        self,
        inputs: Sequence[QWidget],
        progress: QProgressBar,
        message: QLabel,
        close_button: QPushButton,
        *,
        stage_label: QLabel | None = None,
        cancel_button: QPushButton | None = None,
    ) -> None:
        self._inputs = list(inputs)
        self.close_button = close_button
        close_button.clicked.connect(self.reject)
        self._progress_bar = progress
        self._message = message
        message.setStyleSheet("QLabel { color: #9b2c2c; }")
        progress.hide()
        show_error(message, "")
        self._stage_label = stage_label
        self._cancel_button = cancel_button
        if stage_label is not None:
            stage_label.hide()
        if cancel_button is not None:
            cancel_button.hide()
            cancel_button.clicked.connect(self.cancel)

    def show_message(self, text: str) -> None:
        assert self._message is not None
        show_error(self._message, text)

    def _run(
        self,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``work(progress)`` off the UI thread; the inputs stay off until it ends."""
        assert self._progress_bar is not None
        vault = self.context.vault if self.context.unlocked else None
        written: list[Changes] = []

        def recorded(progress: Progress) -> Any:
            if vault is None:
                return work(progress)
            with vault.recording() as recording:
                try:
                    return work(progress)
                finally:
                    written.append(recording.changes)

        def announce() -> None:
            for changes in written:
                self.context.announce(changes, self)

        bar = self._progress_bar
        bar.setValue(0)
        bar.show()
        self.show_message("")
        for widget in self._inputs:
            widget.setEnabled(False)
        self.close_button.setEnabled(False)
        self._stage = ""
        if self._stage_label is not None:
            self._stage_label.clear()
            self._stage_label.show()
        if self._cancel_button is not None:
            self._cancel_button.setText(_(self._cancel_text))
            self._cancel_button.setEnabled(True)
            self._cancel_button.show()

        def finish() -> None:
            self._operation = None
            self._stage_timer.stop()
            if self._stage_label is not None:
                self._stage_label.hide()
            if self._cancel_button is not None:
                self._cancel_button.hide()
            bar.hide()
            for widget in self._inputs:
                widget.setEnabled(True)
            self.close_button.setEnabled(True)
            self.busy_changed.emit(False)

        def done(result: Any) -> None:
            finish()
            announce()
            try:
                on_done(result)
            finally:
                self._update()
                self.operation_finished.emit()

        def failed(exc: Exception) -> None:
            finish()
            announce()
            try:
                if on_error is not None:
                    on_error(exc)
                else:
                    self.show_message(message_for(exc))
            finally:
                self._update()
                self.operation_finished.emit()

        def progress(done: int, total: int) -> None:
            if bar.maximum() > 0:  # a busy bar (maximum 0) just moves
                bar.setMaximum(max(total, 1))
                bar.setValue(min(done, total))

        self._operation = run_with_progress(
            self, recorded, done, failed, progress, self._stage_began
        )
        self.busy_changed.emit(True)
        self._update()

    def cancel(self) -> None:
        """Ask the running work to stop at its next check point."""
        if self._operation is None or self._cancel_button is None:
            return
        self._operation.cancel()
        self._cancel_button.setEnabled(False)
        self._cancel_button.setText(_("Cancelling…"))
        self._show_stage()

    def _stage_began(self, name: str) -> None:
        if name != self._stage:
            self._stage = name
            self._stage_since = time.monotonic()
            self._stage_timer.start()
        self._show_stage()

    def _show_stage(self) -> None:
        label = self._stage_label
        if label is None or self._operation is None:
            return
        text = self._stage_text(self._stage)
        seconds = int(time.monotonic() - self._stage_since)
        if self._stage and seconds >= 2:
            text = _("{stage} ({seconds} s)").format(stage=text, seconds=i18n.number(seconds))
        if self._operation.cancel_requested:
            text = _("Cancelling: stopping once this step ends. {stage}").format(stage=text)
        label.setText(text)

    # What the Cancel button says, and how a step of the work reads (subclasses).
    _cancel_text = N_("C&ancel")

    def _stage_text(self, name: str) -> str:
        return name

    def _update(self) -> None:
        """Enable the buttons that make sense now (subclasses)."""

    def _passphrase_edits(self) -> Sequence[QLineEdit]:
        return ()

    def _forget_passphrases(self) -> None:
        for edit in self._passphrase_edits():
            edit.clear()

    # A running operation cannot be abandoned halfway: Escape and the close button wait.
    def reject(self) -> None:
        if self.running:
            return
        self._forget_passphrases()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            return
        self._forget_passphrases()
        super().closeEvent(event)


def choose_folder(parent: QWidget, title: str, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title, start)


def choose_file(parent: QWidget, title: str, start: str, filters: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, start, filters)[0]
