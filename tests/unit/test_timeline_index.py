"""An actor's timeline comes from the participants' copy of each interaction's time, which
the database keeps right however the rows are written (migration 0003's triggers)."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from contactkeeper.records import actors, interactions, trash
from contactkeeper.records.actors import NewActor
from contactkeeper.records.interactions import JournalFilter
from contactkeeper.vault import Vault
from contactkeeper.vault.model import InteractionKind, InteractionParticipant, Register
from tests.conftest import FakeClock


def _times(vault: Vault) -> set[tuple[int, object]]:
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(InteractionParticipant.interaction_id, InteractionParticipant.occurred_at)
        ).all()
    return {(interaction_id, when) for interaction_id, when in rows}


def test_a_logged_contact_and_a_moved_one_keep_the_timeline_right(
    vault: Vault, clock: FakeClock
) -> None:
    karim = actors.create_actor(vault, NewActor("Karim Nassar"), clock()).id
    layla = actors.create_actor(vault, NewActor("Layla Haddad"), clock()).id
    old = interactions.log_interaction(
        vault,
        occurred_at=clock() - timedelta(days=30),
        kind=InteractionKind.MEETING,
        participants=[karim, layla],
    )
    new = interactions.log_interaction(
        vault, occurred_at=clock(), kind=InteractionKind.CALL, participants=[karim]
    )
    assert _times(vault) == {(old.id, old.occurred_at), (new.id, new.occurred_at)}
    timeline = interactions.journal(vault, JournalFilter(actor_id=karim))
    assert [i.id for i in timeline] == [new.id, old.id]

    moved = interactions.update_interaction(
        vault,
        old.id,
        occurred_at=clock() + timedelta(days=1),
        kind=InteractionKind.MEETING,
        register=Register.SOCIAL,
        summary="",
        participant_ids=[karim, layla],
        channel_id=None,
        process_id=None,
    )
    assert (old.id, moved.occurred_at) in _times(vault)
    timeline = interactions.journal(vault, JournalFilter(actor_id=karim))
    assert [i.id for i in timeline] == [old.id, new.id]
    assert interactions.count_journal(vault, JournalFilter(actor_id=karim)) == 2
    assert (
        interactions.count_journal(vault, JournalFilter(actor_id=karim, kind=InteractionKind.CALL))
        == 1
    )
    assert [i.id for i in interactions.journal(vault, JournalFilter(actor_id=layla))] == [old.id]


def test_a_contact_restored_from_the_trash_is_back_in_the_timeline(
    vault: Vault, clock: FakeClock
) -> None:
    karim = actors.create_actor(vault, NewActor("Karim Nassar"), clock()).id
    logged = interactions.log_interaction(
        vault, occurred_at=clock(), kind=InteractionKind.MEETING, participants=[karim]
    )
    entry = trash.discard(vault, "interaction", logged.id, "a meeting", clock())
    assert interactions.journal(vault, JournalFilter(actor_id=karim)) == []
    trash.restore(vault, entry.id)
    assert [i.id for i in interactions.journal(vault, JournalFilter(actor_id=karim))] == [logged.id]
    assert _times(vault) == {(logged.id, logged.occurred_at)}
