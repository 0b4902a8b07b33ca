"""After a crash (a write-ahead log and its shared-memory index left beside the database), a
failed open leaves every file byte-identical, the index (``vault.db-shm``) included.

Reading a log normally makes SQLite rebuild that index in place; the open that only checks
the key and the schema version reads it without writing (``readonly_shm``), so "nothing was
changed" is true of every byte in the folder.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper.errors import VaultDamaged, VaultError, VaultTooNew, WrongPassphrase
from contactkeeper.records import actors
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import DB_NAME, KEY_NAME, Vault
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
SHM = f"{DB_NAME}-shm"
WAL = f"{DB_NAME}-wal"


def every_file(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def _crashed(tmp_path: Path, change: Callable[[Vault], None] | None = None) -> Path:
    """A vault copied while open, its last writes only in the log, as after a crash."""
    live, crashed = tmp_path / "live", tmp_path / "crashed"
    with Vault.create(live, PASSPHRASE, kdf=FAST_KDF) as vault:
        actors.create_actor(vault, NewActor("Layla Haddad"), NOW)
        if change is not None:
            change(vault)
        with vault.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM actors").fetchall()
            shutil.copytree(live, crashed)
    assert (crashed / WAL).stat().st_size > 0
    assert (crashed / SHM).stat().st_size > 0
    return crashed


def _newer_schema(vault: Vault) -> None:
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0999'")


def _another_vaults_key(folder: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    Vault.create(other, PASSPHRASE, kdf=FAST_KDF).close()
    shutil.copy(other / KEY_NAME, folder / KEY_NAME)


@pytest.mark.parametrize(
    ("case", "error"),
    [
        ("a newer schema, in the log only", VaultTooNew),
        ("another vault's key file, the same passphrase", VaultDamaged),
        ("a wrong passphrase", WrongPassphrase),
    ],
)
def test_a_failed_open_after_a_crash_leaves_every_file_byte_identical(
    case: str, error: type[VaultError], tmp_path: Path
) -> None:
    crashed = _crashed(tmp_path, _newer_schema if case.startswith("a newer") else None)
    if case.startswith("another"):
        _another_vaults_key(crashed, tmp_path)
    passphrase = "not the passphrase" if case == "a wrong passphrase" else PASSPHRASE
    before = every_file(crashed)
    with pytest.raises(error):
        Vault.unlock(crashed, passphrase)
    assert every_file(crashed) == before


def test_the_right_passphrase_still_finds_what_only_the_log_holds(tmp_path: Path) -> None:
    crashed = _crashed(tmp_path)
    with Vault.unlock(crashed, PASSPHRASE) as vault:
        assert [a.display_name for a in actors.list_actors(vault, NOW)] == ["Layla Haddad"]
