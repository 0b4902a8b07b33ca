"""Destroy a vault after N failed unlocks in a row: the count and the rule, without Qt.

Optional and off by default. When on for a vault, every unlock with a wrong passphrase
counts; a successful unlock sets the count back to zero; when the count reaches the limit
(``MIN_LIMIT`` to ``MAX_LIMIT``, ``DEFAULT_LIMIT`` unless chosen), the caller destroys the
vault (:func:`contactkeeper.protect.destroy.destroy_vault`). This module only counts and decides.

Where the count lives. A failed open must never change a byte in the vault's folder
(promise 4, ``tests/integration/test_failed_open.py``), so neither the limit nor the count is
written there: both go to a small :class:`NumberStore`, in the desktop application its
settings (QSettings), under a digest of the vault folder's resolved path. Numbers only: no
record data, no passphrase, not even the path in clear. Such a store is a plain file of the
user's: someone who can edit it can also reset the count or turn the option off, and someone
who copies the vault's folder and guesses elsewhere is not counted at all. This slows down
and stops guessing through this program on this computer, nothing more.

Counting is pessimistic: an attempt counts as failed from the moment it starts
(:meth:`Lockout.begin`), so closing or killing the program during the key derivation does
not win a free guess. Its outcome then settles it: :meth:`Attempt.succeeded` sets the count
to zero, :meth:`Attempt.failed` keeps it and says whether to destroy, and
:meth:`Attempt.abandoned` (the attempt ended neither way: a damaged vault, a missing folder)
gives the count back. With the option off nothing is read back or written at all.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

MIN_LIMIT = 3
MAX_LIMIT = 50
DEFAULT_LIMIT = 10

_LIMIT = "limit"
_FAILURES = "failures"


class NumberStore(Protocol):
    """Where the limit and the count are kept: whole numbers under short keys.

    ``get_number`` returns ``None`` for a key that is missing or does not hold a whole
    number. Writes must be durable when they return (the count must survive a crash).
    """

    def get_number(self, key: str) -> int | None: ...

    def set_number(self, key: str, value: int) -> None: ...

    def remove(self, key: str) -> None: ...


class MemoryNumberStore:
    """A :class:`NumberStore` in a dict, for tests and for callers that keep no settings."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def get_number(self, key: str) -> int | None:
        return self.numbers.get(key)

    def set_number(self, key: str, value: int) -> None:
        self.numbers[key] = int(value)

    def remove(self, key: str) -> None:
        self.numbers.pop(key, None)


def vault_key(vault: Path) -> str:
    """The store's name for the vault in ``vault``: a digest of its folder's resolved path.

    Resolved, so that the same folder reached through a symbolic link or ``..`` shares one
    count; a digest, so that the store holds neither the path nor characters a settings
    format treats specially.
    """
    resolved = str(Path(vault).expanduser().resolve())
    return hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def clamp_limit(limit: int) -> int:
    """``limit`` moved into the allowed range (``MIN_LIMIT`` to ``MAX_LIMIT``)."""
    return max(MIN_LIMIT, min(int(limit), MAX_LIMIT))


@dataclass(frozen=True)
class Verdict:
    """After a failed unlock: the failures in a row so far, and the limit (``None``: off)."""

    failures: int
    limit: int | None

    @property
    def destroy(self) -> bool:
        """Has the count reached the limit, so that the vault must be destroyed now?"""
        return self.limit is not None and self.failures >= self.limit

    @property
    def remaining(self) -> int | None:
        """Failed unlocks still allowed before the vault is destroyed (``None``: off)."""
        return None if self.limit is None else max(self.limit - self.failures, 0)


class Lockout:
    """The "destroy after N failed unlocks" setting and count of each vault, in ``store``."""

    def __init__(self, store: NumberStore) -> None:
        self.store = store

    def _key(self, vault: Path, name: str) -> str:
        return f"{vault_key(vault)}/{name}"

    # -- the setting ----------------------------------------------------------------------

    def limit(self, vault: Path) -> int | None:
        """After how many failed unlocks in a row the vault is destroyed; ``None``: never."""
        value = self.store.get_number(self._key(vault, _LIMIT))
        return None if value is None or value <= 0 else clamp_limit(value)

    def set_limit(self, vault: Path, limit: int | None) -> None:
        """Turn the option on with ``limit`` (moved into the allowed range) or off (``None``).

        Either way the count starts again from zero: a limit is never met by failures
        counted before it was chosen.
        """
        if limit is None:
            self.forget(vault)
            return
        self._set_failures(vault, 0)
        self.store.set_number(self._key(vault, _LIMIT), clamp_limit(limit))

    def forget(self, vault: Path) -> None:
        """Remove the vault's setting and count (after it was destroyed, or turned off)."""
        for name in (_FAILURES, _LIMIT):
            key = self._key(vault, name)
            if self.store.get_number(key) is not None:
                self.store.remove(key)

    # -- the count ------------------------------------------------------------------------

    def failures(self, vault: Path) -> int:
        """Failed unlocks in a row counted for the vault (0 while the option is off)."""
        value = self.store.get_number(self._key(vault, _FAILURES))
        return value if value is not None and value > 0 else 0

    def _set_failures(self, vault: Path, count: int) -> None:
        key = self._key(vault, _FAILURES)
        if count > 0:
            self.store.set_number(key, count)
        elif self.store.get_number(key) is not None:
            self.store.remove(key)

    def begin(self, vault: Path) -> Attempt:
        """An unlock of ``vault`` starts: count it as failed until its outcome is known."""
        limit = self.limit(vault)
        if limit is None:
            return Attempt(self, Path(vault), None, 0)
        before = self.failures(vault)
        self._set_failures(vault, before + 1)
        return Attempt(self, Path(vault), limit, before)


class Attempt:
    """One unlock in progress (from :meth:`Lockout.begin`); settle it exactly once."""

    def __init__(self, lockout: Lockout, vault: Path, limit: int | None, before: int) -> None:
        self._lockout = lockout
        self.vault = vault
        self.limit = limit
        self._before = before
        self._settled = False

    def _settle(self) -> None:
        if self._settled:
            raise RuntimeError("this unlock attempt was already settled")
        self._settled = True

    def failed(self) -> Verdict:
        """The passphrase was wrong: the count stays; is it time to destroy the vault?"""
        self._settle()
        if self.limit is None:
            return Verdict(0, None)
        # Read back: another attempt (another window, another run) may have counted too.
        failures = max(self._lockout.failures(self.vault), self._before + 1)
        return Verdict(failures, self.limit)

    def succeeded(self) -> None:
        """The vault opened: failed unlocks in a row start again from zero."""
        self._settle()
        if self.limit is not None:
            self._lockout._set_failures(self.vault, 0)

    def abandoned(self) -> None:
        """The attempt ended without telling whether the passphrase was right (a damaged
        or missing vault, a disk error): it does not count."""
        self._settle()
        if self.limit is not None:
            self._lockout._set_failures(self.vault, self._before)


__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "MIN_LIMIT",
    "Attempt",
    "Lockout",
    "MemoryNumberStore",
    "NumberStore",
    "Verdict",
    "clamp_limit",
    "vault_key",
]
