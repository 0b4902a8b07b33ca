"""What a crash leaves is cleaned on the next open and by destroy.

Each test runs the real operation in a child process and kills it (SIGKILL, nothing can
tidy up) at the step where its temporaries exist: a backup with its one-time-keyed copy of
the database made, a restore with its new vault (under the new passphrase) half built, a
verification with its copy written, a passphrase change with the new key file written but
not yet in place. The child is stopped at that step by a function replaced inside the
child itself, never by a hook in the program. Then the test opens the vault (or destroys
it, or verifies again) and looks for what is left.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper.errors import WrongPassphrase
from contactkeeper.exchange import backup, restore
from contactkeeper.protect import destroy as wipe
from contactkeeper.records import actors
from contactkeeper.vault import Vault
from contactkeeper.vault.keyfile import KeyFile
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock

NEW_PASSPHRASE = "the passphrase after the change"
ROOT = Path(__file__).resolve().parents[2]

# The child: run one operation and SIGKILL itself at a named step.
CHILD = """
import os, signal, sys
from pathlib import Path
from contactkeeper.exchange import backup, restore
from contactkeeper.vault import files, keyfile
from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF

step, vault_path, passphrase, other = sys.argv[1:5]

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

if step == "backup":  # the copy is made and checked: die while it is sealed
    vault = Vault.unlock(Path(vault_path), passphrase)
    def progress(done, total):
        if done > 0:
            die()
    backup.create_backup(vault, Path(other), recipients=[sys.argv[5]], progress=progress)
elif step == "restore":  # the new vault is built: die before it is swapped in
    restore._swap_in = die
    backup.restore_backup(Path(other), Path(vault_path), passphrase,
                          identities=[sys.argv[5]], kdf=FAST_KDF, confirmed=True)
elif step == "restore-swapped":  # the folders traded places: die before the old is put aside
    real_rename = os.rename
    def rename(source, target, *args, **kwargs):
        if str(target).endswith(".pre-restore"):
            die()
        return real_rename(source, target, *args, **kwargs)
    restore.os.rename = rename
    backup.restore_backup(Path(other), Path(vault_path), passphrase,
                          identities=[sys.argv[5]], kdf=FAST_KDF, confirmed=True)
elif step == "verify":  # the backup's copy is written: die while it is checked
    restore._check_image = die
    backup.verify_backup(Path(other), identities=[sys.argv[5]])
elif step == "passwd":  # the new key file is written: die before it replaces the old one
    vault = Vault.unlock(Path(vault_path), passphrase)
    files.os.replace = die
    vault.change_passphrase(passphrase, other, FAST_KDF)
raise SystemExit("the step was never reached")
"""


@pytest.fixture(autouse=True)
def _private_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


def kill_at(step: str, *args: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [sys.executable, "-c", CHILD, step, *args],
        capture_output=True,
        check=False,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()[-2000:]


def hidden_in(*folders: Path) -> list[Path]:
    """Every file or folder inside a hidden folder, or hidden itself (a temporary)."""
    return sorted(
        {
            p
            for folder in folders
            if folder.exists()
            for p in folder.rglob("*")
            if any(part.startswith(".") for part in p.relative_to(folder).parts)
        }
    )


def key_files_below(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and "vault.key" in p.name]


@pytest.fixture
def closed_vault(make_vault: Callable[..., Vault], clock: FakeClock) -> Path:
    vault = make_vault()
    actors.create_actor(vault, actors.NewActor("Layla Haddad"), clock())
    vault.close()
    return vault.path


@pytest.fixture
def keys() -> tuple[str, str]:
    return backup.new_identity()


def test_a_killed_backup_leaves_a_copy_that_the_next_open_removes(
    closed_vault: Path, tmp_path: Path, keys: tuple[str, str]
) -> None:
    (tmp_path / "stick").mkdir()
    kill_at("backup", str(closed_vault), PASSPHRASE, str(tmp_path / "stick" / "b.age"), keys[1])
    left = [p for p in hidden_in(closed_vault, tmp_path) if p.name.endswith(".db")]
    assert left, "the killed backup left no copy: the test did not reach its step"

    Vault.unlock(closed_vault, PASSPHRASE).close()

    assert [p for p in hidden_in(closed_vault, tmp_path) if p.name.endswith(".db")] == []


def test_destroy_removes_what_a_killed_backup_left(
    closed_vault: Path, tmp_path: Path, keys: tuple[str, str]
) -> None:
    (tmp_path / "stick").mkdir()
    kill_at("backup", str(closed_vault), PASSPHRASE, str(tmp_path / "stick" / "b.age"), keys[1])
    assert [p for p in hidden_in(closed_vault, tmp_path) if p.name.endswith(".db")]

    wipe.destroy_vault(closed_vault)

    assert hidden_in(tmp_path) == []


def test_a_killed_restore_leaves_a_vault_under_the_new_passphrase_that_the_next_open_removes(
    closed_vault: Path, tmp_path: Path, keys: tuple[str, str]
) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        made = tmp_path / "b.age"
        backup.create_backup(vault, made, recipients=[keys[1]])
    kill_at("restore", str(closed_vault), NEW_PASSPHRASE, str(made), keys[0])
    (building,) = [p for p in key_files_below(tmp_path) if closed_vault not in p.parents]
    KeyFile.read(building).unwrap(NEW_PASSPHRASE)  # it would open with the new passphrase

    Vault.unlock(closed_vault, PASSPHRASE).close()

    assert [p for p in key_files_below(tmp_path) if closed_vault not in p.parents] == []
    assert [p for p in hidden_in(tmp_path) if p.name.endswith(".db")] == []


def test_a_restore_killed_just_after_the_swap_keeps_the_previous_vault(
    closed_vault: Path, tmp_path: Path, keys: tuple[str, str]
) -> None:
    """The folders traded places, then the program died before the previous vault became
    `.pre-restore`: it sits in the restore's work folder, and must never be swept away."""
    probe = tmp_path / "probe"
    (probe / "a").mkdir(parents=True)
    (probe / "b").mkdir()
    if not restore._exchange(probe / "a", probe / "b"):
        pytest.skip("no atomic exchange of folders on this file system")
    shutil.rmtree(probe)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        made = tmp_path / "b.age"
        backup.create_backup(vault, made, recipients=[keys[1]])
    kill_at("restore-swapped", str(closed_vault), NEW_PASSPHRASE, str(made), keys[0])

    Vault.unlock(closed_vault, NEW_PASSPHRASE).close()  # the restored vault is in place

    kept = backup.pre_restore_path(closed_vault)
    with Vault.unlock(kept, PASSPHRASE) as previous:  # and the previous one was kept
        assert [a.display_name for a in actors.list_actors(previous, datetime.now(UTC))] == [
            "Layla Haddad"
        ]
    assert [p for p in hidden_in(tmp_path) if "restoring" in str(p)] == []


def test_destroy_removes_what_a_killed_restore_left(
    closed_vault: Path, tmp_path: Path, keys: tuple[str, str]
) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        made = tmp_path / "b.age"
        backup.create_backup(vault, made, recipients=[keys[1]])
    kill_at("restore", str(closed_vault), NEW_PASSPHRASE, str(made), keys[0])

    wipe.destroy_vault(closed_vault)

    assert key_files_below(tmp_path) == []
    assert hidden_in(tmp_path) == []


def test_a_killed_verification_leaves_a_copy_that_the_next_one_removes(
    closed_vault: Path, tmp_path: Path, keys: tuple[str, str]
) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        made = tmp_path / "b.age"
        backup.create_backup(vault, made, recipients=[keys[1]])
    kill_at("verify", str(closed_vault), PASSPHRASE, str(made), keys[0])
    data_home = tmp_path / "data-home"
    assert [p for p in hidden_in(data_home) if p.name.endswith(".db")]

    backup.verify_backup(made, identities=[keys[0]])

    assert [p for p in hidden_in(data_home) if p.name.endswith(".db")] == []


def test_a_killed_passphrase_change_leaves_a_key_file_that_the_next_open_shreds(
    closed_vault: Path,
) -> None:
    kill_at("passwd", str(closed_vault), PASSPHRASE, NEW_PASSPHRASE)
    (left,) = [p for p in closed_vault.iterdir() if p.name.startswith(".vault.key.")]
    KeyFile.read(left).unwrap(NEW_PASSPHRASE)  # it opens the vault with the new passphrase

    with Vault.unlock(closed_vault, PASSPHRASE) as vault:  # the change never happened
        vault.change_passphrase(PASSPHRASE, "a later passphrase, chosen well", FAST_KDF)

    assert [p.name for p in closed_vault.iterdir() if p.name.startswith(".")] == []
    with pytest.raises(WrongPassphrase):
        Vault.unlock(closed_vault, NEW_PASSPHRASE)


def test_the_temporaries_of_an_operation_still_running_are_left_alone(
    closed_vault: Path, tmp_path: Path
) -> None:
    from contactkeeper.vault import temporaries

    with temporaries.private_temp(closed_vault, "backup") as busy:
        (busy / "vault.db").write_bytes(b"a copy being written")
        Vault.unlock(closed_vault, PASSPHRASE).close()
        assert (busy / "vault.db").exists()
    assert not busy.exists()


def test_copies_left_beside_the_vault_by_earlier_versions_are_removed_once_old(
    closed_vault: Path, tmp_path: Path
) -> None:
    """Before temporaries were locked, a killed backup left `.contactkeeper-backup-*` beside
    the vault; one that has not changed for a while cannot belong to a running program."""
    old = tmp_path / ".contactkeeper-backup-k3j4h5g6"
    old.mkdir()
    (old / "vault.db").write_bytes(b"an old copy")
    an_hour_ago = time.time() - 3600
    os.utime(old / "vault.db", (an_hour_ago, an_hour_ago))
    os.utime(old, (an_hour_ago, an_hour_ago))
    fresh = tmp_path / ".contactkeeper-verify-a1b2c3d4"
    fresh.mkdir()

    Vault.unlock(closed_vault, PASSPHRASE).close()

    assert not old.exists()
    assert fresh.exists()  # perhaps another program's, just made: left for later
