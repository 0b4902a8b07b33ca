"""Processes, participants and relationships between actors."""

from __future__ import annotations

import pytest

from contactkeeper.errors import InvalidRecord
from contactkeeper.records import actors, processes, relationships
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ParticipationRole, ProcessPhase, RelationshipKind, Track
from tests.conftest import FakeClock


def test_participants_are_grouped_by_role(vault: Vault, clock: FakeClock) -> None:
    p = processes.create_process(vault, "Highland ceasefire", Track.TWO, ProcessPhase.EXPLORATORY)
    a = actors.create_actor(vault, NewActor("Amal"), clock())
    b = actors.create_actor(vault, NewActor("Boris"), clock())
    processes.add_participant(vault, p.id, a.id, ParticipationRole.PARTY)
    processes.add_participant(vault, p.id, b.id, ParticipationRole.SPOILER)
    info = processes.add_participant(vault, p.id, a.id, ParticipationRole.INTERMEDIARY)
    groups = info.by_role()
    assert list(groups) == [
        ParticipationRole.PARTY,
        ParticipationRole.INTERMEDIARY,
        ParticipationRole.SPOILER,
    ]
    assert [x.display_name for x in groups[ParticipationRole.SPOILER]] == ["Boris"]
    with pytest.raises(InvalidRecord, match="already takes part as party"):
        processes.add_participant(vault, p.id, a.id, ParticipationRole.PARTY)
    assert sorted(processes.processes_of(vault, a.id)) == [
        (p.id, "Highland ceasefire", ParticipationRole.INTERMEDIARY),
        (p.id, "Highland ceasefire", ParticipationRole.PARTY),
    ]


def test_moving_a_process_to_negotiation(vault: Vault) -> None:
    p = processes.create_process(vault, "River water")
    moved = processes.update_process(
        vault, p.id, "River water", Track.ONE_AND_A_HALF, ProcessPhase.NEGOTIATION, "Now formal."
    )
    assert (moved.phase, moved.track) == (ProcessPhase.NEGOTIATION, Track.ONE_AND_A_HALF)
    assert processes.get_process(vault, p.id).description == "Now formal."


def test_relationships_read_from_both_sides(vault: Vault, clock: FakeClock) -> None:
    a = actors.create_actor(vault, NewActor("Amal"), clock())
    b = actors.create_actor(vault, NewActor("Boris"), clock())
    tie = relationships.add_relationship(
        vault, a.id, b.id, RelationshipKind.CAN_INTRODUCE, strength=4, source="Amal herself"
    )
    assert relationships.relationships_of(vault, b.id) == [tie]
    assert tie.from_name == "Amal"
    assert tie.to_name == "Boris"
    with pytest.raises(InvalidRecord, match="themselves"):
        relationships.add_relationship(vault, a.id, a.id, RelationshipKind.KNOWS)
    with pytest.raises(InvalidRecord, match="Strength"):
        relationships.add_relationship(vault, a.id, b.id, RelationshipKind.KNOWS, strength=9)
    relationships.delete_relationship(vault, tie.id)
    assert relationships.relationships_of(vault, a.id) == []


def test_process_names_list_every_process_by_name(vault: Vault) -> None:
    water = processes.create_process(vault, "River water")
    coast = processes.create_process(vault, "Coastal dialogue")
    assert processes.process_names(vault) == [
        (coast.id, "Coastal dialogue"),
        (water.id, "River water"),
    ]
