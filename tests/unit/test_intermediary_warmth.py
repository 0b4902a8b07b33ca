"""An intermediary who carries a message is in contact too: relays warm the intermediary.

A practitioner who passes word to Layla through Karim every week has spoken to Karim every
week; Today must not call Karim "never contacted". A contact made over an indirect channel
counts as a light contact (like a message) with each intermediary on the channel, on every
path that keeps the contact summaries: logging, correcting, deleting, the trash, changing
the channel, and the bulk loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from contactkeeper.records import actors, bulk, channels, interactions, today, trash
from contactkeeper.records.actors import NewActor
from contactkeeper.records.channels import Hop
from contactkeeper.records.warmth import Warmth
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, ChannelKind, InteractionKind
from tests.conftest import FakeClock


@dataclass(frozen=True)
class Chain:
    karim: int  # the intermediary
    layla: int  # reached through him
    channel: int  # you -> Karim -> Layla


def _chain(vault: Vault, clock: FakeClock) -> Chain:
    karim = actors.create_actor(vault, NewActor("Karim Nassar", cadence_days=30), clock())
    layla = actors.create_actor(vault, NewActor("Layla Haddad", cadence_days=30), clock())
    channel = channels.add_channel(
        vault, layla.id, clock(), kind=ChannelKind.INDIRECT, hops=[Hop(karim.id)]
    )
    return Chain(karim.id, layla.id, channel.id)


def _relay(vault: Vault, chain: Chain, when: datetime) -> int:
    """Word passed to Layla through Karim (Karim is not named as a participant)."""
    return interactions.log_interaction(
        vault,
        occurred_at=when,
        kind=InteractionKind.VIA_INTERMEDIARY,
        participants=[chain.layla],
        channel_id=chain.channel,
    ).id


def _summary(vault: Vault, actor_id: int) -> tuple[datetime | None, datetime | None]:
    with vault.transaction() as session:
        row = session.execute(
            sa.select(Actor.last_contact_at, Actor.last_substantive_at).where(Actor.id == actor_id)
        ).one()
        return row[0], row[1]


def test_an_intermediary_who_relays_every_week_is_not_never_contacted(
    vault: Vault, clock: FakeClock
) -> None:
    chain = _chain(vault, clock)
    for weeks in (8, 7, 6, 5, 4, 3, 2, 1):
        _relay(vault, chain, clock() - timedelta(weeks=weeks))

    karim = actors.get_actor(vault, chain.karim, clock())
    assert karim.last_contact_at == clock() - timedelta(weeks=1)
    assert karim.warmth.label == "7 d ago"
    assert karim.warmth.warmth is Warmth.WARM  # 7 days + half of 30 = 22 of 30 days
    going_cold = {g.actor_id: g for g in today.going_cold(vault, clock())}
    assert chain.karim not in going_cold


def test_a_relay_counts_as_a_light_contact_with_the_intermediary(
    vault: Vault, clock: FakeClock
) -> None:
    chain = _chain(vault, clock)
    interactions.log_interaction(
        vault,
        occurred_at=clock() - timedelta(days=2),
        kind=InteractionKind.MEETING,  # a meeting with Layla that Karim arranged
        participants=[chain.layla],
        channel_id=chain.channel,
    )
    assert _summary(vault, chain.layla) == (clock() - timedelta(days=2),) * 2
    # Karim carried it but was not at the table: a light contact, never a substantive one.
    assert _summary(vault, chain.karim) == (clock() - timedelta(days=2), None)


def test_an_intermediary_named_as_participant_is_credited_as_before(
    vault: Vault, clock: FakeClock
) -> None:
    chain = _chain(vault, clock)
    interactions.log_interaction(
        vault,
        occurred_at=clock() - timedelta(days=3),
        kind=InteractionKind.VIA_INTERMEDIARY,
        participants=[chain.layla, chain.karim],
    )
    assert _summary(vault, chain.karim) == (clock() - timedelta(days=3), None)


def test_correcting_or_deleting_a_relay_recomputes_the_intermediary(
    vault: Vault, clock: FakeClock
) -> None:
    chain = _chain(vault, clock)
    older = _relay(vault, chain, clock() - timedelta(days=20))
    newer = _relay(vault, chain, clock() - timedelta(days=2))
    assert _summary(vault, chain.karim)[0] == clock() - timedelta(days=2)

    # The newer one was in fact made directly, by phone: Karim had no part in it.
    interactions.update_interaction(
        vault,
        newer,
        occurred_at=clock() - timedelta(days=2),
        kind=InteractionKind.CALL,
        register=interactions.get_interaction(vault, newer).register,
        summary="",
        participant_ids=[chain.layla],
        channel_id=None,
        process_id=None,
    )
    assert _summary(vault, chain.karim)[0] == clock() - timedelta(days=20)

    interactions.delete_interaction(vault, older)
    assert _summary(vault, chain.karim) == (None, None)
    assert actors.get_actor(vault, chain.karim, clock()).warmth.label == "never contacted"


def test_the_trash_takes_and_gives_back_the_intermediary_credit(
    vault: Vault, clock: FakeClock
) -> None:
    chain = _chain(vault, clock)
    relay = _relay(vault, chain, clock() - timedelta(days=4))
    entry = trash.discard(vault, "interaction", relay, "relay", clock())
    assert _summary(vault, chain.karim) == (None, None)
    trash.restore(vault, entry.id)
    assert _summary(vault, chain.karim)[0] == clock() - timedelta(days=4)

    # Deleting the channel itself: the contact no longer says who carried it.
    entry = trash.discard(vault, "channel", chain.channel, "through Karim", clock())
    assert _summary(vault, chain.karim) == (None, None)
    trash.restore(vault, entry.id)
    assert _summary(vault, chain.karim)[0] == clock() - timedelta(days=4)


def test_changing_who_is_on_the_channel_moves_the_credit(vault: Vault, clock: FakeClock) -> None:
    chain = _chain(vault, clock)
    samir = actors.create_actor(vault, NewActor("Samir Aziz"), clock()).id
    _relay(vault, chain, clock() - timedelta(days=6))
    channels.update_channel(
        vault,
        chain.channel,
        clock(),
        kind=ChannelKind.INDIRECT,
        label="",
        hops=[Hop(samir)],
        trust=3,
        sensitivity=channels.get_channel(vault, chain.channel, clock()).sensitivity,
        notes="",
    )
    assert _summary(vault, chain.karim) == (None, None)
    assert _summary(vault, samir)[0] == clock() - timedelta(days=6)

    channels.delete_channel(vault, chain.channel)
    assert _summary(vault, samir) == (None, None)


def test_bulk_loads_credit_intermediaries_as_the_services_do(
    vault: Vault, clock: FakeClock
) -> None:
    chain = _chain(vault, clock)
    when = clock() - timedelta(days=9)
    with vault.transaction() as session:
        bulk.add_interactions(
            session,
            [
                bulk.NewInteraction(
                    when, InteractionKind.VIA_INTERMEDIARY, [chain.layla], channel_id=chain.channel
                )
            ],
        )
    assert _summary(vault, chain.karim) == (when, None)
    with vault.transaction() as session:
        session.execute(sa.update(Actor).values(last_contact_at=None, last_substantive_at=None))
        bulk.refresh_summaries(session, [chain.karim])
    assert _summary(vault, chain.karim) == (when, None)
    with vault.transaction() as session:
        session.execute(sa.update(Actor).values(last_contact_at=None, last_substantive_at=None))
        bulk.refresh_summaries(session)
    assert _summary(vault, chain.karim) == (when, None)
    assert _summary(vault, chain.layla) == (when, None)
