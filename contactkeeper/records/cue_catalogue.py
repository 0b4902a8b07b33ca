"""The catalogue of readiness-cue kinds as the practitioner edits it: the kinds grouped by
family (each with its description), how many cues each kind is used by, and the rule that a
kind in use is never deleted, only retired (offered no more for new cues; its cues keep it).

The kinds themselves are stored and changed by :mod:`contactkeeper.records.readiness`
(``add_cue_kind``, ``update_cue_kind``, ``retire_cue_kind``, ``delete_cue_kind``); this
module reads them the way the catalogue dialog shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from contactkeeper.records import readiness
from contactkeeper.records.readiness import (
    FAMILIES,
    OTHER_FAMILY,
    CueKindInfo,
    family_description,
    family_name,
)
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ReadinessCue

# The family of kinds added without one, in English (shown as ``family_name("")``).
OTHER = OTHER_FAMILY


@dataclass(frozen=True)
class CatalogueKind:
    kind: CueKindInfo
    uses: int  # cues recorded under it

    @property
    def deletable(self) -> bool:
        return self.uses == 0


@dataclass(frozen=True)
class Family:
    key: str  # "" for kinds without a family
    label: str  # in the current language
    description: str
    kinds: tuple[CatalogueKind, ...]


def uses(vault: Vault) -> dict[int, int]:
    """How many cues each kind is used by (kinds used by none are absent)."""
    with vault.transaction() as session:
        return {
            kind_id: count
            for kind_id, count in session.execute(
                sa.select(ReadinessCue.kind_id, sa.func.count(ReadinessCue.id)).group_by(
                    ReadinessCue.kind_id
                )
            )
        }


def catalogue(vault: Vault) -> list[Family]:
    """Every family in the catalogue's order, each with its kinds (retired ones too), then
    the kinds without a family; a family without kinds is listed too, so kinds can be added
    to it."""
    used = uses(vault)
    kinds = readiness.cue_kinds(vault)
    families = [(key, family_name(key), family_description(key)) for key in FAMILIES]
    if any(k.family not in FAMILIES for k in kinds):
        families.append(("", family_name(""), family_description("")))
    return [
        Family(
            key,
            label,
            text,
            tuple(
                CatalogueKind(k, used.get(k.id, 0))
                for k in kinds
                if (k.family if k.family in FAMILIES else "") == key
            ),
        )
        for key, label, text in families
    ]
