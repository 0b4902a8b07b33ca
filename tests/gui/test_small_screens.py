"""Every window and dialog fits a 1024x600 screen (a small laptop, a netbook, a projector):
its size, the least it can be shrunk to, and its buttons are all on screen, and no
explanation is cut off.

Offscreen Qt has one screen of its own size (800x800), so the program is told that its
screen's free area is 1024x600, and every window is checked against it: the main window is
resized to it, every dialog is opened as the program opens it and then shrunk as far as it
goes, as a window manager would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLabel,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contactkeeper.gui import main_window, presentation
from contactkeeper.gui.app_state import Settings
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs import records
from contactkeeper.gui.dialogs.about import AboutDialog
from contactkeeper.gui.dialogs.affiliations import AffiliationEditDialog, MemberDialog
from contactkeeper.gui.dialogs.backup_actions import (
    BackupDialog,
    ExportDialog,
    ImportDialog,
    OpenBackupDialog,
)
from contactkeeper.gui.dialogs.cue_catalogue import CueCatalogueDialog, NewCueKindDialog
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.merge import ChooseOtherDialog, MergeDialog
from contactkeeper.gui.dialogs.readiness_settings import ReadinessSettingsDialog
from contactkeeper.gui.dialogs.reveal import RevealDialog
from contactkeeper.gui.dialogs.settings import SettingsDialog
from contactkeeper.gui.dialogs.trash import TrashDialog
from contactkeeper.gui.dialogs.ways_in import WaysInDialog
from contactkeeper.gui.main_window import MainWindow, fit_to_screen
from contactkeeper.gui.views.actors import NewActorDialog
from contactkeeper.records import actors, interactions, merge, organizations, processes
from contactkeeper.records.actors import ActorFilter, AffiliationInfo
from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import make_window, settings_in
from tests.helpers.keyrings import MemoryKeyring

SCREEN = QRect(0, 0, 1024, 600)
# A window's title bar and frame, which the window manager adds around it.
TITLE_BAR = 32
ROOM = QSize(SCREEN.width(), SCREEN.height() - TITLE_BAR)

Opened = tuple[MainWindow, AppContext, Settings]


@pytest.fixture(autouse=True)
def small_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen every window opens on is 1024x600."""
    monkeypatch.setattr(presentation, "available_area", lambda widget: SCREEN)
    monkeypatch.setattr(main_window, "available_area", lambda widget: SCREEN)


@pytest.fixture
def opened(qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_vault: Vault) -> Opened:
    window, context, settings = make_window(qtbot, tmp_path, clock)
    context.open(demo_vault)
    return window, context, settings


def _fits(size: QSize, room: QSize = ROOM) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _off_screen_buttons(top: QWidget) -> list[str]:
    """The visible buttons of ``top`` (outside scroll areas) that lie outside it."""
    area = top.rect()
    lost = []
    for button in top.findChildren(QAbstractButton):
        if not button.isVisible() or _in_scroll_area(button, top):
            continue
        where = QRect(button.mapTo(top, button.rect().topLeft()), button.size())
        if not area.contains(where):
            lost.append(button.text() or button.accessibleName() or button.objectName())
    return lost


def _cut_off_labels(top: QWidget) -> list[str]:
    """Word-wrapped explanations shorter than their text needs (in a scroll area too: it
    scrolls, but shows each explanation whole)."""
    cut = []
    for label in top.findChildren(QLabel):
        if not (label.isVisible() and label.wordWrap() and label.text()):
            continue
        if label.height() < label.heightForWidth(label.width()):
            cut.append(label.text()[:50])
    return cut


# -- the main window ---------------------------------------------------------------------


def test_the_first_window_is_fitted_to_a_small_screen() -> None:
    assert fit_to_screen(QSize(1180, 760), SCREEN).size() == QSize(1024, 600)
    inside = fit_to_screen(QSize(800, 500), SCREEN)
    assert SCREEN.contains(inside)
    assert inside.size() == QSize(800, 500)
    # A screen that does not start at 0, 0 (a second monitor, a panel on the left).
    beside = QRect(1920, 40, 1024, 560)
    assert beside.contains(fit_to_screen(QSize(1180, 760), beside))


def test_the_main_window_opens_within_a_small_screen(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    window = MainWindow(
        AppContext(clock=clock), settings_in(tmp_path), kdf=FAST_KDF, demo_dir=tmp_path
    )
    qtbot.addWidget(window)
    assert SCREEN.contains(window.geometry())


def test_a_window_remembered_on_a_large_screen_opens_on_a_small_one(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    settings = settings_in(tmp_path)

    def window() -> MainWindow:
        made = MainWindow(AppContext(clock=clock), settings, kdf=FAST_KDF, demo_dir=tmp_path)
        qtbot.addWidget(made)
        return made

    first = window()
    first.show()
    first.setGeometry(3000, 2000, 1600, 1000)  # on a large second screen, since unplugged
    first.close()
    again = window()
    assert SCREEN.contains(again.geometry())


def _main_pages(window: MainWindow, context: AppContext) -> Iterator[str]:
    """Show each page of the main window in turn; yields its name."""
    for row, name in enumerate(("today", "actors", "processes", "journal", "follow-ups")):
        window.show_section(row)
        yield name
    now = context.now()
    layla = actors.list_actors(context.vault, now, filters=ActorFilter(text="layla"))[0]
    context.open_actor.emit(layla.id)
    page = window.workspace.actor_page
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        yield f"actor page, tab {page.tabs.tabText(tab)}"
    context.open_process.emit(processes.list_processes(context.vault)[0].id)
    yield "process page"
    context.open_organization.emit(_organization(context))
    organization = window.workspace.organization_page
    for tab in range(organization.tabs.count()):
        organization.tabs.setCurrentIndex(tab)
        yield f"organization page, tab {organization.tabs.tabText(tab)}"


def _organization(context: AppContext) -> int:
    """The demo's organization with the most members."""
    on = context.now().date()
    return max(
        (o.id for o in organizations.list_organizations(context.vault)),
        key=lambda o: len(organizations.organization_overview(context.vault, o, on).members),
    )


def _affiliation(context: AppContext) -> AffiliationInfo:
    now = context.now()
    layla = actors.list_actors(context.vault, now, filters=ActorFilter(text="layla"))[0].id
    return actors.get_actor(context.vault, layla, now).affiliations[0]


def test_every_page_of_the_main_window_fits_1024_by_600(qtbot: QtBot, opened: Opened) -> None:
    window, context, _ = opened
    window.resize(ROOM)
    assert _fits(window.minimumSizeHint()), window.minimumSizeHint()
    for name in _main_pages(window, context):
        qtbot.wait(10)
        assert _fits(window.size()), (name, window.size())
        assert _off_screen_buttons(window) == [], name


def test_the_start_screens_fit_1024_by_600(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> None:
    window, _, settings = make_window(qtbot, tmp_path, clock)
    window.resize(ROOM)
    for show in (window.start.show_welcome, window.start.show_create):
        show()
        qtbot.wait(10)
        assert _fits(window.size())
        assert _off_screen_buttons(window) == []
        assert _cut_off_labels(window) == []
    folder = tmp_path / "a vault kept in a folder with a long name, deep down" / "vault"
    Vault.create(folder, PASSPHRASE, kdf=FAST_KDF).close()
    settings.remember_vault(folder)
    window.start.show_start()
    qtbot.wait(10)
    assert _fits(window.size())
    assert _off_screen_buttons(window) == []


# -- every dialog ------------------------------------------------------------------------


def _ids(context: AppContext) -> tuple[int, int, int]:
    now = context.now()
    actor = actors.list_actors(context.vault, now, filters=ActorFilter(text="layla"))[0].id
    process = processes.list_processes(context.vault)[0].id
    interaction = interactions.journal(context.vault, interactions.JournalFilter(), limit=1)[0].id
    return actor, process, interaction


Maker = Callable[[MainWindow, AppContext, Settings], QDialog]


def _settings_after_remembering(w: MainWindow, c: AppContext, s: Settings) -> QDialog:
    dialog = SettingsDialog(c, s, w, backend=MemoryKeyring())
    dialog.remember()  # says what it did, below the settings
    return dialog


def _settings_destroy_page(window: MainWindow, context: AppContext, s: Settings) -> QDialog:
    dialog = SettingsDialog(context, s, window)
    dialog.ask_destroy()
    return dialog


def _merge(window: MainWindow, context: AppContext, s: Settings) -> QDialog:
    """Two actors of the demo that differ in many fields, side by side."""
    layla = _ids(context)[0]
    others = actors.list_actors(context.vault, context.now())
    other = next(a.id for a in others if a.id != layla)
    return MergeDialog(context, merge.preview(context.vault, layla, other), window)


DIALOGS: dict[str, Maker] = {
    "log a contact": lambda w, c, s: LogDialog(c, w, [_ids(c)[0]]),
    "edit a contact": lambda w, c, s: LogDialog.edit(c, _ids(c)[2], w),
    "new actor": lambda w, c, s: NewActorDialog(c, w),
    "channel": lambda w, c, s: records.ChannelDialog(c, _ids(c)[0], w),
    "relationship": lambda w, c, s: records.RelationshipDialog(c, _ids(c)[0], w),
    "affiliation": lambda w, c, s: records.AffiliationDialog(c, _ids(c)[0], w),
    "participant": lambda w, c, s: records.ParticipantDialog(c, _ids(c)[1], w),
    "readiness cue": lambda w, c, s: records.CueDialog(c, _ids(c)[1], w),
    "readiness settings": lambda w, c, s: ReadinessSettingsDialog(c, w),
    "cue catalogue": lambda w, c, s: CueCatalogueDialog(c, w),
    "add a kind of cue": lambda w, c, s: NewCueKindDialog(c, "way-out", w),
    "follow-up": lambda w, c, s: records.FollowUpDialog(c, _ids(c)[0], w),
    "member": lambda w, c, s: MemberDialog(c, _organization(c), w),
    "edit an affiliation": lambda w, c, s: AffiliationEditDialog(c, _affiliation(c), "", w),
    "ways in": lambda w, c, s: WaysInDialog(c, w),
    "merge two actors": _merge,
    "merge with another actor": lambda w, c, s: ChooseOtherDialog(c, _ids(c)[0], "Layla", w),
    "settings": lambda w, c, s: SettingsDialog(c, s, w),
    "settings, remembered": _settings_after_remembering,
    "settings, destroy": _settings_destroy_page,
    "trash": lambda w, c, s: TrashDialog(c, w),
    "about": lambda w, c, s: AboutDialog(w),
    "reveal a name": lambda w, c, s: RevealDialog(c, _ids(c)[0], "AMBER WREN", w),
    "back up": lambda w, c, s: BackupDialog(c, s, w),
    "verify a backup": lambda w, c, s: OpenBackupDialog(c, w),
    "restore a backup": lambda w, c, s: OpenBackupDialog(c, w, restore=True),
    "import": lambda w, c, s: ImportDialog(c, w),
    "export": lambda w, c, s: ExportDialog(c, w),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_fits_1024_by_600_with_its_buttons_on_screen(
    qtbot: QtBot, opened: Opened, name: str
) -> None:
    window, context, settings = opened
    window.resize(ROOM)
    dialog = DIALOGS[name](window, context, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # As opened.
    assert _fits(dialog.size()), dialog.size()
    _check_on_screen(qtbot, dialog)
    # As narrow as it goes, and as tall as its wrapped text then needs.
    least = _narrowest(dialog)
    assert _fits(least), least
    dialog.resize(least)
    _check_on_screen(qtbot, dialog)


def _narrowest(dialog: QDialog) -> QSize:
    least = dialog.minimumSizeHint()
    if dialog.hasHeightForWidth():
        least.setHeight(max(least.height(), dialog.heightForWidth(least.width())))
    return least


def _check_on_screen(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.wait(10)
    # Layouts settle through posted events: on a busy machine (parallel test workers) a
    # label may get its height a few turns of the event loop after a resize.
    for _ in range(200):
        if not _cut_off_labels(dialog):
            break
        qtbot.wait(10)
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
    assert buttons, "no Save, Close or Cancel in sight"
    assert _off_screen_buttons(dialog) == []
    assert _cut_off_labels(dialog) == []
