"""A failed open changes nothing: every file of the vault stays byte-identical, none appear.

Each case breaks a real vault on disk the way it happens in life (a mistyped passphrase, a
bad sector, a copy cut short, the wrong folder, a vault from a newer version, a crash that
left a write-ahead log), tries to unlock it, and compares a hash of every file in the folder
before and after.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper.errors import NotAVault, VaultDamaged, VaultError, VaultTooNew, WrongPassphrase
from contactkeeper.records import actors
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import DB_NAME, KEY_NAME, Vault
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def file_hashes(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (names relative to it) and the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def _truncate(path: Path, size: int) -> None:
    with path.open("r+b") as handle:
        handle.truncate(size)


def _future_schema(path: Path) -> None:
    with Vault.unlock(path, PASSPHRASE) as vault, vault.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0999'")


def _key_offset(path: Path, field: bytes) -> int:
    return path.read_bytes().index(field) + len(field) + 4


Breakage = Callable[[Path], None]

CASES: dict[str, tuple[Breakage, str, type[VaultError]]] = {
    "a wrong passphrase": (lambda p: None, "not the passphrase", WrongPassphrase),
    "a key file with a flipped bit": (
        lambda p: _flip(p / KEY_NAME, _key_offset(p / KEY_NAME, b'"ciphertext": "')),
        PASSPHRASE,
        VaultDamaged,
    ),
    "a key file cut short": (lambda p: _truncate(p / KEY_NAME, 150), PASSPHRASE, VaultDamaged),
    "a flipped bit in the database's first page": (
        lambda p: _flip(p / DB_NAME, 5),
        PASSPHRASE,
        VaultDamaged,
    ),
    "a flipped bit in the database's table of contents": (
        lambda p: _flip(p / DB_NAME, 4096 + 700),
        PASSPHRASE,
        VaultDamaged,
    ),
    "a database cut short at a page boundary": (
        lambda p: _truncate(p / DB_NAME, 4096),
        PASSPHRASE,
        VaultDamaged,
    ),
    "a database cut short mid-page": (
        lambda p: _truncate(p / DB_NAME, (p / DB_NAME).stat().st_size - 1000),
        PASSPHRASE,
        VaultDamaged,
    ),
    "an empty database": (lambda p: _truncate(p / DB_NAME, 0), PASSPHRASE, VaultDamaged),
    "a foreign file in place of the database": (
        lambda p: (p / DB_NAME).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64),
        PASSPHRASE,
        VaultDamaged,
    ),
    "a foreign file in place of the key file": (
        lambda p: (p / KEY_NAME).write_bytes(b"[Desktop Entry]\nName=Notes\n"),
        PASSPHRASE,
        NotAVault,
    ),
    "a vault from a newer schema": (_future_schema, PASSPHRASE, VaultTooNew),
}


@pytest.fixture
def good_vault(tmp_path: Path) -> Path:
    """A closed vault with a few records, so that its database spans many pages."""
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        for i in range(12):
            actors.create_actor(vault, NewActor(f"Person {i}", notes="words " * 300), NOW)
    return path


@pytest.mark.parametrize("case", list(CASES))
def test_a_failed_open_leaves_every_file_byte_identical(case: str, good_vault: Path) -> None:
    breakage, passphrase, error = CASES[case]
    breakage(good_vault)
    before = file_hashes(good_vault)
    with pytest.raises(error):
        Vault.unlock(good_vault, passphrase)
    assert file_hashes(good_vault) == before


@pytest.fixture
def crashed_vault(tmp_path: Path) -> Path:
    """A vault copied while open with writes still in its write-ahead log, as after a crash."""
    live = tmp_path / "live"
    crashed = tmp_path / "crashed"
    with Vault.create(live, PASSPHRASE, kdf=FAST_KDF) as vault:
        actors.create_actor(vault, NewActor("Layla Haddad"), NOW)
        with vault.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM actors").fetchall()
            shutil.copytree(live, crashed)
    assert (crashed / f"{DB_NAME}-wal").stat().st_size > 0
    return crashed


def test_a_wrong_passphrase_after_a_crash_leaves_the_log_untouched(crashed_vault: Path) -> None:
    before = file_hashes(crashed_vault)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(crashed_vault, "not the passphrase")
    assert file_hashes(crashed_vault) == before


def test_a_damaged_key_file_after_a_crash_leaves_the_log_untouched(crashed_vault: Path) -> None:
    _flip(crashed_vault / KEY_NAME, _key_offset(crashed_vault / KEY_NAME, b'"salt": "'))
    before = file_hashes(crashed_vault)
    with pytest.raises(VaultDamaged):
        Vault.unlock(crashed_vault, PASSPHRASE)
    assert file_hashes(crashed_vault) == before


def test_a_newer_schema_found_in_the_log_after_a_crash_leaves_the_data_untouched(
    tmp_path: Path,
) -> None:
    live, crashed = tmp_path / "live", tmp_path / "crashed"
    with Vault.create(live, PASSPHRASE, kdf=FAST_KDF) as vault:
        with vault.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0999'")
        with vault.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1").fetchall()
            shutil.copytree(live, crashed)
    before = file_hashes(crashed)
    with pytest.raises(VaultTooNew):
        Vault.unlock(crashed, PASSPHRASE)
    # The log's shared-memory index is read without being rewritten: every byte stays.
    assert file_hashes(crashed) == before


def test_the_right_passphrase_after_a_crash_finds_the_logged_records(crashed_vault: Path) -> None:
    with Vault.unlock(crashed_vault, PASSPHRASE) as vault:
        names = [a.display_name for a in actors.list_actors(vault, NOW)]
    assert names == ["Layla Haddad"]


def test_an_ordinary_folder_is_left_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("Dear Layla,")
    before = file_hashes(folder)
    with pytest.raises(NotAVault):
        Vault.unlock(folder, PASSPHRASE)
    assert file_hashes(folder) == before
