"""The key file: the database key wrapped under the passphrase, told apart from damage."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from contactkeeper.errors import NotAVault, VaultDamaged, VaultTooNew, WrongPassphrase
from contactkeeper.vault import KEY_NAME, Vault, keyfile
from contactkeeper.vault.keyfile import (
    FLOOR_ITERATIONS,
    FLOOR_LANES,
    FLOOR_MEMORY_KIB,
    MAX_ITERATIONS,
    MAX_LANES,
    MAX_MEMORY_KIB,
    KdfParams,
    KeyFile,
    calibrate,
    new_db_key,
)
from tests.conftest import FAST_KDF, PASSPHRASE

FLOOR = KdfParams(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, FLOOR_LANES)


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[KdfParams]:
    """Every Argon2id derivation that runs, recorded (the real one still runs)."""
    seen: list[KdfParams] = []
    real = KdfParams.derive

    def counting(self: KdfParams, passphrase: str, salt: bytes) -> bytes:
        seen.append(self)
        return real(self, passphrase, salt)

    monkeypatch.setattr(KdfParams, "derive", counting)
    return seen


def _edited(data: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    """The key file with ``change`` applied and its checksum made to match again."""
    body = json.loads(data)
    body.pop("checksum")
    change(body)
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")
    body["checksum"] = hashlib.sha256(canonical).hexdigest()
    return json.dumps(body).encode("ascii")


def _wrapped(db_key: bytes | None = None) -> KeyFile:
    return KeyFile.wrap("vault-id", db_key or new_db_key(), PASSPHRASE, FAST_KDF)


# -- wrapping and unwrapping ------------------------------------------------------------


def test_the_right_passphrase_unwraps_the_database_key() -> None:
    db_key = new_db_key()
    assert _wrapped(db_key).unwrap(PASSPHRASE) == db_key


def test_the_key_file_survives_a_trip_to_disk(tmp_path: Path) -> None:
    db_key = new_db_key()
    _wrapped(db_key).write(tmp_path / KEY_NAME)
    read = KeyFile.read(tmp_path / KEY_NAME)
    assert read.vault_id == "vault-id"
    assert read.kdf == FAST_KDF
    assert read.unwrap(PASSPHRASE) == db_key


def test_the_key_file_holds_no_key_in_clear(tmp_path: Path) -> None:
    db_key = new_db_key()
    data = _wrapped(db_key).to_bytes()
    assert db_key not in data
    assert db_key.hex().encode() not in data
    assert PASSPHRASE.encode() not in data


def test_every_wrap_uses_a_fresh_salt_and_nonce() -> None:
    db_key = new_db_key()
    first, second = _wrapped(db_key), _wrapped(db_key)
    assert first.salt != second.salt
    assert first.nonce != second.nonce
    assert first.ciphertext != second.ciphertext


def test_a_wrong_passphrase_is_called_a_wrong_passphrase() -> None:
    with pytest.raises(WrongPassphrase) as caught:
        _wrapped().unwrap("correct horse battery stapler")
    assert "does not open this vault" in str(caught.value)


def test_rewrapping_keeps_the_key_and_retires_the_old_passphrase() -> None:
    db_key = new_db_key()
    rewrapped = _wrapped(db_key).rewrap(db_key, "a new passphrase here")
    assert rewrapped.unwrap("a new passphrase here") == db_key
    assert rewrapped.vault_id == "vault-id"
    with pytest.raises(WrongPassphrase):
        rewrapped.unwrap(PASSPHRASE)


# -- damage is not a wrong passphrase ---------------------------------------------------


@pytest.mark.parametrize(
    ("damage", "detail"),
    [
        (lambda d: d.replace(b'"iterations": 1', b'"iterations": 2'), "checksum"),
        (lambda d: d[: len(d) // 2], "not valid JSON"),
        (lambda d: d.replace(b'"ciphertext": "', b'"ciphertext": "AAAA'), "checksum"),
        (lambda d: d.replace(b'"checksum"', b'"checksun"'), "checksum"),
    ],
    ids=["a changed parameter", "cut in half", "a changed ciphertext", "no checksum"],
)
def test_a_damaged_key_file_is_named_as_the_damaged_part(
    damage: Callable[[bytes], bytes], detail: str, derivations: list[KdfParams]
) -> None:
    data = damage(_wrapped().to_bytes())
    derivations.clear()
    with pytest.raises(VaultDamaged) as caught:
        KeyFile.from_bytes(data)
    assert caught.value.part == "key file"
    assert "key file is damaged" in str(caught.value)
    assert detail in str(caught.value)
    assert derivations == []  # damage is found before any key derivation


def test_a_damaged_key_file_in_a_vault_is_reported_by_unlock(
    make_vault: Callable[..., Vault], derivations: list[KdfParams]
) -> None:
    vault = make_vault()
    vault.close()
    key_path = vault.path / KEY_NAME
    data = bytearray(key_path.read_bytes())
    data[data.index(b'"salt": "') + 12] ^= 0x01
    key_path.write_bytes(bytes(data))
    derivations.clear()
    with pytest.raises(VaultDamaged) as caught:
        Vault.unlock(vault.path, PASSPHRASE)
    assert caught.value.part == "key file"
    assert derivations == []


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b["kdf"].update(memory_kib=MAX_MEMORY_KIB * 2),
        lambda b: b["kdf"].update(iterations=MAX_ITERATIONS + 1),
        lambda b: b["kdf"].update(iterations=10**9),
        lambda b: b["kdf"].update(lanes=MAX_LANES + 1),
        lambda b: b["kdf"].update(memory_kib=1),
        lambda b: b["kdf"].update(iterations=0),
    ],
    ids=["4 GiB", "65 passes", "a billion passes", "17 lanes", "1 KiB", "no passes"],
)
def test_hostile_key_derivation_settings_are_refused_before_deriving(
    change: Callable[[dict[str, Any]], None], tmp_path: Path, derivations: list[KdfParams]
) -> None:
    (tmp_path / KEY_NAME).write_bytes(_edited(_wrapped().to_bytes(), change))
    derivations.clear()
    with pytest.raises(VaultDamaged) as caught:
        KeyFile.read(tmp_path / KEY_NAME)
    assert "out of range" in str(caught.value)
    assert derivations == []


def test_a_key_file_from_a_newer_version_asks_for_the_newer_version() -> None:
    data = _edited(_wrapped().to_bytes(), lambda b: b.update(version=keyfile.VERSION + 1))
    with pytest.raises(VaultTooNew) as caught:
        KeyFile.from_bytes(data)
    assert "key file version 2" in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00\x01binary junk", b'{"format": "something-else"}', b"[1, 2, 3]", b"x" * 70_000],
    ids=["empty", "binary", "another format", "a JSON list", "far too large"],
)
def test_something_else_in_place_of_a_key_file_is_not_a_vault(data: bytes) -> None:
    with pytest.raises(NotAVault):
        KeyFile.from_bytes(data, "the folder")


def test_a_missing_key_file_means_no_vault(tmp_path: Path) -> None:
    with pytest.raises(NotAVault) as caught:
        KeyFile.read(tmp_path / KEY_NAME)
    assert "vault.key" in str(caught.value)


# -- the key derivation's parameters ----------------------------------------------------


def test_calibration_never_goes_below_the_rfc_9106_low_memory_profile() -> None:
    # Asking for an impossibly short time still gets the floor: m=64 MiB, t=3, p=4.
    assert calibrate(target_seconds=1e-6) == FLOOR
    assert FLOOR.meets_floor()


def test_calibration_stays_within_the_bounds_a_key_file_may_hold() -> None:
    params = calibrate(target_seconds=1e6)
    assert params.meets_floor()
    assert params.within_bounds()
    assert params.iterations == MAX_ITERATIONS


def test_a_vault_made_with_real_calibrated_parameters_unlocks(
    tmp_path: Path, derivations: list[KdfParams]
) -> None:
    with Vault.create(tmp_path / "real", PASSPHRASE) as vault:
        assert vault.kdf.meets_floor()
        assert vault.kdf.within_bounds()
    assert all(d.meets_floor() for d in derivations)
    with Vault.unlock(tmp_path / "real", PASSPHRASE) as again:
        assert again.schema_revision() is not None
    with pytest.raises(WrongPassphrase):
        Vault.unlock(tmp_path / "real", PASSPHRASE.upper())


def test_unlocking_derives_the_key_once_however_many_connections_open(
    make_vault: Callable[..., Vault], derivations: list[KdfParams]
) -> None:
    made = make_vault()
    made.close()
    derivations.clear()
    with Vault.unlock(made.path, PASSPHRASE) as vault:
        with vault.engine.connect() as a, vault.engine.connect() as b, vault.engine.connect() as c:
            for conn in (a, b, c):
                conn.exec_driver_sql("SELECT count(*) FROM actors").fetchall()
        for _ in range(5):
            with vault.transaction() as session:
                session.connection().exec_driver_sql("SELECT 1").fetchall()
        assert vault.engine.pool.checkedin() >= 3  # three connections were made...
    assert len(derivations) == 1  # ...from one key derivation
