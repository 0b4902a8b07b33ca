"""``contactkeeper self-test``: does this copy of ContactKeeper have all it needs?

Meant for a copy installed from a bundle or a package (a USB stick from a colleague): it
runs the encryption libraries' known-answer checks (SQLCipher's build and defaults,
Argon2id, AES-256-GCM), seals and opens a few bytes with age, builds the whole schema from
the shipped migrations in an encrypted in-memory database, and checks the shipped files
(style sheet, icon, guide) and every language's catalogue. Nothing is written to disk and
no vault is needed. The system keyring is reported but is not a failure: without one,
ContactKeeper asks for the passphrase each time.
"""

from __future__ import annotations

import argparse
import gettext
import secrets
import sys
from typing import Any

from contactkeeper import __version__, i18n
from contactkeeper.i18n import _
from contactkeeper.vault.hardening import Check, guarded, self_test


def register(subparsers: Any) -> None:
    """Add ``self-test``."""
    parser = subparsers.add_parser(
        "self-test",
        help=_("check that this copy of ContactKeeper has everything it needs"),
        description=_(
            "Check the encryption libraries against known answers, age, the schema made "
            "by the shipped migrations, the shipped files and the translations. Needs no "
            "vault and writes nothing."
        ),
    )
    parser.set_defaults(func=cmd_self_test)


def _age_check() -> Check:
    import pyrage  # type: ignore[import-untyped]

    identity = pyrage.x25519.Identity.generate()
    message = secrets.token_bytes(64)
    sealed = pyrage.encrypt(message, [identity.to_public()])
    ok = pyrage.decrypt(sealed, [identity]) == message and message not in sealed
    return Check(_("age encryption"), ok, _("sealed and opened") if ok else _("wrong answer"))


def _schema_check() -> Check:
    from contactkeeper.vault.schema import expected_schema, schema_head

    head = schema_head()
    tables = sum(1 for kind, _name in expected_schema(head) if kind == "table")
    return Check(
        _("schema"),
        tables > 0,
        _("revision {revision}: {count} tables made by the migrations").format(
            revision=head, count=tables
        ),
    )


def _files_check() -> Check:
    from contactkeeper.vault.resources import ui_dir

    folder = ui_dir()
    missing = [
        name
        for name in ("style.qss", "icons/contactkeeper.svg", "guide.html")
        if not (folder / name).is_file()
    ]
    detail = _("missing: {names}").format(names=", ".join(missing)) if missing else str(folder)
    return Check(_("shipped files"), not missing, detail)


def _translations_check() -> Check:
    missing = []
    for code in i18n.LANGUAGES:
        if code == i18n.ENGLISH:
            continue
        try:
            gettext.translation(i18n.DOMAIN, localedir=i18n.LOCALE_DIR, languages=[code])
        except OSError:
            missing.append(code)
    detail = (
        _("missing: {names}").format(names=", ".join(missing))
        if missing
        else ", ".join(i18n.LANGUAGES.values())
    )
    return Check(_("translations"), not missing, detail)


def checks() -> list[Check]:
    """Every check, in the order printed."""
    return [
        *self_test().checks,
        guarded(_("age encryption"), _age_check),
        guarded(_("schema"), _schema_check),
        guarded(_("shipped files"), _files_check),
        guarded(_("translations"), _translations_check),
    ]


def cmd_self_test(args: argparse.Namespace) -> int:
    from contactkeeper.protect.device import keyring_status

    print(_("ContactKeeper {version}").format(version=__version__))
    found = checks()
    width = max(len(_("ok")), len(_("FAIL")))
    for check in found:
        status = f"{_('ok') if check.ok else _('FAIL'):<{width}}"
        # Translators: a line of `contactkeeper self-test`: "ok   SQLCipher: 4.6.1".
        line = _("{status} {check}: {detail}")
        print(line.format(status=status, check=check.name, detail=check.detail))
    # Not a failure: without a keyring the passphrase is asked for each time.
    print(_("keyring: {reason}").format(reason=keyring_status(probe=False).reason))
    failed = [check for check in found if not check.ok]
    if failed:
        print(
            i18n.ngettext(
                "{count} check failed: this copy of ContactKeeper is damaged or incomplete; "
                "install it again from a trusted copy.",
                "{count} checks failed: this copy of ContactKeeper is damaged or incomplete; "
                "install it again from a trusted copy.",
                len(failed),
            ).format(count=len(failed)),
            file=sys.stderr,
        )
        return 1
    print(
        i18n.ngettext("All {count} check passed.", "All {count} checks passed.", len(found)).format(
            count=len(found)
        )
    )
    return 0
