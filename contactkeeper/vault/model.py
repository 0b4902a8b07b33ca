"""The domain model: every record a vault holds, as SQLAlchemy 2 typed ORM classes.

Vocabulary follows DESIGN.md. Every record has a stable UUID (for backups and merges) and
created/updated times in UTC. Warmth is never stored as a judgement, only the facts it is
derived from (``last_contact_at`` and friends, kept up to date by the services).
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from contactkeeper.vault.vocabulary import (
    ActorStatus,
    ActorTrack,
    AttributionRule,
    ChannelKind,
    Dimension,
    Direction,
    EventKind,
    EventRole,
    InteractionKind,
    InvitationStatus,
    OrganizationKind,
    OutcomeKind,
    ParticipationRole,
    ProcessPhase,
    Register,
    RelationshipKind,
    ReviewDecision,
    Sensitivity,
    Tier,
    Track,
    TransferKind,
    TransferResult,
)

# The records, what they are made with, and the words they are described with (from
# vocabulary, named here too).
__all__ = [
    "NAMING_CONVENTION",
    "Actor",
    "ActorStatus",
    "ActorTag",
    "ActorTrack",
    "Affiliation",
    "AttributionRule",
    "Base",
    "Channel",
    "ChannelHop",
    "ChannelKind",
    "Colleague",
    "CueKind",
    "Dimension",
    "Direction",
    "Event",
    "EventKind",
    "EventOutcome",
    "EventRole",
    "ExchangeIdentity",
    "FollowUp",
    "Interaction",
    "InteractionEvent",
    "InteractionKind",
    "InteractionParticipant",
    "Invitation",
    "InvitationStatus",
    "NameVariant",
    "Organization",
    "OrganizationKind",
    "OutcomeKind",
    "Participation",
    "ParticipationRole",
    "Process",
    "ProcessPhase",
    "ReadinessCue",
    "ReceivedBundle",
    "Record",
    "Register",
    "Relationship",
    "RelationshipKind",
    "Review",
    "ReviewDecision",
    "Sensitivity",
    "Setting",
    "Side",
    "Tag",
    "TheoryOfChange",
    "Tier",
    "Track",
    "Transfer",
    "TransferKind",
    "TransferResult",
    "TrashItem",
    "UTCDateTime",
    "new_uuid",
    "utcnow",
]

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_uuid() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as naive UTC; returns aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("datetimes stored in a vault must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Record:
    """Columns every record carries."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ActorTag(Base):
    __tablename__ = "actor_tags"
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)


class Tag(Record, Base):
    __tablename__ = "tags"
    name: Mapped[str] = mapped_column(String(100), unique=True)


class Actor(Record, Base):
    __tablename__ = "actors"
    display_name: Mapped[str] = mapped_column(String(300))
    codename: Mapped[str] = mapped_column(String(100), unique=True)
    sensitivity: Mapped[Sensitivity] = mapped_column(_enum(Sensitivity), default=Sensitivity.NORMAL)
    cadence_days: Mapped[int] = mapped_column(default=30)
    status: Mapped[ActorStatus] = mapped_column(_enum(ActorStatus), default=ActorStatus.ACTIVE)
    country: Mapped[str] = mapped_column(String(100), default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # How much weight the actor carries on the issues of their processes, 1 (little) to 5
    # (decisive), as the practitioner judges it; None when not judged. Sizes them on maps.
    influence: Mapped[int | None]
    # Summaries kept up to date by the services, from which warmth is derived.
    last_contact_at: Mapped[datetime | None] = mapped_column(index=True)
    last_substantive_at: Mapped[datetime | None]
    # Warmth with two intervals: ``cadence_days`` is the ideal interval between contacts,
    # ``max_interval_days`` the longest before the actor is cold (None: the tier's default).
    tier: Mapped[Tier] = mapped_column(_enum(Tier), default=Tier.REGULAR)
    max_interval_days: Mapped[int | None]
    # No reminder about the actor before this day (None: not snoozed).
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    # Migration 0007: who the actor is in track-two terms, each judged 1 (low) to 5 (high),
    # None when not judged. ``personal_risk`` is the risk contact with them carries.
    actor_track: Mapped[ActorTrack | None] = mapped_column(_enum(ActorTrack))
    access: Mapped[int | None]
    standing: Mapped[int | None]
    trust_in_me: Mapped[int | None]
    personal_risk: Mapped[int | None]
    attribution: Mapped[AttributionRule] = mapped_column(
        _enum(AttributionRule), default=AttributionRule.ON_RECORD
    )

    name_variants: Mapped[list[NameVariant]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", order_by="NameVariant.id"
    )
    tags: Mapped[list[Tag]] = relationship(secondary="actor_tags", order_by="Tag.name")
    affiliations: Mapped[list[Affiliation]] = relationship(
        back_populates="actor", cascade="all, delete-orphan"
    )
    channels: Mapped[list[Channel]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", foreign_keys="Channel.actor_id"
    )

    __table_args__ = (
        CheckConstraint("cadence_days >= 1", name="cadence_positive"),
        CheckConstraint("influence BETWEEN 1 AND 5", name="influence_range"),
        CheckConstraint("access BETWEEN 1 AND 5", name="access_range"),
        CheckConstraint("standing BETWEEN 1 AND 5", name="standing_range"),
        CheckConstraint("trust_in_me BETWEEN 1 AND 5", name="trust_in_me_range"),
        CheckConstraint("personal_risk BETWEEN 1 AND 5", name="personal_risk_range"),
    )


class NameVariant(Record, Base):
    __tablename__ = "name_variants"
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    script: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    actor: Mapped[Actor] = relationship(back_populates="name_variants")


class Organization(Record, Base):
    __tablename__ = "organizations"
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[OrganizationKind] = mapped_column(
        _enum(OrganizationKind), default=OrganizationKind.OTHER
    )
    country: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Migration 0007: part of the official track (a ministry's negotiating team).
    official: Mapped[bool] = mapped_column(Boolean, default=False)


class Affiliation(Record, Base):
    __tablename__ = "affiliations"
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(200), default="")
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    actor: Mapped[Actor] = relationship(back_populates="affiliations")
    organization: Mapped[Organization] = relationship()


class Process(Record, Base):
    __tablename__ = "processes"
    name: Mapped[str] = mapped_column(String(300))
    track: Mapped[Track] = mapped_column(_enum(Track), default=Track.TWO)
    phase: Mapped[ProcessPhase] = mapped_column(
        _enum(ProcessPhase), default=ProcessPhase.EXPLORATORY
    )
    description: Mapped[str] = mapped_column(Text, default="")
    # The moment: set by the practitioner only, never by the program (records/ripeness.py).
    opportunity_on: Mapped[date | None] = mapped_column(Date)
    opportunity_until: Mapped[date | None] = mapped_column(Date)
    opportunity_note: Mapped[str] = mapped_column(Text, default="")
    # Migration 0007: how often the practitioner decides whether to go on (None: no cadence).
    review_every_days: Mapped[int | None]
    participations: Mapped[list[Participation]] = relationship(
        back_populates="process", cascade="all, delete-orphan"
    )
    sides: Mapped[list[Side]] = relationship(
        back_populates="process", cascade="all, delete-orphan", order_by="Side.position"
    )


class Side(Record, Base):
    """A party to a process's conflict (a government, a movement, a bank of the valley).

    Participants belong to a side, or to none (convenors, observers, the practitioner's own
    colleagues). Readiness is judged per side: a process is as ready as its least ready
    side.
    """

    __tablename__ = "sides"
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    process: Mapped[Process] = relationship(back_populates="sides")
    __table_args__ = (UniqueConstraint("process_id", "name", name="uq_side_name"),)


class Participation(Record, Base):
    __tablename__ = "participations"
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    role: Mapped[ParticipationRole] = mapped_column(_enum(ParticipationRole))
    note: Mapped[str] = mapped_column(Text, default="")
    side_id: Mapped[int | None] = mapped_column(
        ForeignKey("sides.id", ondelete="SET NULL"), index=True
    )
    process: Mapped[Process] = relationship(back_populates="participations")
    side: Mapped[Side | None] = relationship()
    actor: Mapped[Actor] = relationship()
    __table_args__ = (UniqueConstraint("process_id", "actor_id", "role", name="uq_participation"),)


class Channel(Record, Base):
    """A way to reach ``actor``: direct, or indirect through an ordered chain of hops."""

    __tablename__ = "channels"
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ChannelKind] = mapped_column(_enum(ChannelKind))
    label: Mapped[str] = mapped_column(String(200), default="")
    trust: Mapped[int] = mapped_column(default=3)
    sensitivity: Mapped[Sensitivity] = mapped_column(_enum(Sensitivity), default=Sensitivity.NORMAL)
    notes: Mapped[str] = mapped_column(Text, default="")
    last_used_at: Mapped[datetime | None]
    actor: Mapped[Actor] = relationship(back_populates="channels", foreign_keys=[actor_id])
    hops: Mapped[list[ChannelHop]] = relationship(
        back_populates="channel", cascade="all, delete-orphan", order_by="ChannelHop.position"
    )
    __table_args__ = (CheckConstraint("trust BETWEEN 1 AND 5", name="trust_range"),)


class ChannelHop(Record, Base):
    """One intermediary on an indirect channel; position 0 is the one you reach first."""

    __tablename__ = "channel_hops"
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    position: Mapped[int]
    intermediary_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), index=True
    )
    trust: Mapped[int] = mapped_column(default=3)
    channel: Mapped[Channel] = relationship(back_populates="hops")
    intermediary: Mapped[Actor] = relationship()
    __table_args__ = (
        UniqueConstraint("channel_id", "position", name="uq_channel_hop_position"),
        CheckConstraint("trust BETWEEN 1 AND 5", name="trust_range"),
    )


class InteractionParticipant(Base):
    __tablename__ = "interaction_participants"
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True
    )
    # The interaction's time, copied here by the database itself (triggers of migration
    # 0003, on every insert and on every change of the interaction's time), so that an
    # actor's timeline is one range of the index below instead of a sort of their history.
    occurred_at: Mapped[datetime | None]


class InteractionEvent(Base):
    """The event an interaction took place at (at most one)."""

    __tablename__ = "interaction_events"
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)


class Interaction(Record, Base):
    __tablename__ = "interactions"
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    kind: Mapped[InteractionKind] = mapped_column(_enum(InteractionKind))
    register: Mapped[Register] = mapped_column(_enum(Register), default=Register.PROFESSIONAL)
    channel_id: Mapped[int | None] = mapped_column(
        ForeignKey("channels.id", ondelete="SET NULL"), index=True
    )
    process_id: Mapped[int | None] = mapped_column(
        ForeignKey("processes.id", ondelete="SET NULL"), index=True
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    # Migration 0007. The event an interaction belongs to is a row of
    # ``interaction_events``: ``interactions`` is never batch-copied (see Actor).
    attribution: Mapped[AttributionRule] = mapped_column(
        _enum(AttributionRule), default=AttributionRule.ON_RECORD
    )
    unexpected_opening: Mapped[bool] = mapped_column(Boolean, default=False)
    participants: Mapped[list[Actor]] = relationship(
        secondary="interaction_participants", order_by="Actor.display_name"
    )
    event: Mapped[Event | None] = relationship(secondary="interaction_events")
    channel: Mapped[Channel | None] = relationship()
    process: Mapped[Process | None] = relationship()


class Relationship(Record, Base):
    __tablename__ = "relationships"
    from_actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), index=True
    )
    to_actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[RelationshipKind] = mapped_column(_enum(RelationshipKind))
    strength: Mapped[int] = mapped_column(default=3)
    confidence: Mapped[int] = mapped_column(default=3)
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text, default="")
    from_actor: Mapped[Actor] = relationship(foreign_keys=[from_actor_id])
    to_actor: Mapped[Actor] = relationship(foreign_keys=[to_actor_id])
    __table_args__ = (
        CheckConstraint("from_actor_id != to_actor_id", name="not_self"),
        CheckConstraint("strength BETWEEN 1 AND 5", name="strength_range"),
        CheckConstraint("confidence BETWEEN 1 AND 5", name="confidence_range"),
    )


class CueKind(Record, Base):
    """An entry of the editable catalogue of readiness-cue kinds."""

    __tablename__ = "cue_kinds"
    key: Mapped[str] = mapped_column(String(60), unique=True)
    label: Mapped[str] = mapped_column(String(200))
    usual_direction: Mapped[Direction] = mapped_column(_enum(Direction), default=Direction.TOWARD)
    description: Mapped[str] = mapped_column(Text, default="")
    dimension: Mapped[Dimension] = mapped_column(_enum(Dimension), default=Dimension.BOTH)
    family: Mapped[str] = mapped_column(String(60), default="")
    # A retired kind is offered no more for new cues; cues of that kind keep it.
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class ReadinessCue(Record, Base):
    __tablename__ = "readiness_cues"
    process_id: Mapped[int | None] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), index=True
    )
    # The party (side of the process) the cue is about; None: the whole process, or the
    # side of the actor it is about.
    side_id: Mapped[int | None] = mapped_column(
        ForeignKey("sides.id", ondelete="SET NULL"), index=True
    )
    kind_id: Mapped[int] = mapped_column(ForeignKey("cue_kinds.id", ondelete="RESTRICT"))
    direction: Mapped[Direction] = mapped_column(_enum(Direction))
    strength: Mapped[int] = mapped_column(default=3)
    # Graded as analysts grade reports: the source's reliability A (completely reliable)
    # to F (cannot be judged), the information's credibility 1 (confirmed) to 6 (cannot be
    # judged).
    reliability: Mapped[str] = mapped_column(String(1), default="F")
    credibility: Mapped[int] = mapped_column(default=6)
    # Who reported it, and through which channel (None: seen first-hand, or in the news).
    reported_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="SET NULL"), index=True
    )
    channel_id: Mapped[int | None] = mapped_column(
        ForeignKey("channels.id", ondelete="SET NULL"), index=True
    )
    observed_on: Mapped[date] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # Migration 0007.
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    attribution: Mapped[AttributionRule] = mapped_column(
        _enum(AttributionRule), default=AttributionRule.ON_RECORD
    )
    kind: Mapped[CueKind] = relationship()
    process: Mapped[Process | None] = relationship()
    actor: Mapped[Actor | None] = relationship(foreign_keys=[actor_id])
    side: Mapped[Side | None] = relationship()
    reported_by: Mapped[Actor | None] = relationship(foreign_keys=[reported_by_id])
    channel: Mapped[Channel | None] = relationship()
    __table_args__ = (
        CheckConstraint("process_id IS NOT NULL OR actor_id IS NOT NULL", name="about_something"),
        CheckConstraint("strength BETWEEN 1 AND 5", name="strength_range"),
        CheckConstraint("reliability IN ('A', 'B', 'C', 'D', 'E', 'F')", name="reliability_grade"),
        CheckConstraint("credibility BETWEEN 1 AND 6", name="credibility_grade"),
    )


class FollowUp(Record, Base):
    __tablename__ = "follow_ups"
    title: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    done_at: Mapped[datetime | None]
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), index=True
    )
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interactions.id", ondelete="SET NULL"), index=True
    )
    process_id: Mapped[int | None] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    # Migration 0007: an event's checklist item, or a transfer's follow-up.
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    transfer_id: Mapped[int | None] = mapped_column(
        ForeignKey("transfers.id", ondelete="CASCADE"), index=True
    )
    actor: Mapped[Actor | None] = relationship()
    process: Mapped[Process | None] = relationship()
    interaction: Mapped[Interaction | None] = relationship()


class Event(Record, Base):
    """A workshop, a dialogue round or a consultation: facilitated, unofficial dialogue."""

    __tablename__ = "events"
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[EventKind] = mapped_column(_enum(EventKind), default=EventKind.WORKSHOP)
    process_id: Mapped[int | None] = mapped_column(
        ForeignKey("processes.id", ondelete="SET NULL"), index=True
    )
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date)
    venue: Mapped[str] = mapped_column(String(300), default="")
    convenor: Mapped[str] = mapped_column(String(300), default="")
    funder: Mapped[str] = mapped_column(String(300), default="")
    # The default rule for what is said there (ground rules, in words, below).
    attribution: Mapped[AttributionRule] = mapped_column(
        _enum(AttributionRule), default=AttributionRule.CHATHAM_HOUSE
    )
    ground_rules: Mapped[str] = mapped_column(Text, default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    process: Mapped[Process | None] = relationship()
    invitations: Mapped[list[Invitation]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Invitation.id"
    )
    outcomes: Mapped[list[EventOutcome]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventOutcome.position"
    )


class Invitation(Record, Base):
    """One person on an event's list: invited, accepted, declined or attended, in a role."""

    __tablename__ = "event_invitations"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    role: Mapped[EventRole] = mapped_column(_enum(EventRole))
    status: Mapped[InvitationStatus] = mapped_column(
        _enum(InvitationStatus), default=InvitationStatus.INVITED
    )
    note: Mapped[str] = mapped_column(Text, default="")
    event: Mapped[Event] = relationship(back_populates="invitations")
    actor: Mapped[Actor] = relationship()
    __table_args__ = (UniqueConstraint("event_id", "actor_id", name="uq_invitation"),)


class EventOutcome(Record, Base):
    """What came out of an event: an idea, an understanding, a disagreement."""

    __tablename__ = "event_outcomes"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    kind: Mapped[OutcomeKind] = mapped_column(_enum(OutcomeKind))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)
    attribution: Mapped[AttributionRule] = mapped_column(
        _enum(AttributionRule), default=AttributionRule.CHATHAM_HOUSE
    )
    event: Mapped[Event] = relationship(back_populates="outcomes")


class Transfer(Record, Base):
    """An idea, proposal or message passed from track two to someone in the official track."""

    __tablename__ = "transfers"
    kind: Mapped[TransferKind] = mapped_column(_enum(TransferKind), default=TransferKind.IDEA)
    content: Mapped[str] = mapped_column(Text)
    process_id: Mapped[int | None] = mapped_column(
        ForeignKey("processes.id", ondelete="SET NULL"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    outcome_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_outcomes.id", ondelete="SET NULL")
    )
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interactions.id", ondelete="SET NULL")
    )
    recipient_actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="SET NULL")
    )
    recipient_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL")
    )
    passed_on: Mapped[date] = mapped_column(Date)
    via: Mapped[str] = mapped_column(String(300), default="")
    result: Mapped[TransferResult] = mapped_column(
        _enum(TransferResult), default=TransferResult.AWAITING
    )
    result_on: Mapped[date | None] = mapped_column(Date)
    result_note: Mapped[str] = mapped_column(Text, default="")
    attribution: Mapped[AttributionRule] = mapped_column(
        _enum(AttributionRule), default=AttributionRule.CHATHAM_HOUSE
    )
    process: Mapped[Process | None] = relationship()
    event: Mapped[Event | None] = relationship()
    outcome: Mapped[EventOutcome | None] = relationship()
    interaction: Mapped[Interaction | None] = relationship()
    recipient_actor: Mapped[Actor | None] = relationship()
    recipient_organization: Mapped[Organization | None] = relationship()


class TheoryOfChange(Record, Base):
    """One version of a process's theory of change; the newest is the current one."""

    __tablename__ = "theories_of_change"
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(default=utcnow)


class Review(Record, Base):
    """A disciplined decision on whether a process should go on, and what was learnt."""

    __tablename__ = "reviews"
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date, index=True)
    decision: Mapped[ReviewDecision] = mapped_column(_enum(ReviewDecision))
    reasons: Mapped[str] = mapped_column(Text, default="")
    learnt: Mapped[str] = mapped_column(Text, default="")
    process: Mapped[Process] = relationship()


class TrashItem(Base):
    """A deleted record and everything deleted with it, kept until the trash is emptied.

    ``payload`` is JSON of the deleted rows (inside the encrypted database, like every
    other record); see :mod:`contactkeeper.records.trash`.
    """

    __tablename__ = "trash"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deleted_at: Mapped[datetime] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(300))
    payload: Mapped[str] = mapped_column(Text)


class Setting(Base):
    """Per-vault settings and facts (last backup time, ...). Never record data."""

    __tablename__ = "vault_settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# -- exchange between colleagues (migration 0012) -------------------------------------------


class ExchangeIdentity(Base):
    """The vault's own exchange keys (one row): an age X25519 identity to receive bundles
    and an Ed25519 key to sign them, made on first use. The secret halves never leave the
    (encrypted) database; see :mod:`contactkeeper.exchange.team.identity`."""

    __tablename__ = "exchange_identity"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    age_identity: Mapped[str] = mapped_column(Text)  # AGE-SECRET-KEY-1...
    age_recipient: Mapped[str] = mapped_column(String(100))  # age1...
    signing_key: Mapped[str] = mapped_column(Text)  # Ed25519 private key, base64 (32 bytes)
    verify_key: Mapped[str] = mapped_column(String(64))  # Ed25519 public key, base64
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Colleague(Base):
    """A person this vault exchanges bundles with, known by their card's two public keys."""

    __tablename__ = "colleagues"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    age_recipient: Mapped[str] = mapped_column(String(100), unique=True)
    verify_key: Mapped[str] = mapped_column(String(64), unique=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(default=None)


class ReceivedBundle(Base):
    """A bundle this vault has accepted, by its id: receiving it again changes nothing."""

    __tablename__ = "received_bundles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(36), unique=True)
    colleague_id: Mapped[int | None] = mapped_column(
        ForeignKey("colleagues.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime]  # as the sender signed it
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    payload_sha256: Mapped[str] = mapped_column(String(64))


Index("ix_follow_ups_open_due", FollowUp.done_at, FollowUp.due_on)
# Migration 0003, for speed on large vaults (benchmarks/README.md): an actor's timeline, newest
# first, without reading their history; the actors list sorted by name one page at a time;
# Today's going-cold scan over a small index instead of every actor's notes.
Index(
    "ix_interaction_participants_timeline",
    InteractionParticipant.actor_id,
    InteractionParticipant.occurred_at,
    InteractionParticipant.interaction_id,
)
# The actors list's fields, in name order: a page is read from this index alone.
Index(
    "ix_actors_list",
    Actor.display_name,
    Actor.codename,
    Actor.uuid,
    Actor.sensitivity,
    Actor.status,
    Actor.cadence_days,
    Actor.last_contact_at,
    Actor.last_substantive_at,
    Actor.tier,
    Actor.max_interval_days,
    Actor.snoozed_until,
)
# The high-risk actors, whom the list shows (and sorts) by codename, with the list's fields
# (migration 0013): a page of them is a range of this small index, not a scan of the list's.
Index(
    "ix_actors_high_risk",
    Actor.codename,
    Actor.display_name,
    Actor.uuid,
    Actor.sensitivity,
    Actor.status,
    Actor.cadence_days,
    Actor.last_contact_at,
    Actor.last_substantive_at,
    Actor.tier,
    Actor.max_interval_days,
    Actor.snoozed_until,
    sqlite_where=text("sensitivity = 'high-risk'"),
)
# Going cold (and the list by warmth): every fact warmth is derived from, with the two
# intervals and the snooze (migration 0008).
Index(
    "ix_actors_warmth",
    Actor.status,
    Actor.last_contact_at,
    Actor.last_substantive_at,
    Actor.cadence_days,
    Actor.tier,
    Actor.max_interval_days,
    Actor.snoozed_until,
)
Index("ix_readiness_cues_process_observed", ReadinessCue.process_id, ReadinessCue.observed_on)

# Migration 0011: what exchange with colleagues keeps (versions, tombstones, conflicts).
from contactkeeper.vault import exchange_model as _exchange_model  # noqa: E402, F401
