"""The demo tells the ripeness story a practitioner should see: one process ripening on
both sides (Today suggests it), one where one party hardens (its chart shows that party
falling while the other holds)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from contactkeeper.demo import create_demo_vault
from contactkeeper.records import processes, readiness, today
from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)  # the screenshots' day
WINDOW = timedelta(days=30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    folder = tmp_path_factory.mktemp("demo") / "Demo vault"
    with create_demo_vault(folder, PASSPHRASE, NOW, kdf=FAST_KDF) as vault:
        yield vault


def _process(demo: Vault, name: str) -> readiness.ProcessReadiness:
    [found] = [p for p in processes.list_processes(demo) if p.name == name]
    return readiness.process_readiness(demo, found.id)


def test_todays_ripening_panel_shows_the_water_dialogue_ripening_on_both_sides(
    demo: Vault,
) -> None:
    ripe = {r.process_name: r for r in today.ripening(demo, NOW)}
    assert "Tal Haroshet Water Dialogue" in ripe
    assert "every party's readiness is at or above 2" in ripe["Tal Haroshet Water Dialogue"].why
    water = _process(demo, "Tal Haroshet Water Dialogue")
    now, before = water.reading(NOW.date()), water.reading(NOW.date() - WINDOW)
    assert len(now.parties) == 2
    for after, earlier in zip(now.parties, before.parties, strict=True):
        assert after.readiness > earlier.readiness + 0.5, after.party.name  # both rose
        assert after.readiness >= water.settings.threshold


def test_in_the_northern_channel_the_government_hardens_and_the_militias_hold(
    demo: Vault,
) -> None:
    north = _process(demo, "Northern Verenia Ceasefire Channel")
    series = north.series(NOW.date())
    now, before = north.reading(NOW.date()), north.reading(NOW.date() - WINDOW)
    change = {
        a.party.name: a.readiness - b.readiness
        for a, b in zip(now.parties, before.parties, strict=True)
    }
    assert change["Verenian government"] < -2.0  # falling on the chart
    assert abs(change["Northern militias"]) < 0.5  # about where it was
    # The chart draws the fall: the government's line ends lower than a month before.
    government = [r.parties[0] for r in series]
    assert government[0].party.name == "Verenian government"
    assert government[-1].readiness == pytest.approx(now.parties[0].readiness)
    assert "Northern Verenia Ceasefire Channel" not in {
        r.process_name for r in today.ripening(demo, NOW)
    }
