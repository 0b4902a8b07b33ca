"""Indexes for large vaults: timelines, the actors list by name, Today's going-cold scan.

Interaction participants carry their interaction's time, kept right by two triggers (on
insert, and when an interaction's time changes), so that an actor's timeline is read newest
first from one index instead of sorting their whole history (see benchmarks/README.md).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 21:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGGERS = (
    # A participant row written without the time (the ORM's link rows, trash restores of
    # older snapshots) takes it from its interaction.
    """
    CREATE TRIGGER interaction_participants_take_time
    AFTER INSERT ON interaction_participants
    WHEN NEW.occurred_at IS NULL
    BEGIN
        UPDATE interaction_participants
        SET occurred_at = (SELECT occurred_at FROM interactions WHERE id = NEW.interaction_id)
        WHERE interaction_id = NEW.interaction_id AND actor_id = NEW.actor_id;
    END
    """,
    """
    CREATE TRIGGER interactions_pass_time_to_participants
    AFTER UPDATE OF occurred_at ON interactions
    BEGIN
        UPDATE interaction_participants SET occurred_at = NEW.occurred_at
        WHERE interaction_id = NEW.id;
    END
    """,
)


def upgrade() -> None:
    with op.batch_alter_table("interaction_participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("occurred_at", sa.DateTime(), nullable=True))
        batch_op.drop_index(batch_op.f("ix_interaction_participants_actor_id"))
    op.execute(
        "UPDATE interaction_participants SET occurred_at = "
        "(SELECT occurred_at FROM interactions WHERE id = interaction_id)"
    )
    with op.batch_alter_table("interaction_participants", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interaction_participants_timeline",
            ["actor_id", "occurred_at", "interaction_id"],
            unique=False,
        )
    for trigger in TRIGGERS:
        op.execute(trigger)
    with op.batch_alter_table("actors", schema=None) as batch_op:
        # The actors list's fields in name order, so a page never reads the actors' pages.
        batch_op.create_index(
            "ix_actors_list",
            [
                "display_name",
                "codename",
                "uuid",
                "sensitivity",
                "status",
                "cadence_days",
                "last_contact_at",
                "last_substantive_at",
            ],
            unique=False,
        )
        batch_op.create_index(
            "ix_actors_warmth",
            ["status", "last_contact_at", "last_substantive_at", "cadence_days"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.drop_index("ix_actors_warmth")
        batch_op.drop_index("ix_actors_list")
    op.execute("DROP TRIGGER interactions_pass_time_to_participants")
    op.execute("DROP TRIGGER interaction_participants_take_time")
    with op.batch_alter_table("interaction_participants", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_participants_timeline")
        batch_op.create_index(
            batch_op.f("ix_interaction_participants_actor_id"), ["actor_id"], unique=False
        )
        batch_op.drop_column("occurred_at")
