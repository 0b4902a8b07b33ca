"""Today: what a practitioner should see first — channels going cold, follow-ups due,
the latest readiness cues, processes whose readiness moved recently, and the brokers going
cold: intermediaries through whom alone you reach participants of an open process, whose
own warmth with you is fading (lose them and you lose those participants).

Going cold is ordered by urgency (:data:`ORDER`): how far past their maximum interval the
actors are, a week at a time; within the same week, those on a side of a ripening process
first. Actors marked do not contact, and actors snoozed until a day not yet passed, are not
reminded of (:func:`contactkeeper.records.actors.silenced_why`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from contactkeeper import i18n
from contactkeeper.i18n import N_, _, ngettext, pgettext
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
from contactkeeper.records.actors import silenced_why
from contactkeeper.records.channels import ChannelInfo, channel_info
from contactkeeper.records.followups import FollowUpInfo
from contactkeeper.records.readiness import CueInfo, ReadinessMove
from contactkeeper.records.warmth import Warmth, WarmthReading, explain, of_actor, warmth_word
from contactkeeper.records.warmth_queries import urgency, warmth_histories
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

# How the going-cold list is ordered, said where it is shown (translated there: ``_(ORDER)``).
ORDER = N_(
    "Most urgent first: the furthest past their maximum interval (a week at a time); within "
    "the same week, those on a side of a ripening process first; never contacted last."
)
WEEK = 7


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
    why: str = ""  # why they are cooling or cold (records/warmth.explain)
    ripening: tuple[str, ...] = ()  # ripening processes they are on a side of

    def urgency(self) -> str:
        """Why they stand where they do in the list: "70 days past the maximum; on a side
        of Verenia talks, which is ripening"."""
        past = self.warmth.past_maximum_days
        if past is None:
            where = _("never contacted")
        elif past > 0:
            where = ngettext("{n} day past the maximum", "{n} days past the maximum", past)
            where = where.format(n=i18n.number(past))
        else:
            where = ngettext("{n} day before the maximum", "{n} days before the maximum", -past)
            where = where.format(n=i18n.number(-past))
        if self.ripening:
            # Translators: the separator between the names of several processes.
            processes = pgettext("between names", ", ").join(i18n.isolate(p) for p in self.ripening)
            # Translators: "70 days past the maximum; on a side of Verenia talks, which is
            # ripening" (one or several processes).
            where = ngettext(
                "{where}; on a side of {processes}, which is ripening",
                "{where}; on a side of {processes}, which are ripening",
                len(self.ripening),
            ).format(where=where, processes=processes)
        return where


def by_urgency(rows: Sequence[GoingCold], ripe: Sequence[Ripening] = ()) -> list[GoingCold]:
    """``rows`` in the order of :data:`ORDER`, each told the ripening processes (of
    ``ripe``) they are on a side of."""
    roles: dict[int, list[str]] = {}
    for process in ripe:
        for key in (*process.warm, *process.to_warm):
            roles.setdefault(key.actor_id, []).append(process.process_name)
    marked = [replace(g, ripening=tuple(roles.get(g.actor_id, ()))) for g in rows]
    return sorted(marked, key=_urgency_key)


def _urgency_key(row: GoingCold) -> tuple[bool, int, bool, int, int]:
    past = row.warmth.past_maximum_days
    if past is None:
        return (True, 0, not row.ripening, 0, row.actor_id)
    return (False, -(past // WEEK), not row.ripening, -past, row.actor_id)


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
        values = {
            "name": i18n.isolate(name),
            "n": i18n.number(self.reached),
            "total": i18n.number(self.participants),
            "process": i18n.isolate(self.process_name),
        }
        # Translators: a broker going cold: "Fr. Pavel is cooling; only they reach 4 of the 9
        # participants of Verenia talks". The plural follows the participants.
        if self.warmth.warmth is Warmth.WARM:
            text = ngettext(
                "{name} is warm; only they reach {n} of the {total} participant of {process}",
                "{name} is warm; only they reach {n} of the {total} participants of {process}",
                self.participants,
            )
        elif self.warmth.warmth is Warmth.COOLING:
            text = ngettext(
                "{name} is cooling; only they reach {n} of the {total} participant of {process}",
                "{name} is cooling; only they reach {n} of the {total} participants of {process}",
                self.participants,
            )
        else:
            text = ngettext(
                "{name} is cold; only they reach {n} of the {total} participant of {process}",
                "{name} is cold; only they reach {n} of the {total} participants of {process}",
                self.participants,
            )
        return text.format(**values)


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
            # Translators: a key actor of a ripening process: "Hassan Idris (cold, never
            # contacted)".
            return pgettext("between names", ", ").join(
                _("{name} ({warmth}, {when})").format(
                    name=i18n.isolate(name(a.actor_id, a.display_name, a.codename, a.sensitivity)),
                    warmth=warmth_word(a.warmth.warmth),
                    when=a.warmth.label,
                )
                for a in people
            )

        # Translators: "Ripening: Verenia talks — every party's readiness is at or above 2
        # (least: +2.30)."
        lines = [
            _("Ripening: {process} — {why}.").format(
                process=i18n.isolate(self.process_name), why=self.why
            )
        ]
        if self.flagged:
            lines.append(_("You flagged the moment."))
        if self.cues:
            lines.append(
                _("The cues behind it (each fades by half every {n} days):").format(
                    n=i18n.number(self.half_life_days)
                )
            )
        lines += [f"  {c}" for c in self.cues]
        lines.append(_("Warm now: {names}").format(names=named(self.warm) or _("nobody")))
        lines.append(_("Warm first: {names}").format(names=named(self.to_warm) or _("nobody")))
        return "\n".join(lines)


@dataclass(frozen=True)
class TrackTwoLine:
    """A transfer awaiting a reaction, or a review that is due."""

    what: str  # "awaiting a reaction" or "review due", in the current language
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
        for actor_id, process_id, process_name, total, cut_off, _ratio in found:
            actor = people.get(actor_id)
            if actor is None or actor.last_contact_at is None:
                continue  # never in touch: nothing is going cold
            if silenced_why(actor.status, actor.snoozed_until, now.astimezone().date()):
                continue  # do not contact, or snoozed: no reminder
            warmth = of_actor(actor, now)
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
                suggestion.why(process.settings) if suggestion else _("flagged by you"),
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
            level = of_actor(actor, now)
            key = KeyActor(actor.id, actor.display_name, actor.codename, actor.sensitivity, level)
            (warm if level.warmth is Warmth.WARM else to_warm).append(key)
        return tuple(warm), tuple(to_warm)


def going_cold(
    vault: Vault, now: datetime, limit: int = 25, ripe: Sequence[Ripening] = ()
) -> list[GoingCold]:
    """Active actors past their ideal interval, most urgent first (:data:`ORDER`), each with
    why (:func:`contactkeeper.records.warmth.explain`). ``ripe``: the processes ripening,
    whose key actors come first within the same week past the maximum.

    Actors never contacted come after those whose history is cooling: they are cold, but
    there is no channel to keep warm yet. Actors marked do not contact, dormant, or snoozed
    until a day not yet passed are left out.
    """
    day = now.astimezone().date()
    # Whoever is on a side of a ripening process and not warm may overtake within a week.
    keys = {k.actor_id for r in ripe for k in r.to_warm}
    with vault.transaction() as session:
        candidates = _most_urgent(session, now, day, limit, keys)
        names = {
            row.id: row
            for row in session.execute(
                sa.select(Actor.id, Actor.display_name, Actor.codename, Actor.sensitivity).where(
                    Actor.id.in_([c.id for c in candidates])
                )
            )
        }
        rows = [
            GoingCold(
                actor_id=c.id,
                display_name=names[c.id].display_name,
                codename=names[c.id].codename,
                cadence_days=c.cadence_days,
                warmth=of_actor(c, now),
                channel=None,
                sensitivity=names[c.id].sensitivity,
            )
            for c in candidates
        ]
        shown = by_urgency(rows, ripe)[:limit]
        channels = session.scalars(
            sa.select(Channel)
            .where(Channel.actor_id.in_([g.actor_id for g in shown]))
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
        found = {i: channel_info(c, now) for i, c in best.items()}
    histories = warmth_histories(vault, [g.actor_id for g in shown])
    return [
        replace(
            g,
            channel=found.get(g.actor_id),
            why=explain(g.warmth, histories[g.actor_id], on=day),
        )
        for g in shown
    ]


def _most_urgent(
    session: Session, now: datetime, day: date, limit: int, keys: set[int]
) -> list[sa.Row[Any]]:
    """Active actors not snoozed and past their ideal: enough of them, the most urgent
    first, to hold the first ``limit`` of :data:`ORDER`, and the not-warm ``keys``.

    Read from the covering index ``ix_actors_warmth`` in its own order, the oldest last
    contact first, a batch at a time (more each time), so that no sort of every actor is
    needed: nobody is further past their ideal (nor their maximum, never shorter) than
    days since their last contact, so once the ``limit``-th actor found is a whole week
    further past their maximum than days since the last contact read, nobody further on
    can come before them. The never contacted come last (:data:`ORDER`): read only when
    too few others are past their ideal."""
    reminded = (Actor.status == ActorStatus.ACTIVE, urgency(now) > 1)
    not_snoozed = sa.or_(Actor.snoozed_until.is_(None), Actor.snoozed_until < day)
    columns = (
        Actor.id,
        Actor.cadence_days,
        Actor.max_interval_days,
        Actor.last_substantive_at,
        Actor.last_contact_at,
    )
    contacted = (
        sa.select(*columns)
        .where(*reminded, not_snoozed, Actor.last_contact_at.is_not(None))
        .order_by(Actor.last_contact_at, Actor.id)
    )
    found: list[sa.Row[Any]] = []
    pasts: list[int] = []
    after: sa.Row[Any] | None = None
    size = 2 * limit
    while True:
        query = contacted
        if after is not None:
            last = after.last_contact_at
            query = query.where(
                Actor.last_contact_at >= last,
                sa.or_(Actor.last_contact_at > last, Actor.id > after.id),
            )
        batch: list[sa.Row[Any]] = list(session.execute(query.limit(size)))
        found += batch
        pasts += [
            -(10**9) if (p := of_actor(row, now).past_maximum_days) is None else p for row in batch
        ]
        if len(batch) < size:
            break  # every contacted actor past their ideal is read
        after = batch[-1]
        bound = (now - after.last_contact_at).total_seconds() / 86400  # days since it
        if len(found) >= limit:
            kth = sorted(pasts, reverse=True)[limit - 1]
            if kth // WEEK > (math.ceil(bound) + 1) // WEEK:
                break
        size = min(size * 2, 1000)
    if len(found) < limit:
        found += list(
            session.execute(
                sa.select(*columns)
                .where(*reminded, not_snoozed, Actor.last_contact_at.is_(None))
                .order_by(Actor.id)
                .limit(limit - len(found))
            )
        )
    ids = {row.id for row in found}
    if keys - ids:
        found += _readable(session, sorted(keys - ids), day, reminded)
    return found


def _readable(
    session: Session,
    ids: list[int],
    day: date,
    where: tuple[sa.ColumnElement[bool], ...] = (),
) -> list[sa.Row[Any]]:
    """What warmth needs of the actors of ``ids`` not snoozed on ``day`` (and meeting
    ``where``): plain rows, not whole actors (their notes make them large)."""
    return list(
        session.execute(
            sa.select(
                Actor.id,
                Actor.cadence_days,
                Actor.max_interval_days,
                Actor.last_substantive_at,
                Actor.last_contact_at,
            )
            .where(Actor.id.in_(ids), *where)
            .where(sa.or_(Actor.snoozed_until.is_(None), Actor.snoozed_until < day))
            .order_by(Actor.id)
        )
    )


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
        going_cold=tuple(going_cold(vault, now, ripe=found.ripening)),
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
            _("review due"),
            due.due_on,
            _("decide whether to go on, pause or stop"),
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
            _("awaiting a reaction"), t.passed_on, t.content, t.process_id, t.process_name, t.id
        )
        for t in waiting
    ]
    return lines


def _recency(channel: Channel) -> tuple[bool, datetime | None, int]:
    return (channel.last_used_at is not None, channel.last_used_at, -channel.id)
