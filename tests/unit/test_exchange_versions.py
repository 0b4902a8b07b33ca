"""Versions of shared fields: what bumps them, what leaves tombstones (exchange, 0011)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

from contactkeeper.records import actors, merge, processes
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault, clocks
from contactkeeper.vault.exchange_model import ExchangeClock, FieldVersion, Tombstone
from contactkeeper.vault.model import Actor, ParticipationRole

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def _versions(vault: Vault, uuid: str) -> dict[str, dict[str, int]]:
    with vault.transaction() as session:
        rows = session.scalars(sa.select(FieldVersion).where(FieldVersion.record_uuid == uuid))
        return {r.field: clocks.loads(r.vector) for r in rows}


def _uuid(vault: Vault, actor_id: int) -> str:
    with vault.transaction() as session:
        return session.get_one(Actor, actor_id).uuid


def test_a_vault_has_its_own_exchange_id(make_vault: Callable[..., Vault]) -> None:
    ids = set()
    for name in ("one", "two"):
        vault = make_vault(name)
        with vault.transaction() as session:
            ids.add(session.scalars(sa.select(ExchangeClock.vault_id)).one())
    assert len(ids) == 2


def test_vectors_order_edits_and_tell_concurrent_ones() -> None:
    assert clocks.compare({"a": 1}, {"a": 1}) == "same"
    assert clocks.compare({"a": 2}, {"a": 1}) == "older"
    assert clocks.compare({"a": 1}, {"a": 1, "b": 1}) == "newer"
    assert clocks.compare({"a": 2}, {"a": 1, "b": 1}) == "concurrent"
    assert clocks.merged({"a": 2}, {"a": 1, "b": 1}) == {"a": 2, "b": 1}


def test_only_shared_fields_are_versioned_and_each_edit_advances(vault: Vault) -> None:
    actor = actors.create_actor(vault, NewActor("Amal Haddad"), NOW).id
    uuid = _uuid(vault, actor)
    assert _versions(vault, uuid) == {}  # a new record: the empty version everywhere

    actors.update_actor(vault, actor, NOW, country="Jordan", cadence_days=10)
    first = _versions(vault, uuid)
    actors.update_actor(vault, actor, NOW, country="Lebanon")
    second = _versions(vault, uuid)

    assert set(first) == {"country"}  # cadence is the practitioner's own: never shared
    assert clocks.compare(first["country"], second["country"]) == "newer"


def test_undoing_an_actor_merge_versions_what_it_writes_with_core_statements(vault: Vault) -> None:
    survivor = actors.create_actor(vault, NewActor("Samir Khoury", country="Jordan"), NOW).id
    other = actors.create_actor(vault, NewActor("Samir Khouri", country="Syria"), NOW).id
    plan = merge.merge_actors(vault, survivor, other, {"country": other}, NOW)
    after_merge = _versions(vault, _uuid(vault, survivor))

    merge.unmerge(vault, plan)

    assert (
        clocks.compare(after_merge["country"], _versions(vault, _uuid(vault, survivor))["country"])
        == "newer"
    )


def test_removing_a_participant_leaves_a_tombstone(vault: Vault) -> None:
    process = processes.create_process(vault, "Valley water talks")
    actor = actors.create_actor(vault, NewActor("Amal Haddad"), NOW).id
    info = processes.add_participant(vault, process.id, actor, ParticipationRole.CONVENOR)
    participation = info.participants[0]
    with vault.transaction() as session:
        uuid = session.execute(
            sa.text("SELECT uuid FROM participations WHERE id = :id"),
            {"id": participation.participation_id},
        ).scalar_one()

    processes.remove_participant(vault, participation.participation_id)

    with vault.transaction() as session:
        tombstone = session.get(Tombstone, uuid)
    assert tombstone is not None
    assert tombstone.table_name == "participations"


def test_setting_a_relationship_versions_its_foreign_key(vault: Vault) -> None:
    process = processes.create_process(vault, "Valley water talks")
    actor = actors.create_actor(vault, NewActor("Amal Haddad"), NOW).id
    info = processes.add_participant(vault, process.id, actor, ParticipationRole.PARTY)
    info = processes.add_side(vault, process.id, "Upstream")
    participation = info.participants[0].participation_id
    with vault.transaction() as session:
        uuid = session.execute(
            sa.text("SELECT uuid FROM participations WHERE id = :id"), {"id": participation}
        ).scalar_one()

    processes.set_participant_side(vault, participation, info.sides[0].id)

    assert set(_versions(vault, uuid)) == {"side_id"}
