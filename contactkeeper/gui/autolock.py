"""Locking by itself: after a while without a key or a click, and when the desktop tells us
the session locks or the machine goes to sleep.

:class:`AutoLock` watches the whole application's input through one event filter (every key
press, click, wheel turn or mouse move is activity, whatever window it goes to) and asks
:class:`~contactkeeper.protect.idle.IdlePolicy` from a timer whether the vault has been idle long
enough. The policy reads the clock, not the timer: a laptop that slept past the deadline
locks at the timer's first tick after it wakes. Tests move a fake clock and call
:meth:`AutoLock.check` themselves.

Where Qt can tell, it also locks when

- the application is suspended (``Qt.ApplicationState.ApplicationSuspended``: mobile
  platforms, some desktops before sleeping);
- on Linux, the desktop's screen saver or screen lock starts (``org.freedesktop.ScreenSaver``
  and ``org.gnome.ScreenSaver`` ``ActiveChanged(true)`` on the session bus), systemd-logind
  locks a session (``org.freedesktop.login1.Session.Lock``) or prepares for sleep
  (``org.freedesktop.login1.Manager.PrepareForSleep(true)``) on the system bus.

The D-Bus part is local message passing (no network) and best effort: when QtDBus or a bus
is missing, nothing happens and the idle timer still works.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication

from contactkeeper.gui.context import AppContext
from contactkeeper.protect.idle import DEFAULT_IDLE_TIMEOUT, IdlePolicy

log = logging.getLogger(__name__)

DEFAULT_IDLE_MINUTES = int(DEFAULT_IDLE_TIMEOUT.total_seconds() // 60)
# Where the idle time set in Settings is kept (QSettings), and its upper bound.
AUTOLOCK_KEY = "security/autolock_minutes"
MAX_AUTOLOCK_MINUTES = 480
CHECK_MS = 5_000

# Input that means "someone is at the keyboard".
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)

# (bus, interface, signal, slot signature): signals that mean "the user is away now".
_SESSION_BUS_SIGNALS = (
    ("org.freedesktop.ScreenSaver", "ActiveChanged", "screen_saver_changed(bool)"),
    ("org.gnome.ScreenSaver", "ActiveChanged", "screen_saver_changed(bool)"),
)
_SYSTEM_BUS_SIGNALS = (
    ("org.freedesktop.login1.Session", "Lock", "session_locked()"),
    ("org.freedesktop.login1.Manager", "PrepareForSleep", "preparing_for_sleep(bool)"),
)


def _timeout(minutes: float | None) -> timedelta | None:
    """Minutes to the policy's timeout; ``None`` or 0 means never."""
    if minutes is None or minutes <= 0:
        return None
    return timedelta(minutes=minutes)


def autolock_minutes(store: QSettings) -> int:
    """The idle minutes before auto-lock (0: never); the default when unset or unreadable."""
    value = store.value(AUTOLOCK_KEY, DEFAULT_IDLE_MINUTES)
    try:
        minutes = int(str(value))
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return minutes if 0 <= minutes <= MAX_AUTOLOCK_MINUTES else DEFAULT_IDLE_MINUTES


class AutoLock(QObject):
    """Locks ``context`` after ``idle_minutes`` without input (``None`` or 0: never).

    Made once by the application, after the QApplication; it watches input for as long
    as it lives (``stop()`` ends that). ``watch_desktop`` listens to the desktop's screen
    lock and sleep signals on D-Bus (Linux, when a bus is there).
    """

    def __init__(
        self,
        context: AppContext,
        idle_minutes: float | None = DEFAULT_IDLE_MINUTES,
        now: Callable[[], datetime] | None = None,
        *,
        watch_desktop: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else context)
        self.context = context
        self.policy = IdlePolicy(_timeout(idle_minutes), now=now or context.now)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.desktop_signals: list[str] = []  # which D-Bus signals are watched
        self._app = QCoreApplication.instance()
        if self._app is not None:
            self._app.installEventFilter(self)
        if isinstance(self._app, QGuiApplication):
            self._app.applicationStateChanged.connect(self.application_state_changed)
        context.vault_opened.connect(self._opened)
        context.vault_locked.connect(self.timer.stop)
        if watch_desktop:
            self._watch_desktop()
        if context.unlocked:
            self._opened()

    # -- settings ---------------------------------------------------------------------

    @property
    def idle_minutes(self) -> float | None:
        timeout = self.policy.timeout
        return None if timeout is None else timeout.total_seconds() / 60

    def set_idle_minutes(self, minutes: float | None) -> None:
        """Change the idle time (``None`` or 0: never lock by itself); counts from now."""
        self.policy.timeout = _timeout(minutes)
        self.policy.touch()

    # -- watching ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.policy.touch()
        return False  # only watching: every event goes on to where it was going

    def stop(self) -> None:
        """Stop watching input and the clock (the application is shutting down)."""
        self.timer.stop()
        if self._app is not None:
            self._app.removeEventFilter(self)

    def _opened(self) -> None:
        self.policy.touch()  # unlocking is activity: the idle time starts now
        self.timer.start()

    @Slot()
    def check(self) -> None:
        """The timer's slot: lock if the vault has been idle for the idle time."""
        if self.context.unlocked and self.policy.should_lock():
            log.info("locking after %s idle", self.policy.idle_for())
            self.context.lock()

    # -- the desktop says the user is away ----------------------------------------------

    def _lock_now(self, why: str) -> None:
        if self.context.unlocked:
            log.info("locking: %s", why)
            self.context.lock()

    @Slot(Qt.ApplicationState)
    def application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._lock_now("the application was suspended")

    @Slot(bool)
    def screen_saver_changed(self, active: bool) -> None:
        if active:
            self._lock_now("the screen saver or screen lock started")

    @Slot()
    def session_locked(self) -> None:
        self._lock_now("the session was locked")

    @Slot(bool)
    def preparing_for_sleep(self, sleeping: bool) -> None:
        if sleeping:
            self._lock_now("the machine is going to sleep")

    def _watch_desktop(self) -> None:
        """Listen to the desktop's lock and sleep signals, if there is a bus; never fails."""
        if not sys.platform.startswith("linux"):
            return
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a PySide6 build without QtDBus
            return
        for connect, wanted in (
            (QDBusConnection.sessionBus, _SESSION_BUS_SIGNALS),
            (QDBusConnection.systemBus, _SYSTEM_BUS_SIGNALS),
        ):
            with contextlib.suppress(Exception):  # no bus, no permission: no signal, no crash
                bus = connect()
                if not bus.isConnected():
                    continue
                for interface, name, slot in wanted:
                    # Empty service and path: the signal from whoever sends it. The slot goes
                    # as SLOT()'s text (the stubs say bytes, which connects nothing).
                    connected = bus.connect(  # type: ignore[call-overload]  # str, as said
                        "", "", interface, name, self, SLOT(slot)
                    )
                    if connected:
                        self.desktop_signals.append(f"{interface}.{name}")


__all__ = [
    "AUTOLOCK_KEY",
    "DEFAULT_IDLE_MINUTES",
    "MAX_AUTOLOCK_MINUTES",
    "AutoLock",
    "autolock_minutes",
]
