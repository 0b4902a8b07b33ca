"""An indirect channel is only as warm as its coldest hop: a channel used last week through
an intermediary you have not spoken to in months is not a warm channel."""

from __future__ import annotations

from datetime import timedelta

from contactkeeper.records import actors, channels, interactions
from contactkeeper.records.actors import NewActor
from contactkeeper.records.warmth import Warmth
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ChannelKind, InteractionKind
from tests.conftest import FakeClock


def test_a_cold_intermediary_makes_the_indirect_channel_cold_and_says_so(
    vault: Vault, clock: FakeClock
) -> None:
    now = clock()
    # Karim is kept close (every two weeks), Layla occasionally (every three months).
    karim = actors.create_actor(vault, NewActor("Karim Nassar", cadence_days=14), now).id
    layla = actors.create_actor(vault, NewActor("Layla Haddad", cadence_days=90), now).id
    via = channels.add_channel(
        vault,
        layla,
        now,
        kind=ChannelKind.INDIRECT,
        hops=[channels.Hop(karim, trust=4)],
        trust=4,
    )
    # Word went to Layla through Karim 40 days ago: in good time for Layla, long past
    # Karim's four weeks (his relaying counts for him as a light contact).
    interactions.log_interaction(
        vault,
        occurred_at=now - timedelta(days=40),
        kind=InteractionKind.VIA_INTERMEDIARY,
        participants=[layla],
        channel_id=via.id,
    )
    shown = next(c for c in channels.list_channels(vault, layla, now) if c.id == via.id)
    assert shown.warmth.warmth is Warmth.COLD  # not warm, as its own last use would say
    assert shown.cooled_by is not None
    assert shown.cooled_by.actor_id == karim
    assert "coldest hop" in shown.why_warmth()
    assert "Karim Nassar" in shown.why_warmth()

    # Meet Karim again: the channel is no longer held back by him.
    interactions.log_interaction(
        vault,
        occurred_at=now - timedelta(days=1),
        kind=InteractionKind.MEETING,
        participants=[karim],
    )
    shown = next(c for c in channels.list_channels(vault, layla, now) if c.id == via.id)
    assert shown.cooled_by is None
    assert shown.warmth.warmth is Warmth.WARM  # its own use, 40 days on a 90-day ideal
