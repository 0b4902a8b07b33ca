"""Readiness per party over time, drawn with QtCharts.

Each party has two lines, its motivation (solid) and its optimism (dashed), computed day by
day by :mod:`contactkeeper.records.ripeness`, so the fading between cues is drawn as it is
computed. Cues are marks on the time axis. Hovering a line or a mark shows why it is there.
The widget only draws what it is given.

In a language written right to left the chart mirrors: time runs from right to left (the
newest day on the left) and the scale of readiness stands on the right.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QEvent, QMargins, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QCursor, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from contactkeeper import i18n
from contactkeeper.i18n import N_, _, isolate, ngettext
from contactkeeper.records.ripeness import Cue, ProcessReading
from contactkeeper.vault.vocabulary import Dimension, Direction

TITLE = N_("Readiness per party: motivation (solid) and optimism (dashed); cues as marks")
EMPTY_TITLE = N_("No readiness cues yet: add one when you log a contact (Ctrl+L)")
COLOURS = ("#c8691c", "#2a6fb0", "#3c8c4a", "#8a4fb0", "#b03a48")
DAY_MS = 86_400_000


def _ms(day: date) -> float:
    noon = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))  # local time
    return float(noon.toMSecsSinceEpoch())


def _day(ms: float) -> date:
    qdate = QDateTime.fromMSecsSinceEpoch(int(ms)).date()
    return date(qdate.year(), qdate.month(), qdate.day())


def _series_name(party: str, dimension: str) -> str:
    if dimension == "motivation":
        return _("{party}: motivation").format(party=isolate(party))
    return _("{party}: optimism").format(party=isolate(party))


def _moves(dimension: Dimension) -> str:
    """What a cue moves, in words."""
    if dimension is Dimension.MOTIVATION:
        return _("moves motivation")
    if dimension is Dimension.OPTIMISM:
        return _("moves optimism")
    return _("moves both")


class ReadinessChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Readiness per party over time"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        chart = QChart()
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitle(_(TITLE))
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("yyyy-MM")
        self.x_axis.setTickCount(6)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%.1f")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, self._scale_side())
        self.x_axis.setReverse(self.right_to_left)
        self.setChart(chart)
        self.readings: list[ProcessReading] = []
        self.cues: list[Cue] = []
        self.half_life_days = 0.0
        # One (motivation, optimism) pair of lines per party, in the parties' order.
        self.lines: list[tuple[QLineSeries, QLineSeries]] = []
        self.marks = QScatterSeries()
        self.marks.setName(_("Cues"))
        self.marks.setMarkerSize(9)
        self.marks.setColor(QColor("#333333"))
        self.marks.hovered.connect(self._mark_hovered)
        self.zero = QLineSeries()
        self.zero.setPen(QPen(QColor("#888888"), 1, Qt.PenStyle.DashLine))
        for series in (self.zero, self.marks):
            chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        chart.legend().markers(self.zero)[0].setVisible(False)
        # Empty until given readings; the axes hidden, so that showing them lays out their
        # labels (a chart first drawn with data kept no room for the dates).
        self.clear()

    # -- direction ---------------------------------------------------------------------------

    @property
    def right_to_left(self) -> bool:
        """Whether the chart reads right to left (the layout's direction: Arabic)."""
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _scale_side(self) -> Qt.AlignmentFlag:
        """Where the scale of readiness stands: at the start of the time axis, the side the
        reader starts from."""
        return Qt.AlignmentFlag.AlignRight if self.right_to_left else Qt.AlignmentFlag.AlignLeft

    def _mirror(self) -> None:
        """Time runs in the reading direction; the scale moves to the side it starts from."""
        chart = self.chart()
        self.x_axis.setReverse(self.right_to_left)
        if chart.axes(Qt.Orientation.Vertical) and self.y_axis.alignment() != self._scale_side():
            chart.removeAxis(self.y_axis)
            chart.addAxis(self.y_axis, self._scale_side())
            for series in chart.series():
                series.attachAxis(self.y_axis)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._mirror()
        super().changeEvent(event)

    def show_readiness(
        self, readings: list[ProcessReading], cues: list[Cue], half_life_days: float = 0.0
    ) -> None:
        """Draw ``readings`` with ``cues`` as marks; ``half_life_days`` (the vault's setting
        they were computed with) is named in every explanation."""
        self.half_life_days = half_life_days
        chart = self.chart()
        for motivation, optimism in self.lines:
            chart.removeSeries(motivation)
            chart.removeSeries(optimism)
        self.lines = []
        self.readings, self.cues = list(readings), sorted(cues, key=lambda c: c.observed_on)
        self.marks.clear()
        self.zero.clear()
        chart.setTitle(_(TITLE) if cues else _(EMPTY_TITLE))
        self.x_axis.setVisible(bool(cues))
        self.y_axis.setVisible(bool(cues))
        if not cues or not readings:
            return
        for index, first in enumerate(readings[0].parties):
            colour = QColor(COLOURS[index % len(COLOURS)])
            pair = []
            for dimension, style in (
                ("motivation", Qt.PenStyle.SolidLine),
                ("optimism", Qt.PenStyle.DashLine),
            ):
                series = QLineSeries()
                series.setName(_series_name(first.party.name, dimension))
                series.setPen(QPen(colour, 2, style))
                for reading in readings:
                    party = reading.parties[index]
                    series.append(_ms(reading.on), getattr(party, dimension))
                series.hovered.connect(self._line_hovered)
                chart.addSeries(series)
                series.attachAxis(self.x_axis)
                series.attachAxis(self.y_axis)
                pair.append(series)
            self.lines.append((pair[0], pair[1]))
        values = [v for r in readings for p in r.parties for v in (p.motivation, p.optimism)] + [
            0.0
        ]
        low, high = min(values), max(values)
        for cue in self.cues:
            self.marks.append(_ms(cue.observed_on), low)
        pad = max(1.0, (high - low) * 0.1)
        start, end = _ms(readings[0].on), _ms(readings[-1].on)
        if start == end:
            start -= DAY_MS * 15
            end += DAY_MS * 15
        self.x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(start)), QDateTime.fromMSecsSinceEpoch(int(end))
        )
        self.y_axis.setRange(low - pad, high + pad)
        self.y_axis.applyNiceNumbers()
        self.zero.append(start, 0.0)
        self.zero.append(end, 0.0)
        # The marks sit on the chart's floor.
        floor = self.y_axis.min()
        for i in range(self.marks.count()):
            self.marks.replace(i, QPointF(self.marks.at(i).x(), floor))

    # -- why -------------------------------------------------------------------------------

    def why_on(self, day: date) -> str:
        """Why the lines are where they are on ``day`` (the nearest computed day)."""
        if not self.readings:
            return ""
        reading = min(self.readings, key=lambda r: abs((r.on - day).days))
        lines = [i18n.long_date(reading.on), reading.why()]
        if self.half_life_days:
            days = self.half_life_days
            lines.append(
                ngettext(
                    "Each cue fades by half every {n} day.",
                    "Each cue fades by half every {n} days.",
                    int(days) if float(days).is_integer() else 2,
                ).format(n=i18n.number(days))
            )
        for party in reading.parties:
            counted = [c for c in party.contributions if c.repeat_of is None and c.faded]
            strongest = sorted(counted, key=lambda c: -abs(c.faded))[:4]
            if strongest:
                # Translators: followed by the cues that weigh most for this party.
                lines.append(_("{party}, mostly:").format(party=isolate(party.party.name)))
                lines.extend(f"  {c.explain(reading.on)}" for c in strongest)
        return "\n".join(lines)

    def why_mark(self, index: int) -> str:
        cue = self.cues[index]
        weight = ("+" if cue.weight >= 0 else "") + i18n.number(cue.weight, 2)
        toward = Direction(cue.direction) is Direction.TOWARD
        fields = {
            "day": i18n.short_date(cue.observed_on),
            "cue": isolate(cue.label),
            "weight": weight,
            "strength": i18n.number(cue.strength),
            # The intelligence grading: a letter for the source, a digit for the information.
            "grade": f"{cue.reliability}{cue.credibility}",
            "direction": _("toward talks") if toward else _("away from talks"),
            "moves": _moves(Dimension(cue.dimension)),
        }
        if cue.party is not None:
            # Translators: a readiness cue on the chart; {grade} is like "B2".
            text = _(
                "{day} {cue}: weight {weight} (strength {strength}, graded {grade}), "
                "{direction}, {moves}"
            )
        else:
            # Translators: a readiness cue on the chart that is about every party.
            text = _(
                "{day} {cue}: weight {weight} (strength {strength}, graded {grade}), "
                "{direction}, {moves}; about every party"
            )
        return text.format(**fields)

    def _line_hovered(self, point: QPointF, state: bool) -> None:
        if state:
            QToolTip.showText(QCursor.pos(), self.why_on(_day(point.x())), self)

    def _mark_hovered(self, point: QPointF, state: bool) -> None:
        if not state:
            return
        index = min(
            range(len(self.cues)), key=lambda i: abs(_ms(self.cues[i].observed_on) - point.x())
        )
        QToolTip.showText(QCursor.pos(), self.why_mark(index), self)

    def clear(self) -> None:
        self.show_readiness([], [])
