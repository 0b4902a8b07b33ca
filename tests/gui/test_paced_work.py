"""Today's insights (work that can wait) pause while the UI thread turns a page of a list,
and go on when it is done."""

from __future__ import annotations

import threading

import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.operations import run_paced, ui_turn

LONG_QUERY = sa.text(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) "
    "SELECT count(*) FROM c"
)


def test_paced_work_waits_while_the_ui_thread_has_its_turn(
    qtbot: QtBot, context: AppContext
) -> None:
    vault = context.vault
    finished = threading.Event()
    answers: list[object] = []

    def work() -> int:
        with vault.transaction() as session:
            counted = int(session.scalar(LONG_QUERY) or 0)
        finished.set()
        return counted

    with ui_turn():  # a page of a list being read on the UI thread
        run_paced(context, work, answers.append, answers.append)
        assert not finished.wait(0.5)  # paused at a step of its query
    assert finished.wait(20)  # the turn is over: it goes on
    qtbot.waitUntil(lambda: answers == [300000])
