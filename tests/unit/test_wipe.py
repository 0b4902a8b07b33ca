"""Destroying a vault: crypto-erase (key file, device file, keyring entry), then the folder.

Promise 23: a copy of the database taken before the wipe is unreadable afterwards, even with
the right passphrase. An old copy of the key file itself (a backup of the folder, SSD
remnants) is outside this promise: SECURITY.md says so.
"""

from __future__ import annotations

import argparse
import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper.cli import device as cli_device
from contactkeeper.errors import CommandLineError, NotAVault, VaultDamaged
from contactkeeper.protect import device
from contactkeeper.protect.destroy import destroy_vault, shred
from contactkeeper.records import actors
from contactkeeper.vault import DB_NAME, KEY_NAME, Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.keyrings import LockedKeyring, MemoryKeyring

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def _vault_with_an_actor(make_vault: Callable[..., Vault]) -> Vault:
    vault = make_vault()
    actors.create_actor(vault, actors.NewActor(display_name="Amira Haddad"), NOW)
    vault.checkpoint()
    vault.close()
    return vault


def _copy_database(vault: Vault, dest: Path) -> Path:
    dest.mkdir()
    for path in vault.path.iterdir():
        if path.name.startswith(DB_NAME):
            shutil.copy(path, dest / path.name)
    return dest


def test_a_copy_of_the_database_taken_before_destroying_is_unreadable_even_with_the_passphrase(
    make_vault: Callable[..., Vault], tmp_path: Path
) -> None:
    vault = _vault_with_an_actor(make_vault)
    copy = _copy_database(vault, tmp_path / "copy")
    # Control: while the key file exists, the copy opens and shows the record.
    control = _copy_database(vault, tmp_path / "control")
    shutil.copy(vault.path / KEY_NAME, control / KEY_NAME)
    with Vault.unlock(control, PASSPHRASE) as opened:
        assert [a.display_name for a in actors.list_actors(opened, NOW)] == ["Amira Haddad"]
    shutil.rmtree(control)

    destroy_vault(vault.path)

    assert not vault.path.exists()
    with pytest.raises(NotAVault, match="no key file"):
        Vault.unlock(copy, PASSPHRASE)
    # The passphrase alone cannot rebuild the key: a new key file made with the same
    # passphrase wraps a different random key, which does not decrypt the copy.
    other = Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
    other.close()
    shutil.copy(other.path / KEY_NAME, copy / KEY_NAME)
    with pytest.raises(VaultDamaged, match="does not decrypt"):
        Vault.unlock(copy, PASSPHRASE)


def test_the_key_file_is_overwritten_in_place_before_it_is_deleted(
    make_vault: Callable[..., Vault], tmp_path: Path
) -> None:
    vault = _vault_with_an_actor(make_vault)
    # A second name for the same file shows what happened to its bytes.
    witness = tmp_path / "witness"
    os.link(vault.path / KEY_NAME, witness)
    before = witness.read_bytes()

    report = destroy_vault(vault.path)

    after = witness.read_bytes()
    assert len(after) == len(before)
    assert after != before
    assert b"contactkeeper-key" not in after
    assert KEY_NAME in report.shredded


def test_destroying_a_remembered_vault_removes_its_keyring_entry_and_device_file(
    make_vault: Callable[..., Vault], tmp_path: Path
) -> None:
    memory = MemoryKeyring()
    vault = make_vault()
    device.remember(vault, memory)
    vault.close()
    witness = tmp_path / "device-witness"
    os.link(vault.path / device.DEVICE_NAME, witness)
    before = witness.read_bytes()

    report = destroy_vault(vault.path, memory)

    assert report.keyring_entry_removed
    assert memory.secrets == {}
    assert witness.read_bytes() != before
    assert device.DEVICE_NAME in report.shredded
    assert not vault.path.exists()


def test_destroying_with_a_locked_keyring_still_destroys_the_vault(
    make_vault: Callable[..., Vault],
) -> None:
    memory = MemoryKeyring()
    vault = make_vault()
    device.remember(vault, memory)
    vault.close()

    report = destroy_vault(vault.path, LockedKeyring())

    assert not report.keyring_entry_removed
    assert not vault.path.exists()
    # What is left in the keyring is a random device secret, not the database key.
    assert len(memory.secrets) == 1


def test_a_folder_that_is_not_a_vault_is_never_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("dear friend")
    with pytest.raises(NotAVault):
        destroy_vault(folder)
    assert (folder / "letter.txt").read_text() == "dear friend"


def test_an_interrupted_destroy_can_be_finished(
    make_vault: Callable[..., Vault],
) -> None:
    vault = _vault_with_an_actor(make_vault)
    shred(vault.path / KEY_NAME)
    assert (vault.path / DB_NAME).exists()

    report = destroy_vault(vault.path)

    assert not vault.path.exists()
    assert report.shredded == ()


# -- the command line ---------------------------------------------------------------------


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    cli_device.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


def test_the_destroy_command_changes_nothing_without_the_typed_word(
    make_vault: Callable[..., Vault], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = _vault_with_an_actor(make_vault)
    with pytest.raises(CommandLineError, match="nothing was changed"):
        _run("destroy", "--vault", str(vault.path), "--confirm", "yes")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandLineError, match="not confirmed"):
        _run("destroy", "--vault", str(vault.path))
    with Vault.unlock(vault.path, PASSPHRASE) as still_there:
        assert still_there.is_open


def test_the_destroy_command_destroys_after_the_typed_word(
    make_vault: Callable[..., Vault],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    vault = _vault_with_an_actor(make_vault)
    monkeypatch.setattr("builtins.input", lambda prompt: "destroy\n")
    assert _run("destroy", "--vault", str(vault.path)) == 0
    assert not vault.path.exists()
    captured = capsys.readouterr()
    assert "Backups are not affected" in captured.err
    assert "was destroyed" in captured.out


def test_destroying_also_destroys_the_earlier_version_a_restore_kept(
    make_vault: Callable[..., Vault], tmp_path: Path
) -> None:
    from contactkeeper.vault import pre_restore_path

    memory = MemoryKeyring()
    vault = _vault_with_an_actor(make_vault)
    kept = Vault.create(pre_restore_path(vault.path), PASSPHRASE, kdf=FAST_KDF)
    device.remember(kept, memory)
    kept.close()
    leftover = Vault.create(tmp_path / ".vault.restoring-0a1b2c3d", PASSPHRASE, kdf=FAST_KDF)
    leftover.close()
    unrelated = Vault.create(tmp_path / "another-vault", PASSPHRASE, kdf=FAST_KDF)
    unrelated.close()

    report = destroy_vault(vault.path, memory)

    assert not vault.path.exists()
    assert not kept.path.exists()
    assert not leftover.path.exists()
    assert set(report.also_destroyed) == {kept.path, leftover.path}
    assert memory.secrets == {}
    assert unrelated.path.exists()


def test_the_destroy_command_on_a_folder_without_a_vault_asks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_question(prompt: str) -> str:
        raise AssertionError("asked for a confirmation about nothing")

    monkeypatch.setattr("builtins.input", no_question)
    with pytest.raises(NotAVault):
        _run("destroy", "--vault", str(tmp_path / "nothing-here"))
