"""The half-life and the threshold are visible settings, each said in a sentence; saving them
works the process chart and Today out again, and the figures' "why" names the half-life."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.readiness_settings import (
    HALF_LIFE_MEANS,
    THRESHOLD_MEANS,
    ReadinessSettingsDialog,
)
from contactkeeper.gui.views.process_page import ProcessPage
from contactkeeper.gui.views.today import TodayView
from contactkeeper.records import actors, processes, readiness
from contactkeeper.records.actors import NewActor
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault.resources import ui_dir
from tests.gui.window_helpers import show_active


def _talks(context: AppContext) -> int:
    """A process with one party, moved toward talks by one strong cue 60 days ago."""
    vault, now = context.vault, context.now()
    process = processes.create_process(vault, "Dry Valley").id
    side = processes.add_side(vault, process, "Valley villages").sides[0].id
    actors.create_actor(vault, NewActor("Hassan Idris"), now)
    kinds = {k.key: k.id for k in readiness.cue_kinds(vault)}
    for key in ("hurting-stalemate", "way-out"):
        readiness.record_cue(
            vault,
            NewCue(
                kinds[key],
                now.date() - timedelta(days=60),
                process_id=process,
                side_id=side,
                strength=5,
                reliability="A",
                credibility=1,
            ),
        )
    return process


def _settings_dialog(context: AppContext, qtbot: QtBot) -> ReadinessSettingsDialog:
    dialog = ReadinessSettingsDialog(context)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def _last_motivation(page: ProcessPage) -> float:
    motivation, _optimism = page.chart.lines[0]
    return motivation.at(motivation.count() - 1).y()


def test_each_setting_says_what_it_means(context: AppContext, qtbot: QtBot) -> None:
    dialog = _settings_dialog(context, qtbot)
    assert dialog.half_life.value() == 90
    assert dialog.threshold.value() == 2.0
    shown = " ".join(label.text() for label in dialog.findChildren(type(dialog.message)))
    assert HALF_LIFE_MEANS in shown
    assert THRESHOLD_MEANS in shown


def test_changing_the_half_life_changes_the_charts_figures_and_its_why(
    context: AppContext, qtbot: QtBot
) -> None:
    process = _talks(context)
    page = ProcessPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    show_active(qtbot, page)
    page.show_process(process)
    # 5 x 1.0 x 1.0 sixty days ago, with a half-life of 90 days.
    assert _last_motivation(page) == pytest.approx(5 * 0.5 ** (60 / 90))
    today = context.now().date()
    assert "fades by half every 90 days" in page.chart.why_on(today)
    assert "half-life of 90 d" in page.why.text()
    dialog = _settings_dialog(context, qtbot)
    dialog.half_life.setValue(30)
    with qtbot.waitSignal(context.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert readiness.settings(context.vault).half_life_days == 30
    assert _last_motivation(page) == pytest.approx(5 * 0.5 ** (60 / 30))
    assert "fades by half every 30 days" in page.chart.why_on(today)
    assert "half-life of 30 d" in page.why.text()


def test_raising_the_threshold_takes_a_process_off_todays_ripening_list(
    context: AppContext, qtbot: QtBot
) -> None:
    _talks(context)
    view = TodayView(context)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    with qtbot.waitSignal(view.insights_ready, timeout=10_000):
        view.reload()
    assert view.ripening.model.rowCount() == 1  # 3.15 for the one party, above 2
    why = str(view.ripening.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert "each fades by half every 90 days" in why
    dialog = _settings_dialog(context, qtbot)
    dialog.threshold.setValue(4)
    with qtbot.waitSignal(view.insights_ready, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert view.ripening.model.rowCount() == 0


def test_a_half_life_out_of_bounds_is_refused_in_place(context: AppContext, qtbot: QtBot) -> None:
    dialog = _settings_dialog(context, qtbot)
    dialog.half_life.setRange(0, 5000)  # the spin box keeps within bounds; the service too
    dialog.half_life.setValue(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Half-life: must be between 1 and 3650 days" in dialog.message.text()
    assert readiness.settings(context.vault).half_life_days == 90


def test_the_guide_says_where_the_half_life_and_the_threshold_are_set() -> None:
    guide = (ui_dir() / "guide.html").read_text(encoding="utf-8")
    assert "the <b>half-life</b>, which you can change in\nFile &gt; Readiness settings" in guide
    assert "File &gt; Cue catalogue" in guide
    assert "credibility of the information" in guide
