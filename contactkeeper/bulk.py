"""Bulk paths: many records at once, inside the caller's unit of work, kept as right as one by one.

The services write one record at a time through the ORM, and the search index and the
contact summaries follow each flush. A large load (the benchmark vault, an import of
thousands of cards) would spend minutes in the unit of work, so these functions insert in
batches with Core statements and then do, once per batch, what the one-by-one path does per
record:

- the rows of the search index of every record written (:func:`search.reindex`);
- the contact summaries (``actors.last_contact_at``, ``actors.last_substantive_at``,
  ``channels.last_used_at``) of every actor and channel an interaction touched, folded in
  with set-based SQL, never by scanning the history.

They trust their caller for what the services check by hand (text lengths, scales): the
database still checks foreign keys, enumerations and its constraints.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.orm import Session

from contactkeeper import search
from contactkeeper.model import (
    Actor,
    ActorTag,
    Base,
    Channel,
    Interaction,
    InteractionKind,
    InteractionParticipant,
    NameVariant,
    Organization,
    Process,
    Register,
    UTCDateTime,
)
from contactkeeper.warmth import SUBSTANTIVE_KINDS

BATCH: Final = 5_000

# Records with a row of their own in the search index, by kind.
_INDEXED_KINDS: Final[dict[type[Base], str]] = {
    Actor: "actor",
    Organization: "organization",
    Process: "process",
}
# Rows that change an actor's index row (its names or its tags).
_ACTOR_PARTS: Final[tuple[type[Base], ...]] = (NameVariant, ActorTag)
# Rows that only add_interactions may write, because summaries depend on them.
_INTERACTION_PARTS: Final[tuple[type[Base], ...]] = (Interaction, InteractionParticipant)


@dataclass(frozen=True)
class NewInteraction:
    """One interaction of a bulk load; ``participant_ids`` are existing actors."""

    occurred_at: datetime
    kind: InteractionKind
    participant_ids: Sequence[int]
    register: Register = Register.PROFESSIONAL
    summary: str = ""
    channel_id: int | None = None
    process_id: int | None = None


def _batches(rows: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _table(model: type[Base]) -> sa.Table:
    table = model.__table__
    assert isinstance(table, sa.Table)
    return table


def insert(
    session: Session,
    model: type[Base],
    rows: Sequence[Mapping[str, Any]],
    *,
    index: bool = True,
) -> list[int]:
    """Insert ``rows`` (column name to value) of ``model``; return the new ids, in order.

    Columns left out take their defaults (uuid, created and updated times, ...). The search
    index is brought up to date for the records written (or, for name variants and tags,
    for their actors). ``index=False`` skips that, for a caller whose next call in the same
    unit of work re-indexes the same records anyway (actors, then their name variants, then
    their tags: only the last needs to). Interactions and their participants go through
    :func:`add_interactions`, which keeps the contact summaries too.
    """
    if model in _INTERACTION_PARTS:
        raise ValueError("interactions are written with add_interactions (summaries follow)")
    if not rows:
        return []
    session.flush()
    table = _table(model)
    conn = session.connection()
    ids: list[int] = []
    has_id = "id" in table.c
    for batch in _batches(rows):
        complete = _complete(table, batch)
        if has_id:
            statement = table.insert().returning(table.c.id, sort_by_parameter_order=True)
            ids.extend(conn.execute(statement, complete).scalars())
        else:
            conn.execute(table.insert(), complete)
    kind = _INDEXED_KINDS.get(model)
    if index and kind is not None:
        search.reindex(session, kind, ids)
    elif index and model in _ACTOR_PARTS:
        search.reindex(session, "actor", {int(row["actor_id"]) for row in rows})
    return ids


def _complete(table: sa.Table, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows with the same columns each (one statement needs that), defaults filled in."""
    names = {name for row in rows for name in row}
    if all(len(row) == len(names) for row in rows):
        return [dict(row) for row in rows]
    defaults: dict[str, Any] = {}
    for name in names:
        default = table.c[name].default
        if isinstance(default, sa.ColumnDefault):
            defaults[name] = default.arg
        elif table.c[name].nullable:
            defaults[name] = None
    complete = []
    for row in rows:
        filled = dict(row)
        for name in names - filled.keys():
            if name not in defaults:
                raise ValueError(f"{table.name}.{name} has no default; give it in every row")
            value = defaults[name]
            filled[name] = value(None) if callable(value) else value
        complete.append(filled)
    return complete


def add_interactions(session: Session, new: Sequence[NewInteraction]) -> list[int]:
    """Insert interactions with their participants; index them and fold in the summaries.

    Like :func:`contactkeeper.interactions.log_interaction`, each contact can only make a
    participant's or a channel's last contact more recent, so the summaries are updated
    with one ``max`` per actor and channel, without reading any history.
    """
    for item in new:
        if not item.participant_ids:
            raise ValueError("every interaction needs at least one participant")
    if not new:
        return []
    session.flush()
    conn = session.connection()
    interactions = _table(Interaction)
    statement = interactions.insert().returning(interactions.c.id, sort_by_parameter_order=True)
    ids: list[int] = []
    for batch in _batches(new):
        rows = [
            {
                "occurred_at": item.occurred_at,
                "kind": InteractionKind(item.kind),
                "register": Register(item.register),
                "summary": item.summary,
                "channel_id": item.channel_id,
                "process_id": item.process_id,
            }
            for item in batch
        ]
        batch_ids = list(conn.execute(statement, rows).scalars())
        ids.extend(batch_ids)
        links = [
            {"interaction_id": interaction_id, "actor_id": actor_id, "occurred_at": when}
            for interaction_id, item, when in zip(
                batch_ids, batch, (row["occurred_at"] for row in rows), strict=True
            )
            for actor_id in dict.fromkeys(item.participant_ids)
        ]
        conn.execute(_table(InteractionParticipant).insert(), links)
    search.reindex(session, "interaction", ids)
    _fold_in_summaries(conn, new)
    return ids


def _later(current: datetime | None, candidate: datetime) -> datetime:
    return candidate if current is None or candidate > current else current


def _fold_in_summaries(conn: sa.Connection, new: Iterable[NewInteraction]) -> None:
    last: dict[int, datetime] = {}
    substantive: dict[int, datetime] = {}
    channels: dict[int, datetime] = {}
    for item in new:
        when = item.occurred_at
        for actor_id in item.participant_ids:
            last[actor_id] = _later(last.get(actor_id), when)
            if item.kind in SUBSTANTIVE_KINDS:
                substantive[actor_id] = _later(substantive.get(actor_id), when)
        if item.channel_id is not None:
            channels[item.channel_id] = _later(channels.get(item.channel_id), item.occurred_at)
    actors = _table(Actor)
    when_last = sa.bindparam("b_last", type_=UTCDateTime())
    when_substantive = sa.bindparam("b_substantive", type_=UTCDateTime())
    conn.execute(
        actors.update()
        .where(actors.c.id == sa.bindparam("b_id"))
        .values(
            last_contact_at=_max_of(actors.c.last_contact_at, when_last),
            last_substantive_at=_max_of(actors.c.last_substantive_at, when_substantive),
        ),
        [
            {"b_id": actor_id, "b_last": when, "b_substantive": substantive.get(actor_id)}
            for actor_id, when in sorted(last.items())
        ],
    )
    if channels:
        table = _table(Channel)
        when_used = sa.bindparam("b_used", type_=UTCDateTime())
        conn.execute(
            table.update()
            .where(table.c.id == sa.bindparam("b_id"))
            .values(last_used_at=_max_of(table.c.last_used_at, when_used)),
            [{"b_id": channel_id, "b_used": when} for channel_id, when in sorted(channels.items())],
        )


def _max_of(column: sa.Column[Any], candidate: sa.BindParameter[Any]) -> sa.Case[Any]:
    """``candidate`` when it is later than ``column`` (or ``column`` is empty), else ``column``.

    Both sides are stored in SQLAlchemy's one fixed-width text format, so comparing them as
    text compares the moments.
    """
    return sa.case(
        (
            sa.and_(candidate.is_not(None), sa.or_(column.is_(None), column < candidate)),
            candidate,
        ),
        else_=column,
    )


def optimize_index(session: Session) -> None:
    """Merge the search index's segments after a large load (FTS5's ``optimize``).

    Each batch adds segments; a query reads all of them, so a load of many batches ends
    with one merge, as :func:`search.reindex_all` does.
    """
    session.flush()
    search.optimize(session.connection())


def refresh_summaries(
    session: Session,
    actor_ids: Iterable[int] | None = None,
    channel_ids: Iterable[int] | None = None,
) -> None:
    """Recompute contact summaries from the history with set-based SQL (``None``: all).

    For loads that also delete or move interactions (a restore, a merge), where folding in
    is not enough. Uses the participants' actor index and the interactions' channel index.
    """
    session.flush()
    conn = session.connection()
    actors, interactions = _table(Actor), _table(Interaction)
    links = _table(InteractionParticipant)
    latest = (
        sa.select(sa.func.max(interactions.c.occurred_at))
        .select_from(links.join(interactions, interactions.c.id == links.c.interaction_id))
        .where(links.c.actor_id == actors.c.id)
    )
    substantive = latest.where(interactions.c.kind.in_(sorted(SUBSTANTIVE_KINDS)))
    statement = actors.update().values(
        last_contact_at=latest.scalar_subquery(),
        last_substantive_at=substantive.scalar_subquery(),
    )
    if actor_ids is None:
        conn.execute(statement)
    else:
        for batch in _batches(sorted(set(actor_ids)), 500):
            conn.execute(statement.where(actors.c.id.in_(batch)))
    channels = _table(Channel)
    used = (
        sa.select(sa.func.max(interactions.c.occurred_at))
        .where(interactions.c.channel_id == channels.c.id)
        .scalar_subquery()
    )
    channel_statement = channels.update().values(last_used_at=used)
    if channel_ids is None:
        conn.execute(channel_statement)
    else:
        for batch in _batches(sorted(set(channel_ids)), 500):
            conn.execute(channel_statement.where(channels.c.id.in_(batch)))


__all__ = [
    "BATCH",
    "NewInteraction",
    "add_interactions",
    "insert",
    "optimize_index",
    "refresh_summaries",
]
