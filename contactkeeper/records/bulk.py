"""Bulk paths: many records at once, inside the caller's unit of work, kept as right as one by one.

The services write one record at a time through the ORM, and the search index and the
contact summaries follow each flush. A large load (the benchmark vault, an import of
thousands of cards) would spend minutes in the unit of work, so these functions insert in
batches with Core statements and then do, once per batch, what the one-by-one path does per
record:

- the rows of the search index of every record written (:func:`search_index.reindex`);
- the contact summaries (``actors.last_contact_at``, ``actors.last_substantive_at``,
  ``channels.last_used_at``) of every actor and channel an interaction touched (the
  intermediaries on its channel included, as a light contact), folded in with set-based
  SQL, never by scanning the history;
- the kinds and ids of what they wrote, for whoever records the unit of work's changes
  (:func:`changes.note`; the flush hook sees only ORM objects).

They trust their caller for what the services check by hand (text lengths, scales): the
database still checks foreign keys, enumerations and its constraints.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.orm import Session

from contactkeeper import i18n, records
from contactkeeper.errors import InvalidRecord
from contactkeeper.i18n import _
from contactkeeper.records.actors import _CODE_ADJECTIVES, _CODE_NOUNS, NewActor
from contactkeeper.records.warmth import SUBSTANTIVE_KINDS, ideal_of
from contactkeeper.vault import changes, search_index
from contactkeeper.vault.model import (
    Actor,
    ActorStatus,
    ActorTag,
    Base,
    Channel,
    ChannelHop,
    Event,
    EventOutcome,
    Interaction,
    InteractionKind,
    InteractionParticipant,
    NameVariant,
    Organization,
    Process,
    Register,
    Sensitivity,
    Tag,
    Tier,
    Transfer,
    UTCDateTime,
)

BATCH: Final = 5_000

# Records with a row of their own in the search index, by kind.
_INDEXED_KINDS: Final[dict[type[Base], str]] = {
    Actor: "actor",
    Organization: "organization",
    Process: "process",
    Event: "event",
    Transfer: "transfer",
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
    changes.note_rows(session, table, rows, new_ids=ids if has_id else None)
    kind = _INDEXED_KINDS.get(model)
    if index and kind is not None:
        search_index.reindex(session, kind, ids)
    elif index and model in _ACTOR_PARTS:
        search_index.reindex(session, "actor", {int(row["actor_id"]) for row in rows})
    elif index and model is EventOutcome:  # an outcome's words are its event's
        search_index.reindex(session, "event", {int(row["event_id"]) for row in rows})
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


def actor_row(new: NewActor) -> dict[str, Any]:
    """The ``actors`` row :func:`actors.add_actor` writes for ``new``, checked as it checks
    (``InvalidRecord``), without the codename (see :func:`add_actors`)."""
    return {
        "display_name": records.name(_("Name"), new.display_name, max_length=300, required=True),
        "sensitivity": Sensitivity(new.sensitivity),
        "cadence_days": records.positive(
            _("Cadence (days)"),
            ideal_of(new.tier) if new.cadence_days is None else new.cadence_days,
        ),
        "tier": Tier(new.tier),
        "max_interval_days": (
            None
            if new.max_interval_days is None
            else records.positive(_("Maximum interval (days)"), new.max_interval_days)
        ),
        "snoozed_until": new.snoozed_until,
        "status": ActorStatus(new.status),
        "country": records.name(_("Country"), new.country, max_length=100),
        "languages": records.name(_("Languages"), new.languages, max_length=200),
        "notes": records.text(_("Notes"), new.notes, max_length=100_000),
    }


def add_actors(
    session: Session,
    new: Sequence[NewActor],
    variants: Sequence[Sequence[tuple[str, str]]] = (),
) -> list[int]:
    """Create actors as :func:`actors.add_actor` does, with their tags and name variants;
    return their ids, in order.

    Each is checked as ``add_actor`` checks it (``InvalidRecord``). A codename asked for
    must be free in the vault and in ``new``; the others get a new one, chosen as
    ``add_actor`` chooses it, from the vault's codenames read once and those of this batch
    reserved in memory. ``variants[i]``, if given, are more (name, script) variants of
    ``new[i]``, written as given. Tags are found or created once each. The actors' index
    rows are written once, when everything else is.
    """
    if not new:
        return []
    session.flush()
    conn = session.connection()
    rows: list[dict[str, Any]] = []
    wanted: list[str | None] = []
    for item in new:
        rows.append(actor_row(item))
        if item.codename is not None and item.codename.strip():
            wanted.append(records.name(_("Codename"), item.codename, max_length=100).upper())
        else:
            wanted.append(None)
    taken = set(conn.execute(sa.select(Actor.codename)).scalars())
    for codename in wanted:
        if codename is not None:
            if codename in taken:
                raise InvalidRecord(
                    _("Codename"),
                    _("{codename} is already used by another actor").format(
                        codename=i18n.isolate(codename)
                    ),
                )
            taken.add(codename)  # also keeps the new ones below from taking it
    for row, codename in zip(rows, wanted, strict=True):
        if codename is None:
            codename = _free_codename(taken)
            taken.add(codename)
        row["codename"] = codename
    tags_of = [
        sorted({records.name(_("Tag"), n, max_length=100) for n in item.tags} - {""})
        for item in new
    ]
    variant_rows: list[list[dict[str, Any]]] = [
        [
            {
                "name": records.name(_("Name variant"), name, max_length=300, required=True),
                "script": "",
            }
            for name in item.name_variants
        ]
        for item in new
    ]
    for extra, more in zip(variant_rows, variants, strict=False):
        extra += [{"name": name, "script": script} for name, script in more]
    ids = insert(session, Actor, rows, index=False)
    insert(
        session,
        NameVariant,
        [
            {"actor_id": actor_id, **variant}
            for actor_id, extra in zip(ids, variant_rows, strict=True)
            for variant in extra
        ],
        index=False,
    )
    tag_ids = _tag_ids(session, {name for names in tags_of for name in names})
    insert(
        session,
        ActorTag,
        [
            {"actor_id": actor_id, "tag_id": tag_ids[name]}
            for actor_id, names in zip(ids, tags_of, strict=True)
            for name in names
        ],
        index=False,
    )
    search_index.reindex(session, "actor", ids)
    return ids


def _free_codename(taken: set[str]) -> str:
    """As ``actors._codename`` picks one: ten plain pairs, then ten numbered ones, the
    first not in ``taken``."""
    for _attempt in range(5):
        pairs = [
            f"{secrets.choice(_CODE_ADJECTIVES)} {secrets.choice(_CODE_NOUNS)}" for _ in range(20)
        ]
        candidates = pairs[:10] + [f"{p} {secrets.randbelow(900) + 100}" for p in pairs[10:]]
        for codename in candidates:
            if codename not in taken:
                return codename
    while (codename := f"ACTOR {secrets.token_hex(3).upper()}") in taken:
        pass
    return codename


def _tag_ids(session: Session, names: Iterable[str]) -> dict[str, int]:
    """The ids of the tags named, created where there is none yet."""
    wanted = sorted(set(names))
    found: dict[str, int] = {}
    conn = session.connection()
    for batch in _batches(wanted, 500):
        found.update(
            (name, tag_id)
            for tag_id, name in conn.execute(sa.select(Tag.id, Tag.name).where(Tag.name.in_(batch)))
        )
    missing = [name for name in wanted if name not in found]
    found.update(zip(missing, insert(session, Tag, [{"name": n} for n in missing]), strict=True))
    return found


def add_interactions(session: Session, new: Sequence[NewInteraction]) -> list[int]:
    """Insert interactions with their participants; index them and fold in the summaries.

    Like :func:`contactkeeper.records.interactions.log_interaction`, each contact can only make a
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
    changes.note(session, Interaction, ids)
    search_index.reindex(session, "interaction", ids)
    _fold_in_summaries(session, new)
    return ids


def _later(current: datetime | None, candidate: datetime) -> datetime:
    return candidate if current is None or candidate > current else current


def _fold_in_summaries(session: Session, new: Iterable[NewInteraction]) -> None:
    conn = session.connection()
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
    # Whoever carried a contact over an indirect channel: a light contact (warmth.py).
    hops = _table(ChannelHop)
    for batch in _batches(sorted(channels), 500):
        for channel_id, intermediary_id in conn.execute(
            sa.select(hops.c.channel_id, hops.c.intermediary_id).where(hops.c.channel_id.in_(batch))
        ):
            last[intermediary_id] = _later(last.get(intermediary_id), channels[channel_id])
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
    changes.note(session, Actor, last)
    if channels:
        table = _table(Channel)
        when_used = sa.bindparam("b_used", type_=UTCDateTime())
        conn.execute(
            table.update()
            .where(table.c.id == sa.bindparam("b_id"))
            .values(last_used_at=_max_of(table.c.last_used_at, when_used)),
            [{"b_id": channel_id, "b_used": when} for channel_id, when in sorted(channels.items())],
        )
        changes.note(session, Channel, channels)


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
    with one merge, as :func:`search_index.reindex_all` does.
    """
    session.flush()
    search_index.optimize(session.connection())


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
    hops = _table(ChannelHop)
    relayed = (
        sa.select(sa.func.max(interactions.c.occurred_at))
        .select_from(hops.join(interactions, interactions.c.channel_id == hops.c.channel_id))
        .where(hops.c.intermediary_id == actors.c.id)
        .scalar_subquery()
    )
    participated = latest.scalar_subquery()
    statement = actors.update().values(
        # The later of the two, where either may be NULL (SQLite's max() of NULL is NULL).
        last_contact_at=sa.func.max(
            sa.func.coalesce(participated, relayed), sa.func.coalesce(relayed, participated)
        ),
        last_substantive_at=substantive.scalar_subquery(),
    )
    if actor_ids is None:
        conn.execute(statement)
        changes.note(session, Actor)
    else:
        actor_ids = sorted(set(actor_ids))
        for batch in _batches(actor_ids, 500):
            conn.execute(statement.where(actors.c.id.in_(batch)))
        changes.note(session, Actor, actor_ids)
    channels = _table(Channel)
    used = (
        sa.select(sa.func.max(interactions.c.occurred_at))
        .where(interactions.c.channel_id == channels.c.id)
        .scalar_subquery()
    )
    channel_statement = channels.update().values(last_used_at=used)
    if channel_ids is None:
        conn.execute(channel_statement)
        changes.note(session, Channel)
    else:
        channel_ids = sorted(set(channel_ids))
        for batch in _batches(channel_ids, 500):
            conn.execute(channel_statement.where(channels.c.id.in_(batch)))
        changes.note(session, Channel, channel_ids)


__all__ = [
    "BATCH",
    "NewInteraction",
    "actor_row",
    "add_actors",
    "add_interactions",
    "insert",
    "optimize_index",
    "refresh_summaries",
]
