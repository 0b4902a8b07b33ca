"""The GUI stays responsive during backup, verify, restore and import (issue 6).

Each operation runs through its real dialog in ``contactkeeper/gui/dialogs/`` (its work
goes through ``operations.run_with_progress`` to Qt's thread pool) on a real vault with
a few hundred actors, notes and interactions, while a QTimer on the UI thread ticks every
10 ms. The test waits on the dialog's own completion signal (``operation_finished``) with
``qtbot.waitSignal``, which turns the event loop, and counts the ticks recorded between the
moment the operation started and the moment it finished. No timing thresholds: only "the
timer ticked at least a few times while the work ran", and the operation's result. So that a
fast machine cannot make the check vacuous, each operation reports back only once the UI
thread has ticked a few times after its start (a worker whose UI thread is blocked never sees
those ticks, times out, and the test fails).

The negative control runs the same dialog with the same work on the UI thread (a
synchronous stand-in for ``run_with_progress``): the timer cannot tick during it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.exchange import backup
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs import work_dialog
from contactkeeper.gui.dialogs.backup_actions import (
    BackupActions,
    BackupDialog,
    ImportDialog,
    OpenBackupDialog,
)
from contactkeeper.gui.dialogs.work_dialog import WorkDialog
from contactkeeper.records import bulk
from contactkeeper.records.bulk import NewInteraction
from contactkeeper.vault import Vault, inventory
from contactkeeper.vault.model import Actor, InteractionKind
from tests.conftest import FAST_KDF, FakeClock
from tests.gui.shell_helpers import settings_in

ACTORS = 300
INTERACTIONS = 1_500
CARDS = 300
WORK_TIMEOUT_MS = 60_000
TICK_MS = 10
# "The event loop kept turning": at least this many ticks while the work ran. Each
# operation below takes at least a few hundred milliseconds here, i.e. tens of ticks.
MIN_TICKS = 3
NEW_PASSPHRASE = "the passphrase on the new laptop"
WORDS = (
    "harbour",
    "fisheries",
    "ceasefire",
    "mediator",
    "water",
    "ministry",
    "council",
    "elders",
    "corridor",
    "detainees",
    "humanitarian",
    "trust",
    "channel",
    "border",
    "crossing",
    "talks",
    "delegation",
    "committee",
)


@pytest.fixture(autouse=True)
def _private_app_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Verification works in the app's data folder: keep it inside the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


def _text(seed: int, words: int) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(words))


def fill(vault: Vault, clock: FakeClock) -> None:
    """A few hundred actors with notes, and interactions with summaries, through the bulk
    paths the services own (search index and contact summaries kept right)."""
    with vault.transaction() as session:
        ids = bulk.insert(
            session,
            Actor,
            [
                {
                    "display_name": f"Actor {n:04d} {WORDS[n % len(WORDS)].title()}",
                    "codename": f"CODE {n:04d}",
                    "notes": _text(n, 150),
                }
                for n in range(ACTORS)
            ],
        )
        bulk.add_interactions(
            session,
            [
                NewInteraction(
                    clock() - timedelta(hours=n),
                    InteractionKind.MEETING,
                    [ids[n % ACTORS], ids[(n * 13 + 1) % ACTORS]],
                    summary=_text(n, 40),
                )
                for n in range(INTERACTIONS)
            ],
        )


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, str]:
    """An age identity file and its public key: backups to keys skip the passphrase's
    deliberately slow scrypt, which is not what is measured here."""
    identity, recipient = backup.new_identity()
    path = tmp_path / "org-key.txt"
    path.write_text(f"# public key: {recipient}\n{identity}\n", encoding="utf-8")
    return path, recipient


@pytest.fixture
def actions(qtbot: QtBot, context: AppContext, tmp_path: Path, clock: FakeClock) -> BackupActions:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    fill(context.vault, clock)
    return BackupActions(context, window, settings=settings_in(tmp_path), kdf=FAST_KDF)


class Ticks:
    """A QTimer on the UI thread, ticking every 10 ms; ``during`` counts the ticks between
    the operation's start and its ``operation_finished``."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.started_at: int | None = None
        self.finished_at: int | None = None
        self.enough = threading.Event()  # set once MIN_TICKS ticked since start()

    def _tick(self) -> None:
        self.count += 1
        if self.started_at is not None and self.count - self.started_at >= MIN_TICKS:
            self.enough.set()

    def start(self) -> None:
        self.enough.clear()
        self.started_at, self.finished_at = self.count, None

    def finish(self) -> None:
        self.finished_at = self.count

    @property
    def during(self) -> int:
        assert self.started_at is not None
        assert self.finished_at is not None
        return self.finished_at - self.started_at

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def ticks() -> Iterator[Ticks]:
    made = Ticks()
    yield made
    made.stop()


def run_ticking(qtbot: QtBot, ticks: Ticks, dialog: WorkDialog, button: QAbstractButton) -> int:
    """Click ``button`` (which starts the dialog's background work) and wait on the dialog's
    real completion signal; the ticks counted while the work ran."""
    dialog.operation_finished.connect(ticks.finish)
    try:
        with qtbot.waitSignal(dialog.operation_finished, timeout=WORK_TIMEOUT_MS):
            ticks.start()
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            assert dialog.running or ticks.finished_at is not None
    finally:
        dialog.operation_finished.disconnect(ticks.finish)
    return ticks.during


def start_backup(actions: BackupActions, folder: Path, recipient: str) -> BackupDialog:
    actions.back_up_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, BackupDialog)
    dialog.ui.folderEdit.setText(str(folder))
    dialog.ui.keysRadio.setChecked(True)
    dialog.ui.recipientsEdit.setPlainText(recipient + "\n")
    assert dialog.ui.startButton.isEnabled()
    return dialog


def open_backup(
    actions: BackupActions, path: Path, identity: Path, *, restore: bool
) -> OpenBackupDialog:
    (actions.restore_action if restore else actions.verify_action).trigger()
    dialog = actions.dialog
    assert isinstance(dialog, OpenBackupDialog)
    dialog.ui.fileEdit.setText(str(path))
    dialog.ui.identityRadio.setChecked(True)
    dialog.ui.identityEdit.setText(str(identity))
    assert dialog.ui.verifyButton.isEnabled()
    return dialog


def address_book(path: Path) -> Path:
    cards = [
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"FN:Imported {n:04d} {WORDS[n % len(WORDS)].title()}\r\n"
        f"ORG:{WORDS[(n * 5) % len(WORDS)].title()} Committee\r\n"
        f"EMAIL:person{n}@example.org\r\n"
        f"NOTE:{_text(n, 30)}\r\n"
        "END:VCARD\r\n"
        for n in range(CARDS)
    ]
    path.write_text("".join(cards), encoding="utf-8")
    return path


def _reporting_after_ticks(ticks: Ticks) -> Callable[..., Any]:
    """The real ``run_with_progress``, whose work reports back only once the UI thread has
    ticked MIN_TICKS times since the operation started (or after 5 s if it never does)."""
    real = work_dialog.run_with_progress

    def run(
        parent: object,
        work: Callable[[Callable[[int, int], None]], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        on_progress: Callable[[int, int], None],
        on_stage: Callable[[str], None] | None = None,
    ) -> Any:
        def work_then_wait(progress: Callable[[int, int], None]) -> Any:
            try:
                return work(progress)
            finally:
                ticks.enough.wait(timeout=5)

        return real(parent, work_then_wait, on_done, on_error, on_progress, on_stage)

    return run


def test_the_event_loop_keeps_turning_during_backup_verify_restore_and_import(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    actions: BackupActions,
    context: AppContext,
    ticks: Ticks,
    tmp_path: Path,
    clock: FakeClock,
    keys: tuple[Path, str],
) -> None:
    monkeypatch.setattr(work_dialog, "run_with_progress", _reporting_after_ticks(ticks))
    during: dict[str, int] = {}
    folder = tmp_path / "stick"
    folder.mkdir()

    # Back up (export, encrypt, write, read back and verify).
    dialog = start_backup(actions, folder, keys[1])
    during["backup"] = run_ticking(qtbot, ticks, dialog, dialog.ui.startButton)
    assert dialog.report is not None, dialog.ui.messageLabel.text()
    written = Path(dialog.report.path)
    assert written == folder / backup.default_name(clock())
    assert written.is_file()
    assert dialog.report.counts["actors"] == ACTORS
    assert dialog.report.counts["interactions"] == INTERACTIONS
    dialog.close()

    # Verify (decrypt, manifest, both integrity checks).
    verify = open_backup(actions, written, keys[0], restore=False)
    during["verify"] = run_ticking(qtbot, ticks, verify, verify.ui.verifyButton)
    assert verify.report is not None, verify.ui.messageLabel.text()
    assert "complete and authentic" in verify.ui.summaryLabel.text()
    assert verify.report.counts["actors"] == ACTORS
    verify.close()

    # Import an address book: the preview (parse, look for duplicates), then the import.
    book = address_book(tmp_path / "contacts.vcf")
    importer_action = actions.import_action
    importer_action.trigger()
    importer = actions.dialog
    assert isinstance(importer, ImportDialog)
    importer.ui.fileEdit.setText(str(book))
    during["import preview"] = run_ticking(qtbot, ticks, importer, importer.ui.previewButton)
    assert importer.plan is not None, importer.ui.messageLabel.text()
    assert len(importer.plan.creates) == CARDS
    assert not importer.plan.invalid
    during["import"] = run_ticking(qtbot, ticks, importer, importer.ui.importButton)
    assert importer.created is not None, importer.ui.messageLabel.text()
    assert len(importer.created) == CARDS
    assert inventory.counts(context.vault)["actors"] == ACTORS + CARDS
    importer.close()

    # Restore the backup (made before the import) over the open vault.
    vault_path = Path(context.vault.path).absolute()
    restore = open_backup(actions, written, keys[0], restore=True)
    run_ticking(qtbot, ticks, restore, restore.ui.verifyButton)
    assert restore.report is not None, restore.ui.messageLabel.text()
    restore.ui.newPassphraseEdit.setText(NEW_PASSPHRASE)
    restore.ui.newConfirmEdit.setText(NEW_PASSPHRASE)
    restore.ui.replaceAnywayCheck.setChecked(True)  # actors were imported after the backup
    during["restore"] = run_ticking(qtbot, ticks, restore, restore.ui.restoreButton)
    assert restore.restored_to == vault_path, restore.ui.messageLabel.text()
    assert "Restored" in restore.ui.summaryLabel.text()
    with Vault.unlock(vault_path, NEW_PASSPHRASE) as back:
        counts = inventory.counts(back)
    assert counts["actors"] == ACTORS  # the backup's records, not the imported ones
    assert counts["interactions"] == INTERACTIONS

    print(f"ticks while each operation ran: {during}")
    slow = {name: n for name, n in during.items() if n < MIN_TICKS}
    assert not slow, f"the UI thread's timer barely ticked during {slow} (all: {during})"


class _InlineProgress:
    """What the work is handed (``operations.Progress``), reporting straight back."""

    def __init__(self, on_progress: Callable[[int, int], None]) -> None:
        self.on_progress = on_progress

    def __call__(self, done: int, total: int) -> None:
        self.on_progress(done, total)

    def stage(self, name: str) -> None:
        pass

    def cancelled(self) -> bool:
        return False


def _inline(
    parent: object,
    work: Callable[[Callable[[int, int], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    on_progress: Callable[[int, int], None],
    on_stage: Callable[[str], None] | None = None,
) -> None:
    """``run_with_progress`` done wrong: the work on the calling (UI) thread."""
    try:
        result = work(_InlineProgress(on_progress))
    except Exception as exc:
        on_error(exc)
    else:
        on_done(result)


def test_control_the_same_backup_on_the_ui_thread_stops_the_timer(
    qtbot: QtBot,
    actions: BackupActions,
    ticks: Ticks,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    keys: tuple[Path, str],
) -> None:
    """Without the thread pool, the same dialog and work freeze the event loop: no tick."""
    monkeypatch.setattr(work_dialog, "run_with_progress", _inline)
    folder = tmp_path / "stick"
    folder.mkdir()
    dialog = start_backup(actions, folder, keys[1])
    during = run_ticking(qtbot, ticks, dialog, dialog.ui.startButton)
    assert dialog.report is not None, dialog.ui.messageLabel.text()
    assert Path(dialog.report.path).is_file()
    assert dialog.report.counts["actors"] == ACTORS
    assert during == 0
    # The timer itself was alive: it ticks again once the event loop turns.
    with qtbot.waitSignal(ticks.timer.timeout, timeout=1_000):
        pass
