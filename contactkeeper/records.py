"""What every record service shares: fetching by id, and checking what a person typed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from contactkeeper.errors import InvalidRecord, RecordNotFound
from contactkeeper.model import Base

M = TypeVar("M", bound=Base)


def fetch(session: Session, model: type[M], record_id: int, kind: str) -> M:
    record = session.get(model, record_id)
    if record is None:
        raise RecordNotFound(kind, record_id)
    return record


def text(field: str, value: str, *, max_length: int, required: bool = False) -> str:
    """Strip ``value`` and check its length; a required field must not be blank."""
    if not isinstance(value, str):
        raise InvalidRecord(field, "must be text")
    cleaned = value.strip()
    if required and not cleaned:
        raise InvalidRecord(field, "must not be empty")
    if len(cleaned) > max_length:
        raise InvalidRecord(field, f"is {len(cleaned)} characters long; at most {max_length}")
    return cleaned


def scale(field: str, value: int, low: int = 1, high: int = 5) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidRecord(field, f"must be a whole number from {low} to {high}")
    return value


def positive(field: str, value: int, high: int = 3650) -> int:
    return scale(field, value, 1, high)


def aware(field: str, value: datetime) -> datetime:
    if value.tzinfo is None:
        raise InvalidRecord(field, "needs a time zone")
    return value.astimezone(UTC)


def date_span(started: date | None, ended: date | None) -> None:
    if started and ended and ended < started:
        raise InvalidRecord("end date", "is before the start date")


def stored(moment: datetime) -> str:
    """``moment`` as the database stores it (naive UTC text), for SQL date arithmetic."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
