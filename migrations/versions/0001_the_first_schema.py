"""The first schema: every record of DESIGN.md, the search index, the cue catalogue.

This migration is frozen: vaults made with it exist. Change the schema in a new revision.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 04:13:42.918519
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("display_name", sa.String(length=300), nullable=False),
        sa.Column("codename", sa.String(length=100), nullable=False),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "normal", "sensitive", "high-risk", name="sensitivity", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("cadence_days", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "dormant",
                "do-not-contact",
                name="actorstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("country", sa.String(length=100), nullable=False),
        sa.Column("languages", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("last_contact_at", sa.DateTime(), nullable=True),
        sa.Column("last_substantive_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("cadence_days >= 1", name=op.f("ck_actors_cadence_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
        sa.UniqueConstraint("codename", name=op.f("uq_actors_codename")),
        sa.UniqueConstraint("uuid", name=op.f("uq_actors_uuid")),
    )
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_actors_last_contact_at"), ["last_contact_at"], unique=False
        )

    op.create_table(
        "cue_kinds",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column(
            "usual_direction",
            sa.Enum("toward", "away", name="direction", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cue_kinds")),
        sa.UniqueConstraint("key", name=op.f("uq_cue_kinds_key")),
        sa.UniqueConstraint("uuid", name=op.f("uq_cue_kinds_uuid")),
    )
    op.create_table(
        "organizations",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "ministry",
                "party",
                "armed group",
                "NGO",
                "family",
                "tribe",
                "company",
                "religious body",
                "media",
                "other",
                name="organizationkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("country", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
        sa.UniqueConstraint("uuid", name=op.f("uq_organizations_uuid")),
    )
    op.create_table(
        "processes",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column(
            "track",
            sa.Enum(
                "track one",
                "track one and a half",
                "track two",
                name="track",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "phase",
            sa.Enum(
                "exploratory",
                "pre-negotiation",
                "negotiation",
                "implementation",
                "stalled",
                "concluded",
                name="processphase",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_processes")),
        sa.UniqueConstraint("uuid", name=op.f("uq_processes_uuid")),
    )
    op.create_table(
        "tags",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_tags_uuid")),
    )
    op.create_table(
        "vault_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_vault_settings")),
    )
    op.create_table(
        "actor_tags",
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_actor_tags_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_actor_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("actor_id", "tag_id", name=op.f("pk_actor_tags")),
    )
    op.create_table(
        "affiliations",
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_affiliations_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_affiliations_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_affiliations")),
        sa.UniqueConstraint("uuid", name=op.f("uq_affiliations_uuid")),
    )
    with op.batch_alter_table("affiliations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_affiliations_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_affiliations_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "channels",
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "in person",
                "phone",
                "messenger",
                "email",
                "indirect",
                name="channelkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("trust", sa.Integer(), nullable=False),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "normal", "sensitive", "high-risk", name="sensitivity", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("trust BETWEEN 1 AND 5", name=op.f("ck_channels_trust_range")),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_channels_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channels")),
        sa.UniqueConstraint("uuid", name=op.f("uq_channels_uuid")),
    )
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_channels_actor_id"), ["actor_id"], unique=False)

    op.create_table(
        "name_variants",
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("script", sa.String(length=40), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_name_variants_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_name_variants")),
        sa.UniqueConstraint("uuid", name=op.f("uq_name_variants_uuid")),
    )
    with op.batch_alter_table("name_variants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_name_variants_actor_id"), ["actor_id"], unique=False)

    op.create_table(
        "participations",
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "party",
                "adviser",
                "convenor",
                "intermediary",
                "spoiler",
                "observer",
                name="participationrole",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_participations_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["processes.id"],
            name=op.f("fk_participations_process_id_processes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participations")),
        sa.UniqueConstraint("process_id", "actor_id", "role", name="uq_participation"),
        sa.UniqueConstraint("uuid", name=op.f("uq_participations_uuid")),
    )
    with op.batch_alter_table("participations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participations_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_participations_process_id"), ["process_id"], unique=False
        )

    op.create_table(
        "readiness_cues",
        sa.Column("process_id", sa.Integer(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("kind_id", sa.Integer(), nullable=False),
        sa.Column(
            "direction",
            sa.Enum("toward", "away", name="direction", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("strength", sa.Integer(), nullable=False),
        sa.Column("source_reliability", sa.Integer(), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "process_id IS NOT NULL OR actor_id IS NOT NULL",
            name=op.f("ck_readiness_cues_about_something"),
        ),
        sa.CheckConstraint(
            "source_reliability BETWEEN 1 AND 5", name=op.f("ck_readiness_cues_reliability_range")
        ),
        sa.CheckConstraint(
            "strength BETWEEN 1 AND 5", name=op.f("ck_readiness_cues_strength_range")
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_readiness_cues_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kind_id"],
            ["cue_kinds.id"],
            name=op.f("fk_readiness_cues_kind_id_cue_kinds"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["processes.id"],
            name=op.f("fk_readiness_cues_process_id_processes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_readiness_cues")),
        sa.UniqueConstraint("uuid", name=op.f("uq_readiness_cues_uuid")),
    )
    with op.batch_alter_table("readiness_cues", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_readiness_cues_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_readiness_cues_observed_on"), ["observed_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_readiness_cues_process_id"), ["process_id"], unique=False
        )
        batch_op.create_index(
            "ix_readiness_cues_process_observed", ["process_id", "observed_on"], unique=False
        )

    op.create_table(
        "relationships",
        sa.Column("from_actor_id", sa.Integer(), nullable=False),
        sa.Column("to_actor_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "knows",
                "trusts",
                "family",
                "rival",
                "reports to",
                "can introduce",
                name="relationshipkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("strength", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Integer(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "confidence BETWEEN 1 AND 5", name=op.f("ck_relationships_confidence_range")
        ),
        sa.CheckConstraint("from_actor_id != to_actor_id", name=op.f("ck_relationships_not_self")),
        sa.CheckConstraint(
            "strength BETWEEN 1 AND 5", name=op.f("ck_relationships_strength_range")
        ),
        sa.ForeignKeyConstraint(
            ["from_actor_id"],
            ["actors.id"],
            name=op.f("fk_relationships_from_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_actor_id"],
            ["actors.id"],
            name=op.f("fk_relationships_to_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relationships")),
        sa.UniqueConstraint("uuid", name=op.f("uq_relationships_uuid")),
    )
    with op.batch_alter_table("relationships", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_relationships_from_actor_id"), ["from_actor_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_relationships_to_actor_id"), ["to_actor_id"], unique=False
        )

    op.create_table(
        "channel_hops",
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("intermediary_id", sa.Integer(), nullable=False),
        sa.Column("trust", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("trust BETWEEN 1 AND 5", name=op.f("ck_channel_hops_trust_range")),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["channels.id"],
            name=op.f("fk_channel_hops_channel_id_channels"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["intermediary_id"],
            ["actors.id"],
            name=op.f("fk_channel_hops_intermediary_id_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_hops")),
        sa.UniqueConstraint("channel_id", "position", name="uq_channel_hop_position"),
        sa.UniqueConstraint("uuid", name=op.f("uq_channel_hops_uuid")),
    )
    with op.batch_alter_table("channel_hops", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_channel_hops_intermediary_id"), ["intermediary_id"], unique=False
        )

    op.create_table(
        "interactions",
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "meeting",
                "call",
                "message",
                "social occasion",
                "sidelines of an event",
                "passed through an intermediary",
                name="interactionkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "register",
            sa.Enum(
                "professional", "social", "mixed", name="register", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("channel_id", sa.Integer(), nullable=True),
        sa.Column("process_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["channels.id"],
            name=op.f("fk_interactions_channel_id_channels"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["processes.id"],
            name=op.f("fk_interactions_process_id_processes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interactions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_interactions_uuid")),
    )
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interactions_channel_id"), ["channel_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interactions_occurred_at"), ["occurred_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interactions_process_id"), ["process_id"], unique=False
        )

    op.create_table(
        "follow_ups",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.Column("process_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_follow_ups_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_follow_ups_interaction_id_interactions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["processes.id"],
            name=op.f("fk_follow_ups_process_id_processes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
        sa.UniqueConstraint("uuid", name=op.f("uq_follow_ups_uuid")),
    )
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_ups_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_follow_ups_due_on"), ["due_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_follow_ups_interaction_id"), ["interaction_id"], unique=False
        )
        batch_op.create_index("ix_follow_ups_open_due", ["done_at", "due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_follow_ups_process_id"), ["process_id"], unique=False)

    op.create_table(
        "interaction_participants",
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_interaction_participants_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_interaction_participants_interaction_id_interactions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "interaction_id", "actor_id", name=op.f("pk_interaction_participants")
        ),
    )
    with op.batch_alter_table("interaction_participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interaction_participants_actor_id"), ["actor_id"], unique=False
        )
    # Full-text search over names, name variants, codenames, notes and interaction
    # summaries. The services index text already folded (case, diacritics, script
    # variants; see contactkeeper/vault/search_index.py), one row per record; rowid = id * 8 + kind.
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "names, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
    )
    cue_kinds = sa.table(
        "cue_kinds",
        sa.column("uuid", sa.String),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
        sa.column("key", sa.String),
        sa.column("label", sa.String),
        sa.column("usual_direction", sa.String),
        sa.column("description", sa.Text),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    op.bulk_insert(
        cue_kinds,
        [
            {
                "uuid": str(uuid.uuid4()),
                "created_at": now,
                "updated_at": now,
                "key": key,
                "label": label,
                "usual_direction": direction,
                "description": description,
            }
            for key, label, direction, description in DEFAULT_CUE_KINDS
        ],
    )


DEFAULT_CUE_KINDS = [
    (
        "hurting-stalemate",
        "Hurting stalemate perceived",
        "toward",
        "A party says or shows that it cannot win and that continuing costs too much.",
    ),
    (
        "looming-catastrophe",
        "Looming catastrophe",
        "toward",
        "A deadline, collapse or escalation that parties want to avoid is close.",
    ),
    (
        "way-out",
        "Way out perceived",
        "toward",
        "A party sees a negotiated exit as possible and acceptable.",
    ),
    (
        "leadership-change",
        "Leadership change",
        "toward",
        "New leaders or advisers who are not bound by earlier positions.",
    ),
    (
        "public-softening",
        "Public softening",
        "toward",
        "Rhetoric or official statements move toward accommodation.",
    ),
    (
        "back-channel-request",
        "Back-channel request",
        "toward",
        "A party asks, directly or through others, for a discreet channel.",
    ),
    (
        "external-pressure",
        "External pressure",
        "toward",
        "Patrons, neighbours or donors push the parties toward talks.",
    ),
    (
        "hardening",
        "Hardening",
        "away",
        "Positions, rhetoric or conditions for talks become harder.",
    ),
    ("spoiler-activity", "Spoiler activity", "away", "Someone acts to derail a rapprochement."),
    ("other", "Other", "toward", "Any other signal; say what in the note."),
]


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
    with op.batch_alter_table("interaction_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_participants_actor_id"))

    op.drop_table("interaction_participants")
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_ups_process_id"))
        batch_op.drop_index("ix_follow_ups_open_due")
        batch_op.drop_index(batch_op.f("ix_follow_ups_interaction_id"))
        batch_op.drop_index(batch_op.f("ix_follow_ups_due_on"))
        batch_op.drop_index(batch_op.f("ix_follow_ups_actor_id"))

    op.drop_table("follow_ups")
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interactions_process_id"))
        batch_op.drop_index(batch_op.f("ix_interactions_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_interactions_channel_id"))

    op.drop_table("interactions")
    with op.batch_alter_table("channel_hops", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_channel_hops_intermediary_id"))

    op.drop_table("channel_hops")
    with op.batch_alter_table("relationships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relationships_to_actor_id"))
        batch_op.drop_index(batch_op.f("ix_relationships_from_actor_id"))

    op.drop_table("relationships")
    with op.batch_alter_table("readiness_cues", schema=None) as batch_op:
        batch_op.drop_index("ix_readiness_cues_process_observed")
        batch_op.drop_index(batch_op.f("ix_readiness_cues_process_id"))
        batch_op.drop_index(batch_op.f("ix_readiness_cues_observed_on"))
        batch_op.drop_index(batch_op.f("ix_readiness_cues_actor_id"))

    op.drop_table("readiness_cues")
    with op.batch_alter_table("participations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participations_process_id"))
        batch_op.drop_index(batch_op.f("ix_participations_actor_id"))

    op.drop_table("participations")
    with op.batch_alter_table("name_variants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_name_variants_actor_id"))

    op.drop_table("name_variants")
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_channels_actor_id"))

    op.drop_table("channels")
    with op.batch_alter_table("affiliations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_affiliations_organization_id"))
        batch_op.drop_index(batch_op.f("ix_affiliations_actor_id"))

    op.drop_table("affiliations")
    op.drop_table("actor_tags")
    op.drop_table("vault_settings")
    op.drop_table("tags")
    op.drop_table("processes")
    op.drop_table("organizations")
    op.drop_table("cue_kinds")
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actors_last_contact_at"))

    op.drop_table("actors")
