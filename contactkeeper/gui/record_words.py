"""The words shown for the vault's vocabulary: a sensitivity, a status, a tier, a warmth, the
kind and register of a contact, the kind of a tie and how the map draws it, the direction of
a readiness cue.

The vault stores these as English words (``vocabulary``'s string enums); a person reads them
in their own language. Each is marked here where it is defined (``N_``) and translated where
it is shown (:func:`word`); a value this module does not know is shown as stored.
"""

from __future__ import annotations

import enum

from contactkeeper.i18n import N_, _
from contactkeeper.records.network_map import LineStyle
from contactkeeper.records.warmth import Warmth
from contactkeeper.vault.vocabulary import (
    ActorStatus,
    Direction,
    InteractionKind,
    Register,
    RelationshipKind,
    Sensitivity,
    Tier,
)

# Keyed by the stored word (the enums are strings, and no two of these share a word).
WORDS: dict[str, str] = {
    # Translators: an actor's sensitivity.
    Sensitivity.NORMAL: N_("normal"),
    Sensitivity.SENSITIVE: N_("sensitive"),
    Sensitivity.HIGH_RISK: N_("high-risk"),
    # Translators: an actor's status.
    ActorStatus.ACTIVE: N_("active"),
    ActorStatus.DORMANT: N_("dormant"),
    ActorStatus.DO_NOT_CONTACT: N_("do-not-contact"),
    # Translators: how close an actor is kept (inner circle, regular, occasional).
    Tier.INNER: N_("inner circle"),
    Tier.REGULAR: N_("regular"),
    Tier.OCCASIONAL: N_("occasional"),
    # Translators: how warm your contact with an actor is.
    Warmth.WARM: N_("warm"),
    Warmth.COOLING: N_("cooling"),
    Warmth.COLD: N_("cold"),
    # Translators: the kind of a contact (an interaction).
    InteractionKind.MEETING: N_("meeting"),
    InteractionKind.CALL: N_("call"),
    InteractionKind.MESSAGE: N_("message"),
    InteractionKind.SOCIAL: N_("social occasion"),
    InteractionKind.SIDELINES: N_("sidelines of an event"),
    InteractionKind.VIA_INTERMEDIARY: N_("passed through an intermediary"),
    # Translators: the register of a contact: professional, social or mixed.
    Register.PROFESSIONAL: N_("professional"),
    Register.SOCIAL: N_("social"),
    Register.MIXED: N_("mixed"),
    # Translators: the kind of a tie between two actors ("Karim knows Layla").
    RelationshipKind.KNOWS: N_("knows"),
    RelationshipKind.TRUSTS: N_("trusts"),
    RelationshipKind.FAMILY: N_("family"),
    RelationshipKind.RIVAL: N_("rival"),
    RelationshipKind.REPORTS_TO: N_("reports to"),
    RelationshipKind.CAN_INTRODUCE: N_("can introduce"),
    RelationshipKind.ALLIED: N_("allied with"),
    # Translators: how the conflict map draws a kind of tie (a plain line: a close link).
    LineStyle.PLAIN: N_("close link"),
    LineStyle.DOUBLE: N_("alliance"),
    LineStyle.DOTTED: N_("informal or intermittent link"),
    LineStyle.ARROW: N_("direction of influence"),
    LineStyle.ZIGZAG: N_("discord"),
    LineStyle.CROSSED: N_("broken connection"),
    # Translators: the direction of a readiness cue: toward or away from readiness.
    Direction.TOWARD: N_("toward"),
    Direction.AWAY: N_("away"),
}


def word(value: enum.StrEnum | str | None) -> str:
    """``value`` in the current language ("" for none; as stored if it has no word here)."""
    if value is None:
        return ""
    shown = WORDS.get(str(value))
    return _(shown) if shown is not None else str(value)


def capitalized(text: str) -> str:
    """``text`` with its first letter a capital (a no-op in scripts without capitals)."""
    return text[:1].upper() + text[1:]
