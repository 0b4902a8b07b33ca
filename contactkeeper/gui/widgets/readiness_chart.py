"""The readiness timeline of a process, drawn with QtCharts.

Each point is the process's readiness level on a day (the sum of its cues' weights, fading
with a half-life, see :mod:`contactkeeper.records.readiness`): above zero, signals point toward
talks; below, away from them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

TITLE = "Readiness over time (toward talks above zero, away below)"
EMPTY_TITLE = "No readiness cues yet: add one when you log a contact (Ctrl+L)"


def _ms(day: date) -> float:
    noon = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))  # local time
    return float(noon.toMSecsSinceEpoch())


class ReadinessChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Readiness over time")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        chart = QChart()
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitle(TITLE)
        self.series = QLineSeries()
        self.series.setName("Readiness")
        self.series.setPointsVisible(True)
        self.series.setPen(QPen(QColor("#c8691c"), 2))
        self.zero = QLineSeries()
        self.zero.setPen(QPen(QColor("#888888"), 1, Qt.PenStyle.DashLine))
        chart.addSeries(self.zero)
        chart.addSeries(self.series)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("yyyy-MM")
        self.x_axis.setTickCount(6)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%.1f")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.zero, self.series):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.setChart(chart)
        self.points: list[tuple[date, float]] = []

    def show_points(self, points: list[tuple[date, float]]) -> None:
        self.points = list(points)
        self.series.clear()
        self.zero.clear()
        self.chart().setTitle(TITLE if points else EMPTY_TITLE)
        self.x_axis.setVisible(bool(points))
        self.y_axis.setVisible(bool(points))
        if not points:
            return
        for day, level in points:
            self.series.append(_ms(day), level)
        first, last = points[0][0], points[-1][0]
        low = min(0.0, *(level for _, level in points))
        high = max(0.0, *(level for _, level in points))
        pad = max(1.0, (high - low) * 0.1)
        start, end = _ms(first), _ms(last)
        if start == end:
            start -= 86_400_000 * 15
            end += 86_400_000 * 15
        self.x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(start)), QDateTime.fromMSecsSinceEpoch(int(end))
        )
        self.y_axis.setRange(low - pad, high + pad)
        self.y_axis.applyNiceNumbers()
        self.zero.append(start, 0.0)
        self.zero.append(end, 0.0)

    def clear(self) -> None:
        self.show_points([])
