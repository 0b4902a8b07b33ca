"""Render every main screen of the demo vault to PNG files: ``make screenshots``.

    python -m contactkeeper.gui.screenshots OUTDIR

A demo vault is made in a temporary folder with a fixed ``now``, time zone and locale (so
the pictures do not change from one run to the next), the main window is shown at 1280x800
(offscreen unless a display is asked for), and each screen is saved; then every screen
again at 1024x600, the smallest screen the program is made for, into ``OUTDIR/small/``;
then the main screens in French and in Arabic (right to left), into ``OUTDIR/fr/`` and
``OUTDIR/ar/``, each over a demo vault made in that language.
Nothing is read from or written to the user's settings or vaults; the temporary folder is
removed at the end.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

# Offscreen unless a display is asked for (set before Qt is imported).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QEventLoop,
    QLocale,
    QPoint,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    SignalInstance,
)
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QScrollArea,
    QSplitter,
    QToolTip,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.gui import translation
from contactkeeper.gui.app import make_application
from contactkeeper.gui.app_state import Settings
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.help import GUIDE_TAB, SHORTCUTS_TAB
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.gui.presentation import pretend_screen
from contactkeeper.gui.widgets.readiness_chart import ReadinessChart
from contactkeeper.records import actors, organizations, processes, readiness, transfers
from contactkeeper.records.network_map import actor_key
from contactkeeper.vault import Vault, keyfile

NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
SIZE = (1280, 800)
SMALL_SIZE = (1024, 600)
SMALL_DIR = "small"
# The language and the locale of the pictures' words and dates, then the other languages'
# main screens (a language with its region, so that no run depends on the machine's locale).
LOCALE = "en_GB"
LANGUAGES = {"fr": "fr_FR", "ar": "ar_EG"}
MAIN_SCREENS = frozenset(
    {
        "welcome",
        "unlock",
        "today",
        "actors",
        "actor-page",
        "processes",
        "process-page",
        "process-track-two",
        "journal",
        "follow-ups",
        "map",
        "log-dialog",
        "help-guide",
    }
)
# A throwaway vault of fictional records: cheap key derivation keeps the run short.
KDF = keyfile.FLOOR  # the weakest a real vault may have: quick to make, and accepted
PASSPHRASE = "screenshots of a fictional vault"  # noqa: S105


BRIEF_WIDTH = 1000  # the brief's page picture: A4-shaped, this many pixels wide
CHART_SIZE = QSize(1100, 440)  # the readiness chart's picture


def _north_name() -> str:
    """The demo's northern channel, named in the language the demo was made in."""
    return i18n._("Northern Verenia Ceasefire Channel")


def _party_name() -> str:
    return i18n._("Party of the North")


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _with_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window, dimmed, with ``dialog`` drawn in its middle under a plain title bar
    (offscreen, dialogs have no window frame, and a grab of the main window leaves them out).
    """
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 90))
    face = dialog.grab()
    title_height = 28
    left = (picture.width() - face.width()) // 2
    top = max(0, (picture.height() - face.height() - title_height) // 2)
    frame = QRect(left - 1, top - 1, face.width() + 2, face.height() + title_height + 2)
    painter.fillRect(frame, dialog.palette().color(QPalette.ColorRole.Mid))
    bar = QRect(left, top, face.width(), title_height)
    painter.fillRect(bar, dialog.palette().color(QPalette.ColorRole.Window).darker(115))
    painter.setPen(dialog.palette().color(QPalette.ColorRole.WindowText))
    painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, dialog.windowTitle())
    painter.drawPixmap(left, top + title_height, face)
    painter.end()
    return picture


def _wait_for(app: QApplication, done: Callable[[], bool], seconds: float = 60.0) -> None:
    """Let the event loop run until ``done()`` (work finishing off the UI thread)."""
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    _settle(app)


def _tooltip(text: str, width: int) -> QLabel:
    """A tooltip's text as a widget of its own (offscreen, a real tooltip is not grabbed)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setPalette(QToolTip.palette())
    label.setAutoFillBackground(True)
    label.setFrameShape(QFrame.Shape.Box)
    label.setMargin(6)
    label.setFixedWidth(width)
    label.adjustSize()
    return label


def _with_tooltip(picture: QPixmap, text: str, at: QPoint, width: int = 520) -> QPixmap:
    """``picture`` with ``text`` drawn at ``at`` as its tooltip shows it (the picture grows
    to hold it)."""
    face = _tooltip(text, width).grab()
    out = QPixmap(
        max(picture.width(), at.x() + face.width() + 8),
        max(picture.height(), at.y() + face.height() + 8),
    )
    out.fill(QColor("white"))
    painter = QPainter(out)
    painter.drawPixmap(0, 0, picture)
    painter.drawPixmap(at, face)
    painter.end()
    return out


def _ripeness_shots(window: MainWindow, context: AppContext, shot: Callable[..., None]) -> None:
    """Readiness per party on the chart of the northern channel (the government hardens),
    the why of its figures, and Today's Ripening panel with the why of a suggestion."""
    north = [p for p in processes.list_processes(context.vault) if p.name == _north_name()]
    if north:
        # The chart as the process page draws it, wide enough for its legend.
        ready = readiness.process_readiness(context.vault, north[0].id)
        chart = ReadinessChart()
        chart.resize(CHART_SIZE)
        chart.show_readiness(
            ready.series(NOW.date()), list(ready.cues), ready.settings.half_life_days
        )
        chart.show()
        shot("readiness-chart", chart.grab)
        why = chart.why_on(NOW.date())
        picture = chart.grab()
        at = QPoint(60, 30)  # over the first months, leaving the latest in sight
        shot("readiness-why", lambda: _with_tooltip(picture, why, at, 560))
        chart.close()
        chart.deleteLater()
    window.show_section(0)
    today = window.workspace.today
    section = today.ripening
    if section.rows:
        top = section.heading.mapTo(today.content, section.heading.rect().topLeft())
        bottom = section.table.mapTo(today.content, section.table.rect().bottomRight())
        area = QRect(top, bottom).adjusted(-4, -4, 4, 4)
        tip = str(section.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
        panel = today.content.grab(area)
        row = section.table.visualRect(section.model.index(0, 0))
        at = QPoint(60, section.table.mapTo(today.content, row.bottomLeft()).y() - area.top())
        shot("today-ripening", lambda: _with_tooltip(panel, tip, at, max(560, area.width())))


def _track_two_shots(window: MainWindow, context: AppContext, shot: Callable[..., None]) -> None:
    """The event page, the transfer log and the first page of a process brief."""
    from contactkeeper.exchange import brief
    from contactkeeper.gui.brief_pdf import first_page_image
    from contactkeeper.records import events

    window.show_section(6)
    view = window.workspace.track_two
    held = [e for e in events.list_events(context.vault) if e.starts_on <= NOW.date()]
    if held:
        view.events.reload()
        view.events.select(held[0].id)
        view.events.page.show_event(held[0].id)
    shot("event-page")
    view.setCurrentWidget(view.transfers)
    shot("transfer-log")
    view.setCurrentWidget(view.events)
    process_id = held[0].process_id if held else None
    if process_id is not None:
        composed = brief.compose(context.vault, process_id, NOW.date())
        shot("process-brief", lambda: QPixmap.fromImage(first_page_image(composed, BRIEF_WIDTH)))


def _wait(signal: SignalInstance, timeout_ms: int = 30_000) -> None:
    """Run the event loop until ``signal`` (work done off the UI thread, such as a map's
    layout) or the timeout."""
    loop = QEventLoop()
    QTimer.singleShot(timeout_ms, loop.quit)
    signal.connect(loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def _actor(context: AppContext, name: str) -> int | None:
    found = actors.list_actors(context.vault, NOW, filters=actors.ActorFilter(text=name))
    return next((a.id for a in found if a.display_name.startswith(name)), None)


def _web_shots(window: MainWindow, context: AppContext, shot: Callable[..., None]) -> None:
    """The web of channels: whom the northern channel depends on (its page, with its map),
    the conflict map of that channel with the abbot's card, the ways in to a brigade
    commander, and an organization's members over time."""
    north = next(
        (p for p in processes.list_processes(context.vault) if p.name == _north_name()),
        None,
    )
    pavel = _actor(context, "Father Pavel")
    if north is not None:
        context.open_process.emit(north.id)
        page = window.workspace.process_page
        page.tabs.setCurrentWidget(page.map)
        _wait(page.map.laid_out)
        # Wide enough to read the brokers' line whole.
        body = page.tabs.parentWidget()
        if isinstance(body, QSplitter):
            body.setSizes([460, max(body.width() - 460, 300)])
            left = body.widget(0)
            content = left.widget() if isinstance(left, QScrollArea) else None
            if isinstance(left, QScrollArea) and content is not None:
                # On a small screen the brokers are lower down: scroll to them.
                caption = page.brokers_caption.mapTo(content, QPoint(0, 0))
                left.verticalScrollBar().setValue(caption.y() - 8)
        shot("process-brokers")
        page.tabs.setCurrentIndex(0)
        window.show_section(5)
        view = window.workspace.map
        if view.operation is not None:
            _wait(view.laid_out)
        view.process_combo.setCurrentIndex(view.process_combo.findData(north.id))
        view._process_chosen()
        _wait(view.laid_out)
        item = view.items.get(actor_key(pavel)) if pavel is not None else None
        if item is not None:
            item.setSelected(True)
        shot("map")
    yusuf = _actor(context, "Yusuf Barakat")
    if yusuf is not None:
        context.open_actor.emit(yusuf)
        actor_page = window.workspace.actor_page
        actor_page.tabs.setCurrentWidget(actor_page.paths)
        shot("actor-paths")
    party = next(
        (o for o in organizations.list_organizations(context.vault) if o.name == _party_name()),
        None,
    )
    if party is not None:
        context.open_organization.emit(party.id)
        shot("organization-page")


def render(outdir: Path) -> list[Path]:
    """Make the demo vault, show each screen, save PNGs into ``outdir`` (and the same at
    the small size into ``outdir/small``); returns them."""
    previous_language = os.environ.get(i18n.ENVIRONMENT)
    os.environ[i18n.ENVIRONMENT] = LOCALE
    app = make_application([sys.argv[0]])
    previous = QLocale()
    saved: list[Path] = []
    try:
        with tempfile.TemporaryDirectory(prefix="contactkeeper-shots-") as tmp:
            saved += _render_at(app, Path(tmp) / "full", outdir, SIZE)
            saved += _render_at(app, Path(tmp) / "small", outdir / SMALL_DIR, SMALL_SIZE)
            for language, locale in LANGUAGES.items():
                os.environ[i18n.ENVIRONMENT] = locale
                translation.install(app)
                saved += _render_at(
                    app, Path(tmp) / language, outdir / language, SIZE, MAIN_SCREENS
                )
    finally:
        if previous_language is None:
            os.environ.pop(i18n.ENVIRONMENT, None)
        else:
            os.environ[i18n.ENVIRONMENT] = previous_language
        translation.install(app)
        QLocale.setDefault(previous)
        pretend_screen(None)
    return saved


def _render_at(
    app: QApplication,
    folder: Path,
    outdir: Path,
    size: tuple[int, int],
    only: frozenset[str] | None = None,
) -> list[Path]:
    """Every screen (or ``only`` those) with the window at ``size`` (dialogs sized as on a
    screen of that size), a fresh demo vault in ``folder``."""
    from contactkeeper.demo import create_demo_vault

    pretend_screen(QRect(0, 0, *size))

    outdir.mkdir(parents=True, exist_ok=True)
    folder.mkdir()
    saved: list[Path] = []
    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings = Settings(store, vault_dir=folder / "vault")
    context = AppContext(clock=lambda: NOW)
    window = MainWindow(context, settings, kdf=KDF, demo_dir=folder / "demo")
    window.resize(*size)
    window.show()
    _settle(app)

    def shot(name: str, picture: Callable[[], QPixmap] = window.grab) -> None:
        if only is not None and name not in only:
            return
        _settle(app)
        path = outdir / f"{name}.png"
        picture().save(str(path))
        saved.append(path)

    shot("welcome")
    window.start.show_create()
    create = window.start.create_page.ui
    create.locationEdit.setText("/home/you/.local/share/ContactKeeper/vault")
    create.passphraseEdit.setText(PASSPHRASE)
    create.confirmEdit.setText(PASSPHRASE[:12])
    shot("create-vault")
    vault_path = folder / "Demo vault"
    create_demo_vault(vault_path, PASSPHRASE, NOW, kdf=KDF).close()
    settings.remember_vault(vault_path)
    window.start.show_start()
    shot("unlock")

    context.open(Vault.unlock(vault_path, PASSPHRASE), demo=True)
    # Brokers, ripening and readiness moved are worked out off the UI thread.
    _wait_for(app, lambda: not window.workspace.today.insights_pending)
    shot("today")
    window.show_section(1)
    shot("actors")
    layla = actors.list_actors(context.vault, NOW, filters=actors.ActorFilter(text="layla"))
    if layla:
        context.open_actor.emit(layla[0].id)
        shot("actor-page")
    window.show_section(2)
    shot("processes")
    process = processes.list_processes(context.vault)
    if process:
        # The process with the workshop cycle: its timeline shows what began as track two.
        passed = [t.process_id for t in transfers.list_transfers(context.vault) if t.process_id]
        context.open_process.emit(passed[0] if passed else process[0].id)
        page = window.workspace.process_page
        shot("process-page")
        page.tabs.setCurrentWidget(page.track_two)
        shot("process-track-two")
        page.tabs.setCurrentIndex(0)
    window.show_section(3)
    shot("journal")
    window.show_section(4)
    shot("follow-ups")

    window.show_section(0)
    window.workspace.search.setFocus()
    window.workspace.search.setText("layla")
    window.workspace.search.search_for("layla")
    shot("search")
    window.workspace.search.reset()
    _track_two_shots(window, context, shot)
    _web_shots(window, context, shot)
    _ripeness_shots(window, context, shot)

    window.open_log_dialog([layla[0].id] if layla else [])
    dialog = window.log_dialog
    if dialog is not None:
        _settle(app)
        shot("log-dialog", lambda: _with_dialog(window, dialog))
        dialog.reject()

    help_dialog = window.show_help(GUIDE_TAB)
    shot("help-guide", lambda: _with_dialog(window, help_dialog))
    help_dialog.show_tab(SHORTCUTS_TAB)
    shot("help-shortcuts", lambda: _with_dialog(window, help_dialog))
    help_dialog.close()

    # Privacy mode, on a high-risk actor's page: codenames, the affiliation and the
    # notes hidden, and the status bar and the title saying so.
    yusuf = actors.list_actors(context.vault, NOW, filters=actors.ActorFilter(text="yusuf"))
    if yusuf:
        context.set_privacy(True)
        context.open_actor.emit(yusuf[0].id)
        shot("privacy-mode")
        context.set_privacy(False)

    window.close()
    context.lock()
    return saved


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m contactkeeper.gui.screenshots OUTDIR", file=sys.stderr)
        return 2
    # One time zone, so that every run draws the same dates and times.
    os.environ["TZ"] = "UTC"
    if hasattr(time, "tzset"):
        time.tzset()
    for path in render(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
