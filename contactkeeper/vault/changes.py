"""What a write changed: one vocabulary of record kinds, collected from the unit of work.

Screens show records of many kinds, and a write made in one place (a contact logged in the
log dialog, a record restored from the trash) must show up in every other place at once.
Nobody should have to work out by hand which kinds a write touched: the vault says so.

The vocabulary
    :class:`Kind` names every kind of record a vault holds, one member per record class of
    :mod:`contactkeeper.vault.model`. Rows that only belong to a record count as a change
    of that record: a name variant or a tag link is a change of its actor, a hop of its
    channel, a participant row of its interaction. The table of classes below is checked
    against the model when this module is imported, so a new model class without a kind
    is an error at once, never a silent miss. The values are the names people read (and
    the names the trash stores): ``"follow-up"``, ``"readiness cue"``.

The value
    :class:`Changes` is frozen: the kinds changed and, where the write knew them cheaply,
    the ids of the records of each kind. A kind in ``kinds`` without an entry in ``ids``
    changed records that are not all known (a bulk update of every actor, or rows the
    database deleted by itself through ``ON DELETE CASCADE``). ``changes.touches(kind, id)``
    is therefore true whenever that record may have changed.

How it is collected
    The vault installs three hooks on its sessionmaker (:func:`install`):

    - ``after_flush`` looks at ``session.new``, ``session.dirty`` (only objects with a net
      change, ``session.is_modified``) and ``session.deleted``, and maps each object to its
      kind by its class. A deleted record also adds the kinds whose rows the database
      deletes or unlinks with it (its ``ON DELETE CASCADE`` and ``SET NULL`` foreign keys,
      read from the schema once at import): deleting an actor changes their channels,
      interactions, follow-ups, cues, relationships, affiliations and participations.
    - Writes that bypass the unit of work (Core ``insert()``/``update()`` statements in
      :mod:`contactkeeper.records.bulk`, the trash's restore) add theirs by hand with
      :func:`note` or :func:`note_rows`, exactly as they re-index the search by hand.
    - ``after_commit`` hands what the transaction collected to the recordings open on the
      committing thread; ``after_rollback`` forgets it. A rolled-back unit of work changed
      nothing, and says so.

Who asks
    Collection happens only inside :meth:`Vault.recording` (``with vault.recording() as
    recorded: ...``; then ``recorded.changes``): everything committed on this thread inside
    the block, across any number of service calls. The recordings are per thread, so a
    backup running in the background and an edit made on the screen at the same moment
    never get each other's changes. Outside a recording (the command line, the benchmarks,
    a bulk import nobody watches) the hooks return at their first line, so the write paths
    pay nothing. Services keep returning their plain values; the GUI wraps the calls it
    makes in one recording and passes the :class:`Changes` on to every view on one signal.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, NamedTuple

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction, sessionmaker

from contactkeeper.vault.exchange_model import (
    ExchangeClock,
    FieldHistory,
    FieldVersion,
    PendingConflict,
    Tombstone,
)
from contactkeeper.vault.model import (
    Actor,
    ActorTag,
    Affiliation,
    Base,
    Channel,
    ChannelHop,
    Colleague,
    CueKind,
    Event,
    EventOutcome,
    ExchangeIdentity,
    FollowUp,
    Interaction,
    InteractionEvent,
    InteractionParticipant,
    Invitation,
    NameVariant,
    Organization,
    Participation,
    Process,
    ReadinessCue,
    ReceivedBundle,
    Relationship,
    Review,
    Setting,
    Side,
    Tag,
    TheoryOfChange,
    Transfer,
    TrashItem,
)


class Kind(enum.StrEnum):
    """A kind of record, as changes name it (and as the trash stores it)."""

    ACTOR = "actor"
    ORGANIZATION = "organization"
    AFFILIATION = "affiliation"
    PROCESS = "process"
    PARTICIPANT = "participant"
    CHANNEL = "channel"
    INTERACTION = "interaction"
    RELATIONSHIP = "relationship"
    CUE_KIND = "cue kind"
    READINESS_CUE = "readiness cue"
    FOLLOW_UP = "follow-up"
    EVENT = "event"
    TRANSFER = "transfer"
    REVIEW = "review"
    TAG = "tag"
    SETTING = "setting"
    TRASH = "trash"
    COLLEAGUE = "colleague"
    # Exchange with colleagues: versions, tombstones, conflicts and history of merges.
    EXCHANGE = "exchange"


# Every record class and its kind.
RECORD_KINDS: Final[Mapping[type[Base], Kind]] = MappingProxyType(
    {
        Actor: Kind.ACTOR,
        Organization: Kind.ORGANIZATION,
        Affiliation: Kind.AFFILIATION,
        Process: Kind.PROCESS,
        Participation: Kind.PARTICIPANT,
        Channel: Kind.CHANNEL,
        Interaction: Kind.INTERACTION,
        Relationship: Kind.RELATIONSHIP,
        CueKind: Kind.CUE_KIND,
        ReadinessCue: Kind.READINESS_CUE,
        FollowUp: Kind.FOLLOW_UP,
        Event: Kind.EVENT,
        Transfer: Kind.TRANSFER,
        Review: Kind.REVIEW,
        Tag: Kind.TAG,
        Setting: Kind.SETTING,
        TrashItem: Kind.TRASH,
        Colleague: Kind.COLLEAGUE,
        ExchangeIdentity: Kind.COLLEAGUE,  # this vault's own card (no colleague's id)
        ExchangeClock: Kind.EXCHANGE,
        FieldVersion: Kind.EXCHANGE,
        Tombstone: Kind.EXCHANGE,
        PendingConflict: Kind.EXCHANGE,
        FieldHistory: Kind.EXCHANGE,
    }
)
# Rows that belong to a record of another class, and the column holding that record's id.
_PARTS: Final[Mapping[type[Base], tuple[type[Base], str]]] = MappingProxyType(
    {
        NameVariant: (Actor, "actor_id"),
        ActorTag: (Actor, "actor_id"),
        ChannelHop: (Channel, "channel_id"),
        Side: (Process, "process_id"),
        InteractionParticipant: (Interaction, "interaction_id"),
        InteractionEvent: (Interaction, "interaction_id"),
        Invitation: (Event, "event_id"),
        EventOutcome: (Event, "event_id"),
        TheoryOfChange: (Process, "process_id"),
        ReceivedBundle: (Colleague, "colleague_id"),
    }
)
# Settings are keyed by a name, not a number, the vault's own exchange keys are no
# colleague, and exchange's bookkeeping is keyed by record UUIDs: their changes carry no ids.
_NO_IDS: Final = frozenset(
    {
        Setting,
        ExchangeIdentity,
        ExchangeClock,
        FieldVersion,
        Tombstone,
        PendingConflict,
        FieldHistory,
    }
)


class _Where(NamedTuple):
    """Where a row of one table counts: its kind, the column naming the record of that kind
    (None: no ids), and the kinds the database changes by itself when the row is deleted."""

    kind: Kind
    id_column: str | None
    on_delete: frozenset[Kind]


def _table(cls: type[Base]) -> sa.Table:
    table = cls.__table__
    assert isinstance(table, sa.Table)
    return table


def _on_delete(table: sa.Table, kind_of: Mapping[str, Kind]) -> frozenset[Kind]:
    """The kinds of the rows the database deletes (``CASCADE``, followed on) or unlinks
    (``SET NULL``) when a row of ``table`` is deleted."""
    found: set[Kind] = set()
    seen: set[str] = set()
    todo = [table]
    while todo:
        parent = todo.pop()
        for child in Base.metadata.sorted_tables:
            for fk in child.foreign_keys:
                if fk.column.table is not parent or fk.ondelete not in ("CASCADE", "SET NULL"):
                    continue
                found.add(kind_of[child.name])
                if fk.ondelete == "CASCADE" and child.name not in seen:
                    seen.add(child.name)
                    todo.append(child)
    # Rows that belong to the deleted record itself (a process's sides) are part of it: its
    # own kind is already there, with its id.
    found.discard(kind_of[table.name])
    return frozenset(found)


def _where_by_table() -> dict[str, _Where]:
    owners: dict[type[Base], tuple[Kind, str | None]] = {
        cls: (kind, None if cls in _NO_IDS else "id") for cls, kind in RECORD_KINDS.items()
    }
    for part, (owner, column) in _PARTS.items():
        owners[part] = (RECORD_KINDS[owner], column)
    mapped = {mapper.class_ for mapper in Base.registry.mappers}
    if mapped != set(owners):
        missing = sorted(cls.__name__ for cls in mapped - set(owners))
        raise RuntimeError(f"every model class needs a kind of change; missing: {missing}")
    kind_of = {_table(cls).name: kind for cls, (kind, _column) in owners.items()}
    return {
        _table(cls).name: _Where(kind, column, _on_delete(_table(cls), kind_of))
        for cls, (kind, column) in owners.items()
    }


_BY_TABLE: Final[Mapping[str, _Where]] = MappingProxyType(_where_by_table())
_BY_CLASS: Final[Mapping[type[Any], _Where]] = MappingProxyType(
    {mapper.class_: _BY_TABLE[_table(mapper.class_).name] for mapper in Base.registry.mappers}
)


def kind_of(what: type[Base] | sa.Table) -> Kind:
    """The kind of change a row of this model class or table is."""
    name = what.name if isinstance(what, sa.Table) else _table(what).name
    return _BY_TABLE[name].kind


# -- the value ---------------------------------------------------------------------------------

_NO_IDS_KNOWN: Final[Mapping[Kind, frozenset[int]]] = MappingProxyType({})


@dataclass(frozen=True)
class Changes:
    """The kinds of records one or more committed units of work changed, with their ids
    where known (a kind in ``kinds`` missing from ``ids``: any record of it may have)."""

    kinds: frozenset[Kind] = frozenset()
    ids: Mapping[Kind, frozenset[int]] = field(default_factory=lambda: _NO_IDS_KNOWN, hash=False)

    def __post_init__(self) -> None:
        if not isinstance(self.ids, MappingProxyType):  # read-only, like the rest
            object.__setattr__(self, "ids", MappingProxyType(dict(self.ids)))

    @classmethod
    def of(cls, *kinds: Kind) -> Changes:
        """Changes to records of these kinds, ids not known."""
        return cls(frozenset(kinds))

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds

    def any_of(self, kinds: Iterable[Kind]) -> bool:
        """Whether records of any of ``kinds`` changed."""
        return not self.kinds.isdisjoint(kinds)

    def ids_of(self, kind: Kind) -> frozenset[int] | None:
        """The ids of the records of ``kind`` that changed; None when they are not known."""
        if kind not in self.kinds:
            return frozenset()
        return self.ids.get(kind)

    def touches(self, kind: Kind, record_id: int) -> bool:
        """Whether the record ``record_id`` of ``kind`` may have changed."""
        ids = self.ids_of(kind)
        return ids is None or record_id in ids

    def __or__(self, other: Changes) -> Changes:
        kinds = self.kinds | other.kinds
        ids: dict[Kind, frozenset[int]] = {}
        for kind in kinds:
            mine, theirs = self.ids_of(kind), other.ids_of(kind)
            if mine is not None and theirs is not None:
                ids[kind] = mine | theirs
        return Changes(kinds, MappingProxyType(ids))

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{kind.value}{sorted(ids) if (ids := self.ids.get(kind)) is not None else ''}"
            for kind in sorted(self.kinds)
        )
        return f"Changes({shown})"


NO_CHANGES: Final = Changes()


class _Collected:
    """What one unit of work changed so far (mutable; frozen on commit)."""

    def __init__(self) -> None:
        self.ids: dict[Kind, set[int]] = {}
        self.unknown: set[Kind] = set()

    def add(self, kind: Kind, record_ids: Iterable[Any] | None) -> None:
        if record_ids is None:
            self.unknown.add(kind)
            return
        known = self.ids.setdefault(kind, set())
        for record_id in record_ids:
            if isinstance(record_id, int):
                known.add(record_id)
            else:  # not read (an expired attribute), or not a number
                self.unknown.add(kind)

    def add_object(self, obj: object, *, deleted: bool = False) -> None:
        where = _BY_CLASS.get(type(obj))
        if where is None:  # not a record (cannot happen: checked at import)
            return
        if deleted:
            for kind in where.on_delete:
                # Parts deleted with their own record (a process's sides) count as a
                # change of that record, whose id is known.
                if kind is not where.kind:
                    self.unknown.add(kind)
        if where.id_column is None:
            self.unknown.add(where.kind)
            return
        state = sa.inspect(obj)
        record_id = state.dict.get(where.id_column)
        if record_id is None and where.id_column == "id" and state.identity:
            record_id = state.identity[0]
        ids = [record_id]
        if where.id_column != "id" and not deleted:  # a part moved to another record
            ids += state.attrs[where.id_column].history.deleted or ()
        self.add(where.kind, ids)

    def freeze(self) -> Changes:
        kinds = frozenset(self.ids) | frozenset(self.unknown)
        ids = {
            kind: frozenset(found) for kind, found in self.ids.items() if kind not in self.unknown
        }
        return Changes(kinds, MappingProxyType(ids))


# -- recordings --------------------------------------------------------------------------------


class Recording:
    """The changes committed on one thread while a :meth:`Recorder.recording` block runs."""

    def __init__(self) -> None:
        self._changes = NO_CHANGES

    @property
    def changes(self) -> Changes:
        return self._changes

    def _add(self, changes: Changes) -> None:
        self._changes = self._changes | changes


class Recorder:
    """Hands the changes of each committed unit of work to the recordings open on the
    thread that committed it. One per vault."""

    def __init__(self) -> None:
        self._local = threading.local()

    def _open(self) -> list[Recording]:
        found: list[Recording] | None = getattr(self._local, "open", None)
        if found is None:
            found = self._local.open = []
        return found

    @property
    def active(self) -> bool:
        """Whether a recording is open on this thread (if not, nothing is collected)."""
        return bool(getattr(self._local, "open", None))

    @contextmanager
    def recording(self) -> Iterator[Recording]:
        recording = Recording()
        open_here = self._open()
        open_here.append(recording)
        try:
            yield recording
        finally:
            open_here[:] = [r for r in open_here if r is not recording]

    def deliver(self, changes: Changes) -> None:
        for recording in self._open():
            recording._add(changes)


# -- the hooks ---------------------------------------------------------------------------------

_RECORDER_KEY: Final = "contactkeeper.changes.recorder"
_COLLECTED_KEY: Final = "contactkeeper.changes.collected"


def install(sessions: sessionmaker[Session]) -> Recorder:
    """Collect the changes of every unit of work of ``sessions``; returns their recorder.

    Call once per sessionmaker (see :func:`search_index.install` for why not guarded).
    """
    recorder = Recorder()
    info = dict(sessions.kw.get("info") or {})
    info[_RECORDER_KEY] = recorder
    sessions.configure(info=info)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "after_commit", _after_commit)
    event.listen(sessions, "after_rollback", _forget)
    event.listen(sessions, "after_soft_rollback", _after_soft_rollback)
    return recorder


def _collected(session: Session) -> _Collected | None:
    """What this unit of work collected so far; None when nobody records on this thread."""
    recorder: Recorder | None = session.info.get(_RECORDER_KEY)
    if recorder is None or not recorder.active:
        return None
    found: _Collected | None = session.info.get(_COLLECTED_KEY)
    if found is None:
        found = session.info[_COLLECTED_KEY] = _Collected()
    return found


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    collected = _collected(session)
    if collected is None:
        return
    for obj in session.new:
        collected.add_object(obj)
    for obj in session.dirty:
        if session.is_modified(obj):
            collected.add_object(obj)
    for obj in session.deleted:
        collected.add_object(obj, deleted=True)


def _after_commit(session: Session) -> None:
    collected: _Collected | None = session.info.pop(_COLLECTED_KEY, None)
    recorder: Recorder | None = session.info.get(_RECORDER_KEY)
    if collected is not None and recorder is not None:
        changes = collected.freeze()
        if changes:
            recorder.deliver(changes)


def _forget(session: Session) -> None:
    session.info.pop(_COLLECTED_KEY, None)


def _after_soft_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    if previous_transaction.parent is None:  # the whole unit of work, not a savepoint
        _forget(session)


def note(
    session: Session, what: type[Base] | sa.Table, record_ids: Iterable[int] | None = None
) -> None:
    """Count records written by a Core statement (which the flush hook cannot see).

    ``record_ids`` are ids of records of ``what``'s kind (for a part, such as name variants,
    the ids of their actors); None when they are not known.
    """
    collected = _collected(session)
    if collected is None:
        return
    name = what.name if isinstance(what, sa.Table) else _table(what).name
    where = _BY_TABLE[name]
    collected.add(where.kind, None if where.id_column is None else record_ids)


def note_rows(
    session: Session,
    table: sa.Table,
    rows: Iterable[Mapping[str, Any]],
    new_ids: Iterable[int] | None = None,
) -> None:
    """Count rows of ``table`` written by a Core statement.

    The ids are read from the rows (a record's ``id``; a part's record, such as a name
    variant's ``actor_id``), or for records just inserted, given as ``new_ids``.
    """
    collected = _collected(session)
    if collected is None:
        return
    where = _BY_TABLE[table.name]
    column = where.id_column
    if column is None:
        collected.add(where.kind, None)
    elif column == "id" and new_ids is not None:
        collected.add(where.kind, new_ids)
    else:
        collected.add(where.kind, [row.get(column) for row in rows])


__all__ = [
    "NO_CHANGES",
    "RECORD_KINDS",
    "Changes",
    "Kind",
    "Recorder",
    "Recording",
    "install",
    "kind_of",
    "note",
    "note_rows",
]
