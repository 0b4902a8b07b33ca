"""The words records are described with: every choice a field of a record takes, as a
string enum whose values are what the vault stores.

The domain model (``model``) uses them for its columns and names them again, so
``from contactkeeper.vault.model import Sensitivity`` and the like keep working.
"""

from __future__ import annotations

import enum
from functools import cache

from contactkeeper.i18n import language, pgettext


class Vocabulary(enum.StrEnum):
    """A choice of a field: its value is what the vault stores (never translated), its
    :attr:`label` the word shown to a person, in the current language."""

    @property
    def label(self) -> str:
        return label(self)


class Sensitivity(Vocabulary):
    NORMAL = "normal"
    SENSITIVE = "sensitive"
    HIGH_RISK = "high-risk"


class ActorStatus(Vocabulary):
    ACTIVE = "active"
    DORMANT = "dormant"
    DO_NOT_CONTACT = "do-not-contact"


class OrganizationKind(Vocabulary):
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


class Track(Vocabulary):
    ONE = "track one"
    ONE_AND_A_HALF = "track one and a half"
    TWO = "track two"


class ProcessPhase(Vocabulary):
    EXPLORATORY = "exploratory"
    PRE_NEGOTIATION = "pre-negotiation"
    NEGOTIATION = "negotiation"
    IMPLEMENTATION = "implementation"
    STALLED = "stalled"
    CONCLUDED = "concluded"


class ParticipationRole(Vocabulary):
    PARTY = "party"
    ADVISER = "adviser"
    CONVENOR = "convenor"
    INTERMEDIARY = "intermediary"
    SPOILER = "spoiler"
    OBSERVER = "observer"


class ChannelKind(Vocabulary):
    IN_PERSON = "in person"
    PHONE = "phone"
    MESSENGER = "messenger"
    EMAIL = "email"
    INDIRECT = "indirect"


class InteractionKind(Vocabulary):
    MEETING = "meeting"
    CALL = "call"
    MESSAGE = "message"
    SOCIAL = "social occasion"
    SIDELINES = "sidelines of an event"
    VIA_INTERMEDIARY = "passed through an intermediary"


class Register(Vocabulary):
    PROFESSIONAL = "professional"
    SOCIAL = "social"
    MIXED = "mixed"


class RelationshipKind(Vocabulary):
    KNOWS = "knows"
    TRUSTS = "trusts"
    FAMILY = "family"
    RIVAL = "rival"
    REPORTS_TO = "reports to"
    CAN_INTRODUCE = "can introduce"
    ALLIED = "allied with"


class Direction(Vocabulary):
    TOWARD = "toward"
    AWAY = "away"


class Dimension(Vocabulary):
    """What a readiness cue moves (Pruitt): the will to end the conflict, the belief that a
    settlement can be reached, or both."""

    MOTIVATION = "motivation"
    OPTIMISM = "optimism"
    BOTH = "both"


class Tier(Vocabulary):
    """How close an actor is kept; each tier has default contact intervals."""

    INNER = "inner circle"
    REGULAR = "regular"
    OCCASIONAL = "occasional"


class AttributionRule(Vocabulary):
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


class ActorTrack(Vocabulary):
    """Where an actor stands: official (1), semi-official (1.5), unofficial (2), grassroots (3)."""

    ONE = "track one"
    ONE_AND_A_HALF = "track one and a half"
    TWO = "track two"
    THREE = "track three"


class EventKind(Vocabulary):
    WORKSHOP = "workshop"
    DIALOGUE_ROUND = "dialogue round"
    CONSULTATION = "consultation"


class InvitationStatus(Vocabulary):
    INVITED = "invited"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    ATTENDED = "attended"


class EventRole(Vocabulary):
    PARTY_PARTICIPANT = "party participant"
    FACILITATOR = "facilitator"
    RESOURCE_PERSON = "resource person"
    OBSERVER = "observer"
    NOTE_TAKER = "note-taker"


class OutcomeKind(Vocabulary):
    IDEA = "idea"
    UNDERSTANDING = "understanding"
    DISAGREEMENT = "disagreement"


class TransferKind(Vocabulary):
    IDEA = "idea"
    PROPOSAL = "proposal"
    MESSAGE = "message"


class TransferResult(Vocabulary):
    AWAITING = "awaiting a reaction"
    NO_REPLY = "no reply"
    ACKNOWLEDGED = "acknowledged"
    TAKEN_UP = "taken up"
    REJECTED = "rejected"


class ReviewDecision(Vocabulary):
    GO_ON = "go on"
    PAUSE = "pause"
    STOP = "stop"


def label(value: enum.StrEnum) -> str:
    """The word shown to a person for ``value`` (a choice of one of the enums above), in the
    current language: "haut risque" for ``Sensitivity.HIGH_RISK`` in French. Where a choice
    is shown, show this, never ``str(value)`` (which is the stored, English, value)."""
    return _labels(language()).get(type(value), {}).get(value, str(value))


@cache
def _labels(language_code: str) -> dict[type[enum.StrEnum], dict[enum.StrEnum, str]]:
    """Every label in ``language_code`` (the language now spoken: the argument only keys
    the cache). Built on first use, never at import: the language is chosen after."""
    del language_code
    # One context per enum: the same English word may be two words in another language
    # ("party" to a process, a political "party"; "message" passed, "message" sent).
    return {
        Sensitivity: {
            Sensitivity.NORMAL: pgettext("sensitivity", "normal"),
            Sensitivity.SENSITIVE: pgettext("sensitivity", "sensitive"),
            Sensitivity.HIGH_RISK: pgettext("sensitivity", "high-risk"),
        },
        ActorStatus: {
            ActorStatus.ACTIVE: pgettext("actor status", "active"),
            ActorStatus.DORMANT: pgettext("actor status", "dormant"),
            ActorStatus.DO_NOT_CONTACT: pgettext("actor status", "do-not-contact"),
        },
        OrganizationKind: {
            OrganizationKind.MINISTRY: pgettext("organization kind", "ministry"),
            OrganizationKind.PARTY: pgettext("organization kind", "party"),
            OrganizationKind.ARMED_GROUP: pgettext("organization kind", "armed group"),
            OrganizationKind.NGO: pgettext("organization kind", "NGO"),
            OrganizationKind.FAMILY: pgettext("organization kind", "family"),
            OrganizationKind.TRIBE: pgettext("organization kind", "tribe"),
            OrganizationKind.COMPANY: pgettext("organization kind", "company"),
            OrganizationKind.RELIGIOUS: pgettext("organization kind", "religious body"),
            OrganizationKind.MEDIA: pgettext("organization kind", "media"),
            OrganizationKind.OTHER: pgettext("organization kind", "other"),
        },
        Track: {
            Track.ONE: pgettext("process track", "track one"),
            Track.ONE_AND_A_HALF: pgettext("process track", "track one and a half"),
            Track.TWO: pgettext("process track", "track two"),
        },
        ProcessPhase: {
            ProcessPhase.EXPLORATORY: pgettext("process phase", "exploratory"),
            ProcessPhase.PRE_NEGOTIATION: pgettext("process phase", "pre-negotiation"),
            ProcessPhase.NEGOTIATION: pgettext("process phase", "negotiation"),
            ProcessPhase.IMPLEMENTATION: pgettext("process phase", "implementation"),
            ProcessPhase.STALLED: pgettext("process phase", "stalled"),
            ProcessPhase.CONCLUDED: pgettext("process phase", "concluded"),
        },
        ParticipationRole: {
            ParticipationRole.PARTY: pgettext("role in a process", "party"),
            ParticipationRole.ADVISER: pgettext("role in a process", "adviser"),
            ParticipationRole.CONVENOR: pgettext("role in a process", "convenor"),
            ParticipationRole.INTERMEDIARY: pgettext("role in a process", "intermediary"),
            ParticipationRole.SPOILER: pgettext("role in a process", "spoiler"),
            ParticipationRole.OBSERVER: pgettext("role in a process", "observer"),
        },
        ChannelKind: {
            ChannelKind.IN_PERSON: pgettext("channel kind", "in person"),
            ChannelKind.PHONE: pgettext("channel kind", "phone"),
            ChannelKind.MESSENGER: pgettext("channel kind", "messenger"),
            ChannelKind.EMAIL: pgettext("channel kind", "email"),
            ChannelKind.INDIRECT: pgettext("channel kind", "indirect"),
        },
        InteractionKind: {
            InteractionKind.MEETING: pgettext("interaction kind", "meeting"),
            InteractionKind.CALL: pgettext("interaction kind", "call"),
            InteractionKind.MESSAGE: pgettext("interaction kind", "message"),
            InteractionKind.SOCIAL: pgettext("interaction kind", "social occasion"),
            InteractionKind.SIDELINES: pgettext("interaction kind", "sidelines of an event"),
            InteractionKind.VIA_INTERMEDIARY: pgettext(
                "interaction kind", "passed through an intermediary"
            ),
        },
        Register: {
            Register.PROFESSIONAL: pgettext("register of a relationship", "professional"),
            Register.SOCIAL: pgettext("register of a relationship", "social"),
            Register.MIXED: pgettext("register of a relationship", "mixed"),
        },
        RelationshipKind: {
            RelationshipKind.KNOWS: pgettext("relationship kind", "knows"),
            RelationshipKind.TRUSTS: pgettext("relationship kind", "trusts"),
            RelationshipKind.FAMILY: pgettext("relationship kind", "family"),
            RelationshipKind.RIVAL: pgettext("relationship kind", "rival"),
            RelationshipKind.REPORTS_TO: pgettext("relationship kind", "reports to"),
            RelationshipKind.CAN_INTRODUCE: pgettext("relationship kind", "can introduce"),
            RelationshipKind.ALLIED: pgettext("relationship kind", "allied with"),
        },
        Direction: {
            Direction.TOWARD: pgettext("direction of a readiness cue", "toward"),
            Direction.AWAY: pgettext("direction of a readiness cue", "away"),
        },
        Dimension: {
            Dimension.MOTIVATION: pgettext("dimension of a readiness cue", "motivation"),
            Dimension.OPTIMISM: pgettext("dimension of a readiness cue", "optimism"),
            Dimension.BOTH: pgettext("dimension of a readiness cue", "both"),
        },
        Tier: {
            Tier.INNER: pgettext("tier", "inner circle"),
            Tier.REGULAR: pgettext("tier", "regular"),
            Tier.OCCASIONAL: pgettext("tier", "occasional"),
        },
        AttributionRule: {
            AttributionRule.ON_RECORD: pgettext("attribution rule", "on the record"),
            AttributionRule.CHATHAM_HOUSE: pgettext("attribution rule", "Chatham House"),
            AttributionRule.NON_ATTRIBUTABLE: pgettext("attribution rule", "non-attributable"),
            AttributionRule.SUMMARY_ONLY: pgettext("attribution rule", "summary only"),
        },
        ActorTrack: {
            ActorTrack.ONE: pgettext("actor track", "track one"),
            ActorTrack.ONE_AND_A_HALF: pgettext("actor track", "track one and a half"),
            ActorTrack.TWO: pgettext("actor track", "track two"),
            ActorTrack.THREE: pgettext("actor track", "track three"),
        },
        EventKind: {
            EventKind.WORKSHOP: pgettext("event kind", "workshop"),
            EventKind.DIALOGUE_ROUND: pgettext("event kind", "dialogue round"),
            EventKind.CONSULTATION: pgettext("event kind", "consultation"),
        },
        InvitationStatus: {
            InvitationStatus.INVITED: pgettext("invitation status", "invited"),
            InvitationStatus.ACCEPTED: pgettext("invitation status", "accepted"),
            InvitationStatus.DECLINED: pgettext("invitation status", "declined"),
            InvitationStatus.ATTENDED: pgettext("invitation status", "attended"),
        },
        EventRole: {
            EventRole.PARTY_PARTICIPANT: pgettext("role at an event", "party participant"),
            EventRole.FACILITATOR: pgettext("role at an event", "facilitator"),
            EventRole.RESOURCE_PERSON: pgettext("role at an event", "resource person"),
            EventRole.OBSERVER: pgettext("role at an event", "observer"),
            EventRole.NOTE_TAKER: pgettext("role at an event", "note-taker"),
        },
        OutcomeKind: {
            OutcomeKind.IDEA: pgettext("outcome kind", "idea"),
            OutcomeKind.UNDERSTANDING: pgettext("outcome kind", "understanding"),
            OutcomeKind.DISAGREEMENT: pgettext("outcome kind", "disagreement"),
        },
        TransferKind: {
            TransferKind.IDEA: pgettext("transfer kind", "idea"),
            TransferKind.PROPOSAL: pgettext("transfer kind", "proposal"),
            TransferKind.MESSAGE: pgettext("transfer kind", "message"),
        },
        TransferResult: {
            TransferResult.AWAITING: pgettext("transfer result", "awaiting a reaction"),
            TransferResult.NO_REPLY: pgettext("transfer result", "no reply"),
            TransferResult.ACKNOWLEDGED: pgettext("transfer result", "acknowledged"),
            TransferResult.TAKEN_UP: pgettext("transfer result", "taken up"),
            TransferResult.REJECTED: pgettext("transfer result", "rejected"),
        },
        ReviewDecision: {
            ReviewDecision.GO_ON: pgettext("review decision", "go on"),
            ReviewDecision.PAUSE: pgettext("review decision", "pause"),
            ReviewDecision.STOP: pgettext("review decision", "stop"),
        },
    }
