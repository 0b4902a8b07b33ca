"""Backups are sealed and opened with a passphrase in a child process, so that the program's
own threads (the desktop's window, the checks beside the seal) run on meanwhile."""

from __future__ import annotations

import itertools
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest

from contactkeeper.errors import BackupError
from contactkeeper.exchange import age_child, backup
from contactkeeper.vault import Vault

PASSPHRASE = "a long passphrase for the backup test"


@pytest.fixture(autouse=True)
def _private_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Verification works in the app's data folder: keep it inside the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


def test_what_the_child_seals_age_opens_and_a_wrong_passphrase_is_ages_refusal() -> None:
    data = os.urandom(300_000)
    sealed = age_child.encrypt(data, PASSPHRASE)
    assert sealed.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert data not in sealed
    assert pyrage.passphrase.decrypt(sealed, PASSPHRASE) == data
    with pytest.raises(pyrage.DecryptError, match=r"(?i)decryption failed"):
        age_child.decrypt(sealed, "not the passphrase at all")


def test_the_programs_other_threads_run_while_the_child_seals() -> None:
    """pyrage in this process would hold the interpreter's lock for the whole seal (scrypt
    alone takes about a second or more at the work factor age picks): a thread ticking
    every 5 ms got no turn at all."""
    ticks: list[float] = []
    sealing = threading.Event()

    def tick() -> None:
        while sealing.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.005)

    sealing.set()
    ticker = threading.Thread(target=tick)
    ticker.start()
    started = time.perf_counter()
    try:
        age_child.encrypt(os.urandom(4 * 1024 * 1024), PASSPHRASE)
    finally:
        took = time.perf_counter() - started
        sealing.clear()
        ticker.join()
    longest = max(b - a for a, b in itertools.pairwise(ticks))
    assert len(ticks) > 10
    assert longest < max(0.25, took / 4), (longest, took)


def test_a_child_that_cannot_start_or_is_killed_is_told_apart_from_a_refusal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(age_child, "command", lambda: [str(tmp_path / "missing")])
    with pytest.raises(age_child.ChildFailed, match="could not start"):
        age_child.encrypt(b"x", PASSPHRASE)
    # What the system does to a process when memory runs out.
    killed = [sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"]
    monkeypatch.setattr(age_child, "command", lambda: killed)
    with pytest.raises(age_child.ChildFailed, match="-9"):
        age_child.decrypt(b"x", PASSPHRASE)


def test_a_backup_sealed_by_the_child_verifies_and_a_killed_child_says_so(
    monkeypatch: pytest.MonkeyPatch, vault: Vault, tmp_path: Path
) -> None:
    made = backup.create_backup(vault, tmp_path / "vault.ckbackup", passphrase=PASSPHRASE)
    verified = backup.verify_backup(Path(made.path), passphrase=PASSPHRASE)  # opened by a child
    assert (verified.vault_id, verified.encrypted_to) == (vault.vault_id, "passphrase")
    killed = [sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"]
    monkeypatch.setattr(age_child, "command", lambda: killed)
    with pytest.raises(BackupError, match="could not be decrypted") as refused:
        backup.verify_backup(Path(made.path), passphrase=PASSPHRASE)
    assert "Nothing was changed" in str(refused.value)


def test_the_work_factor_is_read_from_the_header_of_what_age_sealed() -> None:
    sealed = age_child.encrypt(b"records", PASSPHRASE)
    chosen = age_child.work_factor(sealed)
    assert chosen is not None
    assert 10 <= chosen <= 22
    assert sealed.split(b"\n")[1].endswith(b" %d" % chosen)
    to_a_key = pyrage.encrypt(b"records", [pyrage.x25519.Identity.generate().to_public()])
    assert age_child.work_factor(to_a_key) is None


def test_a_seal_under_the_least_work_factor_is_made_again_and_the_strongest_kept() -> None:
    """rage times one small scrypt to pick the work factor: a moment without the processor
    makes it pick a weak one. No test can make rage's timing go one way or the other, so a
    stand-in for ``pyrage.passphrase.encrypt`` answers with the work factors rage would
    have picked; each answer is a real seal at the default work factor, its header's
    number rewritten."""
    real = pyrage.passphrase.encrypt(b"records", PASSPHRASE)
    picked = age_child.work_factor(real)
    assert picked is not None

    def rage_picking(*factors: int) -> tuple[list[int], Callable[[bytes, str], bytes]]:
        calls: list[int] = []
        answers = iter(factors)

        def encrypt(data: bytes, passphrase: str) -> bytes:
            chosen = next(answers)
            calls.append(chosen)
            version, stanza, rest = real.split(b"\n", 2)
            stanza = stanza.rsplit(b" ", 1)[0] + b" %d" % chosen
            return b"\n".join((version, stanza, rest))

        return calls, encrypt

    calls, encrypt = rage_picking(20)
    assert age_child.work_factor(age_child.seal_strongly(encrypt, b"x", PASSPHRASE)) == 20
    assert calls == [20]  # strong enough at once: sealed once
    calls, encrypt = rage_picking(16, 19, 15)
    assert age_child.work_factor(age_child.seal_strongly(encrypt, b"x", PASSPHRASE)) == 19
    assert calls == [16, 19]
    calls, encrypt = rage_picking(16, 17, 15)  # a slow machine: the strongest of three
    assert age_child.work_factor(age_child.seal_strongly(encrypt, b"x", PASSPHRASE)) == 17
    assert calls == [16, 17, 15]
    assert age_child.ATTEMPTS == 3
    assert age_child.LEAST_WORK_FACTOR == 18
