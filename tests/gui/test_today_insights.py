"""Today's readiness moves are worked out off the UI thread, like brokers and ripening: the
list says "Working it out…" meanwhile, then shows the move the process chart draws."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.today import WORKING_OUT, TodayView
from contactkeeper.records import actors, processes, readiness
from contactkeeper.records.actors import NewActor
from contactkeeper.records.readiness import NewCue
from tests.gui.window_helpers import show_active


def _valley(context: AppContext) -> int:
    """A process whose two parties both moved toward talks ten days ago."""
    vault, now = context.vault, context.now()
    process = processes.create_process(vault, "Dry Valley").id
    sides = [
        processes.add_side(vault, process, name).sides[-1].id
        for name in ("Valley villages", "District office")
    ]
    actors.create_actor(vault, NewActor("Hassan Idris"), now)  # Today is not the empty page
    kinds = {k.key: k.id for k in readiness.cue_kinds(vault)}
    for side in sides:
        for key in ("hurting-stalemate", "way-out"):
            readiness.record_cue(
                vault,
                NewCue(
                    kinds[key],
                    now.date() - timedelta(days=10),
                    process_id=process,
                    side_id=side,
                    strength=5,
                    reliability="A",
                    credibility=2,
                ),
            )
    return process


def test_readiness_moves_are_worked_out_off_the_ui_thread_and_match_the_chart(
    context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    process = _valley(context)
    threads: list[bool] = []
    computed = readiness.recent_moves

    def watched(*args: object, **kwargs: object) -> list[readiness.ReadinessMove]:
        threads.append(threading.current_thread() is threading.main_thread())
        return computed(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(readiness, "recent_moves", watched)
    view = TodayView(context)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    show_active(qtbot, view)
    with qtbot.waitSignal(view.insights_ready, timeout=10_000):
        view.reload()
        # Until the answer comes, the list says it is being worked out.
        assert view.moves.placeholder.text() == WORKING_OUT
        assert view.moves.placeholder.isVisibleTo(view)
    assert threads, "readiness moves were not computed"
    assert not any(threads), "readiness moves were computed on the UI thread"
    assert view.moves.model.rowCount() == 1
    assert view.moves.model.index(0, 0).data() == "Dry Valley"
    # The figure is the chart's own difference over the window.
    ready = readiness.process_readiness(context.vault, process)
    on = context.now().date()
    change = ready.reading(on).readiness - ready.reading(on - timedelta(days=30)).readiness
    assert view.moves.model.index(0, 1).data() == f"▲ {change:+.1f}"
    why = str(view.moves.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole))
    assert "half-life of 90 d" in why
    assert not view.moves.placeholder.isVisibleTo(view)


def test_a_reload_keeps_the_moves_shown_until_the_new_ones_arrive(
    context: AppContext, qtbot: QtBot
) -> None:
    _valley(context)
    view = TodayView(context)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    with qtbot.waitSignal(view.insights_ready, timeout=10_000):
        view.reload()
    with qtbot.waitSignal(view.insights_ready, timeout=10_000):
        view.reload()
        assert view.moves.model.rowCount() == 1  # no flicker to an empty list meanwhile
    assert view.moves.model.rowCount() == 1
