"""Whatever else is in the vault's folder, destroying it overwrites the key file first.

A hostile ``vault.device`` (JSON nested 100,000 deep, a folder, a link, a pipe, a huge
file) or a hostile ``vault.key`` (a link, a folder, a pipe) must not stop ``destroy``,
``forget-device`` or destroy-after-N-failures with a traceback or a hang, never make them
follow a link out of the folder, and never come before the key file is overwritten. What
could not be removed is reported.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from contactkeeper.protect import device
from contactkeeper.protect.destroy import DestroyReport, destroy_vault
from contactkeeper.vault import DB_NAME, KEY_NAME, Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.keyrings import MemoryKeyring

# The files and damage these tests plant are set aside with a logged warning: that is the
# behaviour under test, so warnings are allowed here.
pytestmark = pytest.mark.allow_log_warnings

ROOT = Path(__file__).resolve().parents[2]
VICTIM_TEXT = b"a file of the user's, outside the vault"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "vault"
    Vault.create(path, PASSPHRASE, kdf=FAST_KDF).close()
    return path


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A file outside the vault that a link inside it points to: it must stay untouched."""
    path = tmp_path / "outside" / "letter.txt"
    path.parent.mkdir()
    path.write_bytes(VICTIM_TEXT)
    return path


def _nested(path: Path) -> None:
    path.write_bytes(b'{"format": "contactkeeper-device", "x": ' + b"[" * 100_000 + b"]" * 100_000)


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("something")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _huge(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(8 * 1024**3)  # sparse: 8 GiB that take no room on the disk


HOSTILE_DEVICE: dict[str, Callable[[Path], None]] = {
    "JSON nested 100,000 deep": _nested,
    "a folder": _folder,
    "a pipe": _fifo,
    "a huge file": _huge,
    "a link out of the folder": lambda p: None,  # made by the test: it needs the victim
}


def _plant_device(folder: Path, case: str, victim: Path) -> None:
    target = folder / device.DEVICE_NAME
    if case == "a link out of the folder":
        target.symlink_to(victim)
    else:
        HOSTILE_DEVICE[case](target)


def _finishes(work: Callable[[], object], pipes: list[Path]) -> object:
    """Run ``work`` in a thread; fail (after freeing it) if it hangs on one of ``pipes``."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():
        for pipe in pipes:
            if pipe.exists():
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=10)
        pytest.fail("it hangs on a pipe in the vault's folder")
    (result,) = outcome
    if isinstance(result, BaseException):
        raise result
    return result


@pytest.mark.parametrize("case", list(HOSTILE_DEVICE))
def test_a_hostile_device_file_does_not_stop_the_key_file_being_overwritten(
    case: str, folder: Path, victim: Path, tmp_path: Path
) -> None:
    witness = tmp_path / "key-witness"
    os.link(folder / KEY_NAME, witness)
    before = witness.read_bytes()
    _plant_device(folder, case, victim)

    report = _finishes(lambda: destroy_vault(folder), [folder / device.DEVICE_NAME])

    assert isinstance(report, DestroyReport)
    after = witness.read_bytes()
    assert len(after) == len(before)
    assert after != before
    assert b"contactkeeper-key" not in after
    assert not folder.exists()
    assert victim.read_bytes() == VICTIM_TEXT
    if case == "a link out of the folder":  # said, since what it points to is still there
        assert report.left_behind == (
            "vault.device: was a symbolic link; it was removed, what it points to was not",
        )
    else:
        assert report.left_behind == ()


def test_the_key_file_is_overwritten_before_the_device_file_is_even_read(
    folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    memory = MemoryKeyring()
    with Vault.unlock(folder, PASSPHRASE) as vault:
        device.remember(vault, memory)
    witness = tmp_path / "key-witness"
    os.link(folder / KEY_NAME, witness)
    before = witness.read_bytes()
    seen: list[bytes] = []
    real = device._read_entry

    def reading(path: Path) -> object:
        seen.append(witness.read_bytes())
        return real(path)

    monkeypatch.setattr(device, "_read_entry", reading)
    report = destroy_vault(folder, memory)
    assert seen
    assert all(state != before for state in seen)
    assert report.keyring_entry_removed
    assert memory.secrets == {}


@pytest.mark.parametrize("kind", ["a link out of the folder", "a folder", "a pipe"])
def test_a_hostile_key_file_is_removed_without_following_or_waiting(
    kind: str, folder: Path, victim: Path
) -> None:
    key = folder / KEY_NAME
    key.unlink()
    if kind == "a link out of the folder":
        key.symlink_to(victim)
    elif kind == "a folder":
        _folder(key)
    else:
        _fifo(key)

    report = _finishes(lambda: destroy_vault(folder), [key])

    assert isinstance(report, DestroyReport)
    assert not folder.exists()
    assert victim.read_bytes() == VICTIM_TEXT


def _refuse_unlink(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make deleting files called ``name`` fail, as on a read-only or failing disk."""
    real = os.unlink

    def unlink(path: object, *args: object, **kwargs: object) -> None:
        if os.path.basename(os.fsdecode(path)) == name:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", name)
        real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", unlink)


def test_what_could_not_be_removed_is_reported(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "notes-stuck.txt").write_text("x")
    _refuse_unlink(monkeypatch, "notes-stuck.txt")
    report = destroy_vault(folder)
    assert KEY_NAME in report.shredded
    assert report.key_file_destroyed
    assert any(line.startswith("notes-stuck.txt: Permission denied") for line in report.left_behind)
    assert not os.path.lexists(folder / KEY_NAME)


def test_a_key_file_that_cannot_be_removed_is_said_plainly(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from contactkeeper import cli

    _refuse_unlink(monkeypatch, KEY_NAME)
    status = cli.main(["destroy", "--vault", str(folder), "--confirm", "destroy"])
    out, err = capsys.readouterr()
    assert status == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "the key file" in err
    assert "could not be destroyed" in err
    assert "Permission denied" in err


# -- the command line, as a person runs it --------------------------------------------------


def _command(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONTACTKEEPER_")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run(
        [sys.executable, "-m", "contactkeeper", *argv],
        env=env,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("case", list(HOSTILE_DEVICE))
def test_forget_device_with_a_hostile_device_file_answers_in_one_line(
    case: str, folder: Path, victim: Path
) -> None:
    _plant_device(folder, case, victim)
    try:
        done = _command("forget-device", "--vault", str(folder))
    except subprocess.TimeoutExpired:
        pytest.fail("forget-device hangs")
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip().splitlines()) == 1
    assert not os.path.lexists(folder / device.DEVICE_NAME)
    assert victim.read_bytes() == VICTIM_TEXT
    assert (folder / KEY_NAME).is_file()  # forgetting the device leaves the vault as it was
    assert (folder / DB_NAME).is_file()


@pytest.mark.parametrize("case", list(HOSTILE_DEVICE))
def test_destroy_with_a_hostile_device_file_destroys_the_vault(
    case: str, folder: Path, victim: Path
) -> None:
    _plant_device(folder, case, victim)
    try:
        done = _command("destroy", "--vault", str(folder), "--confirm", "destroy")
    except subprocess.TimeoutExpired:
        pytest.fail("destroy hangs")
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert "was destroyed" in done.stdout
    assert not folder.exists()
    assert victim.read_bytes() == VICTIM_TEXT
