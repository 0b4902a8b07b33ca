"""Events: workshops, dialogue rounds and consultations, with their people and outcomes.

Before an event: its invitation list (each invitee's role and answer, the warmth of the
practitioner's channel to them and their side in the event's process, so the list's balance
of sides shows at a glance) and a checklist (visas, venue, travel) kept as follow-ups of the
event. After it: its outcomes (ideas, understandings, disagreements), each of which a
transfer to track one may point to; interactions held there point to it.

An event's attribution rule (Chatham House unless set otherwise) is the default for what is
said there: its outcomes, and every interaction linked to it, take at least that rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from contactkeeper import i18n, records
from contactkeeper.errors import InvalidRecord
from contactkeeper.i18n import N_, _
from contactkeeper.records.attribution import strictest
from contactkeeper.records.cue_kind_names import cue_kind_name
from contactkeeper.records.followups import FollowUpInfo, follow_up_info
from contactkeeper.records.warmth import WarmthReading, of_actor
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    AttributionRule,
    CueKind,
    Direction,
    Event,
    EventKind,
    EventOutcome,
    EventRole,
    FollowUp,
    Interaction,
    InteractionEvent,
    InteractionKind,
    Invitation,
    InvitationStatus,
    OutcomeKind,
    Participation,
    Process,
    ReadinessCue,
    Sensitivity,
    Side,
)

# Translators: the invitees of an event who are on no side of its process.
NO_SIDE = N_("no side")


@dataclass(frozen=True)
class NewEvent:
    title: str
    starts_on: date
    kind: EventKind = EventKind.WORKSHOP
    process_id: int | None = None
    ends_on: date | None = None
    venue: str = ""
    convenor: str = ""
    funder: str = ""
    attribution: AttributionRule = AttributionRule.CHATHAM_HOUSE
    ground_rules: str = ""
    agenda: str = ""
    notes: str = ""


@dataclass(frozen=True)
class InvitationInfo:
    id: int
    actor_id: int
    display_name: str
    codename: str
    sensitivity: Sensitivity
    role: EventRole
    status: InvitationStatus
    note: str
    side: str  # the invitee's side in the event's process, or "" (none, or no process)
    warmth: WarmthReading


@dataclass(frozen=True)
class OutcomeInfo:
    id: int
    uuid: str
    kind: OutcomeKind
    text: str
    attribution: AttributionRule


@dataclass(frozen=True)
class LinkedInteraction:
    """A contact that took place at the event."""

    id: int
    occurred_at: datetime
    kind: InteractionKind
    summary: str
    attribution: AttributionRule


@dataclass(frozen=True)
class LinkedCue:
    """A readiness cue seen or heard at the event."""

    id: int
    observed_on: date
    kind_label: str  # as shown: a default kind's in the current language
    direction: Direction
    note: str
    attribution: AttributionRule


@dataclass(frozen=True)
class EventInfo:
    id: int
    uuid: str
    title: str
    kind: EventKind
    process_id: int | None
    process_name: str
    starts_on: date
    ends_on: date | None
    venue: str
    convenor: str
    funder: str
    attribution: AttributionRule
    ground_rules: str
    agenda: str
    notes: str
    invitations: tuple[InvitationInfo, ...] = ()
    outcomes: tuple[OutcomeInfo, ...] = ()
    checklist: tuple[FollowUpInfo, ...] = ()
    interaction_ids: tuple[int, ...] = ()
    interactions: tuple[LinkedInteraction, ...] = ()
    cues: tuple[LinkedCue, ...] = ()

    def with_status(self, *statuses: InvitationStatus) -> list[InvitationInfo]:
        return [i for i in self.invitations if i.status in statuses]

    def balance_of_sides(self) -> dict[str, int]:
        """How many party participants each side has, of those not declining."""
        counted = Counter(
            i.side or _(NO_SIDE)
            for i in self.invitations
            if i.role is EventRole.PARTY_PARTICIPANT and i.status is not InvitationStatus.DECLINED
        )
        return dict(sorted(counted.items()))

    @property
    def held(self) -> bool:
        return bool(self.with_status(InvitationStatus.ATTENDED)) or bool(self.outcomes)


@dataclass(frozen=True)
class EventRow:
    """An event as lists show it."""

    id: int
    title: str
    kind: EventKind
    starts_on: date
    process_id: int | None
    process_name: str
    venue: str
    invited: int
    attended: int


def create_event(vault: Vault, new: NewEvent) -> int:
    with vault.transaction() as session:
        event = Event()
        _apply(session, event, new)
        session.add(event)
        session.flush()
        return event.id


def update_event(vault: Vault, event_id: int, new: NewEvent) -> None:
    with vault.transaction() as session:
        _apply(session, records.fetch(session, Event, event_id, "event"), new)


def delete_event(vault: Vault, event_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, Event, event_id, "event"))


def get_event(vault: Vault, event_id: int, now: datetime) -> EventInfo:
    with vault.transaction() as session:
        event = session.scalar(
            sa.select(Event)
            .where(Event.id == event_id)
            .options(
                selectinload(Event.invitations).selectinload(Invitation.actor),
                selectinload(Event.outcomes),
                selectinload(Event.process),
            )
        )
        if event is None:
            event = records.fetch(session, Event, event_id, "event")
        sides = _sides(session, event.process_id)
        checklist = session.scalars(
            sa.select(FollowUp)
            .where(FollowUp.event_id == event.id)
            .order_by(FollowUp.due_on, FollowUp.id)
            .options(selectinload(FollowUp.actor), selectinload(FollowUp.process))
        )
        held_there = _interactions_at(session, event.id)
        cues = session.execute(
            sa.select(ReadinessCue, CueKind.key, CueKind.label)
            .join(CueKind, CueKind.id == ReadinessCue.kind_id)
            .where(ReadinessCue.event_id == event.id)
            .order_by(ReadinessCue.observed_on, ReadinessCue.id)
        )
        return EventInfo(
            id=event.id,
            uuid=event.uuid,
            title=event.title,
            kind=event.kind,
            process_id=event.process_id,
            process_name=event.process.name if event.process else "",
            starts_on=event.starts_on,
            ends_on=event.ends_on,
            venue=event.venue,
            convenor=event.convenor,
            funder=event.funder,
            attribution=event.attribution,
            ground_rules=event.ground_rules,
            agenda=event.agenda,
            notes=event.notes,
            invitations=tuple(
                InvitationInfo(
                    id=i.id,
                    actor_id=i.actor_id,
                    display_name=i.actor.display_name,
                    codename=i.actor.codename,
                    sensitivity=i.actor.sensitivity,
                    role=i.role,
                    status=i.status,
                    note=i.note,
                    side=sides.get(i.actor_id, ""),
                    warmth=of_actor(i.actor, now),
                )
                for i in sorted(
                    event.invitations,
                    key=lambda i: (list(EventRole).index(i.role), i.actor.display_name),
                )
            ),
            outcomes=tuple(_outcome(o) for o in event.outcomes),
            checklist=tuple(follow_up_info(f) for f in checklist),
            interaction_ids=tuple(i.id for i in held_there),
            interactions=held_there,
            cues=tuple(
                LinkedCue(
                    c.id,
                    c.observed_on,
                    cue_kind_name(key, label),
                    c.direction,
                    c.note,
                    c.attribution,
                )
                for c, key, label in cues
            ),
        )


def _interactions_at(session: Session, event_id: int) -> tuple[LinkedInteraction, ...]:
    rows = session.execute(
        sa.select(
            Interaction.id,
            Interaction.occurred_at,
            Interaction.kind,
            Interaction.summary,
            Interaction.attribution,
        )
        .join(InteractionEvent, InteractionEvent.interaction_id == Interaction.id)
        .where(InteractionEvent.event_id == event_id)
        .order_by(Interaction.occurred_at, Interaction.id)
    )
    return tuple(LinkedInteraction(*row) for row in rows)


def event_of_interaction(vault: Vault, interaction_id: int) -> int | None:
    """The event an interaction took place at, if any."""
    with vault.transaction() as session:
        return session.scalar(
            sa.select(InteractionEvent.event_id).where(
                InteractionEvent.interaction_id == interaction_id
            )
        )


def event_names(vault: Vault) -> list[tuple[int, str]]:
    """(id, "title, first day") of every event, the latest first: for choosing one."""
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(Event.id, Event.title, Event.starts_on).order_by(
                Event.starts_on.desc(), Event.id.desc()
            )
        )
        # Translators: an event to choose: "Montreux workshop, 2 Dec 2026".
        return [
            (i, _("{title}, {day}").format(title=i18n.isolate(title), day=i18n.short_date(day)))
            for i, title, day in rows
        ]


def list_events(vault: Vault, process_id: int | None = None) -> list[EventRow]:
    """Events, the latest first (those of one process when ``process_id`` is given)."""
    invited = sa.func.count(Invitation.id)
    attended = sa.func.count(Invitation.id).filter(Invitation.status == InvitationStatus.ATTENDED)
    query = (
        sa.select(Event, Process.name, invited, attended)
        .outerjoin(Process, Process.id == Event.process_id)
        .outerjoin(Invitation, Invitation.event_id == Event.id)
        .group_by(Event.id)
        .order_by(Event.starts_on.desc(), Event.id.desc())
    )
    if process_id is not None:
        query = query.where(Event.process_id == process_id)
    with vault.transaction() as session:
        return [
            EventRow(e.id, e.title, e.kind, e.starts_on, e.process_id, name or "", e.venue, n, a)
            for e, name, n, a in session.execute(query)
        ]


def invite(
    vault: Vault,
    event_id: int,
    actor_id: int,
    role: EventRole = EventRole.PARTY_PARTICIPANT,
    status: InvitationStatus = InvitationStatus.INVITED,
    note: str = "",
) -> int:
    """Put an actor on the event's list; returns the invitation's id."""
    with vault.transaction() as session:
        event = records.fetch(session, Event, event_id, "event")
        records.fetch(session, Actor, actor_id, "actor")
        if any(i.actor_id == actor_id for i in event.invitations):
            raise InvalidRecord(_("Invitee"), _("is already on this event's list"))
        invitation = Invitation(
            actor_id=actor_id,
            role=EventRole(role),
            status=InvitationStatus(status),
            note=records.text(_("Note"), note, max_length=2000),
        )
        event.invitations.append(invitation)
        session.flush()
        return invitation.id


def set_invitation(
    vault: Vault,
    invitation_id: int,
    *,
    status: InvitationStatus | None = None,
    role: EventRole | None = None,
    note: str | None = None,
) -> None:
    """Record an answer (accepted, declined), attendance, or a change of role."""
    with vault.transaction() as session:
        invitation = records.fetch(session, Invitation, invitation_id, "invitation")
        if status is not None:
            invitation.status = InvitationStatus(status)
        if role is not None:
            invitation.role = EventRole(role)
        if note is not None:
            invitation.note = records.text(_("Note"), note, max_length=2000)


def remove_invitation(vault: Vault, invitation_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, Invitation, invitation_id, "invitation"))


def add_outcome(
    vault: Vault,
    event_id: int,
    kind: OutcomeKind,
    text: str,
    attribution: AttributionRule | None = None,
) -> int:
    """Record what came out of the event; its rule is at least the event's."""
    with vault.transaction() as session:
        event = records.fetch(session, Event, event_id, "event")
        outcome = EventOutcome(
            kind=OutcomeKind(kind),
            text=records.text(_("Outcome"), text, max_length=10_000, required=True),
            position=max((o.position for o in event.outcomes), default=-1) + 1,
            attribution=strictest([event.attribution, attribution]),
        )
        event.outcomes.append(outcome)
        session.flush()
        return outcome.id


def update_outcome(
    vault: Vault, outcome_id: int, kind: OutcomeKind, text: str, attribution: AttributionRule
) -> None:
    with vault.transaction() as session:
        outcome = records.fetch(session, EventOutcome, outcome_id, "outcome")
        outcome.kind = OutcomeKind(kind)
        outcome.text = records.text(_("Outcome"), text, max_length=10_000, required=True)
        outcome.attribution = AttributionRule(attribution)


def remove_outcome(vault: Vault, outcome_id: int) -> None:
    with vault.transaction() as session:
        session.delete(records.fetch(session, EventOutcome, outcome_id, "outcome"))


def add_checklist_item(vault: Vault, event_id: int, title: str, due_on: date) -> int:
    """A task before the event (visas, venue, travel): a follow-up of the event."""
    with vault.transaction() as session:
        event = records.fetch(session, Event, event_id, "event")
        follow_up = FollowUp(
            title=records.text(_("Task"), title, max_length=300, required=True),
            due_on=due_on,
            event_id=event.id,
            process_id=event.process_id,
        )
        session.add(follow_up)
        session.flush()
        return follow_up.id


def link_interaction(vault: Vault, interaction_id: int, event_id: int | None) -> None:
    """Say the interaction took place at the event (or at none); it then takes at least the
    event's attribution rule."""
    with vault.transaction() as session:
        interaction = records.fetch(session, Interaction, interaction_id, "interaction")
        if event_id is None:
            interaction.event = None
            return
        event = records.fetch(session, Event, event_id, "event")
        interaction.event = event
        interaction.attribution = strictest([interaction.attribution, event.attribution])


def events_of(vault: Vault, actor_id: int) -> list[tuple[int, str, date, InvitationStatus]]:
    """(event id, title, start, status) of every event the actor is on the list of."""
    with vault.transaction() as session:
        rows = session.execute(
            sa.select(Event.id, Event.title, Event.starts_on, Invitation.status)
            .join(Invitation)
            .where(Invitation.actor_id == actor_id)
            .order_by(Event.starts_on.desc())
        )
        return [(r.id, r.title, r.starts_on, r.status) for r in rows]


def _sides(session: Session, process_id: int | None) -> dict[int, str]:
    """Each participant's side in the process (actor id to the side's name)."""
    if process_id is None:
        return {}
    rows = session.execute(
        sa.select(Participation.actor_id, Side.name)
        .join(Side, Side.id == Participation.side_id)
        .where(Participation.process_id == process_id)
        .order_by(Participation.id)
    )
    return {actor_id: name for actor_id, name in rows}


def _apply(session: Session, event: Event, new: NewEvent) -> None:
    if new.process_id is not None:
        records.fetch(session, Process, new.process_id, "process")
    records.date_span(new.starts_on, new.ends_on)
    event.title = records.name(_("Title"), new.title, max_length=300, required=True)
    event.kind = EventKind(new.kind)
    event.process_id = new.process_id
    event.starts_on = new.starts_on
    event.ends_on = new.ends_on
    event.venue = records.name(_("Venue"), new.venue, max_length=300)
    event.convenor = records.name(_("Convenor"), new.convenor, max_length=300)
    event.funder = records.name(_("Funder"), new.funder, max_length=300)
    event.attribution = AttributionRule(new.attribution)
    event.ground_rules = records.text(_("Ground rules"), new.ground_rules, max_length=10_000)
    event.agenda = records.text(_("Agenda"), new.agenda, max_length=100_000)
    event.notes = records.text(_("Notes"), new.notes, max_length=100_000)


def _outcome(outcome: EventOutcome) -> OutcomeInfo:
    return OutcomeInfo(outcome.id, outcome.uuid, outcome.kind, outcome.text, outcome.attribution)
