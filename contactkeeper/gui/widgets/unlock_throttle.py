"""The wait after failed unlocks, as the unlock screen shows it: "Try again in 8 s".

The rule itself (three free failures, then 2 s, 4 s, 8 s ... up to 5 minutes) lives in
:class:`~contactkeeper.protect.throttle.UnlockThrottle`, which reads an injectable clock. Here is
only what the screen needs: the whole seconds left, and a label that counts them down, disables
the unlock button meanwhile, and says ``ready`` when the wait is over. Tests move the fake
clock and call :meth:`ThrottleCountdown.refresh` instead of waiting for its timer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from contactkeeper import i18n
from contactkeeper.i18n import _, ngettext
from contactkeeper.protect.throttle import UnlockThrottle

TICK_MS = 250  # a countdown in whole seconds, read from the clock: never a second late


def seconds_before_next_attempt(throttle: UnlockThrottle) -> int:
    """Whole seconds before the next unlock may be tried (0: now), rounded up."""
    return math.ceil(throttle.wait_remaining().total_seconds())


def countdown_text(seconds: int) -> str:
    if seconds <= 0:
        return ""
    # Translators: a countdown in seconds ("s" is the symbol of the second).
    return ngettext("Try again in {n} s", "Try again in {n} s", seconds).format(
        n=i18n.number(seconds)
    )


class ThrottleCountdown(QLabel):
    """Shows "Try again in N s" while ``throttle`` makes the next attempt wait.

    ``controls`` (the unlock button, the passphrase field) are disabled for that time.
    Call :meth:`start` after a failed unlock; the label hides itself when the wait is over.
    """

    ready = Signal()

    def __init__(
        self,
        throttle: UnlockThrottle,
        controls: Iterable[QWidget] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("throttleCountdown")
        self.setAccessibleName(_("Wait before the next attempt"))
        self.throttle = throttle
        self.controls = list(controls)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.refresh)
        self._waiting = False
        self.hide()

    @property
    def waiting(self) -> bool:
        return self._waiting

    def start(self) -> None:
        """Show the wait (if there is one) and count it down."""
        self.refresh()
        if self._waiting:
            self.timer.start()

    def refresh(self) -> None:
        """The timer's slot: show the seconds left; when none are, clear and say ``ready``."""
        seconds = seconds_before_next_attempt(self.throttle)
        was_waiting, self._waiting = self._waiting, seconds > 0
        self.setText(countdown_text(seconds))
        self.setVisible(self._waiting)
        for control in self.controls:
            control.setEnabled(not self._waiting)
        if not self._waiting:
            self.timer.stop()
            if was_waiting:
                self.ready.emit()


__all__ = ["ThrottleCountdown", "countdown_text", "seconds_before_next_attempt"]
