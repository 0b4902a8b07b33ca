"""A table model that loads its rows a page at a time, from a service.

Every long list in the application (actors, the journal, follow-ups) is a
:class:`LazyTableModel` over two functions a view supplies: ``fetch(offset, limit)``, which
returns one page of rows (frozen dataclasses from a service), and ``count()``, the number of
rows in all. The model asks for the first page, and for the next one only when the view
scrolls near the end (Qt's ``canFetchMore``/``fetchMore``), so 10,000 actors cost one page.
A view whose service pages by key (keyset paging: the page after a given row, which costs
the same however deep) also supplies ``fetch_after(last_row, limit)``; the model then asks
for the page after its last loaded row instead of counting rows off.

Sorting is the service's job: clicking a header with a ``sort_key`` stores the key and the
direction on the model (``sort_key``, ``descending``) and reloads; the view's ``fetch`` reads
them and passes them on. Columns without a sort key cannot be sorted.

``clear()`` drops every row (locking); ``reload()`` asks the service again, keeping as many
rows as were loaded so that the view does not jump back to the top after an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from contactkeeper.errors import ContactKeeperError, VaultLocked
from contactkeeper.gui.operations import ui_turn

Row = TypeVar("Row")

# The id of the record shown in a row (an int), for every column.
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The row object itself (the service's dataclass), for every column.
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

PAGE_SIZE = 200

_Index = QModelIndex | QPersistentModelIndex
# Text starts where the language starts (the left, the right in Arabic); numbers end there.
_LEFT = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: its header and how to read a row for it.

    ``value`` gives the text shown; ``sort_key`` is the service's name for sorting by this
    column (None: not sortable); ``tooltip``, ``decoration`` (an icon or colour) and
    ``foreground`` (a brush or colour) are optional per-row extras.
    """

    header: str
    value: Callable[[Row], object]
    sort_key: str | None = None
    alignment: Qt.AlignmentFlag = _LEFT
    tooltip: Callable[[Row], str] | None = None
    decoration: Callable[[Row], Any] | None = None
    foreground: Callable[[Row], Any] | None = None


def _record_id(row: Any) -> int:
    return int(row.id)


class LazyTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of a service, fetched a page at a time; see the module's docstring."""

    # Emitted after every reload, with the total number of rows (for "1,234 actors").
    reloaded = Signal(int)
    # Emitted when fetching failed with an error meant for people (shown by the view).
    failed = Signal(str)

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        fetch: Callable[[int, int], Sequence[Row]],
        count: Callable[[], int],
        *,
        record_id: Callable[[Row], int] = _record_id,
        page_size: int = PAGE_SIZE,
        fetch_after: Callable[[Row, int], Sequence[Row]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch = fetch
        self._fetch_after = fetch_after
        self._count = count
        self._record_id = record_id
        self.page_size = page_size
        self._rows: list[Row] = []
        self._total = 0
        self.sort_key: str | None = None
        self.descending = False

    # -- what the view asks ---------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return "" if value is None else str(value)
        if role == RECORD_ID_ROLE:
            return self._record_id(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment.value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column.decoration is not None:
            return column.decoration(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment.value)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or len(self._rows) >= self._total:
            return
        with ui_turn():  # a page someone scrolls to: background work that can wait pauses
            page = self._safely(self._next_page)
        if not page:
            self._total = len(self._rows)  # the data shrank meanwhile: stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def _next_page(self) -> list[Row]:
        if self._fetch_after is not None and self._rows:
            return list(self._fetch_after(self._rows[-1], self.page_size))
        return list(self._fetch(len(self._rows), self.page_size))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort_key is None:
            return
        self.sort_key = self.columns[column].sort_key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload(keep_loaded=False)

    # -- what views call ---------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many rows there are in all (loaded or not)."""
        return self._total

    @property
    def loaded(self) -> int:
        """How many rows have been fetched so far."""
        return len(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def id_at(self, row: int) -> int:
        return self._record_id(self._rows[row])

    def row_of(self, record_id: int) -> int | None:
        """The row showing ``record_id`` among the loaded rows, or None."""
        for i, row in enumerate(self._rows):
            if self._record_id(row) == record_id:
                return i
        return None

    def reload(self, *, keep_loaded: bool = True) -> None:
        """Ask the service again: the count, and as many rows as the view had (at least a
        page), so that an edit does not throw the view back to the top."""
        wanted = max(self.page_size, len(self._rows)) if keep_loaded else self.page_size
        with ui_turn():
            total = self._safely(self._count)
            rows = self._safely(lambda: list(self._fetch(0, wanted))) if total else []
        self.beginResetModel()
        self._total = total or 0
        self._rows = rows or []
        self.endResetModel()
        self.reloaded.emit(self._total)

    def redraw(self) -> None:
        """Ask the views to show every loaded row again (say, names now go by codename);
        the rows themselves are not fetched again."""
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def clear(self) -> None:
        """Forget every row (the vault was locked)."""
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self.endResetModel()
        self.reloaded.emit(0)

    def _safely(self, call: Callable[[], Any]) -> Any:
        """Run a service call; a locked vault reads as empty, other errors are reported."""
        try:
            return call()
        except VaultLocked:
            return None
        except ContactKeeperError as exc:
            self.failed.emit(exc.message)
            return None
