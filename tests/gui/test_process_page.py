"""The process page: participants grouped by role, the cue log and the readiness chart;
the processes list creates new processes."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.records import CueDialog, ParticipantDialog
from contactkeeper.gui.views.process_page import ProcessPage
from contactkeeper.gui.views.processes import ProcessesView
from contactkeeper.i18n import isolate
from contactkeeper.records import actors, processes, readiness
from contactkeeper.records.actors import NewActor
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault.model import ParticipationRole, ProcessPhase
from tests.gui.window_helpers import show_active


def _coast(context: AppContext) -> int:
    now = context.now()
    vault = context.vault
    coast = processes.create_process(vault, "Coastal ceasefire talks").id
    for name, role in (
        ("Tariq al-Amin", ParticipationRole.PARTY),
        ("Yusuf Barakat", ParticipationRole.PARTY),
        ("Samira Khalil", ParticipationRole.CONVENOR),
    ):
        actor = actors.create_actor(vault, NewActor(name), now).id
        processes.add_participant(vault, coast, actor, role)
    kinds = {k.key: k.id for k in readiness.cue_kinds(vault)}
    today = now.date()
    for days, key in ((60, "hurting-stalemate"), (20, "hardening"), (5, "way-out")):
        readiness.record_cue(
            vault,
            NewCue(kind_id=kinds[key], observed_on=today - timedelta(days=days), process_id=coast),
        )
    return coast


def _page(context: AppContext, qtbot: QtBot, process_id: int) -> ProcessPage:
    page = ProcessPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 650)
    show_active(qtbot, page)
    page.show_process(process_id)
    return page


def test_participants_are_grouped_by_role(context: AppContext, qtbot: QtBot) -> None:
    page = _page(context, qtbot, _coast(context))
    tree = page.participants
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [g.text(0) for g in groups] == ["Party (2)", "Convenor (1)"]
    assert [groups[0].child(i).text(0) for i in range(2)] == ["Tariq al-Amin", "Yusuf Barakat"]
    with qtbot.waitSignal(context.open_actor):
        tree.itemActivated.emit(groups[1].child(0), 0)  # a double-click or Enter
    tree.setCurrentItem(groups[0].child(1))
    yusuf = [
        a.id
        for a in actors.list_actors(context.vault, context.now())
        if a.display_name == "Yusuf Barakat"
    ]
    assert page.selected_actor_ids() == yusuf  # what Ctrl+L pre-fills


def test_the_cue_log_and_the_readiness_chart_have_a_point_per_cue_day(
    context: AppContext, qtbot: QtBot
) -> None:
    page = _page(context, qtbot, _coast(context))
    signals = [page.cues.index(r, 1).data() for r in range(page.cues.rowCount())]
    assert signals == ["Way out perceived", "Hardening", "Hurting stalemate perceived"]
    # No parties yet: the process is judged as one, with its two lines; three cue marks.
    assert page.chart.marks.count() == 3
    [(motivation, _optimism)] = page.chart.lines
    assert motivation.name() == f"{isolate('The process')}: motivation"
    levels = [motivation.at(i).y() for i in range(motivation.count())]
    assert levels[0] > 0  # a hurting stalemate points toward talks
    assert min(levels) < levels[0]  # hardening pulls it back
    assert len(levels) > 30  # the fading is drawn day by day, not from cue to cue
    today = context.now().date()
    assert "Hardening" in page.chart.why_on(today)
    assert "Hurting stalemate" in page.chart.why_mark(0)


def test_a_cue_seen_in_the_news_is_added_and_moves_the_chart(
    context: AppContext, qtbot: QtBot
) -> None:
    coast = processes.create_process(context.vault, "Coastal ceasefire talks").id
    page = _page(context, qtbot, coast)
    qtbot.mouseClick(page.add_cue_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, CueDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findText("Public softening"))
    dialog.strength.setValue(5)
    qtbot.keyClicks(dialog.note, "Minister speaks of 'neighbours' on TV")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.cues.index(0, 1).data() == "Public softening"
    assert page.cues.index(0, 7).data() == "Minister speaks of 'neighbours' on TV"
    assert page.cues.index(0, 4).data() == "F6"  # not graded: cannot be judged
    assert page.chart.marks.count() == 1
    [(_motivation, optimism)] = page.chart.lines
    assert optimism.at(optimism.count() - 1).y() == 1.25  # strength 5 x F 0.5 x 6 0.5


def test_adding_a_participant_in_a_role(context: AppContext, qtbot: QtBot) -> None:
    coast = processes.create_process(context.vault, "Coastal ceasefire talks").id
    karim = actors.create_actor(context.vault, NewActor("Karim Nasser"), context.now()).id
    page = _page(context, qtbot, coast)
    qtbot.mouseClick(page.add_participant_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ParticipantDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "choose the actor" in dialog.message.text()  # nobody chosen: said calmly
    dialog.choose(karim, "Karim Nasser")
    dialog.role.setCurrentIndex(dialog.role.findData(ParticipationRole.INTERMEDIARY.value))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    group = page.participants.topLevelItem(0)
    assert group.text(0) == "Intermediary (1)"
    assert group.child(0).text(0) == "Karim Nasser"


def test_changing_the_phase_saves_at_once(context: AppContext, qtbot: QtBot) -> None:
    coast = _coast(context)
    page = _page(context, qtbot, coast)
    page.phase.setFocus()
    qtbot.keyClicks(page.phase, "negotiation")
    page.phase.activated.emit(page.phase.currentIndex())
    assert processes.get_process(context.vault, coast).phase is ProcessPhase.NEGOTIATION


def test_renaming_in_place_saves_and_an_empty_name_is_refused_calmly(
    context: AppContext, qtbot: QtBot
) -> None:
    coast = _coast(context)
    page = _page(context, qtbot, coast)
    page.name_label.setFocus()
    page.name_label.selectAll()
    qtbot.keyClicks(page.name_label, "Qaranis coastal dialogue")
    qtbot.keyClick(page.name_label, Qt.Key.Key_Return)
    assert processes.get_process(context.vault, coast).name == "Qaranis coastal dialogue"
    page.name_label.selectAll()
    qtbot.keyClick(page.name_label, Qt.Key.Key_Delete)
    qtbot.keyClick(page.name_label, Qt.Key.Key_Return)
    assert "Name" in page.message.text()
    assert processes.get_process(context.vault, coast).name == "Qaranis coastal dialogue"


def test_a_new_process_is_created_from_the_list_and_opened(
    context: AppContext, qtbot: QtBot
) -> None:
    view = ProcessesView(context)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    qtbot.keyClicks(view.name, "Water sharing dialogue")
    with qtbot.waitSignal(context.open_process) as opened:
        qtbot.keyClick(view.name, Qt.Key.Key_Return)
    [created] = processes.list_processes(context.vault)
    assert created.name == "Water sharing dialogue"
    assert opened.args == [created.id]
    assert view.model.index(0, 0).data() == "Water sharing dialogue"
    qtbot.keyClick(view.name, Qt.Key.Key_Return)  # an empty name is refused calmly
    assert "Name" in view.message.text()


def test_a_process_without_cues_says_how_to_add_one(context: AppContext, qtbot: QtBot) -> None:
    quiet = processes.create_process(context.vault, "Quiet channel")
    page = _page(context, qtbot, quiet.id)
    assert page.chart.lines == []
    assert "No readiness cues yet" in page.chart.chart().title()


def test_locking_empties_the_page_and_the_list(context: AppContext, qtbot: QtBot) -> None:
    page = _page(context, qtbot, _coast(context))
    view = ProcessesView(context)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 1
    context.lock()
    assert page.name_label.text() == ""
    assert page.participants.topLevelItemCount() == 0
    assert page.cues.rowCount() == 0
    assert page.chart.lines == []
    assert page.why.text() == ""
    assert view.model.rowCount() == 0


def test_the_chart_and_the_record_pages_bring_in_no_network_code() -> None:
    modules = (
        "views.process_page",
        "views.processes",
        "views.actor_page",
        "views.journal",
        "views.followups",
        "dialogs.log",
        "dialogs.trash",
        "undo",
    )
    imports = "; ".join(f"import contactkeeper.gui.{m}" for m in modules)
    code = f"import sys; {imports}; print('PySide6.QtNetwork' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
