"""Released vaults get search by spellings, by fragments and of follow-ups (migration 0009)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from contactkeeper.records import search
from contactkeeper.vault import Vault

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RELEASED = [
    (FIXTURES / "vault-schema-0001", "fixture vault schema 0001"),
    (FIXTURES / "vault-schema-0004", "fixture vault schema 0004"),
]


@pytest.mark.parametrize(("folder", "passphrase"), RELEASED, ids=["0001", "0004"])
def test_an_old_vault_finds_names_by_spelling_and_fragment_and_follow_ups_by_text(
    folder: Path, passphrase: str, tmp_path: Path
) -> None:
    copy = tmp_path / "vault"
    shutil.copytree(folder, copy)
    with Vault.unlock(copy, passphrase) as vault:
        assert [h.title for h in search.search(vault, "leila", kinds=["actor"])] == ["Layla Haddad"]
        assert [h.title for h in search.search(vault, "addad", kinds=["actor"])] == ["Layla Haddad"]
        assert [h.title for h in search.search(vault, "omen", kinds=["organization"])] == [
            "Coastal Women's Forum"
        ]
        (hit,) = search.search(vault, "workshop dates", kinds=["follow_up"])
        assert hit.title.endswith("Send Layla the workshop dates")
        assert vault.check_integrity().ok
