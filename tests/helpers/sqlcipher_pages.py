"""Decrypt the raw pages of an SQLCipher 4 database, to prove what the file really holds.

A test helper, never used by the program: it reads the bytes on disk and decrypts them with
``cryptography``'s AES, independently of SQLCipher, so a test can look for text that
SQLite considers deleted (free pages, unused cell space, old WAL frames).

SQLCipher 4 defaults, for a database keyed with a raw key (``PRAGMA key = "x'<64 hex>'"``):

- the 32-byte raw key is the AES-256 encryption key as it is (no key derivation);
- the first 16 bytes of the file are the salt (page 1's first 16 bytes are not encrypted);
- every page is 4096 bytes and ends in an 80-byte reserve: a 16-byte IV, then a 64-byte
  HMAC-SHA512 over the encrypted bytes, the IV and the page number (4 bytes, little end);
- the HMAC key is PBKDF2-HMAC-SHA512(encryption key, salt XOR 0x3a, 2 rounds, 32 bytes);
- the page body is AES-256-CBC without padding.

Every page's HMAC is checked, so a wrong assumption here fails loudly instead of
"finding nothing".
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
RESERVE = 80
IV_SIZE = 16
SALT_SIZE = 16
SQLITE_HEADER = b"SQLite format 3\x00"
WAL_HEADER_SIZE = 32
WAL_FRAME_HEADER_SIZE = 24


class PageHmacMismatch(AssertionError):
    pass


def hmac_key(key: bytes, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", key, bytes(b ^ 0x3A for b in salt), 2, 32)


def decrypt_page(key: bytes, salt: bytes, page: bytes, page_no: int) -> bytes:
    """One page's plaintext (page 1 starts with SQLite's header, as if unencrypted)."""
    if len(page) != PAGE_SIZE:
        raise ValueError(f"page {page_no} is {len(page)} bytes")
    start = SALT_SIZE if page_no == 1 else 0
    body_end = PAGE_SIZE - RESERVE
    body = page[start:body_end]
    iv = page[body_end : body_end + IV_SIZE]
    mac = page[body_end + IV_SIZE :]
    expected = hmac.new(
        hmac_key(key, salt), body + iv + page_no.to_bytes(4, "little"), hashlib.sha512
    ).digest()
    if not hmac.compare_digest(mac, expected):
        raise PageHmacMismatch(f"page {page_no}: HMAC does not match (wrong key or layout)")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(body) + decryptor.finalize()
    return (SQLITE_HEADER if page_no == 1 else b"") + plain


def decrypt_database(db_path: Path, key: bytes) -> list[bytes]:
    """Every page of ``db_path``, decrypted and HMAC-checked."""
    data = db_path.read_bytes()
    if len(data) % PAGE_SIZE:
        raise ValueError("the database is not a whole number of pages")
    salt = data[:SALT_SIZE]
    pages = [
        decrypt_page(key, salt, data[i : i + PAGE_SIZE], i // PAGE_SIZE + 1)
        for i in range(0, len(data), PAGE_SIZE)
    ]
    if pages and pages[0][16:18] != PAGE_SIZE.to_bytes(2, "big"):
        raise AssertionError("page 1 did not decrypt to an SQLite header")
    return pages


def decrypt_wal(wal_path: Path, db_path: Path, key: bytes) -> list[bytes]:
    """Every frame in a write-ahead log (checkpointed or not), decrypted and checked."""
    if not wal_path.exists():
        return []
    data = wal_path.read_bytes()
    salt = db_path.read_bytes()[:SALT_SIZE]
    frames = []
    frame_size = WAL_FRAME_HEADER_SIZE + PAGE_SIZE
    for offset in range(WAL_HEADER_SIZE, len(data) - frame_size + 1, frame_size):
        page_no = int.from_bytes(data[offset : offset + 4], "big")
        page = data[offset + WAL_FRAME_HEADER_SIZE : offset + frame_size]
        frames.append(decrypt_page(key, salt, page, page_no))
    return frames
