"""How the kinds of readiness cue read on screen, in the language of the program.

A new vault is given a default catalogue of kinds ("Hurting stalemate perceived",
"Hardening", ...), written into the vault in English by its migrations, each under a fixed
key. Those words are ContactKeeper's, not the practitioner's: they are shown translated. A
kind the practitioner added, or a default kind they renamed (its label no longer the
default's), is their own text and is shown as they typed it. A kind is recognised as one of
the defaults by its key *and* its unchanged label, so the rule needs no flag in the vault,
and renaming a kind back to its default label shows it translated again.

The same holds for the description of a default kind, and for the families of the catalogue
(:data:`contactkeeper.records.readiness.FAMILIES`), which live in the code only.
"""

from __future__ import annotations

from contactkeeper.i18n import N_, _

# The default kinds as the migrations write them (key: label, description). A test holds
# this table equal to what a new vault holds.
DEFAULT_KINDS: dict[str, tuple[str, str]] = {
    # Written by the first schema.
    "hurting-stalemate": (
        N_("Hurting stalemate perceived"),
        N_("A party says or shows that it cannot win and that continuing costs too much."),
    ),
    "looming-catastrophe": (
        N_("Looming catastrophe"),
        N_("A deadline, collapse or escalation that parties want to avoid is close."),
    ),
    "way-out": (
        N_("Way out perceived"),
        N_("A party sees a negotiated exit as possible and acceptable."),
    ),
    "leadership-change": (
        N_("Leadership change"),
        N_("New leaders or advisers who are not bound by earlier positions."),
    ),
    "public-softening": (
        N_("Public softening"),
        N_("Rhetoric or official statements move toward accommodation."),
    ),
    "back-channel-request": (
        N_("Back-channel request"),
        N_("A party asks, directly or through others, for a discreet channel."),
    ),
    "external-pressure": (
        N_("External pressure"),
        N_("Patrons, neighbours or donors push the parties toward talks."),
    ),
    "hardening": (
        N_("Hardening"),
        N_("Positions, rhetoric or conditions for talks become harder."),
    ),
    "spoiler-activity": (
        N_("Spoiler activity"),
        N_("Someone acts to derail a rapprochement."),
    ),
    # Translators: the kind of readiness cue for any other signal.
    "other": (N_("Other"), N_("Any other signal; say what in the note.")),
    # Added with readiness per party.
    "costs-rising": (
        N_("Costs rising"),
        N_("Casualties, money, support at home or abroad: the price of going on keeps rising."),
    ),
    "working-trust": (
        N_("Working trust"),
        N_("A party believes the other side can keep an agreement (kept small promises)."),
    ),
    "valid-spokesperson": (
        N_("Valid spokesperson"),
        N_("The other side has someone who can speak for it and deliver its people."),
    ),
    "expectation-of-victory": (
        N_("Expectation of victory"),
        N_("A party believes it can still win, or win more by waiting."),
    ),
    "new-ally": (
        N_("A new ally"),
        N_("Arms, money or a patron arrive and make the fight bearable again."),
    ),
    "maximal-commitment": (
        N_("Public commitment to maximal aims"),
        N_("Leaders promise their people all or nothing in public; a compromise would cost them."),
    ),
}


def is_default(key: str, label: str) -> bool:
    """Whether the kind stored under ``key`` with ``label`` is a default kind, unrenamed."""
    default = DEFAULT_KINDS.get(key)
    return default is not None and default[0] == label


def cue_kind_name(key: str, label: str) -> str:
    """The name to show for a cue kind stored with ``key`` and ``label``: a default kind's
    in the current language, a kind the practitioner added or renamed as they typed it."""
    return _(label) if is_default(key, label) else label


def cue_kind_description(key: str, description: str) -> str:
    """The description to show for a cue kind: a default kind's unchanged description in
    the current language, any other as typed."""
    default = DEFAULT_KINDS.get(key)
    if default is not None and description and default[1] == description:
        return _(description)
    return description
