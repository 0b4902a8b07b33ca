"""Every word on screen goes through the translations, and room is left for longer ones.

The program runs in the pseudo-language (``x-pseudo``): every translated string comes out
wrapped in ``⟦…⟧`` and 40 % longer. Then each window and dialog of the inventory
(tests/gui/windows.py) is opened over a demo vault made in that language, and every text a
person can see or hear is read off its widgets: labels, buttons, titles, tooltips,
placeholders, tabs, menus, combo items, table headers and cells, the map's words, accessible
names. Once the wrapped parts and the vault's own records (names a user typed, which are
never translated) are taken out, no word may be left: a word left was never marked for
translation. The same run, on a 1366x768 screen, finds labels and buttons too narrow for
their longer text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextBrowser,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contactkeeper import APP_NAME, i18n
from contactkeeper.gui import main_window, presentation, translation
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Base
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.conftest import DEMO_NOW
from tests.gui.shell_helpers import make_window
from tests.gui.windows import DIALOGS, Opened, main_pages

SCREEN = QRect(0, 0, 1366, 768)
ROOM = QSize(SCREEN.width(), SCREEN.height() - 32)
ROWS_READ = 25  # of each table: enough to meet every kind of cell
WORD = re.compile(r"[^\W\d_]{2,}")  # two letters or more: a lone "L" of "Ctrl+L" is no word
# A file's name is a name, not words (a backup's neutral "backup-YYYYMMDD-HHMMSS.age").
FILE_NAME = re.compile(r"[\w.-]+\.(?:age|vcf|csv|json|ics|pdf|png|svg|md|key|txt)\b")


@pytest.fixture(scope="module")
def pseudo_demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo vault as made by a person whose language is the pseudo-language."""
    from contactkeeper.demo import create_demo_vault

    folder = tmp_path_factory.mktemp("pseudo-demo") / "Demo vault"
    i18n.set_language(i18n.PSEUDO)
    try:
        create_demo_vault(folder, PASSPHRASE, DEMO_NOW, kdf=FAST_KDF).close()
    finally:
        i18n.set_language(i18n.ENGLISH)
    return folder


@pytest.fixture
def pseudo(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The application in the pseudo-language on a 1366x768 screen; English again after."""
    monkeypatch.setattr(presentation, "available_area", lambda widget: SCREEN)
    monkeypatch.setattr(main_window, "available_area", lambda widget: SCREEN)
    translation.install(qapp, i18n.PSEUDO)
    yield
    translation.install(qapp, i18n.ENGLISH)


@pytest.fixture
def opened(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, pseudo: None, pseudo_demo_folder: Path
) -> Iterator[Opened]:
    import shutil

    copy = tmp_path / "vault"
    shutil.copytree(pseudo_demo_folder, copy)
    vault = Vault.unlock(copy, PASSPHRASE)
    window, context, settings = make_window(qtbot, tmp_path, clock)
    window.resize(ROOM)
    context.open(vault)
    yield window, context, settings
    context.lock()


def record_texts(vault: Vault, *more: str) -> list[str]:
    """Every text the vault holds (typed by a person, or by the demo's story, which is
    allowed its own proper names), longest first, and what else is data (paths)."""
    found: set[str] = {APP_NAME, *i18n.LANGUAGES.values(), *more}
    with vault.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if not isinstance(column.type, sa.String | sa.Text):
                    continue
                for (value,) in conn.execute(sa.select(column).distinct()):
                    if isinstance(value, str) and WORD.search(value):
                        found.add(value.strip())
    return sorted((t for t in found if t), key=len, reverse=True)


def _plain(text: str) -> str:
    if QtGui.Qt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def unmarked(text: str, records: list[str]) -> str:
    """What is left of ``text`` once translated parts and records are taken out: the
    words never marked for translation (empty when there are none)."""
    text = _plain(text)
    kept: list[str] = []
    depth = 0
    for char in text:
        if char == i18n.PSEUDO_OPEN:
            depth += 1
        elif char == i18n.PSEUDO_CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(char)
    rest = FILE_NAME.sub(" ", "".join(kept))
    if not WORD.search(rest):
        return ""
    for record in records:
        if record in rest:
            rest = rest.replace(record, " ")
    return " ".join(WORD.findall(rest))


def _item_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model keeps its one column to itself
        columns = 1
    for section in range(columns):
        header = model.headerData(section, Qt.Orientation.Horizontal)
        if isinstance(header, str):
            yield "header", header
    for row in range(min(model.rowCount(QModelIndex()), ROWS_READ)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield f"cell {row},{column}", value


def _menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    yield "menu", menu.title()
    for action in menu.actions():
        yield "action", action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def texts_of(top: QWidget) -> Iterator[tuple[str, str]]:
    """Every text of ``top``'s visible widgets that a person reads or hears."""
    yield "window title", top.windowTitle()
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            if action.menu() is not None:
                yield from _menu_texts(action.menu())
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        kind = type(widget).__name__
        yield f"{kind} tooltip", widget.toolTip()
        yield f"{kind} accessible name", widget.accessibleName()
        yield f"{kind} accessible description", widget.accessibleDescription()
        if isinstance(widget, QLabel | QAbstractButton):
            yield kind, widget.text()
        elif isinstance(widget, QGroupBox):
            yield kind, widget.title()
        elif isinstance(widget, QLineEdit):
            yield f"{kind} placeholder", widget.placeholderText()
        elif isinstance(widget, QTextBrowser):
            yield kind, widget.toPlainText()
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            yield f"{kind} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield kind, widget.itemText(index)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield kind, widget.tabText(index)
                yield f"{kind} tooltip", widget.tabToolTip(index)
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            yield from ((f"{kind} {where}", text) for where, text in _item_texts(widget))
        elif isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                yield "map tooltip", item.toolTip()
                if isinstance(item, QGraphicsSimpleTextItem):
                    yield "map text", item.text()
                elif isinstance(item, QGraphicsTextItem):
                    yield "map text", item.toPlainText()
        if isinstance(widget, QAbstractSpinBox):
            yield f"{kind} special value", widget.specialValueText()
            if isinstance(widget, QSpinBox):
                yield f"{kind} suffix", widget.suffix()


def untranslated(top: QWidget, records: list[str]) -> list[str]:
    found = []
    for where, text in texts_of(top):
        if text and (left := unmarked(text, records)):
            found.append(f"{where}: {left!r} in {text[:80]!r}")
    return sorted(set(found))


def too_narrow(top: QWidget) -> list[str]:
    """Visible labels and buttons narrower than their text (word-wrapped labels: shorter)."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()):
                    found.append(f"label cut short: {widget.text()[:60]!r}")
            elif (
                widget.textFormat() != Qt.TextFormat.RichText
                and "\n" not in widget.text()
                and widget.width() + 1 < widget.sizeHint().width()
                and not _elided(widget)
            ):
                found.append(
                    f"label clipped: {widget.text()[:60]!r} "
                    f"({widget.width()} of {widget.sizeHint().width()} px)"
                )
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.width() + 1 < widget.sizeHint().width()
        ):
            found.append(f"button clipped: {widget.text()[:60]!r}")
    return found


def _widest(top: QWidget) -> list[str]:
    """The widgets that ask for the most width, to tell which one widened a window."""
    wide = [
        (w.minimumSizeHint().width(), type(w).__name__, w.objectName(), _text(w))
        for w in top.findChildren(QWidget)
        if w.isVisible() and w.minimumSizeHint().width() > ROOM.width() // 2
    ]
    from PySide6.QtWidgets import QStackedWidget

    for stack in top.findChildren(QStackedWidget):
        for index in range(stack.count()):
            page = stack.widget(index)
            if page.minimumSizeHint().width() > ROOM.width():
                wide.append((page.minimumSizeHint().width(), type(page).__name__, "page", ""))
                for child in page.findChildren(QWidget):
                    if child.minimumSizeHint().width() > ROOM.width():
                        wide.append(
                            (
                                child.minimumSizeHint().width(),
                                type(child).__name__,
                                child.objectName(),
                                _text(child),
                            )
                        )
    return [f"{width} {kind} {name} {text}" for width, kind, name, text in sorted(wide)[:30]]


def _text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return str(text())[:60] if callable(text) else ""


def _elided(label: QLabel) -> bool:
    """A label that shortens its text on purpose (a path or a name elided in the middle)."""
    return bool(label.property("elided")) or "…" in label.text()


def _settle(qtbot: QtBot) -> None:
    qtbot.wait(20)
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.wait(20)


def test_every_page_of_the_main_window_is_translated(qtbot: QtBot, opened: Opened) -> None:
    window, context, _ = opened
    records = record_texts(context.vault, *Path(context.vault.path).parts)
    problems: dict[str, list[str]] = {}
    for name in main_pages(window, context):
        _settle(qtbot)
        left = untranslated(window, records)
        if left:
            problems[name] = left
    assert problems == {}, "\n".join(
        f"{page}: {line}" for page, lines in problems.items() for line in lines
    )


def test_every_page_of_the_main_window_has_room_for_longer_words(
    qtbot: QtBot, opened: Opened
) -> None:
    window, context, _ = opened
    problems: dict[str, list[str]] = {}
    for name in main_pages(window, context):
        _settle(qtbot)
        assert window.width() <= ROOM.width(), (name, _widest(window))
        if narrow := too_narrow(window):
            problems[name] = narrow
    assert problems == {}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_is_translated_and_has_room(qtbot: QtBot, opened: Opened, name: str) -> None:
    window, context, settings = opened
    dialog = DIALOGS[name](window, context, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle(qtbot)
    records = record_texts(context.vault, *Path(context.vault.path).parts)
    assert untranslated(dialog, records) == []
    assert dialog.width() <= ROOM.width()
    assert dialog.height() <= ROOM.height()
    assert too_narrow(dialog) == []


def test_the_start_screens_are_translated(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, pseudo: None
) -> None:
    window, _, _ = make_window(qtbot, tmp_path, clock)
    window.resize(ROOM)
    records = [APP_NAME, *Path(tmp_path).parts]
    for show in (window.start.show_welcome, window.start.show_create):
        show()
        _settle(qtbot)
        assert untranslated(window, records) == []
        assert too_narrow(window) == []


def test_the_check_finds_a_word_left_unmarked(qtbot: QtBot, pseudo: None) -> None:
    """The check itself: an unmarked label is found, a marked one and a record are not."""
    top = QWidget()
    qtbot.addWidget(top)
    marked = QLabel(i18n._("Going cold"), top)
    marked.move(0, 0)
    record = QLabel(i18n._("Reach {name}").format(name=i18n.isolate("Fr. Pavel")), top)
    record.move(0, 30)
    forgotten = QLabel("Going cold", top)
    forgotten.move(0, 60)
    top.show()
    assert untranslated(top, ["Fr. Pavel"]) == [
        "QLabel: 'Going cold' in 'Going cold'",
    ]
