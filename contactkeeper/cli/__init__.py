"""The ``contactkeeper`` command: the desktop application, or a subcommand for scripts.

With no argument it starts the desktop application. Subcommands work on one vault
(``--vault PATH``, by default the user data folder) and read its passphrase from
``--passphrase-file FILE``, else from the environment variable ``CONTACTKEEPER_PASSPHRASE``,
else from a prompt (or, when standard input is not a terminal, from its next line).
Errors are one line on standard error, ``contactkeeper: <message>``, and exit status 1 (2 for
a usage mistake, 130 when interrupted); never a traceback for a mistake a person can fix.

Other modules add subcommands: each name in :data:`EXTENSIONS` is imported and its
``register(subparsers)`` called; a subcommand sets ``func=handler`` on its parser, where
``handler(args) -> int`` returns the exit status. They reuse :func:`add_vault_arguments`,
:func:`read_passphrase`, :func:`read_new_passphrase` and :func:`unlock_vault`.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from contactkeeper import __version__, i18n
from contactkeeper.errors import CommandLineError, ContactKeeperError
from contactkeeper.records import names
from contactkeeper.vault.locations import user_data_dir

if TYPE_CHECKING:
    from contactkeeper.vault import Vault

# The vault, the model and Alembic take a moment to import: commands import them when they
# run, so that ``--help``, ``--version`` and usage mistakes answer at once.

PASSPHRASE_ENV = "CONTACTKEEPER_PASSPHRASE"  # noqa: S105 (a variable name)
PROG = "contactkeeper"
MAX_PROBLEM_LINES = 20  # per check, in the output of ``check``
MAX_PASSPHRASE_FILE_BYTES = 4096

# Modules that add subcommands: each is imported and ``module.register(subparsers)`` called.
EXTENSIONS: tuple[str, ...] = (
    "contactkeeper.cli.exchange",
    "contactkeeper.cli.device",
    "contactkeeper.cli.network",
    "contactkeeper.cli.today",
)

Handler = Callable[[argparse.Namespace], int]


# -- helpers for every subcommand ------------------------------------------------------


def say(text: str = "", *, file: TextIO | None = None) -> None:
    """Print one line that may hold text from records or files, escaped so that it cannot
    drive the terminal (:func:`contactkeeper.records.names.printable`: ``\\x1b`` instead of ESC,
    ``\\u202e`` instead of a bidi override). Every subcommand prints such text with it."""
    print(names.printable(text), file=file)


def say_json(value: object) -> None:
    """Print ``value`` as JSON for scripts: every string in full, but with the characters
    :func:`say` escapes written as JSON escapes (``\\u001b``), never raw."""
    print(_json_escaped(json.dumps(value, indent=2, ensure_ascii=False)))


def _json_escaped(text: str) -> str:
    # json.dumps escapes C0 controls in strings itself; the line breaks left are its own
    # layout. Outside strings JSON is ASCII, so the rest can be escaped wherever it is.
    return "".join(c if c == "\n" or names.printable(c) == c else _json_escape(c) for c in text)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def default_vault_path() -> Path:
    """Where the vault lives unless ``--vault`` says otherwise (as in the desktop app)."""
    return user_data_dir() / "vault"


def default_demo_path() -> Path:
    """Where ``contactkeeper demo`` makes its vault, away from the real one."""
    return user_data_dir() / "demo-vault"


def add_vault_arguments(parser: argparse.ArgumentParser, default: Path | None = None) -> None:
    """``--vault PATH`` and ``--passphrase-file FILE``, as every vault subcommand takes."""
    parser.add_argument(
        "--vault",
        type=Path,
        default=default,
        metavar="PATH",
        help=f"the vault's folder (default: {default or default_vault_path()})",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=None,
        metavar="FILE",
        help=f"read the passphrase from FILE (else ${PASSPHRASE_ENV}, else a prompt)",
    )


def vault_path(args: argparse.Namespace) -> Path:
    path: Path | None = getattr(args, "vault", None)
    return (path if path is not None else default_vault_path()).expanduser()


def read_passphrase_file(path: Path) -> str:
    """The passphrase in ``path``: its text, without one trailing line break.

    At most :data:`MAX_PASSPHRASE_FILE_BYTES` are read, so that a device or a pipe that never
    ends (``/dev/zero``, a FIFO fed without end) is refused instead of filling the memory;
    a pipe that ends (``--passphrase-file <(pass show vault)``) is read to its end.
    """
    try:
        with open(path.expanduser(), "rb") as handle:
            data = handle.read(MAX_PASSPHRASE_FILE_BYTES + 1)
    except OSError as exc:
        raise CommandLineError(
            f"cannot read the passphrase file {path}: {exc.strerror or exc}"
        ) from None
    if len(data) > MAX_PASSPHRASE_FILE_BYTES:
        raise CommandLineError(
            f"the passphrase file {path} is too long to hold a passphrase (more than "
            f"{MAX_PASSPHRASE_FILE_BYTES} bytes); is it the right file?"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CommandLineError(f"the passphrase file {path} is not UTF-8 text") from None
    return text.removesuffix("\n").removesuffix("\r")


def read_passphrase(
    args: argparse.Namespace, *, confirm: bool = False, prompt: str = "Passphrase: "
) -> str:
    """The vault's passphrase: from ``--passphrase-file``, the environment, or a prompt.

    With ``confirm`` a prompted passphrase is checked for strength and asked twice.
    """
    from contactkeeper.vault import check_passphrase

    file: Path | None = getattr(args, "passphrase_file", None)
    if file is not None:
        return read_passphrase_file(file)
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    passphrase = _prompt(prompt)
    if confirm:
        check_passphrase(passphrase)
        if _prompt("Same passphrase again: ") != passphrase:
            raise CommandLineError("the two passphrases differ; nothing was changed")
    return passphrase


def read_new_passphrase(
    file: Path | None,
    *,
    prompt: str = "New passphrase: ",
    again: str = "Same new passphrase again: ",
) -> str:
    """A passphrase to set: from ``file`` if given, else typed twice; a weak one is refused."""
    from contactkeeper.vault import check_passphrase

    if file is not None:
        new = read_passphrase_file(file)
        check_passphrase(new)
        return new
    new = _prompt(prompt)
    check_passphrase(new)
    if _prompt(again) != new:
        raise CommandLineError("the two new passphrases differ; nothing was changed")
    return new


def unlock_vault(args: argparse.Namespace) -> Vault:
    """Unlock the vault named by ``--vault`` (one key derivation); the caller closes it."""
    from contactkeeper.vault import Vault

    return Vault.unlock(vault_path(args), read_passphrase(args))


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _prompt(prompt: str) -> str:
    """Ask at the terminal without echo; from a pipe, read the next line instead."""
    no_answer = CommandLineError(
        f"no passphrase given; type it at the prompt, or use --passphrase-file or ${PASSPHRASE_ENV}"
    )
    if not _interactive():
        line = sys.stdin.readline() if sys.stdin is not None else ""
        if not line:
            raise no_answer
        return line.removesuffix("\n").removesuffix("\r")
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise no_answer from None


# -- the subcommands -------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from contactkeeper.vault import Vault

    path = vault_path(args)
    passphrase = read_passphrase(args, confirm=True, prompt="New vault's passphrase: ")
    with Vault.create(path, passphrase) as vault:
        say(f"Created a vault in {vault.path}")
        say(f"Keep its passphrase safe: without it, nobody can open {vault.path.name}.")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from contactkeeper.vault import inventory, schema_head

    with unlock_vault(args) as vault:
        info = inventory.describe(vault)
        kdf = vault.kdf
    if args.json:
        body: dict[str, Any] = asdict(info)
        body["last_backup_at"] = info.last_backup_at.isoformat() if info.last_backup_at else None
        body["schema_head"] = schema_head()
        body["kdf"] = {
            "name": "argon2id",
            "memory_kib": kdf.memory_kib,
            "iterations": kdf.iterations,
            "lanes": kdf.lanes,
        }
        say_json(body)
        return 0
    head = schema_head()
    revision = info.schema_revision or "none"
    rows = [
        ("vault", info.path),
        ("vault id", info.vault_id),
        ("schema", f"{revision} (newest)" if revision == head else f"{revision} (newest: {head})"),
        (
            "key derivation",
            f"Argon2id, {kdf.memory_kib // 1024} MiB, {kdf.iterations} passes, {kdf.lanes} lanes",
        ),
        ("last backup", _local(info.last_backup_at) if info.last_backup_at else "never"),
    ]
    rows += [(name, str(count)) for name, count in info.counts.items()]
    width = max(len(name) for name, _ in rows) + 2
    for name, value in rows:
        say(f"{name + ':':<{width}}{value}")
    return 0


def _print_problems(title: str, problems: tuple[str, ...], failed: str = "FAILED") -> None:
    print(f"{title}: " + ("ok" if not problems else failed))
    for line in problems[:MAX_PROBLEM_LINES]:
        say(f"  {line}")
    if len(problems) > MAX_PROBLEM_LINES:
        print(f"  ... and {len(problems) - MAX_PROBLEM_LINES} more")


def cmd_check(args: argparse.Namespace) -> int:
    from contactkeeper.vault import index_repair

    with unlock_vault(args) as vault:
        if args.rebuild_index:
            rebuilt = index_repair.rebuild_search_index(vault)
            print(f"The search index was rebuilt from the records ({rebuilt.indexed} entries).")
        report = vault.check_integrity()
    _print_problems("SQLCipher page check", report.cipher_problems)
    _print_problems("SQLite integrity check", report.sqlite_problems)
    fks = report.foreign_key_problems
    print("Foreign keys: " + ("ok" if not fks else f"FAILED ({fks} broken references)"))
    _print_problems("Search index", report.search_index_problems, "DAMAGED")
    if report.schema_problems:
        _print_problems("Schema", report.schema_problems, "NOT what ContactKeeper makes")
    else:
        print(f"Schema: exactly as ContactKeeper makes it at revision {report.schema_revision}")
    if report.ok:
        print("The vault is intact.")
        return 0
    if report.search_index_problems:
        print(
            f"{PROG}: the search index is damaged; rebuild it from the records with "
            f"`{PROG} check --rebuild-index`, and if other checks still fail, restore the "
            "vault from a backup",
            file=sys.stderr,
        )
        return 1
    print(
        f"{PROG}: the vault is damaged; restore it from a backup and keep this copy for inspection",
        file=sys.stderr,
    )
    return 1


def cmd_passwd(args: argparse.Namespace) -> int:
    from contactkeeper.vault import Vault

    old = read_passphrase(args, prompt="Current passphrase: ")
    with Vault.unlock(vault_path(args), old) as vault:
        new = read_new_passphrase(args.new_passphrase_file)
        if not args.rekey:
            vault.change_passphrase(old, new)
    if args.rekey:
        from contactkeeper.protect.rekey import OLDER_COPIES, rekey_vault

        print("Re-encrypting the database under a new key…", file=sys.stderr)
        rekey_vault(vault_path(args), old, new).close()
        print(
            "The passphrase was changed and the database re-encrypted under a new database "
            "key: no earlier copy of vault.key opens it any more. This device no longer "
            f"remembers the vault. {OLDER_COPIES}"
        )
        return 0
    print("The passphrase was changed. The old one no longer opens this vault.")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from contactkeeper import records
    from contactkeeper.records import search

    if args.limit < 1:
        raise CommandLineError("--limit must be 1 or more")
    if args.reveal and args.privacy:
        raise CommandLineError("--reveal and --privacy contradict each other; choose one")
    # As in the desktop application: a high-risk actor goes by codename, without their
    # details (a real name still finds them), so that no terminal or log pairs a codename
    # with a name by accident; --privacy is privacy mode (everyone by codename, no words of
    # summaries); --reveal shows real names.
    if args.privacy:
        withheld = records.everyone_withheld
    elif args.reveal:
        withheld = records.nobody_withheld
    else:
        withheld = records.high_risk_withheld
    with unlock_vault(args) as vault:
        hits = search.search(
            vault,
            args.query,
            limit=args.limit,
            name=records.names_by(withheld),
            hide_text=args.privacy,
        )
    if args.json:
        say_json([asdict(hit) for hit in hits])
        return 0
    if not hits:
        print("No matches.", file=sys.stderr)
        return 0
    width = max(len(hit.kind) for hit in hits) + 2
    for hit in hits:
        line = f"{hit.kind:<{width}}{hit.title}"
        say(f"{line}  ({hit.subtitle})" if hit.subtitle else line)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from contactkeeper.demo import create_demo_vault
    from contactkeeper.vault import inventory

    path = vault_path(args)
    passphrase = read_passphrase(args, confirm=True, prompt="Demo vault's passphrase: ")
    with create_demo_vault(path, passphrase, datetime.now(UTC)) as vault:
        counts = inventory.counts(vault)
    say(f"Created a demo vault in {path} (an entirely fictional scenario):")
    print(", ".join(f"{count} {name}" for name, count in counts.items()))
    return 0


# -- the parser and main ---------------------------------------------------------------


def speak(language: str | None = None) -> str:
    """Answer in ``language``, or the chosen one (Settings, else the system's locale), and
    let argparse's own words (usage, errors) come from the same catalogue: argparse looks
    them up through the module-level ``_`` and ``ngettext`` it imported from gettext, which
    are pointed at ContactKeeper's translations here."""
    code = i18n.set_language(language)
    setattr(argparse, "_", i18n._)  # noqa: B010 - argparse's own lookup, rebound
    setattr(argparse, "ngettext", i18n.ngettext)  # noqa: B010
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A secure relationship manager for track-two diplomacy and mediation. "
        "With no command, starts the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str, handler: Handler, help_text: str, default: Path | None = None
    ) -> argparse.ArgumentParser:
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        add_vault_arguments(sub, default)
        sub.set_defaults(func=handler)
        return sub

    add("init", cmd_init, "create a new vault")
    info = add("info", cmd_info, "counts of every kind of record, schema version, last backup")
    info.add_argument("--json", action="store_true", help="print JSON")
    check = add("check", cmd_check, "check the vault's pages, structure and references")
    check.add_argument(
        "--rebuild-index",
        action="store_true",
        help="first make the search index again from the records (after damage to it)",
    )
    passwd = add("passwd", cmd_passwd, "change the vault's passphrase")
    passwd.add_argument(
        "--new-passphrase-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="read the new passphrase from FILE (else a prompt, twice)",
    )
    passwd.add_argument(
        "--rekey",
        action="store_true",
        help="also re-encrypt the database under a new key, so that no earlier copy of "
        "vault.key opens it (after a passphrase may have been given up)",
    )
    found = add("search", cmd_search, "full-text search, best matches first")
    found.add_argument("query", metavar="QUERY", help="words or beginnings of words")
    found.add_argument("--json", action="store_true", help="print JSON")
    found.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits")
    found.add_argument(
        "--privacy",
        action="store_true",
        help="as privacy mode: every actor by codename, no words of summaries "
        "(high-risk actors always go by codename)",
    )
    found.add_argument(
        "--reveal",
        action="store_true",
        help="show high-risk actors' real names too (by default only their codenames)",
    )
    add(
        "demo",
        cmd_demo,
        "create a new vault filled with a fictional scenario",
        default_demo_path(),
    )

    for name in EXTENSIONS:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None, desktop: Callable[[], int] | None = None) -> int:
    """Run the command line; returns the exit status.

    The process is hardened first of all (no core dumps, not dumpable, so no debugger of
    the same user attaches), before any passphrase is read or the desktop application
    starts: a crash during the first key derivation must not dump the passphrase. With no
    subcommand, ``desktop`` starts the desktop application (see :mod:`contactkeeper.launch`);
    without one, the usage is printed.
    """
    from contactkeeper.vault.hardening import disable_core_dumps

    disable_core_dumps()
    speak()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage mistakes (2), --help and --version (0)
        return exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        if desktop is None:
            parser.print_usage(sys.stderr)
            return 2
        return desktop()
    handler: Handler = args.func
    try:
        return handler(args)
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        return 130
    except ContactKeeperError as exc:
        say(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        say(f"{PROG}: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except Exception as exc:
        message = _database_failure(exc)
        if message is None:
            raise  # a bug: its traceback is what a report needs
        print(f"{PROG}: {message}", file=sys.stderr)
        return 1


def _database_failure(exc: Exception) -> str | None:
    """A database that cannot be read, in one line (never its SQL or its parameters)."""
    import sqlalchemy as sa
    import sqlcipher3

    if not isinstance(exc, sa.exc.DatabaseError | sqlcipher3.DatabaseError):
        return None
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return (
        f"the vault's database cannot be read ({detail}); run `{PROG} check` to see where, "
        "and restore the vault from a backup if it is damaged"
    )


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z")


__all__ = [
    "EXTENSIONS",
    "add_vault_arguments",
    "build_parser",
    "main",
    "read_new_passphrase",
    "read_passphrase",
    "read_passphrase_file",
    "say",
    "say_json",
    "unlock_vault",
    "vault_path",
]
