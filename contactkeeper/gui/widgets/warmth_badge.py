"""The warmth badge: a small coloured pill reading "warm", "cooling" or "cold".

Colour helps at a glance, the word says it for everyone (colour-blind readers, screen
readers, grey-scale printouts). Used by the Today and Actors tables through
:class:`WarmthBadgeDelegate`, and on pages as :class:`WarmthBadge`. The tables hold the
stored word ("cooling"); the pill shows it in the current language, at the start of its cell
(the right in Arabic).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from contactkeeper.i18n import _
from contactkeeper.records.warmth import Warmth, WarmthReading

# Background and text colours, readable on light and dark palettes alike.
COLOURS: dict[str, tuple[str, str]] = {
    Warmth.WARM.value: ("#c8691c", "#ffffff"),
    Warmth.COOLING.value: ("#7fa7c4", "#10202c"),
    Warmth.COLD.value: ("#2f4f7f", "#ffffff"),
}


def badge_colours(warmth: str) -> tuple[QColor, QColor]:
    background, text = COLOURS.get(warmth, ("#808080", "#ffffff"))
    return QColor(background), QColor(text)


def warmth_word(warmth: str) -> str:
    """A warmth in words, in the current language: "warm", "cooling", "cold"."""
    words = {
        Warmth.WARM.value: _("warm"),
        Warmth.COOLING.value: _("cooling"),
        Warmth.COLD.value: _("cold"),
    }
    return words.get(str(warmth), str(warmth))


def describe(reading: WarmthReading) -> str:
    """A sentence for tooltips and screen readers: "cooling: 40 d ago, 10 d overdue"."""
    # Translators: a warmth and how it was reached: "cooling: 40 d ago, 10 d overdue".
    return _("{warmth}: {reading}").format(
        warmth=warmth_word(reading.warmth.value), reading=reading.label
    )


class WarmthBadgeDelegate(QStyledItemDelegate):
    """Paints a column whose text is a warmth as a pill, at the start of the cell. The
    column holds the warmth in words of the current language (:func:`warmth_word`), which
    a screen reader reads and a copy takes; its stored value ("warm") is accepted too."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = str(index.data() or "")
        if text not in COLOURS:
            text = {warmth_word(w.value): w.value for w in Warmth}.get(text, text)
        if text not in COLOURS:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget is not None else None
        if style is not None:  # selection background, focus frame
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        background, foreground = badge_colours(text)
        shown = warmth_word(text)
        metrics = QFontMetrics(option.font)
        width = min(metrics.horizontalAdvance(shown) + 16, option.rect.width() - 8)
        height = metrics.height() + 4
        pill = QRect(
            option.rect.x() + 6,
            option.rect.y() + (option.rect.height() - height) // 2,
            width,
            height,
        )
        # At the start of the cell: its left, or its right when the table reads right to left.
        rect = QRectF(QStyle.visualRect(option.direction, option.rect, pill))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(foreground)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        widest = max(metrics.horizontalAdvance(warmth_word(w.value)) for w in Warmth)
        return QSize(max(size.width(), widest + 28), size.height())


class WarmthBadge(QLabel):
    """A warmth pill as a widget, for pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setVisible(False)

    def show_reading(self, reading: WarmthReading | None, why: str = "") -> None:
        """Show ``reading``; its tooltip is ``why`` (records/warmth.explain) when given."""
        if reading is None:
            self.clear()
            self.setVisible(False)
            return
        background, foreground = badge_colours(reading.warmth.value)
        self.setText(warmth_word(reading.warmth.value))
        self.setToolTip(why or describe(reading))
        # Translators: an accessible name: "Warmth cooling: 40 d ago, 10 d overdue".
        self.setAccessibleName(_("Warmth {description}").format(description=describe(reading)))
        self.setStyleSheet(
            f"QLabel {{ background: {background.name()}; color: {foreground.name()};"
            " border-radius: 8px; padding: 1px 8px; }"
        )
        self.setVisible(True)
