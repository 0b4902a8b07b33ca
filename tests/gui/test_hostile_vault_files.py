"""Hostile files in a vault's folder, met by the unlock screen with "destroy after N failed
unlocks" on: a hostile device file does not stop the destroy, and a tampered key file (or a
pipe in its place) is refused as damaged without a key derivation, and never counted as a
failed unlock.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from contactkeeper.protect import device
from contactkeeper.records import actors
from contactkeeper.vault import KEY_NAME, Vault, is_vault
from contactkeeper.vault.keyfile import KdfParams
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import OPEN_TIMEOUT_MS, make_window, settings_in

WRONG = "correct horse battery stable"
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def existing_vault(tmp_path: Path) -> Path:
    path = tmp_path / "field-notes"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        actors.create_actor(vault, actors.NewActor(display_name="Amira Haddad"), NOW)
    settings_in(tmp_path).remember_vault(path)
    return path


def _try(qtbot, window, clock: FakeClock, passphrase: str) -> str:
    clock.advance(minutes=5)
    window.start.countdown.refresh()
    ui = window.start.unlock_page.ui
    ui.passphraseEdit.setText(passphrase)
    with qtbot.waitSignal(window.start.failed, timeout=OPEN_TIMEOUT_MS) as failed:
        qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)
    return str(failed.args[0])


@pytest.mark.allow_log_warnings
@pytest.mark.parametrize("kind", ["JSON nested 100,000 deep", "a link out of the folder"])
def test_a_hostile_device_file_does_not_stop_destroy_after_failures(
    kind: str,
    qtbot,
    tmp_path: Path,
    clock: FakeClock,
    existing_vault: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    victim = tmp_path / "letter.txt"
    victim.write_text("dear friend")
    planted = existing_vault / device.DEVICE_NAME
    if kind == "a link out of the folder":
        planted.symlink_to(victim)
    else:
        planted.write_bytes(b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    witness = tmp_path / "key-witness"
    os.link(existing_vault / KEY_NAME, witness)
    before = witness.read_bytes()
    settings = settings_in(tmp_path)
    settings.lockout.set_limit(existing_vault, 3)
    window, _, _ = make_window(qtbot, tmp_path, clock, settings)
    for _ in range(2):
        _try(qtbot, window, clock, WRONG)
    with qtbot.waitSignal(window.start.vault_destroyed, timeout=OPEN_TIMEOUT_MS):
        _try(qtbot, window, clock, WRONG)
    assert not existing_vault.exists()
    assert witness.read_bytes() != before
    assert victim.read_text() == "dear friend"
    # The hostile file is set aside with a warning (and nothing of it in the log).
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warnings == [] or all(w.startswith("vault.device is ignored") for w in warnings)


def _old_largest_settings(key: Path) -> None:
    """The key file rewritten with what it allowed before: 2 GiB, a minute per attempt."""
    body = json.loads(key.read_bytes())
    body.pop("checksum")
    body["kdf"].update(memory_kib=2 * 1024 * 1024, iterations=64, lanes=16)
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")
    body["checksum"] = hashlib.sha256(canonical).hexdigest()
    key.write_bytes(json.dumps(body).encode("ascii"))


def _pipe(key: Path) -> None:
    key.unlink()
    os.mkfifo(key)


@pytest.mark.parametrize("tamper", [_old_largest_settings, _pipe], ids=["2 GiB", "a pipe"])
def test_a_tampered_key_file_is_damaged_not_a_wrong_passphrase_and_never_counted(
    tamper, qtbot, tmp_path: Path, clock: FakeClock, existing_vault: Path, monkeypatch
) -> None:
    derived: list[KdfParams] = []
    real = KdfParams.derive

    def counting(self: KdfParams, passphrase: str, salt: bytes) -> bytes:
        derived.append(self)
        return real(self, passphrase, salt)

    monkeypatch.setattr(KdfParams, "derive", counting)
    settings = settings_in(tmp_path)
    settings.lockout.set_limit(existing_vault, 3)
    window, _, _ = make_window(qtbot, tmp_path, clock, settings)
    assert window.start.unlock_page.path == existing_vault
    tamper(existing_vault / KEY_NAME)  # while the unlock screen waits for the passphrase
    for _ in range(5):
        message = _try(qtbot, window, clock, WRONG)
        assert "key file is damaged" in message
        assert "passphrase does not open" not in message
        assert settings.lockout.failures(existing_vault) == 0
    assert os.path.lexists(existing_vault / KEY_NAME)
    assert is_vault(existing_vault) or tamper is _pipe
    assert derived == []
