"""Locked means locked: after a working session with every view visited, a search run and a
name copied, locking leaves no connection open and no text of any record anywhere in the
application's widgets, models, window titles or clipboard.

Random canary strings are planted in records through the services; the test first proves
that its walk over the widget tree does see them while the vault is open (the positive
control), then locks and walks again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from contactkeeper.gui.autolock import AutoLock
from contactkeeper.gui.clipboard import copy_secret
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.gui.panic import PanicKeys, install_panic
from contactkeeper.records import actors, followups, interactions, organizations, processes
from contactkeeper.records.actors import NewActor
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.vault import Vault
from contactkeeper.vault.model import InteractionKind, ParticipationRole, Register
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window
from tests.helpers.canary import new_canary

# Roles asked of every item: Qt's own (display, decoration, edit, tool tip, status tip,
# what's this, font, alignment, colours, check state, accessible texts, size hint...) and
# the first user roles, where views keep their records' ids and objects.
ROLES = sorted(
    {*range(0, 16), *range(int(Qt.ItemDataRole.UserRole), int(Qt.ItemDataRole.UserRole) + 32)}
)


@dataclass(frozen=True)
class Canaries:
    name: str
    codename: str
    variant: str
    notes: str
    summary: str
    process: str
    description: str
    follow_up: str
    follow_up_note: str
    typed: str  # typed into the log dialog, never saved
    deleted: str  # an actor deleted during the session (the Undo item names it)

    def all(self) -> dict[str, str]:
        return dict(vars(self))


def _needles(canary: str) -> tuple[str, ...]:
    """The canary and two halves of its random part, lower-cased: an elided or cut text
    still shows one of them."""
    random_part = canary[-20:].lower()
    return (canary.lower(), random_part[:10], random_part[-10:])


def _where(obj: QObject) -> str:
    chain = []
    while obj is not None:
        chain.append(
            f"{type(obj).__name__}({obj.objectName()})" if obj.objectName() else type(obj).__name__
        )
        obj = obj.parent()
    return " < ".join(chain[:4])


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    yield "windowTitle", widget.windowTitle()
    yield "toolTip", widget.toolTip()
    yield "statusTip", widget.statusTip()
    yield "whatsThis", widget.whatsThis()
    yield "accessibleName", widget.accessibleName()
    yield "accessibleDescription", widget.accessibleDescription()
    if isinstance(widget, QLabel):
        yield "text", widget.text()
    if isinstance(widget, QLineEdit):
        yield "text", widget.text()
        yield "placeholderText", widget.placeholderText()
    if isinstance(widget, QTextEdit):
        yield "plainText", widget.toPlainText()
        yield "placeholderText", widget.placeholderText()
    if isinstance(widget, QPlainTextEdit):
        yield "plainText", widget.toPlainText()
        yield "placeholderText", widget.placeholderText()
    if isinstance(widget, QAbstractButton):
        yield "text", widget.text()
    if isinstance(widget, QGroupBox):
        yield "title", widget.title()
    if isinstance(widget, QComboBox):
        yield "currentText", widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        yield "text", widget.text()
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"tab {i}", f"{widget.tabText(i)} {widget.tabToolTip(i)}"
    for action in widget.actions():
        yield "action", f"{action.text()} {action.toolTip()} {action.statusTip()}"


def _models() -> list[QAbstractItemModel]:
    """Every item model the application holds: those of views and combo boxes, and any
    other model a widget or the application keeps (a completer's, a proxy's source)."""
    found: dict[int, QAbstractItemModel] = {}

    def add(model: QAbstractItemModel | None) -> None:
        while model is not None and id(model) not in found:
            found[id(model)] = model
            model = model.sourceModel() if isinstance(model, QAbstractProxyModel) else None

    for widget in QApplication.allWidgets():
        if isinstance(widget, QAbstractItemView | QComboBox):
            add(widget.model())
    for top in QApplication.topLevelWidgets():
        for model in top.findChildren(QAbstractItemModel):
            add(model)
    return list(found.values())


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    if isinstance(model, QAbstractListModel):  # its columnCount is private: one column
        return 1
    return max(model.columnCount(parent), 1)


def _has_children(model: QAbstractItemModel, index: QModelIndex) -> bool:
    if isinstance(model, QAbstractListModel | QAbstractTableModel):  # flat by definition
        return False
    return model.hasChildren(index)


def _model_texts(model: QAbstractItemModel) -> Iterator[tuple[str, str]]:
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = (
            _columns(model, QModelIndex())
            if orientation == Qt.Orientation.Horizontal
            else model.rowCount(QModelIndex())
        )
        for section in range(min(count, 200)):
            for role in ROLES:
                value = model.headerData(section, orientation, role)
                if value is not None:
                    yield f"header {section} role {role}", str(value)

    def walk(parent: QModelIndex) -> Iterator[tuple[str, str]]:
        for row in range(model.rowCount(parent)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                if not index.isValid():
                    continue
                values = {role: model.data(index, role) for role in ROLES}
                values.update(model.itemData(index))
                for role, value in values.items():
                    if value is not None:
                        yield f"row {row} column {column} role {int(role)}", str(value)
                if column == 0 and _has_children(model, index):
                    yield from walk(index)

    yield from walk(QModelIndex())


def canaries_on_screen(canaries: dict[str, str]) -> list[str]:
    """Every place in the application that shows (or keeps for showing) a canary."""
    hits: list[str] = []

    def look(where: str, texts: Iterator[tuple[str, str]]) -> None:
        for what, text in texts:
            lowered = text.lower()
            for label, canary in canaries.items():
                if any(needle in lowered for needle in _needles(canary)):
                    hits.append(f"{label}: {where} {what}")

    for widget in QApplication.allWidgets():
        look(_where(widget), _widget_texts(widget))
    for top in QApplication.topLevelWidgets():
        for action in top.findChildren(QAction):
            look(_where(action), iter([("action", f"{action.text()} {action.toolTip()}")]))
    for model in _models():
        look(_where(model), _model_texts(model))
    clipboard = QGuiApplication.clipboard().text()
    look("clipboard", iter([("text", clipboard)]))
    return sorted(set(hits))


def _plant(vault: Vault, clock: FakeClock) -> tuple[Canaries, int, int, int]:
    c = Canaries(
        *(
            new_canary(label)
            for label in (
                "Name",
                "Code",
                "Variant",
                "Notes",
                "Summary",
                "Process",
                "Description",
                "Todo",
                "TodoNote",
                "Typed",
                "Deleted",
            )
        )
    )
    now = clock()
    actor = actors.create_actor(
        vault,
        NewActor(
            c.name,
            codename=c.codename,
            notes=f"Prefers tea. {c.notes}",
            name_variants=[c.variant],
            cadence_days=14,
        ),
        now,
    )
    process = processes.create_process(vault, c.process, description=c.description)
    processes.add_participant(vault, process.id, actor.id, ParticipationRole.INTERMEDIARY)
    interactions.log_interaction(
        vault,
        occurred_at=now - timedelta(days=20),
        kind=InteractionKind.SOCIAL,
        participants=[actor.id],
        register=Register.SOCIAL,
        summary=f"Dinner at home. {c.summary}",
        process_id=process.id,
    )
    followups.create_follow_up(
        vault,
        NewFollowUp(c.follow_up, now.date(), actor_id=actor.id, note=c.follow_up_note),
    )
    council = organizations.create_organization(vault, f"{c.process} Council")
    organizations.add_affiliation(vault, actor.id, council.id, "member")
    deleted = actors.create_actor(vault, NewActor(c.deleted), now)
    return c, actor.id, process.id, deleted.id


Session = tuple[MainWindow, AppContext, Vault, Canaries]


@pytest.fixture
def worked_in(qtbot, tmp_path: Path, clock: FakeClock, vault: Vault) -> Session:
    """A window after a working session: every view visited, a search, a name copied, an
    actor deleted (Undo names it), and the log dialog open with a half-typed note."""
    window, context, settings = make_window(qtbot, tmp_path, clock)
    canaries, actor_id, process_id, deleted_id = _plant(vault, clock)
    settings.remember_vault(vault.path)
    context.open(vault)
    workspace = window.workspace
    for section in range(5):  # Today, Actors, Processes, Journal, Follow-ups
        workspace.show_section(section)
    context.open_actor.emit(actor_id)
    context.open_process.emit(process_id)
    context.open_organization.emit(organizations.list_organizations(vault)[0].id)
    workspace.search.setFocus()
    qtbot.keyClicks(workspace.search, canaries.name)
    assert workspace.search.popup is not None
    assert workspace.search.popup.count() > 0
    copy_secret(canaries.name, context)
    window.undo.confirm = lambda *_args: True  # the user answers "Delete" to the question
    window.undo.discard("actor", deleted_id, canaries.deleted, window)
    context.open_actor.emit(actor_id)
    window.log_contact()
    dialog = window.log_dialog
    assert isinstance(dialog, LogDialog)
    qtbot.keyClicks(dialog.ui.summaryEdit, canaries.typed)
    return window, context, vault, canaries


def test_the_walk_sees_the_records_while_the_vault_is_open(worked_in: Session) -> None:
    _, _, _, canaries = worked_in
    hits = canaries_on_screen(canaries.all())
    seen = {hit.split(":")[0] for hit in hits}
    # Every kind of text was on screen somewhere: the walk would notice any one left over.
    assert {"name", "notes", "summary", "process", "follow_up", "typed", "deleted"} <= seen
    assert "name: clipboard text" in hits


def _lock_now(qtbot, window: MainWindow, context: AppContext, clock: FakeClock) -> None:
    context.lock()  # what the Lock button and Ctrl+Shift+L do


def _panic_key(qtbot, window: MainWindow, context: AppContext, clock: FakeClock) -> None:
    keys = install_panic(window, context).findChild(PanicKeys)
    dialog = window.log_dialog
    assert dialog is not None
    try:
        qtbot.keyClick(
            dialog.ui.summaryEdit,
            Qt.Key.Key_H,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    finally:
        keys.stop()


def _idle(qtbot, window: MainWindow, context: AppContext, clock: FakeClock) -> None:
    autolock = AutoLock(context, watch_desktop=False)
    try:
        clock.advance(minutes=5)
        autolock.check()  # the timer's slot: no waiting
    finally:
        autolock.stop()


@pytest.mark.parametrize(
    "lock", [_lock_now, _panic_key, _idle], ids=["lock now", "panic key", "idle timeout"]
)
def test_locking_closes_every_connection_and_leaves_no_record_text_anywhere(
    qtbot, worked_in: Session, clock: FakeClock, lock: Callable[..., None]
) -> None:
    window, context, vault, canaries = worked_in
    engine = vault.engine
    with qtbot.waitSignal(context.vault_locked, timeout=1000):
        lock(qtbot, window, context, clock)
    assert not vault.is_open
    assert engine.pool.checkedout() == 0
    assert engine.pool.checkedin() == 0  # no idle connection kept either
    open_files = [f.path for f in psutil.Process().open_files()]
    assert [p for p in open_files if Path(p).is_relative_to(vault.path)] == []
    assert window.screens.currentWidget() is window.start
    assert canaries_on_screen(canaries.all()) == []
