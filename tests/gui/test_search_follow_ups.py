"""Global search lists a follow-up found by its text; opening it shows its actor's page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.widgets.search_popup import SearchField
from contactkeeper.records import actors, followups
from contactkeeper.records.actors import NewActor
from contactkeeper.records.followups import NewFollowUp


def test_a_follow_up_found_by_its_title_opens_its_actors_page(qtbot, context: AppContext) -> None:
    karim = actors.create_actor(
        context.vault, NewActor("Karim Nassar", codename="CEDAR HERON"), context.now()
    ).id
    followups.create_follow_up(
        context.vault, NewFollowUp("Send the harbour memo", date(2026, 12, 9), actor_id=karim)
    )
    window = QMainWindow()
    body = QWidget()
    field = SearchField(context)
    QVBoxLayout(body).addWidget(field)
    window.setCentralWidget(body)
    window.resize(900, 600)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    field.setFocus()
    qtbot.keyClicks(field, "harbour")
    assert field.popup is not None
    assert field.popup.count() == 1
    assert field.popup.item(0).text().endswith("\nFollow-up · open · Karim Nassar")
    with qtbot.waitSignal(context.open_actor) as opened:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert opened.args == [karim]
    window.close()
