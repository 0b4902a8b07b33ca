"""The search index: one FTS5 row per record, kept in step with every flush.

One row per record, at ``rowid = id * 8 + kind code``, in ``search_index`` (interactions:
``search_index_journal``, migration 0010), with two columns: ``names`` (what a record is
called) and ``body`` (what is written about it). Neither table keeps a copy of its text
(FTS5 ``content=''``): ``search_index_text`` keeps each row's text, compressed, to remove
its words when the row is rewritten (see :func:`pack`). Both columns hold text already
passed through :func:`fold`, and every query is folded the same way
(:mod:`contactkeeper.records.search`), so a search ignores case, accents, Arabic harakat and
hamza forms, Hebrew niqqud and final letters, and Cyrillic ё.

The index is part of how a vault stores its records, like an index on a table: the vault
calls :func:`install` on its sessionmaker, and each flush rewrites the rows of the records it
touched, inside the same transaction. Writes that bypass the unit of work (bulk
``insert()``/``update()``/``delete()`` statements, raw SQL in imports and restores) must call
:func:`reindex` or :func:`reindex_all` afterwards.
What is indexed:

=============  ======================================  ===============================
kind           names                                   body
=============  ======================================  ===============================
actor          display name, codename, name variants   notes, tag names, country
interaction    (nothing)                               summary
organization   name                                    notes
process        name                                    description
event          title                                   venue, convenor, funder, ground
                                                       rules, agenda, notes, outcomes
transfer       (nothing)                               what was passed, through which
                                                       channel, what came of it
follow_up      (nothing)                               title, note
=============  ======================================  ===============================

A second, small table, ``search_index_names`` (migration 0004), holds the ``names`` column
alone at the same rowids, so that names can be ranked without reading every summary's
postings. There an actor's names are followed by a line of their spelling keys (migration
0009): the key of each name in its own script and the sound keys of its Latin reading,
by the rule of :mod:`contactkeeper.records.spellings` (which registers it here with
:func:`index_spellings_with`), so that "mohamed" finds "Mohammed", "محمد" finds
"Muhammad" and "خطيب" finds "الخطيب". A third, ``search_index_fragments`` (FTS5 trigram
tokenizer, migration 0009), holds the names of actors and organizations only, so that a
fragment inside a word ("addad" in "Haddad") is looked up, not scanned for.
:func:`contactkeeper.records.search.matches` says how the three are combined.

Interactions, transfers and follow-ups leave ``names`` empty on purpose. Their participants (and a
transfer's recipient) are found as actors; were their names copied into every interaction,
a search for a name would bury the actor under hundreds of meetings, and renaming an actor
would mean rewriting every row of their history.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

import sqlalchemy as sa
import sqlcipher3
from sqlalchemy import event
from sqlalchemy.orm import QueryableAttribute, Session, UOWTransaction, sessionmaker
from sqlalchemy.pool import PoolProxiedConnection

from contactkeeper.errors import SearchIndexDamaged
from contactkeeper.vault.model import (
    Actor,
    ActorTag,
    Event,
    EventOutcome,
    FollowUp,
    Interaction,
    NameVariant,
    Organization,
    Process,
    Tag,
    Transfer,
)

# -- folding ------------------------------------------------------------------------------

# Letters that stand for another letter when searching. NFKD plus dropping marks already
# turns the hamza forms (أ إ آ ؤ ئ) into their bases; they are listed anyway so the table
# says the whole rule.
_LETTERS: Final[dict[int, str | None]] = {
    ord(letter): replacement
    for letters, replacement in (
        # Arabic: alef forms, alef maksura, teh marbuta, hamza seats, tatweel.
        ("\u0623\u0625\u0622\u0671\u0672\u0673", "\u0627"),
        ("\u0649", "\u064a"),
        ("\u0629", "\u0647"),
        ("\u0624", "\u0648"),
        ("\u0626", "\u064a"),
        ("\u0640", None),
        # Persian keyboards type yeh and kaf as their Persian forms.
        ("\u06cc", "\u064a"),
        ("\u06a9", "\u0643"),
        # Hebrew final letters, so that a prefix typed with one still matches.
        ("\u05da", "\u05db"),
        ("\u05dd", "\u05de"),
        ("\u05df", "\u05e0"),
        ("\u05e3", "\u05e4"),
        ("\u05e5", "\u05e6"),
        # Latin letters whose stroke or missing dot is not a combining mark.
        ("\u0142", "l"),
        ("\u00f8", "o"),
        ("\u0111", "d"),
        ("\u0131", "i"),
    )
    for letter in letters
}

# Combining marks (accents, harakat, niqqud) and invisible format characters (bidi marks,
# zero-width joiners, soft hyphens) that copy and paste leaves inside words.
_DROPPED_CATEGORIES: Final = frozenset({"Mn", "Me", "Cf"})


class _FoldTable(dict[int, str | None]):
    """``str.translate`` table: drops marks, maps letters; learns each code point once."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        value = None if unicodedata.category(char) in _DROPPED_CATEGORIES else char
        self[code] = value
        return value


_FOLD_TABLE: Final = _FoldTable(_LETTERS)


def fold(text: str) -> str:
    """The one normalisation applied to indexed text and to queries alike.

    Compatibility decomposition, case folding, no combining marks or format characters,
    Arabic and Hebrew letter variants mapped to one form, then NFC. Idempotent.
    """
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = unicodedata.normalize("NFKD", text.casefold())
    return unicodedata.normalize("NFC", text.translate(_FOLD_TABLE))


# -- kinds and rows ------------------------------------------------------------------------

_ACTOR: Final = 1
_INTERACTION: Final = 2
_ORGANIZATION: Final = 3
_PROCESS: Final = 4
_EVENT: Final = 5
_TRANSFER: Final = 6
_FOLLOW_UP: Final = 7
KIND_CODES: Final[dict[str, int]] = {
    "actor": _ACTOR,
    "interaction": _INTERACTION,
    "organization": _ORGANIZATION,
    "process": _PROCESS,
    "event": _EVENT,
    "transfer": _TRANSFER,
    "follow_up": _FOLLOW_UP,
}
# Kinds whose rows have no names (see above): nothing of theirs in ``search_index_names``.
_NAMELESS: Final = frozenset({_INTERACTION, _TRANSFER, _FOLLOW_UP})
# Kinds whose names are also indexed by their fragments (``search_index_fragments``).
FRAGMENTED: Final = frozenset({_ACTOR, _ORGANIZATION})
KIND_NAMES: Final = {code: kind for kind, code in KIND_CODES.items()}

NAMES_WEIGHT: Final = 10.0
BODY_WEIGHT: Final = 1.0
# An FTS5 query is a tree; a pasted paragraph should not grow it without bound.
MAX_QUERY_TOKENS: Final = 16
_CHUNK: Final = 500


def _rowid(code: int, record_id: int) -> int:
    return record_id * 8 + code


def chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    iterator = iter(ids)
    while chunk := list(itertools.islice(iterator, _CHUNK)):
        yield chunk


def _join(parts: Iterable[str | None]) -> str:
    return "\n".join(fold(p) for p in parts if p)


# -- spellings of names --------------------------------------------------------------------

SpellingKeys = Callable[[str], Iterable[str]]
# The rule that gives a person's name its spelling keys is the records' (what makes two
# spellings one name, :mod:`contactkeeper.records.spellings`): it registers itself here
# when the records are imported, as every program that writes records does.
_SPELLINGS: Final[list[SpellingKeys]] = []


def index_spellings_with(keys: SpellingKeys) -> None:
    """Index every person's name also by ``keys(name)``: the words a search folds what is
    typed to, so that any spelling, in any script, finds the person."""
    _SPELLINGS[:] = [keys]


def spelling_keys(names: Iterable[str]) -> str:
    """The spelling keys of some names not already among their folded words, one line."""
    if not _SPELLINGS:
        return ""
    words = {w for name in names for w in fold(name).split()}
    keys = dict.fromkeys(
        key for name in names for key in map(fold, _SPELLINGS[0](name)) if key not in words
    )
    return " ".join(keys)


class _Document(NamedTuple):
    """One record's text, folded: names, body, and the spelling keys of the names."""

    id: int
    names: str
    body: str
    keys: str = ""


def _actor_documents(conn: sa.Connection, ids: Sequence[int]) -> Iterator[_Document]:
    variants: dict[int, list[str]] = {}
    for actor_id, name in conn.execute(
        sa.select(NameVariant.actor_id, NameVariant.name)
        .where(NameVariant.actor_id.in_(ids))
        .order_by(NameVariant.id)
    ):
        variants.setdefault(actor_id, []).append(name)
    tags: dict[int, list[str]] = {}
    for actor_id, name in conn.execute(
        sa.select(ActorTag.actor_id, Tag.name)
        .join(Tag, Tag.id == ActorTag.tag_id)
        .where(ActorTag.actor_id.in_(ids))
        .order_by(Tag.name)
    ):
        tags.setdefault(actor_id, []).append(name)
    for actor_id, display_name, codename, notes, country in conn.execute(
        sa.select(Actor.id, Actor.display_name, Actor.codename, Actor.notes, Actor.country).where(
            Actor.id.in_(ids)
        )
    ):
        names = _join([display_name, codename, *variants.get(actor_id, ())])
        body = _join([notes, *tags.get(actor_id, ()), country])
        keys = spelling_keys([display_name, *variants.get(actor_id, ())])
        yield _Document(actor_id, names, body, keys)


def _event_documents(conn: sa.Connection, ids: Sequence[int]) -> Iterator[_Document]:
    """An event's title as its name; what is written about it, its outcomes too, as body."""
    outcomes: dict[int, list[str]] = {}
    for event_id, text in conn.execute(
        sa.select(EventOutcome.event_id, EventOutcome.text)
        .where(EventOutcome.event_id.in_(ids))
        .order_by(EventOutcome.position, EventOutcome.id)
    ):
        outcomes.setdefault(event_id, []).append(text)
    for event_id, title, *written in conn.execute(
        sa.select(
            Event.id,
            Event.title,
            Event.venue,
            Event.convenor,
            Event.funder,
            Event.ground_rules,
            Event.agenda,
            Event.notes,
        ).where(Event.id.in_(ids))
    ):
        yield _Document(event_id, _join([title]), _join([*written, *outcomes.get(event_id, ())]))


# Records other than actors and events: (table, column of names or None, columns of body).
_PLAIN: Final[
    dict[
        int,
        tuple[type[Any], QueryableAttribute[str] | None, tuple[QueryableAttribute[str], ...]],
    ]
] = {
    _INTERACTION: (Interaction, None, (Interaction.summary,)),
    _ORGANIZATION: (Organization, Organization.name, (Organization.notes,)),
    _PROCESS: (Process, Process.name, (Process.description,)),
    _TRANSFER: (Transfer, None, (Transfer.content, Transfer.via, Transfer.result_note)),
    _FOLLOW_UP: (FollowUp, None, (FollowUp.title, FollowUp.note)),
}
_TABLES: Final[dict[int, type[Any]]] = {_ACTOR: Actor, _EVENT: Event} | {
    c: t for c, (t, _, _) in _PLAIN.items()
}


def _documents(conn: sa.Connection, code: int, ids: Sequence[int]) -> Iterator[_Document]:
    """The text of each record still in the database, folded."""
    if code == _ACTOR:
        yield from _actor_documents(conn, ids)
        return
    if code == _EVENT:
        yield from _event_documents(conn, ids)
        return
    for record_id, name, *body in conn.execute(_plain_documents(code), {"ids": list(ids)}):
        yield _Document(record_id, _join([name]), _join(body))


@functools.lru_cache(maxsize=len(_PLAIN))
def _plain_documents(code: int) -> sa.Select[Any]:
    """What :func:`_documents` reads of records of kind ``code`` (made once per kind)."""
    table, names_column, body_columns = _PLAIN[code]
    names = sa.literal("") if names_column is None else names_column
    return sa.select(table.id, names, *body_columns).where(
        table.id.in_(sa.bindparam("ids", expanding=True))
    )


# The index's tables (FTS5), made by the migrations; vault/index_repair.py rebuilds them.
INDEX_TABLES: Final = (
    "search_index",
    "search_index_journal",
    "search_index_names",
    "search_index_fragments",
)
# Since migration 0010 the rows of interactions (the journal: nine rows in ten) are in a
# table of their own, ``search_index_journal``, which records only which rows hold each word
# (``detail=none``): they are never ranked, only listed most recent first, so they need no
# positions. Both tables keep no copy of the text they index (contentless): the words of a
# row are removed by giving FTS5 that row's text again ('delete'), which
# ``search_index_text`` keeps, compressed, at the same rowid. ``search_index`` still ranks
# by the same bm25, as FTS5 keeps every position and column size of a contentless table.
TEXT_TABLE: Final = "search_index_text"
_JOURNAL: Final = _INTERACTION


def _table(code: int) -> str:
    """The table of the full-text index that holds the rows of this kind."""
    return "search_index_journal" if code == _JOURNAL else "search_index"


_OLD_TEXT: Final = sa.text(
    "SELECT id, packed FROM search_index_text WHERE id IN :rowids"
).bindparams(sa.bindparam("rowids", expanding=True))
_FORGET_ROW: Final = {
    table: sa.text(
        f"INSERT INTO {table} ({table}, rowid, names, body) "  # noqa: S608
        "VALUES ('delete', :rowid, :names, :body)"
    )
    for table in INDEX_TABLES[:2]
}
_DELETE_TEXT: Final = sa.text("DELETE FROM search_index_text WHERE id IN :rowids").bindparams(
    sa.bindparam("rowids", expanding=True)
)
# Before migration 0010 the index held its text and deleted a row by its rowid.
_DELETE_WITH_CONTENT: Final = sa.text("DELETE FROM search_index WHERE rowid = :rowid")
_INSERT_ROW: Final = {
    table: sa.text(
        f"INSERT INTO {table} (rowid, names, body) VALUES (:rowid, :names, :body)"  # noqa: S608
    )
    for table in INDEX_TABLES[:2]
}
_INSERT_TEXT: Final = sa.text("INSERT INTO search_index_text (id, packed) VALUES (:rowid, :packed)")
# The small index of names alone (migration 0004), at the same rowids: see matches(). A
# person's names are followed there by their spelling keys (migration 0009).
_DELETE_NAMES: Final = sa.text("DELETE FROM search_index_names WHERE rowid = :rowid")
_INSERT_NAMES: Final = sa.text(
    "INSERT INTO search_index_names (rowid, names) VALUES (:rowid, :names)"
)
# The names of actors and organizations by their fragments of three letters (FTS5 trigram,
# migration 0009), at the same rowids: "addad" finds "Haddad".
_DELETE_FRAGMENTS: Final = sa.text("DELETE FROM search_index_fragments WHERE rowid = :rowid")
_INSERT_FRAGMENTS: Final = sa.text(
    "INSERT INTO search_index_fragments (rowid, names) VALUES (:rowid, :names)"
)
# Statements per index table, written out (table names are not bound parameters).
_CLEAR: Final = (
    *(
        sa.text(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")  # noqa: S608
        for table in INDEX_TABLES[:2]
    ),
    sa.text("DELETE FROM search_index_text"),
    *(sa.text(f"DELETE FROM {table}") for table in INDEX_TABLES[2:]),  # noqa: S608
)
_OPTIMIZE: Final = {
    table: sa.text(f"INSERT INTO {table} ({table}) VALUES ('optimize')")  # noqa: S608
    for table in INDEX_TABLES
}
_SECURE_DELETE: Final = tuple(
    (
        sa.text(f"SELECT v FROM {table}_config WHERE k = 'secure-delete'"),  # noqa: S608
        sa.text(f"INSERT INTO {table} ({table}, rank) VALUES ('secure-delete', 1)"),  # noqa: S608
    )
    for table in INDEX_TABLES
)


@contextmanager
def reading_the_index(conn: sa.Connection) -> Iterator[None]:
    """A damaged page of the index, said as such (the records are not affected). SQLCipher
    refuses every later read on a connection that met a damaged page: it is dropped."""
    try:
        yield
    except sa.exc.DatabaseError as exc:
        detail = str(getattr(exc, "orig", "") or "").splitlines()[0:1]
        conn.invalidate()
        raise SearchIndexDamaged(detail[0] if detail else "") from None


def read(
    conn: sa.Connection | PoolProxiedConnection, sql: str, parameters: Sequence[object]
) -> list[Any]:
    """The rows of one query of the index, run on the driver's own connection: a search
    runs several per keystroke, and the driver keeps each one prepared (by its text).
    ``conn`` (a SQLAlchemy connection, or a pooled one as :func:`.connection.reading` lends
    it) must be
    in a transaction; a damaged page is said as :func:`reading_the_index` says it."""
    pooled = conn.connection if isinstance(conn, sa.Connection) else conn
    driver: Any = pooled.driver_connection
    try:
        return list(driver.execute(sql, parameters))
    except sqlcipher3.DatabaseError as exc:  # the driver's, not SQLAlchemy's
        detail = str(exc).splitlines()[0:1]
        conn.invalidate()
        raise SearchIndexDamaged(detail[0] if detail else "") from None


def _rewrite(conn: sa.Connection, code: int, ids: Iterable[int], *, kept: bool = True) -> None:
    """Replace the rows of these records by what the database holds now (none if gone).

    ``kept=False`` writes the index as it was before migration 0010, with its own copy of
    the text (for the migrations before it)."""
    for chunk in chunks(sorted(set(ids))):
        rowids = [_rowid(code, i) for i in chunk]
        deleted = [{"rowid": rowid} for rowid in rowids]
        with reading_the_index(conn):
            if not kept:
                conn.execute(_DELETE_WITH_CONTENT, deleted)
            forget = kept and [
                {"rowid": rowid, "names": names, "body": body}
                for rowid, packed in conn.execute(_OLD_TEXT, {"rowids": rowids})
                for names, body in [unpack(packed)]
            ]
            if forget:
                conn.execute(_FORGET_ROW[_table(code)], forget)
                conn.execute(_DELETE_TEXT, {"rowids": [row["rowid"] for row in forget]})
            if code not in _NAMELESS:
                conn.execute(_DELETE_NAMES, deleted)
            if code in FRAGMENTED:
                conn.execute(_DELETE_FRAGMENTS, deleted)
        documents = [d for d in _documents(conn, code, chunk) if d.names or d.body]
        rows = [{"rowid": _rowid(code, d.id), "names": d.names, "body": d.body} for d in documents]
        named = [
            {"rowid": _rowid(code, d.id), "names": f"{d.names}\n{d.keys}" if d.keys else d.names}
            for d in documents
            if d.names
        ]
        with reading_the_index(conn):
            if rows:
                conn.execute(_INSERT_ROW[_table(code) if kept else "search_index"], rows)
            if rows and kept:
                conn.execute(
                    _INSERT_TEXT,
                    [
                        {"rowid": _rowid(code, d.id), "packed": pack(d.names, d.body)}
                        for d in documents
                    ],
                )
            if named:
                conn.execute(_INSERT_NAMES, named)
            fragmented = [
                {"rowid": _rowid(code, d.id), "names": d.names} for d in documents if d.names
            ]
            if code in FRAGMENTED and fragmented:
                conn.execute(_INSERT_FRAGMENTS, fragmented)


def pack(names: str, body: str) -> bytes:
    """A row's text as ``search_index_text`` keeps it: the length of ``names`` in UTF-8,
    then ``names`` and ``body``, compressed (raw DEFLATE)."""
    encoded = names.encode()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = len(encoded).to_bytes(4, "big") + encoded + body.encode()
    return compressor.compress(data) + compressor.flush()


def unpack(packed: bytes) -> tuple[str, str]:
    """``names`` and ``body`` again, from what :func:`pack` made."""
    data = zlib.decompress(packed, -15)
    size = int.from_bytes(data[:4], "big")
    return data[4 : 4 + size].decode(), data[4 + size :].decode()


def kind_code(kind: str) -> int:
    try:
        return KIND_CODES[kind]
    except KeyError:
        raise ValueError(
            f"unknown kind {kind!r}; expected one of {', '.join(KIND_CODES)}"
        ) from None


def reindex(session: Session, kind: str, ids: Iterable[int], *, kept: bool = True) -> None:
    """Rewrite the index rows of some records, after writes that bypassed the ORM
    (``kept=False``: in the index's form before migration 0010, for the migrations before)."""
    code = kind_code(kind)
    session.flush()
    _rewrite(session.connection(), code, ids, kept=kept)


def reindex_all(session: Session) -> None:
    """Rebuild the whole index from the records (after a bulk import or a restore)."""
    session.flush()
    conn = session.connection()
    for statement in _CLEAR:
        conn.execute(statement)
    for code, table in _TABLES.items():
        ids = conn.execute(sa.select(table.id).order_by(table.id)).scalars().all()
        _rewrite(conn, code, ids)
    optimize(conn)


def optimize(conn: sa.Connection, tables: Iterable[str] = INDEX_TABLES) -> None:
    """Merge the indexes' segments (after a rebuild or a large load, never per write);
    ``tables``: those the schema has (the migrations before 0010 had fewer)."""
    for table in tables:
        conn.execute(_OPTIMIZE[table])


# FTS5 writes its index in blocks of up to 4,050 bytes by default: one more than a page of
# an encrypted vault holds (4,096 bytes less SQLCipher's 80 per page), so each block spilled
# onto a second page. Blocks of 3,900 bytes fit one page: the journal's index takes 7 % less.
PAGE_BYTES: Final = 3_900


def fit_pages(conn: sa.Connection) -> None:
    """Make the contentless index tables write blocks that fit a page (see ``PAGE_BYTES``)."""
    for table in INDEX_TABLES[:2]:
        conn.execute(
            sa.text(f"INSERT INTO {table} ({table}, rank) VALUES ('pgsz', :bytes)"),  # noqa: S608
            {"bytes": PAGE_BYTES},
        )


def forget_deleted_words(conn: sa.Connection) -> None:
    """Make deletes remove a record's words from the index itself (FTS5 ``secure-delete``).

    Without it FTS5 only records that a row was deleted, and the deleted record's words stay
    in the index's pages until segments happen to be merged: ``PRAGMA secure_delete`` cannot
    zero what is still in use (SECURITY-NOTES promise 3). The setting is stored in the
    vault; the first time, ``optimize`` also drops the words of rows deleted before.
    """
    for (current, turn_on), optimize_it in zip(_SECURE_DELETE, _OPTIMIZE.values(), strict=True):
        if conn.execute(current).scalar() != 1:
            conn.execute(turn_on)
            conn.execute(optimize_it)


# -- keeping the index in step with every flush ----------------------------------------------

_PENDING_KEY: Final = "contactkeeper.records.search.pending"

# The attributes whose change alters a record's row; other changes (warmth summaries,
# sensitivity, ...) leave the index alone.
_INDEXED: Final[dict[type[Any], tuple[int, tuple[str, ...]]]] = {
    Actor: (_ACTOR, ("display_name", "codename", "notes", "country", "tags", "name_variants")),
    Interaction: (_INTERACTION, ("summary",)),
    Organization: (_ORGANIZATION, ("name", "notes")),
    Process: (_PROCESS, ("name", "description")),
    Event: (
        _EVENT,
        ("title", "venue", "convenor", "funder", "ground_rules", "agenda", "notes", "outcomes"),
    ),
    Transfer: (_TRANSFER, ("content", "via", "result_note")),
    FollowUp: (_FOLLOW_UP, ("title", "note")),
}


@dataclass
class _Pending:
    """What one flush must re-index: ids known now, and objects whose id the flush assigns."""

    ids: dict[int, set[int]] = field(default_factory=dict)
    objects: list[tuple[int, object]] = field(default_factory=list)

    def add_id(self, code: int, record_id: int) -> None:
        self.ids.setdefault(code, set()).add(record_id)


def _changed(obj: object, names: Iterable[str]) -> bool:
    attrs = sa.inspect(obj).attrs
    return any(attrs[name].history.has_changes() for name in names)


def _history_values(obj: object, name: str) -> list[Any]:
    return [v for v in sa.inspect(obj).attrs[name].history.sum() if v is not None]


def _note(pending: _Pending, obj: object, *, new_or_deleted: bool) -> list[int]:
    """Record what ``obj`` changes in the index; returns ids of tags renamed or deleted."""
    indexed = _INDEXED.get(type(obj))
    if indexed is not None:
        code, names = indexed
        if new_or_deleted or _changed(obj, names):
            pending.objects.append((code, obj))
    elif isinstance(obj, NameVariant):
        if new_or_deleted or _changed(obj, ("name", "actor_id", "actor")):
            if obj.actor_id is not None:  # loads it if expired: the row is still there
                pending.add_id(_ACTOR, obj.actor_id)
            for actor_id in _history_values(obj, "actor_id"):
                pending.add_id(_ACTOR, actor_id)
            for actor in _history_values(obj, "actor"):
                pending.objects.append((_ACTOR, actor))
    elif isinstance(obj, EventOutcome):
        # An outcome's words are its event's: re-index the event (old and new, if moved).
        if new_or_deleted or _changed(obj, ("text", "event_id", "event")):
            if obj.event_id is not None:
                pending.add_id(_EVENT, obj.event_id)
            for event_id in _history_values(obj, "event_id"):
                pending.add_id(_EVENT, event_id)
            for event in _history_values(obj, "event"):
                pending.objects.append((_EVENT, event))
    elif (
        isinstance(obj, Tag)
        and sa.inspect(obj).has_identity
        and (new_or_deleted or _changed(obj, ("name",)))
    ):
        return [obj.id]
    return []


def _before_flush(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    pending = _Pending()
    tag_ids: list[int] = []
    for obj in session.new:
        _note(pending, obj, new_or_deleted=True)
    for obj in session.dirty:
        tag_ids += _note(pending, obj, new_or_deleted=False)
    for obj in session.deleted:
        tag_ids += _note(pending, obj, new_or_deleted=True)
    if tag_ids:
        # The database drops a deleted tag's links by itself, so find its actors first.
        holders = session.connection().execute(
            sa.select(ActorTag.actor_id).where(ActorTag.tag_id.in_(tag_ids))
        )
        for actor_id in holders.scalars():
            pending.add_id(_ACTOR, actor_id)
    session.info[_PENDING_KEY] = pending


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    pending: _Pending | None = session.info.pop(_PENDING_KEY, None)
    if pending is None:
        return
    for code, obj in pending.objects:
        state = sa.inspect(obj)
        record_id = state.identity[0] if state.identity else state.dict.get("id")
        if record_id is not None:
            pending.add_id(code, record_id)
    conn = session.connection()
    for code, ids in sorted(pending.ids.items()):
        _rewrite(conn, code, ids)


def install(sessions: sessionmaker[Session]) -> None:
    """Keep ``search_index`` in step with every flush of sessions made by ``sessions``.

    Call once per sessionmaker. (Do not guard with ``event.contains``: SQLAlchemy keys its
    registry by ``id()``, so a new sessionmaker at the address of a collected one looked as
    if it were already listened to, and its writes silently skipped the index.)
    """
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)


# -- querying ---------------------------------------------------------------------------------
