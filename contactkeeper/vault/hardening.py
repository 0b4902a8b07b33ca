"""Process hardening while a vault is unlocked, and the start-up self-test of the crypto.

``disable_core_dumps()`` keeps the key and decrypted records out of core files: it sets the
core-file size limit to zero and, on Linux, marks the process not dumpable (which also stops
other processes of the same user from attaching a debugger to it), as KeePassXC does. It is
harmless where these calls do not exist (Windows: nothing is changed).

``self_test()`` checks that the libraries under us are the ones we were built and tested
with (promise 25): SQLCipher 4 with its default cipher settings, temporary data kept in
memory, our connections hardened as designed, and known-answer tests for Argon2id
(RFC 9106) and AES-256-GCM. ``require_self_test()`` raises
:class:`~contactkeeper.errors.SelfTestFailed` so that no vault is opened with a bad build.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from contactkeeper.core_dumps import CoreDumpState, core_dump_state, disable_core_dumps
from contactkeeper.errors import SelfTestFailed
from contactkeeper.i18n import _

# The libraries the self-test checks are imported by the checks themselves: the program's
# entry point imports this module to harden the process first thing, before anything else
# is loaded (and ``--help`` should still answer at once).


# SQLCipher 4 defaults (what a vault written by us relies on).
EXPECTED_CIPHER_DEFAULTS = {
    "cipher_default_page_size": "4096",
    "cipher_default_use_hmac": "1",
    "cipher_default_hmac_algorithm": "HMAC_SHA512",
    "cipher_default_kdf_algorithm": "PBKDF2_HMAC_SHA512",
    "cipher_default_plaintext_header_size": "0",
}


@dataclass(frozen=True)
class Argon2idVector:
    password: bytes
    salt: bytes
    secret: bytes
    ad: bytes
    iterations: int
    memory_kib: int
    lanes: int
    tag: bytes


@dataclass(frozen=True)
class AeadVector:
    key: bytes
    nonce: bytes
    plaintext: bytes
    sealed: bytes  # ciphertext followed by the tag


# RFC 9106 section 5.3, the Argon2id test vector.
ARGON2ID_KAT = Argon2idVector(
    password=bytes([0x01]) * 32,
    salt=bytes([0x02]) * 16,
    secret=bytes([0x03]) * 8,
    ad=bytes([0x04]) * 12,
    iterations=3,
    memory_kib=32,
    lanes=4,
    tag=bytes.fromhex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"),
)

# The GCM specification (McGrew and Viega), test case 14: AES-256, zero key, zero IV,
# one zero block of plaintext.
AES_GCM_KAT = AeadVector(
    key=bytes(32),
    nonce=bytes(12),
    plaintext=bytes(16),
    sealed=bytes.fromhex("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919"),
)


# -- core dumps -------------------------------------------------------------------------


# -- self-test --------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class SelfTestReport:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def problems(self) -> list[str]:
        # Translators: a failed self-test check ({name}) and what it found ({detail}).
        problem = _("{name}: {detail}")
        return [
            problem.format(name=check.name, detail=check.detail)
            for check in self.checks
            if not check.ok
        ]


def check_cipher_version(version: str) -> Check:
    ok = version.split(".", 1)[0] == "4"
    detail = version if ok else _("{found}, expected 4.x").format(found=version)
    return Check(_("SQLCipher version"), ok, detail)


def check_cipher_defaults(settings: dict[str, str]) -> Check:
    wrong = [
        _("{name} is {found}, expected {expected}").format(
            name=name, found=repr(settings.get(name)), expected=repr(value)
        )
        for name, value in EXPECTED_CIPHER_DEFAULTS.items()
        if settings.get(name) != value
    ]
    return Check(_("SQLCipher defaults"), not wrong, "; ".join(wrong) or _("SQLCipher 4 defaults"))


def check_compile_options(options: list[str]) -> Check:
    temp = [o for o in options if o.startswith("TEMP_STORE=")]
    ok = temp in (["TEMP_STORE=2"], ["TEMP_STORE=3"])
    detail = temp[0] if temp else _("TEMP_STORE not set (temporary data may go to files)")
    if not ok:
        detail = _("{found}, expected 2").format(found=detail)
    return Check(_("temporary data in memory (build)"), ok, detail)


def check_connection_pragmas(temp_store: int, secure_delete: int) -> Check:
    ok = temp_store == 2 and secure_delete == 1
    detail = f"temp_store={temp_store}, secure_delete={secure_delete}"
    if not ok:
        detail = _("{found}, expected 2 and 1").format(found=detail)
    return Check(_("connection hardening"), ok, detail)


def _sqlcipher_checks() -> list[Check]:

    cx = sqlcipher3.connect(":memory:")
    try:
        version = str(cx.execute("PRAGMA cipher_version").fetchone()[0])
        settings = {
            name: str(cx.execute(f"PRAGMA {name}").fetchone()[0])
            for name in EXPECTED_CIPHER_DEFAULTS
        }
        options = [str(row[0]) for row in cx.execute("PRAGMA compile_options")]
    finally:
        cx.close()
    # A connection made exactly as the vault makes them (in memory, under a random key).
    # Imported here: SQLAlchemy loads with it, and the desktop disables core dumps at start.
    from contactkeeper.vault import connection as database

    hardened = database.connect(Path(":memory:"), secrets.token_hex(32))
    try:
        temp_store = int(hardened.execute("PRAGMA temp_store").fetchone()[0])
        secure_delete = int(hardened.execute("PRAGMA secure_delete").fetchone()[0])
    finally:
        hardened.close()
    return [
        check_cipher_version(version),
        check_cipher_defaults(settings),
        check_compile_options(options),
        check_connection_pragmas(temp_store, secure_delete),
    ]


def argon2id_check(kat: Argon2idVector = ARGON2ID_KAT) -> Check:

    tag = Argon2id(
        salt=kat.salt,
        length=len(kat.tag),
        iterations=kat.iterations,
        lanes=kat.lanes,
        memory_cost=kat.memory_kib,
        ad=kat.ad,
        secret=kat.secret,
    ).derive(kat.password)
    ok = tag == kat.tag
    return Check("Argon2id (RFC 9106)", ok, _("known answer") if ok else _("wrong answer"))


def aes_gcm_check(kat: AeadVector = AES_GCM_KAT) -> Check:

    aead = AESGCM(kat.key)
    sealed = aead.encrypt(kat.nonce, kat.plaintext, None)
    if sealed != kat.sealed:
        return Check("AES-256-GCM", False, _("wrong answer"))
    tampered = bytes([sealed[0] ^ 1]) + sealed[1:]
    try:
        aead.decrypt(kat.nonce, tampered, None)
    except InvalidTag:
        return Check("AES-256-GCM", True, _("known answer; tampering detected"))
    return Check("AES-256-GCM", False, _("a tampered ciphertext was accepted"))


def failed_to_run(name: str, exc: Exception) -> Check:
    """The check ``name`` raised ``exc``: a failed check, named by the error's kind only."""
    return Check(name, False, _("could not run ({error})").format(error=type(exc).__name__))


def guarded(name: str, check: Callable[[], Check]) -> Check:
    """``check()``, or a failed check if it raised: a broken library is reported, never a
    crash (start-up and ``contactkeeper self-test`` both rely on it)."""
    try:
        return check()
    except Exception as exc:
        return failed_to_run(name, exc)


def self_test() -> SelfTestReport:
    """Run every check; never raises for a failed check (see ``require_self_test``)."""
    try:
        checks = _sqlcipher_checks()
    except Exception as exc:  # a broken library must be reported, not crash start-up
        checks = [failed_to_run("SQLCipher", exc)]
    checks.append(guarded("Argon2id (RFC 9106)", argon2id_check))
    checks.append(guarded("AES-256-GCM", aes_gcm_check))
    return SelfTestReport(tuple(checks))


def require_self_test() -> SelfTestReport:
    report = self_test()
    if not report.ok:
        raise SelfTestFailed(report.problems)
    return report


__all__ = [
    "CoreDumpState",
    "SelfTestReport",
    "core_dump_state",
    "disable_core_dumps",
    "require_self_test",
    "self_test",
]
