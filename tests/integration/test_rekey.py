"""Re-keying: a new passphrase *and* a new database key, atomically.

After a passphrase may have been given up (at a border, under pressure), changing it is not
enough: an old copy of ``vault.key`` still unwraps the same database key, so it would open
the current database and every later one. ``rekey`` re-encrypts the database under a new
random key (``sqlcipher_export`` into a new file beside the old one) and wraps that key under
the new passphrase; afterwards no old key file opens any later state. Killed at any step,
the vault opens with the old passphrase or the new one, never neither, and nothing is lost.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper.errors import VaultDamaged, WeakPassphrase, WrongPassphrase
from contactkeeper.protect import device, rekey
from contactkeeper.records import actors
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import DB_NAME, KEY_NAME, Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.keyrings import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
NEW = "a brand new passphrase after the border"


def names(vault: Vault) -> list[str]:
    return sorted(a.display_name for a in actors.list_actors(vault, NOW))


def every_file(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A closed vault with records, some of them still in the write-ahead log."""
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        for i in range(30):
            actors.create_actor(vault, NewActor(f"Person {i:02}", notes="words " * 200), NOW)
    return path


def test_after_rekeying_no_old_key_file_opens_any_later_state(folder: Path, tmp_path: Path) -> None:
    old_key = (folder / KEY_NAME).read_bytes()
    earlier_copy = tmp_path / "copy-taken-before"
    shutil.copytree(folder, earlier_copy)
    with Vault.unlock(folder, PASSPHRASE) as before:
        old_db_key = before.database_key()
        expected = names(before)

    with rekey.rekey_vault(folder, PASSPHRASE, NEW, kdf=FAST_KDF) as vault:
        assert vault.database_key() != old_db_key
        assert names(vault) == expected
        actors.create_actor(vault, NewActor("Added after rekeying"), NOW)

    assert sorted(p.name for p in folder.iterdir() if "rekey" in p.name) == []
    with Vault.unlock(folder, NEW) as reopened:
        assert names(reopened) == sorted([*expected, "Added after rekeying"])
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASSPHRASE)
    # An old copy of vault.key, with the old passphrase, opens nothing of the new state.
    later = tmp_path / "later-state-with-the-old-key-file"
    shutil.copytree(folder, later)
    (later / KEY_NAME).write_bytes(old_key)
    with pytest.raises(VaultDamaged, match="does not decrypt"):
        Vault.unlock(later, PASSPHRASE)
    # What was copied before still opens with the old passphrase (as older backups do).
    with Vault.unlock(earlier_copy, PASSPHRASE) as old_state:
        assert names(old_state) == expected


def test_the_key_this_device_remembered_is_forgotten(folder: Path) -> None:
    memory = MemoryKeyring()
    with Vault.unlock(folder, PASSPHRASE) as vault:
        device.remember(vault, memory)
    assert memory.secrets
    rekey.rekey_vault(folder, PASSPHRASE, NEW, kdf=FAST_KDF, backend=memory).close()
    assert not (folder / device.DEVICE_NAME).exists()
    assert memory.secrets == {}
    assert device.unlock_remembered(folder, memory) is None


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [("not the passphrase", NEW, WrongPassphrase), (PASSPHRASE, "short", WeakPassphrase)],
    ids=["a wrong current passphrase", "a weak new passphrase"],
)
def test_a_refused_rekey_changes_nothing(
    folder: Path, old: str, new: str, error: type[Exception]
) -> None:
    before = every_file(folder)
    with pytest.raises(error):
        rekey.rekey_vault(folder, old, new, kdf=FAST_KDF)
    assert every_file(folder) == before


# -- killed at every step -----------------------------------------------------------------

_KILLED_CHILD = """
import os, signal, sys
from pathlib import Path
import sqlcipher3
from contactkeeper.protect import rekey
from contactkeeper.vault import connection as database
from contactkeeper.vault import keyfile
keyfile.lower_floor_for_tests(keyfile.KdfParams(8192, 1, 1))  # the suite's cheap vault
where = sys.argv[4]
exporting = [False]
if where == "export":
    real_connect = database.connect
    def connect(db_path, key_hex):
        cx = real_connect(db_path, key_hex)
        calls = [0]
        def tick():
            calls[0] += 1
            if exporting[0] and calls[0] > 200:
                os.kill(os.getpid(), signal.SIGKILL)
            return 0
        cx.set_progress_handler(tick, 50)
        return cx
    database.connect = connect
def progress(done, total):
    name = rekey.STEPS[done - 1] if done else "start"
    exporting[0] = name == "device forgotten" and where == "export"
    if name == where:
        os.kill(os.getpid(), signal.SIGKILL)
rekey.rekey_vault(Path(sys.argv[1]), sys.argv[2], sys.argv[3],
                  kdf=keyfile.KdfParams(8192, 1, 1), progress=progress).close()
print("finished")
"""


def _opens(folder: Path, passphrase: str) -> list[str] | None:
    try:
        with Vault.unlock(folder, passphrase) as vault:
            return names(vault)
    except WrongPassphrase:
        return None


@pytest.mark.parametrize("where", [*rekey.STEPS[:-1], "export"])
def test_killed_at_any_step_the_old_or_the_new_passphrase_opens_never_neither(
    where: str, folder: Path
) -> None:
    with Vault.unlock(folder, PASSPHRASE) as vault:
        expected = names(vault)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONTACTKEEPER_")}
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_CHILD, str(folder), PASSPHRASE, NEW, where],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
        env=env,
    )
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    left = sorted(p.name for p in folder.iterdir() if "rekey" in p.name)
    if where in ("export", "database copied", "copy checked", "key file committed"):
        assert "vault.db.rekey" in left  # killed with the copy there, made or half made

    with_old, with_new = _opens(folder, PASSPHRASE), _opens(folder, NEW)
    assert (with_old is None) != (with_new is None), (where, with_old, with_new)
    assert (with_old or with_new) == expected
    steps = list(rekey.STEPS)
    committed = where in steps and steps.index(where) >= steps.index("key file committed")
    assert (with_new is not None) == committed
    # The open that found the interrupted rekey finished or undid it: nothing is left over.
    assert [p.name for p in folder.iterdir() if "rekey" in p.name] == []
    if with_old is not None:  # and it can be done again, completely
        rekey.rekey_vault(folder, PASSPHRASE, NEW, kdf=FAST_KDF).close()
        assert _opens(folder, NEW) == expected


# -- the command line -----------------------------------------------------------------------


def test_passwd_rekey_changes_the_key_and_says_older_backups_still_open(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from contactkeeper import vault as vault_module

    monkeypatch.setattr(vault_module, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setattr(rekey, "calibrate", lambda *a, **k: FAST_KDF)
    old_key = (folder / KEY_NAME).read_bytes()
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW + "\n")
    status = cli.main(
        ["passwd", "--rekey", "--vault", str(folder), "--new-passphrase-file", str(new_file)]
    )
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "new database key" in out
    assert "older backups" in out.lower()
    assert "old passphrase" in out
    later = tmp_path / "later"
    shutil.copytree(folder, later)
    (later / KEY_NAME).write_bytes(old_key)
    with pytest.raises(VaultDamaged):
        Vault.unlock(later, PASSPHRASE)
    assert _opens(folder, NEW) is not None
    assert (folder / DB_NAME).is_file()
