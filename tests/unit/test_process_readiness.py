"""A process's readiness at a glance: its level and trend, each traceable cue by cue."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from contactkeeper.records import processes, readiness
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Direction

TODAY = date(2026, 6, 1)


def kind_id(vault: Vault, key: str) -> int:
    return next(k.id for k in readiness.cue_kinds(vault) if k.key == key)


def cue(vault: Vault, process_id: int, key: str, days_ago: int, strength: int = 3) -> None:
    readiness.record_cue(
        vault,
        NewCue(
            kind_id(vault, key),
            TODAY - timedelta(days=days_ago),
            process_id=process_id,
            strength=strength,
            source_reliability=5,
        ),
    )


def test_level_and_trend_agree_with_the_chart_and_with_today(vault: Vault) -> None:
    talks = processes.create_process(vault, "Highland ceasefire")
    quiet = processes.create_process(vault, "Quiet track")
    cue(vault, talks.id, "way-out", 100, strength=4)  # +4.0, faded over 100 days
    cue(vault, talks.id, "hardening", 10, strength=2)  # -2.0, recent
    cue(vault, talks.id, "way-out", 3, strength=1)  # +1.0, recent
    cue(vault, talks.id, "hardening", -5)  # observed after the day asked about: left out

    found = readiness.process_readiness(vault, TODAY)
    assert set(found) == {talks.id}  # a process without cues has no figure
    assert quiet.id not in found
    reading = found[talks.id]
    # The level is the chart's last point; the trend is Today's "Readiness moved".
    assert reading.level == pytest.approx(readiness.timeline(vault, talks.id, TODAY)[-1][1])
    [move] = readiness.recent_moves(vault, TODAY)
    assert reading.trend == pytest.approx(move.change) == pytest.approx(-1.0)
    assert reading.trend_text() == "▼ -1.0"
    assert [c.observed_on for c in reading.recent] == [
        TODAY - timedelta(days=3),
        TODAY - timedelta(days=10),
    ]
    assert len(reading.cues) == 3


def test_every_number_in_the_explanations_can_be_traced(vault: Vault) -> None:
    talks = processes.create_process(vault, "Highland ceasefire")
    cue(vault, talks.id, "way-out", 100, strength=4)  # +4.0, now +1.9
    cue(vault, talks.id, "hardening", 10, strength=1)  # -1.0, now -0.9
    reading = readiness.process_readiness(vault, TODAY)[talks.id]
    assert reading.level_text() == "+0.9"

    level = reading.explain_level()
    assert level.startswith(f"Readiness level {reading.level_text()} on 1 Jun 2026")
    assert "strength × source reliability ÷ 5" in level
    assert "half as much every 90 days" in level
    # One line per cue: what it counts for now, when, which kind, and how it was weighed.
    assert (
        "\n  +1.9  21 Feb 2026  Way out perceived (toward, strength 4, reliability 5: +4.0, "
        "now +1.9)" in level
    )
    assert (
        "\n  -0.9  22 May 2026  Hardening (away, strength 1, reliability 5: -1.0, "
        "now -0.9)" in level
    )
    counted = [float(n) for n in re.findall(r"^  ([+-]\d+\.\d)", level, flags=re.MULTILINE)]
    assert sum(counted) == pytest.approx(reading.level, abs=0.1)

    trend = reading.explain_trend()
    assert trend.startswith("Trend ▼ -1.0 over the last 30 days (since 2 May 2026)")
    assert "\n  -1.0  22 May 2026  Hardening" in trend
    assert "Way out" not in trend  # outside the window


def test_a_process_whose_cues_are_old_is_steady_and_says_why(vault: Vault) -> None:
    talks = processes.create_process(vault, "Highland ceasefire")
    cue(vault, talks.id, "way-out", 45)
    reading = readiness.process_readiness(vault, TODAY)[talks.id]
    assert reading.trend_text() == "steady"
    assert reading.explain_trend() == (
        "Steady: no readiness cue was observed in the last 30 days (since 2 May 2026)."
    )
    assert reading.level > 0


def test_a_long_history_is_summed_after_the_strongest_cues(vault: Vault) -> None:
    talks = processes.create_process(vault, "Highland ceasefire")
    for days in range(12):
        cue(vault, talks.id, "way-out", days * 5)
    reading = readiness.process_readiness(vault, TODAY)[talks.id]
    lines = reading.explain_level().splitlines()
    assert len(lines) == 1 + readiness.EXPLAINED_CUES + 1
    assert "the 4 other cues, older or weaker" in lines[-1]
    counted = [float(line.split()[0]) for line in lines[1:]]
    # Each figure is rounded to one decimal: the sum is right to within the roundings.
    assert sum(counted) == pytest.approx(reading.level, abs=0.05 * len(counted))
    assert Direction.TOWARD.value in lines[1]
