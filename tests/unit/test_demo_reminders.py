"""The demo shows warmth with two intervals: actors in every tier, one snoozed, one marked
do not contact, and none of those two on Today's going-cold list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from contactkeeper.demo import create_demo_vault
from contactkeeper.records import actors, today
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ActorStatus, Tier
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    path: Path = tmp_path_factory.mktemp("demo-reminders") / "demo"
    with create_demo_vault(path, PASSPHRASE, NOW, kdf=FAST_KDF) as vault:
        yield vault


def test_the_demo_keeps_a_few_close_most_regular_and_some_occasional(demo: Vault) -> None:
    everyone = [actors.get_actor(demo, a.id, NOW) for a in actors.list_actors(demo, NOW)]
    tiers = Counter(a.tier for a in everyone)
    assert tiers[Tier.INNER] >= 3
    assert tiers[Tier.OCCASIONAL] >= 3
    assert tiers[Tier.REGULAR] > tiers[Tier.INNER] + tiers[Tier.OCCASIONAL]
    snoozed = [a for a in everyone if a.snoozed_until is not None]
    assert [a.display_name for a in snoozed] == ["Eitan Carmi"]
    assert snoozed[0].snoozed_until == NOW.date() + timedelta(days=20)
    assert snoozed[0].warmth.warmth.value == "cold"  # cold, but not reminded of
    silenced = {a.display_name for a in everyone if a.silenced(NOW.date())}
    do_not_contact = {a.display_name for a in everyone if a.status is ActorStatus.DO_NOT_CONTACT}
    assert "Giorgos Andreou" in do_not_contact
    assert silenced == {"Eitan Carmi"} | do_not_contact
    going_cold = {g.display_name for g in today.going_cold(demo, NOW, limit=100)}
    assert going_cold
    assert not going_cold & silenced
