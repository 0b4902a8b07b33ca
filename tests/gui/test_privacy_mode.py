"""Privacy mode: codenames instead of real names everywhere, and high-risk actors who go by
their codename even outside it until the passphrase reveals them for a short while.

The demo vault (about sixty actors, names in four scripts and their variants) is rendered
screen by screen in privacy mode, and a walk over every widget, window title, action and
item model finds no actor's display name or name variant. A positive control proves that
the same walk does find real names when privacy mode is off.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
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
from pytestqt.qtbot import QtBot

from contactkeeper.demo import create_demo_vault
from contactkeeper.gui.context import HIDDEN, AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.records import ChannelDialog
from contactkeeper.gui.dialogs.reveal import WRONG, RevealDialog
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.records import actors, channels, interactions
from contactkeeper.records.actors import ActorSummary
from contactkeeper.records.interactions import JournalFilter
from contactkeeper.vault import Vault
from contactkeeper.vault.model import ChannelKind, Sensitivity
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.shell_helpers import make_window, settings_in

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)  # the FakeClock's start
TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)

Shown = tuple[MainWindow, AppContext, Vault]


# -- the demo vault and its real names --------------------------------------------------------


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("privacy") / "demo"
    create_demo_vault(path, PASSPHRASE, NOW, kdf=FAST_KDF).close()
    return path


@pytest.fixture
def shown(qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_path: Path) -> Iterator[Shown]:
    """The main window showing the demo vault (privacy mode off)."""
    window, context, _settings = make_window(qtbot, tmp_path, clock)
    vault = Vault.unlock(demo_path, PASSPHRASE)
    context.open(vault, demo=True)
    yield window, context, vault
    context.lock()


def _cast(vault: Vault) -> list[ActorSummary]:
    return actors.list_actors(vault, NOW, limit=1000)


def real_names(vault: Vault) -> dict[str, str]:
    """Every display name and name variant in the vault -> whose it is (its codename)."""
    names: dict[str, str] = {}
    for actor in _cast(vault):
        detail = actors.get_actor(vault, actor.id, NOW)
        for name in (detail.display_name, *(v.name for v in detail.name_variants)):
            names[name.casefold()] = detail.codename
    return names


# -- walking everything the application shows -------------------------------------------------


def _where(obj: QObject | None) -> str:
    chain = []
    while obj is not None and len(chain) < 4:
        chain.append(f"{type(obj).__name__}({obj.objectName()})")
        obj = obj.parent()
    return " < ".join(chain)


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.windowTitle()
    yield widget.toolTip()
    yield widget.statusTip()
    yield widget.whatsThis()
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        yield widget.placeholderText()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        yield widget.toPlainText()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QComboBox):
        yield widget.currentText()
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    for action in widget.actions():
        yield action.text()
        yield action.toolTip()
        yield action.statusTip()


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
    # A list model's columnCount is private: it has one column.
    columns = 1 if isinstance(model, QAbstractListModel) else max(model.columnCount(parent), 1)
    if not parent.isValid():
        for section in range(columns):
            for role in TEXT_ROLES:
                yield str(model.headerData(section, Qt.Orientation.Horizontal, role) or "")
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in TEXT_ROLES:
                yield str(model.data(index, role) or "")
            if column == 0 and not flat and model.hasChildren(index):
                yield from _model_texts(model, index)


def _models(widgets: Iterable[QWidget]) -> list[QAbstractItemModel]:
    found: dict[int, QAbstractItemModel] = {}
    for widget in widgets:
        models: list[QAbstractItemModel] = list(widget.findChildren(QAbstractItemModel))
        if isinstance(widget, QAbstractItemView | QComboBox) and widget.model() is not None:
            models.append(widget.model())
        for model in models:
            found.setdefault(id(model), model)
    return list(found.values())


def names_on_screen(
    names: dict[str, str], root: QWidget | None = None, *, skip: Iterable[QWidget] = ()
) -> list[str]:
    """Each place under ``root`` (default: the whole application) that shows a real name.

    ``skip``: widgets whose own text the user typed (a search field), not shown by us.
    """
    skipped = {id(w) for w in skip}
    if root is None:
        widgets = list(QApplication.allWidgets())
        actions = [a for top in QApplication.topLevelWidgets() for a in top.findChildren(QAction)]
    else:
        widgets = [root, *root.findChildren(QWidget)]
        actions = list(root.findChildren(QAction))
    hits: set[str] = set()

    def look(where: str, texts: Iterable[str]) -> None:
        for text in texts:
            folded = text.casefold()
            for name in names:
                if name in folded:
                    hits.add(f"{name!r} in {where}: {text[:80]!r}")

    for widget in widgets:
        if id(widget) not in skipped:
            look(_where(widget), _widget_texts(widget))
    for action in actions:
        look(_where(action), [action.text(), action.toolTip(), action.statusTip()])
    for model in _models(widgets):
        look(_where(model), _model_texts(model))
    if root is None:
        for top in QApplication.topLevelWidgets():
            if hasattr(top, "statusBar"):
                look("status bar", [top.statusBar().currentMessage()])
    return sorted(hits)


def _by_codename(vault: Vault, codename: str) -> ActorSummary:
    return next(a for a in _cast(vault) if a.codename == codename)


# -- privacy mode ------------------------------------------------------------------------------


def test_every_screen_of_the_demo_in_privacy_mode_shows_no_real_name(
    qtbot: QtBot, shown: Shown
) -> None:
    window, context, vault = shown
    names = real_names(vault)
    cast = _cast(vault)
    workspace = window.workspace
    assert len(names) > 100  # display names and variants, in four scripts

    # The positive control: with privacy mode off the same walk finds real names.
    workspace.show_section(1)
    assert names_on_screen(names, workspace.actors)

    context.set_privacy(True)
    for row in range(5):  # Today, Actors, Processes, Journal, Follow-ups
        workspace.show_section(row)
        assert names_on_screen(names, workspace.current_view()) == [], row
    assert workspace.actors.model.rowCount() == len(cast)

    for actor in cast:
        workspace.show_actor(actor.id)
        page = workspace.actor_page
        assert page.name_label.text() == actor.codename
        for tab in range(page.tabs.count()):
            page.tabs.setCurrentIndex(tab)
        assert names_on_screen(names, page) == [], actor.codename
        assert not page.reveal_button.isVisible()  # privacy mode reveals nothing
    for process in window.workspace.processes.model.rows:
        workspace.show_process(process.id)
        assert names_on_screen(names, workspace.process_page) == [], process.name
    assert workspace.process_page.description_label.placeholderText() == HIDDEN

    # The log dialog, with two participants (one high-risk) and their channels.
    yusuf, layla = _by_codename(vault, "ONYX FALCON"), _by_codename(vault, "AMBER WREN")
    window.open_log_dialog([yusuf.id, layla.id])
    dialog = window.log_dialog
    assert dialog is not None
    items = dialog.ui.participantList
    assert [items.item(i).text() for i in range(items.count())] == ["ONYX FALCON", "AMBER WREN"]
    assert names_on_screen(names, dialog) == []
    # Picking a participant by a real name: the suggestion shows the codename.
    qtbot.keyClicks(dialog.ui.participantEdit, "Karim Nas")
    suggestions = list(_model_texts(dialog.picker.suggestions))
    assert any(text.startswith("CEDAR HERON") for text in suggestions)
    assert names_on_screen(names, dialog, skip=[dialog.ui.participantEdit]) == []
    dialog.reject()

    # Correcting a logged contact: its summary is hidden, and kept as it was.
    (logged,) = interactions.journal(vault, JournalFilter(actor_id=yusuf.id), limit=1)
    edit = LogDialog.edit(context, logged.id, window)
    edit.open()
    assert edit.ui.summaryEdit.toPlainText() == ""
    assert edit.ui.summaryEdit.placeholderText() == HIDDEN
    assert edit.summary() == logged.summary
    assert names_on_screen(names, edit) == []
    edit.reject()

    # Editing the channel through two intermediaries.
    (indirect,) = [
        c for c in channels.list_channels(vault, yusuf.id, NOW) if c.kind is ChannelKind.INDIRECT
    ]
    channel_dialog = ChannelDialog.edit(context, indirect, window)
    channel_dialog.open()
    hops = channel_dialog.hops
    assert [hops.item(i).text() for i in range(hops.count())] == ["AMBER WREN", "SALT ANCHOR"]
    assert channel_dialog.text_of(channel_dialog.label) == indirect.label
    assert names_on_screen(names, channel_dialog) == []
    channel_dialog.reject()

    # The search popup, asked for a real name: it finds the actor and shows the codename.
    workspace.show_section(0)
    search = workspace.search
    search.setFocus()
    qtbot.keyClicks(search, "Yusuf Barakat")
    popup = search.popup
    assert popup is not None
    assert popup.isVisible()
    assert [h.id for h in search.hits][:1] == [yusuf.id]
    assert popup.item(0).text().startswith("ONYX FALCON")
    assert names_on_screen(names, skip=[search]) == []
    search.clear()
    qtbot.keyClicks(search, "port")  # words of summaries: interactions, summaries hidden
    assert any(h.kind == "interaction" for h in search.hits)

    # Finally everything at once, every window and model of the application.
    assert names_on_screen(names, skip=[search]) == []
    assert "Yusuf" not in window.windowTitle()


def test_turning_privacy_mode_off_shows_names_again_and_loses_nothing(
    qtbot: QtBot, shown: Shown
) -> None:
    window, context, vault = shown
    layla = _by_codename(vault, "AMBER WREN")
    before = actors.get_actor(vault, layla.id, NOW)
    page = window.workspace.actor_page
    window.workspace.show_actor(layla.id)
    assert page.name_label.text() == "Layla Haddad"
    assert page.notes.toPlainText() == before.notes

    context.set_privacy(True)
    assert page.name_label.text() == "AMBER WREN"
    assert page.notes.toPlainText() == ""
    assert page.notes.isReadOnly()
    assert page.form.ui.displayNameEdit.text() == ""
    assert not page.form.ui.displayNameEdit.isEnabled()
    assert page.form.ui.variantList.count() == 0
    page.form.ui.displayNameEdit.editingFinished.emit()  # leaving the field saves nothing
    page.notes.setFocus()
    page.follow_up_table.setFocus()

    context.set_privacy(False)
    assert page.name_label.text() == "Layla Haddad"
    assert page.notes.toPlainText() == before.notes
    assert not page.notes.isReadOnly()
    assert page.form.ui.displayNameEdit.text() == "Layla Haddad"
    assert page.form.ui.variantList.count() == len(before.name_variants)
    after = actors.get_actor(vault, layla.id, NOW)
    assert (after.display_name, after.notes) == (before.display_name, before.notes)


# -- high-risk actors outside privacy mode --------------------------------------------------------


def _risky_page(shown: Shown) -> tuple[ActorSummary, object]:
    window, _context, vault = shown
    yusuf = _by_codename(vault, "ONYX FALCON")
    assert yusuf.sensitivity is Sensitivity.HIGH_RISK
    window.workspace.show_actor(yusuf.id)
    return yusuf, window.workspace.actor_page


def _reveal(qtbot: QtBot, context: AppContext, page: object, passphrase: str) -> RevealDialog:
    page.reveal_button.click()  # type: ignore[attr-defined]
    dialog = page.dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, RevealDialog)
    qtbot.keyClicks(dialog.passphrase, passphrase)
    dialog.check()
    assert dialog.operation is not None
    with qtbot.waitSignal(dialog.operation.finished, timeout=30_000):
        pass
    return dialog


def test_a_high_risk_actor_goes_by_the_codename_even_outside_privacy_mode(
    shown: Shown,
) -> None:
    window, context, vault = shown
    assert not context.privacy
    yusuf, page = _risky_page(shown)
    names = {yusuf.display_name.casefold(): yusuf.codename}
    names |= {
        v.name.casefold(): yusuf.codename
        for v in actors.get_actor(vault, yusuf.id, NOW).name_variants
    }
    assert page.name_label.text() == "ONYX FALCON"  # type: ignore[attr-defined]
    assert page.reveal_button.isVisibleTo(page)  # type: ignore[attr-defined]
    for row in range(5):
        window.workspace.show_section(row)
    window.workspace.show_actor(_by_codename(vault, "AMBER WREN").id)  # his intermediary
    assert names_on_screen(names) == []
    # Others keep their names: this is not privacy mode.
    assert names_on_screen({"layla haddad": "AMBER WREN"})


def test_the_passphrase_reveals_a_high_risk_name_for_thirty_seconds(
    qtbot: QtBot, shown: Shown, clock: FakeClock
) -> None:
    _window, context, _vault = shown
    yusuf, page = _risky_page(shown)
    dialog = _reveal(qtbot, context, page, PASSPHRASE)
    assert dialog.result() == RevealDialog.DialogCode.Accepted
    assert page.name_label.text() == "Yusuf Barakat"  # type: ignore[attr-defined]
    assert page.form.ui.displayNameEdit.text() == "Yusuf Barakat"  # type: ignore[attr-defined]
    assert not page.reveal_button.isVisibleTo(page)  # type: ignore[attr-defined]

    clock.advance(seconds=29)
    context.expire_reveals()  # what the context's timer does every second
    assert page.name_label.text() == "Yusuf Barakat"  # type: ignore[attr-defined]
    clock.advance(seconds=2)
    context.expire_reveals()
    assert page.name_label.text() == "ONYX FALCON"  # type: ignore[attr-defined]
    assert page.form.ui.displayNameEdit.text() == ""  # type: ignore[attr-defined]
    names = {yusuf.display_name.casefold(): yusuf.codename}
    assert names_on_screen(names) == []


def test_a_wrong_passphrase_is_said_calmly_and_reveals_nothing(qtbot: QtBot, shown: Shown) -> None:
    _window, context, _vault = shown
    yusuf, page = _risky_page(shown)
    dialog = _reveal(qtbot, context, page, "not the passphrase")
    assert dialog.isVisible()
    assert dialog.message.text() == WRONG
    assert dialog.message.isVisibleTo(dialog)
    assert dialog.passphrase.text() == ""
    assert not context.revealed(yusuf.id)
    assert page.name_label.text() == "ONYX FALCON"  # type: ignore[attr-defined]
    dialog.reject()


def test_locking_forgets_every_reveal(qtbot: QtBot, shown: Shown, demo_path: Path) -> None:
    window, context, _vault = shown
    yusuf, page = _risky_page(shown)
    context.reveal(yusuf.id)
    assert page.name_label.text() == "Yusuf Barakat"  # type: ignore[attr-defined]
    context.lock()
    assert not context.revealed(yusuf.id)
    context.open(Vault.unlock(demo_path, PASSPHRASE), demo=True)
    window.workspace.show_actor(yusuf.id)
    assert window.workspace.actor_page.name_label.text() == "ONYX FALCON"


def test_privacy_mode_hides_even_a_revealed_name(shown: Shown) -> None:
    _window, context, _vault = shown
    yusuf, page = _risky_page(shown)
    context.reveal(yusuf.id)
    context.set_privacy(True)
    assert page.name_label.text() == "ONYX FALCON"  # type: ignore[attr-defined]
    context.set_privacy(False)
    assert page.name_label.text() == "Yusuf Barakat"  # type: ignore[attr-defined]


# -- the toggle ------------------------------------------------------------------------------------


def test_view_privacy_mode_toggles_on_ctrl_shift_p_and_is_remembered(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_path: Path
) -> None:
    window, context, settings = make_window(qtbot, tmp_path, clock)
    action = window.privacy_action
    assert not settings.privacy_mode()
    assert not context.privacy
    assert action.isCheckable()
    assert not action.isChecked()
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    view_menu = next(m.menu() for m in window.menuBar().actions() if m.text() == "&View")
    assert action in view_menu.actions()
    context.open(Vault.unlock(demo_path, PASSPHRASE), demo=True)

    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert context.privacy
    assert action.isChecked()
    assert settings.privacy_mode()
    assert window.windowTitle() == "DEMO — privacy mode — ContactKeeper"  # no name in it
    context.lock()

    # The next run starts as this one ended: in privacy mode.
    again, again_context, _ = make_window(qtbot, tmp_path, clock, settings_in(tmp_path))
    assert again_context.privacy
    assert again.privacy_action.isChecked()
    again.privacy_action.trigger()
    assert not again_context.privacy
    assert not settings_in(tmp_path).privacy_mode()
