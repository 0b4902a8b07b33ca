"""Promise 6: the database key is never stored in clear, in any file or in the keyring.

HOME, the XDG folders and TMPDIR point into the test's folder, so every file the program
could write is in scope. After a full round (create, write, remember on this device,
change the passphrase, lock, unlock both ways) every byte of every file, and every secret
in the (in-memory) keyring, is searched for the key in each form it could take.
"""

from __future__ import annotations

import base64
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper.protect import device
from contactkeeper.records import actors
from contactkeeper.vault import KEY_NAME, Vault
from contactkeeper.vault.keyfile import KeyFile
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.canary import files_under
from tests.helpers.keyrings import MemoryKeyring

NEW_PASSPHRASE = "another passphrase for the journey"
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def key_forms(key: bytes) -> list[bytes]:
    """The database key raw, in hex, and in base64, as bytes and as UTF-16 text."""
    texts = [
        key.hex(),
        key.hex().upper(),
        base64.b64encode(key).decode(),
        base64.urlsafe_b64encode(key).decode(),
        base64.b64encode(key).decode().rstrip("="),
        base64.urlsafe_b64encode(key).decode().rstrip("="),
    ]
    return [key] + [t.encode(enc) for t in texts for enc in ("utf-8", "utf-16-le")]


def files_holding(key: bytes, *roots: Path) -> list[Path]:
    forms = key_forms(key)
    return [p for p in files_under(*roots) if any(f in p.read_bytes() for f in forms)]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    for variable, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
        ("TMPDIR", "tmp"),
    ):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(variable, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return home


def test_the_database_key_is_in_no_file_and_not_in_the_keyring(home: Path) -> None:
    memory = MemoryKeyring()
    path = home / ".local/share/ContactKeeper/vault"
    vault = Vault.create(path, PASSPHRASE, kdf=FAST_KDF)
    actors.create_actor(vault, actors.NewActor(display_name="Amira Haddad"), NOW)
    device.remember(vault, memory)
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, FAST_KDF)
    vault.checkpoint()
    vault.close()
    reopened = device.unlock_remembered(path, memory)
    assert reopened is not None
    reopened.close()
    with Vault.unlock(path, NEW_PASSPHRASE) as again:
        key = again.database_key()

    assert KeyFile.read(path / KEY_NAME).unwrap(NEW_PASSPHRASE) == key
    assert (path / device.DEVICE_NAME).is_file(), "the device's wrapped copy exists"
    assert files_holding(key, home) == []
    stored = list(memory.secrets.values())
    assert len(stored) == 1
    assert not any(form in secret.encode() for secret in stored for form in key_forms(key))
    assert bytes.fromhex(stored[0]) != key


def test_negative_control_the_scan_finds_a_key_written_in_clear(tmp_path: Path) -> None:
    key = bytes(range(32))
    (tmp_path / "settings.ini").write_text(f"[vault]\nlast=1\nkey={key.hex()}\n")
    (tmp_path / "notes.json").write_bytes(b'{"k": "' + base64.b64encode(key) + b'"}')
    assert sorted(p.name for p in files_holding(key, tmp_path)) == ["notes.json", "settings.ini"]
