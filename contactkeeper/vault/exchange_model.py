"""What a vault keeps to exchange records with colleagues (migration 0011).

- ``exchange_clock``: the vault's own exchange id (a UUID, one row) and its counter, which
  every local edit of a shared field advances (:mod:`contactkeeper.vault.clocks`);
- ``exchange_versions``: one row per shared field edited since exchange began: its version
  vector (``{vault id: counter}``, canonical JSON), when the edit was made, and from which
  colleague it came (empty: this vault). A field without a row has the empty vector: it was
  never edited since the record was made or received;
- ``exchange_tombstones``: records deleted here or by a colleague, with the version vector
  of the deletion, so that deletions travel and an old copy does not come back;
- ``exchange_conflicts``: concurrent edits of one field, waiting for the user;
- ``exchange_history``: values a field lost or had replaced in merges, with provenance.

Records are named by their UUID (unique across every table: UUID4) and the table they are in.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from contactkeeper.vault.model import Base


class ExchangeClock(Base):
    __tablename__ = "exchange_clock"
    vault_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    counter: Mapped[int] = mapped_column(Integer, default=0)


class FieldVersion(Base):
    __tablename__ = "exchange_versions"
    record_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    vector: Mapped[str] = mapped_column(Text)
    edited_at: Mapped[datetime]
    source: Mapped[str] = mapped_column(String(300), default="")
    received_at: Mapped[datetime | None]


class Tombstone(Base):
    __tablename__ = "exchange_tombstones"
    record_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60))
    vector: Mapped[str] = mapped_column(Text)
    deleted_at: Mapped[datetime]
    source: Mapped[str] = mapped_column(String(300), default="")
    received_at: Mapped[datetime | None]


class PendingConflict(Base):
    __tablename__ = "exchange_conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    table_name: Mapped[str] = mapped_column(String(60))
    field: Mapped[str] = mapped_column(String(60))
    theirs: Mapped[str] = mapped_column(Text)  # canonical JSON of the value
    their_vector: Mapped[str] = mapped_column(Text)
    their_edited_at: Mapped[datetime | None]
    sender: Mapped[str] = mapped_column(String(300), default="")
    received_at: Mapped[datetime]


class FieldHistory(Base):
    __tablename__ = "exchange_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    table_name: Mapped[str] = mapped_column(String(60))
    field: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text)  # canonical JSON of the value
    vector: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(300), default="")
    edited_at: Mapped[datetime | None]
    replaced_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(20))


__all__ = ["ExchangeClock", "FieldHistory", "FieldVersion", "PendingConflict", "Tombstone"]
