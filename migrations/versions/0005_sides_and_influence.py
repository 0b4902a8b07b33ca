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
    # ``participations`` is rebuilt by hand, with its definition written out, so that every
    # vault gets the very same text (a batch copy orders the constraints as a set iterates,
    # which differs from one run to the next, and backups are checked against this text).
    # No table points at it, so dropping the old one deletes nothing else. ``actors`` must
    # never be copied so: dropping it would, with foreign keys on, delete every channel, tie
    # and affiliation that points at it. It gets a plain ADD COLUMN instead.
    op.execute(
        "CREATE TABLE _participations_0005 ("
        "process_id INTEGER NOT NULL, "
        "actor_id INTEGER NOT NULL, "
        "role VARCHAR(32) NOT NULL, "
        "note TEXT NOT NULL, "
        "id INTEGER NOT NULL, "
        "uuid VARCHAR(36) NOT NULL, "
        "created_at DATETIME NOT NULL, "
        "updated_at DATETIME NOT NULL, "
        "side_id INTEGER, "
        "CONSTRAINT pk_participations PRIMARY KEY (id), "
        "CONSTRAINT uq_participation UNIQUE (process_id, actor_id, role), "
        "CONSTRAINT uq_participations_uuid UNIQUE (uuid), "
        "CONSTRAINT fk_participations_actor_id_actors FOREIGN KEY(actor_id) "
        "REFERENCES actors (id) ON DELETE CASCADE, "
        "CONSTRAINT fk_participations_process_id_processes FOREIGN KEY(process_id) "
        "REFERENCES processes (id) ON DELETE CASCADE, "
        "CONSTRAINT fk_participations_side_id_sides FOREIGN KEY(side_id) "
        "REFERENCES sides (id) ON DELETE SET NULL)"
    )
    op.execute(
        "INSERT INTO _participations_0005 "
        "(process_id, actor_id, role, note, id, uuid, created_at, updated_at, side_id) "
        "SELECT process_id, actor_id, role, note, id, uuid, created_at, updated_at, NULL "
        "FROM participations"
    )
    op.execute("DROP TABLE participations")
    op.execute("ALTER TABLE _participations_0005 RENAME TO participations")
    for column in ("actor_id", "process_id", "side_id"):
        op.create_index(f"ix_participations_{column}", "participations", [column])
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
