"""Today: what a practitioner should see first — channels going cold, follow-ups due,
the latest readiness cues, processes whose readiness moved recently, and the brokers going
cold: intermediaries through whom alone you reach participants of an open process, whose
own warmth with you is fading (lose them and you lose those participants)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from contactkeeper.records import (
    NameRule,
    display_names,
    followups,
    network,
    readiness,
    reviews,
    ripeness,
    transfers,
)
from contactkeeper.records.actors import urgency
from contactkeeper.records.channels import ChannelInfo, channel_info
from contactkeeper.records.followups import FollowUpInfo
from contactkeeper.records.readiness import CueInfo, ReadinessMove
from contactkeeper.records.warmth import WARM_UNTIL, Warmth, WarmthReading, reading
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    ActorStatus,
    Channel,
    ChannelHop,
    Participation,
    Process,
    ProcessPhase,
    ReadinessCue,
    Sensitivity,
)


@dataclass(frozen=True)
class GoingCold:
    """An actor whose contact is due or overdue, with the channel to use."""

    actor_id: int
    display_name: str
    codename: str
    cadence_days: int
    warmth: WarmthReading
    channel: ChannelInfo | None  # the most recently used way to reach them
    sensitivity: Sensitivity


@dataclass(frozen=True)
class ColdBroker:
    """An intermediary going cold through whom alone you reach participants of a process:
    "Fr. Pavel is cooling; only they reach 4 of the 9 participants of Verenia talks"."""

    actor_id: int
    display_name: str
    codename: str
    sensitivity: Sensitivity
    warmth: WarmthReading
    process_id: int
    process_name: str
    reached: int  # participants reached only through them
    participants: int  # in the process
    reached_ids: tuple[int, ...] = ()

    def summary(self, name: str) -> str:
        return (
            f"{name} is {self.warmth.warmth}; only they reach {self.reached} of the "
            f"{self.participants} participants of {self.process_name}"
        )


@dataclass(frozen=True)
class KeyActor:
    """A participant on a side of a ripening process, and your warmth with them."""

    actor_id: int
    display_name: str
    codename: str
    sensitivity: Sensitivity
    warmth: WarmthReading


@dataclass(frozen=True)
class Ripening:
    """A process the program suggests is ripening (never decides), the cues behind it, and
    the channels to its key actors: warm now, or to be warmed first."""

    process_id: int
    process_name: str
    why: str
    cues: tuple[str, ...]
    warm: tuple[KeyActor, ...]
    to_warm: tuple[KeyActor, ...]
    flagged: bool  # the practitioner flagged the moment, and the flag stands
    half_life_days: float = ripeness.HALF_LIFE_DAYS  # how fast the cues behind it fade

    def explain(self, name: NameRule = display_names) -> str:
        """Why, the cues behind it, and whom to reach; ``name`` says how actors are named
        (the privacy rule of whoever shows it)."""

        def named(people: tuple[KeyActor, ...]) -> str:
            return ", ".join(
                f"{name(a.actor_id, a.display_name, a.codename, a.sensitivity)} "
                f"({a.warmth.warmth.value}, {a.warmth.label})"
                for a in people
            )

        lines = [f"Ripening: {self.process_name} — {self.why}."]
        if self.flagged:
            lines.append("You flagged the moment.")
        if self.cues:
            lines.append(
                f"The cues behind it (each fades by half every {self.half_life_days:g} days):"
            )
        lines += [f"  {c}" for c in self.cues]
        lines.append("Warm now: " + (named(self.warm) or "nobody"))
        lines.append("Warm first: " + (named(self.to_warm) or "nobody"))
        return "\n".join(lines)


@dataclass(frozen=True)
class TrackTwoLine:
    """A transfer awaiting a reaction, or a review that is due."""

    what: str  # "awaiting a reaction" or "review due"
    on: date  # when it was passed, or when the review fell due
    detail: str  # what was passed (free text), or what to decide
    process_id: int | None
    process_name: str
    transfer_id: int | None = None


@dataclass(frozen=True)
class TodaySummary:
    going_cold: tuple[GoingCold, ...]
    follow_ups: tuple[FollowUpInfo, ...]
    latest_cues: tuple[CueInfo, ...]
    readiness_moves: tuple[ReadinessMove, ...]
    follow_ups_due: int = 0  # how many are due in all; ``follow_ups`` holds the first ones
    cold_brokers: tuple[ColdBroker, ...] = ()
    ripening: tuple[Ripening, ...] = ()
    track_two: tuple[TrackTwoLine, ...] = ()


@dataclass(frozen=True)
class Insights:
    """The parts of Today worked out off the UI thread (:func:`insights_of`)."""

    cold_brokers: tuple[ColdBroker, ...] = ()
    ripening: tuple[Ripening, ...] = ()
    readiness_moves: tuple[ReadinessMove, ...] = ()


# Processes whose brokers Today watches: those not concluded.
_OPEN_PHASES = tuple(p for p in ProcessPhase if p is not ProcessPhase.CONCLUDED)


def cold_brokers(vault: Vault, now: datetime, limit: int = 10) -> list[ColdBroker]:
    """Brokers of open processes you have been in touch with and whose warmth with you is
    no longer warm, the most cut off first (one line per broker and process)."""
    with vault.transaction() as session:
        open_processes = session.execute(
            sa.select(Process.id, Process.name)
            .where(Process.phase.in_(_OPEN_PHASES))
            .where(sa.exists().where(Participation.process_id == Process.id))
            .order_by(Process.name)
        ).all()
        members: dict[int, set[int]] = {}
        for process_id, actor_id in session.execute(
            sa.select(Participation.process_id, Participation.actor_id)
        ):
            members.setdefault(process_id, set()).add(actor_id)
    names = dict(open_processes)
    wanted = {process_id: members.get(process_id, set()) for process_id in names}
    found: list[tuple[int, int, str, int, tuple[int, ...], int]] = []
    for process_id, lines in network.cut_off_by_process(vault, now, wanted).items():
        total = len(wanted[process_id])
        for broker, reached in lines:
            found.append((broker, process_id, names[process_id], total, reached, len(found)))
    if not found:
        return []
    with vault.transaction() as session:
        people = {
            a.id: a
            for a in session.scalars(
                sa.select(Actor).where(Actor.id.in_(sorted({f[0] for f in found})))
            )
        }
        result = []
        for actor_id, process_id, process_name, total, cut_off, _ in found:
            actor = people.get(actor_id)
            if actor is None or actor.last_contact_at is None:
                continue  # never in touch: nothing is going cold
            warmth = reading(
                actor.cadence_days, actor.last_substantive_at, actor.last_contact_at, now
            )
            if warmth.warmth is Warmth.WARM:
                continue
            result.append(
                ColdBroker(
                    actor_id=actor.id,
                    display_name=actor.display_name,
                    codename=actor.codename,
                    sensitivity=actor.sensitivity,
                    warmth=warmth,
                    process_id=process_id,
                    process_name=process_name,
                    reached=len(cut_off),
                    participants=total,
                    reached_ids=cut_off,
                )
            )
    result.sort(key=lambda b: (-b.reached, b.warmth.warmth is Warmth.COOLING, b.process_name))
    return result[:limit]


def ripening(vault: Vault, now: datetime) -> list[Ripening]:
    """Processes the arithmetic suggests are ripening (records/ripeness.py), or that the
    practitioner flagged; each with its key actors' warmth (participants on a side, read
    fresh: warmth changes with every contact, the readiness behind it only with its cues)."""
    day = now.astimezone().date()
    found = readiness.kept(vault, "ripening", day, lambda: _ripening(vault, day))
    out = []
    for ripe in found:
        warm, to_warm = _key_channels(vault, ripe.process_id, now)
        out.append(replace(ripe, warm=warm, to_warm=to_warm))
    return out


def _ripening(vault: Vault, day: date) -> list[Ripening]:
    with vault.transaction() as session:
        flagged = {
            pid
            for pid, on, until in session.execute(
                sa.select(Process.id, Process.opportunity_on, Process.opportunity_until).where(
                    Process.opportunity_on.is_not(None)
                )
            )
            if ripeness.opportunity_open(on, until, day)
        }
        candidates = list(
            session.scalars(
                sa.select(ReadinessCue.process_id)
                .where(ReadinessCue.process_id.is_not(None))
                .distinct()
            )
        )
    loaded = readiness.readiness_of(vault, sorted({p for p in candidates if p} | flagged))
    out = []
    for process in loaded.values():
        suggestion = process.suggest(day)
        if suggestion is None and process.process_id not in flagged:
            continue
        cues = sorted(
            (c for p in process.reading(day).parties for c in p.contributions),
            key=lambda c: -abs(c.faded),
        )
        seen: set[int] = set()
        behind = []
        for contribution in cues:
            if contribution.cue.id in seen or contribution.repeat_of is not None:
                continue
            seen.add(contribution.cue.id)
            behind.append(contribution.explain(day))
        warm: tuple[KeyActor, ...] = ()
        to_warm: tuple[KeyActor, ...] = ()
        out.append(
            Ripening(
                process.process_id,
                process.process_name,
                suggestion.why(process.settings) if suggestion else "flagged by you",
                tuple(behind[:5]),
                warm,
                to_warm,
                process.process_id in flagged,
                process.settings.half_life_days,
            )
        )
    return sorted(out, key=lambda r: (not r.flagged, r.process_name))


def _key_channels(
    vault: Vault, process_id: int, now: datetime
) -> tuple[tuple[KeyActor, ...], tuple[KeyActor, ...]]:
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(Actor)
            .join(Participation, Participation.actor_id == Actor.id)
            .where(
                Participation.process_id == process_id,
                Participation.side_id.is_not(None),
                Actor.status == ActorStatus.ACTIVE,
            )
            .order_by(Actor.display_name)
            .distinct()
        ).scalars()
        warm: list[KeyActor] = []
        to_warm: list[KeyActor] = []
        for actor in rows:
            level = reading(
                actor.cadence_days, actor.last_substantive_at, actor.last_contact_at, now
            )
            key = KeyActor(actor.id, actor.display_name, actor.codename, actor.sensitivity, level)
            (warm if level.warmth is Warmth.WARM else to_warm).append(key)
        return tuple(warm), tuple(to_warm)


def going_cold(vault: Vault, now: datetime, limit: int = 25) -> list[GoingCold]:
    """Active actors past the warm part of their cadence, most urgent first.

    Actors never contacted come after those whose history is cooling: they are cold, but
    there is no channel to keep warm yet.
    """
    ratio = urgency(now)
    with vault.transaction() as session:
        # The most urgent ids first, from the covering index ix_actors_warmth alone; then
        # only those actors' rows (benchmarks/README.md).
        ids = list(
            session.scalars(
                sa.select(Actor.id)
                .where(Actor.status == ActorStatus.ACTIVE, ratio > WARM_UNTIL)
                .order_by(Actor.last_contact_at.is_(None), ratio.desc(), Actor.id)
                .limit(limit)
            )
        )
        loaded = {a.id: a for a in session.scalars(sa.select(Actor).where(Actor.id.in_(ids)))}
        actors = [loaded[i] for i in ids]
        channels = session.scalars(
            sa.select(Channel)
            .where(Channel.actor_id.in_([a.id for a in actors]))
            .options(
                selectinload(Channel.hops)
                .selectinload(ChannelHop.intermediary)
                .load_only(Actor.display_name, Actor.codename, Actor.sensitivity),
                selectinload(Channel.actor),
            )
        )
        best: dict[int, Channel] = {}
        for channel in channels:
            current = best.get(channel.actor_id)
            if current is None or _recency(channel) > _recency(current):
                best[channel.actor_id] = channel
        return [
            GoingCold(
                actor_id=a.id,
                display_name=a.display_name,
                codename=a.codename,
                cadence_days=a.cadence_days,
                warmth=reading(a.cadence_days, a.last_substantive_at, a.last_contact_at, now),
                channel=channel_info(best[a.id], now) if a.id in best else None,
                sensitivity=a.sensitivity,
            )
            for a in actors
        ]


def today(
    vault: Vault,
    now: datetime,
    *,
    follow_ups_shown: int = 50,
    cues_shown: int = 10,
    insights: bool = True,
) -> TodaySummary:
    """What Today shows: going cold, the first follow-ups due (and how many in all), the
    latest readiness cues and the reviews and transfers waiting; with ``insights``, also the
    brokers going cold, the processes ripening and those whose readiness moved (see
    :func:`insights_of`)."""
    day = now.astimezone().date()
    found = insights_of(vault, now) if insights else Insights()
    due = followups.due(vault, day, limit=follow_ups_shown)
    total = len(due) if len(due) < follow_ups_shown else followups.count_due(vault, day)
    return TodaySummary(
        going_cold=tuple(going_cold(vault, now)),
        follow_ups=tuple(due),
        latest_cues=tuple(readiness.list_cues(vault, limit=cues_shown)),
        readiness_moves=found.readiness_moves,
        follow_ups_due=total,
        cold_brokers=found.cold_brokers,
        ripening=found.ripening,
        track_two=tuple(track_two_lines(vault, day)),
    )


def insights_of(vault: Vault, now: datetime) -> Insights:
    """Brokers going cold, processes ripening and processes whose readiness moved: the parts
    of Today that weigh the whole web of channels and every readiness cue. On a large vault
    the first reckoning takes seconds (it is then kept until what it is made of changes), so
    the desktop asks for it off the UI thread, after the rest of Today is on screen."""
    day = now.astimezone().date()
    return Insights(
        tuple(cold_brokers(vault, now)),
        tuple(ripening(vault, now)),
        tuple(readiness.recent_moves(vault, day)),
    )


def track_two_lines(vault: Vault, day: date) -> list[TrackTwoLine]:
    """Reviews due first, then transfers awaiting a reaction, the longest waiting first."""
    lines = [
        TrackTwoLine(
            "review due",
            due.due_on,
            "decide whether to go on, pause or stop",
            due.process_id,
            due.process_name,
        )
        for due in reviews.reviews_due(vault, day)
    ]
    waiting = sorted(
        transfers.list_transfers(vault, awaiting_only=True), key=lambda t: (t.passed_on, t.id)
    )
    lines += [
        TrackTwoLine(
            "awaiting a reaction", t.passed_on, t.content, t.process_id, t.process_name, t.id
        )
        for t in waiting
    ]
    return lines


def _recency(channel: Channel) -> tuple[bool, datetime | None, int]:
    return (channel.last_used_at is not None, channel.last_used_at, -channel.id)
