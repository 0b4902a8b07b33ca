"""Search as one types reads on a pooled connection of its own, begun and ended on the
driver: it finds and shows exactly what the same search inside a unit of work does, for
every kind of record, and leaves the connection with no transaction open."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa

from contactkeeper.demo import create_demo_vault
from contactkeeper.records import search
from contactkeeper.records.search import SearchHit
from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
_TEXTS = {
    "actors": "display_name",
    "organizations": "name",
    "processes": "name",
    "interactions": "summary",
    "events": "title",
    "transfers": "content",
    "follow_ups": "title",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    vault = create_demo_vault(
        tmp_path_factory.mktemp("demo") / "vault", PASSPHRASE, NOW, kdf=FAST_KDF
    )
    yield vault
    vault.close()


def _typed(vault: Vault) -> list[str]:
    """Words of every kind of record, whole and as their first letters."""
    typed: set[str] = set()
    with vault.engine.connect() as conn:
        for table, column in _TEXTS.items():
            for (text,) in conn.execute(sa.text(f"SELECT {column} FROM {table} LIMIT 12")):  # noqa: S608
                for word in text.split()[:3]:
                    typed.update({word, word[:2], f"{word} {text.split()[-1]}"})
    return sorted(typed)


def test_a_search_shows_what_the_same_search_in_a_unit_of_work_shows(demo: Vault) -> None:
    kinds: set[str] = set()
    for typed in _typed(demo):
        for hide_text in (False, True):
            alone = search.search(demo, typed, limit=50, hide_text=hide_text)
            with demo.transaction() as session:
                within = search.search_session(session, typed, limit=50, hide_text=hide_text)
            assert alone == within, typed
            kinds |= {hit.kind for hit in alone}
    assert kinds == set(search.KIND_CODES)


def test_a_search_leaves_no_transaction_open(demo: Vault) -> None:
    hits: list[SearchHit] = search.search(demo, "water", limit=5)
    assert hits
    pooled = demo.engine.raw_connection()  # the one the search used (the pool is LIFO)
    try:
        driver: Any = pooled.driver_connection
        assert not driver.in_transaction
    finally:
        pooled.close()
    assert search.search(demo, "water", limit=5) == hits
