"""What Today reads does not grow with the vault: going cold reads the longest-silent
actors first and stops once nobody further on can come first, and the follow-ups due are
read in the order of their index, a screenful, not sorted all."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from contactkeeper.records import followups, today
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, FollowUp
from tests.conftest import FakeClock


def _actors(vault: Vault, clock: FakeClock, warm: int) -> None:
    with vault.transaction() as session:
        for i in range(60):  # long silent: 100 to 395 days
            when = clock() - timedelta(days=100 + 5 * i)
            session.add(
                Actor(
                    display_name=f"Silent {i:02d}",
                    codename=f"SILENT {i:02d}",
                    cadence_days=30,
                    last_contact_at=when,
                    last_substantive_at=when,
                )
            )
        for i in range(warm):
            when = clock() - timedelta(days=1, minutes=i)
            session.add(
                Actor(
                    display_name=f"Warm {i:04d}",
                    codename=f"WARM {i:04d}",
                    cadence_days=30,
                    last_contact_at=when,
                    last_substantive_at=when,
                )
            )


def _steps(vault: Vault, clock: FakeClock) -> tuple[int, list[str]]:
    """SQLite's virtual machine steps for the going-cold list, and the names it shows."""
    return _counted(vault, lambda: [g.display_name for g in today.going_cold(vault, clock())])


def _counted(vault: Vault, call: Any) -> tuple[int, Any]:
    """SQLite's virtual machine steps for ``call()``, and what it returned."""
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    def counting(dbapi_connection: Any, *_: Any) -> None:
        dbapi_connection.set_progress_handler(step, 1)

    sa.event.listen(vault.engine, "checkout", counting)
    try:
        found = call()
    finally:
        sa.event.remove(vault.engine, "checkout", counting)
    return steps[0], found


def test_going_cold_costs_the_same_with_ten_times_more_warm_actors(
    make_vault: Any, clock: FakeClock
) -> None:
    small, large = make_vault("small"), make_vault("large")
    _actors(small, clock, warm=100)
    _actors(large, clock, warm=1000)
    few, shown_few = _steps(small, clock)
    many, shown_many = _steps(large, clock)
    assert shown_few == shown_many == [f"Silent {i:02d}" for i in range(59, 34, -1)]
    assert many < 1.3 * few


def test_the_first_follow_ups_due_are_read_without_sorting_them_all(
    make_vault: Any, clock: FakeClock
) -> None:
    day = clock().date()
    small, large = make_vault("small"), make_vault("large")
    for vault, count in ((small, 100), (large, 1000)):
        with vault.transaction() as session:
            session.add_all(
                FollowUp(title=f"Call back {i:04d}", due_on=day - timedelta(days=1 + i % 300))
                for i in range(count)
            )
    few, first_few = _counted(small, lambda: followups.due(small, day, limit=10))
    many, first_many = _counted(large, lambda: followups.due(large, day, limit=10))
    due_on = [f.due_on for f in first_many]
    assert due_on == sorted(due_on)
    assert due_on[0] == day - timedelta(days=300)
    assert len(first_few) == 10
    assert many < 1.3 * few
