"""Today: who is going cold, which follow-ups are due, the latest readiness cues, and the
processes whose readiness moved. A click (or Enter) opens the record; L (or Ctrl+L) logs a
contact with the actor of the selected row.

Today shows the first follow-ups due (FOLLOW_UPS_SHOWN), with a line that says how many
more there are and leads to the Follow-ups view: a vault with hundreds due would otherwise
read and draw them all on every unlock and every change (benchmarks/README.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.models.lazy_table import RIGHT, Column, LazyTableModel
from contactkeeper.gui.refresh import Refresh
from contactkeeper.gui.widgets.backup_reminder import BackupReminder
from contactkeeper.gui.widgets.warmth_badge import WarmthBadgeDelegate, describe
from contactkeeper.records import actors, today
from contactkeeper.records.followups import FollowUpInfo
from contactkeeper.records.readiness import CueInfo, ReadinessMove
from contactkeeper.records.today import GoingCold, TrackTwoLine
from contactkeeper.vault.changes import Kind

Row = TypeVar("Row")
OVERDUE = QColor("#c0392b")


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _day(day: date) -> str:
    return day.strftime("%a %d %b %Y")


MOVES_SHOWN = 6  # the readiness-moved list is sized to show this many rows at most
FOLLOW_UPS_SHOWN = 50  # the first follow-ups due; the rest are in the Follow-ups view
LATEST_CUES = 10
FOLLOW_UPS_LINK = "follow-ups"
# What Today shows: actors going cold (their last contact is kept on the actor) and the
# channel to reach them by, follow-ups, cues (by kind) and the readiness of processes (from
# their parties' cues).
SHOWS = frozenset(
    {
        Kind.ACTOR,
        Kind.CHANNEL,
        Kind.FOLLOW_UP,
        Kind.READINESS_CUE,
        Kind.CUE_KIND,
        Kind.PROCESS,
        Kind.PARTICIPANT,
        Kind.TRANSFER,
        Kind.REVIEW,
    }
)


def _arrow(change: float) -> str:
    """▲ toward readiness, ▼ away from it."""
    return "▲" if change > 0 else "▼"


def _record(actor: str, process: str) -> str:
    return " · ".join(part for part in (actor, process) if part)


@dataclass
class Section(Generic[Row]):
    """One list on the Today page: its table, its model and what its rows lead to."""

    title: str
    empty_text: str
    table: QTableView
    model: LazyTableModel[Row]
    heading: QLabel
    placeholder: QLabel
    actor_of: Callable[[Row], int | None]
    process_of: Callable[[Row], int | None]
    rows: Sequence[Row] = ()


class TodayView(QWidget):
    # The empty state's "New actor" button (the main window opens the form).
    new_actor_requested = Signal()
    # The "and N more" line under the follow-ups due (the main window shows the view).
    follow_ups_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("todayView")
        self.setAccessibleName("Today")
        self.view: today.TodaySummary | None = None
        self.follow_ups_due = 0  # every follow-up due, of which the first are listed
        self.heading = QLabel("Today")
        self.heading.setObjectName("viewTitle")
        ctx = context  # names and free text are shown through its privacy rule

        self.going_cold: Section[GoingCold] = self._section(
            "Going cold",
            "Nobody is going cold: every active actor was contacted in good time.",
            [
                Column("Actor", self._actor_name, tooltip=lambda g: g.codename),
                Column(
                    "Warmth", lambda g: g.warmth.warmth.value, tooltip=lambda g: describe(g.warmth)
                ),
                Column("Last contact", lambda g: g.warmth.label),
                Column("Cadence", lambda g: f"every {g.cadence_days} d", alignment=RIGHT),
                Column(
                    "Channel",
                    lambda g: g.channel.chain(ctx.shown_name) if g.channel else "no channel",
                    tooltip=lambda g: (
                        ctx.shown_detail(g.actor_id, g.sensitivity, ctx.shown_text(g.channel.label))
                        if g.channel
                        else ""
                    ),
                ),
            ],
            actor_of=lambda g: g.actor_id,
            process_of=lambda g: None,
            stretch=4,
        )
        self.going_cold.table.setItemDelegateForColumn(1, WarmthBadgeDelegate(self))

        self.follow_ups: Section[FollowUpInfo] = self._section(
            "Follow-ups due",
            "No follow-up is due this week.",
            [
                Column(
                    "Due",
                    lambda f: _day(f.due_on),
                    foreground=lambda f: OVERDUE if f.due_on < self._today() else None,
                    tooltip=lambda f: "overdue" if f.due_on < self._today() else "due",
                ),
                Column(
                    "Follow-up",
                    lambda f: _short(ctx.shown_text(f.title), 60),
                    tooltip=lambda f: ctx.shown_text(f.title),
                ),
                Column("For", lambda f: _record(self._follow_up_actor(f), f.process_name)),
            ],
            actor_of=lambda f: f.actor_id,
            process_of=lambda f: f.process_id,
            stretch=2,
        )
        self.moves: Section[ReadinessMove] = self._section(
            "Readiness moved",
            "No process's readiness moved in the last 30 days.",
            [
                Column("Process", lambda m: m.process_name, tooltip=lambda m: m.process_name),
                Column(
                    "Change",
                    lambda m: f"{_arrow(m.change)} {m.change:+.1f}",
                    alignment=RIGHT,
                    tooltip=lambda m: (
                        f"{'toward' if m.change > 0 else 'away from'} readiness, "
                        f"from {m.cues} cue(s)"
                    ),
                ),
                Column("Latest", lambda m: self._short_day(m.latest_on)),
            ],
            actor_of=lambda m: None,
            process_of=lambda m: m.process_id,
            stretch=0,
        )
        self.cues: Section[CueInfo] = self._section(
            "Latest readiness cues",
            "No readiness cue recorded yet. Note one while logging a contact (Ctrl+L).",
            [
                Column("Observed", lambda c: self._short_day(c.observed_on)),
                Column(
                    "Cue",
                    lambda c: f"{_arrow(1 if str(c.direction) == 'toward' else -1)} {c.kind_label}",
                    tooltip=lambda c: f"{c.kind_label}: {c.direction} readiness",
                ),
                Column(
                    "About",
                    lambda c: _record(self._cue_actor(c), c.process_name),
                    tooltip=lambda c: (
                        ctx.shown_text(c.note) or _record(self._cue_actor(c), c.process_name)
                    ),
                ),
            ],
            actor_of=lambda c: c.actor_id,
            process_of=lambda c: c.process_id,
            stretch=2,
        )
        self.track_two: Section[TrackTwoLine] = self._section(
            "Track two",
            "No transfer awaits a reaction and no review is due.",
            [
                Column("Since", lambda t: self._short_day(t.on)),
                Column("What", lambda t: t.what),
                Column(
                    "About",
                    lambda t: _record(_short(ctx.shown_text(t.detail), 50), t.process_name),
                    tooltip=lambda t: ctx.shown_text(t.detail),
                ),
            ],
            actor_of=lambda t: None,
            process_of=lambda t: t.process_id,
            stretch=2,
        )
        # Under the follow-ups due, when there are more than are listed.
        self.more_follow_ups = QLabel()
        self.more_follow_ups.setObjectName("moreFollowUps")
        self.more_follow_ups.setTextFormat(Qt.TextFormat.RichText)
        self.more_follow_ups.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.more_follow_ups.setAccessibleName("More follow-ups due")
        self.more_follow_ups.linkActivated.connect(self._link)
        self.more_follow_ups.hide()
        self.sections: list[Section[Any]] = [
            self.going_cold,
            self.follow_ups,
            self.moves,
            self.cues,
            self.track_two,
        ]

        self.empty_state = self._empty_state()
        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        layout_plan = (
            ((self.going_cold, 3), (self.follow_ups, 2)),
            ((self.moves, 0), (self.cues, 1), (self.track_two, 0)),
        )
        for col, stack in enumerate(layout_plan):
            column = QVBoxLayout()
            for section, stretch in stack:
                column.addWidget(section.heading)
                column.addWidget(section.table, stretch)
                column.addWidget(section.placeholder)
                if section is self.follow_ups:
                    column.addWidget(self.more_follow_ups)
            grid.addLayout(column, 0, col)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.pages = QStackedWidget()
        self.pages.addWidget(content)
        self.pages.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.backup_reminder = BackupReminder(context)
        layout.addWidget(self.heading)
        layout.addWidget(self.backup_reminder)
        layout.addWidget(self.pages, 1)
        self.setFocusProxy(self.going_cold.table)

        context.vault_opened.connect(self.reload)
        context.vault_locked.connect(self.clear)
        self.refresh = Refresh(self, context, self.reload, SHOWS)
        context.names_changed.connect(self._names_changed)

    # -- building -------------------------------------------------------------------------

    def _section(
        self,
        title: str,
        empty_text: str,
        columns: list[Column[Any]],
        *,
        actor_of: Callable[[Any], int | None],
        process_of: Callable[[Any], int | None],
        stretch: int,
    ) -> Section[Any]:
        section: Section[Any]
        model: LazyTableModel[Any] = LazyTableModel(
            columns,
            lambda offset, limit: list(section.rows[offset : offset + limit]),
            lambda: len(section.rows),
            record_id=lambda row: actor_of(row) or process_of(row) or 0,
            parent=self,
        )
        table = QTableView()
        table.setModel(model)
        table.setAccessibleName(title)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setHighlightSections(False)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        heading.setBuddy(table)
        placeholder = QLabel(empty_text)
        placeholder.setObjectName("placeholder")
        placeholder.setWordWrap(True)
        placeholder.hide()
        section = Section(
            title, empty_text, table, model, heading, placeholder, actor_of, process_of
        )
        # A click opens the row, Enter too (see eventFilter); not ``activated``, which a
        # double-click emits after the click has opened it already.
        table.clicked.connect(lambda index, s=section: self._open(s, index))
        table.installEventFilter(self)
        return section

    def _empty_state(self) -> QWidget:
        page = QWidget()
        page.setObjectName("emptyState")
        text = QLabel(
            "<h3>Your vault is empty</h3>"
            "<p>Start with the people you work with: add each actor with <b>New actor</b> "
            "(Ctrl+N), giving the cadence at which you want to stay in touch.</p>"
            "<p>Then log every contact with <b>Log a contact</b> (Ctrl+L): a meeting, a call, "
            "a word passed through an intermediary. Today will then show who is going cold, "
            "which follow-ups are due and how ready each process looks.</p>"
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setMaximumWidth(560)
        self.new_actor_button = QPushButton("New actor…")
        self.new_actor_button.setAccessibleName("New actor")
        self.log_button = QPushButton("Log a contact…")
        self.log_button.setAccessibleName("Log a contact")
        self.new_actor_button.clicked.connect(self.new_actor_requested)
        self.log_button.clicked.connect(lambda: self.context.log_contact.emit([]))
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        for button in (self.new_actor_button, self.log_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    # -- names, by the privacy rule --------------------------------------------------------

    def _actor_name(self, row: GoingCold) -> str:
        return self.context.shown_name(
            row.actor_id, row.display_name, row.codename, row.sensitivity
        )

    def _follow_up_actor(self, row: FollowUpInfo) -> str:
        if row.actor_id is None:
            return ""
        return self.context.shown_name(
            row.actor_id, row.actor_name, row.actor_codename, row.actor_sensitivity
        )

    def _cue_actor(self, row: CueInfo) -> str:
        if row.actor_id is None:
            return ""
        return self.context.shown_name(
            row.actor_id, row.actor_name, row.actor_codename, row.actor_sensitivity
        )

    def _names_changed(self) -> None:
        """Privacy mode or a reveal changed which names may be shown: redraw every row."""
        for section in self.sections:
            section.model.redraw()

    # -- loading --------------------------------------------------------------------------

    def _short_day(self, day: date) -> str:
        return day.strftime("%d %b" if day.year == self._today().year else "%d %b %Y")

    def _today(self) -> date:
        return self.context.now().astimezone().date()

    def reload(self) -> None:
        if not self.context.unlocked:
            self.clear()
            return
        now = self.context.now()
        vault = self.context.vault
        try:
            view = today.today(
                vault, now, follow_ups_shown=FOLLOW_UPS_SHOWN, cues_shown=LATEST_CUES
            )
            empty = actors.count_actors(vault, now) == 0
        except ContactKeeperError as exc:
            self.context.status.emit(exc.message)
            return
        self.view = view
        self.follow_ups_due = view.follow_ups_due
        self.heading.setText(f"Today · {now.astimezone().strftime('%A %d %B %Y')}")
        for section, rows in zip(
            self.sections,
            (
                view.going_cold,
                view.follow_ups,
                view.readiness_moves,
                view.latest_cues,
                view.track_two,
            ),
            strict=True,
        ):
            self._fill(section, rows)
        self._show_more_follow_ups()
        self.pages.setCurrentWidget(self.empty_state if empty else self.pages.widget(0))

    def _show_more_follow_ups(self) -> None:
        shown = len(self.follow_ups.rows)
        more = self.follow_ups_due - shown
        if shown:
            self.follow_ups.heading.setText(f"{self.follow_ups.title} ({self.follow_ups_due})")
        self.more_follow_ups.setText(
            f"and {more} more — <a href='{FOLLOW_UPS_LINK}'>see Follow-ups</a>" if more > 0 else ""
        )
        self.more_follow_ups.setVisible(more > 0)

    def _link(self, target: str) -> None:
        if target == FOLLOW_UPS_LINK:
            self.follow_ups_requested.emit()

    def _fill(self, section: Section[Any], rows: Sequence[Any]) -> None:
        section.rows = tuple(rows)
        section.model.reload(keep_loaded=False)
        while section.model.canFetchMore(QModelIndex()):
            section.model.fetchMore(QModelIndex())  # short lists: show them whole
        section.heading.setText(f"{section.title} ({len(rows)})" if rows else section.title)
        section.placeholder.setVisible(not rows)
        section.table.setVisible(bool(rows))
        if section is self.moves:  # a short list: as tall as its rows, the cues get the rest
            table = section.table
            shown = max(1, min(len(rows), MOVES_SHOWN))
            table.setFixedHeight(
                table.horizontalHeader().height()
                + shown * table.verticalHeader().defaultSectionSize()
                + 2 * table.frameWidth()
            )

    def clear(self) -> None:
        """Forget every row (the vault was locked)."""
        self.view = None
        self.follow_ups_due = 0
        self.more_follow_ups.clear()
        self.more_follow_ups.hide()
        self.heading.setText("Today")
        for section in self.sections:
            section.rows = ()
            section.model.clear()

    # -- acting on rows -------------------------------------------------------------------

    def _open(self, section: Section[Any], index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = section.model.row_at(index.row())
        actor_id, process_id = section.actor_of(row), section.process_of(row)
        if actor_id is not None:
            self.context.open_actor.emit(actor_id)
        elif process_id is not None:
            self.context.open_process.emit(process_id)

    def selected_actor_ids(self) -> list[int]:
        """The actor of the selected row in the table that has the keyboard (for Ctrl+L)."""
        for section in self.sections:
            if section.table.hasFocus():
                index = section.table.currentIndex()
                if index.isValid():
                    actor_id = section.actor_of(section.model.row_at(index.row()))
                    return [] if actor_id is None else [actor_id]
        return []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_L
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            ids = self.selected_actor_ids()
            if ids:
                self.context.log_contact.emit(ids)
                return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            for section in self.sections:
                if watched is section.table:
                    self._open(section, section.table.currentIndex())
                    return True
        return super().eventFilter(watched, event)
