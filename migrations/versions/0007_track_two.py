"""Track two as it is practised: events, attribution rules, transfers to track one, reviews.

New tables: ``events`` (workshops, dialogue rounds, consultations) with their invitation
lists (``event_invitations``) and outcomes (``event_outcomes``); ``transfers`` (what was
passed to the official track and what came of it); ``theories_of_change`` (each process's
theory, kept with its history) and ``reviews``.

New columns: an attribution rule on interactions, cues and actors (the actor's is the
default for what they say); a cue may point to an event (an interaction's event is a
row of ``interaction_events``), and an interaction may be marked as an unexpected opening; actors gain their track, access,
standing, trust and personal risk; an organization may be marked official; a process has a
review cadence; a follow-up may belong to an event (its checklist) or a transfer.

``actors``, ``interactions``, ``organizations`` and ``processes`` are referenced by foreign
keys, so none is batch-copied (see 0005): each gets plain ``ALTER TABLE ... ADD COLUMN``,
with a default for the columns that may not be null, and no foreign key (SQLite could not
name it). No table points at ``readiness_cues`` or ``follow_ups``: they are batch-copied.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 06:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _keys(table: str) -> list[sa.Constraint]:
    return [
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
    ]


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete=ondelete
    )


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def _add(table: str, definition: str) -> None:
    op.execute(f"ALTER TABLE {table} ADD COLUMN {definition}")


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("venue", sa.String(length=300), nullable=False),
        sa.Column("convenor", sa.String(length=300), nullable=False),
        sa.Column("funder", sa.String(length=300), nullable=False),
        sa.Column("attribution", sa.String(length=32), nullable=False),
        sa.Column("ground_rules", sa.Text(), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_record_columns(),
        _fk("events", "process_id", "processes", "SET NULL"),
        *_keys("events"),
    )
    _index("events", "process_id", "starts_on")
    op.create_table(
        "event_invitations",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_record_columns(),
        _fk("event_invitations", "event_id", "events", "CASCADE"),
        _fk("event_invitations", "actor_id", "actors", "CASCADE"),
        sa.UniqueConstraint("event_id", "actor_id", name="uq_invitation"),
        *_keys("event_invitations"),
    )
    _index("event_invitations", "event_id", "actor_id")
    op.create_table(
        "event_outcomes",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("attribution", sa.String(length=32), nullable=False),
        *_record_columns(),
        _fk("event_outcomes", "event_id", "events", "CASCADE"),
        *_keys("event_outcomes"),
    )
    _index("event_outcomes", "event_id")
    op.create_table(
        "transfers",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("outcome_id", sa.Integer(), nullable=True),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.Column("recipient_actor_id", sa.Integer(), nullable=True),
        sa.Column("recipient_organization_id", sa.Integer(), nullable=True),
        sa.Column("passed_on", sa.Date(), nullable=False),
        sa.Column("via", sa.String(length=300), nullable=False),
        sa.Column("result", sa.String(length=32), nullable=False),
        sa.Column("result_on", sa.Date(), nullable=True),
        sa.Column("result_note", sa.Text(), nullable=False),
        sa.Column("attribution", sa.String(length=32), nullable=False),
        *_record_columns(),
        _fk("transfers", "process_id", "processes", "SET NULL"),
        _fk("transfers", "event_id", "events", "SET NULL"),
        _fk("transfers", "outcome_id", "event_outcomes", "SET NULL"),
        _fk("transfers", "interaction_id", "interactions", "SET NULL"),
        _fk("transfers", "recipient_actor_id", "actors", "SET NULL"),
        _fk("transfers", "recipient_organization_id", "organizations", "SET NULL"),
        *_keys("transfers"),
    )
    # A vault holds dozens of transfers, not thousands: two indexes are enough.
    _index("transfers", "process_id", "event_id")
    op.create_table(
        "theories_of_change",
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        *_record_columns(),
        _fk("theories_of_change", "process_id", "processes", "CASCADE"),
        *_keys("theories_of_change"),
    )
    _index("theories_of_change", "process_id")
    op.create_table(
        "reviews",
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("decision", sa.String(length=32), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("learnt", sa.Text(), nullable=False),
        *_record_columns(),
        _fk("reviews", "process_id", "processes", "CASCADE"),
        *_keys("reviews"),
    )
    _index("reviews", "process_id", "held_on")

    op.create_table(
        "interaction_events",
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        _fk("interaction_events", "interaction_id", "interactions", "CASCADE"),
        _fk("interaction_events", "event_id", "events", "CASCADE"),
        sa.PrimaryKeyConstraint("interaction_id", name="pk_interaction_events"),
    )
    _index("interaction_events", "event_id")
    _add("interactions", "attribution VARCHAR(32) NOT NULL DEFAULT 'on the record'")
    _add("interactions", "unexpected_opening BOOLEAN NOT NULL DEFAULT 0")
    # No table points at cues or follow-ups. Each is rebuilt by hand, its definition written
    # out, so that every vault gets the very same text (a batch copy orders constraints as a
    # set iterates, which differs from one run to the next, and backups are checked against
    # this text).
    _rebuild(
        "readiness_cues",
        "process_id INTEGER, actor_id INTEGER, side_id INTEGER, kind_id INTEGER NOT NULL, "
        "direction VARCHAR(32) NOT NULL, strength INTEGER NOT NULL, "
        "reliability VARCHAR(1) NOT NULL, credibility INTEGER NOT NULL, "
        "reported_by_id INTEGER, channel_id INTEGER, observed_on DATE NOT NULL, "
        "note TEXT NOT NULL, event_id INTEGER, attribution VARCHAR(32) NOT NULL, "
        "id INTEGER NOT NULL, uuid VARCHAR(36) NOT NULL, created_at DATETIME NOT NULL, "
        "updated_at DATETIME NOT NULL, "
        "CONSTRAINT pk_readiness_cues PRIMARY KEY (id), "
        "CONSTRAINT ck_readiness_cues_about_something "
        "CHECK (process_id IS NOT NULL OR actor_id IS NOT NULL), "
        "CONSTRAINT ck_readiness_cues_strength_range CHECK (strength BETWEEN 1 AND 5), "
        "CONSTRAINT ck_readiness_cues_reliability_grade "
        "CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')), "
        "CONSTRAINT ck_readiness_cues_credibility_grade CHECK (credibility BETWEEN 1 AND 6), "
        "CONSTRAINT fk_readiness_cues_process_id_processes FOREIGN KEY(process_id) "
        "REFERENCES processes (id) ON DELETE CASCADE, "
        "CONSTRAINT fk_readiness_cues_actor_id_actors FOREIGN KEY(actor_id) "
        "REFERENCES actors (id) ON DELETE CASCADE, "
        "CONSTRAINT fk_readiness_cues_side_id_sides FOREIGN KEY(side_id) "
        "REFERENCES sides (id) ON DELETE SET NULL, "
        "CONSTRAINT fk_readiness_cues_kind_id_cue_kinds FOREIGN KEY(kind_id) "
        "REFERENCES cue_kinds (id) ON DELETE RESTRICT, "
        "CONSTRAINT fk_readiness_cues_reported_by_id_actors FOREIGN KEY(reported_by_id) "
        "REFERENCES actors (id) ON DELETE SET NULL, "
        "CONSTRAINT fk_readiness_cues_channel_id_channels FOREIGN KEY(channel_id) "
        "REFERENCES channels (id) ON DELETE SET NULL, "
        "CONSTRAINT fk_readiness_cues_event_id_events FOREIGN KEY(event_id) "
        "REFERENCES events (id) ON DELETE SET NULL, "
        "CONSTRAINT uq_readiness_cues_uuid UNIQUE (uuid)",
        "process_id, actor_id, side_id, kind_id, direction, strength, reliability, "
        "credibility, reported_by_id, channel_id, observed_on, note, id, uuid, created_at, "
        "updated_at",
        "'on the record'",
        (
            ("actor_id", ("actor_id",)),
            ("channel_id", ("channel_id",)),
            ("event_id", ("event_id",)),
            ("observed_on", ("observed_on",)),
            ("process_id", ("process_id",)),
            ("process_observed", ("process_id", "observed_on")),
            ("reported_by_id", ("reported_by_id",)),
            ("side_id", ("side_id",)),
        ),
    )
    _add("actors", "actor_track VARCHAR(32)")
    for column in ("access", "standing", "trust_in_me", "personal_risk"):
        _add(
            "actors",
            f"{column} INTEGER CONSTRAINT ck_actors_{column}_range "
            f"CHECK ({column} BETWEEN 1 AND 5)",
        )
    _add("actors", "attribution VARCHAR(32) NOT NULL DEFAULT 'on the record'")
    _add("organizations", "official BOOLEAN NOT NULL DEFAULT 0")
    _add("processes", "review_every_days INTEGER")
    _rebuild(
        "follow_ups",
        "title VARCHAR(300) NOT NULL, due_on DATE NOT NULL, done_at DATETIME, "
        "actor_id INTEGER, interaction_id INTEGER, process_id INTEGER, note TEXT NOT NULL, "
        "event_id INTEGER, transfer_id INTEGER, id INTEGER NOT NULL, "
        "uuid VARCHAR(36) NOT NULL, created_at DATETIME NOT NULL, "
        "updated_at DATETIME NOT NULL, "
        "CONSTRAINT pk_follow_ups PRIMARY KEY (id), "
        "CONSTRAINT fk_follow_ups_actor_id_actors FOREIGN KEY(actor_id) "
        "REFERENCES actors (id) ON DELETE CASCADE, "
        "CONSTRAINT fk_follow_ups_interaction_id_interactions FOREIGN KEY(interaction_id) "
        "REFERENCES interactions (id) ON DELETE SET NULL, "
        "CONSTRAINT fk_follow_ups_process_id_processes FOREIGN KEY(process_id) "
        "REFERENCES processes (id) ON DELETE CASCADE, "
        "CONSTRAINT fk_follow_ups_event_id_events FOREIGN KEY(event_id) "
        "REFERENCES events (id) ON DELETE CASCADE, "
        "CONSTRAINT fk_follow_ups_transfer_id_transfers FOREIGN KEY(transfer_id) "
        "REFERENCES transfers (id) ON DELETE CASCADE, "
        "CONSTRAINT uq_follow_ups_uuid UNIQUE (uuid)",
        "title, due_on, done_at, actor_id, interaction_id, process_id, note, id, uuid, "
        "created_at, updated_at",
        None,
        (
            ("actor_id", ("actor_id",)),
            ("due_on", ("due_on",)),
            ("event_id", ("event_id",)),
            ("interaction_id", ("interaction_id",)),
            ("open_due", ("done_at", "due_on")),
            ("process_id", ("process_id",)),
            ("transfer_id", ("transfer_id",)),
        ),
    )


def _rebuild(
    table: str,
    definition: str,
    kept: str,
    attribution: str | None,
    indexes: tuple[tuple[str, tuple[str, ...]], ...],
) -> None:
    """Rebuild ``table`` as ``definition`` with its rows (``kept`` columns; a new
    ``attribution`` column filled with that value), then its indexes, in a fixed order."""
    new = f"_{table}_0007"
    op.execute(f"CREATE TABLE {new} ({definition})")
    columns = kept + (", attribution" if attribution else "")
    values = kept + (f", {attribution}" if attribution else "")
    op.execute(f"INSERT INTO {new} ({columns}) SELECT {values} FROM {table}")  # noqa: S608
    op.execute(f"DROP TABLE {table}")
    op.execute(f"ALTER TABLE {new} RENAME TO {table}")
    for name, on in indexes:
        op.create_index(f"ix_{table}_{name}", table, list(on))


def downgrade() -> None:
    with op.batch_alter_table("follow_ups") as batch:
        for column, target in (("transfer_id", "transfers"), ("event_id", "events")):
            batch.drop_constraint(f"fk_follow_ups_{column}_{target}", type_="foreignkey")
            batch.drop_index(f"ix_follow_ups_{column}")
            batch.drop_column(column)
    op.execute("ALTER TABLE processes DROP COLUMN review_every_days")
    op.execute("ALTER TABLE organizations DROP COLUMN official")
    for column in (
        "attribution",
        "personal_risk",
        "trust_in_me",
        "standing",
        "access",
        "actor_track",
    ):
        op.execute(f"ALTER TABLE actors DROP COLUMN {column}")
    with op.batch_alter_table("readiness_cues") as batch:
        batch.drop_constraint("fk_readiness_cues_event_id_events", type_="foreignkey")
        batch.drop_index("ix_readiness_cues_event_id")
        batch.drop_column("attribution")
        batch.drop_column("event_id")
    op.execute("ALTER TABLE interactions DROP COLUMN unexpected_opening")
    op.execute("ALTER TABLE interactions DROP COLUMN attribution")
    for table in (
        "interaction_events",
        "reviews",
        "theories_of_change",
        "transfers",
        "event_outcomes",
        "event_invitations",
        "events",
    ):
        op.drop_table(table)
