"""The envelope of an exchange bundle: signed by the sender, encrypted to the colleagues.

A bundle file is an age file (https://age-encryption.org/v1) encrypted to the X25519 keys
of the chosen colleagues. Inside it::

    contactkeeper-bundle/1\\n          the format line (23 bytes)
    header length                    4 bytes, big-endian, at most 64 KiB
    header                           canonical JSON (ASCII, keys sorted, no spaces)
    signature                        64 bytes, Ed25519
    payload                          the records (opaque here), as the header says

The header names the format, the bundle's id (a UUID), the time it was made (UTC, to the
second), the sender's two public keys, every recipient's two public keys (sorted) and the
payload's size and SHA-256. The signature is over ``SIGNATURE_CONTEXT`` followed by the
header's exact bytes; the header holds the payload's digest, so it covers the payload too.

Opening (:func:`open_bundle`) refuses, with an error a person can act on and before
anything is written: a file far too large, or not an age file within bounds
(:class:`~contactkeeper.errors.BundleUnreadable`); one this vault's key cannot decrypt, or
whose signed recipients do not include this vault, such as a bundle re-encrypted and
forwarded by one of its recipients (:class:`~contactkeeper.errors.BundleNotForUs`); one
signed by a key that is not a colleague's (:class:`~contactkeeper.errors.
BundleUnknownSender`); any altered byte (:class:`~contactkeeper.errors.BundleTampered`);
and one already received (:class:`~contactkeeper.errors.BundleAlreadyReceived`). Every
length, field and type is checked against what this module writes before it is used.

docs/exchange-format.md describes the same format for readers without ContactKeeper.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage  # type: ignore[import-untyped]
import sqlalchemy as sa
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from contactkeeper import i18n
from contactkeeper.errors import (
    BackupError,
    BundleAlreadyReceived,
    BundleNotForUs,
    BundleTampered,
    BundleUnknownSender,
    BundleUnreadable,
    ExchangeError,
)
from contactkeeper.exchange import age_header
from contactkeeper.exchange.team import colleagues as colleague_book
from contactkeeper.exchange.team import identity
from contactkeeper.exchange.team.colleagues import ColleagueInfo
from contactkeeper.i18n import _, ngettext
from contactkeeper.vault import Vault, files, strict_json
from contactkeeper.vault.model import ReceivedBundle

FORMAT = "contactkeeper-bundle/1"
MAGIC = FORMAT.encode("ascii") + b"\n"
SIGNATURE_CONTEXT = b"ContactKeeper exchange bundle signature 1\x00"
SIGNATURE_BYTES = 64
LENGTH = struct.Struct(">I")
MAX_BUNDLE_BYTES = 65 * 1024 * 1024  # the file (a payload of up to 64 MiB, and the rest)
MAX_HEADER_BYTES = 64 * 1024
MAX_RECIPIENTS = 32
SUFFIX = ".ckbundle"

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


@dataclass(frozen=True)
class SealedBundle:
    """A bundle ready to write: its bytes, its id, when it was made, for whom."""

    data: bytes = field(repr=False)
    bundle_id: str
    created_at: datetime
    recipients: tuple[ColleagueInfo, ...]


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle whose envelope checked out: from ``sender``, for this vault, not yet
    received. ``payload`` is the records, not yet looked at."""

    bundle_id: str
    sender: ColleagueInfo
    created_at: datetime
    recipients: int  # how many colleagues it was made for
    payload_sha256: str
    payload: bytes = field(repr=False)


# -- sealing ----------------------------------------------------------------------------


def _party(age_recipient: str, verify_key: str) -> dict[str, str]:
    return {"age": age_recipient, "ed25519": verify_key}


def seal(
    vault: Vault,
    payload: bytes,
    colleague_ids: Sequence[int],
    *,
    now: datetime,
    bundle_id: str | None = None,
) -> SealedBundle:
    """``payload`` signed by this vault and encrypted to the colleagues ``colleague_ids``."""
    if not colleague_ids:
        raise ExchangeError(_("Choose at least one colleague to share with; nothing was written."))
    if len(set(colleague_ids)) > MAX_RECIPIENTS:
        raise ExchangeError(
            _(
                "A bundle can be made for at most {n} colleagues; choose fewer. Nothing was "
                "written."
            ).format(n=i18n.number(MAX_RECIPIENTS))
        )
    if len(payload) > MAX_BUNDLE_BYTES - MAX_HEADER_BYTES:
        raise ExchangeError(
            _(
                "That choice of records is too large for one bundle; share fewer actors or "
                "kinds of record at a time. Nothing was written."
            )
        )
    keys = identity.own_keys(vault)
    chosen = tuple(colleague_book.get_colleagues(vault, colleague_ids))
    created = now.astimezone(UTC).replace(microsecond=0)
    the_id = bundle_id or str(uuid.uuid4())
    header = {
        "format": FORMAT,
        "bundle": the_id,
        "created": created.strftime(_TIME_FORMAT),
        "sender": _party(keys.card.age_recipient, keys.card.verify_key),
        "recipients": sorted(
            (_party(c.age_recipient, c.verify_key) for c in chosen),
            key=lambda p: (p["age"], p["ed25519"]),
        ),
        "payload": {"sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload)},
    }
    header_bytes = strict_json.canonical(header)
    signature = keys.signer().sign(SIGNATURE_CONTEXT + header_bytes)
    inner = MAGIC + LENGTH.pack(len(header_bytes)) + header_bytes + signature + payload
    recipients = [pyrage.x25519.Recipient.from_str(c.age_recipient) for c in chosen]
    data = pyrage.encrypt(inner, recipients)
    return SealedBundle(data=data, bundle_id=the_id, created_at=created, recipients=chosen)


# -- opening ----------------------------------------------------------------------------


def open_bundle(vault: Vault, data: bytes) -> OpenedBundle:
    """Check the envelope of the bundle ``data`` and return its payload; writes nothing.

    See the module's description for what is refused, and in which order.
    """
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleUnreadable(_("it is far larger than any bundle ContactKeeper writes"))
    try:
        header = age_header.parse_header(data)
    except BackupError as exc:
        raise BundleUnreadable(getattr(exc, "detail", None) or _("it is not an age file")) from None
    if header.scrypt_log2 is not None:
        raise BundleNotForUs(_("it is encrypted with a passphrase, not to colleagues' keys"))
    keys = identity.own_keys(vault)
    try:
        inner = pyrage.decrypt(data, [keys.identity()])
    except Exception as exc:
        if "no matching keys" in str(exc).lower():
            raise BundleNotForUs(
                _("this vault's key does not open it; it was made for other colleagues")
            ) from None
        raise BundleTampered(_("its encryption does not check out")) from None
    parsed = _parse_inner(inner)
    sender = colleague_book.find_by_verify_key(vault, parsed.sender["ed25519"])
    if parsed.sender["ed25519"] == keys.card.verify_key:
        raise BundleNotForUs(_("it was made by this vault itself"))
    if sender is None or sender.age_recipient != parsed.sender["age"]:
        raise BundleUnknownSender()
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(sender.verify_key)).verify(
            parsed.signature, SIGNATURE_CONTEXT + parsed.header_bytes
        )
    except InvalidSignature:
        raise BundleTampered(_("its signature does not match its content")) from None
    me = _party(keys.card.age_recipient, keys.card.verify_key)
    if me not in parsed.recipients:
        raise BundleNotForUs(_("this vault is not among the colleagues it was signed for"))
    if len(parsed.payload) != parsed.payload_size:
        raise BundleTampered(_("its records are not the length it was signed with"))
    digest = hashlib.sha256(parsed.payload).hexdigest()
    if digest != parsed.payload_sha256:
        raise BundleTampered(_("its records are not the ones it was signed with"))
    received = received_at(vault, parsed.bundle_id)
    if received is not None:
        raise BundleAlreadyReceived(i18n.long_datetime(received))
    return OpenedBundle(
        bundle_id=parsed.bundle_id,
        sender=sender,
        created_at=parsed.created_at,
        recipients=len(parsed.recipients),
        payload_sha256=digest,
        payload=parsed.payload,
    )


@dataclass(frozen=True)
class _Inner:
    header_bytes: bytes
    signature: bytes
    payload: bytes
    bundle_id: str
    created_at: datetime
    sender: dict[str, str]
    recipients: list[dict[str, str]]
    payload_sha256: str
    payload_size: int


def _damaged(reason: str) -> BundleTampered:
    return BundleTampered(reason)


def _parse_inner(inner: bytes) -> _Inner:
    """The decrypted content's parts, every length and field checked. Decrypted content
    that is not what :func:`seal` writes was altered before it was encrypted, which only
    someone holding a recipient's key could do: it is reported as tampered."""
    if not inner.startswith(MAGIC):
        if inner.startswith(b"contactkeeper-bundle/"):
            raise BundleUnreadable(_("it was made by a newer version of ContactKeeper"))
        raise _damaged(_("its content does not begin as a bundle's"))
    start = len(MAGIC)
    if len(inner) < start + LENGTH.size:
        raise _damaged(_("its content is cut short"))
    (length,) = LENGTH.unpack_from(inner, start)
    start += LENGTH.size
    if length > MAX_HEADER_BYTES or start + length + SIGNATURE_BYTES > len(inner):
        raise _damaged(_("its header's length is not possible"))
    header_bytes = inner[start : start + length]
    signature = inner[start + length : start + length + SIGNATURE_BYTES]
    payload = inner[start + length + SIGNATURE_BYTES :]
    try:
        header = strict_json.loads(header_bytes, max_depth=4)
    except strict_json.StrictJsonError as exc:
        raise _damaged(_("its header is not valid ({reason})").format(reason=exc.reason)) from None
    if not isinstance(header, dict) or strict_json.canonical(header) != header_bytes:
        raise _damaged(_("its header is not written as ContactKeeper writes it"))
    return _check_header(header, header_bytes, signature, payload)


def _check_header(
    header: dict[str, Any], header_bytes: bytes, signature: bytes, payload: bytes
) -> _Inner:
    wrong = _damaged(_("its header does not hold what a bundle's holds"))
    expected = {"format", "bundle", "created", "sender", "recipients", "payload"}
    if set(header) != expected or header["format"] != FORMAT:
        raise wrong
    bundle_id, created, sender = header["bundle"], header["created"], header["sender"]
    recipients, described = header["recipients"], header["payload"]
    if not isinstance(bundle_id, str) or not _UUID.fullmatch(bundle_id):
        raise wrong
    if not isinstance(created, str) or not _TIME.fullmatch(created):
        raise wrong
    try:
        created_at = datetime.strptime(created, _TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise wrong from None
    if not _is_party(sender):
        raise wrong
    if not isinstance(recipients, list) or not 1 <= len(recipients) <= MAX_RECIPIENTS:
        raise wrong
    if not all(_is_party(r) for r in recipients):
        raise wrong
    if not isinstance(described, dict) or set(described) != {"sha256", "size"}:
        raise wrong
    digest, size = described["sha256"], described["size"]
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise wrong
    if type(size) is not int or not 0 <= size <= MAX_BUNDLE_BYTES:
        raise wrong
    return _Inner(
        header_bytes=header_bytes,
        signature=signature,
        payload=payload,
        bundle_id=bundle_id,
        created_at=created_at,
        sender=sender,
        recipients=recipients,
        payload_sha256=digest,
        payload_size=size,
    )


def _is_party(value: object) -> bool:
    if not isinstance(value, dict) or set(value) != {"age", "ed25519"}:
        return False
    age, key = value["age"], value["ed25519"]
    if not isinstance(age, str) or not isinstance(key, str):
        return False
    try:
        identity.check_age_recipient(age)
        identity.check_verify_key(key)
    except ExchangeError:
        return False
    return True


# -- received bundles -------------------------------------------------------------------


def received_at(vault: Vault, bundle_id: str) -> datetime | None:
    """When the bundle ``bundle_id`` was accepted, or None if it never was."""
    with vault.transaction() as session:
        return session.scalar(
            sa.select(ReceivedBundle.received_at).where(ReceivedBundle.bundle_id == bundle_id)
        )


def mark_received(vault: Vault, bundle: OpenedBundle, *, now: datetime) -> None:
    """Record that ``bundle`` was accepted: opening it again is refused as a replay."""
    with vault.transaction() as session:
        if session.scalar(
            sa.select(ReceivedBundle.id).where(ReceivedBundle.bundle_id == bundle.bundle_id)
        ):
            return
        session.add(
            ReceivedBundle(
                bundle_id=bundle.bundle_id,
                colleague_id=bundle.sender.id,
                created_at=bundle.created_at,
                received_at=now,
                payload_sha256=bundle.payload_sha256,
            )
        )


def received_count(vault: Vault, colleague_id: int) -> int:
    with vault.transaction() as session:
        return int(
            session.scalar(
                sa.select(sa.func.count(ReceivedBundle.id)).where(
                    ReceivedBundle.colleague_id == colleague_id
                )
            )
            or 0
        )


# -- files ------------------------------------------------------------------------------


def read_bundle_file(path: Path) -> bytes:
    """The bytes of the bundle file ``path``: a plain file (no link, pipe or device is
    followed or waited on) of at most :data:`MAX_BUNDLE_BYTES`."""
    try:
        return files.read_plain_file(path, MAX_BUNDLE_BYTES)
    except files.UnsafeFile as exc:
        if exc.too_large:
            raise BundleUnreadable(
                _("it is far larger than any bundle ContactKeeper writes")
            ) from None
        raise BundleUnreadable(exc.reason) from None
    except OSError as exc:
        raise BundleUnreadable(
            _("it cannot be read ({reason})").format(reason=exc.strerror or exc)
        ) from None


def write_bundle_file(path: Path, bundle: SealedBundle) -> None:
    """Write ``bundle`` to ``path`` (a crash leaves no half file under that name)."""
    if path.is_dir():
        raise ExchangeError(
            _("{path} is a folder; give the name of the bundle file to write.").format(path=path)
        )
    files.write_atomic(path, bundle.data)


def recipients_phrase(bundle: SealedBundle) -> str:
    count = len(bundle.recipients)
    return ngettext("encrypted to {n} colleague", "encrypted to {n} colleagues", count).format(
        n=i18n.number(count)
    )


__all__ = [
    "FORMAT",
    "MAX_BUNDLE_BYTES",
    "SUFFIX",
    "OpenedBundle",
    "SealedBundle",
    "mark_received",
    "open_bundle",
    "read_bundle_file",
    "received_at",
    "received_count",
    "seal",
    "write_bundle_file",
]
