"""Downgraded key-derivation settings are refused, and a new passphrase always gets
calibrated ones.

Whoever once held the passphrase (or the database key) can re-wrap ``vault.key`` with
trivially weak Argon2id settings under the same passphrase; if that file opened, and kept
its settings through ``passwd``, the next passphrase would be cheap to guess from a later
copy. Below the floor (RFC 9106's low-memory profile: 64 MiB, 3 passes, 4 lanes) a key file
is refused as possibly tampered with, before any key derivation, and ``passwd`` always
wraps with freshly calibrated settings.

The test suite makes its vaults with cheap settings (``FAST_KDF``), so ``tests/conftest.py``
lowers the floor for the suite's own process, through the one function meant for it; the
tests here put the real floor back (``real_floor``), and one checks, in a fresh process,
that nothing but that call lowers it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper import vault as vault_module
from contactkeeper.errors import VaultDamaged
from contactkeeper.vault import KEY_NAME, Vault, keyfile
from contactkeeper.vault.keyfile import FLOOR, KdfParams, KeyFile
from tests.conftest import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
NEW_PASSPHRASE = "a different passphrase entirely"
# What calibration returns in these tests: above the floor, and unlike anything else here.
CALIBRATED = KdfParams(memory_kib=64 * 1024, iterations=5, lanes=4)


@pytest.fixture
def real_floor() -> Iterator[None]:
    """The floor a real program has, for this test only."""
    lowered = keyfile.accepted_floor()
    keyfile.lower_floor_for_tests(None)
    try:
        yield
    finally:
        keyfile.lower_floor_for_tests(lowered)


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[KdfParams]:
    seen: list[KdfParams] = []
    real = KdfParams.derive

    def counting(self: KdfParams, passphrase: str, salt: bytes) -> bytes:
        seen.append(self)
        return real(self, passphrase, salt)

    monkeypatch.setattr(KdfParams, "derive", counting)
    return seen


@pytest.fixture
def downgraded(tmp_path: Path) -> Path:
    """A vault whose key file someone re-wrapped, same passphrase, with trivial settings."""
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, kdf=FLOOR) as vault:
        db_key = vault.database_key()
        weak = KeyFile.wrap(vault.vault_id, db_key, PASSPHRASE, KdfParams(8, 1, 1))
    weak.write(path / KEY_NAME)
    return path


def test_a_key_file_downgraded_below_the_floor_is_refused_before_deriving(
    downgraded: Path, real_floor: None, derivations: list[KdfParams]
) -> None:
    with pytest.raises(VaultDamaged) as caught:
        Vault.unlock(downgraded, PASSPHRASE)
    message = str(caught.value)
    assert caught.value.part == "key file"
    assert "weaker than ContactKeeper ever writes" in message
    assert "tampered" in message
    assert "backup" in message
    assert derivations == []


def test_the_command_line_refuses_it_in_one_line(
    downgraded: Path,
    real_floor: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    new_file = downgraded.parent / "new.txt"
    new_file.write_text(NEW_PASSPHRASE)
    status = cli.main(
        ["passwd", "--vault", str(downgraded), "--new-passphrase-file", str(new_file)]
    )
    out, err = capsys.readouterr()
    assert status == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "tampered" in err


def test_a_key_file_at_the_floor_opens(tmp_path: Path, real_floor: None) -> None:
    Vault.create(tmp_path / "vault", PASSPHRASE, kdf=FLOOR).close()
    with Vault.unlock(tmp_path / "vault", PASSPHRASE) as vault:
        assert vault.kdf == FLOOR


def test_changing_the_passphrase_always_wraps_with_calibrated_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vault_module, "calibrate", lambda *a, **k: CALIBRATED)
    with Vault.create(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF) as vault:
        vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
        assert vault.kdf == CALIBRATED
    assert KeyFile.read(tmp_path / "vault" / KEY_NAME).kdf == CALIBRATED


def test_passwd_on_the_command_line_wraps_with_calibrated_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(vault_module, "calibrate", lambda *a, **k: CALIBRATED)
    Vault.create(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF).close()
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW_PASSPHRASE)
    status = cli.main(
        ["passwd", "--vault", str(tmp_path / "vault"), "--new-passphrase-file", str(new_file)]
    )
    assert status == 0, capsys.readouterr().err
    assert KeyFile.read(tmp_path / "vault" / KEY_NAME).kdf == CALIBRATED


_FRESH_PROCESS = """
import json, sys
from pathlib import Path
from contactkeeper.vault import keyfile
from contactkeeper.errors import VaultDamaged
from contactkeeper.vault import Vault
floor = keyfile.accepted_floor()
try:
    Vault.unlock(Path(sys.argv[1]), sys.argv[2]).close()
    outcome = "opened"
except VaultDamaged as exc:
    outcome = str(exc)
print(json.dumps({"floor": [floor.memory_kib, floor.iterations, floor.lanes], "outcome": outcome}))
"""


def test_a_real_program_has_the_real_floor(tmp_path: Path) -> None:
    """No setting, file or environment variable lowers it: a fresh process (which does not
    import the test suite's conftest) refuses a vault made with the suite's cheap settings."""
    Vault.create(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF).close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONTACTKEEPER_")}
    done = subprocess.run(
        [sys.executable, "-c", _FRESH_PROCESS, str(tmp_path / "vault"), PASSPHRASE],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
    )
    result = json.loads(done.stdout)
    assert result["floor"] == [64 * 1024, 3, 4]
    assert "tampered" in result["outcome"]
