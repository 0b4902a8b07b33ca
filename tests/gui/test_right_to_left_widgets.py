"""Widgets that draw or join their own text mirror in a language written right to left: a
path's chain points from you toward the actor, and a warmth pill sits at the start of its
cell (its right in Arabic)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from contactkeeper.gui.widgets.paths_panel import chain
from contactkeeper.gui.widgets.warmth_badge import WarmthBadgeDelegate, badge_colours
from contactkeeper.i18n import isolate
from contactkeeper.records.network import Hop, Path
from contactkeeper.records.warmth import Warmth

PATH = Path(
    (
        Hop(1, "Fr. Pavel", 4, "your channel", Warmth.WARM),
        Hop(2, "Dmitri Sokolov", 5, "family", None),
    )
)


@pytest.fixture
def right_to_left(qapp: QApplication) -> Iterator[None]:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_a_chain_points_the_way_the_language_reads() -> None:
    pavel, dmitri = isolate("Fr. Pavel"), isolate("Dmitri Sokolov")
    assert chain(PATH, mirrored=False) == f"you -> {pavel} (warm) -> {dmitri}"
    # In Arabic the chain starts on the right: its arrows point left, toward the actor.
    assert chain(PATH, mirrored=True) == f"you ← {pavel} (warm) ← {dmitri}"


def test_a_chain_follows_the_desktop_s_direction(right_to_left: None) -> None:
    assert "←" in chain(PATH)
    assert "->" not in chain(PATH)


def _pill_side(qtbot: QtBot) -> str:
    """Which half of its cell the warmth pill is painted in."""
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem(Warmth.COLD.value))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setItemDelegateForColumn(0, WarmthBadgeDelegate(table))
    table.setColumnWidth(0, 300)
    table.resize(360, 120)
    table.show()
    qtbot.waitExposed(table)
    cell = table.visualRect(model.index(0, 0))
    image = table.viewport().grab().toImage()
    pill = badge_colours(Warmth.COLD.value)[0]
    y = cell.center().y()
    painted = [x for x in range(cell.left(), cell.right()) if QColor(image.pixel(x, y)) == pill]
    assert painted, "no pill drawn"
    middle = cell.center().x()
    return "left" if max(painted) < middle else "right" if min(painted) > middle else "both"


def test_a_warmth_pill_starts_its_cell(qtbot: QtBot) -> None:
    assert _pill_side(qtbot) == "left"


def test_a_warmth_pill_starts_its_cell_on_the_right_in_arabic(
    qtbot: QtBot, right_to_left: None
) -> None:
    assert _pill_side(qtbot) == "right"
