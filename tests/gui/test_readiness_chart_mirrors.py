"""The readiness chart reads in the language's direction: in Arabic time runs from right to
left (the newest day on the left of the oldest) and the scale stands on the right."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contactkeeper.gui.widgets.readiness_chart import ReadinessChart
from contactkeeper.records.ripeness import Cue, Party, PartyReading, ProcessReading
from contactkeeper.vault.vocabulary import Dimension, Direction

OLDEST = date(2026, 1, 10)
NEWEST = date(2026, 6, 10)


def _readings() -> tuple[list[ProcessReading], list[Cue]]:
    party = Party(1, "North")
    cue = Cue(
        1, OLDEST, "Hurting stalemate", 1, Dimension.MOTIVATION, Direction.TOWARD, 4, "B", 2, 1
    )
    readings = [
        ProcessReading(OLDEST, (PartyReading(party, 1.0, 0.5),)),
        ProcessReading(NEWEST, (PartyReading(party, 2.0, 1.0),)),
    ]
    return readings, [cue]


@pytest.fixture
def right_to_left(qapp: QApplication) -> Iterator[None]:
    """The desktop in Arabic's direction, as the language's installation sets it."""
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _drawn(qtbot: QtBot) -> tuple[ReadinessChart, float, float]:
    """A chart on screen, and where its first line is drawn on the oldest and newest day."""
    chart = ReadinessChart()
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show_readiness(*_readings())
    chart.show()
    qtbot.waitExposed(chart)
    motivation = chart.lines[0][0]
    oldest, newest = (motivation.at(0), motivation.at(motivation.count() - 1))
    at = chart.chart().mapToPosition
    return chart, at(QPointF(oldest), motivation).x(), at(QPointF(newest), motivation).x()


def test_time_runs_left_to_right_in_english(qtbot: QtBot) -> None:
    chart, oldest_x, newest_x = _drawn(qtbot)
    assert newest_x > oldest_x
    assert chart.y_axis.alignment() == Qt.AlignmentFlag.AlignLeft


def test_time_runs_right_to_left_in_arabic(qtbot: QtBot, right_to_left: None) -> None:
    chart, oldest_x, newest_x = _drawn(qtbot)
    assert chart.right_to_left
    assert newest_x < oldest_x  # the newest day is drawn left of the oldest
    assert chart.y_axis.alignment() == Qt.AlignmentFlag.AlignRight
    # The scale stands on the right of the plot, where the oldest day is.
    assert chart.chart().plotArea().right() < chart.width()
    assert oldest_x > chart.chart().plotArea().center().x()


def test_a_chart_made_before_the_direction_changed_mirrors_too(qtbot: QtBot) -> None:
    chart, oldest_x, newest_x = _drawn(qtbot)
    assert newest_x > oldest_x
    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    motivation = chart.lines[0][0]
    at = chart.chart().mapToPosition
    first = at(QPointF(motivation.at(0)), motivation).x()
    last = at(QPointF(motivation.at(motivation.count() - 1)), motivation).x()
    assert last < first
    assert chart.y_axis.alignment() == Qt.AlignmentFlag.AlignRight
