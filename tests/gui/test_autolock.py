"""Auto-lock: the vault locks by itself after idle minutes, any key or click counts as activity,
and it locks at once when the desktop says the user is away. The clock is fake: the tests move
it and call the timer's slot, they never wait."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from contactkeeper.gui.autolock import AutoLock
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.widgets.unlock_throttle import (
    ThrottleCountdown,
    countdown_text,
    seconds_before_next_attempt,
)
from contactkeeper.protect.throttle import UnlockThrottle
from contactkeeper.vault import Vault
from tests.conftest import FakeClock

MakeAutoLock = Callable[..., AutoLock]


@pytest.fixture
def make_autolock(context: AppContext) -> Iterator[MakeAutoLock]:
    made: list[AutoLock] = []

    def factory(**kwargs: object) -> AutoLock:
        kwargs.setdefault("watch_desktop", False)  # this machine's desktop is not the test's
        autolock = AutoLock(context, **kwargs)  # type: ignore[arg-type]
        made.append(autolock)
        return autolock

    yield factory
    for autolock in made:
        autolock.stop()


def test_an_unattended_laptop_locks_after_five_minutes(
    context: AppContext, clock: FakeClock, make_autolock: MakeAutoLock, qtbot
) -> None:
    autolock = make_autolock()
    assert autolock.timer.isActive()
    clock.advance(minutes=4, seconds=59)
    autolock.check()
    assert context.unlocked
    clock.advance(seconds=1)
    with qtbot.waitSignal(context.vault_locked, timeout=1000):
        autolock.check()
    assert not context.unlocked
    assert not autolock.timer.isActive()


def test_typing_and_clicking_keep_the_vault_open(
    context: AppContext, clock: FakeClock, make_autolock: MakeAutoLock, qtbot
) -> None:
    autolock = make_autolock(idle_minutes=2)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    clock.advance(minutes=1, seconds=50)
    qtbot.keyClicks(edit, "note")
    clock.advance(minutes=1, seconds=50)
    autolock.check()
    assert context.unlocked
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    clock.advance(minutes=1, seconds=59)
    autolock.check()
    assert context.unlocked
    clock.advance(seconds=1)
    autolock.check()
    assert not context.unlocked


def test_the_idle_time_is_set_in_minutes_and_zero_means_never(
    context: AppContext, clock: FakeClock, make_autolock: MakeAutoLock
) -> None:
    autolock = make_autolock(idle_minutes=15)
    assert autolock.idle_minutes == 15
    clock.advance(minutes=10)
    autolock.set_idle_minutes(1)  # counts from now
    clock.advance(seconds=59)
    autolock.check()
    assert context.unlocked
    autolock.set_idle_minutes(0)
    assert autolock.idle_minutes is None
    clock.advance(hours=12)
    autolock.check()
    assert context.unlocked


def test_a_laptop_that_slept_past_the_deadline_locks_at_the_first_tick_after_waking(
    context: AppContext, clock: FakeClock, make_autolock: MakeAutoLock
) -> None:
    autolock = make_autolock()
    clock.advance(hours=9)  # the lid was closed overnight: the timer did not run
    autolock.check()
    assert not context.unlocked


def test_unlocking_again_starts_a_fresh_idle_time(
    context: AppContext,
    clock: FakeClock,
    make_autolock: MakeAutoLock,
    make_vault: Callable[..., Vault],
) -> None:
    autolock = make_autolock()
    clock.advance(minutes=6)
    autolock.check()
    assert not context.unlocked
    context.open(make_vault("second"))
    assert autolock.timer.isActive()
    autolock.check()
    assert context.unlocked


def test_the_vault_locks_when_the_application_is_suspended(
    context: AppContext, make_autolock: MakeAutoLock
) -> None:
    autolock = make_autolock()
    autolock.application_state_changed(Qt.ApplicationState.ApplicationInactive)
    assert context.unlocked  # another window in front is not "away"
    autolock.application_state_changed(Qt.ApplicationState.ApplicationSuspended)
    assert not context.unlocked


@pytest.mark.parametrize(
    "away",
    [
        lambda a: a.screen_saver_changed(True),
        lambda a: a.session_locked(),
        lambda a: a.preparing_for_sleep(True),
    ],
    ids=["screen saver", "session locked", "going to sleep"],
)
def test_the_vault_locks_when_the_desktop_says_the_user_is_away(
    context: AppContext, make_autolock: MakeAutoLock, away: Callable[[AutoLock], None]
) -> None:
    autolock = make_autolock()
    autolock.screen_saver_changed(False)
    autolock.preparing_for_sleep(False)  # waking up is not a reason to lock
    assert context.unlocked
    away(autolock)
    assert not context.unlocked


def test_without_a_desktop_bus_auto_lock_still_starts(
    context: AppContext, make_autolock: MakeAutoLock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    autolock = make_autolock(watch_desktop=True)
    assert autolock.timer.isActive()


# A child process on its own private D-Bus session: the screen saver's real signal, sent on a
# real bus, locks a real vault. (A child, because Qt connects to the session bus once per
# process.)
_CHILD = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QApplication
from contactkeeper.gui.autolock import AutoLock
from contactkeeper.gui.context import AppContext
from contactkeeper.vault.keyfile import KdfParams
from contactkeeper.vault import Vault

app = QApplication([])
context = AppContext()
context.open(Vault.create(Path(sys.argv[1]), "correct horse battery staple",
                          kdf=KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)))
autolock = AutoLock(context)
print("watching", ",".join(autolock.desktop_signals))
context.vault_locked.connect(lambda: (print("locked"), app.quit()))

def screen_saver_starts():
    signal = QDBusMessage.createSignal(
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged")
    signal.setArguments([True])
    QDBusConnection.sessionBus().send(signal)

QTimer.singleShot(0, screen_saver_starts)
QTimer.singleShot(20_000, app.quit)  # a safety net for a broken bus, never reached when it works
app.exec()
print("unlocked" if context.unlocked else "not unlocked")
"""


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("dbus-run-session") is None,
    reason="needs Linux and dbus-run-session (Debian: dbus)",
)
def test_the_screen_saver_starting_on_the_session_bus_locks_the_vault(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "XDG_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", _CHILD, str(tmp_path / "vault")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "org.freedesktop.ScreenSaver.ActiveChanged" in result.stdout, result.stderr
    assert result.stdout.splitlines()[-2:] == ["locked", "not unlocked"], result.stderr


# -- the wait after failed unlocks, as the unlock screen shows it ----------------------------
# (contactkeeper/gui/widgets/unlock_throttle.py)


def _fail(throttle: UnlockThrottle, times: int) -> None:
    for _ in range(times):
        throttle.failed()


def test_three_typing_mistakes_cost_nothing_the_fourth_makes_the_next_wait_two_seconds(
    clock: FakeClock,
) -> None:
    throttle = UnlockThrottle(now=clock)
    _fail(throttle, 3)
    assert seconds_before_next_attempt(throttle) == 0
    _fail(throttle, 1)
    assert seconds_before_next_attempt(throttle) == 2
    clock.advance(seconds=1.5)
    assert seconds_before_next_attempt(throttle) == 1  # rounded up: never "0 s" too early
    clock.advance(seconds=0.5)
    assert seconds_before_next_attempt(throttle) == 0


def test_the_unlock_screen_counts_down_and_disables_the_button_meanwhile(
    qtbot, clock: FakeClock
) -> None:
    throttle = UnlockThrottle(now=clock)
    button = QPushButton("Unlock")
    countdown = ThrottleCountdown(throttle, controls=[button])
    qtbot.addWidget(button)
    qtbot.addWidget(countdown)
    countdown.start()
    assert not countdown.waiting
    assert countdown.isHidden()
    _fail(throttle, 5)  # 3 free, then 2 s, then 4 s
    countdown.start()
    assert countdown.text() == "Try again in 4 s"
    assert not countdown.isHidden()
    assert not button.isEnabled()
    assert countdown.timer.isActive()
    clock.advance(seconds=3)
    countdown.refresh()  # the timer's slot, called by hand
    assert countdown.text() == "Try again in 1 s"
    clock.advance(seconds=1)
    with qtbot.waitSignal(countdown.ready, timeout=1000):
        countdown.refresh()
    assert countdown.text() == ""
    assert countdown.isHidden()
    assert button.isEnabled()
    assert not countdown.timer.isActive()


def test_a_successful_unlock_ends_the_wait(qtbot, clock: FakeClock) -> None:
    throttle = UnlockThrottle(now=clock)
    _fail(throttle, 12)
    assert countdown_text(seconds_before_next_attempt(throttle)) == "Try again in 300 s"
    throttle.succeeded()
    assert seconds_before_next_attempt(throttle) == 0
    assert countdown_text(0) == ""
