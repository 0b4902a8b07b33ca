"""Readiness cues: dated signals that a process, or an actor, is ripening for talks (or not).

Each cue weighs ``strength x source reliability / 5``, positive toward readiness and negative
away from it. A process's *readiness level* on a day is the sum of its cues' weights, each
fading with a half-life of ``HALF_LIFE_DAYS``, so old signals matter less than new ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from contactkeeper import records
from contactkeeper.errors import InvalidRecord
from contactkeeper.records.wording import plural
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, CueKind, Direction, Process, ReadinessCue, Sensitivity

HALF_LIFE_DAYS = 90.0


@dataclass(frozen=True)
class CueKindInfo:
    id: int
    key: str
    label: str
    usual_direction: Direction
    description: str


@dataclass(frozen=True)
class NewCue:
    kind_id: int
    observed_on: date
    direction: Direction | None = None  # None: the kind's usual direction
    process_id: int | None = None
    actor_id: int | None = None
    strength: int = 3
    source_reliability: int = 3
    note: str = ""


@dataclass(frozen=True)
class CueInfo:
    id: int
    uuid: str
    kind_id: int
    kind_label: str
    direction: Direction
    strength: int
    source_reliability: int
    observed_on: date
    note: str
    process_id: int | None
    process_name: str
    actor_id: int | None
    actor_name: str
    actor_codename: str
    actor_sensitivity: Sensitivity  # normal when there is no actor

    @property
    def weight(self) -> float:
        return cue_weight(self.direction, self.strength, self.source_reliability)


@dataclass(frozen=True)
class ReadinessMove:
    """How far a process's readiness moved over a recent window."""

    process_id: int
    process_name: str
    change: float
    cues: int
    latest_on: date


def cue_weight(direction: Direction, strength: int, reliability: int) -> float:
    sign = 1.0 if direction is Direction.TOWARD else -1.0
    return sign * strength * reliability / 5.0


def level(cues: Iterable[tuple[date, float]], on: date) -> float:
    """The readiness level on ``on`` from (observed_on, weight) pairs, with fading."""
    total = 0.0
    for observed_on, weight in cues:
        age = (on - observed_on).days
        if age >= 0:
            total += weight * 0.5 ** (age / HALF_LIFE_DAYS)
    return total


# -- the catalogue of cue kinds ----------------------------------------------------------


def cue_kinds(vault: Vault) -> list[CueKindInfo]:
    with vault.transaction() as session:
        return [_kind_info(k) for k in session.scalars(sa.select(CueKind).order_by(CueKind.id))]


def add_cue_kind(
    vault: Vault, label: str, usual_direction: Direction, description: str = ""
) -> CueKindInfo:
    label = records.text("Cue kind", label, max_length=200, required=True)
    key = re.sub(r"[^\w]+", "-", label.casefold()).strip("-")[:60] or "kind"
    with vault.transaction() as session:
        if session.scalar(sa.select(CueKind.id).where(CueKind.key == key)) is not None:
            raise InvalidRecord("Cue kind", f"{label} is already in the catalogue")
        kind = CueKind(
            key=key,
            label=label,
            usual_direction=Direction(usual_direction),
            description=records.text("Description", description, max_length=2000),
        )
        session.add(kind)
        session.flush()
        return _kind_info(kind)


def update_cue_kind(
    vault: Vault, kind_id: int, label: str, usual_direction: Direction, description: str
) -> CueKindInfo:
    with vault.transaction() as session:
        kind = records.fetch(session, CueKind, kind_id, "cue kind")
        kind.label = records.text("Cue kind", label, max_length=200, required=True)
        kind.usual_direction = Direction(usual_direction)
        kind.description = records.text("Description", description, max_length=2000)
        session.flush()
        return _kind_info(kind)


def delete_cue_kind(vault: Vault, kind_id: int) -> None:
    with vault.transaction() as session:
        kind = records.fetch(session, CueKind, kind_id, "cue kind")
        used = session.scalar(
            sa.select(sa.func.count(ReadinessCue.id)).where(ReadinessCue.kind_id == kind_id)
        )
        if used:
            raise InvalidRecord(
                "Cue kind", f"{kind.label} is used by {plural(used, 'cue')}; change those first"
            )
        session.delete(kind)


# -- cues -------------------------------------------------------------------------------


def add_cue(session: Session, new: NewCue) -> ReadinessCue:
    """Record a cue inside an open unit of work."""
    if new.process_id is None and new.actor_id is None:
        raise InvalidRecord("Readiness cue", "must be about a process, an actor, or both")
    kind = records.fetch(session, CueKind, new.kind_id, "cue kind")
    if new.process_id is not None:
        records.fetch(session, Process, new.process_id, "process")
    if new.actor_id is not None:
        records.fetch(session, Actor, new.actor_id, "actor")
    cue = ReadinessCue(
        kind=kind,
        direction=Direction(new.direction or kind.usual_direction),
        strength=records.scale("Strength", new.strength),
        source_reliability=records.scale("Source reliability", new.source_reliability),
        observed_on=new.observed_on,
        process_id=new.process_id,
        actor_id=new.actor_id,
        note=records.text("Note", new.note, max_length=100_000),
    )
    session.add(cue)
    return cue


def record_cue(vault: Vault, new: NewCue) -> CueInfo:
    with vault.transaction() as session:
        cue = add_cue(session, new)
        session.flush()
        return cue_info(cue)


def update_cue(vault: Vault, cue_id: int, new: NewCue) -> CueInfo:
    """Replace every field of a cue with those of ``new``."""
    with vault.transaction() as session:
        cue = records.fetch(session, ReadinessCue, cue_id, "readiness cue")
        replacement = add_cue(session, new)
        session.expunge(replacement)
        for column in (
            "kind_id",
            "direction",
            "strength",
            "source_reliability",
            "observed_on",
            "process_id",
            "actor_id",
            "note",
        ):
            setattr(cue, column, getattr(replacement, column))
        cue.kind = replacement.kind
        session.flush()
        return cue_info(cue)


def delete_cue(vault: Vault, cue_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, ReadinessCue, cue_id, "readiness cue"))


def list_cues(
    vault: Vault,
    *,
    process_id: int | None = None,
    actor_id: int | None = None,
    since: date | None = None,
    limit: int = 200,
) -> list[CueInfo]:
    """Cues, newest first."""
    query = sa.select(ReadinessCue)
    if process_id is not None:
        query = query.where(ReadinessCue.process_id == process_id)
    if actor_id is not None:
        query = query.where(ReadinessCue.actor_id == actor_id)
    if since is not None:
        query = query.where(ReadinessCue.observed_on >= since)
    query = (
        query.options(
            selectinload(ReadinessCue.kind),
            selectinload(ReadinessCue.process).load_only(Process.name),
            selectinload(ReadinessCue.actor).load_only(
                Actor.display_name, Actor.codename, Actor.sensitivity
            ),
        )
        .order_by(ReadinessCue.observed_on.desc(), ReadinessCue.id.desc())
        .limit(limit)
    )
    with vault.transaction() as session:
        return [cue_info(c) for c in session.scalars(query)]


def timeline(vault: Vault, process_id: int, until: date) -> list[tuple[date, float]]:
    """The process's readiness level at each cue and on ``until``: points for a chart."""
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(
                ReadinessCue.observed_on,
                ReadinessCue.direction,
                ReadinessCue.strength,
                ReadinessCue.source_reliability,
            )
            .where(ReadinessCue.process_id == process_id)
            .order_by(ReadinessCue.observed_on)
        ).all()
    weighted = [(on, cue_weight(d, s, r)) for on, d, s, r in rows]
    days = sorted({on for on, _ in weighted if on <= until} | {until})
    return [(day, level(weighted, day)) for day in days]


def recent_moves(vault: Vault, today: date, window_days: int = 30) -> list[ReadinessMove]:
    """Processes whose readiness moved in the last ``window_days``, biggest move first."""
    since = today - timedelta(days=window_days)
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(
                ReadinessCue.process_id,
                Process.name,
                ReadinessCue.observed_on,
                ReadinessCue.direction,
                ReadinessCue.strength,
                ReadinessCue.source_reliability,
            )
            .join(Process, Process.id == ReadinessCue.process_id)
            .where(ReadinessCue.observed_on >= since, ReadinessCue.observed_on <= today)
        ).all()
    by_process: dict[int, list[tuple[str, date, float]]] = defaultdict(list)
    for process_id, name, on, direction, strength, reliability in rows:
        assert process_id is not None  # joined to its process
        by_process[process_id].append((name, on, cue_weight(direction, strength, reliability)))
    moves = [
        ReadinessMove(
            process_id=pid,
            process_name=cues[0][0],
            change=sum(w for _, _, w in cues),
            cues=len(cues),
            latest_on=max(on for _, on, _ in cues),
        )
        for pid, cues in by_process.items()
    ]
    return sorted(moves, key=lambda m: (-abs(m.change), m.process_name))


def _kind_info(kind: CueKind) -> CueKindInfo:
    return CueKindInfo(kind.id, kind.key, kind.label, kind.usual_direction, kind.description)


def cue_info(cue: ReadinessCue) -> CueInfo:
    process, actor = cue.process, cue.actor
    return CueInfo(
        id=cue.id,
        uuid=cue.uuid,
        kind_id=cue.kind_id,
        kind_label=cue.kind.label,
        direction=cue.direction,
        strength=cue.strength,
        source_reliability=cue.source_reliability,
        observed_on=cue.observed_on,
        note=cue.note,
        process_id=cue.process_id,
        process_name=process.name if process else "",
        actor_id=cue.actor_id,
        actor_name=actor.display_name if actor else "",
        actor_codename=actor.codename if actor else "",
        actor_sensitivity=actor.sensitivity if actor else Sensitivity.NORMAL,
    )
