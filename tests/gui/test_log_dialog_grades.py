"""A readiness cue noted while logging a contact is graded there, as in the cue dialog: the
source's reliability A to F, the information's credibility 1 to 6, and who reported it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import REPORTED_BY_DEFAULT, LogDialog
from contactkeeper.records import actors, processes, readiness
from contactkeeper.records.actors import NewActor
from contactkeeper.vault.model import Sensitivity
from tests.gui.window_helpers import show_active


def _dialog(context: AppContext, qtbot: QtBot, actor_ids: list[int]) -> LogDialog:
    dialog = LogDialog(context, None, actor_ids)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def _combo_texts(combo: object) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]  # type: ignore[attr-defined]


def test_a_cue_logged_with_a_contact_keeps_its_grades_and_its_reporter(
    context: AppContext, qtbot: QtBot
) -> None:
    vault, now = context.vault, context.now()
    tariq = actors.create_actor(vault, NewActor("Tariq Mansour"), now).id
    nadia = actors.create_actor(vault, NewActor("Nadia Saleh"), now).id
    coast = processes.create_process(vault, "Coastal talks")
    dialog = _dialog(context, qtbot, [tariq, nadia])
    ui = dialog.ui
    ui.processCombo.setCurrentIndex(ui.processCombo.findData(coast.id))
    ui.cueBox.setChecked(True)
    # The grades read in words, as analysts grade a report; unknown until chosen.
    assert "B: usually reliable" in _combo_texts(ui.cueReliabilityCombo)
    assert "2: probably true" in _combo_texts(ui.cueCredibilityCombo)
    assert ui.cueReliabilityCombo.currentData() == "F"
    assert ui.cueCredibilityCombo.currentData() == 6
    assert _combo_texts(ui.cueReporterCombo) == [
        REPORTED_BY_DEFAULT,
        "Tariq Mansour",
        "Nadia Saleh",
    ]
    stalemate = next(k for k in readiness.cue_kinds(vault) if k.key == "hurting-stalemate")
    ui.cueKindCombo.setCurrentIndex(ui.cueKindCombo.findData(stalemate.id))
    ui.cueReliabilityCombo.setCurrentIndex(ui.cueReliabilityCombo.findData("B"))
    ui.cueCredibilityCombo.setCurrentIndex(ui.cueCredibilityCombo.findData(2))
    ui.cueReporterCombo.setCurrentIndex(ui.cueReporterCombo.findData(nadia))
    with qtbot.waitSignal(context.changed):
        qtbot.keyClick(ui.summaryEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [cue] = readiness.list_cues(vault, process_id=coast.id)
    assert cue.grade == "B2"
    assert cue.grade_words == "source usually reliable, information probably true"
    assert cue.reported_by_id == nadia


def test_the_reporter_list_follows_the_participants_and_privacy_mode(
    context: AppContext, qtbot: QtBot
) -> None:
    vault, now = context.vault, context.now()
    omar = actors.create_actor(
        vault, NewActor("Omar Khalil", sensitivity=Sensitivity.HIGH_RISK), now
    )
    dialog = _dialog(context, qtbot, [omar.id])
    combo = dialog.ui.cueReporterCombo
    assert _combo_texts(combo) == [REPORTED_BY_DEFAULT, omar.codename]  # high-risk: codename
    dialog.ui.participantList.setCurrentRow(0)
    qtbot.keyClick(dialog.ui.participantList, Qt.Key.Key_Delete)
    assert _combo_texts(combo) == [REPORTED_BY_DEFAULT]


def test_a_retired_kind_is_not_offered_when_logging(context: AppContext, qtbot: QtBot) -> None:
    hardening = next(k for k in readiness.cue_kinds(context.vault) if k.key == "hardening")
    readiness.retire_cue_kind(context.vault, hardening.id)
    dialog = _dialog(context, qtbot, [])
    assert dialog.ui.cueKindCombo.findData(hardening.id) == -1
