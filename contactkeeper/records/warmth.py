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

from contactkeeper import i18n
from contactkeeper.i18n import N_, _, ngettext, pgettext
from contactkeeper.records import wording
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
            return _("never contacted")
        ago = i18n.number(self.days_since_contact)
        if self.due_in_days is None or self.due_in_days >= 0:
            # Translators: "d" is the short word for days.
            return _("{ago} d ago").format(ago=ago)
        return _("{ago} d ago, {overdue} d overdue").format(
            ago=ago, overdue=i18n.number(-self.due_in_days)
        )

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


# What the sentence calls the last substantive contact, by its kind.
_KIND_WORDS: dict[InteractionKind, str] = {
    # Translators: in "last substantive contact 130 days ago (a meeting on 3 March)".
    InteractionKind.MEETING: N_("a meeting"),
    InteractionKind.CALL: N_("a call"),
    InteractionKind.MESSAGE: N_("a message"),
    InteractionKind.SOCIAL: N_("a social occasion"),
    InteractionKind.SIDELINES: N_("the sidelines of an event"),
    InteractionKind.VIA_INTERMEDIARY: N_("word passed through an intermediary"),
}

WARMTH_WORDS: dict[Warmth, str] = {
    Warmth.WARM: N_("warm"),
    Warmth.COOLING: N_("cooling"),
    Warmth.COLD: N_("cold"),
}
_HEADS: dict[Warmth, str] = {
    # Translators: the first word of the sentence saying why an actor is warm, cooling or
    # cold.
    Warmth.WARM: N_("Warm"),
    Warmth.COOLING: N_("Cooling"),
    Warmth.COLD: N_("Cold"),
}


def warmth_word(warmth: Warmth) -> str:
    """ "warm", "cooling" or "cold", in the current language."""
    return _(WARMTH_WORDS[Warmth(warmth)])


def _small(n: int) -> str:
    """A count from two to nine in words, as a sentence says it; larger ones in figures."""
    words = {
        # Translators: counts in words, in "the two messages since"; write figures if
        # your language would need the words to agree with the noun.
        2: pgettext("count", "two"),
        3: pgettext("count", "three"),
        4: pgettext("count", "four"),
        5: pgettext("count", "five"),
        6: pgettext("count", "six"),
        7: pgettext("count", "seven"),
        8: pgettext("count", "eight"),
        9: pgettext("count", "nine"),
    }
    return words.get(n) or i18n.number(n)


def _light_since(kinds: Sequence[InteractionKind], credit: int) -> str:
    """ "the message since counts as 15 days older", "the two messages since count as
    15 days older", "the three light contacts since count as 15 days older"."""
    older = wording.days(credit)
    n = len(kinds)
    if n <= 1 and (not kinds or kinds[0] not in _LIGHT_ONE):
        return _("the light contact since counts as {older} older").format(older=older)
    if n == 1:
        return _(_LIGHT_ONE[kinds[0]]).format(older=older)
    if len(set(kinds)) == 1:
        return _light_many(kinds[0], n).format(n=_small(n), older=older)
    return ngettext(
        "the {n} light contact since counts as {older} older",
        "the {n} light contacts since count as {older} older",
        n,
    ).format(n=_small(n), older=older)


# The light contacts since the last substantive one, by kind (a message, word passed
# through an intermediary; any kind when it went over an indirect channel).
_LIGHT_ONE: dict[InteractionKind, str] = {
    InteractionKind.MEETING: N_("the meeting since counts as {older} older"),
    InteractionKind.CALL: N_("the call since counts as {older} older"),
    InteractionKind.MESSAGE: N_("the message since counts as {older} older"),
    InteractionKind.SOCIAL: N_("the social occasion since counts as {older} older"),
    InteractionKind.SIDELINES: N_("the sidelines of an event since count as {older} older"),
    InteractionKind.VIA_INTERMEDIARY: N_(
        "the word passed through an intermediary since counts as {older} older"
    ),
}


def _light_many(kind: InteractionKind, n: int) -> str:
    """ "the {n} messages since count as {older} older", for ``n`` light contacts of one
    kind (whole phrases: each language makes its own agree)."""
    if kind is InteractionKind.MEETING:
        return ngettext(
            "the {n} meeting since counts as {older} older",
            "the {n} meetings since count as {older} older",
            n,
        )
    if kind is InteractionKind.CALL:
        return ngettext(
            "the {n} call since counts as {older} older",
            "the {n} calls since count as {older} older",
            n,
        )
    if kind is InteractionKind.MESSAGE:
        return ngettext(
            "the {n} message since counts as {older} older",
            "the {n} messages since count as {older} older",
            n,
        )
    if kind is InteractionKind.SOCIAL:
        return ngettext(
            "the {n} social occasion since counts as {older} older",
            "the {n} social occasions since count as {older} older",
            n,
        )
    if kind is InteractionKind.SIDELINES:
        return ngettext(
            "the {n} sidelines of an event since count as {older} older",
            "the {n} sidelines of events since count as {older} older",
            n,
        )
    return ngettext(
        "the {n} word passed through an intermediary since counts as {older} older",
        "the {n} words passed through intermediaries since count as {older} older",
        n,
    )


def explain(found: WarmthReading, history: History | None = None, *, on: date | None = None) -> str:
    """Why an actor is warm, cooling or cold, in one sentence: "Cold: last substantive
    contact 130 days ago (a meeting on 3 March); the two messages since count as 15 days
    older; ideal every 30 days, at most 60: 70 days past the maximum." ``history`` adds the
    kinds and the day; without it the sentence says what the reading knows. ``on`` is today
    (for whether a day needs its year)."""
    head = _(_HEADS[found.warmth])
    intervals = ngettext(
        "ideal every {n} day, at most {most}",
        "ideal every {n} days, at most {most}",
        found.ideal_days,
    ).format(n=i18n.number(found.ideal_days), most=i18n.number(found.max_days))
    if found.elapsed_days is None or found.days_since_contact is None:
        # Translators: {warmth} is "Cold"; {intervals} "ideal every 30 days, at most 60".
        return _("{warmth}: never contacted; {intervals}.").format(warmth=head, intervals=intervals)
    parts = []
    if found.days_since_substantive is None:
        parts.append(_("no substantive contact yet (a meeting, a call, an occasion)"))
    else:
        since = found.days_since_substantive
        if history is not None and history.substantive_on is not None:
            when = _day_on(history.substantive_on, on)
            if history.substantive_kind:
                what = ngettext(
                    "last substantive contact {n} day ago ({kind} on {day})",
                    "last substantive contact {n} days ago ({kind} on {day})",
                    since,
                ).format(
                    n=i18n.number(since),
                    kind=_(_KIND_WORDS[history.substantive_kind]),
                    day=when,
                )
            else:
                what = ngettext(
                    "last substantive contact {n} day ago (on {day})",
                    "last substantive contact {n} days ago (on {day})",
                    since,
                ).format(n=i18n.number(since), day=when)
        else:
            what = ngettext(
                "last substantive contact {n} day ago",
                "last substantive contact {n} days ago",
                since,
            ).format(n=i18n.number(since))
        parts.append(what)
    if found.light_since:
        kinds = tuple(history.light_since) if history is not None else ()
        many = len(kinds) > 1
        latest = found.days_since_contact
        counted = latest + found.light_credit_days
        sentence = _light_since(kinds, found.light_credit_days)
        if found.days_since_substantive is None or counted < found.days_since_substantive:
            # The light contact is what keeps them warm: say what it counts as.
            values = {
                "light": sentence,
                "ago": wording.days_ago(latest),
                "as": i18n.number(counted),
            }
            if many:
                # Translators: "the two messages since count as 15 days older; the latest,
                # 3 days ago, as 18" (counts as if 18 days ago).
                sentence = _("{light}; the latest, {ago}, as {as}").format(**values)
            else:
                # Translators: "the message since counts as 15 days older: 3 days ago, as
                # 18" (counts as if 18 days ago).
                sentence = _("{light}: {ago}, as {as}").format(**values)
        parts.append(sentence)
    past = found.past_maximum_days or 0
    if found.warmth is Warmth.COLD:
        verdict = ngettext("{n} day past the maximum", "{n} days past the maximum", past).format(
            n=i18n.number(past)
        )
    elif found.warmth is Warmth.COOLING:
        verdict = (
            ngettext("cold in {n} day", "cold in {n} days", -past).format(n=i18n.number(-past))
            if past < 0
            else _("cold tomorrow")
        )
    else:
        due = found.due_in_days or 0
        verdict = (
            ngettext("due in {n} day", "due in {n} days", due).format(n=i18n.number(due))
            if due > 0
            else _("due today")
        )
    # Translators: the separator between the reasons in why an actor is warm or cold.
    reasons = pgettext("between clauses", "; ").join(parts)
    # Translators: {warmth} is "Cold"; {reasons} the reasons; {intervals} "ideal every 30
    # days, at most 60"; {verdict} "70 days past the maximum".
    return _("{warmth}: {reasons}; {intervals}: {verdict}.").format(
        warmth=head, reasons=reasons, intervals=intervals, verdict=verdict
    )


def _day_on(day: date, today: date | None) -> str:
    """ "3 March" in the current year, "3 March 2025" in another."""
    from babel.dates import format_skeleton

    this_year = (today or date.today()).year
    if day.year != this_year:
        return i18n.long_date(day)
    # In the locale's own digits, as i18n writes every date (it has no day-and-month form).
    return i18n._formatted(format_skeleton("MMMMd", day, locale=i18n.formats_locale()))


def _days(now: datetime, then: datetime) -> int:
    return max(int((now - then).total_seconds() // 86400), 0)
