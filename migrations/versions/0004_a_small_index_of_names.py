"""A small full-text index of names alone, so search-as-you-type stays quick on any vault.

``search_index`` holds names and bodies together; ranking a one-letter prefix or a common
word there means scoring every matching summary (hundreds of milliseconds on 200,000
interactions). ``search_index_names`` holds only what records are called (actors,
organizations, processes: a few thousand rows), at the same rowids; search ranks names
there, then lists records found only by what is written about them, newest first (see
contactkeeper/records/search.py and benchmarks/README.md).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 21:10:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_index_names USING fts5("
        "names, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
    )
    # Deleted names leave the index's pages at once (as search_index does).
    op.execute(
        "INSERT INTO search_index_names (search_index_names, rank) VALUES ('secure-delete', 1)"
    )
    op.execute(
        "INSERT INTO search_index_names (rowid, names) "
        "SELECT rowid, names FROM search_index WHERE names != ''"
    )


def downgrade() -> None:
    op.execute("DROP TABLE search_index_names")
