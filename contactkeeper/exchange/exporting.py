"""Exports in open formats: JSON (everything), CSV and vCard (actors), ICS (follow-ups), and a
redacted JSON for sharing with colleagues or funders.

Every format but the redacted one writes records in clear, so it needs an explicit
``i_understand_plaintext=True``; without it nothing is written
(:class:`~contactkeeper.errors.PlaintextRefused`). The redacted export identifies actors by
codename only, leaves out sensitive and high-risk actors (and every interaction, cue and
relationship that involves them), drops every free-text field, and coarsens dates to the
month. Formats are documented in ``docs/export-format.md``. An export never overwrites a file.

Every format honours attribution rules (:mod:`contactkeeper.records.attribution`): an
interaction or a readiness cue that is not on the record leaves the vault without its source.
The JSON export drops the rows linking it to its participants (and its channel, and the
follow-ups' link to it) and says ``"source_withheld": true``; the redacted export lists no
participants for it. Events and transfers are exported too (the redacted export without
free text, its officials by codename).
"""

from __future__ import annotations

import csv
import enum
import io
import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import sqlalchemy as sa
import vobject  # type: ignore[import-untyped]
from sqlalchemy.orm import Session, selectinload

from contactkeeper import __version__
from contactkeeper.errors import ContactKeeperError, PlaintextRefused, shown_path
from contactkeeper.i18n import _
from contactkeeper.vault import Vault, files
from contactkeeper.vault.model import (
    Actor,
    Affiliation,
    AttributionRule,
    Base,
    Channel,
    ChannelKind,
    Event,
    FollowUp,
    Interaction,
    InvitationStatus,
    Participation,
    Process,
    ReadinessCue,
    Relationship,
    Sensitivity,
    Transfer,
)

FORMATS = ("json", "csv", "vcard", "ics", "redacted")
CLEAR_FORMATS = frozenset({"json", "csv", "vcard", "ics"})
EXPORT_FORMAT = "contactkeeper-export"
REDACTED_FORMAT = "contactkeeper-redacted-export"
VERSION = 1
# Not exported: deleted records waiting in the trash, per-vault settings, the search index.
NOT_EXPORTED = frozenset({"trash", "vault_settings", "alembic_version"})
CSV_COLUMNS = (
    "uuid",
    "display_name",
    "codename",
    "name_variants",
    "sensitivity",
    "status",
    "cadence_days",
    "country",
    "languages",
    "affiliations",
    "tags",
    "phones",
    "emails",
    "notes",
    "last_contact_at",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?[0-9 ().\-/]+")  # phone numbers and numbers are not formulas

Renderer = Callable[[Vault, datetime], tuple[str, int]]


# -- values --------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _month(value: date | datetime | None) -> str | None:
    return None if value is None else f"{value.year:04d}-{value.month:02d}"


# -- JSON: everything ----------------------------------------------------------------------


def _withhold_sources(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Unlink every item that is not on the record from its source (in place)."""
    on_record = AttributionRule.ON_RECORD.value
    withheld = {r["id"] for r in tables.get("interactions", []) if r["attribution"] != on_record}
    for row in tables.get("interactions", []):
        if row["id"] in withheld:
            row["channel_id"] = None
            row["source_withheld"] = True
    tables["interaction_participants"] = [
        r for r in tables.get("interaction_participants", []) if r["interaction_id"] not in withheld
    ]
    for row in tables.get("follow_ups", []):
        if row["interaction_id"] in withheld:
            row["interaction_id"] = None
    for row in tables.get("readiness_cues", []):
        if row["attribution"] != on_record:
            row["actor_id"] = None
            row["source_withheld"] = True


def _tables(session: Session) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for mapper in sorted(Base.registry.mappers, key=lambda m: str(m.class_.__tablename__)):
        table = str(mapper.class_.__tablename__)
        if table in NOT_EXPORTED:
            continue
        columns = [c.key for c in mapper.column_attrs]
        keys = list(mapper.primary_key)
        rows = session.scalars(sa.select(mapper.class_).order_by(*keys))
        out[table] = [{c: _plain(getattr(row, c)) for c in columns} for row in rows]
    _withhold_sources(out)
    return out


def render_json(vault: Vault, now: datetime) -> tuple[str, int]:
    with vault.transaction() as session:
        tables = _tables(session)
    body = {
        "format": EXPORT_FORMAT,
        "version": VERSION,
        "exported_at": _plain(now),
        "app_version": __version__,
        "schema_revision": vault.schema_revision(),
        "tables": tables,
    }
    count = sum(len(rows) for rows in tables.values())
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n", count


# -- actors: CSV and vCard -----------------------------------------------------------------


def _actors(session: Session) -> list[Actor]:
    return list(
        session.scalars(
            sa.select(Actor)
            .order_by(Actor.display_name, Actor.id)
            .options(
                selectinload(Actor.name_variants),
                selectinload(Actor.tags),
                selectinload(Actor.affiliations).selectinload(Affiliation.organization),
                selectinload(Actor.channels),
            )
        )
    )


def _current(actor: Actor) -> list[Affiliation]:
    return [a for a in actor.affiliations if a.ended_on is None]


def _split_point(channel: Channel) -> tuple[str, str]:
    """A direct channel's (type, value): imported ones are labelled ``type: value``."""
    label = channel.label.strip()
    kind, sep, value = label.partition(": ")
    if sep and value and (channel.kind is ChannelKind.EMAIL) == ("@" in value):
        return kind, value
    return "", label


def _points(actor: Actor, kind: ChannelKind) -> list[tuple[str, str]]:
    return [_split_point(c) for c in actor.channels if c.kind is kind and c.label.strip()]


def _cell(value: str) -> str:
    """Defuse spreadsheet formulas (CSV injection): a leading ``'`` keeps the text as text."""
    if value.startswith(_FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def render_csv(vault: Vault, now: datetime) -> tuple[str, int]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    with vault.transaction() as session:
        actors = _actors(session)
        for actor in actors:
            row = {
                "uuid": actor.uuid,
                "display_name": actor.display_name,
                "codename": actor.codename,
                "name_variants": "; ".join(v.name for v in actor.name_variants),
                "sensitivity": actor.sensitivity.value,
                "status": actor.status.value,
                "cadence_days": str(actor.cadence_days),
                "country": actor.country,
                "languages": actor.languages,
                "affiliations": "; ".join(
                    ", ".join(filter(None, [a.role, a.organization.name])) for a in _current(actor)
                ),
                "tags": "; ".join(t.name for t in actor.tags),
                "phones": "; ".join(v for _, v in _points(actor, ChannelKind.PHONE)),
                "emails": "; ".join(v for _, v in _points(actor, ChannelKind.EMAIL)),
                "notes": actor.notes,
                "last_contact_at": _plain(actor.last_contact_at) or "",
            }
            writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    # A byte-order mark so that spreadsheet programs read every script correctly.
    return "\ufeff" + buffer.getvalue(), len(actors)


def render_vcard(vault: Vault, now: datetime) -> tuple[str, int]:
    cards = []
    with vault.transaction() as session:
        actors = _actors(session)
        for actor in actors:
            card = vobject.vCard()
            card.add("fn").value = actor.display_name
            card.add("n").value = vobject.vcard.Name(family="", given="")
            for variant in actor.name_variants:
                card.add("nickname").value = variant.name
            card.add("x-contactkeeper-codename").value = actor.codename
            card.add("uid").value = f"urn:uuid:{actor.uuid}"
            current = _current(actor)
            if current:
                card.add("org").value = [current[0].organization.name]
                if current[0].role:
                    card.add("title").value = current[0].role
            if actor.tags:
                card.add("categories").value = [t.name for t in actor.tags]
            for kind, name in ((ChannelKind.PHONE, "tel"), (ChannelKind.EMAIL, "email")):
                for label, value in _points(actor, kind):
                    line = card.add(name)
                    line.value = value
                    if label:
                        line.type_param = label
            if actor.notes:
                card.add("note").value = actor.notes
            cards.append(card.serialize())
    return "".join(cards), len(actors)


# -- follow-ups: ICS -----------------------------------------------------------------------


def render_ics(vault: Vault, now: datetime) -> tuple[str, int]:
    """Open follow-ups as all-day events on their due dates."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//ContactKeeper//{__version__}//EN")
    calendar.add("version", "2.0")
    with vault.transaction() as session:
        follow_ups = list(
            session.scalars(
                sa.select(FollowUp)
                .where(FollowUp.done_at.is_(None))
                .order_by(FollowUp.due_on, FollowUp.id)
                .options(selectinload(FollowUp.actor), selectinload(FollowUp.process))
            )
        )
        for follow_up in follow_ups:
            event = icalendar.Event()
            event.add("uid", f"{follow_up.uuid}@contactkeeper")
            event.add("dtstamp", now.astimezone(UTC))
            event.add("dtstart", follow_up.due_on)
            event.add("dtend", follow_up.due_on + timedelta(days=1))
            event.add("summary", follow_up.title)
            about = [
                follow_up.actor.display_name if follow_up.actor else "",
                follow_up.process.name if follow_up.process else "",
            ]
            description = "\n".join(filter(None, [" / ".join(filter(None, about)), follow_up.note]))
            if description:
                event.add("description", description)
            calendar.add_component(event)
    return calendar.to_ical().decode("utf-8"), len(follow_ups)


# -- redacted ------------------------------------------------------------------------------


def render_redacted(vault: Vault, now: datetime) -> tuple[str, int]:
    """Codenames only; no sensitive or high-risk actor; no free text; months, not days."""
    with vault.transaction() as session:
        shared = _shared_codenames(session)
        actors = _redacted_actors(session, shared)
        interactions = _redacted_interactions(session, shared)
        processes = _redacted_processes(session, shared)
        relationships = _redacted_relationships(session, shared)
        cues = _redacted_cues(session, shared)
        events = _redacted_events(session)
        transfers = _redacted_transfers(session, shared)
    body = {
        "format": REDACTED_FORMAT,
        "version": VERSION,
        "exported_in": _month(now),
        "actors": actors,
        "interactions": interactions,
        "processes": processes,
        "relationships": relationships,
        "readiness_cues": cues,
        "events": events,
        "transfers": transfers,
    }
    count = sum(
        len(x) for x in (actors, interactions, processes, relationships, cues, events, transfers)
    )
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n", count


def _shared_codenames(session: Session) -> dict[int, str]:
    """The codename of every actor that may be shared (not sensitive or high-risk), by id."""
    return {
        a.id: a.codename
        for a in session.scalars(
            sa.select(Actor).where(Actor.sensitivity == Sensitivity.NORMAL).order_by(Actor.id)
        )
    }


def _redacted_actors(session: Session, shared: dict[int, str]) -> list[dict[str, Any]]:
    return [
        {
            "codename": a.codename,
            "status": a.status.value,
            "country": a.country,
            "cadence_days": a.cadence_days,
            "last_contact": _month(a.last_contact_at),
        }
        for a in session.scalars(
            sa.select(Actor).where(Actor.id.in_(shared)).order_by(Actor.codename)
        )
    ]


def _redacted_interactions(session: Session, shared: dict[int, str]) -> list[dict[str, Any]]:
    """Interactions among shared actors only; participants only when on the record."""
    interactions = []
    query = (
        sa.select(Interaction)
        .order_by(Interaction.occurred_at, Interaction.id)
        .options(selectinload(Interaction.participants), selectinload(Interaction.process))
    )
    for interaction in session.scalars(query):
        people = [p.id for p in interaction.participants]
        if not all(p in shared for p in people):
            continue
        attributed = interaction.attribution is AttributionRule.ON_RECORD
        interactions.append(
            {
                "month": _month(interaction.occurred_at),
                "kind": interaction.kind.value,
                "register": interaction.register.value,
                "participants": sorted(shared[p] for p in people) if attributed else [],
                "process": interaction.process.name if interaction.process else None,
                "attribution": interaction.attribution.value,
            }
        )
    return interactions


def _redacted_processes(session: Session, shared: dict[int, str]) -> list[dict[str, Any]]:
    processes = []
    for process in session.scalars(
        sa.select(Process).order_by(Process.name).options(selectinload(Process.participations))
    ):
        parts: list[Participation] = list(process.participations)
        processes.append(
            {
                "name": process.name,
                "track": process.track.value,
                "phase": process.phase.value,
                "participants": sorted(
                    (
                        {"codename": shared[p.actor_id], "role": p.role.value}
                        for p in parts
                        if p.actor_id in shared
                    ),
                    key=lambda d: (d["codename"], d["role"]),
                ),
            }
        )
    return processes


def _redacted_relationships(session: Session, shared: dict[int, str]) -> list[dict[str, Any]]:
    return [
        {
            "from": shared[r.from_actor_id],
            "to": shared[r.to_actor_id],
            "kind": r.kind.value,
            "strength": r.strength,
            "confidence": r.confidence,
        }
        for r in session.scalars(sa.select(Relationship).order_by(Relationship.id))
        if r.from_actor_id in shared and r.to_actor_id in shared
    ]


def _redacted_cues(session: Session, shared: dict[int, str]) -> list[dict[str, Any]]:
    return [
        {
            "month": _month(c.observed_on),
            "kind": c.kind.label,
            "direction": c.direction.value,
            "strength": c.strength,
            "reliability": c.reliability,
            "credibility": c.credibility,
            "process": c.process.name if c.process else None,
            "actor": (
                shared.get(c.actor_id)
                if c.actor_id and c.attribution is AttributionRule.ON_RECORD
                else None
            ),
            "attribution": c.attribution.value,
        }
        for c in session.scalars(
            sa.select(ReadinessCue)
            .order_by(ReadinessCue.observed_on, ReadinessCue.id)
            .options(selectinload(ReadinessCue.kind), selectinload(ReadinessCue.process))
        )
        if c.actor_id is None or c.actor_id in shared
    ]


def _redacted_events(session: Session) -> list[dict[str, Any]]:
    return [
        {
            "month": _month(e.starts_on),
            "kind": e.kind.value,
            "process": e.process.name if e.process else None,
            "attribution": e.attribution.value,
            "attended": sum(1 for i in e.invitations if i.status is InvitationStatus.ATTENDED),
            "outcomes": [o.kind.value for o in e.outcomes],
        }
        for e in session.scalars(
            sa.select(Event)
            .order_by(Event.starts_on, Event.id)
            .options(
                selectinload(Event.invitations),
                selectinload(Event.outcomes),
                selectinload(Event.process),
            )
        )
    ]


def _redacted_transfers(session: Session, shared: dict[int, str]) -> list[dict[str, Any]]:
    return [
        {
            "month": _month(t.passed_on),
            "kind": t.kind.value,
            "process": t.process.name if t.process else None,
            "to": shared.get(t.recipient_actor_id) if t.recipient_actor_id else None,
            "result": t.result.value,
        }
        for t in session.scalars(
            sa.select(Transfer)
            .order_by(Transfer.passed_on, Transfer.id)
            .options(selectinload(Transfer.process))
        )
    ]


RENDERERS: dict[str, Renderer] = {
    "json": render_json,
    "csv": render_csv,
    "vcard": render_vcard,
    "ics": render_ics,
    "redacted": render_redacted,
}


# -- writing -------------------------------------------------------------------------------


def export(
    vault: Vault,
    fmt: str,
    path: Path,
    *,
    i_understand_plaintext: bool = False,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> int:
    """Write ``vault``'s records as ``fmt`` to the new file ``path``; returns how many.

    A clear format needs ``i_understand_plaintext=True``. The file is private to this OS
    user (0600) and is never written over an existing one.
    """
    if fmt not in RENDERERS:
        raise ContactKeeperError(
            _("Unknown export format {format}; choose one of {formats}.").format(
                format=repr(fmt), formats=", ".join(FORMATS)
            )
        )
    if fmt in CLEAR_FORMATS and i_understand_plaintext is not True:
        raise PlaintextRefused()
    path = Path(path)
    if path.exists():
        raise ContactKeeperError(
            _("{path} already exists; choose a new file name for the export.").format(
                path=shown_path(path)
            )
        )
    if not path.parent.is_dir():
        raise ContactKeeperError(
            _("The folder {path} does not exist.").format(path=shown_path(path.parent))
        )
    text, count = RENDERERS[fmt](vault, now())
    files.write_atomic(path, text.encode("utf-8"))
    return count


__all__ = ["CLEAR_FORMATS", "FORMATS", "export", "render_csv", "render_ics", "render_json"]
