"""A hostile key file gets one clear error, never a traceback, a hang or "wrong passphrase".

Someone who can write to the vault's folder (or a damaged disk) can put anything in
``vault.key``: numbers that are not numbers, text or booleans where whole numbers belong,
duplicate or unknown fields, JSON nested thousands deep, settings that would make the key
derivation take minutes and gigabytes, or no file at all but a link, a folder or a pipe. Each
is refused as a damaged key file (or as not a vault) before any key derivation runs; the
command line says so in one line, and destroy-after-N-failures does not count it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from contactkeeper import cli
from contactkeeper.errors import NotAVault, VaultDamaged, VaultError
from contactkeeper.vault import KEY_NAME, Vault, keyfile
from contactkeeper.vault.keyfile import KdfParams, KeyFile, new_db_key
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[KdfParams]:
    """Every Argon2id derivation that starts, recorded (none runs: each raises at once)."""
    seen: list[KdfParams] = []

    def refusing(self: KdfParams, passphrase: str, salt: bytes) -> bytes:
        seen.append(self)
        raise AssertionError("a hostile key file reached the key derivation")

    monkeypatch.setattr(KdfParams, "derive", refusing)
    return seen


# A real key file, made once (the tests below forbid key derivations).
TEMPLATE = KeyFile.wrap("vault-id", new_db_key(), PASSPHRASE, FAST_KDF).to_bytes()


def _body() -> dict[str, Any]:
    body: dict[str, Any] = json.loads(TEMPLATE)
    return body


def _sealed(body: dict[str, Any]) -> bytes:
    """``body`` written out with a checksum that matches it (an attacker recomputes it)."""
    body = dict(body)
    body.pop("checksum", None)
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")
    body["checksum"] = hashlib.sha256(canonical).hexdigest()
    return json.dumps(body).encode("ascii")


def _kdf(**changes: object) -> bytes:
    body = _body()
    body["kdf"].update(changes)
    return _sealed(body)


def _raw_kdf_value(name: str, raw: str) -> bytes:
    """A key file whose ``kdf[name]`` is the literal JSON text ``raw``, sealed with the
    checksum a lax reader (Python's own ``json``, no digit limit) would compute for it."""
    body = _body()
    body["kdf"][name] = 987654321
    text = json.dumps(body).replace("987654321", raw)
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        sealed = _sealed(json.loads(text))
        return sealed.replace(b"Infinity", raw.encode()) if raw == "1e400" else sealed
    finally:
        sys.set_int_max_str_digits(limit)


def _duplicate_field() -> bytes:
    body = _body()
    data = _sealed(body)
    # The same field twice: a lax reader keeps the last value, which matches the checksum.
    return data.replace(b'"lanes": 1', b'"lanes": 16, "lanes": 1', 1)


def _unknown_field() -> bytes:
    body = _body()
    body["comment"] = "added by someone else"
    return _sealed(body)


def _nested(depth: int) -> bytes:
    return b'{"format": "contactkeeper-key", "x": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "vault"
    Vault.create(path, PASSPHRASE, kdf=FAST_KDF).close()
    return path


HOSTILE: dict[str, Callable[[], bytes]] = {
    "Infinity passes": lambda: _raw_kdf_value("iterations", "Infinity"),
    "NaN memory": lambda: _raw_kdf_value("memory_kib", "NaN"),
    "1e400 memory": lambda: _raw_kdf_value("memory_kib", "1e400"),
    "a 5000-digit number of passes": lambda: _raw_kdf_value("iterations", "9" * 5000),
    "memory as text": lambda: _kdf(memory_kib="65536"),
    "lanes as true": lambda: _kdf(lanes=True),
    "memory as a fraction": lambda: _kdf(memory_kib=65536.0),
    "passes as a list": lambda: _kdf(iterations=[3]),
    "a negative number of lanes": lambda: _kdf(lanes=-4),
    "the version as true": lambda: _sealed({**_body(), "version": True}),
    "the vault id as a number": lambda: _sealed({**_body(), "vault_id": 12345}),
    "the vault id as an object": lambda: _sealed({**_body(), "vault_id": {"a": 1}}),
    "a duplicate field": _duplicate_field,
    "an unknown field": _unknown_field,
    "an unknown field in the settings": lambda: _kdf(parallelism=4),
    "a setting missing": lambda: _sealed({**_body(), "kdf": {"name": "argon2id"}}),
    "a wrapped key of the wrong length": lambda: _sealed(
        {**_body(), "wrap": {**_body()["wrap"], "ciphertext": "AAAA"}}
    ),
    "JSON nested 100,000 deep": lambda: _nested(100_000),
    "JSON nested 30 deep": lambda: _nested(30),
    # What the key file allowed before: a minute and 2 GiB for every attempt.
    "2 GiB of memory": lambda: _kdf(memory_kib=2 * 1024 * 1024, iterations=3, lanes=4),
    "64 passes over 1 GiB": lambda: _kdf(memory_kib=1024 * 1024, iterations=64, lanes=4),
    "16 lanes": lambda: _kdf(memory_kib=64 * 1024, iterations=3, lanes=16),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_key_file_is_refused_in_one_clear_error_before_deriving(
    case: str, derivations: list[KdfParams]
) -> None:
    data = HOSTILE[case]()
    with pytest.raises(VaultError) as caught:
        KeyFile.from_bytes(data, "the folder")
    assert isinstance(caught.value, VaultDamaged | NotAVault)
    assert "passphrase does not open" not in str(caught.value)
    assert derivations == []


@pytest.mark.parametrize("case", list(HOSTILE))
def test_the_command_line_says_so_in_one_line(
    case: str,
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    derivations: list[KdfParams],
) -> None:
    (folder / KEY_NAME).write_bytes(HOSTILE[case]())
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    status = cli.main(["info", "--vault", str(folder)])
    out, err = capsys.readouterr()
    assert status == 1
    assert out == ""
    assert err.startswith("contactkeeper: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert "passphrase does not open" not in err
    assert derivations == []


def test_the_settings_a_real_vault_needs_stay_accepted() -> None:
    """The bounds leave room for everything calibration makes, plus a margin."""
    for params in (
        KdfParams(64 * 1024, 3, 4),
        KdfParams(64 * 1024, keyfile.MAX_ITERATIONS, 4),
        KdfParams(keyfile.MAX_MEMORY_KIB, 3, 4),
    ):
        assert params.within_bounds(), params
        body = _body()
        body["kdf"].update(
            memory_kib=params.memory_kib, iterations=params.iterations, lanes=params.lanes
        )
        assert KeyFile.from_bytes(_sealed(body)).kdf == params
    assert keyfile.calibrate(target_seconds=1e6).within_bounds()


# -- not a file ---------------------------------------------------------------------------


def test_a_key_file_that_is_a_link_is_not_followed(folder: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.key"
    os.replace(folder / KEY_NAME, elsewhere)
    (folder / KEY_NAME).symlink_to(elsewhere)
    with pytest.raises(VaultDamaged) as caught:
        Vault.unlock(folder, PASSPHRASE)
    assert "link" in str(caught.value)


def test_a_key_file_that_is_a_folder_is_one_clear_error(folder: Path) -> None:
    (folder / KEY_NAME).unlink()
    (folder / KEY_NAME).mkdir()
    with pytest.raises(VaultDamaged) as caught:
        Vault.unlock(folder, PASSPHRASE)
    assert "folder" in str(caught.value)


def test_a_key_file_that_is_a_pipe_never_hangs(folder: Path) -> None:
    (folder / KEY_NAME).unlink()
    os.mkfifo(folder / KEY_NAME)
    outcome: list[BaseException | None] = []

    def unlock() -> None:
        try:
            Vault.unlock(folder, PASSPHRASE).close()
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    worker = threading.Thread(target=unlock, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # let the stuck reader go, then fail
        os.close(os.open(folder / KEY_NAME, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=10)
        pytest.fail("unlocking a vault whose key file is a pipe hangs")
    assert len(outcome) == 1
    assert isinstance(outcome[0], VaultDamaged)
    assert "not a plain file" in str(outcome[0])


def test_a_huge_key_file_is_not_read_into_memory(folder: Path) -> None:
    with (folder / KEY_NAME).open("r+b") as handle:
        handle.truncate(8 * 1024**3)  # sparse: 8 GiB that take no room on the disk
    with pytest.raises(NotAVault) as caught:
        Vault.unlock(folder, PASSPHRASE)
    assert "too large" in str(caught.value)
