"""The age file's header, checked before any cryptography runs, and the scrypt bound.

A backup is an age file (https://age-encryption.org/v1). Its header is read here for its
structure and bounds alone: the version line, at most MAX_STANZAS entries of bounded size,
a well-formed authentication code, and for a passphrase file a salt and a work factor of
at most 2^MAX_SCRYPT_LOG2, so that a hostile file is refused before it can cost memory or
time. Creating a backup checks the work factor age chose against the same bound
(:func:`check_own_work_factor`), so that nothing is written that verifying would refuse.
The length of a complete file follows from the header and the payload's 512-byte blocks
(:func:`whole_length`), which tells a backup cut short from a damaged one.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

from contactkeeper.errors import BackupDamaged, BackupError, BackupIncomplete, BackupTooNew
from contactkeeper.exchange.age_child import work_factor
from contactkeeper.i18n import _, number

# age (https://age-encryption.org/v1): header, then a 16-byte nonce and 64 KiB chunks,
# each followed by a 16-byte Poly1305 tag.
AGE_VERSION_LINE = b"age-encryption.org/v1\n"
AGE_PREFIX = b"age-encryption.org/"
CHUNK = 64 * 1024
TAG = 16
NONCE = 16
# Bounds checked before any decryption runs: a hostile file is refused at once.
MAX_HEADER_BYTES = 64 * 1024
MAX_STANZAS = 128
MAX_STANZA_BODY = 4096
MAX_ARGUMENT_CHARS = 256
# The passphrase recipient's scrypt work factor is 2**N and costs 2**N KiB of memory (age
# uses r = 8). age picks the N that takes about a second on the machine that writes the
# backup: 2**19 or 2**20 where this was measured (and where the golden backup was made).
# One step of margin for a faster machine; anything above is refused before any key
# derivation, so that a file cannot make verifying it take gigabytes (2**22 is 4 GiB).
MAX_SCRYPT_LOG2 = 21
# The tar is made of 512-byte blocks and never a whole number of age chunks (see pack_payload),
# so a complete file's last chunk is a multiple of 512 bytes plus its tag.
BLOCK = 512
_B64_CHARS = re.compile(rb"[A-Za-z0-9+/]*")
_ARG_CHARS = re.compile(rb"[\x21-\x7e]+")


@dataclass(frozen=True)
class AgeHeader:
    length: int
    scrypt_log2: int | None  # set for a passphrase file
    stanzas: int


def parse_header(data: bytes) -> AgeHeader:
    """Check an age header's structure and bounds, without any cryptography."""
    if not data.startswith(AGE_PREFIX):
        raise BackupDamaged(_("it is not an age-encrypted file"))
    if not data.startswith(AGE_VERSION_LINE):
        version = data[len(AGE_PREFIX) : len(AGE_PREFIX) + 8].split(b"\n")[0]
        if re.fullmatch(rb"v[0-9]{1,4}", version) and int(version[1:]) > 1:
            raise BackupTooNew(_("age format {version}").format(version=version.decode("ascii")))
        raise BackupDamaged(_("its age version line is not valid"))
    end = data.find(b"\n--- ", 0, MAX_HEADER_BYTES)
    if end < 0:
        if len(data) < MAX_HEADER_BYTES:
            raise BackupIncomplete(_("its header is cut short"))
        raise BackupDamaged(_("its header is malformed or far too long"))
    mac_end = data.find(b"\n", end + 5, end + 5 + 64)
    if mac_end < 0:
        raise BackupIncomplete(_("its header is cut short"))
    mac = data[end + 5 : mac_end]
    if len(mac) != 43 or _decode_b64(mac) is None:
        raise BackupDamaged(_("its header's authentication code is malformed"))
    lines = data[len(AGE_VERSION_LINE) : end + 1].split(b"\n")[:-1]
    stanzas: list[tuple[list[bytes], int]] = []
    body = 0
    in_body = False
    for line in lines:
        if line.startswith(b"-> "):
            if in_body:
                raise BackupDamaged(_("a header entry ends in a full line"))
            args = line[3:].split(b" ")
            if any(not _ARG_CHARS.fullmatch(a) or len(a) > MAX_ARGUMENT_CHARS for a in args):
                raise BackupDamaged(_("a header entry has a malformed argument"))
            stanzas.append((args, 0))
            if len(stanzas) > MAX_STANZAS:
                raise BackupDamaged(_("its header has far too many entries"))
            in_body, body = True, 0
        elif in_body:
            if len(line) > 64 or not _B64_CHARS.fullmatch(line):
                raise BackupDamaged(_("a header entry's body is malformed"))
            body += len(line)
            if body > MAX_STANZA_BODY:
                raise BackupDamaged(_("a header entry is far too long"))
            if len(line) < 64:
                in_body = False
            stanzas[-1] = (stanzas[-1][0], body)
        else:
            raise BackupDamaged(_("its header has a malformed line"))
    if in_body or not stanzas:
        raise BackupDamaged(_("its header is malformed"))
    scrypt = [args for args, _body in stanzas if args[0] == b"scrypt"]
    log2: int | None = None
    if scrypt:
        if len(stanzas) != 1 or len(scrypt[0]) != 3:
            raise BackupDamaged(_("its passphrase entry is malformed"))
        salt, factor = scrypt[0][1], scrypt[0][2]
        if not re.fullmatch(rb"[1-9][0-9]{0,2}", factor):
            raise BackupDamaged(_("its passphrase work factor is malformed"))
        log2 = int(factor)
        if log2 > MAX_SCRYPT_LOG2:
            raise BackupDamaged(
                _(
                    "it asks for a passphrase work factor of 2^{asked} ({memory} of memory), "
                    "where ContactKeeper writes and accepts at most 2^{most}; it was refused "
                    "before any work"
                ).format(asked=log2, memory=_memory(log2), most=MAX_SCRYPT_LOG2)
            )
        decoded_salt = _decode_b64(salt)
        if decoded_salt is None or len(decoded_salt) != 16:
            raise BackupDamaged(_("its passphrase entry's salt is malformed"))
    return AgeHeader(length=mac_end + 1, scrypt_log2=log2, stanzas=len(stanzas))


def _memory(log2: int) -> str:
    """What scrypt with N = 2**log2 and r = 8 needs, as people read it."""
    kib = 1 << log2
    if kib >= 1 << 40:
        return _("more than a TiB")
    if kib >= 1 << 30:
        return _("{n} TiB").format(n=number(kib >> 30))
    if kib >= 1 << 20:
        return _("{n} GiB").format(n=number(kib >> 20))
    return _("{n} MiB").format(n=number(kib >> 10))


def _decode_b64(text: bytes) -> bytes | None:
    """age's canonical unpadded base64, or None."""
    if not _B64_CHARS.fullmatch(text) or len(text) % 4 == 1:
        return None
    try:
        decoded = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None
    if base64.b64encode(decoded).rstrip(b"=") != text:
        return None
    return decoded


def whole_length(total: int, header: AgeHeader) -> bool:
    """Could ``total`` bytes be a complete backup? Our payloads are whole 512-byte blocks and
    never end on a chunk boundary (see pack_payload), so the last chunk is n * 512 bytes + a tag."""
    last = (total - header.length - NONCE) % (CHUNK + TAG)
    return last > TAG and (last - TAG) % BLOCK == 0


def check_own_work_factor(sealed: bytes) -> None:
    """age chose the work factor on this machine: never write what verifying would refuse."""
    written = work_factor(sealed)
    if written is not None and written > MAX_SCRYPT_LOG2:
        raise BackupError(
            _(
                "This computer is so fast that the age library chose a passphrase work "
                "factor (2^{chosen}) above what ContactKeeper accepts (2^{most}); no backup "
                "was written. Make the backup for a public key instead."
            ).format(chosen=written, most=MAX_SCRYPT_LOG2)
        )
