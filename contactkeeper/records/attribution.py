"""Attribution rules: what may be done, outside the vault, with what was said and by whom.

Every interaction, readiness cue, event outcome and transfer carries a rule
(:class:`~contactkeeper.vault.model.AttributionRule`); an event and an actor carry a default.
A new item takes the strictest of the defaults that apply to it: its event's, and each of
its sources'. Everything that leaves the vault (exports, the process brief) asks
:func:`source_shown` how, if at all, the source of an item may be named:

- on the record: as the output's own rules show people (a name in exports in clear, a
  codename in shared material);
- non-attributable: at most described by their side ("someone from the western bank"),
  never by name nor codename;
- Chatham House: not at all, not even by side: what was said may be used, never who said it;
- summary only: not at all, and nothing of the item beyond its summary.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from contactkeeper import records
from contactkeeper.i18n import N_, _
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, AttributionRule, Interaction, ReadinessCue

# From the most open to the strictest.
STRICTNESS: tuple[AttributionRule, ...] = (
    AttributionRule.ON_RECORD,
    AttributionRule.CHATHAM_HOUSE,
    AttributionRule.NON_ATTRIBUTABLE,
    AttributionRule.SUMMARY_ONLY,
)

# What each rule allows, marked here; shown translated (:func:`explained`).
EXPLAINED: dict[AttributionRule, str] = {
    AttributionRule.ON_RECORD: N_("on the record: what was said and who said it may be used"),
    AttributionRule.CHATHAM_HOUSE: N_(
        "Chatham House: what was said may be used, never who said it nor their side"
    ),
    AttributionRule.NON_ATTRIBUTABLE: N_(
        "non-attributable: what was said may be used, its source described by side at most"
    ),
    AttributionRule.SUMMARY_ONLY: N_("summary only: nothing beyond a summary, and no source"),
}


def explained(rule: AttributionRule) -> str:
    """What ``rule`` allows, in a sentence in the current language."""
    return _(EXPLAINED[AttributionRule(rule)])


class SourceShown(enum.Enum):
    """How the source of an item may appear outside the vault."""

    AS_USUAL = "as usual"  # the output's own rules decide (names or codenames)
    SIDE = "side"  # described by their side at most
    NOT_AT_ALL = "not at all"


def strictest(rules: Iterable[AttributionRule | None]) -> AttributionRule:
    """The strictest of ``rules`` (on the record when there is none)."""
    found = [AttributionRule(r) for r in rules if r is not None]
    return max(found, key=STRICTNESS.index, default=AttributionRule.ON_RECORD)


def source_shown(rule: AttributionRule) -> SourceShown:
    if rule is AttributionRule.ON_RECORD:
        return SourceShown.AS_USUAL
    if rule is AttributionRule.NON_ATTRIBUTABLE:
        return SourceShown.SIDE
    return SourceShown.NOT_AT_ALL


def details_shown(rule: AttributionRule) -> bool:
    """Whether more than an item's summary may leave the vault (notes, free text)."""
    return rule is not AttributionRule.SUMMARY_ONLY


def set_actor_default(vault: Vault, actor_id: int, rule: AttributionRule) -> None:
    """The rule that what this actor says takes by default."""
    with vault.transaction() as session:
        records.fetch(session, Actor, actor_id, "actor").attribution = AttributionRule(rule)


def set_interaction_rule(vault: Vault, interaction_id: int, rule: AttributionRule) -> None:
    with vault.transaction() as session:
        interaction = records.fetch(session, Interaction, interaction_id, "interaction")
        interaction.attribution = AttributionRule(rule)


def set_cue_rule(vault: Vault, cue_id: int, rule: AttributionRule) -> None:
    with vault.transaction() as session:
        records.fetch(session, ReadinessCue, cue_id, "readiness cue").attribution = AttributionRule(
            rule
        )


def interaction_rule(vault: Vault, interaction_id: int) -> AttributionRule:
    with vault.transaction() as session:
        return records.fetch(session, Interaction, interaction_id, "interaction").attribution
