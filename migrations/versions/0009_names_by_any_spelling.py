"""Search by any spelling and by fragments of names; follow-ups searchable by their text.

``search_index_fragments`` (FTS5, trigram tokenizer) holds the names of actors and
organizations by their fragments of three letters, at the rowids of ``search_index``, so
that "addad" finds "Haddad" through an index rather than by reading every name. A person's
row in ``search_index_names`` is followed by the spelling keys of their names ("Mohammed" as
"muhamid", "الخطيب" as "خطيب", "محمد" as "muhamad"), and follow-ups get rows of their own
(kind 7: title and note). See contactkeeper/vault/search_index.py.

The rows of actors, organizations and follow-ups are written by this version's indexing
code; it reads only the columns it indexes (``id``, names, notes, ...), which this migration
leaves as they are. Only the index changes: no table of records is copied.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_index_fragments USING fts5(names, tokenize = 'trigram')"
    )
    # Deleted names leave the index's pages at once (as in the other index tables).
    op.execute(
        "INSERT INTO search_index_fragments (search_index_fragments, rank) "
        "VALUES ('secure-delete', 1)"
    )
    from contactkeeper.records import spellings  # noqa: F401  (registers the spelling keys)
    from contactkeeper.vault import search_index

    conn = op.get_bind()
    session = Session(bind=conn)
    for kind, table in (
        ("actor", "actors"),
        ("organization", "organizations"),
        ("follow_up", "follow_ups"),
    ):
        ids = conn.execute(sa.text(f"SELECT id FROM {table} ORDER BY id")).scalars().all()  # noqa: S608
        search_index.reindex(session, kind, ids, kept=False)  # its form before 0010
    search_index.optimize(conn, ["search_index", "search_index_names", "search_index_fragments"])
    session.close()


def downgrade() -> None:
    op.execute("DROP TABLE search_index_fragments")
    op.execute("DELETE FROM search_index WHERE rowid % 8 = 7")
