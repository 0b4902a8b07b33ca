"""What a restore would replace: the vault there now, against the backup that would take its
place.

Restoring over an existing vault asks first when the backup is of a **different vault**
(another vault id: perhaps a backup someone else made, with the organisation's public key)
or **older** than the vault (made before its last change or its last backup): the
restore would then lose records, or swap in records that were never this vault's. Nothing
is refused: the question names both sides (folder, vault id, dates) and the caller decides.

What is known of the vault there depends on whether it is open. An open vault (the desktop
application restores over the vault it shows) tells exactly when its records last changed
and when it was last backed up. A closed one (the command line) tells only its vault id, in
its key file, and when its files were last written, which is also when the last backup
was recorded, or when the vault was last closed after a change: so on the command line even
the newest backup of a vault asks before it replaces that vault.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from contactkeeper.errors import ContactKeeperError, shown_path
from contactkeeper.i18n import _, formats_locale, pgettext, short_datetime

if TYPE_CHECKING:
    from contactkeeper.vault import Vault

SHORT_ID = 8


def short_id(vault_id: str | None) -> str:
    """A vault id as people compare it at a glance: its first eight characters."""
    return (vault_id or "unknown")[:SHORT_ID]


def _local(moment: datetime | None, *, seconds: bool = False) -> str:
    """``moment`` in this computer's time zone, as the current language writes it (with
    its seconds when two moments of the same minute are compared)."""
    if moment is None:
        return _("an unknown date")
    if not seconds:
        return short_datetime(moment)
    from babel.dates import format_datetime

    return format_datetime(moment.astimezone(), "medium", locale=formats_locale())


def _same_minute(first: datetime | None, second: datetime | None) -> bool:
    return (
        first is not None
        and second is not None
        and first.replace(second=0, microsecond=0) == second.replace(second=0, microsecond=0)
    )


@dataclass(frozen=True)
class CurrentVault:
    """The vault a restore would replace."""

    path: Path
    vault_id: str | None  # None when its key file cannot be read
    last_change: datetime | None
    exact: bool  # last_change comes from the records (an open vault), not file times

    def describe(self) -> str:
        if self.exact:
            text = _("the vault in {path} (id {id}, last changed {when})")
        else:
            text = _("the vault in {path} (id {id}, its files last written {when})")
        return text.format(
            path=shown_path(self.path), id=short_id(self.vault_id), when=_local(self.last_change)
        )


@dataclass(frozen=True)
class Replacement:
    """A backup about to replace ``current``, and why to ask first (nothing when empty)."""

    current: CurrentVault | None
    backup_vault_id: str
    backup_made: datetime
    reasons: tuple[str, ...]

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.reasons)

    def describe_backup(self) -> str:
        return _("a backup of vault {id} made {when}").format(
            id=short_id(self.backup_vault_id), when=_local(self.backup_made)
        )

    def question(self) -> str:
        """One paragraph naming both sides and every reason."""
        assert self.current is not None
        # Translators: {vault} and {backup} describe both sides; {reasons} says why to ask.
        return _("Restoring replaces {vault} with {backup}: {reasons}.").format(
            vault=self.current.describe(),
            backup=self.describe_backup(),
            reasons=pgettext("separator of reasons", "; ").join(self.reasons),
        )


def current_vault(path: Path, vault: Vault | None = None) -> CurrentVault | None:
    """What is known of the vault in ``path`` (``None`` if there is none).

    With ``vault`` open (the same folder), its records say when it last changed; otherwise
    only its key file and the times its files were written are read (no passphrase needed).
    """
    from contactkeeper.vault import DB_NAME, KEY_NAME
    from contactkeeper.vault.keyfile import KeyFile

    path = Path(path).absolute()
    if not (path / KEY_NAME).is_file():
        return None
    if vault is not None and vault.is_open:
        return CurrentVault(path, vault.vault_id, last_change(vault), exact=True)
    try:
        vault_id: str | None = KeyFile.read(path / KEY_NAME).vault_id
    except (ContactKeeperError, OSError):
        vault_id = None
    times = [
        (path / name).stat().st_mtime
        for name in (DB_NAME, f"{DB_NAME}-wal")
        if (path / name).is_file()
    ]
    written = datetime.fromtimestamp(max(times), UTC) if times else None
    return CurrentVault(path, vault_id, written, exact=False)


def last_change(vault: Vault) -> datetime | None:
    """When any record of ``vault`` last changed, was deleted, or the vault was backed up."""
    from contactkeeper.vault import inventory
    from contactkeeper.vault.model import Base, TrashItem

    moments: list[datetime] = []
    with vault.transaction() as session:
        for mapper in Base.registry.mappers:
            column = mapper.columns.get("updated_at")
            if column is not None:
                latest = session.scalar(sa.select(sa.func.max(column)))
                if latest is not None:
                    moments.append(latest)
        deleted = session.scalar(sa.select(sa.func.max(TrashItem.deleted_at)))
        if deleted is not None:
            moments.append(deleted)
    backed_up = inventory.last_backup_at(vault)
    if backed_up is not None:
        moments.append(backed_up)
    moments = [m if m.tzinfo else m.replace(tzinfo=UTC) for m in moments]
    return max(moments, default=None)


def compare(current: CurrentVault | None, backup_vault_id: str, made: datetime) -> Replacement:
    """Why restoring a backup of ``backup_vault_id`` made at ``made`` over ``current`` should
    be confirmed first."""
    reasons: list[str] = []
    if current is not None:
        if current.vault_id is not None and current.vault_id != backup_vault_id:
            reasons.append(
                _("the backup is of a different vault ({backup}, not {vault})").format(
                    backup=short_id(backup_vault_id), vault=short_id(current.vault_id)
                )
            )
        if current.last_change is not None and made < current.last_change:
            close = _same_minute(made, current.last_change)
            if current.exact:
                older = _(
                    "the backup is older: made {made}, before the vault was last changed "
                    "({changed}); what changed since would be replaced"
                )
            else:
                older = _(
                    "the backup is older: made {made}, before the vault was last written "
                    "({changed}); what changed since would be replaced"
                )
            reasons.append(
                older.format(
                    made=_local(made, seconds=close),
                    changed=_local(current.last_change, seconds=close),
                )
            )
    return Replacement(current, backup_vault_id, made, tuple(reasons))


__all__ = [
    "CurrentVault",
    "Replacement",
    "compare",
    "current_vault",
    "last_change",
    "short_id",
]
