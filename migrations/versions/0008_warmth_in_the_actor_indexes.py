"""Warmth with two intervals, read from the indexes: the actors list's index and the
warmth index also hold each actor's tier, maximum interval and snooze.

Going cold, and the actors list sorted or filtered by warmth, need those three columns for
every actor they weigh; without them in the indexes each actor's row was read from the
table (a vault of 10,000 actors with long notes read going cold in about 70 ms instead
of 10). Only indexes change: ``actors`` is not copied (it is referenced by foreign keys,
see 0005).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 09:15:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIST = [
    "display_name",
    "codename",
    "uuid",
    "sensitivity",
    "status",
    "cadence_days",
    "last_contact_at",
    "last_substantive_at",
]
WARMTH = ["status", "last_contact_at", "last_substantive_at", "cadence_days"]
TWO_INTERVALS = ["tier", "max_interval_days", "snoozed_until"]


def upgrade() -> None:
    op.drop_index("ix_actors_list", table_name="actors")
    op.drop_index("ix_actors_warmth", table_name="actors")
    op.create_index("ix_actors_list", "actors", [*LIST, *TWO_INTERVALS], unique=False)
    op.create_index("ix_actors_warmth", "actors", [*WARMTH, *TWO_INTERVALS], unique=False)


def downgrade() -> None:
    op.drop_index("ix_actors_warmth", table_name="actors")
    op.drop_index("ix_actors_list", table_name="actors")
    op.create_index("ix_actors_list", "actors", LIST, unique=False)
    op.create_index("ix_actors_warmth", "actors", WARMTH, unique=False)
