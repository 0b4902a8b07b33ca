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

from contactkeeper import cli, i18n
from contactkeeper.cli import (
    add_vault_arguments,
    counts_line,
    read_passphrase,
    read_passphrase_file,
    say,
    unlock_vault,
    vault_path,
)
from contactkeeper.errors import CommandLineError, RestoreNeedsConfirmation
from contactkeeper.i18n import _, ngettext

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
        help=_("make, verify or restore an encrypted backup"),
        description=_("Encrypted backups in the age format (see docs/backup-format.md)."),
    )
    actions = backup.add_subparsers(dest="backup_command", metavar=_("ACTION"), required=True)
    _register_backup_create(actions)
    _register_backup_verify(actions)
    _register_backup_restore(actions)
    _register_backup_keygen(actions)


def _register_backup_create(actions: Any) -> None:
    create = actions.add_parser(
        "create",
        help=_("write a new verified backup of the vault"),
        description=_(
            "Write a new, verified backup. FILE may be a folder: the backup then "
            "gets a neutral name of its own. An existing file is never overwritten."
        ),
    )
    add_vault_arguments(create)
    create.add_argument(
        "file", type=Path, metavar=_("FILE"), help=_("the new backup file, or a folder")
    )
    create.add_argument(
        "--recipient",
        action="append",
        default=[],
        metavar=_("KEY"),
        help=_("encrypt to this age public key (age1...) instead of a passphrase; repeatable"),
    )
    _backup_passphrase_argument(create)
    create.set_defaults(func=cmd_backup_create)


def _register_backup_verify(actions: Any) -> None:
    verify = actions.add_parser(
        "verify",
        help=_("check a backup completely, touching no vault"),
        description=_("Check a backup's authenticity, completeness, manifest and database."),
    )
    verify.add_argument("file", type=Path, metavar=_("FILE"), help=_("the backup file"))
    _identity_argument(verify)
    _backup_passphrase_argument(verify)
    verify.set_defaults(func=cmd_backup_verify)


def _register_backup_restore(actions: Any) -> None:
    restore = actions.add_parser(
        "restore",
        help=_("restore a backup as the vault (the old vault is kept as .pre-restore)"),
        description=_(
            "Verify a backup, then restore it as the vault (--vault). A vault "
            "already there is kept, untouched, as <folder>.pre-restore. The restored vault "
            "gets a new passphrase (--passphrase-file, $CONTACTKEEPER_PASSPHRASE or a prompt)."
        ),
    )
    add_vault_arguments(restore)
    restore.add_argument("file", type=Path, metavar=_("FILE"), help=_("the backup file"))
    _identity_argument(restore)
    _backup_passphrase_argument(restore)
    restore.add_argument(
        "--yes",
        action="store_true",
        help=_(
            "replace the vault there without asking, even with a backup of a different "
            "vault or one older than the vault (else asked at a terminal, refused elsewhere)"
        ),
    )
    restore.set_defaults(func=cmd_backup_restore)


def _register_backup_keygen(actions: Any) -> None:
    keygen = actions.add_parser(
        "keygen",
        help=_("make a key pair for backups made for a key (like age-keygen)"),
        description=_(
            "Write a new age identity (secret key) to FILE, readable by you only, "
            "and print its public key: give that to whoever makes backups for you "
            "(backup create --recipient KEY), and keep FILE safe and away from the laptop."
        ),
    )
    keygen.add_argument("file", type=Path, metavar=_("FILE"), help=_("the new identity file"))
    keygen.set_defaults(func=cmd_backup_keygen)


def _register_import(subparsers: Any) -> None:
    importing = subparsers.add_parser(
        "import",
        help=_("import actors from vCard or CSV (Google Contacts, Outlook)"),
        description=_(
            "Read a vCard (.vcf) or CSV file, print what would be created, likely "
            "duplicates and invalid entries, then import after confirmation. All or nothing "
            "unless --skip-invalid."
        ),
    )
    add_vault_arguments(importing)
    importing.add_argument("file", type=Path, metavar=_("FILE"), help=_("a .vcf or .csv file"))
    importing.add_argument(
        "--skip-invalid", action="store_true", help=_("import the valid entries, skip the rest")
    )
    importing.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    importing.set_defaults(func=cmd_import)


def _register_export(subparsers: Any) -> None:
    exporting = subparsers.add_parser(
        "export",
        help=_("export records: json, csv, vcard, ics (follow-ups) or redacted"),
        description=_(
            "Write records to FILE. Every format but 'redacted' is in clear and needs {flag}."
        ).format(flag=PLAINTEXT_FLAG),
    )
    add_vault_arguments(exporting)
    exporting.add_argument(
        "--format",
        required=True,
        choices=("json", "csv", "vcard", "ics", "redacted"),
        help=_("what to write"),
    )
    exporting.add_argument("file", type=Path, metavar=_("FILE"), help=_("the new file"))
    exporting.add_argument(
        PLAINTEXT_FLAG,
        dest="plaintext_ok",
        action="store_true",
        help=_("confirm that FILE will hold your records in clear"),
    )
    exporting.set_defaults(func=cmd_export)


def _identity_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--identity",
        action="append",
        default=[],
        type=Path,
        metavar=_("KEYFILE"),
        help=_("an age identity file (AGE-SECRET-KEY-1...) for a backup made for a key"),
    )


def _backup_passphrase_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--backup-passphrase-file",
        type=Path,
        default=None,
        metavar=_("FILE"),
        help=_("read the backup's passphrase from FILE (else ${variable}, else a prompt)").format(
            variable=BACKUP_PASSPHRASE_ENV
        ),
    )


def _backup_passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    file: Path | None = args.backup_passphrase_file
    if file is not None:
        return read_passphrase_file(file)
    from_env = os.environ.get(BACKUP_PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    passphrase = _prompt(_("Backup passphrase: "))
    if confirm:
        from contactkeeper.vault import passphrases

        passphrases.check(passphrase, what=_("backup passphrase"))  # before it is typed again
        if _prompt(_("Same backup passphrase again: ")) != passphrase:
            raise CommandLineError(_("the two passphrases differ; nothing was written"))
    return passphrase


def _prompt(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise CommandLineError(
            _(
                "no backup passphrase given; type it at the prompt, or use "
                "--backup-passphrase-file or ${variable}"
            ).format(variable=BACKUP_PASSPHRASE_ENV)
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


def _print_report(report: BackupReport, heading: str) -> None:
    """``heading`` names the backup's path as ``{path}``."""
    made = i18n.short_datetime(report.created_at)
    # The manifest's words come from the backup file: escaped like record text.
    say(heading.format(path=report.path))
    say(
        "  "
        + _("made {when} by ContactKeeper {version}, schema {revision}").format(
            when=made, version=report.app_version, revision=report.schema_revision
        )
    )
    say("  " + counts_line(report.counts))
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
    with unlock_vault(args) as vault, _progress(_("Backing up")) as progress:
        report = backup.create_backup(
            vault, target, passphrase=passphrase, recipients=args.recipient, progress=progress
        )
    _print_report(report, _("Wrote and verified {path}"))
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
    _print_report(report, _("The backup is complete and intact: {path}"))
    return 0


def cmd_backup_restore(args: argparse.Namespace) -> int:
    from contactkeeper.exchange import backup
    from contactkeeper.vault import files

    passphrase, identities = _read_backup_secrets(args)
    target = vault_path(args)
    if not target.absolute().parent.exists():  # a new laptop: no data folder yet
        files.make_private_dir(target.absolute().parent)
    new_passphrase = read_passphrase(
        args, confirm=True, prompt=_("Passphrase for the restored vault: ")
    )
    with _progress(_("Restoring")) as progress:

        def ask(replacing: Replacement) -> bool:
            if not interactive():
                return False
            with progress.paused():
                return _confirm(replacing.question() + "\n" + _("Replace it anyway? [y/N] "))

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
                raise CommandLineError(_("nothing was restored, and nothing was changed")) from None
            raise CommandLineError(
                _("{question} Nothing was changed; add --yes to replace it anyway.").format(
                    question=exc.question
                )
            ) from None
    _print_report(report, _("Restored {path}"))
    say("  " + _("into {path}").format(path=target.absolute()))
    kept = backup.pre_restore_path(target)
    if kept.exists():
        say(
            "  "
            + _("the vault that was there is kept in {path}; remove it once you are sure").format(
                path=kept
            )
        )
    return 0


def interactive() -> bool:
    """Is a person at the terminal to answer a question?"""
    return cli._interactive()


def cmd_backup_keygen(args: argparse.Namespace) -> int:
    from contactkeeper.exchange import backup
    from contactkeeper.vault import files

    target: Path = args.file.expanduser()
    if target.exists():
        raise CommandLineError(
            _("{path} already exists; choose a new file name").format(path=target)
        )
    identity, recipient = backup.new_identity()
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = f"# created: {created}\n# public key: {recipient}\n{identity}\n"
    files.write_atomic(target, text.encode("ascii"))
    print(recipient)
    say(
        _("Public key above; the secret key is in {path} (keep it safe).").format(path=target),
        file=sys.stderr,
    )
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
                _("Nothing was imported: fix the entries above, or use --skip-invalid."),
                file=sys.stderr,
            )
            return 1
        if not plan.creates:
            print(_("Nothing to import."))
            return 0
        wanted = len(plan.creates)
        question = ngettext("Import {n} actor? [y/N] ", "Import {n} actors? [y/N] ", wanted).format(
            n=i18n.number(wanted)
        )
        if not args.yes and not _confirm(question):
            print(_("Nothing was imported."))
            return 1
        created = importing.apply_import(vault, plan, skip_invalid=args.skip_invalid)
    print(
        ngettext("Imported {n} actor.", "Imported {n} actors.", len(created)).format(
            n=i18n.number(len(created))
        )
    )
    return 0


def _confirm(question: str) -> bool:
    try:
        answer = input(question)
    except EOFError:
        return False
    # Translators: the answers that mean yes to a "[y/N]" question, separated by "|"
    # (English ones are always understood too).
    yes = {word.strip() for word in _("y|yes").casefold().split("|")}
    return answer.strip().casefold() in yes | {"y", "yes"}


# -- export ------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from contactkeeper.exchange import exporting

    if args.format in exporting.CLEAR_FORMATS and not args.plaintext_ok:
        raise CommandLineError(
            _(
                "--format {format} writes your records in clear, readable by anyone who "
                "gets the file; add {flag} to go ahead (or use --format redacted). "
                "Nothing was written."
            ).format(format=args.format, flag=PLAINTEXT_FLAG)
        )
    with unlock_vault(args) as vault:
        written = exporting.export(
            vault,
            args.format,
            args.file.expanduser(),
            i_understand_plaintext=args.plaintext_ok,
        )
    say(
        ngettext("Wrote {n} record to {path}", "Wrote {n} records to {path}", written).format(
            n=i18n.number(written), path=args.file
        )
    )
    if args.format != "redacted":
        print(
            _("This file is not encrypted: keep it safe and delete it when done."),
            file=sys.stderr,
        )
    return 0


__all__ = ["register"]
