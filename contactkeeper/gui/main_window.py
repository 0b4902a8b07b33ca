"""The main window: wires the start screens, the views, the menus and the search together.

It holds no business logic and no lists of its own. Each view (Today, Actors, Processes,
Journal, Follow-ups, the actor and process pages) is its own widget that listens to the
context; the window only places them, switches between them and offers the menus.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import APP_NAME
from contactkeeper.errors import RecordNotFound
from contactkeeper.gui.app_state import Settings
from contactkeeper.gui.autolock import AutoLock
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.about import AboutDialog
from contactkeeper.gui.dialogs.backup_actions import BackupActions
from contactkeeper.gui.dialogs.exchange_actions import ExchangeActions
from contactkeeper.gui.dialogs.help import GUIDE_TAB, SHORTCUTS_TAB, HelpDialog
from contactkeeper.gui.dialogs.index_repair import IndexRepairAction
from contactkeeper.gui.dialogs.readiness_actions import ReadinessActions
from contactkeeper.gui.history import History, Place
from contactkeeper.gui.operations import cancel_all
from contactkeeper.gui.presentation import available_area
from contactkeeper.gui.undo import UndoController, UndoKey
from contactkeeper.gui.views.welcome import StartScreen
from contactkeeper.gui.widgets.tables import tab_leaves_tables
from contactkeeper.gui.widgets.undo_notice import UndoNotice
from contactkeeper.i18n import N_, _, pgettext
from contactkeeper.vault.keyfile import KdfParams

# The first window shows only the start screen (choose a vault, type its passphrase). What
# an open vault shows (the Workspace's views, the record services, SQLAlchemy's model,
# networkx, the charts) and the dialogs that need an open vault are imported when first
# made, so that the window appears sooner; the start screen's idle time makes the views.
if TYPE_CHECKING:
    from contactkeeper.gui.dialogs.language import LanguageDialog
    from contactkeeper.gui.dialogs.log import LogDialog
    from contactkeeper.gui.dialogs.settings import SettingsDialog
    from contactkeeper.gui.dialogs.trash import TrashDialog

# The sidebar: (label, menu entry, shortcut); the pages follow in the same order in the
# view stack. Marked here, translated where shown.
SECTIONS = (
    (N_("Today"), N_("&Today"), "Ctrl+1"),
    (N_("Actors"), N_("&Actors"), "Ctrl+2"),
    (N_("Processes"), N_("&Processes"), "Ctrl+3"),
    (N_("Journal"), N_("&Journal"), "Ctrl+4"),
    (N_("Follow-ups"), N_("&Follow-ups"), "Ctrl+5"),
    (N_("Map"), N_("&Map"), "Ctrl+6"),
    (N_("Track two"), N_("&Track two"), "Ctrl+7"),
    (N_("Duplicates"), N_("&Duplicates"), "Ctrl+8"),
)
FOLLOW_UPS_SECTION = 4
TRACK_TWO_SECTION = 6
TICK_MS = 10 * 60 * 1000
# Shown while privacy mode is on: in the status bar, and after the name in the title.
PRIVACY_INDICATOR = N_("Privacy mode: codenames only, notes hidden")
PRIVACY_TITLE = N_("privacy mode")
DEFAULT_SIZE = (1180, 760)
# The sidebar in a language written right to left: its border and padding change sides.
SIDEBAR_RIGHT_TO_LEFT = (
    "QListWidget#sidebar { border-right: none; border-left: 1px solid palette(mid); }"
    " QListWidget#sidebar::item { padding-left: 0px; padding-right: 14px; }"
)


def fit_to_screen(size: QSize, screen: QRect, at: QPoint | None = None) -> QRect:
    """Where a window of ``size`` goes on a screen whose free area is ``screen``: no larger
    than the screen, at ``at`` if it fits there whole, else in the middle."""
    fitted = size.boundedTo(screen.size())
    place = QRect(at if at is not None else screen.topLeft(), fitted)
    if at is None or not screen.contains(place):
        place.moveCenter(screen.center())
    return place


class Workspace(QWidget):
    """What an unlocked vault shows: the top bar, the sidebar and the views."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._build_top_bar()
        self._build_sidebar()
        self._build_views()
        self._lay_out()
        self._connect()
        tab_leaves_tables(self)
        self.setTabOrder(self.search, self.lock_button)
        self.setTabOrder(self.lock_button, self.sidebar)
        self.setTabOrder(self.sidebar, self.views)

    def _build_top_bar(self) -> None:
        """The demo banner, the search field, the lock button and Back and Forward."""
        context = self.context
        self.demo_banner = QLabel(
            _("DEMO: a fictional vault made for exploring. It is deleted when you lock.")
        )
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setAccessibleName(_("Demo vault"))
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_banner.hide()

        from contactkeeper.gui.widgets.search_popup import SearchField  # the record services

        self.search = SearchField(context)
        self.lock_button = QToolButton()
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setText(pgettext("verb", "Lock"))
        self.lock_button.setToolTip(_("Lock the vault ({keys})").format(keys="Ctrl+Shift+L"))
        self.lock_button.setAccessibleName(_("Lock the vault"))
        self.lock_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Back and Forward through the pages visited (Alt+Left, Alt+Right); in a language
        # written right to left, back points right.
        self.history = History(self)
        back, forward = Qt.ArrowType.LeftArrow, Qt.ArrowType.RightArrow
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            back, forward = forward, back
        self.back_button = self._arrow(back, _("Back"), "Alt+Left")
        self.forward_button = self._arrow(forward, _("Forward"), "Alt+Right")
        self._moving = False  # going back or forward: not a new visit

    def _build_sidebar(self) -> None:
        """The list of sections, one row for each of SECTIONS."""
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(_("Sections"))
        for label, _entry, shortcut in SECTIONS:
            item = QListWidgetItem(_(label))
            # Translators: a tooltip: a section's name and its keyboard shortcut.
            item.setToolTip(_("{name} ({keys})").format(name=_(label), keys=shortcut))
            item.setSizeHint(QSize(0, 34))
            self.sidebar.addItem(item)
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            # The style sheet's sides do not mirror: the sidebar stands on the right.
            self.sidebar.setStyleSheet(SIDEBAR_RIGHT_TO_LEFT)
        # As wide as its longest section's name in the language spoken, 140 at least.
        self.sidebar.ensurePolished()
        metrics = self.sidebar.fontMetrics()
        widest = max(metrics.horizontalAdvance(_(section[0])) for section in SECTIONS)
        self.sidebar.setFixedWidth(max(140, widest + 44))

    def _build_views(self) -> None:
        """Every view, in the order of SECTIONS and then the two pages, in one stack."""
        # The views: made when a vault is about to open (see the imports at the top).
        from contactkeeper.gui.views.actor_page import ActorPage
        from contactkeeper.gui.views.actors import ActorsView
        from contactkeeper.gui.views.duplicates import DuplicatesView
        from contactkeeper.gui.views.followups import FollowUpsView
        from contactkeeper.gui.views.journal import JournalView
        from contactkeeper.gui.views.network_map import MapView
        from contactkeeper.gui.views.organization_page import OrganizationPage
        from contactkeeper.gui.views.process_page import ProcessPage
        from contactkeeper.gui.views.processes import ProcessesView
        from contactkeeper.gui.views.today import TodayView
        from contactkeeper.gui.views.track_two import TrackTwoView

        context = self.context
        self.today = TodayView(context)
        self.actors = ActorsView(context)
        self.processes = ProcessesView(context)
        self.journal = JournalView(context)
        self.follow_ups = FollowUpsView(context)
        self.map = MapView(context)
        self.track_two = TrackTwoView(context)
        self.duplicates = DuplicatesView(context)
        self.actor_page = ActorPage(context)
        self.process_page = ProcessPage(context)
        self.organization_page = OrganizationPage(context)
        self.views = QStackedWidget()
        self.views.setObjectName("views")
        for view in (
            self.today,
            self.actors,
            self.processes,
            self.journal,
            self.follow_ups,
            self.map,
            self.track_two,
            self.duplicates,
            self.actor_page,
            self.process_page,
            self.organization_page,
        ):
            self.views.addWidget(view)

    def _lay_out(self) -> None:
        """The top bar above the sidebar and the views, the demo banner above all."""
        top = QHBoxLayout()
        top.setContentsMargins(8, 6, 8, 6)
        top.addWidget(self.back_button)
        top.addWidget(self.forward_button)
        title = QLabel(APP_NAME)
        title.setObjectName("appTitle")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.search, 2)
        top.addWidget(self.lock_button)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addWidget(self.views, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.demo_banner)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    def _connect(self) -> None:
        """The sidebar, the clock, the context's signals and Back and Forward."""
        context = self.context
        self.sidebar.currentRowChanged.connect(self.show_section)
        # Clicking the current section again (say, Actors while an actor's page is shown)
        # goes back to its list.
        self.sidebar.itemClicked.connect(lambda item: self.show_section(self.sidebar.row(item)))
        # Warmth is a matter of time: redraw Today and the warmth badges now and then, so
        # a window left open overnight shows the new day.
        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self._time_passed)
        self.tick.start()
        # Today's "and N more" line under the follow-ups due leads to all of them.
        self.today.follow_ups_requested.connect(lambda: self.show_section(FOLLOW_UPS_SECTION))
        context.open_actor.connect(self.show_actor)
        context.open_process.connect(self.show_process)
        context.open_event.connect(self.show_event)
        context.open_transfer.connect(self.show_transfer)
        context.open_organization.connect(self.show_organization)
        context.vault_opened.connect(self._opened)
        context.vault_locked.connect(self.history.clear)
        # A page whose record was deleted goes back to where the user came from.
        self.actor_page.gone.connect(lambda actor_id: self._gone(Place(1, actor_id=actor_id)))
        self.process_page.gone.connect(
            lambda process_id: self._gone(Place(2, process_id=process_id))
        )
        self.organization_page.gone.connect(
            lambda org_id: self._gone(Place(1, organization_id=org_id))
        )
        self.back_button.clicked.connect(self.go_back)
        self.forward_button.clicked.connect(self.go_forward)
        self.history.changed.connect(self._history_changed)
        self._history_changed()

    def show_section(self, row: int) -> None:
        if not 0 <= row < len(SECTIONS):
            return
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # comes back here through the signal
            return
        view = self.views.widget(row)
        if view in (self.processes, self.journal, self.follow_ups, self.track_two):
            view.ensure_loaded()  # not read on unlock: on first showing
        self.views.setCurrentIndex(row)
        if self.views.widget(row) is self.map:
            self.map.ensure_loaded()  # laid out on first showing
        self._visited(Place(row))

    def show_actor(self, actor_id: int) -> None:
        self.actor_page.show_actor(actor_id)
        self._select_quietly(1)
        self.views.setCurrentWidget(self.actor_page)
        self._visited(Place(1, actor_id=actor_id))

    def show_process(self, process_id: int) -> None:
        self.process_page.show_process(process_id)
        self._select_quietly(2)
        self.views.setCurrentWidget(self.process_page)
        self._visited(Place(2, process_id=process_id))

    def show_event(self, event_id: int) -> None:
        self.show_section(TRACK_TWO_SECTION)
        self.track_two.show_event(event_id)

    def show_transfer(self, transfer_id: int) -> None:
        self.show_section(TRACK_TWO_SECTION)
        self.track_two.show_transfer(transfer_id)

    def show_organization(self, organization_id: int) -> None:
        """An organization's page, under Actors in the sidebar (its members are actors)."""
        self.organization_page.show_organization(organization_id)
        self._select_quietly(1)
        self.views.setCurrentWidget(self.organization_page)
        self._visited(Place(1, organization_id=organization_id))

    # -- back and forward -----------------------------------------------------------------

    def _arrow(self, arrow: Qt.ArrowType, name: str, keys: str) -> QToolButton:
        button = QToolButton()
        button.setArrowType(arrow)
        button.setAutoRaise(True)
        button.setToolTip(_("{name} ({keys})").format(name=name, keys=keys))
        button.setAccessibleName(name)
        return button

    def _visited(self, place: Place) -> None:
        if not self._moving:
            self.history.visit(place)

    def go_back(self) -> None:
        self._go(self.history.back())

    def go_forward(self) -> None:
        self._go(self.history.forward())

    def _go(self, place: Place | None) -> None:
        if place is None or not self.context.unlocked:
            return
        self._moving = True
        try:
            if place.actor_id is not None:
                self.show_actor(place.actor_id)
            elif place.process_id is not None:
                self.show_process(place.process_id)
            elif place.organization_id is not None:
                self.show_organization(place.organization_id)
            else:
                self.show_section(place.section)
        finally:
            self._moving = False

    def _history_changed(self) -> None:
        self.back_button.setEnabled(self.history.can_go_back)
        self.forward_button.setEnabled(self.history.can_go_forward)

    def _here(self) -> Place:
        view = self.views.currentWidget()
        if view is self.actor_page and self.actor_page.actor_id is not None:
            return Place(1, actor_id=self.actor_page.actor_id)
        if view is self.process_page and self.process_page.process_id is not None:
            return Place(2, process_id=self.process_page.process_id)
        organization_id = self.organization_page.organization_id
        if view is self.organization_page and organization_id is not None:
            return Place(1, organization_id=organization_id)
        return Place(max(self.sidebar.currentRow(), 0))

    def _gone(self, place: Place) -> None:
        """The record of a page is gone: never go back there; if it is on screen, go back to
        the last place that still exists."""
        from contactkeeper.records import actors, organizations, processes  # loaded by now

        on_screen = self._here() == place
        back = self.history.forget(place)
        if not on_screen:
            return
        while back is not None:
            try:
                if back.actor_id is not None:
                    actors.get_actor(self.context.vault, back.actor_id, self.context.now())
                elif back.process_id is not None:
                    processes.get_process(self.context.vault, back.process_id)
                elif back.organization_id is not None:
                    organizations.get_organization(self.context.vault, back.organization_id)
                break
            except RecordNotFound:
                back = self.history.forget(back)
        if back is None:
            back = Place(2 if place.process_id is not None else 1)
        self._go(back)
        view = self.views.currentWidget()
        if view is not None:
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _select_quietly(self, row: int) -> None:
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(row)
        self.sidebar.blockSignals(False)

    def _opened(self) -> None:
        self.demo_banner.setVisible(self.context.demo)
        self.search.reset()
        self._select_quietly(0)
        self.views.setCurrentIndex(0)
        self.history.clear()
        self.history.visit(Place(0))

    def _time_passed(self) -> None:
        if self.context.unlocked:
            self.today.reload()
            self.actors.model.reload()

    def refresh(self) -> None:
        """Show the open vault as if it had just been opened."""
        self._opened()
        self.today.reload()
        self.actors.reload()

    def current_view(self) -> QWidget | None:
        return self.views.currentWidget()


class MainWindow(QMainWindow):
    """The application's one window. ``kdf`` and ``demo_dir`` are injectable for tests."""

    def __init__(
        self,
        context: AppContext,
        settings: Settings,
        *,
        kdf: KdfParams | None = None,
        demo_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        self.settings = settings
        self.setObjectName("mainWindow")
        self.start = StartScreen(context, settings, kdf=kdf, demo_dir=demo_dir)
        self._workspace: Workspace | None = None  # made on first need: see workspace
        self.undo = UndoController(context, self)
        self.undo_key = UndoKey(self)
        self.backup = BackupActions(context, self, settings=settings, kdf=kdf)
        self.exchange = ExchangeActions(context, self)
        self.index_repair = IndexRepairAction(context, self)
        self.readiness_actions = ReadinessActions(context, self)
        # The application sets these (tests make windows without them): auto-lock, whose
        # idle time the settings dialog changes.
        self.autolock: AutoLock | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.screens = QStackedWidget()
        self.screens.addWidget(self.start)
        self.setCentralWidget(self.screens)
        self.log_dialog: LogDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.help_dialog: HelpDialog | None = None
        self.privacy_indicator = QLabel(_(PRIVACY_INDICATOR))
        self.privacy_indicator.setObjectName("privacyIndicator")
        self.privacy_indicator.setAccessibleName(_("Privacy mode is on"))
        self.privacy_indicator.setToolTip(
            _("{keys} (View > Privacy mode) turns it off").format(keys="Ctrl+Shift+P")
        )
        self.privacy_indicator.hide()
        self._make_actions()
        self._make_menus()
        self.undo_notice = UndoNotice(self.undo)
        self.statusBar().addPermanentWidget(self.undo_notice)
        self._connect()
        # The next run starts as the last one ended: in privacy mode or not.
        context.set_privacy(settings.privacy_mode())
        self._privacy_changed(context.privacy)
        self.resize(*DEFAULT_SIZE)
        geometry = settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        # On a smaller screen than the one it was last closed on (or than the default).
        self.setGeometry(fit_to_screen(self.size(), available_area(self), self.pos()))
        if context.unlocked:  # a vault opened before the window was made
            self.workspace.refresh()
            self._vault_opened()
        else:
            self.start.show_start()
        self._update()

    # -- actions and menus ----------------------------------------------------------------

    def _action(self, text: str, shortcut: str | None, slot: object, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.new_vault_action = self._action(
            _("&New vault…"), None, self.new_vault, _("Create another vault")
        )
        self.open_vault_action = self._action(
            _("&Open vault…"), "Ctrl+O", self.open_vault, _("Open a vault folder")
        )
        self.lock_action = self._action(
            _("&Lock"),
            "Ctrl+Shift+L",
            self.context.lock,
            _("Close the vault and clear every view"),
        )
        self.quit_action = self._action(_("&Quit"), "Ctrl+Q", self.close)
        self.undo_action = self._action(_("&Undo"), "Ctrl+Z", self.undo.undo)
        self.undo_action.setEnabled(False)
        self.trash_action = self._action(
            _("&Trash…"),
            "Ctrl+Shift+Del",
            self.show_trash,
            _("Deleted records: restore or erase"),
        )
        self.find_action = self._action(_("&Search…"), "Ctrl+K", self.focus_search)
        self.privacy_action = self._action(
            _("&Privacy mode"),
            "Ctrl+Shift+P",
            self._privacy_toggled,
            _("Codenames instead of names everywhere, notes and summaries hidden"),
        )
        self.privacy_action.setCheckable(True)
        self.section_actions = [
            self._action(_(entry), shortcut, lambda _c=False, r=row: self.show_section(r))
            for row, (_label, entry, shortcut) in enumerate(SECTIONS)
        ]
        self.back_action = self._action(
            _("&Back"), "Alt+Left", self.go_back, _("The page shown before")
        )
        self.forward_action = self._action(
            _("&Forward"), "Alt+Right", self.go_forward, _("The page shown next")
        )
        self.log_action = self._action(
            _("&Log a contact…"), "Ctrl+L", self.log_contact, _("Record a contact in seconds")
        )
        self.new_actor_action = self._action(_("&New actor…"), "Ctrl+N", self.new_actor)
        self.about_action = self._action(
            _("&About {program}").format(program=APP_NAME), None, self.show_about
        )
        self.guide_action = self._action(
            _("&Guide"),
            "F1",
            lambda: self.show_help(GUIDE_TAB),
            _("What warmth and readiness mean, channels, privacy mode, recovering a backup"),
        )
        self.shortcuts_action = self._action(
            _("&Keyboard shortcuts"), "Ctrl+/", lambda: self.show_help(SHORTCUTS_TAB)
        )
        self.settings_action = self._action(
            _("&Settings for this device…"),
            "Ctrl+,",
            self.show_settings,
            _("Remember the vault here, auto-lock, destroy the vault"),
        )
        # Not a vault's: a language can be chosen on the start screen, before any vault.
        self.language_action = self._action(
            _("Lan&guage…"),
            None,
            self.show_language,
            _("The language ContactKeeper speaks, from its next start"),
        )
        self.vault_actions = [
            self.lock_action,
            self.find_action,
            *self.section_actions,
            self.log_action,
            self.new_actor_action,
            self.settings_action,
            self.trash_action,
        ]

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu(_("&File"))
        for action in (self.new_vault_action, self.open_vault_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in self.backup.actions:  # back up, verify, restore, import, export
            file_menu.addAction(action)
        file_menu.addAction(self.index_repair.action)
        file_menu.addMenu(self.exchange.menu)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.language_action)
        file_menu.addAction(self.readiness_actions.settings_action)
        file_menu.addAction(self.readiness_actions.catalogue_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(_("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.trash_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu(_("&View"))
        view_menu.addAction(self.back_action)
        view_menu.addAction(self.forward_action)
        view_menu.addSeparator()
        for action in self.section_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.privacy_action)
        actor_menu = bar.addMenu(_("&Actor"))
        actor_menu.addAction(self.log_action)
        actor_menu.addAction(self.new_actor_action)
        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _connect(self) -> None:
        # The views must exist before vault_opened is said: they load on it.
        self.context.vault_opening.connect(self.prepare_workspace)
        self.context.vault_opened.connect(self._vault_opened)
        self.context.vault_locked.connect(self._vault_locked)
        self.context.log_contact.connect(self.open_log_dialog)
        self.context.privacy_changed.connect(self._privacy_changed)
        self.context.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.undo.can_undo.connect(self._undo_changed)
        # The mouse's back and forward buttons, wherever the pointer is in this window.
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.backup.restored.connect(lambda path: self.start.show_unlock(Path(path)))
        self.start.page_changed.connect(self._update)

    # -- what an open vault shows ---------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        """What an open vault shows: made on first need (as a vault opens, or by the desktop
        once this window is up), not with the window, which first shows the start screen."""
        if self._workspace is None:
            workspace = Workspace(self.context)
            self.screens.addWidget(workspace)
            workspace.history.changed.connect(self._update)
            workspace.lock_button.clicked.connect(self.context.lock)
            workspace.today.new_actor_requested.connect(self.new_actor)
            workspace.today.backup_reminder.backup_requested.connect(self.backup.back_up)
            self._workspace = workspace
            # Shown after the views have filled on vault_opened, as when made with the window.
            self.context.vault_opened.disconnect(self._vault_opened)
            self.context.vault_opened.connect(self._vault_opened)
        return self._workspace

    @property
    def workspace_made(self) -> bool:
        return self._workspace is not None

    def prepare_workspace(self) -> Workspace:
        """Make the workspace now if it is not made yet (see :attr:`workspace`)."""
        return self.workspace

    def go_back(self) -> None:
        if self._workspace is not None:
            self._workspace.go_back()

    def go_forward(self) -> None:
        if self._workspace is not None:
            self._workspace.go_forward()

    # -- what the actions do --------------------------------------------------------------

    def show_section(self, row: int) -> None:
        if self.context.unlocked:
            self.workspace.show_section(row)

    def _privacy_toggled(self, on: bool) -> None:
        self.context.set_privacy(on)
        self.settings.set_privacy_mode(on)

    def _privacy_changed(self, on: bool) -> None:
        self.privacy_action.setChecked(on)
        if on and self.privacy_indicator.parent() is not self.statusBar():
            # The status bar appears with its first message, or with this: not before.
            self.statusBar().addPermanentWidget(self.privacy_indicator)
            self.statusBar().show()
        self.privacy_indicator.setVisible(on)
        self._update_title()

    def focus_search(self) -> None:
        if self.context.unlocked:
            self.workspace.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.workspace.search.selectAll()

    def new_vault(self) -> None:
        self.context.lock()
        self.start.show_create()

    def open_vault(self) -> None:
        """Pick a vault folder; the open vault is locked only once one is chosen."""
        folder = self.start.ask_vault_folder()
        if folder is not None:
            self.context.lock()
            self.start.open_vault_at(folder)

    def new_actor(self) -> None:
        if self.context.unlocked:
            self.workspace.show_section(1)
            self.workspace.actors.new_actor()

    def log_contact(self) -> None:
        """Ctrl+L: the log dialog, with the actor in view (or selected) already filled in."""
        if not self.context.unlocked:
            return
        view = self.workspace.current_view()
        actor_ids: list[int] = []
        selected = getattr(view, "selected_actor_ids", None)
        if callable(selected):
            actor_ids = list(selected())
        elif view is self.workspace.actor_page:
            actor_id = getattr(view, "actor_id", None)
            if isinstance(actor_id, int):
                actor_ids = [actor_id]
        self.open_log_dialog(actor_ids)

    def open_log_dialog(self, actor_ids: list[int]) -> None:
        if not self.context.unlocked:
            return
        if self.log_dialog is not None and self.log_dialog.isVisible():
            self.log_dialog.raise_()
            return
        from contactkeeper.gui.dialogs.log import LogDialog  # on first use (see the top)

        self.log_dialog = LogDialog(self.context, self, list(actor_ids))
        self.log_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.log_dialog.destroyed.connect(self._log_dialog_gone)
        self.log_dialog.open()

    def _log_dialog_gone(self) -> None:
        self.log_dialog = None

    def show_trash(self) -> TrashDialog | None:
        if not self.context.unlocked:
            return None
        from contactkeeper.gui.dialogs.trash import TrashDialog  # on first use (see the top)

        dialog = TrashDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_settings(self) -> None:
        if not self.context.unlocked:
            return
        if self.settings_dialog is not None and self.settings_dialog.isVisible():
            self.settings_dialog.raise_()
            return
        from contactkeeper.gui.dialogs.settings import SettingsDialog  # on first use

        dialog = SettingsDialog(self.context, self.settings, self, kdf=self.start.kdf)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.autolock_changed.connect(self._autolock_changed)
        dialog.vault_destroyed.connect(self._vault_destroyed)
        dialog.destroyed.connect(self._settings_dialog_gone)
        self.settings_dialog = dialog
        dialog.open()

    def show_language(self) -> LanguageDialog:
        """File > Language…, open whether or not a vault is."""
        from contactkeeper.gui.dialogs.language import LanguageDialog  # on first use

        dialog = LanguageDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _settings_dialog_gone(self) -> None:
        self.settings_dialog = None

    def _autolock_changed(self, minutes: int) -> None:
        if self.autolock is not None:
            self.autolock.set_idle_minutes(minutes or None)

    def _vault_destroyed(self, path: Path) -> None:
        self.settings.forget_vault(path)
        self.start.show_start()

    def show_about(self) -> None:
        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self)
        self.about_dialog.open()

    def show_help(self, tab: int = GUIDE_TAB) -> HelpDialog:
        """The guide (F1) or the keyboard shortcuts (Ctrl+/), in one window kept at hand."""
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show_tab(tab)
        return self.help_dialog

    def _undo_changed(self, possible: bool) -> None:
        self.undo_action.setEnabled(possible)
        self.undo_action.setText(self.undo.undo_text)

    # -- vault opened, vault locked -------------------------------------------------------

    def _vault_opened(self) -> None:
        self.screens.setCurrentWidget(self.workspace)
        self.workspace.today.setFocus()
        self._update()

    def _vault_locked(self) -> None:
        if self.log_dialog is not None:
            self.log_dialog.close()
        self.statusBar().clearMessage()
        was_demo = self.start.demo_path is not None
        self.start.discard_demo()
        self.screens.setCurrentWidget(self.start)
        if was_demo:
            self.start.show_welcome()
        else:
            self.start.show_start()
        self._update()

    def _update(self) -> None:
        unlocked = self.context.unlocked
        for action in self.vault_actions:
            action.setEnabled(unlocked)
        if not unlocked:
            self.undo_action.setEnabled(False)
        history = self._workspace.history if self._workspace is not None else None
        self.back_action.setEnabled(unlocked and history is not None and history.can_go_back)
        self.forward_action.setEnabled(unlocked and history is not None and history.can_go_forward)
        self._update_title()

    def _update_title(self) -> None:
        """What is open, then what the user must know at a glance (DEMO, privacy mode), then
        the program's name once (the desktop adds it after a title that does not end with
        it)."""
        parts = []
        if self.context.unlocked and self.context.demo:
            parts.append(_("DEMO"))
        if self.context.privacy:
            parts.append(_(PRIVACY_TITLE))
        self.setWindowTitle(" — ".join([*parts, APP_NAME]))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self
        ):
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window_geometry(QByteArray(self.saveGeometry()))
        cancel_all()  # background work stops at its next check point
        self.context.lock()
        self.start.discard_demo()
        super().closeEvent(event)
