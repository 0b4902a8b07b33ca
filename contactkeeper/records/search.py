"""Full-text search over actors, interactions, organizations, processes, events, transfers
and follow-ups (SQLite FTS5).

The index itself (what is indexed, how text is folded, how it follows every write) is
:mod:`contactkeeper.vault.search_index`; this module turns what a person typed into a query
and the matching rows into hits that name their records.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.pool import PoolProxiedConnection

from contactkeeper import i18n
from contactkeeper.i18n import _, pgettext
from contactkeeper.records import NameRule, display_names, wording
from contactkeeper.records.spellings import name_key, near_listed, prepared
from contactkeeper.vault import connection, search_index
from contactkeeper.vault.search_index import (
    BODY_WEIGHT,
    FRAGMENTED,
    KIND_CODES,
    KIND_NAMES,
    MAX_QUERY_TOKENS,
    NAMES_WEIGHT,
    chunks,
    fold,
    kind_code,
)
from contactkeeper.vault.vocabulary import (
    EventKind,
    InteractionKind,
    OrganizationKind,
    ProcessPhase,
    Sensitivity,
    Track,
    TransferKind,
)

if TYPE_CHECKING:
    from contactkeeper.vault import Vault

# What search reads on: a unit of work's connection, or a pooled one lent for a search.
Reader = sa.Connection | PoolProxiedConnection


def _is_token_char(char: str) -> bool:
    """What FTS5's unicode61 tokenizer keeps in a token: letters, numbers, private use."""
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


def _typed_words(query: str) -> list[str]:
    """What a user typed as the index's tokens: folded, at most ``MAX_QUERY_TOKENS``."""
    words = (
        "".join(chars)
        for is_token, chars in itertools.groupby(fold(query), key=_is_token_char)
        if is_token
    )
    return list(itertools.islice(words, MAX_QUERY_TOKENS))


def _quoted(token: str, *, prefix: bool = True) -> str:
    return '"' + token.replace('"', '""') + ('"*' if prefix else '"')


def match_expression(query: str) -> str:
    """The FTS5 MATCH expression for what a user typed: every word a quoted prefix.

    Quoting makes any input safe (no operator, column filter or bracket of the FTS5 query
    language survives); ``""`` is returned when nothing searchable is left.
    """
    return " ".join(_quoted(token) for token in _typed_words(query))


# A word of up to this many letters before the last stays a prefix: the journal keeps its
# words' first one to three letters as words of their own (``prefix = '1 2 3'``, migration
# 0010), so such a prefix costs it no more than a whole word; the index of actors,
# organizations and processes keeps one and two (a tenth of the journal's rows).
_SHORT: Final = 3


def _text_terms(words: Sequence[str]) -> list[str]:
    """What is written about records is searched with the word being typed (the last) a
    prefix, the longer words before it whole, and short ones before it prefixes again:
    "quiet fal" finds "a quiet word at the falafel stand" but not "quietly false"; "kar amm"
    still finds Karim's note "lives in Amman".

    It is what keeps a keystroke's cost from growing with the vault: a prefix of four
    letters or more is gathered, before FTS5 can answer, from every word it begins across
    the whole index ("quiet"* read 48,000 summaries on a vault of 600,000 interactions,
    8 ms for no row), while a whole word or a short prefix is read only as far as the
    answer needs. Names keep every word a prefix ("Kar Nassa" finds Karim Nassar): their
    index is small.
    """
    *done, typing = words
    terms = [_quoted(word, prefix=len(word) <= _SHORT) for word in done]
    return [*terms, _quoted(typing)]


# -- spellings ------------------------------------------------------------------------------


def _spellings_of(name: str) -> list[str]:
    """The spelling keys of a name: its key in its own script(s) and the sound keys of its
    Latin reading ("الخطيب": "خطيب", "hatib"; "Mohammed": "muhamid")."""
    return [*name_key(name).split(), *(word.key for word in prepared(name).words)]


search_index.index_spellings_with(_spellings_of)


@functools.lru_cache(maxsize=1024)
def _alternatives(word: str) -> tuple[tuple[str, ...], ...]:
    """A typed word and the spelling keys it folds to, each as the tokens that must all
    match (a key can be two words: "محمدجواد" is "muhammad javad"); kept, as the words
    typed before the last come back at every keystroke."""
    found: list[tuple[str, ...]] = [(word,)]
    near = near_listed(word) if word.isascii() else ()  # "mohamed": the key of "محمد" too
    for key in (name_key(word), " ".join(w.key for w in prepared(word).words), *near):
        tokens = tuple(_typed_words(key))
        if tokens and tokens not in found:
            found.append(tokens)
    return tuple(found)


def _names_expression(words: Sequence[str], *, prefix: bool) -> str:
    """Every typed word, as written or by any of its spellings; whole words unless
    ``prefix``."""
    groups = []
    for word in words:
        options = [
            " AND ".join(_quoted(token, prefix=prefix) for token in tokens)
            for tokens in _alternatives(word)
        ]
        if len(options) == 1:
            groups.append(options[0])
        else:
            groups.append("(" + " OR ".join(f"({option})" for option in options) + ")")
    return " AND ".join(groups)


# Fragments are indexed three letters at a time: shorter words cannot be looked up there.
_FRAGMENT: Final = 3


class Match(NamedTuple):
    """One index row that matched: which record, and its bm25 rank (smaller is better);
    ``among_recent`` when it was ranked among the most recently added names only (more
    begin with what was typed than are ranked: see :func:`matches`)."""

    kind: str
    id: int
    rank: float
    among_recent: bool = False


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A search result, ready to show: ``title`` over ``subtitle``, best hits first.

    Actors: display name over codename. Interactions: local date and the summary's first
    words over the kind and the participants. Organizations and processes: name over kind,
    country or track and phase. Events: title over kind, first day and process. Transfers:
    the day passed and the first words of what was passed over its kind and to whom (no
    word of where it came from, so no source stands beside it). Follow-ups: the day due and
    the title over open or done and the actor or process it concerns. ``rank`` is FTS5's bm25
    rank: more negative, better match; ``among_recent`` says it was ranked among the most
    recently added names only, as when one letter begins more than ``RANKED_AT_MOST``.

    Which name each actor goes by is the caller's ``name`` rule (see :func:`search`): an
    actor shown by codename has no subtitle, and ``hide_text`` leaves the summary out.
    """

    kind: str
    id: int
    uuid: str
    title: str
    subtitle: str
    rank: float
    among_recent: bool = False


def among_recent_note(query: str) -> str:
    """What a list of hits says under them when some were ranked among the most recently
    added names only (``SearchHit.among_recent``); ``query`` as the caller shows it."""
    # Translators: under search results when a letter or two begin more names than are
    # ranked; {count} is 1,000.
    return _(
        "More than {count} names match “{query}”: the best of the most recently added are "
        "shown.\nType another letter to reach the others."
    ).format(count=i18n.number(RANKED_AT_MOST), query=query)


def _codes(kinds: Collection[str] | None) -> list[int]:
    if kinds is None:
        return sorted(KIND_CODES.values())
    return sorted({kind_code(kind) for kind in kinds})


# The queries of the index, per set of kinds (``{codes}``: the kind codes, integers written
# into the text, so that each set's statement is prepared once and kept by the driver).
_MATCH: Final = (
    f"SELECT rowid, bm25(search_index, {NAMES_WEIGHT!r}, {BODY_WEIGHT!r}) AS score "  # noqa: S608
    "FROM search_index WHERE search_index MATCH ? AND rowid % 8 IN ({codes}) "
    "ORDER BY score, rowid LIMIT ?"
)
_NAMES_MATCH: Final = (
    "SELECT rowid, bm25(search_index_names) AS score "
    "FROM search_index_names WHERE search_index_names MATCH ? "
    "AND rowid % 8 IN ({codes}) ORDER BY score, rowid LIMIT ?"
)
_FRAGMENTS_MATCH: Final = (
    "SELECT rowid, bm25(search_index_fragments) AS score "
    "FROM search_index_fragments WHERE search_index_fragments MATCH ? "
    "AND rowid % 8 IN ({codes}) ORDER BY score, rowid LIMIT ?"
)
_RECENT_MATCH: Final = (
    "SELECT rowid, 0.0 FROM search_index WHERE search_index MATCH ? "
    "AND rowid % 8 IN ({codes}) ORDER BY rowid DESC LIMIT ?"
)
# Interactions have an index table of their own (migration 0010), listed the same way.
_RECENT_JOURNAL_MATCH: Final = (
    "SELECT rowid, 0.0 FROM search_index_journal WHERE search_index_journal MATCH ? "
    "ORDER BY rowid DESC LIMIT ?"
)
# A prefix that begins more names than this (a letter or two on a large vault) is ranked
# among the most recently added of them: bm25 scores every row it ranks, so ranking every
# name that starts with "a" would make the first keystroke slower with every year of records.
RANKED_AT_MOST: Final = 1000
_NAMES_DEPTH: Final = (
    "SELECT rowid FROM search_index_names WHERE search_index_names MATCH ? "
    "AND rowid % 8 IN ({codes}) ORDER BY rowid DESC LIMIT 1 OFFSET ?"
)
_RECENT_NAMES_MATCH: Final = (
    "SELECT rowid, bm25(search_index_names) AS score "
    "FROM search_index_names WHERE search_index_names MATCH ? "
    "AND rowid % 8 IN ({codes}) AND rowid >= ? ORDER BY score, rowid LIMIT ?"
)
# Tier 1 reads the names of what it finds in the same query, to put exact names first:
# only those of the rows kept (SQLite's sort would carry the names of every row that
# matches, each read from the index's content: for a common name, two thirds of the time).
_WHOLE_NAMES_MATCH: Final = (
    "SELECT found.rowid, found.score, shown.names FROM ("  # noqa: S608 (constant text)
    f"{_NAMES_MATCH}) AS found "
    "CROSS JOIN search_index_names AS shown ON shown.rowid = found.rowid"
)
_RECENT_WHOLE_NAMES_MATCH: Final = (
    "SELECT found.rowid, found.score, shown.names FROM ("  # noqa: S608 (constant text)
    f"{_RECENT_NAMES_MATCH}) AS found "
    "CROSS JOIN search_index_names AS shown ON shown.rowid = found.rowid"
)
_JOURNAL: Final = KIND_CODES["interaction"]


_JOURNAL_WORD: Final = (
    "SELECT 1 FROM search_index_journal WHERE search_index_journal MATCH ? LIMIT 1"
)


def _in_journal(conn: Reader, terms: Sequence[str]) -> bool:
    """Whether the journal holds every term of :func:`_text_terms` before the last.

    FTS5 gathers the rows of every word a long last prefix begins before it answers, even
    when an earlier word is in no summary (typing "Verenia Mini" gathered those of
    "ministry", "minister"...: milliseconds, for no row). Whether a whole word or a short
    prefix is in the journal at all is its first row, read at once.
    """
    return all(search_index.read(conn, _JOURNAL_WORD, (term,)) for term in terms[:-1])


@functools.lru_cache(maxsize=256)
def _statement(template: str, codes: tuple[int, ...]) -> str:
    return template.format(codes=", ".join(str(int(code)) for code in codes))


@functools.lru_cache(maxsize=4096)
def _names_as_words(names: str) -> frozenset[tuple[str, ...]]:
    """The sorted words of each line of a record's names (the same names come back at
    every keystroke)."""
    return frozenset(tuple(sorted(_typed_words(line))) for line in names.splitlines())


def _whole_names_first(
    words: Sequence[str], rows: Sequence[tuple[int, float, str]]
) -> list[tuple[int, float]]:
    """Rows whose words all match whole words: those named exactly what was typed (one of
    their names has just these words) first, each group by bm25."""
    typed = tuple(sorted(words))
    return [
        (rowid, score)
        for _other, score, rowid in sorted(
            (typed not in _names_as_words(names), score, rowid) for rowid, score, names in rows
        )
    ]


def _most_recent_bound(conn: Reader, expression: str, codes: Sequence[int]) -> int | None:
    """Where the ``RANKED_AT_MOST`` most recently added names matching ``expression`` end
    (the rowid of the last of them), or ``None`` when fewer match: a walk of the index,
    no score."""
    depth = search_index.read(
        conn, _statement(_NAMES_DEPTH, tuple(codes)), (expression, RANKED_AT_MOST - 1)
    )
    return int(depth[0][0]) if depth else None


def _ranked_names(
    conn: Reader,
    templates: tuple[str, str],
    expression: str,
    codes: Sequence[int],
    wanted: int,
    bound: int | None,
) -> list[Any]:
    """The ``wanted`` best names matching ``expression`` by bm25 (all when negative), read
    by the first of ``templates``; by the second, among the names from ``bound`` on (the
    most recently added), when there is one. Which fifty of 9,000 names a single letter
    shows is no one's choice; ranking them all would make that keystroke slower as the
    vault grows."""
    everything, recent = templates
    if bound is None:
        return search_index.read(conn, _statement(everything, tuple(codes)), (expression, wanted))
    return search_index.read(conn, _statement(recent, tuple(codes)), (expression, bound, wanted))


def matches(
    session: Session,
    query: str,
    *,
    kinds: Collection[str] | None = None,
    limit: int | None = None,
    fragments: bool = True,
) -> list[Match]:
    """The records matching ``query``, best first; for services that filter by text.

    Four tiers, each after the one before:

    1. records with a name whose words match every typed word whole, as written or by any
       of its spellings (:mod:`contactkeeper.records.spellings`: "mohamed" finds
       "Mohammed", "محمد عباس" finds "Muhammad Abbas", "خطيب" finds "الخطيب"); those
       named exactly what was typed first ("Karim" is "Karim Nassar" before "Karim Karimi");
    2. records with names whose words start with every typed word (or its spellings);
    3. actors and organizations with names that hold every typed word of three letters or
       more inside a word ("addad" finds "Haddad"; the trigram index of names);
    4. records that match only through what is written about them: the last word typed
       as the start of a word, the words before it whole when longer than three letters
       (:func:`_text_terms`: "quiet fal" finds "quiet word at the falafel stand").

    ``fragments=False`` leaves tier 3 out (a duplicate warning for "Ali" is not about
    "Khalil").

    Tiers 1 to 3 are ranked by bm25 on the small indexes of names. In tier 4, when
    interactions are wanted, matches come most recently recorded first, unranked (``rank``
    0.0): ranking a common word or a one-letter prefix would mean scoring every matching
    summary, hundreds of milliseconds per keystroke on 200,000 interactions, while reading
    the most recent matches stops after ``limit`` rows. Otherwise (a few thousand actors,
    organizations and processes) they are ranked by bm25 as well.

    With a ``limit`` under ``RANKED_AT_MOST`` (1,000), tiers 1 and 2 rank at most that many
    names: when a word begins more (a letter or two typed on a large vault), those ranked
    are the most recently added (:func:`_ranked_names`). No keystroke then scores more
    rows on a vault of thirty years than on one of ten.
    """
    if session.autoflush:
        session.flush()
    return _matches(session.connection(), query, _codes(kinds), limit, fragments=fragments)


def _matches(
    conn: Reader,
    query: str,
    codes: Sequence[int],
    limit: int | None,
    *,
    fragments: bool = True,
) -> list[Match]:
    """:func:`matches` on a connection in a transaction."""
    words = _typed_words(query)
    if not words or not codes or (limit is not None and limit <= 0):
        return []
    found: list[Match] = []
    seen: set[int] = set()

    def left() -> int:
        return -1 if limit is None else limit - len(found)

    def add(rows: Sequence[Sequence[Any]], among_recent: bool = False) -> None:
        # Each row: its rowid (the record's id and kind code), its rank (a float).
        room = left()
        for row in rows:
            if room == 0:
                return
            rowid = row[0]
            if rowid not in seen:
                seen.add(rowid)
                found.append(Match(KIND_NAMES[rowid % 8], rowid // 8, row[1], among_recent))
                room -= 1

    def run(template: str, expression: str, kinds: Sequence[int]) -> list[Any]:
        # Rows already found are asked for again (a record matches in several tiers).
        wanted = -1 if limit is None else left() + len(seen)
        return search_index.read(conn, _statement(template, tuple(kinds)), (expression, wanted))

    prefixes = _names_expression(words, prefix=True)
    wholes = _names_expression(words, prefix=False)
    bounded = limit is not None and limit < RANKED_AT_MOST
    prefix_bound = _most_recent_bound(conn, prefixes, codes) if bounded else None
    # Names with every word whole are among those that begin with every word: fewer than
    # the bound when those are.
    whole_bound = _most_recent_bound(conn, wholes, codes) if prefix_bound is not None else None
    whole = _ranked_names(
        conn,
        (_WHOLE_NAMES_MATCH, _RECENT_WHOLE_NAMES_MATCH),
        wholes,
        codes,
        -1 if limit is None else limit,
        whole_bound,
    )
    add(_whole_names_first(words, whole), whole_bound is not None)
    if left() != 0:
        beginning = _ranked_names(
            conn,
            (_NAMES_MATCH, _RECENT_NAMES_MATCH),
            prefixes,
            codes,
            -1 if limit is None else left() + len(seen),
            prefix_bound,
        )
        add(beginning, prefix_bound is not None)
    fragment_codes = [code for code in codes if code in FRAGMENTED]
    long_enough = all(len(word) >= _FRAGMENT for word in words)
    if fragments and left() != 0 and fragment_codes and long_enough:
        expression = " AND ".join(_quoted(word, prefix=False) for word in words)
        add(run(_FRAGMENTS_MATCH, expression, fragment_codes))
    if left() == 0:
        return found
    terms = _text_terms(words)
    expression = " ".join(terms)
    if _JOURNAL in codes:
        others = [code for code in codes if code != _JOURNAL]
        recent = run(_RECENT_JOURNAL_MATCH, expression, ()) if _in_journal(conn, terms) else []
        if others:
            recent = sorted([*recent, *run(_RECENT_MATCH, expression, others)], reverse=True)
        add(recent)
    else:
        add(run(_MATCH, expression, codes))
    return found


def _opening(text: str, words: int = 8, max_chars: int = 80) -> str:
    parts = text.split()
    opening = " ".join(parts[:words])
    if len(opening) > max_chars:
        opening = opening[: max_chars - 1].rstrip()
    return opening + ("…" if opening != " ".join(parts) else "")


_Display = tuple[str, str, str]  # uuid, title, subtitle


# The display queries, read on the driver as the index's are (``{ids}``: one mark per id),
# each stored value turned into what the ORM would give.
_ACTORS_SHOWN: Final = (
    "SELECT id, uuid, display_name, codename, sensitivity FROM actors WHERE id IN ({ids})"
)
_ORGANIZATIONS_SHOWN: Final = (
    "SELECT id, uuid, name, kind, country FROM organizations WHERE id IN ({ids})"
)
_PROCESSES_SHOWN: Final = "SELECT id, uuid, name, track, phase FROM processes WHERE id IN ({ids})"
_INTERACTIONS_SHOWN: Final = (
    "SELECT i.id, i.uuid, i.occurred_at, i.kind, i.summary, a.id, a.display_name, "
    "a.codename, a.sensitivity FROM interactions AS i "
    "LEFT JOIN interaction_participants AS p ON p.interaction_id = i.id "
    "LEFT JOIN actors AS a ON a.id = p.actor_id WHERE i.id IN ({ids})"
)
_EVENTS_SHOWN: Final = (
    "SELECT e.id, e.uuid, e.title, e.kind, e.starts_on, p.name FROM events AS e "
    "LEFT JOIN processes AS p ON p.id = e.process_id WHERE e.id IN ({ids})"
)
_TRANSFERS_SHOWN: Final = (
    "SELECT t.id, t.uuid, t.passed_on, t.kind, t.content, a.id, a.display_name, a.codename, "
    "a.sensitivity, o.name FROM transfers AS t "
    "LEFT JOIN actors AS a ON a.id = t.recipient_actor_id "
    "LEFT JOIN organizations AS o ON o.id = t.recipient_organization_id WHERE t.id IN ({ids})"
)
_FOLLOW_UPS_SHOWN: Final = (
    "SELECT f.id, f.uuid, f.due_on, f.title, f.done_at, a.id, a.display_name, a.codename, "
    "a.sensitivity, p.name FROM follow_ups AS f "
    "LEFT JOIN actors AS a ON a.id = f.actor_id "
    "LEFT JOIN processes AS p ON p.id = f.process_id WHERE f.id IN ({ids})"
)


# Each stored level as the vocabulary's member, looked up once per hit shown.
_SENSITIVITY: Final = {level.value: level for level in Sensitivity}


def _shown_rows(conn: Reader, template: str, ids: Sequence[int]) -> list[Any]:
    return search_index.read(conn, template.format(ids=", ".join("?" * len(ids))), ids)


def _moment(stored: str) -> datetime:
    """A moment as stored (naive UTC, as SQLAlchemy writes it), aware."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


def _actor_displays(
    conn: Reader, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    found: dict[int, _Display] = {}
    for record_id, uuid, display_name, codename, sensitivity in _shown_rows(
        conn, _ACTORS_SHOWN, ids
    ):
        shown = name(record_id, display_name, codename, _SENSITIVITY[sensitivity])
        found[record_id] = (uuid, shown, "" if shown == codename else codename)
    return found


def _organization_displays(
    conn: Reader, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    return {
        record_id: (
            uuid,
            name,
            " · ".join(filter(None, (wording.label(OrganizationKind(kind)), country))),
        )
        for record_id, uuid, name, kind, country in _shown_rows(conn, _ORGANIZATIONS_SHOWN, ids)
    }


def _process_displays(
    conn: Reader, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    return {
        record_id: (
            uuid,
            name,
            f"{wording.label(Track(track))} · {wording.label(ProcessPhase(phase))}",
        )
        for record_id, uuid, name, track, phase in _shown_rows(conn, _PROCESSES_SHOWN, ids)
    }


def _interaction_displays(
    conn: Reader, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    """Local date and opening words over kind and participants (one row per participant)."""
    heads: dict[int, tuple[str, str, str]] = {}
    participants: dict[int, list[str]] = {}
    for row in _shown_rows(conn, _INTERACTIONS_SHOWN, ids):
        record_id, uuid, occurred_at, kind, summary, actor_id, display_name, codename, risk = row
        day = i18n.short_date(_moment(occurred_at).astimezone().date())
        title = f"{day} · {_opening(summary)}" if summary.strip() and not hide_text else day
        heads[record_id] = (uuid, title, wording.label(InteractionKind(kind)))
        if actor_id is not None:
            shown = name(actor_id, display_name, codename, _SENSITIVITY[risk])
            participants.setdefault(record_id, []).append(shown)
    found: dict[int, _Display] = {}
    for record_id, (uuid, title, kind_label) in heads.items():
        names = pgettext("between names", ", ").join(sorted(participants.get(record_id, ())))
        found[record_id] = (uuid, title, f"{kind_label} · {names}" if names else kind_label)
    return found


def _event_displays(
    conn: Reader, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    return {
        record_id: (
            uuid,
            title,
            " · ".join(
                filter(
                    None,
                    (
                        wording.label(EventKind(kind)),
                        i18n.short_date(date.fromisoformat(starts_on)),
                        process_name,
                    ),
                )
            ),
        )
        for record_id, uuid, title, kind, starts_on, process_name in _shown_rows(
            conn, _EVENTS_SHOWN, ids
        )
    }


def _transfer_displays(
    conn: Reader, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    """Day passed and opening words over kind and recipient (named by the ``name`` rule)."""
    found: dict[int, _Display] = {}
    for row in _shown_rows(conn, _TRANSFERS_SHOWN, ids):
        record_id, uuid, passed_on, kind, content, actor_id, display_name, codename, risk, org = row
        day = i18n.short_date(date.fromisoformat(passed_on))
        title = f"{day} · {_opening(content)}" if content.strip() and not hide_text else day
        to = (
            [name(actor_id, display_name, codename, _SENSITIVITY[risk])]
            if actor_id is not None
            else []
        )
        to += [org] if org else []
        # Translators: whom a transfer was passed to, in a search result: "to Amal Haddad".
        recipients = _("to {names}").format(names=pgettext("between names", ", ").join(to))
        label = wording.label(TransferKind(kind))
        found[record_id] = (uuid, title, f"{label} · {recipients}" if to else label)
    return found


def _follow_up_displays(
    conn: Reader, ids: Sequence[int], name: NameRule, hide_text: bool
) -> dict[int, _Display]:
    """Day due and title over open or done and whom it concerns (named by the ``name``
    rule); ``hide_text`` leaves the title out, as it does a summary."""
    found: dict[int, _Display] = {}
    for row in _shown_rows(conn, _FOLLOW_UPS_SHOWN, ids):
        record_id, uuid, due_on, title, done_at, actor_id, display_name, codename, risk = row[:9]
        day = i18n.short_date(date.fromisoformat(due_on))
        shown = f"{day} · {_opening(title)}" if title.strip() and not hide_text else day
        about = (
            [name(actor_id, display_name, codename, _SENSITIVITY[risk])]
            if actor_id is not None
            else []
        )
        about += [row[9]] if row[9] else []
        # Translators: a follow-up, done or still to do.
        label = (
            pgettext("follow-up", "done") if done_at is not None else pgettext("follow-up", "open")
        )
        found[record_id] = (uuid, shown, " · ".join([label, *about]))
    return found


_DISPLAYS: Final = {
    "actor": _actor_displays,
    "interaction": _interaction_displays,
    "organization": _organization_displays,
    "process": _process_displays,
    "event": _event_displays,
    "transfer": _transfer_displays,
    "follow_up": _follow_up_displays,
}


def search_session(
    session: Session,
    query: str,
    *,
    limit: int = 50,
    kinds: Collection[str] | None = None,
    name: NameRule = display_names,
    hide_text: bool = False,
    fragments: bool = True,
) -> list[SearchHit]:
    """:func:`search` inside a unit of work another service already holds."""
    if session.autoflush:
        session.flush()
    return _search(session.connection(), query, limit, _codes(kinds), name, hide_text, fragments)


def _search(
    conn: Reader,
    query: str,
    limit: int,
    codes: Sequence[int],
    name: NameRule,
    hide_text: bool,
    fragments: bool,
) -> list[SearchHit]:
    """:func:`search` on a connection in a transaction."""
    found = _matches(conn, query, codes, limit, fragments=fragments)
    ids_of: dict[str, list[int]] = {}
    for match in found:
        ids_of.setdefault(match.kind, []).append(match.id)
    displays: dict[str, dict[int, _Display]] = {}
    for kind, ids in ids_of.items():
        displays[kind] = shown = {}
        for chunk in chunks(ids):
            shown.update(_DISPLAYS[kind](conn, chunk, name, hide_text))
    hits = []
    for kind, record_id, rank, among_recent in found:
        display = displays[kind].get(record_id)
        if display is not None:  # a row whose record is gone: skip rather than fail
            uuid, title, subtitle = display
            hits.append(SearchHit(kind, record_id, uuid, title, subtitle, rank, among_recent))
    return hits


def search(
    vault: Vault,
    query: str,
    *,
    limit: int = 50,
    kinds: Collection[str] | None = None,
    name: NameRule = display_names,
    hide_text: bool = False,
    fragments: bool = True,
) -> list[SearchHit]:
    """Records matching every word of ``query`` (in any order), best first.

    A word matches a whole word, the start of a word or (three letters or more) a fragment
    of a name, written as typed or by any of its spellings; in what is written about a
    record, a word before the last of more than three letters matches whole words only
    (it is done; the last is being typed); the order of the hits is
    :func:`matches`'. Any string is safe: an empty or punctuation-only query returns ``[]``.
    Hits name each actor by ``name(actor_id, display_name, codename, sensitivity)`` (the
    GUI's privacy rule: a real name still finds the actor, who is shown by codename), and
    ``hide_text`` leaves summaries and follow-ups' titles out of their titles;
    ``fragments=False`` finds names by whole words and word beginnings only.
    """
    codes = _codes(kinds)
    if not codes or not match_expression(query) or limit <= 0:
        return []
    # A read needs no unit of work: one connection, one transaction, no ORM objects.
    with connection.reading(vault.engine) as conn:
        return _search(conn, query, limit, codes, name, hide_text, fragments)


__all__ = [
    "KIND_CODES",
    "Match",
    "SearchHit",
    "among_recent_note",
    "match_expression",
    "matches",
    "search",
    "search_session",
]
