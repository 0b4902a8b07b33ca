"""Command-line exchange with colleagues: ``exchange card|add-colleague|colleagues|export|
import``. Registered by :mod:`contactkeeper.cli` (see its ``EXTENSIONS``).

A script can keep a folder in step with colleagues (a Syncthing folder, a USB stick):
``exchange export ... --output FOLDER/out.ckbundle`` and, for each file received,
``exchange import FILE --yes`` (a bundle already received changes nothing and is not an
error).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contactkeeper import i18n
from contactkeeper.cli import add_vault_arguments, say, say_json, unlock_vault
from contactkeeper.errors import BundleAlreadyReceived, CommandLineError
from contactkeeper.i18n import _, ngettext

if TYPE_CHECKING:
    from contactkeeper.exchange.team.sharing import MergePreview, SharePreview

MAX_CARD_INPUT = 4096
# The kinds of records ``export --kinds`` takes: the values of sharing.RecordKind, written
# out so that building the parser imports nothing of the exchange package (a test checks
# they agree).
KINDS = ("profile", "channels", "interactions", "cues", "follow_ups", "events")


def register(subparsers: Any) -> None:
    """Add ``exchange`` and its actions to the ``contactkeeper`` command."""
    exchange = subparsers.add_parser(
        "exchange",
        help=_("exchange records with colleagues as signed, encrypted bundle files"),
        description=_(
            "Exchange records with colleagues as files any channel can carry: each bundle "
            "is encrypted to the colleagues chosen and signed by this vault "
            "(see docs/exchange-format.md)."
        ),
    )
    actions = exchange.add_subparsers(dest="exchange_command", metavar=_("ACTION"), required=True)

    card = actions.add_parser(
        "card",
        help=_("show this vault's colleague card and its fingerprint"),
        description=_(
            "Show this vault's colleague card, to give to colleagues, and its fingerprint, "
            "to read aloud to them. The keys are made on first use."
        ),
    )
    add_vault_arguments(card)
    card.add_argument("--name", metavar=_("NAME"), help=_("put NAME on the card (kept)"))
    card.add_argument("--qr", action="store_true", help=_("also draw the card as a QR code"))
    card.set_defaults(func=cmd_card)

    add = actions.add_parser(
        "add-colleague",
        help=_("add a colleague from their card"),
        description=_(
            "Add a colleague from their card (a file, or standard input). Read the "
            "fingerprint shown aloud together with them before you confirm."
        ),
    )
    add_vault_arguments(add)
    add.add_argument(
        "card_file",
        nargs="?",
        type=Path,
        metavar=_("FILE"),
        help=_("the card (default: standard input)"),
    )
    add.add_argument("--name", metavar=_("NAME"), help=_("call the colleague NAME"))
    add.add_argument(
        "--yes",
        action="store_true",
        help=_("do not ask: the fingerprint was already confirmed (for scripts)"),
    )
    add.set_defaults(func=cmd_add_colleague)

    listing = actions.add_parser("colleagues", help=_("list your colleagues"))
    add_vault_arguments(listing)
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(func=cmd_colleagues)

    _register_export(actions)
    _register_import(actions)


def _register_export(actions: Any) -> None:
    export = actions.add_parser(
        "export",
        help=_("write a bundle of records for colleagues"),
        description=_(
            "Write a bundle of a process with its participants, or of chosen actors, "
            "encrypted to the colleagues named. High-risk actors, private notes and what "
            "the attribution rule forbids are left out unless included; the preview says so."
        ),
    )
    add_vault_arguments(export)
    export.add_argument(
        "--process",
        action="append",
        default=[],
        metavar=_("PROCESS"),
        help=_("share this process (name or number) with its participants; repeatable"),
    )
    export.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar=_("ACTOR"),
        help=_("share this actor (name, codename or number); repeatable"),
    )
    export.add_argument(
        "--kinds",
        default=",".join(KINDS),
        metavar=_("KINDS"),
        help=_("the kinds of records, separated by commas (default: all: {kinds})").format(
            kinds=",".join(KINDS)
        ),
    )
    export.add_argument(
        "--to",
        action="append",
        default=[],
        required=True,
        metavar=_("COLLEAGUE"),
        help=_("a colleague to share with (name, or the start of the fingerprint); repeatable"),
    )
    export.add_argument(
        "--include-high-risk", action="store_true", help=_("include high-risk actors")
    )
    export.add_argument(
        "--include-private-notes", action="store_true", help=_("include private notes")
    )
    export.add_argument(
        "--include-restricted",
        action="store_true",
        help=_("include what the attribution rule keeps from being passed on"),
    )
    export.add_argument(
        "--output",
        "-o",
        type=Path,
        required=True,
        metavar=_("FILE"),
        help=_("the bundle file to write (never overwritten)"),
    )
    export.add_argument(
        "--dry-run", action="store_true", help=_("show the preview only; write nothing")
    )
    export.set_defaults(func=cmd_export)


def _register_import(actions: Any) -> None:
    receive = actions.add_parser(
        "import",
        help=_("receive a bundle from a colleague"),
        description=_(
            "Check a bundle (sender, recipients, signature, not received before), show what "
            "is new, changed or in conflict, and write it only when accepted."
        ),
    )
    add_vault_arguments(receive)
    receive.add_argument("file", type=Path, metavar=_("FILE"), help=_("the bundle file"))
    receive.add_argument(
        "--dry-run", action="store_true", help=_("show the preview only; write nothing")
    )
    receive.add_argument(
        "--yes", action="store_true", help=_("accept without asking (for scripts)")
    )
    receive.set_defaults(func=cmd_import)


# -- the actions ------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


def _ask(question: str) -> bool:
    """Ask a yes/no question at the terminal; False when nobody can answer."""
    if sys.stdin is None or not sys.stdin.isatty():
        return False
    try:
        answer = input(question + " ")
    except EOFError:
        return False
    return answer.strip().casefold() in {_("y"), _("yes"), "y", "yes"}


def cmd_card(args: argparse.Namespace) -> int:
    from contactkeeper.exchange.team import identity

    with unlock_vault(args) as vault:
        card = identity.set_card_name(vault, args.name) if args.name else identity.own_card(vault)
    sys.stdout.write(card.text())
    print()
    say(
        _("Fingerprint (read it aloud with your colleague): {fingerprint}").format(
            fingerprint=card.fingerprint
        )
    )
    if args.qr:
        print()
        sys.stdout.write(identity.qr_terminal(card.text()))
    return 0


def _read_card_text(path: Path | None) -> str:
    from contactkeeper.vault import files

    if path is None or str(path) == "-":
        if sys.stdin is None:
            raise CommandLineError(_("no card given: name a file, or pipe the card in"))
        text = sys.stdin.read(MAX_CARD_INPUT + 1)
        if len(text) > MAX_CARD_INPUT:
            raise CommandLineError(_("the text given is far longer than a colleague card"))
        return text
    try:
        data = files.read_plain_file(path, MAX_CARD_INPUT)
    except files.UnsafeFile as exc:
        raise CommandLineError(
            _("cannot read the card {path}: {reason}").format(path=path, reason=exc.reason)
        ) from None
    except OSError as exc:
        raise CommandLineError(
            _("cannot read the card {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise CommandLineError(_("the card {path} is not UTF-8 text").format(path=path)) from None


def cmd_add_colleague(args: argparse.Namespace) -> int:
    from contactkeeper.exchange.team import colleagues, identity

    with unlock_vault(args) as vault:
        card = identity.parse_card(_read_card_text(args.card_file))
        name = args.name if args.name else card.name
        say(_("Colleague: {name}").format(name=name or _("(no name)")))
        say(_("Fingerprint: {fingerprint}").format(fingerprint=card.fingerprint))
        if not args.yes:
            say(
                _(
                    "Read this fingerprint aloud with your colleague (in person or on a call): "
                    "their ContactKeeper shows theirs under File > Exchange > Colleagues, or "
                    "with `contactkeeper exchange card`."
                )
            )
            if not _ask(_("Is it the same, digit for digit? [y/N]")):
                print(_("Nothing was added."), file=sys.stderr)
                return 1
        added = colleagues.add_colleague(vault, card, now=_now(), name=args.name)
    say(_("Added {name} as a colleague.").format(name=added.name))
    return 0


def cmd_colleagues(args: argparse.Namespace) -> int:
    from contactkeeper.exchange.team import colleagues, envelope

    with unlock_vault(args) as vault:
        found = colleagues.list_colleagues(vault)
        received = {c.id: envelope.received_count(vault, c.id) for c in found}
    if args.json:
        say_json(
            [
                {
                    "name": c.name,
                    "fingerprint": c.fingerprint,
                    "age": c.age_recipient,
                    "ed25519": c.verify_key,
                    "added_at": c.added_at.isoformat(),
                    "confirmed_at": c.confirmed_at.isoformat() if c.confirmed_at else None,
                    "bundles_received": received[c.id],
                }
                for c in found
            ]
        )
        return 0
    if not found:
        print(
            _("No colleagues yet. Add one with `contactkeeper exchange add-colleague`."),
            file=sys.stderr,
        )
        return 0
    for c in found:
        say(
            _("{name}  {fingerprint}  (added {date}; {received})").format(
                name=c.name,
                fingerprint=c.fingerprint,
                date=i18n.short_date(c.added_at),
                received=ngettext(
                    "{n} bundle received", "{n} bundles received", received[c.id]
                ).format(n=i18n.number(received[c.id])),
            )
        )
    return 0


def _print_share_preview(preview: SharePreview) -> None:
    for line in preview.lines():
        say(line)


def _print_merge_preview(preview: MergePreview) -> None:
    for line in preview.lines():
        say(line)


def cmd_export(args: argparse.Namespace) -> int:
    from contactkeeper.exchange.team import bundles, colleagues
    from contactkeeper.exchange.team.sharing import RecordKind, Selection

    try:
        kinds = frozenset(RecordKind(k.strip()) for k in args.kinds.split(",") if k.strip())
    except ValueError:
        raise CommandLineError(
            _("--kinds takes some of: {kinds}").format(
                kinds=", ".join(kind.value for kind in RecordKind)
            )
        ) from None
    if not kinds:
        raise CommandLineError(_("--kinds names no kind of record"))
    if not args.process and not args.actor:
        raise CommandLineError(_("choose what to share: --process or --actor"))
    if not args.dry_run and args.output.exists():
        raise CommandLineError(
            _("{path} already exists; bundles are never overwritten").format(path=args.output)
        )
    with unlock_vault(args) as vault:
        selection = Selection(
            process_ids=bundles.find_processes(vault, args.process),
            actor_ids=bundles.find_actors(vault, args.actor),
            kinds=kinds,
            include_high_risk=args.include_high_risk,
            include_private_notes=args.include_private_notes,
            include_restricted=args.include_restricted,
        )
        chosen = [colleagues.find_by_name(vault, text) for text in args.to]
        if args.dry_run:
            _print_share_preview(bundles.preview_share(vault, selection))
            print(_("Nothing was written (--dry-run)."), file=sys.stderr)
            return 0
        exported = bundles.export_bundle(
            vault, selection, [c.id for c in chosen], args.output, now=_now()
        )
    _print_share_preview(exported.preview)
    say(
        ngettext(
            "Wrote {path}, encrypted to {n} colleague ({names}) and signed by this vault.",
            "Wrote {path}, encrypted to {n} colleagues ({names}) and signed by this vault.",
            len(chosen),
        ).format(
            path=exported.path,
            n=i18n.number(len(chosen)),
            names=_(", ").join(c.name for c in chosen),
        )
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from contactkeeper.exchange.team import bundles

    with unlock_vault(args) as vault:
        try:
            received = bundles.preview_bundle_file(vault, args.file)
        except BundleAlreadyReceived as exc:
            say(str(exc))  # a script syncing a folder meets these: not an error
            return 0
        say(
            _("From {name}, made {date}; signature and recipients check out.").format(
                name=received.sender, date=i18n.short_datetime(received.bundle.created_at)
            )
        )
        _print_merge_preview(received.preview)
        if args.dry_run:
            print(_("Nothing was written (--dry-run)."), file=sys.stderr)
            return 0
        if received.preview.empty:
            print(_("Nothing in it is new to this vault; nothing was written."), file=sys.stderr)
            return 0
        if not args.yes and not _ask(_("Accept these changes? [y/N]")):
            print(
                _("Nothing was written. Run again with --yes to accept without asking."),
                file=sys.stderr,
            )
            return 1
        bundles.accept_bundle(vault, received, now=_now())
    say(_("Accepted the bundle from {name}.").format(name=received.sender))
    return 0
