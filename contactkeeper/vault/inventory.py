"""What a vault holds, in numbers: for ``contactkeeper info`` and backup manifests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

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
