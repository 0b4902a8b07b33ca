"""Errors a person can act on.

Every error that reaches a user is one of these types. The message says what is wrong and
what to do, and never carries record data: it may be shown in a dialog, printed by the CLI
or copied into a bug report.

Messages are worded when the error is raised (in ``__init__``), never at import, so that
they are in the language chosen at start (:mod:`contactkeeper.i18n`).
"""

from __future__ import annotations

import unicodedata

from contactkeeper.i18n import _, isolate, ngettext, number, pgettext, right_to_left


class ContactKeeperError(Exception):
    """Base of every error ContactKeeper reports to a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def embed(text: str) -> str:
    """Text a person typed (a name, a title) or a file's path, put into a sentence: isolated
    (:func:`contactkeeper.i18n.isolate`) when it or the sentence is written right to left,
    so that neither scrambles the other; as it is otherwise, so that what is copied from a
    message (in a terminal, most often) carries no invisible marks."""
    if right_to_left() or any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return isolate(text)
    return text


def shown_path(path: object) -> str:
    """A file or folder as put into a message (see :func:`embed`)."""
    return embed(str(path))


class VaultError(ContactKeeperError):
    """Something about the vault itself (its files, its key, its version)."""


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "That passphrase does not open this vault. Check the keyboard layout and "
                "Caps Lock, then try again. Nothing was changed."
            )
        )


class NotAVault(VaultError):
    def __init__(self, path: object, reason: str) -> None:
        super().__init__(
            _(
                "{path} is not a ContactKeeper vault: {reason}. "
                "Choose the folder that holds vault.key and vault.db."
            ).format(path=shown_path(path), reason=reason)
        )


class VaultExists(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(
            _(
                "{path} already holds a vault or other files; ContactKeeper will not "
                "overwrite it. Choose an empty or new folder."
            ).format(path=shown_path(path))
        )


class VaultDamaged(VaultError):
    """A part of the vault is unreadable. ``part`` names which one ("database", "key
    file": a key, compared by callers; the message words it in the current language)."""

    def __init__(self, part: str, detail: str) -> None:
        if part == "database":
            message = _(
                "The vault's database is damaged: {detail}. Nothing was changed. "
                "Restore the vault from a backup, and keep this copy for inspection."
            )
        elif part == "key file":
            message = _(
                "The vault's key file is damaged: {detail}. Nothing was changed. "
                "Restore the vault from a backup, and keep this copy for inspection."
            )
        else:
            # Translators: {part} is a part of the vault's files, in English.
            message = _(
                "The vault's {part} is damaged: {detail}. Nothing was changed. "
                "Restore the vault from a backup, and keep this copy for inspection."
            )
        super().__init__(message.format(part=part, detail=detail))
        self.part = part


class VaultTooNew(VaultError):
    def __init__(self, what: str) -> None:
        super().__init__(
            _(
                "This vault was made by a newer version of ContactKeeper ({what}). "
                "Install the newer version to open it; nothing was changed."
            ).format(what=what)
        )


class VaultLocked(VaultError):
    def __init__(self) -> None:
        super().__init__(_("The vault is locked. Unlock it first."))


class WeakPassphrase(VaultError):
    pass


class VaultInUse(VaultError):
    """Another program has the vault open, so it cannot be re-keyed now."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "The vault is open in another program (another ContactKeeper window, or a "
                "command still running). Close it there and try again; the database was "
                "not changed."
            )
        )


class SearchIndexDamaged(VaultError):
    """The full-text search index (derived from the records) cannot be read."""

    def __init__(self, detail: str = "") -> None:
        if detail:
            message = _(
                "The vault's search index is damaged ({detail}). Your records are not "
                "affected: rebuild the index from them with "
                "`contactkeeper check --rebuild-index` (or File > Rebuild the search "
                "index). Nothing was changed."
            )
        else:
            message = _(
                "The vault's search index is damaged. Your records are not affected: "
                "rebuild the index from them with `contactkeeper check --rebuild-index` "
                "(or File > Rebuild the search index). Nothing was changed."
            )
        super().__init__(message.format(detail=detail))
        self.detail = detail


class DiskFull(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(
            _(
                "There is not enough free space to write {path}. Free some space and try "
                "again; nothing was changed."
            ).format(path=shown_path(path))
        )


def record_kind(kind: str) -> str:
    """The name of a kind of record (``"actor"``, ``"follow-up"``: the keys the record
    services use) in the current language; an unknown key is shown as it is."""
    names = {
        "actor": pgettext("record kind", "actor"),
        "affiliation": pgettext("record kind", "affiliation"),
        "channel": pgettext("record kind", "channel"),
        "colleague": pgettext("record kind", "colleague"),
        "cue kind": pgettext("record kind", "cue kind"),
        "event": pgettext("record kind", "event"),
        "follow-up": pgettext("record kind", "follow-up"),
        "interaction": pgettext("record kind", "interaction"),
        "invitation": pgettext("record kind", "invitation"),
        "name variant": pgettext("record kind", "name variant"),
        "organization": pgettext("record kind", "organization"),
        "outcome": pgettext("record kind", "outcome"),
        "participation": pgettext("record kind", "participation"),
        "party": pgettext("record kind", "party"),
        "process": pgettext("record kind", "process"),
        "readiness cue": pgettext("record kind", "readiness cue"),
        "relationship": pgettext("record kind", "relationship"),
        "review": pgettext("record kind", "review"),
        "side": pgettext("record kind", "side"),
        "transfer": pgettext("record kind", "transfer"),
        "trash item": pgettext("record kind", "trash item"),
    }
    return names.get(kind, kind)


class RecordNotFound(ContactKeeperError):
    def __init__(self, kind: str, ref: object) -> None:
        super().__init__(
            # Translators: {kind} is a kind of record ("actor", "process"), {ref} its number.
            _("No {kind} with id {ref} exists in this vault (was it deleted?).").format(
                kind=record_kind(kind), ref=ref
            )
        )
        self.kind = kind


class InvalidRecord(ContactKeeperError):
    """A value a person typed does not fit: the message says which field and why."""

    def __init__(self, field: str, reason: str) -> None:
        # Translators: {field} is the name of a field of a form, {reason} why its value
        # does not fit.
        super().__init__(_("{field}: {reason}").format(field=field, reason=reason))
        self.field = field
        self.reason = reason


class CueKindInUse(InvalidRecord):
    """A kind of readiness cue that cues are recorded under cannot be deleted: retire it."""

    def __init__(self, label: str, uses: int) -> None:
        super().__init__(
            _("Cue kind"),
            ngettext(
                "{label} is used by {n} cue, so it cannot be deleted: that cue would lose "
                "its kind. Retire it instead: it is no longer offered for new cues, and the "
                "cues already recorded keep it",
                "{label} is used by {n} cues, so it cannot be deleted: those cues would "
                "lose their kind. Retire it instead: it is no longer offered for new cues, "
                "and the cues already recorded keep it",
                uses,
            ).format(label=embed(label), n=number(uses)),
        )
        self.label = label
        self.uses = uses


class BackupError(ContactKeeperError):
    """Something about a backup file: it is refused, and no vault was changed."""


class BackupWrongPassphrase(BackupError):
    def __init__(self, detail: str = "") -> None:
        if detail:
            message = _(
                "That passphrase or key does not open this backup ({detail}). Check the "
                "passphrase, or choose the identity file the backup was made for. If you "
                "are sure it is right, the start of the file may be damaged. Nothing was "
                "changed."
            )
        else:
            message = _(
                "That passphrase or key does not open this backup. Check the passphrase, "
                "or choose the identity file the backup was made for. If you are sure it "
                "is right, the start of the file may be damaged. Nothing was changed."
            )
        super().__init__(message.format(detail=detail))


class BackupDamaged(BackupError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            _(
                "This backup is damaged or was tampered with: {detail}. It cannot be "
                "trusted and nothing was restored. Use another copy of the backup."
            ).format(detail=detail)
        )
        self.detail = detail


class BackupTooNew(BackupError):
    def __init__(self, what: str) -> None:
        super().__init__(
            _(
                "This backup was made by a newer version of ContactKeeper ({what}). "
                "Install the newer version to restore it; nothing was changed."
            ).format(what=what)
        )


class BackupIncomplete(BackupError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            _(
                "This backup is not complete: {detail}. It was probably cut short while "
                "being copied or written; use another copy. Nothing was restored."
            ).format(detail=detail)
        )
        self.detail = detail


class BackupForeignSchema(BackupDamaged):
    """A backup's database is not exactly what ContactKeeper makes at its schema revision:
    it holds objects (triggers, views, indexes, tables, altered columns) that could run
    inside the vault it would become."""

    def __init__(self, revision: str, what: str) -> None:
        super().__init__(
            # Translators: {what} lists database objects ("a foreign trigger t1").
            _(
                "its database is not what ContactKeeper makes at schema revision "
                "{revision}: it has {what}"
            ).format(revision=revision, what=what)
        )
        self.revision = revision
        self.what = what


class RestoreNeedsConfirmation(BackupError):
    """Restoring would replace a vault with a backup of another vault, or an older one.

    ``replacement`` (a :class:`contactkeeper.exchange.replacement.Replacement`) names both sides;
    restore again with the confirmation to go ahead."""

    def __init__(self, replacement: object, question: str) -> None:
        super().__init__(
            # Translators: {question} is a whole sentence saying what would be replaced.
            _("{question} Confirm to replace it anyway; nothing was changed.").format(
                question=question
            )
        )
        self.replacement = replacement
        self.question = question


class BackupExists(BackupError):
    def __init__(self, path: object) -> None:
        super().__init__(
            _(
                "{path} already exists; ContactKeeper never overwrites a backup. "
                "Choose a new file name."
            ).format(path=shown_path(path))
        )


class BackupCancelled(ContactKeeperError):
    """The person cancelled a backup while it was being made (not a failure of any file)."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "The backup was cancelled. No backup file was written, and earlier backups "
                "are untouched."
            )
        )


class ImportInvalid(ContactKeeperError):
    """An entry of a file being imported cannot be read; ``line`` is where it starts."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(
            # Translators: where an entry of an imported file starts, and what is wrong.
            _("line {line}: {reason}").format(line=number(line), reason=reason)
        )
        self.line = line
        self.reason = reason


class ImportRefused(ContactKeeperError):
    """A file to import is refused as a whole, before it is parsed (too large, too many
    lines, a line far longer than any address book holds)."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(
            _(
                "{path} is not an address book ContactKeeper imports: {reason}. "
                "Nothing was imported; export the address book again, or split it."
            ).format(path=shown_path(path), reason=reason)
        )
        self.reason = reason


class PayloadError(ContactKeeperError):
    """The records an exchange bundle carries cannot be shared or merged."""


class PayloadInvalid(PayloadError):
    """A received payload does not follow the exchange format (damaged or hostile)."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            _(
                "The records in this exchange bundle cannot be read: {reason}. Nothing was "
                "changed; ask your colleague to export the bundle again."
            ).format(reason=reason)
        )
        self.reason = reason


class PayloadTooNew(PayloadError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "This exchange bundle was made by a newer version of ContactKeeper. Nothing "
                "was changed; update ContactKeeper, then open the bundle again."
            )
        )


class PayloadTooLarge(PayloadError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "What you chose to share is too large for one exchange bundle. Nothing was "
                "written; share fewer processes or actors at a time."
            )
        )


class NothingToShare(PayloadError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Nothing you chose can be shared (everything is left out, or nothing was "
                "chosen). Nothing was written; choose what to share, or include what the "
                "preview says is left out."
            )
        )


class ConflictSettled(PayloadError):
    def __init__(self) -> None:
        super().__init__(
            _("This conflict was already settled. Nothing was changed; refresh the list.")
        )


class PlaintextRefused(ContactKeeperError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "This export writes your records in clear, readable by anyone who gets the "
                "file. Confirm that you understand this to go ahead; nothing was written."
            )
        )


class UnlockThrottled(VaultError):
    """Too many failed unlocks in a row: the next attempt must wait ``seconds``."""

    def __init__(self, seconds: float) -> None:
        wait = max(1, round(seconds))
        super().__init__(
            ngettext(
                "Several passphrases in a row did not open this vault. Wait {n} second "
                "before trying again; nothing was changed.",
                "Several passphrases in a row did not open this vault. Wait {n} seconds "
                "before trying again; nothing was changed.",
                wait,
            ).format(n=number(wait))
        )
        self.seconds = seconds


class KeyringUnavailable(VaultError):
    """The OS keyring cannot be used to remember a vault on this device."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            _(
                "This device's keyring cannot remember the vault: {reason}. "
                "Unlock with your passphrase instead; nothing was stored."
            ).format(reason=reason)
        )
        self.reason = reason


class SelfTestFailed(ContactKeeperError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(
            _(
                "ContactKeeper's encryption libraries failed their self-test ({problems}). "
                "No vault will be opened with them: reinstall ContactKeeper."
            ).format(problems="; ".join(problems))
        )
        self.problems = problems


class CommandLineError(ContactKeeperError):
    """A mistake on the command line the person can fix (a passphrase typed differently
    twice, a passphrase file that cannot be read, ...). The message says what to do."""


# -- exchange between colleagues --------------------------------------------------------------


class ExchangeError(ContactKeeperError):
    """Something about exchanging records with colleagues: a card, a bundle, a choice."""


class CardInvalid(ExchangeError):
    """Pasted or read text is not a colleague card; ``reason`` says what is wrong."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            _(
                "That is not a ContactKeeper colleague card: {reason}. Nothing was added. "
                "Ask your colleague to copy their card again (File > Exchange > Colleagues, "
                "or `contactkeeper exchange card`) and paste all of it."
            ).format(reason=reason)
        )
        self.reason = reason


class ColleagueKnown(ExchangeError):
    def __init__(self, name: str) -> None:
        super().__init__(
            _("That card is already among your colleagues, as {name}. Nothing was added.").format(
                name=embed(name)
            )
        )


class ColleagueIsSelf(ExchangeError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "That is this vault's own card. Add the card of the colleague you exchange "
                "records with; nothing was added."
            )
        )


class BundleUnreadable(ExchangeError):
    """A file is not an exchange bundle, or not one within ContactKeeper's limits."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            _(
                "That file is not an exchange bundle ContactKeeper can open: {reason}. "
                "Nothing was changed. Check that you chose the right file, or ask the "
                "sender to export it again."
            ).format(reason=reason)
        )
        self.reason = reason


class BundleNotForUs(ExchangeError):
    """This vault cannot open a bundle, or it is not named among its signed recipients."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            _(
                "That bundle is not for this vault: {reason}. Nothing was changed. If it "
                "should be, ask the sender to export it again with you among its colleagues."
            ).format(reason=reason)
        )
        self.reason = reason


class BundleUnknownSender(ExchangeError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "That bundle is signed by someone who is not among your colleagues. Nothing "
                "was changed. If you expected it, add the sender's card, read the "
                "fingerprint aloud together, then open the bundle again."
            )
        )


class BundleTampered(ExchangeError):
    """The signature or the digest of a bundle does not hold: altered or damaged."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            _(
                "That bundle was altered after it was signed, or damaged on the way "
                "({reason}). Nothing was changed. Do not trust it: ask the sender to send "
                "it again, through another channel if you can."
            ).format(reason=reason)
        )
        self.reason = reason


class BundleAlreadyReceived(ExchangeError):
    """A bundle whose id this vault has accepted before; ``received_on`` says when."""

    def __init__(self, received_on: str) -> None:
        super().__init__(
            _(
                "That bundle was already received on {date}. Receiving it again changes "
                "nothing, so nothing was changed."
            ).format(date=received_on)
        )
        self.received_on = received_on
