"""The actors list as it opens and scrolls (no filter, by the name shown): every field of
every row as the actor's record holds it, the total kept only while no actor is added or
removed, and a page that costs the same in a vault three times larger."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from contactkeeper.records import actors
from contactkeeper.records.actors import ActorFilter, ActorSummary, NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    ActorStatus,
    Affiliation,
    Organization,
    Sensitivity,
    Tier,
)
from tests.conftest import FakeClock


def _fill(vault: Vault, clock: FakeClock, count: int, seed: int = 3) -> None:
    """Actors with every field of a row set or left empty, some high-risk, some with
    several current affiliations (the latest started is shown) or only past ones."""
    rng = random.Random(seed)
    with vault.transaction() as session:
        ministry = Organization(name="Ministry of Water")
        council = Organization(name="Council of Elders")
        session.add_all([ministry, council])
        for i in range(count):
            when = clock() - timedelta(days=rng.randint(1, 400), seconds=rng.randint(0, 86399))
            actor = Actor(
                display_name=f"{rng.choice(['Amal', 'Boris', 'Zoya', 'ليلى'])} {i % 37:02d}",
                codename=f"{rng.choice(['AMBER', 'BORIS', 'ZED'])} {i:04d}",
                sensitivity=rng.choice(list(Sensitivity)),
                status=rng.choice(list(ActorStatus)),
                tier=rng.choice(list(Tier)),
                cadence_days=rng.choice([7, 30, 90]),
                max_interval_days=rng.choice([None, 120]),
                snoozed_until=rng.choice([None, date(2027, 1, i % 28 + 1)]),
                last_contact_at=rng.choice([None, when]),
                last_substantive_at=rng.choice([None, when - timedelta(days=3)]),
            )
            session.add(actor)
            for _n in range(rng.choice([0, 1, 1, 2])):
                session.add(
                    Affiliation(
                        actor=actor,
                        organization=rng.choice([ministry, council]),
                        role=rng.choice(["", "Adviser"]),
                        started_on=rng.choice([None, date(2020 + rng.randint(0, 5), 1, 1)]),
                        ended_on=rng.choice([None, None, date(2026, 1, 1)]),
                    )
                )


def _expected(vault: Vault, now: datetime) -> list[ActorSummary]:
    """Every actor's row, from the records themselves, in the list's order."""
    with vault.transaction() as session:
        found = []
        for actor in session.scalars(sa.select(Actor)):
            current = sorted(
                (a for a in actor.affiliations if a.ended_on is None),
                key=lambda a: (
                    a.started_on is None,
                    -(a.started_on or date.min).toordinal(),
                    -a.id,
                ),
            )
            shown = ""
            if current:
                role, name = current[0].role, current[0].organization.name
                shown = f"{role}, {name}" if role else name
            found.append(actors._summary(actor, shown, now))
    found.sort(key=lambda a: a.id)
    found.sort(
        key=lambda a: a.codename if a.sensitivity is Sensitivity.HIGH_RISK else a.display_name
    )
    return found


def test_every_row_of_the_list_holds_what_the_record_holds(vault: Vault, clock: FakeClock) -> None:
    _fill(vault, clock, 120)
    now = clock()
    rows: list[ActorSummary] = []
    while True:
        page = actors.list_actors(vault, now, after=rows[-1].id if rows else None, limit=25)
        rows += page
        if len(page) < 25:
            break
    expected = _expected(vault, now)
    assert rows == expected
    assert any(row.affiliation for row in rows)
    for row in rows:
        for moment in (row.last_contact_at, row.last_substantive_at):
            assert moment is None or moment.tzinfo is UTC
        assert type(row.sensitivity) is Sensitivity
        assert type(row.status) is ActorStatus
        assert type(row.tier) is Tier
    assert [row.warmth for row in rows] == [row.warmth for row in expected]


def test_a_withheld_actor_shows_no_affiliation(vault: Vault, clock: FakeClock) -> None:
    _fill(vault, clock, 60)

    def high_risk(_actor_id: int, sensitivity: Sensitivity) -> bool:
        return sensitivity is Sensitivity.HIGH_RISK

    rows = actors.list_actors(vault, clock(), withheld=high_risk, limit=200)
    withheld = [row for row in rows if row.sensitivity is Sensitivity.HIGH_RISK]
    assert withheld
    assert all(row.affiliation == "" for row in withheld)
    assert any(row.affiliation for row in rows if row not in withheld)


def test_the_total_follows_every_actor_added_or_removed(vault: Vault, clock: FakeClock) -> None:
    _fill(vault, clock, 10)
    now = clock()
    assert actors.count_actors(vault, now) == 10
    assert actors.count_actors(vault, now) == 10  # kept
    added = actors.create_actor(vault, NewActor(display_name="Omar Khalil"), now)
    assert actors.count_actors(vault, now) == 11
    actors.delete_actor(vault, added.id)
    assert actors.count_actors(vault, now) == 10
    try:
        with vault.transaction() as session:
            session.add(Actor(display_name="Not kept", codename="NOT KEPT"))
            session.flush()
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    assert actors.count_actors(vault, now) == 10
    high_risk = ActorFilter(sensitivity=Sensitivity.HIGH_RISK)
    listed = actors.list_actors(vault, now, filters=high_risk, limit=200)
    assert actors.count_actors(vault, now, high_risk) == len(listed)


def _steps_of_a_page(vault: Vault, now: datetime, after: Any) -> int:
    """SQLite's virtual machine steps for one page of 50 of the whole list."""
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    def counting(dbapi_connection: Any, *_: Any) -> None:
        dbapi_connection.set_progress_handler(step, 1)

    sa.event.listen(vault.engine, "checkout", counting)
    try:
        actors.list_actors(vault, now, after=after, limit=50)
    finally:
        sa.event.remove(vault.engine, "checkout", counting)
    return steps[0]


def test_a_page_costs_the_same_in_a_vault_three_times_larger(
    vault: Vault, make_vault: Any, clock: FakeClock
) -> None:
    """The high-risk, shown and sorted by codename, are a range of their own index: a page
    does not scan every actor to find them (which grew with the vault)."""
    larger = make_vault("larger")
    _fill(vault, clock, 400, seed=5)
    _fill(larger, clock, 1200, seed=5)
    now = clock()
    for after in (None, actors.list_actors(vault, now, limit=200)[-1].id):
        small = _steps_of_a_page(vault, now, after)
        large = _steps_of_a_page(larger, now, after)
        assert small > 0
        assert large < 1.3 * small
