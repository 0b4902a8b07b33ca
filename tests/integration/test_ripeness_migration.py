"""Released vaults carry their cues and actors into readiness per party (migration 0006)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from contactkeeper.records import readiness
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, Dimension, Tier

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RELEASED = [
    (FIXTURES / "vault-schema-0001", "fixture vault schema 0001"),
    (FIXTURES / "vault-schema-0004", "fixture vault schema 0004"),
]


@pytest.mark.parametrize(("folder", "passphrase"), RELEASED, ids=["0001", "0004"])
def test_old_cues_are_graded_and_old_kinds_get_their_dimension(
    folder: Path, passphrase: str, tmp_path: Path
) -> None:
    copy = tmp_path / "vault"
    shutil.copytree(folder, copy)
    with Vault.unlock(copy, passphrase) as vault:
        (cue,) = readiness.list_cues(vault)
        # Recorded with the old default reliability 3 of 5: C, and credibility unknown.
        assert (cue.reliability, cue.credibility) == ("C", 6)
        assert cue.dimension is Dimension.OPTIMISM  # a way out perceived
        kinds = {k.key: k for k in readiness.cue_kinds(vault)}
        assert kinds["hurting-stalemate"].dimension is Dimension.MOTIVATION
        assert kinds["hurting-stalemate"].family_label == "Perceived hurting stalemate"
        assert {"costs-rising", "expectation-of-victory", "new-ally"} <= set(kinds)
        with vault.transaction() as session:
            rows = session.execute(
                sa.select(Actor.cadence_days, Actor.max_interval_days, Actor.tier)
            ).all()
            # Cold where it began before: 1.5 cadences.
            assert all(m == (c * 3 + 1) // 2 and t is Tier.REGULAR for c, m, t in rows)
            # The batch copy kept the cues' other rules.
            with pytest.raises(sa.exc.IntegrityError):
                session.execute(
                    sa.text(
                        "INSERT INTO readiness_cues (uuid, created_at, updated_at, kind_id, "
                        "direction, strength, reliability, credibility, observed_on, note) "
                        "VALUES ('x', '2026-01-01', '2026-01-01', 1, 'toward', 3, 'C', 3, "
                        "'2026-01-01', '')"
                    )
                )
        assert vault.check_integrity().ok
