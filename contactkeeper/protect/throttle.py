"""How long to wait after failed unlocks: a policy without Qt.

It takes a clock (``now: Callable[[], datetime]``) so the GUI passes the real one and tests
move a fake one instead of sleeping; the unlock screen asks it before it tries a passphrase.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from contactkeeper.errors import UnlockThrottled, WrongPassphrase

T = TypeVar("T")

# Failed unlocks: the first few are free (typing mistakes happen), then every further
# failure doubles the wait, up to a ceiling. A guess therefore costs the key derivation
# plus a wait that soon reaches minutes.
FREE_FAILURES = 3
FIRST_DELAY = timedelta(seconds=2)
MAX_DELAY = timedelta(minutes=5)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class UnlockThrottle:
    """A growing wait after failed unlocks, reset by a successful one.

    After ``free_failures`` failures in a row, each further failure makes the next attempt
    wait ``first_delay``, then twice that, and so on up to ``max_delay``. The count lives
    in memory: restarting the program resets it (the key derivation still makes every
    guess slow).
    """

    def __init__(
        self,
        now: Callable[[], datetime] = _utc_now,
        free_failures: int = FREE_FAILURES,
        first_delay: timedelta = FIRST_DELAY,
        max_delay: timedelta = MAX_DELAY,
    ) -> None:
        if free_failures < 0 or first_delay <= timedelta(0) or max_delay < first_delay:
            raise ValueError("the throttle needs a positive delay and a ceiling above it")
        self._now = now
        self._free = free_failures
        self._first = first_delay
        self._max = max_delay
        self._failures = 0
        self._not_before: datetime | None = None

    @property
    def failures(self) -> int:
        """Failed unlocks in a row since the last success."""
        return self._failures

    def delay_after(self, failures: int) -> timedelta:
        """How long the next attempt waits after ``failures`` failures in a row."""
        extra = failures - self._free
        if extra <= 0:
            return timedelta(0)
        # Doubling stops at the ceiling; cap the exponent so huge counts stay cheap.
        factor = 1 << min(extra - 1, 32)
        return min(self._first * factor, self._max)

    def wait_remaining(self) -> timedelta:
        """How long until the next attempt is allowed (zero when it is allowed now)."""
        if self._not_before is None:
            return timedelta(0)
        return max(self._not_before - self._now(), timedelta(0))

    def may_try(self) -> bool:
        return self.wait_remaining() == timedelta(0)

    def check(self) -> None:
        """Raise :class:`UnlockThrottled` if an attempt now is too early."""
        wait = self.wait_remaining()
        if wait > timedelta(0):
            raise UnlockThrottled(wait.total_seconds())

    def failed(self) -> timedelta:
        """Record a failed unlock; returns the wait before the next attempt."""
        self._failures += 1
        delay = self.delay_after(self._failures)
        self._not_before = self._now() + delay if delay else None
        return delay

    def succeeded(self) -> None:
        self._failures = 0
        self._not_before = None

    def attempt(self, unlock: Callable[[], T]) -> T:
        """Run ``unlock`` (e.g. ``lambda: Vault.unlock(path, passphrase)``) if allowed now.

        Raises :class:`UnlockThrottled` before any key derivation when it is too early;
        a :class:`WrongPassphrase` counts as a failure; success resets the count.
        """
        self.check()
        try:
            result = unlock()
        except WrongPassphrase:
            self.failed()
            raise
        self.succeeded()
        return result


__all__ = ["FIRST_DELAY", "FREE_FAILURES", "MAX_DELAY", "UnlockThrottle"]
