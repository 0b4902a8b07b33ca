"""Search lists records named so first (ranked), then those only written about, newest first."""

from __future__ import annotations

from datetime import timedelta

import pytest
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


def test_in_what_is_written_only_the_word_being_typed_is_a_prefix(
    vault: Vault, clock: FakeClock
) -> None:
    """Names take every word as a prefix; notes and summaries the last (being typed) and
    short words before it, but longer words before it only whole (they are done): a long
    prefix would read every word it begins, in every summary."""
    karim = actors.create_actor(vault, NewActor("Karim Nassar", notes="Lives in Amman."), clock())
    call = interactions.log_interaction(
        vault,
        occurred_at=clock() - timedelta(days=2),
        kind=InteractionKind.CALL,
        participants=[karim.id],
        summary="A quiet word at the falafel stand about the harbour",
    ).id

    def hits(typed: str) -> list[tuple[str, int]]:
        return [(hit.kind, hit.id) for hit in search.search(vault, typed)]

    assert hits("kar nassa") == [("actor", karim.id)]  # a name: every word a prefix
    assert hits("kar amm") == [("actor", karim.id)]  # the notes: short words prefixes
    assert hits("amman kar") == [("actor", karim.id)]
    assert hits("amma kar") == []  # "amma" is done, and no word "amma" is written
    assert hits("quiet fal") == [("interaction", call)]
    assert hits("qui fal") == [("interaction", call)]
    assert hits("quie fal") == []
    assert hits("quiet falafel harb") == [("interaction", call)]


def test_a_prefix_beginning_more_names_than_are_ranked_ranks_the_newest(
    vault: Vault, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ranking is bounded (``RANKED_AT_MOST``, 1,000, set to 4 here so that a test vault
    passes it): a letter that begins more names is ranked among the most recently added;
    a service that wants every match (no limit) still gets every one."""
    monkeypatch.setattr(search, "RANKED_AT_MOST", 4)
    names = ["Ali Haddad", "Ali Amin", "Ali Abbas", "Ali Aziz", "Ali Adib", "Ali Asmar"]
    made = [actors.create_actor(vault, NewActor(name), clock()).id for name in names]
    newest = set(made[-4:])

    for typed in ("a", "ali"):  # a prefix (tier 2), a whole word (tier 1)
        shown = search.search(vault, typed, limit=3)
        assert len(shown) == 3
        assert {hit.id for hit in shown} <= newest, typed
        assert [hit.rank for hit in shown] == sorted(hit.rank for hit in shown)
    # Fewer names than the bound: every one is ranked, the oldest too.
    assert [hit.id for hit in search.search(vault, "ali had", limit=3)] == [made[0]]
    with vault.transaction() as session:
        every = search.matches(session, "a", kinds=["actor"])
    assert sorted(match.id for match in every) == sorted(made)
