"""The readiness arithmetic on hand-made histories: per party, per dimension, with fading,
one source counted once, the threshold and the practitioner's flag."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contactkeeper.records import ripeness
from contactkeeper.records.ripeness import Cue, Party, Settings
from contactkeeper.vault.model import Dimension, Direction

DAY = date(2026, 6, 1)
GOV, REBELS = Party(1, "Government"), Party(2, "Rebels")
_ids = iter(range(1, 1_000_000))


def cue(
    days_ago: int,
    party: int | None,
    dimension: Dimension = Dimension.BOTH,
    direction: Direction = Direction.TOWARD,
    *,
    strength: int = 5,
    grade: str = "A1",
    source: str | None = None,
    kind_id: int = 1,
) -> Cue:
    return Cue(
        id=next(_ids),
        observed_on=DAY - timedelta(days=days_ago),
        label="Hurting stalemate",
        kind_id=kind_id,
        dimension=dimension,
        direction=direction,
        strength=strength,
        reliability=grade[0],
        credibility=int(grade[1]),
        party=party,
        source=source,
    )


def test_a_process_is_as_ready_as_its_least_ready_party() -> None:
    cues = [cue(0, GOV.id), cue(0, GOV.id, kind_id=2)]  # the government only
    reading = ripeness.process_reading([GOV, REBELS], cues, DAY, 90)
    assert [p.readiness for p in reading.parties] == [10.0, 0.0]
    assert reading.readiness == 0.0
    assert reading.least_ready is not None
    assert reading.least_ready.party == REBELS
    assert ripeness.suggest([GOV, REBELS], cues, DAY, Settings(sharp_move=100)) is None


def test_a_party_needs_motivation_and_optimism() -> None:
    motivated = [cue(0, GOV.id, Dimension.MOTIVATION)]
    reading = ripeness.party_reading(GOV, motivated, DAY, 90)
    assert (reading.motivation, reading.optimism, reading.readiness) == (5.0, 0.0, 0.0)
    assert reading.lacking == "optimism"


def test_a_cue_about_the_whole_process_moves_every_party() -> None:
    reading = ripeness.process_reading([GOV, REBELS], [cue(0, None)], DAY, 90)
    assert [p.readiness for p in reading.parties] == [5.0, 5.0]


def test_ten_cues_from_one_source_about_one_thing_count_once() -> None:
    # Ten reports on ten days of one fortnight (windows are fixed fortnights).
    fortnight = (DAY.toordinal() // 14 - 1) * 14
    newest = DAY.toordinal() - (fortnight + 9)
    one_source = [cue(newest + d, GOV.id, source="actor:7") for d in range(10)]
    five_sources = [cue(0, REBELS.id, source=f"actor:{n}", strength=1) for n in range(5)]
    reading = ripeness.process_reading([GOV, REBELS], one_source + five_sources, DAY, 90)
    gov, rebels = reading.parties
    assert gov.motivation == pytest.approx(5.0 * 0.5 ** (newest / 90))  # the newest, once
    assert rebels.motivation == pytest.approx(5.0)  # five sources, 1 each
    repeats = [c for c in gov.contributions if c.repeat_of is not None]
    assert len(repeats) == 9
    assert "counted once" in repeats[0].explain(DAY)


def test_the_same_source_weeks_apart_counts_again() -> None:
    cues = [cue(0, GOV.id, source="actor:7"), cue(60, GOV.id, source="actor:7")]
    reading = ripeness.party_reading(GOV, cues, DAY, 90)
    assert reading.motivation == pytest.approx(5.0 + 5.0 * 0.5 ** (60 / 90))


def test_a_cue_fades_by_half_every_half_life_over_a_year() -> None:
    cues = [cue(365, GOV.id)]
    for age in (0, 90, 180, 365):
        on = DAY - timedelta(days=365 - age)
        assert ripeness.party_reading(GOV, cues, on, 90).motivation == pytest.approx(
            5.0 * 0.5 ** (age / 90)
        )
    assert ripeness.party_reading(GOV, cues, DAY, 365).motivation == pytest.approx(2.5)
    # Not yet observed: no part at all.
    assert ripeness.party_reading(GOV, cues, DAY - timedelta(days=400), 90).motivation == 0


def test_grades_weigh_the_report() -> None:
    assert ripeness.weight(Direction.TOWARD, 5, "A", 1) == 5.0
    assert ripeness.weight(Direction.TOWARD, 5, "C", 3) == pytest.approx(1.8)
    assert ripeness.weight(Direction.AWAY, 5, "F", 6) == pytest.approx(-1.25)


def test_ripening_is_suggested_when_every_party_crosses_the_threshold() -> None:
    chosen = Settings(threshold=4.0, sharp_move=100.0)
    cues = [cue(100, GOV.id), cue(100, REBELS.id)]
    assert ripeness.suggest([GOV, REBELS], cues, DAY, chosen) is None  # faded to ~2.3
    cues += [cue(1, REBELS.id, strength=2), cue(1, GOV.id, strength=2)]
    suggestion = ripeness.suggest([GOV, REBELS], cues, DAY, chosen)
    assert suggestion is not None
    assert suggestion.every_party_ready
    assert "at or above 4" in suggestion.why(chosen)


def test_a_sharp_rise_is_suggested_even_below_the_threshold() -> None:
    chosen = Settings(threshold=100.0, sharp_move=3.0)
    cues = [cue(5, None, strength=4)]
    suggestion = ripeness.suggest([GOV, REBELS], cues, DAY, chosen)
    assert suggestion is not None
    assert suggestion.sharp_rise
    assert not suggestion.every_party_ready
    assert suggestion.move.change == pytest.approx(4 * 0.5 ** (5 / 90))


def test_the_move_is_the_difference_of_the_charts_points() -> None:
    cues = [cue(200, GOV.id), cue(20, GOV.id, Dimension.OPTIMISM), cue(3, None, strength=2)]
    chosen = Settings(window_days=30)
    points = {r.on: r.readiness for r in ripeness.series([GOV, REBELS], cues, DAY, 90)}
    moved = ripeness.move([GOV, REBELS], cues, DAY, chosen)
    assert moved.change == pytest.approx(points[DAY] - points[DAY - timedelta(days=30)])
    assert len(moved.cues) == 2


def test_the_chart_draws_the_fading_between_cues() -> None:
    cues = [cue(300, None), cue(0, None)]
    points = ripeness.series([GOV], cues, DAY, 90, max_points=100)
    assert len(points) > 50
    levels = [p.readiness for p in points[:-1]]
    assert all(a > b for a, b in itertools.pairwise(levels))  # fading, not flat


def test_the_flag_stands_from_its_day_until_its_expiry() -> None:
    start, end = date(2026, 5, 1), date(2026, 6, 1)
    assert not ripeness.opportunity_open(None, None, DAY)
    assert not ripeness.opportunity_open(start, end, date(2026, 4, 30))
    assert ripeness.opportunity_open(start, end, date(2026, 6, 1))
    assert not ripeness.opportunity_open(start, end, date(2026, 6, 2))
    assert ripeness.opportunity_open(start, None, date(2030, 1, 1))


cue_strategy = st.builds(
    cue,
    days_ago=st.integers(0, 400),
    party=st.sampled_from([None, GOV.id, REBELS.id]),
    dimension=st.sampled_from(list(Dimension)),
    direction=st.sampled_from(list(Direction)),
    strength=st.integers(1, 5),
    grade=st.sampled_from(["A1", "B2", "C3", "F6", "E5"]),
    source=st.sampled_from([None, "actor:1", "actor:2", "channel:3"]),
    kind_id=st.integers(1, 3),
)


@settings(max_examples=200, deadline=None)
@given(
    history=st.lists(cue_strategy, max_size=20),
    added=cue_strategy,
    half_life=st.floats(7, 720),
)
def test_adding_a_cue_toward_talks_never_lowers_that_partys_level(
    history: list[Cue], added: Cue, half_life: float
) -> None:
    toward = Cue(**{**added.__dict__, "direction": Direction.TOWARD})
    for party in (GOV, REBELS):
        before = ripeness.party_reading(party, history, DAY, half_life)
        after = ripeness.party_reading(party, [*history, toward], DAY, half_life)
        assert after.motivation >= before.motivation - 1e-9
        assert after.optimism >= before.optimism - 1e-9
        assert after.readiness >= before.readiness - 1e-9
    whole_before = ripeness.process_reading([GOV, REBELS], history, DAY, half_life)
    whole_after = ripeness.process_reading([GOV, REBELS], [*history, toward], DAY, half_life)
    assert whole_after.readiness >= whole_before.readiness - 1e-9
