"""The trash: deleting a record keeps it, and everything deleted with it, until emptied.

``discard`` snapshots the record's row, every row the database would delete with it
(``ON DELETE CASCADE``, followed recursively) and every link it would clear
(``ON DELETE SET NULL``), stores the snapshot as one trash item inside the encrypted
vault, then deletes the record. ``restore`` puts all of it back, with the same ids and
UUIDs, or refuses with a clear message and changes nothing. Works the same for every kind
of record because it reads the relations from the schema itself. The kinds are those of
:class:`contactkeeper.vault.changes.Kind` (and are what a trash item stores); a restore
writes its rows with Core statements, so it counts them as changed by hand
(:func:`changes.note_rows`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from contactkeeper import i18n, records
from contactkeeper.errors import InvalidRecord
from contactkeeper.i18n import _, pgettext
from contactkeeper.records.interactions import recompute_summaries
from contactkeeper.vault import Vault, changes, clocks, search_index
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import (
    Actor,
    Base,
    Channel,
    Event,
    FollowUp,
    Interaction,
    Organization,
    Process,
    ReadinessCue,
    Relationship,
    Transfer,
    TrashItem,
)

# What can be deleted to the trash, by the kind its items store.
KINDS: dict[str, type[Base]] = {
    Kind.ACTOR: Actor,
    Kind.INTERACTION: Interaction,
    Kind.ORGANIZATION: Organization,
    Kind.PROCESS: Process,
    Kind.CHANNEL: Channel,
    Kind.FOLLOW_UP: FollowUp,
    Kind.RELATIONSHIP: Relationship,
    Kind.READINESS_CUE: ReadinessCue,
    # An event goes with its invitation list, outcomes and checklist, and the rows that say
    # an interaction took place there; cues and transfers that pointed to it (or to one of
    # its outcomes) lose the link, and get it back on restore.
    Kind.EVENT: Event,
    # A transfer goes with its follow-ups.
    Kind.TRANSFER: Transfer,
}
_SEARCHABLE = {
    "actors": "actor",
    "interactions": "interaction",
    "organizations": "organization",
    "processes": "process",
    "events": "event",
    "transfers": "transfer",
}


@dataclass(frozen=True)
class TrashEntry:
    id: int
    kind: str
    label: str
    deleted_at: datetime
    rows: int  # how many rows the entry holds, the record included


def discard(vault: Vault, kind: str, record_id: int, label: str, now: datetime) -> TrashEntry:
    """Move a record (and all that goes with it) to the trash. ``label`` names it there."""
    with vault.transaction() as session:
        return _entry(discard_in(session, kind, record_id, label, now))


def discard_in(session: Session, kind: str, record_id: int, label: str, now: datetime) -> TrashItem:
    """:func:`discard` inside a transaction already open (merging actors uses it)."""
    model = KINDS[kind]
    record = records.fetch(session, model, record_id, kind)
    table = model.__table__
    assert isinstance(table, sa.Table)
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    links: list[tuple[str, str, Any, Any]] = []
    _collect(session, table, [record_id], rows, links)
    payload = {
        "rows": {
            name: [_encode(Base.metadata.tables[name], r) for r in table_rows]
            for name, table_rows in rows.items()
        },
        "links": links,
    }
    # Deletions travel to colleagues as tombstones: the record's and every row going with it.
    for name, table_rows in rows.items():
        clocks.bury(session, name, [r["uuid"] for r in table_rows if "uuid" in r], now)
    session.delete(record)
    session.flush()
    _after_change(session, rows)
    item = TrashItem(
        deleted_at=records.aware(_("Deleted at"), now),
        kind=kind,
        label=records.text(_("Label"), label, max_length=300) or kind,
        payload=json.dumps(payload, ensure_ascii=False),
    )
    session.add(item)
    session.flush()
    return item


def restore(vault: Vault, trash_id: int) -> None:
    """Put a trash item back exactly as it was, or refuse and change nothing."""
    with vault.transaction() as session:
        restore_in(session, trash_id)


def restore_in(session: Session, trash_id: int) -> None:
    """:func:`restore` inside a transaction already open."""
    item = records.fetch(session, TrashItem, trash_id, "trash item")
    payload = json.loads(item.payload)
    stored: dict[str, list[dict[str, Any]]] = payload["rows"]
    rows = {
        name: [_decode(Base.metadata.tables[name], r) for r in table_rows]
        for name, table_rows in stored.items()
    }
    try:
        # The whole restore is one transaction: a failure rolls all of it back.
        for table in Base.metadata.sorted_tables:
            if rows.get(table.name):
                session.execute(table.insert(), rows[table.name])
                changes.note_rows(session, table, rows[table.name])
        for table_name, column, pk, value in payload["links"]:
            table = Base.metadata.tables[table_name]
            session.execute(
                table.update()
                .where(table.c.id == pk, table.c[column].is_(None))
                .values({column: value})
            )
            changes.note_rows(session, table, [{"id": pk}])
            clocks.bump(session, table, [pk], [column])
    except sa.exc.IntegrityError:
        raise InvalidRecord(
            pgettext("noun", "Restore"),
            _(
                "{label} conflicts with a record added or changed since it was deleted (a "
                "codename in use, or a record it belonged to is gone)"
            ).format(label=i18n.isolate(item.label)),
        ) from None
    # Put back by the user: no longer deleted, and newer than the deletion, so that a
    # colleague's tombstone for it meets an edit it has not seen (a conflict, not a delete).
    for name, table_rows in rows.items():
        clocks.unbury(session, [r["uuid"] for r in table_rows if "uuid" in r])
        shared = clocks.SHARED_FIELDS.get(name, ())
        clocks.bump(session, name, [r["id"] for r in table_rows if "id" in r], shared)
    session.delete(item)
    session.flush()
    session.expire_all()
    _after_change(session, rows)


def entries(vault: Vault) -> list[TrashEntry]:
    """What the trash holds, most recently deleted first."""
    with vault.transaction() as session:
        items = session.scalars(
            sa.select(TrashItem).order_by(TrashItem.deleted_at.desc(), TrashItem.id.desc())
        )
        return [_entry(i) for i in items]


def empty(vault: Vault, older_than: datetime | None = None) -> int:
    """Delete trash items for good (all, or those deleted before ``older_than``)."""
    with vault.transaction() as session:
        query = sa.select(TrashItem)
        if older_than is not None:
            query = query.where(TrashItem.deleted_at < records.aware(_("Date"), older_than))
        items = list(session.scalars(query))
        for item in items:
            session.delete(item)
    vault.checkpoint()  # old page versions leave the write-ahead log too
    return len(items)


def _collect(
    session: Session,
    table: sa.Table,
    ids: list[Any],
    rows: dict[str, list[dict[str, Any]]],
    links: list[tuple[str, str, Any, Any]],
) -> None:
    if not ids:
        return
    found = session.execute(sa.select(table).where(table.c.id.in_(ids))).mappings().all()
    rows[table.name].extend(dict(r) for r in found)
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is not table:
                continue
            column = fk.parent
            if fk.ondelete == "CASCADE":
                matched = session.execute(sa.select(child).where(column.in_(ids))).mappings().all()
                if "id" in child.c:
                    _collect(session, child, [r["id"] for r in matched], rows, links)
                else:
                    rows[child.name].extend(dict(r) for r in matched)
            elif fk.ondelete == "SET NULL":
                for pk, value in session.execute(
                    sa.select(child.c.id, column).where(column.in_(ids))
                ):
                    links.append((child.name, column.name, pk, value))


def _after_change(session: Session, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Keep what is derived from these rows right: search index and contact summaries."""
    for table_name, kind in _SEARCHABLE.items():
        ids = [r["id"] for r in rows.get(table_name, [])]
        if ids:
            search_index.reindex(session, kind, ids)
    # An outcome's words are indexed with its event.
    outcome_events = {r["event_id"] for r in rows.get("event_outcomes", [])}
    if outcome_events:
        search_index.reindex(session, "event", outcome_events)
    participants = rows.get("interaction_participants", [])
    channel_ids = {r.get("channel_id") for r in rows.get("interactions", [])}
    # A channel's intermediaries are credited with the contacts made over it (warmth.py).
    hops = rows.get("channel_hops", [])
    affected = {r["actor_id"] for r in participants} | {r["intermediary_id"] for r in hops}
    recompute_summaries(session, affected, channel_ids)


def _encode(table: sa.Table, row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date | datetime) else v for k, v in row.items()}


def _decode(table: sa.Table, row: dict[str, Any]) -> dict[str, Any]:
    decoded: dict[str, Any] = {}
    for name, value in row.items():
        column_type = table.c[name].type
        if value is not None and isinstance(column_type, sa.DateTime | sa.TypeDecorator):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column_type, sa.Date):
            value = date.fromisoformat(value)
        decoded[name] = value
    return decoded


def _entry(item: TrashItem) -> TrashEntry:
    payload = json.loads(item.payload)
    count = sum(len(r) for r in payload["rows"].values())
    return TrashEntry(item.id, item.kind, item.label, item.deleted_at, count)


__all__ = [
    "KINDS",
    "TrashEntry",
    "discard",
    "discard_in",
    "empty",
    "entries",
    "restore",
    "restore_in",
]
