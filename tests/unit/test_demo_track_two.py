"""The demo vault holds a workshop cycle: invitations, an event whose idea was passed to
track one and taken up, Chatham House material, reviews and an unexpected opening."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from contactkeeper.demo import create_demo_vault
from contactkeeper.exchange import brief
from contactkeeper.records import events, processes, reviews, transfers
from contactkeeper.records.today import track_two_lines
from contactkeeper.vault import Vault, inventory
from contactkeeper.vault.model import AttributionRule, InvitationStatus, TransferResult
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.text import plain

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    vault = create_demo_vault(
        tmp_path_factory.mktemp("demo") / "vault", PASSPHRASE, NOW, kdf=FAST_KDF
    )
    yield vault
    vault.close()


def test_the_demo_holds_a_workshop_cycle(demo: Vault) -> None:
    counts = inventory.counts(demo)
    assert (counts["events"], counts["transfers"], counts["reviews"]) == (2, 2, 2)
    held, planned = sorted(events.list_events(demo), key=lambda e: e.starts_on)
    first = events.get_event(demo, held.id, NOW)
    assert first.attribution is AttributionRule.CHATHAM_HOUSE
    assert len(first.with_status(InvitationStatus.ATTENDED)) == 9
    assert first.balance_of_sides() == {"Eastern villages": 2, "Western bank": 3}
    assert len(first.outcomes) == 3
    second = events.get_event(demo, planned.id, NOW)
    assert second.starts_on > NOW.date()
    assert [t.done for t in second.checklist] == [False, False, False]


def test_an_idea_of_the_workshop_was_taken_up_by_track_one(demo: Vault) -> None:
    logged = transfers.list_transfers(demo)
    taken = [t for t in logged if t.result is TransferResult.TAKEN_UP]
    assert [t.content for t in taken] == ["A joint metering pilot in two eastern villages"]
    assert plain(taken[0].origin) == "the Spring-flow workshop"
    assert [line.what for line in track_two_lines(demo, NOW.date())] == [
        "review due",
        "awaiting a reaction",
    ]


def test_the_water_talks_brief_withholds_the_chatham_house_source(demo: Vault) -> None:
    water = next(p for p in processes.list_processes(demo) if p.name.startswith("Tal Haroshet"))
    assert len(reviews.unexpected_openings(demo, water.id)) == 1
    text = brief.compose(demo, water.id, NOW.date()).text()
    line = next(x for x in text.splitlines() if "eastern mayors could accept meters" in x)
    for name in ("Suha", "BRONZE FOUNTAIN", "Eastern villages"):
        assert name not in line
    line = next(x for x in text.splitlines() if "elders will not oppose" in x)
    assert "someone from the Eastern villages" in line
    assert "Mahmoud" not in line
