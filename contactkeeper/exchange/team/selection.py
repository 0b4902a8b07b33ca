"""Choosing what to share: which records a selection takes, what it leaves out and why.

A process brings its sides, its participants (the actors) and, by the kinds chosen, its
interactions, readiness cues, follow-ups and events; a chosen actor brings their profile,
channels, the interactions they took part in, the cues and follow-ups about them. Left out
unless the selection includes them: high-risk actors with everything that names them
(interactions they took part in, cues about them or reported by them, follow-ups about them,
their invitations and channels); private notes; interactions and cues whose attribution
rule is not "on the record" (their source may not be named, and a shared record names it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from contactkeeper import i18n
from contactkeeper.errors import NothingToShare, PayloadTooLarge
from contactkeeper.exchange.team import payload as wire
from contactkeeper.exchange.team.sharing import (
    FORMAT_VERSION,
    MAX_PAYLOAD_BYTES,
    LeftOut,
    RecordKind,
    Selection,
    SharePreview,
)
from contactkeeper.i18n import _, ngettext
from contactkeeper.vault import Vault, clocks
from contactkeeper.vault.exchange_model import Tombstone
from contactkeeper.vault.model import (
    Actor,
    AttributionRule,
    CueKind,
    InteractionParticipant,
    Sensitivity,
)


@dataclass
class Chosen:
    """The ids a selection takes, by table, and what it leaves out."""

    ids: dict[str, set[int]] = field(default_factory=dict)
    links: list[tuple[int, int]] = field(default_factory=list)  # (interaction, actor)
    left_out: list[LeftOut] = field(default_factory=list)

    def of(self, table: str) -> set[int]:
        return self.ids.setdefault(table, set())


def _in(column: Any, ids: Iterable[int]) -> Any:
    return column.in_(sorted(ids))


def _count(n: int) -> str:
    return i18n.number(n)


def choose(session: Session, selection: Selection) -> Chosen:
    """What ``selection`` takes (ids by table) and what it leaves out."""
    chosen = Chosen()
    t = {spec.name: spec.table for spec in wire.SPECS}
    kinds = selection.kinds
    processes = set(
        session.scalars(
            sa.select(t["processes"].c.id).where(_in(t["processes"].c.id, selection.process_ids))
        )
    )
    named = set(
        session.scalars(
            sa.select(t["actors"].c.id).where(_in(t["actors"].c.id, selection.actor_ids))
        )
    )
    participants = set(
        session.scalars(
            sa.select(t["participations"].c.actor_id).where(
                _in(t["participations"].c.process_id, processes)
            )
        )
    )
    candidates = named | participants
    withheld: set[int] = set()
    for actor_id, codename in session.execute(
        sa.select(Actor.id, Actor.codename).where(
            _in(Actor.id, candidates), Actor.sensitivity == Sensitivity.HIGH_RISK
        )
    ):
        if not selection.include_high_risk:
            withheld.add(actor_id)
            chosen.left_out.append(
                LeftOut(
                    _(
                        "Actor {codename}: high-risk; left out with everything that names "
                        "them (include high-risk actors to share them)"
                    ).format(codename=i18n.isolate(codename)),
                    RecordKind.PROFILE,
                )
            )
    actors = candidates - withheld
    named -= withheld
    chosen.of("actors").update(actors)
    chosen.of("processes").update(processes)
    if RecordKind.PROFILE in kinds:
        chosen.of("name_variants").update(
            session.scalars(
                sa.select(t["name_variants"].c.id).where(_in(t["name_variants"].c.actor_id, actors))
            )
        )
    chosen.of("sides").update(
        session.scalars(sa.select(t["sides"].c.id).where(_in(t["sides"].c.process_id, processes)))
    )
    participations = t["participations"]
    chosen.of("participations").update(
        session.scalars(
            sa.select(participations.c.id).where(
                _in(participations.c.process_id, processes),
                _in(participations.c.actor_id, actors),
            )
        )
    )
    if RecordKind.CHANNELS in kinds:
        chosen.of("channels").update(
            session.scalars(
                sa.select(t["channels"].c.id).where(_in(t["channels"].c.actor_id, actors))
            )
        )
    if RecordKind.EVENTS in kinds:
        events = set(
            session.scalars(
                sa.select(t["events"].c.id).where(_in(t["events"].c.process_id, processes))
            )
        )
        chosen.of("events").update(events)
        invitations = t["event_invitations"]
        chosen.of("event_invitations").update(
            session.scalars(
                sa.select(invitations.c.id).where(
                    _in(invitations.c.event_id, events), _in(invitations.c.actor_id, actors)
                )
            )
        )
    if RecordKind.INTERACTIONS in kinds:
        _interactions(session, selection, chosen, processes, named, actors, withheld)
    if RecordKind.CUES in kinds:
        _cues(session, selection, chosen, processes, named, withheld)
    if RecordKind.FOLLOW_UPS in kinds:
        follow_ups = t["follow_ups"]
        found = session.execute(
            sa.select(follow_ups.c.id, follow_ups.c.actor_id).where(
                sa.or_(_in(follow_ups.c.process_id, processes), _in(follow_ups.c.actor_id, named))
            )
        ).all()
        kept = [i for i, actor_id in found if actor_id not in withheld]
        chosen.of("follow_ups").update(kept)
        if len(kept) < len(found):
            n = len(found) - len(kept)
            chosen.left_out.append(
                LeftOut(
                    ngettext(
                        "{n} follow-up about a high-risk actor",
                        "{n} follow-ups about high-risk actors",
                        n,
                    ).format(n=_count(n)),
                    RecordKind.FOLLOW_UPS,
                    n,
                )
            )
    if not selection.include_private_notes:
        _private_notes(session, chosen)
    return chosen


def _interactions(
    session: Session,
    selection: Selection,
    chosen: Chosen,
    processes: set[int],
    named: set[int],
    actors: set[int],
    withheld: set[int],
) -> None:
    interactions = wire.BY_TABLE["interactions"].table
    links = InteractionParticipant.__table__
    assert isinstance(links, sa.Table)
    found = set(
        session.scalars(
            sa.select(interactions.c.id).where(_in(interactions.c.process_id, processes))
        )
    )
    for start in range(0, len(named), 500):
        batch = sorted(named)[start : start + 500]
        found.update(
            session.scalars(sa.select(links.c.interaction_id).where(_in(links.c.actor_id, batch)))
        )
    participants: dict[int, list[int]] = {}
    ordered = sorted(found)
    for start in range(0, len(ordered), 500):
        batch = ordered[start : start + 500]
        for interaction_id, actor_id in session.execute(
            sa.select(links.c.interaction_id, links.c.actor_id).where(
                _in(links.c.interaction_id, batch)
            )
        ):
            participants.setdefault(interaction_id, []).append(actor_id)
    naming = {i for i, who in participants.items() if withheld.intersection(who)}
    restricted: set[int] = set()
    if not selection.include_restricted:
        for start in range(0, len(ordered), 500):
            batch = ordered[start : start + 500]
            restricted.update(
                session.scalars(
                    sa.select(interactions.c.id).where(
                        _in(interactions.c.id, batch),
                        interactions.c.attribution != AttributionRule.ON_RECORD,
                    )
                )
            )
    kept = found - naming - restricted
    chosen.of("interactions").update(kept)
    for interaction_id in sorted(kept):
        for actor_id in participants.get(interaction_id, ()):
            if actor_id in actors:
                chosen.links.append((interaction_id, actor_id))
    if naming:
        chosen.left_out.append(
            LeftOut(
                ngettext(
                    "{n} interaction with a high-risk actor",
                    "{n} interactions with high-risk actors",
                    len(naming),
                ).format(n=_count(len(naming))),
                RecordKind.INTERACTIONS,
                len(naming),
            )
        )
    if restricted - naming:
        n = len(restricted - naming)
        chosen.left_out.append(
            LeftOut(
                ngettext(
                    "{n} interaction whose attribution rule does not let its source be named "
                    "(include restricted records to share it)",
                    "{n} interactions whose attribution rules do not let their sources be "
                    "named (include restricted records to share them)",
                    n,
                ).format(n=_count(n)),
                RecordKind.INTERACTIONS,
                n,
            )
        )


def _cues(
    session: Session,
    selection: Selection,
    chosen: Chosen,
    processes: set[int],
    named: set[int],
    withheld: set[int],
) -> None:
    cues = wire.BY_TABLE["readiness_cues"].table
    found = session.execute(
        sa.select(cues.c.id, cues.c.actor_id, cues.c.reported_by_id, cues.c.attribution).where(
            sa.or_(_in(cues.c.process_id, processes), _in(cues.c.actor_id, named))
        )
    ).all()
    naming = {i for i, about, by, _rule in found if about in withheld or by in withheld}
    restricted = set()
    if not selection.include_restricted:
        restricted = {
            i for i, _a, _b, rule in found if AttributionRule(rule) is not AttributionRule.ON_RECORD
        }
    chosen.of("readiness_cues").update({row[0] for row in found} - naming - restricted)
    if naming:
        chosen.left_out.append(
            LeftOut(
                ngettext(
                    "{n} readiness cue about or from a high-risk actor",
                    "{n} readiness cues about or from high-risk actors",
                    len(naming),
                ).format(n=_count(len(naming))),
                RecordKind.CUES,
                len(naming),
            )
        )
    if restricted - naming:
        n = len(restricted - naming)
        chosen.left_out.append(
            LeftOut(
                ngettext(
                    "{n} readiness cue whose attribution rule does not let its source be "
                    "named (include restricted records to share it)",
                    "{n} readiness cues whose attribution rules do not let their sources be "
                    "named (include restricted records to share them)",
                    n,
                ).format(n=_count(n)),
                RecordKind.CUES,
                n,
            )
        )


def _private_notes(session: Session, chosen: Chosen) -> None:
    n = 0
    for spec in wire.SPECS:
        ids = sorted(chosen.ids.get(spec.name, ()))
        for name in spec.notes:
            column = spec.table.c[name]
            for start in range(0, len(ids), 500):
                n += (
                    session.scalar(
                        sa.select(sa.func.count()).where(
                            _in(spec.table.c.id, ids[start : start + 500]), column != ""
                        )
                    )
                    or 0
                )
    if n:
        chosen.left_out.append(
            LeftOut(
                ngettext(
                    "{n} private note (of actors, channels, participants, events, "
                    "invitations, names): left out (include private notes to share it)",
                    "{n} private notes (of actors, channels, participants, events, "
                    "invitations, names): left out (include private notes to share them)",
                    n,
                ).format(n=_count(n)),
                RecordKind.PROFILE,
                n,
            )
        )


# -- the preview -------------------------------------------------------------------------------

_KIND_TABLES: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.PROFILE: ("actors", "processes"),
    RecordKind.CHANNELS: ("channels",),
    RecordKind.INTERACTIONS: ("interactions",),
    RecordKind.CUES: ("readiness_cues",),
    RecordKind.FOLLOW_UPS: ("follow_ups",),
    RecordKind.EVENTS: ("events",),
}


def preview(vault: Vault, selection: Selection) -> SharePreview:
    with vault.transaction() as session:
        chosen = choose(session, selection)
    counts = {
        kind: sum(len(chosen.ids.get(name, ())) for name in tables)
        for kind, tables in _KIND_TABLES.items()
        if kind in selection.kinds or kind is RecordKind.PROFILE
    }
    return SharePreview(
        counts=counts,
        actors=len(chosen.ids.get("actors", ())),
        processes=len(chosen.ids.get("processes", ())),
        left_out=tuple(chosen.left_out),
    )


# -- the payload -------------------------------------------------------------------------------


def _uuids(session: Session, table: sa.Table, ids: Iterable[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), 500):
        found.update(
            session.execute(
                sa.select(table.c.id, table.c.uuid).where(
                    _in(table.c.id, ordered[start : start + 500])
                )
            ).all()
        )
    return found


def build(vault: Vault, selection: Selection, sender_name: str, now: datetime | None) -> bytes:
    """The payload for ``selection`` (see :func:`.sharing.build_payload`)."""
    with vault.transaction() as session:
        chosen = choose(session, selection)
        if not chosen.ids.get("actors") and not chosen.ids.get("processes"):
            raise NothingToShare()
        document = _document(session, selection, chosen, sender_name, now or datetime.now(UTC))
    data = wire.canonical(document)
    if len(data) > MAX_PAYLOAD_BYTES:
        raise PayloadTooLarge()
    return data


def _document(
    session: Session, selection: Selection, chosen: Chosen, sender_name: str, now: datetime
) -> dict[str, Any]:
    # Every record of the payload, by table: id -> uuid (what references may point to).
    shared: dict[str, dict[int, str]] = {
        spec.name: _uuids(session, spec.table, chosen.ids.get(spec.name, ())) for spec in wire.SPECS
    }
    all_uuids = [u for by_id in shared.values() for u in by_id.values()]
    versions = clocks.versions_of(session, all_uuids)
    cue_kinds: dict[int, dict[str, Any]] = {}
    records: list[dict[str, Any]] = []
    for spec in wire.SPECS:
        ids = sorted(shared[spec.name])
        if not ids:
            continue
        names = [
            f
            for f in spec.fields
            if (selection.include_private_notes or f not in spec.notes)
            and (RecordKind.PROFILE in selection.kinds or f not in spec.profile)
        ]
        table = spec.table
        for start in range(0, len(ids), 500):
            rows = session.execute(
                sa.select(table.c.id, table.c.uuid, *(table.c[f] for f in names)).where(
                    _in(table.c.id, ids[start : start + 500])
                )
            ).mappings()
            for row in rows:
                record = _record(session, spec, row, names, shared, versions, cue_kinds)
                if record is not None:
                    records.append(record)
    links = [
        {
            "type": "interaction_participant",
            "interaction": shared["interactions"][interaction_id],
            "actor": shared["actors"][actor_id],
        }
        for interaction_id, actor_id in chosen.links
        if interaction_id in shared["interactions"]
    ]
    tombstones = [
        {
            "type": wire.BY_TABLE[t.table_name].tag,
            "uuid": t.record_uuid,
            "version": clocks.loads(t.vector),
            "deleted_at": wire.encode(t.deleted_at),
        }
        for t in session.scalars(sa.select(Tombstone).order_by(Tombstone.record_uuid))
        if t.table_name in wire.BY_TABLE
    ]
    return {
        "format": wire.FORMAT_NAME,
        "version": FORMAT_VERSION,
        "origin": clocks.vault_exchange_id(session),
        "sender": sender_name,
        "created_at": now.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "records": records,
        "links": links,
        "tombstones": tombstones,
        "cue_kinds": [cue_kinds[k] for k in sorted(cue_kinds)],
    }


def _record(
    session: Session,
    spec: wire.TableSpec,
    row: Any,
    names: Sequence[str],
    shared: dict[str, dict[int, str]],
    versions: dict[tuple[str, str], Any],
    cue_kinds: dict[int, dict[str, Any]],
) -> dict[str, Any] | None:
    uuid = row["uuid"]
    fields: dict[str, Any] = {}
    for name in names:
        value = row[name]
        target = spec.refs.get(name)
        if target == "cue_kinds":
            kind = session.get(CueKind, value)
            assert kind is not None
            cue_kinds[value] = {f: wire.encode(getattr(kind, f)) for f in wire.CUE_KIND_FIELDS}
            encoded: Any = kind.key
        elif target is not None and value is not None:
            encoded = shared.get(target, {}).get(value)
            if encoded is None:
                # Points to a record not shared: the receiver keeps what it has.
                if not spec.table.c[name].nullable:
                    return None
                continue
        else:
            encoded = wire.encode(value)
        version = versions.get((uuid, name))
        fields[name] = {
            "value": encoded,
            "version": clocks.loads(version.vector if version is not None else None),
        }
    return {"type": spec.tag, "uuid": uuid, "fields": fields}


__all__ = ["Chosen", "build", "choose", "preview"]
