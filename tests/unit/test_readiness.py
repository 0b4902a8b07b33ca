"""Readiness cues and the readiness level of a process."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from contactkeeper.errors import InvalidRecord
from contactkeeper.records import processes, readiness
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Direction


def kind_id(vault: Vault, key: str) -> int:
    return next(k.id for k in readiness.cue_kinds(vault) if k.key == key)


def test_the_catalogue_has_the_usual_kinds_and_can_be_extended(vault: Vault) -> None:
    keys = {k.key for k in readiness.cue_kinds(vault)}
    assert {"hurting-stalemate", "way-out", "leadership-change", "hardening"} <= keys
    added = readiness.add_cue_kind(vault, "Ceasefire violations drop", Direction.TOWARD)
    assert added.key == "ceasefire-violations-drop"
    with pytest.raises(InvalidRecord, match="already in the catalogue"):
        readiness.add_cue_kind(vault, "Ceasefire violations drop", Direction.TOWARD)


def test_a_kind_in_use_cannot_be_deleted(vault: Vault) -> None:
    p = processes.create_process(vault, "Talks")
    readiness.record_cue(
        vault, NewCue(kind_id(vault, "hardening"), date(2026, 5, 1), process_id=p.id)
    )
    with pytest.raises(InvalidRecord, match="used by 1 cue"):
        readiness.delete_cue_kind(vault, kind_id(vault, "hardening"))


def test_a_cue_takes_its_kinds_usual_direction_and_must_be_about_something(vault: Vault) -> None:
    p = processes.create_process(vault, "Talks")
    cue = readiness.record_cue(
        vault, NewCue(kind_id(vault, "hardening"), date(2026, 5, 1), process_id=p.id)
    )
    assert cue.direction is Direction.AWAY
    assert cue.weight < 0
    with pytest.raises(InvalidRecord, match="process, an actor"):
        readiness.record_cue(vault, NewCue(kind_id(vault, "hardening"), date(2026, 5, 1)))


def test_recent_signals_toward_talks_show_as_a_move_and_lift_the_timeline(vault: Vault) -> None:
    talks = processes.create_process(vault, "Highland ceasefire")
    quiet = processes.create_process(vault, "Quiet track")
    today = date(2026, 6, 1)
    readiness.record_cue(
        vault,
        NewCue(kind_id(vault, "hardening"), today - timedelta(days=200), process_id=talks.id),
    )
    for days, kind in ((20, "way-out"), (10, "hurting-stalemate"), (2, "way-out")):
        readiness.record_cue(
            vault,
            NewCue(
                kind_id(vault, kind),
                today - timedelta(days=days),
                process_id=talks.id,
                strength=4,
                reliability="B",
                credibility=2,
            ),
        )
    [move] = readiness.recent_moves(vault, today)
    assert move.process_id == talks.id
    assert move.change > 0
    assert move.cues == 3
    assert "Because of 3 cues:" in move.why
    points = readiness.timeline(vault, talks.id, today)
    assert points[0][1] < 0 < points[-1][1]
    assert points[-1][0] == today
    assert readiness.timeline(vault, quiet.id, today) == [(today, 0.0)]


def test_a_cue_can_be_corrected(vault: Vault) -> None:
    p = processes.create_process(vault, "Talks")
    cue = readiness.record_cue(
        vault, NewCue(kind_id(vault, "hardening"), date(2026, 5, 1), process_id=p.id)
    )
    fixed = readiness.update_cue(
        vault,
        cue.id,
        NewCue(
            kind_id(vault, "way-out"),
            date(2026, 5, 2),
            process_id=p.id,
            strength=5,
            note="misread at first",
        ),
    )
    assert (fixed.kind_label, fixed.direction, fixed.strength) == (
        "Way out perceived",
        Direction.TOWARD,
        5,
    )
    assert [c.id for c in readiness.list_cues(vault, process_id=p.id)] == [cue.id]
