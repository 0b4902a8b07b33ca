"""Remember on this device against a real Secret Service (gnome-keyring), not a stand-in.

The test starts its own private D-Bus session (``dbus-run-session``) with HOME and the XDG
folders inside its temporary folder, so it touches neither the developer's keyring nor a
desktop session, and runs tests/helpers/keyring_child.py in it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.keyring,
    pytest.mark.skipif(
        shutil.which("dbus-run-session") is None or shutil.which("gnome-keyring-daemon") is None,
        reason="needs dbus-run-session and gnome-keyring-daemon (Debian: dbus, gnome-keyring)",
    ),
]

REPO = Path(__file__).resolve().parents[2]


def _private_session_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DBUS_", "XDG_", "GNOME_KEYRING", "KEYRING_", "PYTHON_KEYRING"))
        and k not in ("DISPLAY", "WAYLAND_DISPLAY")  # no unlock prompt can be shown
    }
    for name, sub in (
        ("HOME", "home"),
        ("XDG_DATA_HOME", "home/.local/share"),
        ("XDG_CONFIG_HOME", "home/.config"),
        ("XDG_CACHE_HOME", "home/.cache"),
        ("XDG_RUNTIME_DIR", "run"),
    ):
        folder = tmp_path / sub
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        env[name] = str(folder)
    env["PYTHONPATH"] = str(REPO)
    return env


def test_remember_unlock_without_passphrase_then_forget_on_a_real_secret_service(
    tmp_path: Path,
) -> None:
    vault_dir = tmp_path / "vault"
    done = subprocess.run(
        [
            "dbus-run-session",
            "--",
            sys.executable,
            "-m",
            "tests.helpers.keyring_child",
            str(vault_dir),
        ],
        cwd=REPO,
        env=_private_session_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    assert seen["status"][0] is True, seen["status"][1]
    assert "SecretService" in seen["status"][1]
    assert seen["remembered"] is True
    assert seen["items_after_remember"] == 1
    assert seen["key_in_keyring"] is False
    assert seen["unlocked"] is True
    assert seen["names"] == ["Amira Haddad"]
    assert seen["forgot"] is True
    assert seen["remembered_after_forget"] is False
    assert seen["items_after_forget"] == 0
    assert seen["unlock_after_forget"] is False
    # Locked keyring, prompt dismissed: explained, passphrase instead, forgetting still works.
    assert seen["locked_status"][0] is False
    assert "locked" in seen["locked_status"][1]
    assert "locked" in seen["locked_unlock"]
    assert "passphrase" in seen["locked_unlock"]
    assert seen["locked_forget"] is False
    assert seen["device_file_after_locked_forget"] is False
    # The keyring's own files live in the test's HOME, nowhere else.
    assert list((tmp_path / "home/.local/share/keyrings").glob("*.keyring"))
