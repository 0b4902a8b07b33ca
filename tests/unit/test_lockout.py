"""Destroy after N failed unlocks: the setting and the count (contactkeeper/protect/failures.py).

Only the counting and the decision; tests/gui/test_wipe_after_failures.py drives the unlock
screen over real vaults and checks that the vault is really destroyed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contactkeeper.protect.failures import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MIN_LIMIT,
    Lockout,
    MemoryNumberStore,
    Verdict,
    vault_key,
)


@pytest.fixture
def store() -> MemoryNumberStore:
    return MemoryNumberStore()


@pytest.fixture
def lockout(store: MemoryNumberStore) -> Lockout:
    return Lockout(store)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "field-notes"
    path.mkdir()
    return path


def _fail(lockout: Lockout, folder: Path, times: int) -> list[Verdict]:
    return [lockout.begin(folder).failed() for _ in range(times)]


def test_the_option_is_off_by_default_and_off_writes_nothing(
    lockout: Lockout, store: MemoryNumberStore, folder: Path
) -> None:
    assert lockout.limit(folder) is None
    verdicts = _fail(lockout, folder, 100)
    assert not any(v.destroy for v in verdicts)
    assert verdicts[-1] == Verdict(0, None)
    assert verdicts[-1].remaining is None
    lockout.begin(folder).succeeded()
    lockout.begin(folder).abandoned()
    assert store.numbers == {}
    assert lockout.failures(folder) == 0


def test_the_limit_is_kept_within_its_range(lockout: Lockout, folder: Path) -> None:
    assert (MIN_LIMIT, DEFAULT_LIMIT, MAX_LIMIT) == (3, 10, 50)
    lockout.set_limit(folder, 1)
    assert lockout.limit(folder) == MIN_LIMIT
    lockout.set_limit(folder, 500)
    assert lockout.limit(folder) == MAX_LIMIT
    lockout.set_limit(folder, 7)
    assert lockout.limit(folder) == 7
    lockout.set_limit(folder, None)
    assert lockout.limit(folder) is None


def test_the_nth_failure_in_a_row_says_destroy(lockout: Lockout, folder: Path) -> None:
    lockout.set_limit(folder, 3)
    first, second, third = _fail(lockout, folder, 3)
    assert (first.failures, first.remaining, first.destroy) == (1, 2, False)
    assert (second.failures, second.remaining, second.destroy) == (2, 1, False)
    assert (third.failures, third.remaining, third.destroy) == (3, 0, True)


def test_a_successful_unlock_starts_the_count_again(
    lockout: Lockout, store: MemoryNumberStore, folder: Path
) -> None:
    lockout.set_limit(folder, 3)
    _fail(lockout, folder, 2)
    assert lockout.failures(folder) == 2
    lockout.begin(folder).succeeded()
    assert lockout.failures(folder) == 0
    assert list(store.numbers.values()) == [3]  # the limit stays; the count is gone
    verdicts = _fail(lockout, folder, 2)
    assert not any(v.destroy for v in verdicts)
    assert lockout.begin(folder).failed().destroy


def test_an_attempt_counts_as_failed_from_the_moment_it_starts(
    lockout: Lockout, folder: Path
) -> None:
    """Killing the program during the key derivation must not win a free guess."""
    lockout.set_limit(folder, 3)
    lockout.begin(folder)  # never settled: the program ended here
    lockout.begin(folder)
    assert lockout.failures(folder) == 2
    assert lockout.begin(folder).failed().destroy


def test_an_attempt_that_decides_nothing_gives_its_count_back(
    lockout: Lockout, folder: Path
) -> None:
    lockout.set_limit(folder, 3)
    _fail(lockout, folder, 2)
    for _ in range(10):  # a damaged or missing vault: no guess was judged
        lockout.begin(folder).abandoned()
    assert lockout.failures(folder) == 2
    assert lockout.begin(folder).failed().destroy


def test_the_count_survives_a_restart(store: MemoryNumberStore, folder: Path) -> None:
    first_run = Lockout(store)
    first_run.set_limit(folder, 4)
    _fail(first_run, folder, 3)
    second_run = Lockout(store)  # a new program over the same settings
    assert second_run.limit(folder) == 4
    assert second_run.failures(folder) == 3
    assert second_run.begin(folder).failed().destroy


def test_changing_the_setting_starts_the_count_again(lockout: Lockout, folder: Path) -> None:
    lockout.set_limit(folder, 5)
    _fail(lockout, folder, 4)
    lockout.set_limit(folder, 3)
    assert lockout.failures(folder) == 0
    assert not any(v.destroy for v in _fail(lockout, folder, 2))
    lockout.set_limit(folder, None)
    assert lockout.failures(folder) == 0
    lockout.set_limit(folder, 3)  # turned on again: failures while off never count
    assert not lockout.begin(folder).failed().destroy


def test_each_vault_has_its_own_setting_and_count(lockout: Lockout, tmp_path: Path) -> None:
    travel, home = tmp_path / "travel", tmp_path / "home"
    travel.mkdir()
    home.mkdir()
    lockout.set_limit(travel, 3)
    _fail(lockout, travel, 2)
    assert lockout.limit(home) is None
    assert not any(v.destroy for v in _fail(lockout, home, 10))
    assert lockout.failures(travel) == 2


def test_the_same_folder_by_another_path_shares_one_count(
    lockout: Lockout, folder: Path, tmp_path: Path
) -> None:
    link = tmp_path / "shortcut"
    link.symlink_to(folder, target_is_directory=True)
    lockout.set_limit(folder, 3)
    _fail(lockout, link, 1)
    _fail(lockout, folder / ".." / folder.name, 1)
    assert lockout.begin(folder).failed().destroy


def test_the_store_holds_numbers_under_digests_never_the_path(
    lockout: Lockout, store: MemoryNumberStore, folder: Path
) -> None:
    lockout.set_limit(folder, 3)
    _fail(lockout, folder, 2)
    assert set(store.numbers) == {f"{vault_key(folder)}/limit", f"{vault_key(folder)}/failures"}
    assert all(isinstance(v, int) for v in store.numbers.values())
    assert not any(folder.name in key or str(folder) in key for key in store.numbers)
    lockout.forget(folder)
    assert store.numbers == {}


def test_unreadable_or_absurd_stored_numbers_never_destroy_by_surprise(
    lockout: Lockout, store: MemoryNumberStore, folder: Path
) -> None:
    key = vault_key(folder)
    store.numbers[f"{key}/limit"] = 0  # not a limit: off
    assert lockout.limit(folder) is None
    assert not lockout.begin(folder).failed().destroy
    store.numbers[f"{key}/limit"] = 2  # edited below the minimum: the minimum applies
    store.numbers[f"{key}/failures"] = -5
    assert lockout.limit(folder) == MIN_LIMIT
    assert lockout.failures(folder) == 0
    assert [v.destroy for v in _fail(lockout, folder, 3)] == [False, False, True]


def test_another_window_counting_meanwhile_is_not_lost(lockout: Lockout, folder: Path) -> None:
    lockout.set_limit(folder, 3)
    mine = lockout.begin(folder)
    _fail(lockout, folder, 1)  # another window of the program, same settings
    theirs = lockout.begin(folder)
    assert mine.failed().failures == 3
    assert theirs.failed().destroy


def test_an_attempt_is_settled_once(lockout: Lockout, folder: Path) -> None:
    lockout.set_limit(folder, 3)
    attempt = lockout.begin(folder)
    attempt.failed()
    with pytest.raises(RuntimeError, match="already settled"):
        attempt.succeeded()
    assert lockout.failures(folder) == 1
