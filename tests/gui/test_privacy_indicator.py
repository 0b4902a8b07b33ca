"""Privacy mode says it is on: in the status bar and in the window title, as DEMO does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.main_window import PRIVACY_INDICATOR
from contactkeeper.records import actors
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window


def test_the_status_bar_and_the_title_say_when_privacy_mode_is_on(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, vault: Vault
) -> None:
    window, context, settings = make_window(qtbot, tmp_path, clock)
    actors.create_actor(vault, NewActor("Layla Haddad"), clock())
    context.open(vault)
    indicator = window.privacy_indicator
    assert not indicator.isVisible()
    assert window.windowTitle() == "ContactKeeper"

    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert context.privacy
    assert indicator.isVisible()
    assert indicator.text() == PRIVACY_INDICATOR
    assert window.statusBar().isVisible()
    assert indicator.parentWidget() is window.statusBar()
    assert window.windowTitle() == "privacy mode — ContactKeeper"
    # A passing message in the status bar does not push it away.
    context.status.emit("Backup written and verified.")
    assert indicator.isVisible()

    # Locked, it still says so: the next unlock shows codenames.
    context.lock()
    assert indicator.isVisible()
    assert window.windowTitle() == "privacy mode — ContactKeeper"

    # The next start begins in privacy mode, and says so from the first moment.
    window.close()
    again, _, _ = make_window(qtbot, tmp_path, clock, settings)
    assert again.privacy_indicator.isVisible()
    assert again.windowTitle() == "privacy mode — ContactKeeper"
    again.privacy_action.trigger()
    assert not again.privacy_indicator.isVisible()
    assert again.windowTitle() == "ContactKeeper"


def test_demo_and_privacy_mode_both_show_in_the_title(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, vault: Vault
) -> None:
    window, context, _ = make_window(qtbot, tmp_path, clock)
    context.open(vault, demo=True)
    window.privacy_action.trigger()
    assert window.windowTitle() == "DEMO — privacy mode — ContactKeeper"
    assert window.workspace.demo_banner.isVisible()
    assert window.privacy_indicator.isVisible()
