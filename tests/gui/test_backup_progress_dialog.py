"""File > Back up now says which step it is on, and its Cancel button stops the backup at
any step, leaving no file behind and the earlier backups as they were.

The backup runs off the UI thread for real; to look at the dialog in the middle of a step,
the test holds the worker at that step's start (an event it releases), clicks as the user
would, and lets it go on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.exchange import backup
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.backup_actions import BackupActions, BackupDialog
from contactkeeper.records import actors
from contactkeeper.vault import inventory
from tests.conftest import FAST_KDF, FakeClock
from tests.gui.shell_helpers import settings_in

WORK_TIMEOUT_MS = 60_000


@pytest.fixture(autouse=True)
def _private_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


class Held:
    """Holds the backup's worker at the start of ``stage`` until released."""

    def __init__(self, stage: str) -> None:
        self.stage = stage
        self.reached = threading.Event()
        self.release = threading.Event()

    def wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def create(*args: Any, stages: Callable[[str, float], None], **kwargs: Any) -> Any:
            def hook(name: str, fraction: float) -> None:
                stages(name, fraction)  # the dialog hears of the step first
                if name == self.stage and not self.reached.is_set():
                    self.reached.set()
                    self.release.wait(WORK_TIMEOUT_MS / 1000)

            return real(*args, stages=hook, **kwargs)

        return create


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext, tmp_path: Path, clock: FakeClock) -> BackupDialog:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    actors.create_actor(context.vault, actors.NewActor("Layla Haddad"), now=context.now())
    actions = BackupActions(context, window, settings=settings_in(tmp_path), kdf=FAST_KDF)
    actions.back_up_action.trigger()
    made = actions.dialog
    assert isinstance(made, BackupDialog)
    qtbot.waitExposed(made)
    stick = tmp_path / "stick"
    stick.mkdir()
    _, recipient = backup.new_identity()
    earlier = stick / "backup-earlier.age"
    backup.create_backup(context.vault, earlier, recipients=[recipient], now=clock)
    made.ui.folderEdit.setText(str(stick))
    made.ui.keysRadio.setChecked(True)
    made.ui.recipientsEdit.setPlainText(recipient)
    return made


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("stage", backup.BACKUP_STAGES)
def test_cancel_stops_the_backup_at_any_step_and_leaves_nothing(
    qtbot: QtBot,
    dialog: BackupDialog,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    stage: str,
) -> None:
    ui = dialog.ui
    stick = Path(ui.folderEdit.text())
    before = _files(stick)
    last_backup = inventory.last_backup_at(context.vault)
    held = Held(stage)
    monkeypatch.setattr(backup, "create_backup", held.wrap(backup.create_backup))
    assert not ui.cancelButton.isVisible()  # nothing to cancel yet

    qtbot.mouseClick(ui.startButton, Qt.MouseButton.LeftButton)
    assert held.reached.wait(WORK_TIMEOUT_MS / 1000)
    step = backup.BACKUP_STAGES.index(stage) + 1
    shown = f"Step {step} of 6: {backup.STAGE_LABELS[stage]}…"
    qtbot.waitUntil(lambda: ui.stageLabel.text() == shown, timeout=WORK_TIMEOUT_MS)
    assert ui.stageLabel.isVisible()
    assert ui.progressBar.isVisible()
    assert ui.cancelButton.isVisible()
    assert ui.cancelButton.isEnabled()
    assert not ui.closeButton.isEnabled()

    qtbot.mouseClick(ui.cancelButton, Qt.MouseButton.LeftButton)
    assert not ui.cancelButton.isEnabled()
    assert ui.cancelButton.text() == "Cancelling…"
    assert ui.stageLabel.text().startswith("Cancelling: stopping once this step ends.")
    with qtbot.waitSignal(dialog.operation_finished, timeout=WORK_TIMEOUT_MS):
        held.release.set()

    assert ui.stageLabel.text() == (
        "The backup was cancelled. No backup file was written, and earlier backups are untouched."
    )
    assert ui.messageLabel.text() == ""  # not an error: what the user asked for
    assert not ui.resultLabel.isVisible()
    assert not ui.cancelButton.isVisible()
    assert not ui.progressBar.isVisible()
    assert ui.closeButton.isEnabled()
    assert ui.startButton.isEnabled()  # and it can be tried again at once
    assert _files(stick) == before  # no new file, no .partial, the earlier one unchanged
    copies = [p for p in context.vault.path.parent.iterdir() if p.name.startswith(".contactkeeper")]
    assert copies == []
    assert inventory.last_backup_at(context.vault) == last_backup


def test_without_cancel_every_step_is_named_and_the_backup_is_made(
    qtbot: QtBot, dialog: BackupDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    ui = dialog.ui
    seen: list[str] = []
    real_stage_began = dialog._stage_began

    def spy(name: str) -> None:
        real_stage_began(name)
        seen.append(ui.stageLabel.text())

    monkeypatch.setattr(dialog, "_stage_began", spy)
    with qtbot.waitSignal(dialog.operation_finished, timeout=WORK_TIMEOUT_MS):
        qtbot.mouseClick(ui.startButton, Qt.MouseButton.LeftButton)
    assert [text for text in seen if text.startswith("Step")] == [
        f"Step {i} of 6: {backup.STAGE_LABELS[name]}…"
        for i, name in enumerate(backup.BACKUP_STAGES, start=1)
    ]
    assert "verified" in ui.resultLabel.text()
    assert not ui.cancelButton.isVisible()
    assert not ui.stageLabel.isVisible()
