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
