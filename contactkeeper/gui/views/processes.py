"""Every process (conflict theatre or dialogue initiative), and a line to create a new one.

The list loads when it is first shown after an unlock, not on the unlock itself: the
unlock path (Today filled) already reads the processes once, for the actors list's filter,
and a hidden list needs no second read (benchmarks/README.md). Once loaded it follows every
change; locking forgets it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.models.record_table import Column, RecordTableModel
from contactkeeper.gui.presentation import error_label, show_error
from contactkeeper.records import processes
from contactkeeper.records.processes import ProcessInfo
from contactkeeper.records.wording import plural
from contactkeeper.vault.model import ProcessPhase, Track


def _people(info: ProcessInfo) -> str:
    count = len({p.actor_id for p in info.participants})
    return plural(count, "participant")


class ProcessesView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model: RecordTableModel[ProcessInfo] = RecordTableModel(
            [
                Column(
                    "Process",
                    lambda p: p.name,
                    tooltip=lambda p: self.context.shown_text(p.description),
                ),
                Column("Track", lambda p: p.track.value),
                Column("Phase", lambda p: p.phase.value),
                Column("Participants", _people),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Processes")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit()
        self.name.setAccessibleName("Name of a new process")
        self.name.setPlaceholderText("New process: its name, then Enter")
        self.track = QComboBox()
        self.track.setAccessibleName("Track of the new process")
        for track in Track:
            self.track.addItem(track.value, track.value)
        self.track.setCurrentIndex(self.track.findData(Track.TWO.value))
        self.phase = QComboBox()
        self.phase.setAccessibleName("Phase of the new process")
        for phase in ProcessPhase:
            self.phase.addItem(phase.value, phase.value)
        self.create_button = QPushButton("&Create process")
        self.create_button.setAccessibleName("Create the new process")
        self.message = error_label()
        new = QHBoxLayout()
        new.addWidget(self.name, 1)
        new.addWidget(self.track)
        new.addWidget(self.phase)
        new.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addLayout(new)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.name.returnPressed.connect(self.create)
        self.create_button.clicked.connect(self.create)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        self.loaded = False  # the rows are those of the open vault (see ensure_loaded)
        context.data_changed.connect(self._data_changed)
        context.vault_opened.connect(self._opened)
        context.vault_locked.connect(self.clear)
        context.names_changed.connect(self._refresh)
        self.reload()

    def _opened(self) -> None:
        """A vault was opened: forget the last one's rows; load now only if on screen."""
        self.clear()
        if self.isVisible():
            self.reload()

    def ensure_loaded(self) -> None:
        """Load the list if it has not been loaded since the vault was opened."""
        if not self.loaded:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_loaded()
        super().showEvent(event)

    def reload(self) -> None:
        if not self.context.unlocked:
            self.clear()
            return
        self.model.set_rows(processes.list_processes(self.context.vault))
        self.loaded = True

    def _refresh(self) -> None:
        """Something shown may have changed: reload a list already loaded (a list not loaded
        yet is read fresh when it is shown)."""
        if self.loaded:
            self.reload()

    def clear(self) -> None:
        self.loaded = False
        self.model.clear()
        self.name.clear()
        show_error(self.message, "")

    def create(self) -> None:
        try:
            info = processes.create_process(
                self.context.vault,
                self.name.text(),
                Track(self.track.currentData()),
                ProcessPhase(self.phase.currentData()),
            )
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        show_error(self.message, "")
        self.name.clear()
        self.context.changed("process")
        self.context.status.emit(f"Process “{info.name}” created.")
        self.context.open_process.emit(info.id)

    def _open(self, index: QModelIndex) -> None:
        info = self.model.row(index)
        if info is not None:
            self.context.open_process.emit(info.id)

    def _data_changed(self, kind: str) -> None:
        if kind in ("process", "actor", "trash"):
            self._refresh()
