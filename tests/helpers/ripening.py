"""A process every party of which is ripening: for tests of what Today does with it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from contactkeeper.records import processes, readiness
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ParticipationRole

DAY = datetime(2026, 6, 1, 9, tzinfo=UTC).date()  # the FakeClock's day


def ripening_process(vault: Vault, actor_id: int) -> None:
    """A process every party of which is ripening, with ``actor_id`` on a side."""
    process = processes.create_process(vault, "Dry Valley").id
    villages = processes.add_side(vault, process, "Valley villages").sides[0].id
    office = processes.add_side(vault, process, "District office").sides[1].id
    part = processes.add_participant(vault, process, actor_id, ParticipationRole.PARTY)
    processes.set_participant_side(vault, part.participants[0].participation_id, villages)
    kinds = {k.key: k.id for k in readiness.cue_kinds(vault)}
    for side in (villages, office):
        for key in ("hurting-stalemate", "way-out"):
            readiness.record_cue(
                vault,
                NewCue(
                    kinds[key],
                    DAY - timedelta(days=10),
                    process_id=process,
                    side_id=side,
                    strength=5,
                    reliability="A",
                    credibility=2,
                ),
            )
