"""Warmth is derived from cadence and history: the arithmetic a practitioner relies on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from contactkeeper.records.warmth import Warmth, reading

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def test_a_meeting_last_week_keeps_a_monthly_contact_warm() -> None:
    r = reading(30, days_ago(7), days_ago(7), NOW)
    assert r.warmth is Warmth.WARM
    assert r.days_since_contact == 7
    assert r.due_in_days == 23


def test_a_monthly_contact_reached_four_weeks_ago_is_cooling() -> None:
    assert reading(30, days_ago(28), days_ago(28), NOW).warmth is Warmth.COOLING


def test_two_months_of_silence_makes_a_monthly_contact_cold() -> None:
    r = reading(30, days_ago(60), days_ago(60), NOW)
    assert r.warmth is Warmth.COLD
    assert r.due_in_days == -30
    assert "30 d overdue" in r.label


def test_never_contacted_is_cold() -> None:
    r = reading(30, None, None, NOW)
    assert r.warmth is Warmth.COLD
    assert r.label == "never contacted"


def test_a_message_counts_for_less_than_a_meeting() -> None:
    meeting = reading(30, days_ago(10), days_ago(10), NOW)
    message = reading(30, None, days_ago(10), NOW)
    assert meeting.warmth is Warmth.WARM
    assert message.warmth is Warmth.COOLING  # 10 days + half a cadence = 25 of 30 days
    assert message.ratio is not None
    assert meeting.ratio is not None
    assert message.ratio > meeting.ratio


def test_a_recent_message_rewarms_an_old_tie_but_for_half_as_long_as_a_meeting() -> None:
    only_meeting = reading(30, days_ago(50), days_ago(50), NOW)
    with_message = reading(30, days_ago(50), days_ago(2), NOW)
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
