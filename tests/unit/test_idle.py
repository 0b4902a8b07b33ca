"""Auto-lock after idle time, the growing wait after failed unlocks (on a fake clock), and
what locking leaves behind in the core: no connection, no open file, no key."""

from __future__ import annotations

import gc
import types
import weakref
from datetime import timedelta

import psutil
import pytest
import sqlalchemy as sa

from contactkeeper.errors import UnlockThrottled, VaultLocked, WrongPassphrase
from contactkeeper.protect.idle import DEFAULT_IDLE_TIMEOUT, IdlePolicy
from contactkeeper.protect.throttle import UnlockThrottle
from contactkeeper.vault import Vault
from tests.conftest import PASSPHRASE, FakeClock


def test_the_vault_locks_after_five_idle_minutes_by_default(clock: FakeClock) -> None:
    policy = IdlePolicy(now=clock)
    assert policy.timeout == DEFAULT_IDLE_TIMEOUT == timedelta(minutes=5)
    clock.advance(minutes=4, seconds=59)
    assert not policy.should_lock()
    clock.advance(seconds=1)
    assert policy.should_lock()


def test_typing_or_clicking_restarts_the_idle_time(clock: FakeClock) -> None:
    policy = IdlePolicy(timedelta(minutes=2), now=clock)
    clock.advance(minutes=1, seconds=50)
    policy.touch()
    clock.advance(minutes=1, seconds=50)
    assert not policy.should_lock()
    assert policy.remaining() == timedelta(seconds=10)
    clock.advance(seconds=10)
    assert policy.should_lock()
    assert policy.remaining() == timedelta(0)


def test_auto_lock_turned_off_never_locks(clock: FakeClock) -> None:
    policy = IdlePolicy(None, now=clock)
    clock.advance(days=30)
    assert not policy.should_lock()
    assert policy.remaining() is None


def test_changing_the_timeout_in_settings_applies_to_the_current_idle_time(
    clock: FakeClock,
) -> None:
    policy = IdlePolicy(timedelta(minutes=10), now=clock)
    clock.advance(minutes=3)
    assert not policy.should_lock()
    policy.timeout = timedelta(minutes=2)
    assert policy.should_lock()


def test_a_zero_or_negative_timeout_is_refused(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="positive"):
        IdlePolicy(timedelta(0), now=clock)
    policy = IdlePolicy(now=clock)
    with pytest.raises(ValueError, match="positive"):
        policy.timeout = timedelta(seconds=-1)


def test_a_clock_set_backwards_does_not_lock_or_count_negative_idle(clock: FakeClock) -> None:
    policy = IdlePolicy(timedelta(minutes=1), now=clock)
    clock.advance(hours=-2)
    assert policy.idle_for() == timedelta(0)
    assert not policy.should_lock()


def test_the_first_typing_mistakes_cost_no_wait(clock: FakeClock) -> None:
    throttle = UnlockThrottle(now=clock)
    for _ in range(3):
        assert throttle.failed() == timedelta(0)
        assert throttle.may_try()
        throttle.check()


def test_each_further_failure_doubles_the_wait_up_to_five_minutes(clock: FakeClock) -> None:
    throttle = UnlockThrottle(now=clock)
    for _ in range(3):
        throttle.failed()
    waits = [throttle.failed() for _ in range(12)]
    assert [w.total_seconds() for w in waits[:5]] == [2, 4, 8, 16, 32]
    assert waits[-1] == timedelta(minutes=5)
    assert max(waits) == timedelta(minutes=5)
    assert throttle.failures == 15


def test_trying_too_early_is_refused_with_the_time_left(clock: FakeClock) -> None:
    throttle = UnlockThrottle(now=clock, free_failures=0, first_delay=timedelta(seconds=30))
    throttle.failed()
    clock.advance(seconds=10)
    assert not throttle.may_try()
    with pytest.raises(UnlockThrottled, match="Wait 20 seconds") as caught:
        throttle.check()
    assert caught.value.seconds == 20
    clock.advance(seconds=20)
    assert throttle.may_try()
    throttle.check()


def test_a_successful_unlock_forgets_the_failures(clock: FakeClock) -> None:
    throttle = UnlockThrottle(now=clock, free_failures=1)
    throttle.failed()
    throttle.failed()
    assert not throttle.may_try()
    throttle.succeeded()
    assert throttle.may_try()
    assert throttle.failures == 0
    assert throttle.failed() == timedelta(0)


def test_a_huge_number_of_failures_stays_at_the_ceiling(clock: FakeClock) -> None:
    throttle = UnlockThrottle(now=clock)
    assert throttle.delay_after(10_000) == timedelta(minutes=5)


# -- locking at core level -----------------------------------------------------------


def _holders_of(secrets: tuple[bytes, str]) -> list[str]:
    """Type names of live containers (dicts, lists, tuples, closure cells) holding a secret.

    No closure here: a generator over ``secrets`` would itself hold a secret in a cell. The
    collector is paused so that no weak-reference callback changes a dict being read.
    """
    found: list[str] = []
    gc.disable()
    try:
        for obj in gc.get_objects():
            if obj is secrets:
                continue
            try:
                if isinstance(obj, dict):
                    values: list[object] = list(obj.values())
                elif isinstance(obj, list | tuple | set | frozenset):
                    values = list(obj)
                elif isinstance(obj, types.CellType):
                    values = [obj.cell_contents]
                else:
                    continue
            except (RuntimeError, ValueError):  # changed meanwhile, or an empty cell
                continue
            for value in values:
                if isinstance(value, str | bytes) and value in secrets:
                    found.append(type(obj).__name__)
    finally:
        gc.enable()
    return found


def _open_vault_files(vault: Vault) -> list[str]:
    return [f.path for f in psutil.Process().open_files() if f.path.startswith(str(vault.path))]


def _use_several_connections(vault: Vault) -> None:
    engine = vault.engine
    with engine.connect() as one, engine.connect() as two:
        one.exec_driver_sql("SELECT count(*) FROM actors").fetchall()
        two.exec_driver_sql("SELECT count(*) FROM actors").fetchall()
    with vault.transaction() as session:
        session.execute(sa.text("SELECT 1"))


def test_locking_closes_every_connection_and_leaves_no_vault_file_open(vault: Vault) -> None:
    _use_several_connections(vault)
    engine = vault.engine
    assert _open_vault_files(vault), "control: an unlocked vault has its database open"

    vault.close()

    assert engine.pool.checkedout() == 0
    assert _open_vault_files(vault) == []


def test_locking_drops_every_reference_to_the_database_key(vault: Vault) -> None:
    _use_several_connections(vault)
    key = vault.database_key()
    secrets = (key, key.hex())
    assert _holders_of(secrets), "control: while unlocked, the vault holds its key"
    engine = weakref.ref(vault.engine)

    vault.close()
    gc.collect()

    assert engine() is None
    assert _holders_of(secrets) == []
    with pytest.raises(VaultLocked):
        vault.database_key()
    with pytest.raises(VaultLocked), vault.transaction():
        pass


def test_guessing_passphrases_soon_has_to_wait_even_with_the_right_one(
    vault: Vault, clock: FakeClock
) -> None:
    vault.close()
    throttle = UnlockThrottle(now=clock)
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            throttle.attempt(lambda: Vault.unlock(vault.path, "a wrong guess"))
    assert throttle.wait_remaining() == timedelta(seconds=2)

    with pytest.raises(UnlockThrottled):
        throttle.attempt(lambda: Vault.unlock(vault.path, PASSPHRASE))

    clock.advance(seconds=2)
    with throttle.attempt(lambda: Vault.unlock(vault.path, PASSPHRASE)) as opened:
        assert opened.is_open
    assert throttle.failures == 0
