"""What a vault holds, in numbers: for ``contactkeeper info`` and backup manifests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from contactkeeper.i18n import _, ngettext, number, pgettext
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    Actor,
    Affiliation,
    Channel,
    Event,
    FollowUp,
    Interaction,
    Organization,
    Process,
    ReadinessCue,
    Relationship,
    Review,
    Setting,
    Transfer,
)

COUNTED = {
    "actors": Actor,
    "organizations": Organization,
    "affiliations": Affiliation,
    "processes": Process,
    "channels": Channel,
    "interactions": Interaction,
    "relationships": Relationship,
    "readiness cues": ReadinessCue,
    "follow-ups": FollowUp,
    "events": Event,
    "transfers": Transfer,
    "reviews": Review,
}
LAST_BACKUP = "last_backup_at"


def counted(name: str, n: int) -> str:
    """``n`` records of the kind ``name`` (a key of :data:`COUNTED`, as backups' manifests
    store it), in the current language: "1 actor", "12 actors", "١٢ فاعلًا"."""
    forms = {
        "actors": ngettext("{n} actor", "{n} actors", n),
        "organizations": ngettext("{n} organization", "{n} organizations", n),
        "affiliations": ngettext("{n} affiliation", "{n} affiliations", n),
        "processes": ngettext("{n} process", "{n} processes", n),
        "channels": ngettext("{n} channel", "{n} channels", n),
        "interactions": ngettext("{n} interaction", "{n} interactions", n),
        "relationships": ngettext("{n} relationship", "{n} relationships", n),
        "readiness cues": ngettext("{n} readiness cue", "{n} readiness cues", n),
        "follow-ups": ngettext("{n} follow-up", "{n} follow-ups", n),
        "events": ngettext("{n} event", "{n} events", n),
        "transfers": ngettext("{n} transfer", "{n} transfers", n),
        "reviews": ngettext("{n} review", "{n} reviews", n),
    }
    form = forms.get(name)
    if form is None:
        # Translators: a count of records of a kind this version does not know (in English).
        return _("{n} {kind}").format(n=number(n), kind=name)
    return form.format(n=number(n))


def counts_text(counts: dict[str, int]) -> str:
    """``{"actors": 2, "interactions": 1}`` as "2 actors, 1 interaction" (or "no records")."""
    parts = [counted(name, n) for name, n in counts.items() if n]
    return pgettext("list separator", ", ").join(parts) if parts else _("no records")


@dataclass(frozen=True)
class VaultInfo:
    path: str
    vault_id: str
    schema_revision: str | None
    counts: dict[str, int]
    last_backup_at: datetime | None


def counts(vault: Vault) -> dict[str, int]:
    with vault.transaction() as session:
        return {
            name: session.scalar(sa.select(sa.func.count()).select_from(model)) or 0
            for name, model in COUNTED.items()
        }


def last_backup_at(vault: Vault) -> datetime | None:
    """When a backup of this vault was last written (one row: cheap enough for Today)."""
    with vault.transaction() as session:
        last = session.get(Setting, LAST_BACKUP)
        value = last.value if last else None
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def describe(vault: Vault) -> VaultInfo:
    return VaultInfo(
        path=str(vault.path),
        vault_id=vault.vault_id,
        schema_revision=vault.schema_revision(),
        counts=counts(vault),
        last_backup_at=last_backup_at(vault),
    )
