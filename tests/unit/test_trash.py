"""Deleting can be undone: the trash gives back a record and all that went with it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from contactkeeper.errors import InvalidRecord, RecordNotFound
from contactkeeper.records import (
    actors,
    channels,
    followups,
    interactions,
    readiness,
    search,
    trash,
)
from contactkeeper.records.actors import NewActor
from contactkeeper.records.channels import Hop
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.records.readiness import NewCue
from contactkeeper.records.warmth import Warmth
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ChannelKind, InteractionKind
from tests.conftest import FakeClock


def test_an_actor_deleted_by_mistake_comes_back_with_everything(
    vault: Vault, clock: FakeClock
) -> None:
    layla = actors.create_actor(
        vault, NewActor("Layla Haddad", tags=["water"], name_variants=["ليلى حداد"]), clock()
    )
    karim = actors.create_actor(vault, NewActor("Karim Nassar"), clock())
    tarek = actors.create_actor(vault, NewActor("Tarek"), clock())
    # Layla is the intermediary on the way to Tarek, and has her own channel.
    via_layla = channels.add_channel(
        vault, tarek.id, clock(), kind=ChannelKind.INDIRECT, hops=[Hop(layla.id)]
    )
    phone = channels.add_channel(vault, layla.id, clock(), kind=ChannelKind.PHONE)
    met = interactions.log_interaction(
        vault,
        occurred_at=clock() - timedelta(days=2),
        kind=InteractionKind.MEETING,
        participants=[layla.id, karim.id],
        channel_id=phone.id,
        summary="Tea at the market",
        follow_up=NewFollowUp("Send the maps", clock().date()),
    )
    kind = readiness.cue_kinds(vault)[0]
    readiness.record_cue(vault, NewCue(kind.id, clock().date(), actor_id=layla.id))

    entry = trash.discard(vault, "actor", layla.id, "Layla Haddad", clock())
    assert entry.rows > 5
    with pytest.raises(RecordNotFound):
        actors.get_actor(vault, layla.id, clock())
    assert search.search(vault, "layla") == []
    assert channels.get_channel(vault, via_layla.id, clock()).hops == ()
    assert [p.display_name for p in interactions.get_interaction(vault, met.id).participants] == [
        "Karim Nassar"
    ]

    trash.restore(vault, entry.id)
    back = actors.get_actor(vault, layla.id, clock())
    assert (back.uuid, back.display_name, back.tags) == (layla.uuid, "Layla Haddad", ("water",))
    assert [v.name for v in back.name_variants] == ["ليلى حداد"]
    assert back.warmth.warmth is Warmth.WARM
    assert [h.display_name for h in channels.get_channel(vault, via_layla.id, clock()).hops] == [
        "Layla Haddad"
    ]
    assert {p.display_name for p in interactions.get_interaction(vault, met.id).participants} == {
        "Layla Haddad",
        "Karim Nassar",
    }
    assert [f.actor_name for f in followups.list_follow_ups(vault)] == ["Layla Haddad"]
    assert len(readiness.list_cues(vault, actor_id=layla.id)) == 1
    assert [h.title for h in search.search(vault, "layla")] == ["Layla Haddad"]
    assert trash.entries(vault) == []


def test_a_deleted_interaction_comes_back_and_rewarms_its_participants(
    vault: Vault, clock: FakeClock
) -> None:
    a = actors.create_actor(vault, NewActor("Amal"), clock())
    logged = interactions.log_interaction(
        vault,
        occurred_at=clock(),
        kind=InteractionKind.CALL,
        participants=[a.id],
        summary="call about the prisoner list",
    )
    entry = trash.discard(vault, "interaction", logged.id, "call", clock())
    assert actors.get_actor(vault, a.id, clock()).last_contact_at is None
    trash.restore(vault, entry.id)
    assert actors.get_actor(vault, a.id, clock()).last_contact_at == clock()
    assert [h.kind for h in search.search(vault, "prisoner")] == ["interaction"]


def test_restoring_over_a_codename_taken_since_is_refused_and_changes_nothing(
    vault: Vault, clock: FakeClock
) -> None:
    a = actors.create_actor(vault, NewActor("Amal", codename="HERON"), clock())
    entry = trash.discard(vault, "actor", a.id, "Amal", clock())
    actors.create_actor(vault, NewActor("Someone else", codename="HERON"), clock())
    with pytest.raises(InvalidRecord, match="conflicts"):
        trash.restore(vault, entry.id)
    assert [e.id for e in trash.entries(vault)] == [entry.id]
    assert actors.count_actors(vault, clock()) == 1


def test_emptying_the_trash_forgets_for_good(vault: Vault, clock: FakeClock) -> None:
    a = actors.create_actor(vault, NewActor("Amal"), clock())
    trash.discard(vault, "actor", a.id, "Amal", clock())
    assert trash.empty(vault) == 1
    assert trash.entries(vault) == []
