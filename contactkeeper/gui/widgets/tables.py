"""How the application's tables share their width and take the keyboard.

:func:`give_room_to` lets a table's text column (a summary, a note, a task) have the width
to spare: the short columns (dates, kinds, names) are as wide as their contents, and if the
table is too narrow for all of them, the widest give way until the text column has at least
its share of the width (the cut values end in "…"), and the least needed columns may be
hidden until there is room again. The fit is redone when the table is resized and when its
rows change.

:func:`tab_leaves_tables` makes Tab move between the panes of a window (from a table to the
next field) instead of walking cell by cell through a table with no way out; the arrow keys
move within a table.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

# The least a short column is narrowed to when the table is tight.
NARROWEST = 56
# The text column is given the width its text needs, up to this share of the table, before
# the least needed columns (see ``drop``).
TEXT_AT_MOST = 0.4
# The least needed columns are hidden while the others would be cut below this width.
COMFORTABLE = 100
# How many rows a column's width is measured on (those on screen first, then the nearest):
# measuring every loaded row of a long list cost a third of a second.
MEASURED_ROWS = 100


class _TextColumnFit(QObject):
    """Keeps ``column`` of ``table`` wide: see :func:`give_room_to`."""

    def __init__(self, table: QTableView, column: int, share: float, drop: tuple[int, ...]) -> None:
        super().__init__(table)
        self.table = table
        self.column = column
        self.share = share
        self.drop = drop
        self.dropped: set[int] = set()
        self._wanted: dict[int, int] | None = None
        self._text_wanted = 0
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.viewport = table.viewport()
        self.viewport.installEventFilter(self)
        self._watch_model()

    def _watch_model(self) -> None:
        model = self.table.model()
        if model is None:
            return
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
            model.dataChanged,
        ):
            signal.connect(self.refit)

    def refit(self) -> None:
        """The rows changed: measure the short columns again, then share the width."""
        self._wanted = None
        self.fit()

    def _measure(self) -> dict[int, int]:
        table, header = self.table, self.table.horizontalHeader()
        for column in self.dropped:  # measured while shown
            header.showSection(column)
        self.dropped.clear()
        model = table.model()
        count = 0 if model is None else model.columnCount()
        self._text_wanted = table.sizeHintForColumn(self.column) if count > self.column else 0
        wanted = {}
        for column in range(count):
            if column == self.column or header.isSectionHidden(column):
                continue
            wanted[column] = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        return wanted

    def fit(self) -> None:
        if self._wanted is None:
            self._wanted = self._measure()
        if not self._wanted:
            return
        room = self.viewport.width()
        # The text has its share at least, and as much as it needs up to TEXT_AT_MOST.
        text = max(self.share * room, min(self._text_wanted, TEXT_AT_MOST * room))
        budget = int(room - text)
        # Columns that can go give way, in order, while the others would be cut too short.
        shown = dict(self._wanted)
        dropped = set()
        for column in self.drop:
            if _narrowest_cut(shown, budget) >= COMFORTABLE:
                break
            if column in shown:
                del shown[column]
                dropped.add(column)
        header = self.table.horizontalHeader()
        for column in self._wanted:
            header.setSectionHidden(column, column in dropped)
        self.dropped = dropped
        for column, width in _share_out(shown, budget).items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and watched is self.viewport
            and shiboken6.isValid(self.table)
        ):
            self.fit()
        return False


def _narrowest_cut(wanted: dict[int, int], budget: int) -> int:
    """The width of the narrowest column that would be cut short (none: a large number)."""
    widths = _share_out(wanted, budget)
    cut = [widths[column] for column, width in wanted.items() if widths[column] < width]
    return min(cut, default=1 << 30)


def _share_out(wanted: dict[int, int], budget: int) -> dict[int, int]:
    """Widths for columns that want ``wanted`` within ``budget``: every column that wants
    less than an equal share has what it wants; the widest share the rest equally (no
    column narrower than NARROWEST)."""
    if sum(wanted.values()) <= budget:
        return dict(wanted)
    widths: dict[int, int] = {}
    left, waiting = budget, sorted(wanted.items(), key=lambda item: item[1])
    while waiting:
        equal = left // len(waiting)
        column, width = waiting[0]
        if width > equal:
            break
        widths[column] = width
        left -= width
        waiting.pop(0)
    equal = left // len(waiting) if waiting else 0
    for column, width in waiting:
        widths[column] = max(min(width, NARROWEST), equal)
    return widths


def give_room_to(
    table: QTableView, column: int, *, share: float = 0.4, drop: tuple[int, ...] = ()
) -> None:
    """Let ``column`` (the text) have the width the other columns do not need, and at least
    ``share`` of the table's width: the widest of the other columns give way first, and
    the columns in ``drop`` (the least needed first) are hidden while the table is too
    narrow for them. Set the table's model first."""
    fit = _TextColumnFit(table, column, share, drop)
    table.setProperty("textColumn", column)
    fit.fit()


def tab_leaves_tables(widget: QWidget) -> None:
    """Tab and Shift+Tab leave every table in ``widget`` (arrows move within it)."""
    tables = widget.findChildren(QTableView)
    if isinstance(widget, QTableView):
        tables.append(widget)
    for table in tables:
        table.setTabKeyNavigation(False)
