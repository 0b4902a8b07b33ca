"""The vault's exchange identity, colleague cards and fingerprints.

Each vault has two key pairs for exchange, made on first use and kept in its encrypted
database (table ``exchange_identity``): an age X25519 identity, to which colleagues encrypt
the bundles they send it, and an Ed25519 key, with which it signs the bundles it sends.

A colleague is known by their **card**: four short lines of text that can be pasted into a
message or shown as a QR code::

    ContactKeeper colleague card 1
    name: Amal Haddad
    age: age1...
    ed25519: <the Ed25519 public key, 32 bytes in base64>

The **fingerprint** of a card is what two people read aloud to each other (in person, on a
call) before trusting it: 30 digits in six groups of five, from SHA-512 over both public
keys, in the manner of Signal's safety numbers. A card passed through a channel someone
else controls could carry their keys instead; the fingerprint read aloud tells.

Every card read is treated as hostile text: its size, lines, fields and keys are bounded
and checked before anything is kept (:func:`parse_card`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass, field

import pyrage  # type: ignore[import-untyped]
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from contactkeeper.errors import CardInvalid
from contactkeeper.exchange import age_keys
from contactkeeper.i18n import _
from contactkeeper.records import names
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ExchangeIdentity, Setting, utcnow

CARD_TITLE = "ContactKeeper colleague card"
CARD_VERSION = 1
MAX_CARD_BYTES = 2048
MAX_CARD_LINES = 12
MAX_NAME_CHARS = 100
FINGERPRINT_CONTEXT = b"ContactKeeper colleague fingerprint 1\x00"
FINGERPRINT_GROUPS = 6
NAME_SETTING = "exchange.card_name"

_AGE_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
_B64_KEY = re.compile(r"[A-Za-z0-9+/]{43}=")
_TITLE = re.compile(re.escape(CARD_TITLE) + r" ([0-9]{1,4})")
_FIELD = re.compile(r"([a-z0-9]{1,16}):(.*)")


@dataclass(frozen=True)
class Card:
    """A colleague card: a name (as its owner gave it; may be empty) and two public keys."""

    name: str
    age_recipient: str  # age1...
    verify_key: str  # Ed25519 public key, base64 of 32 bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.age_recipient, self.verify_key)

    def text(self) -> str:
        """The card as text to paste (ends with a line break)."""
        lines = [
            f"{CARD_TITLE} {CARD_VERSION}",
            f"name: {self.name}",
            f"age: {self.age_recipient}",
            f"ed25519: {self.verify_key}",
        ]
        return "\n".join(lines) + "\n"

    def qr_matrix(self) -> list[list[bool]]:
        """The card's text as a QR code: rows of modules (True: dark), quiet zone included."""
        return qr_matrix(self.text())


@dataclass(frozen=True)
class OwnKeys:
    """This vault's exchange keys, secret halves included (never shown, never logged)."""

    card: Card
    age_identity: str = field(repr=False)
    signing_key: bytes = field(repr=False)

    def signer(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.signing_key)

    def identity(self) -> object:
        return age_keys.age_identity(self.age_identity)


def fingerprint(age_recipient: str, verify_key: str) -> str:
    """The 30 digits to read aloud for these two public keys: ``"12345 67890 ..."``.

    SHA-512 over a fixed label, the age recipient (ASCII), a zero byte and the Ed25519 key's
    32 bytes; the first 30 bytes of the digest in six pieces of five bytes, each read as a
    big-endian number modulo 100,000 and written as five digits.
    """
    raw = base64.b64decode(verify_key, validate=True)
    digest = hashlib.sha512(
        FINGERPRINT_CONTEXT + age_recipient.encode("ascii") + b"\x00" + raw
    ).digest()
    groups = [
        f"{int.from_bytes(digest[i * 5 : i * 5 + 5], 'big') % 100_000:05d}"
        for i in range(FINGERPRINT_GROUPS)
    ]
    return " ".join(groups)


def fingerprint_lines(text: str) -> str:
    """A fingerprint in two lines of three groups, easier to read aloud."""
    groups = text.split()
    half = len(groups) // 2
    return " ".join(groups[:half]) + "\n" + " ".join(groups[half:])


def qr_matrix(text: str) -> list[list[bool]]:
    """``text`` as a QR code (medium error correction), rows of modules with a quiet zone
    of four modules, for a screen to draw."""
    import segno  # type: ignore[import-untyped,unused-ignore]

    code = segno.make(text, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=4)]


def qr_terminal(text: str) -> str:
    """``text`` as a QR code drawn with block characters, for a terminal."""
    import io

    import segno  # type: ignore[import-untyped,unused-ignore]

    out = io.StringIO()
    segno.make(text, error="m", micro=False).terminal(out=out, compact=True, border=2)
    return out.getvalue()


# -- reading a card ---------------------------------------------------------------------


def parse_card(text: str) -> Card:
    """The card in ``text`` (pasted, read from a file or a QR code), checked strictly.

    Blank lines and spaces around lines are ignored (chat programs add them); anything else
    unexpected is refused with :class:`~contactkeeper.errors.CardInvalid`: a text far too
    long, too many lines, a title or version this program does not know, a missing,
    repeated or unknown field, a key that is not one. The name loses control characters
    and direction overrides, and is cut to 100 characters.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_CARD_BYTES:
        raise CardInvalid(_("the text is far longer than a card"))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise CardInvalid(_("the text is empty"))
    if len(lines) > MAX_CARD_LINES:
        raise CardInvalid(_("the text has far more lines than a card"))
    title = _TITLE.fullmatch(lines[0])
    if title is None:
        raise CardInvalid(
            _("its first line should read “{title}”").format(title=f"{CARD_TITLE} {CARD_VERSION}")
        )
    if int(title.group(1)) != CARD_VERSION:
        raise CardInvalid(
            _("it is a card of version {version}, made by a newer ContactKeeper").format(
                version=title.group(1)
            )
        )
    fields: dict[str, str] = {}
    for line in lines[1:]:
        found = _FIELD.fullmatch(line)
        if found is None:
            raise CardInvalid(_("a line of it is not “field: value”"))
        key, value = found.group(1), found.group(2).strip()
        if key not in ("name", "age", "ed25519"):
            raise CardInvalid(_("it has a field no card has"))
        if key in fields:
            raise CardInvalid(_("it gives a field twice"))
        fields[key] = value
    for key in ("age", "ed25519"):
        if key not in fields:
            raise CardInvalid(_("its {field} line is missing").format(field=key))
    return Card(
        name=clean_name(fields.get("name", "")),
        age_recipient=check_age_recipient(fields["age"]),
        verify_key=check_verify_key(fields["ed25519"]),
    )


def clean_name(text: str) -> str:
    """A colleague's name as kept: no controls or direction overrides, at most 100
    characters."""
    return names.clean(text)[:MAX_NAME_CHARS].strip()


def check_age_recipient(text: str) -> str:
    if not _AGE_RECIPIENT.fullmatch(text):
        raise CardInvalid(_("its age key is not an age public key (age1…)"))
    try:
        pyrage.x25519.Recipient.from_str(text)
    except Exception:
        raise CardInvalid(_("its age key is not an age public key (age1…)")) from None
    return text


def check_verify_key(text: str) -> str:
    if not _B64_KEY.fullmatch(text):
        raise CardInvalid(_("its signing key is not an Ed25519 public key"))
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
    except (ValueError, binascii.Error):
        raise CardInvalid(_("its signing key is not an Ed25519 public key")) from None
    return text


# -- this vault's keys ------------------------------------------------------------------


def own_keys(vault: Vault) -> OwnKeys:
    """This vault's exchange keys, made (and kept in the vault) on first use."""
    with vault.transaction() as session:
        row = session.get(ExchangeIdentity, 1)
        if row is None:
            age_identity, age_recipient = age_keys.new_identity()
            signer = Ed25519PrivateKey.generate()
            raw_public = signer.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
            raw_private = signer.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
            row = ExchangeIdentity(
                id=1,
                age_identity=age_identity,
                age_recipient=age_recipient,
                signing_key=base64.b64encode(raw_private).decode("ascii"),
                verify_key=base64.b64encode(raw_public).decode("ascii"),
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
        name = session.scalar(sa.select(Setting.value).where(Setting.key == NAME_SETTING)) or ""
        return OwnKeys(
            card=Card(name=name, age_recipient=row.age_recipient, verify_key=row.verify_key),
            age_identity=row.age_identity,
            signing_key=base64.b64decode(row.signing_key),
        )


def own_card(vault: Vault) -> Card:
    """This vault's card, to give to colleagues (its keys made on first use)."""
    return own_keys(vault).card


def set_card_name(vault: Vault, name: str) -> Card:
    """Put ``name`` on this vault's card (kept for next time); returns the card."""
    cleaned = clean_name(name)
    with vault.transaction() as session:
        session.merge(Setting(key=NAME_SETTING, value=cleaned))
    return own_card(vault)


__all__ = [
    "CARD_TITLE",
    "CARD_VERSION",
    "Card",
    "OwnKeys",
    "check_age_recipient",
    "check_verify_key",
    "clean_name",
    "fingerprint",
    "fingerprint_lines",
    "own_card",
    "own_keys",
    "parse_card",
    "qr_matrix",
    "qr_terminal",
    "set_card_name",
]
