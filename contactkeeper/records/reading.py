"""Reads that need no unit of work: one connection, one transaction, plain rows.

Pages read far more than they write, and most of what they read they show as it is. A
``Session`` would build an ORM object for every row (and for every related row it loads),
keep it in its identity map and track it for a flush that never comes. A read made with
:func:`read_connection` runs Core ``select()`` statements on one pooled connection inside one
transaction (one snapshot, as a session's would be), and the services turn the rows
straight into their frozen results. SQLAlchemy caches the compiled statements, and the
driver keeps each prepared by its text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from contactkeeper.vault import Vault


@contextmanager
def read_connection(vault: Vault) -> Iterator[sa.Connection]:
    """A connection inside one transaction, for reads (one snapshot; nothing is written)."""
    with vault.engine.connect() as conn, conn.begin():
        yield conn
