"""What is kept between calls (the actors' total, the web of channels) is never kept stale
by a reader that ran while a write was being committed: SQLAlchemy tells of a commit just
before the database makes it, and a reader in that moment sees the old data."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from contactkeeper.records import actors
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from tests.conftest import FakeClock


def test_a_total_counted_while_an_actor_is_committed_is_counted_again(
    vault: Vault, clock: FakeClock
) -> None:
    actors.create_actor(vault, NewActor("Amal Haddad"), clock())
    assert actors.count_actors(vault, clock()) == 1
    seen: list[int] = []

    def count_meanwhile(conn: sa.Connection) -> None:
        # Another screen asks for the total on another connection between the commit's
        # notice and the commit itself: it sees one actor.
        if not seen:
            seen.append(actors.count_actors(vault, clock()))

    event.listen(vault.engine, "commit", count_meanwhile)
    try:
        actors.create_actor(vault, NewActor("Boris Petrov"), clock())
    finally:
        event.remove(vault.engine, "commit", count_meanwhile)
    assert seen == [1]
    assert actors.count_actors(vault, clock()) == 2


def test_a_held_connection_counts_its_commit_at_its_next_statement(vault: Vault) -> None:
    before = vault.generations.of("actors")
    with vault.engine.connect() as conn:
        with conn.begin():
            conn.execute(sa.text("UPDATE actors SET notes = notes WHERE 0"))
        once: Any = vault.generations.of("actors")
        conn.execute(sa.text("SELECT 1"))
        assert vault.generations.of("actors") > once > before
