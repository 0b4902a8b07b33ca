"""The vault on disk: hardened connections, private files, passphrase change, clear errors."""

from __future__ import annotations

import errno
import hashlib
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from contactkeeper.errors import (
    DiskFull,
    NotAVault,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultTooNew,
    WeakPassphrase,
    WrongPassphrase,
)
from contactkeeper.records import actors
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import DB_NAME, KEY_NAME, Vault, files, schema_head
from contactkeeper.vault.keyfile import KeyFile
from contactkeeper.vault.model import Tag
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
NEW_PASSPHRASE = "seven wet ravens in a boat"

# SQLCipher 4's defaults, which cipher_compatibility = 4 pins.
SQLCIPHER_4 = {
    "PRAGMA kdf_iter = 256000;",
    "PRAGMA cipher_page_size = 4096;",
    "PRAGMA cipher_use_hmac = 1;",
    "PRAGMA cipher_plaintext_header_size = 0;",
    "PRAGMA cipher_hmac_algorithm = HMAC_SHA512;",
    "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;",
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _closed(make_vault: Callable[..., Vault], with_actor: bool = True) -> Path:
    vault = make_vault()
    if with_actor:
        actors.create_actor(vault, NewActor("Layla Haddad"), NOW)
    vault.close()
    return vault.path


# -- connections ------------------------------------------------------------------------


def test_every_pooled_connection_is_hardened(vault: Vault) -> None:
    pragmas = (
        ("temp_store", 2),
        ("secure_delete", 1),
        ("foreign_keys", 1),
        ("journal_mode", "wal"),
        ("synchronous", 2),
        ("cipher_log_level", "NONE"),
    )
    with vault.engine.connect() as a, vault.engine.connect() as b, vault.engine.connect() as c:
        connections = (a, b, c)
        raw = {id(conn.connection.dbapi_connection) for conn in connections}
        assert len(raw) == 3  # three distinct connections from the pool
        for conn in connections:
            for name, expected in pragmas:
                assert conn.exec_driver_sql(f"PRAGMA {name}").scalar() == expected, name
            settings = {row[0] for row in conn.exec_driver_sql("PRAGMA cipher_settings")}
            assert settings == SQLCIPHER_4


def _same_tag_twice(vault: Vault, name: str) -> None:
    with vault.transaction() as session:
        session.add_all([Tag(name=name), Tag(name=name)])


def test_the_engine_never_puts_record_data_in_its_errors(vault: Vault) -> None:
    with pytest.raises(sa.exc.IntegrityError) as caught:
        _same_tag_twice(vault, "Secret Canary Name")
    assert "UNIQUE constraint failed" in str(caught.value)
    assert "Secret Canary Name" not in str(caught.value)


def test_a_locked_vault_refuses_work_and_holds_no_connection(vault: Vault) -> None:
    engine = vault.engine
    with vault.transaction() as session:
        session.execute(sa.text("SELECT 1"))
    vault.close()
    assert engine.pool.checkedout() == 0
    assert not vault.is_open
    with pytest.raises(VaultLocked):
        vault.transaction().__enter__()
    with pytest.raises(VaultLocked):
        _ = vault.engine
    vault.close()  # twice is fine


# -- files ------------------------------------------------------------------------------


def test_the_folder_and_every_file_are_private_to_the_user(vault: Vault) -> None:
    actors.create_actor(vault, NewActor("Layla Haddad"), NOW)
    with vault.engine.connect() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM actors").fetchall()
        names = {p.name for p in vault.path.iterdir()}
        assert {KEY_NAME, DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"} <= names
        assert stat.S_IMODE(vault.path.stat().st_mode) == 0o700
        for path in vault.path.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_the_database_file_does_not_look_like_sqlite(vault: Vault) -> None:
    actors.create_actor(vault, NewActor("Layla Haddad", notes="Forum director"), NOW)
    vault.checkpoint()
    data = (vault.path / DB_NAME).read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"Layla" not in data
    assert b"CREATE TABLE" not in data


def test_a_vault_is_made_only_in_a_new_or_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(VaultExists):
        Vault.create(tmp_path / "taken", PASSPHRASE, kdf=FAST_KDF)
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["holiday.jpg"]
    (tmp_path / "empty").mkdir()
    Vault.create(tmp_path / "empty", PASSPHRASE, kdf=FAST_KDF).close()


def test_a_weak_passphrase_is_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(WeakPassphrase) as caught:
        Vault.create(tmp_path / "v", "short", kdf=FAST_KDF)
    assert "at least 8 characters" in str(caught.value)
    assert not (tmp_path / "v").exists()


# -- passphrase change ------------------------------------------------------------------


def test_changing_the_passphrase_rewraps_the_key_and_leaves_the_data_alone(
    make_vault: Callable[..., Vault],
) -> None:
    path = _closed(make_vault)
    db_before = _digest(path / DB_NAME)
    with Vault.unlock(path, PASSPHRASE) as vault:
        vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, FAST_KDF)
    assert _digest(path / DB_NAME) == db_before
    with pytest.raises(WrongPassphrase):
        Vault.unlock(path, PASSPHRASE)
    with Vault.unlock(path, NEW_PASSPHRASE) as vault:
        assert [a.display_name for a in actors.list_actors(vault, NOW)] == ["Layla Haddad"]
    assert sorted(p.name for p in path.iterdir() if p.name.startswith(".")) == []


def test_a_passphrase_change_needs_the_current_passphrase(
    make_vault: Callable[..., Vault],
) -> None:
    path = _closed(make_vault)
    key_before = _digest(path / KEY_NAME)
    with Vault.unlock(path, PASSPHRASE) as vault, pytest.raises(WrongPassphrase):
        vault.change_passphrase("not the passphrase", NEW_PASSPHRASE, FAST_KDF)
    assert _digest(path / KEY_NAME) == key_before


def test_the_passphrase_can_be_confirmed_again_while_unlocked(vault: Vault) -> None:
    key_before = _digest(vault.path / KEY_NAME)
    assert vault.verify_passphrase(PASSPHRASE)
    assert not vault.verify_passphrase("not the passphrase")
    assert not vault.verify_passphrase("")
    assert _digest(vault.path / KEY_NAME) == key_before


def test_confirming_follows_a_passphrase_change_and_needs_an_open_vault(vault: Vault) -> None:
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, FAST_KDF)
    assert vault.verify_passphrase(NEW_PASSPHRASE)
    assert not vault.verify_passphrase(PASSPHRASE)
    vault.close()
    with pytest.raises(VaultLocked):
        vault.verify_passphrase(NEW_PASSPHRASE)


def test_a_passphrase_change_cut_short_by_a_full_disk_keeps_the_old_passphrase(
    make_vault: Callable[..., Vault], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _closed(make_vault)
    key_before = _digest(path / KEY_NAME)

    # A full disk cannot be had on demand here: the final rename fails as it would.
    def no_space(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with Vault.unlock(path, PASSPHRASE) as vault:
        monkeypatch.setattr(files.os, "replace", no_space)
        with pytest.raises(DiskFull):
            vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, FAST_KDF)
        monkeypatch.undo()
    assert _digest(path / KEY_NAME) == key_before
    assert [p.name for p in path.iterdir() if p.name.startswith(".")] == []
    Vault.unlock(path, PASSPHRASE).close()


# -- opening what is not a (usable) vault -----------------------------------------------


def test_a_missing_folder_is_not_a_vault(tmp_path: Path) -> None:
    with pytest.raises(NotAVault) as caught:
        Vault.unlock(tmp_path / "nowhere", PASSPHRASE)
    assert "there is no folder there" in str(caught.value)


def test_an_ordinary_folder_is_not_a_vault(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8\xff")
    with pytest.raises(NotAVault) as caught:
        Vault.unlock(tmp_path / "photos", PASSPHRASE)
    message = str(caught.value)
    assert "photos is not a ContactKeeper vault" in message
    assert "vault.key" in message


def test_a_key_file_without_its_database_is_not_a_vault(
    make_vault: Callable[..., Vault],
) -> None:
    path = _closed(make_vault)
    for extra in path.glob(f"{DB_NAME}*"):
        extra.unlink()
    with pytest.raises(NotAVault) as caught:
        Vault.unlock(path, PASSPHRASE)
    assert "no database" in str(caught.value)


def test_a_plain_sqlite_file_in_place_of_the_database_is_damage(
    make_vault: Callable[..., Vault],
) -> None:
    import sqlite3

    path = _closed(make_vault)
    (path / DB_NAME).unlink()
    plain = sqlite3.connect(path / DB_NAME)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    with pytest.raises(VaultDamaged) as caught:
        Vault.unlock(path, PASSPHRASE)
    assert caught.value.part == "database"


def test_a_vault_from_a_newer_schema_asks_for_the_newer_version(
    make_vault: Callable[..., Vault],
) -> None:
    vault = make_vault()
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    vault.close()
    with pytest.raises(VaultTooNew) as caught:
        Vault.unlock(vault.path, PASSPHRASE)
    assert "schema 9999_from_the_future" in str(caught.value)
    assert "newer version of ContactKeeper" in str(caught.value)
    assert not list(vault.path.glob("*pre-migration*"))


def test_a_damaged_first_page_is_damage_not_a_wrong_passphrase(
    make_vault: Callable[..., Vault],
) -> None:
    path = _closed(make_vault)
    db = path / DB_NAME
    data = bytearray(db.read_bytes())
    data[5] ^= 0x01  # inside the salt: no page decrypts any more
    db.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged) as caught:
        Vault.unlock(path, PASSPHRASE)
    assert caught.value.part == "database"
    assert "The vault's database is damaged" in str(caught.value)
    assert "Restore the vault from a backup" in str(caught.value)


def test_a_damaged_record_page_opens_but_fails_the_integrity_check(
    make_vault: Callable[..., Vault],
) -> None:
    vault = make_vault()
    for i in range(30):
        actors.create_actor(vault, NewActor(f"Person {i}", notes="words " * 500), NOW)
    vault.checkpoint()
    vault.close()
    db = vault.path / DB_NAME
    data = bytearray(db.read_bytes())
    data[-2000] ^= 0x01  # a record's page near the end, not the schema's
    db.write_bytes(bytes(data))
    with Vault.unlock(vault.path, PASSPHRASE) as again:
        report = again.check_integrity()
    assert not report.ok
    # Both checks speak, each in its own words: one failing does not hide the other.
    assert any("HMAC verification failed for page" in line for line in report.cipher_problems)
    assert report.sqlite_problems


def test_an_intact_vault_passes_every_integrity_check(vault: Vault) -> None:
    actors.create_actor(vault, NewActor("Layla Haddad"), NOW)
    report = vault.check_integrity()
    assert report.ok
    assert report.cipher_problems == ()
    assert report.sqlite_problems == ()
    assert report.foreign_key_problems == 0


def test_a_new_vault_is_at_the_newest_schema_with_its_id_in_the_key_file(vault: Vault) -> None:
    assert vault.schema_revision() == schema_head()
    assert KeyFile.read(vault.path / KEY_NAME).vault_id == vault.vault_id
    assert vault.path.is_absolute()
