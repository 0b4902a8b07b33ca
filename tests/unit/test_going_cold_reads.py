"""Going cold on Today reads the longest-silent actors first and stops once nobody further
on can come first: a vault with ten times more actors kept warm costs Today no more."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from contactkeeper.records import today
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor
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
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    def counting(dbapi_connection: Any, *_: Any) -> None:
        dbapi_connection.set_progress_handler(step, 1)

    sa.event.listen(vault.engine, "checkout", counting)
    try:
        shown = today.going_cold(vault, clock(), limit=25)
    finally:
        sa.event.remove(vault.engine, "checkout", counting)
    return steps[0], [g.display_name for g in shown]


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
