"""Exchange with colleagues: the vault's exchange id, field versions, tombstones, conflicts.

Every record already carries a UUID (``uuid``, unique, since 0001 and 0007), which is how it
is known across vaults; link rows (an interaction's participants) are known by the UUIDs of
the two records they link. New tables only (see contactkeeper/vault/exchange_model.py):
``exchange_clock`` (the vault's exchange id, made here, and its counter),
``exchange_versions`` (a version vector per edited shared field), ``exchange_tombstones``,
``exchange_conflicts`` and ``exchange_history``. No existing table is touched: a field never
edited since exchange began has no version row (its version is the empty vector), so a
large vault migrates at once, without a backfill.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 17:30:00.000000
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    clock = op.create_table(
        "exchange_clock",
        sa.Column("vault_id", sa.String(length=36), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("vault_id", name="pk_exchange_clock"),
    )
    assert clock is not None
    op.bulk_insert(clock, [{"vault_id": str(uuid.uuid4()), "counter": 0}])
    op.create_table(
        "exchange_versions",
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("vector", sa.Text(), nullable=False),
        sa.Column("edited_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("record_uuid", "field", name="pk_exchange_versions"),
    )
    op.create_table(
        "exchange_tombstones",
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("vector", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("record_uuid", name="pk_exchange_tombstones"),
    )
    op.create_table(
        "exchange_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=False),
        sa.Column("their_vector", sa.Text(), nullable=False),
        sa.Column("their_edited_at", sa.DateTime(), nullable=True),
        sa.Column("sender", sa.String(length=300), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_exchange_conflicts"),
    )
    op.create_index(
        "ix_exchange_conflicts_record_uuid", "exchange_conflicts", ["record_uuid"], unique=False
    )
    op.create_table(
        "exchange_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("vector", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("edited_at", sa.DateTime(), nullable=True),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_exchange_history"),
    )
    op.create_index(
        "ix_exchange_history_record_uuid", "exchange_history", ["record_uuid"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_exchange_history_record_uuid", table_name="exchange_history")
    op.drop_table("exchange_history")
    op.drop_index("ix_exchange_conflicts_record_uuid", table_name="exchange_conflicts")
    op.drop_table("exchange_conflicts")
    op.drop_table("exchange_tombstones")
    op.drop_table("exchange_versions")
    op.drop_table("exchange_clock")
