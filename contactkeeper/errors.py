"""Errors a person can act on.

Every error that reaches a user is one of these types. The message says what is wrong and
what to do, and never carries record data: it may be shown in a dialog, printed by the CLI
or copied into a bug report.
"""

from __future__ import annotations


class ContactKeeperError(Exception):
    """Base of every error ContactKeeper reports to a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class VaultError(ContactKeeperError):
    """Something about the vault itself (its files, its key, its version)."""


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "That passphrase does not open this vault. Check the keyboard layout and "
            "Caps Lock, then try again. Nothing was changed."
        )


class NotAVault(VaultError):
    def __init__(self, path: object, reason: str) -> None:
        super().__init__(
            f"{path} is not a ContactKeeper vault: {reason}. "
            "Choose the folder that holds vault.key and vault.db."
        )


class VaultExists(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(
            f"{path} already holds a vault or other files; ContactKeeper will not overwrite "
            "it. Choose an empty or new folder."
        )


class VaultDamaged(VaultError):
    """A part of the vault is unreadable. ``part`` names which one."""

    def __init__(self, part: str, detail: str) -> None:
        super().__init__(
            f"The vault's {part} is damaged: {detail}. Nothing was changed. "
            "Restore the vault from a backup, and keep this copy for inspection."
        )
        self.part = part


class VaultTooNew(VaultError):
    def __init__(self, what: str) -> None:
        super().__init__(
            f"This vault was made by a newer version of ContactKeeper ({what}). "
            "Install the newer version to open it; nothing was changed."
        )


class VaultLocked(VaultError):
    def __init__(self) -> None:
        super().__init__("The vault is locked. Unlock it first.")


class WeakPassphrase(VaultError):
    pass


class VaultInUse(VaultError):
    """Another program has the vault open, so it cannot be re-keyed now."""

    def __init__(self) -> None:
        super().__init__(
            "The vault is open in another program (another ContactKeeper window, or a "
            "command still running). Close it there and try again; the database was not "
            "changed."
        )


class SearchIndexDamaged(VaultError):
    """The full-text search index (derived from the records) cannot be read."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "The vault's search index is damaged"
            + (f" ({detail})" if detail else "")
            + ". Your records are not affected: rebuild the index from them with "
            "`contactkeeper check --rebuild-index` (or File > Rebuild the search index). "
            "Nothing was changed."
        )
        self.detail = detail


class DiskFull(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(
            f"There is not enough free space to write {path}. Free some space and try "
            "again; nothing was changed."
        )


class RecordNotFound(ContactKeeperError):
    def __init__(self, kind: str, ref: object) -> None:
        super().__init__(f"No {kind} with id {ref} exists in this vault (was it deleted?).")
        self.kind = kind


class InvalidRecord(ContactKeeperError):
    """A value a person typed does not fit: the message says which field and why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class CueKindInUse(InvalidRecord):
    """A kind of readiness cue that cues are recorded under cannot be deleted: retire it."""

    def __init__(self, label: str, uses: int) -> None:
        cues = "1 cue" if uses == 1 else f"{uses:,} cues"
        super().__init__(
            "Cue kind",
            f"{label} is used by {cues}, so it cannot be deleted: those cues would lose "
            "their kind. Retire it instead: it is no longer offered for new cues, and the "
            "cues already recorded keep it",
        )
        self.label = label
        self.uses = uses


class BackupError(ContactKeeperError):
    """Something about a backup file: it is refused, and no vault was changed."""


class BackupWrongPassphrase(BackupError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "That passphrase or key does not open this backup"
            + (f" ({detail})" if detail else "")
            + ". Check the passphrase, or choose the identity file the backup was made for. "
            "If you are sure it is right, the start of the file may be damaged. "
            "Nothing was changed."
        )


class BackupDamaged(BackupError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"This backup is damaged or was tampered with: {detail}. It cannot be trusted "
            "and nothing was restored. Use another copy of the backup."
        )
        self.detail = detail


class BackupTooNew(BackupError):
    def __init__(self, what: str) -> None:
        super().__init__(
            f"This backup was made by a newer version of ContactKeeper ({what}). Install "
            "the newer version to restore it; nothing was changed."
        )


class BackupIncomplete(BackupError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"This backup is not complete: {detail}. It was probably cut short while being "
            "copied or written; use another copy. Nothing was restored."
        )
        self.detail = detail


class BackupForeignSchema(BackupDamaged):
    """A backup's database is not exactly what ContactKeeper makes at its schema revision:
    it holds objects (triggers, views, indexes, tables, altered columns) that could run
    inside the vault it would become."""

    def __init__(self, revision: str, what: str) -> None:
        super().__init__(
            f"its database is not what ContactKeeper makes at schema revision {revision}: "
            f"it has {what}"
        )
        self.revision = revision
        self.what = what


class RestoreNeedsConfirmation(BackupError):
    """Restoring would replace a vault with a backup of another vault, or an older one.

    ``replacement`` (a :class:`contactkeeper.exchange.replacement.Replacement`) names both sides;
    restore again with the confirmation to go ahead."""

    def __init__(self, replacement: object, question: str) -> None:
        super().__init__(f"{question} Confirm to replace it anyway; nothing was changed.")
        self.replacement = replacement
        self.question = question


class BackupExists(BackupError):
    def __init__(self, path: object) -> None:
        super().__init__(
            f"{path} already exists; ContactKeeper never overwrites a backup. "
            "Choose a new file name."
        )


class BackupCancelled(ContactKeeperError):
    """The person cancelled a backup while it was being made (not a failure of any file)."""

    def __init__(self) -> None:
        super().__init__(
            "The backup was cancelled. No backup file was written, and earlier backups are "
            "untouched."
        )


class ImportInvalid(ContactKeeperError):
    """An entry of a file being imported cannot be read; ``line`` is where it starts."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


class ImportRefused(ContactKeeperError):
    """A file to import is refused as a whole, before it is parsed (too large, too many
    lines, a line far longer than any address book holds)."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(
            f"{path} is not an address book ContactKeeper imports: {reason}. "
            "Nothing was imported; export the address book again, or split it."
        )
        self.reason = reason


class PlaintextRefused(ContactKeeperError):
    def __init__(self) -> None:
        super().__init__(
            "This export writes your records in clear, readable by anyone who gets the "
            "file. Confirm that you understand this to go ahead; nothing was written."
        )


class UnlockThrottled(VaultError):
    """Too many failed unlocks in a row: the next attempt must wait ``seconds``."""

    def __init__(self, seconds: float) -> None:
        wait = max(1, round(seconds))
        super().__init__(
            f"Several passphrases in a row did not open this vault. Wait {wait} s before "
            "trying again; nothing was changed."
        )
        self.seconds = seconds


class KeyringUnavailable(VaultError):
    """The OS keyring cannot be used to remember a vault on this device."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"This device's keyring cannot remember the vault: {reason}. "
            "Unlock with your passphrase instead; nothing was stored."
        )
        self.reason = reason


class SelfTestFailed(ContactKeeperError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(
            "ContactKeeper's encryption libraries failed their self-test ("
            + "; ".join(problems)
            + "). No vault will be opened with them: reinstall ContactKeeper."
        )
        self.problems = problems


class CommandLineError(ContactKeeperError):
    """A mistake on the command line the person can fix (a passphrase typed differently
    twice, a passphrase file that cannot be read, ...). The message says what to do."""
