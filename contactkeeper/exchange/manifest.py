"""A backup's manifest and payload: what the decrypted age file holds, and its report.

The payload is an uncompressed POSIX tar of ``manifest.json`` then ``vault.db``
(:func:`pack_payload`, :func:`unpack_payload`). The manifest (:class:`Manifest`) says the
format and its version, the vault id, schema revision, app version, creation time, the
counts per record kind, and the database image's SHA-256, size, page size and one-time
key; reading it refuses anything malformed, unknown or newer. :class:`BackupReport` is
what a verified backup holds, as shown to people (never the records, never the key).
"""

from __future__ import annotations

import io
import json
import re
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from contactkeeper.errors import BackupDamaged, BackupIncomplete, BackupTooNew
from contactkeeper.exchange.age_header import BLOCK, CHUNK
from contactkeeper.i18n import _

FORMAT = "contactkeeper-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DATABASE_NAME = "vault.db"
MAX_MANIFEST_BYTES = 1024 * 1024
DEFAULT_PAGE_SIZE = 4096
# What SQLCipher can open with its default per-page reserve (IV and HMAC-SHA512).
PAGE_SIZES = frozenset(1 << n for n in range(10, 17))
HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class BackupReport:
    """What a verified backup holds (never the records themselves, never its key)."""

    path: str
    format_version: int
    vault_id: str
    schema_revision: str
    app_version: str
    created_at: datetime
    counts: dict[str, int]
    database_bytes: int
    encrypted_to: str  # "passphrase" or "recipients"
    # Verified backups of an older schema are upgraded on their throwaway copy: to this.
    upgrades_to: str | None = None

    @property
    def schema_line(self) -> str:
        """What was proved of the database's schema, for the verification report."""
        if self.upgrades_to:
            return _(
                "Schema: exactly as ContactKeeper makes it at revision {revision}, and it "
                "upgrades cleanly to {newer}"
            ).format(revision=self.schema_revision, newer=self.upgrades_to)
        return _("Schema: exactly as ContactKeeper makes it at revision {revision}").format(
            revision=self.schema_revision
        )


@dataclass(frozen=True)
class Manifest:
    format_version: int
    vault_id: str
    schema_revision: str
    app_version: str
    created_at: datetime
    counts: dict[str, int]
    database_sha256: str
    database_bytes: int
    database_key: str
    database_page_size: int = DEFAULT_PAGE_SIZE

    def to_json(self) -> bytes:
        body = {
            "format": FORMAT,
            "format_version": self.format_version,
            "vault_id": self.vault_id,
            "schema_revision": self.schema_revision,
            "app_version": self.app_version,
            "created_at": self.created_at.isoformat(),
            "counts": self.counts,
            "database": {
                "name": DATABASE_NAME,
                "bytes": self.database_bytes,
                "sha256": self.database_sha256,
                "cipher": "sqlcipher4",
                "key": self.database_key,
                "page_size": self.database_page_size,
            },
        }
        return json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        try:
            body = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise BackupDamaged(_("its manifest is not valid JSON")) from None
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise BackupDamaged(_("it holds no ContactKeeper manifest"))
        version = body.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise BackupDamaged(_("its manifest has no valid format version"))
        if version > FORMAT_VERSION:
            raise BackupTooNew(_("backup format {version}").format(version=version))
        try:
            db = body["database"]
            counts = body["counts"]
            created = datetime.fromisoformat(_str(body["created_at"]))
            manifest = cls(
                format_version=version,
                vault_id=_str(body["vault_id"]),
                schema_revision=_str(body["schema_revision"]),
                app_version=_str(body["app_version"]),
                created_at=created if created.tzinfo else created.replace(tzinfo=UTC),
                counts={_str(k): _count(v) for k, v in counts.items()},
                database_sha256=_str(db["sha256"]),
                database_bytes=_count(db["bytes"]),
                database_key=_str(db["key"]),
                database_page_size=_count(db.get("page_size", DEFAULT_PAGE_SIZE)),
            )
            name, cipher = db["name"], db["cipher"]
        except (KeyError, TypeError, ValueError, AttributeError):
            raise BackupDamaged(_("its manifest lacks a field or has a malformed one")) from None
        if (
            name != DATABASE_NAME
            or cipher != "sqlcipher4"
            or manifest.database_page_size not in PAGE_SIZES
        ):
            raise BackupDamaged(_("its manifest names an unknown database layout"))
        if not (
            HEX64.fullmatch(manifest.database_key) and HEX64.fullmatch(manifest.database_sha256)
        ):
            raise BackupDamaged(_("its manifest's key or checksum is malformed"))
        return manifest


def _str(value: object) -> str:
    if not isinstance(value, str) or len(value) > 1000:
        raise TypeError("expected short text")
    return value


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError("expected a count")
    return value


def pack_payload(manifest: Manifest, data: bytes) -> bytes:
    """The payload tar: manifest first, then the database image.

    The bytes ``tarfile`` writes (ustar headers, each member padded to 512-byte blocks, two
    zero blocks, the whole padded to tar's 10 KiB records), put together in one join: the
    image, most of a payload of hundreds of megabytes, is copied once."""
    mtime = int(manifest.created_at.timestamp())
    parts: list[bytes] = []
    for name, content in ((MANIFEST_NAME, manifest.to_json()), (DATABASE_NAME, data)):
        info = tarfile.TarInfo(name)
        info.size = len(content)
        info.mtime = mtime
        info.mode = 0o600
        parts += [
            info.tobuf(tarfile.USTAR_FORMAT, tarfile.ENCODING, "surrogateescape"),
            content,
            bytes(-len(content) % BLOCK),
        ]
    length = sum(len(part) for part in parts) + 2 * BLOCK
    length += -length % tarfile.RECORDSIZE
    if length % CHUNK == 0:
        # Keep the last age chunk short, so a cut at a chunk boundary shows in the length.
        length += BLOCK
    parts.append(bytes(length - sum(len(part) for part in parts)))
    return b"".join(parts)


def unpack_payload(payload: bytes) -> tuple[Manifest, memoryview]:
    """The manifest, and the database image as a view into ``payload`` (not a copy: the
    image is most of a payload of hundreds of megabytes)."""
    try:
        with tarfile.open(fileobj=io.BytesIO(payload), mode="r:") as tar:
            members = tar.getmembers()
            if [m.name for m in members] != [MANIFEST_NAME, DATABASE_NAME] or not all(
                m.isreg() for m in members
            ):
                raise BackupDamaged(_("its contents are not a manifest and a database"))
            if members[0].size > MAX_MANIFEST_BYTES:
                raise BackupDamaged(_("its manifest is far too large"))
            parts = []
            for member in members:
                start = member.offset_data
                content = memoryview(payload)[start : start + member.size]
                if len(content) != member.size:
                    raise BackupIncomplete(_("a file inside it is cut short"))
                parts.append(content)
    except (tarfile.TarError, EOFError, OSError, ValueError, UnicodeError):
        raise BackupDamaged(_("its contents are not a valid archive")) from None
    return Manifest.from_json(bytes(parts[0])), parts[1]


def backup_report(
    path: Path, manifest: Manifest, encrypted_to: str, upgrades_to: str | None = None
) -> BackupReport:
    return BackupReport(
        path=str(path),
        format_version=manifest.format_version,
        vault_id=manifest.vault_id,
        schema_revision=manifest.schema_revision,
        app_version=manifest.app_version,
        created_at=manifest.created_at,
        counts=dict(manifest.counts),
        database_bytes=manifest.database_bytes,
        encrypted_to=encrypted_to,
        upgrades_to=upgrades_to,
    )
