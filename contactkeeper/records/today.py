"""Today: what a practitioner should see first — channels going cold, follow-ups due,
the latest readiness cues, and processes whose readiness moved recently."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from contactkeeper.records import followups, readiness, reviews, transfers
from contactkeeper.records.actors import urgency
from contactkeeper.records.channels import ChannelInfo, channel_info
from contactkeeper.records.followups import FollowUpInfo
from contactkeeper.records.readiness import CueInfo, ReadinessMove
from contactkeeper.records.warmth import WARM_UNTIL, WarmthReading, reading
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, ActorStatus, Channel, ChannelHop, Sensitivity


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
    track_two: tuple[TrackTwoLine, ...] = ()


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
    vault: Vault, now: datetime, *, follow_ups_shown: int = 50, cues_shown: int = 10
) -> TodaySummary:
    """What Today shows: going cold, the first follow-ups due (and how many in all), the
    latest readiness cues and the processes whose readiness moved."""
    day = now.astimezone().date()
    due = followups.due(vault, day, limit=follow_ups_shown)
    total = len(due) if len(due) < follow_ups_shown else followups.count_due(vault, day)
    return TodaySummary(
        going_cold=tuple(going_cold(vault, now)),
        follow_ups=tuple(due),
        latest_cues=tuple(readiness.list_cues(vault, limit=cues_shown)),
        readiness_moves=tuple(readiness.recent_moves(vault, day)),
        follow_ups_due=total,
        track_two=tuple(track_two_lines(vault, day)),
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
