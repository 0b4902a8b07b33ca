"""Warmth is derived from two intervals and the history: the arithmetic a practitioner
relies on. Warm up to the ideal interval, cooling up to the maximum, cold after it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from contactkeeper.records.warmth import Warmth, ideal_of, maximum_of, reading
from contactkeeper.vault.vocabulary import Tier

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def test_a_meeting_last_week_keeps_a_monthly_contact_warm() -> None:
    r = reading(30, days_ago(7), days_ago(7), NOW)
    assert r.warmth is Warmth.WARM
    assert r.days_since_contact == 7
    assert r.due_in_days == 23


def test_a_monthly_contact_is_warm_up_to_the_ideal_and_cooling_up_to_the_maximum() -> None:
    assert reading(30, days_ago(28), days_ago(28), NOW).warmth is Warmth.WARM
    assert reading(30, days_ago(30), days_ago(30), NOW).warmth is Warmth.WARM
    assert reading(30, days_ago(35), days_ago(35), NOW).warmth is Warmth.COOLING
    assert reading(30, days_ago(60), days_ago(60), NOW).warmth is Warmth.COOLING


def test_more_than_the_maximum_of_silence_makes_a_monthly_contact_cold() -> None:
    r = reading(30, days_ago(70), days_ago(70), NOW)
    assert r.warmth is Warmth.COLD
    assert r.due_in_days == -40
    assert r.past_maximum_days == 10
    assert "40 d overdue" in r.label


def test_never_contacted_is_cold() -> None:
    r = reading(30, None, None, NOW)
    assert r.warmth is Warmth.COLD
    assert r.label == "never contacted"


def test_a_message_counts_for_less_than_a_meeting() -> None:
    meeting = reading(30, days_ago(20), days_ago(20), NOW)
    message = reading(30, None, days_ago(20), NOW)
    assert meeting.warmth is Warmth.WARM
    assert message.warmth is Warmth.COOLING  # 20 days + half the ideal = 35 of 30 days
    assert message.ratio is not None
    assert meeting.ratio is not None
    assert message.ratio > meeting.ratio


def test_a_recent_message_rewarms_an_old_tie_but_for_half_as_long_as_a_meeting() -> None:
    only_meeting = reading(30, days_ago(70), days_ago(70), NOW)
    with_message = reading(30, days_ago(70), days_ago(2), NOW)
    fresh_meeting = reading(30, days_ago(2), days_ago(2), NOW)
    assert only_meeting.warmth is Warmth.COLD
    assert with_message.warmth is Warmth.WARM
    assert (with_message.due_in_days, fresh_meeting.due_in_days) == (13, 28)


@given(
    cadence=st.integers(1, 3650),
    age=st.floats(0, 10_000),
    later=st.floats(0, 10_000),
)
def test_more_time_never_makes_a_contact_warmer(cadence: int, age: float, later: float) -> None:
    order = [Warmth.WARM, Warmth.COOLING, Warmth.COLD]
    before = reading(cadence, days_ago(age), days_ago(age), NOW)
    after = reading(cadence, days_ago(age), days_ago(age), NOW + timedelta(days=later))
    assert order.index(after.warmth) >= order.index(before.warmth)


def test_the_maximum_is_twice_the_ideal_unless_set() -> None:
    assert reading(30, days_ago(59), days_ago(59), NOW).warmth is Warmth.COOLING
    assert reading(30, days_ago(59), days_ago(59), NOW, 45).warmth is Warmth.COLD
    assert reading(14, days_ago(27), days_ago(27), NOW).max_days == 28
    # A maximum shorter than the ideal is read as the ideal: never cold while warm.
    assert reading(30, days_ago(29), days_ago(29), NOW, 10).warmth is Warmth.WARM


def test_each_tier_has_its_ideal() -> None:
    assert [ideal_of(t) for t in Tier] == [14, 30, 90]
    assert [maximum_of(ideal_of(t), None) for t in Tier] == [28, 60, 180]


@given(
    cadence=st.integers(1, 3650),
    most=st.one_of(st.none(), st.integers(1, 7300)),
    age=st.floats(0, 10_000),
)
def test_warm_cooling_cold_follow_the_two_intervals(
    cadence: int, most: int | None, age: float
) -> None:
    r = reading(cadence, days_ago(age), days_ago(age), NOW, most)
    age = (NOW - days_ago(age)).total_seconds() / 86400  # as stored, to the microsecond
    limit = max(most if most is not None else 2 * cadence, cadence)
    expected = Warmth.WARM if age <= cadence else Warmth.COOLING if age <= limit else Warmth.COLD
    assert r.warmth is expected
