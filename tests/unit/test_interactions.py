"""Logging contacts in one call, and the warmth that follows from them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from contactkeeper.errors import InvalidRecord, RecordNotFound
from contactkeeper.records import (
    actors,
    channels,
    followups,
    interactions,
    processes,
    readiness,
    relationships,
    today,
)
from contactkeeper.records.actors import NewActor
from contactkeeper.records.channels import Hop
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.records.interactions import JournalFilter
from contactkeeper.records.readiness import NewCue
from contactkeeper.records.warmth import Warmth
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    ChannelKind,
    Direction,
    InteractionKind,
    ParticipationRole,
    Register,
    RelationshipKind,
    Sensitivity,
)
from tests.conftest import FakeClock
from tests.helpers.text import plain


def test_logging_a_social_dinner_warms_the_actor(vault: Vault, clock: FakeClock) -> None:
    layla = actors.create_actor(vault, NewActor("Layla Haddad", cadence_days=30), clock())
    assert actors.get_actor(vault, layla.id, clock()).warmth.warmth is Warmth.COLD
    interactions.log_interaction(
        vault,
        occurred_at=clock() - timedelta(days=1),
        kind=InteractionKind.SOCIAL,
        register=Register.SOCIAL,
        participants=[layla.id],
        summary="Dinner at her cousin's; relaxed, talked about the harvest.",
    )
    after = actors.get_actor(vault, layla.id, clock())
    assert after.warmth.warmth is Warmth.WARM
    assert after.last_contact_at == clock() - timedelta(days=1)


def test_warmth_fades_as_time_passes_without_contact(vault: Vault, clock: FakeClock) -> None:
    a = actors.create_actor(vault, NewActor("Omar", cadence_days=10), clock())
    interactions.log_interaction(
        vault, occurred_at=clock(), kind=InteractionKind.CALL, participants=[a.id]
    )
    clock.advance(days=12)  # past the ideal (10 days)
    assert actors.get_actor(vault, a.id, clock()).warmth.warmth is Warmth.COOLING
    clock.advance(days=10)  # past the maximum (twice the ideal)
    assert actors.get_actor(vault, a.id, clock()).warmth.warmth is Warmth.COLD


def test_one_call_logs_participants_new_actors_a_follow_up_and_a_cue(
    vault: Vault, clock: FakeClock
) -> None:
    karim = actors.create_actor(vault, NewActor("Karim Nassar"), clock())
    process = processes.create_process(vault, "River water dialogue")
    kind = next(k for k in readiness.cue_kinds(vault) if k.key == "back-channel-request")
    logged = interactions.log_interaction(
        vault,
        occurred_at=clock(),
        kind=InteractionKind.MEETING,
        register=Register.MIXED,
        participants=[karim.id, NewActor("Yusuf Demir", cadence_days=60)],
        process_id=process.id,
        summary="Karim brought Yusuf; the upstream side wants a quiet channel.",
        follow_up=NewFollowUp("Send Yusuf the draft agenda", clock().date() + timedelta(days=3)),
        cue=NewCue(kind_id=kind.id, observed_on=clock().date(), strength=4),
    )
    assert {p.display_name for p in logged.participants} == {"Karim Nassar", "Yusuf Demir"}
    assert len(logged.created_ids) == 1
    yusuf = actors.get_actor(vault, logged.created_ids[0], clock())
    assert yusuf.cadence_days == 60
    assert yusuf.warmth.warmth is Warmth.WARM
    [task] = followups.due(vault, clock().date())
    assert task.interaction_id == logged.id
    assert task.process_id == process.id
    [cue] = readiness.list_cues(vault, process_id=process.id)
    assert cue.direction is Direction.TOWARD
    assert cue.strength == 4


def test_a_failed_log_records_nothing_at_all(vault: Vault, clock: FakeClock) -> None:
    with pytest.raises(RecordNotFound):
        interactions.log_interaction(
            vault,
            occurred_at=clock(),
            kind=InteractionKind.CALL,
            participants=[NewActor("Someone New"), 999],
        )
    assert actors.count_actors(vault, clock()) == 0
    assert interactions.count_journal(vault) == 0
    with pytest.raises(InvalidRecord, match="Participants"):
        interactions.log_interaction(
            vault, occurred_at=clock(), kind=InteractionKind.CALL, participants=[]
        )


def test_using_an_indirect_channel_warms_it_and_today_shows_the_chain(
    vault: Vault, clock: FakeClock
) -> None:
    commander = actors.create_actor(vault, NewActor("Commander Tarek", cadence_days=30), clock())
    cleric = actors.create_actor(vault, NewActor("Sheikh Munir"), clock())
    cousin = actors.create_actor(vault, NewActor("Samir (cousin)"), clock())
    channel = channels.add_channel(
        vault,
        commander.id,
        clock(),
        kind=ChannelKind.INDIRECT,
        hops=[Hop(cleric.id, trust=4), Hop(cousin.id, trust=2)],
    )
    assert plain(channel.chain()) == "you -> Sheikh Munir -> Samir (cousin) -> Commander Tarek"
    interactions.log_interaction(
        vault,
        occurred_at=clock() - timedelta(days=50),  # light: counts as 65 days, past 60
        kind=InteractionKind.VIA_INTERMEDIARY,
        participants=[commander.id],
        channel_id=channel.id,
    )
    cold = today.going_cold(vault, clock())
    row = next(r for r in cold if r.actor_id == commander.id)
    assert row.warmth.warmth is Warmth.COLD
    assert row.channel is not None
    assert plain(row.channel.chain()) == plain(channel.chain())
    assert row.channel.last_used_at == clock() - timedelta(days=50)


def test_an_indirect_channel_needs_intermediaries_and_no_loops(
    vault: Vault, clock: FakeClock
) -> None:
    a = actors.create_actor(vault, NewActor("A"), clock())
    with pytest.raises(InvalidRecord, match="at least one"):
        channels.add_channel(vault, a.id, clock(), kind=ChannelKind.INDIRECT)
    with pytest.raises(InvalidRecord, match="own intermediary"):
        channels.add_channel(vault, a.id, clock(), kind=ChannelKind.INDIRECT, hops=[Hop(a.id)])


def test_deleting_the_last_contact_cools_the_actor_again(vault: Vault, clock: FakeClock) -> None:
    a = actors.create_actor(vault, NewActor("Nadia"), clock())
    old = interactions.log_interaction(
        vault,
        occurred_at=clock() - timedelta(days=70),
        kind=InteractionKind.MEETING,
        participants=[a.id],
    )
    new = interactions.log_interaction(
        vault,
        occurred_at=clock() - timedelta(days=1),
        kind=InteractionKind.MEETING,
        participants=[a.id],
    )
    assert actors.get_actor(vault, a.id, clock()).warmth.warmth is Warmth.WARM
    interactions.delete_interaction(vault, new.id)
    after = actors.get_actor(vault, a.id, clock())
    assert after.last_contact_at == old.occurred_at
    assert after.warmth.warmth is Warmth.COLD


def test_the_journal_pages_newest_first_and_filters(vault: Vault, clock: FakeClock) -> None:
    a = actors.create_actor(vault, NewActor("A"), clock())
    b = actors.create_actor(vault, NewActor("B"), clock())
    for day in range(5):
        interactions.log_interaction(
            vault,
            occurred_at=clock() - timedelta(days=day),
            kind=InteractionKind.CALL if day % 2 else InteractionKind.MESSAGE,
            participants=[a.id] if day < 3 else [b.id],
            summary=f"day {day}",
        )
    page = interactions.journal(vault, limit=2)
    assert [i.summary for i in page] == ["day 0", "day 1"]
    assert [i.summary for i in interactions.journal(vault, JournalFilter(actor_id=b.id))] == [
        "day 3",
        "day 4",
    ]
    calls = interactions.journal(vault, JournalFilter(kind=InteractionKind.CALL))
    assert [i.summary for i in calls] == ["day 1", "day 3"]
    assert interactions.count_journal(vault, JournalFilter(since=clock().date())) == 1


def test_ticking_off_a_follow_up_removes_it_from_today(vault: Vault, clock: FakeClock) -> None:
    a = actors.create_actor(vault, NewActor("A"), clock())
    task = followups.create_follow_up(
        vault, NewFollowUp("Call back", clock().date() - timedelta(days=2), actor_id=a.id)
    )
    assert task.overdue(clock().date())
    assert [f.title for f in today.today(vault, clock()).follow_ups] == ["Call back"]
    followups.set_done(vault, task.id, True, clock())
    assert today.today(vault, clock()).follow_ups == ()


def _codename_if_high_risk(actor_id: int, name: str, codename: str, sensitivity: object) -> str:
    return codename if sensitivity is Sensitivity.HIGH_RISK else name


def test_every_record_naming_an_actor_says_how_sensitive_they_are(
    vault: Vault, clock: FakeClock
) -> None:
    """The GUI's privacy rule needs the sensitivity wherever a name is shown."""
    risky = actors.create_actor(
        vault,
        NewActor("Commander Tarek", codename="SALT ANCHOR", sensitivity=Sensitivity.HIGH_RISK),
        clock(),
    )
    cleric = actors.create_actor(vault, NewActor("Sheikh Munir", codename="CEDAR HERON"), clock())
    channel = channels.add_channel(
        vault, risky.id, clock(), kind=ChannelKind.INDIRECT, hops=[Hop(cleric.id)]
    )
    assert channel.actor_sensitivity is Sensitivity.HIGH_RISK
    assert [h.sensitivity for h in channel.hops] == [Sensitivity.NORMAL]
    assert plain(channel.chain(_codename_if_high_risk)) == "you -> Sheikh Munir -> SALT ANCHOR"
    assert plain(channel.chain()) == "you -> Sheikh Munir -> Commander Tarek"

    process = processes.create_process(vault, "Coastal dialogue")
    interactions.log_interaction(
        vault,
        occurred_at=clock() - timedelta(days=40),
        kind=InteractionKind.VIA_INTERMEDIARY,
        participants=[risky.id, cleric.id],
        channel_id=channel.id,
        process_id=process.id,
        follow_up=NewFollowUp("Ask again", clock().date()),
        cue=NewCue(
            kind_id=readiness.cue_kinds(vault)[0].id,
            observed_on=clock().date(),
            actor_id=risky.id,
        ),
    )
    (logged,) = interactions.journal(vault, JournalFilter(actor_id=risky.id))
    assert {p.codename: p.sensitivity for p in logged.participants} == {
        "SALT ANCHOR": Sensitivity.HIGH_RISK,
        "CEDAR HERON": Sensitivity.NORMAL,
    }
    (follow_up,) = followups.list_follow_ups(vault, actor_id=risky.id)
    assert follow_up.actor_sensitivity is Sensitivity.HIGH_RISK
    (cue,) = readiness.list_cues(vault, actor_id=risky.id)
    assert cue.actor_sensitivity is Sensitivity.HIGH_RISK
    tie = relationships.add_relationship(vault, cleric.id, risky.id, RelationshipKind.KNOWS)
    assert (tie.from_sensitivity, tie.to_sensitivity) == (
        Sensitivity.NORMAL,
        Sensitivity.HIGH_RISK,
    )
    (listed,) = relationships.relationships_of(vault, risky.id)
    assert listed.to_sensitivity is Sensitivity.HIGH_RISK
    part = processes.add_participant(vault, process.id, risky.id, ParticipationRole.PARTY)
    assert [p.sensitivity for p in part.participants] == [Sensitivity.HIGH_RISK]
    cold = next(r for r in today.going_cold(vault, clock()) if r.actor_id == risky.id)
    assert cold.sensitivity is Sensitivity.HIGH_RISK
    assert cold.channel is not None
    assert plain(cold.channel.chain(_codename_if_high_risk)).endswith("-> SALT ANCHOR")
