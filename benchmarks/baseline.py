"""The baselines: the same work as each service call, done directly on SQLite.

Each function runs the raw SQL (or FTS5 query) that the service's work comes down to,
through a bare ``sqlcipher3`` connection keyed with the same raw key, and fetches the same
rows. ``ours / baseline`` then says what the layers above SQLite (SQLAlchemy, the ORM,
building frozen results, opening a unit of work) cost, a figure that means something on a
noisy machine. The same functions run on the plain-SQLite copy, for the cipher row.

SQL text is only ever built from ``?`` placeholders (``IN (?,?,...)``), never from values.
"""

# ruff: noqa: S608

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3

from contactkeeper.records import search, stored
from contactkeeper.records.warmth import SUBSTANTIVE_KINDS
from contactkeeper.vault import connection as database
from contactkeeper.vault import search_index

Conn = Any

_SUBSTANTIVE = tuple(sorted(k.value for k in SUBSTANTIVE_KINDS))


def connect(db_path: Path, key_hex: str | None) -> Conn:
    """A bare connection: keyed (``key_hex``) or plain (``None``), temp data in memory."""
    cx = sqlcipher3.connect(str(db_path), check_same_thread=False)
    if key_hex is not None:
        cx.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        cx.execute("PRAGMA cipher_compatibility = 4")
        cx.execute("PRAGMA cipher_log_level = NONE")
    cx.execute("SELECT count(*) FROM sqlite_master").fetchall()
    for pragma in database.CONNECTION_PRAGMAS:  # the same page cache as the program's
        if pragma.startswith("PRAGMA cache_size"):
            cx.execute(pragma)
    cx.execute("PRAGMA temp_store = MEMORY")
    cx.execute("PRAGMA foreign_keys = ON")
    cx.isolation_level = None
    return cx


def open_connection(db_path: Path, key_hex: str) -> None:
    connect(db_path, key_hex).close()


def _marks(values: list[Any]) -> str:
    return ",".join("?" * len(values))


def _stored_time(moment: datetime) -> str:
    """A moment as SQLAlchemy stores it (fixed-width, with microseconds)."""
    text = stored(moment)
    return text if "." in text else text + ".000000"


# -- search -----------------------------------------------------------------------------


def search_keystroke(cx: Conn, typed: str, limit: int = 50) -> list[tuple[Any, ...]]:
    """Names ranked on the names index, then other matches most recently recorded first:
    the program's design in its fewest queries (one ranked query of names, as typed, among
    the most recently added when a prefix begins more than ``RANKED_AT_MOST``; what is
    written about records with the same words whole or prefixes), without its spellings,
    exact names first or fragments."""
    expression = search.match_expression(typed)
    if not expression:
        return []
    words = search._typed_words(typed)
    cx.execute("BEGIN")
    try:
        depth = cx.execute(
            "SELECT rowid FROM search_index_names WHERE search_index_names MATCH ? "
            "AND rowid % 8 IN (1, 2, 3, 4) ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (expression, search.RANKED_AT_MOST - 1),
        ).fetchall()
        rows = cx.execute(
            "SELECT rowid, bm25(search_index_names) AS score FROM search_index_names "
            "WHERE search_index_names MATCH ? AND rowid % 8 IN (1, 2, 3, 4) AND rowid >= ? "
            "ORDER BY score, rowid LIMIT ?",
            (expression, depth[0][0] if depth else 0, limit),
        ).fetchall()
        if len(rows) < limit:
            seen = {rowid for rowid, _score in rows}
            # Interactions are indexed in a table of their own (migration 0010); with several
            # words, whether each before the last is in it is asked first.
            terms = search._text_terms(words)
            text = " ".join(terms)
            probed = all(
                cx.execute(
                    "SELECT 1 FROM search_index_journal WHERE search_index_journal MATCH ? LIMIT 1",
                    (term,),
                ).fetchall()
                for term in terms[:-1]
            )
            recent = (
                cx.execute(
                    "SELECT rowid FROM search_index_journal WHERE search_index_journal MATCH ? "
                    "ORDER BY rowid DESC LIMIT ?",
                    (text, limit + len(rows)),
                ).fetchall()
                if probed
                else []
            )
            recent += cx.execute(
                "SELECT rowid FROM search_index WHERE search_index MATCH ? "
                "AND rowid % 8 IN (1, 3, 4) ORDER BY rowid DESC LIMIT ?",
                (text, limit + len(rows)),
            ).fetchall()
            rows += [(rowid, 0.0) for (rowid,) in sorted(recent, reverse=True) if rowid not in seen]
            rows = rows[:limit]
        by_kind: dict[int, list[int]] = {}
        for rowid, _score in rows:
            by_kind.setdefault(rowid % 8, []).append(rowid // 8)
        shown: list[tuple[Any, ...]] = []
        for code, ids in by_kind.items():
            marks = _marks(ids)
            if code == 1:
                sql = f"SELECT id, uuid, display_name, codename FROM actors WHERE id IN ({marks})"
            elif code == 2:
                sql = (
                    "SELECT i.id, i.uuid, i.occurred_at, i.kind, i.summary, a.display_name "
                    "FROM interactions i "
                    "LEFT JOIN interaction_participants p ON p.interaction_id = i.id "
                    f"LEFT JOIN actors a ON a.id = p.actor_id WHERE i.id IN ({marks})"
                )
            elif code == 3:
                sql = (
                    f"SELECT id, uuid, name, kind, country FROM organizations WHERE id IN ({marks})"
                )
            else:
                sql = f"SELECT id, uuid, name, track, phase FROM processes WHERE id IN ({marks})"
            shown += cx.execute(sql, ids).fetchall()
        return shown
    finally:
        cx.execute("COMMIT")


# -- the actor page -----------------------------------------------------------------------

_TIMELINE = (
    "SELECT i.id, i.uuid, i.occurred_at, i.kind, i.register, i.summary, i.channel_id, "
    "i.process_id FROM interaction_participants p JOIN interactions i "
    "ON i.id = p.interaction_id WHERE p.actor_id = ? "
    "ORDER BY p.occurred_at DESC, p.interaction_id DESC LIMIT ?"
)


def actor_page(cx: Conn, actor_id: int, timeline: int = 100) -> list[Any]:
    cx.execute("BEGIN")
    try:
        out: list[Any] = []
        out += cx.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchall()
        out += cx.execute(
            "SELECT * FROM name_variants WHERE actor_id = ? ORDER BY id", (actor_id,)
        ).fetchall()
        out += cx.execute(
            "SELECT t.name FROM actor_tags x JOIN tags t ON t.id = x.tag_id "
            "WHERE x.actor_id = ? ORDER BY t.name",
            (actor_id,),
        ).fetchall()
        out += cx.execute(
            "SELECT f.*, o.name FROM affiliations f JOIN organizations o "
            "ON o.id = f.organization_id WHERE f.actor_id = ?",
            (actor_id,),
        ).fetchall()
        out += _channels_of(cx, [actor_id])
        interactions = cx.execute(_TIMELINE, (actor_id, timeline)).fetchall()
        out += interactions
        ids = [row[0] for row in interactions]
        if ids:
            out += cx.execute(
                "SELECT p.interaction_id, a.id, a.display_name, a.codename "
                "FROM interaction_participants p JOIN actors a ON a.id = p.actor_id "
                f"WHERE p.interaction_id IN ({_marks(ids)})",
                ids,
            ).fetchall()
            channel_ids = sorted({row[6] for row in interactions if row[6] is not None})
            if channel_ids:
                out += cx.execute(
                    f"SELECT * FROM channels WHERE id IN ({_marks(channel_ids)})", channel_ids
                ).fetchall()
            process_ids = sorted({row[7] for row in interactions if row[7] is not None})
            if process_ids:
                out += cx.execute(
                    f"SELECT * FROM processes WHERE id IN ({_marks(process_ids)})", process_ids
                ).fetchall()
        out += cx.execute(
            "SELECT count(*) FROM interaction_participants WHERE actor_id = ?", (actor_id,)
        ).fetchall()
        out += cx.execute(
            "SELECT r.*, a.display_name, a.codename, b.display_name, b.codename "
            "FROM relationships r JOIN actors a ON a.id = r.from_actor_id "
            "JOIN actors b ON b.id = r.to_actor_id "
            "WHERE r.from_actor_id = ? OR r.to_actor_id = ? ORDER BY r.id",
            (actor_id, actor_id),
        ).fetchall()
        out += cx.execute(
            "SELECT c.*, k.label, p.name FROM readiness_cues c "
            "JOIN cue_kinds k ON k.id = c.kind_id LEFT JOIN processes p ON p.id = c.process_id "
            "WHERE c.actor_id = ? ORDER BY c.observed_on DESC, c.id DESC LIMIT 200",
            (actor_id,),
        ).fetchall()
        out += cx.execute(
            "SELECT f.*, p.name FROM follow_ups f LEFT JOIN processes p ON p.id = f.process_id "
            "WHERE f.actor_id = ? ORDER BY f.done_at IS NOT NULL, f.due_on, f.id LIMIT 500",
            (actor_id,),
        ).fetchall()
        return out
    finally:
        cx.execute("COMMIT")


def _channels_of(cx: Conn, actor_ids: list[int]) -> list[Any]:
    channels = cx.execute(
        f"SELECT * FROM channels WHERE actor_id IN ({_marks(actor_ids)}) ORDER BY id", actor_ids
    ).fetchall()
    ids = [row[0] for row in channels]
    hops = (
        cx.execute(
            "SELECT h.*, a.display_name, a.codename FROM channel_hops h "
            f"JOIN actors a ON a.id = h.intermediary_id WHERE h.channel_id IN ({_marks(ids)}) "
            "ORDER BY h.position",
            ids,
        ).fetchall()
        if ids
        else []
    )
    return [*channels, *hops]


# -- Today --------------------------------------------------------------------------------


def _urgency(now: datetime) -> tuple[str, tuple[Any, ...]]:
    expression = (
        "coalesce((julianday(?) - max(coalesce(julianday(last_substantive_at), "
        "julianday(last_contact_at) - cadence_days * 0.5), "
        "julianday(last_contact_at) - cadence_days * 0.5)) / cadence_days, 1e9)"
    )
    return expression, (stored(now),)


def today(cx: Conn, now: datetime) -> list[Any]:
    day = now.astimezone().date()
    urgency, params = _urgency(now)
    out: list[Any] = []
    cx.execute("BEGIN")
    try:
        ids = [
            row[0]
            for row in cx.execute(
                f"SELECT id, {urgency} AS ratio FROM actors "
                "WHERE status = 'active' AND ratio > 0.8 "
                "ORDER BY last_contact_at IS NULL, ratio DESC, id LIMIT 25",
                params,
            )
        ]
        if ids:
            out += cx.execute(f"SELECT * FROM actors WHERE id IN ({_marks(ids)})", ids).fetchall()
            out += _channels_of(cx, ids)
    finally:
        cx.execute("COMMIT")
    cx.execute("BEGIN")
    try:
        out += cx.execute(
            "SELECT f.*, a.display_name, a.codename, p.name FROM follow_ups f "
            "LEFT JOIN actors a ON a.id = f.actor_id LEFT JOIN processes p ON p.id = f.process_id "
            "WHERE f.done_at IS NULL AND f.due_on <= ? "
            "ORDER BY f.done_at IS NOT NULL, f.due_on, f.id LIMIT 500",
            ((day + timedelta(days=7)).isoformat(),),
        ).fetchall()
    finally:
        cx.execute("COMMIT")
    cx.execute("BEGIN")
    try:
        out += cx.execute(
            "SELECT c.*, k.label, p.name, a.display_name, a.codename FROM readiness_cues c "
            "JOIN cue_kinds k ON k.id = c.kind_id LEFT JOIN processes p ON p.id = c.process_id "
            "LEFT JOIN actors a ON a.id = c.actor_id "
            "ORDER BY c.observed_on DESC, c.id DESC LIMIT 10"
        ).fetchall()
    finally:
        cx.execute("COMMIT")
    cx.execute("BEGIN")
    try:
        out += cx.execute(
            "SELECT c.process_id, p.name, c.observed_on, c.direction, c.strength, "
            "c.reliability, c.credibility FROM readiness_cues c "
            "JOIN processes p ON p.id = c.process_id "
            "WHERE c.observed_on >= ? AND c.observed_on <= ?",
            ((day - timedelta(days=30)).isoformat(), day.isoformat()),
        ).fetchall()
    finally:
        cx.execute("COMMIT")
    return out


# -- the actors list ----------------------------------------------------------------------


def page_anchors(cx: Conn, limit: int) -> list[tuple[str, int] | None]:
    """Where each page of the list by name starts: None, then the last row of each page."""
    rows = cx.execute("SELECT display_name, id FROM actors ORDER BY display_name, id").fetchall()
    return [None] + [(str(r[0]), int(r[1])) for r in rows[limit - 1 : -1 : limit]]


def actors_page(
    cx: Conn, after: tuple[str, int] | None, limit: int, *, count: bool = False
) -> list[Any]:
    """A page of the list by name: the first, or the one after ``after`` (the name and id
    of the last row shown), found by key in the covering index, as the list pages."""
    cx.execute("BEGIN")
    try:
        out: list[Any] = []
        if count:
            out += cx.execute("SELECT count(id) FROM actors").fetchall()
        columns = (
            "SELECT id, uuid, display_name, codename, sensitivity, status, cadence_days, "
            "last_contact_at, last_substantive_at, tier, max_interval_days, snoozed_until "
            "FROM actors "
        )
        if after is None:
            rows = cx.execute(columns + "ORDER BY display_name, id LIMIT ?", (limit,)).fetchall()
        else:
            rows = cx.execute(
                columns + "WHERE display_name >= ? AND (display_name > ? OR id > ?) "
                "ORDER BY display_name, id LIMIT ?",
                (after[0], after[0], after[1], limit),
            ).fetchall()
        out += rows
        ids = [row[0] for row in rows]
        if ids:
            out += cx.execute(
                "SELECT f.actor_id, f.role, o.name FROM affiliations f "
                "JOIN organizations o ON o.id = f.organization_id "
                f"WHERE f.actor_id IN ({_marks(ids)}) AND f.ended_on IS NULL "
                "ORDER BY f.started_on IS NULL, f.started_on DESC, f.id DESC",
                ids,
            ).fetchall()
        return out
    finally:
        cx.execute("COMMIT")


# -- logging an interaction -----------------------------------------------------------------


def log_interaction(
    cx: Conn,
    *,
    uuid: str,
    occurred_at: datetime,
    kind: str,
    summary: str,
    participant_ids: list[int],
    channel_id: int | None,
    process_id: int | None,
) -> int:
    """Insert the interaction, its participants and index row; fold in the summaries."""
    when = _stored_time(occurred_at)
    created = _stored_time(datetime.now(occurred_at.tzinfo))
    substantive = kind in _SUBSTANTIVE
    cx.execute("BEGIN")
    try:
        cursor = cx.execute(
            "INSERT INTO interactions (uuid, created_at, updated_at, occurred_at, kind, "
            "register, channel_id, process_id, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uuid, created, created, when, kind, "professional", channel_id, process_id, summary),
        )
        interaction_id = int(cursor.lastrowid)
        cx.executemany(
            "INSERT INTO interaction_participants (interaction_id, actor_id) VALUES (?, ?)",
            [(interaction_id, a) for a in participant_ids],
        )
        folded = search_index.fold(summary)
        cx.execute(
            "INSERT INTO search_index_journal (rowid, names, body) VALUES (?, '', ?)",
            (interaction_id * 8 + 2, folded),
        )
        cx.execute(
            "INSERT INTO search_index_text (id, packed) VALUES (?, ?)",
            (interaction_id * 8 + 2, search_index.pack("", folded)),
        )
        cx.executemany(
            "UPDATE actors SET last_contact_at = max(coalesce(last_contact_at, ''), ?), "
            "last_substantive_at = CASE WHEN ? THEN "
            "max(coalesce(last_substantive_at, ''), ?) ELSE last_substantive_at END "
            "WHERE id = ?",
            [(when, substantive, when, a) for a in participant_ids],
        )
        if channel_id is not None:
            cx.execute(
                "UPDATE channels SET last_used_at = max(coalesce(last_used_at, ''), ?) "
                "WHERE id = ?",
                (when, channel_id),
            )
        cx.execute("COMMIT")
    except BaseException:
        cx.execute("ROLLBACK")
        raise
    return interaction_id


# -- backups --------------------------------------------------------------------------------


def export(cx: Conn, target: Path, key_hex: str | None) -> None:
    """``sqlcipher_export`` into a new file keyed with ``key_hex`` (``None``: plaintext)."""
    key = f"x'{key_hex}'" if key_hex is not None else ""
    cx.execute("ATTACH DATABASE ? AS exported KEY ?", (str(target), key))
    try:
        cx.execute("SELECT sqlcipher_export('exported')").fetchall()
    finally:
        cx.execute("DETACH DATABASE exported")


def integrity(cx: Conn) -> list[Any]:
    return [
        *cx.execute("PRAGMA cipher_integrity_check").fetchall(),
        *cx.execute("PRAGMA integrity_check").fetchall(),
    ]


def cue_day(value: str) -> date:
    return date.fromisoformat(value)
