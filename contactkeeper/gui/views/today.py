"""Today: who is going cold, the brokers going cold (through whom alone you reach
participants of a process), which follow-ups are due, the latest readiness cues, and the
processes whose readiness moved. A click (or Enter) opens the record; L (or Ctrl+L) logs a
contact with the actor of the selected row.

Today shows the first follow-ups due (FOLLOW_UPS_SHOWN), with a line that says how many
more there are and leads to the Follow-ups view: a vault with hundreds due would otherwise
read and draw them all on every unlock and every change (benchmarks/README.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError, VaultLocked
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.models.lazy_table import RIGHT, Column, LazyTableModel
from contactkeeper.gui.operations import Operation, run_paced
from contactkeeper.gui.presentation import direction_text, long_date, short_date
from contactkeeper.gui.refresh import Refresh
from contactkeeper.gui.widgets.backup_reminder import BackupReminder
from contactkeeper.gui.widgets.tables import give_room_to
from contactkeeper.gui.widgets.warmth_badge import WarmthBadgeDelegate, describe, warmth_word
from contactkeeper.i18n import N_, _, isolate, ngettext
from contactkeeper.records import actors, today
from contactkeeper.records.followups import FollowUpInfo
from contactkeeper.records.readiness import CueInfo, ReadinessMove
from contactkeeper.records.today import ColdBroker, GoingCold, Ripening, TrackTwoLine
from contactkeeper.vault import Vault
from contactkeeper.vault.changes import Kind

Row = TypeVar("Row")
OVERDUE = QColor("#c0392b")


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
        Kind.RELATIONSHIP,  # who brokers your ways in
        Kind.SETTING,  # which relationships count as a way in
        Kind.TRANSFER,
        Kind.REVIEW,
    }
)


def _arrow(change: float) -> str:
    """▲ toward readiness, ▼ away from it."""
    return "▲" if change > 0 else "▼"


def _signed(change: float) -> str:
    """A change of readiness with its sign ("+1.2", "-0.4"), in the locale's digits; kept
    left to right (the sign before the figure) in a right-to-left language."""
    text = ("+" if change >= 0 else "-") + i18n.number(abs(change), 1)
    return isolate(text) if i18n.right_to_left() else text


def _counted(title: str, count: int) -> str:
    """A section's heading with how many rows it has: "Going cold (3)"."""
    # Translators: a heading of the Today page and how many rows its list has.
    return _("{title} ({count})").format(title=title, count=i18n.number(count))


def _cadence_tooltip(row: GoingCold) -> str:
    ideal = ngettext("Ideal every {n} day", "Ideal every {n} days", row.cadence_days).format(
        n=i18n.number(row.cadence_days)
    )
    most = ngettext("at most {n} day", "at most {n} days", row.warmth.max_days).format(
        n=i18n.number(row.warmth.max_days)
    )
    # Translators: the two halves of the cadence tooltip: "Ideal every 30 days, at most 45 days".
    return _("{ideal}, {most}").format(ideal=ideal, most=most)


def _height(table: QTableView, rows: int) -> int:
    """The height of ``table`` showing ``rows`` rows and its header."""
    return (
        table.horizontalHeader().sizeHint().height()
        + rows * table.verticalHeader().defaultSectionSize()
        + 2 * table.frameWidth()
    )


def _record(actor: str, process: str) -> str:
    """An actor and a process, as typed by the user: each kept whole in either direction."""
    return " · ".join(isolate(part) for part in (actor, process) if part)


WORKING_OUT = N_("Working it out…")


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
    # Brokers going cold, processes ripening and readiness moved are on screen (worked out
    # off the UI thread).
    insights_ready = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("todayView")
        self.setAccessibleName(_("Today"))
        self.view: today.TodaySummary | None = None
        self.follow_ups_due = 0  # every follow-up due, of which the first are listed
        self.insights_pending = False
        self._insights: Operation | None = None
        self._asked = 0  # insights asked for; only the latest answer is shown
        self.heading = QLabel(_("Today"))
        self.heading.setObjectName("viewTitle")
        self._build_going_cold()
        self._build_brokers()
        self._build_follow_ups()
        self._build_moves()
        self._build_ripening()
        self._build_cues()
        self._build_track_two()
        self._build_more_follow_ups()
        self.sections: list[Section[Any]] = [
            self.going_cold,
            self.follow_ups,
            self.moves,
            self.cues,
            self.brokers,
            self.ripening,
            self.track_two,
        ]
        self.empty_state = self._empty_state()
        self._lay_out(self._build_content())
        self._connect()

    # -- building -------------------------------------------------------------------------

    def _build_going_cold(self) -> None:
        """Who is going cold: the list Today opens on."""
        ctx = self.context  # names and free text are shown through its privacy rule
        self.going_cold: Section[GoingCold] = self._section(
            _("Going cold"),
            _("Nobody is going cold: every active actor was contacted in good time."),
            [
                Column(
                    _("Actor"),
                    self._actor_name,
                    tooltip=lambda g: _("{codename}: {urgency}").format(
                        codename=isolate(g.codename), urgency=g.urgency()
                    ),
                ),
                Column(
                    _("Warmth"),
                    lambda g: warmth_word(g.warmth.warmth.value),
                    tooltip=lambda g: g.why,
                ),
                Column(_("Last contact"), lambda g: g.warmth.label, tooltip=lambda g: g.why),
                Column(
                    _("Cadence"),
                    # Translators: the ideal and the longest interval between contacts, in
                    # days ("30/45 d").
                    lambda g: _("{ideal}/{most} d").format(
                        ideal=i18n.number(g.cadence_days), most=i18n.number(g.warmth.max_days)
                    ),
                    alignment=RIGHT,
                    tooltip=_cadence_tooltip,
                ),
                Column(
                    _("Channel"),
                    lambda g: g.channel.lead(ctx.shown_name) if g.channel else _("no channel"),
                    tooltip=self._channel_tooltip,
                ),
            ],
            actor_of=lambda g: g.actor_id,
            process_of=lambda g: None,
            stretch=4,
            share=0.25,
            drop=(3, 1),  # on a small screen the cadence and the badge make way
        )
        self.going_cold.table.setItemDelegateForColumn(1, WarmthBadgeDelegate(self))
        self.going_cold.heading.setToolTip(_(today.ORDER))  # the order explains itself
        self.going_cold.table.setToolTip(_(today.ORDER))

    def _build_brokers(self) -> None:
        self.brokers: Section[ColdBroker] = self._section(
            _("Brokers going cold"),
            _("No broker of an open process is going cold."),
            [
                Column(
                    _("Broker"),
                    self._broker_name,
                    tooltip=lambda b: b.summary(self._broker_name(b)),
                ),
                Column(
                    _("Warmth"),
                    lambda b: warmth_word(b.warmth.warmth.value),
                    tooltip=lambda b: describe(b.warmth),
                ),
                Column(
                    _("Only they reach"),
                    # Translators: how many participants of the process only this broker
                    # reaches, out of all ("4 of 9").
                    lambda b: _("{reached} of {participants}").format(
                        reached=i18n.number(b.reached), participants=i18n.number(b.participants)
                    ),
                    alignment=RIGHT,
                    tooltip=lambda b: b.summary(self._broker_name(b)),
                ),
                Column(_("Process"), lambda b: b.process_name, tooltip=lambda b: b.process_name),
            ],
            actor_of=lambda b: b.actor_id,
            process_of=lambda b: b.process_id,
            stretch=3,
        )
        self.brokers.table.setItemDelegateForColumn(1, WarmthBadgeDelegate(self))

    def _build_follow_ups(self) -> None:
        ctx = self.context
        self.follow_ups: Section[FollowUpInfo] = self._section(
            _("Follow-ups due"),
            _("No follow-up is due this week."),
            [
                Column(
                    _("Due"),
                    lambda f: short_date(f.due_on),
                    foreground=lambda f: OVERDUE if f.due_on < self._today() else None,
                    tooltip=lambda f: _("overdue") if f.due_on < self._today() else _("due"),
                ),
                Column(
                    _("Follow-up"),
                    lambda f: _short(ctx.shown_text(f.title), 60),
                    tooltip=lambda f: ctx.shown_text(f.title),
                ),
                Column(_("For"), lambda f: _record(self._follow_up_actor(f), f.process_name)),
            ],
            actor_of=lambda f: f.actor_id,
            process_of=lambda f: f.process_id,
            stretch=1,
        )

    def _build_moves(self) -> None:
        self.moves: Section[ReadinessMove] = self._section(
            _("Readiness moved"),
            _("No process's readiness moved in the last 30 days."),
            [
                Column(_("Process"), lambda m: m.process_name, tooltip=lambda m: m.process_name),
                Column(
                    _("Change"),
                    lambda m: f"{_arrow(m.change)} {_signed(m.change)}",
                    alignment=RIGHT,
                    tooltip=lambda m: m.why,
                ),
                Column(_("Latest"), lambda m: short_date(m.latest_on)),
            ],
            actor_of=lambda m: None,
            process_of=lambda m: m.process_id,
            stretch=0,
        )

    def _build_ripening(self) -> None:
        ctx = self.context
        self.ripening: Section[Ripening] = self._section(
            _("Ripening"),
            _("No process is ripening by your threshold, and no moment is flagged."),
            [
                Column(
                    _("Process"),
                    lambda r: (
                        ("⚑ " if r.flagged else "")
                        + _("Ripening: {process}").format(process=isolate(r.process_name))
                    ),
                    tooltip=lambda r: r.explain(ctx.shown_name),
                ),
                Column(
                    _("Channels"),
                    lambda r: _("{warm}, {to_warm}").format(
                        warm=ngettext("{n} warm", "{n} warm", len(r.warm)).format(
                            n=i18n.number(len(r.warm))
                        ),
                        to_warm=ngettext(
                            "{n} to warm first", "{n} to warm first", len(r.to_warm)
                        ).format(n=i18n.number(len(r.to_warm))),
                    ),
                    tooltip=lambda r: r.explain(ctx.shown_name),
                ),
            ],
            actor_of=lambda r: None,
            process_of=lambda r: r.process_id,
            stretch=0,
        )

    def _build_cues(self) -> None:
        ctx = self.context
        self.cues: Section[CueInfo] = self._section(
            _("Latest readiness cues"),
            _("No readiness cue recorded yet. Note one while logging a contact (Ctrl+L)."),
            [
                Column(_("Observed"), lambda c: short_date(c.observed_on)),
                Column(
                    _("Cue"),
                    lambda c: f"{_arrow(1 if str(c.direction) == 'toward' else -1)} {c.kind_name}",
                    tooltip=lambda c: _("{cue}: {direction}").format(
                        cue=c.kind_name, direction=direction_text(c.direction)
                    ),
                ),
                Column(
                    _("About"),
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

    def _build_track_two(self) -> None:
        ctx = self.context
        self.track_two: Section[TrackTwoLine] = self._section(
            _("Track two"),
            _("No transfer awaits a reaction and no review is due."),
            [
                Column(_("Since"), lambda t: short_date(t.on)),
                Column(_("What"), lambda t: t.what),
                Column(
                    _("About"),
                    lambda t: _record(_short(ctx.shown_text(t.detail), 50), t.process_name),
                    tooltip=lambda t: ctx.shown_text(t.detail),
                ),
            ],
            actor_of=lambda t: None,
            process_of=lambda t: t.process_id,
            stretch=2,
        )

    def _build_more_follow_ups(self) -> None:
        """Under the follow-ups due, when there are more than are listed."""
        self.more_follow_ups = QLabel()
        self.more_follow_ups.setObjectName("moreFollowUps")
        self.more_follow_ups.setTextFormat(Qt.TextFormat.RichText)
        self.more_follow_ups.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.more_follow_ups.setAccessibleName(_("More follow-ups due"))
        self.more_follow_ups.linkActivated.connect(self._link)
        self.more_follow_ups.hide()

    def _build_content(self) -> QWidget:
        """The four lists in two columns: going cold and follow-ups, moves and cues."""
        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        layout_plan: tuple[tuple[tuple[Section[Any], int], ...], ...] = (
            ((self.going_cold, 3), (self.brokers, 1), (self.follow_ups, 2)),
            ((self.ripening, 0), (self.moves, 0), (self.cues, 1), (self.track_two, 0)),
        )
        for col, stack in enumerate(layout_plan):
            column = QVBoxLayout()
            for section, stretch in stack:
                column.addWidget(section.heading)
                column.addWidget(section.table, stretch)
                column.addWidget(section.placeholder)
                if section is self.follow_ups:
                    column.addWidget(self.more_follow_ups)
            column.addStretch(0)  # short or empty lists stay together at the top
            grid.addLayout(column, 0, col)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return content

    def _lay_out(self, content: QWidget) -> None:
        """The heading, the backup reminder, then the lists (or the empty vault's page)."""
        self.content = content
        # Seven lists: on a small screen they scroll together rather than being squeezed.
        self.content_area = QScrollArea()
        self.content_area.setWidget(content)
        self.content_area.setWidgetResizable(True)
        self.content_area.setFrameShape(QFrame.Shape.NoFrame)
        self.content_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.content_area)
        self.pages.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.backup_reminder = BackupReminder(self.context)
        layout.addWidget(self.heading)
        layout.addWidget(self.backup_reminder)
        layout.addWidget(self.pages, 1)
        self.setFocusProxy(self.going_cold.table)

    def _connect(self) -> None:
        context = self.context
        context.vault_opened.connect(self.reload)
        context.vault_locked.connect(self.clear)
        self.refresh = Refresh(self, context, self.reload, SHOWS)
        context.names_changed.connect(self._names_changed)

    def _section(
        self,
        title: str,
        empty_text: str,
        columns: list[Column[Any]],
        *,
        actor_of: Callable[[Any], int | None],
        process_of: Callable[[Any], int | None],
        stretch: int,
        share: float = 0.4,
        drop: tuple[int, ...] = (),
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
        give_room_to(table, stretch, share=share, drop=drop)
        table.horizontalHeader().setHighlightSections(False)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        heading.setBuddy(table)
        placeholder = QLabel(empty_text)
        placeholder.setObjectName("placeholder")
        placeholder.setWordWrap(True)
        placeholder.hide()
        for label in (heading, placeholder):  # one line each, under one another
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
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
            "<h3>"
            + _("Your vault is empty")
            + "</h3><p>"
            + _(
                "Start with the people you work with: add each actor with <b>New actor</b> "
                "(Ctrl+N), giving the cadence at which you want to stay in touch."
            )
            + "</p><p>"
            + _(
                "Then log every contact with <b>Log a contact</b> (Ctrl+L): a meeting, a call, "
                "a word passed through an intermediary. Today will then show who is going "
                "cold, which follow-ups are due and how ready each process looks."
            )
            + "</p>"
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setMaximumWidth(560)
        self.new_actor_button = QPushButton(_("New actor…"))
        self.new_actor_button.setAccessibleName(_("New actor"))
        self.log_button = QPushButton(_("Log a contact…"))
        self.log_button.setAccessibleName(_("Log a contact"))
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

    def _broker_name(self, row: ColdBroker) -> str:
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

    def _channel_tooltip(self, row: GoingCold) -> str:
        """The whole way to the actor, and the channel's label: "you -> Karim N. -> Layla
        H. · her cousin's shop"."""
        if row.channel is None:
            return _("No channel recorded: add one on the actor's page.")
        ctx = self.context
        # A channel's label (a phone number, an address) names the person: withheld with
        # their name.
        label = ctx.shown_detail(row.actor_id, row.sensitivity, ctx.shown_text(row.channel.label))
        chain = row.channel.chain(ctx.shown_name)
        return f"{chain} · {label}" if label else chain

    def _names_changed(self) -> None:
        """Privacy mode or a reveal changed which names may be shown: redraw every row."""
        for section in self.sections:
            section.model.redraw()

    # -- loading --------------------------------------------------------------------------

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
                vault,
                now,
                follow_ups_shown=FOLLOW_UPS_SHOWN,
                cues_shown=LATEST_CUES,
                insights=False,  # worked out off the UI thread, below
            )
            empty = actors.count_actors(vault, now) == 0
        except ContactKeeperError as exc:
            self.context.status.emit(exc.message)
            return
        self.view = view
        self.follow_ups_due = view.follow_ups_due
        self.heading.setText(_("Today · {date}").format(date=long_date(now.astimezone().date())))
        # The insights (brokers, ripening, readiness moved) keep what they show until the
        # background work below brings them anew.
        for section, rows in (
            (self.going_cold, view.going_cold),
            (self.follow_ups, view.follow_ups),
            (self.cues, view.latest_cues),
            (self.track_two, view.track_two),
        ):
            self._fill(section, rows)
        self._show_more_follow_ups()
        self.pages.setCurrentWidget(self.empty_state if empty else self.content_area)
        self._work_out_insights(vault, now)

    def _insight_sections(self) -> tuple[Section[Any], ...]:
        return (self.brokers, self.ripening, self.moves)

    def _work_out_insights(self, vault: Vault, now: datetime) -> None:
        """Brokers going cold, processes ripening and readiness moved, off the UI thread:
        they weigh the whole web of channels and every cue (kept once worked out, until what
        they are made of changes). The sections say so meanwhile; the event loop never
        waits for them."""
        for section in self._insight_sections():
            if not section.rows:
                section.placeholder.setText(_(WORKING_OUT))
                section.placeholder.show()
                section.table.hide()
        self.insights_pending = True
        self._asked += 1
        asked = self._asked

        def done(found: today.Insights) -> None:
            if asked != self._asked:
                return  # a newer reckoning is on its way
            self.insights_pending = False
            if not self.context.unlocked or self.context.vault is not vault:
                return  # locked, or another vault opened, meanwhile
            # Key actors of ripening processes come first within the same week.
            self._fill(self.going_cold, today.by_urgency(self.going_cold.rows, found.ripening))
            for section, rows in zip(
                self._insight_sections(),
                (found.cold_brokers, found.ripening, found.readiness_moves),
                strict=True,
            ):
                section.placeholder.setText(section.empty_text)
                self._fill(section, rows)
            self.insights_ready.emit()

        def failed(exc: Exception) -> None:
            if asked != self._asked:
                return
            self.insights_pending = False
            for section in self._insight_sections():
                section.placeholder.setText(section.empty_text)
            if not self.context.unlocked or isinstance(exc, VaultLocked):
                return  # locked meanwhile: nothing to show
            if isinstance(exc, ContactKeeperError):
                self.context.status.emit(exc.message)
            else:  # the error's text may quote records: its kind only
                self.context.status.emit(
                    _(
                        "Brokers, ripening and readiness moves could not be worked out ({error})."
                    ).format(error=type(exc).__name__)
                )

        # Paced: it pauses while the UI thread reads a page of a list (operations.ui_turn),
        # so that on an unlock it gives way to the views loading after Today.
        self._insights = run_paced(self, lambda: today.insights_of(vault, now), done, failed)

    def _show_more_follow_ups(self) -> None:
        shown = len(self.follow_ups.rows)
        more = self.follow_ups_due - shown
        if shown:
            self.follow_ups.heading.setText(_counted(self.follow_ups.title, self.follow_ups_due))
        self.more_follow_ups.setText(
            ngettext(
                "and {n} more — <a href='{link}'>see Follow-ups</a>",
                "and {n} more — <a href='{link}'>see Follow-ups</a>",
                more,
            ).format(n=i18n.number(more), link=FOLLOW_UPS_LINK)
            if more > 0
            else ""
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
        section.heading.setText(_counted(section.title, len(rows)) if rows else section.title)
        section.placeholder.setVisible(not rows)
        section.table.setVisible(bool(rows))
        table = section.table
        if section is self.moves:  # a short list: as tall as its rows, the cues get the rest
            table.setFixedHeight(_height(table, max(1, min(len(rows), MOVES_SHOWN))))
        else:  # no taller than its rows: a short list leaves the room to the others
            table.setMaximumHeight(_height(table, max(1, len(rows))))

    def clear(self) -> None:
        """Forget every row (the vault was locked)."""
        self.view = None
        self.follow_ups_due = 0
        self.more_follow_ups.clear()
        self.more_follow_ups.hide()
        self.heading.setText(_("Today"))
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
