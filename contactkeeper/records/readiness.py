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
    label = records.name("Cue kind", label, max_length=200, required=True)
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
        kind.label = records.name("Cue kind", label, max_length=200, required=True)
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


# -- a process's readiness at a glance ---------------------------------------------------

TREND_WINDOW_DAYS = 30  # the same window as Today's "Readiness moved"
EXPLAINED_CUES = 8  # an explanation lists this many cues by name, then sums the rest


@dataclass(frozen=True)
class CueWeight:
    """One cue's share of a process's readiness, and how it was reckoned."""

    cue_id: int
    observed_on: date
    kind_label: str
    direction: Direction
    strength: int
    source_reliability: int
    weight: float  # strength x reliability / 5, signed by direction
    counted: float  # the weight as it counts on the day asked about (faded)


@dataclass(frozen=True)
class ProcessReadiness:
    """A process's readiness level on ``on`` and how it moved over the last ``window_days``,
    with every cue that makes up each figure, so that a reader can trace both.

    ``level`` is the sum of ``counted`` over ``cues`` (every cue observed up to ``on``, each
    halved every ``HALF_LIFE_DAYS``); ``trend`` is the sum of the weights of the cues
    observed in the window (``on`` included), unfaded: what Today lists as "Readiness moved".
    """

    process_id: int
    on: date
    window_days: int
    level: float
    trend: float
    cues: tuple[CueWeight, ...]  # newest first
    recent: tuple[CueWeight, ...]  # the cues in the window, newest first

    @property
    def since(self) -> date:
        return self.on - timedelta(days=self.window_days)

    def level_text(self) -> str:
        return _signed(self.level)

    def trend_text(self) -> str:
        """``▲ +2.4`` toward readiness, ``▼ -1.2`` away from it, ``steady`` otherwise."""
        if not self.recent or _signed(self.trend) == "0.0":
            return "steady"
        return f"{'▲' if self.trend > 0 else '▼'} {_signed(self.trend)}"

    def explain_level(self) -> str:
        """How the level was reckoned, cue by cue (for a tooltip: plain text, no notes)."""
        lines = [
            f"Readiness level {self.level_text()} on {_day(self.on)}: the sum of "
            f"{_cues(len(self.cues))}. Each weighs strength × source reliability ÷ 5, "
            "positive toward readiness and negative away from it, and counts half as much "
            f"every {HALF_LIFE_DAYS:.0f} days.",
        ]
        ranked = sorted(self.cues, key=lambda c: (-abs(c.counted), -c.observed_on.toordinal()))
        for cue in ranked[:EXPLAINED_CUES]:
            now = _signed(cue.counted)
            faded = f", now {now}" if now != _signed(cue.weight) else ""
            lines.append(
                f"  {now}  {_day(cue.observed_on)}  {cue.kind_label} "
                f"({cue.direction}, strength {cue.strength}, reliability "
                f"{cue.source_reliability}: {_signed(cue.weight)}{faded})"
            )
        rest = ranked[EXPLAINED_CUES:]
        if rest:
            lines.append(
                f"  {_signed(sum(c.counted for c in rest))}  the {_cues(len(rest), 'other')}, "
                "older or weaker (all are in the process's cue log)"
            )
        return "\n".join(lines)

    def explain_trend(self) -> str:
        """How the trend was reckoned: the cues of the window, each with its weight."""
        window = f"the last {self.window_days} days (since {_day(self.since)})"
        if not self.recent:
            return f"Steady: no readiness cue was observed in {window}."
        lines = [
            f"Trend {self.trend_text()} over {window}: the sum of the weights of the "
            f"{_cues(len(self.recent))} observed since then (strength × source reliability ÷ "
            "5, positive toward readiness), as Today's “Readiness moved” counts it.",
        ]
        for cue in self.recent[:EXPLAINED_CUES]:
            lines.append(f"  {_signed(cue.weight)}  {_day(cue.observed_on)}  {cue.kind_label}")
        rest = self.recent[EXPLAINED_CUES:]
        if rest:
            lines.append(f"  {_signed(sum(c.weight for c in rest))}  {_cues(len(rest), 'more')}")
        return "\n".join(lines)


def process_readiness(
    vault: Vault, on: date, window_days: int = TREND_WINDOW_DAYS
) -> dict[int, ProcessReadiness]:
    """Every process that has cues, by id: its level on ``on`` and its trend (see
    :class:`ProcessReadiness`). Cues observed after ``on`` are left out."""
    since = on - timedelta(days=window_days)
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(
                ReadinessCue.process_id,
                ReadinessCue.id,
                ReadinessCue.observed_on,
                CueKind.label,
                ReadinessCue.direction,
                ReadinessCue.strength,
                ReadinessCue.source_reliability,
            )
            .join(CueKind, CueKind.id == ReadinessCue.kind_id)
            .where(ReadinessCue.process_id.is_not(None), ReadinessCue.observed_on <= on)
            .order_by(ReadinessCue.observed_on.desc(), ReadinessCue.id.desc())
        ).all()
    by_process: dict[int, list[CueWeight]] = defaultdict(list)
    for process_id, cue_id, observed_on, label, direction, strength, reliability in rows:
        assert process_id is not None  # only cues about a process were read
        weight = cue_weight(direction, strength, reliability)
        counted = level([(observed_on, weight)], on)
        by_process[process_id].append(
            CueWeight(cue_id, observed_on, label, direction, strength, reliability, weight, counted)
        )
    result = {}
    for process_id, cues in by_process.items():
        recent = tuple(c for c in cues if c.observed_on >= since)
        result[process_id] = ProcessReadiness(
            process_id=process_id,
            on=on,
            window_days=window_days,
            level=sum(c.counted for c in cues),
            trend=sum(c.weight for c in recent),
            cues=tuple(cues),
            recent=recent,
        )
    return result


def _signed(value: float) -> str:
    """``+1.2``, ``-0.4``; ``0.0`` for what rounds to nothing (never ``-0.0``)."""
    text = f"{value:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _cues(count: int, adjective: str = "") -> str:
    words = [str(count), adjective, "cue" if count == 1 else "cues"]
    return " ".join(w for w in words if w)
