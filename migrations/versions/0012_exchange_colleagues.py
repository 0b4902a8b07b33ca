"""Exchange between colleagues: the vault's exchange keys, its colleagues, received bundles.

New tables only (nothing existing is altered):

- ``exchange_identity``: one row, made on first use, holding this vault's age X25519
  identity (to receive bundles) and Ed25519 key (to sign them), secret halves included:
  they live inside the encrypted database like every record;
- ``colleagues``: the people bundles are exchanged with, by the two public keys of their
  card, with the fingerprint read aloud to confirm them, and when;
- ``received_bundles``: the id of every bundle accepted, so that receiving one again
  changes nothing.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 17:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exchange_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("age_identity", sa.Text(), nullable=False),
        sa.Column("age_recipient", sa.String(length=100), nullable=False),
        sa.Column("signing_key", sa.Text(), nullable=False),
        sa.Column("verify_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_exchange_identity_single_row"),
        sa.PrimaryKeyConstraint("id", name="pk_exchange_identity"),
    )
    op.create_table(
        "colleagues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("age_recipient", sa.String(length=100), nullable=False),
        sa.Column("verify_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_colleagues"),
        sa.UniqueConstraint("age_recipient", name="uq_colleagues_age_recipient"),
        sa.UniqueConstraint("verify_key", name="uq_colleagues_verify_key"),
    )
    op.create_table(
        "received_bundles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("colleague_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("payload_sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["colleague_id"],
            ["colleagues.id"],
            name="fk_received_bundles_colleague_id_colleagues",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_received_bundles"),
        sa.UniqueConstraint("bundle_id", name="uq_received_bundles_bundle_id"),
    )
    op.create_index(
        "ix_received_bundles_colleague_id", "received_bundles", ["colleague_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_received_bundles_colleague_id", table_name="received_bundles")
    op.drop_table("received_bundles")
    op.drop_table("colleagues")
    op.drop_table("exchange_identity")
