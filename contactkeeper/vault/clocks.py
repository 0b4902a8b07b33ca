"""Versions of shared fields: version vectors, bumped by every local edit.

Each field a vault shares with colleagues (:data:`SHARED_FIELDS`) carries a version vector:
``{vault exchange id: counter}``. A local edit sets the vault's own entry to its counter,
advanced once per flush (:func:`install` hooks every ORM flush; services that update shared
fields with Core statements call :func:`bump`). Two versions compare as vectors: one
*dominates* the other when it is at least as large in every entry (the edit was made after
seeing the other), and two versions neither of which dominates were made *concurrently*:
that is a conflict for the user. A vector says exactly what each edit had seen; a hybrid
logical clock would order every pair of edits, and so could not tell "newer" from
"concurrent" (docs/exchange-format.md).

A field never edited since exchange began has no row in ``exchange_versions``: its version
is the empty vector. Derived fields (contact summaries, the search index) are never shared
nor versioned. Deleting a shared record leaves a tombstone (:func:`bury`, called by the
trash and by the flush hook).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any, Final, NamedTuple

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import MANYTOONE, Session, UOWTransaction, sessionmaker

from contactkeeper.vault.exchange_model import ExchangeClock, FieldVersion, Tombstone
from contactkeeper.vault.model import Base, new_uuid, utcnow

Vector = dict[str, int]

# The fields shared with colleagues, by table. Foreign keys travel as the UUID of the
# record they point to. Never shared: contact summaries (derived), the practitioner's own
# relationship (cadence, tier, snooze, trust in me), channel hops (they name
# intermediaries who may not be shared).
SHARED_FIELDS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "actors": (
            "display_name",
            "codename",
            "sensitivity",
            "status",
            "country",
            "languages",
            "notes",
            "influence",
            "actor_track",
            "access",
            "standing",
            "personal_risk",
            "attribution",
        ),
        "name_variants": ("actor_id", "name", "script", "note"),
        "processes": (
            "name",
            "track",
            "phase",
            "description",
            "opportunity_on",
            "opportunity_until",
            "opportunity_note",
            "review_every_days",
        ),
        "sides": ("process_id", "name", "position", "notes"),
        "participations": ("process_id", "actor_id", "role", "note", "side_id"),
        "channels": ("actor_id", "kind", "label", "trust", "sensitivity", "notes"),
        "events": (
            "title",
            "kind",
            "process_id",
            "starts_on",
            "ends_on",
            "venue",
            "convenor",
            "funder",
            "attribution",
            "ground_rules",
            "agenda",
            "notes",
        ),
        "event_invitations": ("event_id", "actor_id", "role", "status", "note"),
        "interactions": (
            "occurred_at",
            "kind",
            "register",
            "channel_id",
            "process_id",
            "summary",
            "attribution",
            "unexpected_opening",
        ),
        "readiness_cues": (
            "process_id",
            "actor_id",
            "side_id",
            "kind_id",
            "direction",
            "strength",
            "reliability",
            "credibility",
            "reported_by_id",
            "channel_id",
            "observed_on",
            "note",
            "event_id",
            "attribution",
        ),
        "follow_ups": (
            "title",
            "due_on",
            "done_at",
            "actor_id",
            "interaction_id",
            "process_id",
            "note",
            "event_id",
        ),
    }
)

_APPLYING: Final = "contactkeeper.clocks.applying"
_FIELDS: Final = {name: frozenset(fields) for name, fields in SHARED_FIELDS.items()}


# -- vectors -----------------------------------------------------------------------------------


def dumps(vector: Mapping[str, int]) -> str:
    """A vector as canonical JSON (sorted keys, no spaces)."""
    if not vector:
        return "{}"
    return json.dumps(dict(vector), sort_keys=True, separators=(",", ":"))


def loads(text: str | None) -> Vector:
    if not text or text == "{}":  # most fields: never edited since exchange began
        return {}
    found = json.loads(text)
    return {str(k): int(v) for k, v in found.items()}


def dominates(a: Mapping[str, int], b: Mapping[str, int]) -> bool:
    """Whether ``a`` has seen everything ``b`` has (``a >= b`` in every entry)."""
    return all(a.get(k, 0) >= v for k, v in b.items())


def merged(*vectors: Mapping[str, int]) -> Vector:
    """The entrywise maximum: a version that has seen all of ``vectors``."""
    out: Vector = {}
    for vector in vectors:
        for k, v in vector.items():
            if v > out.get(k, 0):
                out[k] = v
    return out


def compare(ours: Mapping[str, int], theirs: Mapping[str, int]) -> str:
    """``"same"``, ``"older"`` (theirs is behind ours), ``"newer"`` or ``"concurrent"``."""
    ours_seen, theirs_seen = dominates(ours, theirs), dominates(theirs, ours)
    if ours_seen and theirs_seen:
        return "same"
    if ours_seen:
        return "older"
    if theirs_seen:
        return "newer"
    return "concurrent"


# -- the clock ---------------------------------------------------------------------------------


def vault_exchange_id(session: Session) -> str:
    """The vault's exchange id (made by migration 0011; made here if it is missing)."""
    found = session.scalar(sa.select(ExchangeClock.vault_id).limit(1))
    if found is None:
        found = new_uuid()
        session.execute(sa.insert(ExchangeClock).values(vault_id=found, counter=0))
    return found


def tick(session: Session) -> tuple[str, int]:
    """Advance the vault's counter; its exchange id and the new value."""
    vault_id = vault_exchange_id(session)
    table = ExchangeClock.__table__
    assert isinstance(table, sa.Table)
    session.execute(
        table.update().where(table.c.vault_id == vault_id).values(counter=table.c.counter + 1)
    )
    counter = session.scalar(sa.select(table.c.counter).where(table.c.vault_id == vault_id))
    assert counter is not None
    return vault_id, int(counter)


class Version(NamedTuple):
    """A field's version as stored: its vector (JSON), when and from whom it came."""

    vector: str
    edited_at: datetime
    source: str


def versions_of(session: Session, uuids: Iterable[str]) -> dict[tuple[str, str], Version]:
    """The versions of these records' fields, by (uuid, field); a field not found has the
    empty vector."""
    found: dict[tuple[str, str], Version] = {}
    chosen = sorted(set(uuids))
    table = FieldVersion.__table__
    assert isinstance(table, sa.Table)
    for start in range(0, len(chosen), 500):
        rows = session.execute(
            sa.select(
                table.c.record_uuid,
                table.c.field,
                table.c.vector,
                table.c.edited_at,
                table.c.source,
            ).where(table.c.record_uuid.in_(chosen[start : start + 500]))
        )
        for uuid, name, vector, edited_at, source in rows:
            found[(uuid, name)] = Version(vector, edited_at, source)
    return found


def set_version(
    session: Session,
    uuid: str,
    name: str,
    vector: Mapping[str, int],
    *,
    edited_at: datetime,
    source: str = "",
    received_at: datetime | None = None,
    exists: bool | None = None,
) -> Version:
    """Store a field's version (``exists``: whether it has a row, when the caller knows)."""
    table = FieldVersion.__table__
    assert isinstance(table, sa.Table)
    values = {
        "vector": dumps(vector),
        "edited_at": edited_at,
        "source": source,
        "received_at": received_at,
    }
    if exists is None or exists:
        updated = session.execute(
            table.update().where(table.c.record_uuid == uuid, table.c.field == name).values(values)
        )
        exists = bool(getattr(updated, "rowcount", 0))
    if not exists:
        session.execute(table.insert().values(record_uuid=uuid, field=name, **values))
    return Version(dumps(vector), edited_at, source)


def _write_versions(
    session: Session, edited: Mapping[str, Iterable[str]], vault_id: str, counter: int
) -> None:
    """Set this vault's entry of every (uuid, field) in ``edited`` to ``counter``."""
    now = utcnow()
    old = versions_of(session, edited)
    table = FieldVersion.__table__
    assert isinstance(table, sa.Table)
    inserts: list[dict[str, Any]] = []
    for uuid, fields in edited.items():
        for name in fields:
            row = old.get((uuid, name))
            vector = loads(row.vector if row is not None else None)
            vector[vault_id] = counter
            if row is not None:
                session.execute(
                    table.update()
                    .where(table.c.record_uuid == uuid, table.c.field == name)
                    .values(vector=dumps(vector), edited_at=now, source="", received_at=None)
                )
            else:
                inserts.append(
                    {
                        "record_uuid": uuid,
                        "field": name,
                        "vector": dumps(vector),
                        "edited_at": now,
                        "source": "",
                        "received_at": None,
                    }
                )
    if inserts:
        session.execute(table.insert(), inserts)


def bump(
    session: Session, table: sa.Table | str, ids: Iterable[int], fields: Iterable[str]
) -> None:
    """Record a local edit of ``fields`` of the rows ``ids`` of ``table`` made by Core.

    Fields that are not shared are ignored; so is a table that shares nothing.
    """
    name = table if isinstance(table, str) else table.name
    shared = _FIELDS.get(name)
    chosen = sorted(set(ids))
    edited_fields = [f for f in fields if shared is not None and f in shared]
    if not edited_fields or not chosen or is_applying(session):
        return
    source = Base.metadata.tables[name]
    uuids: list[str] = []
    for start in range(0, len(chosen), 500):
        uuids.extend(
            session.scalars(
                sa.select(source.c.uuid).where(source.c.id.in_(chosen[start : start + 500]))
            )
        )
    if uuids:
        vault_id, counter = tick(session)
        _write_versions(session, {u: edited_fields for u in uuids}, vault_id, counter)


def bury(
    session: Session,
    table_name: str,
    uuids: Iterable[str],
    deleted_at: datetime,
    *,
    vector: Mapping[str, int] | None = None,
    source: str = "",
    received_at: datetime | None = None,
) -> None:
    """Leave tombstones for these records of ``table_name`` (a shared table), deleted.

    The tombstone's version is ``vector`` (one received), or by default one that has seen
    every version of the record's fields, advanced by this vault's counter.
    """
    chosen = sorted(set(uuids))
    if table_name not in _FIELDS or not chosen:
        return
    existing = set(
        session.scalars(sa.select(Tombstone.record_uuid).where(Tombstone.record_uuid.in_(chosen)))
    )
    chosen = [u for u in chosen if u not in existing]
    if not chosen:
        return
    versions = versions_of(session, chosen)
    if vector is None:
        vault_id, counter = tick(session)
    rows = []
    for uuid in chosen:
        if vector is None:
            seen = merged(*(loads(v.vector) for (u, _f), v in versions.items() if u == uuid))
            seen[vault_id] = counter
        else:
            seen = dict(vector)
        rows.append(
            {
                "record_uuid": uuid,
                "table_name": table_name,
                "vector": dumps(seen),
                "deleted_at": deleted_at,
                "source": source,
                "received_at": received_at,
            }
        )
    table = Tombstone.__table__
    assert isinstance(table, sa.Table)
    session.execute(table.insert(), rows)


def unbury(session: Session, uuids: Iterable[str]) -> None:
    """Forget the tombstones of records put back (restored from the trash)."""
    chosen = sorted(set(uuids))
    for start in range(0, len(chosen), 500):
        session.execute(
            sa.delete(Tombstone).where(Tombstone.record_uuid.in_(chosen[start : start + 500]))
        )


# -- the hook ----------------------------------------------------------------------------------


def is_applying(session: Session) -> bool:
    """Whether a merge is writing in ``session`` (its edits carry received versions)."""
    return bool(session.info.get(_APPLYING))


def set_applying(session: Session, value: bool) -> None:
    """Mark ``session`` as writing a merge (no local versions) or not."""
    if value:
        session.info[_APPLYING] = True
    else:
        session.info.pop(_APPLYING, None)


def install(sessions: sessionmaker[Session]) -> None:
    """Version every local edit of a shared field made through the ORM by ``sessions``."""
    event.listen(sessions, "after_flush", _after_flush)


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    if is_applying(session):
        return
    edited: dict[str, set[str]] = {}
    for obj in session.dirty:
        table = getattr(obj, "__tablename__", None)
        shared = _FIELDS.get(table or "")
        if shared is None:
            continue
        state = sa.inspect(obj)
        names = {
            attr.key for attr in state.attrs if attr.key in shared and attr.history.has_changes()
        }
        # A relationship set (``interaction.process = p``) changes its foreign key.
        for rel in state.mapper.relationships:
            if rel.direction is not MANYTOONE:
                continue
            if state.attrs[rel.key].history.has_changes():
                names.update(c.key for c in rel.local_columns if c.key in shared)
        if names:
            edited.setdefault(obj.uuid, set()).update(names)
    deleted: dict[str, list[str]] = {}
    for obj in session.deleted:
        table = getattr(obj, "__tablename__", None)
        if table in _FIELDS:
            deleted.setdefault(table, []).append(obj.uuid)
    if edited:
        vault_id, counter = tick(session)
        _write_versions(session, edited, vault_id, counter)
    now = utcnow()
    for table_name, uuids in deleted.items():
        bury(session, table_name, uuids, now)


__all__ = [
    "SHARED_FIELDS",
    "Vector",
    "Version",
    "bump",
    "bury",
    "compare",
    "dominates",
    "dumps",
    "install",
    "is_applying",
    "loads",
    "merged",
    "set_applying",
    "set_version",
    "tick",
    "unbury",
    "vault_exchange_id",
    "versions_of",
]
