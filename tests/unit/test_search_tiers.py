"""Search lists records named so first (ranked), then those only written about, newest first."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from contactkeeper.records import actors, interactions, search
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import InteractionKind
from tests.conftest import FakeClock


def test_an_actor_named_so_comes_before_summaries_that_mention_the_name(
    vault: Vault, clock: FakeClock
) -> None:
    karim = actors.create_actor(vault, NewActor("Karim Nassar"), clock()).id
    logged = [
        interactions.log_interaction(
            vault,
            occurred_at=clock() - timedelta(days=days),
            kind=InteractionKind.CALL,
            participants=[karim],
            summary=f"Nassar called about the harbour ({days} days ago)",
        ).id
        for days in (30, 1, 10)
    ]
    hits = search.search(vault, "nass")
    assert (hits[0].kind, hits[0].id) == ("actor", karim)
    # Summaries follow, the most recently recorded first, without ranking every match.
    assert [h.id for h in hits[1:]] == sorted(logged, reverse=True)
    assert hits[0].rank < 0.0 == hits[1].rank


def test_the_names_index_follows_renames_and_deletes(vault: Vault, clock: FakeClock) -> None:
    actor = actors.create_actor(vault, NewActor("Layla Haddad"), clock()).id
    actors.update_actor(vault, actor, clock(), display_name="Nadia Haddad")
    assert [h.id for h in search.search(vault, "nadia")] == [actor]
    assert search.search(vault, "layla") == []
    actors.delete_actor(vault, actor)
    assert search.search(vault, "haddad") == []
    with vault.transaction() as session:
        left = session.execute(sa.text("SELECT count(*) FROM search_index_names")).scalar()
    assert left == 0
