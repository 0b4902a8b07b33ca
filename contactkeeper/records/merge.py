"""Merging two actors that are one person (found, say, by the "Possible duplicates" view).

:func:`merge_actors` keeps one actor, the survivor, and moves everything recorded about the
other to it, in one transaction:

- fields: where the two differ, the user chooses whose value the survivor keeps, field by
  field (``choices``: field -> the id of the actor whose value wins; the survivor's by
  default; notes are both joined unless one actor's notes are chosen);
- names: the other's display name (or, when the other's name was chosen, the survivor's
  former one) and name variants become the survivor's name variants (a name the survivor
  already has is not repeated); tags are joined;
- interactions (as a participant), channels (theirs, and the hops where they are the
  intermediary), relationships (either end), affiliations, process participations,
  readiness cues (about them, or reported by them), follow-ups, event invitations and
  transfers (to them) now name the survivor;
- what would then say the same thing twice or name the survivor twice is dropped: a
  relationship between the two, a hop through the survivor on the survivor's own channel,
  a second participation in the same process and role, a second invitation to the same
  event, the other's place among the participants of an interaction both took part in;
- the other actor then goes to the trash (its row, uuid and own name variants kept there),
  the survivor's contact summaries are recomputed from the history, and the survivor's row
  of the search index rewritten (its new name variants).

It returns a :class:`MergePlan`, what moved and what was dropped; :func:`unmerge` takes the
plan and puts everything back as it was before the merge (the other out of the trash, every
moved row back to it, the dropped repetitions recreated, the survivor's fields, names and
tags as they were). :func:`preview` says, before merging, where the two differ and what
would move.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from contactkeeper import i18n, records
from contactkeeper.errors import ContactKeeperError, InvalidRecord
from contactkeeper.i18n import N_, _, ngettext, pgettext
from contactkeeper.records import bulk, trash, wording
from contactkeeper.vault import Vault, changes, clocks, search_index
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import (
    Actor,
    ActorTag,
    Affiliation,
    Base,
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
    utcnow,
)
from contactkeeper.vault.vocabulary import Sensitivity, Tier

MERGED_NOTE = "merged"


@dataclass(frozen=True)
class MergeField:
    """A field the user chooses for, with the columns it covers."""

    key: str
    label: str  # in English, marked: shown as ``_(label)``
    columns: tuple[str, ...]


# What the user chooses between, in the order a form shows it. Notes may also be joined.
FIELDS: tuple[MergeField, ...] = (
    MergeField("display_name", N_("Display name"), ("display_name",)),
    MergeField("codename", N_("Codename"), ("codename",)),
    MergeField("sensitivity", N_("Sensitivity"), ("sensitivity",)),
    MergeField("cadence", N_("Tier and intervals"), ("tier", "cadence_days", "max_interval_days")),
    MergeField("status", N_("Status"), ("status",)),
    MergeField("country", N_("Country"), ("country",)),
    MergeField("languages", N_("Languages"), ("languages",)),
    MergeField("influence", N_("Influence"), ("influence",)),
    MergeField("snoozed_until", N_("Snoozed until"), ("snoozed_until",)),
    MergeField("actor_track", N_("Track"), ("actor_track",)),
    MergeField("access", N_("Access"), ("access",)),
    MergeField("standing", N_("Standing"), ("standing",)),
    MergeField("trust_in_me", N_("Trust in me"), ("trust_in_me",)),
    MergeField("personal_risk", N_("Personal risk"), ("personal_risk",)),
    MergeField("attribution", N_("Attribution"), ("attribution",)),
    MergeField("notes", N_("Notes"), ("notes",)),
)
_FIELDS = {f.key: f for f in FIELDS}


@dataclass(frozen=True)
class MergePlan:
    """What a merge did, enough to take it back (:func:`unmerge`)."""

    survivor_id: int
    other_id: int
    other_name: str
    trash_id: int
    # The survivor's row, name variant ids and tag ids before the merge.
    survivor_before: Mapping[str, Any]
    survivor_variant_ids: tuple[int, ...]
    survivor_tag_ids: tuple[int, ...]
    # (table, column, ids) of the rows that named the other in that column and now name the
    # survivor; for interaction participants the ids are interactions'.
    moved: tuple[tuple[str, str, tuple[int, ...]], ...]
    # Rows deleted as repetitions, by table, as they were.
    dropped: Mapping[str, tuple[Mapping[str, Any], ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Difference:
    """A field where the two actors differ: each one's value, in words."""

    key: str
    label: str
    survivor: str
    other: str


@dataclass(frozen=True)
class MergeSide:
    """One of the two actors, enough to name them by the privacy rule."""

    actor_id: int
    display_name: str
    codename: str
    sensitivity: Sensitivity


@dataclass(frozen=True)
class MergePreview:
    survivor: MergeSide
    other: MergeSide
    differences: tuple[Difference, ...]
    # What would move to the survivor, in words, largest first ("12 contacts", ...).
    moves: tuple[str, ...]


def preview(vault: Vault, survivor_id: int, other_id: int) -> MergePreview:
    """Where the two actors differ and what would move from the other to the survivor."""
    if survivor_id == other_id:
        raise InvalidRecord(_("Actor"), _("an actor cannot be merged with itself"))
    with vault.transaction() as session:
        survivor = records.fetch(session, Actor, survivor_id, "actor")
        other = records.fetch(session, Actor, other_id, "actor")
        sides = [
            MergeSide(a.id, a.display_name, a.codename, a.sensitivity) for a in (survivor, other)
        ]
        differences = tuple(
            Difference(
                f.key,
                _(f.label),
                _words(survivor, f),
                _words(other, f),
            )
            for f in FIELDS
            if any(getattr(survivor, c) != getattr(other, c) for c in f.columns)
        )

        def count(model: Any, *conditions: Any) -> int:
            query = sa.select(sa.func.count()).select_from(model).where(*conditions)
            return session.scalar(query) or 0

        counted = [
            (count(InteractionParticipant, InteractionParticipant.actor_id == other_id), "contact"),
            (count(Channel, Channel.actor_id == other_id), "channel"),
            (count(ChannelHop, ChannelHop.intermediary_id == other_id), "hop"),
            (
                count(
                    Relationship,
                    sa.or_(
                        Relationship.from_actor_id == other_id,
                        Relationship.to_actor_id == other_id,
                    ),
                ),
                "relationship",
            ),
            (count(Affiliation, Affiliation.actor_id == other_id), "affiliation"),
            (count(Participation, Participation.actor_id == other_id), "participation"),
            (
                count(
                    ReadinessCue,
                    sa.or_(
                        ReadinessCue.actor_id == other_id, ReadinessCue.reported_by_id == other_id
                    ),
                ),
                "readiness cue",
            ),
            (count(FollowUp, FollowUp.actor_id == other_id), "follow-up"),
            (count(Invitation, Invitation.actor_id == other_id), "invitation"),
            (count(Transfer, Transfer.recipient_actor_id == other_id), "transfer"),
            (len(other.name_variants) + 1, "name"),
        ]
    counted.sort(key=lambda c: -c[0])
    moves = tuple(_moved(word, n) for n, word in counted if n)
    return MergePreview(sides[0], sides[1], differences, moves)


def _moved(word: str, n: int) -> str:
    """What moves to the survivor: "3 contacts", "1 channel"."""
    counted = {
        "contact": lambda: ngettext("{n} contact", "{n} contacts", n),
        "channel": lambda: ngettext("{n} channel", "{n} channels", n),
        "hop": lambda: ngettext("{n} hop", "{n} hops", n),
        "relationship": lambda: ngettext("{n} relationship", "{n} relationships", n),
        "affiliation": lambda: ngettext("{n} affiliation", "{n} affiliations", n),
        "participation": lambda: ngettext("{n} participation", "{n} participations", n),
        "readiness cue": lambda: ngettext("{n} readiness cue", "{n} readiness cues", n),
        "follow-up": lambda: ngettext("{n} follow-up", "{n} follow-ups", n),
        "invitation": lambda: ngettext("{n} invitation", "{n} invitations", n),
        "transfer": lambda: ngettext("{n} transfer", "{n} transfers", n),
        "name": lambda: ngettext("{n} name", "{n} names", n),
    }
    return counted[word]().format(n=i18n.number(n))


def _words(actor: Actor, merge_field: MergeField) -> str:
    values = [getattr(actor, c) for c in merge_field.columns]
    if merge_field.key == "cadence":
        tier, cadence, longest = values
        values_of = {"tier": wording.label(Tier(tier)), "n": i18n.number(cadence)}
        if longest is None:
            # Translators: an actor's tier and ideal interval: "regular, every 30 days".
            return ngettext("{tier}, every {n} day", "{tier}, every {n} days", cadence).format(
                **values_of
            )
        # Translators: "regular, every 30 days, cold after 60 days".
        return ngettext(
            "{tier}, every {n} day, cold after {most} days",
            "{tier}, every {n} days, cold after {most} days",
            cadence,
        ).format(most=i18n.number(longest), **values_of)
    value = values[0]
    if value is None or value == "":
        return "—"
    return str(value)


def merge_actors(
    vault: Vault,
    survivor_id: int,
    other_id: int,
    choices: Mapping[str, int] | None = None,
    now: datetime | None = None,
    label: str | None = None,
) -> MergePlan:
    """Move everything about actor ``other_id`` to ``survivor_id`` and put the other in the
    trash (see the module's description). ``choices`` maps a field of :data:`FIELDS` to the
    id of the actor whose value the survivor keeps. ``label`` names the other in the trash
    (as the user may see it: a codename for a hidden name); its display name by default."""
    if survivor_id == other_id:
        raise InvalidRecord(_("Actor"), _("an actor cannot be merged with itself"))
    choices = dict(choices or {})
    for key, chosen in choices.items():
        if key not in _FIELDS or chosen not in (survivor_id, other_id):
            raise InvalidRecord(
                pgettext("noun", "Merge"),
                _("“{field}” cannot be chosen from actor {actor}").format(field=key, actor=chosen),
            )
    with vault.transaction() as session:
        survivor = records.fetch(session, Actor, survivor_id, "actor")
        other = records.fetch(session, Actor, other_id, "actor")
        actors_table = Base.metadata.tables["actors"]
        before = dict(
            session.execute(sa.select(actors_table).where(actors_table.c.id == survivor_id))
            .mappings()
            .one()
        )
        variant_ids = tuple(v.id for v in survivor.name_variants)
        tag_ids = tuple(t.id for t in survivor.tags)
        taken = {
            column: getattr(other, column)
            for key, chosen in choices.items()
            if chosen == other_id and key != "notes"
            for column in _FIELDS[key].columns
        }
        notes = _notes(survivor, other, choices.get("notes"))
        former_name = survivor.display_name
        new_name = taken.get("display_name", former_name)
        _names(survivor, other, former_name, new_name)
        survivor.tags = sorted({*survivor.tags, *other.tags}, key=lambda t: t.name)
        moved: list[tuple[str, str, tuple[int, ...]]] = []
        dropped: dict[str, list[Mapping[str, Any]]] = {}
        _participants(session, survivor_id, other_id, moved, dropped)
        _records(session, survivor_id, other_id, moved, dropped)
        other_name = other.display_name
        session.flush()
        session.expire(other)
        item = trash.discard_in(
            session,
            Kind.ACTOR,
            other_id,
            # Translators: how a merged actor is listed in the trash.
            _("{name} (merged)").format(name=label or other_name),
            now or datetime.now(UTC),
        )
        for column, value in taken.items():
            setattr(survivor, column, value)
        survivor.notes = notes
        session.flush()
        bulk.refresh_summaries(session, actor_ids=[survivor_id])
        search_index.reindex(session, "actor", [survivor_id])
        return MergePlan(
            survivor_id=survivor_id,
            other_id=other_id,
            other_name=other_name,
            trash_id=item.id,
            survivor_before=before,
            survivor_variant_ids=variant_ids,
            survivor_tag_ids=tag_ids,
            moved=tuple(moved),
            dropped={name: tuple(rows) for name, rows in dropped.items()},
        )


def unmerge(vault: Vault, plan: MergePlan) -> None:
    """Take a merge back: the other actor and everything that was theirs as before it."""
    with vault.transaction() as session:
        survivor_id, other_id = plan.survivor_id, plan.other_id
        records.fetch(session, Actor, survivor_id, "actor")
        actors_table = Base.metadata.tables["actors"]
        fields = {k: v for k, v in plan.survivor_before.items() if k != "id"}
        # The survivor's own fields first: a codename chosen from the other is free again.
        session.execute(
            actors_table.update().where(actors_table.c.id == survivor_id).values(fields)
        )
        clocks.bump(session, actors_table, [survivor_id], fields)
        variants = Base.metadata.tables["name_variants"]
        added = (variants.c.actor_id == survivor_id) & variants.c.id.not_in(
            plan.survivor_variant_ids
        )
        clocks.bury(
            session,
            "name_variants",
            session.scalars(sa.select(variants.c.uuid).where(added)),
            utcnow(),
        )
        session.execute(variants.delete().where(added))
        tags = ActorTag.__table__
        assert isinstance(tags, sa.Table)
        session.execute(tags.delete().where(tags.c.actor_id == survivor_id))
        if plan.survivor_tag_ids:
            session.execute(
                tags.insert(),
                [{"actor_id": survivor_id, "tag_id": t} for t in plan.survivor_tag_ids],
            )
        changes.note(session, Actor, [survivor_id])
        changes.note(session, NameVariant, [survivor_id])
        session.flush()
        session.expire_all()
        try:
            trash.restore_in(session, plan.trash_id)
        except ContactKeeperError as exc:
            raise InvalidRecord(
                pgettext("noun", "Merge"),
                _("the merge with “{name}” cannot be taken back ({reason})").format(
                    name=i18n.isolate(plan.other_name), reason=exc.message
                ),
            ) from None
        try:
            _move_back(session, plan)
        except sa.exc.IntegrityError:
            raise InvalidRecord(
                pgettext("noun", "Merge"),
                _(
                    "the merge with “{name}” cannot be taken back: a record it moved or "
                    "dropped belonged to one deleted since"
                ).format(name=i18n.isolate(plan.other_name)),
            ) from None
        session.flush()
        session.expire_all()
        bulk.refresh_summaries(session, actor_ids=[survivor_id, other_id])
        search_index.reindex(session, "actor", [survivor_id, other_id])


def _move_back(session: Session, plan: MergePlan) -> None:
    """Every row the merge moved names the other again; the repetitions it dropped return."""
    survivor_id, other_id = plan.survivor_id, plan.other_id
    touched_interactions: set[int] = set()
    for table_name, column, ids in plan.moved:
        table = Base.metadata.tables[table_name]
        if not ids:
            continue
        if table_name == InteractionParticipant.__tablename__:
            session.execute(
                table.update()
                .where(table.c.actor_id == survivor_id, table.c.interaction_id.in_(ids))
                .values(actor_id=other_id)
            )
            touched_interactions.update(ids)
        else:
            session.execute(
                table.update()
                .where(table.c.id.in_(ids), table.c[column] == survivor_id)
                .values({column: other_id})
            )
            clocks.bump(session, table, ids, [column])
            moved_rows = session.execute(sa.select(table).where(table.c.id.in_(ids)))
            changes.note_rows(session, table, [dict(r) for r in moved_rows.mappings()])
    for table in Base.metadata.sorted_tables:
        rows = [dict(r) for r in plan.dropped.get(table.name, ())]
        if rows:
            session.execute(table.insert(), rows)
            changes.note_rows(session, table, rows)
    changes.note(session, Interaction, touched_interactions)


def _notes(survivor: Actor, other: Actor, chosen: int | None) -> str:
    if chosen == survivor.id:
        return survivor.notes
    if chosen == other.id:
        return other.notes
    if other.notes.strip() and other.notes.strip() not in survivor.notes:
        # Translators: the heading of the notes of a merged actor, added to the survivor's.
        heading = _("From “{name}”, merged:").format(name=other.display_name)
        joined = f"{heading}\n{other.notes.strip()}"
        return f"{survivor.notes.rstrip()}\n\n{joined}".strip()
    return survivor.notes


def _names(survivor: Actor, other: Actor, former_name: str, new_name: str) -> None:
    held = {new_name.casefold()}
    held |= {v.name.casefold() for v in survivor.name_variants}
    for name, script, note in (
        (former_name, "", MERGED_NOTE),
        (other.display_name, "", MERGED_NOTE),
        *((v.name, v.script, v.note) for v in other.name_variants),
    ):
        if name.casefold() not in held:
            held.add(name.casefold())
            survivor.name_variants.append(NameVariant(name=name, script=script, note=note))


def _dump(session: Session, model: Any, ids: list[int]) -> list[Mapping[str, Any]]:
    table = model.__table__
    rows = session.execute(sa.select(table).where(table.c.id.in_(ids))).mappings()
    return [dict(r) for r in rows]


def _participants(
    session: Session,
    survivor_id: int,
    other_id: int,
    moved: list[tuple[str, str, tuple[int, ...]]],
    dropped: dict[str, list[Mapping[str, Any]]],
) -> None:
    """The other's places among interactions' participants become the survivor's, but
    where the survivor took part too."""
    links = InteractionParticipant.__table__
    assert isinstance(links, sa.Table)
    both = set(
        session.scalars(sa.select(links.c.interaction_id).where(links.c.actor_id == survivor_id))
    )
    rows = session.execute(sa.select(links).where(links.c.actor_id == other_id)).mappings().all()
    moving = tuple(r["interaction_id"] for r in rows if r["interaction_id"] not in both)
    repeated: list[Mapping[str, Any]] = [dict(r) for r in rows if r["interaction_id"] in both]
    session.execute(
        sa.update(links)
        .where(links.c.actor_id == other_id, links.c.interaction_id.in_(moving))
        .values(actor_id=survivor_id)
    )
    session.execute(sa.delete(links).where(links.c.actor_id == other_id))
    moved.append((links.name, "actor_id", moving))
    if repeated:
        dropped[links.name] = repeated
    changes.note(session, Interaction, [r["interaction_id"] for r in rows])


def _records(
    session: Session,
    survivor_id: int,
    other_id: int,
    moved: list[tuple[str, str, tuple[int, ...]]],
    dropped: dict[str, list[Mapping[str, Any]]],
) -> None:
    """Every record that names the other now names the survivor (repetitions dropped)."""

    def move(model: Any, column: str, ids: list[int]) -> None:
        moved.append((model.__tablename__, column, tuple(ids)))
        for record in session.scalars(sa.select(model).where(model.id.in_(ids))):
            setattr(record, column, survivor_id)

    def drop(model: Any, ids: list[int]) -> None:
        if ids:
            dropped.setdefault(model.__tablename__, []).extend(_dump(session, model, ids))
            for record in session.scalars(sa.select(model).where(model.id.in_(ids))):
                session.delete(record)
            session.flush()

    for model, column in (
        (Channel, "actor_id"),
        (Affiliation, "actor_id"),
        (ReadinessCue, "actor_id"),
        (ReadinessCue, "reported_by_id"),
        (FollowUp, "actor_id"),
        (Transfer, "recipient_actor_id"),
    ):
        move(
            model,
            column,
            list(session.scalars(sa.select(model.id).where(getattr(model, column) == other_id))),
        )
    hops = list(
        session.scalars(sa.select(ChannelHop).where(ChannelHop.intermediary_id == other_id))
    )
    own = {
        hop.id
        for hop in hops
        if (channel := session.get(Channel, hop.channel_id)) is not None
        and channel.actor_id in (survivor_id, other_id)  # the survivor reached through itself
    }
    drop(ChannelHop, sorted(own))
    move(ChannelHop, "intermediary_id", [h.id for h in hops if h.id not in own])
    ties = list(
        session.scalars(
            sa.select(Relationship).where(
                sa.or_(Relationship.from_actor_id == other_id, Relationship.to_actor_id == other_id)
            )
        )
    )
    between = [t.id for t in ties if {t.from_actor_id, t.to_actor_id} == {survivor_id, other_id}]
    drop(Relationship, between)
    move(
        Relationship,
        "from_actor_id",
        [t.id for t in ties if t.id not in between and t.from_actor_id == other_id],
    )
    move(
        Relationship,
        "to_actor_id",
        [t.id for t in ties if t.id not in between and t.to_actor_id == other_id],
    )
    held_roles = {
        (process_id, role)
        for process_id, role in session.execute(
            sa.select(Participation.process_id, Participation.role).where(
                Participation.actor_id == survivor_id
            )
        )
    }
    theirs = list(
        session.scalars(sa.select(Participation).where(Participation.actor_id == other_id))
    )
    repeated = [p.id for p in theirs if (p.process_id, p.role) in held_roles]
    drop(Participation, repeated)
    move(Participation, "actor_id", [p.id for p in theirs if p.id not in repeated])
    invited = set(
        session.scalars(sa.select(Invitation.event_id).where(Invitation.actor_id == survivor_id))
    )
    asked = list(session.scalars(sa.select(Invitation).where(Invitation.actor_id == other_id)))
    twice = [i.id for i in asked if i.event_id in invited]
    drop(Invitation, twice)
    move(Invitation, "actor_id", [i.id for i in asked if i.id not in twice])


__all__ = [
    "FIELDS",
    "MergeField",
    "MergePlan",
    "MergePreview",
    "MergeSide",
    "merge_actors",
    "preview",
    "unmerge",
]
