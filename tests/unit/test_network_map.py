"""The map's core: every kind has a drawing convention, the layout keeps placed nodes, and
kept positions are bounded and survive a bad setting."""

from __future__ import annotations

import pytest

from contactkeeper.errors import InvalidRecord
from contactkeeper.records import network_map
from contactkeeper.records.network_map import CONVENTIONS, LineStyle, MapData, MapEdge, MapNode
from contactkeeper.vault import Vault
from contactkeeper.vault.model import RelationshipKind, Setting


def test_every_kind_of_relationship_has_a_convention() -> None:
    assert set(CONVENTIONS) == set(RelationshipKind)
    assert CONVENTIONS[RelationshipKind.ALLIED] is LineStyle.DOUBLE
    assert CONVENTIONS[RelationshipKind.RIVAL] is LineStyle.ZIGZAG


def test_the_layout_places_every_node_and_keeps_the_placed_ones() -> None:
    nodes = tuple(MapNode(f"a{i}", "actor", i, f"n{i}") for i in range(30))
    edges = tuple(MapEdge(f"a{i}", f"a{i + 1}", LineStyle.PLAIN, "knows") for i in range(29))
    data = MapData(nodes, edges, {"a3": (500.0, -200.0)})
    placed = network_map.layout(data)
    assert set(placed) == {n.key for n in nodes}
    assert placed["a3"] == (500.0, -200.0)
    assert network_map.layout(data) == placed  # seeded: the same web, the same map


def test_kept_positions_are_saved_per_view_and_bounded(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    network_map.save_positions(vault, "all", {"a1": (1.0, 2.0)})
    network_map.save_positions(vault, "process-3", {"a1": (9.0, 9.0)})
    assert network_map.kept_positions(vault, "all") == {"a1": (1.0, 2.0)}
    monkeypatch.setattr(network_map, "MAX_KEPT", 2)
    network_map.save_positions(vault, "all", {"a2": (3.0, 4.0), "a3": (5.0, 6.0)})
    assert set(network_map.kept_positions(vault, "all")) == {"a2", "a3"}
    with pytest.raises(InvalidRecord):
        network_map.save_positions(vault, "all", {"a1": (float("nan"), 0.0)})
    with vault.transaction() as session:
        session.merge(Setting(key="map.positions.all", value="not json"))
    assert network_map.kept_positions(vault, "all") == {}
    network_map.forget_positions(vault, "process-3")
    assert network_map.kept_positions(vault, "process-3") == {}
