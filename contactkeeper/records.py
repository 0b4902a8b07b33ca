"""What every record service shares: fetching by id, checking what a person typed, and the
rule that says which name of an actor to show."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from contactkeeper.errors import InvalidRecord, RecordNotFound
from contactkeeper.model import Base, Sensitivity

M = TypeVar("M", bound=Base)

# Which name to show for an actor, given (actor_id, display_name, codename, sensitivity).
# Services that compose text naming actors (channel chains, search hits) take one, so that
# the GUI's privacy rule decides; the default shows display names.
NameRule = Callable[[int, str, str, Sensitivity], str]


def display_names(actor_id: int, display_name: str, codename: str, sensitivity: Sensitivity) -> str:
    """The default rule: every actor by their display name."""
    return display_name


def guarded_names(actor_id: int, display_name: str, codename: str, sensitivity: Sensitivity) -> str:
    """The privacy rule without a reveal: a high-risk actor by codename, others by name."""
    return codename if sensitivity == Sensitivity.HIGH_RISK else display_name


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
