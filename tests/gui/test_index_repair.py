"""File > Rebuild the search index: asked first, done in the background, searching works again.

A real vault with one page of its search index damaged on disk (a flipped byte that
SQLCipher's page HMAC refuses), opened in a real window.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.errors import SearchIndexDamaged
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.index_repair import IndexRepairAction
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.records import search
from contactkeeper.vault import Vault
from tests.conftest import PASSPHRASE, FakeClock
from tests.gui.shell_helpers import settings_in
from tests.integration.test_damaged_search_index import damage_page, filled

TIMEOUT_MS = 60_000


@pytest.fixture
def damaged_context(qapp: object, tmp_path: Path, clock: FakeClock) -> AppContext:
    path, roots = filled(tmp_path / "vault")
    damage_page(path, roots["search_index_data"])
    context = AppContext(clock=clock)
    context.open(Vault.unlock(path, PASSPHRASE))
    return context


def test_the_rebuild_is_asked_first_and_searching_works_again(
    qtbot: QtBot, damaged_context: AppContext
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    questions: list[str] = []
    answers = iter([False, True])

    def confirm(parent: QWidget | None, title: str, text: str) -> bool:
        questions.append(text)
        return next(answers)

    repair = IndexRepairAction(damaged_context, window, confirm=confirm)
    with pytest.raises(SearchIndexDamaged, match="Rebuild the search index"):
        search.search(damaged_context.vault, "harbour5x1")

    repair.action.trigger()  # answered no: nothing happens
    assert not repair.running
    assert len(questions) == 1
    assert "records are not changed" in questions[0]

    with qtbot.waitSignal(repair.finished, timeout=TIMEOUT_MS) as rebuilt:
        repair.action.trigger()
    assert rebuilt.args == [True]
    assert "rebuilt" in repair.message
    assert [h.title for h in search.search(damaged_context.vault, "harbour5x1")] == ["Person 5"]
    assert damaged_context.vault.check_integrity().ok
    damaged_context.lock()


def test_the_action_is_in_the_file_menu_and_off_while_locked(
    qtbot: QtBot, damaged_context: AppContext, tmp_path: Path
) -> None:
    window = MainWindow(damaged_context, settings_in(tmp_path))
    qtbot.addWidget(window)
    assert window.index_repair.action in window.file_menu.actions()
    assert window.index_repair.action.isEnabled()
    damaged_context.lock()
    assert not window.index_repair.action.isEnabled()
