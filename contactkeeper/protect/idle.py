"""When to lock by itself: a policy without Qt.

It takes a clock (``now: Callable[[], datetime]``) so the GUI passes the real one and tests
move a fake one instead of sleeping. It runs no timer: the GUI asks ``should_lock()`` from
its own timer and calls ``touch()`` on user input. The wait after failed unlocks is
:mod:`contactkeeper.protect.throttle`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

T = TypeVar("T")

DEFAULT_IDLE_TIMEOUT = timedelta(minutes=5)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class IdlePolicy:
    """Lock after ``timeout`` without user activity; ``None`` turns auto-lock off."""

    def __init__(
        self,
        timeout: timedelta | None = DEFAULT_IDLE_TIMEOUT,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        if timeout is not None and timeout <= timedelta(0):
            raise ValueError("the idle timeout must be positive (or None for never)")
        self._timeout = timeout
        self._now = now
        self._last_activity = now()

    @property
    def timeout(self) -> timedelta | None:
        return self._timeout

    @timeout.setter
    def timeout(self, value: timedelta | None) -> None:
        if value is not None and value <= timedelta(0):
            raise ValueError("the idle timeout must be positive (or None for never)")
        self._timeout = value

    def touch(self) -> None:
        """The user did something (a key, a click): the idle time starts again."""
        self._last_activity = self._now()

    def idle_for(self) -> timedelta:
        return max(self._now() - self._last_activity, timedelta(0))

    def remaining(self) -> timedelta | None:
        """Time left before auto-lock, ``None`` when auto-lock is off."""
        if self._timeout is None:
            return None
        return max(self._timeout - self.idle_for(), timedelta(0))

    def should_lock(self) -> bool:
        return self._timeout is not None and self.idle_for() >= self._timeout


__all__ = ["DEFAULT_IDLE_TIMEOUT", "IdlePolicy"]
