"""The ``contactkeeper`` command: the desktop application, or a subcommand for scripts.

With no argument it starts the desktop application. Subcommands work on one vault
(``--vault PATH``, by default the user data folder) and read its passphrase from
``--passphrase-file FILE``, else from the environment variable ``CONTACTKEEPER_PASSPHRASE``,
else from a prompt (or, when standard input is not a terminal, from its next line).
Errors are one line on standard error, ``contactkeeper: <message>``, and exit status 1 (2 for
a usage mistake, 130 when interrupted); never a traceback for a mistake a person can fix.

Every word is in the language chosen (:func:`speak`, called before the parser is built, so
that its help and argparse's own words are translated too). What a person typed goes into a
sentence without :func:`contactkeeper.i18n.isolate`: :func:`say` would show its invisible
direction marks escaped, and a terminal lays out mixed scripts by its own rules.

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
from contactkeeper.i18n import N_, _, ngettext
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
    "contactkeeper.cli.self_test",
    "contactkeeper.cli.team",
)

Handler = Callable[[argparse.Namespace], int]

# The kinds of record a vault's inventory (and a backup's manifest) counts, by their keys:
# the label of ``info``'s table, and the counted phrase of ``demo`` and the backup reports.
KIND_LABELS: dict[str, str] = {
    "actors": N_("actors"),
    "organizations": N_("organizations"),
    "affiliations": N_("affiliations"),
    "processes": N_("processes"),
    "channels": N_("channels"),
    "interactions": N_("interactions"),
    "relationships": N_("relationships"),
    "readiness cues": N_("readiness cues"),
    "follow-ups": N_("follow-ups"),
    "events": N_("events"),
    "transfers": N_("transfers"),
    "reviews": N_("reviews"),
}
_COUNTED: dict[str, Callable[[int], str]] = {
    "actors": lambda n: ngettext("{n} actor", "{n} actors", n),
    "organizations": lambda n: ngettext("{n} organization", "{n} organizations", n),
    "affiliations": lambda n: ngettext("{n} affiliation", "{n} affiliations", n),
    "processes": lambda n: ngettext("{n} process", "{n} processes", n),
    "channels": lambda n: ngettext("{n} channel", "{n} channels", n),
    "interactions": lambda n: ngettext("{n} interaction", "{n} interactions", n),
    "relationships": lambda n: ngettext("{n} relationship", "{n} relationships", n),
    "readiness cues": lambda n: ngettext("{n} readiness cue", "{n} readiness cues", n),
    "follow-ups": lambda n: ngettext("{n} follow-up", "{n} follow-ups", n),
    "events": lambda n: ngettext("{n} event", "{n} events", n),
    "transfers": lambda n: ngettext("{n} transfer", "{n} transfers", n),
    "reviews": lambda n: ngettext("{n} review", "{n} reviews", n),
}


def kind_label(name: str) -> str:
    """The kind of record ``name`` (an inventory key) as a label, in the current language
    (a kind this version does not know, from a newer backup's manifest, as written there)."""
    return _(KIND_LABELS[name]) if name in KIND_LABELS else name


def counted(name: str, count: int) -> str:
    """``count`` records of the kind ``name`` (an inventory key), in words: "1 actor",
    "3 actors", with the current language's plural and digits."""
    phrase = _COUNTED.get(name)
    if phrase is None:  # a kind from a newer backup's manifest: its own word
        return f"{i18n.number(count)} {name}"
    return phrase(count).format(n=i18n.number(count))


def counts_line(counts: dict[str, int]) -> str:
    """Every count of an inventory in one line: "12 actors, 1 process, ..."."""
    return _(", ").join(counted(name, count) for name, count in counts.items())


# -- helpers for every subcommand ------------------------------------------------------


def say(text: str = "", *, file: TextIO | None = None) -> None:
    """Print one line that may hold text from records or files, escaped so that it cannot
    drive the terminal (:func:`contactkeeper.records.names.printable`: ``\\x1b`` instead of ESC,
    ``\\u202e`` instead of a bidi override). Every subcommand prints such text with it."""
    from contactkeeper.records import names  # SQLAlchemy comes with it: not for the desktop

    print(names.printable(text), file=file)


def say_json(value: object) -> None:
    """Print ``value`` as JSON for scripts: every string in full, but with the characters
    :func:`say` escapes written as JSON escapes (``\\u001b``), never raw."""
    print(_json_escaped(json.dumps(value, indent=2, ensure_ascii=False)))


def _json_escaped(text: str) -> str:
    # json.dumps escapes C0 controls in strings itself; the line breaks left are its own
    # layout. Outside strings JSON is ASCII, so the rest can be escaped wherever it is.
    from contactkeeper.records import names  # SQLAlchemy comes with it: not for the desktop

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
        # Translators: placeholders in the usage line are written in capitals; the help
        # texts that name them ("read the passphrase from FILE") use the same words.
        metavar=_("PATH"),
        help=_("the vault's folder (default: {path})").format(path=default or default_vault_path()),
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=None,
        metavar=_("FILE"),
        help=_("read the passphrase from FILE (else ${variable}, else a prompt)").format(
            variable=PASSPHRASE_ENV
        ),
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
            _("cannot read the passphrase file {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    if len(data) > MAX_PASSPHRASE_FILE_BYTES:
        raise CommandLineError(
            _(
                "the passphrase file {path} is too long to hold a passphrase (more than "
                "{limit} bytes); is it the right file?"
            ).format(path=path, limit=i18n.number(MAX_PASSPHRASE_FILE_BYTES))
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CommandLineError(
            _("the passphrase file {path} is not UTF-8 text").format(path=path)
        ) from None
    return text.removesuffix("\n").removesuffix("\r")


def read_passphrase(
    args: argparse.Namespace, *, confirm: bool = False, prompt: str | None = None
) -> str:
    """The vault's passphrase: from ``--passphrase-file``, the environment, or a prompt
    (``prompt``, by default "Passphrase: ").

    With ``confirm`` a prompted passphrase is checked for strength and asked twice.
    """
    from contactkeeper.vault import check_passphrase

    file: Path | None = getattr(args, "passphrase_file", None)
    if file is not None:
        return read_passphrase_file(file)
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    passphrase = _prompt(_("Passphrase: ") if prompt is None else prompt)
    if confirm:
        check_passphrase(passphrase)
        if _prompt(_("Same passphrase again: ")) != passphrase:
            raise CommandLineError(_("the two passphrases differ; nothing was changed"))
    return passphrase


def read_new_passphrase(
    file: Path | None,
    *,
    prompt: str | None = None,
    again: str | None = None,
) -> str:
    """A passphrase to set: from ``file`` if given, else typed twice (``prompt`` and
    ``again``, by default "New passphrase: " and "Same new passphrase again: "); a weak one
    is refused."""
    from contactkeeper.vault import check_passphrase

    if file is not None:
        new = read_passphrase_file(file)
        check_passphrase(new)
        return new
    new = _prompt(_("New passphrase: ") if prompt is None else prompt)
    check_passphrase(new)
    if _prompt(_("Same new passphrase again: ") if again is None else again) != new:
        raise CommandLineError(_("the two new passphrases differ; nothing was changed"))
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
        _(
            "no passphrase given; type it at the prompt, or use --passphrase-file or ${variable}"
        ).format(variable=PASSPHRASE_ENV)
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
    passphrase = read_passphrase(args, confirm=True, prompt=_("New vault's passphrase: "))
    with Vault.create(path, passphrase) as vault:
        say(_("Created a vault in {path}").format(path=vault.path))
        say(
            _("Keep its passphrase safe: without it, nobody can open {name}.").format(
                name=vault.path.name
            )
        )
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
    # Translators: the schema revision of a vault that has none.
    revision = info.schema_revision or _("none")
    if revision == head:
        schema = _("{revision} (newest)").format(revision=revision)
    else:
        schema = _("{revision} (newest: {head})").format(revision=revision, head=head)
    derivation = _("Argon2id, {memory} MiB, {passes}, {lanes}").format(
        memory=i18n.number(kdf.memory_kib // 1024),
        passes=ngettext("{n} pass", "{n} passes", kdf.iterations).format(
            n=i18n.number(kdf.iterations)
        ),
        lanes=ngettext("{n} lane", "{n} lanes", kdf.lanes).format(n=i18n.number(kdf.lanes)),
    )
    rows = [
        (_("vault"), str(info.path)),
        (_("vault id"), info.vault_id),
        (_("schema"), schema),
        (_("key derivation"), derivation),
        (
            _("last backup"),
            # Translators: the last backup of a vault that was never backed up.
            _local(info.last_backup_at) if info.last_backup_at else _("never"),
        ),
    ]
    rows += [(kind_label(name), i18n.number(count)) for name, count in info.counts.items()]
    # Translators: a row of `contactkeeper info`: "schema: 0007 (newest)".
    labelled = [(_("{name}:").format(name=name), value) for name, value in rows]
    width = max(len(label) for label, _value in labelled) + 1
    for label, value in labelled:
        say(f"{label:<{width}}{value}")
    return 0


def _print_problems(title: str, problems: tuple[str, ...], failed: str | None = None) -> None:
    # Translators: a check of `contactkeeper check` and its result: "Search index: ok".
    result = _("ok") if not problems else (_("FAILED") if failed is None else failed)
    print(_("{check}: {result}").format(check=title, result=result))
    for line in problems[:MAX_PROBLEM_LINES]:
        say(f"  {line}")
    if len(problems) > MAX_PROBLEM_LINES:
        more = len(problems) - MAX_PROBLEM_LINES
        print(
            "  "
            + ngettext("... and {n} more", "... and {n} more", more).format(n=i18n.number(more))
        )


def cmd_check(args: argparse.Namespace) -> int:
    from contactkeeper.vault import index_repair

    with unlock_vault(args) as vault:
        if args.rebuild_index:
            rebuilt = index_repair.rebuild_search_index(vault)
            print(
                ngettext(
                    "The search index was rebuilt from the records ({n} entry).",
                    "The search index was rebuilt from the records ({n} entries).",
                    rebuilt.indexed,
                ).format(n=i18n.number(rebuilt.indexed))
            )
        report = vault.check_integrity()
    _print_problems(_("SQLCipher page check"), report.cipher_problems)
    _print_problems(_("SQLite integrity check"), report.sqlite_problems)
    fks = report.foreign_key_problems
    if fks:
        broken = ngettext(
            "FAILED ({n} broken reference)", "FAILED ({n} broken references)", fks
        ).format(n=i18n.number(fks))
    print(_("{check}: {result}").format(check=_("Foreign keys"), result=broken if fks else _("ok")))
    _print_problems(_("Search index"), report.search_index_problems, _("DAMAGED"))
    if report.schema_problems:
        _print_problems(_("Schema"), report.schema_problems, _("NOT what ContactKeeper makes"))
    else:
        print(
            _("Schema: exactly as ContactKeeper makes it at revision {revision}").format(
                revision=report.schema_revision
            )
        )
    if report.ok:
        print(_("The vault is intact."))
        return 0
    if report.search_index_problems:
        message = _(
            "the search index is damaged; rebuild it from the records with "
            "`{prog} check --rebuild-index`, and if other checks still fail, restore the "
            "vault from a backup"
        ).format(prog=PROG)
        print(f"{PROG}: {message}", file=sys.stderr)
        return 1
    message = _("the vault is damaged; restore it from a backup and keep this copy for inspection")
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1


def cmd_passwd(args: argparse.Namespace) -> int:
    from contactkeeper.vault import Vault

    old = read_passphrase(args, prompt=_("Current passphrase: "))
    with Vault.unlock(vault_path(args), old) as vault:
        new = read_new_passphrase(args.new_passphrase_file)
        if not args.rekey:
            vault.change_passphrase(old, new)
    if args.rekey:
        from contactkeeper.protect.rekey import OLDER_COPIES, rekey_vault

        print(_("Re-encrypting the database under a new key…"), file=sys.stderr)
        rekey_vault(vault_path(args), old, new).close()
        print(
            _(
                "The passphrase was changed and the database re-encrypted under a new database "
                "key: no earlier copy of vault.key opens it any more. This device no longer "
                "remembers the vault. {older_copies}"
            ).format(older_copies=_(OLDER_COPIES))
        )
        return 0
    print(_("The passphrase was changed. The old one no longer opens this vault."))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from contactkeeper import records
    from contactkeeper.records import search

    if args.limit < 1:
        raise CommandLineError(_("--limit must be 1 or more"))
    if args.reveal and args.privacy:
        raise CommandLineError(_("--reveal and --privacy contradict each other; choose one"))
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
        print(_("No matches."), file=sys.stderr)
        return 0
    width = max(len(hit.kind) for hit in hits) + 2
    for hit in hits:
        line = f"{hit.kind:<{width}}{hit.title}"
        say(f"{line}  ({hit.subtitle})" if hit.subtitle else line)
    if any(hit.among_recent for hit in hits):
        print(search.among_recent_note(args.query), file=sys.stderr)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from contactkeeper.demo import create_demo_vault
    from contactkeeper.vault import inventory

    path = vault_path(args)
    passphrase = read_passphrase(args, confirm=True, prompt=_("Demo vault's passphrase: "))
    with create_demo_vault(path, passphrase, datetime.now(UTC)) as vault:
        counts = inventory.counts(vault)
    say(_("Created a demo vault in {path} (an entirely fictional scenario):").format(path=path))
    print(counts_line(counts))
    return 0


# -- the parser and main ---------------------------------------------------------------


def speak(language: str | None = None) -> str:
    """Answer in ``language``, or the chosen one (Settings, else the system's locale), and
    let argparse's own words (usage, errors) come from the same catalogue: argparse looks
    them up through the module-level ``_`` and ``ngettext`` it imported from gettext, which
    are pointed at ContactKeeper's translations here. Call it before :func:`build_parser`:
    the parser's help texts are translated when it is built."""
    code = i18n.set_language(language)
    setattr(argparse, "_", i18n._)  # noqa: B010 - argparse's own lookup, rebound
    setattr(argparse, "ngettext", i18n.ngettext)  # noqa: B010
    return code


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, its help in the current language (call :func:`speak`
    first)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_(
            "A secure relationship manager for track-two diplomacy and mediation. "
            "With no command, starts the desktop application."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show program's version number and exit"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    def add(
        name: str, handler: Handler, help_text: str, default: Path | None = None
    ) -> argparse.ArgumentParser:
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        add_vault_arguments(sub, default)
        sub.set_defaults(func=handler)
        return sub

    add("init", cmd_init, _("create a new vault"))
    info = add("info", cmd_info, _("counts of every kind of record, schema version, last backup"))
    info.add_argument("--json", action="store_true", help=_("print JSON"))
    check = add("check", cmd_check, _("check the vault's pages, structure and references"))
    check.add_argument(
        "--rebuild-index",
        action="store_true",
        help=_("first make the search index again from the records (after damage to it)"),
    )
    passwd = add("passwd", cmd_passwd, _("change the vault's passphrase"))
    passwd.add_argument(
        "--new-passphrase-file",
        type=Path,
        default=None,
        metavar=_("FILE"),
        help=_("read the new passphrase from FILE (else a prompt, twice)"),
    )
    passwd.add_argument(
        "--rekey",
        action="store_true",
        help=_(
            "also re-encrypt the database under a new key, so that no earlier copy of "
            "vault.key opens it (after a passphrase may have been given up)"
        ),
    )
    found = add("search", cmd_search, _("full-text search, best matches first"))
    found.add_argument("query", metavar=_("QUERY"), help=_("words or beginnings of words"))
    found.add_argument("--json", action="store_true", help=_("print JSON"))
    found.add_argument("--limit", type=int, default=20, metavar="N", help=_("at most N hits"))
    found.add_argument(
        "--privacy",
        action="store_true",
        help=_(
            "as privacy mode: every actor by codename, no words of summaries "
            "(high-risk actors always go by codename)"
        ),
    )
    found.add_argument(
        "--reveal",
        action="store_true",
        help=_("show high-risk actors' real names too (by default only their codenames)"),
    )
    add(
        "demo",
        cmd_demo,
        _("create a new vault filled with a fictional scenario"),
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
        print(f"\n{PROG}: " + _("interrupted"), file=sys.stderr)
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
    return _(
        "the vault's database cannot be read ({detail}); run `{prog} check` to see where, "
        "and restore the vault from a backup if it is damaged"
    ).format(detail=detail, prog=PROG)


def _local(moment: datetime) -> str:
    return i18n.short_datetime(moment)


__all__ = [
    "EXTENSIONS",
    "add_vault_arguments",
    "build_parser",
    "counted",
    "counts_line",
    "kind_label",
    "main",
    "read_new_passphrase",
    "read_passphrase",
    "read_passphrase_file",
    "say",
    "say_json",
    "unlock_vault",
    "vault_path",
]
