"""The words of the vault's fixed choices, as a person reads them in their language.

The vault stores a choice (a track, a phase, a role) as an English word of
:mod:`contactkeeper.vault.vocabulary`; that word is a key, never shown as it is. :func:`word`
gives the word to show, translated. Each family has its own translation context, since
the same English word may need two translations ("party": a political party is "parti" in
French, a party to a conflict "partie").

A value without a word here is shown as stored (never an error: a newer vault may hold a
choice this version does not know).
"""

from __future__ import annotations

import enum

from contactkeeper.i18n import pgettext
from contactkeeper.vault.vocabulary import (
    AttributionRule,
    Direction,
    EventKind,
    EventRole,
    InteractionKind,
    InvitationStatus,
    OrganizationKind,
    OutcomeKind,
    ParticipationRole,
    ProcessPhase,
    ReviewDecision,
    Track,
    TransferKind,
    TransferResult,
)


def _track() -> dict[enum.StrEnum, str]:
    return {
        Track.ONE: pgettext("track", "track one"),
        Track.ONE_AND_A_HALF: pgettext("track", "track one and a half"),
        Track.TWO: pgettext("track", "track two"),
    }


def _phase() -> dict[enum.StrEnum, str]:
    return {
        ProcessPhase.EXPLORATORY: pgettext("process phase", "exploratory"),
        ProcessPhase.PRE_NEGOTIATION: pgettext("process phase", "pre-negotiation"),
        ProcessPhase.NEGOTIATION: pgettext("process phase", "negotiation"),
        ProcessPhase.IMPLEMENTATION: pgettext("process phase", "implementation"),
        ProcessPhase.STALLED: pgettext("process phase", "stalled"),
        ProcessPhase.CONCLUDED: pgettext("process phase", "concluded"),
    }


def _participation() -> dict[enum.StrEnum, str]:
    return {
        ParticipationRole.PARTY: pgettext("role in a process", "party"),
        ParticipationRole.ADVISER: pgettext("role in a process", "adviser"),
        ParticipationRole.CONVENOR: pgettext("role in a process", "convenor"),
        ParticipationRole.INTERMEDIARY: pgettext("role in a process", "intermediary"),
        ParticipationRole.SPOILER: pgettext("role in a process", "spoiler"),
        ParticipationRole.OBSERVER: pgettext("role in a process", "observer"),
    }


def _organization() -> dict[enum.StrEnum, str]:
    return {
        OrganizationKind.MINISTRY: pgettext("kind of organization", "ministry"),
        OrganizationKind.PARTY: pgettext("kind of organization", "party"),
        OrganizationKind.ARMED_GROUP: pgettext("kind of organization", "armed group"),
        OrganizationKind.NGO: pgettext("kind of organization", "NGO"),
        OrganizationKind.FAMILY: pgettext("kind of organization", "family"),
        OrganizationKind.TRIBE: pgettext("kind of organization", "tribe"),
        OrganizationKind.COMPANY: pgettext("kind of organization", "company"),
        OrganizationKind.RELIGIOUS: pgettext("kind of organization", "religious body"),
        OrganizationKind.MEDIA: pgettext("kind of organization", "media"),
        OrganizationKind.OTHER: pgettext("kind of organization", "other"),
    }


def _interaction() -> dict[enum.StrEnum, str]:
    return {
        InteractionKind.MEETING: pgettext("kind of contact", "meeting"),
        InteractionKind.CALL: pgettext("kind of contact", "call"),
        InteractionKind.MESSAGE: pgettext("kind of contact", "message"),
        InteractionKind.SOCIAL: pgettext("kind of contact", "social occasion"),
        InteractionKind.SIDELINES: pgettext("kind of contact", "sidelines of an event"),
        InteractionKind.VIA_INTERMEDIARY: pgettext(
            "kind of contact", "passed through an intermediary"
        ),
    }


def _direction() -> dict[enum.StrEnum, str]:
    return {
        # Translators: a readiness cue points toward readiness, or away from it.
        Direction.TOWARD: pgettext("cue direction", "toward"),
        Direction.AWAY: pgettext("cue direction", "away"),
    }


def _attribution() -> dict[enum.StrEnum, str]:
    return {
        AttributionRule.ON_RECORD: pgettext("attribution rule", "on the record"),
        AttributionRule.CHATHAM_HOUSE: pgettext("attribution rule", "Chatham House"),
        AttributionRule.NON_ATTRIBUTABLE: pgettext("attribution rule", "non-attributable"),
        AttributionRule.SUMMARY_ONLY: pgettext("attribution rule", "summary only"),
    }


def _event() -> dict[enum.StrEnum, str]:
    return {
        EventKind.WORKSHOP: pgettext("kind of event", "workshop"),
        EventKind.DIALOGUE_ROUND: pgettext("kind of event", "dialogue round"),
        EventKind.CONSULTATION: pgettext("kind of event", "consultation"),
    }


def _invitation() -> dict[enum.StrEnum, str]:
    return {
        InvitationStatus.INVITED: pgettext("invitation", "invited"),
        InvitationStatus.ACCEPTED: pgettext("invitation", "accepted"),
        InvitationStatus.DECLINED: pgettext("invitation", "declined"),
        InvitationStatus.ATTENDED: pgettext("invitation", "attended"),
    }


def _event_role() -> dict[enum.StrEnum, str]:
    return {
        EventRole.PARTY_PARTICIPANT: pgettext("role at an event", "party participant"),
        EventRole.FACILITATOR: pgettext("role at an event", "facilitator"),
        EventRole.RESOURCE_PERSON: pgettext("role at an event", "resource person"),
        EventRole.OBSERVER: pgettext("role at an event", "observer"),
        EventRole.NOTE_TAKER: pgettext("role at an event", "note-taker"),
    }


def _outcome() -> dict[enum.StrEnum, str]:
    return {
        OutcomeKind.IDEA: pgettext("outcome of an event", "idea"),
        OutcomeKind.UNDERSTANDING: pgettext("outcome of an event", "understanding"),
        OutcomeKind.DISAGREEMENT: pgettext("outcome of an event", "disagreement"),
    }


def _transfer() -> dict[enum.StrEnum, str]:
    return {
        TransferKind.IDEA: pgettext("transfer to track one", "idea"),
        TransferKind.PROPOSAL: pgettext("transfer to track one", "proposal"),
        TransferKind.MESSAGE: pgettext("transfer to track one", "message"),
    }


def _result() -> dict[enum.StrEnum, str]:
    return {
        TransferResult.AWAITING: pgettext("transfer result", "awaiting a reaction"),
        TransferResult.NO_REPLY: pgettext("transfer result", "no reply"),
        TransferResult.ACKNOWLEDGED: pgettext("transfer result", "acknowledged"),
        TransferResult.TAKEN_UP: pgettext("transfer result", "taken up"),
        TransferResult.REJECTED: pgettext("transfer result", "rejected"),
    }


def _decision() -> dict[enum.StrEnum, str]:
    return {
        ReviewDecision.GO_ON: pgettext("review decision", "go on"),
        ReviewDecision.PAUSE: pgettext("review decision", "pause"),
        ReviewDecision.STOP: pgettext("review decision", "stop"),
    }


_FAMILIES = {
    Track: _track,
    ProcessPhase: _phase,
    ParticipationRole: _participation,
    OrganizationKind: _organization,
    InteractionKind: _interaction,
    Direction: _direction,
    AttributionRule: _attribution,
    EventKind: _event,
    InvitationStatus: _invitation,
    EventRole: _event_role,
    OutcomeKind: _outcome,
    TransferKind: _transfer,
    TransferResult: _result,
    ReviewDecision: _decision,
}


def word(value: enum.StrEnum) -> str:
    """The word for ``value`` in the current language ("track two", "piste deux"…)."""
    family = _FAMILIES.get(type(value))
    if family is None:
        return str(value)
    return family().get(value, str(value))


def capitalized(text: str) -> str:
    """``text`` with its first letter a capital, to open a line (a no-op in scripts
    without capitals)."""
    return text[:1].upper() + text[1:]
