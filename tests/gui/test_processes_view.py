"""The Processes list shows each process's readiness and trend at a glance, and says how
each figure was reckoned: which cues, over what window."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.processes import NO_CUES, NO_CUES_TIP, ProcessesView
from contactkeeper.records import processes, readiness
from contactkeeper.records.readiness import NewCue


def _kind(context: AppContext, key: str) -> int:
    return next(k.id for k in readiness.cue_kinds(context.vault) if k.key == key)


def _cell(view: ProcessesView, name: str, header: str) -> tuple[str, str]:
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    index = model.index(row, headers.index(header))
    tooltip = QTextDocument()  # the tooltip is rich text: read it as the user does
    tooltip.setHtml(index.data(Qt.ItemDataRole.ToolTipRole))
    return index.data(), tooltip.toPlainText()


def test_each_process_shows_its_readiness_and_trend_with_the_cues_behind_them(
    qtbot: QtBot, context: AppContext
) -> None:
    vault, day = context.vault, context.now().date()
    coast = processes.create_process(vault, "Coastal dialogue")
    processes.create_process(vault, "Northern channel")
    for key, days_ago, strength in (
        ("way-out", 60, 4),  # optimism, two months ago: outside the trend's window
        ("hurting-stalemate", 50, 4),  # motivation, likewise
        ("back-channel-request", 5, 3),  # recent
    ):
        readiness.record_cue(
            vault,
            NewCue(
                _kind(context, key),
                day - timedelta(days=days_ago),
                process_id=coast.id,
                strength=strength,
                reliability="A",
                credibility=1,
            ),
        )
    view = ProcessesView(context)
    qtbot.addWidget(view)
    view.resize(1000, 300)
    view.show()
    qtbot.waitExposed(view)

    # The figures are those of the per-party computation the process chart and Today use.
    expected = readiness.readiness_of(vault, [coast.id])[coast.id]
    reading, moved = expected.reading(day), expected.move(day)
    level, level_tip = _cell(view, "Coastal dialogue", "Readiness")
    assert level == f"{reading.readiness:+.1f}"
    assert reading.readiness > 0
    assert level_tip == reading.why().replace("\n  ", "\n")
    assert "as ready as the least ready party" in level_tip

    trend, trend_tip = _cell(view, "Coastal dialogue", "Trend (30 d)")
    assert moved.change > 0
    assert trend == f"▲ {moved.change:+.1f}"
    assert trend_tip == expected.explain_move(day).replace("\n  ", "\n")
    assert "Back-channel request" in trend_tip
    assert "Way out perceived" not in trend_tip  # two months ago: outside the window

    # A process without cues says so, and how to add one.
    assert _cell(view, "Northern channel", "Readiness") == (NO_CUES, NO_CUES_TIP)
    assert _cell(view, "Northern channel", "Trend (30 d)") == (NO_CUES, NO_CUES_TIP)


def test_a_new_cue_moves_the_figures_at_once(qtbot: QtBot, context: AppContext) -> None:
    vault, day = context.vault, context.now().date()
    coast = processes.create_process(vault, "Coastal dialogue")
    view = ProcessesView(context)
    qtbot.addWidget(view)
    view.show()
    assert _cell(view, "Coastal dialogue", "Trend (30 d)")[0] == NO_CUES
    with context.writing(None):  # written elsewhere: the view hears of it
        readiness.record_cue(
            vault, NewCue(_kind(context, "hardening"), day, process_id=coast.id, strength=5)
        )
    expected = readiness.readiness_of(vault, [coast.id])[coast.id]
    change = expected.move(day).change
    assert change < 0  # hardening: away from readiness
    assert _cell(view, "Coastal dialogue", "Trend (30 d)")[0] == f"▼ {change:+.1f}"
    assert _cell(view, "Coastal dialogue", "Readiness")[0] == (
        f"{expected.reading(day).readiness:+.1f}"
    )
    context.lock()
    assert view.model.rowCount() == 0
    assert view.readings == {}
