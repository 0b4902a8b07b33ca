"""The words records are described with: every choice a field of a record takes, as a
string enum whose values are what the vault stores.

The domain model (``model``) uses them for its columns and names them again, so
``from contactkeeper.vault.model import Sensitivity`` and the like keep working.
"""

from __future__ import annotations

import enum


class Sensitivity(enum.StrEnum):
    NORMAL = "normal"
    SENSITIVE = "sensitive"
    HIGH_RISK = "high-risk"


class ActorStatus(enum.StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"
    DO_NOT_CONTACT = "do-not-contact"


class OrganizationKind(enum.StrEnum):
    MINISTRY = "ministry"
    PARTY = "party"
    ARMED_GROUP = "armed group"
    NGO = "NGO"
    FAMILY = "family"
    TRIBE = "tribe"
    COMPANY = "company"
    RELIGIOUS = "religious body"
    MEDIA = "media"
    OTHER = "other"


class Track(enum.StrEnum):
    ONE = "track one"
    ONE_AND_A_HALF = "track one and a half"
    TWO = "track two"


class ProcessPhase(enum.StrEnum):
    EXPLORATORY = "exploratory"
    PRE_NEGOTIATION = "pre-negotiation"
    NEGOTIATION = "negotiation"
    IMPLEMENTATION = "implementation"
    STALLED = "stalled"
    CONCLUDED = "concluded"


class ParticipationRole(enum.StrEnum):
    PARTY = "party"
    ADVISER = "adviser"
    CONVENOR = "convenor"
    INTERMEDIARY = "intermediary"
    SPOILER = "spoiler"
    OBSERVER = "observer"


class ChannelKind(enum.StrEnum):
    IN_PERSON = "in person"
    PHONE = "phone"
    MESSENGER = "messenger"
    EMAIL = "email"
    INDIRECT = "indirect"


class InteractionKind(enum.StrEnum):
    MEETING = "meeting"
    CALL = "call"
    MESSAGE = "message"
    SOCIAL = "social occasion"
    SIDELINES = "sidelines of an event"
    VIA_INTERMEDIARY = "passed through an intermediary"


class Register(enum.StrEnum):
    PROFESSIONAL = "professional"
    SOCIAL = "social"
    MIXED = "mixed"


class RelationshipKind(enum.StrEnum):
    KNOWS = "knows"
    TRUSTS = "trusts"
    FAMILY = "family"
    RIVAL = "rival"
    REPORTS_TO = "reports to"
    CAN_INTRODUCE = "can introduce"
    ALLIED = "allied with"


class Direction(enum.StrEnum):
    TOWARD = "toward"
    AWAY = "away"


class Dimension(enum.StrEnum):
    """What a readiness cue moves (Pruitt): the will to end the conflict, the belief that a
    settlement can be reached, or both."""

    MOTIVATION = "motivation"
    OPTIMISM = "optimism"
    BOTH = "both"


class Tier(enum.StrEnum):
    """How close an actor is kept; each tier has default contact intervals."""

    INNER = "inner circle"
    REGULAR = "regular"
    OCCASIONAL = "occasional"


class AttributionRule(enum.StrEnum):
    """What may be done, outside the vault, with what was said and who said it.

    - on the record: the content and its source may both be used;
    - Chatham House: the content may be used, never its source (nor the source's side);
    - non-attributable: the content may be used, its source described by side at most, never
      by name or codename;
    - summary only: nothing beyond the summary, and no source.
    """

    ON_RECORD = "on the record"
    CHATHAM_HOUSE = "Chatham House"
    NON_ATTRIBUTABLE = "non-attributable"
    SUMMARY_ONLY = "summary only"


class ActorTrack(enum.StrEnum):
    """Where an actor stands: official (1), semi-official (1.5), unofficial (2), grassroots (3)."""

    ONE = "track one"
    ONE_AND_A_HALF = "track one and a half"
    TWO = "track two"
    THREE = "track three"


class EventKind(enum.StrEnum):
    WORKSHOP = "workshop"
    DIALOGUE_ROUND = "dialogue round"
    CONSULTATION = "consultation"


class InvitationStatus(enum.StrEnum):
    INVITED = "invited"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    ATTENDED = "attended"


class EventRole(enum.StrEnum):
    PARTY_PARTICIPANT = "party participant"
    FACILITATOR = "facilitator"
    RESOURCE_PERSON = "resource person"
    OBSERVER = "observer"
    NOTE_TAKER = "note-taker"


class OutcomeKind(enum.StrEnum):
    IDEA = "idea"
    UNDERSTANDING = "understanding"
    DISAGREEMENT = "disagreement"


class TransferKind(enum.StrEnum):
    IDEA = "idea"
    PROPOSAL = "proposal"
    MESSAGE = "message"


class TransferResult(enum.StrEnum):
    AWAITING = "awaiting a reaction"
    NO_REPLY = "no reply"
    ACKNOWLEDGED = "acknowledged"
    TAKEN_UP = "taken up"
    REJECTED = "rejected"


class ReviewDecision(enum.StrEnum):
    GO_ON = "go on"
    PAUSE = "pause"
    STOP = "stop"
