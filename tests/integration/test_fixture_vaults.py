"""Vaults made by older versions open in this one, with every record carried forward.

``tests/fixtures/vault-schema-0001/`` was made once with the first schema (see
``tests/fixtures/make_vault_schema_0001.py``, which also lists its records), and
``vault-schema-0004/`` with the newest schema of the first release, holding the same records
(``make_vault_schema_0004.py``). Neither is ever regenerated. Each test works on a copy in
its own folder.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlcipher3

from contactkeeper.records import actors, channels, followups, processes, readiness, search
from contactkeeper.records.interactions import journal
from contactkeeper.vault import DB_NAME, KEY_NAME, Vault, inventory, schema_head
from contactkeeper.vault.keyfile import KeyFile
from contactkeeper.vault.model import InteractionKind, Sensitivity
from tests.helpers.text import plain

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCHEMA_0001 = FIXTURES / "vault-schema-0001"
PASSPHRASE = "fixture vault schema 0001"  # as in make_vault_schema_0001.py
# Every committed vault: (revision, folder, passphrase), as in its make_vault_schema_*.py.
RELEASED = [
    ("0001", SCHEMA_0001, PASSPHRASE),
    ("0004", FIXTURES / "vault-schema-0004", "fixture vault schema 0004"),
]
NOW = datetime(2026, 1, 15, 10, 30, tzinfo=UTC)


def read_revision(db_path: Path, key_file: Path, passphrase: str = PASSPHRASE) -> str:
    """The schema revision of an encrypted database, read without writing anything."""
    key = KeyFile.read(key_file).unwrap(passphrase).hex()
    cx = sqlcipher3.connect(f"{db_path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        cx.execute(f"PRAGMA key = \"x'{key}'\"")
        cx.execute("PRAGMA cipher_compatibility = 4")
        return str(cx.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        cx.close()


@pytest.fixture
def old_vault(tmp_path: Path) -> Path:
    copy = tmp_path / "vault"
    shutil.copytree(SCHEMA_0001, copy)
    return copy


@pytest.fixture(params=RELEASED, ids=[revision for revision, _, _ in RELEASED])
def released_vault(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    """A copy of each committed vault, with its passphrase."""
    _, folder, passphrase = request.param
    copy = tmp_path / "vault"
    shutil.copytree(folder, copy)
    return copy, passphrase


@pytest.mark.parametrize(("revision", "folder", "passphrase"), RELEASED)
def test_the_committed_fixtures_are_still_at_their_schema(
    revision: str, folder: Path, passphrase: str
) -> None:
    assert sorted(p.name for p in folder.iterdir()) == [DB_NAME, KEY_NAME]
    assert read_revision(folder / DB_NAME, folder / KEY_NAME, passphrase) == revision
    assert schema_head() != "0001"


def test_opening_a_released_vault_migrates_it_to_the_newest(
    released_vault: tuple[Path, str],
) -> None:
    path, passphrase = released_vault
    with Vault.unlock(path, passphrase) as vault:
        assert vault.schema_revision() == schema_head()
        assert vault.check_integrity().ok
    with Vault.unlock(path, passphrase) as again:  # and opens plainly the second time
        assert again.schema_revision() == schema_head()


def test_every_record_of_a_released_vault_survives_the_migration(
    released_vault: tuple[Path, str],
) -> None:
    path, passphrase = released_vault
    with Vault.unlock(path, passphrase) as vault:
        counts = inventory.counts(vault)
        assert counts == {
            "actors": 3,
            "organizations": 1,
            "affiliations": 1,
            "processes": 1,
            "channels": 1,
            "interactions": 2,
            "relationships": 1,
            "readiness cues": 1,
            "follow-ups": 2,
            "events": 0,
            "transfers": 0,
            "reviews": 0,
        }
        by_name = {a.display_name: a for a in actors.list_actors(vault, NOW)}
        layla = actors.get_actor(vault, by_name["Layla Haddad"].id, NOW)
        assert layla.codename == "AMBER WREN"
        assert layla.cadence_days == 21
        assert layla.tags == ("gatekeeper",)
        assert [v.name for v in layla.name_variants] == ["ليلى حداد"]
        assert [(a.organization, a.role) for a in layla.affiliations] == [
            ("Coastal Women's Forum", "Director")
        ]
        mikhail = by_name["Mikhail Orlov"]
        assert mikhail.sensitivity is Sensitivity.HIGH_RISK
        (channel,) = channels.list_channels(vault, mikhail.id, NOW)
        assert plain(channel.chain()) == "you -> Layla Haddad -> Mikhail Orlov"
        history = journal(vault)
        assert [i.kind for i in history] == [
            InteractionKind.VIA_INTERMEDIARY,
            InteractionKind.SOCIAL,
        ]
        assert {p.display_name for p in history[1].participants} == {"Layla Haddad", "Yael Ben-Ami"}
        (process,) = processes.list_processes(vault)
        assert process.name == "Coastal Dialogue"
        assert [c.kind_label for c in readiness.list_cues(vault)] == ["Way out perceived"]
        titles = {f.title for f in followups.list_follow_ups(vault)}
        assert titles == {"Send Layla the workshop dates", "Ask about the prisoner list"}


def test_search_finds_old_records_in_every_script_after_the_migration(
    released_vault: tuple[Path, str],
) -> None:
    path, passphrase = released_vault
    with Vault.unlock(path, passphrase) as vault:
        for query, title in (
            ("ليلى", "Layla Haddad"),
            ("יעל", "Yael Ben-Ami"),
            ("михаил", "Mikhail Orlov"),
            ("jade", "Yael Ben-Ami"),
        ):
            assert [h.title for h in search.search(vault, query, kinds=("actor",))] == [title]
        assert [h.kind for h in search.search(vault, "harbour springs")] == ["interaction"]


def test_an_encrypted_copy_at_the_old_schema_is_kept_before_migrating(old_vault: Path) -> None:
    original = (old_vault / DB_NAME).read_bytes()
    Vault.unlock(old_vault, PASSPHRASE).close()
    copy = old_vault / f"{DB_NAME}.pre-migration-0001"
    assert copy.is_file()
    assert copy.read_bytes() == original
    assert not copy.read_bytes().startswith(b"SQLite format 3")
    assert read_revision(copy, old_vault / KEY_NAME) == "0001"
    assert read_revision(old_vault / DB_NAME, old_vault / KEY_NAME) == schema_head()
