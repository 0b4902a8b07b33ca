"""Starting the desktop application: ``contactkeeper`` with no arguments, or ``make run``."""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from contactkeeper import APP_NAME, __version__
from contactkeeper.gui.app_state import ORGANIZATION, Settings
from contactkeeper.gui.autolock import AutoLock, autolock_minutes
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.gui.panic import install_panic
from contactkeeper.gui.translation import install as install_translations
from contactkeeper.vault import load_database_layer
from contactkeeper.vault.hardening import disable_core_dumps
from contactkeeper.vault.resources import ui_dir


def style_sheet() -> str:
    """The application's small style sheet (ui/style.qss), or nothing if it is missing."""
    try:
        return (ui_dir() / "style.qss").read_text(encoding="utf-8")
    except OSError:
        return ""


def make_application(argv: list[str]) -> QApplication:
    """The QApplication, with the names QSettings uses and the look of the system."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Qt 6 scales for high DPI by itself; let fractional scales (150 %) stay crisp.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.contactkeeper.ContactKeeper")  # packaging/*.desktop
    # No palette is set: Qt follows the system's light or dark scheme. The style sheet only
    # uses palette roles, so it reads well in both.
    # The chosen language (Settings, else the system's): before any window is made.
    install_translations(app)
    app.setStyleSheet(style_sheet())
    with contextlib.suppress(FileNotFoundError):  # without its ui folder: Qt's default icon
        app.setWindowIcon(QIcon(str(ui_dir() / "icons" / "contactkeeper.svg")))
    return app


def main(argv: list[str] | None = None) -> int:
    """Run the desktop application until its window closes; returns the exit status."""
    disable_core_dumps()  # before anything can ask for a passphrase (cli.main did too)
    app = make_application(list(sys.argv if argv is None else [sys.argv[0], *argv]))
    context = AppContext()
    window = open_first_window(context)
    window.start.unlock_with_remembered_key()  # "Remember on this device": no passphrase
    status = app.exec()
    context.lock()
    return int(status)


def open_first_window(context: AppContext) -> MainWindow:
    """Show the window on its start screen (the vaults, the passphrase), guarded; what an
    open vault shows is made just after it appears, while the passphrase is typed."""
    settings = Settings()
    window = MainWindow(context, settings)
    protect(window, context, settings)
    window.show()
    # What the start made (Qt's bindings, the window) lives as long as the program: kept
    # out of the garbage collector's full passes, which would otherwise scan it each time
    # (a pause of about 100 ms in the middle of a click).
    gc.freeze()
    share_the_interpreter()
    AfterFirstPaint(window, lambda: _make_workspace(window, context))
    return window


# How long a thread may keep the interpreter while another waits for it (Python's default
# is 5 ms). The UI thread gives the interpreter up at every step of a query and takes it
# back at every call into the program from Qt; while a background thread works out Today's
# insights, each taking back could wait 5 ms, and a page of a list took 100 to 400 ms.
SWITCH_INTERVAL_S = 0.0005
# Objects allocated before the garbage collector looks at the youngest (Python's default is
# 700). Background work that builds a large structure (the web of channels: a first
# reckoning allocates millions of objects) set off five or six full collections of 20 to 70
# ms each, and every collection stops every thread, the UI thread too; with this, none
# during it, and each young collection stays near 10 ms.
YOUNGEST_GENERATION = 10_000


def share_the_interpreter() -> None:
    """Let the UI thread keep its turn while background work runs (see the two values
    above): for the desktop's process, once its first window is up."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    _youngest, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNGEST_GENERATION, middle, oldest)


class AfterFirstPaint(QObject):
    """Call ``then`` once, in the event loop's turn after ``window`` is first painted (a
    timer started before that would run first, and keep the window from showing)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._then)
        return False


def _make_workspace(window: MainWindow, context: AppContext) -> None:
    """The views (and the record services they load) and the database layer an unlock
    needs, made once the first window has been painted; then kept out of the full passes
    too, unless a vault opened first (so that no record's text is ever among what is
    kept)."""
    window.prepare_workspace()
    load_database_layer()
    # The keyring, which the offer to remember the vault asks about on the first unlock.
    from contactkeeper.gui.dialogs import settings

    del settings  # imported: that is all
    if not context.unlocked:
        gc.freeze()


def protect(window: MainWindow, context: AppContext, settings: Settings) -> None:
    """What guards the running application, made once: auto-lock after the idle time set
    in Settings (and when the desktop locks or sleeps), the panic key in the File menu, and
    the one-time offer to remember the vault on this device after an unlock."""
    window.autolock = AutoLock(context, autolock_minutes(settings.store) or None, parent=window)
    panic = install_panic(window, context)
    window.file_menu.insertAction(window.lock_action, panic)

    def offer() -> None:
        from contactkeeper.gui.dialogs.settings import offer_remember_soon  # the keyring

        offer_remember_soon(window, context, settings)  # asks the keyring off the UI thread

    context.vault_opened.connect(offer)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
