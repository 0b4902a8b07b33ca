"""The process page judges readiness per party: parties are managed there, cues are
corrected with undo, the moment is flagged by hand, and every figure says why."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.records import CueDialog
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.views.process_page import ProcessPage
from contactkeeper.i18n import isolate
from contactkeeper.records import actors, opportunities, processes, readiness
from contactkeeper.records.actors import NewActor
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault.model import ParticipationRole
from tests.gui.shown_text import visible
from tests.gui.window_helpers import show_active


def _page(context: AppContext, qtbot: QtBot) -> tuple[ProcessPage, int]:
    vault, now = context.vault, context.now()
    process = processes.create_process(vault, "Dry Valley returns").id
    for name in ("Hassan Idris", "Karim Nasser"):
        actor = actors.create_actor(vault, NewActor(name), now).id
        processes.add_participant(vault, process, actor, ParticipationRole.PARTY)
    page = ProcessPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    show_active(qtbot, page)
    page.show_process(process)
    return page, process


def test_parties_are_added_renamed_given_participants_and_drawn(
    context: AppContext, qtbot: QtBot
) -> None:
    page, process = _page(context, qtbot)
    page.add_side("Valley villages")
    page.add_side("Port authority")
    assert [page.sides.itemText(i) for i in range(page.sides.count())] == [
        "Valley villages",
        "Port authority",
    ]
    page.sides.setCurrentIndex(1)
    page.rename_side("District office")
    party = page.participants.topLevelItem(0)
    page.participants.setCurrentItem(party.child(0))  # Hassan
    page.sides.setCurrentIndex(0)
    page.put_on_side()
    assert page.participants.topLevelItem(0).child(0).text(2) == "Valley villages"
    kinds = {k.key: k.id for k in readiness.cue_kinds(context.vault)}
    info = processes.get_process(context.vault, process)
    villages = info.sides[0].id
    with context.writing(None):
        readiness.record_cue(
            context.vault,
            NewCue(
                kinds["hurting-stalemate"],
                context.now().date() - timedelta(days=3),
                process_id=process,
                side_id=villages,
                strength=5,
                reliability="A",
                credibility=1,
            ),
        )
    assert [s.name() for pair in page.chart.lines for s in pair] == [
        f"{isolate('Valley villages')}: motivation",
        f"{isolate('Valley villages')}: optimism",
        f"{isolate('District office')}: motivation",
        f"{isolate('District office')}: optimism",
    ]
    why = visible(page.why.text())
    assert "Valley villages: motivation +4" in why
    assert "held back by optimism" in why
    page.sides.setCurrentIndex(1)
    page.remove_side()
    assert page.sides.count() == 1


def test_a_cue_is_corrected_and_the_correction_undone(context: AppContext, qtbot: QtBot) -> None:
    page, process = _page(context, qtbot)
    kinds = {k.key: k.id for k in readiness.cue_kinds(context.vault)}
    with context.writing(None):
        readiness.record_cue(
            context.vault, NewCue(kinds["hardening"], context.now().date(), process_id=process)
        )
    page.edit_cue(page.cues.index(0, 0))
    dialog = page.dialog
    assert isinstance(dialog, CueDialog)
    dialog.reliability.setCurrentIndex(dialog.reliability.findData("B"))
    dialog.credibility.setCurrentIndex(dialog.credibility.findData(2))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.cues.index(0, 4).data() == "B2"
    assert "usually reliable" in page.cues.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert UndoController.for_context(context).undo()
    assert page.cues.index(0, 4).data() == "F6"


def test_the_moment_is_flagged_by_hand_with_an_expiry(context: AppContext, qtbot: QtBot) -> None:
    page, process = _page(context, qtbot)
    assert "flagged" not in page.why.text()
    page.flag_moment("Both mayors asked for a meeting", days=14)
    flag = opportunities.opportunity(context.vault, process)
    assert flag.open_on(context.now().date())
    assert not flag.open_on(context.now().date() + timedelta(days=15))
    page.clear_flag()
    assert not opportunities.opportunity(context.vault, process).open_on(context.now().date())
