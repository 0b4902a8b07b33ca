"""What a vault holds, in numbers, and when it was last backed up."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from contactkeeper.exchange import backup
from contactkeeper.records import actors
from contactkeeper.vault import Vault, inventory


def test_a_new_vault_was_never_backed_up(vault: Vault) -> None:
    assert inventory.last_backup_at(vault) is None
    assert inventory.describe(vault).last_backup_at is None


def test_writing_a_backup_records_when_it_was_made(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))  # verify works there
    made = datetime(2026, 6, 1, 9, 30, tzinfo=UTC)
    actors.create_actor(vault, actors.NewActor("Layla Haddad"), now=made)
    _identity, recipient = backup.new_identity()
    backup.create_backup(vault, tmp_path / "b.age", recipients=[recipient], now=lambda: made)

    assert inventory.last_backup_at(vault) == made
    info = inventory.describe(vault)
    assert info.last_backup_at == made
    assert info.counts["actors"] == 1
