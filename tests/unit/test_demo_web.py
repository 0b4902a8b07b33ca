"""The demo vault's web of channels tells a story a mediator acts on: one abbot, cooling,
through whom alone the northern militias are reached; and two ways to a brigade commander,
a warm one through his aunt ranked above the one through the cooling Sheikh."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from contactkeeper.demo import create_demo_vault
from contactkeeper.records import actors, network, processes
from contactkeeper.records import today as today_view
from contactkeeper.records.actors import ActorFilter
from contactkeeper.records.warmth import Warmth
from contactkeeper.vault import Vault
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


def _id(vault: Vault, name: str) -> int:
    found = actors.list_actors(vault, NOW, filters=ActorFilter(text=name))
    (actor,) = [a for a in found if a.display_name.startswith(name)]
    return actor.id


def test_losing_father_pavel_would_cut_off_the_northern_militias(demo: Vault) -> None:
    north = next(p for p in processes.list_processes(demo) if p.name.startswith("Northern"))
    total, found = network.process_brokers(demo, north.id, NOW)
    pavel = found[0]
    assert plain(pavel.summary(of=total, what="participants")) == (
        "only Father Pavel Lebedev reaches 3 of the 18 participants"
    )
    assert set(pavel.cut_off_names) == {
        "Dmitri Sokolov",
        "Ruslan Gromov",
        "Bishop Nikolai Vetrov",
    }
    # Both members of the militias' party among them: the party hangs on one man.
    info = processes.get_process(demo, north.id)
    militias = next(s for s in info.sides if s.name == "Northern militias")
    members = {p.actor_id for p in info.participants if p.side_id == militias.id}
    assert {_id(demo, "Dmitri"), _id(demo, "Ruslan")} <= members & set(pavel.cut_off)
    # And he is going cold: Today warns.
    (warning,) = [b for b in today_view.cold_brokers(demo, NOW) if b.process_id == north.id]
    assert warning.display_name == "Father Pavel Lebedev"
    assert warning.warmth.warmth is Warmth.COOLING


def test_two_ways_to_yusuf_a_warm_one_ranked_above_the_one_through_a_cooling_hop(
    demo: Vault,
) -> None:
    first, second, *_ = network.paths_to(demo, _id(demo, "Yusuf Barakat"), NOW)
    assert plain(first.chain()) == (
        "you -> Hajja Fatima Zahran (warm) -> Sheikh Tariq al-Masri -> Yusuf Barakat"
    )
    assert plain(second.chain()) == "you -> Sheikh Tariq al-Masri (cooling) -> Yusuf Barakat"
    assert first.weakest > second.weakest
