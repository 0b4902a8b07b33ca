"""Today's Channel column leads with what to do: "phone", or "via" the first intermediary;
the whole chain is in its tooltip. It reads in full on a small screen too."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.views.today import TodayView
from contactkeeper.records import actors, channels, interactions
from contactkeeper.records.actors import NewActor
from contactkeeper.records.channels import Hop
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ChannelKind, InteractionKind
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window
from tests.gui.shown_text import visible

CHANNEL = 4


def _cold_actor_reached_by(vault: Vault, clock: FakeClock, name: str, **channel: object) -> None:
    actor = actors.create_actor(vault, NewActor(name, cadence_days=30), clock()).id
    way = channels.add_channel(vault, actor, clock(), **channel)  # type: ignore[arg-type]
    interactions.log_interaction(
        vault,
        occurred_at=clock() - timedelta(days=90),
        kind=InteractionKind.CALL,
        participants=[actor],
        channel_id=way.id,
    )


@pytest.fixture
def today(qtbot: QtBot, tmp_path: Path, clock: FakeClock, vault: Vault) -> TodayView:
    pavel = actors.create_actor(vault, NewActor("Father Pavel Lebedev"), clock()).id
    _cold_actor_reached_by(
        vault, clock, "Hassan Qadri", kind=ChannelKind.PHONE, label="his brother's number"
    )
    _cold_actor_reached_by(
        vault, clock, "Viktor Morozov", kind=ChannelKind.INDIRECT, hops=[Hop(pavel)]
    )
    window, context, _ = make_window(qtbot, tmp_path, clock)
    window.resize(1024, 600)
    context.open(vault)
    return window.workspace.today


def _row(view: TodayView, name: str) -> int:
    model = view.going_cold.model
    rows = [r for r in range(model.rowCount()) if model.index(r, 0).data() == name]
    assert rows, name
    return rows[0]


def test_a_direct_channel_reads_as_its_kind_with_the_whole_way_in_the_tooltip(
    today: TodayView,
) -> None:
    index = today.going_cold.model.index(_row(today, "Hassan Qadri"), CHANNEL)
    assert index.data() == "phone"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "you -> Hassan Qadri (phone)" in visible(tip)
    assert "his brother's number" in tip


def test_an_indirect_channel_reads_as_via_its_first_intermediary(today: TodayView) -> None:
    index = today.going_cold.model.index(_row(today, "Viktor Morozov"), CHANNEL)
    assert visible(index.data()) == "via Father Pavel Lebedev"
    assert visible(index.data(Qt.ItemDataRole.ToolTipRole)) == (
        "you -> Father Pavel Lebedev -> Viktor Morozov"
    )


def test_the_channel_reads_in_full_on_a_1024_pixel_screen(qtbot: QtBot, today: TodayView) -> None:
    table = today.going_cold.table
    qtbot.waitUntil(table.isVisible)
    metrics = table.fontMetrics()
    for name in ("Hassan Qadri", "Viktor Morozov"):
        index = today.going_cold.model.index(_row(today, name), CHANNEL)
        cell = table.visualRect(index)
        assert cell.right() <= table.viewport().width()
        assert metrics.horizontalAdvance(index.data()) < cell.width(), name
