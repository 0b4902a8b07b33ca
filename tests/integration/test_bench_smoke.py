"""The speed suite runs end to end on a tiny vault: every row, with every key (no timings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from benchmarks import generate, growth, run, team_exchange
from contactkeeper.records import search
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, Interaction, InteractionParticipant, Setting
from tests.conftest import FAST_KDF

pytestmark = pytest.mark.slow  # about 15 seconds: a whole (tiny) benchmark run

KEYS = {
    "operation",
    "median_ms",
    "p95_ms",
    "target",
    "baseline_ms",
    "ratio",
    "met",
    "note",
    "samples",
}
OPERATIONS = {
    "unlock (key derivation + open)",
    "open a further connection",
    "vault size (the database file)",
    "search-as-you-type, per keystroke (top 50, ranked, display fields)",
    "actor page (profile, channels, timeline of 100, ties, cues, follow-ups)",
    "Today on the UI thread (going cold, follow-ups due, latest cues, track two)",
    "Today's insights off the UI thread (readiness moves, ripening, brokers), kept",
    "actors list: first screen (count + first page of 200)",
    "actors list: each page while scrolling to the end",
    "log an interaction with 4 participants (write + FTS + summaries)",
    "backup (export, encrypt, write, read back and verify)",
    "verify a backup",
    "restore a backup (verify, build a new vault, swap)",
    "import 5,000 vCards",
    "SQLCipher vs plain SQLite, same query suite",
    "process start to unlock window shown",
    "unlock to main window with Today filled",
    "actors list scrolling in the Qt model",
    "peak memory, GUI open on the reference vault, every screen visited",
    "paths to an actor (the best 3 ways in, as the actor page shows them)",
    "brokers of the largest process (first call after a contact is logged)",
    "network map of 2,000 nodes: layout off the UI thread",
    *growth.OPERATIONS,
    *team_exchange.OPERATIONS,
}


@pytest.fixture(scope="module")
def tiny_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "tiny"
    generate.generate(path, seed=7, scale=0.002, kdf=FAST_KDF, report=lambda _: None)
    return path


@pytest.fixture(scope="module")
def tiny_vault3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three times the tiny vault, for the growth rows."""
    path = tmp_path_factory.mktemp("bench") / "tiny3"
    generate.generate(path, seed=7, scale=0.006, kdf=FAST_KDF, report=lambda _: None)
    return path


def test_the_generated_vault_has_every_kind_of_record_and_its_summaries(
    tiny_vault: Path,
) -> None:
    with Vault.unlock(tiny_vault, generate.PASSPHRASE) as vault, vault.transaction() as session:
        assert session.scalar(sa.select(sa.func.count(Actor.id))) == 20
        assert session.scalar(sa.select(sa.func.count(Interaction.id))) == 400
        expected = dict(
            session.execute(
                sa.select(InteractionParticipant.actor_id, sa.func.max(Interaction.occurred_at))
                .join(Interaction)
                .group_by(InteractionParticipant.actor_id)
            ).all()
        )
        stored = dict(
            session.execute(
                sa.select(Actor.id, Actor.last_contact_at).where(Actor.last_contact_at.is_not(None))
            ).all()
        )
        assert expected
        assert stored == expected
        assert session.get(Setting, generate.NOW_SETTING) is not None
        name = session.scalar(sa.select(Actor.display_name).order_by(Actor.id).limit(1))
    assert name is not None
    with Vault.unlock(tiny_vault, generate.PASSPHRASE) as vault:
        assert any(h.kind == "actor" for h in search.search(vault, name))


def test_every_row_is_produced_with_every_key(
    tiny_vault: Path, tiny_vault3: Path, tmp_path: Path
) -> None:
    output = tmp_path / "latest.json"
    arguments = ["--vault", str(tiny_vault), "--repeat", "1", "--vcards", "40"]
    arguments += ["--vault3", str(tiny_vault3)]
    assert run.main([*arguments, "--output", str(output)]) == 0
    result = json.loads(output.read_text())
    rows = result["rows"]
    assert {row["operation"] for row in rows} == OPERATIONS
    for row in rows:
        assert set(row) == KEYS, row["operation"]
        assert isinstance(row["met"], bool)
        assert row["note"] or row["median_ms"] is not None
    assert {"cpu", "cores", "python", "sqlcipher"} <= set(result["machine"])
    assert not list(run.VAULTS.glob("plaintext-*")), "the plain copy must be deleted"
    grown = {row["operation"]: row for row in rows if row["operation"] in growth.OPERATIONS}
    assert len(grown) == len(growth.ROWS)
    for name, row in grown.items():
        if name == growth.operation("unlock to Today"):
            continue  # the GUI rows need a vault with real key derivation (pending here)
        assert row["baseline_ms"] is not None, name  # measured on both vaults
        assert "on the vault of 60 actors" in row["note"]
        assert "on that of 20" in row["note"]


def test_only_the_parts_asked_for_are_measured(tiny_vault: Path, tmp_path: Path) -> None:
    output = tmp_path / "today.json"
    arguments = ["--vault", str(tiny_vault), "--repeat", "1", "--only", "today"]
    assert run.main([*arguments, "--output", str(output)]) == 0
    rows = json.loads(output.read_text())["rows"]
    assert [row["operation"] for row in rows] == [
        "Today on the UI thread (going cold, follow-ups due, latest cues, track two)",
        "Today's insights off the UI thread (readiness moves, ripening, brokers), kept",
    ]
