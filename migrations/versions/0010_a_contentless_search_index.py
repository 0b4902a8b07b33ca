"""A smaller search index: no copy of its text, and no positions for the journal.

``search_index`` was an FTS5 table with its own copy of every row's folded text and prefix
indexes of one, two and three letters, each holding every position again: about 40 % of a
large vault. Now:

- ``search_index`` holds the rows of every kind but interactions (about 22,000 rows in a
  large vault), contentless (``content=''``) but still ``detail=full``, so bm25 ranks them
  exactly as before; prefixes of one and two letters are indexed (a prefix of three letters
  or more is read from the terms themselves, under a millisecond on so few rows);
- ``search_index_journal`` holds the rows of interactions (nine in ten), contentless and
  ``detail=none``, ``columnsize=0``: they are never ranked (search lists them most
  recently recorded first), so the index records only which rows hold each word and prefix;
- ``search_index_text`` keeps each row's text, compressed, at the same rowid;
- ``search_index_journal_terms`` (``fts5vocab``, which stores nothing) lists the journal's
  words, so that a search asks whether any begins with what was typed before it asks the
  journal itself.

A contentless table cannot delete a row by its rowid alone, and its ``contentless_delete``
option leaves a deleted row's words in the index until segments happen to be merged, which
would break the promise that deleted words leave the file. So a row is removed by giving
FTS5 its text again (the 'delete' command), which with ``secure-delete`` removes its words at
once. See contactkeeper/vault/search_index.py.

The rows are copied as they are (no text is folded again): the old table is renamed, read in
order of rowid, and dropped; its pages are zeroed as they are freed (``secure_delete``).
The file keeps its size until the free pages are reused or the vault is vacuumed.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 15:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 2_000
_JOURNAL = 2  # the kind code of interactions (rowid = id * 8 + kind)
_TOKENS = "tokenize = 'unicode61 remove_diacritics 2'"
_FTS5 = f"{_TOKENS}, prefix = '1 2 3'"


def _copy(conn: sa.Connection, source: str) -> None:
    """Every row of ``source`` into the new ``search_index``, its text kept packed."""
    from contactkeeper.vault import search_index

    last = -1
    while True:
        rows = conn.execute(
            sa.text(
                f"SELECT rowid, names, body FROM {source} WHERE rowid > :last "  # noqa: S608
                "ORDER BY rowid LIMIT :batch"
            ),
            {"last": last, "batch": _BATCH},
        ).all()
        if not rows:
            return
        parameters = [{"rowid": rowid, "names": names, "body": body} for rowid, names, body in rows]
        for table, rows_of_table in (
            ("search_index", [p for p in parameters if p["rowid"] % 8 != _JOURNAL]),
            ("search_index_journal", [p for p in parameters if p["rowid"] % 8 == _JOURNAL]),
        ):
            if rows_of_table:
                conn.execute(
                    sa.text(
                        f"INSERT INTO {table} (rowid, names, body) "  # noqa: S608
                        "VALUES (:rowid, :names, :body)"
                    ),
                    rows_of_table,
                )
        conn.execute(
            sa.text("INSERT INTO search_index_text (id, packed) VALUES (:rowid, :packed)"),
            [
                {"rowid": p["rowid"], "packed": search_index.pack(p["names"], p["body"])}
                for p in parameters
            ],
        )
        last = rows[-1][0]


def upgrade() -> None:
    conn = op.get_bind()
    op.execute("ALTER TABLE search_index RENAME TO search_index_before_0010")
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        f"names, body, content = '', {_TOKENS}, prefix = '1 2')"
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_index_journal USING fts5("
        f"names, body, content = '', detail = none, columnsize = 0, {_FTS5})"
    )
    op.execute("CREATE TABLE search_index_text (id INTEGER PRIMARY KEY, packed BLOB NOT NULL)")
    op.execute(
        "CREATE VIRTUAL TABLE search_index_journal_terms USING fts5vocab(search_index_journal, row)"
    )
    for table in ("search_index", "search_index_journal"):
        # Deleted words leave the index's pages at once (as in the other index tables).
        op.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('secure-delete', 1)")  # noqa: S608
    from contactkeeper.vault import search_index

    search_index.fit_pages(conn)  # blocks that fit a page of the encrypted file
    _copy(conn, "search_index_before_0010")
    op.execute("DROP TABLE search_index_before_0010")
    for table in ("search_index", "search_index_journal"):
        op.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")  # noqa: S608


def downgrade() -> None:
    from contactkeeper.vault import search_index

    conn = op.get_bind()
    op.execute("DROP TABLE search_index")
    op.execute("DROP TABLE search_index_journal_terms")
    op.execute("DROP TABLE search_index_journal")
    op.execute(f"CREATE VIRTUAL TABLE search_index USING fts5(names, body, {_FTS5})")
    op.execute("INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1)")
    last = -1
    while True:
        rows = conn.execute(
            sa.text(
                "SELECT id, packed FROM search_index_text WHERE id > :last ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            break
        conn.execute(
            sa.text("INSERT INTO search_index (rowid, names, body) VALUES (:rowid, :names, :body)"),
            [
                {"rowid": rowid, "names": names, "body": body}
                for rowid, packed in rows
                for names, body in [search_index.unpack(packed)]
            ],
        )
        last = rows[-1][0]
    op.execute("DROP TABLE search_index_text")
    op.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
