"""Relationships: ties between two actors (knows, trusts, family, rival, ...)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from contactkeeper import i18n, records
from contactkeeper.errors import InvalidRecord
from contactkeeper.i18n import N_, _
from contactkeeper.records import NameRule, display_names
from contactkeeper.records.reading import read_connection
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, Relationship, RelationshipKind, Sensitivity

# How each kind of tie reads between two names: "Karim Nassar can introduce Layla Haddad"
# (marked here, translated in :func:`sentence`).
SENTENCES = {
    # Translators: a tie between two actors; {a} and {b} are their names.
    RelationshipKind.KNOWS: N_("{a} knows {b}"),
    RelationshipKind.TRUSTS: N_("{a} trusts {b}"),
    RelationshipKind.FAMILY: N_("{a} is family of {b}"),
    RelationshipKind.RIVAL: N_("{a} is a rival of {b}"),
    RelationshipKind.ALLIED: N_("{a} is allied with {b}"),
    RelationshipKind.REPORTS_TO: N_("{a} reports to {b}"),
    RelationshipKind.CAN_INTRODUCE: N_("{a} can introduce {b}"),
}


def sentence(kind: RelationshipKind, from_name: str, to_name: str) -> str:
    """The tie as a sentence, in its direction: ``Karim Nassar can introduce Layla Haddad``."""
    return _(SENTENCES[RelationshipKind(kind)]).format(
        a=i18n.isolate(from_name), b=i18n.isolate(to_name)
    )


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

    def sentence(self, name: NameRule | None = None) -> str:
        """How the tie reads, in its direction; ``name`` is the rule for names shown
        (the GUI's privacy rule), display names without it."""
        rule = name or display_names
        return sentence(
            self.kind,
            rule(self.from_actor_id, self.from_name, self.from_codename, self.from_sensitivity),
            rule(self.to_actor_id, self.to_name, self.to_codename, self.to_sensitivity),
        )


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
        raise InvalidRecord(_("Relationship"), _("an actor cannot be tied to themselves"))
    records.date_span(started_on, ended_on)
    with vault.transaction() as session:
        relationship = Relationship(
            from_actor=records.fetch(session, Actor, from_actor_id, "actor"),
            to_actor=records.fetch(session, Actor, to_actor_id, "actor"),
            kind=RelationshipKind(kind),
            strength=records.scale(_("Strength"), strength),
            confidence=records.scale(_("Confidence"), confidence),
            started_on=started_on,
            ended_on=ended_on,
            source=records.text(_("Source"), source, max_length=2000),
        )
        session.add(relationship)
        session.flush()
        return _info(relationship)


# The fields ``update_relationship`` may change.
RELATIONSHIP_FIELDS = frozenset(
    {
        "from_actor_id",
        "to_actor_id",
        "kind",
        "strength",
        "confidence",
        "started_on",
        "ended_on",
        "source",
    }
)


def update_relationship(vault: Vault, relationship_id: int, **changes: Any) -> RelationshipInfo:
    """Change the named fields of a tie (see ``RELATIONSHIP_FIELDS``); the others stay as
    they are. Swapping ``from_actor_id`` and ``to_actor_id`` turns the tie around."""
    unknown = set(changes) - RELATIONSHIP_FIELDS
    if unknown:
        raise ValueError(f"relationships have no field {sorted(unknown)[0]!r}")
    with vault.transaction() as session:
        relationship = records.fetch(session, Relationship, relationship_id, "relationship")
        from_id = changes.get("from_actor_id", relationship.from_actor_id)
        to_id = changes.get("to_actor_id", relationship.to_actor_id)
        if from_id == to_id:
            raise InvalidRecord(_("Relationship"), _("an actor cannot be tied to themselves"))
        records.date_span(
            changes.get("started_on", relationship.started_on),
            changes.get("ended_on", relationship.ended_on),
        )
        # Both actors are read before either is set: a flush between would see a tie
        # from someone to themselves.
        from_actor = records.fetch(session, Actor, from_id, "actor")
        to_actor = records.fetch(session, Actor, to_id, "actor")
        relationship.from_actor, relationship.to_actor = from_actor, to_actor
        if "kind" in changes:
            relationship.kind = RelationshipKind(changes["kind"])
        if "strength" in changes:
            relationship.strength = records.scale(_("Strength"), changes["strength"])
        if "confidence" in changes:
            relationship.confidence = records.scale(_("Confidence"), changes["confidence"])
        if "started_on" in changes:
            relationship.started_on = changes["started_on"]
        if "ended_on" in changes:
            relationship.ended_on = changes["ended_on"]
        if "source" in changes:
            relationship.source = records.text(_("Source"), changes["source"], max_length=2000)
        session.flush()
        return _info(relationship)


def get_relationship(vault: Vault, relationship_id: int) -> RelationshipInfo:
    with vault.transaction() as session:
        return _info(records.fetch(session, Relationship, relationship_id, "relationship"))


def relationships_of(vault: Vault, actor_id: int) -> list[RelationshipInfo]:
    """Every tie from or to the actor."""
    with read_connection(vault) as conn:
        return [_row_info(row) for row in conn.execute(_TIES_OF, {"actor_id": actor_id})]


def relationships_among(vault: Vault, actor_ids: Iterable[int]) -> list[RelationshipInfo]:
    """Every tie from or to any of these actors (the members of an organization)."""
    wanted = sorted(set(actor_ids))
    if not wanted:
        return []
    with read_connection(vault) as conn:
        return [_row_info(row) for row in conn.execute(_TIES_AMONG, {"actor_ids": wanted})]


def _ties(where: sa.ColumnElement[bool]) -> sa.Select[*tuple[Any, ...]]:
    """Ties with both ends' names: one statement, no ORM object."""
    return (
        sa.select(
            Relationship.id,
            Relationship.uuid,
            Relationship.from_actor_id,
            _FROM.display_name.label("from_name"),
            _FROM.codename.label("from_codename"),
            Relationship.to_actor_id,
            _TO.display_name.label("to_name"),
            _TO.codename.label("to_codename"),
            Relationship.kind,
            Relationship.strength,
            Relationship.confidence,
            Relationship.started_on,
            Relationship.ended_on,
            Relationship.source,
            _FROM.sensitivity.label("from_sensitivity"),
            _TO.sensitivity.label("to_sensitivity"),
        )
        .join(_FROM, _FROM.id == Relationship.from_actor_id)
        .join(_TO, _TO.id == Relationship.to_actor_id)
        .where(where)
        .order_by(Relationship.id)
    )


_FROM = aliased(Actor, name="from_actor")
_TO = aliased(Actor, name="to_actor")
_TIES_OF = _ties(
    sa.or_(
        Relationship.from_actor_id == sa.bindparam("actor_id"),
        Relationship.to_actor_id == sa.bindparam("actor_id"),
    )
)
_TIES_AMONG = _ties(
    sa.or_(
        Relationship.from_actor_id.in_(sa.bindparam("actor_ids", expanding=True)),
        Relationship.to_actor_id.in_(sa.bindparam("actor_ids", expanding=True)),
    )
)


def _row_info(row: sa.Row[*tuple[Any, ...]]) -> RelationshipInfo:
    return RelationshipInfo(*row)  # the columns of _ties, in the result's order


def delete_relationship(vault: Vault, relationship_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, Relationship, relationship_id, "relationship"))


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
