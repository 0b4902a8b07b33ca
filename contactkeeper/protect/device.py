"""Remember a vault on this device through the OS keyring (opt-in), and forget it again.

Two halves, each useless alone:

- a random 256-bit **device secret**, stored in the OS keyring (Secret Service, macOS
  Keychain, Windows Credential Locker) under the service ``ContactKeeper`` and an entry
  name made of the vault's id and a random suffix;
- ``vault.device`` in the vault's folder: the vault's database key wrapped with that secret
  (AES-256-GCM, the file's header as associated data), written with owner-only permissions.

The database key itself is never stored in clear anywhere: not in the keyring, not in a
file. A copy of the vault folder does not open without the keyring, and a dump of the
keyring (a synced or backed-up keychain) does not open the vault without the folder.
Forgetting shreds ``vault.device`` first, so it works even when the keyring is locked or
gone. The passphrase never enters this module: changing it re-wraps only ``vault.key``,
and the database key, hence ``vault.device``, stays valid.

A keyring is used only when it is a real, secure one. Plaintext, null, "fail" and
low-priority backends (``keyrings.alt``'s files among them) are refused, and every keyring
error becomes :class:`~contactkeeper.errors.KeyringUnavailable` with a one-line reason, so
the caller falls back to the passphrase; nothing here crashes the program.
"""

from __future__ import annotations

import binascii
import json
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

from contactkeeper.errors import ContactKeeperError, KeyringUnavailable, VaultDamaged
from contactkeeper.i18n import _
from contactkeeper.vault import KEY_NAME, Vault, files, strict_json
from contactkeeper.vault.files import shred
from contactkeeper.vault.keyfile import KEY_BYTES, KeyFile
from contactkeeper.vault.strict_json import b64, canonical, unb64

SERVICE = "ContactKeeper"
DEVICE_NAME = "vault.device"
FORMAT = "contactkeeper-device"
VERSION = 1
MAX_FILE_BYTES = 16 * 1024
PROBE_ENTRY = "probe"
MIN_PRIORITY = 1

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeyringStatus:
    """Whether "Remember on this device" can be offered, and why not, in one line."""

    usable: bool
    reason: str
    backend: str


@dataclass(frozen=True)
class DeviceEntry:
    """The contents of ``vault.device``."""

    vault_id: str
    entry: str
    nonce: bytes
    ciphertext: bytes

    def _header(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "service": SERVICE,
            "entry": self.entry,
            "wrap": {"aead": "aes-256-gcm", "nonce": b64(self.nonce)},
        }

    def associated_data(self) -> bytes:
        return canonical(self._header())

    def to_bytes(self) -> bytes:
        body = self._header()
        body["wrap"]["ciphertext"] = b64(self.ciphertext)
        return json.dumps(body, indent=2, sort_keys=True).encode("ascii") + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> DeviceEntry:
        """Parse ``vault.device`` strictly; ``ValueError`` when it is not a valid one."""
        if len(data) > MAX_FILE_BYTES:
            raise ValueError("too large")
        body = strict_json.loads(data)  # a StrictJsonError is a ValueError
        _exact(body, {"format", "version", "vault_id", "service", "entry", "wrap"})
        wrap = _exact(body["wrap"], {"aead", "nonce", "ciphertext"})
        if body["format"] != FORMAT or type(body["version"]) is not int:
            raise ValueError("unknown format")
        if body["version"] != VERSION:
            raise ValueError("unknown version")
        if body["service"] != SERVICE or wrap["aead"] != "aes-256-gcm":
            raise ValueError("unknown service or algorithm")
        vault_id, entry_name = body["vault_id"], body["entry"]
        if not isinstance(vault_id, str) or not isinstance(entry_name, str):
            raise ValueError("malformed names")
        if len(entry_name) > 200 or not entry_name.startswith(vault_id + ":"):
            raise ValueError("malformed names")
        try:
            entry = cls(
                vault_id=vault_id,
                entry=entry_name,
                nonce=unb64(wrap["nonce"]),
                ciphertext=unb64(wrap["ciphertext"]),
            )
        except (TypeError, binascii.Error) as exc:
            raise ValueError(type(exc).__name__) from None
        if len(entry.nonce) != 12 or len(entry.ciphertext) != KEY_BYTES + 16:
            raise ValueError("malformed fields")
        return entry


def _exact(value: object, names: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != names:
        raise ValueError("unexpected fields")
    return value


# -- the keyring ------------------------------------------------------------------------


def keyring_status(backend: KeyringBackend | None = None, probe: bool = True) -> KeyringStatus:
    """Can this device's keyring remember a vault? ``probe`` asks the keyring once.

    Probing a locked Secret Service collection may show the desktop's unlock prompt; a
    settings page that only wants to grey out the option can pass ``probe=False``.
    """
    try:
        backend = backend or keyring.get_keyring()
    except Exception as exc:  # keyring's own start-up can fail in odd environments
        return KeyringStatus(False, _failure_reason(exc), "none")
    name = _backend_name(backend)
    refusal = _refusal(backend)
    if refusal is not None:
        return KeyringStatus(False, refusal, name)
    if probe:
        try:
            backend.get_password(SERVICE, PROBE_ENTRY)
        except Exception as exc:  # every keyring failure means "use the passphrase"
            return KeyringStatus(False, _failure_reason(exc), name)
    reason = _("the system keyring ({keyring}) can remember this vault").format(
        keyring=_friendly_name(backend)
    )
    return KeyringStatus(True, reason, name)


def _backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _friendly_name(backend: KeyringBackend) -> str:
    """keyring's display name, e.g. "SecretService Keyring" or "macOS Keyring"."""
    try:
        return str(type(backend).name)
    except Exception:  # a third-party backend with an odd name property
        return type(backend).__name__


def _refusal(backend: KeyringBackend) -> str | None:
    """Why ``backend`` must not hold a device secret, or ``None`` if it may."""
    name = _backend_name(backend)
    if isinstance(backend, ChainerBackend):
        parts = list(backend.backends)
        if not parts:
            return _("no keyring service is running on this device")
        for part in parts:
            refusal = _refusal(part)
            if refusal is not None:
                return refusal
        return None
    module = type(backend).__module__
    if module.startswith("keyrings.alt") or "plaintext" in name.lower():
        return _("the keyring found ({keyring}) keeps secrets in a plain file").format(keyring=name)
    if module == "keyring.backends.fail":
        return _("no keyring service is running on this device")
    if module == "keyring.backends.null":
        return _("the keyring in use ({keyring}) throws secrets away").format(keyring=name)
    try:
        priority = float(backend.priority)
    except Exception:  # a backend whose service is missing raises here
        return _("the keyring service ({keyring}) is not available on this device").format(
            keyring=name
        )
    if priority < MIN_PRIORITY:
        return _(
            "the keyring in use ({keyring}) is a fallback that is not safe for secrets"
        ).format(keyring=name)
    return None


def _failure_reason(exc: BaseException) -> str:
    if isinstance(exc, keyring.errors.NoKeyringError):
        return _("no keyring service is running on this device")
    if isinstance(exc, keyring.errors.KeyringLocked):
        return _("the keyring is locked and was not unlocked (the prompt was dismissed)")
    if isinstance(exc, keyring.errors.InitError):
        return _("the keyring could not be opened")
    if isinstance(exc, keyring.errors.PasswordSetError):
        return _("the keyring refused to store the secret")
    if isinstance(exc, keyring.errors.PasswordDeleteError):
        return _("the keyring refused to delete the secret")
    return _("the keyring did not answer ({error})").format(error=type(exc).__name__)


def _usable_backend(backend: KeyringBackend | None) -> KeyringBackend:
    status = keyring_status(backend)
    if not status.usable:
        raise KeyringUnavailable(status.reason)
    return backend or keyring.get_keyring()


# -- remembering and forgetting ---------------------------------------------------------


def remember(vault: Vault, backend: KeyringBackend | None = None) -> None:
    """Let this device unlock ``vault`` without its passphrase from now on.

    Raises :class:`KeyringUnavailable` (and stores nothing) when the keyring cannot be used.
    Remembering again replaces the previous device secret.
    """
    backend = _usable_backend(backend)
    db_key = vault.database_key()
    previous = _read_entry(vault.path)
    secret = secrets.token_bytes(KEY_BYTES)
    entry = f"{vault.vault_id}:{secrets.token_hex(8)}"
    try:
        backend.set_password(SERVICE, entry, secret.hex())
        kept = backend.get_password(SERVICE, entry)
    except Exception as exc:
        raise KeyringUnavailable(_failure_reason(exc)) from None
    if kept != secret.hex():
        _delete_entry(backend, entry)
        raise KeyringUnavailable(_("the keyring did not keep the secret it was given"))
    nonce = secrets.token_bytes(12)
    draft = DeviceEntry(vault.vault_id, entry, nonce, b"")
    wrapped = AESGCM(secret).encrypt(nonce, db_key, draft.associated_data())
    try:
        files.write_atomic(
            vault.path / DEVICE_NAME, DeviceEntry(vault.vault_id, entry, nonce, wrapped).to_bytes()
        )
    except BaseException:
        _delete_entry(backend, entry)
        raise
    if previous is not None and previous.entry != entry:
        _delete_entry(backend, previous.entry)


def is_remembered(vault_path: Path, backend: KeyringBackend | None = None) -> bool:
    """Does this device hold both halves of a remembered key for the vault in ``vault_path``?

    Asks the keyring; ``False`` when the keyring cannot be used.
    """
    device = _read_entry(Path(vault_path))
    if device is None:
        return False
    try:
        backend = backend or keyring.get_keyring()
        if _refusal(backend) is not None:
            return False
        return backend.get_password(SERVICE, device.entry) is not None
    except Exception:  # a failing keyring means "not remembered here", not a crash
        return False


def unlock_remembered(vault_path: Path, backend: KeyringBackend | None = None) -> Vault | None:
    """Open the vault with the key this device remembered (no key derivation).

    Returns ``None`` when this device holds no valid key for it (never remembered,
    forgotten, or the keyring entry is gone): ask for the passphrase. Raises
    :class:`KeyringUnavailable` when the keyring itself cannot be used right now (locked,
    prompt dismissed, no service): say why, then ask for the passphrase.
    """
    path = Path(vault_path).absolute()
    device = _read_entry(path)
    if device is None:
        return None
    try:
        key_file = KeyFile.read(path / KEY_NAME)
    except ContactKeeperError:
        return None
    if key_file.vault_id != device.vault_id:
        log.warning("vault.device belongs to another vault; ignored")
        return None
    backend = _usable_backend(backend)
    try:
        secret_hex = backend.get_password(SERVICE, device.entry)
    except Exception as exc:
        raise KeyringUnavailable(_failure_reason(exc)) from None
    if secret_hex is None:
        return None
    try:
        secret = bytes.fromhex(secret_hex)
        db_key = AESGCM(secret).decrypt(device.nonce, device.ciphertext, device.associated_data())
    except (ValueError, InvalidTag):
        log.warning("the remembered key for this vault does not match; ignored")
        return None
    try:
        return Vault.open_with_key(path, db_key, key_file)
    except VaultDamaged as exc:
        if exc.part != "database":
            raise
        # A key remembered before the vault got a new one (a restore): the passphrase
        # path opens it, or reports real damage itself.
        log.warning("the remembered key does not open this vault's database; ignored")
        return None


def forget(vault_path: Path, backend: KeyringBackend | None = None) -> bool:
    """Forget the vault on this device: shred ``vault.device``, delete the keyring entry.

    Returns whether the keyring entry is known to be gone. Even when the keyring cannot be
    reached (``False``), the key can no longer be recovered on this device: the wrapped key
    in ``vault.device`` was overwritten and deleted first. Whatever is found in place of
    ``vault.device`` (a link, a folder, a pipe, garbage) is removed without being followed
    or waited on.
    """

    path = Path(vault_path).absolute()
    device = read_device_file(path)
    shred(path / DEVICE_NAME)
    return delete_keyring_entry(device, backend)


def read_device_file(vault_path: Path) -> DeviceEntry | None:
    """The valid ``vault.device`` in ``vault_path``, or ``None`` (missing, not a plain
    file, too large, damaged): read without following a link or waiting on a pipe."""
    return _read_entry(Path(vault_path))


def delete_keyring_entry(device: DeviceEntry | None, backend: KeyringBackend | None) -> bool:
    """Delete the keyring entry ``device`` names; whether it is known to be gone."""
    if device is None:
        return False
    try:
        backend = backend or keyring.get_keyring()
    except Exception:
        return False
    return _delete_entry(backend, device.entry)


def _delete_entry(backend: KeyringBackend, entry: str) -> bool:
    try:
        backend.delete_password(SERVICE, entry)
    except keyring.errors.PasswordDeleteError:
        # Already gone (or never there): what we wanted.
        try:
            return backend.get_password(SERVICE, entry) is None
        except Exception:
            return False
    except Exception:
        return False
    return True


def _read_entry(path: Path) -> DeviceEntry | None:
    try:
        data = files.read_plain_file(path / DEVICE_NAME, MAX_FILE_BYTES)
    except FileNotFoundError:
        return None
    except files.UnsafeFile as exc:
        log.warning("vault.device is ignored: %s", exc.reason)
        return None
    except OSError:
        log.warning("vault.device cannot be read; ignored")
        return None
    try:
        return DeviceEntry.from_bytes(data)
    except ValueError:
        log.warning("vault.device is damaged; ignored")
        return None


__all__ = [
    "DEVICE_NAME",
    "SERVICE",
    "KeyringStatus",
    "delete_keyring_entry",
    "forget",
    "is_remembered",
    "keyring_status",
    "read_device_file",
    "remember",
    "unlock_remembered",
]
