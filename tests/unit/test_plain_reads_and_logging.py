"""The actor page's reads (plain rows, no ORM objects) say what the records say, and logging a
contact (Core statements, no unit of work for the interaction) writes, indexes, folds in and
reports exactly what the unit of work did."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from contactkeeper.errors import RecordNotFound
from contactkeeper.records import (
    actors,
    channels,
    interactions,
    organizations,
    processes,
    readiness,
    relationships,
    search,
)
from contactkeeper.records.actors import NewActor
from contactkeeper.records.interactions import JournalFilter
from contactkeeper.vault import Vault
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import (
    Channel,
    ChannelKind,
    InteractionKind,
    ReadinessCue,
    Relationship,
    RelationshipKind,
    Sensitivity,
)
from tests.conftest import FakeClock


def test_the_actor_pages_reads_match_the_records(vault: Vault, clock: FakeClock) -> None:
    now = clock()
    layla = actors.create_actor(
        vault, NewActor("Layla Haddad", tags=["water", "north"], notes="Met in Amman."), now
    ).id
    karim = actors.create_actor(vault, NewActor("Karim Nassar"), now).id
    omar = actors.create_actor(
        vault, NewActor("Omar Said", sensitivity=Sensitivity.HIGH_RISK), now
    ).id
    actors.add_name_variant(vault, layla, "ليلى حداد", "Arabic")
    actors.add_name_variant(vault, layla, "Leila Haddad")
    ministry = organizations.create_organization(vault, "Ministry of Water").id
    council = organizations.create_organization(vault, "Elders' council").id
    organizations.add_affiliation(
        vault, layla, ministry, "adviser", now.date() - timedelta(days=900), now.date()
    )
    organizations.add_affiliation(vault, layla, council, "member", now.date())
    phone = channels.add_channel(vault, layla, now, kind=ChannelKind.PHONE, label="+000 1")
    via = channels.add_channel(
        vault,
        layla,
        now,
        kind=ChannelKind.INDIRECT,
        hops=[channels.Hop(karim, trust=4), channels.Hop(omar, trust=2)],
    )
    process = processes.create_process(vault, "River water dialogue")
    side = processes.add_side(vault, process.id, "Upstream").sides[0]
    relationships.add_relationship(vault, karim, layla, RelationshipKind.CAN_INTRODUCE)
    relationships.add_relationship(vault, layla, omar, RelationshipKind.RIVAL, source="Karim")
    kind = readiness.cue_kinds(vault)[0]
    readiness.record_cue(
        vault,
        readiness.NewCue(
            kind.id, now.date(), process_id=process.id, actor_id=layla, side_id=side.id
        ),
    )
    readiness.record_cue(
        vault, readiness.NewCue(kind.id, now.date(), actor_id=layla, reported_by_id=omar)
    )
    for days, who, channel in ((30, [layla, karim, omar], phone.id), (3, [layla], via.id)):
        interactions.log_interaction(
            vault,
            occurred_at=now - timedelta(days=days),
            kind=InteractionKind.MEETING,
            participants=who,
            channel_id=channel,
            process_id=process.id,
            summary=f"Talked {days} days ago.",
        )
    interactions.log_interaction(
        vault, occurred_at=now, kind=InteractionKind.CALL, participants=[layla]
    )

    with vault.transaction() as session:  # the same records, as objects of a unit of work
        expected_detail = actors._detail(actors._load(session, layla), now)
        expected_channels = [
            channels.channel_info(c, now)
            for c in session.query(Channel).filter_by(actor_id=layla).order_by(Channel.id)
        ]
        expected_ties = [
            relationships._info(r) for r in session.query(Relationship).order_by(Relationship.id)
        ]
        expected_cues = [
            readiness.cue_info(c)
            for c in session.query(ReadinessCue).order_by(
                ReadinessCue.observed_on.desc(), ReadinessCue.id.desc()
            )
        ]

    assert actors.get_actor(vault, layla, now) == expected_detail
    assert [v.name for v in expected_detail.name_variants] == ["ليلى حداد", "Leila Haddad"]
    assert expected_detail.tags == ("north", "water")
    assert channels.list_channels(vault, layla, now) == expected_channels
    assert [h.actor_id for h in expected_channels[1].hops] == [karim, omar]
    assert relationships.relationships_of(vault, layla) == expected_ties
    assert readiness.list_cues(vault, actor_id=layla) == expected_cues
    assert {c.side_name for c in expected_cues} == {"Upstream", ""}

    page = interactions.journal(vault, JournalFilter(actor_id=layla), limit=100)
    assert page == [interactions.get_interaction(vault, i.id) for i in page]
    assert [i.occurred_at for i in page] == sorted((i.occurred_at for i in page), reverse=True)
    assert [p.display_name for p in page[-1].participants] == [
        "Karim Nassar",
        "Layla Haddad",
        "Omar Said",
    ]
    assert page[-1].channel_label == "+000 1"
    assert page[-1].process_name == process.name
    assert page[0].channel_label == ""
    assert page[0].process_name == ""
    assert interactions.journal(vault, JournalFilter(actor_id=layla), offset=1, limit=1) == [
        page[1]
    ]
    assert interactions.count_journal(vault, JournalFilter(actor_id=layla)) == 3

    with pytest.raises(RecordNotFound):
        actors.get_actor(vault, 999, now)


def test_logging_a_contact_moves_only_the_summaries_it_makes_more_recent(
    vault: Vault, clock: FakeClock
) -> None:
    now = clock()
    layla = actors.create_actor(vault, NewActor("Layla Haddad"), now).id
    karim = actors.create_actor(vault, NewActor("Karim Nassar"), now).id
    yusuf = actors.create_actor(vault, NewActor("Yusuf Demir"), now).id
    via = channels.add_channel(
        vault, layla, now, kind=ChannelKind.INDIRECT, hops=[channels.Hop(yusuf)]
    ).id
    # Karim was met yesterday; a contact of a week ago is older than that.
    interactions.log_interaction(
        vault,
        occurred_at=now - timedelta(days=1),
        kind=InteractionKind.MEETING,
        participants=[karim],
    )
    karim_before = actors.get_actor(vault, karim, now)
    clock.advance(minutes=5)

    with vault.recording() as recorded:
        logged = interactions.log_interaction(
            vault,
            occurred_at=now - timedelta(days=7),
            kind=InteractionKind.MEETING,
            participants=[layla, karim, layla],
            channel_id=via,
            summary="Quiet word about the northern elders.",
        )

    changed = recorded.changes
    assert changed.ids_of(Kind.INTERACTION) == frozenset({logged.id})
    # Layla (a participant) and Yusuf (who carried it) moved; Karim did not.
    assert changed.ids_of(Kind.ACTOR) == frozenset({layla, yusuf})
    assert changed.ids_of(Kind.CHANNEL) == frozenset({via})
    assert [p.id for p in logged.participants] == [layla, karim]
    assert actors.get_actor(vault, karim, now) == karim_before  # not rewritten at all
    seen = actors.get_actor(vault, layla, now)
    assert seen.last_contact_at == seen.last_substantive_at == logged.occurred_at
    carrier = actors.get_actor(vault, yusuf, now)
    assert carrier.last_contact_at == logged.occurred_at
    assert carrier.last_substantive_at is None  # a light contact for who carried it
    assert channels.get_channel(vault, via, now).last_used_at == logged.occurred_at
    stored = interactions.get_interaction(vault, logged.id)  # participants by name
    assert [p.id for p in stored.participants] == [karim, layla]
    assert replace(stored, participants=logged.participants) == logged
    assert [(h.kind, h.id) for h in search.search(vault, "northern elders")] == [
        ("interaction", logged.id)
    ]

    # An older contact again moves nothing but the journal.
    with vault.recording() as recorded:
        interactions.log_interaction(
            vault,
            occurred_at=now - timedelta(days=30),
            kind=InteractionKind.CALL,
            participants=[layla],
            channel_id=via,
        )
    assert recorded.changes.kinds == {Kind.INTERACTION}


def test_logging_with_an_unknown_participant_writes_nothing(vault: Vault, clock: FakeClock) -> None:
    now = clock()
    layla = actors.create_actor(vault, NewActor("Layla Haddad"), now).id
    with pytest.raises(RecordNotFound):
        interactions.log_interaction(
            vault,
            occurred_at=now,
            kind=InteractionKind.MEETING,
            participants=[layla, NewActor("Nadia Farah"), 999],
        )
    assert interactions.count_journal(vault) == 0
    assert actors.count_actors(vault, now) == 1
    assert actors.get_actor(vault, layla, now).last_contact_at is None
