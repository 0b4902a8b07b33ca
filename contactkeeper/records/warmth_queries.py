"""Warmth in queries: the arithmetic of :mod:`contactkeeper.records.warmth` as SQL
expressions, for lists that filter and sort in the database (a test holds the two equal),
and the contact history the sentence of :func:`~contactkeeper.records.warmth.explain` names.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from contactkeeper import records
from contactkeeper.records.warmth import LIGHT_CREDIT, MAX_FACTOR, SUBSTANTIVE_KINDS, History
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    ChannelHop,
    Interaction,
    InteractionKind,
    InteractionParticipant,
)

NEVER = 1e9  # what the SQL expressions give an actor never contacted


def elapsed(now: datetime) -> sa.ColumnElement[float]:
    """Days since the last contact once light contacts are discounted, in SQL (see
    :mod:`contactkeeper.records.warmth`); NULL when never contacted. Reads only the columns
    of the covering index ``ix_actors_warmth``."""
    now_jd = sa.func.julianday(sa.literal(records.stored(now)))
    light = sa.func.julianday(Actor.last_contact_at) - Actor.cadence_days * LIGHT_CREDIT
    substantive = sa.func.julianday(Actor.last_substantive_at)
    effective = sa.func.max(sa.func.coalesce(substantive, light), light)
    return now_jd - effective


def maximum() -> sa.ColumnElement[int]:
    """The maximum interval in SQL (:func:`contactkeeper.records.warmth.maximum_of`)."""
    chosen = sa.func.coalesce(Actor.max_interval_days, Actor.cadence_days * MAX_FACTOR)
    return sa.func.max(chosen, Actor.cadence_days)


def urgency(now: datetime) -> sa.ColumnElement[float]:
    """The elapsed time over the ideal interval, in SQL; never contacted = 1e9. Past 1, the
    actor is no longer warm (from the covering index alone)."""
    return sa.func.coalesce(elapsed(now) / Actor.cadence_days, NEVER)


def past_maximum(now: datetime) -> sa.ColumnElement[float]:
    """Days past the maximum interval (negative: days left), in SQL; never contacted = 1e9.
    Positive: cold. How Today and the actors list rank who to reach first."""
    return sa.func.coalesce(elapsed(now) - maximum(), NEVER)


def warmth_histories(vault: Vault, actor_ids: Collection[int]) -> dict[int, History]:
    """What :func:`contactkeeper.records.warmth.explain` names for each actor: the kind and
    day of their last substantive contact, and the light contacts since, newest first (a
    contact carried as an intermediary counts as word passed through one). Three queries
    for all of them, over the timeline index: for the rows a page shows, not whole lists."""
    ids = sorted(set(actor_ids))
    if not ids:
        return {}
    with vault.transaction() as session:
        # The latest substantive contact of each (SQLite gives the row of the max()).
        last: dict[int, tuple[InteractionKind, datetime]] = {}
        for actor_id, kind, when in session.execute(
            sa.select(
                InteractionParticipant.actor_id,
                Interaction.kind,
                sa.func.max(InteractionParticipant.occurred_at),
            )
            .join(Interaction, Interaction.id == InteractionParticipant.interaction_id)
            .where(
                InteractionParticipant.actor_id.in_(ids),
                Interaction.kind.in_(SUBSTANTIVE_KINDS),
            )
            .group_by(InteractionParticipant.actor_id)
        ):
            if when is not None:
                last[actor_id] = (InteractionKind(kind), _as_utc(when))

        def since(column: Any, actor_id: int) -> sa.ColumnElement[bool]:
            found = last.get(actor_id)
            return (
                column == actor_id
                if found is None
                else sa.and_(column == actor_id, Interaction.occurred_at > found[1])
            )

        light: dict[int, list[tuple[datetime, InteractionKind]]] = {i: [] for i in ids}
        took_part = (
            sa.select(InteractionParticipant.actor_id, Interaction.kind, Interaction.occurred_at)
            .join(Interaction, Interaction.id == InteractionParticipant.interaction_id)
            .where(Interaction.kind.not_in(SUBSTANTIVE_KINDS))
            .where(sa.or_(*(since(InteractionParticipant.actor_id, i) for i in ids)))
        )
        carried = (
            sa.select(ChannelHop.intermediary_id, Interaction.kind, Interaction.occurred_at)
            .join(Interaction, Interaction.channel_id == ChannelHop.channel_id)
            .where(sa.or_(*(since(ChannelHop.intermediary_id, i) for i in ids)))
            .where(
                ~sa.exists().where(
                    InteractionParticipant.interaction_id == Interaction.id,
                    InteractionParticipant.actor_id == ChannelHop.intermediary_id,
                )
            )
        )
        for actor_id, kind, when in session.execute(took_part):
            light[actor_id].append((_as_utc(when), InteractionKind(kind)))
        for actor_id, _kind, when in session.execute(carried):
            light[actor_id].append((_as_utc(when), InteractionKind.VIA_INTERMEDIARY))
    return {
        i: History(
            substantive_kind=last[i][0] if i in last else None,
            substantive_on=last[i][1].astimezone().date() if i in last else None,
            light_since=tuple(
                kind for _, kind in sorted(light[i], key=lambda x: x[0], reverse=True)
            ),
        )
        for i in ids
    }


def _as_utc(value: datetime | str) -> datetime:
    """A stored time as an aware UTC datetime (an aggregate comes back as text)."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
