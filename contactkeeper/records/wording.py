"""How counts read in sentences: "1 follow-up", "2 follow-ups", never "follow-up(s)".

One helper for the GUI, the CLI and the reports alike, so every count in the program
agrees with its noun. Prefer :func:`contactkeeper.i18n.ngettext` for a counted phrase a person
reads: it knows the plural forms of every language (``plural`` knows English's only).
"""

from __future__ import annotations

from contactkeeper import i18n
from contactkeeper.i18n import N_, _, ngettext
from contactkeeper.vault.vocabulary import ChannelKind, ParticipationRole, RelationshipKind


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` and its noun: ``plural(1, "channel")`` is "1 channel", ``plural(3,
    "channel")`` "3 channels"; irregular nouns give their plural (``plural(2, "entry",
    "entries")``). Counts of a thousand and more are grouped: "1,200 actors"."""
    noun = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count:,} {noun}"


def signed(value: float, decimals: int = 2) -> str:
    """A weight or a level with its sign, in the locale's digits: "+1.20", "-0.35"."""
    return ("+" if value >= 0 else "-") + i18n.number(abs(value), decimals)


def days_ago(n: int) -> str:
    """ "1 day ago", "12 days ago"."""
    return ngettext("{n} day ago", "{n} days ago", n).format(n=i18n.number(n))


def days(n: int) -> str:
    """ "1 day", "12 days"."""
    return ngettext("{n} day", "{n} days", n).format(n=i18n.number(n))


# How the records' sentences name a kind of channel and a kind of tie (marked here,
# translated by the functions below).
_CHANNEL_KINDS = {
    # Translators: a kind of channel: "your channel 'phone'", "Layla Haddad (phone)".
    ChannelKind.IN_PERSON: N_("in person"),
    ChannelKind.PHONE: N_("phone"),
    ChannelKind.MESSENGER: N_("messenger"),
    ChannelKind.EMAIL: N_("email"),
    ChannelKind.INDIRECT: N_("indirect"),
}
_RELATIONSHIP_KINDS = {
    # Translators: a kind of relationship, in "can introduce, strength 4, confidence 3".
    RelationshipKind.KNOWS: N_("knows"),
    RelationshipKind.TRUSTS: N_("trusts"),
    RelationshipKind.FAMILY: N_("family"),
    RelationshipKind.RIVAL: N_("rival"),
    RelationshipKind.REPORTS_TO: N_("reports to"),
    RelationshipKind.CAN_INTRODUCE: N_("can introduce"),
    RelationshipKind.ALLIED: N_("allied with"),
}


def channel_kind(kind: ChannelKind | str) -> str:
    """A kind of channel in the current language: "phone", "téléphone"."""
    return _(_CHANNEL_KINDS[ChannelKind(kind)])


def relationship_kind(kind: RelationshipKind | str) -> str:
    """A kind of relationship in the current language: "can introduce"."""
    return _(_RELATIONSHIP_KINDS[RelationshipKind(kind)])


_PARTICIPATION_ROLES = {
    # Translators: the role an actor takes in a process.
    ParticipationRole.PARTY: N_("party"),
    ParticipationRole.ADVISER: N_("adviser"),
    ParticipationRole.CONVENOR: N_("convenor"),
    ParticipationRole.INTERMEDIARY: N_("intermediary"),
    ParticipationRole.SPOILER: N_("spoiler"),
    ParticipationRole.OBSERVER: N_("observer"),
}


def participation_role(role: ParticipationRole | str) -> str:
    """A role in a process in the current language: "intermediary"."""
    return _(_PARTICIPATION_ROLES[ParticipationRole(role)])
