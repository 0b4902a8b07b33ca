"""Follow-ups: open, overdue or done, ticked off (or back on) in one click.

Click the first column (or press Space on a row) to tick a follow-up off; click the actor to
open their page; double-click (or F2) the due date or the task to change it. Overdue
follow-ups are marked in words and in colour. Actors go by the context's privacy rule; in
privacy mode tasks (free text that may name anyone) are hidden and cannot be edited.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.models.record_table import Column, RecordTableModel
from contactkeeper.gui.presentation import day, error_label, from_qdate, show_error, to_qdate, today
from contactkeeper.gui.refresh import Refresh
from contactkeeper.gui.widgets.tables import MEASURED_ROWS
from contactkeeper.i18n import _, isolate, ngettext, pgettext
from contactkeeper.records import followups
from contactkeeper.records.followups import FollowUpInfo
from contactkeeper.vault.changes import Kind

OPEN, OVERDUE, DONE, ALL = "open", "overdue", "done", "all"
DONE_COLUMN, DUE_COLUMN, TASK_COLUMN, ACTOR_COLUMN = 0, 1, 2, 3
OVERDUE_COLOUR = QColor("#b23b3b")
LIMIT = 2000
# What the list shows: follow-ups, with their actor and process.
SHOWS = frozenset({Kind.FOLLOW_UP, Kind.ACTOR, Kind.PROCESS})


class FollowUpModel(RecordTableModel[FollowUpInfo]):
    """Follow-ups; the due date and the task are edited in place, saved through ``save``."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(_("Done"), lambda f: ""),
                Column(_("Due"), lambda f: day(f.due_on)),
                Column(_("Task"), lambda f: context.shown_text(f.title)),
                Column(_("Actor"), self.actor, tooltip=lambda f: f.actor_codename),
                Column(_("Process"), lambda f: f.process_name),
                Column(_("State"), self.state),
            ],
            parent,
        )
        self.context = context
        self.today = date.today()
        self.save: Callable[[FollowUpInfo, str, date], bool] = lambda f, title, due: False

    def actor(self, f: FollowUpInfo) -> str:
        if f.actor_id is None:
            return ""
        return self.context.shown_name(
            f.actor_id, f.actor_name, f.actor_codename, f.actor_sensitivity
        )

    def state(self, f: FollowUpInfo) -> str:
        if f.done:
            return pgettext("follow-up", "done")
        if f.overdue(self.today):
            days = (self.today - f.due_on).days
            # Translators: a follow-up's state; "d" stands for days.
            return ngettext("overdue by {n} d", "overdue by {n} d", days).format(
                n=i18n.number(days)
            )
        if f.due_on == self.today:
            return pgettext("follow-up", "due today")
        return pgettext("follow-up", "open")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        record = self.row(index)
        if record is None:
            return None
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == DONE_COLUMN:
            return Qt.CheckState.Checked if record.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == DONE_COLUMN:
            return pgettext("follow-up", "done") if record.done else _("not done")
        if role == Qt.ItemDataRole.ForegroundRole and record.overdue(self.today):
            return OVERDUE_COLOUR
        if role == Qt.ItemDataRole.EditRole and index.column() == DUE_COLUMN:
            return to_qdate(record.due_on)
        if role == Qt.ItemDataRole.EditRole and index.column() == TASK_COLUMN:
            return self.context.shown_text(record.title)
        return super().data(index, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == DUE_COLUMN or (
            index.column() == TASK_COLUMN and not self.context.privacy
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        record = self.row(index)
        if record is None or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == DUE_COLUMN and isinstance(value, QDate):
            return self.save(record, record.title, from_qdate(value))
        if index.column() == TASK_COLUMN and isinstance(value, str) and not self.context.privacy:
            return self.save(record, value, record.due_on)
        return False


class FollowUpsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = FollowUpModel(context, self)
        self.filter = QComboBox()
        self.filter.setAccessibleName(_("Show follow-ups"))
        for label, key in (
            (pgettext("follow-ups", "Open"), OPEN),
            (pgettext("follow-ups", "Overdue"), OVERDUE),
            (pgettext("follow-ups", "Done"), DONE),
            (pgettext("follow-ups", "All"), ALL),
        ):
            self.filter.addItem(label, key)
        show = QLabel(_("&Show"))
        show.setBuddy(self.filter)
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Follow-ups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.model.save = self._save
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(MEASURED_ROWS)  # not every one of 2,000 rows
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(
            _(
                "Click the first column (or press Space) to tick off; double-click (or F2) the "
                "due date or the task to change it"
            )
        )
        self.message = error_label()
        top = QHBoxLayout()
        top.addWidget(show)
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.filter.currentIndexChanged.connect(self.reload)
        self.table.clicked.connect(self._clicked)
        self.table.installEventFilter(self)
        self.refresh = Refresh(self, context, self.reload, SHOWS)
        context.vault_opened.connect(self._opened)
        context.vault_locked.connect(self.clear)
        context.names_changed.connect(self._names_changed)
        self.reload()

    def _opened(self) -> None:
        """A vault was opened: its follow-ups load now if on screen, else when first
        shown (not on the unlock)."""
        self.clear()
        self.refresh.when_shown()

    def ensure_loaded(self) -> None:
        """Load what changed or was never loaded since the vault opened (before showing)."""
        self.refresh.catch_up()

    def _names_changed(self) -> None:
        if not self.refresh.stale:  # else redrawn, by the names shown then, when shown
            self.reload()

    def reload(self) -> None:
        if not self.context.unlocked:
            self.clear()
            return
        self.refresh.fresh()
        vault = self.context.vault
        now_day = today(self.context.now())
        self.model.today = now_day
        shown = self.filter.currentData()
        if shown == OVERDUE:
            rows = followups.list_follow_ups(vault, due_by=now_day - timedelta(days=1), limit=LIMIT)
        else:
            rows = followups.list_follow_ups(vault, include_done=shown != OPEN, limit=LIMIT)
            if shown == DONE:
                rows = [f for f in rows if f.done]
        self.model.set_rows(rows)
        self.count_label.setText(
            ngettext("{n} follow-up", "{n} follow-ups", len(rows)).format(n=i18n.number(len(rows)))
        )

    def clear(self) -> None:
        """Forget the rows, and show open follow-ups first in the next vault."""
        self.filter.blockSignals(True)
        self.filter.setCurrentIndex(0)
        self.filter.blockSignals(False)
        self.model.clear()
        self.count_label.clear()
        show_error(self.message, "")

    def _save(self, record: FollowUpInfo, title: str, due: date) -> bool:
        try:
            with self.context.writing(self):
                followups.update_follow_up(
                    self.context.vault, record.id, title=title, due_on=due, note=record.note
                )
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return False
        show_error(self.message, "")
        # Reload after the editor has closed (the model is reset by the reload).
        QTimer.singleShot(0, self, self.reload)
        return True

    def toggle(self, row: int) -> None:
        """Tick the follow-up in ``row`` off, or back on."""
        record = self.model.rows[row] if 0 <= row < len(self.model.rows) else None
        if record is None:
            return
        try:
            with self.context.writing(self):
                followups.set_done(
                    self.context.vault, record.id, not record.done, self.context.now()
                )
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        show_error(self.message, "")
        title = isolate(self.context.shown_text(record.title))
        self.context.status.emit(
            _("Ticked off: {task}").format(task=title)
            if not record.done
            else _("Reopened: {task}").format(task=title)
        )
        self.reload()

    def selected_actor_ids(self) -> list[int]:
        """The actor of the selected follow-up (Ctrl+L logs a contact with them)."""
        record = self.model.row(self.table.currentIndex())
        return [record.actor_id] if record is not None and record.actor_id is not None else []

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == DONE_COLUMN:
            self.toggle(index.row())
        elif index.column() == ACTOR_COLUMN:
            record = self.model.row(index)
            if record is not None and record.actor_id is not None:
                self.context.open_actor.emit(record.actor_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
        ):
            self.toggle(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)
