"""Command-line protection of the vault on this device: ``remember``, ``forget-device``,
``destroy`` and ``self-test``. Registered by :mod:`contactkeeper.cli` (its ``EXTENSIONS``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from contactkeeper.cli import add_vault_arguments, unlock_vault, vault_path
from contactkeeper.errors import CommandLineError
from contactkeeper.i18n import _

DESTROY_WORD = "destroy"


def register(subparsers: Any) -> None:
    """Add ``remember``, ``forget-device``, ``destroy`` and ``self-test``."""
    remember = subparsers.add_parser(
        "remember",
        help=_("let this device unlock the vault without its passphrase (OS keyring)"),
        description=_(
            "Store the vault's key in this device's keyring, wrapped for this "
            "device, so that the desktop application opens it without the passphrase. Anyone "
            "logged in as you can then open it: forget the device before travelling."
        ),
    )
    add_vault_arguments(remember)
    remember.set_defaults(func=cmd_remember)

    forget = subparsers.add_parser(
        "forget-device",
        help=_("forget the key this device remembers (the passphrase is needed again)"),
        description=_(
            "Delete the key this device remembers for the vault, from the vault's "
            "folder and from the keyring. The vault and its passphrase are not changed."
        ),
    )
    add_vault_arguments(forget)
    forget.set_defaults(func=cmd_forget_device)

    destroy = subparsers.add_parser(
        "destroy",
        help=_("destroy the vault for good (its key first, then its folder)"),
        description=_(
            "Overwrite and delete the vault's key file and this device's key, then "
            "delete its folder (and the earlier version a restore kept beside it). Nobody can "
            "open the vault afterwards, with or without the passphrase. Backups are separate "
            "files and are NOT affected."
        ),
    )
    add_vault_arguments(destroy)
    destroy.add_argument(
        "--confirm",
        default=None,
        metavar=_("WORD"),
        help=_("the word '{word}', to skip the typed confirmation (for scripts)").format(
            word=DESTROY_WORD
        ),
    )
    destroy.set_defaults(func=cmd_destroy)


def cmd_remember(args: argparse.Namespace) -> int:
    from contactkeeper.errors import KeyringUnavailable
    from contactkeeper.protect import device

    status = device.keyring_status()
    if not status.usable:
        raise KeyringUnavailable(status.reason)
    with unlock_vault(args) as vault:
        device.remember(vault)
    print(_("This device now opens {path} without the passphrase.").format(path=vault.path))
    return 0


def cmd_forget_device(args: argparse.Namespace) -> int:
    import os

    from contactkeeper.protect import device

    path = vault_path(args)
    shown = path
    if not os.path.lexists(path / device.DEVICE_NAME):
        print(_("This device does not remember {path}; nothing to forget.").format(path=shown))
        return 0
    valid = device.read_device_file(path) is not None
    removed = device.forget(path)
    if not valid:
        print(
            _(
                "This device does not remember {path}: its vault.device was not a valid key "
                "of this device, and was removed."
            ).format(path=shown)
        )
    elif removed:
        print(_("This device no longer remembers {path}.").format(path=shown))
    else:
        print(
            _(
                "This device no longer remembers {path}. The keyring could not be reached; "
                "the secret left there opens nothing on its own."
            ).format(path=shown)
        )
    return 0


def cmd_destroy(args: argparse.Namespace) -> int:
    from contactkeeper.errors import NotAVault
    from contactkeeper.protect.destroy import destroy_vault, holds_a_vault

    path = vault_path(args)
    shown = path
    if not holds_a_vault(path):
        raise NotAVault(path, _("it holds no vault.key, vault.db or vault.device to destroy"))
    answer = args.confirm
    if answer is None:
        print(
            _(
                "This destroys the vault in {path} for good: nobody can open it afterwards, "
                "even with the passphrase. Backups are not affected."
            ).format(path=shown),
            file=sys.stderr,
        )
        try:
            # Translators: the word stays as it is: it is what the person must type.
            answer = input(_("Type '{word}' to go ahead: ").format(word=DESTROY_WORD))
        except EOFError:
            answer = ""
    if answer.strip() != DESTROY_WORD:
        raise CommandLineError(
            _("not confirmed (type '{word}'); nothing was changed").format(word=DESTROY_WORD)
        )
    report = destroy_vault(path)
    if not report.key_file_destroyed:
        raise CommandLineError(
            _(
                "the key file in {path} could not be destroyed ({reasons}); delete it by hand, "
                "or the vault may still open with its passphrase"
            ).format(path=shown, reasons="; ".join(report.left_behind))
        )
    print(_("The vault in {path} was destroyed.").format(path=shown))
    for folder in report.also_destroyed:
        print(_("The earlier version kept in {folder} was destroyed too.").format(folder=folder))
    if not report.keyring_entry_removed and "vault.device" in report.shredded:
        print(_("The keyring could not be reached; the secret left there opens nothing."))
    for line in report.left_behind:
        print(_("Left behind: {what}").format(what=line))
    return 0


__all__ = ["register"]
