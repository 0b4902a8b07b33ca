"""Keyring backends for unit tests: one that works in memory, and ones that fail like real ones.

These are stand-ins for the OS keyring, which unit tests cannot have (the real Secret Service
is exercised in tests/integration/test_real_keyring.py). Every class sets ``viable = False``
so that keyring's automatic backend selection never picks one up in another test.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.errors import InitError, KeyringLocked, PasswordDeleteError, PasswordSetError


class MemoryKeyring(KeyringBackend):
    """A secure-looking keyring that keeps its secrets in a dict."""

    priority = 5
    viable = False

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password!")


class PlaintextKeyring(MemoryKeyring):
    """Stands in for ``keyrings.alt.file.PlaintextKeyring`` (priority 0.5), which stores
    secrets base64-only in a file; keyrings.alt is deliberately not installed."""

    priority = 0.5


class LowPriorityKeyring(MemoryKeyring):
    """A backend that says of itself it is only a fallback."""

    priority = 0.9


class LockedKeyring(MemoryKeyring):
    """A Secret Service whose collection stays locked: the user dismissed the prompt."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")


class BrokenKeyring(MemoryKeyring):
    """A keyring service that cannot even create its collection."""

    def get_password(self, service: str, username: str) -> str | None:
        raise InitError("Failed to create the collection: the service went away.")


class RefusingKeyring(MemoryKeyring):
    """Reads work, but storing is refused (a policy, or a denied access prompt)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("Access denied")


class ForgetfulKeyring(MemoryKeyring):
    """Accepts secrets and silently drops them."""

    def set_password(self, service: str, username: str, password: str) -> None:
        return None


class ChainWithPlaintext(ChainerBackend):
    """keyring's chainer over a secure backend and a plaintext one (as with keyrings.alt)."""

    viable = False
    backends = (MemoryKeyring(), PlaintextKeyring())


class ChainOfSecure(ChainerBackend):
    viable = False
    backends = (MemoryKeyring(), MemoryKeyring())
