"""Merging a colleague's payload: field by field, by version vector (docs/exchange-format.md).

For each record of the payload, matched by UUID: a record this vault does not have is added
(unless it was deleted here: its tombstone keeps it out); for a record it has, each field is
compared by version: the same version changes nothing, an older one is ignored, a newer one
replaces the value (the value replaced goes to the record's history), and a concurrent one
with a different value becomes a conflict for the user (our value stays until it is
settled). Tombstones move records to the trash when the deletion has seen every edit of the
record here; otherwise they wait as a conflict. A preview runs the same merge in a
transaction that is rolled back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Final, Literal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from contactkeeper import i18n
from contactkeeper.errors import ConflictSettled, PayloadInvalid
from contactkeeper.exchange.team import payload as wire
from contactkeeper.exchange.team.sharing import (
    Conflict,
    HistoryEntry,
    MergeItem,
    MergePreview,
    MergeReport,
)
from contactkeeper.i18n import N_, _
from contactkeeper.records import bulk, trash
from contactkeeper.vault import Vault, changes, clocks, search_index
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.exchange_model import (
    FieldHistory,
    FieldVersion,
    PendingConflict,
    Tombstone,
)
from contactkeeper.vault.model import (
    Actor,
    CueKind,
    Interaction,
    InteractionParticipant,
    Sensitivity,
    utcnow,
)

# A deletion that met edits it had not seen: a conflict on this pseudo-field.
DELETED: Final = "(deleted)"

# The kind of change each table's records count as (what the views refresh).
_KINDS: Final[dict[str, Kind]] = {
    "actors": Kind.ACTOR,
    "name_variants": Kind.ACTOR,
    "processes": Kind.PROCESS,
    "sides": Kind.PROCESS,
    "participations": Kind.PARTICIPANT,
    "channels": Kind.CHANNEL,
    "events": Kind.EVENT,
    "event_invitations": Kind.EVENT,
    "interactions": Kind.INTERACTION,
    "readiness_cues": Kind.READINESS_CUE,
    "follow_ups": Kind.FOLLOW_UP,
}
# Records that go to the trash when deleted (the others are parts of them).
_TRASHED: Final[dict[str, str]] = {
    "actors": Kind.ACTOR,
    "processes": Kind.PROCESS,
    "channels": Kind.CHANNEL,
    "events": Kind.EVENT,
    "interactions": Kind.INTERACTION,
    "readiness_cues": Kind.READINESS_CUE,
    "follow_ups": Kind.FOLLOW_UP,
}
_PARTS: Final = frozenset({"name_variants", "sides", "event_invitations"})
_INDEXED: Final[dict[str, tuple[str, str]]] = {
    # table -> (search kind, column naming the indexed record)
    "actors": ("actor", "id"),
    "name_variants": ("actor", "actor_id"),
    "processes": ("process", "id"),
    "events": ("event", "id"),
    "interactions": ("interaction", "id"),
}

_TYPE_LABELS: Final[dict[str, str]] = {
    "actors": N_("actor"),
    "name_variants": N_("name"),
    "processes": N_("process"),
    "sides": N_("side"),
    "participations": N_("participant"),
    "channels": N_("channel"),
    "events": N_("event"),
    "event_invitations": N_("invitation"),
    "interactions": N_("interaction"),
    "readiness_cues": N_("readiness cue"),
    "follow_ups": N_("follow-up"),
}
FIELD_LABELS: Final[dict[str, str]] = {
    "display_name": N_("name"),
    "codename": N_("codename"),
    "sensitivity": N_("sensitivity"),
    "status": N_("status"),
    "country": N_("country"),
    "languages": N_("languages"),
    "notes": N_("notes"),
    "influence": N_("influence"),
    "actor_track": N_("track"),
    "access": N_("access"),
    "standing": N_("standing"),
    "personal_risk": N_("personal risk"),
    "attribution": N_("attribution rule"),
    "actor_id": N_("actor"),
    "name": N_("name"),
    "script": N_("script"),
    "note": N_("note"),
    "track": N_("track"),
    "phase": N_("phase"),
    "description": N_("description"),
    "opportunity_on": N_("opportunity from"),
    "opportunity_until": N_("opportunity until"),
    "opportunity_note": N_("opportunity note"),
    "review_every_days": N_("review cadence"),
    "process_id": N_("process"),
    "position": N_("position"),
    "role": N_("role"),
    "side_id": N_("side"),
    "kind": N_("kind"),
    "label": N_("label"),
    "trust": N_("trust"),
    "title": N_("title"),
    "starts_on": N_("start"),
    "ends_on": N_("end"),
    "venue": N_("venue"),
    "convenor": N_("convenor"),
    "funder": N_("funder"),
    "ground_rules": N_("ground rules"),
    "agenda": N_("agenda"),
    "event_id": N_("event"),
    "occurred_at": N_("date"),
    "register": N_("register"),
    "channel_id": N_("channel"),
    "summary": N_("summary"),
    "unexpected_opening": N_("unexpected opening"),
    "kind_id": N_("kind"),
    "direction": N_("direction"),
    "strength": N_("strength"),
    "reliability": N_("reliability"),
    "credibility": N_("credibility"),
    "reported_by_id": N_("reported by"),
    "observed_on": N_("observed on"),
    "due_on": N_("due on"),
    "done_at": N_("done at"),
    "interaction_id": N_("interaction"),
    DELETED: N_("deleted"),
}


def field_label(name: str) -> str:
    return _(FIELD_LABELS[name]) if name in FIELD_LABELS else name


def type_label(table: str) -> str:
    return _(_TYPE_LABELS[table]) if table in _TYPE_LABELS else table


def shown(value: Any) -> str:
    """A stored (JSON) value as shown to people."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int):
        return i18n.number(value)
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return i18n.long_date(date.fromisoformat(value))
            if value.endswith("Z") and len(value) >= 20:
                return i18n.long_datetime(datetime.fromisoformat(value))
        except ValueError:
            pass
        return value
    return str(value)


# -- the merge ---------------------------------------------------------------------------------


@dataclass
class _Outcome:
    new: list[MergeItem] = field(default_factory=list)
    changed: list[MergeItem] = field(default_factory=list)
    conflicts: list[MergeItem] = field(default_factory=list)
    deleted: list[MergeItem] = field(default_factory=list)
    unchanged: int = 0
    touched: dict[str, set[int]] = field(default_factory=dict)  # table -> local ids written

    def touch(self, table: str, ids: Iterable[int]) -> None:
        self.touched.setdefault(table, set()).update(ids)


def _label(table: str, values: Mapping[str, Any]) -> str:
    """A record's name in a line (a high-risk actor by codename)."""
    if table == "actors":
        if values.get("sensitivity") in (Sensitivity.HIGH_RISK, Sensitivity.HIGH_RISK.value):
            return str(values.get("codename") or "")
        return str(values.get("display_name") or values.get("codename") or "")
    for key in ("name", "title", "label", "summary"):
        text = values.get(key)
        if isinstance(text, str) and text:
            return text if len(text) <= 60 else text[:59] + "…"
    return ""


def _item(
    table: str, uuid: str, values: Mapping[str, Any], fields: Iterable[str], how: str
) -> MergeItem:
    what = type_label(table)
    name = _label(table, values)
    names = ", ".join(field_label(f) for f in fields)
    if how == "new":
        line = (
            _("New {what}: {name}").format(what=what, name=i18n.isolate(name))
            if name
            else _("New {what}").format(what=what)
        )
    elif how == "changed":
        line = _("Changed {what} {name}: {fields}").format(
            what=what, name=i18n.isolate(name), fields=names
        )
    elif how == "conflict":
        line = _("Conflict on {what} {name}: {fields}").format(
            what=what, name=i18n.isolate(name), fields=names
        )
    else:
        line = _("Deleted {what} {name} (to the trash)").format(what=what, name=i18n.isolate(name))
    return MergeItem(kind=_KINDS[table], uuid=uuid, line=line, fields=tuple(fields))


def _local_ids(session: Session, table: sa.Table, uuids: Iterable[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    ordered = sorted(set(uuids))
    for start in range(0, len(ordered), 500):
        found.update(
            session.execute(
                sa.select(table.c.uuid, table.c.id).where(
                    table.c.uuid.in_(ordered[start : start + 500])
                )
            ).all()
        )
    return found


def _encoded_local(
    value: Any, target: str | None, uuids_of: dict[str, dict[int, str]], session: Session
) -> Any:
    """A local value as the payload would carry it (refs by UUID, cue kinds by key)."""
    if value is None or target is None:
        return wire.encode(value)
    if target == "cue_kinds":
        return session.scalar(sa.select(CueKind.key).where(CueKind.id == value))
    known = uuids_of.setdefault(target, {})
    if value not in known:
        table = wire.BY_TABLE[target].table
        found = session.scalar(sa.select(table.c.uuid).where(table.c.id == value))
        known[value] = str(found)
    return known[value]


def merge(
    session: Session, received: wire.Received, sender: str, received_at: datetime
) -> _Outcome:
    """Merge ``received`` into the vault of ``session`` (the caller commits or rolls back)."""
    clocks.set_applying(session, True)
    try:
        return _merge(session, received, sender, received_at)
    except (sa.exc.IntegrityError, ValueError):
        # A rule of the database (a range, a required field left out of a new record).
        raise PayloadInvalid(_("its records break the rules of the vault")) from None
    finally:
        clocks.set_applying(session, False)


def _merge(
    session: Session, received: wire.Received, sender: str, received_at: datetime
) -> _Outcome:
    outcome = _Outcome()
    kind_ids = _cue_kinds(session, received.cue_kinds)
    all_uuids = [r["uuid"] for r in received.records]
    buried = _buried(session, all_uuids + [t["uuid"] for t in received.tombstones])
    _check_types(session, received)
    versions = clocks.versions_of(session, all_uuids)
    pending = {
        (c.record_uuid, c.field, c.their_vector)
        for c in session.scalars(sa.select(PendingConflict))
    }
    # uuid -> local id, by table (those written here are added as they are).
    ids: dict[str, dict[str, int]] = {}
    uuids_of: dict[str, dict[int, str]] = {}
    by_type: dict[str, list[dict[str, Any]]] = {}
    for record in received.records:
        by_type.setdefault(record["type"], []).append(record)
    refs_wanted: dict[str, set[str]] = {}
    for spec in wire.SPECS:
        for record in by_type.get(spec.tag, []):
            for name, target in spec.refs.items():
                entry = record["fields"].get(name)
                if entry is not None and target != "cue_kinds" and isinstance(entry["value"], str):
                    refs_wanted.setdefault(target, set()).add(entry["value"])
    for target, wanted in refs_wanted.items():
        ids[target] = _local_ids(session, wire.BY_TABLE[target].table, wanted)
    new_versions: list[dict[str, Any]] = []
    for spec in wire.SPECS:
        records = by_type.get(spec.tag, [])
        if not records:
            continue
        table = spec.table
        known = ids.setdefault(spec.name, {})
        known.update(_local_ids(session, table, [r["uuid"] for r in records]))
        local_rows: dict[str, Any] = {}
        present = [r["uuid"] for r in records if r["uuid"] in known]
        for start in range(0, len(present), 500):
            for row in session.execute(
                sa.select(table).where(table.c.uuid.in_(present[start : start + 500]))
            ).mappings():
                local_rows[row["uuid"]] = dict(row)
        inserts: list[dict[str, Any]] = []
        inserted_uuids: list[str] = []
        for record in records:
            uuid = record["uuid"]
            if uuid in buried:
                outcome.unchanged += 1
                continue
            values = _decoded(spec, record["fields"], ids, kind_ids)
            if values is None:  # points to a record neither sent nor here
                outcome.unchanged += 1
                continue
            local = local_rows.get(uuid)
            if local is None:
                if spec.name == "actors":
                    values["codename"] = _free_codename(session, values.get("codename"), uuid)
                inserts.append({"uuid": uuid, **values})
                inserted_uuids.append(uuid)
                for name, entry in record["fields"].items():
                    if name in values:
                        new_versions.append(
                            {
                                "record_uuid": uuid,
                                "field": name,
                                "vector": clocks.dumps(entry["version"]),
                                "edited_at": received_at,
                                "source": sender,
                                "received_at": received_at,
                            }
                        )
                outcome.new.append(_item(spec.name, uuid, values, (), "new"))
                continue
            _merge_fields(
                session,
                spec,
                record,
                local,
                values,
                versions,
                pending,
                uuids_of,
                sender,
                received_at,
                outcome,
            )
        if inserts:
            _insert(session, spec, inserts, outcome)
            known.update(_local_ids(session, table, inserted_uuids))
    if new_versions:
        session.execute(sa.insert(FieldVersion), new_versions)
    _links(session, received.links, outcome)
    _tombstones(session, received, buried, sender, received_at, outcome)
    _after(session, outcome)
    return outcome


def _batches(values: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), 500):
        yield ordered[start : start + 500]


def _buried(session: Session, uuids: Iterable[str]) -> set[str]:
    """Which of these records were deleted here (or by a colleague, as far as we know)."""
    found: set[str] = set()
    for batch in _batches(uuids):
        found.update(
            session.scalars(
                sa.select(Tombstone.record_uuid).where(Tombstone.record_uuid.in_(batch))
            )
        )
    return found


def _check_types(session: Session, received: wire.Received) -> None:
    """Refuse a payload that names a record of this vault under another type than its own
    (versions and tombstones are kept by UUID alone)."""
    claimed = {r["uuid"]: r["type"] for r in received.records}
    for t in received.tombstones:
        claimed.setdefault(t["uuid"], t["type"])
    for spec in wire.SPECS:
        for batch in _batches(claimed):
            for uuid in session.scalars(
                sa.select(spec.table.c.uuid).where(spec.table.c.uuid.in_(batch))
            ):
                if claimed[uuid] != spec.tag:
                    raise PayloadInvalid(_("a record is named with the type of another"))


def _cue_kinds(session: Session, described: list[dict[str, Any]]) -> dict[str, int]:
    """Cue kinds by key; those the payload describes and the vault lacks are added."""
    known = dict(session.execute(sa.select(CueKind.key, CueKind.id)).all())
    table = CueKind.metadata.tables["cue_kinds"]
    for kind in described:
        values = {name: wire.decode(table.c[name], kind[name]) for name in wire.CUE_KIND_FIELDS}
        if values["key"] not in known:
            known[values["key"]] = bulk.insert(session, CueKind, [values])[0]
    return known


def _decoded(
    spec: wire.TableSpec,
    fields: Mapping[str, Any],
    ids: dict[str, dict[str, int]],
    kind_ids: dict[str, int],
) -> dict[str, Any] | None:
    """A record's fields as column values; None when a required reference cannot be met."""
    values: dict[str, Any] = {}
    for name, entry in fields.items():
        raw = entry["value"]
        target = spec.refs.get(name)
        column = spec.table.c[name]
        if target == "cue_kinds":
            if not isinstance(raw, str) or raw not in kind_ids:
                return None
            values[name] = kind_ids[raw]
        elif target is not None:
            if raw is None:
                values[name] = wire.decode(column, None)
                continue
            if not isinstance(raw, str):
                raise PayloadInvalid(_("a record is not named by a UUID"))
            local = ids.get(target, {}).get(raw)
            if local is None:
                if not column.nullable:
                    return None
                continue  # not here: the field waits (the rest of the record merges)
            values[name] = local
        else:
            values[name] = wire.decode(column, raw)
    return values


def _free_codename(session: Session, wanted: Any, uuid: str) -> Any:
    if not isinstance(wanted, str):
        return wanted
    taken = session.scalar(sa.select(Actor.uuid).where(Actor.codename == wanted))
    if taken is None or taken == uuid:
        return wanted
    return f"{wanted[:90]}-{uuid[:4]}"


def _merge_fields(
    session: Session,
    spec: wire.TableSpec,
    record: Mapping[str, Any],
    row: Mapping[str, Any],
    values: dict[str, Any],
    versions: dict[tuple[str, str], clocks.Version],
    pending: set[tuple[str, str, str]],
    uuids_of: dict[str, dict[int, str]],
    sender: str,
    received_at: datetime,
    outcome: _Outcome,
) -> None:
    uuid = record["uuid"]
    updates: dict[str, Any] = {}
    conflicted: list[str] = []
    for name, entry in record["fields"].items():
        if name not in values:
            continue
        theirs_vector = entry["version"]
        ours = versions.get((uuid, name))
        ours_vector = clocks.loads(ours.vector if ours is not None else None)
        how = clocks.compare(ours_vector, theirs_vector)
        if how in ("same", "older"):
            continue
        _supersede(session, uuid, name, theirs_vector)
        target = spec.refs.get(name)
        ours_value = _encoded_local(row[name], target, uuids_of, session)
        theirs_value = entry["value"] if target is not None else wire.encode(values[name])
        equal = ours_value == theirs_value
        if how == "newer":
            if not equal:
                session.add(
                    FieldHistory(
                        record_uuid=uuid,
                        table_name=spec.name,
                        field=name,
                        value=json.dumps(ours_value, ensure_ascii=False),
                        vector=clocks.dumps(ours_vector),
                        source=ours.source if ours is not None else "",
                        edited_at=ours.edited_at if ours is not None else None,
                        replaced_at=received_at,
                        reason="replaced",
                    )
                )
                updates[name] = values[name]
            _set_version(session, versions, uuid, name, theirs_vector, sender, received_at)
            continue
        # Concurrent edits.
        if equal:
            _set_version(
                session,
                versions,
                uuid,
                name,
                clocks.merged(ours_vector, theirs_vector),
                sender,
                received_at,
            )
            continue
        key = (uuid, name, clocks.dumps(theirs_vector))
        if key in pending:
            continue  # the same conflict is already waiting
        pending.add(key)
        session.add(
            PendingConflict(
                record_uuid=uuid,
                table_name=spec.name,
                field=name,
                theirs=json.dumps(entry["value"], ensure_ascii=False),
                their_vector=clocks.dumps(theirs_vector),
                their_edited_at=None,
                sender=sender,
                received_at=received_at,
            )
        )
        conflicted.append(name)
    shown_values = {**dict(row), **updates}
    if updates:
        if spec.name == "actors" and "codename" in updates:
            updates["codename"] = _free_codename(session, updates["codename"], uuid)
        session.execute(
            spec.table.update()
            .where(spec.table.c.id == row["id"])
            .values(**updates, updated_at=utcnow())
        )
        outcome.touch(spec.name, [row["id"]])
        outcome.changed.append(_item(spec.name, uuid, shown_values, updates, "changed"))
    if conflicted:
        outcome.conflicts.append(_item(spec.name, uuid, shown_values, conflicted, "conflict"))
    if not updates and not conflicted:
        outcome.unchanged += 1


def _supersede(session: Session, uuid: str, name: str, vector: Mapping[str, int]) -> None:
    """Conflicts waiting on this field that a newer edit from a colleague has seen go."""
    for waiting in session.scalars(
        sa.select(PendingConflict).where(
            PendingConflict.record_uuid == uuid, PendingConflict.field == name
        )
    ):
        older = clocks.loads(waiting.their_vector)
        if older != vector and clocks.dominates(vector, older):
            session.delete(waiting)


def _set_version(
    session: Session,
    versions: dict[tuple[str, str], clocks.Version],
    uuid: str,
    name: str,
    vector: Mapping[str, int],
    source: str,
    received_at: datetime,
) -> None:
    versions[(uuid, name)] = clocks.set_version(
        session,
        uuid,
        name,
        vector,
        edited_at=received_at,
        source=source,
        received_at=received_at,
        exists=(uuid, name) in versions,
    )


def _insert(
    session: Session, spec: wire.TableSpec, rows: list[dict[str, Any]], outcome: _Outcome
) -> None:
    table = spec.table
    if spec.model is Interaction:
        names = {n for row in rows for n in row}
        complete = []
        for row in rows:
            filled = dict(row)
            for name in names - filled.keys():
                default = table.c[name].default
                filled[name] = (
                    default.arg(None)
                    if isinstance(default, sa.ColumnDefault) and callable(default.arg)
                    else getattr(default, "arg", None)
                )
            complete.append(filled)
        session.flush()
        statement = table.insert().returning(table.c.id, sort_by_parameter_order=True)
        new_ids = list(session.connection().execute(statement, complete).scalars())
        changes.note(session, Interaction, new_ids)
    else:
        new_ids = bulk.insert(session, spec.model, rows, index=False)
    outcome.touch(spec.name, new_ids)


def _links(session: Session, links: list[dict[str, Any]], outcome: _Outcome) -> None:
    """Participants the payload names that the vault lacks (participants are only added)."""
    if not links:
        return
    interactions = _local_ids(
        session, wire.BY_TABLE["interactions"].table, [x["interaction"] for x in links]
    )
    actors = _local_ids(session, wire.BY_TABLE["actors"].table, [x["actor"] for x in links])
    table = InteractionParticipant.metadata.tables["interaction_participants"]
    wanted = {
        (interactions[x["interaction"]], actors[x["actor"]])
        for x in links
        if x["interaction"] in interactions and x["actor"] in actors
    }
    present: set[tuple[int, int]] = set()
    chosen = sorted({i for i, _a in wanted})
    for start in range(0, len(chosen), 500):
        present.update(
            session.execute(
                sa.select(table.c.interaction_id, table.c.actor_id).where(
                    table.c.interaction_id.in_(chosen[start : start + 500])
                )
            ).all()
        )
    missing = sorted(wanted - present)
    if missing:
        session.execute(table.insert(), [{"interaction_id": i, "actor_id": a} for i, a in missing])
        outcome.touch("interactions", {i for i, _a in missing})
        outcome.touch("actors_contacted", {a for _i, a in missing})


def _tombstones(
    session: Session,
    received: wire.Received,
    buried: set[str],
    sender: str,
    received_at: datetime,
    outcome: _Outcome,
) -> None:
    # Records before their parts: a part deleted with its record goes to the same trash item.
    order = {spec.tag: n for n, spec in enumerate(wire.SPECS)}
    for tombstone in sorted(received.tombstones, key=lambda t: (order[t["type"]], t["uuid"])):
        uuid = tombstone["uuid"]
        if uuid in buried:
            continue
        spec = wire.BY_TYPE[tombstone["type"]]
        vector = tombstone["version"]
        row = _record_row(session, spec.name, uuid)
        if row is None:
            clocks.bury(
                session,
                spec.name,
                [uuid],
                received_at,
                vector=vector,
                source=sender,
                received_at=received_at,
            )
            continue
        seen = clocks.merged(
            *(clocks.loads(v.vector) for v in clocks.versions_of(session, [uuid]).values())
        )
        if not clocks.dominates(vector, seen) and spec.name not in _TRASHED:
            # A part (a name, a side, a participant, an invitation) edited here since: kept;
            # its record's own deletion, if any, is the user's to settle.
            outcome.unchanged += 1
            continue
        if not clocks.dominates(vector, seen):
            key = (uuid, DELETED, clocks.dumps(vector))
            exists = session.scalar(
                sa.select(PendingConflict.id).where(
                    PendingConflict.record_uuid == uuid,
                    PendingConflict.field == DELETED,
                    PendingConflict.their_vector == key[2],
                )
            )
            if exists is None:
                session.add(
                    PendingConflict(
                        record_uuid=uuid,
                        table_name=spec.name,
                        field=DELETED,
                        theirs="null",
                        their_vector=key[2],
                        their_edited_at=None,
                        sender=sender,
                        received_at=received_at,
                    )
                )
                outcome.conflicts.append(_item(spec.name, uuid, row, [DELETED], "conflict"))
            continue
        clocks.bury(
            session,
            spec.name,
            [uuid],
            received_at,
            vector=vector,
            source=sender,
            received_at=received_at,
        )
        _delete(session, spec, row, received_at)
        outcome.deleted.append(_item(spec.name, uuid, row, (), "deleted"))


def _delete(session: Session, spec: wire.TableSpec, row: Mapping[str, Any], now: datetime) -> None:
    kind = _TRASHED.get(spec.name)
    if kind is not None:
        label = _label(spec.name, row) or type_label(spec.name)
        trash.discard_in(session, kind, row["id"], label, now)
    else:
        session.execute(spec.table.delete().where(spec.table.c.id == row["id"]))
        changes.note_rows(session, spec.table, [dict(row)])


def _after(session: Session, outcome: _Outcome) -> None:
    """The search index, contact summaries and what changed, for the rows written."""
    session.flush()
    for table_name, (kind, column) in _INDEXED.items():
        ids = outcome.touched.get(table_name)
        if not ids:
            continue
        if column != "id":
            table = wire.BY_TABLE[table_name].table
            ids = set(
                session.scalars(sa.select(table.c[column]).where(table.c.id.in_(sorted(ids))))
            )
        search_index.reindex(session, kind, ids)
    for table_name, ids in outcome.touched.items():
        spec = wire.BY_TABLE.get(table_name)
        if spec is not None:
            # A part (a name, a side, an invitation) counts for its record: which one is
            # not looked up (None: all of the kind refresh).
            changes.note(session, spec.model, None if table_name in _PARTS else ids)
    interactions = outcome.touched.get("interactions")
    if interactions:
        links = InteractionParticipant.metadata.tables["interaction_participants"]
        ordered = sorted(interactions)
        actors: set[int] = set(outcome.touched.get("actors_contacted", ()))
        channels: set[int] = set()
        table = wire.BY_TABLE["interactions"].table
        for start in range(0, len(ordered), 500):
            batch = ordered[start : start + 500]
            actors.update(
                session.scalars(
                    sa.select(links.c.actor_id).where(links.c.interaction_id.in_(batch))
                )
            )
            channels.update(
                c
                for c in session.scalars(sa.select(table.c.channel_id).where(table.c.id.in_(batch)))
                if c
            )
        bulk.refresh_summaries(session, actors, channels)


# -- conflicts and history ---------------------------------------------------------------------


def _record_row(session: Session, table_name: str, uuid: str) -> Mapping[str, Any] | None:
    spec = wire.BY_TABLE.get(table_name)
    if spec is None:
        return None
    found = (
        session.execute(sa.select(spec.table).where(spec.table.c.uuid == uuid)).mappings().first()
    )
    return dict(found) if found is not None else None


def conflicts(vault: Vault) -> list[Conflict]:
    found: list[Conflict] = []
    with vault.transaction() as session:
        uuids_of: dict[str, dict[int, str]] = {}
        for c in session.scalars(sa.select(PendingConflict).order_by(PendingConflict.id)):
            row = _record_row(session, c.table_name, c.record_uuid)
            spec = wire.BY_TABLE[c.table_name]
            if c.field == DELETED:
                ours = _("kept")
                theirs = _("deleted")
            else:
                ours = shown(
                    _encoded_local(row[c.field], spec.refs.get(c.field), uuids_of, session)
                    if row is not None
                    else None
                )
                theirs = shown(json.loads(c.theirs))
            found.append(
                Conflict(
                    id=c.id,
                    kind=_KINDS[c.table_name],
                    uuid=c.record_uuid,
                    record_id=row["id"] if row is not None else None,
                    label=_label(c.table_name, row) if row is not None else "",
                    field=c.field,
                    field_label=field_label(c.field),
                    ours=ours,
                    theirs=theirs,
                    sender=c.sender,
                    received_at=c.received_at,
                )
            )
    return found


def settle(vault: Vault, conflict_id: int, keep: Literal["ours", "theirs"]) -> changes.Changes:
    if keep not in ("ours", "theirs"):
        raise ValueError(keep)
    with vault.recording() as recorded, vault.transaction() as session:
        _settle(session, conflict_id, keep)
    return recorded.changes


def _settle(session: Session, conflict_id: int, keep: Literal["ours", "theirs"]) -> None:
    conflict = session.get(PendingConflict, conflict_id)
    if conflict is None:
        raise ConflictSettled()
    spec = wire.BY_TABLE[conflict.table_name]
    row = _record_row(session, conflict.table_name, conflict.record_uuid)
    now = utcnow()
    their_vector = clocks.loads(conflict.their_vector)
    if conflict.field == DELETED:
        if keep == "theirs" and row is not None:
            clocks.bury(
                session,
                spec.name,
                [conflict.record_uuid],
                now,
                vector=their_vector,
                source=conflict.sender,
                received_at=conflict.received_at,
            )
            _delete(session, spec, row, now)
        elif row is not None:
            # Kept: every field is edited anew, so that the record outlives the deletion.
            clocks.bump(session, spec.table, [row["id"]], spec.fields)
        session.delete(conflict)
        return
    if row is not None:
        versions = clocks.versions_of(session, [conflict.record_uuid])
        ours_row = versions.get((conflict.record_uuid, conflict.field))
        ours_vector = clocks.loads(ours_row.vector if ours_row is not None else None)
        uuids_of: dict[str, dict[int, str]] = {}
        ours_value = _encoded_local(
            row[conflict.field], spec.refs.get(conflict.field), uuids_of, session
        )
        theirs_value = json.loads(conflict.theirs)
        if keep == "theirs":
            loser, loser_vector, loser_source = (
                ours_value,
                ours_vector,
                (ours_row.source if ours_row else ""),
            )
            ids = {
                t: _local_ids(session, wire.BY_TABLE[t].table, [theirs_value])
                for t in spec.refs.values()
                if t != "cue_kinds" and isinstance(theirs_value, str)
            }
            kind_ids = dict(session.execute(sa.select(CueKind.key, CueKind.id)).all())
            values = _decoded(spec, {conflict.field: {"value": theirs_value}}, ids, kind_ids)
            if values is None or conflict.field not in values:
                raise PayloadInvalid(_("the value it holds points to a record not in the vault"))
            clocks.set_applying(session, True)
            try:
                session.execute(
                    spec.table.update()
                    .where(spec.table.c.id == row["id"])
                    .values(**values, updated_at=now)
                )
            finally:
                clocks.set_applying(session, False)
            changes.note(session, spec.model, None if spec.name in _PARTS else [row["id"]])
            if spec.name in _INDEXED:
                kind, column = _INDEXED[spec.name]
                search_index.reindex(session, kind, [row[column]])
        else:
            loser, loser_vector, loser_source = theirs_value, their_vector, conflict.sender
        session.add(
            FieldHistory(
                record_uuid=conflict.record_uuid,
                table_name=spec.name,
                field=conflict.field,
                value=json.dumps(loser, ensure_ascii=False),
                vector=clocks.dumps(loser_vector),
                source=loser_source,
                edited_at=conflict.received_at if keep == "ours" else None,
                replaced_at=now,
                reason="lost",
            )
        )
        # The settled value is a new edit here, which has seen both sides.
        vault_id, counter = clocks.tick(session)
        settled = clocks.merged(ours_vector, their_vector)
        settled[vault_id] = counter
        clocks.set_version(session, conflict.record_uuid, conflict.field, settled, edited_at=now)
    session.delete(conflict)


def history(vault: Vault, uuid: str) -> list[HistoryEntry]:
    with vault.transaction() as session:
        rows = session.scalars(
            sa.select(FieldHistory)
            .where(FieldHistory.record_uuid == uuid)
            .order_by(FieldHistory.replaced_at.desc(), FieldHistory.id.desc())
        )
        return [
            HistoryEntry(
                field=r.field,
                field_label=field_label(r.field),
                value=shown(json.loads(r.value)),
                source=r.source,
                edited_at=r.edited_at,
                replaced_at=r.replaced_at,
                reason=r.reason,
            )
            for r in rows
        ]


def provenance(vault: Vault, uuid: str) -> list[str]:
    """Where a record's values came from, as lines for people: one per colleague and day,
    naming the fields in the order they are listed ("From Nour Khalidi, 1 June 2026:
    country, languages")."""
    from babel.lists import format_list

    with vault.transaction() as session:
        rows = session.execute(
            sa.select(FieldVersion.field, FieldVersion.source, FieldVersion.edited_at).where(
                FieldVersion.record_uuid == uuid, FieldVersion.source != ""
            )
        ).all()
    order = {name: i for i, name in enumerate(FIELD_LABELS)}
    fields: dict[tuple[str, date], list[str]] = {}
    for name, source, edited_at in sorted(rows, key=lambda r: order.get(r[0], len(order))):
        fields.setdefault((source, edited_at.date()), []).append(field_label(name))
    return [
        # Translators: where an actor's values came from; {fields} is a list of field names.
        _("From {source}, {date}: {fields}").format(
            source=i18n.isolate(source),
            date=i18n.long_date(day),
            fields=format_list(names, locale=i18n.formats_locale()),
        )
        for (source, day), names in sorted(fields.items(), key=lambda item: item[0][1])
    ]


# -- the entry points --------------------------------------------------------------------------


class _Rollback(Exception):
    """Raised to leave a preview's transaction without committing anything."""


def _report_fields(received: wire.Received, sender: str, outcome: _Outcome) -> dict[str, Any]:
    return {
        "sender": sender,
        "sent_at": received.created_at,
        "new": tuple(outcome.new),
        "changed": tuple(outcome.changed),
        "conflicts": tuple(outcome.conflicts),
        "deleted": tuple(outcome.deleted),
        "unchanged": outcome.unchanged,
    }


def preview(vault: Vault, data: bytes, sender: str) -> MergePreview:
    received = wire.read(data)
    found: list[MergePreview] = []
    try:
        with vault.transaction() as session:
            outcome = merge(session, received, sender, datetime.now(UTC))
            found.append(MergePreview(**_report_fields(received, sender, outcome)))
            raise _Rollback
    except _Rollback:
        pass
    return found[0]


def apply(vault: Vault, data: bytes, sender: str, received_at: datetime) -> MergeReport:
    received = wire.read(data)
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    with vault.recording() as recorded, vault.transaction() as session:
        outcome = merge(session, received, sender, received_at)
    return MergeReport(**_report_fields(received, sender, outcome), changes=recorded.changes)


__all__ = [
    "DELETED",
    "FIELD_LABELS",
    "apply",
    "conflicts",
    "field_label",
    "history",
    "preview",
    "settle",
]
