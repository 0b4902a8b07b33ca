"""Bulk paths leave the search index and the contact summaries as the services would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from contactkeeper.records import bulk, interactions, search
from contactkeeper.records.bulk import NewInteraction
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    Channel,
    ChannelKind,
    Interaction,
    InteractionKind,
    NameVariant,
    Organization,
)

T0 = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)


def _two_actors(vault: Vault) -> list[int]:
    with vault.transaction() as session:
        ids = bulk.insert(
            session,
            Actor,
            [
                {"display_name": "Karim Nassar", "codename": "AMBER HERON", "notes": "fisheries"},
                {"display_name": "Юлия Орлова", "codename": "SLATE WREN"},
            ],
        )
        bulk.insert(session, NameVariant, [{"actor_id": ids[0], "name": "كريم نصار"}])
    return ids


def test_bulk_actors_are_found_by_name_variant_and_note(vault: Vault) -> None:
    karim, yulia = _two_actors(vault)
    assert [h.id for h in search.search(vault, "كريم", kinds=("actor",))] == [karim]
    assert [h.id for h in search.search(vault, "fisher", kinds=("actor",))] == [karim]
    assert [h.id for h in search.search(vault, "юли", kinds=("actor",))] == [yulia]


def test_bulk_organizations_are_indexed(vault: Vault) -> None:
    with vault.transaction() as session:
        (org,) = bulk.insert(session, Organization, [{"name": "Coastal Fishers Union"}])
    assert [h.id for h in search.search(vault, "coastal", kinds=("organization",))] == [org]


def test_bulk_interactions_fold_in_the_same_summaries_as_a_recompute(vault: Vault) -> None:
    karim, yulia = _two_actors(vault)
    with vault.transaction() as session:
        (channel,) = bulk.insert(session, Channel, [{"actor_id": karim, "kind": ChannelKind.PHONE}])
        bulk.add_interactions(
            session,
            [
                NewInteraction(T0, InteractionKind.MEETING, [karim, yulia], summary="harbour"),
                NewInteraction(
                    T0 + timedelta(days=9), InteractionKind.MESSAGE, [karim], channel_id=channel
                ),
                NewInteraction(T0 - timedelta(days=3), InteractionKind.CALL, [yulia]),
            ],
        )
    with vault.transaction() as session:
        folded = session.execute(
            sa.select(Actor.id, Actor.last_contact_at, Actor.last_substantive_at).order_by(Actor.id)
        ).all()
        used = session.scalar(sa.select(Channel.last_used_at))
        interactions.recompute_summaries(session, [karim, yulia], [channel])
        session.flush()
        recomputed = session.execute(
            sa.select(Actor.id, Actor.last_contact_at, Actor.last_substantive_at).order_by(Actor.id)
        ).all()
    assert folded == recomputed
    assert folded[0] == (karim, T0 + timedelta(days=9), T0)
    assert used == T0 + timedelta(days=9)
    assert [h.kind for h in search.search(vault, "harbour")] == ["interaction"]


def test_refresh_summaries_recomputes_after_interactions_are_removed(vault: Vault) -> None:
    karim, _ = _two_actors(vault)
    with vault.transaction() as session:
        first, second = bulk.add_interactions(
            session,
            [
                NewInteraction(T0, InteractionKind.CALL, [karim]),
                NewInteraction(T0 + timedelta(days=5), InteractionKind.CALL, [karim]),
            ],
        )
        session.execute(sa.delete(Interaction).where(Interaction.id == second))
        bulk.refresh_summaries(session, [karim], [])
        assert session.scalar(sa.select(Actor.last_contact_at).where(Actor.id == karim)) == T0
        bulk.refresh_summaries(session)
        assert session.scalar(sa.select(Actor.last_contact_at).where(Actor.id == karim)) == T0
    assert first


def test_interactions_cannot_bypass_the_summaries(vault: Vault) -> None:
    with vault.transaction() as session, pytest.raises(ValueError, match="add_interactions"):
        bulk.insert(session, Interaction, [{"occurred_at": T0, "kind": InteractionKind.CALL}])
