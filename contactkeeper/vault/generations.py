"""How many committed transactions have written to each table, since the vault was opened.

Derived data that is expensive to build (the web of channels, say) is kept between calls
and rebuilt only when a table it is made of has changed. The counter watches every
statement the engine sends: a statement that writes (``INSERT``, ``UPDATE``, ``DELETE``,
``REPLACE``) notes its table on the connection, and a commit adds one to each table noted;
a rollback forgets them. SQLAlchemy tells of a commit just before the database makes it, so
a reader could read the new count and still see the data before the write, and keep that
under the new count: each table noted is therefore counted once more when the commit has
landed (the connection goes back to the pool, or runs its next statement). A reader that
read the count in between keeps what it read under a count that is already out of date,
and the next reader rebuilds it. Writes the database makes by itself (``ON DELETE CASCADE``,
triggers) are not seen: a reader that depends on a table changed that way also names the
table whose write causes it (relationships change when actors are deleted, so a reader of
relationships asks for ``actors`` too, or for a table the deleting service writes).

This holds no record data, only table names and counts; it lives as long as the vault is
open and starts from zero at every unlock.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections import Counter
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy import event

_WRITE: Final = re.compile(
    r'\s*(?:INSERT|REPLACE)\s+(?:OR\s+\w+\s+)?INTO\s+"?(\w+)'
    r'|\s*UPDATE\s+(?:OR\s+\w+\s+)?"?(\w+)'
    r'|\s*DELETE\s+FROM\s+"?(\w+)',
    re.IGNORECASE,
)
_NOTED: Final = "contactkeeper.generations.noted"
_LANDED: Final = "contactkeeper.generations.landed"


class Generations:
    """The per-table counts of one engine (see the module's docstring)."""

    def __init__(self, engine: sa.Engine) -> None:
        self._counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        event.listen(engine, "before_cursor_execute", self._note)
        event.listen(engine, "commit", self._commit)
        event.listen(engine, "rollback", self._forget)
        event.listen(engine, "checkin", self._checked_in)

    def of(self, *tables: str) -> tuple[int, ...]:
        """The count of each table, in order: equal tuples mean no write in between."""
        with self._lock:
            return tuple(self._counts[table] for table in tables)

    def _note(
        self,
        conn: sa.Connection,
        cursor: Any,
        statement: str,
        parameters: Any,
        context: Any,
        executemany: bool,
    ) -> None:
        self._landed(conn.info)
        found = _WRITE.match(statement)
        if found is not None:
            table = next(name for name in found.groups() if name)
            conn.info.setdefault(_NOTED, set()).add(table.lower())

    def _commit(self, conn: sa.Connection) -> None:
        noted = conn.info.pop(_NOTED, None)
        if noted:
            with self._lock:
                self._counts.update(noted)
            conn.info.setdefault(_LANDED, set()).update(noted)

    def _checked_in(self, dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            self._landed(record.info)

    def _landed(self, info: dict[Any, Any]) -> None:
        landed = info.pop(_LANDED, None)
        if landed:
            with self._lock:
                self._counts.update(landed)

    def _forget(self, conn: sa.Connection) -> None:
        # An invalidated connection: what it noted is thrown away with it.
        with contextlib.suppress(sa.exc.InvalidRequestError):
            conn.info.pop(_NOTED, None)
