"""Sides of a process, each participant's side, and an actor's influence.

A process's conflict has parties (``sides``); a participant belongs to one side or to none.
Readiness is judged per side, and maps and invitation lists balance the sides. An actor's
``influence`` (1 to 5, or not judged) sizes them on conflict maps.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 06:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sides",
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["processes.id"],
            name=op.f("fk_sides_process_id_processes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sides")),
        sa.UniqueConstraint("process_id", "name", name="uq_side_name"),
        sa.UniqueConstraint("uuid", name=op.f("uq_sides_uuid")),
    )
    op.create_index(op.f("ix_sides_process_id"), "sides", ["process_id"], unique=False)
    # A batch copy of ``participations`` is safe (no table points at it) and gives the
    # foreign key its name. ``actors`` must never be copied that way: SQLite recreates a
    # table by dropping the old one, and with foreign keys on, dropping ``actors`` would
    # delete every channel, tie and affiliation that points at it. It gets a plain ADD
    # COLUMN instead.
    with op.batch_alter_table("participations") as batch:
        batch.add_column(sa.Column("side_id", sa.Integer(), nullable=True))
        batch.create_index(batch.f("ix_participations_side_id"), ["side_id"], unique=False)
        batch.create_foreign_key(
            batch.f("fk_participations_side_id_sides"),
            "sides",
            ["side_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.execute(
        "ALTER TABLE actors ADD COLUMN influence INTEGER "
        "CONSTRAINT ck_actors_influence_range CHECK (influence BETWEEN 1 AND 5)"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE actors DROP COLUMN influence")
    with op.batch_alter_table("participations") as batch:
        batch.drop_constraint(batch.f("fk_participations_side_id_sides"), type_="foreignkey")
        batch.drop_index(batch.f("ix_participations_side_id"))
        batch.drop_column("side_id")
    op.drop_index(op.f("ix_sides_process_id"), table_name="sides")
    op.drop_table("sides")
