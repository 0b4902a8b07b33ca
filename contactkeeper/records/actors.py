"""Actors: the people of interest, with their names, codenames, tags and affiliations."""

from __future__ import annotations

import dataclasses
import secrets
import threading
import weakref
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any, Final

import sqlalchemy as sa
import sqlcipher3
from rapidfuzz import fuzz
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.pool import PoolProxiedConnection

from contactkeeper import i18n, records
from contactkeeper.errors import InvalidRecord, RecordNotFound
from contactkeeper.i18n import _
from contactkeeper.records import names, search, spellings, wording
from contactkeeper.records.reading import read_connection
from contactkeeper.records.warmth import (
    Warmth,
    WarmthReading,
    ideal_of,
    of_actor,
    reading,
)
from contactkeeper.records.warmth_queries import past_maximum, urgency
from contactkeeper.vault import Vault, connection, search_index
from contactkeeper.vault.model import (
    Actor,
    ActorStatus,
    ActorTag,
    Affiliation,
    NameVariant,
    Organization,
    Participation,
    Sensitivity,
    Tag,
    Tier,
)

_CODE_ADJECTIVES = (
    "AMBER",
    "ASHEN",
    "AZURE",
    "BRASS",
    "CEDAR",
    "CINDER",
    "COBALT",
    "COPPER",
    "CORAL",
    "CRIMSON",
    "DUSK",
    "EMBER",
    "FALLOW",
    "FLINT",
    "FROST",
    "GILDED",
    "GRANITE",
    "HAZEL",
    "INDIGO",
    "IVORY",
    "JADE",
    "LINEN",
    "MARBLE",
    "MOSS",
    "NORTH",
    "OCHRE",
    "OLIVE",
    "ONYX",
    "PEARL",
    "QUIET",
    "RIVER",
    "RUSSET",
    "SABLE",
    "SAFFRON",
    "SALT",
    "SILVER",
    "SLATE",
    "SOLAR",
    "STONE",
    "TAWNY",
    "UMBER",
    "VELVET",
    "WILLOW",
    "WINTER",
)
_CODE_NOUNS = (
    "ANCHOR",
    "BADGER",
    "BEACON",
    "BRIDGE",
    "CANYON",
    "CASTLE",
    "COMPASS",
    "CRANE",
    "DELTA",
    "FALCON",
    "FERRY",
    "GARDEN",
    "HARBOR",
    "HERON",
    "ISLAND",
    "JUNIPER",
    "KESTREL",
    "LANTERN",
    "LARK",
    "MERIDIAN",
    "MESA",
    "ORCHARD",
    "OTTER",
    "PILGRIM",
    "QUARRY",
    "RAVEN",
    "SPARROW",
    "SUMMIT",
    "TERRACE",
    "THISTLE",
    "TIDE",
    "VALLEY",
    "WARDEN",
    "WREN",
)


@dataclass(frozen=True)
class NameVariantInfo:
    id: int
    name: str
    script: str
    note: str


@dataclass(frozen=True)
class AffiliationInfo:
    id: int
    organization_id: int
    organization: str
    role: str
    started_on: date | None
    ended_on: date | None

    @property
    def current(self) -> bool:
        return self.ended_on is None


@dataclass(frozen=True)
class ActorSummary:
    """One row of the actors list."""

    id: int
    uuid: str
    display_name: str
    codename: str
    sensitivity: Sensitivity
    status: ActorStatus
    cadence_days: int
    last_contact_at: datetime | None
    affiliation: str
    as_of: datetime  # the moment the list was read, which warmth is reckoned at
    tier: Tier = Tier.REGULAR
    snoozed_until: date | None = None
    last_substantive_at: datetime | None = None
    max_interval_days: int | None = None

    @cached_property
    def warmth(self) -> WarmthReading:
        """Warmth as of the list's moment, reckoned when first asked: a view asks only for
        the rows it shows, a page holds 200."""
        return reading(
            self.cadence_days,
            self.last_substantive_at,
            self.last_contact_at,
            self.as_of,
            self.max_interval_days,
        )

    def silenced(self, today: date) -> str:
        """Why no reminder is given about the actor today ("" when reminders are on)."""
        return silenced_why(self.status, self.snoozed_until, today)


@dataclass(frozen=True)
class ActorDetail:
    id: int
    uuid: str
    display_name: str
    codename: str
    sensitivity: Sensitivity
    status: ActorStatus
    cadence_days: int
    country: str
    languages: str
    notes: str
    tags: tuple[str, ...]
    name_variants: tuple[NameVariantInfo, ...]
    affiliations: tuple[AffiliationInfo, ...]
    last_contact_at: datetime | None
    last_substantive_at: datetime | None
    created_at: datetime
    updated_at: datetime
    warmth: WarmthReading
    influence: int | None = None  # 1 (little) to 5 (decisive), None when not judged
    tier: Tier = Tier.REGULAR
    max_interval_days: int | None = None  # None: twice the ideal (``cadence_days``)
    snoozed_until: date | None = None  # no reminder about them before this day

    def silenced(self, today: date) -> str:
        """Why no reminder is given about the actor today ("" when reminders are on)."""
        return silenced_why(self.status, self.snoozed_until, today)


def silenced_why(status: ActorStatus, snoozed_until: date | None, today: date) -> str:
    """Why reminders about an actor are silenced, in a sentence ("" when they are not).
    Do not contact silences every reminder (going cold, follow-ups, brokers going cold,
    channels to warm); a snooze silences the warmth reminders until its day."""
    if status is ActorStatus.DO_NOT_CONTACT:
        return _(
            "Do not contact for now: every reminder about them is silenced (going cold, "
            "follow-ups, brokers going cold, channels to warm)."
        )
    if snoozed_until is not None and snoozed_until >= today:
        return _(
            "Snoozed until {day}: not listed as going cold (nor as a broker going cold) "
            "until that day has passed."
        ).format(day=i18n.long_date(snoozed_until))
    return ""


@dataclass(frozen=True)
class ActorFilter:
    """What the actors list may be narrowed to; empty means no restriction."""

    process_id: int | None = None
    tag: str | None = None
    warmth: Warmth | None = None
    sensitivity: Sensitivity | None = None
    status: ActorStatus | None = None
    text: str = ""  # words each name, codename, variant or note must start (search rules)


ACTOR_FIELDS = frozenset(
    {
        "display_name",
        "codename",
        "sensitivity",
        "status",
        "cadence_days",
        "country",
        "languages",
        "notes",
        "influence",
        "tier",
        "max_interval_days",
        "snoozed_until",
    }
)
SORT_KEYS = ("display_name", "codename", "last_contact_at", "urgency")
# How alike (rapidfuzz WRatio, 0 to 100) a typed name and an actor's name must be to warn.
NEAR_SPELLING = 85


@dataclass(frozen=True)
class NewActor:
    """An actor to create, e.g. inline while logging an interaction."""

    display_name: str
    codename: str | None = None
    sensitivity: Sensitivity = Sensitivity.NORMAL
    cadence_days: int | None = None  # the ideal interval; None: the tier's
    status: ActorStatus = ActorStatus.ACTIVE
    country: str = ""
    languages: str = ""
    notes: str = ""
    tags: Sequence[str] = field(default_factory=tuple)
    name_variants: Sequence[str] = field(default_factory=tuple)
    influence: int | None = None
    tier: Tier = Tier.REGULAR
    max_interval_days: int | None = None  # None: twice the ideal
    snoozed_until: date | None = None


# -- reading ---------------------------------------------------------------------------


def get_actor(vault: Vault, actor_id: int, now: datetime) -> ActorDetail:
    """One actor with their names, tags and affiliations: four statements, no ORM object."""
    with read_connection(vault) as conn:
        actor = conn.execute(_ACTOR_ROW, {"actor_id": actor_id}).first()
        if actor is None:
            raise RecordNotFound("actor", actor_id)
        wanted = {"actor_id": actor_id}
        variants = tuple(NameVariantInfo(*row) for row in conn.execute(_VARIANT_ROWS, wanted))
        tags = tuple(conn.scalars(_TAG_NAMES, wanted))
        affiliations = [AffiliationInfo(*row) for row in conn.execute(_AFFILIATION_ROWS, wanted)]
    affiliations.sort(key=lambda a: (a.started_on or date.min, a.id), reverse=True)
    return ActorDetail(
        id=actor.id,
        uuid=actor.uuid,
        display_name=actor.display_name,
        codename=actor.codename,
        sensitivity=actor.sensitivity,
        status=actor.status,
        cadence_days=actor.cadence_days,
        country=actor.country,
        languages=actor.languages,
        notes=actor.notes,
        tags=tags,
        name_variants=variants,
        affiliations=tuple(affiliations),
        last_contact_at=actor.last_contact_at,
        last_substantive_at=actor.last_substantive_at,
        created_at=actor.created_at,
        updated_at=actor.updated_at,
        warmth=of_actor(actor, now),
        influence=actor.influence,
        tier=actor.tier,
        max_interval_days=actor.max_interval_days,
        snoozed_until=actor.snoozed_until,
    )


# What get_actor reads (statements made once; SQLAlchemy keeps them compiled).
_ACTOR_ROW = sa.select(
    Actor.id,
    Actor.uuid,
    Actor.display_name,
    Actor.codename,
    Actor.sensitivity,
    Actor.status,
    Actor.cadence_days,
    Actor.country,
    Actor.languages,
    Actor.notes,
    Actor.last_contact_at,
    Actor.last_substantive_at,
    Actor.created_at,
    Actor.updated_at,
    Actor.influence,
    Actor.tier,
    Actor.max_interval_days,
    Actor.snoozed_until,
).where(Actor.id == sa.bindparam("actor_id"))
_VARIANT_ROWS = (
    sa.select(NameVariant.id, NameVariant.name, NameVariant.script, NameVariant.note)
    .where(NameVariant.actor_id == sa.bindparam("actor_id"))
    .order_by(NameVariant.id)
)
_TAG_NAMES = (
    sa.select(Tag.name)
    .join(ActorTag, ActorTag.tag_id == Tag.id)
    .where(ActorTag.actor_id == sa.bindparam("actor_id"))
    .order_by(Tag.name)
)
_AFFILIATION_ROWS = (
    sa.select(
        Affiliation.id,
        Affiliation.organization_id,
        Organization.name,
        Affiliation.role,
        Affiliation.started_on,
        Affiliation.ended_on,
    )
    .join(Organization, Organization.id == Affiliation.organization_id)
    .where(Affiliation.actor_id == sa.bindparam("actor_id"))
)


def find_by_uuid(vault: Vault, uuid: str) -> int | None:
    with vault.transaction() as session:
        return session.scalar(sa.select(Actor.id).where(Actor.uuid == uuid))


def count_actors(vault: Vault, now: datetime, filters: ActorFilter | None = None) -> int:
    """How many actors the list holds with ``filters``. The total (no filter), which the
    list shows over every first screen, is kept until the next committed write to
    ``actors`` (:mod:`contactkeeper.vault.generations`): counting is a scan of an index."""
    if filters is None or filters == _NO_FILTER:
        key = vault.generations.of("actors")
        with _KEPT_LOCK:
            kept = _KEPT_COUNTS.get(vault)
        if kept is not None and kept[0] == key:
            return kept[1]
        with connection.reading(vault.engine) as conn:
            total = int(_read(conn, "SELECT count(*) FROM actors", ())[0][0])
        with _KEPT_LOCK:
            _KEPT_COUNTS[vault] = (key, total)
        return total
    with vault.transaction() as session:
        query = _filtered(sa.select(sa.func.count(Actor.id)), filters, now)
        return session.scalar(query) or 0


def list_actors(
    vault: Vault,
    now: datetime,
    *,
    filters: ActorFilter | None = None,
    sort: str = "display_name",
    descending: bool = False,
    after: int | None = None,
    limit: int = 200,
    withheld: records.IdentityRule = records.nobody_withheld,
) -> list[ActorSummary]:
    """One page of the actors list, sorted and filtered in the database: the first page, or
    the page that follows the row of the actor ``after`` (the last row shown) in the same
    order. Pages are found by the sort key, not counted off (keyset paging): a page deep in
    the list costs what the first does. Ties are broken by id; in order of last contact
    the never contacted come first (last when descending). The affiliation of an actor
    whose identity is ``withheld`` is left empty (a title and an organization identify a
    person as surely as the name)."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    if sort == "display_name" and (filters is None or filters == _NO_FILTER):
        return _whole_list_page(vault, now, descending, after, limit, withheld)
    with vault.transaction() as session:
        where = _filtered(sa.select(Actor.id), filters or ActorFilter(), now).whereclause
        anchor: tuple[Any, int] | None = None
        if after is not None:
            found = session.execute(
                sa.select(_sort_value(sort, now), Actor.id).where(Actor.id == after)
            ).first()
            if found is None:
                return []  # the last row shown is gone: the list is read again on change
            anchor = (found[0], found[1])
        if sort == "display_name":
            rows = _by_shown_name(session, where, descending, anchor, limit)
        else:
            rows = []
            for segment in _segments(sort, now, descending, anchor):
                if len(rows) < limit:
                    rows += _page_rows(session, where, segment, limit - len(rows))
        current = _current_affiliations(session, [row.id for row in rows])
        return [
            _listed_summary(
                row, records.detail(withheld, row.id, row.sensitivity, current.get(row.id, "")), now
            )
            for row in rows
        ]


# -- the whole list by the name shown, read on the driver ----------------------------------
#
# The list as it opens and scrolls (no filter, by name) is read without SQLAlchemy: three
# statements written once (the driver keeps each prepared), plain rows, and the summaries
# made from them directly. The others come from ix_actors_list by display name and the
# high-risk from ix_actors_high_risk by codename (migration 0013), each a range after the
# last row shown; the two runs are merged in Python. One statement merging them in SQL was
# tried: SQLite sorts both runs again for the merge, which cost more than the two reads.

_NO_FILTER: Final = ActorFilter()
_KEPT_COUNTS: weakref.WeakKeyDictionary[Vault, tuple[tuple[int, ...], int]] = (
    weakref.WeakKeyDictionary()
)
_KEPT_LOCK: Final = threading.Lock()

_ROW: Final = (
    "id, uuid, display_name, codename, sensitivity, status, cadence_days, last_contact_at, "
    "last_substantive_at, tier, max_interval_days, snoozed_until"
)
_ANCHOR: Final = (
    "SELECT CASE WHEN sensitivity = 'high-risk' THEN codename ELSE display_name END "
    "FROM actors WHERE id = ?"
)


def _run_sql(key: str, high_risk: bool, descending: bool, after: bool, bounded: bool) -> str:
    """One run of the list: the others by display name, or the high-risk by codename (the
    literal 'high-risk' lets SQLite use the partial index), after the anchor (name, name,
    id) when ``after``, up to the last name of the others' full page when ``bounded``."""
    where = ["sensitivity = 'high-risk'" if high_risk else "sensitivity != 'high-risk'"]
    if after:
        within, beyond = ("<=", "<") if descending else (">=", ">")
        where.append(f"{key} {within} ? AND ({key} {beyond} ? OR id > ?)")
    if bounded:
        where.append(f"{key} {'>=' if descending else '<='} ?")
    order = "DESC" if descending else "ASC"
    # SQLite would rather seek the codename's unique index and read each actor's row; and
    # codenames are unique, so they need no id to break ties.
    index, ties = ("INDEXED BY ix_actors_high_risk", "") if high_risk else ("", ", id")
    return (
        f"SELECT {_ROW} FROM actors {index} WHERE {' AND '.join(where)} "  # noqa: S608
        f"ORDER BY {key} {order}{ties} LIMIT ?"
    )


_RUNS: Final = {
    (high_risk, descending, after, bounded): _run_sql(
        "codename" if high_risk else "display_name", high_risk, descending, after, bounded
    )
    for high_risk in (False, True)
    for descending in (False, True)
    for after in (False, True)
    for bounded in ((False, True) if high_risk else (False,))
}
_AFFILIATIONS: Final = (
    "SELECT f.actor_id, f.role, o.name FROM affiliations AS f "
    "JOIN organizations AS o ON o.id = f.organization_id "
    "WHERE f.actor_id IN ({ids}) AND f.ended_on IS NULL "
    "ORDER BY f.started_on IS NULL, f.started_on DESC, f.id DESC"
)
_SENSITIVITIES: Final = {member.value: member for member in Sensitivity}
_STATUSES: Final = {member.value: member for member in ActorStatus}
_TIERS: Final = {member.value: member for member in Tier}
_SUMMARY_FIELDS: Final = tuple(f.name for f in dataclasses.fields(ActorSummary))


def _read(conn: PoolProxiedConnection, sql: str, parameters: Sequence[object]) -> list[Any]:
    """The rows of ``sql`` on the driver's own connection (which keeps it prepared), in
    the transaction :func:`connection.reading` began. The driver's errors are
    SQLAlchemy's, as a read through the ORM would raise them."""
    driver: Any = conn.driver_connection
    try:
        return list(driver.execute(sql, parameters))
    except sqlcipher3.Error as exc:
        raise sa.exc.DBAPIError.instance(sql, list(parameters), exc, sqlcipher3.Error) from exc


def _whole_list_page(
    vault: Vault,
    now: datetime,
    descending: bool,
    after: int | None,
    limit: int,
    withheld: records.IdentityRule,
) -> list[ActorSummary]:
    """:func:`list_actors` with no filter, by the name shown."""
    if limit <= 0:
        return []
    with connection.reading(vault.engine) as conn:
        anchor: tuple[object, ...] = ()
        if after is not None:
            found = _read(conn, _ANCHOR, (after,))
            if not found:
                return []  # the last row shown is gone: the list is read again on change
            anchor = (found[0][0], found[0][0], after)
        rows = _read(conn, _RUNS[False, descending, bool(anchor), False], (*anchor, limit))
        bound = (rows[-1][2],) if len(rows) == limit else ()  # a full page: up to its end
        rows += _read(
            conn, _RUNS[True, descending, bool(anchor), bool(bound)], (*anchor, *bound, limit)
        )
        rows.sort(key=_row_id)
        rows.sort(key=_row_shown, reverse=descending)  # stable: ties stay by id, going up
        del rows[limit:]
        ids = [row[0] for row in rows]
        current: dict[int, str] = {}
        if ids:
            sql = _AFFILIATIONS.format(ids=", ".join("?" * len(ids)))
            for actor_id, role, organization in _read(conn, sql, ids):
                if actor_id not in current:
                    current[actor_id] = f"{role}, {organization}" if role else organization
    return [_summary_of_row(row, current.get(row[0], ""), now, withheld) for row in rows]


def _row_id(row: Any) -> int:
    return int(row[0])


def _row_shown(row: Any) -> str:
    return str(row[3] if row[4] == "high-risk" else row[2])


def _moment(value: str | None) -> datetime | None:
    """A stored moment (naive UTC, as SQLAlchemy writes it) as an aware datetime."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


_new_summary: Final = object.__new__


def _summary_of_row(
    row: Any, affiliation: str, now: datetime, withheld: records.IdentityRule
) -> ActorSummary:
    """A summary from a row of :data:`_ROW`, made without the dataclass's ``__init__`` (a
    frozen dataclass sets each of its 14 fields through ``object.__setattr__``: a page
    made 200 of them): the same fields, the same values, converted as the ORM would."""
    (actor_id, uuid, display_name, codename, sensitivity, status, cadence_days) = row[:7]
    (last_contact, last_substantive, tier, max_interval, snoozed) = row[7:]
    risk = _SENSITIVITIES[sensitivity]
    summary: ActorSummary = _new_summary(ActorSummary)
    summary.__dict__.update(
        zip(
            _SUMMARY_FIELDS,
            (
                actor_id,
                uuid,
                display_name,
                codename,
                risk,
                _STATUSES[status],
                cadence_days,
                _moment(last_contact),
                records.detail(withheld, actor_id, risk, affiliation),
                now,
                _TIERS[tier],
                None if snoozed is None else date.fromisoformat(snoozed),
                _moment(last_substantive),
                max_interval,
            ),
            strict=True,
        )
    )
    return summary


# The fields a row of the list shows, all in the covering index ix_actors_list: a page is
# read from that index, not from the actors' rows (notes make those large).
_LISTED_COLUMNS = (
    Actor.id,
    Actor.uuid,
    Actor.display_name,
    Actor.codename,
    Actor.sensitivity,
    Actor.status,
    Actor.cadence_days,
    Actor.last_contact_at,
    Actor.last_substantive_at,
    Actor.tier,
    Actor.max_interval_days,
    Actor.snoozed_until,
)


@dataclass(frozen=True)
class _Segment:
    """A run of the list that one index holds in order: the rows where ``condition``
    holds, by ``key`` (None: by id alone), after the ``anchor`` (the key and id of the last
    row shown) when there is one."""

    key: Any
    descending: bool
    condition: Any = None
    anchor: tuple[Any, int] | None = None


def _sort_value(sort: str, now: datetime) -> Any:
    if sort == "urgency":
        return past_maximum(now)
    if sort == "display_name":
        return shown_name()
    return getattr(Actor, sort)


def _segments(
    sort: str, now: datetime, descending: bool, anchor: tuple[Any, int] | None
) -> list[_Segment]:
    """The list after ``anchor`` as runs that each follow an index, in order. Only the last
    contact can be missing: the never contacted are a run of their own, by id, first going
    up and last going down (as SQLite places NULLs), so that every run is a range."""
    key = _sort_value(sort, now)
    if sort != "last_contact_at":
        return [_Segment(key, descending, None, anchor)]
    never = _Segment(None, False, key.is_(None))
    contacted = _Segment(key, descending, key.is_not(None))
    if anchor is None:
        return [contacted, never] if descending else [never, contacted]
    if anchor[0] is None:  # the last row shown was never contacted
        never_after = _Segment(None, False, key.is_(None), anchor)
        return [never_after] if descending else [never_after, contacted]
    contacted_after = _Segment(key, descending, key.is_not(None), anchor)
    return [contacted_after, never] if descending else [contacted_after]


def _by_shown_name(
    session: Session, where: Any, descending: bool, anchor: tuple[Any, int] | None, limit: int
) -> list[Any]:
    """A page by the name shown (:func:`shown_name`): the others by display name (the
    covering index's order) and the high-risk by codename, each a range read after the
    anchor, merged. Sorting on the expression itself would sort every actor for each page."""
    high_risk = Actor.sensitivity == Sensitivity.HIGH_RISK
    # The high-risk, few, are read from the covering index (a scan of small rows) rather
    # than by the codename index, whose every entry would fetch the actor's row to learn
    # the sensitivity: "codename || ''" keeps SQLite off that index.
    rows = _page_rows(
        session, where, _Segment(Actor.display_name, descending, ~high_risk, anchor), limit
    )
    codename = Actor.codename.concat("")
    if len(rows) == limit:  # a full page of the others: only the high-risk up to its end
        end = rows[-1].display_name
        high_risk = sa.and_(high_risk, codename >= end if descending else codename <= end)
    rows += _page_rows(session, where, _Segment(codename, descending, high_risk, anchor), limit)
    rows.sort(key=lambda row: row.id)
    rows.sort(key=_shown, reverse=descending)  # stable: ties stay by id, going up
    return rows[:limit]


def _shown(row: Any) -> str:
    return str(row.codename if row.sensitivity is Sensitivity.HIGH_RISK else row.display_name)


def _page_rows(session: Session, where: Any, segment: _Segment, limit: int) -> list[Any]:
    """Up to ``limit`` rows of one run, from its key's range (an index seeks it; SQLite
    compares strings by their UTF-8 bytes, which is the order of Python's strings)."""
    query = sa.select(*_LISTED_COLUMNS)
    for condition in (where, segment.condition):
        if condition is not None:
            query = query.where(condition)
    key = segment.key
    if segment.anchor is not None:
        value, last_id = segment.anchor
        if key is None:
            query = query.where(Actor.id > last_id)
        else:
            # The key's range (which an index seeks), then the ties after the anchor.
            within = key <= value if segment.descending else key >= value
            beyond = key < value if segment.descending else key > value
            query = query.where(within, sa.or_(beyond, Actor.id > last_id))
    if key is not None:
        query = query.order_by(key.desc() if segment.descending else key.asc())
    return list(session.connection().execute(query.order_by(Actor.id).limit(limit)))


def _listed_summary(row: Any, affiliation: str, now: datetime) -> ActorSummary:
    return ActorSummary(
        id=row.id,
        uuid=row.uuid,
        display_name=row.display_name,
        codename=row.codename,
        sensitivity=row.sensitivity,
        status=row.status,
        cadence_days=row.cadence_days,
        last_contact_at=row.last_contact_at,
        affiliation=affiliation,
        as_of=now,
        tier=row.tier,
        snoozed_until=row.snoozed_until,
        last_substantive_at=row.last_substantive_at,
        max_interval_days=row.max_interval_days,
    )


def shown_name() -> sa.ColumnElement[str]:
    """The name the lists show: a high-risk actor's codename, anyone else's display name.
    Sorting by it keeps the order of a list from hinting at a hidden name."""
    return sa.case(
        (Actor.sensitivity == Sensitivity.HIGH_RISK, Actor.codename), else_=Actor.display_name
    )


def all_tags(vault: Vault) -> list[str]:
    with vault.transaction() as session:
        return list(session.scalars(sa.select(Tag.name).order_by(Tag.name)))


def rename_tag(vault: Vault, old: str, new: str) -> None:
    """Rename a tag everywhere; renaming onto an existing tag merges the two."""
    with vault.transaction() as session:
        tag = session.scalar(sa.select(Tag).where(Tag.name == old))
        if tag is None:
            raise InvalidRecord(
                _("Tag"), _("there is no tag {tag}").format(tag=i18n.isolate(repr(old)))
            )
        target = records.name(_("Tag"), new, max_length=100, required=True)
        existing = session.scalar(sa.select(Tag).where(Tag.name == target))
        if existing is None:
            tag.name = target
            return
        for actor in session.scalars(sa.select(Actor).where(Actor.tags.contains(tag))):
            actor.tags = sorted({*actor.tags, existing} - {tag}, key=lambda t: t.name)
        session.delete(tag)


def delete_tag(vault: Vault, name: str) -> None:
    """Remove a tag from every actor that has it."""
    with vault.transaction() as session:
        tag = session.scalar(sa.select(Tag).where(Tag.name == name))
        if tag is not None:
            session.delete(tag)


def similar_names(vault: Vault, name: str, now: datetime, limit: int = 5) -> list[ActorSummary]:
    """Actors whose names look like ``name`` (a warning before creating a duplicate): any
    of their names looks the same on screen, letters of another script included ("Nаbil"
    with a Cyrillic "а" for "Nabil", :func:`contactkeeper.records.names.look_alike`); the same word
    starts in any of their names; or, failing that, a near spelling of the whole name
    ("Hadad" for "Haddad") found through any of its words. Another spelling of the same
    name, in any script, counts as a near spelling ("Mohamed Abbas" and "محمد عباس" for
    Muhammad Abbas, :func:`contactkeeper.records.spellings.same_person`)."""
    look_alikes, spelled = _look_alikes_and_spellings(vault, name)
    ids = look_alikes + spelled
    ids += [
        h.id for h in search.search(vault, name, limit=limit, kinds=("actor",), fragments=False)
    ]
    near_spellings = not ids
    if near_spellings:
        for word in name.split():
            if len(word) >= 3:
                hits = search.search(vault, word, limit=10, kinds=("actor",), fragments=False)
                ids += [h.id for h in hits]
    with vault.transaction() as session:
        actors = session.scalars(sa.select(Actor).where(Actor.id.in_(ids)))
        by_id = {a.id: a for a in actors}
        found: dict[int, Actor] = {}
        for actor_id in ids:
            actor = by_id.get(actor_id)
            if actor is None or actor_id in found:
                continue
            if near_spellings and fuzz.WRatio(name, actor.display_name) < NEAR_SPELLING:
                continue
            found[actor_id] = actor
        return [_summary(a, "", now) for a in list(found.values())[:limit]]


def _look_alikes_and_spellings(vault: Vault, name: str) -> tuple[list[int], list[int]]:
    """Actors one of whose names (display name or variant) looks exactly like ``name``,
    and those one of whose names is likely another spelling of it (most alike first).

    Every name of the vault is compared (a look-alike shares no word with the name it
    imitates, so the search index cannot find it), in one query: the keys of a name are
    made once and kept (:func:`names.look_alike_key`, :func:`spellings.heads`), and only
    the names that share a first consonant pair with ``name`` are compared as spellings
    (:class:`spellings.NameIndex`).
    """
    keys = names.look_alike_keys(name)
    wanted = spellings.heads(name)
    if not any(keys) and not wanted:
        return [], []
    look_alikes: list[int] = []
    near: list[tuple[int, str]] = []
    with vault.transaction() as session:
        rows = session.execute(
            sa.union_all(
                sa.select(Actor.id, Actor.display_name),
                sa.select(NameVariant.actor_id, NameVariant.name),
            )
        )
        for actor_id, shown in rows:
            if names.look_alike_key(shown) in keys:
                look_alikes.append(actor_id)
            if spellings.heads(shown) & wanted:
                near.append((actor_id, shown))
    spelled = [actor_id for actor_id, _, _ in spellings.NameIndex(near).matches(name)]
    return list(dict.fromkeys(look_alikes)), spelled


# -- writing ---------------------------------------------------------------------------


def create_actor(vault: Vault, new: NewActor, now: datetime) -> ActorDetail:
    with vault.transaction() as session:
        actor = add_actor(session, new)
        session.flush()
        return _detail(actor, now)


def add_actor(session: Session, new: NewActor) -> Actor:
    """Create an actor inside an open unit of work (used by other services)."""
    actor = Actor(
        display_name=records.name(_("Name"), new.display_name, max_length=300, required=True),
        codename=_codename(session, new.codename),
        sensitivity=Sensitivity(new.sensitivity),
        cadence_days=records.positive(
            _("Cadence (days)"),
            ideal_of(new.tier) if new.cadence_days is None else new.cadence_days,
        ),
        tier=Tier(new.tier),
        max_interval_days=_maximum(new.max_interval_days),
        snoozed_until=new.snoozed_until,
        status=ActorStatus(new.status),
        country=records.name(_("Country"), new.country, max_length=100),
        languages=records.name(_("Languages"), new.languages, max_length=200),
        notes=records.text(_("Notes"), new.notes, max_length=100_000),
        influence=_influence(new.influence),
    )
    _check_intervals(actor)
    session.add(actor)
    actor.tags = _tags(session, new.tags)
    for variant in new.name_variants:
        actor.name_variants.append(
            NameVariant(
                name=records.name(_("Name variant"), variant, max_length=300, required=True)
            )
        )
    return actor


def update_actor(vault: Vault, actor_id: int, now: datetime, **changes: Any) -> ActorDetail:
    """Change the named fields of an actor (see ``ACTOR_FIELDS``) and ``tags``."""
    unknown = set(changes) - ACTOR_FIELDS - {"tags"}
    if unknown:
        raise ValueError(f"actors have no field {sorted(unknown)[0]!r}")
    with vault.transaction() as session:
        actor = _load(session, actor_id)
        for name, value in changes.items():
            if name == "tags":
                actor.tags = _tags(session, value)
            elif name == "display_name":
                actor.display_name = records.name(_("Name"), value, max_length=300, required=True)
            elif name == "codename":
                if value.strip().upper() != actor.codename:
                    actor.codename = _codename(session, value)
            elif name == "cadence_days":
                actor.cadence_days = records.positive(_("Cadence (days)"), value)
            elif name == "tier":
                # An ideal that was the old tier's follows the new tier; one set by hand stays.
                if actor.cadence_days == ideal_of(actor.tier) and "cadence_days" not in changes:
                    actor.cadence_days = ideal_of(value)
                actor.tier = Tier(value)
            elif name == "max_interval_days":
                actor.max_interval_days = _maximum(value)
            elif name == "snoozed_until":
                actor.snoozed_until = value
            elif name == "sensitivity":
                actor.sensitivity = Sensitivity(value)
            elif name == "status":
                actor.status = ActorStatus(value)
            elif name == "influence":
                actor.influence = _influence(value)
            elif name == "notes":
                actor.notes = records.text(_("Notes"), value, max_length=100_000)
            else:  # country, languages: one-line labels
                limit = 100 if name == "country" else 200
                setattr(actor, name, records.name(name.capitalize(), value, max_length=limit))
        _check_intervals(actor)
        session.flush()
        return _detail(actor, now)


def delete_actor(vault: Vault, actor_id: int) -> None:
    """Delete an actor and everything that is only about them (channels, cues, ...)."""
    with vault.transaction() as session:
        session.delete(records.fetch(session, Actor, actor_id, "actor"))


def add_name_variant(
    vault: Vault, actor_id: int, name: str, script: str = "", note: str = ""
) -> NameVariantInfo:
    with vault.transaction() as session:
        actor = records.fetch(session, Actor, actor_id, "actor")
        variant = NameVariant(
            name=records.name(_("Name variant"), name, max_length=300, required=True),
            script=records.name(_("Script"), script, max_length=40),
            note=records.text(_("Note"), note, max_length=200),
        )
        actor.name_variants.append(variant)
        session.flush()
        return NameVariantInfo(variant.id, variant.name, variant.script, variant.note)


def remove_name_variant(vault: Vault, variant_id: int) -> None:
    with vault.transaction() as session:
        variant = records.fetch(session, NameVariant, variant_id, "name variant")
        variant.actor.name_variants.remove(variant)


# -- internals -------------------------------------------------------------------------


def _filtered(query: Any, filters: ActorFilter, now: datetime) -> Any:
    expression = search.match_expression(filters.text) if filters.text else ""
    if expression:
        query = query.where(
            Actor.id.in_(
                sa.text(
                    "SELECT rowid / 8 FROM search_index "
                    "WHERE search_index MATCH :actor_text AND rowid % 8 = :actor_kind"
                )
                .bindparams(actor_text=expression, actor_kind=search_index.KIND_CODES["actor"])
                .columns(sa.column("id", sa.Integer))
            )
        )
    if filters.process_id is not None:
        query = query.where(
            Actor.id.in_(
                sa.select(Participation.actor_id).where(
                    Participation.process_id == filters.process_id
                )
            )
        )
    if filters.tag:
        query = query.where(
            Actor.id.in_(
                sa.select(ActorTag.actor_id).join(Tag).where(Tag.name == filters.tag.strip())
            )
        )
    if filters.sensitivity is not None:
        query = query.where(Actor.sensitivity == filters.sensitivity)
    if filters.status is not None:
        query = query.where(Actor.status == filters.status)
    if filters.warmth is not None:
        # Past the ideal is read from the covering index; only those rows are then read
        # for their maximum (SQLite seeks a row once the index's terms hold).
        ratio, past = urgency(now), past_maximum(now)
        query = query.where(
            {
                Warmth.WARM: ratio <= 1,
                Warmth.COOLING: sa.and_(ratio > 1, past <= 0),
                Warmth.COLD: sa.and_(ratio > 1, past > 0),
            }[filters.warmth]
        )
    return query


def _load(session: Session, actor_id: int) -> Actor:
    actor = session.scalar(
        sa.select(Actor)
        .where(Actor.id == actor_id)
        .options(
            selectinload(Actor.name_variants),
            selectinload(Actor.tags),
            selectinload(Actor.affiliations).selectinload(Affiliation.organization),
        )
    )
    if actor is None:
        return records.fetch(session, Actor, actor_id, "actor")
    return actor


def _codename(session: Session, wanted: str | None) -> str:
    if wanted is not None and wanted.strip():
        codename = records.name(_("Codename"), wanted, max_length=100).upper()
        taken = session.scalar(sa.select(Actor.id).where(Actor.codename == codename))
        if taken is not None:
            raise InvalidRecord(
                _("Codename"),
                _("{codename} is already used by another actor").format(
                    codename=i18n.isolate(codename)
                ),
            )
        return codename
    for _attempt in range(5):
        # Ten plain pairs, then ten numbered ones (a large vault uses most pairs), all
        # looked up in one query; the first free one wins.
        pairs = [
            f"{secrets.choice(_CODE_ADJECTIVES)} {secrets.choice(_CODE_NOUNS)}" for _n in range(20)
        ]
        candidates = pairs[:10] + [f"{p} {secrets.randbelow(900) + 100}" for p in pairs[10:]]
        used = set(session.scalars(sa.select(Actor.codename).where(Actor.codename.in_(candidates))))
        for codename in candidates:
            if codename not in used:
                return codename
    return f"ACTOR {secrets.token_hex(3).upper()}"


def _tags(session: Session, tag_names: Collection[str]) -> list[Tag]:
    wanted = sorted({records.name(_("Tag"), n, max_length=100) for n in tag_names} - {""})
    existing = {t.name: t for t in session.scalars(sa.select(Tag).where(Tag.name.in_(wanted)))}
    for name in wanted:
        if name not in existing:
            existing[name] = Tag(name=name)
            session.add(existing[name])
    return [existing[n] for n in wanted]


def _current_affiliations(session: Session, actor_ids: list[int]) -> dict[int, str]:
    if not actor_ids:
        return {}
    rows = session.connection().execute(
        sa.select(Affiliation.actor_id, Affiliation.role, Organization.name)
        .join(Organization)
        .where(Affiliation.actor_id.in_(actor_ids), Affiliation.ended_on.is_(None))
        .order_by(Affiliation.started_on.desc().nulls_last(), Affiliation.id.desc())
    )
    current: dict[int, str] = {}
    for actor_id, role, org in rows:
        current.setdefault(actor_id, f"{role}, {org}" if role else org)
    return current


def _warmth(actor: Actor, now: datetime) -> WarmthReading:
    return of_actor(actor, now)


def _maximum(value: int | None) -> int | None:
    return None if value is None else records.positive(_("Maximum interval (days)"), value)


def _check_intervals(actor: Actor) -> None:
    most = actor.max_interval_days
    if most is not None and most < actor.cadence_days:
        raise InvalidRecord(
            _("Maximum interval (days)"),
            _(
                "the maximum ({most}) is shorter than the ideal interval ({ideal}): raise the "
                "maximum, lower the ideal, or leave the maximum to its default (twice the ideal)"
            ).format(most=wording.days(most), ideal=wording.days(actor.cadence_days)),
        )


def _summary(actor: Actor, affiliation: str, now: datetime) -> ActorSummary:
    """A row of the list, from a loaded actor."""
    tier, most, snoozed = actor.tier, actor.max_interval_days, actor.snoozed_until
    return ActorSummary(
        id=actor.id,
        uuid=actor.uuid,
        display_name=actor.display_name,
        codename=actor.codename,
        sensitivity=actor.sensitivity,
        status=actor.status,
        cadence_days=actor.cadence_days,
        last_contact_at=actor.last_contact_at,
        affiliation=affiliation,
        as_of=now,
        tier=tier,
        snoozed_until=snoozed,
        last_substantive_at=actor.last_substantive_at,
        max_interval_days=most,
    )


def _influence(value: int | None) -> int | None:
    return None if value is None else records.scale(_("Influence"), value)


def _detail(actor: Actor, now: datetime) -> ActorDetail:
    return ActorDetail(
        id=actor.id,
        uuid=actor.uuid,
        display_name=actor.display_name,
        codename=actor.codename,
        sensitivity=actor.sensitivity,
        status=actor.status,
        cadence_days=actor.cadence_days,
        country=actor.country,
        languages=actor.languages,
        notes=actor.notes,
        tags=tuple(t.name for t in actor.tags),
        name_variants=tuple(
            NameVariantInfo(v.id, v.name, v.script, v.note) for v in actor.name_variants
        ),
        affiliations=tuple(
            AffiliationInfo(
                a.id, a.organization_id, a.organization.name, a.role, a.started_on, a.ended_on
            )
            for a in sorted(
                actor.affiliations, key=lambda a: (a.started_on or date.min, a.id), reverse=True
            )
        ),
        last_contact_at=actor.last_contact_at,
        last_substantive_at=actor.last_substantive_at,
        created_at=actor.created_at,
        updated_at=actor.updated_at,
        warmth=_warmth(actor, now),
        influence=actor.influence,
        tier=actor.tier,
        max_interval_days=actor.max_interval_days,
        snoozed_until=actor.snoozed_until,
    )
