"""Relationships: ties between two actors (knows, trusts, family, rival, ...)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from contactkeeper import records
from contactkeeper.errors import InvalidRecord
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, Relationship, RelationshipKind, Sensitivity


@dataclass(frozen=True)
class RelationshipInfo:
    id: int
    uuid: str
    from_actor_id: int
    from_name: str
    from_codename: str
    to_actor_id: int
    to_name: str
    to_codename: str
    kind: RelationshipKind
    strength: int
    confidence: int
    started_on: date | None
    ended_on: date | None
    source: str
    from_sensitivity: Sensitivity
    to_sensitivity: Sensitivity


def add_relationship(
    vault: Vault,
    from_actor_id: int,
    to_actor_id: int,
    kind: RelationshipKind,
    *,
    strength: int = 3,
    confidence: int = 3,
    started_on: date | None = None,
    ended_on: date | None = None,
    source: str = "",
) -> RelationshipInfo:
    if from_actor_id == to_actor_id:
        raise InvalidRecord("Relationship", "an actor cannot be tied to themselves")
    records.date_span(started_on, ended_on)
    with vault.transaction() as session:
        relationship = Relationship(
            from_actor=records.fetch(session, Actor, from_actor_id, "actor"),
            to_actor=records.fetch(session, Actor, to_actor_id, "actor"),
            kind=RelationshipKind(kind),
            strength=records.scale("Strength", strength),
            confidence=records.scale("Confidence", confidence),
            started_on=started_on,
            ended_on=ended_on,
            source=records.text("Source", source, max_length=2000),
        )
        session.add(relationship)
        session.flush()
        return _info(relationship)


def update_relationship(
    vault: Vault,
    relationship_id: int,
    kind: RelationshipKind,
    *,
    strength: int,
    confidence: int,
    started_on: date | None,
    ended_on: date | None,
    source: str,
) -> RelationshipInfo:
    records.date_span(started_on, ended_on)
    with vault.transaction() as session:
        relationship = records.fetch(session, Relationship, relationship_id, "relationship")
        relationship.kind = RelationshipKind(kind)
        relationship.strength = records.scale("Strength", strength)
        relationship.confidence = records.scale("Confidence", confidence)
        relationship.started_on = started_on
        relationship.ended_on = ended_on
        relationship.source = records.text("Source", source, max_length=2000)
        session.flush()
        return _info(relationship)


def relationships_of(vault: Vault, actor_id: int) -> list[RelationshipInfo]:
    """Every tie from or to the actor."""
    with vault.transaction() as session:
        rows = session.scalars(
            sa.select(Relationship)
            .where(
                sa.or_(Relationship.from_actor_id == actor_id, Relationship.to_actor_id == actor_id)
            )
            .options(
                selectinload(Relationship.from_actor).load_only(*_NAMES),
                selectinload(Relationship.to_actor).load_only(*_NAMES),
            )
            .order_by(Relationship.id)
        )
        return [_info(r) for r in rows]


def delete_relationship(vault: Vault, relationship_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, Relationship, relationship_id, "relationship"))


_NAMES = (Actor.display_name, Actor.codename, Actor.sensitivity)


def _info(r: Relationship) -> RelationshipInfo:
    return RelationshipInfo(
        id=r.id,
        uuid=r.uuid,
        from_actor_id=r.from_actor_id,
        from_name=r.from_actor.display_name,
        from_codename=r.from_actor.codename,
        to_actor_id=r.to_actor_id,
        to_name=r.to_actor.display_name,
        to_codename=r.to_actor.codename,
        kind=r.kind,
        strength=r.strength,
        confidence=r.confidence,
        started_on=r.started_on,
        ended_on=r.ended_on,
        source=r.source,
        from_sensitivity=r.from_actor.sensitivity,
        to_sensitivity=r.to_actor.sensitivity,
    )
