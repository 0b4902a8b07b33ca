"""Today shows readiness moves computed exactly as the process chart, and suggests which
processes are ripening, with the channels to their key actors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from contactkeeper.records import actors, opportunities, processes, readiness, today
from contactkeeper.records.actors import NewActor
from contactkeeper.records.readiness import NewCue
from contactkeeper.records.ripeness import Settings
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ParticipationRole
from tests.helpers.text import plain

NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)


def _ripening_valley(vault: Vault) -> int:
    process = processes.create_process(vault, "Dry Valley").id
    villages = processes.add_side(vault, process, "Valley villages").sides[0].id
    office = processes.add_side(vault, process, "District office").sides[1].id
    hassan = actors.create_actor(vault, NewActor("Hassan Idris"), NOW).id
    part = processes.add_participant(vault, process, hassan, ParticipationRole.PARTY)
    processes.set_participant_side(vault, part.participants[0].participation_id, villages)
    kinds = {k.key: k.id for k in readiness.cue_kinds(vault)}
    for side in (villages, office):
        for key in ("hurting-stalemate", "way-out"):
            readiness.record_cue(
                vault,
                NewCue(
                    kinds[key],
                    NOW.date() - timedelta(days=10),
                    process_id=process,
                    side_id=side,
                    strength=5,
                    reliability="A",
                    credibility=2,
                ),
            )
    return process


def test_todays_move_is_the_charts_own_difference(vault: Vault) -> None:
    process = _ripening_valley(vault)
    summary = today.today(vault, NOW)
    [move] = summary.readiness_moves
    chart = dict(readiness.timeline(vault, process, NOW.date()))
    before = readiness.process_readiness(vault, process).reading(NOW.date() - timedelta(days=30))
    assert move.change == pytest.approx(chart[NOW.date()] - before.readiness)
    assert "Because of 4 cues" in move.why


def test_a_process_ripening_on_both_sides_is_suggested_with_its_channels(vault: Vault) -> None:
    process = _ripening_valley(vault)
    [ripe] = today.today(vault, NOW).ripening
    assert ripe.process_id == process
    assert "every party" in ripe.why
    assert [a.display_name for a in ripe.to_warm] == ["Hassan Idris"]
    assert "Warm first: Hassan Idris (cold, never contacted)" in plain(ripe.explain())
    # Whoever shows it names actors by their own rule (privacy mode: codenames).
    codenames = plain(ripe.explain(lambda _id, _name, codename, _s: codename))
    assert "Hassan Idris" not in codenames
    assert f"Warm first: {ripe.to_warm[0].codename} (cold" in codenames
    assert not ripe.flagged
    assert "Ripening: Dry Valley" in plain(ripe.explain())
    readiness.set_settings(vault, Settings(threshold=50.0, sharp_move=50.0))
    assert today.today(vault, NOW).ripening == ()
    # The practitioner's flag shows it again; the program never sets it.
    opportunities.flag_opportunity(vault, process, NOW.date(), NOW.date() + timedelta(days=7), "")
    [flagged] = today.today(vault, NOW).ripening
    assert flagged.flagged
