"""The high-risk actors by codename, in an index of their own.

The actors list sorts by the name it shows: a high-risk actor's codename, anyone else's
display name. The others are a range of ``ix_actors_list`` (by display name); the
high-risk were found by scanning that whole index for them, a cost that grew with the
vault. This partial index holds only the high-risk, by codename, with every field a row of
the list shows, so a page of them is a range read too. Only an index is added: ``actors``
is not copied (it is referenced by foreign keys, see 0005).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 17:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = [
    "codename",
    "display_name",
    "uuid",
    "sensitivity",
    "status",
    "cadence_days",
    "last_contact_at",
    "last_substantive_at",
    "tier",
    "max_interval_days",
    "snoozed_until",
]


def upgrade() -> None:
    op.create_index(
        "ix_actors_high_risk",
        "actors",
        COLUMNS,
        unique=False,
        sqlite_where=sa.text("sensitivity = 'high-risk'"),
    )


def downgrade() -> None:
    op.drop_index("ix_actors_high_risk", table_name="actors")
