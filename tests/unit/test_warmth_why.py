"""Every warmth figure explains itself, the lists agree with it, and Today's going-cold list
is ordered by urgency: how far past the maximum, then a role in a ripening process."""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contactkeeper.errors import InvalidRecord
from contactkeeper.records import (
    actors,
    channels,
    interactions,
    today,
    warmth_queries,
)
from contactkeeper.records.actors import ActorFilter, NewActor
from contactkeeper.records.channels import Hop
from contactkeeper.records.warmth import History, Warmth, explain, reading
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ChannelKind, InteractionKind
from contactkeeper.vault.vocabulary import Tier
from tests.helpers.ripening import ripening_process
from tests.helpers.text import plain

NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)
DAY = NOW.date()


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def _contact(vault: Vault, actor_id: int, days: float, kind: InteractionKind) -> None:
    interactions.log_interaction(vault, occurred_at=ago(days), kind=kind, participants=[actor_id])


# -- the sentence ------------------------------------------------------------------------


def test_a_cold_actor_is_explained_by_the_last_meeting_and_the_messages_since() -> None:
    found = reading(30, ago(130), ago(120), NOW, 60)
    history = History(InteractionKind.MEETING, date(2026, 1, 22), (InteractionKind.MESSAGE,) * 2)
    assert explain(found, history, on=DAY) == (
        "Cold: last substantive contact 130 days ago (a meeting on 22 January); the two "
        "messages since count as 15 days older; ideal every 30 days, at most 60: "
        "70 days past the maximum."
    )


def test_without_the_history_the_sentence_says_what_the_reading_knows() -> None:
    assert explain(reading(30, ago(130), ago(120), NOW, 60)) == (
        "Cold: last substantive contact 130 days ago; the light contact since counts as "
        "15 days older; ideal every 30 days, at most 60: 70 days past the maximum."
    )
    assert explain(reading(14, None, None, NOW)) == (
        "Cold: never contacted; ideal every 14 days, at most 28."
    )


def test_a_light_contact_that_keeps_them_warm_says_what_it_counts_as() -> None:
    found = reading(30, ago(50), ago(3), NOW)
    history = History(InteractionKind.CALL, date(2026, 4, 12), (InteractionKind.MESSAGE,))
    assert explain(found, history, on=DAY) == (
        "Warm: last substantive contact 50 days ago (a call on 12 April); the message since "
        "counts as 15 days older: 3 days ago, as 18; ideal every 30 days, at most 60: "
        "due in 12 days."
    )


def test_a_cooling_actor_is_told_when_they_turn_cold() -> None:
    assert explain(reading(30, ago(40), ago(40), NOW)) == (
        "Cooling: last substantive contact 40 days ago; ideal every 30 days, at most 60: "
        "cold in 20 days."
    )


def test_the_history_is_read_from_the_vault(vault: Vault) -> None:
    amal = actors.create_actor(vault, NewActor("Amal Haddad"), NOW).id
    _contact(vault, amal, 130, InteractionKind.MEETING)
    _contact(vault, amal, 125, InteractionKind.MESSAGE)
    _contact(vault, amal, 120, InteractionKind.MESSAGE)
    [row] = today.going_cold(vault, NOW)
    assert row.why == (
        "Cold: last substantive contact 130 days ago (a meeting on 22 January); the two "
        "messages since count as 15 days older; ideal every 30 days, at most 60: "
        "70 days past the maximum."
    )


# -- tiers and the maximum ----------------------------------------------------------------


def test_a_new_actor_takes_the_ideal_of_their_tier_and_a_changed_tier_carries_it(
    vault: Vault,
) -> None:
    inner = actors.create_actor(vault, NewActor("Inner", tier=Tier.INNER), NOW)
    assert (inner.cadence_days, inner.warmth.max_days) == (14, 28)
    moved = actors.update_actor(vault, inner.id, NOW, tier=Tier.OCCASIONAL)
    assert (moved.cadence_days, moved.warmth.max_days) == (90, 180)
    own = actors.update_actor(vault, inner.id, NOW, cadence_days=21)
    # An ideal set by hand stays when the tier changes.
    assert actors.update_actor(vault, own.id, NOW, tier=Tier.REGULAR).cadence_days == 21


def test_a_maximum_shorter_than_the_ideal_is_refused_with_what_to_do(vault: Vault) -> None:
    amal = actors.create_actor(vault, NewActor("Amal Haddad"), NOW).id
    with pytest.raises(InvalidRecord, match="raise the maximum"):
        actors.update_actor(vault, amal, NOW, max_interval_days=20)
    assert actors.update_actor(vault, amal, NOW, max_interval_days=40).warmth.max_days == 40


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cadence=st.integers(1, 400),
    most=st.one_of(st.none(), st.integers(1, 800)),
    substantive=st.one_of(st.none(), st.floats(0, 900)),
    light=st.floats(0, 900),
)
def test_the_lists_sql_agrees_with_the_warmth_shown(
    vault: Vault, cadence: int, most: int | None, substantive: float | None, light: float
) -> None:
    """The actors list filters and sorts by warmth in SQL; each filter must hold exactly
    the actors whose reading says so."""
    if most is not None and most < cadence:
        most = None
    name = f"A{cadence}-{most}-{substantive}-{light}"
    actor = actors.create_actor(
        vault, NewActor(name, cadence_days=cadence, max_interval_days=most), NOW
    ).id
    if substantive is not None:
        _contact(vault, actor, substantive, InteractionKind.MEETING)
    _contact(vault, actor, light, InteractionKind.MESSAGE)
    shown = actors.get_actor(vault, actor, NOW).warmth.warmth
    for warmth in Warmth:
        listed = actors.list_actors(vault, NOW, filters=ActorFilter(warmth=warmth), limit=10_000)
        assert (actor in {a.id for a in listed}) is (warmth is shown)
    by_urgency = actors.list_actors(vault, NOW, sort="urgency", descending=True, limit=10_000)
    pasts = [
        math.inf if a.warmth.past_maximum_days is None else a.warmth.past_maximum_days
        for a in by_urgency
    ]
    assert pasts == sorted(pasts, reverse=True)  # never contacted, then the furthest past


# -- going cold, by urgency -----------------------------------------------------------------


def test_going_cold_puts_the_furthest_past_the_maximum_first(vault: Vault) -> None:
    # Name order and the order of urgency differ on purpose.
    people = {
        "Aziz": (40, Tier.REGULAR),  # cooling: 20 days before the maximum
        "Bilal": (200, Tier.OCCASIONAL),  # 20 days past 180
        "Carla": (100, Tier.REGULAR),  # 40 days past 60
        "Dana": (20, Tier.INNER),  # cooling: 8 before 28
        "Emre": (10, Tier.REGULAR),  # warm
    }
    ids = {}
    for name, (days, tier) in people.items():
        ids[name] = actors.create_actor(vault, NewActor(name, tier=tier), NOW).id
        _contact(vault, ids[name], days, InteractionKind.MEETING)
    never = actors.create_actor(vault, NewActor("Zoe"), NOW).id
    rows = today.going_cold(vault, NOW)
    assert [r.display_name for r in rows] == ["Carla", "Bilal", "Dana", "Aziz", "Zoe"]
    assert [r.urgency() for r in rows] == [
        "40 days past the maximum",
        "20 days past the maximum",
        "8 days before the maximum",
        "20 days before the maximum",
        "never contacted",
    ]
    assert rows[-1].actor_id == never


def test_a_key_actor_of_a_ripening_process_comes_first_within_the_same_week(
    vault: Vault,
) -> None:
    carla = actors.create_actor(vault, NewActor("Carla"), NOW).id
    hassan = actors.create_actor(vault, NewActor("Hassan Idris"), NOW).id
    _contact(vault, carla, 101, InteractionKind.MEETING)  # 41 days past the maximum
    _contact(vault, hassan, 96, InteractionKind.MEETING)  # 36: the same (sixth) week
    far = actors.create_actor(vault, NewActor("Farid"), NOW).id
    _contact(vault, far, 130, InteractionKind.MEETING)  # 70: weeks ahead
    ripening_process(vault, hassan)
    rows = today.today(vault, NOW).going_cold
    assert [r.display_name for r in rows] == ["Farid", "Hassan Idris", "Carla"]
    assert plain(rows[1].urgency()) == (
        "36 days past the maximum; on a side of Dry Valley, which is ripening"
    )
    assert "ripening" in today.ORDER
    # Without the ripening processes (the desktop works them out later), plain urgency.
    unmarked = today.going_cold(vault, NOW)
    assert [r.display_name for r in unmarked] == ["Farid", "Carla", "Hassan Idris"]
    assert [r.display_name for r in today.by_urgency(unmarked, today.ripening(vault, NOW))] == [
        "Farid",
        "Hassan Idris",
        "Carla",
    ]


def test_going_cold_reads_no_further_than_it_must_yet_misses_nobody(vault: Vault) -> None:
    """The list stops reading rows once nobody further down can come first: it must give
    exactly the first of every actor ordered by urgency."""
    rng = random.Random(13)
    for n in range(60):
        cadence = rng.choice((7, 14, 30, 45, 90))
        most = rng.choice((None, cadence, cadence * 3 // 2, cadence * 4))
        actor = actors.create_actor(
            vault,
            NewActor(
                f"Actor {n:02}",
                cadence_days=cadence,
                max_interval_days=most,
                snoozed_until=DAY + timedelta(days=3) if n % 11 == 0 else None,
            ),
            NOW,
        ).id
        _contact(vault, actor, rng.uniform(0, 300), rng.choice(list(InteractionKind)))
    every = [
        today.GoingCold(
            a.id, a.display_name, a.codename, a.cadence_days, a.warmth, None, a.sensitivity
        )
        for a in actors.list_actors(vault, NOW, limit=1000)
        if a.warmth.warmth is not Warmth.WARM and not a.silenced(DAY)
    ]
    for limit in (1, 5, 12):
        expected = [g.actor_id for g in today.by_urgency(every)[:limit]]
        assert [g.actor_id for g in today.going_cold(vault, NOW, limit=limit)] == expected


def test_the_history_counts_relays_as_light_contacts_since_the_last_meeting(
    vault: Vault,
) -> None:
    karim = actors.create_actor(vault, NewActor("Karim Nassar"), NOW).id
    layla = actors.create_actor(vault, NewActor("Layla Haddad"), NOW).id
    channel = channels.add_channel(
        vault, layla, NOW, kind=ChannelKind.INDIRECT, hops=[Hop(karim)]
    ).id
    _contact(vault, karim, 200, InteractionKind.MESSAGE)  # before the meeting: not counted
    _contact(vault, karim, 100, InteractionKind.MEETING)
    _contact(vault, karim, 50, InteractionKind.CALL)  # the latest substantive one
    _contact(vault, karim, 20, InteractionKind.MESSAGE)
    interactions.log_interaction(  # word carried to Layla through Karim
        vault,
        occurred_at=ago(10),
        kind=InteractionKind.MEETING,
        participants=[layla],
        channel_id=channel,
    )
    history = warmth_queries.warmth_histories(vault, [karim, layla])
    assert history[karim].substantive_kind is InteractionKind.CALL
    assert history[karim].substantive_on == (NOW - timedelta(days=50)).astimezone().date()
    assert tuple(history[karim].light_since) == (
        InteractionKind.VIA_INTERMEDIARY,
        InteractionKind.MESSAGE,
    )
    assert history[layla].substantive_kind is InteractionKind.MEETING
    assert tuple(history[layla].light_since) == ()
    why = explain(actors.get_actor(vault, karim, NOW).warmth, history[karim], on=DAY)
    assert "the two light contacts since count as 15 days older" in why
