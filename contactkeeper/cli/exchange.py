"""Command-line backups, imports and exports: ``backup create|verify|restore``, ``import``,
``export``. Registered by :mod:`contactkeeper.cli` (see its ``EXTENSIONS``).

Passphrases: the vault's comes from ``--passphrase-file``/``$CONTACTKEEPER_PASSPHRASE``/a
prompt, as for every subcommand; a backup's own passphrase from ``--backup-passphrase-file``,
``$CONTACTKEEPER_BACKUP_PASSPHRASE`` or a prompt. Progress goes to standard error.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contactkeeper import cli
from contactkeeper.cli import (
    add_vault_arguments,
    read_passphrase,
    read_passphrase_file,
    say,
    unlock_vault,
    vault_path,
)
from contactkeeper.errors import CommandLineError, RestoreNeedsConfirmation

if TYPE_CHECKING:
    from contactkeeper.exchange.backup import BackupReport
    from contactkeeper.exchange.replacement import Replacement

BACKUP_PASSPHRASE_ENV = "CONTACTKEEPER_BACKUP_PASSPHRASE"  # noqa: S105 (a variable name)
PLAINTEXT_FLAG = "--i-understand-this-is-plaintext"


def register(subparsers: Any) -> None:
    """Add ``backup``, ``import`` and ``export`` to the ``contactkeeper`` command."""
    _register_backup(subparsers)
    _register_import(subparsers)
    _register_export(subparsers)


def _register_backup(subparsers: Any) -> None:
    """``backup`` and its actions: ``create``, ``verify``, ``restore``, ``keygen``."""
    backup = subparsers.add_parser(
        "backup",
        help="make, verify or restore an encrypted backup",
        description="Encrypted backups in the age format (see docs/backup-format.md).",
    )
    actions = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    _register_backup_create(actions)
    _register_backup_verify(actions)
    _register_backup_restore(actions)
    _register_backup_keygen(actions)


def _register_backup_create(actions: Any) -> None:
    create = actions.add_parser(
        "create",
        help="write a new verified backup of the vault",
        description="Write a new, verified backup. FILE may be a folder: the backup then "
        "gets a neutral name of its own. An existing file is never overwritten.",
    )
    add_vault_arguments(create)
    create.add_argument("file", type=Path, metavar="FILE", help="the new backup file, or a folder")
    create.add_argument(
        "--recipient",
        action="append",
        default=[],
        metavar="KEY",
        help="encrypt to this age public key (age1...) instead of a passphrase; repeatable",
    )
    _backup_passphrase_argument(create)
    create.set_defaults(func=cmd_backup_create)


def _register_backup_verify(actions: Any) -> None:
    verify = actions.add_parser(
        "verify",
        help="check a backup completely, touching no vault",
        description="Check a backup's authenticity, completeness, manifest and database.",
    )
    verify.add_argument("file", type=Path, metavar="FILE", help="the backup file")
    _identity_argument(verify)
    _backup_passphrase_argument(verify)
    verify.set_defaults(func=cmd_backup_verify)


def _register_backup_restore(actions: Any) -> None:
    restore = actions.add_parser(
        "restore",
        help="restore a backup as the vault (the old vault is kept as .pre-restore)",
        description="Verify a backup, then restore it as the vault (--vault). A vault "
        "already there is kept, untouched, as <folder>.pre-restore. The restored vault gets "
        "a new passphrase (--passphrase-file, $CONTACTKEEPER_PASSPHRASE or a prompt).",
    )
    add_vault_arguments(restore)
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup file")
    _identity_argument(restore)
    _backup_passphrase_argument(restore)
    restore.add_argument(
        "--yes",
        action="store_true",
        help="replace the vault there without asking, even with a backup of a different "
        "vault or one older than the vault (else asked at a terminal, refused elsewhere)",
    )
    restore.set_defaults(func=cmd_backup_restore)


def _register_backup_keygen(actions: Any) -> None:
    keygen = actions.add_parser(
        "keygen",
        help="make a key pair for backups made for a key (like age-keygen)",
        description="Write a new age identity (secret key) to FILE, readable by you only, "
        "and print its public key: give that to whoever makes backups for you "
        "(backup create --recipient KEY), and keep FILE safe and away from the laptop.",
    )
    keygen.add_argument("file", type=Path, metavar="FILE", help="the new identity file")
    keygen.set_defaults(func=cmd_backup_keygen)


def _register_import(subparsers: Any) -> None:
    importing = subparsers.add_parser(
        "import",
        help="import actors from vCard or CSV (Google Contacts, Outlook)",
        description="Read a vCard (.vcf) or CSV file, print what would be created, likely "
        "duplicates and invalid entries, then import after confirmation. All or nothing "
        "unless --skip-invalid.",
    )
    add_vault_arguments(importing)
    importing.add_argument("file", type=Path, metavar="FILE", help="a .vcf or .csv file")
    importing.add_argument(
        "--skip-invalid", action="store_true", help="import the valid entries, skip the rest"
    )
    importing.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    importing.set_defaults(func=cmd_import)


def _register_export(subparsers: Any) -> None:
    exporting = subparsers.add_parser(
        "export",
        help="export records: json, csv, vcard, ics (follow-ups) or redacted",
        description="Write records to FILE. Every format but 'redacted' is in clear and "
        f"needs {PLAINTEXT_FLAG}.",
    )
    add_vault_arguments(exporting)
    exporting.add_argument(
        "--format",
        required=True,
        choices=("json", "csv", "vcard", "ics", "redacted"),
        help="what to write",
    )
    exporting.add_argument("file", type=Path, metavar="FILE", help="the new file")
    exporting.add_argument(
        PLAINTEXT_FLAG,
        dest="plaintext_ok",
        action="store_true",
        help="confirm that FILE will hold your records in clear",
    )
    exporting.set_defaults(func=cmd_export)


def _identity_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--identity",
        action="append",
        default=[],
        type=Path,
        metavar="KEYFILE",
        help="an age identity file (AGE-SECRET-KEY-1...) for a backup made for a key",
    )


def _backup_passphrase_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--backup-passphrase-file",
        type=Path,
        default=None,
        metavar="FILE",
        help=f"read the backup's passphrase from FILE (else ${BACKUP_PASSPHRASE_ENV}, "
        "else a prompt)",
    )


def _backup_passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    file: Path | None = args.backup_passphrase_file
    if file is not None:
        return read_passphrase_file(file)
    from_env = os.environ.get(BACKUP_PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    passphrase = _prompt("Backup passphrase: ")
    if confirm:
        from contactkeeper.vault import passphrases

        passphrases.check(passphrase, what="backup passphrase")  # before it is typed again
        if _prompt("Same backup passphrase again: ") != passphrase:
            raise CommandLineError("the two passphrases differ; nothing was written")
    return passphrase


def _prompt(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise CommandLineError(
            f"no backup passphrase given; type it at the prompt, or use "
            f"--backup-passphrase-file or ${BACKUP_PASSPHRASE_ENV}"
        ) from None


def _identities(args: argparse.Namespace) -> list[str]:
    from contactkeeper.exchange.backup import read_identity_file

    found: list[str] = []
    for path in args.identity:
        found += read_identity_file(path.expanduser())
    return found


class _Reporter:
    """Progress on standard error, which a question can interrupt."""

    def __init__(self, bar: Any, task: Any) -> None:
        self.bar = bar
        self.task = task

    def __call__(self, done: int, total: int) -> None:
        self.bar.update(self.task, completed=done, total=total)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """No bar drawn while the person reads and answers a question."""
        self.bar.stop()
        try:
            yield
        finally:
            self.bar.start()


@contextmanager
def _progress(label: str) -> Iterator[_Reporter]:
    """A progress bar on standard error (shown only on a terminal)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        yield _Reporter(bar, bar.add_task(label, total=None))


def _print_report(report: BackupReport, verb: str) -> None:
    made = report.created_at.astimezone().strftime("%Y-%m-%d %H:%M %Z")
    # The manifest's words come from the backup file: escaped like record text.
    say(f"{verb} {report.path}")
    say(f"  made {made} by ContactKeeper {report.app_version}, schema {report.schema_revision}")
    say("  " + ", ".join(f"{count} {name}" for name, count in report.counts.items()))
    say(f"  {report.schema_line}")


# -- backup ------------------------------------------------------------------------------


def cmd_backup_create(args: argparse.Namespace) -> int:
    from contactkeeper.exchange import backup

    target: Path = args.file.expanduser()
    if target.is_dir():
        target = target / backup.default_name(datetime.now(UTC))
    if target.parent.is_dir():
        backup.remove_stale_partials(target.parent)  # left by a backup that was cut short
    passphrase = None if args.recipient else _backup_passphrase(args, confirm=True)
    with unlock_vault(args) as vault, _progress("Backing up") as progress:
        report = backup.create_backup(
            vault, target, passphrase=passphrase, recipients=args.recipient, progress=progress
        )
    _print_report(report, "Wrote and verified")
    return 0


def _read_backup_secrets(args: argparse.Namespace) -> tuple[str | None, list[str]]:
    identities = _identities(args)
    if identities:
        return None, identities
    return _backup_passphrase(args, confirm=False), []


def cmd_backup_verify(args: argparse.Namespace) -> int:
    from contactkeeper.exchange import backup

    passphrase, identities = _read_backup_secrets(args)
    report = backup.verify_backup(args.file.expanduser(), passphrase, identities)
    _print_report(report, "The backup is complete and intact:")
    return 0


def cmd_backup_restore(args: argparse.Namespace) -> int:
    from contactkeeper.exchange import backup
    from contactkeeper.vault import files

    passphrase, identities = _read_backup_secrets(args)
    target = vault_path(args)
    if not target.absolute().parent.exists():  # a new laptop: no data folder yet
        files.make_private_dir(target.absolute().parent)
    new_passphrase = read_passphrase(
        args, confirm=True, prompt="Passphrase for the restored vault: "
    )
    with _progress("Restoring") as progress:

        def ask(replacing: Replacement) -> bool:
            if not interactive():
                return False
            with progress.paused():
                return _confirm(f"{replacing.question()}\nReplace it anyway? [y/N] ")

        try:
            report = backup.restore_backup(
                args.file.expanduser(),
                target,
                new_passphrase,
                passphrase=passphrase,
                identities=identities,
                progress=progress,
                confirmed=args.yes,
                ask=ask,
            )
        except RestoreNeedsConfirmation as exc:
            if interactive():
                raise CommandLineError("nothing was restored, and nothing was changed") from None
            raise CommandLineError(
                f"{exc.question} Nothing was changed; add --yes to replace it anyway."
            ) from None
    _print_report(report, "Restored")
    say(f"  into {target.absolute()}")
    kept = backup.pre_restore_path(target)
    if kept.exists():
        say(f"  the vault that was there is kept in {kept}; remove it once you are sure")
    return 0


def interactive() -> bool:
    """Is a person at the terminal to answer a question?"""
    return cli._interactive()


def cmd_backup_keygen(args: argparse.Namespace) -> int:
    from contactkeeper.exchange import backup
    from contactkeeper.vault import files

    target: Path = args.file.expanduser()
    if target.exists():
        raise CommandLineError(f"{target} already exists; choose a new file name")
    identity, recipient = backup.new_identity()
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = f"# created: {created}\n# public key: {recipient}\n{identity}\n"
    files.write_atomic(target, text.encode("ascii"))
    print(recipient)
    say(f"Public key above; the secret key is in {target} (keep it safe).", file=sys.stderr)
    return 0


# -- import ------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    from contactkeeper.exchange import importing

    with unlock_vault(args) as vault:
        plan = importing.plan_import(vault, args.file.expanduser())
        for line in importing.describe_plan(plan):
            say(line)
        if plan.invalid and not args.skip_invalid:
            print(
                "Nothing was imported: fix the entries above, or use --skip-invalid.",
                file=sys.stderr,
            )
            return 1
        if not plan.creates:
            print("Nothing to import.")
            return 0
        if not args.yes and not _confirm(f"Import {len(plan.creates)} actors? [y/N] "):
            print("Nothing was imported.")
            return 1
        created = importing.apply_import(vault, plan, skip_invalid=args.skip_invalid)
    print(f"Imported {len(created)} actors.")
    return 0


def _confirm(question: str) -> bool:
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes"}


# -- export ------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from contactkeeper.exchange import exporting

    if args.format in exporting.CLEAR_FORMATS and not args.plaintext_ok:
        raise CommandLineError(
            f"--format {args.format} writes your records in clear, readable by anyone who "
            f"gets the file; add {PLAINTEXT_FLAG} to go ahead (or use --format redacted). "
            "Nothing was written."
        )
    with unlock_vault(args) as vault:
        written = exporting.export(
            vault,
            args.format,
            args.file.expanduser(),
            i_understand_plaintext=args.plaintext_ok,
        )
    say(f"Wrote {written} records to {args.file}")
    if args.format != "redacted":
        print("This file is not encrypted: keep it safe and delete it when done.", file=sys.stderr)
    return 0


__all__ = ["register"]
