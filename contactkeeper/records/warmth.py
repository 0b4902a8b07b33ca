"""Warmth: how recently, and how meaningfully, an actor or channel was last in contact.

Warmth is derived, never typed in. A *substantive* contact (a meeting, a call, a social
occasion, the sidelines of an event) counts in full; a *light* one (a message, word passed
through an intermediary) keeps the relationship no warmer than half a cadence ago. The
result is compared with the desired cadence (days between contacts):

    elapsed = min(days since the last substantive contact,
                  days since the last light contact + cadence / 2)
    ratio   = elapsed / cadence
    warm    if ratio <= 0.8       (in good time)
    cooling if ratio <= 1.5       (due now, or a little overdue: act soon)
    cold    otherwise, or never contacted

Intermediaries get credit for what they carry. A contact made over an indirect channel
(``you -> Karim -> Layla``) is also a contact with each intermediary on the way: it counts
for Karim as a *light* contact, whatever its kind (he carried the word, he was not at the
table), so an intermediary who relays every week is never shown as "never contacted". An
intermediary named among the participants (the usual way to log "passed through an
intermediary" with that person) counts as any participant does. The summaries this module
reads (``last_contact_at``, ``last_substantive_at``) are kept by
:mod:`contactkeeper.records.interactions` (and :mod:`~contactkeeper.records.bulk`).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from contactkeeper.vault.model import InteractionKind

WARM_UNTIL = 0.8
COOLING_UNTIL = 1.5
LIGHT_CREDIT = 0.5  # a light contact counts as if made half a cadence earlier

SUBSTANTIVE_KINDS = frozenset(
    {
        InteractionKind.MEETING,
        InteractionKind.CALL,
        InteractionKind.SOCIAL,
        InteractionKind.SIDELINES,
    }
)


class Warmth(enum.StrEnum):
    WARM = "warm"
    COOLING = "cooling"
    COLD = "cold"


@dataclass(frozen=True)
class WarmthReading:
    warmth: Warmth
    ratio: float | None  # None: never contacted
    days_since_contact: int | None
    due_in_days: int | None  # days until the cadence is reached; negative: overdue

    @property
    def label(self) -> str:
        if self.days_since_contact is None:
            return "never contacted"
        if self.due_in_days is None or self.due_in_days >= 0:
            return f"{self.days_since_contact} d ago"
        return f"{self.days_since_contact} d ago, {-self.due_in_days} d overdue"


def is_substantive(kind: InteractionKind) -> bool:
    return kind in SUBSTANTIVE_KINDS


def effective_contact(
    cadence_days: int, last_substantive_at: datetime | None, last_contact_at: datetime | None
) -> datetime | None:
    """The moment a contact history is worth, once light contacts are discounted."""
    candidates = []
    if last_substantive_at is not None:
        candidates.append(last_substantive_at)
    if last_contact_at is not None:
        candidates.append(last_contact_at - timedelta(days=cadence_days * LIGHT_CREDIT))
    return max(candidates, default=None)


def classify(ratio: float | None) -> Warmth:
    if ratio is None or ratio > COOLING_UNTIL:
        return Warmth.COLD
    return Warmth.WARM if ratio <= WARM_UNTIL else Warmth.COOLING


def reading(
    cadence_days: int,
    last_substantive_at: datetime | None,
    last_contact_at: datetime | None,
    now: datetime,
) -> WarmthReading:
    effective = effective_contact(cadence_days, last_substantive_at, last_contact_at)
    if effective is None or last_contact_at is None:
        return WarmthReading(Warmth.COLD, None, None, None)
    elapsed = max((now - effective).total_seconds() / 86400, 0.0)
    ratio = elapsed / cadence_days
    return WarmthReading(
        classify(ratio),
        ratio,
        max(int((now - last_contact_at).total_seconds() // 86400), 0),
        math.floor(cadence_days - elapsed),
    )
