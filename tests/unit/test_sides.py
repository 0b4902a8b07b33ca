"""Sides of a process: the parties to its conflict, and which side each participant is on."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from contactkeeper.errors import InvalidRecord
from contactkeeper.records import actors, processes
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ParticipationRole

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _process_with_two_parties(vault: Vault) -> tuple[processes.ProcessInfo, int, int]:
    process = processes.create_process(vault, "Valley Water Dialogue")
    west = actors.create_actor(vault, NewActor("Ilan Peretz"), NOW).id
    east = actors.create_actor(vault, NewActor("Suha Mansour"), NOW).id
    processes.add_participant(vault, process.id, west, ParticipationRole.PARTY)
    processes.add_participant(vault, process.id, east, ParticipationRole.PARTY)
    processes.add_side(vault, process.id, "Western bank")
    info = processes.add_side(vault, process.id, "Eastern villages")
    return info, west, east


def test_a_process_lists_its_sides_in_the_order_they_were_added(vault: Vault) -> None:
    info, _, _ = _process_with_two_parties(vault)
    assert [s.name for s in info.sides] == ["Western bank", "Eastern villages"]
    assert [s.name for s in processes.get_process(vault, info.id).sides] == [
        "Western bank",
        "Eastern villages",
    ]
    (listed,) = processes.list_processes(vault)
    assert [s.name for s in listed.sides] == ["Western bank", "Eastern villages"]


def test_participants_are_grouped_by_their_side_and_the_unaligned_come_last(
    vault: Vault,
) -> None:
    info, west, _ = _process_with_two_parties(vault)
    western, eastern = info.sides
    by_actor = {p.actor_id: p for p in info.participants}
    processes.set_participant_side(vault, by_actor[west].participation_id, western.id)
    convenor = actors.create_actor(vault, NewActor("Dalia Aziz"), NOW).id
    processes.add_participant(vault, info.id, convenor, ParticipationRole.CONVENOR)
    info = processes.get_process(vault, info.id)
    groups = {
        info.side_name(side): [p.display_name for p in people]
        for side, people in info.by_side().items()
    }
    assert groups == {"Western bank": ["Ilan Peretz"], "": ["Dalia Aziz", "Suha Mansour"]}
    assert list(info.by_side())[-1] is None
    assert eastern.id not in info.by_side()  # a side nobody is on yet is not a group


def test_a_side_name_is_unique_within_its_process_whatever_the_case(vault: Vault) -> None:
    info, _, _ = _process_with_two_parties(vault)
    with pytest.raises(InvalidRecord, match="already has a side"):
        processes.add_side(vault, info.id, "western BANK")
    with pytest.raises(InvalidRecord, match="already has a side"):
        processes.rename_side(vault, info.sides[1].id, "Western Bank")
    other = processes.create_process(vault, "Another dialogue")
    assert [s.name for s in processes.add_side(vault, other.id, "Western bank").sides] == [
        "Western bank"
    ]


def test_a_participant_cannot_join_a_side_of_another_process(vault: Vault) -> None:
    info, west, _ = _process_with_two_parties(vault)
    other = processes.add_side(vault, processes.create_process(vault, "Other").id, "Them")
    participation = next(p for p in info.participants if p.actor_id == west)
    with pytest.raises(InvalidRecord, match="another process"):
        processes.set_participant_side(vault, participation.participation_id, other.sides[0].id)


def test_removing_a_side_keeps_its_participants_in_the_process_on_no_side(vault: Vault) -> None:
    info, west, _ = _process_with_two_parties(vault)
    participation = next(p for p in info.participants if p.actor_id == west)
    processes.set_participant_side(vault, participation.participation_id, info.sides[0].id)
    processes.remove_side(vault, info.sides[0].id)
    after = processes.get_process(vault, info.id)
    assert [s.name for s in after.sides] == ["Eastern villages"]
    assert {p.actor_id: p.side_id for p in after.participants}[west] is None
    assert len(after.participants) == 2


def test_an_actor_s_influence_is_judged_from_one_to_five_or_not_at_all(vault: Vault) -> None:
    made = actors.create_actor(vault, NewActor("Doron Levi", influence=5), NOW)
    assert made.influence == 5
    assert actors.update_actor(vault, made.id, NOW, influence=None).influence is None
    with pytest.raises(InvalidRecord, match="Influence"):
        actors.update_actor(vault, made.id, NOW, influence=6)
    assert actors.get_actor(vault, made.id, NOW).influence is None
