"""Full-text search over actors, interactions, organizations, processes, events and transfers
(SQLite FTS5).

The index itself (what is indexed, how text is folded, how it follows every write) is
:mod:`contactkeeper.vault.search_index`; this module turns what a person typed into a query
and the matching rows into hits that name their records.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session

from contactkeeper.records import NameRule, display_names
from contactkeeper.vault.model import (
    Actor,
    Event,
    Interaction,
    InteractionParticipant,
    Organization,
    Process,
    Transfer,
)
from contactkeeper.vault.search_index import (
    BODY_WEIGHT,
    KIND_CODES,
    KIND_NAMES,
    MAX_QUERY_TOKENS,
    NAMES_WEIGHT,
    chunks,
    fold,
    kind_code,
    reading_the_index,
)

if TYPE_CHECKING:
    from contactkeeper.vault import Vault


def _is_token_char(char: str) -> bool:
    """What FTS5's unicode61 tokenizer keeps in a token: letters, numbers, private use."""
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


def match_expression(query: str) -> str:
    """The FTS5 MATCH expression for what a user typed: every word a quoted prefix.

    Quoting makes any input safe (no operator, column filter or bracket of the FTS5 query
    language survives); ``""`` is returned when nothing searchable is left.
    """
    words = (
        "".join(chars)
        for is_token, chars in itertools.groupby(fold(query), key=_is_token_char)
        if is_token
    )
    tokens = itertools.islice(words, MAX_QUERY_TOKENS)
    return " ".join('"' + token.replace('"', '""') + '"*' for token in tokens)


class Match(NamedTuple):
    """One index row that matched: which record, and its bm25 rank (smaller is better)."""

    kind: str
    id: int
    rank: float


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A search result, ready to show: ``title`` over ``subtitle``, best hits first.

    Actors: display name over codename. Interactions: local date and the summary's first
    words over the kind and the participants. Organizations and processes: name over kind,
    country or track and phase. Events: title over kind, first day and process. Transfers:
    the day passed and the first words of what was passed over its kind and to whom (no
    word of where it came from, so no source stands beside it). ``rank`` is FTS5's bm25
    rank: more negative, better match.

    Which name each actor goes by is the caller's ``name`` rule (see :func:`search`): an
    actor shown by codename has no subtitle, and ``hide_text`` leaves the summary out.
    """

    kind: str
    id: int
    uuid: str
    title: str
    subtitle: str
    rank: float


def _codes(kinds: Collection[str] | None) -> list[int]:
    if kinds is None:
        return sorted(KIND_CODES.values())
    return sorted({kind_code(kind) for kind in kinds})


_MATCH: Final = sa.text(
    "SELECT rowid, bm25(search_index, :names_weight, :body_weight) AS score "
    "FROM search_index WHERE search_index MATCH :expression AND rowid % 8 IN :codes "
    "ORDER BY score, rowid LIMIT :limit"
).bindparams(sa.bindparam("codes", expanding=True))
_NAMES_MATCH: Final = sa.text(
    "SELECT rowid, bm25(search_index_names) AS score "
    "FROM search_index_names WHERE search_index_names MATCH :expression "
    "AND rowid % 8 IN :codes ORDER BY score, rowid LIMIT :limit"
).bindparams(sa.bindparam("codes", expanding=True))
_RECENT_MATCH: Final = sa.text(
    "SELECT rowid FROM search_index WHERE search_index MATCH :expression "
    "AND rowid % 8 IN :codes ORDER BY rowid DESC LIMIT :limit"
).bindparams(sa.bindparam("codes", expanding=True))


def matches(
    session: Session,
    query: str,
    *,
    kinds: Collection[str] | None = None,
    limit: int | None = None,
) -> list[Match]:
    """The records matching ``query``, best first; for services that filter by text.

    First the records whose names match every word, ranked by bm25 on the small index of
    names; then those that match only through what is written about them. When
    interactions are wanted, those come most recently recorded first, unranked (``rank``
    0.0): ranking a common word or a one-letter prefix would mean scoring every matching
    summary, hundreds of milliseconds per keystroke on 200,000 interactions, while reading
    the most recent matches stops after ``limit`` rows. Otherwise (a few thousand actors,
    organizations and processes) they are ranked by bm25 as well.
    """
    codes = _codes(kinds)
    expression = match_expression(query)
    if not expression or not codes or (limit is not None and limit <= 0):
        return []
    if session.autoflush:
        session.flush()
    wanted = -1 if limit is None else limit
    parameters = {"expression": expression, "codes": codes, "limit": wanted}
    with reading_the_index(session.connection()):
        found = [
            Match(KIND_NAMES[rowid % 8], rowid // 8, float(score))
            for rowid, score in session.execute(_NAMES_MATCH, parameters)
        ]
    if limit is not None and len(found) >= limit:
        return found
    seen = {(m.kind, m.id) for m in found}
    parameters["limit"] = -1 if limit is None else limit + len(found)
    weights = {"names_weight": NAMES_WEIGHT, "body_weight": BODY_WEIGHT}
    with reading_the_index(session.connection()):
        if KIND_CODES["interaction"] in codes:
            rest = [(rowid, 0.0) for (rowid,) in session.execute(_RECENT_MATCH, parameters)]
        else:
            rest = [(rowid, float(s)) for rowid, s in session.execute(_MATCH, parameters | weights)]
    for rowid, score in rest:
        match = Match(KIND_NAMES[rowid % 8], rowid // 8, score)
        if (match.kind, match.id) not in seen:
            found.append(match)
    return found if limit is None else found[:limit]


def _opening(text: str, words: int = 8, max_chars: int = 80) -> str:
    parts = text.split()
    opening = " ".join(parts[:words])
    if len(opening) > max_chars:
        opening = opening[: max_chars - 1].rstrip()
    return opening + ("…" if opening != " ".join(parts) else "")


_Display = tuple[str, str, str]  # uuid, title, subtitle


def _actor_displays(
    session: Session, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    query = sa.select(
        Actor.id, Actor.uuid, Actor.display_name, Actor.codename, Actor.sensitivity
    ).where(Actor.id.in_(ids))
    found: dict[int, _Display] = {}
    for record_id, uuid, display_name, codename, sensitivity in session.execute(query):
        shown = name(record_id, display_name, codename, sensitivity)
        found[record_id] = (uuid, shown, "" if shown == codename else codename)
    return found


def _organization_displays(
    session: Session, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    query = sa.select(
        Organization.id,
        Organization.uuid,
        Organization.name,
        Organization.kind,
        Organization.country,
    )
    return {
        record_id: (uuid, name, " · ".join(filter(None, (str(kind), country))))
        for record_id, uuid, name, kind, country in session.execute(
            query.where(Organization.id.in_(ids))
        )
    }


def _process_displays(
    session: Session, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    query = sa.select(Process.id, Process.uuid, Process.name, Process.track, Process.phase)
    return {
        record_id: (uuid, name, f"{track} · {phase}")
        for record_id, uuid, name, track, phase in session.execute(query.where(Process.id.in_(ids)))
    }


def _interaction_displays(
    session: Session, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    """Local date and opening words over kind and participants (one row per participant)."""
    query = (
        sa.select(
            Interaction.id,
            Interaction.uuid,
            Interaction.occurred_at,
            Interaction.kind,
            Interaction.summary,
            Actor.id,
            Actor.display_name,
            Actor.codename,
            Actor.sensitivity,
        )
        .outerjoin(InteractionParticipant, InteractionParticipant.interaction_id == Interaction.id)
        .outerjoin(Actor, Actor.id == InteractionParticipant.actor_id)
        .where(Interaction.id.in_(ids))
    )
    heads: dict[int, tuple[str, str, str]] = {}
    participants: dict[int, list[str]] = {}
    for row in session.execute(query):
        record_id, uuid, occurred_at, kind, summary, actor_id, display_name, codename, risk = row
        day = occurred_at.astimezone().date().isoformat()
        title = f"{day} · {_opening(summary)}" if summary.strip() and not hide_text else day
        heads[record_id] = (uuid, title, str(kind))
        if actor_id is not None:
            shown = name(actor_id, display_name, codename, risk)
            participants.setdefault(record_id, []).append(shown)
    found: dict[int, _Display] = {}
    for record_id, (uuid, title, kind_label) in heads.items():
        names = ", ".join(sorted(participants.get(record_id, ())))
        found[record_id] = (uuid, title, f"{kind_label} · {names}" if names else kind_label)
    return found


def _event_displays(
    session: Session, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    query = (
        sa.select(Event.id, Event.uuid, Event.title, Event.kind, Event.starts_on, Process.name)
        .outerjoin(Process, Process.id == Event.process_id)
        .where(Event.id.in_(ids))
    )
    return {
        record_id: (
            uuid,
            title,
            " · ".join(filter(None, (str(kind), starts_on.isoformat(), process_name))),
        )
        for record_id, uuid, title, kind, starts_on, process_name in session.execute(query)
    }


def _transfer_displays(
    session: Session, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    """Day passed and opening words over kind and recipient (named by the ``name`` rule)."""
    query = (
        sa.select(
            Transfer.id,
            Transfer.uuid,
            Transfer.passed_on,
            Transfer.kind,
            Transfer.content,
            Actor.id,
            Actor.display_name,
            Actor.codename,
            Actor.sensitivity,
            Organization.name,
        )
        .outerjoin(Actor, Actor.id == Transfer.recipient_actor_id)
        .outerjoin(Organization, Organization.id == Transfer.recipient_organization_id)
        .where(Transfer.id.in_(ids))
    )
    found: dict[int, _Display] = {}
    for row in session.execute(query):
        record_id, uuid, passed_on, kind, content, actor_id, display_name, codename, risk, org = row
        day = passed_on.isoformat()
        title = f"{day} · {_opening(content)}" if content.strip() and not hide_text else day
        to = [name(actor_id, display_name, codename, risk)] if actor_id is not None else []
        to += [org] if org else []
        found[record_id] = (uuid, title, f"{kind} · to {', '.join(to)}" if to else str(kind))
    return found


_DISPLAYS: Final = {
    "actor": _actor_displays,
    "interaction": _interaction_displays,
    "organization": _organization_displays,
    "process": _process_displays,
    "event": _event_displays,
    "transfer": _transfer_displays,
}


def search_session(
    session: Session,
    query: str,
    *,
    limit: int = 50,
    kinds: Collection[str] | None = None,
    name: NameRule = display_names,
    hide_text: bool = False,
) -> list[SearchHit]:
    """:func:`search` inside a unit of work another service already holds."""
    found = matches(session, query, kinds=kinds, limit=limit)
    displays: dict[str, dict[int, tuple[str, str, str]]] = {}
    for kind in {m.kind for m in found}:
        ids = [m.id for m in found if m.kind == kind]
        displays[kind] = {}
        for chunk in chunks(ids):
            displays[kind].update(_DISPLAYS[kind](session, chunk, name, hide_text))
    hits = []
    for m in found:
        shown = displays[m.kind].get(m.id)
        if shown is not None:  # a row whose record is gone: skip rather than fail
            hits.append(SearchHit(m.kind, m.id, *shown, rank=m.rank))
    return hits


def search(
    vault: Vault,
    query: str,
    *,
    limit: int = 50,
    kinds: Collection[str] | None = None,
    name: NameRule = display_names,
    hide_text: bool = False,
) -> list[SearchHit]:
    """Records whose words start with the words of ``query``, best first.

    Every word must match (in any order, in names or body); names count ten times as much
    as the body. Any string is safe: an empty or punctuation-only query returns ``[]``.
    Hits name each actor by ``name(actor_id, display_name, codename, sensitivity)`` (the
    GUI's privacy rule: a real name still finds the actor, who is shown by codename), and
    ``hide_text`` leaves summaries out of their titles.
    """
    codes = _codes(kinds)
    if not codes or not match_expression(query) or limit <= 0:
        return []
    with vault.transaction() as session:
        return search_session(
            session, query, limit=limit, kinds=kinds, name=name, hide_text=hide_text
        )


__all__ = [
    "KIND_CODES",
    "Match",
    "SearchHit",
    "match_expression",
    "matches",
    "search",
    "search_session",
]
