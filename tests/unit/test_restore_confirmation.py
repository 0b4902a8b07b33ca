"""Restoring over a vault asks first when the backup is of another vault, or older.

A backup made by someone else with the organisation's public key, or last month's backup
picked by mistake, would otherwise silently take the vault's place. The core refuses with
:class:`RestoreNeedsConfirmation` (naming both vaults: folder, short id, dates) unless the
caller confirms; the command line asks at a terminal and needs ``--yes`` elsewhere.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from contactkeeper import cli
from contactkeeper import vault as vault_module
from contactkeeper.errors import RestoreNeedsConfirmation
from contactkeeper.exchange import backup, replacement, restore
from contactkeeper.records import actors
from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF, FakeClock

NEW_PASSPHRASE = "the passphrase on the new laptop"


@pytest.fixture(autouse=True)
def _private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.setattr(vault_module, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setattr(restore, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)


@pytest.fixture
def keys() -> tuple[str, str]:
    return backup.new_identity()


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def back_up(vault: Vault, target: Path, recipient: str, when: datetime) -> Path:
    target.parent.mkdir(exist_ok=True)
    backup.create_backup(vault, target, recipients=[recipient], now=lambda: when)
    return target


@pytest.fixture
def other_vaults_backup(
    make_vault: Callable[..., Vault], tmp_path: Path, keys: tuple[str, str]
) -> Path:
    """A backup of a different vault, as anyone with the public key could make it."""
    other = make_vault("someone-elses")
    actors.create_actor(other, actors.NewActor("Planted Person"), datetime.now(UTC))
    return back_up(other, tmp_path / "stick" / "other.age", keys[1], datetime.now(UTC))


def test_a_backup_of_another_vault_is_not_restored_over_this_one_unconfirmed(
    vault: Vault, other_vaults_backup: Path, keys: tuple[str, str]
) -> None:
    mine = vault.vault_id
    vault.close()
    before = file_hashes(vault.path)

    with pytest.raises(RestoreNeedsConfirmation) as caught:
        backup.restore_backup(
            other_vaults_backup, vault.path, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF
        )

    message = str(caught.value)
    assert str(vault.path) in message
    assert replacement.short_id(mine) in message
    assert "different vault" in message
    assert file_hashes(vault.path) == before
    assert not backup.pre_restore_path(vault.path).exists()
    assert [p.name for p in vault.path.parent.iterdir() if p.name.startswith(".")] == []

    backup.restore_backup(
        other_vaults_backup, vault.path, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF,
        confirmed=True,
    )  # fmt: skip
    with Vault.unlock(vault.path, NEW_PASSPHRASE) as restored:
        names = [a.display_name for a in actors.list_actors(restored, datetime.now(UTC))]
    assert names == ["Planted Person"]


def test_an_older_backup_asks_and_the_newest_one_of_the_open_vault_does_not(
    vault: Vault, tmp_path: Path, keys: tuple[str, str], clock: FakeClock
) -> None:
    actors.create_actor(vault, actors.NewActor("Layla Haddad"), clock())
    now = datetime.now(UTC)
    older = back_up(vault, tmp_path / "stick" / "older.age", keys[1], now - timedelta(days=30))
    newest = back_up(vault, tmp_path / "stick" / "newest.age", keys[1], now + timedelta(seconds=1))
    state = replacement.current_vault(vault.path, vault)  # what the open vault knows
    assert state is not None
    assert state.exact
    vault.close()

    with pytest.raises(RestoreNeedsConfirmation, match="the backup is older"):
        backup.restore_backup(
            older, vault.path, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF, current=state
        )
    assert not backup.pre_restore_path(vault.path).exists()

    report = backup.restore_backup(
        newest, vault.path, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF, current=state
    )
    assert report.counts["actors"] == 1


def test_the_question_is_asked_once_and_a_no_changes_nothing(
    vault: Vault, other_vaults_backup: Path, keys: tuple[str, str]
) -> None:
    vault.close()
    before = file_hashes(vault.path)
    asked: list[replacement.Replacement] = []

    def say_no(question: replacement.Replacement) -> bool:
        asked.append(question)
        return False

    with pytest.raises(RestoreNeedsConfirmation):
        backup.restore_backup(
            other_vaults_backup, vault.path, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF,
            ask=say_no,
        )  # fmt: skip
    assert len(asked) == 1
    assert asked[0].current is not None
    assert asked[0].current.path == vault.path
    assert file_hashes(vault.path) == before

    backup.restore_backup(
        other_vaults_backup, vault.path, NEW_PASSPHRASE, identities=[keys[0]], kdf=FAST_KDF,
        ask=lambda question: True,
    )  # fmt: skip
    assert backup.pre_restore_path(vault.path).is_dir()


def test_restoring_into_a_new_folder_asks_nothing(
    other_vaults_backup: Path, keys: tuple[str, str], tmp_path: Path
) -> None:
    report = backup.restore_backup(
        other_vaults_backup, tmp_path / "new-laptop", NEW_PASSPHRASE,
        identities=[keys[0]], kdf=FAST_KDF, ask=lambda question: pytest.fail("asked"),
    )  # fmt: skip
    assert report.counts["actors"] == 1


# -- the command line ----------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_command_line_refuses_without_a_terminal_unless_told_yes(
    vault: Vault,
    other_vaults_backup: Path,
    keys: tuple[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    vault.close()
    (tmp_path / "id.txt").write_text(keys[0] + "\n")
    (tmp_path / "np").write_text(NEW_PASSPHRASE + "\n")
    args = [
        "backup", "restore", str(other_vaults_backup), "--vault", str(vault.path),
        "--identity", str(tmp_path / "id.txt"), "--passphrase-file", str(tmp_path / "np"),
    ]  # fmt: skip
    before = file_hashes(vault.path)

    status, out, err = run(capsys, *args)

    assert status == 1
    assert len(err.strip().splitlines()) == 1
    assert "different vault" in err
    assert "--yes" in err
    assert file_hashes(vault.path) == before

    status, out, err = run(capsys, *args, "--yes")
    assert (status, err) == (0, "")
    assert "Restored" in out


def test_at_a_terminal_the_command_line_asks_naming_both_vaults(
    vault: Vault,
    other_vaults_backup: Path,
    keys: tuple[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mine = replacement.short_id(vault.vault_id)
    vault.close()
    (tmp_path / "id.txt").write_text(keys[0] + "\n")
    (tmp_path / "np").write_text(NEW_PASSPHRASE + "\n")
    questions: list[str] = []
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr("builtins.input", lambda q: questions.append(q) or "n")

    status, _out, err = run(
        capsys, "backup", "restore", str(other_vaults_backup), "--vault", str(vault.path),
        "--identity", str(tmp_path / "id.txt"), "--passphrase-file", str(tmp_path / "np"),
    )  # fmt: skip

    assert status == 1
    (question,) = questions
    assert str(vault.path) in question
    assert mine in question
    assert "[y/N]" in question
    assert "nothing was changed" in err.lower()
    assert not backup.pre_restore_path(vault.path).exists()
