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
    readiness.record_cue(
        vault,
        NewCue(
            _kind(context, "way-out"),
            day - timedelta(days=60),
            process_id=coast.id,
            strength=4,
            source_reliability=5,
        ),
    )
    readiness.record_cue(
        vault,
        NewCue(
            _kind(context, "back-channel-request"),
            day - timedelta(days=5),
            process_id=coast.id,
            strength=3,
            source_reliability=5,
        ),
    )
    view = ProcessesView(context)
    qtbot.addWidget(view)
    view.resize(1000, 300)
    view.show()
    qtbot.waitExposed(view)

    level, level_tip = _cell(view, "Coastal dialogue", "Readiness")
    expected = readiness.process_readiness(vault, day)[coast.id]
    assert level == expected.level_text() == "+5.4"  # 4.0 faded over 60 days, 3.0 over 5
    assert level_tip.startswith(f"Readiness level +5.4 on {day.day} {day:%b %Y}: the sum of 2 cues")
    assert level_tip == expected.explain_level().replace("\n  ", "\n")
    assert "half as much every 90 days" in level_tip
    assert "Way out perceived" in level_tip
    assert "Back-channel request" in level_tip

    trend, trend_tip = _cell(view, "Coastal dialogue", "Trend (30 d)")
    assert trend == "▲ +3.0"
    assert "over the last 30 days" in trend_tip
    assert "+3.0" in trend_tip
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
    assert _cell(view, "Coastal dialogue", "Trend (30 d)")[0] == "▼ -3.0"
    assert _cell(view, "Coastal dialogue", "Readiness")[0] == "-3.0"
    context.lock()
    assert view.model.rowCount() == 0
    assert view.readings == {}
