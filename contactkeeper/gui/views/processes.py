"""Every process (conflict theatre or dialogue initiative), and a line to create a new one.

Each row shows the process's readiness level today and its trend over the last 30 days
(:func:`contactkeeper.records.readiness.process_readiness`); their tooltips list the cues
each figure is made of, so that any number can be traced.

The list loads when it is first shown after an unlock, not on the unlock itself: the
unlock path (Today filled) already reads the processes once, for the actors list's filter,
and a hidden list needs no second read (benchmarks/README.md). Once loaded it follows every
change; locking forgets it.
"""

from __future__ import annotations

import html
from collections.abc import Callable

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

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.enum_words import word
from contactkeeper.gui.models.record_table import Column, RecordTableModel
from contactkeeper.gui.presentation import error_label, show_error, today
from contactkeeper.gui.refresh import Refresh
from contactkeeper.i18n import N_, _, ngettext
from contactkeeper.records import processes, readiness
from contactkeeper.records.processes import ProcessInfo
from contactkeeper.records.readiness import ProcessReadiness
from contactkeeper.records.ripeness import WINDOW_DAYS
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import ProcessPhase, Track

NO_CUES = "—"
NO_CUES_TIP = N_(
    "No readiness cue recorded for this process yet: add one on its page, or while "
    "logging a contact (Ctrl+L)."
)


def explanation_tooltip(text: str) -> str:
    """An explanation (a sentence, then one line per cue) as a tooltip: the sentence wraps,
    the cue lines keep their columns and are never broken."""
    sentence, *lines = text.split("\n")
    rows = html.escape("\n".join(line.strip() for line in lines))
    table = f"<p style='white-space:pre'>{rows}</p>" if lines else ""
    return f"<p>{html.escape(sentence)}</p>{table}"


def _signed(value: float) -> str:
    """``+1.2``, ``-0.4``; ``0.0`` for what rounds to nothing (never ``-0.0``), with the
    locale's decimal sign; kept left to right (the sign before the figure) in Arabic."""
    if round(value, 1) == 0:
        return i18n.number(0.0, 1)
    text = ("+" if value > 0 else "-") + i18n.number(abs(value), 1)
    return i18n.isolate(text) if i18n.right_to_left() else text


def _people(info: ProcessInfo) -> str:
    count = len({p.actor_id for p in info.participants})
    return ngettext("{n} participant", "{n} participants", count).format(n=i18n.number(count))


class ProcessesView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model: RecordTableModel[ProcessInfo] = RecordTableModel(
            [
                Column(
                    _("Process"),
                    lambda p: p.name,
                    tooltip=lambda p: self.context.shown_text(p.description),
                ),
                Column(_("Track"), lambda p: word(p.track)),
                Column(_("Phase"), lambda p: word(p.phase)),
                Column(_("Participants"), _people),
                Column(
                    _("Readiness"),
                    lambda p: self._reading(p, self._level_text, NO_CUES),
                    tooltip=lambda p: self._explained(p, lambda r: r.reading(self.on).why()),
                ),
                Column(
                    # Translators: the column of readiness trends; {days} is a number of days.
                    _("Trend ({days} d)").format(days=i18n.number(WINDOW_DAYS)),
                    lambda p: self._reading(p, self._trend_text, NO_CUES),
                    tooltip=lambda p: self._explained(p, lambda r: r.explain_move(self.on)),
                ),
            ],
            self,
        )
        self.readings: dict[int, ProcessReadiness] = {}
        self.on = today(context.now())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Processes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name of a new process"))
        self.name.setPlaceholderText(_("New process: its name, then Enter"))
        self.track = QComboBox()
        self.track.setAccessibleName(_("Track of the new process"))
        for track in Track:
            self.track.addItem(word(track), track.value)
        self.track.setCurrentIndex(self.track.findData(Track.TWO.value))
        self.phase = QComboBox()
        self.phase.setAccessibleName(_("Phase of the new process"))
        for phase in ProcessPhase:
            self.phase.addItem(word(phase), phase.value)
        self.create_button = QPushButton(_("&Create process"))
        self.create_button.setAccessibleName(_("Create the new process"))
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
        self.name.returnPressed.connect(self.create_process)
        self.create_button.clicked.connect(self.create)
        self.table.activated.connect(self._open)  # a double-click or Enter, once
        self.loaded = False  # the rows are those of the open vault (see ensure_loaded)
        self.refresh = Refresh(
            self,
            context,
            self._refresh,
            {Kind.PROCESS, Kind.PARTICIPANT, Kind.READINESS_CUE, Kind.CUE_KIND},
        )
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
        vault = self.context.vault
        self.on = today(self.context.now())
        listed = processes.list_processes(vault)
        # Readiness per party, the same computation as the process chart and Today.
        self.readings = {
            process_id: reading
            for process_id, reading in readiness.readiness_of(vault, [p.id for p in listed]).items()
            if reading.cues
        }
        self.model.set_rows(listed)
        self.loaded = True

    def _reading(
        self, info: ProcessInfo, text: Callable[[ProcessReadiness], str], none: str
    ) -> str:
        reading = self.readings.get(info.id)
        return none if reading is None else text(reading)

    def _level_text(self, reading: ProcessReadiness) -> str:
        """The least ready party's readiness today."""
        return _signed(reading.reading(self.on).readiness)

    def _trend_text(self, reading: ProcessReadiness) -> str:
        """``▲ +2.4`` toward readiness, ``▼ -1.2`` away from it, ``steady`` otherwise."""
        change = reading.move(self.on).change
        if round(change, 1) == 0:
            # Translators: a readiness trend that neither rose nor fell.
            return _("steady")
        return f"{'▲' if change > 0 else '▼'} {_signed(change)}"

    def _explained(self, info: ProcessInfo, text: Callable[[ProcessReadiness], str]) -> str:
        return explanation_tooltip(self._reading(info, text, _(NO_CUES_TIP)))

    def _refresh(self) -> None:
        """Something shown may have changed: reload a list already loaded (a list not loaded
        yet is read fresh when it is shown)."""
        if self.loaded:
            self.reload()

    def clear(self) -> None:
        self.loaded = False
        self.model.clear()
        self.readings = {}
        self.name.clear()
        show_error(self.message, "")

    def create_process(self) -> None:
        try:
            with self.context.writing(self):
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
        self._refresh()
        self.context.status.emit(
            _("Process “{name}” created.").format(name=i18n.isolate(info.name))
        )
        self.context.open_process.emit(info.id)

    def _open(self, index: QModelIndex) -> None:
        info = self.model.row(index)
        if info is not None:
            self.context.open_process.emit(info.id)
