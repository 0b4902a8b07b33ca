"""A date that may be left empty: "not known", "any day".

A ``QDateEdit`` whose lowest date stands for "no date" and reads as ``empty_text``; its
calendar then opens on the current month rather than on the lowest date. Dates read in the
short form of the locale (:func:`contactkeeper.gui.presentation.date_format`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QDateEdit, QWidget

from contactkeeper.gui.presentation import date_format, from_qdate, to_qdate

NO_DATE = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    def __init__(self, empty_text: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible)
        self.setDisplayFormat(date_format())
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(empty_text)
        self.setDate(NO_DATE)

    def day(self) -> date | None:
        """The date chosen, or None when left empty."""
        return None if self.date() == NO_DATE else from_qdate(self.date())

    def set_day(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else to_qdate(value))

    def clear_day(self) -> None:
        self.setDate(NO_DATE)

    # The calendar drops down on a click or a key (F4, Alt+Down); with no date chosen it
    # would open on the lowest date: it opens on the current month instead. (The calendar
    # is made only when it first drops down.)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self._open_on_this_month()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        self._open_on_this_month()

    def _open_on_this_month(self) -> None:
        popup = QApplication.activePopupWidget()
        if self.day() is None and popup is not None and popup.parentWidget() is self:
            current = QDate.currentDate()
            self.calendarWidget().setCurrentPage(current.year(), current.month())
