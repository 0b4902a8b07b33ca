"""Readiness per party, graded reports, the cue catalogue's dimensions, the opportunity
flag and warmth with two intervals.

- ``cue_kinds`` gains ``dimension`` (motivation, optimism or both), ``family`` and
  ``retired``; the default kinds get theirs, and the kinds the catalogue was missing
  (costs rising, working trust, a valid spokesperson, expectation of victory, a new ally,
  public commitment to maximal aims) are added.
- ``readiness_cues`` gains the party it is about (``side_id``), who reported it
  (``reported_by_id``) and through which channel (``channel_id``), and is graded as
  analysts grade reports: ``reliability`` A-F and ``credibility`` 1-6 replace the old
  ``source_reliability`` 1-5. The old scale was a judgement of the source alone, 5 the most
  reliable: 5, 4, 3, 2, 1 become A, B, C, D, E. The credibility of the information was never
  recorded, so old cues get 6 ("truth cannot be judged"), which is what is known of them.
  Trash items holding cues are rewritten the same way, so they still restore.
- ``processes`` gains the opportunity flag (``opportunity_on``, ``opportunity_until``,
  ``opportunity_note``): set by the practitioner only.
- ``actors`` gains ``tier``, ``max_interval_days`` and ``snoozed_until``. ``cadence_days``
  stays the ideal interval. So that nobody's actor turns cold on the day of the upgrade,
  the maximum of every existing actor is 1.5 times their cadence, where cold began before.

``readiness_cues`` is copied by a batch (nothing points at it, so dropping the old copy
deletes nothing else). ``actors``, ``processes`` and ``cue_kinds`` are pointed at by other
tables with ON DELETE CASCADE or RESTRICT, and must never be batch-copied (see 0005): they
get plain ADD COLUMN.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 06:30:00.000000
"""

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_TO_GRADE = {5: "A", 4: "B", 3: "C", 2: "D", 1: "E"}

# key: (family, dimension) for the kinds 0001 created.
KNOWN_KINDS = {
    "hurting-stalemate": ("stalemate", "motivation"),
    "looming-catastrophe": ("catastrophe", "motivation"),
    "way-out": ("way-out", "optimism"),
    "leadership-change": ("spokesperson", "both"),
    "public-softening": ("trust", "optimism"),
    "back-channel-request": ("way-out", "both"),
    "external-pressure": ("third-party", "motivation"),
    "hardening": ("counter", "both"),
    "spoiler-activity": ("counter", "optimism"),
    "other": ("", "both"),
}

NEW_KINDS = [
    # key, label, direction, dimension, family, description
    (
        "costs-rising",
        "Costs rising",
        "toward",
        "motivation",
        "costs",
        "Casualties, money, support at home or abroad: the price of going on keeps rising.",
    ),
    (
        "working-trust",
        "Working trust",
        "toward",
        "optimism",
        "trust",
        "A party believes the other side can keep an agreement (kept small promises).",
    ),
    (
        "valid-spokesperson",
        "Valid spokesperson",
        "toward",
        "optimism",
        "spokesperson",
        "The other side has someone who can speak for it and deliver its people.",
    ),
    (
        "expectation-of-victory",
        "Expectation of victory",
        "away",
        "motivation",
        "counter",
        "A party believes it can still win, or win more by waiting.",
    ),
    (
        "new-ally",
        "A new ally",
        "away",
        "motivation",
        "counter",
        "Arms, money or a patron arrive and make the fight bearable again.",
    ),
    (
        "maximal-commitment",
        "Public commitment to maximal aims",
        "away",
        "optimism",
        "counter",
        "Leaders promise their people all or nothing in public; a compromise would cost them.",
    ),
]


def upgrade() -> None:
    op.execute("ALTER TABLE cue_kinds ADD COLUMN dimension VARCHAR(32) NOT NULL DEFAULT 'both'")
    op.execute("ALTER TABLE cue_kinds ADD COLUMN family VARCHAR(60) NOT NULL DEFAULT ''")
    op.execute("ALTER TABLE cue_kinds ADD COLUMN retired BOOLEAN NOT NULL DEFAULT 0")
    bind = op.get_bind()
    for key, (family, dimension) in KNOWN_KINDS.items():
        bind.execute(
            sa.text("UPDATE cue_kinds SET family = :f, dimension = :d WHERE key = :k"),
            {"f": family, "d": dimension, "k": key},
        )
    existing = {row[0] for row in bind.execute(sa.text("SELECT key FROM cue_kinds"))}
    now = datetime.now(UTC).replace(tzinfo=None)
    for key, label, direction, dimension, family, description in NEW_KINDS:
        if key in existing:
            continue
        bind.execute(
            sa.text(
                "INSERT INTO cue_kinds (uuid, created_at, updated_at, key, label, "
                "usual_direction, description, dimension, family, retired) "
                "VALUES (:u, :n, :n, :k, :l, :dir, :desc, :dim, :f, 0)"
            ),
            {
                "u": str(uuid.uuid4()),
                "n": now,
                "k": key,
                "l": label,
                "dir": direction,
                "desc": description,
                "dim": dimension,
                "f": family,
            },
        )

    op.add_column("readiness_cues", sa.Column("reliability", sa.String(1), nullable=True))
    op.add_column("readiness_cues", sa.Column("credibility", sa.Integer(), nullable=True))
    for old, grade in OLD_TO_GRADE.items():
        bind.execute(
            sa.text(
                "UPDATE readiness_cues SET credibility = 6, reliability = :g "
                "WHERE source_reliability = :o"
            ),
            {"g": grade, "o": old},
        )
    op.execute(
        "UPDATE readiness_cues SET credibility = 6, reliability = 'F' WHERE reliability IS NULL"
    )
    # The table is rebuilt by hand, its definition written out, so that every vault gets the
    # very same text (a batch copy orders constraints as a set iterates, which differs from
    # one run to the next, and backups are checked against this text). No table points at
    # readiness_cues, so dropping the old one deletes nothing else.
    op.execute(
        "CREATE TABLE _readiness_cues_0006 ("
        "process_id INTEGER, "
        "actor_id INTEGER, "
        "side_id INTEGER, "
        "kind_id INTEGER NOT NULL, "
        "direction VARCHAR(32) NOT NULL, "
        "strength INTEGER NOT NULL, "
        "reliability VARCHAR(1) NOT NULL, "
        "credibility INTEGER NOT NULL, "
        "reported_by_id INTEGER, "
        "channel_id INTEGER, "
        "observed_on DATE NOT NULL, "
        "note TEXT NOT NULL, "
        "id INTEGER NOT NULL, "
        "uuid VARCHAR(36) NOT NULL, "
        "created_at DATETIME NOT NULL, "
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
        "CONSTRAINT uq_readiness_cues_uuid UNIQUE (uuid))"
    )
    op.execute(
        "INSERT INTO _readiness_cues_0006 (process_id, actor_id, kind_id, direction, strength, "
        "reliability, credibility, observed_on, note, id, uuid, created_at, updated_at) "
        "SELECT process_id, actor_id, kind_id, direction, strength, reliability, credibility, "
        "observed_on, note, id, uuid, created_at, updated_at FROM readiness_cues"
    )
    op.execute("DROP TABLE readiness_cues")
    op.execute("ALTER TABLE _readiness_cues_0006 RENAME TO readiness_cues")
    for name, columns in (
        ("actor_id", ["actor_id"]),
        ("channel_id", ["channel_id"]),
        ("observed_on", ["observed_on"]),
        ("process_id", ["process_id"]),
        ("process_observed", ["process_id", "observed_on"]),
        ("reported_by_id", ["reported_by_id"]),
        ("side_id", ["side_id"]),
    ):
        op.create_index(f"ix_readiness_cues_{name}", "readiness_cues", columns)
    _rewrite_trashed_cues(bind)

    op.execute("ALTER TABLE processes ADD COLUMN opportunity_on DATE")
    op.execute("ALTER TABLE processes ADD COLUMN opportunity_until DATE")
    op.execute("ALTER TABLE processes ADD COLUMN opportunity_note TEXT NOT NULL DEFAULT ''")

    op.execute("ALTER TABLE actors ADD COLUMN tier VARCHAR(32) NOT NULL DEFAULT 'regular'")
    op.execute("ALTER TABLE actors ADD COLUMN max_interval_days INTEGER")
    op.execute("ALTER TABLE actors ADD COLUMN snoozed_until DATE")
    op.execute("UPDATE actors SET max_interval_days = (cadence_days * 3 + 1) / 2")


def _rewrite_trashed_cues(bind: sa.Connection) -> None:
    items = bind.execute(sa.text("SELECT id, payload FROM trash")).all()
    for item_id, text in items:
        payload = json.loads(text)
        cues = payload.get("rows", {}).get("readiness_cues")
        if not cues:
            continue
        for row in cues:
            old = row.pop("source_reliability", None)
            row.setdefault("reliability", OLD_TO_GRADE.get(old, "F"))
            row.setdefault("credibility", 6)
        bind.execute(
            sa.text("UPDATE trash SET payload = :p WHERE id = :i"),
            {"p": json.dumps(payload, ensure_ascii=False), "i": item_id},
        )


def downgrade() -> None:
    for column in ("snoozed_until", "max_interval_days", "tier"):
        op.execute(f"ALTER TABLE actors DROP COLUMN {column}")
    for column in ("opportunity_note", "opportunity_until", "opportunity_on"):
        op.execute(f"ALTER TABLE processes DROP COLUMN {column}")
    op.add_column("readiness_cues", sa.Column("source_reliability", sa.Integer(), nullable=True))
    bind = op.get_bind()
    for old, grade in OLD_TO_GRADE.items():
        bind.execute(
            sa.text("UPDATE readiness_cues SET source_reliability = :o WHERE reliability = :g"),
            {"g": grade, "o": old},
        )
    op.execute("UPDATE readiness_cues SET source_reliability = 3 WHERE source_reliability IS NULL")
    with op.batch_alter_table("readiness_cues", recreate="always") as batch:
        for column, table in (
            ("channel_id", "channels"),
            ("reported_by_id", "actors"),
            ("side_id", "sides"),
        ):
            batch.drop_constraint(batch.f(f"fk_readiness_cues_{column}_{table}"), "foreignkey")
            batch.drop_index(batch.f(f"ix_readiness_cues_{column}"))
            batch.drop_column(column)
        batch.drop_constraint(batch.f("ck_readiness_cues_credibility_grade"), type_="check")
        batch.drop_constraint(batch.f("ck_readiness_cues_reliability_grade"), type_="check")
        batch.drop_column("credibility")
        batch.drop_column("reliability")
        batch.alter_column("source_reliability", existing_type=sa.Integer(), nullable=False)
        batch.create_check_constraint("reliability_range", "source_reliability BETWEEN 1 AND 5")
    # Cues of the kinds this revision added become "Other" (their note says what).
    for new in NEW_KINDS:
        bind.execute(
            sa.text(
                "UPDATE readiness_cues SET kind_id = (SELECT id FROM cue_kinds WHERE key = 'other') "
                "WHERE kind_id IN (SELECT id FROM cue_kinds WHERE key = :k)"
            ),
            {"k": new[0]},
        )
        bind.execute(sa.text("DELETE FROM cue_kinds WHERE key = :k"), {"k": new[0]})
    for column in ("retired", "family", "dimension"):
        op.execute(f"ALTER TABLE cue_kinds DROP COLUMN {column}")
