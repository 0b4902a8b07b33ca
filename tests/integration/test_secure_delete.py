"""Promise 3: deleting a record really removes its text from the database file.

The test decrypts every page of the vault's file itself (tests/helpers/sqlcipher_pages.py,
AES with ``cryptography``, every page's HMAC checked) and looks for the deleted record's
canaries. Negative control: the same deletion with ``secure_delete = OFF`` leaves them in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa

from contactkeeper.records import actors, trash
from contactkeeper.vault import DB_NAME, Vault
from tests.conftest import PASSPHRASE
from tests.helpers.canary import found_in, new_canary
from tests.helpers.sqlcipher_pages import decrypt_database, decrypt_wal

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def _plant(vault: Vault) -> tuple[int, list[str]]:
    """An actor whose name, name variant and notes are canaries, among ordinary ones."""
    canaries = [new_canary("Name"), new_canary("Variant"), new_canary("Note")]
    for i in range(3):
        actors.create_actor(vault, actors.NewActor(display_name=f"Ordinary person {i}"), NOW)
    actor = actors.create_actor(
        vault,
        actors.NewActor(
            display_name=canaries[0],
            name_variants=(canaries[1],),
            notes=f"Met at the {canaries[2]} dinner; wants a channel to the council.",
            tags=("sensitive",),
        ),
        NOW,
    )
    vault.checkpoint()
    return actor.id, canaries


def _plaintext_on_disk(vault: Vault) -> bytes:
    key = vault.database_key()
    db = vault.path / DB_NAME
    pages = decrypt_database(db, key) + decrypt_wal(vault.path / f"{DB_NAME}-wal", db, key)
    return b"".join(pages)


def _delete_directly(vault: Vault, actor_id: int) -> None:
    actors.delete_actor(vault, actor_id)
    vault.checkpoint()


def _delete_through_the_trash(vault: Vault, actor_id: int) -> None:
    trash.discard(vault, "actor", actor_id, "an actor", NOW)
    trash.empty(vault)  # checkpoints itself


def _secure_delete_off(vault: Vault) -> None:
    def off(dbapi_connection: Any, *args: object) -> None:
        dbapi_connection.execute("PRAGMA secure_delete = OFF")

    sa.event.listen(vault.engine, "checkout", off)


DELETIONS = [
    pytest.param(_delete_directly, id="delete"),
    pytest.param(_delete_through_the_trash, id="trash-then-empty"),
]


@pytest.mark.parametrize("delete", DELETIONS)
def test_a_deleted_actor_leaves_no_text_in_the_database_file(
    vault: Vault, delete: Callable[[Vault, int], None]
) -> None:
    actor_id, canaries = _plant(vault)
    assert found_in(_plaintext_on_disk(vault), canaries) == canaries, "control: planted"

    delete(vault, actor_id)

    assert found_in(_plaintext_on_disk(vault), canaries) == []


@pytest.mark.parametrize("delete", DELETIONS)
def test_negative_control_without_secure_delete_the_text_stays_in_the_file(
    vault: Vault, delete: Callable[[Vault, int], None]
) -> None:
    actor_id, canaries = _plant(vault)
    _secure_delete_off(vault)

    delete(vault, actor_id)

    assert found_in(_plaintext_on_disk(vault), canaries)


def test_every_connection_of_the_vault_deletes_securely(vault: Vault) -> None:
    with vault.engine.connect() as a, vault.engine.connect() as b, vault.engine.connect() as c:
        values = [conn.exec_driver_sql("PRAGMA secure_delete").scalar_one() for conn in (a, b, c)]
    assert values == [1, 1, 1]


def test_words_deleted_before_secure_search_deletes_are_purged_when_the_vault_is_opened(
    vault: Vault,
) -> None:
    # A vault made before the search index deleted securely: turn the setting off again.
    with vault.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 0)"
        )
    actor_id, canaries = _plant(vault)
    _delete_directly(vault, actor_id)
    assert found_in(_plaintext_on_disk(vault), canaries), "control: the index kept the words"
    vault.close()

    with Vault.unlock(vault.path, PASSPHRASE) as reopened:
        reopened.checkpoint()
        assert found_in(_plaintext_on_disk(reopened), canaries) == []
