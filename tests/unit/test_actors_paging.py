"""The actors list pages by key: scrolling page after page, in every order the list offers,
gives exactly the rows of one full ordered query, ties by id and the never contacted where
they always were; and a page deep in the list does not count off the rows before it."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from contactkeeper.records import actors
from contactkeeper.records.actors import ActorFilter
from contactkeeper.records.warmth_queries import past_maximum
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, ActorStatus, Sensitivity
from tests.conftest import FakeClock

ORDERS = [(sort, descending) for sort in actors.SORT_KEYS for descending in (False, True)]


def _fill(vault: Vault, clock: FakeClock, count: int = 97) -> None:
    """Actors made to trip paging up: shared names, high-risk actors whose codenames fall
    among the names, shared contact times, the never contacted, equal urgencies."""
    rng = random.Random(7)
    surnames = ["Haddad", "Ito", ""]
    firsts = ["Amal", "Boris", "Chen", "amal", "Zoya", "Ηλίας", "ليلى", "Олег", "MARK"]
    with vault.transaction() as session:
        for i in range(count):
            contacted = rng.random() < 0.7
            when = clock() - timedelta(days=rng.choice([1, 5, 5, 40, 90, 400]))
            session.add(
                Actor(
                    display_name=f"{rng.choice(firsts)} {rng.choice(surnames)}".strip(),
                    codename=f"{rng.choice(['AMBER', 'Boris', 'CHEN', 'ZED'])} {i:03d}",
                    sensitivity=rng.choice(list(Sensitivity)),
                    status=rng.choice(
                        [ActorStatus.ACTIVE, ActorStatus.ACTIVE, ActorStatus.DORMANT]
                    ),
                    cadence_days=rng.choice([7, 30, 30, 90]),
                    last_contact_at=when if contacted else None,
                    last_substantive_at=when if contacted and rng.random() < 0.5 else None,
                )
            )


def _full_order(
    vault: Vault, clock: FakeClock, sort: str, descending: bool, where: Any
) -> list[int]:
    """Every id in the list's order, by one query sorting on the whole key."""
    key: Any = {
        "display_name": actors.shown_name(),
        "codename": Actor.codename,
        "last_contact_at": Actor.last_contact_at,
        "urgency": past_maximum(clock()),
    }[sort]
    order = key.desc() if descending else key.asc()
    if sort == "last_contact_at":
        order = order.nulls_last() if descending else order.nulls_first()
    query = sa.select(Actor.id).order_by(order, Actor.id)
    if where is not None:
        query = query.where(where)
    with vault.transaction() as session:
        return list(session.scalars(query))


def _scrolled(
    vault: Vault, clock: FakeClock, sort: str, descending: bool, page: int, filters: ActorFilter
) -> list[int]:
    shown: list[int] = []
    while True:
        rows = actors.list_actors(
            vault,
            clock(),
            filters=filters,
            sort=sort,
            descending=descending,
            after=shown[-1] if shown else None,
            limit=page,
        )
        assert len(rows) <= page
        shown += [row.id for row in rows]
        if len(rows) < page:
            return shown


@pytest.mark.parametrize(("sort", "descending"), ORDERS)
@pytest.mark.parametrize("page", [1, 7, 20])
def test_scrolling_every_order_page_by_page_gives_the_full_order(
    vault: Vault, clock: FakeClock, sort: str, descending: bool, page: int
) -> None:
    _fill(vault, clock)
    expected = _full_order(vault, clock, sort, descending, None)
    assert len(expected) == 97
    assert _scrolled(vault, clock, sort, descending, page, ActorFilter()) == expected


@pytest.mark.parametrize(("sort", "descending"), ORDERS)
def test_a_filtered_list_pages_in_the_same_order(
    vault: Vault, clock: FakeClock, sort: str, descending: bool
) -> None:
    _fill(vault, clock)
    expected = _full_order(vault, clock, sort, descending, Actor.status == ActorStatus.ACTIVE)
    assert 30 < len(expected) < 97
    filters = ActorFilter(status=ActorStatus.ACTIVE)
    assert _scrolled(vault, clock, sort, descending, 9, filters) == expected


def test_the_never_contacted_come_first_going_up_and_last_going_down(
    vault: Vault, clock: FakeClock
) -> None:
    _fill(vault, clock)
    up = actors.list_actors(vault, clock(), sort="last_contact_at", limit=200)
    down = actors.list_actors(vault, clock(), sort="last_contact_at", descending=True, limit=200)
    never = [a.id for a in up if a.last_contact_at is None]
    assert never
    assert [a.id for a in up[: len(never)]] == sorted(never)
    assert [a.id for a in down[-len(never) :]] == sorted(never)


def test_a_page_after_a_row_that_is_gone_is_empty(vault: Vault, clock: FakeClock) -> None:
    _fill(vault, clock, count=5)
    first = actors.list_actors(vault, clock(), limit=2)
    actors.delete_actor(vault, first[-1].id)
    assert actors.list_actors(vault, clock(), after=first[-1].id, limit=2) == []


def test_a_deep_page_reads_no_more_than_the_first(vault: Vault, clock: FakeClock) -> None:
    """Counted in SQLite's virtual machine steps: the page after the 950th row of the list
    by name costs what the first page costs (counting rows off cost twice as much)."""
    _fill(vault, clock, count=1000)
    names = actors.list_actors(vault, clock(), limit=1000)
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    def counting(dbapi_connection: Any, *_: Any) -> None:
        dbapi_connection.set_progress_handler(step, 1)

    def measured(after: int | None) -> int:
        steps[0] = 0
        actors.list_actors(vault, clock(), after=after, limit=10)
        return steps[0]

    sa.event.listen(vault.engine, "checkout", counting)
    try:
        first, deep = measured(None), measured(names[950].id)
    finally:
        sa.event.remove(vault.engine, "checkout", counting)
    assert first > 0
    assert deep < 1.5 * first
