"""Warmth: how recently, and how meaningfully, an actor or channel was last in contact.

Warmth is derived, never typed in. Each actor has two intervals between contacts: an
*ideal* one (``cadence_days``: how often you mean to be in touch) and a *maximum* one
(``max_interval_days``: the longest you let pass). The defaults follow the actor's tier:

    tier           ideal      maximum
    inner circle   14 days    28 days
    regular        30 days    60 days
    occasional     90 days    180 days

The maximum is twice the ideal unless set on the actor (``max_interval_days`` None), so an
actor whose ideal you change keeps the same slack: a regular contact seen every 45 days may
go 90 without one. A new actor takes their tier's ideal; changing the tier carries the
ideal along unless you set it yourself (it was not the old tier's).

A *substantive* contact (a meeting, a call, a social occasion, the sidelines of an event)
counts in full; a *light* one (a message, word passed through an intermediary) counts as
if made half the ideal interval earlier. Then:

    elapsed = min(days since the last substantive contact,
                  days since the last light contact + ideal / 2)
    warm    if elapsed <= ideal           (in good time)
    cooling if elapsed <= maximum         (due: act soon)
    cold    otherwise, or never contacted

The same arithmetic runs in SQL for the lists (:func:`contactkeeper.records.warmth_queries.urgency`
and :func:`~contactkeeper.records.warmth_queries.past_maximum`); a test holds the two equal.
:func:`explain` says it in a sentence wherever warmth is shown ("Cold: last substantive
contact 130 days ago (a meeting on 3 March); ...").

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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from contactkeeper.records.wording import plural
from contactkeeper.vault.model import InteractionKind
from contactkeeper.vault.vocabulary import Tier

LIGHT_CREDIT = 0.5  # a light contact counts as if made half the ideal interval earlier
MAX_FACTOR = 2  # the maximum interval, unless set: twice the ideal
# The ideal interval of each tier (days); the maximum is MAX_FACTOR times it.
TIER_IDEAL: dict[Tier, int] = {Tier.INNER: 14, Tier.REGULAR: 30, Tier.OCCASIONAL: 90}

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


def ideal_of(tier: Tier) -> int:
    """The ideal interval (days) a new actor of ``tier`` gets."""
    return TIER_IDEAL[Tier(tier)]


def maximum_of(ideal_days: int, max_interval_days: int | None) -> int:
    """The longest interval before an actor is cold: theirs if set, else twice the ideal;
    never shorter than the ideal."""
    chosen = ideal_days * MAX_FACTOR if max_interval_days is None else max_interval_days
    return max(chosen, ideal_days)


@dataclass(frozen=True)
class WarmthReading:
    warmth: Warmth
    ratio: float | None  # elapsed / ideal; None: never contacted
    days_since_contact: int | None
    due_in_days: int | None  # days until the ideal is reached; negative: overdue
    ideal_days: int = 30
    max_days: int = 60
    elapsed_days: float | None = None  # once light contacts are discounted
    days_since_substantive: int | None = None
    light_since: bool = False  # a light contact came after the last substantive one

    @property
    def label(self) -> str:
        if self.days_since_contact is None:
            return "never contacted"
        if self.due_in_days is None or self.due_in_days >= 0:
            return f"{self.days_since_contact} d ago"
        return f"{self.days_since_contact} d ago, {-self.due_in_days} d overdue"

    @property
    def past_maximum_days(self) -> int | None:
        """Whole days past the maximum (negative: days left before it); None: never."""
        if self.elapsed_days is None:
            return None
        return math.floor(self.elapsed_days - self.max_days)

    @property
    def light_credit_days(self) -> int:
        """How many days older a light contact counts."""
        return round(self.ideal_days * LIGHT_CREDIT)


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


def classify(elapsed_days: float | None, ideal_days: int, max_days: int) -> Warmth:
    if elapsed_days is None or elapsed_days > max_days:
        return Warmth.COLD
    return Warmth.WARM if elapsed_days <= ideal_days else Warmth.COOLING


def reading(
    cadence_days: int,
    last_substantive_at: datetime | None,
    last_contact_at: datetime | None,
    now: datetime,
    max_interval_days: int | None = None,
) -> WarmthReading:
    """Warmth on an ideal interval of ``cadence_days`` and a maximum of
    ``max_interval_days`` (None: twice the ideal)."""
    most = maximum_of(cadence_days, max_interval_days)
    effective = effective_contact(cadence_days, last_substantive_at, last_contact_at)
    if effective is None or last_contact_at is None:
        return WarmthReading(Warmth.COLD, None, None, None, cadence_days, most)
    elapsed = max((now - effective).total_seconds() / 86400, 0.0)
    return WarmthReading(
        classify(elapsed, cadence_days, most),
        elapsed / cadence_days,
        _days(now, last_contact_at),
        math.floor(cadence_days - elapsed),
        cadence_days,
        most,
        elapsed,
        None if last_substantive_at is None else _days(now, last_substantive_at),
        last_substantive_at is None or last_contact_at > last_substantive_at,
    )


class _Intervals(Protocol):
    """What an actor row gives warmth (an ORM Actor, or a row of those columns)."""

    @property
    def cadence_days(self) -> int: ...
    @property
    def max_interval_days(self) -> int | None: ...
    @property
    def last_substantive_at(self) -> datetime | None: ...
    @property
    def last_contact_at(self) -> datetime | None: ...


def of_actor(actor: _Intervals, now: datetime) -> WarmthReading:
    """An actor's warmth with you, on their own intervals."""
    return reading(
        actor.cadence_days,
        actor.last_substantive_at,
        actor.last_contact_at,
        now,
        actor.max_interval_days,
    )


# -- saying why -------------------------------------------------------------------------


@dataclass(frozen=True)
class History:
    """What the sentence of :func:`explain` names beyond the reading: the kind and day of
    the last substantive contact, and the kinds of the light contacts since (newest
    first), as :func:`contactkeeper.records.warmth_queries.warmth_histories` reads them."""

    substantive_kind: InteractionKind | None = None
    substantive_on: date | None = None
    light_since: Sequence[InteractionKind] = ()


_KIND_WORDS: dict[InteractionKind, tuple[str, str]] = {
    InteractionKind.MEETING: ("a meeting", "meetings"),
    InteractionKind.CALL: ("a call", "calls"),
    InteractionKind.MESSAGE: ("a message", "messages"),
    InteractionKind.SOCIAL: ("a social occasion", "social occasions"),
    InteractionKind.SIDELINES: ("the sidelines of an event", "sidelines of events"),
    InteractionKind.VIA_INTERMEDIARY: (
        "word passed through an intermediary",
        "words passed through intermediaries",
    ),
}
_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _count(n: int) -> str:
    return _SMALL[n] if n < len(_SMALL) else f"{n:,}"


def _days_text(n: int) -> str:
    return plural(n, "day")


def _light_phrase(kinds: Sequence[InteractionKind]) -> str:
    """ "the message", "the two messages", "the three light contacts"."""
    if not kinds:
        return "the light contact"
    if len(set(kinds)) == 1:
        one, many = _KIND_WORDS[kinds[0]]
        if len(kinds) == 1:
            return "the " + one.removeprefix("a ").removeprefix("the ")
        return f"the {_count(len(kinds))} {many}"
    return f"the {_count(len(kinds))} light contacts"


def explain(found: WarmthReading, history: History | None = None, *, on: date | None = None) -> str:
    """Why an actor is warm, cooling or cold, in one sentence: "Cold: last substantive
    contact 130 days ago (a meeting on 3 March); the two messages since count as 15 days
    older; ideal every 30 days, at most 60: 70 days past the maximum." ``history`` adds the
    kinds and the day; without it the sentence says what the reading knows. ``on`` is today
    (for whether a day needs its year)."""
    head = found.warmth.value.capitalize()
    intervals = f"ideal every {_days_text(found.ideal_days)}, at most {found.max_days}"
    if found.elapsed_days is None or found.days_since_contact is None:
        return f"{head}: never contacted; {intervals}."
    parts = []
    if found.days_since_substantive is None:
        parts.append("no substantive contact yet (a meeting, a call, an occasion)")
    else:
        what = f"last substantive contact {_days_text(found.days_since_substantive)} ago"
        if history is not None and history.substantive_on is not None:
            kind = _KIND_WORDS[history.substantive_kind][0] if history.substantive_kind else ""
            when = _day_on(history.substantive_on, on)
            what += f" ({kind} on {when})" if kind else f" (on {when})"
        parts.append(what)
    if found.light_since:
        kinds = tuple(history.light_since) if history is not None else ()
        light = _light_phrase(kinds)
        many = len(kinds) > 1
        latest = found.days_since_contact
        counted = latest + found.light_credit_days
        sentence = (
            f"{light} since {'count' if many else 'counts'} as "
            f"{_days_text(found.light_credit_days)} older"
        )
        if found.days_since_substantive is None or counted < found.days_since_substantive:
            # The light contact is what keeps them warm: say what it counts as.
            latest_word = "; the latest, " if many else ": "
            sentence += f"{latest_word}{_days_text(latest)} ago, as {counted}"
        parts.append(sentence)
    past = found.past_maximum_days or 0
    if found.warmth is Warmth.COLD:
        verdict = f"{_days_text(past)} past the maximum"
    elif found.warmth is Warmth.COOLING:
        verdict = f"cold in {_days_text(-past)}" if past < 0 else "cold tomorrow"
    else:
        due = found.due_in_days or 0
        verdict = f"due in {_days_text(due)}" if due > 0 else "due today"
    return f"{head}: {'; '.join(parts)}; {intervals}: {verdict}."


def _day_on(day: date, today: date | None) -> str:
    this_year = (today or date.today()).year
    return f"{day.day} {day:%B}" + ("" if day.year == this_year else f" {day.year}")


def _days(now: datetime, then: datetime) -> int:
    return max(int((now - then).total_seconds() // 86400), 0)
