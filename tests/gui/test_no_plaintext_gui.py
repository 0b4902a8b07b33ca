"""Promises 1, 2 and 21 through the desktop application: after a whole session in the real
main window, no text of any record is in any file the process could write.

HOME, every XDG folder, TMPDIR (and TMP, TEMP, SQLITE_TMPDIR, Python's cached temporary
folder) and QSettings' user folder are pointed into the test's folder before the window is
made, and the window uses the application's own defaults from there: the settings file
``$XDG_CONFIG_HOME/ContactKeeper/ContactKeeper.conf`` and the vault folder
``$XDG_DATA_HOME/ContactKeeper/vault``. Python's logging (SQLAlchemy's statements included)
goes to a file in ``$XDG_STATE_HOME``.

Random canary strings (tests/helpers/canary.py) go into every kind of text the session
handles: a vault created on the start screen; an actor made in the New actor dialog; four
hundred actors made through the services (so that sorting the Actors view is a real sort in
the database); an actor edited in the profile form and the notes tab; a contact logged in the
log dialog; a search typed into the search field (one that finds, one that never matches);
an actor deleted, brought back with Ctrl+Z and deleted again; a backup made through File >
Back up now; rows written in a transaction that is still open when the write-ahead log is
copied (with SQLite's page cache made tiny so that the open transaction's pages do spill
into the log). The Actors view is sorted by each column, both ways. From the first record to
the lock (the sorts and the backup's work off the UI thread included), a progress handler on
every pooled connection reads this process's open deleted files (``/proc/self/fd``), where
SQLite's temporary files would be. (The list asks for one page at a time, a top-N sort far
below SQLite's spill threshold: measured, even with ``temp_store = FILE`` this session opens
no temporary file, so here the watch is a tripwire; tests/integration/test_temp_files.py
shows with its negative control that the same watch catches a spill.)
Then the vault is locked and the window closed
(which writes the settings), and every byte of every file under the test's folder, and what
the process printed, is searched for every canary (UTF-8 and UTF-16-LE, as typed,
lower-cased and by its random tail). The positive controls prove the same scan does find a
canary written in clear, in a named file and in an unlinked open one.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from contactkeeper import APP_NAME
from contactkeeper.exchange import backup
from contactkeeper.gui.app_state import ORGANIZATION, Settings
from contactkeeper.gui.dialogs.backup_actions import BackupDialog
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.records import actors, interactions
from contactkeeper.records.actors import NewActor
from tests.conftest import PASSPHRASE, FakeClock
from tests.gui.shell_helpers import OPEN_TIMEOUT_MS, make_window
from tests.helpers.canary import (
    canaries_in_deleted_files,
    files_under,
    found_in,
    new_canary,
)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads the open files in /proc/self/fd"
)

WORK_TIMEOUT_MS = 60_000
BULK_ACTORS = 400
# The progress handler reads the open deleted files every this many SQLite VM steps.
WATCH_EVERY = 5000
CTRL = Qt.KeyboardModifier.ControlModifier
FOLDERS = (
    "HOME",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
    "XDG_RUNTIME_DIR",
    "TMPDIR",
)


@dataclass(frozen=True)
class Canaries:
    created_name: str  # typed into the New actor dialog
    created_notes: str
    bulk_name: str  # in the names of the four hundred actors
    bulk_notes: str
    bulk_tag: str
    target_name: str  # the actor edited, searched and logged with
    target_variant: str
    edited_country: str  # typed into the profile form
    edited_notes: str  # typed into the notes tab
    summary: str  # typed into the log dialog
    query: str  # typed into the search field, matches nothing, never saved
    deleted_name: str  # deleted, undone, deleted again
    deleted_notes: str
    mid_transaction: str  # written while the write-ahead log is copied

    def all(self) -> list[str]:
        return list(vars(self).values())


@pytest.fixture
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Path]]:
    """Every folder the process may write into, inside the test's folder."""
    folders = {name: tmp_path / name.lower() for name in FOLDERS}
    for folder in folders.values():
        folder.mkdir(mode=0o700)
    for name, folder in folders.items():
        monkeypatch.setenv(name, str(folder))
    for name in ("TMP", "TEMP", "SQLITE_TMPDIR"):
        monkeypatch.setenv(name, str(folders["TMPDIR"]))
    monkeypatch.setattr(tempfile, "tempdir", str(folders["TMPDIR"]))  # gettempdir() caches
    # QSettings keeps its user folder from the first use in the process: move it here, and
    # back afterwards (its earlier value is read off the file name it gives).
    before = Path(QSettings(ORGANIZATION, APP_NAME).fileName()).parent.parent
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    for fmt in formats:
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folders["XDG_CONFIG_HOME"]))
    try:
        yield folders
    finally:
        for fmt in formats:
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(before))


@pytest.fixture
def logged_to_file(private_home: dict[str, Path]) -> Iterator[Path]:
    """Every log record of the session, SQLAlchemy's statements included, in a file."""
    path = private_home["XDG_STATE_HOME"] / "session.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root, engine_log = logging.getLogger(), logging.getLogger("sqlalchemy.engine")
    levels = root.level, engine_log.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    engine_log.setLevel(logging.INFO)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(levels[0])
        engine_log.setLevel(levels[1])


def _canaries() -> Canaries:
    return Canaries(
        *(
            new_canary(label)
            for label in (
                "Created",
                "CreatedNotes",
                "Bulk",
                "BulkNotes",
                "BulkTag",
                "Target",
                "Variant",
                "Country",
                "EditedNotes",
                "Summary",
                "Query",
                "Deleted",
                "DeletedNotes",
                "MidTx",
            )
        )
    )


# -- steps of the session, through the window ----------------------------------------------


def _activate(qtbot: QtBot, window: QWidget) -> None:
    """Give the window the keyboard back (a closed dialog may have left it inactive)."""
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)


def _create_vault(qtbot: QtBot, window: MainWindow) -> None:
    start = window.start
    qtbot.keyClick(start.welcome.ui.createButton, Qt.Key.Key_Space)
    ui = start.create_page.ui
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    qtbot.keyClicks(ui.confirmEdit, PASSPHRASE)
    with qtbot.waitSignal(window.context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(ui.confirmEdit, Qt.Key.Key_Return)


def _new_actor_in_dialog(qtbot: QtBot, window: MainWindow, name: str, notes: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = window.workspace.actors.new_actor_dialog
    assert form is not None
    qtbot.keyClicks(form.ui.notesEdit, notes)
    qtbot.keyClicks(form.ui.nameEdit, name)
    with qtbot.waitSignal(form.created):
        qtbot.keyClick(form.ui.nameEdit, Qt.Key.Key_Return)


def _plant(window: MainWindow, c: Canaries) -> tuple[int, int]:
    """Four hundred actors through the services, and the two the session works on."""
    context = window.context
    vault, now = context.vault, context.now()
    with context.writing():
        with vault.transaction() as session:
            for i in range(BULK_ACTORS):
                actors.add_actor(
                    session,
                    NewActor(
                        f"{c.bulk_name} {i:04d}",
                        cadence_days=7 + (i * 37) % 90,
                        notes=f"{c.bulk_notes} met {i} times",
                        tags=[c.bulk_tag] if i % 3 == 0 else [],
                    ),
                )
        target = actors.create_actor(
            vault, NewActor(c.target_name, name_variants=[c.target_variant]), now
        )
        doomed = actors.create_actor(vault, NewActor(c.deleted_name, notes=c.deleted_notes), now)
    return target.id, doomed.id


def _search_and_open(qtbot: QtBot, window: MainWindow, text: str) -> None:
    search = window.workspace.search
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(search, text)
    assert search.popup is not None
    assert search.popup.isVisible()
    assert search.hits, "the search found nothing"
    with qtbot.waitSignal(window.context.open_actor):
        qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.workspace.current_view() is window.workspace.actor_page


def _search_for_nothing(qtbot: QtBot, window: MainWindow, text: str) -> None:
    search = window.workspace.search
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(search, text)
    assert search.hits == []
    assert search.popup is not None
    assert search.popup.isVisible()
    qtbot.keyClick(search, Qt.Key.Key_Escape)


def _edit_in_form(qtbot: QtBot, window: MainWindow, country: str, notes: str) -> None:
    page = window.workspace.actor_page
    changed = window.context.changed
    page.tabs.setCurrentWidget(page.form.parentWidget())
    country_edit = page.form.ui.countryEdit
    country_edit.setFocus()
    qtbot.keyClicks(country_edit, country)
    with qtbot.waitSignal(changed):
        qtbot.keyClick(country_edit, Qt.Key.Key_Return)
    page.tabs.setCurrentWidget(page.notes)
    page.notes.setFocus()
    qtbot.keyClicks(page.notes, f"Prefers mornings. {notes}")
    with qtbot.waitSignal(changed):
        qtbot.keyClick(page.notes, Qt.Key.Key_Tab)  # leaving the field saves it


def _log_contact_here(qtbot: QtBot, window: MainWindow, summary: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    dialog = window.log_dialog
    assert isinstance(dialog, LogDialog)
    qtbot.waitExposed(dialog)
    assert len(dialog.participants()) == 1
    qtbot.keyClicks(dialog.ui.summaryEdit, f"Coffee; {summary}")
    with qtbot.waitSignal(window.context.changed):
        qtbot.keyClick(dialog.ui.summaryEdit, Qt.Key.Key_Return, CTRL)


class SpillWatch:
    """While installed, every pooled connection reads the open deleted files now and then."""

    def __init__(self, engine: sa.Engine, canaries: list[str]) -> None:
        self.engine = engine
        self.canaries = canaries
        self.looks = 0
        self.hits: dict[str, list[str]] = {}

    def _look(self) -> int:
        self.looks += 1
        self.hits.update(canaries_in_deleted_files(self.canaries))
        return 0  # go on

    def _checkout(self, dbapi_connection: Any, *_: Any) -> None:
        dbapi_connection.set_progress_handler(self._look, WATCH_EVERY)

    def _checkin(self, dbapi_connection: Any, *_: Any) -> None:
        if dbapi_connection is not None:
            dbapi_connection.set_progress_handler(None, 0)

    def __enter__(self) -> SpillWatch:
        sa.event.listen(self.engine, "checkout", self._checkout)
        sa.event.listen(self.engine, "checkin", self._checkin)
        return self

    def __exit__(self, *_: object) -> None:
        sa.event.remove(self.engine, "checkout", self._checkout)
        sa.event.remove(self.engine, "checkin", self._checkin)


def _click_header(qtbot: QtBot, window: MainWindow, column: int) -> None:
    header = window.workspace.actors.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def _sort_every_column(qtbot: QtBot, window: MainWindow) -> None:
    """Click each header of the Actors view twice (one way, then the other)."""
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    view = window.workspace.actors
    model = view.model
    assert model.total == BULK_ACTORS + 3
    orders: dict[tuple[str | None, bool], list[int]] = {}
    for column in range(model.columnCount()):
        for _ in range(2):
            _click_header(qtbot, window, column)
            orders[(model.sort_key, model.descending)] = [
                model.id_at(row) for row in range(model.loaded)
            ]
    sortable = [col.sort_key for col in model.columns if col.sort_key is not None]
    assert {key for key, _ in orders} == set(sortable)
    for key in sortable:  # every sortable column was sorted both ways, really
        assert orders[(key, False)] != orders[(key, True)], key


def _delete_undo_delete(qtbot: QtBot, window: MainWindow, doomed: int) -> None:
    context = window.context
    window.undo.confirm = lambda *_args: True  # the user answers "Delete"
    with qtbot.waitSignal(context.open_actor):
        context.open_actor.emit(doomed)
    page = window.workspace.actor_page
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert window.undo_action.isEnabled()
    _activate(qtbot, window)
    with qtbot.waitSignal(context.changed):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert actors.get_actor(context.vault, doomed, context.now()).id == doomed
    page.reload()
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert doomed not in {a.id for a in actors.list_actors(context.vault, context.now())}


def _back_up(qtbot: QtBot, window: MainWindow, folder: Path) -> Path:
    _identity, recipient = backup.new_identity()  # a key, not a passphrase: cheap
    folder.mkdir()
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    dialog = window.backup.dialog
    assert isinstance(dialog, BackupDialog)
    qtbot.waitExposed(dialog)
    dialog.ui.folderEdit.setText(str(folder))
    qtbot.mouseClick(dialog.ui.keysRadio, Qt.MouseButton.LeftButton)
    dialog.ui.recipientsEdit.setPlainText(recipient)
    with qtbot.waitSignal(dialog.operation_finished, timeout=WORK_TIMEOUT_MS):
        qtbot.mouseClick(dialog.ui.startButton, Qt.MouseButton.LeftButton)
    assert "verified" in dialog.ui.resultLabel.text(), dialog.ui.messageLabel.text()
    dialog.close()
    (written,) = folder.glob("*.age")
    return written


def _copy_log_mid_transaction(window: MainWindow, c: Canaries, into: Path) -> dict[str, Any]:
    """Write canaries in a transaction and, before it ends, copy the -wal (and any
    -journal) aside. SQLite's page cache is shrunk for this transaction only, so that its
    pages spill into the write-ahead log before the commit, as a big change would."""
    vault = window.context.vault
    db = vault.path / "vault.db"
    wal = db.with_name(db.name + "-wal")
    seen: dict[str, Any] = {"wal bytes before": wal.stat().st_size}
    with vault.transaction() as session:
        conn = session.connection()
        cache_size = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
        conn.exec_driver_sql("PRAGMA cache_size = -64")
        try:
            for i in range(60):
                actors.add_actor(
                    session,
                    NewActor(f"{c.mid_transaction} {i}", notes=f"{c.mid_transaction} " * 100),
                )
                session.flush()
            for suffix in ("-wal", "-journal"):
                source = db.with_name(db.name + suffix)
                if source.exists():
                    shutil.copyfile(source, into / f"copied-mid-transaction{suffix}")
            seen["wal bytes during"] = wal.stat().st_size
            seen["deleted open files"] = canaries_in_deleted_files(c.all())
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")
    return seen


# -- the test --------------------------------------------------------------------------------


def test_a_whole_session_leaves_no_record_text_in_any_file(
    qtbot: QtBot,
    tmp_path: Path,
    clock: FakeClock,
    private_home: dict[str, Path],
    logged_to_file: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    c = _canaries()
    home = private_home
    window, context, settings = make_window(qtbot, tmp_path, clock, settings=Settings())
    assert Path(settings.store.fileName()).is_relative_to(home["XDG_CONFIG_HOME"])

    _create_vault(qtbot, window)
    vault_path = context.vault.path
    assert vault_path == home["XDG_DATA_HOME"] / "ContactKeeper" / "vault"

    # From here until the vault locks, every statement on every pooled connection (the
    # backup's, off the UI thread, too) looks at the open deleted files now and then.
    with SpillWatch(context.vault.engine, c.all()) as watch:
        _new_actor_in_dialog(qtbot, window, c.created_name, c.created_notes)
        target, doomed = _plant(window, c)

        _search_and_open(qtbot, window, c.target_name)
        assert window.workspace.actor_page.actor_id == target
        _edit_in_form(qtbot, window, c.edited_country, c.edited_notes)
        _log_contact_here(qtbot, window, c.summary)
        detail = actors.get_actor(context.vault, target, context.now())
        assert detail.country == c.edited_country
        assert detail.notes == f"Prefers mornings. {c.edited_notes}"
        assert c.summary in interactions.journal(context.vault)[0].summary
        _search_for_nothing(qtbot, window, c.query)

        looks_before_sorting = watch.looks
        _sort_every_column(qtbot, window)
        assert watch.looks > looks_before_sorting, "the sorts ran unwatched"

        _delete_undo_delete(qtbot, window, doomed)
        backup_file = _back_up(qtbot, window, home["HOME"] / "stick")
        mid = _copy_log_mid_transaction(window, c, home["XDG_STATE_HOME"])
    assert watch.hits == {}
    # The open transaction's pages were in the log when it was copied.
    assert mid["wal bytes during"] > mid["wal bytes before"]
    assert mid["deleted open files"] == {}

    with qtbot.waitSignal(context.vault_locked, timeout=1000):
        qtbot.mouseClick(window.workspace.lock_button, Qt.MouseButton.LeftButton)
    window.close()  # writes the window's geometry into the settings
    QApplication.processEvents()

    # What was written is where the scan looks...
    scanned = list(files_under(tmp_path))
    names = {path.name for path in scanned}
    assert {"vault.db", "vault.key", "ContactKeeper.conf", backup_file.name} <= names
    assert {"session.log", "copied-mid-transaction-wal"} <= names
    assert "FROM actors" in logged_to_file.read_text(encoding="utf-8")  # statements logged
    assert not (vault_path / "vault.db").read_bytes().startswith(b"SQLite format 3")
    assert (home["XDG_CONFIG_HOME"] / "ContactKeeper" / "ContactKeeper.conf").stat().st_size

    # ...and no byte of it, nor anything the process printed, holds any record text.
    canaries = c.all()
    leaks = {
        str(path.relative_to(tmp_path)): found
        for path in scanned
        if (found := found_in(path.read_bytes(), canaries))
    }
    assert leaks == {}
    assert "[SQL parameters hidden" in logged_to_file.read_text(encoding="utf-8")
    printed = capfd.readouterr()
    assert found_in((printed.out + printed.err).encode("utf-8"), canaries) == []
    assert canaries_in_deleted_files(canaries) == {}

    # The positive controls: the same scan finds a canary written in clear, as UTF-16 in a
    # named file, and as UTF-8 in a file unlinked while still open (as SQLite's are).
    (home["XDG_CACHE_HOME"] / "control.txt").write_bytes(f"x {c.summary} y".encode("utf-16-le"))
    found = {
        str(path.relative_to(tmp_path))
        for path in files_under(tmp_path)
        if found_in(path.read_bytes(), canaries)
    }
    assert found == {"xdg_cache_home/control.txt"}
    with tempfile.TemporaryFile() as unlinked:  # in TMPDIR, already without a name
        unlinked.write(f"row: {c.bulk_name} 0001".encode())
        unlinked.flush()
        assert list(canaries_in_deleted_files(canaries).values()) == [[c.bulk_name]]
        assert Path(os.readlink(f"/proc/self/fd/{unlinked.fileno()}")).is_relative_to(
            home["TMPDIR"]
        )
