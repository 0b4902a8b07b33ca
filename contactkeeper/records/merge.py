"""Merging two actors that are one person (found, say, by the "Possible duplicates" view).

:func:`merge_actors` keeps one actor, the survivor, and moves everything recorded about the
other to it, in one transaction:

- names: the other's display name and name variants become the survivor's name variants
  (a name the survivor already has is not repeated); tags are joined; the other's notes
  are added to the survivor's, under a line that says where they came from;
- interactions (as a participant), channels (theirs, and the hops where they are the
  intermediary), relationships (either end), affiliations, process participations,
  readiness cues (about them, or reported by them), follow-ups, event invitations and
  transfers (to them) now name the survivor;
- what would then say the same thing twice or name the survivor twice is dropped: a
  relationship between the two, a hop through the survivor on the survivor's own channel,
  a second participation in the same process and role, a second invitation to the same
  event, the other's place among the participants of an interaction both took part in;
- the other actor is then deleted, the survivor's contact summaries recomputed from the
  history, and the survivor's row of the search index rewritten (its new name variants).

Nothing is lost but those repetitions; the survivor keeps its own codename, sensitivity,
cadence and every field it has.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from contactkeeper import records
from contactkeeper.errors import InvalidRecord
from contactkeeper.records import bulk
from contactkeeper.vault import Vault, changes, search_index
from contactkeeper.vault.model import (
    Actor,
    Affiliation,
    Channel,
    ChannelHop,
    FollowUp,
    Interaction,
    InteractionParticipant,
    Invitation,
    NameVariant,
    Participation,
    ReadinessCue,
    Relationship,
    Transfer,
)

MERGED_NOTE = "merged"


def merge_actors(vault: Vault, survivor_id: int, other_id: int) -> None:
    """Move everything about actor ``other_id`` to ``survivor_id`` and delete the other
    (see the module's description)."""
    if survivor_id == other_id:
        raise InvalidRecord("Actor", "an actor cannot be merged with itself")
    with vault.transaction() as session:
        survivor = records.fetch(session, Actor, survivor_id, "actor")
        other = records.fetch(session, Actor, other_id, "actor")
        _names(survivor, other)
        survivor.tags = sorted({*survivor.tags, *other.tags}, key=lambda t: t.name)
        if other.notes.strip() and other.notes.strip() not in survivor.notes:
            joined = f"From “{other.display_name}”, merged:\n{other.notes.strip()}"
            survivor.notes = f"{survivor.notes.rstrip()}\n\n{joined}".strip()
        _participants(session, survivor_id, other_id)
        _records(session, survivor_id, other_id)
        session.flush()
        session.expire(other)
        session.delete(other)
        session.flush()
        bulk.refresh_summaries(session, actor_ids=[survivor_id])
        search_index.reindex(session, "actor", [survivor_id])


def _names(survivor: Actor, other: Actor) -> None:
    held = {survivor.display_name.casefold()}
    held |= {v.name.casefold() for v in survivor.name_variants}
    for name, script, note in (
        (other.display_name, "", MERGED_NOTE),
        *((v.name, v.script, v.note) for v in other.name_variants),
    ):
        if name.casefold() not in held:
            held.add(name.casefold())
            survivor.name_variants.append(NameVariant(name=name, script=script, note=note))


def _participants(session: Session, survivor_id: int, other_id: int) -> None:
    """The other's places among interactions' participants become the survivor's, but
    where the survivor took part too."""
    links = sa.table(
        InteractionParticipant.__tablename__, sa.column("interaction_id"), sa.column("actor_id")
    )
    both = sa.select(links.c.interaction_id).where(links.c.actor_id == survivor_id)
    touched = list(
        session.scalars(sa.select(links.c.interaction_id).where(links.c.actor_id == other_id))
    )
    session.execute(
        sa.update(links)
        .where(links.c.actor_id == other_id, links.c.interaction_id.not_in(both))
        .values(actor_id=survivor_id)
    )
    session.execute(sa.delete(links).where(links.c.actor_id == other_id))
    changes.note(session, Interaction, touched)


def _records(session: Session, survivor_id: int, other_id: int) -> None:
    """Every record that names the other now names the survivor (repetitions dropped)."""
    moves: list[tuple[Any, str]] = [
        (Channel, "actor_id"),
        (Affiliation, "actor_id"),
        (ReadinessCue, "actor_id"),
        (ReadinessCue, "reported_by_id"),
        (FollowUp, "actor_id"),
        (Transfer, "recipient_actor_id"),
    ]
    for model, column in moves:
        for record in session.scalars(sa.select(model).where(getattr(model, column) == other_id)):
            setattr(record, column, survivor_id)
    for hop in session.scalars(sa.select(ChannelHop).where(ChannelHop.intermediary_id == other_id)):
        channel = session.get(Channel, hop.channel_id)
        if channel is not None and channel.actor_id in (survivor_id, other_id):
            session.delete(hop)  # the survivor reached through the survivor
        else:
            hop.intermediary_id = survivor_id
    for tie in session.scalars(
        sa.select(Relationship).where(
            sa.or_(Relationship.from_actor_id == other_id, Relationship.to_actor_id == other_id)
        )
    ):
        ends = {tie.from_actor_id, tie.to_actor_id}
        if ends == {survivor_id, other_id}:
            session.delete(tie)
            continue
        if tie.from_actor_id == other_id:
            tie.from_actor_id = survivor_id
        if tie.to_actor_id == other_id:
            tie.to_actor_id = survivor_id
    held_roles = {
        (process_id, role)
        for process_id, role in session.execute(
            sa.select(Participation.process_id, Participation.role).where(
                Participation.actor_id == survivor_id
            )
        )
    }
    for participation in session.scalars(
        sa.select(Participation).where(Participation.actor_id == other_id)
    ):
        if (participation.process_id, participation.role) in held_roles:
            session.delete(participation)
        else:
            participation.actor_id = survivor_id
    invited = set(
        session.scalars(sa.select(Invitation.event_id).where(Invitation.actor_id == survivor_id))
    )
    for invitation in session.scalars(sa.select(Invitation).where(Invitation.actor_id == other_id)):
        if invitation.event_id in invited:
            session.delete(invitation)
        else:
            invitation.actor_id = survivor_id
