"""The words the record dialogs show for the choices a record's field takes (a kind of
channel, a relationship, an attribution rule...), in the current language.

The vault stores each choice as an English word (``ChannelKind.IN_PERSON`` is "in person");
a dialog shows :func:`choice_word` of it and keeps the stored word as the item's data. Each
word is translated with the name of its field as context, so that a translator can tell a
political "party" (a kind of organization) from a "party" to a conflict (a role in a
process).
"""

from __future__ import annotations

import enum
from functools import cache

from contactkeeper import i18n
from contactkeeper.errors import record_kind
from contactkeeper.i18n import N_, pgettext
from contactkeeper.vault.model import (
    AttributionRule,
    ChannelKind,
    Dimension,
    Direction,
    EventKind,
    EventRole,
    InteractionKind,
    OrganizationKind,
    OutcomeKind,
    ParticipationRole,
    Register,
    RelationshipKind,
    Sensitivity,
    TransferKind,
    TransferResult,
)


@cache
def _words(language: str) -> dict[tuple[type, str], str]:
    del language  # the cache's key: the words are made again in another language
    # Keyed by the choice's type too: "party" is an organization kind and a role.
    words: list[tuple[enum.StrEnum, str]] = [
        (ChannelKind.IN_PERSON, pgettext("kind of channel", "in person")),
        (ChannelKind.PHONE, pgettext("kind of channel", "phone")),
        (ChannelKind.MESSENGER, pgettext("kind of channel", "messenger")),
        (ChannelKind.EMAIL, pgettext("kind of channel", "email")),
        (ChannelKind.INDIRECT, pgettext("kind of channel", "indirect")),
        (Sensitivity.NORMAL, pgettext("sensitivity", "normal")),
        (Sensitivity.SENSITIVE, pgettext("sensitivity", "sensitive")),
        (Sensitivity.HIGH_RISK, pgettext("sensitivity", "high-risk")),
        (RelationshipKind.KNOWS, pgettext("kind of relationship", "knows")),
        (RelationshipKind.TRUSTS, pgettext("kind of relationship", "trusts")),
        (RelationshipKind.FAMILY, pgettext("kind of relationship", "family")),
        (RelationshipKind.RIVAL, pgettext("kind of relationship", "rival")),
        (RelationshipKind.REPORTS_TO, pgettext("kind of relationship", "reports to")),
        (RelationshipKind.CAN_INTRODUCE, pgettext("kind of relationship", "can introduce")),
        (RelationshipKind.ALLIED, pgettext("kind of relationship", "allied with")),
        (OrganizationKind.MINISTRY, pgettext("kind of organization", "ministry")),
        # Translators: a political party.
        (OrganizationKind.PARTY, pgettext("kind of organization", "party")),
        (OrganizationKind.ARMED_GROUP, pgettext("kind of organization", "armed group")),
        (OrganizationKind.NGO, pgettext("kind of organization", "NGO")),
        (OrganizationKind.FAMILY, pgettext("kind of organization", "family")),
        (OrganizationKind.TRIBE, pgettext("kind of organization", "tribe")),
        (OrganizationKind.COMPANY, pgettext("kind of organization", "company")),
        (OrganizationKind.RELIGIOUS, pgettext("kind of organization", "religious body")),
        (OrganizationKind.MEDIA, pgettext("kind of organization", "media")),
        (OrganizationKind.OTHER, pgettext("kind of organization", "other")),
        # Translators: a party to the conflict, taking part in a peace process.
        (ParticipationRole.PARTY, pgettext("role in a process", "party")),
        (ParticipationRole.ADVISER, pgettext("role in a process", "adviser")),
        (ParticipationRole.CONVENOR, pgettext("role in a process", "convenor")),
        (ParticipationRole.INTERMEDIARY, pgettext("role in a process", "intermediary")),
        (ParticipationRole.SPOILER, pgettext("role in a process", "spoiler")),
        (ParticipationRole.OBSERVER, pgettext("role in a process", "observer")),
        (InteractionKind.MEETING, pgettext("kind of contact", "Meeting")),
        (InteractionKind.CALL, pgettext("kind of contact", "Call")),
        (InteractionKind.MESSAGE, pgettext("kind of contact", "Message")),
        (InteractionKind.SOCIAL, pgettext("kind of contact", "Social occasion")),
        (InteractionKind.SIDELINES, pgettext("kind of contact", "Sidelines of an event")),
        (
            InteractionKind.VIA_INTERMEDIARY,
            pgettext("kind of contact", "Passed through an intermediary"),
        ),
        (Register.PROFESSIONAL, pgettext("register of a contact", "Professional")),
        (Register.SOCIAL, pgettext("register of a contact", "Social")),
        (Register.MIXED, pgettext("register of a contact", "Mixed")),
        (AttributionRule.ON_RECORD, pgettext("attribution rule", "on the record")),
        (AttributionRule.CHATHAM_HOUSE, pgettext("attribution rule", "Chatham House")),
        (AttributionRule.NON_ATTRIBUTABLE, pgettext("attribution rule", "non-attributable")),
        (AttributionRule.SUMMARY_ONLY, pgettext("attribution rule", "summary only")),
        (EventKind.WORKSHOP, pgettext("kind of event", "workshop")),
        (EventKind.DIALOGUE_ROUND, pgettext("kind of event", "dialogue round")),
        (EventKind.CONSULTATION, pgettext("kind of event", "consultation")),
        (EventRole.PARTY_PARTICIPANT, pgettext("role at an event", "party participant")),
        (EventRole.FACILITATOR, pgettext("role at an event", "facilitator")),
        (EventRole.RESOURCE_PERSON, pgettext("role at an event", "resource person")),
        (EventRole.OBSERVER, pgettext("role at an event", "observer")),
        (EventRole.NOTE_TAKER, pgettext("role at an event", "note-taker")),
        (OutcomeKind.IDEA, pgettext("kind of outcome", "idea")),
        (OutcomeKind.UNDERSTANDING, pgettext("kind of outcome", "understanding")),
        (OutcomeKind.DISAGREEMENT, pgettext("kind of outcome", "disagreement")),
        (TransferKind.IDEA, pgettext("kind of transfer", "idea")),
        (TransferKind.PROPOSAL, pgettext("kind of transfer", "proposal")),
        (TransferKind.MESSAGE, pgettext("kind of transfer", "message")),
        (TransferResult.AWAITING, pgettext("result of a transfer", "awaiting a reaction")),
        (TransferResult.NO_REPLY, pgettext("result of a transfer", "no reply")),
        (TransferResult.ACKNOWLEDGED, pgettext("result of a transfer", "acknowledged")),
        (TransferResult.TAKEN_UP, pgettext("result of a transfer", "taken up")),
        (TransferResult.REJECTED, pgettext("result of a transfer", "rejected")),
        (Direction.TOWARD, pgettext("direction of a cue", "toward")),
        (Direction.AWAY, pgettext("direction of a cue", "away")),
        (Dimension.MOTIVATION, pgettext("what a cue moves", "motivation")),
        (Dimension.OPTIMISM, pgettext("what a cue moves", "optimism")),
        (Dimension.BOTH, pgettext("what a cue moves", "both")),
    ]
    return {(type(value), value.value): word for value, word in words}


def choice_word(value: enum.StrEnum) -> str:
    """The word shown for ``value`` (one of the vault's choices) in the current language;
    the stored word itself for a choice this module does not know."""
    return _words(i18n.language()).get((type(value), value.value), str(value))


#: What a kind of readiness cue moves, and its usual direction, as the dialogs word them.
MOVES = {
    Dimension.MOTIVATION: N_("motivation"),
    Dimension.OPTIMISM: N_("optimism"),
    Dimension.BOTH: N_("motivation and optimism"),
}
USUALLY = {Direction.TOWARD: N_("toward talks"), Direction.AWAY: N_("away from talks")}


def record_kind_word(kind: str) -> str:
    """A kind of record (``Kind``: "actor", "readiness cue"...) as a noun in the current
    language, as the trash lists it: the same word the errors use
    (:func:`contactkeeper.errors.record_kind`)."""
    return record_kind(kind)
