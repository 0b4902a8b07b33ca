"""Promise 2: SQLite writes no plaintext temporary file, even for big sorts (Linux).

SQLite's temporary files are not encrypted by SQLCipher and are unlinked as soon as they
are opened, so a directory listing never shows them. While each big statement runs, a
progress handler looks at this process's open files that have no name any more
(``/proc/self/fd``) and reads them for the canaries. Negative control: with
``temp_store = FILE`` the same statements do spill the canaries into such a file.
"""

from __future__ import annotations

import secrets
import sys
from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa

from contactkeeper.vault import Vault
from tests.helpers.canary import canaries_in_deleted_files, new_canary

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads the open files in /proc/self/fd"
)

ROWS = 20_000
STATEMENTS = {
    "order-by": "SELECT body FROM spill_test ORDER BY body",
    "distinct": "SELECT DISTINCT body FROM spill_test",
    "group-by": "SELECT body, count(*) FROM spill_test GROUP BY body",
    "create-index": "CREATE INDEX ix_spill_test ON spill_test (body)",
    "vacuum": "VACUUM",
}


@pytest.fixture
def canaries(vault: Vault) -> list[str]:
    """Twenty thousand rows in the vault, each carrying one of three canaries."""
    planted = [new_canary("Spill") for _ in range(3)]
    rows = [(i, f"{planted[i % 3]} {secrets.token_hex(40)}") for i in range(ROWS)]
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE spill_test (n INTEGER, body TEXT)")
        conn.exec_driver_sql("INSERT INTO spill_test (n, body) VALUES (?, ?)", rows)
    return planted


@pytest.fixture
def spill_watch(vault: Vault, canaries: list[str]) -> Callable[..., dict[str, list[str]]]:
    """Run a statement on a pooled connection with a tiny cache, watching for spills.

    The statement goes straight to the driver: SQLite refuses ``temp_store`` and
    ``VACUUM`` inside a transaction, and SQLAlchemy would open one.
    """

    def run(statement: str, temp_store: str | None = None) -> dict[str, list[str]]:
        hits: dict[str, list[str]] = {}

        def look() -> int:
            hits.update(canaries_in_deleted_files(canaries))
            return 0

        with vault.engine.connect() as conn:
            driver: Any = conn.connection.driver_connection
            try:
                driver.execute("PRAGMA cache_size = -64")
                if temp_store is not None:
                    driver.execute(f"PRAGMA temp_store = {temp_store}")
                driver.set_progress_handler(look, 20_000)
                driver.execute(statement).fetchall()
            finally:
                driver.set_progress_handler(None, 0)
                # This connection's settings must not go back into the pool.
                conn.invalidate()
        return hits

    return run


@pytest.mark.parametrize("statement", STATEMENTS.values(), ids=STATEMENTS.keys())
def test_big_sorts_and_indexes_write_no_plaintext_temporary_file(
    spill_watch: Callable[..., dict[str, list[str]]], statement: str
) -> None:
    assert spill_watch(statement) == {}


# The statements that provably spill plaintext to a file when temp_store = FILE. (Measured
# here: DISTINCT's temporary b-tree stayed within its own cache and opened no file; VACUUM's
# scratch file is written by SQLCipher, encrypted, and never held a canary.)
SPILLING = {name: STATEMENTS[name] for name in ("order-by", "group-by", "create-index")}


@pytest.mark.parametrize("statement", SPILLING.values(), ids=SPILLING.keys())
def test_negative_control_with_temporary_files_the_canaries_spill(
    spill_watch: Callable[..., dict[str, list[str]]], statement: str
) -> None:
    hits = spill_watch(statement, temp_store="FILE")
    assert hits, "with temp_store = FILE the sort spills plaintext into a deleted file"


def test_every_pooled_connection_keeps_temporary_data_in_memory(vault: Vault) -> None:
    with vault.engine.connect() as a, vault.engine.connect() as b, vault.engine.connect() as c:
        values = [conn.execute(sa.text("PRAGMA temp_store")).scalar_one() for conn in (a, b, c)]
    assert values == [2, 2, 2]
