"""age keys for backups: X25519 identities and recipients, and identity files.

A backup made for public keys is encrypted to one or more age recipients (``age1...``);
opening it takes an identity (``AGE-SECRET-KEY-1...``), typed or read from an age
identity file. Malformed keys are refused with a message for people.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyrage  # type: ignore[import-untyped]

from contactkeeper.errors import BackupError, shown_path
from contactkeeper.i18n import _


def new_identity() -> tuple[str, str]:
    """A new X25519 key pair as ``(identity, recipient)`` strings (``AGE-SECRET-KEY-1...``)."""
    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


def parse_identities(text: str) -> list[str]:
    """The identities of an age identity file (``#`` comments and blank lines skipped)."""
    found = []
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            age_identity(line)
            found.append(line)
    if not found:
        raise BackupError(_("That identity file holds no age identity (AGE-SECRET-KEY-1...)."))
    return found


MAX_IDENTITY_FILE_BYTES = 64 * 1024


def read_identity_file(path: Path) -> list[str]:
    """The identities in ``path``, read at most 64 KiB of it (a device that never ends,
    such as /dev/zero, is refused rather than read forever)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_IDENTITY_FILE_BYTES + 1)
        if len(data) > MAX_IDENTITY_FILE_BYTES:
            raise BackupError(
                _("{path} is far too long to be an age identity file.").format(
                    path=shown_path(path)
                )
            )
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        raise BackupError(
            _("The identity file {path} cannot be read.").format(path=shown_path(path))
        ) from None
    return parse_identities(text)


def age_identity(text: str) -> Any:
    try:
        return pyrage.x25519.Identity.from_str(text.strip())
    except Exception:
        raise BackupError(
            _("That is not an age identity: it should start with AGE-SECRET-KEY-1.")
        ) from None


def age_recipient(text: str) -> Any:
    try:
        return pyrage.x25519.Recipient.from_str(text.strip())
    except Exception:
        raise BackupError(
            _("{key} is not an age public key: it should start with age1.").format(
                key=repr(text.strip()[:80])
            )
        ) from None
