"""Tables whose point is a text (what was said, a note) give that text the width to spare,
on a laptop screen and on a small one: the short columns (dates, kinds, names) are as wide
as they need, the text is on screen and wide enough to read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from contactkeeper.gui.main_window import MainWindow
from contactkeeper.records import actors, processes
from contactkeeper.records.actors import ActorFilter
from contactkeeper.vault import Vault
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window

SIZES = [(1280, 800), (1024, 600)]
# The text column gets at least this share of its table's width.
SHARE = 0.4


def _column(table: QTableView, title: str) -> int:
    model = table.model()
    for column in range(model.columnCount()):
        if model.headerData(column, Qt.Orientation.Horizontal) == title:
            return column
    raise AssertionError(f"no column {title!r}")


def _window(qtbot: QtBot, tmp_path: Path, clock: FakeClock, vault: Vault, size: tuple[int, int]):
    window, context, _ = make_window(qtbot, tmp_path, clock)
    window.resize(*size)
    context.open(vault)
    return window, context


def _journal(window: MainWindow) -> QTableView:
    window.show_section(3)
    return window.workspace.journal.table


def _timeline(window: MainWindow) -> QTableView:
    vault, now = window.context.vault, window.context.now()
    layla = actors.list_actors(vault, now, filters=ActorFilter(text="layla"))[0]
    window.context.open_actor.emit(layla.id)
    return window.workspace.actor_page.timeline_table


def _actor_cues(window: MainWindow) -> QTableView:
    table = _timeline(window)
    page = window.workspace.actor_page
    page.tabs.setCurrentWidget(page.cue_table)
    assert table is not None
    return page.cue_table


def _cue_log(window: MainWindow) -> QTableView:
    process = processes.list_processes(window.context.vault)[0]
    window.context.open_process.emit(process.id)
    return window.workspace.process_page.cue_table


TABLES: list[tuple[str, Callable[[MainWindow], QTableView], str]] = [
    ("journal", _journal, "Summary"),
    ("actor timeline", _timeline, "Summary"),
    ("actor cues", _actor_cues, "Note"),
    ("process cue log", _cue_log, "Note"),
]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize(("name", "open_table", "title"), TABLES, ids=[t[0] for t in TABLES])
def test_the_text_column_is_on_screen_and_wide_enough_to_read(
    qtbot: QtBot,
    tmp_path: Path,
    clock: FakeClock,
    demo_vault: Vault,
    size: tuple[int, int],
    name: str,
    open_table: Callable[[MainWindow], QTableView],
    title: str,
) -> None:
    window, _ = _window(qtbot, tmp_path, clock, demo_vault, size)
    table = open_table(window)
    qtbot.waitUntil(table.isVisible)
    assert table.model().rowCount() > 0, name
    column = _column(table, title)
    header = table.horizontalHeader()
    room = table.viewport().width()

    def fits() -> bool:
        left = header.sectionViewportPosition(column)
        width = header.sectionSize(column)
        return left >= 0 and left + width <= room + 1 and width >= SHARE * room

    qtbot.waitUntil(fits, timeout=2000)
    # The short columns that are shown are each at least a few letters wide.
    for other in range(table.model().columnCount()):
        if other != column and not header.isSectionHidden(other):
            assert header.sectionSize(other) >= 40, (name, other)
