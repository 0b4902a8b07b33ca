"""Command-line protection of the vault on this device: ``remember``, ``forget-device``,
``destroy`` and ``self-test``. Registered by :mod:`contactkeeper.cli` (its ``EXTENSIONS``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from contactkeeper.cli import add_vault_arguments, unlock_vault, vault_path
from contactkeeper.errors import CommandLineError

DESTROY_WORD = "destroy"


def register(subparsers: Any) -> None:
    """Add ``remember``, ``forget-device``, ``destroy`` and ``self-test``."""
    remember = subparsers.add_parser(
        "remember",
        help="let this device unlock the vault without its passphrase (OS keyring)",
        description="Store the vault's key in this device's keyring, wrapped for this "
        "device, so that the desktop application opens it without the passphrase. Anyone "
        "logged in as you can then open it: forget the device before travelling.",
    )
    add_vault_arguments(remember)
    remember.set_defaults(func=cmd_remember)

    forget = subparsers.add_parser(
        "forget-device",
        help="forget the key this device remembers (the passphrase is needed again)",
        description="Delete the key this device remembers for the vault, from the vault's "
        "folder and from the keyring. The vault and its passphrase are not changed.",
    )
    add_vault_arguments(forget)
    forget.set_defaults(func=cmd_forget_device)

    destroy = subparsers.add_parser(
        "destroy",
        help="destroy the vault for good (its key first, then its folder)",
        description="Overwrite and delete the vault's key file and this device's key, then "
        "delete its folder (and the earlier version a restore kept beside it). Nobody can "
        "open the vault afterwards, with or without the passphrase. Backups are separate "
        "files and are NOT affected.",
    )
    add_vault_arguments(destroy)
    destroy.add_argument(
        "--confirm",
        default=None,
        metavar="WORD",
        help=f"the word '{DESTROY_WORD}', to skip the typed confirmation (for scripts)",
    )
    destroy.set_defaults(func=cmd_destroy)

    self_test = subparsers.add_parser(
        "self-test",
        help="check the encryption libraries (SQLCipher, Argon2id, AES-GCM)",
        description="Check that the encryption libraries are the expected ones and give the "
        "known answers; exit status 1 if any check fails.",
    )
    self_test.set_defaults(func=cmd_self_test)


def cmd_remember(args: argparse.Namespace) -> int:
    from contactkeeper.errors import KeyringUnavailable
    from contactkeeper.protect import device

    status = device.keyring_status()
    if not status.usable:
        raise KeyringUnavailable(status.reason)
    with unlock_vault(args) as vault:
        device.remember(vault)
    print(f"This device now opens {vault.path} without the passphrase.")
    return 0


def cmd_forget_device(args: argparse.Namespace) -> int:
    import os

    from contactkeeper.protect import device

    path = vault_path(args)
    if not os.path.lexists(path / device.DEVICE_NAME):
        print(f"This device does not remember {path}; nothing to forget.")
        return 0
    valid = device.read_device_file(path) is not None
    removed = device.forget(path)
    if not valid:
        print(
            f"This device does not remember {path}: its vault.device was not a valid key "
            "of this device, and was removed."
        )
    elif removed:
        print(f"This device no longer remembers {path}.")
    else:
        print(
            f"This device no longer remembers {path}. The keyring could not be reached; "
            "the secret left there opens nothing on its own."
        )
    return 0


def cmd_destroy(args: argparse.Namespace) -> int:
    from contactkeeper.errors import NotAVault
    from contactkeeper.protect.destroy import destroy_vault, holds_a_vault

    path = vault_path(args)
    if not holds_a_vault(path):
        raise NotAVault(path, "it holds no vault.key, vault.db or vault.device to destroy")
    answer = args.confirm
    if answer is None:
        print(
            f"This destroys the vault in {path} for good: nobody can open it afterwards, "
            "even with the passphrase. Backups are not affected.",
            file=sys.stderr,
        )
        try:
            answer = input(f"Type '{DESTROY_WORD}' to go ahead: ")
        except EOFError:
            answer = ""
    if answer.strip() != DESTROY_WORD:
        raise CommandLineError(f"not confirmed (type '{DESTROY_WORD}'); nothing was changed")
    report = destroy_vault(path)
    if not report.key_file_destroyed:
        raise CommandLineError(
            f"the key file in {path} could not be destroyed ("
            + "; ".join(report.left_behind)
            + "); delete it by hand, or the vault may still open with its passphrase"
        )
    print(f"The vault in {path} was destroyed.")
    for folder in report.also_destroyed:
        print(f"The earlier version kept in {folder} was destroyed too.")
    if not report.keyring_entry_removed and "vault.device" in report.shredded:
        print("The keyring could not be reached; the secret left there opens nothing.")
    for line in report.left_behind:
        print(f"Left behind: {line}")
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    from contactkeeper.vault.hardening import self_test

    report = self_test()
    for check in report.checks:
        print(f"{'ok  ' if check.ok else 'FAIL'} {check.name}: {check.detail}")
    return 0 if report.ok else 1


__all__ = ["register"]
