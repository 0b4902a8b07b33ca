"""Interactions: every dated contact, and the summaries that warmth is derived from.

``log_interaction`` records a contact in one call: its participants (existing actors, or new
ones created inline), the channel used, and optionally a follow-up and a readiness cue. Each
write keeps the participants' ``last_contact_at``/``last_substantive_at`` and the channel's
``last_used_at`` up to date, so that warmth never needs a scan of the history.

A contact made over an indirect channel is also a contact with each intermediary on it (the
channel's hops): it counts for them as a light contact (``last_contact_at`` only, see
:mod:`contactkeeper.records.warmth`), whatever its kind; an intermediary named as a
participant is credited as any participant is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from contactkeeper import records
from contactkeeper.errors import InvalidRecord, RecordNotFound
from contactkeeper.i18n import _
from contactkeeper.records import search
from contactkeeper.records.actors import NewActor, add_actor
from contactkeeper.records.attribution import strictest
from contactkeeper.records.followups import NewFollowUp, add_follow_up
from contactkeeper.records.readiness import NewCue, add_cue
from contactkeeper.records.reading import read_connection
from contactkeeper.records.warmth import SUBSTANTIVE_KINDS
from contactkeeper.vault import Vault, changes, search_index
from contactkeeper.vault.model import (
    Actor,
    AttributionRule,
    Base,
    Channel,
    ChannelHop,
    ChannelKind,
    Event,
    Interaction,
    InteractionEvent,
    InteractionKind,
    InteractionParticipant,
    Process,
    Register,
    Sensitivity,
    UTCDateTime,
    new_uuid,
)

Q = TypeVar("Q", bound="sa.Select[*tuple[Any, ...]]")


@dataclass(frozen=True)
class ParticipantInfo:
    id: int
    display_name: str
    codename: str
    sensitivity: Sensitivity


@dataclass(frozen=True)
class InteractionInfo:
    id: int
    uuid: str
    occurred_at: datetime
    kind: InteractionKind
    register: Register
    summary: str
    participants: tuple[ParticipantInfo, ...]
    channel_id: int | None
    channel_label: str
    process_id: int | None
    process_name: str
    created_ids: tuple[int, ...] = ()  # actors created inline by this call
    attribution: AttributionRule = AttributionRule.ON_RECORD
    unexpected_opening: bool = False


@dataclass(frozen=True)
class JournalFilter:
    actor_id: int | None = None
    process_id: int | None = None
    kind: InteractionKind | None = None
    register: Register | None = None
    since: date | None = None
    until: date | None = None
    text: str = ""  # words the summary must contain (prefixes, any script, any order)


def log_interaction(
    vault: Vault,
    *,
    occurred_at: datetime,
    kind: InteractionKind,
    participants: Sequence[int | NewActor],
    register: Register = Register.PROFESSIONAL,
    summary: str = "",
    channel_id: int | None = None,
    process_id: int | None = None,
    follow_up: NewFollowUp | None = None,
    cue: NewCue | None = None,
    attribution: AttributionRule | None = None,
    event_id: int | None = None,
    unexpected_opening: bool = False,
) -> InteractionInfo:
    """Record a contact, all or nothing. ``participants`` may include new actors.

    Its attribution rule is ``attribution``, or by default the strictest of its
    participants' defaults and its event's (``event_id``: the event it took place at). A
    contact nobody planned that opened a way forward is an ``unexpected_opening``.
    """
    if not participants:
        raise InvalidRecord(_("Participants"), _("name at least one actor"))
    with vault.transaction() as session:
        created: list[Actor] = [
            add_actor(session, who) for who in participants if isinstance(who, NewActor)
        ]
        if created:
            session.flush()  # their ids
        made = iter(created)
        actor_ids = list(
            dict.fromkeys(
                next(made).id if isinstance(who, NewActor) else who for who in participants
            )
        )
        conn = session.connection()
        people = {row.id: row for row in conn.execute(_PEOPLE, {"ids": actor_ids})}
        for actor_id in actor_ids:
            if actor_id not in people:
                raise RecordNotFound("actor", actor_id)
        occurred = records.aware(_("Date"), occurred_at)
        text = records.text(_("Summary"), summary, max_length=100_000)
        event = None
        if event_id is not None:
            event = conn.execute(_EVENT, {"id": event_id}).first()
            if event is None:
                raise RecordNotFound("event", event_id)
        rule = (
            AttributionRule(attribution)
            if attribution is not None
            else strictest(
                [people[a].attribution for a in actor_ids]
                + [event.attribution if event is not None else None]
            )
        )
        channel = None
        if channel_id is not None:
            channel = conn.execute(_CHANNEL, {"id": channel_id}).first()
            if channel is None:
                raise RecordNotFound("channel", channel_id)
        process_name = ""
        if process_id is not None:
            found = conn.execute(_PROCESS, {"id": process_id}).first()
            if found is None:
                raise RecordNotFound("process", process_id)
            process_name = found.name
        info = InteractionInfo(
            id=0,
            uuid=new_uuid(),
            occurred_at=occurred,
            kind=InteractionKind(kind),
            register=Register(register),
            summary=text,
            participants=tuple(
                ParticipantInfo(
                    a, people[a].display_name, people[a].codename, people[a].sensitivity
                )
                for a in actor_ids
            ),
            channel_id=channel_id,
            channel_label=(channel.label or str(channel.kind)) if channel is not None else "",
            process_id=process_id,
            process_name=process_name,
            created_ids=tuple(a.id for a in created),
            attribution=rule,
            unexpected_opening=bool(unexpected_opening),
        )
        info = replace(info, id=_insert(session, info, event_id))
        if follow_up is not None:
            add_follow_up(
                session,
                NewFollowUp(
                    follow_up.title,
                    follow_up.due_on,
                    actor_id=follow_up.actor_id or actor_ids[0],
                    process_id=follow_up.process_id or process_id,
                    note=follow_up.note,
                ),
                interaction_id=info.id,
            )
        if cue is not None:
            added_cue = add_cue(
                session,
                NewCue(
                    kind_id=cue.kind_id,
                    observed_on=cue.observed_on,
                    direction=cue.direction,
                    process_id=cue.process_id or process_id,
                    actor_id=cue.actor_id or (actor_ids[0] if len(actor_ids) == 1 else None),
                    strength=cue.strength,
                    reliability=cue.reliability,
                    credibility=cue.credibility,
                    side_id=cue.side_id,
                    # Reported in this contact: by the one person met, through its channel.
                    reported_by_id=cue.reported_by_id
                    or (actor_ids[0] if len(actor_ids) == 1 else None),
                    channel_id=cue.channel_id or channel_id,
                    note=cue.note,
                    event_id=cue.event_id or event_id,
                ),
            )
            added_cue.attribution = strictest([added_cue.attribution, rule])
        _fold_in(session, info)
        session.flush()
        return info


# What log_interaction reads to check and name what it links (statements made once).
_PEOPLE = sa.select(
    Actor.id, Actor.display_name, Actor.codename, Actor.sensitivity, Actor.attribution
).where(Actor.id.in_(sa.bindparam("ids", expanding=True)))
_EVENT = sa.select(Event.id, Event.attribution).where(Event.id == sa.bindparam("id"))
_CHANNEL = sa.select(Channel.id, Channel.kind, Channel.label).where(
    Channel.id == sa.bindparam("id")
)
_PROCESS = sa.select(Process.id, Process.name).where(Process.id == sa.bindparam("id"))


def _insert(session: Session, info: InteractionInfo, event_id: int | None) -> int:
    """Write the interaction, its participants and its event link with Core statements
    (the unit of work would only add cost), index its summary; returns its id.

    What the unit of work's hooks would have seen is said by hand: :func:`changes.note`
    counts the interaction (its participants and event link are parts of it), and the
    search index is rewritten for it (:func:`search_index.reindex`). The participants'
    ``occurred_at`` is copied by the database's own triggers (migration 0003).

    Flush hooks do not see these rows: anything that must follow every write of a record
    (as the search index and the changes do) is called here and in :func:`_fold_in`, next
    to the :func:`changes.note` of the same records. The interaction is new, with every
    column given here; :func:`_fold_in` changes only the fields it names."""
    conn = session.connection()
    interaction_id: int = conn.execute(
        _INSERT_INTERACTION,
        {
            "uuid": info.uuid,
            "occurred_at": info.occurred_at,
            "kind": info.kind,
            "register": info.register,
            "summary": info.summary,
            "channel_id": info.channel_id,
            "process_id": info.process_id,
            "attribution": info.attribution,
            "unexpected_opening": info.unexpected_opening,
        },
    ).scalar_one()
    conn.execute(
        _INSERT_LINKS,
        [{"interaction_id": interaction_id, "actor_id": p.id} for p in info.participants],
    )
    if event_id is not None:
        conn.execute(_INSERT_EVENT_LINK, {"interaction_id": interaction_id, "event_id": event_id})
    changes.note(session, Interaction, [interaction_id])
    search_index.reindex(session, "interaction", [interaction_id])
    return interaction_id


def _fold_in(session: Session, info: InteractionInfo) -> None:
    """Fold one new contact into the summaries, set-based, no history scan: one statement
    for the participants and the intermediaries on its channel (a light contact for them:
    ``last_contact_at`` only), one for the channel. Only rows whose summary moves are
    written (and their ``updated_at`` with them), as the unit of work would: actors'
    ``last_contact_at``, ``last_substantive_at`` and ``updated_at`` (their ids returned by
    the statement), the channel's ``last_used_at`` and ``updated_at``."""
    conn = session.connection()
    when = {
        "when": info.occurred_at,
        "participants": [p.id for p in info.participants],
        "substantive": info.kind in SUBSTANTIVE_KINDS,
        "channel_id": info.channel_id,
    }
    moved = list(conn.execute(_FOLD_ACTORS, when).scalars())
    if moved:
        changes.note(session, Actor, moved)
    if info.channel_id is not None and conn.execute(_FOLD_CHANNEL, when).first() is not None:
        changes.note(session, Channel, [info.channel_id])


def _later_than(column: sa.ColumnElement[Any], when: sa.BindParameter[Any]) -> Any:
    """Whether ``when`` is later than ``column`` (or ``column`` is empty). Both are stored
    in SQLAlchemy's one fixed-width text format, so comparing them as text compares the
    moments."""
    return sa.or_(column.is_(None), column < when)


def _table(model: type[Base]) -> sa.Table:
    table = model.__table__
    assert isinstance(table, sa.Table)
    return table


_INTERACTIONS = _table(Interaction)
_INSERT_INTERACTION = _INTERACTIONS.insert().returning(_INTERACTIONS.c.id)
_INSERT_LINKS = _table(InteractionParticipant).insert()
_INSERT_EVENT_LINK = _table(InteractionEvent).insert()


def _fold_statements() -> tuple[Any, Any]:
    actors = _table(Actor)
    when = sa.bindparam("when", type_=UTCDateTime())
    participant = actors.c.id.in_(sa.bindparam("participants", expanding=True))
    substantive = sa.and_(
        sa.bindparam("substantive", type_=sa.Boolean()),
        participant,
        _later_than(actors.c.last_substantive_at, when),
    )
    carried = actors.c.id.in_(
        sa.select(ChannelHop.intermediary_id).where(
            ChannelHop.channel_id == sa.bindparam("channel_id")
        )
    )
    fold_actors = (
        actors.update()
        .where(
            sa.or_(participant, carried),
            sa.or_(_later_than(actors.c.last_contact_at, when), substantive),
        )
        .values(
            last_contact_at=sa.case(
                (_later_than(actors.c.last_contact_at, when), when),
                else_=actors.c.last_contact_at,
            ),
            last_substantive_at=sa.case((substantive, when), else_=actors.c.last_substantive_at),
        )
        .returning(actors.c.id)
    )
    channels = _table(Channel)
    fold_channel = (
        channels.update()
        .where(
            channels.c.id == sa.bindparam("channel_id"),
            _later_than(channels.c.last_used_at, when),
        )
        .values(last_used_at=when)
        .returning(channels.c.id)
    )
    return fold_actors, fold_channel


_FOLD_ACTORS, _FOLD_CHANNEL = _fold_statements()


def update_interaction(
    vault: Vault,
    interaction_id: int,
    *,
    occurred_at: datetime,
    kind: InteractionKind,
    register: Register,
    summary: str,
    participant_ids: Sequence[int],
    channel_id: int | None,
    process_id: int | None,
) -> InteractionInfo:
    if not participant_ids:
        raise InvalidRecord(_("Participants"), _("name at least one actor"))
    with vault.transaction() as session:
        interaction = records.fetch(session, Interaction, interaction_id, "interaction")
        before = {a.id for a in interaction.participants}
        old_channel = interaction.channel_id
        interaction.occurred_at = records.aware(_("Date"), occurred_at)
        interaction.kind = InteractionKind(kind)
        interaction.register = Register(register)
        interaction.summary = records.text(_("Summary"), summary, max_length=100_000)
        interaction.participants = [
            records.fetch(session, Actor, i, "actor") for i in dict.fromkeys(participant_ids)
        ]
        _link(session, interaction, channel_id, process_id)
        session.flush()
        recompute_summaries(session, before | set(participant_ids), {old_channel, channel_id})
        return interaction_info(interaction)


def delete_interaction(vault: Vault, interaction_id: int) -> None:
    with vault.transaction() as session:
        interaction = records.fetch(session, Interaction, interaction_id, "interaction")
        actor_ids = {a.id for a in interaction.participants}
        channel_id = interaction.channel_id
        session.delete(interaction)
        session.flush()
        recompute_summaries(session, actor_ids, {channel_id})


def get_interaction(vault: Vault, interaction_id: int) -> InteractionInfo:
    with vault.transaction() as session:
        return interaction_info(records.fetch(session, Interaction, interaction_id, "interaction"))


def journal(
    vault: Vault, filters: JournalFilter | None = None, *, offset: int = 0, limit: int = 200
) -> list[InteractionInfo]:
    """Interactions, newest first, one page at a time.

    An actor's timeline is read newest first from the participants' timeline index (no sort
    of their whole history). Two statements and no ORM object: the page with its channel's
    and process's fields, then the participants of the page. An actor's timeline alone
    (the actor page's) is read on the driver's own connection by two statements of fixed
    text, which the driver keeps prepared, and its rows are turned into results here: the
    page is a hundred rows or more, and SQLAlchemy's work per row is most of its cost.
    """
    filters = filters or JournalFilter()
    with read_connection(vault) as conn:
        if filters.actor_id is not None and replace(filters, actor_id=None) == JournalFilter():
            driver: Any = conn.connection.driver_connection
            page = driver.execute(_TIMELINE, (filters.actor_id, limit, offset)).fetchall()
        else:
            page = conn.execute(_page_query(filters).offset(offset).limit(limit)).all()
        people = _participants_of(conn, [row[0] for row in page])
    return [
        InteractionInfo(
            id=interaction_id,
            uuid=uuid,
            occurred_at=_moment(occurred_at),
            kind=InteractionKind(kind),
            register=Register(register),
            summary=summary,
            participants=people.get(interaction_id, ()),
            channel_id=channel_id,
            channel_label=(channel_label or str(ChannelKind(channel_kind)))
            if channel_kind is not None
            else "",
            process_id=process_id,
            process_name=process_name or "",
            attribution=AttributionRule(attribution),
            unexpected_opening=bool(unexpected_opening),
        )
        for (
            interaction_id,
            uuid,
            occurred_at,
            kind,
            register,
            summary,
            channel_id,
            process_id,
            attribution,
            unexpected_opening,
            channel_kind,
            channel_label,
            process_name,
        ) in page
    ]


def _page_query(filters: JournalFilter) -> sa.Select[*tuple[Any, ...]]:
    """A page of the journal with these filters (the columns of ``_TIMELINE``)."""
    query = _journal_query(
        sa.select(*_PAGE_COLUMNS).select_from(Interaction), replace(filters, actor_id=None)
    )
    if filters.actor_id is not None:
        link = InteractionParticipant
        query = query.join(
            link, sa.and_(link.interaction_id == Interaction.id, link.actor_id == filters.actor_id)
        ).order_by(link.occurred_at.desc(), link.interaction_id.desc())
    else:
        query = query.order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    return query.outerjoin(Channel, Channel.id == Interaction.channel_id).outerjoin(
        Process, Process.id == Interaction.process_id
    )


def _moment(value: datetime | str) -> datetime:
    """A stored moment (naive UTC text, as SQLAlchemy writes it) as an aware datetime;
    one SQLAlchemy read already (the filtered journal's) is kept."""
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


# An actor's timeline, newest first: a range of the participants' timeline index
# (actor_id, occurred_at, interaction_id), then each row by its key.
_TIMELINE = (
    "SELECT i.id, i.uuid, i.occurred_at, i.kind, i.register, i.summary, i.channel_id, "
    "i.process_id, i.attribution, i.unexpected_opening, c.kind, c.label, p.name "
    "FROM interaction_participants AS l JOIN interactions AS i ON i.id = l.interaction_id "
    "LEFT OUTER JOIN channels AS c ON c.id = i.channel_id "
    "LEFT OUTER JOIN processes AS p ON p.id = i.process_id "
    "WHERE l.actor_id = ? ORDER BY l.occurred_at DESC, l.interaction_id DESC LIMIT ? OFFSET ?"
)
# The participants of a page, by display name: the page's ids as one JSON array, so that
# the text is the same whatever their number (an expanded IN list is rendered anew).
_PARTICIPANTS = (
    "SELECT p.interaction_id, a.id, a.display_name, a.codename, a.sensitivity "
    "FROM interaction_participants AS p JOIN actors AS a ON a.id = p.actor_id "
    "WHERE p.interaction_id IN (SELECT value FROM json_each(?)) "
    "ORDER BY a.display_name, a.id"
)
# What a page of the journal reads of each interaction, its channel and its process.
_PAGE_COLUMNS = (
    Interaction.id,
    Interaction.uuid,
    Interaction.occurred_at,
    Interaction.kind,
    Interaction.register,
    Interaction.summary,
    Interaction.channel_id,
    Interaction.process_id,
    Interaction.attribution,
    Interaction.unexpected_opening,
    Channel.kind.label("channel_kind"),
    Channel.label.label("channel_label"),
    Process.name.label("process_name"),
)
_SENSITIVITIES: Final = {s.value: s for s in Sensitivity}


def _participants_of(
    conn: sa.Connection, interaction_ids: Sequence[int]
) -> dict[int, tuple[ParticipantInfo, ...]]:
    """The participants of each of these interactions, by display name (one statement)."""
    found: dict[int, list[ParticipantInfo]] = {}
    if interaction_ids:
        driver: Any = conn.connection.driver_connection
        rows = driver.execute(_PARTICIPANTS, (json.dumps(interaction_ids),)).fetchall()
        for interaction_id, actor_id, display_name, codename, sensitivity in rows:
            found.setdefault(interaction_id, []).append(
                ParticipantInfo(actor_id, display_name, codename, _SENSITIVITIES[sensitivity])
            )
    return {key: tuple(value) for key, value in found.items()}


def count_journal(vault: Vault, filters: JournalFilter | None = None) -> int:
    filters = filters or JournalFilter()
    if filters.actor_id is None:
        query = _journal_query(sa.select(sa.func.count(Interaction.id)), filters)
    else:
        # Counted in the participants' index alone unless other filters need the interactions.
        link = InteractionParticipant
        query = _COUNT_OF_ACTOR
        others = replace(filters, actor_id=None)
        if others != JournalFilter():
            query = query.where(
                link.interaction_id.in_(_journal_query(sa.select(Interaction.id), others))
            )
    with read_connection(vault) as conn:
        return conn.scalar(query, {"actor_id": filters.actor_id}) or 0


_COUNT_OF_ACTOR = sa.select(sa.func.count()).where(
    InteractionParticipant.actor_id == sa.bindparam("actor_id")
)


def recompute_summaries(
    session: Session, actor_ids: Iterable[int], channel_ids: Iterable[int | None]
) -> None:
    """Recompute the contact summaries of these actors and channels from their history.

    The intermediaries now on these channels are recomputed too (their relayed contacts)."""
    channels = {c for c in channel_ids if c is not None}
    for actor_id in set(actor_ids) | intermediaries_of(session, channels):
        actor = session.get(Actor, actor_id)
        if actor is None:
            continue
        base = (
            sa.select(sa.func.max(Interaction.occurred_at))
            .join(InteractionParticipant)
            .where(InteractionParticipant.actor_id == actor_id)
        )
        relayed = (
            sa.select(sa.func.max(Interaction.occurred_at))
            .join(ChannelHop, ChannelHop.channel_id == Interaction.channel_id)
            .where(ChannelHop.intermediary_id == actor_id)
        )
        latest = [when for when in (session.scalar(base), session.scalar(relayed)) if when]
        actor.last_contact_at = max(latest, default=None)
        actor.last_substantive_at = session.scalar(
            base.where(Interaction.kind.in_(SUBSTANTIVE_KINDS))
        )
    for channel_id in channels:
        channel = session.get(Channel, channel_id)
        if channel is not None:
            channel.last_used_at = session.scalar(
                sa.select(sa.func.max(Interaction.occurred_at)).where(
                    Interaction.channel_id == channel_id
                )
            )


def intermediaries_of(session: Session, channel_ids: Iterable[int]) -> set[int]:
    """The actors who are intermediaries (hops) on these channels."""
    ids = sorted(set(channel_ids))
    if not ids:
        return set()
    return set(
        session.scalars(sa.select(ChannelHop.intermediary_id).where(ChannelHop.channel_id.in_(ids)))
    )


def _link(
    session: Session, interaction: Interaction, channel_id: int | None, process_id: int | None
) -> None:
    interaction.channel = (
        None if channel_id is None else records.fetch(session, Channel, channel_id, "channel")
    )
    interaction.process = (
        None if process_id is None else records.fetch(session, Process, process_id, "process")
    )


def _journal_query(query: Q, filters: JournalFilter) -> Q:
    if filters.actor_id is not None:
        query = query.where(
            Interaction.id.in_(
                sa.select(InteractionParticipant.interaction_id).where(
                    InteractionParticipant.actor_id == filters.actor_id
                )
            )
        )
    if filters.process_id is not None:
        query = query.where(Interaction.process_id == filters.process_id)
    if filters.kind is not None:
        query = query.where(Interaction.kind == filters.kind)
    if filters.register is not None:
        query = query.where(Interaction.register == filters.register)
    if filters.since is not None:
        query = query.where(Interaction.occurred_at >= _day_start(filters.since))
    if filters.until is not None:
        query = query.where(Interaction.occurred_at < _day_start(filters.until, 1))
    expression = search.match_expression(filters.text)
    if expression:
        query = query.where(Interaction.id.in_(_summary_matches(expression)))
    return query


def _summary_matches(expression: str) -> sa.Select[Any]:
    """Ids of the interactions whose indexed text matches an FTS5 expression."""
    # Interactions have an index table of their own (migration 0010); every row is one.
    return (
        sa.select(sa.literal_column("rowid / 8"))
        .select_from(sa.table("search_index_journal"))
        .where(
            sa.text("search_index_journal MATCH :journal_text").bindparams(journal_text=expression)
        )
    )


def _day_start(day: date, plus_days: int = 0) -> datetime:
    return datetime.combine(day + timedelta(days=plus_days), time(), tzinfo=UTC)


def interaction_info(interaction: Interaction) -> InteractionInfo:
    channel, process = interaction.channel, interaction.process
    return InteractionInfo(
        id=interaction.id,
        uuid=interaction.uuid,
        occurred_at=interaction.occurred_at,
        kind=interaction.kind,
        register=interaction.register,
        summary=interaction.summary,
        participants=tuple(
            ParticipantInfo(a.id, a.display_name, a.codename, a.sensitivity)
            for a in interaction.participants
        ),
        channel_id=interaction.channel_id,
        channel_label=(channel.label or str(channel.kind)) if channel else "",
        process_id=interaction.process_id,
        process_name=process.name if process else "",
        attribution=interaction.attribution,
        unexpected_opening=interaction.unexpected_opening,
    )
