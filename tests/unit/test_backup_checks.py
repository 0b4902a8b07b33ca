"""What a backup checks while it is made, and what a restore checks, once each.

Real vaults, real SQLCipher and real age files. A vault's index is damaged the way a
failing disk or a crash in the middle of a write can leave one: the index's pages say other
things than its table (two indexes trade their pages), while every page still decrypts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contactkeeper.errors import BackupError
from contactkeeper.exchange import backup, database_copy
from contactkeeper.records import actors
from contactkeeper.vault import Vault
from contactkeeper.vault import connection as database
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.unit.test_backup import BACKUP_PASSPHRASE, NEW_PASSPHRASE, NOW, dump, fill


@pytest.fixture(autouse=True)
def _private_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


def damage_an_index(path: Path) -> None:
    """Two of the actors' indexes trade their pages in the closed vault at ``path``."""
    with Vault.unlock(path, PASSPHRASE) as vault:
        key = vault.database_key().hex()
        vault.checkpoint()
    cx = database.connect(path / "vault.db", key)
    try:
        first, second = cx.execute(
            "SELECT name, rootpage FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'actors' AND sql IS NOT NULL ORDER BY name LIMIT 2"
        ).fetchall()
        cx.execute("PRAGMA writable_schema = ON")
        for (name, _), (_, page) in ((first, second), (second, first)):
            cx.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (page, name))
        version = cx.execute("PRAGMA schema_version").fetchone()[0]
        cx.execute(f"PRAGMA schema_version = {int(version) + 1}")
        cx.execute("PRAGMA writable_schema = OFF")
        cx.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        cx.close()
    with Vault.unlock(path, PASSPHRASE) as vault:
        assert not vault.check_integrity().ok  # what `contactkeeper check` would say


def many_actors(vault: Vault) -> None:
    for number in range(60):
        actors.create_actor(vault, actors.NewActor(f"Person {number}"), NOW)


def test_a_vault_whose_index_is_damaged_is_not_backed_up(tmp_path: Path) -> None:
    """A copy rebuilds every index from the tables, so the copy itself passes every check;
    the backup must still say the vault is damaged, and write nothing."""
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, kdf=FAST_KDF) as vault:
        fill(vault)
        many_actors(vault)
    damage_an_index(path)
    stick = tmp_path / "stick"
    stick.mkdir()
    target = stick / "backup.age"
    with (
        Vault.unlock(path, PASSPHRASE) as vault,
        pytest.raises(BackupError, match="This vault fails its integrity check"),
    ):
        backup.create_backup(vault, target, passphrase=BACKUP_PASSPHRASE)
    assert list(stick.iterdir()) == []
    assert sorted(p.name for p in path.iterdir() if p.name.startswith(".")) == []


def test_a_backup_file_the_device_changed_is_removed_with_a_clear_message(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stick that keeps other bytes than it was given: the backup is not given its name."""
    fill(vault)
    real_write = backup._write_all

    def failing_device(fd: int, data: memoryview) -> int:  # a stand-in for a failing stick
        spoiled = bytearray(data)
        spoiled[len(spoiled) // 2] ^= 0x40
        return real_write(fd, memoryview(bytes(spoiled)))

    monkeypatch.setattr(backup, "_write_all", failing_device)
    target = tmp_path / "backup.age"
    with pytest.raises(BackupError, match="did not read back correctly"):
        backup.create_backup(vault, target, passphrase=BACKUP_PASSPHRASE)
    assert not target.exists()
    assert not backup.partial_path(target).exists()


def test_a_restore_checks_the_new_vault_once_and_gives_back_every_record(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both integrity checks run on the restored vault, which holds every record of the
    backup's image, and not a second time on the image it was built from."""
    fill(vault)
    many_actors(vault)
    target = tmp_path / "backup.age"
    backup.create_backup(vault, target, passphrase=BACKUP_PASSPHRASE)
    checked: list[Path] = []
    real_checks = database_copy.run_checks

    def counted(image: Path, *args: object, **kwargs: object) -> None:
        checked.append(image)
        real_checks(image, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(database_copy, "run_checks", counted)
    restored = tmp_path / "restored"
    backup.restore_backup(
        target, restored, NEW_PASSPHRASE, passphrase=BACKUP_PASSPHRASE, kdf=FAST_KDF
    )
    assert len(checked) == 1
    with Vault.unlock(restored, NEW_PASSPHRASE) as again:
        assert dump(again) == dump(vault)
        assert again.check_integrity().ok


def test_a_backup_made_for_keys_holds_only_those_keys_and_opens_with_each(
    vault: Vault, tmp_path: Path
) -> None:
    fill(vault)
    first, second = backup.new_identity(), backup.new_identity()
    target = tmp_path / "backup.age"
    backup.create_backup(vault, target, recipients=[first[1], second[1]])
    header = target.read_bytes().split(b"\n---", 1)[0]
    assert header.count(b"\n-> X25519 ") == 2
    for identity in (first[0], second[0]):
        report = backup.verify_backup(target, identities=[identity])
        assert report.encrypted_to == "recipients"
