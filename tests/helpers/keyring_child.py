"""The inside of tests/integration/test_real_keyring.py, run under ``dbus-run-session``.

Usage: ``python -m tests.helpers.keyring_child VAULT_DIR`` with HOME and the XDG folders
pointing into the test's temporary folder. It starts gnome-keyring's Secret Service on the
private session bus (its login keyring unlocked with a test password fed on stdin), then
walks remember -> unlock without passphrase -> forget through ContactKeeper's public API,
then the same with the keyring locked (its unlock prompt cannot be shown), and prints
what it saw as one JSON object on stdout. The parent test asserts on it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import secretstorage
from jeepney import MatchRule, message_bus
from jeepney.io.blocking import open_dbus_connection
from keyring.backends import SecretService

from contactkeeper.errors import KeyringUnavailable
from contactkeeper.protect import device
from contactkeeper.records import actors
from contactkeeper.vault import Vault
from contactkeeper.vault.keyfile import KdfParams
from tests.conftest import FAST_KDF, PASSPHRASE

KEYRING_PASSWORD = b"login password of the test user"
SECRETS_BUS_NAME = "org.freedesktop.secrets"
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def start_secret_service() -> subprocess.Popen[bytes]:
    """Start gnome-keyring-daemon and return once it owns the Secret Service bus name.

    Waits for the bus's NameOwnerChanged signal (an event, not a sleep); gives up after
    30 s so a broken daemon fails the test instead of hanging it.
    """
    with open_dbus_connection(bus="SESSION") as bus:
        rule = MatchRule(
            type="signal",
            sender=message_bus.bus_name,
            interface=message_bus.interface,
            member="NameOwnerChanged",
            path=message_bus.object_path,
        )
        rule.add_arg_condition(0, SECRETS_BUS_NAME)
        bus.send_and_get_reply(message_bus.AddMatch(rule))
        with bus.filter(rule) as queue:
            daemon = subprocess.Popen(
                ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--foreground"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            assert daemon.stdin is not None
            daemon.stdin.write(KEYRING_PASSWORD)
            daemon.stdin.close()
            bus.recv_until_filtered(queue, timeout=30)
    return daemon


def our_items() -> list[tuple[dict[str, str], bytes]]:
    """Every Secret Service item ContactKeeper stored, read behind its back."""
    with closing(secretstorage.dbus_init()) as bus:
        collection = secretstorage.get_default_collection(bus)
        return [
            (item.get_attributes(), item.get_secret())
            for item in collection.search_items({"service": device.SERVICE})
        ]


def no_kdf(*args: object) -> bytes:
    raise AssertionError("the passphrase's key derivation ran")


def walk(vault_dir: Path) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    backend = SecretService.Keyring()
    keyring.set_keyring(backend)
    status = device.keyring_status()
    seen["status"] = [status.usable, status.reason]

    vault = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    actors.create_actor(vault, actors.NewActor(display_name="Amira Haddad"), NOW)
    db_key_hex = vault.database_key().hex()
    device.remember(vault)
    vault.close()
    seen["remembered"] = device.is_remembered(vault_dir)
    items = our_items()
    seen["items_after_remember"] = len(items)
    seen["key_in_keyring"] = any(
        db_key_hex.encode() in secret.lower() or bytes.fromhex(db_key_hex) in secret
        for _, secret in items
    )

    real_derive = KdfParams.derive
    KdfParams.derive = no_kdf  # type: ignore[method-assign]
    try:
        reopened = device.unlock_remembered(vault_dir)
    finally:
        KdfParams.derive = real_derive  # type: ignore[method-assign]
    seen["unlocked"] = reopened is not None
    if reopened is not None:
        with reopened:
            seen["names"] = [a.display_name for a in actors.list_actors(reopened, NOW)]

    seen["forgot"] = device.forget(vault_dir)
    seen["remembered_after_forget"] = device.is_remembered(vault_dir)
    seen["items_after_forget"] = len(our_items())
    seen["unlock_after_forget"] = device.unlock_remembered(vault_dir) is not None

    # A locked keyring whose unlock prompt cannot be shown (no display here: as if the
    # user dismissed it) means "use the passphrase", with a reason.
    with Vault.unlock(vault_dir, PASSPHRASE) as again:
        device.remember(again)
    lock_default_collection()
    locked = device.keyring_status()
    seen["locked_status"] = [locked.usable, locked.reason]
    try:
        device.unlock_remembered(vault_dir)
        seen["locked_unlock"] = "opened"
    except KeyringUnavailable as exc:
        seen["locked_unlock"] = str(exc)
    seen["locked_forget"] = device.forget(vault_dir)
    seen["device_file_after_locked_forget"] = (vault_dir / device.DEVICE_NAME).exists()
    return seen


def lock_default_collection() -> None:
    with closing(secretstorage.dbus_init()) as bus:
        collection = secretstorage.get_default_collection(bus)
        collection.lock()
        assert collection.is_locked()


def main() -> None:
    daemon = start_secret_service()
    try:
        print(json.dumps(walk(Path(sys.argv[1]))))
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)


if __name__ == "__main__":
    main()
