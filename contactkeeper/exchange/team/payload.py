"""The payload of an exchange bundle: which records, in which form (docs/exchange-format.md).

A payload is one JSON object, written canonically (keys sorted, no spaces, UTF-8) so that
the same records always give the same bytes. Each record is named by its type and UUID;
each of its fields carries its value and its version vector. Foreign keys travel as the
UUID of the record pointed to; a readiness cue's kind travels as the kind's key, with the
kind's words in ``cue_kinds`` (catalogues differ from vault to vault).
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Final

import sqlalchemy as sa

from contactkeeper.errors import PayloadInvalid, PayloadTooNew
from contactkeeper.exchange.team.sharing import (
    FORMAT_VERSION,
    MAX_PAYLOAD_BYTES,
    MAX_PAYLOAD_RECORDS,
    RecordKind,
)
from contactkeeper.i18n import _
from contactkeeper.vault.clocks import SHARED_FIELDS
from contactkeeper.vault.model import (
    Actor,
    Base,
    Channel,
    Event,
    FollowUp,
    Interaction,
    Invitation,
    NameVariant,
    Participation,
    Process,
    ReadinessCue,
    Side,
)

FORMAT_NAME: Final = "contactkeeper-exchange-payload"
# The longest free text a field may hold in a payload (a Text column has no length).
MAX_TEXT: Final = 100_000
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class TableSpec:
    """How one table's records travel."""

    tag: str  # the record's type in the payload
    model: type[Base]
    kind: RecordKind  # the kind of records it belongs to, when choosing what to share
    refs: Mapping[str, str] = field(default_factory=dict)  # field -> table pointed to
    # Private notes: left out unless the selection includes them.
    notes: frozenset[str] = frozenset()
    # Fields sent only with the profile (the rest identify the record).
    profile: frozenset[str] = frozenset()

    @property
    def table(self) -> sa.Table:
        found = self.model.metadata.tables[self.model.__tablename__]
        assert isinstance(found, sa.Table)
        return found

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def fields(self) -> tuple[str, ...]:
        return SHARED_FIELDS[self.name]


# In the order a receiver writes them: every record after those it points to.
SPECS: Final[tuple[TableSpec, ...]] = (
    TableSpec(
        "actor",
        Actor,
        RecordKind.PROFILE,
        notes=frozenset({"notes"}),
        profile=frozenset(
            {
                "country",
                "languages",
                "notes",
                "influence",
                "actor_track",
                "access",
                "standing",
                "personal_risk",
            }
        ),
    ),
    TableSpec(
        "name_variant",
        NameVariant,
        RecordKind.PROFILE,
        refs={"actor_id": "actors"},
        notes=frozenset({"note"}),
    ),
    TableSpec(
        "process",
        Process,
        RecordKind.PROFILE,
        profile=frozenset(
            {"description", "opportunity_on", "opportunity_until", "opportunity_note"}
        ),
    ),
    TableSpec("side", Side, RecordKind.PROFILE, refs={"process_id": "processes"}),
    TableSpec(
        "participation",
        Participation,
        RecordKind.PROFILE,
        refs={"process_id": "processes", "actor_id": "actors", "side_id": "sides"},
        notes=frozenset({"note"}),
    ),
    TableSpec(
        "channel",
        Channel,
        RecordKind.CHANNELS,
        refs={"actor_id": "actors"},
        notes=frozenset({"notes"}),
    ),
    TableSpec(
        "event",
        Event,
        RecordKind.EVENTS,
        refs={"process_id": "processes"},
        notes=frozenset({"notes"}),
    ),
    TableSpec(
        "invitation",
        Invitation,
        RecordKind.EVENTS,
        refs={"event_id": "events", "actor_id": "actors"},
        notes=frozenset({"note"}),
    ),
    TableSpec(
        "interaction",
        Interaction,
        RecordKind.INTERACTIONS,
        refs={"channel_id": "channels", "process_id": "processes"},
    ),
    TableSpec(
        "readiness_cue",
        ReadinessCue,
        RecordKind.CUES,
        refs={
            "process_id": "processes",
            "actor_id": "actors",
            "side_id": "sides",
            "kind_id": "cue_kinds",
            "reported_by_id": "actors",
            "channel_id": "channels",
            "event_id": "events",
        },
    ),
    TableSpec(
        "follow_up",
        FollowUp,
        RecordKind.FOLLOW_UPS,
        refs={
            "actor_id": "actors",
            "interaction_id": "interactions",
            "process_id": "processes",
            "event_id": "events",
        },
    ),
)
BY_TYPE: Final = {spec.tag: spec for spec in SPECS}
BY_TABLE: Final = {spec.name: spec for spec in SPECS}
CUE_KIND_FIELDS: Final = ("key", "label", "usual_direction", "dimension", "family", "description")


# -- values ------------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """A column's value as JSON (refs are encoded by the caller)."""
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode(column: Any, raw: Any) -> Any:
    """A JSON value as the column's value; :class:`PayloadInvalid` when it cannot be one."""
    where = f"{column.table.name}.{column.name}"
    if raw is None:
        if not column.nullable:
            raise PayloadInvalid(_("a required field is empty ({field})").format(field=where))
        return None
    kind = column.type
    enum_class = getattr(kind, "enum_class", None)
    try:
        if enum_class is not None:
            if not isinstance(raw, str):
                raise ValueError(raw)
            return enum_class(raw)
        if isinstance(kind, sa.TypeDecorator | sa.DateTime):
            if not isinstance(raw, str) or len(raw) > 40:
                raise ValueError(raw)
            moment = datetime.fromisoformat(raw)
            if moment.tzinfo is None:
                raise ValueError(raw)
            return moment.astimezone(UTC)
        if isinstance(kind, sa.Date):
            if not isinstance(raw, str) or len(raw) > 10:
                raise ValueError(raw)
            return date.fromisoformat(raw)
        if isinstance(kind, sa.Boolean):
            if not isinstance(raw, bool):
                raise ValueError(raw)
            return raw
        if isinstance(kind, sa.Integer):
            if isinstance(raw, bool) or not isinstance(raw, int) or abs(raw) > 10**9:
                raise ValueError(raw)
            return raw
        if isinstance(kind, sa.String | sa.Text):
            limit = getattr(kind, "length", None) or MAX_TEXT
            if not isinstance(raw, str) or len(raw) > limit or "\x00" in raw:
                raise ValueError(raw)
            return raw
    except ValueError:
        raise PayloadInvalid(
            _("a field holds a value it cannot hold ({field})").format(field=where)
        ) from None
    raise PayloadInvalid(_("a field holds a value it cannot hold ({field})").format(field=where))


def canonical(document: Any) -> bytes:
    """``document`` as canonical JSON: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


# -- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    """A payload read and checked for its structure (values are checked as they are used)."""

    origin: str
    sender_name: str
    created_at: datetime
    records: list[dict[str, Any]]
    links: list[dict[str, Any]]
    tombstones: list[dict[str, Any]]
    cue_kinds: list[dict[str, Any]]


def _invalid(reason: str) -> PayloadInvalid:
    return PayloadInvalid(reason)


def _vector(raw: Any) -> dict[str, int]:
    if not isinstance(raw, dict) or len(raw) > 1000:
        raise _invalid(_("a version is not a version vector"))
    for key, value in raw.items():
        if not _UUID.match(key) or isinstance(value, bool) or not isinstance(value, int):
            raise _invalid(_("a version is not a version vector"))
        if not 0 < value < 2**53:
            raise _invalid(_("a version is not a version vector"))
    return dict(raw)


def _uuid(raw: Any) -> str:
    if not isinstance(raw, str) or not _UUID.match(raw):
        raise _invalid(_("a record is not named by a UUID"))
    return raw


def _list(document: dict[str, Any], key: str) -> list[Any]:
    found = document.get(key, [])
    if not isinstance(found, list):
        raise _invalid(_("a part of it is not a list ({part})").format(part=key))
    return found


def read(payload: bytes) -> Received:
    """Parse and check a payload's structure; :class:`PayloadInvalid` when it is not one."""
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise _invalid(_("it is larger than any exchange bundle may be"))
    try:
        document = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _invalid(_("it is not JSON")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise _invalid(_("it is not an exchange payload"))
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _invalid(_("it does not say which version of the format it follows"))
    if version > FORMAT_VERSION:
        raise PayloadTooNew()
    origin = _uuid(document.get("origin"))
    sender_name = document.get("sender")
    if not isinstance(sender_name, str) or len(sender_name) > 300:
        raise _invalid(_("it does not name its sender"))
    created = document.get("created_at")
    try:
        created_at = datetime.fromisoformat(created) if isinstance(created, str) else None
    except ValueError:
        created_at = None
    if created_at is None or created_at.tzinfo is None:
        raise _invalid(_("it does not say when it was made"))
    records = _list(document, "records")
    links = _list(document, "links")
    tombstones = _list(document, "tombstones")
    cue_kinds = _list(document, "cue_kinds")
    if len(records) + len(links) + len(tombstones) + len(cue_kinds) > MAX_PAYLOAD_RECORDS:
        raise _invalid(_("it holds more records than any exchange bundle may"))
    seen: set[str] = set()
    for record in records:
        if not isinstance(record, dict) or record.get("type") not in BY_TYPE:
            raise _invalid(_("a record is of no known type"))
        uuid = _uuid(record.get("uuid"))
        if uuid in seen:
            raise _invalid(_("a record appears twice"))
        seen.add(uuid)
        fields = record.get("fields")
        if not isinstance(fields, dict):
            raise _invalid(_("a record has no fields"))
        spec = BY_TYPE[record["type"]]
        for name, entry in fields.items():
            if name not in spec.fields:
                raise _invalid(_("a record has a field of no known name"))
            if not isinstance(entry, dict) or set(entry) != {"value", "version"}:
                raise _invalid(_("a field has no value and version"))
            _vector(entry["version"])
    for link in links:
        if not isinstance(link, dict) or link.get("type") != "interaction_participant":
            raise _invalid(_("a link is of no known type"))
        _uuid(link.get("interaction"))
        _uuid(link.get("actor"))
    for tombstone in tombstones:
        if not isinstance(tombstone, dict) or tombstone.get("type") not in BY_TYPE:
            raise _invalid(_("a deletion is of no known type"))
        _uuid(tombstone.get("uuid"))
        _vector(tombstone.get("version"))
    for cue_kind in cue_kinds:
        if not isinstance(cue_kind, dict) or set(cue_kind) != set(CUE_KIND_FIELDS):
            raise _invalid(_("a readiness cue kind is not described"))
    return Received(
        origin=origin,
        sender_name=sender_name,
        created_at=created_at.astimezone(UTC),
        records=records,
        links=links,
        tombstones=tombstones,
        cue_kinds=cue_kinds,
    )


__all__ = [
    "BY_TABLE",
    "BY_TYPE",
    "CUE_KIND_FIELDS",
    "FORMAT_NAME",
    "SPECS",
    "Received",
    "TableSpec",
    "canonical",
    "decode",
    "encode",
    "read",
]
